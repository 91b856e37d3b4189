// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/call_access.c - the memory accesses of the scenario language:
 * write, fill, read and touch. They are no system calls but a program's
 * user loads and stores, made through the simulated MMU
 * (sim_user_access, sim_user_touch), so they fault as a program's would:
 * a fatal fault ends in a signal, and cli/run.c then kills the task.
 *	B[101]: write(0x40000000, "x", 1) = SIGSEGV (task killed)
 *	A[100]: touch(0x40000000, 8192, read) = 2
 * A length past 32 bits is refused with EOVERFLOW, not cut, and shows
 * whole. See cli/call.h for how cli/run.c and cli/print.c use them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sim/kernel.h"
#include "call.h"
#include "print.h"

/* A user load or store of len bytes; a fatal fault shows as a signal. */
static void user_access(struct call_result *res, unsigned long addr,
			void *buf, size_t len, int write)
{
	size_t done = 0;
	int sig = sim_user_access(addr, buf, len, write, &done);

	if (sig)
		res->signo = sig;
	else
		res->value = (long long)len;
}

static void set_err(struct call_result *res, int err)
{
	res->is_err = 1;
	res->err = err;
}

/*
 * LEN of fill, read and touch as a host size, 0 if it does not fit in 32
 * bits (sim: a user access is no register: refused, not cut).
 */
static int access_len(const struct call_args *args, size_t *len)
{
	*len = reg(args->a[1]);
	return (unsigned long long)args->a[1] == *len;
}

/* write ADDR "DATA": the bytes from a copy, as a program's buffer */
void run_write(const struct call_args *args, struct call_result *res)
{
	char *copy = malloc(args->len ? args->len : 1);

	if (!copy) {
		set_err(res, ENOMEM);
		return;
	}
	memcpy(copy, args->data, args->len);
	user_access(res, reg(args->a[0]), copy, args->len, 1);
	free(copy);
}

void print_write(FILE *out, const struct call_args *args,
		 const struct call_result *res)
{
	(void)res;
	fprintf(out, "%#lx, ", reg(args->a[0]));
	print_string(out, args->data, args->len);
	fprintf(out, ", %zu", args->len);
}

/*
 * The buffer of a fill or read of LEN (args->a[1]) bytes, *len set; NULL
 * with the errno in res for a length past 32 bits or no host memory.
 */
static char *access_buffer(const struct call_args *args,
			   struct call_result *res, size_t *len)
{
	char *buf;

	if (!access_len(args, len)) {
		set_err(res, EOVERFLOW);
		return NULL;
	}
	buf = malloc(*len ? *len : 1);
	if (!buf)
		set_err(res, ENOMEM);
	return buf;
}

/* fill ADDR LEN BYTE */
void run_fill(const struct call_args *args, struct call_result *res)
{
	size_t len;
	char *buf = access_buffer(args, res, &len);

	if (!buf)
		return;
	memset(buf, (int)(args->a[2] & 0xff), len);
	user_access(res, reg(args->a[0]), buf, len, 1);
	free(buf);
}

void print_fill(FILE *out, const struct call_args *args,
		const struct call_result *res)
{
	(void)res;
	fprintf(out, "%#lx, %llu, %#llx", reg(args->a[0]),
		(unsigned long long)args->a[1], args->a[2] & 0xff);
}

/* read ADDR LEN: the value is the bytes, res->str for the caller to free */
void run_read(const struct call_args *args, struct call_result *res)
{
	size_t len;
	char *buf = access_buffer(args, res, &len);

	if (!buf)
		return;
	user_access(res, reg(args->a[0]), buf, len, 0);
	if (res->signo) {
		free(buf);
		return;
	}
	res->is_string = 1;
	res->str = buf;
	res->len = len;
}

void print_read(FILE *out, const struct call_args *args,
		const struct call_result *res)
{
	(void)res;
	fprintf(out, "%#lx, %llu", reg(args->a[0]),
		(unsigned long long)args->a[1]);
}

/* touch ADDR LEN [read|write]: one access per page; the value is pages */
void run_touch(const struct call_args *args, struct call_result *res)
{
	int write = args->c->touch == SCRIPT_TOUCH_WRITE;
	unsigned long addr = reg(args->a[0]), p, end;
	long long pages = 0;
	size_t len;

	if (!access_len(args, &len)) {
		set_err(res, EOVERFLOW);
		return;
	}
	end = addr + len;
	for (p = addr; p < end; p = (p & PAGE_MASK) + PAGE_SIZE) {
		int sig = sim_user_touch(p, write);

		if (sig) {
			res->signo = sig;
			break;
		}
		pages++;
		if ((p & PAGE_MASK) + PAGE_SIZE == 0)
			break;	/* the top of the 32-bit space */
	}
	res->value = pages;
}

void print_touch(FILE *out, const struct call_args *args,
		 const struct call_result *res)
{
	(void)res;
	fprintf(out, "%#lx, %llu, %s", reg(args->a[0]),
		(unsigned long long)args->a[1],
		args->c->touch == SCRIPT_TOUCH_READ ? "read" : "write");
}
