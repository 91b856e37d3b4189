// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/run_prog.c - `shmsim run [--kernel 2.4|2.6] [--trace FILE|-]
 * [--no-trace] -- PROGRAM [ARGS...]`: the host side (docs/run.md).
 * It boots the machine, listens on a Unix socket in a private temporary
 * directory, and starts PROGRAM with the client library preloaded
 * (client/shmsim_client.c). Each process that makes a shm call connects
 * and becomes a simulated task; its requests are made as that task
 * (cli/run_prog_kernel.c); its socket closing is its exit. The run ends
 * when PROGRAM has exited and no client is left; the exit status is
 * PROGRAM's (128 + N when a signal N ended it).
 * sim: a client is trusted in nothing: who it is comes from the kernel
 * (SO_PASSCRED), and a malformed message ends that client, never the run.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kernels.h"
#include "run.h"
#include "run_compare.h"
#include "run_prog.h"
#include "script.h"

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
	struct timespec since;
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

static char run_dir[PATH_MAX];
static char run_sock[PATH_MAX];

/* no file of the user's left behind: the socket and its directory go */
static void remove_run_dir(void)
{
	if (run_sock[0])
		unlink(run_sock);
	if (run_dir[0])
		rmdir(run_dir);
	run_sock[0] = run_dir[0] = '\0';
}

static void on_fatal_signal(int sig)
{
	if (run_sock[0])
		unlink(run_sock);
	if (run_dir[0])
		rmdir(run_dir);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void usage(FILE *f)
{
	fprintf(f, "usage: shmsim run [--kernel 2.4|2.6] [--trace FILE|-] "
		"[--no-trace]\n"
		"                  [--ram SIZE] [--swap SIZE] [--check] "
		"[--compare] -- PROGRAM [ARGS...]\n"
		"  runs PROGRAM (and what it starts) with its shm calls and "
		"its accesses\n  to attached memory on the simulated kernel; "
		"the trace goes to standard\n  error, or FILE (- is standard "
		"output).\n  --compare: PROGRAM on the host's kernel too, "
		"side by side. docs/run.md\n");
}

/* the socket in a fresh 0700 directory; -1 having said why */
static int make_socket(void)
{
	const char *tmp = getenv("TMPDIR");
	struct sockaddr_un sa;
	int fd, one = 1;

	snprintf(run_dir, sizeof(run_dir), "%s/shmsim-run.XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(run_dir)) {
		fprintf(stderr, "shmsim run: %s: %s\n", run_dir,
			strerror(errno));
		run_dir[0] = '\0';
		return -1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	if ((size_t)snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/sock",
			     run_dir) >= sizeof(sa.sun_path)) {
		fprintf(stderr, "shmsim run: %s: too long for a socket "
			"(set TMPDIR)\n", run_dir);
		return -1;
	}
	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &one,
				 sizeof(one)) ||
	    bind(fd, (struct sockaddr *)&sa, sizeof(sa)) ||
	    (snprintf(run_sock, sizeof(run_sock), "%s", sa.sun_path),
	     listen(fd, 64))) {
		fprintf(stderr, "shmsim run: the socket %s: %s\n",
			sa.sun_path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

/* the client library, beside this program */
static int find_client(char *path, size_t len)
{
	ssize_t n = readlink("/proc/self/exe", path, len - 1);
	char *slash;

	if (n < 0)
		return -1;
	path[n] = '\0';
	slash = strrchr(path, '/');
	if (!slash || (size_t)(slash - path) + 24 >= len)
		return -1;
	strcpy(slash + 1, "libshmsim_client.so");
	return access(path, R_OK);
}

/* in the child: PROGRAM with the library preloaded; never returns */
static void exec_program(char **argv, const char *lib)
{
	const char *old = getenv("LD_PRELOAD");
	char *pre;

	if (old && *old) {
		size_t n = strlen(lib) + strlen(old) + 2;

		pre = malloc(n);
		if (pre)
			snprintf(pre, n, "%s:%s", lib, old);
	} else {
		pre = strdup(lib);
	}
	if (!pre || setenv("LD_PRELOAD", pre, 1) ||
	    setenv(SHMSIM_ENV_SOCKET, run_sock, 1)) {
		fprintf(stderr, "shmsim run: out of memory\n");
		_exit(127);
	}
	execvp(argv[0], argv);
	fprintf(stderr, "shmsim run: %s: %s\n", argv[0], strerror(errno));
	_exit(127);
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

/* a process that will not do as told: it dies, its task at the next turn */
static void kill_client(struct client *c, const char *why)
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

/* the task's name: what the HELLO says, printable, never empty */
static void clean_name(char *name)
{
	size_t i;

	name[SHMSIM_NAME_LEN - 1] = '\0';
	for (i = 0; name[i]; i++)
		if (name[i] <= ' ' || name[i] > '~' || name[i] == '[')
			name[i] = '?';
	if (!name[0])
		strcpy(name, "prog");
}

static long ms_since(const struct timespec *t0)
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
		clean_name(rq->name);
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
	clock_gettime(CLOCK_MONOTONIC, &p->since);
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
		kill_client(c, "no right answer to an unmap order");
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
		left = UNMAP_WAIT_MS - ms_since(&t0);
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
			kill_client(&s->clients[i], "it did not unmap its "
				    "pages in time");
		}
}

/*
 * When the kernel has taken ptes away or aged them (swap-out), every
 * process that mapped one of those pages unmaps it before anything else
 * happens: a frame is reused only once nobody maps it for real. Each
 * order is announced by SHMSIM_SIGNAL and answered on the same socket.
 */
static void follow_ptes(struct server *s)
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
		um.magic = SHMSIM_MAGIC;
		um.all = (uint32_t)all;
		um.gen = s->gen;
		um.n = all ? 0 : n;
		if (send(c->notify_fd, &um, sizeof(um),
			 MSG_DONTWAIT | MSG_NOSIGNAL) != (ssize_t)sizeof(um) ||
		    kill(c->pid, SHMSIM_SIGNAL)) {
			kill_client(c, "its unmap order could not be sent");
			continue;
		}
		c->ordered = 1;
	}
	if (sent)
		wait_acks(s);
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
	follow_ptes(s);
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

/* until PROGRAM has exited and no client is left; PROGRAM's wait status */
static int serve_all(struct server *s, pid_t child)
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
		    ms_since(&idle_since) >= ADOPT_WAIT_MS)
			break;
	}
	reap_pending(s);
	return status;
}

struct prog_opts {
	int kernel_given;
	enum script_kernel kernel;
	const char *trace_file;
	int trace;
	int check;
	int compare;		/* --compare: the host's kernel beside it */
	char machine[256];	/* "machine ram=... swap=..." */
	struct script_machine m;
};

/*
 * --ram and --swap are a script's machine line, read by the
 * script parser: the same sizes, names and limits, in the same words.
 */
static int machine_option(struct prog_opts *o, const char *key,
			  const char *value)
{
	size_t len = strlen(o->machine);

	if (!len)
		len = (size_t)snprintf(o->machine, sizeof(o->machine),
				       "machine");
	if (snprintf(o->machine + len, sizeof(o->machine) - len, " %s=%s",
		     key, value) >= (int)(sizeof(o->machine) - len)) {
		fprintf(stderr, "shmsim run: --%s %s: too long\n", key,
			value);
		return -1;
	}
	return 0;
}

/* a parser's or a refusal's message, without the place in the line */
static void machine_error(const char *line, const char *msg)
{
	const char *m = strstr(msg, ": ");

	fprintf(stderr, "shmsim run: '%s': %s", line, m ? m + 2 : msg);
	if (!*msg || msg[strlen(msg) - 1] != '\n')
		fputc('\n', stderr);
}

static int parse_machine(struct prog_opts *o)
{
	struct run_options ro;
	struct script_error err;
	struct script *s;
	char *why = NULL;
	size_t len = 0;
	int refused = 0;

	if (!o->machine[0]) {
		o->m.ram = 16ULL << 20;
		return 0;
	}
	s = script_parse("shmsim run", o->machine, strlen(o->machine), &err);
	if (!s) {
		machine_error(o->machine, err.msg);
		return -1;
	}
	run_options_init(&ro);
	ro.out = stdout;
	ro.err = open_memstream(&why, &len);
	if (ro.err && o->kernel_given && o->kernel == cli_this_kernel())
		refused = cli_refuse_not_modelled(s, &ro);
	if (ro.err)
		fclose(ro.err);
	if (refused)
		machine_error(o->machine, why ? why : "");
	free(why);
	o->m = s->machine;
	if (!strstr(o->machine, " swap="))
		o->m.swap = 0;	/* not a script's default: none unless asked */
	script_free(s);
	return refused ? -1 : 0;
}

/* options up to "--" (or the first word not an option); -1 on error */
static int parse_options(int argc, char **argv, struct prog_opts *o)
{
	int i;

	o->trace = 1;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--"))
			return i + 1;
		if (a[0] != '-')
			return i;
		if (!strcmp(a, "--no-trace")) {
			o->trace = 0;
		} else if (!strcmp(a, "--check")) {
			o->check = 1;
		} else if (!strcmp(a, "--compare")) {
			o->compare = 1;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			exit(0);
		} else if (i + 1 >= argc) {
			fprintf(stderr, "shmsim run: unknown option or "
				"missing argument: '%s'\n", a);
			return -1;
		} else if (!strcmp(a, "--trace")) {
			o->trace_file = argv[++i];
		} else if (!strcmp(a, "--ram") || !strcmp(a, "--swap")) {
			if (machine_option(o, a + 2, argv[++i]))
				return -1;
		} else if (!strcmp(a, "--kernel")) {
			o->kernel_given = 1;
			if (!strcmp(argv[++i], "2.4")) {
				o->kernel = SCRIPT_KERNEL_2_4;
			} else if (!strcmp(argv[i], "2.6")) {
				o->kernel = SCRIPT_KERNEL_2_6;
			} else {
				fprintf(stderr, "shmsim run: --kernel %s: not "
					"2.4 or 2.6\n", argv[i]);
				return -1;
			}
		} else {
			fprintf(stderr, "shmsim run: unknown option: '%s'\n",
				a);
			return -1;
		}
	}
	return i;
}

static int parse(int argc, char **argv, struct prog_opts *o)
{
	int first = parse_options(argc, argv, o);

	return first < 0 || parse_machine(o) ? -1 : first;
}

/* --kernel names the other kernel: its program runs it all */
static int hand_off(enum script_kernel k, char **all_argv)
{
	char path[PATH_MAX];
	int err = cli_find_program(k, path, sizeof(path));

	if (!err && getenv("SHMSIM_HANDED_OFF"))
		err = ELOOP;
	if (!err && setenv("SHMSIM_HANDED_OFF", "1", 1))
		err = errno;
	if (!err) {
		fflush(NULL);
		all_argv[0] = path;
		execv(path, all_argv);
		err = errno;
	}
	fprintf(stderr, "shmsim run: --kernel %s: cannot run %s: %s\n",
		cli_kernel_name(k), path, strerror(err));
	return RUN_BAD_SCRIPT;
}

static FILE *open_trace(const char *file)
{
	FILE *f;

	if (!file)
		return stderr;
	if (!strcmp(file, "-"))
		return stdout;
	f = fopen(file, "we");
	if (!f)
		fprintf(stderr, "shmsim run: --trace %s: %s\n", file,
			strerror(errno));
	return f;
}

/* boot, listen, start PROGRAM; -1 (said why) if any fails */
static pid_t start(struct server *s, const struct prog_opts *o,
		   char **prog)
{
	char lib[PATH_MAX];
	pid_t pid;

	if (find_client(lib, sizeof(lib))) {
		fprintf(stderr, "shmsim run: libshmsim_client.so is not "
			"beside %s\n", "shmsim");
		return -1;
	}
	if (prog_boot(s->out, o->trace, &o->m)) {
		fprintf(stderr, "shmsim run: the machine did not boot\n");
		return -1;
	}
	if (prog_swap_error()) {
		fprintf(stderr, "shmsim run: no swap area: a temporary file: "
			"%s\n", strerror(prog_swap_error()));
		return -1;
	}
	fflush(s->out);
	s->listen_fd = make_socket();
	if (s->listen_fd < 0)
		return -1;
	signal(SIGINT, on_fatal_signal);
	signal(SIGTERM, on_fatal_signal);
	signal(SIGHUP, on_fatal_signal);
	signal(SIGPIPE, SIG_IGN);
	/* a process PROGRAM started and left is still ours to know */
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		exec_program(prog, lib);
	}
	if (pid < 0)
		fprintf(stderr, "shmsim run: fork: %s\n", strerror(errno));
	return pid;
}

int prog_main(int argc, char **argv, char **all_argv)
{
	static struct server s;
	struct prog_opts o = { 0 };
	int first = parse(argc, argv, &o), status, leaks;
	pid_t pid;

	if (first < 0)
		return RUN_BAD_SCRIPT;
	if (first >= argc) {
		usage(stderr);
		return RUN_BAD_SCRIPT;
	}
	if (o.kernel_given && o.kernel != cli_this_kernel())
		return hand_off(o.kernel, all_argv);
	if (o.compare)
		return prog_compare(argv + first, stdout);
	s.out = open_trace(o.trace_file);
	s.check = o.check;
	if (!s.out)
		return RUN_BAD_SCRIPT;
	/* a write per line, not per piece of one (unbuffered stderr) */
	if (s.out == stderr)
		setvbuf(stderr, NULL, _IOLBF, BUFSIZ);
	pid = start(&s, &o, argv + first);
	if (pid < 0) {
		remove_run_dir();
		return RUN_BAD_SCRIPT;
	}
	status = serve_all(&s, pid);
	close(s.listen_fd);
	remove_run_dir();
	leaks = prog_shutdown(s.out, stderr);
	if (leaks)
		fprintf(stderr, "shmsim run: BUG: leak: %d objects still "
			"alive at shutdown\n", leaks);
	if (WIFSIGNALED(status)) {
		fprintf(s.out, "# %s: killed by signal %d\n", argv[first],
			WTERMSIG(status));
		status = 128 + WTERMSIG(status);
	} else {
		status = WEXITSTATUS(status);
	}
	if (s.out != stderr && s.out != stdout)
		fclose(s.out);
	return (leaks || s.bugs) && !status ? RUN_BUG : status;
}

/* for cli/run_compare.c: the socket and its directory, as a run's */
int prog_listen(const char **path)
{
	int fd = make_socket();

	signal(SIGINT, on_fatal_signal);
	signal(SIGTERM, on_fatal_signal);
	signal(SIGHUP, on_fatal_signal);
	signal(SIGPIPE, SIG_IGN);
	*path = run_sock;
	return fd;
}

void prog_unlisten(void)
{
	remove_run_dir();
}
