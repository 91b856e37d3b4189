/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/run_prog_server.h - what the host side of `shmsim run` shares: the
 * server's state. cli/run_prog.c starts the run (options, the socket,
 * PROGRAM), cli/run_prog_server.c serves the clients (HELLO, requests,
 * fork, exit), cli/run_prog_orders.c sends the unmap orders and waits for
 * their answers.
 */
#ifndef _SHMSIM_CLI_RUN_PROG_SERVER_H
#define _SHMSIM_CLI_RUN_PROG_SERVER_H

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#define MAX_CLIENTS	256
#define UNMAP_WAIT_MS	2000	/* a process that takes longer dies */
#define ADOPT_WAIT_MS	2000	/* for a process PROGRAM left to connect */

struct client {
	int fd;
	int notify_fd;			/* the unmap orders' socket */
	pid_t pid;			/* the HELLO's sender */
	struct prog_task *t;		/* NULL before HELLO */
	int dead;			/* killed: dropped at the next turn */
	int ordered;			/* an unmap order awaits its ack */
};

/* a task forked for a process that has not yet said HELLO */
struct pending {
	uint64_t token;			/* what its HELLO must bring */
	pid_t parent;			/* the host pid that forked */
	struct prog_task *t;
};

struct server {
	int listen_fd;
	struct client clients[MAX_CLIENTS];
	int nclients;
	struct pending pending[MAX_CLIENTS];
	int npending;
	uint64_t gen;			/* unmap orders sent */
	unsigned long drops_seen;	/* prog_pte_drops() when last seen */
	int check;			/* --check: the invariants each time */
	int bugs;			/* how many times they did not hold */
	FILE *out;			/* trace and result lines */
};

/* until PROGRAM (child) has exited and no client is left; its status */
int prog_serve_all(struct server *s, pid_t child);
/* the unmap orders the kernel's last steps call for, answered */
void prog_follow_ptes(struct server *s);
/* the orders flush_tlb_page calls for, sent to s's clients (NULL: none) */
void prog_orders_init(struct server *s);
/* a process that will not do as told dies; its task at the next turn */
void prog_kill_client(struct client *c, const char *why);
long prog_ms_since(const struct timespec *t0);

#endif /* _SHMSIM_CLI_RUN_PROG_SERVER_H */
