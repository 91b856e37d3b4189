/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fuzz/ops.h - fuzz_ops's private header (fuzz/fuzz_ops.c says what the
 * target does): the input, the model of what 2.4.16 holds, the operations
 * and the checks. Compiled with FZ_KERNEL26 (fuzz_ops26, fuzz_replay_ops26)
 * the same files model 2.6.32 instead: the #ifdefs mark where its answers
 * differ (docs/fuzzing.md). Shared by
 *	ops_input.c	decoding the bytes into operations and arguments
 *	ops_model.c	the model: objects, ranges, segments, predictions
 *	ops_run.c	the operations on kernel and model, and one run
 *	ops_check.c	the log, the reports, the checks against the model
 *	fuzz_ops.c	LLVMFuzzerTestOneInput
 */
#ifndef _SHMSIM_FUZZ_OPS_H
#define _SHMSIM_FUZZ_OPS_H

#include <stddef.h>
#include <stdint.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/sched.h"
#include "linux/shm.h"

#define FZ_PAGE		4096u
#define FZ_TASK_SIZE	0xC0000000u
#define FZ_UNMAPPED	0x40000000u
#define FZ_SEQ		32768		/* SEQ_MULTIPLIER */
#define FZ_MAX_OPS	128
#define FZ_TASKS	4
#define FZ_RANGES	48		/* per task; ops wait near the limit */
#define FZ_SLOTS	24		/* live segments the model follows */
#define FZ_MAX_PAGES	256		/* the largest object made: 1 MiB */
#define FZ_MAX_ACCESS	(3 * FZ_PAGE)

#ifdef FZ_KERNEL26
#define FZ_KERNEL	"2.6.32"
#define FZ_MMAP_BASE	0xB8000000u	/* TASK_SIZE - 128 MiB: mmap_base */
#define FZ_MIN_ADDR	4096u		/* dac_mmap_min_addr */
#define FZ_LOCK_LIMIT	16u		/* RLIMIT_MEMLOCK (64 KiB), pages */
#define FZ_NPAGES	(FZ_TASK_SIZE / FZ_PAGE)
#else
#define FZ_KERNEL	"2.4.16"
#endif

static inline uint32_t page_align(uint32_t x)
{
	return (x + FZ_PAGE - 1) & ~(FZ_PAGE - 1);	/* wraps, as on i386 */
}

/* ---- the input ---------------------------------------------------------- */

struct fz_in {
	const uint8_t *p;
	size_t n;
};

/* How an address is picked: for a mapping call, an unmap or an access. */
enum fz_addr_use { FZ_MAP, FZ_UNMAP, FZ_ACCESS };

/* The arguments of each call, as the input gives them. */
struct fz_shmget_args {
	key_t key;
	uint32_t size;
	int flg;
};

struct fz_shmat_args {
	int shmid;
	uint32_t shmaddr;
	int flg;
};

struct fz_shmctl_args {
	int shmid;
	int cmd;
	int base;			/* cmd without IPC_64 */
	struct shmid64_ds set;		/* IPC_SET's uid, gid and mode */
};

struct fz_mmap_args {
	uint32_t addr, len;
	unsigned long prot, flags;
};

/* munmap and mprotect */
struct fz_range_args {
	uint32_t addr, len;
	unsigned long prot;
};

struct fz_access_args {
	uint32_t addr, len;
	int touch;
	unsigned char data[FZ_MAX_ACCESS];
};

/* ---- the model ---------------------------------------------------------- */

/* What a range maps: a segment, an anonymous shared or a private object. */
struct mobj {
	unsigned char **page;		/* npages pointers; NULL: zeroes */
	uint32_t npages;
	int refs;			/* ranges, and one for a live segment */
	int is_shm;			/* a SysV segment's */
	int shared;			/* shm or MAP_SHARED: fork shares it */
	struct file *kfile;		/* anonymous shared: its shmem file */
#ifdef FZ_KERNEL26
	uint32_t size;			/* a segment's i_size, for shmdt */
	uint8_t *resident;		/* pages in its page cache (nrpages) */
	unsigned long nresident;
#endif
};

struct mrange {
	uint32_t start, end;
	struct mobj *obj;
	uint32_t pgoff;			/* in pages */
	int prot;			/* PROT_READ|PROT_WRITE|PROT_EXEC */
#ifdef FZ_KERNEL26
	int maxprot;			/* VM_MAY*: SHM_RDONLY has no WRITE */
#endif
};

struct mtask {
	struct task_struct *tsk;	/* NULL: the slot is free */
	pid_t pid;
	uid_t uid;
	gid_t gid;
	int nr;
	struct mrange r[FZ_RANGES];	/* sorted, disjoint */
#ifdef FZ_KERNEL26
	/* the top-down allocator's memory (mm_struct) */
	uint32_t free_area_cache, cached_hole_size;
	/* ptes: a page is present from its first fault to its unmap */
	unsigned long min_flt, nptes;
	uint8_t pte[FZ_NPAGES / 8];
#endif
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
#ifdef FZ_KERNEL26
	int lock_user;			/* mlock_user: whose locked_shm */
	pid_t lpid;			/* the last shm_open or shm_close */
#endif
};

struct fz_model {
	struct mtask task[FZ_TASKS];
	struct mseg seg[FZ_SLOTS];
	unsigned int seq;		/* shm_ids.seq: the next one given */
	int last_dead_id;		/* of the last segment destroyed */
	int nobjs;			/* live mobjs: the harness's leaks */
	int step;
#ifdef FZ_KERNEL26
	unsigned long locked_shm[3];	/* user_struct of uid 0, 1000, 1001 */
#endif
};

/* What the model predicts for an mmap. */
struct fz_mmap_want {
	long want;			/* the result, or -errno */
	uint32_t alen;			/* the length, page-aligned */
	int64_t where;			/* the address the mapping gets */
	int type;			/* MAP_SHARED, MAP_PRIVATE or neither */
	int maybe_enomem;		/* vm_enough_memory is asked */
};

/* ops_model.c: the model, reset for each input by fz_run */
extern struct fz_model m;

/* ops_check.c: print the ops, the trace (SHMSIM_FUZZ_VERBOSE, _TRACE) */
extern int fz_verbose;
extern int fz_trace;

/* ops_run.c: the swap file's name, one per process (fuzz_ops.c sets it) */
extern char fz_swap_file[64];

/* ---- ops_input.c -------------------------------------------------------- */

/* The next byte, 16 or 32 bits (little-endian); 0 past the end. */
unsigned int in8(struct fz_in *in);
unsigned int in16(struct fz_in *in);
uint32_t in32(struct fz_in *in);

/* An address for use by t: inside, on or beside its ranges, odd or raw. */
uint32_t pick_addr(struct fz_in *in, struct mtask *t, enum fz_addr_use use);
/* A length: 0, pages, odd, near and past 4 GiB. */
uint32_t pick_len(struct fz_in *in);
/* A shmid: a live one mostly; also stale, wrong-seq, slot and raw ids. */
int pick_shmid(struct fz_in *in);

/* Each call's arguments, read from the input. */
void decode_shmget(struct fz_in *in, struct fz_shmget_args *a);
void decode_shmat(struct fz_in *in, struct mtask *t, struct fz_shmat_args *a);
/* shmdt's address: mostly the attach address of one of t's ranges. */
uint32_t decode_shmdt(struct fz_in *in, struct mtask *t);
void decode_shmctl(struct fz_in *in, struct fz_shmctl_args *a);
void decode_mmap(struct fz_in *in, struct mtask *t, struct fz_mmap_args *a);
void decode_munmap(struct fz_in *in, struct mtask *t,
		   struct fz_range_args *a);
void decode_mprotect(struct fz_in *in, struct mtask *t,
		     struct fz_range_args *a);
/* A load or store's address, length and bytes, or a touch. */
void decode_access(struct fz_in *in, struct mtask *t,
		   struct fz_access_args *a);

/* ---- ops_model.c -------------------------------------------------------- */

/* A new object of npages zero pages, with no references yet. */
struct mobj *obj_new(uint32_t npages, int is_shm, int shared);
/* Drop one reference; the last frees the object. */
void obj_put(struct mobj *o);
/* A private copy of src's bytes (fork). */
struct mobj *obj_copy(const struct mobj *src);
/* The byte at page pg, offset off; alloc makes an absent page. */
unsigned char *obj_byte(struct mobj *o, uint32_t pg, uint32_t off, int alloc);

/* The range holding addr, or NULL. */
struct mrange *range_at(struct mtask *t, uint32_t addr);
/* find_vma: the first range ending above addr, as an index, or -1. */
int range_after(struct mtask *t, uint32_t addr);
/* Add a range (it takes a reference to its object), keeping the order. */
void range_insert(struct mtask *t, struct mrange nr);
/* Remove range i, dropping its reference. */
void range_remove(struct mtask *t, int i);
/* Cut the range holding addr in two at addr (a page boundary). */
void range_split(struct mtask *t, uint32_t addr);
/* do_munmap of [start, end): whatever overlaps goes. */
void model_unmap(struct mtask *t, uint32_t start, uint64_t end);
/* dup_mmap into c: shared objects are shared, private ones copied once. */
void model_fork(struct mtask *c, struct mtask *t);

/* The segment a shm object belongs to, or NULL (destroyed). */
struct mseg *seg_of(const struct mobj *o);
/* shm_nattch as the model sees it: the ranges (vmas) mapping it. */
unsigned long seg_nattch(const struct mseg *sg);
/* shm_destroy for every SHM_DEST segment nobody maps any more. */
void seg_reap(void);
/* The highest slot in use, or -1. */
int seg_max_slot(void);
/* The live segment for shmid: 0, -EINVAL or -EIDRM (ipc_lock, checkid). */
int seg_lookup(int shmid, struct mseg **out);
/* ipc/util.c ipcperms(): 0 allowed, -1 not */
int model_ipcperms(const struct mtask *t, const struct mseg *sg, short flag);
/* arch_get_unmapped_area over the model's ranges (32-bit arithmetic). */
int64_t model_unmapped_area(struct mtask *t, uint32_t addr, uint32_t len,
			    int fixed);

/*
 * sys_shmget's result for t in *want, and in *sg the free slot a new
 * segment takes (NULL if none is made); 0 if the model cannot follow it.
 */
int model_shmget(const struct mtask *t, const struct fz_shmget_args *a,
		 long *want, struct mseg **sg);
/* The segment shmget made with id, created by t, in slot sg. */
void model_shmget_done(struct mtask *t, const struct fz_shmget_args *a,
		       struct mseg *sg, int id);
/* sys_shmat's result; the segment, the address and the length it gets. */
long model_shmat(struct mtask *t, const struct fz_shmat_args *a,
		 struct mseg **sg, uint32_t *len, int64_t *where);
/* sys_shmctl's result; the segment its id names (if any) in *sg. */
long model_shmctl(const struct mtask *t, const struct fz_shmctl_args *a,
		  struct mseg **sg);
/* What a shmctl that succeeded changes: lock, unlock, remove, set. */
void model_shmctl_done(const struct mtask *t,
		       const struct fz_shmctl_args *a, struct mseg *sg);
/* do_mmap_pgoff's result (no file); 0 if the model cannot follow it. */
int model_mmap(struct mtask *t, const struct fz_mmap_args *a,
	       struct fz_mmap_want *w);
/* do_munmap's result. */
long model_munmap(uint32_t addr, uint32_t len);
/* sys_shmdt of addr: what it removes from t, and its result. */
long model_shmdt(struct mtask *t, uint32_t addr);
/*
 * sys_mprotect over the ranges; vmas change up to a hole (2.4.16:
 * -EFAULT; 2.6.32: -ENOMEM, or -EACCES past VM_MAY*).
 */
long model_mprotect(struct mtask *t, uint32_t start, uint32_t len,
		    unsigned long prot, int apply);
/* What one page allows: 1 yes, 0 no (SIGSEGV), 2 either (PROT_WRITE). */
int page_allows(struct mtask *t, uint32_t addr, int write);
/* Record the done bytes of buf stored at addr by t. */
void model_store(struct mtask *t, uint32_t addr, const unsigned char *buf,
		 size_t done);
#ifdef FZ_KERNEL26
/* A fresh mm for t: no ptes, the allocator at mmap_base (fork: ~0 hole). */
void model_mm_init(struct mtask *t, uint32_t cached_hole_size);
/* The done bytes from addr were reached: pages without a pte fault. */
void model_faults(struct mtask *t, uint32_t addr, size_t done);
#endif

/* ---- ops_run.c ---------------------------------------------------------- */

/* One input: boot the machine its first byte picks, run its ops, shut down. */
void fz_run(struct fz_in *in);

/* ---- ops_check.c -------------------------------------------------------- */

/* Log one op or result (printed under SHMSIM_FUZZ_VERBOSE, and on a bug). */
void fz_logf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Report a bug, with the ops so far, and abort(). */
void fz_bug(const char *fmt, ...) __attribute__((format(printf, 1, 2),
						 noreturn));
/* Forget the ops logged so far (a new input). */
void fz_log_reset(void);
/* A system call's return value is an errno. */
int is_err(long ret);
/* A return value as the log prints it: 0, the errno's name, or hex. */
const char *errname(long ret);
/* A call's result must be what the model's kernel gives. */
void expect_ret(const char *what, long got, long want);

/* IPC_STAT or SHM_STAT's shmid64_ds against the model's segment. */
void check_ds(const char *what, const struct mseg *sg,
	      const struct shmid64_ds *ds);
/* IPC_INFO's limits, SHM_INFO's totals, the STATs' ds after a shmctl. */
void check_shmctl(const struct fz_shmctl_args *a, const struct mseg *sg,
		  const struct shmid64_ds *ds, const struct shminfo64 *info,
		  const struct shm_info *sinfo);
/* The signal an access returned against the one delivered, and the model. */
void check_access_signal(struct mtask *t, uint32_t addr, size_t done,
			 int write, int sig);
/* The done bytes of buf loaded from addr by t against the model's. */
void check_load(struct mtask *t, uint32_t addr, const unsigned char *buf,
		size_t done);
#ifdef FZ_KERNEL26
/* The task's min_flt against the model's count; maj_flt must be 0. */
void check_faults(struct mtask *t);
#endif
/* After every step: the invariants, every task's vmas, every segment. */
void check_step(void);

#endif /* _SHMSIM_FUZZ_OPS_H */
