// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/run_prog_orders.c - the unmap orders of `shmsim run` (docs/run.md,
 * "How it works"): when the simulated kernel has taken ptes away or aged
 * them, every process that still maps one of those pages for real is
 * told to unmap it, on its second socket and with SHMSIM_SIGNAL, and the
 * server waits for every answer before anything else runs. A process
 * that does not answer in time dies.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "run_prog.h"
#include "run_prog_server.h"

/* the answer to an unmap order: the same order back */
static void read_ack(struct server *s, struct client *c)
{
	struct shmsim_unmap ack;
	ssize_t r = recv(c->notify_fd, &ack, sizeof(ack), MSG_DONTWAIT);

	if (r < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	c->ordered = 0;
	if (r != (ssize_t)sizeof(ack) || ack.magic != SHMSIM_MAGIC ||
	    ack.gen != s->gen)
		prog_kill_client(c, "no right answer to an unmap order");
}

/* until every ordered process has answered, or UNMAP_WAIT_MS */
static void wait_acks(struct server *s)
{
	struct pollfd pfd[MAX_CLIENTS];
	int idx[MAX_CLIENTS], i, k, n;
	struct timespec t0;
	long left;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		for (i = n = 0; i < s->nclients; i++) {
			if (!s->clients[i].ordered)
				continue;
			pfd[n].fd = s->clients[i].notify_fd;
			pfd[n].events = POLLIN;
			idx[n++] = i;
		}
		left = UNMAP_WAIT_MS - prog_ms_since(&t0);
		if (!n)
			return;
		if (left <= 0)
			break;
		if (poll(pfd, (nfds_t)n, (int)left) < 0 && errno != EINTR)
			break;
		for (k = 0; k < n; k++)
			if (pfd[k].revents)
				read_ack(s, &s->clients[idx[k]]);
	}
	for (i = 0; i < s->nclients; i++)
		if (s->clients[i].ordered) {
			s->clients[i].ordered = 0;
			prog_kill_client(&s->clients[i], "it did not unmap its "
				    "pages in time");
		}
}

/* the order um to client c, announced; 0, or -1 with c killed */
static int send_order(struct client *c, struct shmsim_unmap *um)
{
	um->magic = SHMSIM_MAGIC;
	if (send(c->notify_fd, um, sizeof(*um), MSG_DONTWAIT | MSG_NOSIGNAL)
	    != (ssize_t)sizeof(*um) || kill(c->pid, SHMSIM_SIGNAL)) {
		prog_kill_client(c, "its unmap order could not be sent");
		return -1;
	}
	c->ordered = 1;
	return 0;
}

/*
 * After a request: the pages whose ptes the kernel took (or aged: a
 * young bit cleared) are unmapped by every process that mapped them
 * before anything else happens, so that their next access reaches the
 * simulated MMU. Each order is announced by SHMSIM_SIGNAL and answered
 * on the same socket.
 */
void prog_follow_ptes(struct server *s)
{
	static struct shmsim_unmap um;
	unsigned long drops = prog_pte_drops();
	int i, all, sent = 0;

	if (drops == s->drops_seen)
		return;
	s->drops_seen = drops;
	for (i = 0; i < s->nclients; i++) {
		struct client *c = &s->clients[i];
		unsigned int n;

		if (!c->t || c->dead)
			continue;
		n = prog_task_stale(c->t, um.addr, SHMSIM_MAX_UNMAP, &all);
		if (!n)
			continue;
		if (!sent++)
			s->gen++;
		um.all = (uint32_t)all;
		um.gen = s->gen;
		um.n = all ? 0 : n;
		send_order(c, &um);
	}
	if (sent)
		wait_acks(s);
}

static struct server *tlb_server;

/*
 * flush_tlb_page, in the middle of the kernel's work (2.4.16's
 * try_to_swap_out has just taken the pte): the process lets go of the
 * page now and answers before the kernel goes on to write the page to
 * swap or free its frame, as a CPU's TLB entry goes before then.
 */
static void flush_tlb(struct prog_task *t, uint32_t page)
{
	struct server *s = tlb_server;
	static struct shmsim_unmap um;
	int i;

	for (i = 0; s && i < s->nclients; i++) {
		struct client *c = &s->clients[i];

		if (c->t != t || c->dead)
			continue;
		um.all = 0;
		um.gen = ++s->gen;
		um.n = 1;
		um.addr[0] = page;
		if (!send_order(c, &um))
			wait_acks(s);
		return;
	}
}

void prog_orders_init(struct server *s)
{
	tlb_server = s;
	prog_set_tlb_flush(s ? flush_tlb : NULL);
}
