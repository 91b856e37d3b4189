// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz/fuzz_ops.c - libFuzzer target: the simulated kernel against a model.
 * The bytes are a program: the first picks the machine (RAM 128-256 KiB,
 * swap 256 KiB-1 MiB), then each op is an opcode and its arguments, run as
 * one of up to four tasks: shmget, shmat, shmdt, shmctl (every command, bad
 * ids too), mmap, munmap, mprotect (anonymous, shared and private, odd
 * lengths, bad addresses), fork, exit, reads, writes and touches through
 * the simulated MMU, memory pressure, and every view (to /dev/null).
 *
 * A model written from 2.4.16's sources (i386: 32-bit arithmetic) predicts
 * every result, and follows every byte: a per-object array of bytes (a
 * segment, an anonymous shared mapping, a private mapping, copied at fork)
 * and, for each task, which ranges map which object at which page offset
 * with which protection. The harness aborts, so libFuzzer keeps the input,
 * when:
 *  - a call returns what 2.4.16 would not (value or errno); the only
 *    results taken on trust are ENOMEM where 2.4.16 may run out of memory,
 *    and SIGKILL on an access (the fault path's out_of_memory);
 *  - a byte read differs from the model, or an access the model says is
 *    allowed gets a signal, or one it forbids succeeds;
 *  - after any step: sim_check_all() finds a broken invariant, a task's
 *    vmas differ from the model's ranges (addresses, protection, object,
 *    offset; shared vmas one for one), a segment's key, size, mode, owner
 *    or nattch differs from the model;
 *  - shutdown finds an object still alive.
 * Set SHMSIM_FUZZ_VERBOSE=1 to print each op, SHMSIM_FUZZ_TRACE=1 to
 * print the kernel's call trace too (fuzz_replay_ops is the program to
 * step through one in gdb).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "linux/swap.h"
#include "sim/boot.h"
#include "sim/mmu.h"
#include "sim/proc.h"
#include "sim/shm_views.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

#define FZ_PAGE		4096u
#define FZ_TASK_SIZE	0xC0000000u
#define FZ_UNMAPPED	0x40000000u
#define FZ_SEQ		32768		/* SEQ_MULTIPLIER */
#define FZ_MAX_OPS	128
#define FZ_TASKS	4
#define FZ_RANGES	48		/* per task; ops that could pass it wait */
#define FZ_SLOTS	24		/* live segments the model follows */
#define FZ_MAX_PAGES	256		/* the largest object made: 1 MiB */
#define FZ_MAX_ACCESS	(3 * FZ_PAGE)

static uint32_t page_align(uint32_t x)
{
	return (x + FZ_PAGE - 1) & ~(FZ_PAGE - 1);	/* wraps, as on i386 */
}

/* ---- the input ---------------------------------------------------------- */

struct fz_in {
	const uint8_t *p;
	size_t n;
};

static unsigned int in8(struct fz_in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

static unsigned int in16(struct fz_in *in)
{
	unsigned int lo = in8(in);

	return lo | in8(in) << 8;
}

static uint32_t in32(struct fz_in *in)
{
	uint32_t lo = in16(in);

	return lo | (uint32_t)in16(in) << 16;
}

/* ---- the model ---------------------------------------------------------- */

/* What a range maps: a segment, an anonymous shared or a private object. */
struct mobj {
	unsigned char **page;		/* npages pointers; NULL: zeroes */
	uint32_t npages;
	int refs;			/* ranges, plus one for a live segment */
	int is_shm;			/* a SysV segment's */
	int shared;			/* shm or MAP_SHARED: fork shares it */
	struct file *kfile;		/* anonymous shared: the kernel's file */
};

struct mrange {
	uint32_t start, end;
	struct mobj *obj;
	uint32_t pgoff;			/* in pages */
	int prot;			/* PROT_READ|PROT_WRITE|PROT_EXEC */
};

struct mtask {
	struct task_struct *tsk;	/* NULL: the slot is free */
	pid_t pid;
	uid_t uid;
	gid_t gid;
	int nr;
	struct mrange r[FZ_RANGES];	/* sorted, disjoint */
};

struct mseg {
	int used;
	int id;
	key_t key;
	uint32_t size;
	unsigned int mode;		/* with SHM_DEST and SHM_LOCKED */
	uid_t uid, cuid;
	gid_t gid, cgid;
	pid_t cpid;
	unsigned int seq;
	struct mobj *obj;
};

static struct fz_model {
	struct mtask task[FZ_TASKS];
	struct mseg seg[FZ_SLOTS];
	unsigned int seq;		/* shm_ids.seq: the next one given */
	int last_dead_id;		/* of the last segment destroyed */
	int nobjs;			/* live mobjs, for the harness's leaks */
	int step;
} m;

static int fz_verbose;			/* SHMSIM_FUZZ_VERBOSE: the ops */
static int fz_trace;			/* SHMSIM_FUZZ_TRACE: the kernel's */
static char fz_log[8192];
static size_t fz_log_len;

static void fz_logf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The ops so far, printed when the harness finds a bug. */
static void fz_logf(const char *fmt, ...)
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

static void fz_bug(const char *fmt, ...) __attribute__((format(printf, 1, 2),
							  noreturn));

static void fz_bug(const char *fmt, ...)
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

static struct mobj *obj_new(uint32_t npages, int is_shm, int shared)
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

static void obj_put(struct mobj *o)
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

static struct mobj *obj_copy(const struct mobj *src)
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

static unsigned char *obj_byte(struct mobj *o, uint32_t pg, uint32_t off,
			       int alloc)
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

/* The range holding addr, or NULL. */
static struct mrange *range_at(struct mtask *t, uint32_t addr)
{
	int i;

	for (i = 0; i < t->nr; i++)
		if (t->r[i].start <= addr && addr < t->r[i].end)
			return &t->r[i];
	return NULL;
}

/* find_vma: the first range ending above addr, as an index, or -1. */
static int range_after(struct mtask *t, uint32_t addr)
{
	int i;

	for (i = 0; i < t->nr; i++)
		if (t->r[i].end > addr)
			return i;
	return -1;
}

static void range_insert(struct mtask *t, struct mrange nr)
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

static void range_remove(struct mtask *t, int i)
{
	struct mobj *o = t->r[i].obj;

	memmove(&t->r[i], &t->r[i + 1], (t->nr - i - 1) * sizeof(t->r[0]));
	t->nr--;
	obj_put(o);
}

/* Cut the range holding addr in two at addr (a page boundary). */
static void range_split(struct mtask *t, uint32_t addr)
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

/* do_munmap of [start, end): whatever overlaps goes. */
static void model_unmap(struct mtask *t, uint32_t start, uint64_t end)
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

/* The segment a shm object belongs to, or NULL (destroyed). */
static struct mseg *seg_of(const struct mobj *o)
{
	int s;

	for (s = 0; s < FZ_SLOTS; s++)
		if (m.seg[s].used && m.seg[s].obj == o)
			return &m.seg[s];
	return NULL;
}

/* shm_nattch as the model sees it: the ranges (vmas) mapping it. */
static unsigned long seg_nattch(const struct mseg *sg)
{
	unsigned long n = 0;
	int t, i;

	for (t = 0; t < FZ_TASKS; t++)
		for (i = 0; i < m.task[t].nr; i++)
			if (m.task[t].r[i].obj == sg->obj)
				n++;
	return n;
}

/* shm_destroy for every SHM_DEST segment nobody maps any more. */
static void seg_reap(void)
{
	int s;

	for (s = 0; s < FZ_SLOTS; s++) {
		struct mseg *sg = &m.seg[s];

		if (!sg->used || !(sg->mode & SHM_DEST) || seg_nattch(sg))
			continue;
		m.last_dead_id = sg->id;
		sg->used = 0;
		obj_put(sg->obj);
		sg->obj = NULL;
	}
}

static int seg_max_slot(void)
{
	int s, max = -1;

	for (s = 0; s < FZ_SLOTS; s++)
		if (m.seg[s].used)
			max = s;
	return max;
}

/* ipc/util.c ipcperms(): 0 allowed, -1 not */
static int model_ipcperms(const struct mtask *t, const struct mseg *sg,
			  short flag)
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

/* The live segment for shmid: 0, -EINVAL or -EIDRM (ipc_lock, checkid). */
static int seg_lookup(int shmid, struct mseg **out)
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

/* arch_get_unmapped_area over the model's ranges (32-bit arithmetic). */
static int64_t model_unmapped_area(struct mtask *t, uint32_t addr,
				   uint32_t len, int fixed)
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
		if (i < 0 || i >= t->nr || (uint64_t)addr + len <= t->r[i].start)
			return addr;
		addr = t->r[i].end;
	}
}

/* ---- the machine and the harness's tasks -------------------------------- */

static char fz_swap_file[64];

static void fz_remove_swap_file(void)
{
	unlink(fz_swap_file);
}

static int is_err(long ret)
{
	return ret < 0 && ret >= -4095;
}

static const char *errname(long ret)
{
	static char buf[32];

	if (ret == 0)
		return "0";
	if (is_err(ret))
		return sim_errno_name((int)-ret);
	snprintf(buf, sizeof(buf), "%#lx", ret);
	return buf;
}

static void expect_ret(const char *what, long got, long want)
{
	if (got != want)
		fz_bug("%s returned %s (%ld), 2.4.16 gives %s", what,
		       errname(got), got, errname(want));
}

static struct mtask *task_new(int slot, uid_t uid, gid_t gid)
{
	struct mtask *t = &m.task[slot];
	char name[8];

	snprintf(name, sizeof(name), "t%d", slot);
	t->tsk = sim_task_create(name, uid, gid);
	if (!t->tsk)
		return NULL;	/* no frame for its page directory */
	t->pid = t->tsk->pid;
	t->uid = uid;
	t->gid = gid;
	t->nr = 0;
	fz_logf("task t%d pid %d uid %u gid %u", slot, t->pid, uid, gid);
	return t;
}

/* do_exit and the reaping: the model drops every range of the task. */
static void task_exit(struct mtask *t, long code)
{
	current = t->tsk;
	do_exit(code);
	sim_task_free(t->tsk);
	current = &init_task;
	t->tsk = NULL;
	while (t->nr)
		range_remove(t, t->nr - 1);
	seg_reap();
}

/* ---- choosing arguments ------------------------------------------------- */

static const uint32_t odd_addrs[] = {
	0x1000, 0xbffff000, 0xc0000000, 0xfffff000, 0xbfff0000,
	0x3ffff000, 1, 0x40000001, 0xbffffffe, 0xfffff001,
};

/* How an address is picked: for a mapping call, an unmap or an access. */
enum fz_addr_use { FZ_MAP, FZ_UNMAP, FZ_ACCESS };

/*
 * An address: for accesses mostly inside the task's ranges, for unmap and
 * mprotect mostly on their page boundaries, for mmap and shmat mostly 0
 * (the kernel chooses) or a boundary (MAP_FIXED over what is there); now
 * and then an odd or a raw one.
 */
static uint32_t pick_addr(struct fz_in *in, struct mtask *t,
			  enum fz_addr_use use)
{
	unsigned int b = in8(in), pick = b % 16;
	struct mrange *r = t->nr ? &t->r[in8(in) % t->nr] : NULL;
	uint32_t span = r ? r->end - r->start : 0;

	if (use == FZ_MAP && pick < 7)
		return 0;
	if (use == FZ_ACCESS && r && pick < 11)
		return r->start + in16(in) % span;
	if (r && pick < 12)
		return r->start + (in8(in) % (span / FZ_PAGE + 1)) * FZ_PAGE;
	switch (pick) {
	case 12:
		if (r)
			return r->start + in16(in) % (span + 64) - 32;
		/* fall through */
	case 13:
		return FZ_UNMAPPED + (in8(in) % 64) * FZ_PAGE;
	case 14:
		return odd_addrs[in8(in) % (sizeof(odd_addrs) /
					    sizeof(odd_addrs[0]))];
	default:
		return b & 0x10 ? 0 : in32(in);
	}
}

static uint32_t pick_len(struct fz_in *in)
{
	static const uint32_t odd[] = {
		0xffffffff, 0xfffff001, 0xc0000000, 0x80000000, 0x40001000,
		0xbffff001,
	};
	unsigned int b = in8(in);

	switch (b % 8) {
	case 0:
		return 0;
	case 1: case 2: case 3:
		return (in8(in) % 16 + 1) * FZ_PAGE;
	case 4:
		return in16(in);
	case 5:
		return (in8(in) % 8 + 1) * FZ_PAGE + (b & 0x80 ? 1 : -1);
	case 6:
		return odd[in8(in) % (sizeof(odd) / sizeof(odd[0]))];
	default:
		return in8(in) + 1;
	}
}

/* A shmid: a live one mostly; also stale, wrong-seq, slot and raw ids. */
static int pick_shmid(struct fz_in *in)
{
	unsigned int b = in8(in);
	int s, n = 0, live[FZ_SLOTS];

	for (s = 0; s < FZ_SLOTS; s++)
		if (m.seg[s].used)
			live[n++] = m.seg[s].id;
	switch (b % 10) {
	case 0: case 1: case 2: case 3: case 4:
		if (n)
			return live[in8(in) % n];
		return 0;
	case 5:
		return m.last_dead_id;
	case 6:
		return n ? live[in8(in) % n] + FZ_SEQ : FZ_SEQ;
	case 7:
		return in8(in) % 4;
	case 8:
		return -1 - (int)(in8(in) % 2);
	default:
		return (int)in32(in);
	}
}

/* ---- the ops ------------------------------------------------------------ */

static void op_shmget(struct fz_in *in, struct mtask *t)
{
	static const key_t keys[] = { IPC_PRIVATE, 0x10, 0x20, 0x30 };
	static const unsigned int modes[] = {
		0600, 0644, 0666, 0400, 0, 0777, 0440, 0604,
	};
	static const uint32_t odd_sizes[] = {
		0, 0x2000000, 0x2000001, 0xffffffff, 4097, 1, 0x100000,
		0x100001,
	};
	unsigned int b = in8(in);
	key_t key = keys[b % 4];
	uint32_t size;
	int flg = modes[(b >> 2) % 8], s, id, slot;
	struct mseg *sg = NULL;
	long ret, want;

	b = in8(in);
	if (b & 1)
		flg |= IPC_CREAT;
	if ((b & 6) == 6)
		flg |= IPC_EXCL;
	if ((b & 0x38) == 0x38)
		flg = (int)in16(in);
	switch ((b >> 6) & 3) {
	case 0:
		size = odd_sizes[in8(in) % 8];
		break;
	case 1:
		size = (in8(in) % 16 + 1) * FZ_PAGE;
		break;
	default:
		size = in16(in) + 1;
	}

	/* sys_shmget */
	for (s = 0; s < FZ_SLOTS; s++)
		if (m.seg[s].used && m.seg[s].key == key && key != IPC_PRIVATE)
			sg = &m.seg[s];
	if (key != IPC_PRIVATE && sg) {
		if ((flg & IPC_CREAT) && (flg & IPC_EXCL))
			want = -EEXIST;
		else if (sg->size < size)
			want = -EINVAL;
		else if (model_ipcperms(t, sg, (short)flg))
			want = -EACCES;
		else
			want = sg->id;
		sg = NULL;
	} else if (key != IPC_PRIVATE && !(flg & IPC_CREAT)) {
		want = -ENOENT;
	} else if (size < 1 || size > 0x2000000) {		/* newseg */
		want = -EINVAL;
	} else {
		for (slot = 0; slot < FZ_SLOTS && m.seg[slot].used; slot++)
			;
		if (slot == FZ_SLOTS || page_align(size) / FZ_PAGE >
		    FZ_MAX_PAGES)
			return;		/* beyond what the model follows */
		sg = &m.seg[slot];
		want = slot + (long)m.seq * FZ_SEQ;
	}

	fz_logf("t%ld: shmget(%#x, %u, %#o)", (long)(t - m.task),
		(unsigned int)key, size, flg);
	current = t->tsk;
	ret = sys_shmget(key, size, flg);
	current = &init_task;
	fz_logf("  = %s", errname(ret));
	if (sg && ret == -ENOMEM)
		return;		/* shmem_file_setup: vm_enough_memory */
	expect_ret("shmget", ret, want);
	if (!sg)
		return;
	id = (int)ret;
	memset(sg, 0, sizeof(*sg));
	sg->used = 1;
	sg->id = id;
	sg->key = key;
	sg->size = size;
	sg->mode = flg & 0777;
	sg->uid = sg->cuid = t->uid;
	sg->gid = sg->cgid = t->gid;
	sg->cpid = t->pid;
	sg->seq = m.seq;
	sg->obj = obj_new(page_align(size) / FZ_PAGE, 1, 1);
	sg->obj->refs = 1;
	if (++m.seq > 65535)
		m.seq = 0;
}

static void op_shmat(struct fz_in *in, struct mtask *t)
{
	int shmid = pick_shmid(in);
	uint32_t shmaddr = pick_addr(in, t, FZ_MAP), addr = shmaddr, len = 0;
	unsigned int b = in8(in);
	int flg = 0, err, fixed = 0;
	struct mseg *sg;
	unsigned long raddr = 0;
	int64_t where = 0;
	long ret, want;

	if (b & 1)
		flg |= SHM_RDONLY;
	if (b & 2)
		flg |= SHM_RND;
	if ((b & 0x1c) == 0x1c)
		flg |= SHM_REMAP;
	if ((b & 0xe0) == 0xe0)
		flg = (int)in16(in);
	if (t->nr > FZ_RANGES - 3)
		return;

	/* sys_shmat */
	err = seg_lookup(shmid, &sg);
	if (shmid < 0) {
		want = -EINVAL;
	} else if (addr && (addr & (FZ_PAGE - 1)) && !(flg & SHM_RND)) {
		want = -EINVAL;
	} else if (err) {
		want = err;
	} else if (model_ipcperms(t, sg, flg & SHM_RDONLY ? 0444 : 0666)) {
		want = -EACCES;
	} else {
		if (addr) {
			addr &= ~(FZ_PAGE - 1);
			fixed = 1;
		}
		len = page_align(sg->size);
		where = model_unmapped_area(t, addr, len, fixed);
		want = where < 0 ? where : 0;
	}

	fz_logf("t%ld: shmat(%d, %#x, %#o)", (long)(t - m.task), shmid,
		shmaddr, flg);
	current = t->tsk;
	ret = sys_shmat(shmid, (char *)(unsigned long)shmaddr, flg, &raddr);
	current = &init_task;
	fz_logf("  = %s, %#lx", errname(ret), raddr);
	expect_ret("shmat", ret, want);
	if (ret)
		return;
	if (raddr != (unsigned long)where)
		fz_bug("shmat attached at %#lx, 2.4.16 gives %#lx", raddr,
		       (unsigned long)where);
	model_unmap(t, (uint32_t)where, (uint64_t)where + len);
	range_insert(t, (struct mrange){ (uint32_t)where,
		(uint32_t)where + len, sg->obj, 0,
		flg & SHM_RDONLY ? PROT_READ : PROT_READ | PROT_WRITE });
	seg_reap();
}

static void op_shmdt(struct fz_in *in, struct mtask *t)
{
	uint32_t addr;
	int i;
	long ret;

	/* mostly the attach address of a range */
	if (t->nr && (in8(in) & 3)) {
		struct mrange *r = &t->r[in8(in) % t->nr];

		addr = r->start - r->pgoff * FZ_PAGE;
	} else {
		addr = pick_addr(in, t, FZ_UNMAP);
	}
	fz_logf("t%ld: shmdt(%#x)", (long)(t - m.task), addr);
	current = t->tsk;
	ret = sys_shmdt((char *)(unsigned long)addr);
	current = &init_task;
	expect_ret("shmdt", ret, 0);
	for (i = 0; i < t->nr; ) {
		struct mrange *r = &t->r[i];

		if (r->obj->is_shm && r->start - r->pgoff * FZ_PAGE == addr)
			range_remove(t, i);
		else
			i++;
	}
	seg_reap();
}

static void check_ds(const char *what, const struct mseg *sg,
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
}

static void op_shmctl(struct fz_in *in, struct mtask *t)
{
	static const int cmds[] = {
		IPC_RMID, IPC_SET, IPC_STAT, IPC_INFO, SHM_LOCK, SHM_UNLOCK,
		SHM_STAT, SHM_INFO,
	};
	static const int bad_cmds[] = { 4, 5, 10, 15, -1, 0x200, 0x1ff };
	static const uid_t ids[] = { 0, 1000, 1001, 65535 };
	unsigned int b = in8(in);
	int shmid = pick_shmid(in), cmd, base, err, s;
	struct shmid64_ds ds, set;
	struct shminfo64 info;
	struct shm_info sinfo;
	struct mseg *sg = NULL;
	void *buf = NULL;
	long ret, want;

	if ((b & 0x30) == 0x30)
		cmd = bad_cmds[(b >> 6) % 7 ? (b >> 6) % 7 : in8(in) % 7];
	else
		cmd = cmds[b % 8];
	if ((b & 0x8) && cmd >= 0)
		cmd |= IPC_64;
	base = cmd >= 0 && (cmd & IPC_64) ? cmd ^ IPC_64 : cmd;
	memset(&ds, 0, sizeof(ds));
	memset(&set, 0, sizeof(set));
	memset(&info, 0, sizeof(info));
	memset(&sinfo, 0, sizeof(sinfo));
	b = in8(in);
	set.shm_perm.uid = ids[b % 4];
	set.shm_perm.gid = ids[(b >> 2) % 4];
	set.shm_perm.mode = in16(in);

	/* sys_shmctl */
	err = seg_lookup(shmid, &sg);
	if (cmd < 0 || shmid < 0) {
		want = -EINVAL;
	} else switch (base) {
	case IPC_INFO:
	case SHM_INFO:
		want = seg_max_slot() < 0 ? 0 : seg_max_slot();
		buf = base == IPC_INFO ? (void *)&info : (void *)&sinfo;
		break;
	case SHM_STAT:
	case IPC_STAT:
		buf = &ds;
		if (!sg)
			want = -EINVAL;
		else if (base == SHM_STAT && shmid > seg_max_slot())
			want = -EINVAL;
		else if (base == IPC_STAT && err)
			want = err;
		else if (model_ipcperms(t, sg, 0444))
			want = -EACCES;
		else
			want = base == SHM_STAT ? sg->id : 0;
		break;
	case SHM_LOCK:
	case SHM_UNLOCK:
		want = t->uid ? -EPERM : err;
		break;
	case IPC_RMID:
	case IPC_SET:
		if (base == IPC_SET)
			buf = &set;
		want = err;
		if (!err && t->uid != sg->uid && t->uid != sg->cuid &&
		    t->uid != 0)
			want = -EPERM;
		break;
	default:
		want = -EINVAL;
	}

	fz_logf("t%ld: shmctl(%d, %#x, uid %u gid %u mode %#o)",
		(long)(t - m.task), shmid, cmd, set.shm_perm.uid,
		set.shm_perm.gid, set.shm_perm.mode);
	current = t->tsk;
	ret = sys_shmctl(shmid, cmd, buf);
	current = &init_task;
	fz_logf("  = %s", errname(ret));
	expect_ret("shmctl", ret, want);
	if (ret < 0)
		return;
	switch (cmd < 0 || shmid < 0 ? -1 : base) {
	case IPC_INFO:
		if (info.shmmax != 0x2000000 || info.shmmin != 1 ||
		    info.shmmni != 4096 || info.shmseg != 4096 ||
		    info.shmall != SHMALL)
			fz_bug("IPC_INFO: shmmax %lu shmmin %lu shmmni %lu "
			       "shmseg %lu shmall %lu", info.shmmax,
			       info.shmmin, info.shmmni, info.shmseg,
			       info.shmall);
		break;
	case SHM_INFO: {
		unsigned long tot = 0;
		int used = 0;

		for (s = 0; s < FZ_SLOTS; s++) {
			if (!m.seg[s].used)
				continue;
			used++;
			tot += page_align(m.seg[s].size) / FZ_PAGE;
		}
		if (sinfo.used_ids != used || sinfo.shm_tot != tot ||
		    sinfo.shm_rss + sinfo.shm_swp > tot)
			fz_bug("SHM_INFO: used_ids %d shm_tot %lu rss %lu swp "
			       "%lu; the model has %d segments of %lu pages",
			       sinfo.used_ids, sinfo.shm_tot, sinfo.shm_rss,
			       sinfo.shm_swp, used, tot);
		break;
	}
	case IPC_STAT:
	case SHM_STAT:
		check_ds(base == IPC_STAT ? "IPC_STAT" : "SHM_STAT", sg, &ds);
		break;
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
			m.last_dead_id = sg->id;
			sg->used = 0;
			obj_put(sg->obj);
			sg->obj = NULL;
		}
		break;
	case IPC_SET:
		sg->uid = set.shm_perm.uid;
		sg->gid = set.shm_perm.gid;
		sg->mode = (sg->mode & ~0777u) | (set.shm_perm.mode & 0777);
		break;
	}
}

static void op_mmap(struct fz_in *in, struct mtask *t)
{
	uint32_t addr = pick_addr(in, t, FZ_MAP), len = pick_len(in), alen;
	unsigned int b = in8(in);
	unsigned long prot = b & 7, flags;
	int type, maybe_enomem = 0;
	int64_t where = 0;
	long want;
	unsigned long ret;

	if ((b & 0x18) == 0x18)
		prot |= 8;		/* PROT_GROWSDOWN and such: ignored */
	b = in8(in);
	flags = MAP_ANONYMOUS | ((b & 1) ? MAP_SHARED : MAP_PRIVATE);
	if ((b & 6) == 6 || (addr && (b & 6)))
		flags |= MAP_FIXED;
	if ((b & 0xf8) == 0x38)
		flags &= ~MAP_ANONYMOUS;
	if ((b & 0xf8) == 0xc0)
		flags &= ~(MAP_SHARED | MAP_PRIVATE);	/* no type: EINVAL */
	else if ((b & 0xf8) == 0xc8)
		flags |= MAP_SHARED | MAP_PRIVATE;	/* type 3: EINVAL */
	if (t->nr > FZ_RANGES - 3)
		return;

	/* sys_mmap2 -> do_mmap_pgoff (file NULL) */
	alen = page_align(len);
	type = flags & MAP_TYPE;
	if (!(flags & MAP_ANONYMOUS)) {
		want = -EBADF;
	} else if (alen == 0) {
		want = addr;
	} else if (alen > FZ_TASK_SIZE) {
		want = -EINVAL;
	} else {
		where = model_unmapped_area(t, addr, alen, !!(flags & MAP_FIXED));
		if (where < 0)
			want = where;
		else if (type != MAP_SHARED && type != MAP_PRIVATE)
			want = -EINVAL;
		else
			want = where;
		/* vm_enough_memory: private writable, or shmem_file_setup */
		if (where >= 0 && (type == MAP_SHARED || (prot & PROT_WRITE)))
			maybe_enomem = 1;
	}
	if (want >= 0 && alen && alen / FZ_PAGE > FZ_MAX_PAGES)
		return;			/* beyond what the model follows */

	fz_logf("t%ld: mmap(%#x, %u, %#lx, %#lx)", (long)(t - m.task), addr,
		len, prot, flags);
	current = t->tsk;
	ret = sys_mmap2(addr, len, prot, flags, (unsigned long)-1, 0);
	current = &init_task;
	fz_logf("  = %s", errname((long)ret));
	if (maybe_enomem && (long)ret == -ENOMEM) {
		/* the old mappings went before the check failed */
		model_unmap(t, (uint32_t)where, (uint64_t)where + alen);
		seg_reap();
		return;
	}
	expect_ret("mmap", (long)ret, want);
	if (is_err((long)ret) || !alen)
		return;
	model_unmap(t, (uint32_t)where, (uint64_t)where + alen);
	{
		struct mobj *o = obj_new(alen / FZ_PAGE, 0, type == MAP_SHARED);
		struct vm_area_struct *vma = find_vma(t->tsk->mm, ret);

		if (type == MAP_SHARED) {
			if (!vma || !vma->vm_file)
				fz_bug("mmap: no shmem file at %#lx", ret);
			o->kfile = vma->vm_file;
		}
		range_insert(t, (struct mrange){ (uint32_t)where,
			(uint32_t)where + alen, o, 0, (int)(prot & 7) });
	}
	seg_reap();
}

static void op_munmap(struct fz_in *in, struct mtask *t)
{
	uint32_t addr = pick_addr(in, t, FZ_UNMAP), len = pick_len(in);
	long ret, want = 0;

	if (t->nr > FZ_RANGES - 3)
		return;
	/* do_munmap */
	if ((addr & (FZ_PAGE - 1)) || addr > FZ_TASK_SIZE ||
	    len > FZ_TASK_SIZE - addr || page_align(len) == 0)
		want = -EINVAL;
	fz_logf("t%ld: munmap(%#x, %u)", (long)(t - m.task), addr, len);
	current = t->tsk;
	ret = sys_munmap(addr, len);
	current = &init_task;
	expect_ret("munmap", ret, want);
	if (ret)
		return;
	model_unmap(t, addr, (uint64_t)addr + page_align(len));
	seg_reap();
}

/* sys_mprotect over the ranges; vmas change up to a hole (-EFAULT). */
static long model_mprotect(struct mtask *t, uint32_t start, uint32_t len,
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

static void op_mprotect(struct fz_in *in, struct mtask *t)
{
	uint32_t addr = pick_addr(in, t, FZ_UNMAP), len = pick_len(in);
	unsigned int b = in8(in);
	unsigned long prot = b & 7;
	long ret, want;

	if ((b & 0x38) == 0x38)
		prot |= 1ul << (b >> 6 | 3);
	if (t->nr > FZ_RANGES - 3)
		return;
	want = model_mprotect(t, addr, len, prot, 0);
	fz_logf("t%ld: mprotect(%#x, %u, %#lx)", (long)(t - m.task), addr, len,
		prot);
	current = t->tsk;
	ret = sys_mprotect(addr, len, prot);
	current = &init_task;
	expect_ret("mprotect", ret, want);
	if (ret != -EINVAL)
		model_mprotect(t, addr, len, prot, 1);
}

static void op_fork(struct mtask *t)
{
	struct mobj *from[FZ_RANGES], *to[FZ_RANGES];
	int slot, i, j, n = 0;
	struct mtask *c;
	long ret;

	for (slot = 0; slot < FZ_TASKS && m.task[slot].tsk; slot++)
		;
	if (slot == FZ_TASKS)
		return;
	c = &m.task[slot];
	fz_logf("t%ld: fork -> t%d", (long)(t - m.task), slot);
	current = t->tsk;
	ret = do_fork(0, slot == 0 ? "t0" : slot == 1 ? "t1" :
		      slot == 2 ? "t2" : "t3");
	current = &init_task;
	fz_logf("  = %s", errname(ret));
	if (ret == -ENOMEM)
		return;
	if (is_err(ret) || ret <= 0)
		fz_bug("fork returned %ld", ret);
	c->tsk = sim_find_task_by_pid((pid_t)ret);
	if (!c->tsk)
		fz_bug("fork: no task with pid %ld", ret);
	c->pid = (pid_t)ret;
	c->uid = t->uid;
	c->gid = t->gid;
	c->nr = 0;
	/* dup_mmap: shared objects are shared, private ones copied once */
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

/* What one page allows: 1 yes, 0 no (SIGSEGV), 2 either (see below). */
static int page_allows(struct mtask *t, uint32_t addr, int write)
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

/*
 * A load or store (or, with data NULL, a touch) of len bytes at addr by
 * t, checked page by page against the model; a signal kills the task.
 */
static void fz_access(struct mtask *t, uint32_t addr, uint32_t len, int write,
		   unsigned char *data, int touch)
{
	unsigned char *buf = NULL;
	size_t done = 0, i;
	uint32_t a;
	int sig;

	fz_logf("t%ld: %s(%#x, %u)", (long)(t - m.task),
		touch ? (write ? "touch-write" : "touch-read") :
		write ? "write" : "read", addr, len);
	current = t->tsk;
	if (touch) {
		sig = sim_user_touch(addr, write);
		len = 1;
	} else {
		buf = malloc(len ? len : 1);
		if (!buf)
			abort();
		if (write)
			memcpy(buf, data, len);
		else
			memset(buf, 0xa5, len);
		sig = sim_user_access(addr, buf, len, write, &done);
	}
	current = &init_task;
	if (!sig)
		done = len;
	if (touch && sig)
		done = 0;
	fz_logf("  = %s, %zu done (free frames %lu, free swap slots %ld)",
		sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS" :
		sig == SIGKILL ? "SIGKILL" : sig ? "signal" : "ok", done,
		nr_free_pages(), nr_swap_pages);
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
	/* the bytes: compare what was loaded, record what was stored */
	for (i = 0; !touch && i < done; ) {
		uint32_t va = addr + (uint32_t)i, off = va & (FZ_PAGE - 1);
		size_t chunk = FZ_PAGE - off, j;
		struct mrange *r = range_at(t, va);
		uint32_t pg = r->pgoff + (va - r->start) / FZ_PAGE;
		unsigned char *mb;

		if (chunk > done - i)
			chunk = done - i;
		mb = obj_byte(r->obj, pg, off, write);
		if (write) {
			memcpy(mb, buf + i, chunk);
		} else if (r->obj->page[pg] ? memcmp(mb, buf + i, chunk) :
			   buf[i] || (chunk > 1 && memcmp(buf + i,
							 buf + i + 1,
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
	free(buf);
	if (sig)
		task_exit(t, sig);
}

static void op_access(struct fz_in *in, struct mtask *t, int write)
{
	unsigned char data[FZ_MAX_ACCESS];
	uint32_t addr = pick_addr(in, t, FZ_ACCESS), len;
	unsigned int b = in8(in), seed = in8(in), i;

	len = (b & 3) == 3 ? in16(in) % FZ_MAX_ACCESS + 1 : in8(in) % 64 + 1;
	if ((b & 0x1c) == 0x1c) {
		fz_access(t, addr, 1, write, NULL, 1);
		return;
	}
	for (i = 0; i < len; i++)
		data[i] = (unsigned char)(seed + i * (b | 1));
	fz_access(t, addr, len, write, data, 0);
}

/* Load every readable range of t whole, and compare. */
static void op_verify(struct mtask *t)
{
	int i;

	for (i = 0; i < t->nr && t->tsk; i++) {
		struct mrange r = t->r[i];

		if (r.prot & (PROT_READ | PROT_EXEC))
			fz_access(t, r.start, r.end - r.start, 0, NULL, 0);
	}
}

/*
 * Every view of the machine, as `show` and `dot` print them, to a sink:
 * they must not crash or trip on any state the ops reach.
 */
static void op_views(struct mtask *t)
{
	static FILE *sink;
	struct sim_shm_info info;
	int s;

	if (!sink && !(sink = fopen("/dev/null", "w")))
		abort();
	fz_logf("views");
	sim_dump_ipcs(sink);
	sysvipc_shm_read_proc(sink);
	proc_pid_maps(t->tsk, sink);
	sim_dump_vmas(t->tsk->mm, sink);
	meminfo_read_proc(sink);
	sim_dump_objects(sink);
	sim_dump_dcache(sink);
	sim_dump_swap(sink);
	for (s = 0; s <= sim_shm_max_slot(); s++)
		if (sim_shm_slot(s, &info))
			sim_dump_pagecache(info.id, sink);
	sim_dump_dot(sink);
	fflush(sink);
}

/* ---- the checks after every step ---------------------------------------- */

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
			if (r->obj->is_shm) {
				struct mseg *sg = seg_of(r->obj);

				if (!sim_is_shm_vma(vma) || !vma->vm_file ||
				    !sg || vma->vm_file->f_dentry->d_inode->
				    i_ino != (unsigned long)sg->id)
					fz_bug("t%ld: vma %#lx-%#lx is not an "
					       "attach of id %d",
					       (long)(t - m.task),
					       vma->vm_start, vma->vm_end,
					       sg ? sg->id : -1);
			} else if (r->obj->shared) {
				if (vma->vm_file != r->obj->kfile)
					fz_bug("t%ld: vma %#lx-%#lx maps "
					       "another shmem file",
					       (long)(t - m.task),
					       vma->vm_start, vma->vm_end);
			} else if (vma->vm_file) {
				fz_bug("t%ld: vma %#lx-%#lx has a file, the "
				       "model a private mapping",
				       (long)(t - m.task), vma->vm_start,
				       vma->vm_end);
			}
			cur = r->end < vma->vm_end ? r->end : vma->vm_end;
			if (cur == r->end)
				i++;
		}
	}
	if (i != t->nr)
		fz_bug("t%ld: the model has %#x-%#x, no vma does",
		       (long)(t - m.task), t->r[i].start, t->r[i].end);
}

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

static void check_step(void)
{
	char why[512];
	int t;

	/* kswapd, woken by the allocator, runs between two steps */
	if (need_balance)
		kswapd_balance();
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
	}
	check_segments();
}

/* ---- the run ------------------------------------------------------------ */

static void fz_run(struct fz_in *in)
{
	static const unsigned long rams[] = { 128, 160, 192, 256 };
	static const unsigned long swaps[] = { 256, 512, 768, 1024 };
	static const uid_t uids[] = { 0, 1000, 1000, 1001 };
	static const gid_t gids[] = { 0, 100, 100, 101 };
	unsigned int b = in8(in);
	int leaks, t;

	memset(&m, 0, sizeof(m));
	fz_log_len = 0;
	m.last_dead_id = 3 * FZ_SEQ + 1;
	sim_trace_reset();
	sim_trace.enabled = fz_trace;
	sim_trace.printing = fz_trace;
	sim_trace_out = stderr;
	sim_clock = SIM_CLOCK_START;
	sim_last_pid = 99;
	current = &init_task;
	sim_machine.ram = rams[b % 4] << 10;
	sim_machine.swap = swaps[(b >> 2) % 4] << 10;
	sim_machine.swap_file = fz_swap_file;
	fz_logf("machine ram=%luK swap=%luK", sim_machine.ram >> 10,
		sim_machine.swap >> 10);
	if (start_kernel())
		fz_bug("boot failed");
	check_step();

	for (m.step = 1; m.step <= FZ_MAX_OPS && in->n; m.step++) {
		unsigned int op = in8(in), who = in8(in);
		struct mtask *tk = &m.task[who % FZ_TASKS];

		if (!tk->tsk) {
			tk = task_new((int)(who % FZ_TASKS),
				      uids[(who >> 2) % 4],
				      gids[(who >> 4) % 4]);
			if (!tk)
				continue;
		}
		switch (op % 16) {
		case 0: case 1:
			op_shmget(in, tk);
			break;
		case 2: case 3:
			op_shmat(in, tk);
			break;
		case 4:
			op_shmdt(in, tk);
			break;
		case 5:
			op_shmctl(in, tk);
			break;
		case 6:
			op_mmap(in, tk);
			break;
		case 7:
			op_munmap(in, tk);
			break;
		case 8:
			op_mprotect(in, tk);
			break;
		case 9:
			op_fork(tk);
			break;
		case 10:
			fz_logf("t%ld: exit", (long)(tk - m.task));
			task_exit(tk, 0);
			break;
		case 11: case 12:
			op_access(in, tk, 0);
			break;
		case 13: case 14:
			op_access(in, tk, 1);
			break;
		default:
			if (op & 0x80) {
				op_verify(tk);
			} else if (op & 0x40) {
				op_views(tk);
			} else {
				fz_logf("pressure %u", op >> 4);
				sim_pressure((int)(op >> 4) + 1);
			}
		}
		check_step();
	}

	/* every byte still mapped, then the end */
	for (t = 0; t < FZ_TASKS; t++)
		if (m.task[t].tsk)
			op_verify(&m.task[t]);
	check_step();
	current = &init_task;
	leaks = sim_shutdown(stderr);
	if (leaks)
		fz_bug("%d objects still alive at shutdown", leaks);
	for (t = 0; t < FZ_TASKS; t++) {
		m.task[t].tsk = NULL;
		while (m.task[t].nr)
			range_remove(&m.task[t], m.task[t].nr - 1);
	}
	for (t = 0; t < FZ_SLOTS; t++)
		if (m.seg[t].used)
			obj_put(m.seg[t].obj);
	if (m.nobjs)
		fz_bug("harness: %d model objects left", m.nobjs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz_in in = { data, size };

	if (!fz_swap_file[0]) {
		snprintf(fz_swap_file, sizeof(fz_swap_file),
			 "/tmp/shmsim-fuzz-ops-%d.swap", (int)getpid());
		atexit(fz_remove_swap_file);
		fz_verbose = getenv("SHMSIM_FUZZ_VERBOSE") != NULL;
		fz_trace = getenv("SHMSIM_FUZZ_TRACE") != NULL;
	}
	if (size < 2)
		return 0;
	fz_run(&in);
	return 0;
}
