// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz/ops_check.c - fuzz_ops: the kernel against the model (2.4.16's, or
 * with FZ_KERNEL26 2.6.32's, which also counts ptes and faults). The log of
 * the ops so far, the report that ends an input (abort(), so libFuzzer
 * keeps it), and the checks: each call's result, what shmctl and the
 * accesses return, and after every step sim_check_all(), every task's
 * vmas against its ranges and every segment against the model's.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/swap.h"
#include "sim/proc.h"
#include "sim/shm_views.h"
#include "sim/trace.h"

#include "ops.h"

int fz_verbose;
int fz_trace;
static char fz_log[8192];
static size_t fz_log_len;

/* ---- the log and the report --------------------------------------------- */

/* The ops so far, printed when the harness finds a bug. */
void fz_logf(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (fz_verbose)
		fprintf(stderr, "%s\n", line);
	if (fz_log_len + strlen(line) + 2 >= sizeof(fz_log))
		fz_log_len = 0;		/* keep the tail */
	fz_log_len += snprintf(fz_log + fz_log_len,
			       sizeof(fz_log) - fz_log_len, "%s\n", line);
}

void fz_log_reset(void)
{
	fz_log_len = 0;
}

void fz_bug(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "fuzz_ops: ops so far:\n%.*s", (int)fz_log_len,
		fz_log);
	fprintf(stderr, "fuzz_ops: BUG at step %d: ", m.step);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

int is_err(long ret)
{
	return ret < 0 && ret >= -4095;
}

const char *errname(long ret)
{
	static char buf[2][32];	/* two in one message: got, want */
	static int n;

	if (ret == 0)
		return "0";
	if (is_err(ret))
		return sim_errno_name((int)-ret);
	n = !n;
	snprintf(buf[n], sizeof(buf[n]), "%#lx", ret);
	return buf[n];
}

void expect_ret(const char *what, long got, long want)
{
	if (got != want)
		fz_bug("%s returned %s (%ld), " FZ_KERNEL " gives %s", what,
		       errname(got), got, errname(want));
}

/* ---- what a call returned ----------------------------------------------- */

void check_ds(const char *what, const struct mseg *sg,
	      const struct shmid64_ds *ds)
{
	if ((key_t)ds->shm_perm.key != sg->key || ds->shm_perm.uid != sg->uid ||
	    ds->shm_perm.gid != sg->gid || ds->shm_perm.cuid != sg->cuid ||
	    ds->shm_perm.cgid != sg->cgid || ds->shm_perm.mode != sg->mode ||
	    ds->shm_perm.seq != (unsigned short)sg->seq ||
	    ds->shm_segsz != sg->size || ds->shm_cpid != sg->cpid ||
	    ds->shm_nattch != seg_nattch(sg))
		fz_bug("%s of id %d: key %#x uid %u gid %u cuid %u cgid %u "
		       "mode %#o seq %u size %zu cpid %d nattch %lu; the model "
		       "has key %#x uid %u gid %u cuid %u cgid %u mode %#o "
		       "seq %u size %u cpid %d nattch %lu", what, sg->id,
		       (unsigned int)ds->shm_perm.key, ds->shm_perm.uid,
		       ds->shm_perm.gid, ds->shm_perm.cuid, ds->shm_perm.cgid,
		       ds->shm_perm.mode, ds->shm_perm.seq, ds->shm_segsz,
		       ds->shm_cpid, ds->shm_nattch, (unsigned int)sg->key,
		       sg->uid, sg->gid, sg->cuid, sg->cgid, sg->mode, sg->seq,
		       sg->size, sg->cpid, seg_nattch(sg));
#ifdef FZ_KERNEL26
	if (ds->shm_lpid != sg->lpid)
		fz_bug("%s of id %d: lpid %d, the model has %d", what, sg->id,
		       ds->shm_lpid, sg->lpid);
#endif
}

/* SHM_INFO's used_ids and shm_tot, and rss plus swap within the total. */
static void check_shm_info(const struct shm_info *sinfo)
{
	unsigned long tot = 0, rss = 0;
	int used = 0, s;

	for (s = 0; s < FZ_SLOTS; s++) {
		if (!m.seg[s].used)
			continue;
		used++;
		tot += page_align(m.seg[s].size) / FZ_PAGE;
#ifdef FZ_KERNEL26
		rss += m.seg[s].obj->nresident;
#endif
	}
#ifdef FZ_KERNEL26
	/* no reclaim, no swap: every page faulted in stays, none is out */
	if (sinfo->shm_rss != rss || sinfo->shm_swp)
		fz_bug("SHM_INFO: rss %lu swp %lu; the model has %lu pages "
		       "resident", sinfo->shm_rss, sinfo->shm_swp, rss);
#else
	(void)rss;
#endif
	if (sinfo->used_ids != used || sinfo->shm_tot != tot ||
	    sinfo->shm_rss + sinfo->shm_swp > tot)
		fz_bug("SHM_INFO: used_ids %d shm_tot %lu rss %lu swp "
		       "%lu; the model has %d segments of %lu pages",
		       sinfo->used_ids, sinfo->shm_tot, sinfo->shm_rss,
		       sinfo->shm_swp, used, tot);
}

void check_shmctl(const struct fz_shmctl_args *a, const struct mseg *sg,
		  const struct shmid64_ds *ds, const struct shminfo64 *info,
		  const struct shm_info *sinfo)
{
	switch (a->cmd < 0 || a->shmid < 0 ? -1 : a->base) {
	case IPC_INFO:
		if (info->shmmax != 0x2000000 || info->shmmin != 1 ||
		    info->shmmni != 4096 || info->shmseg != 4096 ||
		    info->shmall != SHMALL)
			fz_bug("IPC_INFO: shmmax %lu shmmin %lu shmmni %lu "
			       "shmseg %lu shmall %lu", info->shmmax,
			       info->shmmin, info->shmmni, info->shmseg,
			       info->shmall);
		break;
	case SHM_INFO:
		check_shm_info(sinfo);
		break;
	case IPC_STAT:
	case SHM_STAT:
		check_ds(a->base == IPC_STAT ? "IPC_STAT" : "SHM_STAT", sg,
			 ds);
		break;
	}
}

void check_access_signal(struct mtask *t, uint32_t addr, size_t done,
			 int write, int sig)
{
	size_t i;
	uint32_t a;

	if (sig && sig != t->tsk->sim_sig)
		fz_bug("access: signal %d returned, %d delivered", sig,
		       t->tsk->sim_sig);
	if (!sig && t->tsk->sim_sig)
		fz_bug("access: no signal returned, %d delivered",
		       t->tsk->sim_sig);

	/* every page wholly or partly moved must allow the access */
	for (i = 0; i < done; ) {
		uint32_t p = (addr + (uint32_t)i) & ~(FZ_PAGE - 1);
		size_t chunk = FZ_PAGE - ((addr + (uint32_t)i) & (FZ_PAGE - 1));

		if (!page_allows(t, p, write))
			fz_bug("%s of %#x succeeded, the model forbids it",
			       write ? "store" : "load", p);
		i += chunk;
	}
	if (sig) {
		a = addr + (uint32_t)done;
		if (sig == SIGSEGV) {
			if (page_allows(t, a, write) == 1)
				fz_bug("SIGSEGV at %#x, the model allows the "
				       "%s", a, write ? "store" : "load");
		} else if (sig != SIGKILL) {
			fz_bug("signal %d at %#x (model: %s)", sig, a,
			       page_allows(t, a, write) ? "allowed" :
			       "forbidden");
		}
	}
}

void check_load(struct mtask *t, uint32_t addr, const unsigned char *buf,
		size_t done)
{
	size_t i;

	for (i = 0; i < done; ) {
		uint32_t va = addr + (uint32_t)i, off = va & (FZ_PAGE - 1);
		size_t chunk = FZ_PAGE - off, j;
		struct mrange *r = range_at(t, va);
		uint32_t pg = r->pgoff + (va - r->start) / FZ_PAGE;
		unsigned char *mb;

		if (chunk > done - i)
			chunk = done - i;
		mb = obj_byte(r->obj, pg, off, 0);
		if (r->obj->page[pg] ? memcmp(mb, buf + i, chunk) :
		    buf[i] || (chunk > 1 && memcmp(buf + i, buf + i + 1,
						   chunk - 1))) {
			for (j = 0; j < chunk; j++)
				if (buf[i + j] != (r->obj->page[pg] ?
						   mb[j] : 0))
					break;
			fz_bug("load of %#x gave %#x, the model has %#x",
			       va + (uint32_t)j, buf[i + j],
			       r->obj->page[pg] ? mb[j] : 0);
		}
		i += chunk;
	}
}

#ifdef FZ_KERNEL26
void check_faults(struct mtask *t)
{
	if (t->tsk->min_flt != t->min_flt || t->tsk->maj_flt)
		fz_bug("t%ld: min_flt %lu maj_flt %lu, the model counts %lu "
		       "minor faults and no major one", (long)(t - m.task),
		       t->tsk->min_flt, t->tsk->maj_flt, t->min_flt);
}

/* file_rss: every pte the model says is present, and no other */
static void check_ptes(struct mtask *t)
{
	unsigned long rss = get_mm_counter(t->tsk->mm, file_rss);

	if (rss != t->nptes || get_mm_counter(t->tsk->mm, anon_rss))
		fz_bug("t%ld: file_rss %lu anon_rss %lu, the model has %lu "
		       "ptes", (long)(t - m.task), rss,
		       (unsigned long)get_mm_counter(t->tsk->mm, anon_rss),
		       t->nptes);
	check_faults(t);
}
#endif

/* ---- the checks after every step ---------------------------------------- */

/* The file behind vma against what r maps: a segment, shmem, or none. */
static void check_vma_object(struct mtask *t, struct vm_area_struct *vma,
			     struct mrange *r)
{
	if (r->obj->is_shm) {
		struct mseg *sg = seg_of(r->obj);

		if (!sim_is_shm_vma(vma) || !vma->vm_file || !sg ||
		    vma->vm_file->f_dentry->d_inode->i_ino !=
		    (unsigned long)sg->id)
			fz_bug("t%ld: vma %#lx-%#lx is not an attach of id %d",
			       (long)(t - m.task), vma->vm_start, vma->vm_end,
			       sg ? sg->id : -1);
	} else if (r->obj->shared) {
		if (vma->vm_file != r->obj->kfile)
			fz_bug("t%ld: vma %#lx-%#lx maps another shmem file",
			       (long)(t - m.task), vma->vm_start, vma->vm_end);
#ifdef FZ_KERNEL26
		if (vma->vm_file->f_mapping->nrpages != r->obj->nresident)
			fz_bug("t%ld: vma %#lx-%#lx: nrpages %lu, the model "
			       "has %lu pages faulted in", (long)(t - m.task),
			       vma->vm_start, vma->vm_end,
			       vma->vm_file->f_mapping->nrpages,
			       r->obj->nresident);
#endif
	} else if (vma->vm_file) {
		fz_bug("t%ld: vma %#lx-%#lx has a file, the model a private "
		       "mapping", (long)(t - m.task), vma->vm_start,
		       vma->vm_end);
	}
}

/* t's vmas against its ranges: addresses, protection, object, offset. */
static void check_layout(struct mtask *t)
{
	struct vm_area_struct *vma;
	int i = 0;
	uint32_t cur;

	for (vma = t->tsk->mm->mmap; vma; vma = vma->vm_next) {
		for (cur = (uint32_t)vma->vm_start; cur < vma->vm_end; ) {
			struct mrange *r = i < t->nr ? &t->r[i] : NULL;
			uint32_t pg;

			if (!r || r->start > cur || r->end <= cur)
				fz_bug("t%ld: vma %#lx-%#lx: the model has "
				       "nothing at %#x", (long)(t - m.task),
				       vma->vm_start, vma->vm_end, cur);
			if ((int)(vma->vm_flags & 7) != r->prot)
				fz_bug("t%ld: vma %#lx-%#lx flags %#lx, the "
				       "model has prot %#x at %#x",
				       (long)(t - m.task), vma->vm_start,
				       vma->vm_end, vma->vm_flags, r->prot,
				       cur);
			pg = vma->vm_pgoff + (cur - vma->vm_start) / FZ_PAGE;
			if (r->obj->shared &&
			    (r->start != vma->vm_start ||
			     r->end != vma->vm_end || r->pgoff != pg))
				fz_bug("t%ld: shared vma %#lx-%#lx pgoff %lu, "
				       "the model has %#x-%#x pgoff %u",
				       (long)(t - m.task), vma->vm_start,
				       vma->vm_end, vma->vm_pgoff, r->start,
				       r->end, r->pgoff);
			check_vma_object(t, vma, r);
			cur = r->end < vma->vm_end ? r->end : vma->vm_end;
			if (cur == r->end)
				i++;
		}
	}
	if (i != t->nr)
		fz_bug("t%ld: the model has %#x-%#x, no vma does",
		       (long)(t - m.task), t->r[i].start, t->r[i].end);
}

/* Every segment's key, mode, size and nattch, and how many there are. */
static void check_segments(void)
{
	struct sim_shm_info info;
	int s, n = 0;

	for (s = 0; s < FZ_SLOTS; s++) {
		struct mseg *sg = &m.seg[s];

		if (!sg->used)
			continue;
		n++;
		if (!sim_shm_lookup(sg->id, &info))
			fz_bug("segment %d is gone, the model has it", sg->id);
#ifdef FZ_KERNEL26
		if (info.file->f_mapping->nrpages != sg->obj->nresident)
			fz_bug("segment %d: nrpages %lu, the model has %lu "
			       "pages faulted in", sg->id,
			       info.file->f_mapping->nrpages,
			       sg->obj->nresident);
#endif
		if (info.key != sg->key || info.mode != sg->mode ||
		    info.segsz != sg->size || info.nattch != seg_nattch(sg))
			fz_bug("segment %d: key %#x mode %#o size %lu nattch "
			       "%lu; the model has key %#x mode %#o size %u "
			       "nattch %lu", sg->id, (unsigned int)info.key,
			       info.mode, info.segsz, info.nattch,
			       (unsigned int)sg->key, sg->mode, sg->size,
			       seg_nattch(sg));
	}
	if (sim_shm_count() != n)
		fz_bug("%d segments, the model has %d", sim_shm_count(), n);
}

void check_step(void)
{
	char why[512];
	int t;

#ifndef FZ_KERNEL26
	/* kswapd, woken by the allocator, runs between two steps */
	if (need_balance)
		kswapd_balance();
#endif
	if (current != &init_task)
		fz_bug("current is not init_task after the step");
	if (sim_check_all(why, sizeof(why)))
		fz_bug("invariant: %s", why);
	for (t = 0; t < FZ_TASKS; t++) {
		if (!m.task[t].tsk)
			continue;
		if (m.task[t].tsk->sim_sig)
			fz_bug("t%d has signal %d pending after a call", t,
			       m.task[t].tsk->sim_sig);
		check_layout(&m.task[t]);
#ifdef FZ_KERNEL26
		check_ptes(&m.task[t]);
#endif
	}
	check_segments();
}
