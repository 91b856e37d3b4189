// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/filesystems.c - the table of registered file system types.
 * Models fs/filesystems.c (2.6.32), in its order: get_filesystem,
 *   put_filesystem, find_filesystem, register_filesystem,
 *   unregister_filesystem, filesystems_proc_show (as filesystems_read_proc),
 *   get_fs_type.
 * Left out: sys_sysfs (fs_index, fs_name, fs_maxindex), get_filesystem_list,
 *   request_module (no modules). sim: file_systems_lock dropped.
 * Called by: init_rootfs, sysfs_init, bdev_cache_init, proc_root_init,
 *   init_tmpfs (register), do_kern_mount (get_fs_type), the /proc view.
 */
#include <string.h>

#include "linux/fs.h"
#include "sim/proc.h"
#include "sim/trace.h"

/* a chain through ->next, in registration order */
static struct file_system_type *file_systems;

/* sim: no modules: ->owner is always NULL, nothing to pin */
void get_filesystem(struct file_system_type *fs)
{
	(void)fs;
}

void put_filesystem(struct file_system_type *fs)
{
	(void)fs;
}

/* the link that points at the type called name[0..len), or at the end */
static struct file_system_type **find_filesystem(const char *name,
						 unsigned int len)
{
	struct file_system_type **p;

	for (p = &file_systems; *p; p = &(*p)->next)
		if (strlen((*p)->name) == len &&
		    strncmp((*p)->name, name, len) == 0)
			break;
	return p;
}

/* append fs to the table: -EBUSY if a type of that name is there */
int register_filesystem(struct file_system_type *fs)
{
	int res = 0;
	struct file_system_type **p;

	TRACE_ENTER("\"%s\"", fs->name);
	BUG_ON(strchr(fs->name, '.'));
	if (fs->next)
		return TRACE_RET(-EBUSY);
	INIT_LIST_HEAD(&fs->fs_supers);
	p = find_filesystem(fs->name, (unsigned int)strlen(fs->name));
	if (*p)
		res = -EBUSY;
	else
		*p = fs;
	if (!res)
		sim_note("vfs", "file system type %s registered%s", fs->name,
			 fs->fs_flags & FS_REQUIRES_DEV ? "" : " (nodev)");
	return TRACE_RET(res);
}

int unregister_filesystem(struct file_system_type *fs)
{
	struct file_system_type **tmp;

	TRACE_ENTER("\"%s\"", fs->name);
	tmp = &file_systems;
	while (*tmp) {
		if (fs == *tmp) {
			*tmp = fs->next;
			fs->next = NULL;
			/* sim: no synchronize_rcu() */
			return TRACE_RET(0);
		}
		tmp = &(*tmp)->next;
	}
	return TRACE_RET(-EINVAL);
}

/*
 * /proc/filesystems: filesystems_proc_show, written to a stdio stream
 * (sim: the seq_file's name in sim/proc.h): one line a type, in
 * registration order, "nodev" before those that need no block device.
 */
void filesystems_read_proc(FILE *out)
{
	struct file_system_type *tmp;

	for (tmp = file_systems; tmp; tmp = tmp->next)
		fprintf(out, "%s\t%s\n",
			(tmp->fs_flags & FS_REQUIRES_DEV) ? "" : "nodev",
			tmp->name);
}

/* the type called name ("type.subtype" looks up "type"), or NULL */
struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *fs;
	const char *dot = strchr(name, '.');
	unsigned int len = dot ? (unsigned int)(dot - name) :
			   (unsigned int)strlen(name);

	TRACE_ENTER("\"%s\"", name);
	fs = *find_filesystem(name, len);
	if (fs)
		get_filesystem(fs);
	/* sim: no request_module("fs-%.*s") retry */
	if (dot && fs && !(fs->fs_flags & FS_HAS_SUBTYPE)) {
		put_filesystem(fs);
		fs = NULL;
	}
	TRACE_EXIT_FMT("%s", fs ? fs->name : "NULL");
	return fs;
}
