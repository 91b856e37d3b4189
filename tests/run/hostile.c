// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/run/hostile.c - a client that does not play by the rules, run
 * under `shmsim run` (tests/run/run_prog.sh): it talks to the server's
 * socket itself, sends what no library would, and prints what became of
 * each attempt. The server must answer with an error or end that
 * connection's task, and go on; the run ends with no leak.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shmsim_proto.h"

static int dial(void)
{
	const char *path = getenv(SHMSIM_ENV_SOCKET);
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_SEQPACKET, 0);

	if (!path || fd < 0 || strlen(path) >= sizeof(sa.sun_path))
		exit(2);
	strcpy(sa.sun_path, path);
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)))
		exit(2);
	return fd;
}

/* one request; what came back: a reply, the end, or nothing */
static const char *ask(int fd, const void *msg, size_t len,
		       struct shmsim_reply *rp)
{
	ssize_t n;

	if (send(fd, msg, len, MSG_NOSIGNAL) != (ssize_t)len)
		return "could not send";
	n = recv(fd, rp, sizeof(*rp), 0);
	if (n == 0)
		return "the server ended the connection";
	if (n != (ssize_t)sizeof(*rp))
		return "a broken reply";
	return NULL;
}

static void report(const char *what, const char *got,
		   const struct shmsim_reply *rp)
{
	if (got)
		printf("%s: %s\n", what, got);
	else if (rp->sig)
		printf("%s: the task is killed by signal %d\n", what, rp->sig);
	else
		printf("%s: = %lld, errno %s\n", what, (long long)rp->ret,
		       rp->err ? strerrorname_np(rp->err) : "0");
}

static struct shmsim_request req(enum shmsim_op op, uint32_t a0, uint32_t a1,
				 uint32_t a2)
{
	struct shmsim_request rq;

	memset(&rq, 0, sizeof(rq));
	rq.magic = SHMSIM_MAGIC;
	rq.op = op;
	rq.a[0] = a0;
	rq.a[1] = a1;
	rq.a[2] = a2;
	strcpy(rq.name, "hostile");
	return rq;
}

/* each attempt on a connection of its own */
static void attempt(const char *what, const void *msg, size_t len,
		    int hello_first)
{
	struct shmsim_request hello = req(SHMSIM_HELLO, 0, 0, 0);
	struct shmsim_reply rp;
	int fd = dial();
	const char *got = NULL;

	if (hello_first)
		got = ask(fd, &hello, sizeof(hello), &rp);
	if (!got)
		got = ask(fd, msg, len, &rp);
	report(what, got, &rp);
	close(fd);
}

/* the HELLO's reply, keeping the descriptors that come with it */
static int hello_keep(int fd, struct shmsim_reply *rp)
{
	struct shmsim_request rq = req(SHMSIM_HELLO, 0, 0, 0);
	union {
		char buf[CMSG_SPACE(2 * sizeof(int))];
		struct cmsghdr align;
	} u;
	struct iovec iov = { rp, sizeof(*rp) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = u.buf,
			     .msg_controllen = sizeof(u.buf) };

	if (send(fd, &rq, sizeof(rq), 0) != (ssize_t)sizeof(rq))
		return -1;
	return recvmsg(fd, &mh, 0) == (ssize_t)sizeof(*rp) ? 0 : -1;
}

/*
 * A client that faults in more pages than the machine has frames and
 * then does not obey the unmap orders: it drops their socket (keep 0),
 * or keeps it and never answers (keep 1; it ignores their signal). The
 * server kills it, at once or after waiting.
 */
static void deaf(int keep)
{
	struct shmsim_request rq;
	struct shmsim_reply rp;
	uint32_t addr, i;
	int fd = dial();

	signal(SHMSIM_SIGNAL, SIG_IGN);
	rq = req(SHMSIM_HELLO, 0, 0, 0);
	if (keep ? hello_keep(fd, &rp) : ask(fd, &rq, sizeof(rq), &rp) != 0)
		_exit(3);
	rq = req(SHMSIM_SHMGET, 0, 512 * 4096, 01600);
	if (ask(fd, &rq, sizeof(rq), &rp) || rp.ret < 0)
		_exit(4);
	rq = req(SHMSIM_SHMAT, (uint32_t)rp.ret, 0, 0);
	if (ask(fd, &rq, sizeof(rq), &rp) || rp.ret < 0)
		_exit(5);
	addr = (uint32_t)rp.ret;
	for (i = 0; i < 512; i++) {
		rq = req(SHMSIM_FAULT, addr + i * 4096, 1, 0);
		if (ask(fd, &rq, sizeof(rq), &rp))
			_exit(6);
	}
	_exit(0);
}

/* deaf(keep) in a child: how it ended */
static void deaf_child(const char *what, int keep)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		deaf(keep);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		exit(1);
	if (WIFSIGNALED(status))
		printf("%s: killed by signal %d\n", what, WTERMSIG(status));
	else
		printf("%s: exit %d\n", what, WEXITSTATUS(status));
}

int main(void)
{
	static const char junk[] = "GET / HTTP/1.0\r\n\r\n";
	struct shmsim_request rq;

	attempt("garbage before HELLO", junk, sizeof(junk), 0);
	rq = req(SHMSIM_SHMGET, 1, 4096, 01600);
	attempt("a request before HELLO", &rq, sizeof(rq), 0);
	rq = req(SHMSIM_HELLO, 0, 0, 0);
	rq.token = 0x1234567890abcdefULL;
	attempt("a HELLO with a made-up fork token", &rq, sizeof(rq), 0);
	attempt("a second HELLO", &rq, sizeof(rq), 1);
	rq = req(SHMSIM_SHMGET, 1, 4096, 01600);
	rq.magic = 0xdeadbeef;
	attempt("a bad magic", &rq, sizeof(rq), 1);
	attempt("a short request", &rq, sizeof(rq) - 1, 1);
	rq = req(SHMSIM_NR_OPS + 7, 0, 0, 0);
	attempt("an unknown operation", &rq, sizeof(rq), 1);
	rq = req(SHMSIM_FAULT, 0x12345678, 1, 0);
	attempt("a fault outside every attach", &rq, sizeof(rq), 1);
	rq = req(SHMSIM_SHMDT, 0xfffff000, 0, 0);
	attempt("shmdt of no attach", &rq, sizeof(rq), 1);
	rq = req(SHMSIM_SHMCTL, 0, 0x7fffffff, 0);
	attempt("shmctl with no such command", &rq, sizeof(rq), 1);
	rq = req(SHMSIM_FORK_FAILED, 0, 0, 0);
	rq.token = 42;
	attempt("FORK_FAILED of no fork", &rq, sizeof(rq), 1);
	deaf_child("a client without its unmap socket", 0);
	deaf_child("a client that never answers an unmap order", 1);
	return 0;
}
