// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/cli/interactive_pty.c - cli/interactive `shmsim -i` through a
 * pseudo-terminal, as a user types: a task, a shmget whose flag is
 * completed with Tab (IPC_PRIV<Tab> -> IPC_PRIVATE), an attach and a
 * write, a wrong line (its <stdin>:LINE:COL message, nothing changed),
 * :back (the write undone), :save, then Ctrl-D. Then the saved script
 * runs on its own, and its result lines must be exactly the ones the
 * prompt printed for the statements it kept.
 * Usage: interactive_pty SHMSIM SCRATCH_DIR
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char out[1 << 16];
static size_t outlen;

/* What the prompt printed until it waits again ("shmsim> "), or ms. */
static void read_until_prompt_for(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	size_t from = outlen;

	while (poll(&p, 1, ms) > 0) {
		ssize_t n = read(fd, out + outlen, sizeof(out) - 1 - outlen);

		if (n <= 0)
			break;
		outlen += (size_t)n;
		out[outlen] = '\0';
		if (strstr(out + from, "shmsim> "))
			return;
	}
}

static void read_until_prompt(int fd)
{
	read_until_prompt_for(fd, 5000);
}

static void type(int fd, const char *keys)
{
	usleep(20000);	/* the prompt is out: let libedit take the terminal */
	if (write(fd, keys, strlen(keys)) != (ssize_t)strlen(keys)) {
		perror("write");
		exit(1);
	}
	read_until_prompt(fd);
}

/* the lines of s that start "A[100]: ", joined, in order */
static void result_lines(const char *s, char *buf, size_t len)
{
	const char *l = s;
	size_t used = 0;

	buf[0] = '\0';
	while ((l = strstr(l, "A[100]: "))) {
		const char *e = strpbrk(l, "\r\n");
		size_t n = e ? (size_t)(e - l) : strlen(l);

		if (used + n + 2 < len) {
			memcpy(buf + used, l, n);
			used += n;
			buf[used++] = '\n';
			buf[used] = '\0';
		}
		l += n;
	}
}

static int expect(int ok, const char *what)
{
	if (!ok)
		fprintf(stderr, "FAIL: %s\n--- the session:\n%s\n", what, out);
	return ok ? 0 : 1;
}

/*
 * The saved script run on its own prints the result lines the prompt
 * printed, less the one of the statement :back undid (the write).
 */
static int same_results(const char *shmsim, const char *saved)
{
	char cmd[8192], prompt_lines[8192], run_lines[8192], *w;
	FILE *p;
	size_t n;

	result_lines(out, prompt_lines, sizeof(prompt_lines));
	snprintf(cmd, sizeof(cmd), "%s --no-trace %s", shmsim, saved);
	p = popen(cmd, "r");
	if (!p)
		return 1;
	n = fread(cmd, 1, sizeof(cmd) - 1, p);
	cmd[n] = '\0';
	pclose(p);
	result_lines(cmd, run_lines, sizeof(run_lines));
	w = strstr(prompt_lines, "A[100]: write(");
	if (w) {
		char *e = strchr(w, '\n');

		memmove(w, e + 1, strlen(e + 1) + 1);
	}
	if (!strcmp(prompt_lines, run_lines))
		return 0;
	fprintf(stderr, "FAIL: the saved script prints other lines\n"
		"prompt:\n%s\nscript:\n%s\n", prompt_lines, run_lines);
	return 1;
}

int main(int argc, char **argv)
{
	char saved[4096], cmd[8192];
	int fd, status, bad = 0;
	pid_t pid;
	size_t n;

	if (argc != 3)
		return 2;
	snprintf(saved, sizeof(saved), "%s/session.scn", argv[2]);
	unlink(saved);
	pid = forkpty(&fd, NULL, NULL, NULL);
	if (pid < 0) {
		perror("forkpty");
		return 77;	/* no pseudo-terminals here */
	}
	if (!pid) {
		setenv("TERM", "dumb", 1);
		execl(argv[1], argv[1], "-i", "--no-trace", (char *)NULL);
		_exit(127);
	}
	read_until_prompt(fd);
	type(fd, "task A\r");
	type(fd, "A: shmget IPC_PRIV\t4096 0600 -> id\r");
	type(fd, "A: shmat $id 0 0 -> a\r");
	type(fd, "A: write $a \"hi\"\r");
	type(fd, "A: shmgte 1\r");
	type(fd, ":back\r");
	type(fd, "A: read $a 2\r");
	snprintf(cmd, sizeof(cmd), ":save %s\r", saved);
	type(fd, cmd);
	/* Ctrl-D, again if the first came too early; 10 s at the most */
	usleep(100000);
	for (n = 0; waitpid(pid, &status, WNOHANG) == 0; n++) {
		/* again with ^U first: a ^D too early may sit in the line */
		if (n % 20 == 0 && write(fd, n ? "\025\004" : "\004",
					 n ? 2 : 1) < 1)
			break;
		if (n == 200) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			break;
		}
		usleep(50000);
		read_until_prompt_for(fd, 0);
	}
	bad |= expect(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      "shmsim -i exits 0 at Ctrl-D");
	bad |= expect(strstr(out, "shmget(IPC_PRIVATE, 4096, 0600) = 0") !=
		      NULL, "Tab completed IPC_PRIV to IPC_PRIVATE");
	bad |= expect(strstr(out, "<stdin>:5:4: unknown call \"shmgte\"") !=
		      NULL, "a wrong line gets its <stdin>:LINE:COL error");
	bad |= expect(strstr(out, "read(0x40000000, 2) = \"\\0\\0\"") != NULL,
		      ":back undid the write: the page reads zeros");
	bad |= expect(access(saved, R_OK) == 0, ":save wrote the script");

	bad |= same_results(argv[1], saved);
	unlink(saved);
	return bad;
}
