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
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kernels.h"
#include "run_compare.h"
#include "run_prog.h"

#define MAX_CLIENTS	256

struct client {
	int fd;
	pid_t pid;			/* the HELLO's sender */
	struct prog_task *t;		/* NULL before HELLO */
};

struct server {
	int listen_fd;
	struct client clients[MAX_CLIENTS];
	int nclients;
	FILE *out;			/* trace and result lines */
};

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
		"[--no-trace] [--compare] -- PROGRAM [ARGS...]\n"
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

	if (why)
		fprintf(stderr, "shmsim run: host pid %d: %s: its task "
			"ends\n", (int)c->pid, why);
	fflush(s->out);
	prog_task_exit(c->t);
	fflush(s->out);
	close(c->fd);
	s->clients[i] = s->clients[--s->nclients];
}

/* the reply, with the memfd after a HELLO; -1 when it cannot go */
static int send_reply(int fd, struct shmsim_reply *rp, int memfd)
{
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} u;
	struct iovec iov = { rp, sizeof(*rp) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };

	rp->magic = SHMSIM_MAGIC;
	if (memfd >= 0) {
		struct cmsghdr *cm;

		memset(&u, 0, sizeof(u));
		mh.msg_control = u.buf;
		mh.msg_controllen = sizeof(u.buf);
		cm = CMSG_FIRSTHDR(&mh);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(cm), &memfd, sizeof(int));
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

/* a HELLO: the task is made for the sender, and gets the memfd */
static const char *hello(struct client *c, struct shmsim_request *rq,
			 const struct ucred *cred, struct shmsim_reply *rp,
			 int *memfd)
{
	unsigned long long bytes;

	if (c->t)
		return "a second HELLO";
	clean_name(rq->name);
	c->pid = cred->pid;
	c->t = prog_task_new(rq->name, cred->pid, cred->uid, cred->gid);
	if (!c->t)
		return "no memory for its task";
	*memfd = prog_arena_fd(&bytes);
	rp->arena_bytes = bytes;
	return NULL;
}

/* what client i sent; 0, or -1 when it is gone */
static int serve(struct server *s, int i)
{
	struct client *c = &s->clients[i];
	struct shmsim_request rq;
	struct shmsim_reply rp;
	struct ucred cred;
	const char *why = NULL;
	int memfd = -1;
	int n = read_request(c->fd, &rq, &cred, &why);

	if (n == 2)
		return 0;
	if (n <= 0) {
		drop_client(s, i, why);
		return -1;
	}
	memset(&rp, 0, sizeof(rp));
	rp.op = rq.op;
	if (rq.op == SHMSIM_HELLO) {
		why = hello(c, &rq, &cred, &rp, &memfd);
	} else if (!c->t || cred.pid != c->pid) {
		/* sim: a forked child on its parent's socket: refused */
		fprintf(stderr, "shmsim run: host pid %d: a request on %s: "
			"refused\n", (int)cred.pid, c->t ? "another "
			"process's connection" : "a connection with no "
			"HELLO");
		rp.ret = -1;
		rp.err = ESRCH;
	} else if (rq.op == SHMSIM_PROC) {
		memfd = prog_proc_open(c->t, &rq, &rp);
		fflush(s->out);
	} else {
		prog_handle(c->t, &rq, &rp);
		fflush(s->out);
	}
	if (!why && send_reply(c->fd, &rp, memfd))
		why = "its reply could not be sent";
	if (rq.op == SHMSIM_PROC && memfd >= 0)
		close(memfd);	/* the client has its own now */
	if (why) {
		drop_client(s, i, why);
		return -1;
	}
	return 0;
}

static void accept_client(struct server *s)
{
	int fd = accept4(s->listen_fd, NULL, NULL, SOCK_CLOEXEC), one = 1;

	if (fd < 0)
		return;
	if (s->nclients == MAX_CLIENTS ||
	    setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &one, sizeof(one))) {
		fprintf(stderr, "shmsim run: more than %d processes at "
			"once: one refused\n", MAX_CLIENTS);
		close(fd);
		return;
	}
	s->clients[s->nclients].fd = fd;
	s->clients[s->nclients].pid = 0;
	s->clients[s->nclients].t = NULL;
	s->nclients++;
}

/* until PROGRAM has exited and no client is left; PROGRAM's wait status */
static int serve_all(struct server *s, pid_t child)
{
	struct pollfd pfd[MAX_CLIENTS + 1];
	int status = 0, done = 0, i, n;

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
		/* from the last: drop_client moves the last into i */
		for (i = n - 1; i >= 0; i--)
			if (pfd[i + 1].revents)
				serve(s, i);
		if (pfd[0].revents & POLLIN) {
			accept_client(s);
			continue;
		}
		/* only with no client left: a wait4 per request is a cost
		   of every fault (bench/run_bench) */
		if (!done && s->nclients == 0 &&
		    waitpid(child, &status, WNOHANG) == child)
			done = 1;
		if (done && s->nclients == 0)
			break;
	}
	return status;
}

struct prog_opts {
	int kernel_given;
	enum script_kernel kernel;
	const char *trace_file;
	int trace;
	int compare;		/* --compare: the host's kernel beside it */
};

/* options up to "--" (or the first word not an option); -1 on error */
static int parse(int argc, char **argv, struct prog_opts *o)
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
		} else if (!strcmp(a, "--compare")) {
			o->compare = 1;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			exit(0);
		} else if ((!strcmp(a, "--kernel") || !strcmp(a, "--trace"))
			   && i + 1 < argc) {
			if (a[2] == 't') {
				o->trace_file = argv[++i];
				continue;
			}
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
			fprintf(stderr, "shmsim run: unknown option or "
				"missing argument: '%s'\n", a);
			return -1;
		}
	}
	return i;
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
	if (prog_boot(s->out, o->trace)) {
		fprintf(stderr, "shmsim run: the machine did not boot\n");
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
	return leaks && !status ? RUN_BUG : status;
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
