/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/linux/dirent.h - what getdents64 writes, the same in
 * 2.4.16 and 2.6.32 (include/linux/dirent.h): one record per entry,
 * d_reclen bytes long (the name and its NUL, rounded up to 8).
 */
#ifndef _SIM_LINUX_DIRENT_H
#define _SIM_LINUX_DIRENT_H

#include <stdint.h>

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

#endif /* _SIM_LINUX_DIRENT_H */
