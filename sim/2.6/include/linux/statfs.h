/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/statfs.h - what ->statfs fills in.
 * Models include/linux/statfs.h (2.6.32): struct kstatfs.
 */
#ifndef _SIM26_LINUX_STATFS_H
#define _SIM26_LINUX_STATFS_H

#include "linux/kernel.h"

typedef struct {
	int val[2];
} __kernel_fsid_t;

struct kstatfs {
	long f_type;
	long f_bsize;
	unsigned long long f_blocks;
	unsigned long long f_bfree;
	unsigned long long f_bavail;
	unsigned long long f_files;
	unsigned long long f_ffree;
	__kernel_fsid_t f_fsid;
	long f_namelen;
	long f_frsize;
	long f_spare[5];
};

#endif /* _SIM26_LINUX_STATFS_H */
