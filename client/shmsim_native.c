// SPDX-License-Identifier: GPL-2.0-only
/*
 * client/shmsim_native.c - libshmsim_native.so, preloaded by `shmsim run
 * --compare` into the run of the program on the host's own kernel
 * (docs/run.md, "--compare"). Its shmget, shmat, shmdt, shmctl and fork are
 * glibc's (the next definition), made for real; each then sends a record
 * of the call (client/shmsim_native.h) and waits for the byte that
 * answers it. Nothing of the call is changed: the program sees what the
 * host's kernel returned, errno included.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "shmsim_native.h"

static int sock_fd = -1;
static pid_t sock_pid;
static pid_t task_pid;		/* a process a simulated task stands for */

/* the socket, once per process (again in a forked child); -1 if none */
static int connect_server(void)
{
	const char *path = getenv(SHMSIM_ENV_NATIVE);
	struct sockaddr_un sa;

	if (sock_fd >= 0 && sock_pid == getpid())
		return 0;
	if (sock_fd >= 0)
		close(sock_fd);
	sock_fd = -1;
	if (!path || strlen(path) >= sizeof(sa.sun_path))
		return -1;
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	strcpy(sa.sun_path, path);
	sock_fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (sock_fd >= 0 &&
	    connect(sock_fd, (struct sockaddr *)&sa, sizeof(sa))) {
		close(sock_fd);
		sock_fd = -1;
	}
	sock_pid = task_pid = getpid();
	return sock_fd < 0 ? -1 : 0;
}

/* the record of a call that returned ret; errno is the call's again */
static void report(struct shmsim_record *r, long ret, int err)
{
	char ack;
	ssize_t n;

	r->magic = SHMSIM_NATIVE_MAGIC;
	r->ret = ret;
	r->err = ret == -1 ? err : 0;
	r->pid = (int32_t)getpid();
	snprintf(r->name, sizeof(r->name), "%s",
		 program_invocation_short_name);
	if (!connect_server()) {
		do
			n = send(sock_fd, r, sizeof(*r), MSG_NOSIGNAL);
		while (n < 0 && errno == EINTR);
		while (n == (ssize_t)sizeof(*r) &&
		       (n = recv(sock_fd, &ack, 1, 0)) < 0 && errno == EINTR)
			;
	}
	errno = err;
}

static void *next(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

int shmget(key_t key, size_t size, int shmflg)
{
	int (*fn)(key_t, size_t, int) = next("shmget");
	struct shmsim_record r = { .op = SHMSIM_SHMGET };
	int ret = fn ? fn(key, size, shmflg) : (errno = ENOSYS, -1);

	r.a[0] = (uint32_t)key;
	r.a[1] = size;
	r.a[2] = (uint32_t)shmflg;
	report(&r, ret, errno);
	return ret;
}

void *shmat(int shmid, const void *shmaddr, int shmflg)
{
	void *(*fn)(int, const void *, int) = next("shmat");
	struct shmsim_record r = { .op = SHMSIM_SHMAT };
	void *ret = fn ? fn(shmid, shmaddr, shmflg) :
		    (errno = ENOSYS, (void *)-1);

	r.a[0] = (uint32_t)shmid;
	r.a[1] = (uintptr_t)shmaddr;
	r.a[2] = (uint32_t)shmflg;
	report(&r, ret == (void *)-1 ? -1 : (long)(uintptr_t)ret, errno);
	return ret;
}

int shmdt(const void *shmaddr)
{
	int (*fn)(const void *) = next("shmdt");
	struct shmsim_record r = { .op = SHMSIM_SHMDT };
	int ret = fn ? fn(shmaddr) : (errno = ENOSYS, -1);

	r.a[0] = (uintptr_t)shmaddr;
	report(&r, ret, errno);
	return ret;
}

static void copy_ds(int64_t *f, const struct shmid_ds *d)
{
	f[SF_KEY] = (uint32_t)d->shm_perm.__key;
	f[SF_UID] = d->shm_perm.uid;
	f[SF_GID] = d->shm_perm.gid;
	f[SF_CUID] = d->shm_perm.cuid;
	f[SF_CGID] = d->shm_perm.cgid;
	f[SF_MODE] = d->shm_perm.mode;
	f[SF_SEQ] = d->shm_perm.__seq;
	f[SF_SEGSZ] = (int64_t)d->shm_segsz;
	f[SF_ATIME] = d->shm_atime;
	f[SF_DTIME] = d->shm_dtime;
	f[SF_CTIME] = d->shm_ctime;
	f[SF_CPID] = d->shm_cpid;
	f[SF_LPID] = d->shm_lpid;
	f[SF_NATTCH] = (int64_t)d->shm_nattch;
}

/* what the call copied out: the struct its command names */
static void copy_out(int64_t *f, int base, const void *buf)
{
	if (base == IPC_STAT || base == SHM_STAT || base == SHM_STAT_ANY ||
	    base == IPC_SET) {
		copy_ds(f, buf);
	} else if (base == IPC_INFO) {
		const struct shminfo *i = buf;

		f[SF_SHMMAX] = (int64_t)i->shmmax;
		f[SF_SHMMIN] = (int64_t)i->shmmin;
		f[SF_SHMMNI] = (int64_t)i->shmmni;
		f[SF_SHMSEG] = (int64_t)i->shmseg;
		f[SF_SHMALL] = (int64_t)i->shmall;
	} else if (base == SHM_INFO) {
		const struct shm_info *i = buf;

		f[SF_USED_IDS] = i->used_ids;
		f[SF_SHM_TOT] = (int64_t)i->shm_tot;
		f[SF_SHM_RSS] = (int64_t)i->shm_rss;
		f[SF_SHM_SWP] = (int64_t)i->shm_swp;
		f[SF_SWAP_ATTEMPTS] = (int64_t)i->swap_attempts;
		f[SF_SWAP_SUCCESSES] = (int64_t)i->swap_successes;
	}
}

int shmctl(int shmid, int cmd, struct shmid_ds *buf)
{
	int (*fn)(int, int, struct shmid_ds *) = next("shmctl");
	struct shmsim_record r = { .op = SHMSIM_SHMCTL };
	int ret = fn ? fn(shmid, cmd, buf) : (errno = ENOSYS, -1);
	int err = errno;

	r.a[0] = (uint32_t)shmid;
	r.a[1] = (uint32_t)cmd;
	if (buf && (ret != -1 || cmd == IPC_SET))
		copy_out(r.ds, cmd, buf);
	report(&r, ret, err);
	return ret;
}

/*
 * fork, reported only by a process that has made a shm call or was
 * forked by one, as the simulated library forks a task only for a
 * process that is one; the child's calls come under the number the
 * server gives it then.
 */
pid_t fork(void)
{
	pid_t (*fn)(void) = (pid_t (*)(void))next("fork");
	struct shmsim_record r = { .op = SHMSIM_FORK };
	int task = task_pid == getpid();
	pid_t ret;

	if (!fn) {
		errno = ENOSYS;
		return -1;
	}
	ret = fn();
	if (ret == 0 && task)
		task_pid = getpid();
	else if (ret != 0 && task)
		report(&r, ret, errno);
	return ret;
}
