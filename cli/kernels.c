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

int cli_hand_off(const char *path, char **options, int noptions,
		 const struct script *s, const char *arg, int replace)
{
	pid_t pid;
	int status;

	if (getenv("SHMSIM_HANDED_OFF")) {
		fprintf(stderr, "shmsim: %s: handed to %s (Linux %s), "
			"which would hand it back to %s\n", s->file,
			cli_kernel_program(cli_this_kernel()),
			sim_kernel_release, path);
		return 2;
	}
	fflush(stdout);
	fflush(stderr);
	if (replace) {
		exec_program(path, options, noptions, s, arg);
		return 2;
	}
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "shmsim: %s: cannot start %s: %s\n", s->file,
			path, strerror(errno));
		return 2;
	}
	if (pid == 0) {
		exec_program(path, options, noptions, s, arg);
		_exit(2);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 2;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	fprintf(stderr, "shmsim: %s: %s ended by signal %d\n", s->file, path,
		WTERMSIG(status));
	return 3;
}

