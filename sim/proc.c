// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/proc.c - the /proc files a learner reads.
 * Models proc_pid_maps of fs/proc/array.c and meminfo_read_proc,
 *   filesystems_read_proc and /proc/mounts (mounts_open's seq_file over
 *   fs/namespace.c's show_vfsmnt) of fs/proc/proc_misc.c (2.4.16), printing
 *   to a stdio stream instead of a proc page. /proc/sysvipc/shm is
 *   sysvipc_shm_read_proc in ipc/shm.c.
 * Left out: buffers and highmem (none here: every frame is low memory).
 */
#include <stdio.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/swap.h"
#include "sim/proc.h"
#include "vfs/vfs_internal.h"

#define MAPS_LINE_MAX4	49	/* 8 1 8 1 4 1 8 1 5 1 10 1 */

/* /proc/PID/maps: one line per vma; a file's path starts at column 49. */
void proc_pid_maps(struct task_struct *task, FILE *out)
{
	struct mm_struct *mm = task->mm;
	struct vm_area_struct *map;
	char buffer[PAGE_SIZE];

	if (!mm)
		return;
	for (map = mm->mmap; map; map = map->vm_next) {
		char str[5], line[80];
		unsigned long ino = 0;
		kdev_t dev = 0;
		int len;

		str[0] = map->vm_flags & VM_READ ? 'r' : '-';
		str[1] = map->vm_flags & VM_WRITE ? 'w' : '-';
		str[2] = map->vm_flags & VM_EXEC ? 'x' : '-';
		str[3] = map->vm_flags & VM_MAYSHARE ? 's' : 'p';
		str[4] = '\0';
		if (map->vm_file) {
			dev = map->vm_file->f_dentry->d_inode->i_dev;
			ino = map->vm_file->f_dentry->d_inode->i_ino;
		}
		len = snprintf(line, sizeof(line),
			       "%08lx-%08lx %s %08lx %02x:%02x %lu",
			       map->vm_start, map->vm_end, str,
			       map->vm_pgoff << PAGE_SHIFT, MAJOR(dev),
			       MINOR(dev), ino);
		if (map->vm_file) {
			char *path = d_path(map->vm_file->f_dentry,
					    map->vm_file->f_vfsmnt, buffer,
					    sizeof(buffer));

			fprintf(out, "%s%*s%s\n", line,
				len < MAPS_LINE_MAX4 ? MAPS_LINE_MAX4 - len : 0,
				"", path);
		} else {
			fprintf(out, "%s\n", line);
		}
	}
}

/* /proc/meminfo in 2.4.16's two blocks: the legacy table, then tags. */
void meminfo_read_proc(FILE *out)
{
	unsigned long long totalram = max_mapnr, freeram = nr_free_pages();
	unsigned long long pg_size = page_cache_size;	/* no buffers */
	unsigned long long swapcache = swapper_space.nrpages;
	unsigned long long totalswap = total_swap_pages;
	unsigned long long freeswap = nr_swap_pages;

#define K(x) ((unsigned long long)(x) << (PAGE_SHIFT - 10))
#define B(x) ((unsigned long long)(x) << PAGE_SHIFT)
	fprintf(out, "        total:    used:    free:  shared: buffers:  "
		"cached:\n");
	fprintf(out, "Mem:  %8llu %8llu %8llu %8llu %8llu %8llu\n",
		B(totalram), B(totalram - freeram), B(freeram), B(0ULL),
		B(0ULL), B(pg_size));
	fprintf(out, "Swap: %8llu %8llu %8llu\n", B(totalswap),
		B(totalswap - freeswap), B(freeswap));
	fprintf(out, "MemTotal:     %8llu kB\n", K(totalram));
	fprintf(out, "MemFree:      %8llu kB\n", K(freeram));
	fprintf(out, "MemShared:    %8llu kB\n", K(0ULL));
	fprintf(out, "Buffers:      %8llu kB\n", K(0ULL));
	fprintf(out, "Cached:       %8llu kB\n", K(pg_size - swapcache));
	fprintf(out, "SwapCached:   %8llu kB\n", K(swapcache));
	fprintf(out, "Active:       %8llu kB\n", K(nr_active_pages));
	fprintf(out, "Inactive:     %8llu kB\n", K(nr_inactive_pages));
	fprintf(out, "HighTotal:    %8llu kB\n", K(0ULL));
	fprintf(out, "HighFree:     %8llu kB\n", K(0ULL));
	fprintf(out, "LowTotal:     %8llu kB\n", K(totalram));
	fprintf(out, "LowFree:      %8llu kB\n", K(freeram));
	fprintf(out, "SwapTotal:    %8llu kB\n", K(totalswap));
	fprintf(out, "SwapFree:     %8llu kB\n", K(freeswap));
#undef K
#undef B
}

/* /proc/filesystems: get_filesystem_list's page, "nodev\ttmpfs" lines */
void filesystems_read_proc(FILE *out)
{
	char page[PAGE_SIZE];
	int len = get_filesystem_list(page);

	fwrite(page, 1, len, out);
}

/*
 * /proc/mounts: show_vfsmnt for every mount of the namespace, in mount
 * order (2.4.16 lists the root file system first: rootfs is on no list).
 */
void mounts_read_proc(FILE *out)
{
	sim_show_mounts(out);
}
