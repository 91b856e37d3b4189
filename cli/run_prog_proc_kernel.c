// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/run_prog_proc_kernel.c - the kernel side of the /proc files a
 * program under `shmsim run` reads (cli/run_prog_proc.c is the host
 * side): the text, printed by the simulated kernel's own proc code
 * (sysvipc_shm_read_proc, the `show sysvipc` view's), and its line in
 * the trace, in strace's manner:
 *	ipcs[102]: read("/proc/sysvipc/shm") = 236
 */
#include "sim/kernel.h"
#include "run_prog.h"

int prog_proc_render(struct prog_task *t, unsigned int which, FILE *f)
{
	struct task_struct *tsk = prog_task_tsk(t);
	int saved = sim_trace.enabled;

	if (which != SHMSIM_PROC_SYSVIPC_SHM || !tsk)
		return -ENOENT;
	sim_trace_comment("proc: %s[%d] opens /proc/sysvipc/shm: "
			  "sysvipc_shm_read_proc", prog_task_name(t),
			  (int)tsk->pid);
	/* sim: the proc code is a view's: its steps are not traced */
	sim_trace.enabled = 0;
	current = tsk;
	sysvipc_shm_read_proc(f);
	current = &init_task;
	sim_trace.enabled = saved;
	return 0;
}

void prog_proc_result(struct prog_task *t, long ret)
{
	struct task_struct *tsk = prog_task_tsk(t);

	if (!tsk)
		return;
	fprintf(sim_trace_out, "%s[%d]: read(\"/proc/sysvipc/shm\") = ",
		prog_task_name(t), (int)tsk->pid);
	if (ret < 0)
		fprintf(sim_trace_out, "-1 %s (%s)\n", sim_errno_name(-ret),
			sim_errno_text(-ret));
	else
		fprintf(sim_trace_out, "%ld\n", ret);
}
