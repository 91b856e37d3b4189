// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz/ops_model.c - fuzz_ops: the model of what 2.4.16 holds, written
 * from its sources (i386: 32-bit arithmetic). Objects are arrays of bytes
 * (a segment's, an anonymous shared mapping's, a private mapping's); each
 * task has sorted, disjoint ranges that map an object at a page offset
 * with a protection; each segment its id, key, size, mode and owners.
 * From that it predicts every call's result, and follows what each call
 * that succeeded changes.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shm.h"

#include "ops.h"

struct fz_model m;

/* ---- objects ------------------------------------------------------------ */

struct mobj *obj_new(uint32_t npages, int is_shm, int shared)
{
	struct mobj *o = calloc(1, sizeof(*o));

	if (!o || !(o->page = calloc(npages ? npages : 1, sizeof(*o->page))))
		abort();
	o->npages = npages;
	o->is_shm = is_shm;
	o->shared = shared;
	m.nobjs++;
	return o;
}

void obj_put(struct mobj *o)
{
	uint32_t i;

	if (--o->refs > 0)
		return;
	for (i = 0; i < o->npages; i++)
		free(o->page[i]);
	free(o->page);
	free(o);
	m.nobjs--;
}

struct mobj *obj_copy(const struct mobj *src)
{
	struct mobj *o = obj_new(src->npages, 0, 0);
	uint32_t i;

	for (i = 0; i < src->npages; i++) {
		if (!src->page[i])
			continue;
		o->page[i] = malloc(FZ_PAGE);
		if (!o->page[i])
			abort();
		memcpy(o->page[i], src->page[i], FZ_PAGE);
	}
	return o;
}

unsigned char *obj_byte(struct mobj *o, uint32_t pg, uint32_t off, int alloc)
{
	static unsigned char zero;

	if (pg >= o->npages)
		fz_bug("model: page %u of an object of %u", pg, o->npages);
	if (!o->page[pg]) {
		if (!alloc) {
			zero = 0;
			return &zero;
		}
		o->page[pg] = calloc(1, FZ_PAGE);
		if (!o->page[pg])
			abort();
	}
	return &o->page[pg][off];
}

/* ---- ranges ------------------------------------------------------------- */

struct mrange *range_at(struct mtask *t, uint32_t addr)
{
	int i;

	for (i = 0; i < t->nr; i++)
		if (t->r[i].start <= addr && addr < t->r[i].end)
			return &t->r[i];
	return NULL;
}

int range_after(struct mtask *t, uint32_t addr)
{
	int i;

	for (i = 0; i < t->nr; i++)
		if (t->r[i].end > addr)
			return i;
	return -1;
}

void range_insert(struct mtask *t, struct mrange nr)
{
	int i;

	if (t->nr >= FZ_RANGES)
		fz_bug("model: more than %d ranges", FZ_RANGES);
	for (i = 0; i < t->nr && t->r[i].start < nr.start; i++)
		;
	memmove(&t->r[i + 1], &t->r[i], (t->nr - i) * sizeof(t->r[0]));
	t->r[i] = nr;
	t->nr++;
	nr.obj->refs++;
}

void range_remove(struct mtask *t, int i)
{
	struct mobj *o = t->r[i].obj;

	memmove(&t->r[i], &t->r[i + 1], (t->nr - i - 1) * sizeof(t->r[0]));
	t->nr--;
	obj_put(o);
}

void range_split(struct mtask *t, uint32_t addr)
{
	struct mrange *r = range_at(t, addr), hi;

	if (!r || r->start == addr)
		return;
	hi = *r;
	hi.pgoff += (addr - r->start) / FZ_PAGE;
	hi.start = addr;
	r->end = addr;
	range_insert(t, hi);
}

void model_unmap(struct mtask *t, uint32_t start, uint64_t end)
{
	int i;

	if (end > FZ_TASK_SIZE)
		end = FZ_TASK_SIZE;
	if (start >= end)
		return;
	range_split(t, start);
	if (end < FZ_TASK_SIZE)
		range_split(t, (uint32_t)end);
	for (i = 0; i < t->nr; ) {
		if (t->r[i].start >= start && t->r[i].end <= end)
			range_remove(t, i);
		else
			i++;
	}
}

void model_fork(struct mtask *c, struct mtask *t)
{
	struct mobj *from[FZ_RANGES], *to[FZ_RANGES];
	int i, j, n = 0;

	c->uid = t->uid;
	c->gid = t->gid;
	c->nr = 0;
	for (i = 0; i < t->nr; i++) {
		struct mrange r = t->r[i];

		if (!r.obj->shared) {
			for (j = 0; j < n && from[j] != r.obj; j++)
				;
			if (j == n) {
				from[n] = r.obj;
				to[n++] = obj_copy(r.obj);
			}
			r.obj = to[j];
		}
		range_insert(c, r);
	}
}

/* ---- segments ----------------------------------------------------------- */

struct mseg *seg_of(const struct mobj *o)
{
	int s;

	for (s = 0; s < FZ_SLOTS; s++)
		if (m.seg[s].used && m.seg[s].obj == o)
			return &m.seg[s];
	return NULL;
}

unsigned long seg_nattch(const struct mseg *sg)
{
	unsigned long n = 0;
	int t, i;

	for (t = 0; t < FZ_TASKS; t++)
		for (i = 0; i < m.task[t].nr; i++)
			if (m.task[t].r[i].obj == sg->obj)
				n++;
	return n;
}

/* shm_destroy: the slot is free, the object loses the segment's ref. */
static void seg_destroy(struct mseg *sg)
{
	m.last_dead_id = sg->id;
	sg->used = 0;
	obj_put(sg->obj);
	sg->obj = NULL;
}

void seg_reap(void)
{
	int s;

	for (s = 0; s < FZ_SLOTS; s++) {
		struct mseg *sg = &m.seg[s];

		if (!sg->used || !(sg->mode & SHM_DEST) || seg_nattch(sg))
			continue;
		seg_destroy(sg);
	}
}

int seg_max_slot(void)
{
	int s, max = -1;

	for (s = 0; s < FZ_SLOTS; s++)
		if (m.seg[s].used)
			max = s;
	return max;
}

int model_ipcperms(const struct mtask *t, const struct mseg *sg, short flag)
{
	int requested = (flag >> 6) | (flag >> 3) | flag;
	int granted = sg->mode;

	if (t->uid == sg->cuid || t->uid == sg->uid)
		granted >>= 6;
	else if (t->gid == sg->cgid || t->gid == sg->gid)
		granted >>= 3;
	if ((requested & ~granted & 0007) && t->uid != 0)
		return -1;
	return 0;
}

int seg_lookup(int shmid, struct mseg **out)
{
	int slot = shmid % FZ_SEQ;

	*out = NULL;
	if (shmid < 0 || slot >= FZ_SLOTS || !m.seg[slot].used)
		return -EINVAL;
	*out = &m.seg[slot];
	if ((unsigned int)(shmid / FZ_SEQ) != m.seg[slot].seq)
		return -EIDRM;
	return 0;
}

int64_t model_unmapped_area(struct mtask *t, uint32_t addr, uint32_t len,
			    int fixed)
{
	int i;

	if (fixed) {
		if (addr > FZ_TASK_SIZE - len || (addr & (FZ_PAGE - 1)))
			return -EINVAL;
		return addr;
	}
	if (len > FZ_TASK_SIZE)
		return -ENOMEM;
	if (addr) {
		addr = page_align(addr);
		i = range_after(t, addr);
		if (FZ_TASK_SIZE - len >= addr &&
		    (i < 0 || (uint64_t)addr + len <= t->r[i].start))
			return addr;
	}
	addr = FZ_UNMAPPED;
	for (i = range_after(t, addr); ; i++) {
		if (FZ_TASK_SIZE - len < addr)
			return -ENOMEM;
		if (i < 0 || i >= t->nr ||
		    (uint64_t)addr + len <= t->r[i].start)
			return addr;
		addr = t->r[i].end;
	}
}

/* ---- the calls' results ------------------------------------------------- */

/* sys_shmget */
int model_shmget(const struct mtask *t, const struct fz_shmget_args *a,
		 long *want, struct mseg **sg)
{
	key_t key = a->key;
	uint32_t size = a->size;
	int flg = a->flg, s, slot;

	*sg = NULL;
	for (s = 0; s < FZ_SLOTS; s++)
		if (m.seg[s].used && m.seg[s].key == key && key != IPC_PRIVATE)
			*sg = &m.seg[s];
	if (key != IPC_PRIVATE && *sg) {
		if ((flg & IPC_CREAT) && (flg & IPC_EXCL))
			*want = -EEXIST;
		else if ((*sg)->size < size)
			*want = -EINVAL;
		else if (model_ipcperms(t, *sg, (short)flg))
			*want = -EACCES;
		else
			*want = (*sg)->id;
		*sg = NULL;
	} else if (key != IPC_PRIVATE && !(flg & IPC_CREAT)) {
		*want = -ENOENT;
	} else if (size < 1 || size > 0x2000000) {		/* newseg */
		*want = -EINVAL;
	} else {
		for (slot = 0; slot < FZ_SLOTS && m.seg[slot].used; slot++)
			;
		if (slot == FZ_SLOTS || page_align(size) / FZ_PAGE >
		    FZ_MAX_PAGES)
			return 0;	/* beyond what the model follows */
		*sg = &m.seg[slot];
		*want = slot + (long)m.seq * FZ_SEQ;
	}
	return 1;
}

void model_shmget_done(struct mtask *t, const struct fz_shmget_args *a,
		       struct mseg *sg, int id)
{
	memset(sg, 0, sizeof(*sg));
	sg->used = 1;
	sg->id = id;
	sg->key = a->key;
	sg->size = a->size;
	sg->mode = a->flg & 0777;
	sg->uid = sg->cuid = t->uid;
	sg->gid = sg->cgid = t->gid;
	sg->cpid = t->pid;
	sg->seq = m.seq;
	sg->obj = obj_new(page_align(a->size) / FZ_PAGE, 1, 1);
	sg->obj->refs = 1;
	if (++m.seq > 65535)
		m.seq = 0;
}

/* sys_shmat */
long model_shmat(struct mtask *t, const struct fz_shmat_args *a,
		 struct mseg **sg, uint32_t *len, int64_t *where)
{
	uint32_t addr = a->shmaddr;
	int flg = a->flg, err, fixed = 0;

	*len = 0;
	*where = 0;
	err = seg_lookup(a->shmid, sg);
	if (a->shmid < 0)
		return -EINVAL;
	if (addr && (addr & (FZ_PAGE - 1)) && !(flg & SHM_RND))
		return -EINVAL;
	if (err)
		return err;
	if (model_ipcperms(t, *sg, flg & SHM_RDONLY ? 0444 : 0666))
		return -EACCES;
	if (addr) {
		addr &= ~(FZ_PAGE - 1);
		fixed = 1;
	}
	*len = page_align((*sg)->size);
	*where = model_unmapped_area(t, addr, *len, fixed);
	return *where < 0 ? *where : 0;
}

/* sys_shmctl */
long model_shmctl(const struct mtask *t, const struct fz_shmctl_args *a,
		  struct mseg **sg)
{
	int err = seg_lookup(a->shmid, sg);
	long want;

	if (a->cmd < 0 || a->shmid < 0)
		return -EINVAL;
	switch (a->base) {
	case IPC_INFO:
	case SHM_INFO:
		return seg_max_slot() < 0 ? 0 : seg_max_slot();
	case SHM_STAT:
	case IPC_STAT:
		if (!*sg)
			return -EINVAL;
		if (a->base == SHM_STAT && a->shmid > seg_max_slot())
			return -EINVAL;
		if (a->base == IPC_STAT && err)
			return err;
		if (model_ipcperms(t, *sg, 0444))
			return -EACCES;
		return a->base == SHM_STAT ? (*sg)->id : 0;
	case SHM_LOCK:
	case SHM_UNLOCK:
		return t->uid ? -EPERM : err;
	case IPC_RMID:
	case IPC_SET:
		want = err;
		if (!err && t->uid != (*sg)->uid && t->uid != (*sg)->cuid &&
		    t->uid != 0)
			want = -EPERM;
		return want;
	default:
		return -EINVAL;
	}
}

void model_shmctl_done(const struct fz_shmctl_args *a, struct mseg *sg)
{
	switch (a->cmd < 0 || a->shmid < 0 ? -1 : a->base) {
	case SHM_LOCK:
		sg->mode |= SHM_LOCKED;
		break;
	case SHM_UNLOCK:
		sg->mode &= ~SHM_LOCKED;
		break;
	case IPC_RMID:
		if (seg_nattch(sg)) {
			sg->mode |= SHM_DEST;
			sg->key = IPC_PRIVATE;
		} else {
			seg_destroy(sg);
		}
		break;
	case IPC_SET:
		sg->uid = a->set.shm_perm.uid;
		sg->gid = a->set.shm_perm.gid;
		sg->mode = (sg->mode & ~0777u) | (a->set.shm_perm.mode & 0777);
		break;
	}
}

/* sys_mmap2 -> do_mmap_pgoff (file NULL) */
int model_mmap(struct mtask *t, const struct fz_mmap_args *a,
	       struct fz_mmap_want *w)
{
	unsigned long flags = a->flags;

	w->where = 0;
	w->maybe_enomem = 0;
	w->alen = page_align(a->len);
	w->type = flags & MAP_TYPE;
	if (!(flags & MAP_ANONYMOUS)) {
		w->want = -EBADF;
	} else if (w->alen == 0) {
		w->want = a->addr;
	} else if (w->alen > FZ_TASK_SIZE) {
		w->want = -EINVAL;
	} else {
		w->where = model_unmapped_area(t, a->addr, w->alen,
					       !!(flags & MAP_FIXED));
		if (w->where < 0)
			w->want = w->where;
		else if (w->type != MAP_SHARED && w->type != MAP_PRIVATE)
			w->want = -EINVAL;
		else
			w->want = w->where;
		/* vm_enough_memory: private writable, or shmem_file_setup */
		if (w->where >= 0 && (w->type == MAP_SHARED ||
				      (a->prot & PROT_WRITE)))
			w->maybe_enomem = 1;
	}
	if (w->want >= 0 && w->alen && w->alen / FZ_PAGE > FZ_MAX_PAGES)
		return 0;		/* beyond what the model follows */
	return 1;
}

long model_munmap(uint32_t addr, uint32_t len)
{
	if ((addr & (FZ_PAGE - 1)) || addr > FZ_TASK_SIZE ||
	    len > FZ_TASK_SIZE - addr || page_align(len) == 0)
		return -EINVAL;
	return 0;
}

long model_mprotect(struct mtask *t, uint32_t start, uint32_t len,
		    unsigned long prot, int apply)
{
	uint32_t end, cur;

	if (start & (FZ_PAGE - 1))
		return -EINVAL;
	len = page_align(len);
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (prot & ~7ul)
		return -EINVAL;
	if (end == start)
		return 0;
	for (cur = start; cur < end; ) {
		struct mrange *r = range_at(t, cur);
		uint32_t stop;

		if (!r)
			return -EFAULT;
		stop = r->end < end ? r->end : end;
		if (apply && r->prot != (int)prot) {
			/* mprotect_fixup: the vma splits at start and end */
			range_split(t, cur);
			range_split(t, stop);
			range_at(t, cur)->prot = (int)prot;
		}
		cur = stop;
	}
	return 0;
}

/* ---- accesses ----------------------------------------------------------- */

int page_allows(struct mtask *t, uint32_t addr, int write)
{
	struct mrange *r = range_at(t, addr);

	if (!r)
		return 0;
	if (write)
		return (r->prot & PROT_WRITE) != 0;
	if (r->prot & (PROT_READ | PROT_EXEC))
		return 1;
	/*
	 * PROT_WRITE alone: i386 cannot map a page writable but not
	 * readable, so a load succeeds once a store has mapped the page,
	 * and faults (VM_READ clear) while the pte is absent.
	 */
	return r->prot ? 2 : 0;
}

void model_store(struct mtask *t, uint32_t addr, const unsigned char *buf,
		 size_t done)
{
	size_t i;

	for (i = 0; i < done; ) {
		uint32_t va = addr + (uint32_t)i, off = va & (FZ_PAGE - 1);
		size_t chunk = FZ_PAGE - off;
		struct mrange *r = range_at(t, va);
		uint32_t pg = r->pgoff + (va - r->start) / FZ_PAGE;

		if (chunk > done - i)
			chunk = done - i;
		memcpy(obj_byte(r->obj, pg, off, 1), buf + i, chunk);
		i += chunk;
	}
}
