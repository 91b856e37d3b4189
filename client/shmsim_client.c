// SPDX-License-Identifier: GPL-2.0-only
/*
 * client/shmsim_client.c - libshmsim_client.so, preloaded by `shmsim run`
 * into the programs it runs (docs/run.md). It stands in for glibc's
 * shmget, shmat, shmdt and shmctl: each is a request to the server, made
 * by the process's simulated task. An attach's simulated range is
 * reserved here with PROT_NONE, so that an access to it raises SIGSEGV;
 * the handler has the server run the simulated fault and maps the frame
 * the simulated pte names from the arena's memfd, with the pte's
 * protection, and the instruction restarts. What the simulated kernel
 * kills, dies here of SIGSEGV too.
 * fork is the simulated task's fork: the server forks the task first
 * (dup_mmap), then the real fork runs, and the child says HELLO with the
 * secret the server gave its parent, to become that child task. The
 * server's unmap orders (swap-out, an aged pte) arrive on a second
 * socket, announced by SHMSIM_SIGNAL, and are obeyed at once.
 * sim: one thread per process (docs/run.md).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "shmsim_client.h"

#define PAGE 4096UL

static int sock_fd = -1;
static int arena_fd = -1;
static int notify_fd = -1;		/* the unmap orders */
static volatile sig_atomic_t forked;	/* since sock_fd was connected */
static uint64_t arena_bytes;
static volatile uint64_t orders_done;	/* the last order obeyed */
static struct shmsim_range ranges[SHMSIM_MAX_VMAS];
static unsigned int nranges;

/* a message for the user, without stdio: the handler writes them too */
static void say(const char *msg)
{
	ssize_t r = write(STDERR_FILENO, msg, strlen(msg));

	(void)r;
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/*
 * The reply, looked for without sleeping for SPIN_NS first: the server
 * answers within microseconds, and a process that sleeps for them waits
 * as long again for its CPU to wake (an idle CPU's exit latency).
 */
#define SPIN_NS	50000

static ssize_t spin_recv(struct msghdr *mh)
{
	long long until = now_ns() + SPIN_NS;
	ssize_t n;

	do
		n = recvmsg(sock_fd, mh, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
	while (n < 0 && (errno == EAGAIN || errno == EINTR) &&
	       now_ns() < until);
	return n;
}

/* one request, its reply; -1 (errno set) when the server is not there */
int exchange(const struct shmsim_request *rq, struct shmsim_reply *rp,
	     int fds[2])
{
	union {
		char buf[CMSG_SPACE(2 * sizeof(int))];
		struct cmsghdr align;
	} u;
	struct iovec iov = { rp, sizeof(*rp) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = u.buf,
			     .msg_controllen = sizeof(u.buf) };
	struct cmsghdr *cm;
	ssize_t n;

	do
		n = send(sock_fd, rq, sizeof(*rq), MSG_NOSIGNAL);
	while (n < 0 && errno == EINTR);
	if (n != (ssize_t)sizeof(*rq))
		return -1;
	n = spin_recv(&mh);
	while (n < 0 && (errno == EINTR || errno == EAGAIN))
		n = recvmsg(sock_fd, &mh, MSG_CMSG_CLOEXEC);
	if (n != (ssize_t)sizeof(*rp) || rp->magic != SHMSIM_MAGIC ||
	    rp->op != rq->op)
		return -1;
	for (cm = CMSG_FIRSTHDR(&mh); cm; cm = CMSG_NXTHDR(&mh, cm))
		if (cm->cmsg_level == SOL_SOCKET &&
		    cm->cmsg_type == SCM_RIGHTS && fds &&
		    cm->cmsg_len >= CMSG_LEN(sizeof(int)))
			memcpy(fds, CMSG_DATA(cm), cm->cmsg_len >=
			       CMSG_LEN(2 * sizeof(int)) ? 2 * sizeof(int) :
			       sizeof(int));
	return 0;
}

static void segv_handler(int sig, siginfo_t *si, void *ctx);
static void order_handler(int sig);
static void reserve_page(void *page);
static unsigned int sync_ranges(const struct shmsim_reply *rp);

static int (*real_sigaction)(int, const struct sigaction *,
			     struct sigaction *);
static struct sigaction user_segv;	/* the program's own SIGSEGV action */
static int segv_ours;			/* the library's handler is in place */

static int set_action(int sig, const struct sigaction *act,
		      struct sigaction *old)
{
	if (!real_sigaction)
		real_sigaction = (int (*)(int, const struct sigaction *,
					  struct sigaction *))
				 dlsym(RTLD_NEXT, "sigaction");
	if (!real_sigaction) {
		errno = ENOSYS;
		return -1;
	}
	return real_sigaction(sig, act, old);
}

/* any fork's child: the connection it inherited is not its own */
static void on_fork_child(void)
{
	forked = 1;
}

static void install_handlers(void)
{
	static int atfork;
	struct sigaction sa;

	if (!atfork++)
		pthread_atfork(NULL, NULL, on_fork_child);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = segv_handler;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	if (!segv_ours && !set_action(SIGSEGV, &sa, &user_segv))
		segv_ours = 1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = order_handler;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	set_action(SHMSIM_SIGNAL, &sa, NULL);
}

/*
 * The program's SIGSEGV action, once the library's handler is in place,
 * is kept here and run for the faults outside every attach: a program
 * with a handler of its own keeps it.
 */
int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	if (sig != SIGSEGV || !segv_ours)
		return set_action(sig, act, old);
	if (old)
		*old = user_segv;
	if (act)
		user_segv = *act;
	return 0;
}

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = SA_RESTART;	/* glibc's signal: BSD's semantics */
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, sig);
	if (sigaction(sig, &sa, &old))
		return SIG_ERR;
	return old.sa_handler;	/* sa_sigaction's storage too */
}

/* what this process had of the server's: gone (a fork's child) */
static void forget_server(void)
{
	if (sock_fd >= 0)
		close(sock_fd);
	if (arena_fd >= 0)
		close(arena_fd);
	if (notify_fd >= 0)
		close(notify_fd);
	sock_fd = arena_fd = notify_fd = -1;
}

/*
 * Connect and HELLO, once per process: as a new task, or (token) as the
 * task the server forked for this process, whose vmas the reply lists.
 */
int connect_server(uint64_t token)
{
	const char *path = getenv(SHMSIM_ENV_SOCKET);
	struct sockaddr_un sa;
	struct shmsim_request rq;
	struct shmsim_reply rp;
	int fds[2] = { -1, -1 };

	if (sock_fd >= 0 && !forked)
		return 0;
	forget_server();	/* a child not forked by fork(): a new task */
	if (!path || strlen(path) >= sizeof(sa.sun_path)) {
		say("shmsim client: no server (SHMSIM_SOCKET)\n");
		return -1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	strcpy(sa.sun_path, path);
	sock_fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (sock_fd < 0 ||
	    connect(sock_fd, (struct sockaddr *)&sa, sizeof(sa)))
		goto fail;
	forked = 0;
	memset(&rq, 0, sizeof(rq));
	rq.magic = SHMSIM_MAGIC;
	rq.op = SHMSIM_HELLO;
	rq.token = token;
	snprintf(rq.name, sizeof(rq.name), "%s",
		 program_invocation_short_name);
	if (exchange(&rq, &rp, fds) || fds[0] < 0 || fds[1] < 0) {
		if (fds[0] >= 0)
			close(fds[0]);
		goto fail;
	}
	arena_fd = fds[0];
	notify_fd = fds[1];
	arena_bytes = rp.arena_bytes;
	install_handlers();
	if (token)
		sync_ranges(&rp);
	return 0;
fail:
	say("shmsim client: cannot reach the shmsim server\n");
	if (sock_fd >= 0)
		close(sock_fd);
	sock_fd = -1;
	return -1;
}

/* a call of the task: its value, or -1 with the simulated errno */
static long call(struct shmsim_request *rq, struct shmsim_reply *rp)
{
	rq->magic = SHMSIM_MAGIC;
	if (connect_server(0) || exchange(rq, rp, NULL)) {
		errno = EIO;
		return -1;
	}
	if (rp->err) {
		errno = rp->err;
		return -1;
	}
	return (long)rp->ret;
}

static int same_range(const struct shmsim_range *a,
		      const struct shmsim_range *b)
{
	return a->start == b->start && a->end == b->end && a->tag == b->tag;
}

static int has_range(const struct shmsim_range *set, unsigned int n,
		     const struct shmsim_range *r)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (same_range(&set[i], r))
			return 1;
	return 0;
}

/* says which real mapping is where the simulated kernel attached */
static void report_conflict(const struct shmsim_range *r)
{
	FILE *f = fopen("/proc/self/maps", "re");
	char line[512];
	unsigned long s, e;

	fprintf(stderr, "shmsim client: the simulated kernel attached at "
		"%#x-%#x, which this process already uses:\n",
		r->start, r->end);
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "%lx-%lx", &s, &e) == 2 && s < r->end &&
		    e > r->start)
			fprintf(stderr, "  %s", line);
	if (f)
		fclose(f);
	fprintf(stderr, "shmsim client: the attach is undone (ENOMEM)\n");
}

/*
 * The real reservations become the task's vmas after shmat or shmdt:
 * what went is unmapped, what came is reserved PROT_NONE. Returns the
 * index+1 of a new range a real mapping is in the way of, else 0.
 */
static unsigned int sync_ranges(const struct shmsim_reply *rp)
{
	unsigned int i, n = rp->nvmas < SHMSIM_MAX_VMAS ? rp->nvmas :
			    SHMSIM_MAX_VMAS, clash = 0;

	for (i = 0; i < nranges; i++)
		if (!has_range(rp->vmas, n, &ranges[i]))
			munmap((void *)(uintptr_t)ranges[i].start,
			       ranges[i].end - ranges[i].start);
	for (i = 0; i < n; i++) {
		const struct shmsim_range *r = &rp->vmas[i];
		void *want = (void *)(uintptr_t)r->start, *got;

		if (has_range(ranges, nranges, r))
			continue;
		got = mmap(want, r->end - r->start, PROT_NONE,
			   MAP_FIXED_NOREPLACE | MAP_PRIVATE | MAP_ANONYMOUS |
			   MAP_NORESERVE, -1, 0);
		if (got != want) {
			if (got != MAP_FAILED)
				munmap(got, r->end - r->start);
			clash = clash ? clash : i + 1;
		}
	}
	memcpy(ranges, rp->vmas, n * sizeof(ranges[0]));
	nranges = n;
	if (rp->truncated)
		say("shmsim client: more attaches than it can follow\n");
	return clash;
}

int shmget(key_t key, size_t size, int shmflg)
{
	struct shmsim_request rq = { .op = SHMSIM_SHMGET };
	struct shmsim_reply rp;

	if (size > UINT32_MAX) {	/* sim: no i386 register holds it */
		errno = EINVAL;
		return -1;
	}
	rq.a[0] = (uint32_t)key;
	rq.a[1] = (uint32_t)size;
	rq.a[2] = (uint32_t)shmflg;
	return (int)call(&rq, &rp);
}

int shmdt(const void *shmaddr)
{
	struct shmsim_request rq = { .op = SHMSIM_SHMDT };
	struct shmsim_reply rp;
	long ret;

	if ((uintptr_t)shmaddr > UINT32_MAX) {
		errno = EINVAL;
		return -1;
	}
	rq.a[0] = (uint32_t)(uintptr_t)shmaddr;
	rp.magic = 0;
	ret = call(&rq, &rp);
	if (rp.magic == SHMSIM_MAGIC)
		sync_ranges(&rp);
	return (int)ret;
}

void *shmat(int shmid, const void *shmaddr, int shmflg)
{
	struct shmsim_request rq = { .op = SHMSIM_SHMAT };
	struct shmsim_reply rp;
	unsigned int clash;
	long ret;

	if ((uintptr_t)shmaddr > UINT32_MAX) {
		errno = EINVAL;
		return (void *)-1;
	}
	rq.a[0] = (uint32_t)shmid;
	rq.a[1] = (uint32_t)(uintptr_t)shmaddr;
	rq.a[2] = (uint32_t)shmflg;
	rp.magic = 0;
	ret = call(&rq, &rp);
	if (ret == -1 && rp.magic != SHMSIM_MAGIC)
		return (void *)-1;
	if (rp.err)
		return (void *)-1;
	clash = sync_ranges(&rp);
	if (clash) {
		report_conflict(&rp.vmas[clash - 1]);
		shmdt((void *)(uintptr_t)(uint32_t)ret);
		errno = ENOMEM;
		return (void *)-1;
	}
	return (void *)(uintptr_t)(uint32_t)ret;
}

/* does [addr, addr+len) reach into an attach? */
static int touches_attach(uintptr_t addr, size_t len)
{
	unsigned int i;

	for (i = 0; i < nranges; i++)
		if (addr < ranges[i].end && addr + len > ranges[i].start)
			return 1;
	return 0;
}

/*
 * mprotect of an attach is the simulated kernel's (sys_mprotect, as the
 * task): the real mappings follow its ptes, as every access does. Of
 * anything else, the host's.
 */
int mprotect(void *addr, size_t len, int prot)
{
	static int (*real_mprotect)(void *, size_t, int);
	struct shmsim_request rq = { .op = SHMSIM_MPROTECT };
	struct shmsim_reply rp;
	uintptr_t a = (uintptr_t)addr;
	long ret;

	if (!real_mprotect)
		real_mprotect = (int (*)(void *, size_t, int))
				dlsym(RTLD_NEXT, "mprotect");
	if (sock_fd < 0 || forked || !touches_attach(a, len) ||
	    a > UINT32_MAX || len > UINT32_MAX) {
		if (!real_mprotect) {
			errno = ENOSYS;
			return -1;
		}
		return real_mprotect(addr, len, prot);
	}
	rq.a[0] = (uint32_t)a;
	rq.a[1] = (uint32_t)len;
	rq.a[2] = (uint32_t)prot;
	rp.magic = 0;
	ret = call(&rq, &rp);
	if (rp.magic == SHMSIM_MAGIC)
		sync_ranges(&rp);
	return (int)ret;
}

/* glibc's x86_64 structs from the fields the server copied out */
static void fill_ds(struct shmid_ds *d, const int64_t *f)
{
	memset(d, 0, sizeof(*d));
	d->shm_perm.__key = (key_t)f[SF_KEY];
	d->shm_perm.uid = (uid_t)f[SF_UID];
	d->shm_perm.gid = (gid_t)f[SF_GID];
	d->shm_perm.cuid = (uid_t)f[SF_CUID];
	d->shm_perm.cgid = (gid_t)f[SF_CGID];
	d->shm_perm.mode = (mode_t)f[SF_MODE];
	d->shm_perm.__seq = (unsigned short)f[SF_SEQ];
	d->shm_segsz = (size_t)f[SF_SEGSZ];
	d->shm_atime = (time_t)f[SF_ATIME];
	d->shm_dtime = (time_t)f[SF_DTIME];
	d->shm_ctime = (time_t)f[SF_CTIME];
	d->shm_cpid = (pid_t)f[SF_CPID];
	d->shm_lpid = (pid_t)f[SF_LPID];
	d->shm_nattch = (shmatt_t)f[SF_NATTCH];
}

static void fill_info(void *buf, int base, const int64_t *f)
{
	if (base == IPC_INFO) {
		struct shminfo *i = buf;

		memset(i, 0, sizeof(*i));
		i->shmmax = (unsigned long)f[SF_SHMMAX];
		i->shmmin = (unsigned long)f[SF_SHMMIN];
		i->shmmni = (unsigned long)f[SF_SHMMNI];
		i->shmseg = (unsigned long)f[SF_SHMSEG];
		i->shmall = (unsigned long)f[SF_SHMALL];
	} else {
		struct shm_info *i = buf;

		memset(i, 0, sizeof(*i));
		i->used_ids = (int)f[SF_USED_IDS];
		i->shm_tot = (unsigned long)f[SF_SHM_TOT];
		i->shm_rss = (unsigned long)f[SF_SHM_RSS];
		i->shm_swp = (unsigned long)f[SF_SHM_SWP];
		i->swap_attempts = (unsigned long)f[SF_SWAP_ATTEMPTS];
		i->swap_successes = (unsigned long)f[SF_SWAP_SUCCESSES];
	}
}

int shmctl(int shmid, int cmd, struct shmid_ds *buf)
{
	struct shmsim_request rq = { .op = SHMSIM_SHMCTL };
	struct shmsim_reply rp;
	int base = cmd & ~0x100;	/* IPC_64: the server's to add */
	int stat = base == IPC_STAT || base == SHM_STAT ||
		   base == SHM_STAT_ANY;
	int info = base == IPC_INFO || base == SHM_INFO;
	long ret;

	if ((stat || info || base == IPC_SET) && !buf) {
		errno = EFAULT;
		return -1;
	}
	rq.a[0] = (uint32_t)shmid;
	rq.a[1] = (uint32_t)base;
	if (base == IPC_SET) {
		rq.ds[SF_UID] = buf->shm_perm.uid;
		rq.ds[SF_GID] = buf->shm_perm.gid;
		rq.ds[SF_MODE] = buf->shm_perm.mode;
	}
	ret = call(&rq, &rp);
	if (ret == -1)
		return -1;
	if (stat)
		fill_ds(buf, rp.ds);
	else if (info)
		fill_info(buf, base, rp.ds);
	return (int)ret;
}

static void block_orders(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SHMSIM_SIGNAL);
	sigprocmask(SIG_BLOCK, &set, old);
}

/* die of SIGSEGV as the process would have: the default action */
static void die(const siginfo_t *si)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	set_action(SIGSEGV, &sa, NULL);
	if (si->si_code <= 0)	/* sent, not a fault: nothing restarts */
		raise(SIGSEGV);
}

/* a SIGSEGV that is not an attach's: the program's, as if we were not */
static void not_ours(int sig, siginfo_t *si, void *ctx)
{
	struct sigaction act = user_segv;
	sigset_t old;

	if (act.sa_handler == SIG_DFL || act.sa_handler == SIG_IGN) {
		die(si);	/* an ignored fault kills all the same */
		return;
	}
	if (act.sa_flags & SA_RESETHAND) {
		memset(&user_segv, 0, sizeof(user_segv));
		user_segv.sa_handler = SIG_DFL;
	}
	sigprocmask(SIG_BLOCK, &act.sa_mask, &old);
	if (act.sa_flags & SA_SIGINFO)
		act.sa_sigaction(sig, si, ctx);
	else
		act.sa_handler(sig);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static int in_attach(uintptr_t addr)
{
	unsigned int i;

	for (i = 0; i < nranges; i++)
		if (addr >= ranges[i].start && addr < ranges[i].end)
			return 1;
	return 0;
}

/* a real fault: the simulated one, then the frame it left in the pte */
static void segv_handler(int sig, siginfo_t *si, void *ctx)
{
	const ucontext_t *uc = ctx;
	uintptr_t addr = (uintptr_t)si->si_addr;
	struct shmsim_request rq = { .op = SHMSIM_FAULT };
	struct shmsim_reply rp;
	int saved = errno;
	void *page;

	if (si->si_code <= 0 || !in_attach(addr) || forked) {
		not_ours(sig, si, ctx);
		return;
	}
	rq.a[0] = (uint32_t)addr;
	rq.a[1] = (uc->uc_mcontext.gregs[REG_ERR] & 2) ? 1 : 0;
	rp.magic = 0;
	if (call(&rq, &rp) == -1 || rp.sig ||
	    (uint64_t)rp.pfn * PAGE >= arena_bytes) {
		die(si);
		errno = saved;
		return;
	}
	page = (void *)(addr & ~(PAGE - 1));
	if (mmap(page, PAGE, PROT_READ | (rp.writable ? PROT_WRITE : 0),
		 MAP_FIXED | MAP_SHARED | MAP_POPULATE, arena_fd,
		 (off_t)rp.pfn * (off_t)PAGE) != page) {
		say("shmsim client: cannot map a simulated frame\n");
		die(si);
	}
	/*
	 * An order that came after this reply was made may concern the
	 * page, and may have been obeyed before the mmap above: then the
	 * frame goes again, and the access faults once more. (An order
	 * obeyed after the mmap unmapped it itself.)
	 */
	if (orders_done > rp.gen)
		reserve_page(page);
	errno = saved;
}

/* the page unmapped, its range still reserved */
static void reserve_page(void *page)
{
	mmap(page, PAGE, PROT_NONE,
	     MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
}

/* every page of every attach unmapped, each range still reserved */
static void reserve_all(void)
{
	unsigned int i;

	for (i = 0; i < nranges; i++)
		mmap((void *)(uintptr_t)ranges[i].start,
		     ranges[i].end - ranges[i].start, PROT_NONE,
		     MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
		     -1, 0);
}

/* SHMSIM_SIGNAL: obey every order waiting, and say so */
static void order_handler(int sig)
{
	struct shmsim_unmap um;
	int saved = errno;
	unsigned int i;

	(void)sig;
	while (notify_fd >= 0 &&
	       recv(notify_fd, &um, sizeof(um), MSG_DONTWAIT) ==
	       (ssize_t)sizeof(um)) {
		if (um.magic != SHMSIM_MAGIC)
			break;
		if (um.all)
			reserve_all();
		for (i = 0; !um.all && i < um.n && i < SHMSIM_MAX_UNMAP; i++)
			if (in_attach(um.addr[i]))
				reserve_page((void *)(uintptr_t)(um.addr[i] &
								 ~(PAGE - 1)));
		orders_done = um.gen;
		um.n = 0;
		if (send(notify_fd, &um, sizeof(um), MSG_NOSIGNAL) !=
		    (ssize_t)sizeof(um))
			break;
	}
	errno = saved;
}

/*
 * fork: the server forks the task (do_fork: dup_mmap, vm_ops->open),
 * then the process forks; the child lets go of every page it inherited
 * (2.6.32's dup_mmap copies no pte of a shared mapping, 2.4.16's copies
 * them clean and old: either way its next access reaches the MMU) and
 * says HELLO as the new task. A process that is no task forks plainly.
 */
pid_t fork(void)
{
	static pid_t (*real_fork)(void);
	struct shmsim_request rq = { .op = SHMSIM_FORK };
	struct shmsim_reply rp;
	sigset_t old;
	pid_t pid;
	int err;

	if (!real_fork)
		real_fork = (pid_t (*)(void))dlsym(RTLD_NEXT, "fork");
	if (!real_fork) {
		errno = ENOSYS;
		return -1;
	}
	if (sock_fd < 0 || forked)
		return real_fork();
	if (call(&rq, &rp) == -1)
		return -1;
	block_orders(&old);
	pid = real_fork();
	if (pid == 0) {
		forget_server();
		reserve_all();
		sigprocmask(SIG_SETMASK, &old, NULL);
		if (connect_server(rp.token))
			say("shmsim client: the forked child has no task\n");
		return 0;
	}
	err = errno;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (pid < 0) {
		struct shmsim_request fail = { .op = SHMSIM_FORK_FAILED };
		struct shmsim_reply frp;

		fail.token = rp.token;
		call(&fail, &frp);
		errno = err;
	}
	return pid;
}
