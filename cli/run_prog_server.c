// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/run_prog_server.c - the clients of `shmsim run` (docs/run.md): a
 * HELLO makes the sender's task (or hands it the task its parent's FORK
 * made), each request is made as that task (cli/run_prog_kernel.c), a
 * socket closing is its process's exit. Only processes the run started
 * may connect; the run ends when PROGRAM and what it left are gone.
 * sim: a client is trusted in nothing: who it is comes from the kernel
 * (SO_PEERCRED, SO_PASSCRED), and a malformed message ends that client,
 * never the run.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "run_prog.h"
#include "run_prog_server.h"

/* --check: every invariant, after each request and each exit */
static void check_machine(struct server *s, pid_t pid, const char *after)
{
	char why[512];

	if (!s->check || !prog_check(why, sizeof(why)))
		return;
	fflush(s->out);
	fprintf(stderr, "shmsim run: BUG: after %s of host pid %d: %s\n",
		after, (int)pid, why);
	s->bugs++;
}

static void drop_client(struct server *s, int i, const char *why)
{
	struct client *c = &s->clients[i];

	if (why && c->pid)
		fprintf(stderr, "shmsim run: host pid %d: %s: its task "
			"ends\n", (int)c->pid, why);
	else if (why)
		fprintf(stderr, "shmsim run: a client before its HELLO: %s: "
			"dropped\n", why);
	fflush(s->out);
	prog_task_exit(c->t);
	fflush(s->out);
	check_machine(s, c->pid, "the exit");
	close(c->fd);
	if (c->notify_fd >= 0)
		close(c->notify_fd);
	s->clients[i] = s->clients[--s->nclients];
}

void prog_kill_client(struct client *c, const char *why)
{
	if (c->dead)
		return;
	fprintf(stderr, "shmsim run: host pid %d: %s: killed\n",
		(int)c->pid, why);
	if (c->pid > 0)
		kill(c->pid, SIGKILL);
	c->dead = 1;
}

/* the reply, with one or two fds (-1: none); -1 when it cannot go */
static int send_reply(int fd, struct shmsim_reply *rp, const int fds[2])
{
	union {
		char buf[CMSG_SPACE(2 * sizeof(int))];
		struct cmsghdr align;
	} u;
	struct iovec iov = { rp, sizeof(*rp) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };

	rp->magic = SHMSIM_MAGIC;
	if (fds[0] >= 0) {
		size_t n = fds[1] >= 0 ? 2 : 1;
		struct cmsghdr *cm;

		memset(&u, 0, sizeof(u));
		mh.msg_control = u.buf;
		mh.msg_controllen = CMSG_SPACE(n * sizeof(int));
		cm = CMSG_FIRSTHDR(&mh);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(n * sizeof(int));
		memcpy(CMSG_DATA(cm), fds, n * sizeof(int));
	}
	/* a client that does not read its replies is not waited for */
	return sendmsg(fd, &mh, MSG_NOSIGNAL | MSG_DONTWAIT) ==
	       (ssize_t)sizeof(*rp) ? 0 : -1;
}

/*
 * One message into rq, and its sender's credentials. Returns 1, 0 at
 * the end of the stream, or -1 with why for a message that ends it.
 */
static int read_request(int fd, struct shmsim_request *rq,
			struct ucred *cred, const char **why)
{
	union {
		char buf[CMSG_SPACE(sizeof(struct ucred)) +
			 CMSG_SPACE(16 * sizeof(int))];
		struct cmsghdr align;
	} u;
	char data[sizeof(*rq) + 1];
	struct iovec iov = { data, sizeof(data) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = u.buf,
			     .msg_controllen = sizeof(u.buf) };
	struct cmsghdr *cm;
	int have_cred = 0, bad = 0;
	ssize_t n = recvmsg(fd, &mh, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);

	if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
		*why = NULL;
		return 2;
	}
	if (n <= 0)
		return n < 0 ? (*why = "receive failed", -1) : 0;
	for (cm = CMSG_FIRSTHDR(&mh); cm; cm = CMSG_NXTHDR(&mh, cm)) {
		if (cm->cmsg_level == SOL_SOCKET &&
		    cm->cmsg_type == SCM_CREDENTIALS &&
		    cm->cmsg_len == CMSG_LEN(sizeof(*cred))) {
			memcpy(cred, CMSG_DATA(cm), sizeof(*cred));
			have_cred = 1;
		} else if (cm->cmsg_level == SOL_SOCKET &&
			   cm->cmsg_type == SCM_RIGHTS) {
			size_t k, nfd = (cm->cmsg_len - CMSG_LEN(0)) /
					sizeof(int);

			for (k = 0; k < nfd; k++) {
				int sent;

				memcpy(&sent, CMSG_DATA(cm) + k * sizeof(int),
				       sizeof(int));
				close(sent);
			}
			bad = 1;
		}
	}
	if (bad || (mh.msg_flags & (MSG_TRUNC | MSG_CTRUNC)))
		return *why = "sent file descriptors or a cut message", -1;
	if ((size_t)n != sizeof(*rq))
		return *why = "a request of the wrong size", -1;
	if (!have_cred)
		return *why = "no credentials", -1;
	memcpy(rq, data, sizeof(*rq));
	if (rq->magic != SHMSIM_MAGIC)
		return *why = "not a shmsim request", -1;
	return 1;
}

void prog_clean_name(char *name)
{
	size_t i;

	name[SHMSIM_NAME_LEN - 1] = '\0';
	for (i = 0; name[i]; i++)
		if (name[i] <= ' ' || name[i] > '~' || name[i] == '[')
			name[i] = '?';
	if (!name[0])
		strcpy(name, "prog");
}

long prog_ms_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t0->tv_sec) * 1000 +
	       (now.tv_nsec - t0->tv_nsec) / 1000000;
}

static int find_pending(const struct server *s, uint64_t token)
{
	int k;

	for (k = 0; token && k < s->npending; k++)
		if (s->pending[k].token == token)
			return k;
	return -1;
}

/*
 * A HELLO: the sender's task (a new one, or the one its parent's FORK
 * made, whose secret token it inherited), the memfd, and its end of a
 * new socket for the unmap orders.
 */
static const char *hello(struct server *s, struct client *c,
			 struct shmsim_request *rq, const struct ucred *cred,
			 struct shmsim_reply *rp, int fds[2])
{
	unsigned long long bytes;
	int sv[2], k;

	if (c->t)
		return "a second HELLO";
	k = find_pending(s, rq->token);
	if (rq->token && k < 0)
		return "a HELLO with a token no fork gave";
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv))
		return "no socket for its unmap orders";
	c->pid = cred->pid;
	if (k >= 0) {
		c->t = s->pending[k].t;
		s->pending[k] = s->pending[--s->npending];
		prog_task_adopt(c->t, cred->pid, rp);
	} else {
		prog_clean_name(rq->name);
		c->t = prog_task_new(rq->name, cred->pid, cred->uid,
				     cred->gid);
	}
	if (!c->t) {
		close(sv[0]);
		close(sv[1]);
		return "no memory for its task";
	}
	c->notify_fd = sv[0];
	fds[0] = prog_arena_fd(&bytes);
	fds[1] = sv[1];
	rp->arena_bytes = bytes;
	return NULL;
}

/* FORK: the child's task waits for the child's HELLO with the token */
static void fork_task(struct server *s, struct client *c,
		      struct shmsim_reply *rp)
{
	struct pending *p = &s->pending[s->npending];

	if (s->npending == MAX_CLIENTS) {
		rp->ret = -1;
		rp->err = EAGAIN;	/* sim: more unclaimed than we hold */
		return;
	}
	p->t = prog_fork(c->t, rp);
	if (!p->t)
		return;
	/* a secret: only the forking process and its child know it */
	do {
		if (getrandom(&p->token, sizeof(p->token), 0) !=
		    (ssize_t)sizeof(p->token))
			p->token = 0;
	} while (!p->token);
	p->parent = c->pid;
	rp->token = p->token;
	s->npending++;
}

/* FORK_FAILED: the real fork did not happen; the child's task exits */
static void fork_failed(struct server *s, struct client *c, uint64_t token,
			struct shmsim_reply *rp)
{
	int k = find_pending(s, token);

	if (k < 0 || s->pending[k].parent != c->pid) {
		rp->ret = -1;
		rp->err = ESRCH;
		return;
	}
	prog_task_exit(s->pending[k].t);
	s->pending[k] = s->pending[--s->npending];
	rp->ret = 0;
}

/* what client i sent: 0 served, 1 nothing there, -1 it is gone */
static int serve(struct server *s, int i)
{
	struct client *c = &s->clients[i];
	struct shmsim_request rq;
	struct shmsim_reply rp;
	struct ucred cred;
	const char *why = NULL;
	int fds[2] = { -1, -1 };
	int n = read_request(c->fd, &rq, &cred, &why);

	if (n == 2)
		return 1;
	if (n <= 0) {
		drop_client(s, i, why);
		return -1;
	}
	memset(&rp, 0, sizeof(rp));
	rp.op = rq.op;
	if (rq.op == SHMSIM_HELLO) {
		why = hello(s, c, &rq, &cred, &rp, fds);
	} else if (!c->t || cred.pid != c->pid) {
		/* sim: a process on another's socket: refused */
		fprintf(stderr, "shmsim run: host pid %d: a request on %s: "
			"refused\n", (int)cred.pid, c->t ? "another "
			"process's connection" : "a connection with no "
			"HELLO");
		rp.ret = -1;
		rp.err = ESRCH;
	} else if (rq.op == SHMSIM_FORK) {
		fork_task(s, c, &rp);
	} else if (rq.op == SHMSIM_FORK_FAILED) {
		fork_failed(s, c, rq.token, &rp);
	} else if (rq.op == SHMSIM_PROC) {
		fds[0] = prog_proc_open(c->t, &rq, &rp);
	} else {
		prog_handle(c->t, &rq, &rp);
	}
	fflush(s->out);
	prog_follow_ptes(s);
	check_machine(s, cred.pid, "a request");
	rp.gen = s->gen;
	/* a process killed meanwhile gets no reply: it is gone */
	if (!why && !c->dead && send_reply(c->fd, &rp, fds))
		why = "its reply could not be sent";
	if (rq.op == SHMSIM_PROC && fds[0] >= 0)
		close(fds[0]);	/* the client has its own now */
	if (fds[1] >= 0)
		close(fds[1]);
	if (why) {
		drop_client(s, i, why);
		return -1;
	}
	return 0;
}

/* the parent of host pid pid, from /proc; 0 when it cannot be read */
static pid_t parent_of(pid_t pid)
{
	char path[64], buf[512], *close_paren;
	FILE *f;
	int ppid = 0;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return 0;
	/* the name may hold spaces and parentheses: after the last ')' */
	if (fgets(buf, sizeof(buf), f) &&
	    (close_paren = strrchr(buf, ')')) &&
	    sscanf(close_paren + 1, " %*c %d", &ppid) != 1)
		ppid = 0;
	fclose(f);
	return (pid_t)ppid;
}

/* one of ours? (orphans come back to us: we are their subreaper) */
static int started_by_us(pid_t pid)
{
	int depth;

	for (depth = 0; pid > 1 && depth < 4096; depth++) {
		pid = parent_of(pid);
		if (pid == getpid())
			return 1;
	}
	return 0;
}

static void accept_client(struct server *s)
{
	int fd = accept4(s->listen_fd, NULL, NULL, SOCK_CLOEXEC), one = 1;
	struct ucred peer;
	socklen_t len = sizeof(peer);

	if (fd < 0)
		return;
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &peer, &len) ||
	    !started_by_us(peer.pid)) {
		fprintf(stderr, "shmsim run: host pid %d is not a process "
			"this run started: refused\n", (int)peer.pid);
		close(fd);
		return;
	}
	if (s->nclients == MAX_CLIENTS ||
	    setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &one, sizeof(one))) {
		fprintf(stderr, "shmsim run: more than %d processes at "
			"once: one refused\n", MAX_CLIENTS);
		close(fd);
		return;
	}
	memset(&s->clients[s->nclients], 0, sizeof(s->clients[0]));
	s->clients[s->nclients].fd = fd;
	s->clients[s->nclients].notify_fd = -1;
	s->nclients++;
}

/* the forked tasks no process claimed: they exit */
static void reap_pending(struct server *s)
{
	while (s->npending) {
		struct pending *p = &s->pending[--s->npending];

		fprintf(stderr, "shmsim run: a child of host pid %d never "
			"said HELLO: its task ends\n", (int)p->parent);
		fflush(s->out);
		prog_task_exit(p->t);
	}
}

/* is a process PROGRAM started still alive? (orphans are our children) */
static int descendants_left(void)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	return waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) == 0;
}

/*
 * Every child that has ended, ours or an orphan handed to us as their
 * subreaper; 1 once PROGRAM (child) has, with its status.
 */
static int reap(pid_t child, int *status)
{
	int st, found = 0;
	pid_t pid;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0)
		if (pid == child) {
			*status = st;
			found = 1;
		}
	return found;
}

/*
 * A moment's wait for the next request without sleeping: a program's
 * faults come microseconds apart, and a server that sleeps between them
 * waits as long again for its CPU to wake (an idle CPU's exit latency).
 */
#define SPIN_NS	50000

static void spin(struct pollfd *pfd, nfds_t n)
{
	struct timespec t0, now;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		if (poll(pfd, n, 0) != 0)
			return;
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while ((now.tv_sec - t0.tv_sec) * 1000000000L +
		 (now.tv_nsec - t0.tv_nsec) < SPIN_NS);
}

int prog_serve_all(struct server *s, pid_t child)
{
	struct pollfd pfd[MAX_CLIENTS + 1];
	int status = 0, done = 0, idle = 0, gone, i, n;
	struct timespec idle_since;

	for (;;) {
		pfd[0].fd = s->listen_fd;
		pfd[0].events = POLLIN;
		for (i = 0; i < s->nclients; i++) {
			pfd[i + 1].fd = s->clients[i].fd;
			pfd[i + 1].events = POLLIN;
		}
		n = s->nclients;
		spin(pfd, (nfds_t)n + 1);
		if (poll(pfd, (nfds_t)n + 1, 20) < 0 &&
		    errno != EINTR)
			break;
		/*
		 * The processes gone first: a process's exit closes its
		 * socket before its parent's wait returns, so its task's
		 * exit comes before whatever the parent asks next. From
		 * the last: drop_client moves the last into i.
		 */
		for (i = n - 1, gone = 0; i >= 0; i--)
			if (pfd[i + 1].revents & (POLLHUP | POLLERR)) {
				while (serve(s, i) == 0)
					;
				gone = 1;
			}
		for (i = n - 1; i >= 0 && !gone; i--)
			if (pfd[i + 1].revents && !s->clients[i].dead)
				serve(s, i);
		for (i = s->nclients - 1; i >= 0; i--)
			if (s->clients[i].dead)
				drop_client(s, i, NULL);
		if (pfd[0].revents & POLLIN) {
			accept_client(s);
			continue;
		}
		/*
		 * Only with no client left: a wait4 per request would be a
		 * cost of every fault (bench/run_bench).
		 */
		if (s->nclients == 0)
			done |= reap(child, &status);
		if (!done || s->nclients) {
			idle = 0;
			continue;
		}
		/*
		 * PROGRAM is gone and nobody is connected: done, unless a
		 * process it started lives on and may still connect (one
		 * forked, or started in the background); those have
		 * ADOPT_WAIT_MS to do so.
		 */
		if (!idle++)
			clock_gettime(CLOCK_MONOTONIC, &idle_since);
		if (!descendants_left() ||
		    prog_ms_since(&idle_since) >= ADOPT_WAIT_MS)
			break;
	}
	reap_pending(s);
	return status;
}
