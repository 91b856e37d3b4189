/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tests/vfs/testfs.h - the VFS tests' world: a booted VFS and "testfs", a
 * filesystem whose superblock has a root directory and nothing else.
 * testfs_world_init() makes a fresh VFS (caches, rootfs, proc) with a test
 * task as `current`; testfs_world_exit() checks the invariants, shuts the
 * VFS down and asserts that every object and kmalloc block went back.
 * Included by tests/vfs/test_*.c; each keeps its own setup and teardown,
 * built from these.
 */
#ifndef _TESTS_VFS_TESTFS_H
#define _TESTS_VFS_TESTFS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_test.h"
#include "linux/fs.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

#define TESTFS_UNUSED __attribute__((unused))

static struct task_struct test_task;
static unsigned long kmalloc_base;
static int testfs_fail TESTFS_UNUSED;	/* read_super fails when set */
static int testfs_deletes;		/* delete_inode calls */
/* a test's extra look at an inode as it is deleted */
static void (*testfs_delete_hook)(struct inode *inode) TESTFS_UNUSED;

static void testfs_delete_inode(struct inode *inode)
{
	testfs_deletes++;
	if (testfs_delete_hook)
		testfs_delete_hook(inode);
	else
		clear_inode(inode);
}

static struct super_operations testfs_ops = {
	.put_inode	= force_delete,
	.delete_inode	= testfs_delete_inode,
};

static struct super_block *testfs_read_super(struct super_block *sb,
					     void *data, int silent)
{
	struct inode *inode;

	(void)data;
	(void)silent;
	if (testfs_fail)
		return NULL;
	sb->s_blocksize = 4096;
	sb->s_blocksize_bits = 12;
	sb->s_op = &testfs_ops;
	inode = new_inode(sb);
	if (!inode)
		return NULL;
	inode->i_mode = S_IFDIR | 0777;
	inode->i_nlink = 2;
	sb->s_root = d_alloc_root(inode);
	if (!sb->s_root) {
		iput(inode);
		return NULL;
	}
	return sb;
}

static struct file_system_type testfs_type TESTFS_UNUSED = {
	.name		= "testfs",
	.read_super	= testfs_read_super,
};

/* A fresh VFS: caches, rootfs, proc; current is the test task (pid 1). */
static TESTFS_UNUSED void testfs_world_init(void)
{
	sim_trace_reset();
	sim_trace.printing = getenv("SIM_TRACE") != NULL;
	sim_trace_out = NULL;
	memset(&test_task, 0, sizeof(test_task));
	test_task.pid = 1;
	strcpy(test_task.comm, "test");
	current = &test_task;
	testfs_fail = 0;
	testfs_deletes = 0;
	testfs_delete_hook = NULL;
	kmalloc_base = sim_kmalloc_live;
	vfs_caches_init(4096);
	proc_root_init();
}

/* sim_vfs_check() must find nothing broken. */
static TESTFS_UNUSED void testfs_check(void)
{
	char why[256];
	int err = sim_vfs_check(why, sizeof(why));

	if (err)
		print_error("sim_vfs_check() = %d: %s\n", err, why);
	assert_int_equal(err, 0);
}

/* Shut the VFS down: nothing may be left, not even a kmalloc block. */
static TESTFS_UNUSED void testfs_world_exit(void)
{
	current = &test_task;
	test_task.euid = 0;
	assert_int_equal(sim_vfs_exit(stderr), 0);
	assert_int_equal(inodes_stat.nr_inodes, 0);
	assert_int_equal(dentry_stat.nr_dentry, 0);
	assert_int_equal(dentry_stat.nr_unused, 0);
	assert_int_equal(files_stat.nr_files, 0);
	assert_int_equal(files_stat.nr_free_files, 0);
	assert_true(list_empty(&super_blocks));
	assert_null(file_systems);
	assert_int_equal(sim_kmalloc_live, kmalloc_base);
}

/* Capture what the tracer prints between start and end. */
static FILE *trace_file TESTFS_UNUSED;
static char *trace_text TESTFS_UNUSED;
static size_t trace_size TESTFS_UNUSED;

static TESTFS_UNUSED void trace_capture_start(void)
{
	trace_file = open_memstream(&trace_text, &trace_size);
	assert_non_null(trace_file);
	sim_trace_out = trace_file;
	sim_trace.printing = 1;
}

static TESTFS_UNUSED char *trace_capture_end(void)
{
	fclose(trace_file);
	sim_trace_out = NULL;
	sim_trace.printing = getenv("SIM_TRACE") != NULL;
	return trace_text;	/* the caller frees it */
}

#endif /* _TESTS_VFS_TESTFS_H */
