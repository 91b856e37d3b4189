/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/sched.h - processes, and their credentials.
 * Models the parts of include/linux/sched.h and include/linux/cred.h
 * (2.6.32) that the shm path reads: a task's pid and tgid, its mm, its
 * fault counters, and struct cred, where 2.6.29 moved the ids that 2.4
 * kept in task_struct itself (current->euid is now current_euid()).
 * `current` is a plain global, as in the 2.4 model, so `p *current` and
 * `p *current->cred` work in gdb.
 * sim: capabilities are "euid 0 has them all" (cap_effective is not kept);
 *   no groups beyond fsgid; no RCU, so a cred is freed at its last put.
 */
#ifndef _SIM26_LINUX_SCHED_H
#define _SIM26_LINUX_SCHED_H

#include "linux/kernel.h"
#include "linux/list.h"
#include "linux/mm_types.h"
#include "linux/slab.h"

#define CLONE_VM	0x00000100	/* share the mm (threads) */
#define CLONE_FS	0x00000200	/* share root, cwd and umask */
#define CLONE_FILES	0x00000400	/* share the fd table */
#define CLONE_THREAD	0x00010000	/* same thread group: shared creds */

#define TASK_RUNNING	0
#define EXIT_ZOMBIE	16

#define SIGKILL		9
#define SIGBUS		7
#define SIGSEGV		11

#define SEGV_MAPERR	1	/* no vma at the address */
#define SEGV_ACCERR	2	/* vma, but not with that access */
#define BUS_ADRERR	2	/* past the end of the object */

/* include/linux/cred.h: who a task is, shared until someone changes it */
struct cred {
	int usage;
	uid_t uid, suid, euid, fsuid;
	gid_t gid, sgid, egid, fsgid;
};

struct fs_struct;
struct files_struct;

struct task_struct {
	volatile long state;
	int exit_state;
	int exit_code;
	pid_t pid;
	pid_t tgid;
	struct task_struct *real_parent;
	struct list_head tasks;		/* on init_task's list */
	struct mm_struct *mm;
	struct mm_struct *active_mm;
	unsigned long min_flt, maj_flt;
	const struct cred *real_cred;	/* objective: who acts on it */
	const struct cred *cred;	/* subjective: who it acts as */
	char comm[16];
	struct fs_struct *fs;		/* root and cwd */
	struct files_struct *files;	/* the fd table */
	/* sim: the fatal signal a fault delivered, and where */
	int sim_sig;
	int sim_sig_code;
	unsigned long sim_sig_addr;
};

extern struct task_struct *current;
extern struct task_struct init_task;
extern struct cred init_cred;
extern struct list_head sim_tasks;

static inline const struct cred *get_cred(const struct cred *cred)
{
	((struct cred *)cred)->usage++;
	return cred;
}

/* kernel/cred.c */
void put_cred(const struct cred *cred);
struct cred *prepare_creds(void);
int copy_creds(struct task_struct *p, unsigned long clone_flags);
void cred_init(void);

#define current_cred()		(current->cred)
#define current_uid()		(current_cred()->uid)
#define current_gid()		(current_cred()->gid)
#define current_euid()		(current_cred()->euid)
#define current_egid()		(current_cred()->egid)
#define current_fsuid()		(current_cred()->fsuid)
#define current_fsgid()		(current_cred()->fsgid)

static inline void current_euid_egid(uid_t *euid, gid_t *egid)
{
	*euid = current_euid();
	*egid = current_egid();
}

/* sim/2.6/kernel/sched.c: tasks are made by the runner or by do_fork */
struct task_struct *sim_task_create(const char *name, uid_t uid, gid_t gid);
struct task_struct *sim_find_task_by_pid(pid_t pid);
void sim_task_free(struct task_struct *tsk);
extern pid_t sim_last_pid;

/* kernel/signal.c */
int force_sig_info(int sig, int code, unsigned long addr,
		   struct task_struct *t);
const char *sim_signal_name(int sig);	/* sim/lib/errno.c: "SIGSEGV" */

/* kernel/fork.c */
extern kmem_cache_t *mm_cachep;
struct mm_struct *mm_alloc(void);
void __mmdrop(struct mm_struct *mm);
void mmput(struct mm_struct *mm);
long do_fork(unsigned long clone_flags, const char *name);
void proc_caches_init(void);

/* the last reference to the struct, not to the address space */
static inline void mmdrop(struct mm_struct *mm)
{
	if (--mm->mm_count == 0)
		__mmdrop(mm);
}

/* kernel/exit.c */
void do_exit(long code);

/* kernel/groups.c: sim: no supplementary groups */
int in_group_p(gid_t grp);

/* kernel/capability.c through security/commoncap.c, reduced (sim) */
static inline int capable(int cap)
{
	(void)cap;
	return current_euid() == 0;
}
#define CAP_IPC_LOCK	14
#define CAP_IPC_OWNER	15
#define CAP_DAC_OVERRIDE	1
#define CAP_DAC_READ_SEARCH	2
#define CAP_SYS_ADMIN	21
#define CAP_SYS_RAWIO	17

#endif /* _SIM26_LINUX_SCHED_H */
