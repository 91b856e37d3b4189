// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz/ops_model.c - fuzz_ops: the model of what 2.4.16 holds, written
 * from its sources (i386: 32-bit arithmetic); with FZ_KERNEL26, of what
 * 2.6.32 holds (its top-down allocator, shmat, shmdt, mprotect and
 * SHM_LOCK rules, and which pages have a pte). Objects are arrays of bytes
 * (a segment's, an anonymous shared mapping's, a private mapping's); each
 * task has sorted, disjoint ranges that map an object at a page offset
 * with a protection; each segment its id, key, size, mode and owners.
 * From that it predicts every call's result, and follows what each call
 * that succeeded changes.
 */
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
#ifdef FZ_KERNEL26
	o->resident = calloc(npages / 8 + 1, 1);
	if (!o->resident)
		abort();
#endif
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
#ifdef FZ_KERNEL26
	free(o->resident);
#endif
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
#ifdef FZ_KERNEL26
	/* shm_open (a new attach, a split): shm_lprid is the caller's */
	if (nr.obj->is_shm && seg_of(nr.obj))
		seg_of(nr.obj)->lpid = t->pid;
#endif
}

void range_remove(struct mtask *t, int i)
{
	struct mobj *o = t->r[i].obj;

#ifdef FZ_KERNEL26
	/* shm_close: shm_lprid is the caller's too */
	if (o->is_shm && seg_of(o))
		seg_of(o)->lpid = t->pid;
#endif
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

#ifdef FZ_KERNEL26
/* The ptes of [start, end) go (zap_page_range). */
static void model_zap(struct mtask *t, uint32_t start, uint32_t end)
{
	uint32_t pg;

	for (pg = start / FZ_PAGE; pg < end / FZ_PAGE; pg++) {
		if (t->pte[pg / 8] & (1u << (pg % 8))) {
			t->pte[pg / 8] &= (uint8_t)~(1u << (pg % 8));
			t->nptes--;
		}
	}
}

/*
 * detach_vmas_to_be_unmapped's arch_unmap_area_topdown: the vma above the
 * hole (or mmap_base) may raise free_area_cache, never above mmap_base.
 */
static void model_unmap_area(struct mtask *t, uint32_t end)
{
	int i = range_after(t, end);
	uint32_t addr = i < 0 ? FZ_MMAP_BASE : t->r[i].start;

	if (addr > t->free_area_cache)
		t->free_area_cache = addr;
	if (t->free_area_cache > FZ_MMAP_BASE)
		t->free_area_cache = FZ_MMAP_BASE;
}

void model_mm_init(struct mtask *t, uint32_t cached_hole_size)
{
	t->free_area_cache = FZ_MMAP_BASE;
	t->cached_hole_size = cached_hole_size;
	t->min_flt = 0;
	t->nptes = 0;
	memset(t->pte, 0, sizeof(t->pte));
}

void model_faults(struct mtask *t, uint32_t addr, size_t done)
{
	uint32_t pg, last;

	if (!done)
		return;
	last = (uint32_t)((addr + done - 1) / FZ_PAGE);
	for (pg = addr / FZ_PAGE; pg <= last; pg++) {
		struct mrange *r = range_at(t, pg * FZ_PAGE);
		uint32_t opg;

		if (t->pte[pg / 8] & (1u << (pg % 8)))
			continue;
		t->pte[pg / 8] |= (uint8_t)(1u << (pg % 8));
		t->nptes++;
		t->min_flt++;	/* no swap: never a major fault */
		/* shmem_getpage: a read allocates the page as a write does */
		opg = r->pgoff + (pg * FZ_PAGE - r->start) / FZ_PAGE;
		if (!(r->obj->resident[opg / 8] & (1u << (opg % 8)))) {
			r->obj->resident[opg / 8] |= (uint8_t)(1u << (opg % 8));
			r->obj->nresident++;
		}
	}
}
#endif

void model_unmap(struct mtask *t, uint32_t start, uint64_t end)
{
	int i, hit = 0;

	if (end > FZ_TASK_SIZE)
		end = FZ_TASK_SIZE;
	if (start >= end)
		return;
	range_split(t, start);
	if (end < FZ_TASK_SIZE)
		range_split(t, (uint32_t)end);
	for (i = 0; i < t->nr; ) {
		if (t->r[i].start >= start && t->r[i].end <= end) {
			range_remove(t, i);
			hit = 1;
		} else {
			i++;
		}
	}
#ifdef FZ_KERNEL26
	/* do_munmap: nothing overlapped, nothing detached, no hook */
	if (hit) {
		model_zap(t, start, (uint32_t)end);
		model_unmap_area(t, (uint32_t)end);
	}
#else
	(void)hit;
#endif
}

void model_fork(struct mtask *c, struct mtask *t)
{
	struct mobj *from[FZ_RANGES], *to[FZ_RANGES];
	int i, j, n = 0;

	c->uid = t->uid;
	c->gid = t->gid;
	c->nr = 0;
#ifdef FZ_KERNEL26
	/* dup_mmap: the cache at mmap_base, ~0 hole; copy_page_range: no pte */
	model_mm_init(c, ~0u);
#endif
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
#ifdef FZ_KERNEL26
	/* dup_mmap's shm_open runs as the parent */
	for (i = 0; i < t->nr; i++)
		if (t->r[i].obj->is_shm && seg_of(t->r[i].obj))
			seg_of(t->r[i].obj)->lpid = t->pid;
#endif
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
#ifdef FZ_KERNEL26
	/* shmem_lock(shm_file, 0, mlock_user) */
	if (sg->mode & SHM_LOCKED)
		m.locked_shm[sg->lock_user] -= page_align(sg->size) / FZ_PAGE;
#endif
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

#ifdef FZ_KERNEL26
/* find_vma: the first range ending above addr, or NULL. */
static struct mrange *model_find_vma(struct mtask *t, uint32_t addr)
{
	int i = range_after(t, addr);

	return i < 0 ? NULL : &t->r[i];
}

/* arch_get_unmapped_area: bottom-up, the fallback of the top-down one. */
static int64_t model_area_bottomup(struct mtask *t, uint32_t addr,
				   uint32_t len)
{
	struct mrange *v;
	uint32_t start;
	int i;

	if (addr) {
		addr = page_align(addr);
		v = model_find_vma(t, addr);
		if (FZ_TASK_SIZE - len >= addr &&
		    (!v || addr + len <= v->start))
			return addr;
	}
	if (len > t->cached_hole_size) {
		start = addr = t->free_area_cache;
	} else {
		start = addr = FZ_UNMAPPED;
		t->cached_hole_size = 0;
	}
	for (;;) {
		for (i = range_after(t, addr); ; i++) {
			v = i >= 0 && i < t->nr ? &t->r[i] : NULL;
			if (FZ_TASK_SIZE - len < addr)
				break;
			if (!v || addr + len <= v->start) {
				t->free_area_cache = addr + len;
				return addr;
			}
			if (addr + t->cached_hole_size < v->start)
				t->cached_hole_size = v->start - addr;
			addr = v->end;
		}
		if (start == FZ_UNMAPPED)
			return -ENOMEM;
		start = addr = FZ_UNMAPPED;	/* again, from the bottom */
		t->cached_hole_size = 0;
	}
}

/* arch_get_unmapped_area_topdown, 32-bit, as 2.6.32's mm/mmap.c has it */
static int64_t model_area_topdown(struct mtask *t, uint32_t addr0,
				  uint32_t len)
{
	struct mrange *v;
	uint32_t addr = addr0;
	int64_t ret;

	if (addr) {
		addr = page_align(addr);
		v = model_find_vma(t, addr);
		if (FZ_TASK_SIZE - len >= addr &&
		    (!v || addr + len <= v->start))
			return addr;
	}
	if (len <= t->cached_hole_size) {
		t->cached_hole_size = 0;
		t->free_area_cache = FZ_MMAP_BASE;
	}
	addr = t->free_area_cache;
	if (addr > len) {
		v = model_find_vma(t, addr - len);
		if (!v || addr <= v->start)
			return t->free_area_cache = addr - len;
	}
	if (FZ_MMAP_BASE >= len) {
		addr = FZ_MMAP_BASE - len;
		do {
			v = model_find_vma(t, addr);
			if (!v || addr + len <= v->start)
				return t->free_area_cache = addr;
			if (addr + t->cached_hole_size < v->start)
				t->cached_hole_size = v->start - addr;
			addr = v->start - len;
		} while (len < v->start);
	}
	t->cached_hole_size = ~0u;
	t->free_area_cache = FZ_UNMAPPED;
	ret = model_area_bottomup(t, addr0, len);
	t->free_area_cache = FZ_MMAP_BASE;
	t->cached_hole_size = ~0u;
	return ret;
}

/* get_unmapped_area: the layout's choice, then TASK_SIZE and alignment */
int64_t model_unmapped_area(struct mtask *t, uint32_t addr, uint32_t len,
			    int fixed)
{
	int64_t ret = addr;

	if (len > FZ_TASK_SIZE)
		return -ENOMEM;
	if (!fixed)
		ret = model_area_topdown(t, addr, len);
	if (ret < 0)
		return ret;
	if ((uint32_t)ret > FZ_TASK_SIZE - len)
		return -ENOMEM;
	if (ret & (FZ_PAGE - 1))
		return -EINVAL;
	return ret;
}
#else
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
#endif

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
#ifdef FZ_KERNEL26
	sg->obj->size = a->size;
	sg->lock_user = -1;
#endif
	if (++m.seq > 65535)
		m.seq = 0;
}

#ifdef FZ_KERNEL26
/* find_vma_intersection: does a range meet [start, end)? */
static int model_intersects(struct mtask *t, uint32_t start, uint32_t end)
{
	struct mrange *v = model_find_vma(t, start);

	return v && end > v->start;
}

/* do_shmat, and do_mmap_pgoff's tests for the attach's file */
long model_shmat(struct mtask *t, const struct fz_shmat_args *a,
		 struct mseg **sg, uint32_t *len, int64_t *where)
{
	uint32_t addr = a->shmaddr;
	int flg = a->flg, err, fixed = 0, acc_mode;

	*len = 0;
	*where = 0;
	err = seg_lookup(a->shmid, sg);
	if (a->shmid < 0)
		return -EINVAL;
	if (addr) {
		if (addr & (FZ_PAGE - 1)) {
			if (!(flg & SHM_RND))
				return -EINVAL;
			addr &= ~(FZ_PAGE - 1);
		}
		fixed = 1;
	} else if (flg & SHM_REMAP) {
		return -EINVAL;
	}
	acc_mode = flg & SHM_RDONLY ? 0444 : 0666;
	if (flg & SHM_EXEC)
		acc_mode |= 0111;
	if (err)
		return err;
	if (model_ipcperms(t, *sg, (short)acc_mode))
		return -EACCES;
	/* over a mapping only with SHM_REMAP (i_size: the unrounded size) */
	if (addr && !(flg & SHM_REMAP) &&
	    model_intersects(t, addr, addr + (*sg)->size))
		return -EINVAL;
	*len = page_align((*sg)->size);
	*where = model_unmapped_area(t, addr, *len, fixed);
	if (*where < 0)
		return *where;
	/* cap_file_mmap: below mmap_min_addr needs CAP_SYS_RAWIO */
	if (*where < FZ_MIN_ADDR && t->uid)
		return -EPERM;
	return 0;
}
#else
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
#endif

#ifdef FZ_KERNEL26
/* the user_struct a task's uid has: m.locked_shm's index */
static int uid_index(uid_t uid)
{
	return uid == 0 ? 0 : uid == 1000 ? 1 : 2;
}
#endif

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
#ifndef FZ_KERNEL26
		/* 2.6.32's shm_lock takes any id: only its index counts */
		if (a->base == SHM_STAT && a->shmid > seg_max_slot())
			return -EINVAL;
#endif
		if (a->base == IPC_STAT && err)
			return err;
		if (model_ipcperms(t, *sg, 0444))
			return -EACCES;
		return a->base == SHM_STAT ? (*sg)->id : 0;
	case SHM_LOCK:
	case SHM_UNLOCK:
#ifdef FZ_KERNEL26
		/* shmctl_lock: the id first; the owner within RLIMIT_MEMLOCK */
		if (err || !t->uid)
			return err;
		if (t->uid != (*sg)->uid && t->uid != (*sg)->cuid)
			return -EPERM;
		if (a->base == SHM_LOCK && !((*sg)->mode & SHM_LOCKED) &&
		    page_align((*sg)->size) / FZ_PAGE +
		    m.locked_shm[uid_index(t->uid)] > FZ_LOCK_LIMIT)
			return -ENOMEM;
		return 0;
#else
		return t->uid ? -EPERM : err;
#endif
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

void model_shmctl_done(const struct mtask *t,
		       const struct fz_shmctl_args *a, struct mseg *sg)
{
	switch (a->cmd < 0 || a->shmid < 0 ? -1 : a->base) {
	case SHM_LOCK:
#ifdef FZ_KERNEL26
		/* user_shm_lock charges the locker, once */
		if (!(sg->mode & SHM_LOCKED)) {
			sg->lock_user = uid_index(t->uid);
			m.locked_shm[sg->lock_user] +=
				page_align(sg->size) / FZ_PAGE;
		}
#else
		(void)t;
#endif
		sg->mode |= SHM_LOCKED;
		break;
	case SHM_UNLOCK:
#ifdef FZ_KERNEL26
		if (sg->mode & SHM_LOCKED)
			m.locked_shm[sg->lock_user] -=
				page_align(sg->size) / FZ_PAGE;
		sg->lock_user = -1;
#endif
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

#ifdef FZ_KERNEL26
/*
 * sys_mmap_pgoff -> do_mmap_pgoff (file NULL) -> mmap_region; MAP_SHARED
 * only (no anon_vma, no private mappings in the 2.6 model).
 */
int model_mmap(struct mtask *t, const struct fz_mmap_args *a,
	       struct fz_mmap_want *w)
{
	unsigned long flags = a->flags;
	uint32_t addr = a->addr, fac = t->free_area_cache;
	uint32_t chs = t->cached_hole_size;

	w->where = 0;
	w->maybe_enomem = 0;
	w->alen = page_align(a->len);
	w->type = flags & MAP_TYPE;
	w->want = 0;
	if (!(flags & MAP_ANONYMOUS))
		w->want = -EBADF;
	else if (!a->len)
		w->want = -EINVAL;
	else if (!w->alen)
		w->want = -ENOMEM;	/* PAGE_ALIGN wrapped */
	if (w->want)
		return 1;
	if (!(flags & MAP_FIXED)) {
		/* round_hint_to_min */
		addr &= ~(FZ_PAGE - 1);
		if (addr && addr < FZ_MIN_ADDR)
			addr = FZ_MIN_ADDR;
	}
	w->where = model_unmapped_area(t, addr, w->alen, !!(flags & MAP_FIXED));
	if (w->where < 0)
		w->want = w->where;
	else if (w->type != MAP_SHARED)
		w->want = -EINVAL;
	else if (w->where < FZ_MIN_ADDR && t->uid)
		w->want = -EPERM;	/* cap_file_mmap */
	else
		w->want = w->where;
	/* shmem_zero_setup -> shmem_file_setup: vm_enough_memory */
	w->maybe_enomem = w->want >= 0;
	if (w->want >= 0 && w->alen / FZ_PAGE > FZ_MAX_PAGES) {
		t->free_area_cache = fac;	/* the call is not made */
		t->cached_hole_size = chs;
		return 0;
	}
	if (w->want < 0)
		w->where = 0;
	return 1;
}
#else
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
#endif

long model_munmap(uint32_t addr, uint32_t len)
{
	if ((addr & (FZ_PAGE - 1)) || addr > FZ_TASK_SIZE ||
	    len > FZ_TASK_SIZE - addr || page_align(len) == 0)
		return -EINVAL;
	return 0;
}

/* sys_shmdt */
long model_shmdt(struct mtask *t, uint32_t addr)
{
	int i;
#ifdef FZ_KERNEL26
	uint32_t size = 0;
	int found = 0;

	/* the first shm vma from addr on that its attach began at addr */
	if (addr & (FZ_PAGE - 1))
		return -EINVAL;
	for (i = range_after(t, addr); i >= 0 && i < t->nr; i++) {
		struct mrange *r = &t->r[i];

		if (r->obj->is_shm && (r->start - addr) / FZ_PAGE == r->pgoff) {
			size = r->obj->size;
			model_unmap(t, r->start, r->end);
			found = 1;
			break;
		}
	}
	if (!found)
		return -EINVAL;
	/* then its other pieces, as far as the segment's size reaches */
	size = page_align(size);
	while (i < t->nr && t->r[i].end - addr <= size) {
		struct mrange *r = &t->r[i];

		if (r->obj->is_shm && (r->start - addr) / FZ_PAGE == r->pgoff)
			model_unmap(t, r->start, r->end);
		else
			i++;
	}
#else
	/* every shm range whose vm_start - vm_pgoff is the address goes */
	for (i = 0; i < t->nr; ) {
		struct mrange *r = &t->r[i];

		if (r->obj->is_shm && r->start - r->pgoff * FZ_PAGE == addr)
			range_remove(t, i);
		else
			i++;
	}
#endif
	return 0;
}

#ifdef FZ_KERNEL26
/* The index of the range holding addr (there is one). */
static int range_index(struct mtask *t, uint32_t addr)
{
	return (int)(range_at(t, addr) - t->r);
}

/* vma_merge's outcome: pieces of one shared file, contiguous, same prot */
static int range_mergeable(const struct mrange *a, const struct mrange *b)
{
	return a->end == b->start && a->obj == b->obj && !a->obj->is_shm &&
	       a->pgoff + (a->end - a->start) / FZ_PAGE == b->pgoff &&
	       a->prot == b->prot && a->maxprot == b->maxprot;
}

/* Range k joins its neighbours where it can; the index it ends at. */
static int range_merge(struct mtask *t, int k)
{
	if (k + 1 < t->nr && range_mergeable(&t->r[k], &t->r[k + 1])) {
		t->r[k].end = t->r[k + 1].end;
		range_remove(t, k + 1);
	}
	if (k > 0 && range_mergeable(&t->r[k - 1], &t->r[k])) {
		t->r[k - 1].end = t->r[k].end;
		range_remove(t, k);
		k--;
	}
	return k;
}

/*
 * sys_mprotect: the vmas of [start, end) in turn, each allowed by its
 * VM_MAY* bits (-EACCES), without a hole (-ENOMEM); mprotect_fixup
 * merges a piece with its neighbours (vma_merge) or splits it off.
 */
long model_mprotect(struct mtask *t, uint32_t start, uint32_t len,
		    unsigned long prot, int apply)
{
	unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	uint32_t end, nstart, tmp;
	int i;

	prot &= ~grows;
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (start & (FZ_PAGE - 1))
		return -EINVAL;
	if (!len)
		return 0;
	len = page_align(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(unsigned long)(PROT_READ | PROT_WRITE | PROT_EXEC |
				    PROT_SEM))
		return -EINVAL;
	prot &= PROT_READ | PROT_WRITE | PROT_EXEC;
	i = range_after(t, start);
	if (i < 0)
		return -ENOMEM;
	if (grows & PROT_GROWSDOWN)	/* no vma has VM_GROWSDOWN */
		return t->r[i].start >= end ? -ENOMEM : -EINVAL;
	if (t->r[i].start > start)
		return -ENOMEM;
	if (grows & PROT_GROWSUP)
		return -EINVAL;
	for (nstart = start; ; ) {
		if ((int)prot & ~t->r[i].maxprot)
			return -EACCES;
		tmp = t->r[i].end < end ? t->r[i].end : end;
		if (apply && t->r[i].prot != (int)prot) {
			range_split(t, nstart);
			range_split(t, tmp);
			i = range_index(t, nstart);
			t->r[i].prot = (int)prot;
			i = range_merge(t, i);
		}
		nstart = tmp > t->r[i].end ? tmp : t->r[i].end;
		if (nstart >= end)
			return 0;
		if (++i >= t->nr || t->r[i].start != nstart)
			return -ENOMEM;
	}
}
#else
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
#endif

/* ---- accesses ----------------------------------------------------------- */

int page_allows(struct mtask *t, uint32_t addr, int write)
{
	struct mrange *r = range_at(t, addr);

	if (!r)
		return 0;
	if (write)
		return (r->prot & PROT_WRITE) != 0;
#ifdef FZ_KERNEL26
	/* access_error: a read fault is allowed by VM_WRITE too */
	return r->prot != 0;
#endif
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
