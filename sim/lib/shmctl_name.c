// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/lib/shmctl_name.c - a shmctl command's name for the trace (sim only).
 * Both kernels' sys_shmctl print it beside the number; the numbers are
 * i386's (sim/include/asm/shmbuf.h), the same in 2.4.16 and 2.6.32, and
 * IPC_64 is left out of the name as strace leaves it out.
 */
#include "asm/shmbuf.h"
#include "sim/kbase.h"

const char *sim_shmctl_cmd_name(int cmd)
{
	switch (cmd & ~IPC_64) {
	case IPC_RMID:	return "IPC_RMID";
	case IPC_SET:	return "IPC_SET";
	case IPC_STAT:	return "IPC_STAT";
	case IPC_INFO:	return "IPC_INFO";
	case SHM_LOCK:	return "SHM_LOCK";
	case SHM_UNLOCK: return "SHM_UNLOCK";
	case SHM_STAT:	return "SHM_STAT";
	case SHM_INFO:	return "SHM_INFO";
	default:	return "?";
	}
}
