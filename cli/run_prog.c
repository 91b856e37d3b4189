// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/run_prog.c - `shmsim run [OPTIONS] -- PROGRAM [ARGS...]`: the
 * host side (docs/run.md). It reads the options, boots the machine,
 * listens on a Unix socket in a private temporary directory, and starts
 * PROGRAM with the client library preloaded (client/shmsim_client.c);
 * cli/run_prog_server.c then serves every process that connects, each a
 * simulated task, until PROGRAM and what it left are gone. The exit
 * status is PROGRAM's (128 + N when a signal N ended it).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kernels.h"
#include "run.h"
#include "run_compare.h"
#include "run_prog.h"
#include "run_prog_server.h"
#include "script.h"

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

/* this program's directory + name into path; -1 if it does not fit */
int prog_beside(const char *name, char *path, size_t len)
{
	ssize_t n = readlink("/proc/self/exe", path, len - 1);
	char *slash;

	if (n < 0)
		return -1;
	path[n] = '\0';
	slash = strrchr(path, '/');
	if (!slash || (size_t)(slash + 1 - path) + strlen(name) >= len)
		return -1;
	strcpy(slash + 1, name);
	return 0;
}

/* the client library, beside this program */
static int find_client(char *path, size_t len)
{
	return prog_beside("libshmsim_client.so", path, len) ||
	       access(path, R_OK);
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
	prog_orders_init(&s);
	status = prog_serve_all(&s, pid);
	prog_orders_init(NULL);
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

