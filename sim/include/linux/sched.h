/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/linux/sched.h - processes.
 * Models the parts of include/linux/sched.h (2.4.16) the shm path reads:
 * task_struct's ids and credentials, its mm, fault counters and the signal
 * that kills it. `current` is a plain global so gdb's `p *current` works;
 * the scenario runner points it at the task whose call it makes.
 */
#ifndef _SIM_LINUX_SCHED_H
#define _SIM_LINUX_SCHED_H

#include "linux/kernel.h"
#include "linux/list.h"

struct mm_struct;
struct fs_struct;
struct file;

/*
 * include/linux/posix_types.h and sched.h: the open-files table. The fd
 * array holds NR_OPEN_DEFAULT files in the struct itself; the bitmaps have
 * room for __FD_SETSIZE descriptors. sim: 32-bit words, as on i386; the
 * host's <sys/select.h> macros of the same names give way to the kernel's.
 */
#undef __FD_SETSIZE
#undef __NFDBITS
#undef FD_SET
#undef FD_CLR
#undef FD_ISSET
#define __FD_SETSIZE	1024
#define __NFDBITS	32
#define NR_OPEN_DEFAULT	32	/* BITS_PER_LONG */
#define INR_OPEN	1024	/* RLIMIT_NOFILE's default */
typedef struct {
	uint32_t fds_bits[__FD_SETSIZE / __NFDBITS];
} __kernel_fd_set;

static inline void FD_SET(int fd, __kernel_fd_set *set)
{
	set->fds_bits[fd / __NFDBITS] |= 1U << (fd % __NFDBITS);
}

static inline void FD_CLR(int fd, __kernel_fd_set *set)
{
	set->fds_bits[fd / __NFDBITS] &= ~(1U << (fd % __NFDBITS));
}

static inline int FD_ISSET(int fd, const __kernel_fd_set *set)
{
	return (set->fds_bits[fd / __NFDBITS] >> (fd % __NFDBITS)) & 1;
}

struct files_struct {
	int count;
	int max_fds;			/* slots in fd[] */
	int max_fdset;			/* bits in the sets */
	int next_fd;			/* where get_unused_fd looks first */
	struct file **fd;		/* fd_array, as never expanded here */
	__kernel_fd_set *close_on_exec;
	__kernel_fd_set *open_fds;
	__kernel_fd_set close_on_exec_init;
	__kernel_fd_set open_fds_init;
	struct file *fd_array[NR_OPEN_DEFAULT];
};
extern struct files_struct init_files;

#define TASK_RUNNING	0
#define TASK_ZOMBIE	4

/* clone flags */
#define CLONE_VM	0x00000100
#define CLONE_FS	0x00000200
#define CLONE_FILES	0x00000400

#define SIGKILL		9
#define SIGBUS		7
#define SIGSEGV		11

/* si_code values for the fault signals */
#define SEGV_MAPERR	1	/* no vma at the address */
#define SEGV_ACCERR	2	/* vma, but not with that access */
#define BUS_ADRERR	2	/* past the end of the object */

struct task_struct {
	volatile long state;
	int exit_code;
	pid_t pid;
	struct task_struct *p_pptr;	/* parent */
	struct list_head tasks;		/* on init_task's list (sim) */
	struct mm_struct *mm;
	struct mm_struct *active_mm;
	struct fs_struct *fs;		/* root and cwd */
	struct files_struct *files;	/* the fd table */
	unsigned long min_flt, maj_flt;
	uid_t uid, euid, suid, fsuid;
	gid_t gid, egid, sgid, fsgid;
	char comm[16];
	/* sim: the fatal signal a fault delivered, and where */
	int sim_sig;
	int sim_sig_code;
	unsigned long sim_sig_addr;
};

extern struct task_struct *current;
extern struct task_struct init_task;
extern struct list_head sim_tasks;

/* sim/kernel/sched.c: tasks are made by the runner or by do_fork */
struct task_struct *sim_task_create(const char *name, uid_t uid, gid_t gid);
struct task_struct *sim_find_task_by_pid(pid_t pid);
void sim_task_free(struct task_struct *tsk);
void sim_init_task_exit(void);	/* shutdown: init's fs and files */
extern pid_t sim_last_pid;

/* sim/kernel/signal.c (kernel/signal.c) */
void force_sig_info(int sig, int code, unsigned long addr,
		    struct task_struct *t);
const char *sim_signal_name(int sig);	/* "SIGSEGV", or "?" */

/* sim/kernel/fork.c (kernel/fork.c) */
int copy_fs(unsigned long clone_flags, struct task_struct *tsk);
int copy_files(unsigned long clone_flags, struct task_struct *tsk);
int copy_mm(unsigned long clone_flags, struct task_struct *tsk);
long do_fork(unsigned long clone_flags, const char *name);
void proc_caches_init(void);

/* sim/kernel/exit.c (kernel/exit.c) */
void put_files_struct(struct files_struct *files);
void exit_files(struct task_struct *tsk);
void exit_fs(struct task_struct *tsk);
void do_exit(long code);

/* sim/kernel/sys.c (kernel/sys.c) */
int in_group_p(gid_t grp);

/* capable(): 2.4's capabilities reduced to "euid 0" (sim) */
static inline int capable(int cap)
{
	(void)cap;
	return current->euid == 0;
}
#define CAP_DAC_OVERRIDE	1
#define CAP_DAC_READ_SEARCH	2
#define CAP_IPC_LOCK	14
#define CAP_IPC_OWNER	15
#define CAP_SYS_ADMIN	21

#endif /* _SIM_LINUX_SCHED_H */
