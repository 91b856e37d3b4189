// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/run_compare.c - `shmsim run --compare -- PROGRAM [ARGS...]`: the
 * program on the host's own kernel, then on the simulated one, and their
 * result lines and standard output side by side (docs/run.md,
 * "--compare"). The host's run has libshmsim_native.so preloaded
 * (client/shmsim_native.c): the real calls, each reported here and
 * printed as the simulated calls are (cli/run_compare_kernel.c); it runs
 * in a fresh IPC namespace where the host allows one (unshare, as root or
 * in a new user namespace), so that its ids start as a fresh machine's
 * and no segment of the host's is in its way. The simulated run is
 * `shmsim run --no-trace` (this program again, so this kernel), its
 * result lines read from its trace. Both runs' output goes to memfds:
 * nothing is left behind. The two columns are aligned as `shmsim
 * --compare` aligns a script's (cli/compare.c); the simulated kernel's
 * touch lines, its page faults, have no host counterpart and are counted,
 * not shown.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compare.h"
#include "kernels.h"
#include "run_compare.h"
#include "run_prog.h"

/* processes reporting at once, and tasks numbered */
#define MAX_NATIVE	256

/* what one run printed: its result lines and its standard output */
struct side {
	char *results_buf, *out_buf;
	struct compare_block results, out;
	int status;		/* the exit status, 128 + N for signal N */
	int faults;		/* simulated: touch lines left out */
};

struct native {
	int listen_fd;
	int fds[MAX_NATIVE];
	int nfds;
	pid_t pids[MAX_NATIVE];	/* host pid i is shown as 100 + i */
	int npids;
	FILE *lines;		/* the result lines, into a memstream */
};

/* a memfd's whole text, NUL-terminated, to free; NULL out of memory */
static char *slurp(int fd)
{
	size_t len;

	/* the child wrote it through the same open file: from the start */
	return lseek(fd, 0, SEEK_SET) ? NULL : cli_read_all(fd, &len);
}

/* buf's lines into b (in place), those keep() wants; -1 out of memory */
static int split_lines(char *buf, struct compare_block *b,
		       int (*keep)(const char *line, int *count), int *count)
{
	char *line = buf, *nl;

	while (*line) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if ((!keep || keep(line, count)) && capture_add_line(b, line))
			return -1;
		if (!nl)
			break;
		line = nl + 1;
	}
	return 0;
}

/* a simulated result line, except a touch (a fault: counted) */
static int keep_result(const char *line, int *faults)
{
	const char *p;

	if (!capture_is_result_line(line))
		return 0;
	p = strstr(line, "]: ");
	if (p && !strncmp(p + 3, "touch(", 6)) {
		(*faults)++;
		return 0;
	}
	return 1;
}

static int wait_status(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 127;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

/* the run on the simulated kernel: `shmsim run --no-trace` again */
static int run_simulated(char **prog, struct side *sim)
{
	char self[PATH_MAX], trace[64];
	int out = memfd_create("shmsim-stdout", MFD_CLOEXEC);
	int tr = memfd_create("shmsim-trace", MFD_CLOEXEC), n = 0, rc = -1;
	size_t nprog = 0;
	char **argv;
	pid_t pid;

	while (prog[nprog])
		nprog++;
	argv = calloc(nprog + 7, sizeof(*argv));
	if (!argv || out < 0 || tr < 0 ||
	    prog_beside(cli_kernel_program(cli_this_kernel()), self,
		      sizeof(self))) {
		fprintf(stderr, "shmsim run --compare: %s\n", strerror(errno));
		goto out;
	}
	snprintf(trace, sizeof(trace), "/proc/self/fd/%d", tr);
	argv[n++] = self;
	argv[n++] = "run";
	argv[n++] = "--no-trace";
	argv[n++] = "--trace";
	argv[n++] = trace;
	argv[n++] = "--";
	memcpy(argv + n, prog, nprog * sizeof(*argv));
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		fcntl(tr, F_SETFD, 0);
		dup2(out, STDOUT_FILENO);
		execv(self, argv);
		fprintf(stderr, "shmsim run --compare: %s: %s\n", self,
			strerror(errno));
		_exit(127);
	}
	if (pid < 0) {
		fprintf(stderr, "shmsim run --compare: fork: %s\n",
			strerror(errno));
		goto out;
	}
	sim->status = wait_status(pid);
	sim->out_buf = slurp(out);
	sim->results_buf = slurp(tr);
	if (sim->out_buf && sim->results_buf &&
	    !split_lines(sim->out_buf, &sim->out, NULL, NULL) &&
	    !split_lines(sim->results_buf, &sim->results, keep_result,
			 &sim->faults))
		rc = 0;
	else
		fprintf(stderr, "shmsim run --compare: out of memory\n");
out:
	free(argv);
	if (out >= 0)
		close(out);
	if (tr >= 0)
		close(tr);
	return rc;
}

/* the host's pid as a task's, numbered from 100 as the simulated ones */
static int shown_pid(struct native *nv, pid_t pid)
{
	int i;

	for (i = 0; i < nv->npids; i++)
		if (nv->pids[i] == pid)
			return 100 + i;
	if (nv->npids < MAX_NATIVE)
		nv->pids[nv->npids++] = pid;
	return 100 + i;
}

/* one record of connection i: its line and the byte that answers it */
static void serve_record(struct native *nv, int i)
{
	struct shmsim_record r;
	ssize_t n = recv(nv->fds[i], &r, sizeof(r), MSG_DONTWAIT | MSG_TRUNC);
	char ack = 0;
	int pid;

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n != (ssize_t)sizeof(r) || r.magic != SHMSIM_NATIVE_MAGIC ||
	    send(nv->fds[i], &ack, 1, MSG_NOSIGNAL | MSG_DONTWAIT) != 1) {
		/* gone, or not ours: not waited for */
		close(nv->fds[i]);
		nv->fds[i] = nv->fds[--nv->nfds];
		return;
	}
	prog_clean_name(r.name);
	pid = shown_pid(nv, r.pid);
	if (r.op == SHMSIM_FORK && r.ret > 0)	/* the child's number */
		r.ret = shown_pid(nv, (pid_t)r.ret);
	prog_print_record(nv->lines, &r, pid, r.name);
}

/* the records, until the program has exited and nobody is connected */
static int serve_native(struct native *nv, pid_t child)
{
	struct pollfd pfd[MAX_NATIVE + 1];
	int status = 0, done = 0, i, n, fd;

	for (;;) {
		pfd[0].fd = nv->listen_fd;
		pfd[0].events = POLLIN;
		for (i = 0; i < nv->nfds; i++) {
			pfd[i + 1].fd = nv->fds[i];
			pfd[i + 1].events = POLLIN;
		}
		n = nv->nfds;
		if (poll(pfd, (nfds_t)n + 1, 20) < 0 && errno != EINTR)
			break;
		for (i = n - 1; i >= 0; i--)
			if (pfd[i + 1].revents)
				serve_record(nv, i);
		if (pfd[0].revents & POLLIN) {
			fd = accept4(nv->listen_fd, NULL, NULL, SOCK_CLOEXEC);
			if (fd >= 0 && nv->nfds < MAX_NATIVE)
				nv->fds[nv->nfds++] = fd;
			else if (fd >= 0)
				close(fd);
			continue;
		}
		if (!done && waitpid(child, &status, WNOHANG) == child)
			done = 1;
		if (done && nv->nfds == 0)
			break;
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : write(fd, text, strlen(text));

	if (fd >= 0)
		close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/*
 * In the child: a fresh IPC namespace, as root, else inside a new user
 * namespace that maps only the user's own ids (so the program runs as
 * who it is). What came of it, for the header: 'r', 'u', or 'h' (the
 * host's own namespace) with the errno.
 */
static char fresh_ipc_namespace(int *err)
{
	char map[64];
	uid_t uid = getuid();
	gid_t gid = getgid();

	if (!unshare(CLONE_NEWIPC))
		return 'r';
	*err = errno;
	if (unshare(CLONE_NEWUSER | CLONE_NEWIPC))
		return 'h';
	snprintf(map, sizeof(map), "%u %u 1\n", uid, uid);
	if (write_file("/proc/self/uid_map", map))
		return 'h';
	write_file("/proc/self/setgroups", "deny\n");
	snprintf(map, sizeof(map), "%u %u 1\n", gid, gid);
	write_file("/proc/self/gid_map", map);
	return 'u';
}

/* in the child: the namespace, the library, the program; never returns */
static void exec_native(char **prog, const char *lib, const char *sock,
			int out, int note)
{
	const char *old = getenv("LD_PRELOAD");
	char pre[PATH_MAX * 2], msg[2];
	int err = 0;

	msg[0] = fresh_ipc_namespace(&err);
	msg[1] = (char)err;
	if (write(note, msg, 2) != 2)
		_exit(127);
	snprintf(pre, sizeof(pre), "%s%s%s", lib, old && *old ? ":" : "",
		 old && *old ? old : "");
	if (setenv("LD_PRELOAD", pre, 1) ||
	    setenv(SHMSIM_ENV_NATIVE, sock, 1) ||
	    dup2(out, STDOUT_FILENO) < 0)
		_exit(127);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	execvp(prog[0], prog);
	fprintf(stderr, "shmsim run --compare: %s: %s\n", prog[0],
		strerror(errno));
	_exit(127);
}

/* "a fresh IPC namespace" or why not, from the child's note */
static void say_namespace(const char msg[2], char *buf, size_t len)
{
	if (msg[0] == 'r')
		snprintf(buf, len, "in a fresh IPC namespace");
	else if (msg[0] == 'u')
		snprintf(buf, len, "in a fresh IPC namespace (and user "
			 "namespace)");
	else
		snprintf(buf, len, "in the host's own IPC namespace: unshare: "
			 "%s", strerror(msg[1]));
}

/* the run on the host's kernel, with libshmsim_native.so preloaded */
static int run_native(char **prog, struct side *host, char *ns, size_t len)
{
	static struct native nv;
	char lib[PATH_MAX], msg[2] = { 'h', 0 };
	const char *sock;
	int out = memfd_create("host-stdout", MFD_CLOEXEC), note[2];
	size_t size;
	pid_t pid;

	if (prog_beside("libshmsim_native.so", lib, sizeof(lib)) ||
	    access(lib, R_OK)) {
		fprintf(stderr, "shmsim run --compare: libshmsim_native.so "
			"is not beside shmsim\n");
		return -1;
	}
	nv.lines = open_memstream(&host->results_buf, &size);
	nv.listen_fd = prog_listen(&sock);
	if (out < 0 || !nv.lines || nv.listen_fd < 0 ||
	    pipe2(note, O_CLOEXEC)) {
		fprintf(stderr, "shmsim run --compare: %s\n", strerror(errno));
		if (nv.listen_fd >= 0)
			close(nv.listen_fd);
		prog_unlisten();	/* nothing left behind */
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid == 0)
		exec_native(prog, lib, sock, out, note[1]);
	close(note[1]);
	if (pid < 0 || read(note[0], msg, 2) != 2)
		msg[0] = 'h';
	close(note[0]);
	say_namespace(msg, ns, len);
	host->status = pid < 0 ? 127 : serve_native(&nv, pid);
	close(nv.listen_fd);
	prog_unlisten();
	fclose(nv.lines);
	host->out_buf = slurp(out);
	close(out);
	if (!host->out_buf || !host->results_buf ||
	    split_lines(host->out_buf, &host->out, NULL, NULL) ||
	    split_lines(host->results_buf, &host->results, NULL, NULL)) {
		fprintf(stderr, "shmsim run --compare: out of memory\n");
		return -1;
	}
	return 0;
}

static int same_lines(const struct compare_block *a,
		      const struct compare_block *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->lines[i], b->lines[i]))
			return 0;
	return 1;
}

static void print_compare(FILE *out, char **prog, const char *ns,
			  const struct side *host, const struct side *sim)
{
	const char *kernel = cli_this_kernel() == SCRIPT_KERNEL_2_4 ?
			     "Linux 2.4.16" : "Linux 2.6.32";
	int colw = compare_column_width(), i;
	struct utsname u;

	if (uname(&u))
		strcpy(u.release, "?");
	fprintf(out, "shmsim run --compare:");
	for (i = 0; prog[i]; i++)
		fprintf(out, " %s", prog[i]);
	fprintf(out, "\nleft: the host, Linux %s, %s\n", u.release, ns);
	fprintf(out, "right: the simulated %s\n", kernel);
	fprintf(out, "rows: ' ' the same, '|' different, '<' host only, "
		"'>' simulated only\n");
	fprintf(out, "\n== result lines\n");
	compare_print_lines(out, &host->results, &sim->results, colw);
	fprintf(out, "\n== standard output\n");
	compare_print_lines(out, &host->out, &sim->out, colw);
	fprintf(out, "\n== summary\n");
	fprintf(out, "result lines: %zu on the host, %zu simulated, %s; the "
		"simulated kernel's %d page faults (touch lines) left out\n",
		host->results.n, sim->results.n,
		same_lines(&host->results, &sim->results) ? "the same" :
		"different", sim->faults);
	fprintf(out, "standard output: %s\n",
		same_lines(&host->out, &sim->out) ? "the same" : "different");
	fprintf(out, "exit status: the host %d, %s %d\n", host->status,
		kernel, sim->status);
}

static void free_side(struct side *s)
{
	free(s->results.lines);
	free(s->out.lines);
	free(s->results_buf);
	free(s->out_buf);
}

int prog_compare(char **prog, FILE *out)
{
	struct side host, sim;
	char ns[160];
	int status = RUN_BAD_SCRIPT;

	memset(&host, 0, sizeof(host));
	memset(&sim, 0, sizeof(sim));
	if (!run_native(prog, &host, ns, sizeof(ns)) &&
	    !run_simulated(prog, &sim)) {
		print_compare(out, prog, ns, &host, &sim);
		status = host.status > sim.status ? host.status : sim.status;
	}
	free_side(&host);
	free_side(&sim);
	return status;
}
