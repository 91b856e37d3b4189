// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/vfs/block_dev.c - the block devices' pseudo filesystem.
 * Models fs/block_dev.c (2.4.16): bdev_cache_init only; the bdev inodes,
 *   bdget/bdput and the block device file operations are left out (shm
 *   needs no block device).
 * Called by vfs_caches_init (sim/vfs/dcache.c), which declares it, as
 *   2.4.16's fs/dcache.c does.
 */
#include "linux/kernel.h"
#include "linux/fs.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

/*
 * kern_mounts the bdev pseudo filesystem in 2.4.16.
 * sim: not mounted; only its device number (00:02) and its root inode's
 * number are taken, so later mounts get what they get on 2.4.16.
 */
void bdev_cache_init(void)
{
	TRACE_ENTER("%s", "");
	sim_reserve_unnamed_dev("bdev");
	TRACE_EXIT();
}
