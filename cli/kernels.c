// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/kernels.c - which program runs a script's kernel (cli/kernels.h).
 * One kernel per program keeps gdb's view whole: `break newseg` has one
 * location and `p *current` is that kernel's task (docs/layout.md). So a
 * script for the other kernel is handed to the sibling program, which
 * parses it again and runs it; SHMSIM_HANDED_OFF guards against two
 * programs handing a script back and forth.
 */
#define _GNU_SOURCE	/* memfd_create */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kernels.h"
#include "sim/boot.h"

enum script_kernel cli_this_kernel(void)
{
	return strncmp(sim_kernel_release, "2.6.", 4) ? SCRIPT_KERNEL_2_4 :
							 SCRIPT_KERNEL_2_6;
}

const char *cli_kernel_name(enum script_kernel k)
{
	return k == SCRIPT_KERNEL_2_6 ? "2.6" : "2.4";
}

const char *cli_kernel_program(enum script_kernel k)
{
	return k == SCRIPT_KERNEL_2_6 ? "shmsim-2.6" : "shmsim";
}

int cli_find_program(enum script_kernel k, char *path, size_t len)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	char *slash;

	if (n < 0) {
		snprintf(path, len, "%s", cli_kernel_program(k));
		return errno;
	}
	self[n] = '\0';
	slash = strrchr(self, '/');
	if (slash)
		slash[1] = '\0';
	if ((size_t)snprintf(path, len, "%s%s", slash ? self : "",
			     cli_kernel_program(k)) >= len)
		return ENAMETOOLONG;
	return access(path, X_OK) ? errno : 0;
}

/* the script read from standard input, as the child's standard input */
static int stdin_again(const struct script *s)
{
	size_t done = 0;
	int fd = memfd_create("shmsim-script", 0);

	if (fd < 0)
		return errno;
	while (done < s->text_len) {
		ssize_t n = write(fd, s->text + done, s->text_len - done);

		if (n < 0) {
			int err = errno;

			close(fd);
			return err;
		}
		done += (size_t)n;
	}
	if (lseek(fd, 0, SEEK_SET) < 0 || dup2(fd, STDIN_FILENO) < 0) {
		int err = errno;

		close(fd);
		return err;
	}
	close(fd);
	return 0;
}

/* In the child: becomes the program; returns only on failure. */
static void exec_program(const char *path, char **options, int noptions,
			 const struct script *s, const char *arg)
{
	char **argv = calloc((size_t)noptions + 3, sizeof(*argv));
	int i, err;

	if (!argv) {
		fprintf(stderr, "shmsim: out of memory\n");
		return;
	}
	argv[0] = (char *)path;
	for (i = 0; i < noptions; i++)
		argv[i + 1] = options[i];
	argv[noptions + 1] = (char *)arg;
	err = strcmp(arg, "-") ? 0 : stdin_again(s);
	if (!err && setenv("SHMSIM_HANDED_OFF", "1", 1))
		err = errno;
	if (!err) {
		execv(path, argv);
		err = errno;
	}
	fprintf(stderr, "shmsim: %s: cannot run %s: %s\n", s->file, path,
		strerror(err));
	free(argv);
}

/* starts the program as a child, its output and errors into out_fd if >= 0 */
static pid_t start_program(const char *path, char **options, int noptions,
			   const struct script *s, const char *arg,
			   int out_fd)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "shmsim: %s: cannot start %s: %s\n", s->file,
			path, strerror(errno));
		return -1;
	}
	if (pid == 0) {
		if (out_fd >= 0 && (dup2(out_fd, STDOUT_FILENO) < 0 ||
				    dup2(out_fd, STDERR_FILENO) < 0))
			_exit(2);
		if (out_fd > STDERR_FILENO)
			close(out_fd);
		exec_program(path, options, noptions, s, arg);
		_exit(2);
	}
	return pid;
}

static int wait_program(pid_t pid, const struct script *s, const char *path)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 2;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	fprintf(stderr, "shmsim: %s: %s ended by signal %d\n", s->file, path,
		WTERMSIG(status));
	return 3;
}

int cli_hand_off(const char *path, char **options, int noptions,
		 const struct script *s, const char *arg, int replace)
{
	pid_t pid;

	if (getenv("SHMSIM_HANDED_OFF")) {
		fprintf(stderr, "shmsim: %s: handed to %s (Linux %s), "
			"which would hand it back to %s\n", s->file,
			cli_kernel_program(cli_this_kernel()),
			sim_kernel_release, path);
		return 2;
	}
	if (replace) {
		fflush(stdout);
		fflush(stderr);
		exec_program(path, options, noptions, s, arg);
		return 2;
	}
	pid = start_program(path, options, noptions, s, arg, -1);
	return pid < 0 ? 2 : wait_program(pid, s, path);
}

char *cli_read_all(int fd, size_t *len)
{
	size_t size = 65536, used = 0;
	char *buf = malloc(size), *bigger;
	ssize_t n;

	while (buf) {
		if (used + 1 == size) {
			bigger = realloc(buf, size * 2);
			if (!bigger)
				break;
			buf = bigger;
			size *= 2;
		}
		n = read(fd, buf + used, size - used - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			buf[used] = '\0';
			*len = used;
			return buf;
		}
		used += (size_t)n;
	}
	free(buf);
	return NULL;
}

int cli_run_captured(const char *path, char **options, int noptions,
		     const struct script *s, const char *arg, char **out,
		     size_t *len)
{
	int fds[2], status;
	pid_t pid;

	*out = NULL;
	if (pipe(fds)) {
		fprintf(stderr, "shmsim: %s: cannot run %s: %s\n", s->file,
			path, strerror(errno));
		return 2;
	}
	pid = start_program(path, options, noptions, s, arg, fds[1]);
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		return 2;
	}
	*out = cli_read_all(fds[0], len);
	close(fds[0]);
	status = wait_program(pid, s, path);
	if (!*out) {
		fprintf(stderr, "shmsim: %s: out of memory reading what %s "
			"printed\n", s->file, path);
		return 2;
	}
	return status;
}
