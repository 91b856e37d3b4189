/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/backing-dev.h - what a mapping's backing device
 * says about its pages.
 * Models the part of include/linux/backing-dev.h (2.6.32) the page cache
 *   reads: struct backing_dev_info's capabilities, BDI_CAP_*, and the
 *   mapping_cap_* tests. shmem's bdi (mm/shmem.c) is the one user here:
 *   no dirty accounting, no writeback, swap-backed pages.
 * Left out: the writeback machinery (bdi threads, stats, dirty limits),
 *   bdi_init/bdi_destroy beyond a name (no per-bdi state to set up).
 */
#ifndef _SIM26_LINUX_BACKING_DEV_H
#define _SIM26_LINUX_BACKING_DEV_H

#include "linux/fs.h"

struct backing_dev_info {
	unsigned long ra_pages;		/* max readahead in pages */
	unsigned int capabilities;	/* BDI_CAP_* */
	const char *name;
};

#define BDI_CAP_NO_ACCT_DIRTY	0x00000001
#define BDI_CAP_NO_WRITEBACK	0x00000002
#define BDI_CAP_MAP_COPY	0x00000004
#define BDI_CAP_MAP_DIRECT	0x00000008
#define BDI_CAP_READ_MAP	0x00000010
#define BDI_CAP_WRITE_MAP	0x00000020
#define BDI_CAP_EXEC_MAP	0x00000040
#define BDI_CAP_NO_ACCT_WB	0x00000080
#define BDI_CAP_SWAP_BACKED	0x00000100
#define BDI_CAP_NO_ACCT_AND_WRITEBACK \
	(BDI_CAP_NO_WRITEBACK | BDI_CAP_NO_ACCT_DIRTY | BDI_CAP_NO_ACCT_WB)

/* sim: no per-bdi state; bdi_init cannot fail */
static inline int bdi_init(struct backing_dev_info *bdi)
{
	(void)bdi;
	return 0;
}

static inline void bdi_destroy(struct backing_dev_info *bdi)
{
	(void)bdi;
}

static inline int bdi_cap_account_dirty(struct backing_dev_info *bdi)
{
	return !(bdi->capabilities & BDI_CAP_NO_ACCT_DIRTY);
}

static inline int bdi_cap_swap_backed(struct backing_dev_info *bdi)
{
	return (bdi->capabilities & BDI_CAP_SWAP_BACKED) != 0;
}

/* a mapping with no bdi (sim: VFS may leave it NULL) has no capability */
static inline int mapping_cap_account_dirty(struct address_space *mapping)
{
	return mapping->backing_dev_info &&
	       bdi_cap_account_dirty(mapping->backing_dev_info);
}

static inline int mapping_cap_swap_backed(struct address_space *mapping)
{
	return mapping->backing_dev_info &&
	       bdi_cap_swap_backed(mapping->backing_dev_info);
}

#endif /* _SIM26_LINUX_BACKING_DEV_H */
