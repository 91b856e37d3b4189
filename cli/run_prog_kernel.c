// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/run_prog_kernel.c - the kernel side of `shmsim run`: each request
 * of a real process is made as its simulated task (`current`), by the
 * same run functions a script's call uses (cli/call_*.c), and prints the
 * same trace and result line:
 *	writer[100]: shmget(0x4d2, 2052, IPC_CREAT|0666) = 0
 * A page fault of the real process is a `touch` of one page: the
 * simulated MMU faults (do_page_fault) and the reply names the frame the
 * pte maps, for the client to map at its offset in the arena's memfd.
 * Each task keeps the list of what its process has mapped (struct
 * mapped): when the kernel takes a pte away or ages it, prog_task_stale
 * says which pages the process must let go of, so that its next access
 * reaches the simulated MMU again, as a real CPU's would reach its ptes.
 * sim: every value comes from a client; nothing in it is trusted.
 */
#include <stdlib.h>
#include <string.h>
#include <uthash.h>

#include "sim/kernel.h"
#include "sim/arena.h"
#include "call.h"
#include "print.h"
#include "run_prog.h"
#include "tables.h"

/* a page the process has mapped, as the last fault's reply said */
struct mapped {
	uint32_t addr;			/* the key: a page address */
	uint32_t pfn;
	int writable;
	UT_hash_handle hh;
};

struct prog_task {
	struct task_struct *tsk;
	char name[SHMSIM_NAME_LEN];
	pid_t host_pid;
	struct mapped *mapped;		/* uthash, by addr */
	struct prog_task *next;		/* on prog_tasks */
};

/* every task a process stands for or is forked for: the TLB's owners */
static struct prog_task *prog_tasks;
static void (*tlb_flush)(struct prog_task *t, uint32_t addr);

static void tasks_add(struct prog_task *t)
{
	t->next = prog_tasks;
	prog_tasks = t;
}

static void tasks_del(struct prog_task *t)
{
	struct prog_task **pp;

	for (pp = &prog_tasks; *pp; pp = &(*pp)->next)
		if (*pp == t) {
			*pp = t->next;
			return;
		}
}

/*
 * flush_tlb_page of mm's addr (2.4.16's try_to_swap_out, after it took
 * the pte): the process that mapped the page lets go of it now, before
 * the kernel writes or frees it. A forked task not yet claimed by its
 * process has mapped nothing of its own.
 */
static void flush_tlb_hook(struct mm_struct *mm, unsigned long addr)
{
	uint32_t page = (uint32_t)(addr & PAGE_MASK);
	struct prog_task *t;
	struct mapped *m;

	for (t = prog_tasks; t; t = t->next) {
		if (!t->tsk || t->tsk->mm != mm)
			continue;
		HASH_FIND(hh, t->mapped, &page, sizeof(page), m);
		if (!m)
			return;
		HASH_DEL(t->mapped, m);
		free(m);
		sim_trace_comment("%s[%d]: host pid %d unmaps %#x: "
				  "flush_tlb_page", t->name, (int)t->tsk->pid,
				  (int)t->host_pid, page);
		if (tlb_flush)
			tlb_flush(t, page);
		return;
	}
}

void prog_set_tlb_flush(void (*fn)(struct prog_task *t, uint32_t addr))
{
	tlb_flush = fn;
	sim_flush_tlb_hook = fn ? flush_tlb_hook : NULL;
}

int prog_boot(FILE *out, int trace, const struct script_machine *m)
{
	int err;

	sim_trace_reset();
	sim_trace_out = out;
	sim_clock = SIM_CLOCK_START;
	sim_last_pid = 99;
	sim_machine.ram = m->ram;
	sim_machine.swap = m->swap;
	sim_machine.patches = m->patches;
	sim_machine.swap_file = NULL;
	sim_trace.printing = 0;		/* a silent boot, as a script's */
	err = start_kernel();
	sim_trace.printing = trace;
	return err;
}

int prog_swap_error(void)
{
	return -sim_machine.swap_err;
}

int prog_arena_fd(unsigned long long *bytes)
{
	*bytes = (unsigned long long)max_mapnr << PAGE_SHIFT;
	return sim_arena_fd();
}

struct prog_task *prog_task_new(const char *name, pid_t pid, uid_t uid,
				gid_t gid)
{
	struct prog_task *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	snprintf(t->name, sizeof(t->name), "%s", name);
	t->host_pid = pid;
	sim_trace_comment("task %s: pid %d, uid %u, gid %u (host pid %d)",
			  t->name, (int)sim_last_pid + 1, uid, gid, (int)pid);
	t->tsk = sim_task_create(t->name, uid, gid);
	if (!t->tsk) {
		free(t);
		return NULL;
	}
	tasks_add(t);
	return t;
}

static void forget_mapped(struct prog_task *t)
{
	struct mapped *m, *tmp;

	HASH_ITER(hh, t->mapped, m, tmp) {
		HASH_DEL(t->mapped, m);
		free(m);
	}
}

struct task_struct *prog_task_tsk(struct prog_task *t)
{
	return t->tsk;
}

const char *prog_task_name(const struct prog_task *t)
{
	return t->name;
}

/* the task dies of signal code (0: its process exited) */
static void task_die(struct prog_task *t, long code)
{
	if (!t->tsk)
		return;
	sim_trace_comment("%s[%d]: host pid %d %s: do_exit", t->name,
			  (int)t->tsk->pid, (int)t->host_pid,
			  code ? "killed" : "gone");
	current = t->tsk;
	do_exit(code);
	sim_task_free(t->tsk);
	t->tsk = NULL;
	current = &init_task;
}

/* the process is gone (exit, a crash, kill -9): the task dies with it */
void prog_task_exit(struct prog_task *t)
{
	if (!t)
		return;
	task_die(t, 0);
	forget_mapped(t);
	tasks_del(t);
	free(t);
}

/* the task's vmas, for the client to reserve exactly those ranges */
static void list_vmas(struct mm_struct *mm, struct shmsim_reply *rp)
{
	struct vm_area_struct *vma;

	for (vma = mm ? mm->mmap : NULL; vma; vma = vma->vm_next) {
		if (rp->nvmas == SHMSIM_MAX_VMAS) {
			rp->truncated = 1;
			return;
		}
		rp->vmas[rp->nvmas].start = (uint32_t)vma->vm_start;
		rp->vmas[rp->nvmas].end = (uint32_t)vma->vm_end;
		rp->vmas[rp->nvmas].tag = (uint64_t)(uintptr_t)vma->vm_file ^
					  vma->vm_pgoff;
		rp->nvmas++;
	}
}

/* glibc's fields of IPC_SET, into the call's uid=, gid=, mode= */
static void set_fields(const struct shmsim_request *rq,
		       struct call_args *args)
{
	args->has_uid = args->has_gid = args->has_mode = 1;
	args->uid = (uint32_t)rq->ds[SF_UID];
	args->gid = (uint32_t)rq->ds[SF_GID];
	args->mode = (uint32_t)rq->ds[SF_MODE];
}

/* what the kernel copied out, field by field, for the client's struct */
static void copy_out(const struct call_copy *c, struct shmsim_reply *rp)
{
	/* the wire's fields are the language's `$st.field`s */
	static const enum script_field field[SF_NR] = {
		[SF_KEY] = SCRIPT_FIELD_KEY, [SF_UID] = SCRIPT_FIELD_UID,
		[SF_GID] = SCRIPT_FIELD_GID, [SF_CUID] = SCRIPT_FIELD_CUID,
		[SF_CGID] = SCRIPT_FIELD_CGID, [SF_MODE] = SCRIPT_FIELD_MODE,
		[SF_SEQ] = SCRIPT_FIELD_SEQ,
		[SF_SEGSZ] = SCRIPT_FIELD_SHM_SEGSZ,
		[SF_ATIME] = SCRIPT_FIELD_SHM_ATIME,
		[SF_DTIME] = SCRIPT_FIELD_SHM_DTIME,
		[SF_CTIME] = SCRIPT_FIELD_SHM_CTIME,
		[SF_CPID] = SCRIPT_FIELD_SHM_CPID,
		[SF_LPID] = SCRIPT_FIELD_SHM_LPID,
		[SF_NATTCH] = SCRIPT_FIELD_SHM_NATTCH,
		[SF_SHMMAX] = SCRIPT_FIELD_SHMMAX,
		[SF_SHMMIN] = SCRIPT_FIELD_SHMMIN,
		[SF_SHMMNI] = SCRIPT_FIELD_SHMMNI,
		[SF_SHMSEG] = SCRIPT_FIELD_SHMSEG,
		[SF_SHMALL] = SCRIPT_FIELD_SHMALL,
		[SF_USED_IDS] = SCRIPT_FIELD_USED_IDS,
		[SF_SHM_TOT] = SCRIPT_FIELD_SHM_TOT,
		[SF_SHM_RSS] = SCRIPT_FIELD_SHM_RSS,
		[SF_SHM_SWP] = SCRIPT_FIELD_SHM_SWP,
		[SF_SWAP_ATTEMPTS] = SCRIPT_FIELD_SWAP_ATTEMPTS,
		[SF_SWAP_SUCCESSES] = SCRIPT_FIELD_SWAP_SUCCESSES,
	};
	int i;

	for (i = 0; i < SF_NR; i++)
		rp->ds[i] = call_copy_field(c, field[i]);
}

/*
 * A real fault at addr: one simulated access to its page. The frame is
 * mapped writable only once the pte is writable and dirty, so that the
 * first store after a load faults again and sets the dirty bit, as the
 * CPU would have.
 */
static void fault_reply(struct prog_task *t, struct call_result *res,
			unsigned long addr, struct shmsim_reply *rp)
{
	uint32_t page = (uint32_t)(addr & PAGE_MASK);
	struct mapped *m;
	pte_t *pte;

	if (res->signo) {
		rp->sig = res->signo;
		return;
	}
	pte = sim_pte_lookup(current->mm, page);
	if (!pte || !pte_present(*pte) || pte_pfn(*pte) >= max_mapnr) {
		rp->sig = SIGSEGV;	/* sim: cannot be; kill, not map */
		return;
	}
	rp->pfn = (uint32_t)pte_pfn(*pte);
	rp->writable = pte_write(*pte) && pte_dirty(*pte);
	HASH_FIND(hh, t->mapped, &page, sizeof(page), m);
	if (!m) {
		m = calloc(1, sizeof(*m));
		if (!m) {
			rp->sig = SIGKILL;	/* sim: no host memory */
			return;
		}
		m->addr = page;
		HASH_ADD(hh, t->mapped, addr, sizeof(m->addr), m);
	}
	m->pfn = rp->pfn;
	m->writable = (int)rp->writable;
}

static const enum script_call_kind op_calls[SHMSIM_NR_OPS] = {
	[SHMSIM_SHMGET] = SCRIPT_CALL_SHMGET,
	[SHMSIM_SHMAT] = SCRIPT_CALL_SHMAT,
	[SHMSIM_SHMDT] = SCRIPT_CALL_SHMDT,
	[SHMSIM_SHMCTL] = SCRIPT_CALL_SHMCTL,
	[SHMSIM_FAULT] = SCRIPT_CALL_TOUCH,
	[SHMSIM_MPROTECT] = SCRIPT_CALL_MPROTECT,
};

/*
 * args's call, made by t (current) as a script's is, with the signal it
 * took, and its result line.
 */
static void make_call(struct prog_task *t, struct call_args *args,
		      struct call_result *res)
{
	call_specs[args->c->kind].run(args, res);
	if (!res->signo && current->sim_sig)
		res->signo = current->sim_sig;
	if (res->signo) {
		res->sig_code = current->sim_sig_code;
		res->sig_addr = current->sim_sig_addr;
	}
	print_call(sim_trace_out, t->tsk->pid, args, res);
}

void prog_handle(struct prog_task *t, const struct shmsim_request *rq,
		 struct shmsim_reply *rp)
{
	struct script_call c;
	struct call_args args;
	struct call_result res;
	struct call_copy copy;
	unsigned int i;

	memset(&c, 0, sizeof(c));
	memset(&args, 0, sizeof(args));
	memset(&res, 0, sizeof(res));
	memset(&copy, 0, sizeof(copy));
	if (rq->op <= SHMSIM_HELLO || rq->op >= SHMSIM_NR_OPS || !t->tsk ||
	    (rq->op != SHMSIM_SHMGET && !op_calls[rq->op])) {
		rp->ret = -1;
		rp->err = EINVAL;
		return;
	}
	c.kind = op_calls[rq->op];
	c.task = t->name;
	c.nargs = call_specs[c.kind].nargs;
	args.c = &c;
	args.copy = &copy;
	args.given = c.nargs;
	for (i = 0; i < 4; i++)
		args.a[i] = rq->a[i];
	if (rq->op == SHMSIM_SHMCTL) {
		args.a[1] = (uint32_t)(rq->a[1] | IPC_64);	/* i386 glibc */
		if (((int)rq->a[1] & ~IPC_64) == IPC_SET)
			set_fields(rq, &args);
	} else if (rq->op == SHMSIM_FAULT) {
		c.touch = rq->a[1] ? SCRIPT_TOUCH_WRITE : SCRIPT_TOUCH_READ;
		args.a[1] = 1;
	}
	current = t->tsk;
	make_call(t, &args, &res);
	rp->ret = res.is_err ? -1 : res.value;
	rp->err = res.is_err ? res.err : 0;
	if (rq->op == SHMSIM_FAULT)
		fault_reply(t, &res, rq->a[0], rp);
	if (rq->op == SHMSIM_SHMAT || rq->op == SHMSIM_SHMDT ||
	    rq->op == SHMSIM_MPROTECT)
		list_vmas(current->mm, rp);
	if (rq->op == SHMSIM_SHMCTL && !res.is_err)
		copy_out(&copy, rp);
	current = &init_task;
	if (res.signo)	/* the process dies of it, as the task does */
		task_die(t, res.signo);
}

/* FORK: the task forks (do_fork: dup_mmap, vm_ops->open) */
struct prog_task *prog_fork(struct prog_task *parent, struct shmsim_reply *rp)
{
	struct prog_task *child = calloc(1, sizeof(*child));
	struct script_call c;
	struct call_args args;
	struct call_result res;

	memset(&c, 0, sizeof(c));
	memset(&args, 0, sizeof(args));
	memset(&res, 0, sizeof(res));
	rp->ret = -1;
	rp->err = child ? EINVAL : ENOMEM;	/* sim: no host memory */
	if (!child || !parent->tsk) {
		free(child);
		return NULL;
	}
	c.kind = SCRIPT_CALL_FORK;
	c.task = parent->name;
	c.child = parent->name;
	args.c = &c;
	current = parent->tsk;
	make_call(parent, &args, &res);
	current = &init_task;
	rp->err = res.is_err ? res.err : 0;
	if (res.is_err) {
		free(child);
		return NULL;
	}
	child->tsk = sim_find_task_by_pid((pid_t)res.value);
	snprintf(child->name, sizeof(child->name), "%s", parent->name);
	tasks_add(child);
	rp->ret = res.value;
	return child;
}

/* the forked child's process has said HELLO: it is host pid pid */
void prog_task_adopt(struct prog_task *t, pid_t pid, struct shmsim_reply *rp)
{
	t->host_pid = pid;
	sim_trace_comment("task %s: pid %d, forked, is host pid %d", t->name,
			  (int)t->tsk->pid, (int)pid);
	list_vmas(t->tsk->mm, rp);
}

unsigned long prog_pte_drops(void)
{
	return sim_pte_drops;
}

/* is addr in one of mm's vmas? (find_vma is the kernel's, and traced) */
static int in_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	for (vma = mm ? mm->mmap : NULL; vma; vma = vma->vm_next)
		if (addr >= vma->vm_start && addr < vma->vm_end)
			return 1;
	return 0;
}

/*
 * The pages the process must unmap: those whose pte is gone, old (its
 * accessed bit cleared), on another frame, or no longer writable and
 * dirty where the process may write. Pages no longer in a vma are
 * forgotten without an order: only the task's own shmdt removes a vma,
 * and its reply has the client unmap the whole range. More than max:
 * *all says to unmap every attach.
 */
unsigned int prog_task_stale(struct prog_task *t, uint32_t *addr,
			     unsigned int max, int *all)
{
	struct mm_struct *mm = t->tsk ? t->tsk->mm : NULL;
	struct mapped *m, *tmp;
	unsigned int n = 0;

	*all = 0;
	HASH_ITER(hh, t->mapped, m, tmp) {
		int inside = in_vma(mm, m->addr);
		pte_t *pte = inside ? sim_pte_lookup(mm, m->addr) : NULL;
		int keep = pte && pte_present(*pte) && pte_young(*pte) &&
			   pte_pfn(*pte) == m->pfn &&
			   (!m->writable || (pte_write(*pte) &&
					     pte_dirty(*pte)));

		if (keep)
			continue;
		if (inside) {
			if (n < max)
				addr[n] = m->addr;
			else
				*all = 1;
			n++;
		}
		HASH_DEL(t->mapped, m);
		free(m);
	}
	if (*all)
		forget_mapped(t);
	if (n)
		sim_trace_comment("%s[%d]: host pid %d unmaps %s%u page%s, "
				  "the first at %#x", t->name,
				  (int)t->tsk->pid, (int)t->host_pid,
				  *all ? "every attach: " : "", n,
				  n == 1 ? "" : "s", addr[0]);
	return n;
}

int prog_check(char *why, size_t len)
{
	return sim_check_all(why, len);
}

int prog_shutdown(FILE *out, FILE *err)
{
	int saved = sim_trace.enabled;

	sim_trace.enabled = 0;
	fprintf(out, "# ipcs -m\n");
	sim_dump_ipcs(out);
	sim_trace.enabled = saved;
	sim_trace.printing = 0;
	fflush(out);
	return sim_shutdown(err);
}
