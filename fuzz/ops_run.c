// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz/ops_run.c - fuzz_ops: the operations and one run. Each op reads
 * its arguments (ops_input.c), asks the model what 2.4.16 (or, with
 * FZ_KERNEL26, 2.6.32) gives
 * (ops_model.c), makes the call as its task, checks the result
 * (ops_check.c) and, if it succeeded, applies it to the model. A run
 * boots the machine the first byte picks, runs up to FZ_MAX_OPS ops with
 * the checks after each, loads every mapped byte again and shuts down.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "linux/swap.h"
#include "sim/kernel.h"
#include "sim/mmu.h"
#include "sim/proc.h"
#include "sim/shm_views.h"
#include "sim/trace.h"

#include "ops.h"

char fz_swap_file[64];

/* ---- the harness's tasks ------------------------------------------------ */

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
#ifdef FZ_KERNEL26
	model_mm_init(t, 0);	/* binfmt_elf: cached_hole_size 0 */
#endif
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

/* ---- the ops ------------------------------------------------------------ */

static void op_shmget(struct fz_in *in, struct mtask *t)
{
	struct fz_shmget_args a;
	struct mseg *sg;
	long ret, want;

	decode_shmget(in, &a);
	if (!model_shmget(t, &a, &want, &sg))
		return;
	fz_logf("t%ld: shmget(%#x, %u, %#o)", (long)(t - m.task),
		(unsigned int)a.key, a.size, a.flg);
	current = t->tsk;
	ret = sys_shmget(a.key, a.size, a.flg);
	current = &init_task;
	fz_logf("  = %s", errname(ret));
	if (sg && ret == -ENOMEM)
		return;		/* shmem_file_setup: vm_enough_memory */
	expect_ret("shmget", ret, want);
	if (!sg)
		return;
	model_shmget_done(t, &a, sg, (int)ret);
}

static void op_shmat(struct fz_in *in, struct mtask *t)
{
	struct fz_shmat_args a;
	struct mseg *sg;
	unsigned long raddr = 0;
	uint32_t len;
	int64_t where;
	long ret, want;
	struct mrange r;

	decode_shmat(in, t, &a);
	if (t->nr > FZ_RANGES - 3)
		return;
	want = model_shmat(t, &a, &sg, &len, &where);
	fz_logf("t%ld: shmat(%d, %#x, %#o)", (long)(t - m.task), a.shmid,
		a.shmaddr, a.flg);
	current = t->tsk;
	ret = sys_shmat(a.shmid, (char *)(unsigned long)a.shmaddr, a.flg,
			&raddr);
	current = &init_task;
	fz_logf("  = %s, %#lx", errname(ret), raddr);
	expect_ret("shmat", ret, want);
	if (ret)
		return;
	if (raddr != (unsigned long)where)
		fz_bug("shmat attached at %#lx, " FZ_KERNEL " gives %#lx",
		       raddr, (unsigned long)where);
	/* 2.4.16 replaces what was there; 2.6.32 only with SHM_REMAP */
	model_unmap(t, (uint32_t)where, (uint64_t)where + len);
	r = (struct mrange){ .start = (uint32_t)where,
		.end = (uint32_t)where + len, .obj = sg->obj, .pgoff = 0,
		.prot = a.flg & SHM_RDONLY ? PROT_READ :
			PROT_READ | PROT_WRITE };
#ifdef FZ_KERNEL26
	/* FMODE_READ only: no VM_MAYWRITE; SHM_EXEC adds PROT_EXEC */
	r.maxprot = a.flg & SHM_RDONLY ? PROT_READ | PROT_EXEC : 7;
	if (a.flg & SHM_EXEC)
		r.prot |= PROT_EXEC;
#endif
	range_insert(t, r);
	seg_reap();
}

/* The model's shmdt says what goes, and the result. */
static void op_shmdt(struct fz_in *in, struct mtask *t)
{
	uint32_t addr = decode_shmdt(in, t);
	long ret;

	fz_logf("t%ld: shmdt(%#x)", (long)(t - m.task), addr);
	current = t->tsk;
	ret = sys_shmdt((char *)(unsigned long)addr);
	current = &init_task;
	fz_logf("  = %s", errname(ret));
	expect_ret("shmdt", ret, model_shmdt(t, addr));
	seg_reap();
}

/* The buffer sys_shmctl gets for the command: NULL where it needs none. */
static void *shmctl_buf(struct fz_shmctl_args *a, struct shmid64_ds *ds,
			struct shminfo64 *info, struct shm_info *sinfo)
{
	if (a->cmd < 0 || a->shmid < 0)
		return NULL;
	switch (a->base) {
	case IPC_INFO:
		return info;
	case SHM_INFO:
		return sinfo;
	case SHM_STAT:
	case IPC_STAT:
		return ds;
	case IPC_SET:
		return &a->set;
	default:
		return NULL;
	}
}

static void op_shmctl(struct fz_in *in, struct mtask *t)
{
	struct fz_shmctl_args a;
	struct shmid64_ds ds;
	struct shminfo64 info;
	struct shm_info sinfo;
	struct mseg *sg;
	long ret, want;

	decode_shmctl(in, &a);
	memset(&ds, 0, sizeof(ds));
	memset(&info, 0, sizeof(info));
	memset(&sinfo, 0, sizeof(sinfo));
	want = model_shmctl(t, &a, &sg);
	fz_logf("t%ld: shmctl(%d, %#x, uid %u gid %u mode %#o)",
		(long)(t - m.task), a.shmid, a.cmd, a.set.shm_perm.uid,
		a.set.shm_perm.gid, a.set.shm_perm.mode);
	current = t->tsk;
	ret = sys_shmctl(a.shmid, a.cmd, shmctl_buf(&a, &ds, &info, &sinfo));
	current = &init_task;
	fz_logf("  = %s", errname(ret));
	expect_ret("shmctl", ret, want);
	if (ret < 0)
		return;
	check_shmctl(&a, sg, &ds, &info, &sinfo);
	model_shmctl_done(t, &a, sg);
}

/* Anonymous mmap; the model follows the object the kernel made. */
static void op_mmap(struct fz_in *in, struct mtask *t)
{
	struct fz_mmap_args a;
	struct fz_mmap_want w;
	unsigned long ret;

	decode_mmap(in, t, &a);
	if (t->nr > FZ_RANGES - 3)
		return;
	if (!model_mmap(t, &a, &w))
		return;
	fz_logf("t%ld: mmap(%#x, %u, %#lx, %#lx)", (long)(t - m.task),
		a.addr, a.len, a.prot, a.flags);
	current = t->tsk;
	ret = sys_mmap2(a.addr, a.len, a.prot, a.flags, (unsigned long)-1, 0);
	current = &init_task;
	fz_logf("  = %s", errname((long)ret));
	if (w.maybe_enomem && (long)ret == -ENOMEM) {
		/* the old mappings went before the check failed */
		model_unmap(t, (uint32_t)w.where, (uint64_t)w.where + w.alen);
		seg_reap();
		return;
	}
	expect_ret("mmap", (long)ret, w.want);
	if (is_err((long)ret) || !w.alen)
		return;
	model_unmap(t, (uint32_t)w.where, (uint64_t)w.where + w.alen);
	{
		struct mobj *o = obj_new(w.alen / FZ_PAGE, 0,
					 w.type == MAP_SHARED);
		struct vm_area_struct *vma = find_vma(t->tsk->mm, ret);

		if (w.type == MAP_SHARED) {
			if (!vma || !vma->vm_file)
				fz_bug("mmap: no shmem file at %#lx", ret);
			o->kfile = vma->vm_file;
		}
		struct mrange r = { .start = (uint32_t)w.where,
			.end = (uint32_t)w.where + w.alen, .obj = o, .pgoff = 0,
			.prot = (int)(a.prot & 7) };

#ifdef FZ_KERNEL26
		r.maxprot = 7;
#endif
		range_insert(t, r);
	}
	seg_reap();
}

static void op_munmap(struct fz_in *in, struct mtask *t)
{
	struct fz_range_args a;
	long ret, want;

	decode_munmap(in, t, &a);
	if (t->nr > FZ_RANGES - 3)
		return;
	want = model_munmap(a.addr, a.len);
	fz_logf("t%ld: munmap(%#x, %u)", (long)(t - m.task), a.addr, a.len);
	current = t->tsk;
	ret = sys_munmap(a.addr, a.len);
	current = &init_task;
	fz_logf("  = %s", errname(ret));
	expect_ret("munmap", ret, want);
	if (ret)
		return;
	model_unmap(t, a.addr, (uint64_t)a.addr + page_align(a.len));
	seg_reap();
}

static void op_mprotect(struct fz_in *in, struct mtask *t)
{
	struct fz_range_args a;
	long ret, want;

	decode_mprotect(in, t, &a);
	if (t->nr > FZ_RANGES - 3)
		return;
	want = model_mprotect(t, a.addr, a.len, a.prot, 0);
	fz_logf("t%ld: mprotect(%#x, %u, %#lx)", (long)(t - m.task), a.addr,
		a.len, a.prot);
	current = t->tsk;
	ret = sys_mprotect(a.addr, a.len, a.prot);
	current = &init_task;
	fz_logf("  = %s", errname(ret));
	expect_ret("mprotect", ret, want);
	if (ret != -EINVAL)
		model_mprotect(t, a.addr, a.len, a.prot, 1);
}

/* do_fork into the first free slot, if any. */
static void op_fork(struct mtask *t)
{
	int slot;
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
	model_fork(c, t);
}

/*
 * A load or store (or, with data NULL, a touch) of len bytes at addr by
 * t, checked page by page against the model; a signal kills the task.
 */
static void fz_access(struct mtask *t, uint32_t addr, uint32_t len, int write,
		   unsigned char *data, int touch)
{
	unsigned char *buf = NULL;
	size_t done = 0;
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
#ifdef FZ_KERNEL26
	fz_logf("  = %s, %zu done (free frames %lu)",
		sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS" :
		sig == SIGKILL ? "SIGKILL" : sig ? "signal" : "ok", done,
		nr_free_pages());
#else
	fz_logf("  = %s, %zu done (free frames %lu, free swap slots %ld)",
		sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS" :
		sig == SIGKILL ? "SIGKILL" : sig ? "signal" : "ok", done,
		nr_free_pages(), nr_swap_pages);
#endif
	check_access_signal(t, addr, done, write, sig);
#ifdef FZ_KERNEL26
	/* every page reached has a pte now; the first reach was a fault */
	model_faults(t, addr, done);
	check_faults(t);
#endif
	/* the bytes: compare what was loaded, record what was stored */
	if (!touch && write)
		model_store(t, addr, buf, done);
	else if (!touch)
		check_load(t, addr, buf, done);
	free(buf);
	if (sig)
		task_exit(t, sig);
}

static void op_access(struct fz_in *in, struct mtask *t, int write)
{
	struct fz_access_args a;

	decode_access(in, t, &a);
	fz_access(t, a.addr, a.len, write, a.touch ? NULL : a.data, a.touch);
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
#ifndef FZ_KERNEL26
	sim_dump_swap(sink);	/* 2.6.32: no swap modelled */
#endif
	for (s = 0; s <= sim_shm_max_slot(); s++)
		if (sim_shm_slot(s, &info))
			sim_dump_pagecache(info.id, sink);
	sim_dump_dot(sink);
	fflush(sink);
}

/* ---- the run ------------------------------------------------------------ */

/* A fresh model, and the machine the first byte picks, booted. */
static void fz_boot(struct fz_in *in)
{
	static const unsigned long rams[] = { 128, 160, 192, 256 };
	static const unsigned long swaps[] = { 256, 512, 768, 1024 };
	unsigned int b = in8(in);

	memset(&m, 0, sizeof(m));
	fz_log_reset();
	m.last_dead_id = 3 * FZ_SEQ + 1;
	sim_trace_reset();
	sim_trace.enabled = fz_trace;
	sim_trace.printing = fz_trace;
	sim_trace_out = stderr;
	sim_clock = SIM_CLOCK_START;
	sim_last_pid = 99;
	current = &init_task;
	sim_machine.ram = rams[b % 4] << 10;
#ifdef FZ_KERNEL26
	(void)swaps;
	sim_machine.swap = 0;	/* not modelled in 2.6.32 */
	sim_machine.swap_file = NULL;
#else
	sim_machine.swap = swaps[(b >> 2) % 4] << 10;
	sim_machine.swap_file = fz_swap_file;
#endif
	fz_logf("machine ram=%luK swap=%luK", sim_machine.ram >> 10,
		sim_machine.swap >> 10);
	if (start_kernel())
		fz_bug("boot failed");
	check_step();
}

/* The op the opcode names, as task tk. */
static void fz_op(struct fz_in *in, struct mtask *tk, unsigned int op)
{
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
#ifdef FZ_KERNEL26
			/* no reclaim in the 2.6 model: a load of all instead */
			op_verify(tk);
			break;
#endif
			fz_logf("pressure %u", op >> 4);
			sim_pressure((int)(op >> 4) + 1);
		}
	}
}

/*
 * One step: an opcode and a task (a free slot makes a new task, as root or
 * uid 1000/1001), the op, the checks. No frame for the new task: no step.
 */
static void fz_step(struct fz_in *in)
{
	static const uid_t uids[] = { 0, 1000, 1000, 1001 };
	static const gid_t gids[] = { 0, 100, 100, 101 };
	unsigned int op = in8(in), who = in8(in);
	struct mtask *tk = &m.task[who % FZ_TASKS];

	if (!tk->tsk) {
		tk = task_new((int)(who % FZ_TASKS), uids[(who >> 2) % 4],
			      gids[(who >> 4) % 4]);
		if (!tk)
			return;
	}
	fz_op(in, tk, op);
	check_step();
}

/* Every byte still mapped, the shutdown, and nothing left in the model. */
static void fz_finish(void)
{
	int leaks, t;

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

void fz_run(struct fz_in *in)
{
	fz_boot(in);
	for (m.step = 1; m.step <= FZ_MAX_OPS && in->n; m.step++)
		fz_step(in);
	fz_finish();
}
