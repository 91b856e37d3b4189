/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * client/shmsim_proto.h - the messages between `shmsim run` (the server,
 * cli/run_prog.c) and the library preloaded into the programs it runs
 * (client/shmsim_client.c). A SOCK_SEQPACKET Unix socket: one request, one
 * reply, each of exactly its struct's size; anything else ends the
 * client. The server learns who sends from the kernel (SO_PASSCRED), not
 * from the message. No simulated kernel header here: both sides include
 * it, and only the server knows i386's structs.
 *
 * A second socket, the HELLO reply's second descriptor, carries the
 * server's unmap orders (struct shmsim_unmap), each announced by the
 * signal SHMSIM_SIGNAL and answered by the same struct, as the ack: a
 * frame is reused only once every process that mapped it has let go.
 */
#ifndef _SHMSIM_PROTO_H
#define _SHMSIM_PROTO_H

#include <stdint.h>

#define SHMSIM_ENV_SOCKET	"SHMSIM_SOCKET"
#define SHMSIM_MAGIC		0x73686d32u	/* "shm2" */
#define SHMSIM_MAX_VMAS		64
#define SHMSIM_NAME_LEN		16
#define SHMSIM_MAX_UNMAP	256
/* an order is coming (a macro of signal.h) */
#define SHMSIM_SIGNAL		(SIGRTMAX - 2)

enum shmsim_op {
	SHMSIM_HELLO = 1,	/* name: the task's; token: a forked child's;
				   the reply brings the memfd and the
				   unmap socket */
	SHMSIM_SHMGET,		/* a[0] key, a[1] size, a[2] flags */
	SHMSIM_SHMAT,		/* a[0] shmid, a[1] addr, a[2] flags */
	SHMSIM_SHMDT,		/* a[0] addr */
	SHMSIM_SHMCTL,		/* a[0] shmid, a[1] cmd (no IPC_64), ds */
	SHMSIM_FAULT,		/* a[0] addr, a[1] 1 for a write */
	SHMSIM_FORK,		/* before the real fork: the reply's token
				   is the child's to HELLO with */
	SHMSIM_FORK_FAILED,	/* token: the real fork failed */
	SHMSIM_PROC,		/* a[0] SHMSIM_PROC_*: the reply brings
				   a sealed memfd with its text */
	SHMSIM_MPROTECT,	/* a[0] addr, a[1] len, a[2] prot */
	SHMSIM_NR_OPS
};

/* the /proc files the server renders (client/shmsim_client_proc.c) */
#define SHMSIM_PROC_SYSVIPC_SHM	1	/* /proc/sysvipc/shm */

/* shmctl's structs, field by field, wide enough for either side */
enum shmsim_field {
	SF_KEY, SF_UID, SF_GID, SF_CUID, SF_CGID, SF_MODE, SF_SEQ,
	SF_SEGSZ, SF_ATIME, SF_DTIME, SF_CTIME, SF_CPID, SF_LPID, SF_NATTCH,
	/* IPC_INFO */
	SF_SHMMAX, SF_SHMMIN, SF_SHMMNI, SF_SHMSEG, SF_SHMALL,
	/* SHM_INFO */
	SF_USED_IDS, SF_SHM_TOT, SF_SHM_RSS, SF_SHM_SWP, SF_SWAP_ATTEMPTS,
	SF_SWAP_SUCCESSES,
	SF_NR
};

struct shmsim_request {
	uint32_t magic;
	uint32_t op;
	uint32_t a[4];		/* i386's registers: 32 bits each */
	char name[SHMSIM_NAME_LEN];	/* HELLO: NUL-terminated */
	uint64_t token;		/* HELLO of a forked child, FORK_FAILED */
	int64_t ds[SF_NR];	/* shmctl IPC_SET: uid, gid, mode */
};

struct shmsim_range {
	uint32_t start, end;	/* a vma of the task, [start, end) */
	uint64_t tag;		/* which mapping: a change means remapped */
};

struct shmsim_reply {
	uint32_t magic;
	uint32_t op;		/* the request's */
	int64_t ret;		/* the call's value, or -1 */
	int32_t err;		/* its errno, 0 on success */
	int32_t sig;		/* FAULT: the signal that kills the task */
	uint32_t pfn;		/* FAULT: the frame now mapped */
	uint32_t writable;	/* FAULT: map it writable */
	uint32_t nvmas;		/* SHMAT, SHMDT: the task's vmas after */
	uint32_t truncated;	/* more than SHMSIM_MAX_VMAS */
	struct shmsim_range vmas[SHMSIM_MAX_VMAS];
	int64_t ds[SF_NR];	/* shmctl: what the kernel copied out */
	uint64_t arena_bytes;	/* HELLO: the memfd's size */
	uint64_t token;		/* FORK: the child's */
	uint64_t gen;		/* the unmap orders sent so far */
};

/* an order to unmap pages (server to client), or its ack (back) */
struct shmsim_unmap {
	uint32_t magic;
	uint32_t all;		/* every page of every attach */
	uint64_t gen;		/* this order's number */
	uint32_t n;
	uint32_t addr[SHMSIM_MAX_UNMAP];
};

#endif /* _SHMSIM_PROTO_H */
