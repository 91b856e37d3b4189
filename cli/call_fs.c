// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/call_fs.c - the file-system calls of the language's Version 2, for
 * the visibility experiment: mkdir, mount, umount, and ls, which is what
 * the ls program does with a directory: open it, getdents64 until the
 * end, close it. Each call goes through the running kernel's own system
 * calls (linux/fs.h); the paths are the script's strings, handed over as
 * the kernel-side copies getname would have made.
 *	A[100]: mkdir("/mnt", 0755) = 0
 *	A[100]: mount("none", "/mnt/shm", "tmpfs", 0, NULL) = 0
 *	A[100]: ls("/mnt/shm") = "SYSV00000000 SYSV00000000"
 */
#include <stdlib.h>
#include <string.h>

#include "linux/dirent.h"
#include "linux/fcntl.h"
#include "call.h"
#include "print.h"

#define MKDIR_MODE	0755	/* mkdir PATH: the mode mkdir(1) asks for */
#define DIRENT_BUF	4096	/* what one getdents64 may fill */

/* mkdir PATH [MODE] */
void run_mkdir(const struct call_args *args, struct call_result *res)
{
	int mode = args->given > 1 ? (int)reg(args->a[1]) : MKDIR_MODE;

	call_set_return(res, sys_mkdir(args->str[0], mode));
}

void print_mkdir(FILE *out, const struct call_args *args,
		 const struct call_result *res)
{
	(void)res;
	print_string(out, args->str[0], strlen(args->str[0]));
	fprintf(out, ", %#o", args->given > 1 ? (unsigned int)reg(args->a[1]) :
		MKDIR_MODE);
}

/* mount SOURCE PATH FSTYPE: no flags, no data, as mount(8) without -o */
void run_mount(const struct call_args *args, struct call_result *res)
{
	call_set_return(res, sys_mount((char *)args->str[0],
				       (char *)args->str[1],
				       (char *)args->str[2], 0, NULL));
}

void print_mount(FILE *out, const struct call_args *args,
		 const struct call_result *res)
{
	int i;

	(void)res;
	for (i = 0; i < 3; i++) {
		print_string(out, args->str[i], strlen(args->str[i]));
		fprintf(out, ", ");
	}
	fprintf(out, "0, NULL");
}

/* umount PATH: umount(8) calls umount2 with no flags */
void run_umount(const struct call_args *args, struct call_result *res)
{
	call_set_return(res, sys_umount((char *)args->str[0], 0));
}

void print_umount(FILE *out, const struct call_args *args,
		  const struct call_result *res)
{
	(void)res;
	print_string(out, args->str[0], strlen(args->str[0]));
}

/* Appends the names of one getdents64 buffer, "." and ".." left out. */
static int add_names(const char *buf, long n, char **names, size_t *len)
{
	long off = 0;

	while (off < n) {
		const struct linux_dirent64 *d =
			(const struct linux_dirent64 *)(buf + off);
		size_t l = strlen(d->d_name);
		char *grown;

		off += d->d_reclen;
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		grown = realloc(*names, *len + l + 2);
		if (!grown)
			return -1;
		*names = grown;
		if (*len)
			(*names)[(*len)++] = ' ';
		memcpy(*names + *len, d->d_name, l + 1);
		*len += l;
	}
	return 0;
}

/*
 * ls PATH: the directory's names in readdir order, joined by one space.
 * A failure of open or getdents64 is the call's errno; the fd is closed
 * either way, as ls closes it.
 */
void run_ls(const struct call_args *args, struct call_result *res)
{
	char *buf = malloc(DIRENT_BUF), *names = calloc(1, 1);
	size_t len = 0;
	long fd, n = 0;

	if (!buf || !names) {
		free(buf);
		free(names);
		res->is_err = 1;
		res->err = ENOMEM;	/* sim: the host's, not the kernel's */
		return;
	}
	fd = sys_open(args->str[0], O_RDONLY | O_DIRECTORY, 0);
	while (fd >= 0) {
		n = sys_getdents64((unsigned int)fd, buf, DIRENT_BUF);
		if (n > 0 && add_names(buf, n, &names, &len))
			n = -ENOMEM;
		if (n <= 0) {
			sys_close((unsigned int)fd);
			break;
		}
	}
	free(buf);
	if (fd < 0 || n < 0) {
		free(names);
		call_set_return(res, fd < 0 ? fd : n);
		return;
	}
	res->is_string = 1;
	res->str = names;
	res->len = len;
}

void print_ls(FILE *out, const struct call_args *args,
	      const struct call_result *res)
{
	(void)res;
	print_string(out, args->str[0], strlen(args->str[0]));
}
