// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/fs/test_readdir.c - sim/2.6/fs/readdir.c (fs/readdir.c,
 * 2.6.32) and libfs.c's dcache_readdir on a booted machine: the records
 * sys_getdents64 writes (".", "..", then the children newest first, each
 * d_off the next position, d_type DT_DIR), a buffer too small for one
 * record, a listing resumed across calls through the cursor, and the
 * errors EBADF and ENOTDIR.
 */
#include "sim_test.h"

#include "vfs_world.h"

static void test_sys_getdents64__records_dot_dotdot_newest_first(void **s)
{
	char buf[4096];
	struct linux_dirent64 *d;
	long fd, n;
	const char *names[] = { ".", "..", "c", "b", "a" };
	long off = 0;
	int i;

	(void)s;
	assert_int_equal(sys_mkdir("/a", 0755), 0);
	assert_int_equal(sys_mkdir("/b", 0755), 0);
	assert_int_equal(sys_mkdir("/c", 0755), 0);
	fd = sys_open("/", O_RDONLY | O_DIRECTORY, 0);
	n = sys_getdents64((unsigned int)fd, buf, sizeof(buf));
	assert_int_equal(n, 5 * 24);	/* 19 + name + NUL, rounded to 8 */
	for (i = 0; i < 5; i++) {
		d = (void *)(buf + off);
		assert_string_equal(d->d_name, names[i]);
		assert_int_equal(d->d_reclen, 24);
		assert_int_equal(d->d_off, i + 1);
		assert_int_equal(d->d_type, DT_DIR);
		off += d->d_reclen;
	}
	assert_int_equal(((struct linux_dirent64 *)buf)->d_ino,
			 sim_init_mnt_ns->root->mnt_root->d_inode->i_ino);
	assert_int_equal(sys_getdents64((unsigned int)fd, buf, sizeof(buf)),
			 0);
	assert_int_equal(sys_close((unsigned int)fd), 0);
	vfs_world_check();
}

static void test_sys_getdents64__small_buffer_resumes_at_cursor(void **s)
{
	char buf[64];
	struct linux_dirent64 *d;
	long fd;

	(void)s;
	assert_int_equal(sys_mkdir("/a", 0755), 0);
	assert_int_equal(sys_mkdir("/b", 0755), 0);
	fd = sys_open("/", O_RDONLY | O_DIRECTORY, 0);
	assert_errno(sys_getdents64((unsigned int)fd, buf, 20), -EINVAL);
	assert_int_equal(sys_getdents64((unsigned int)fd, buf, 50), 48);
	assert_int_equal(sys_getdents64((unsigned int)fd, buf, 30), 24);
	d = (void *)buf;
	assert_string_equal(d->d_name, "b");
	assert_int_equal(d->d_off, 3);
	assert_int_equal(sys_getdents64((unsigned int)fd, buf, 30), 24);
	assert_string_equal(d->d_name, "a");
	/* a directory made meanwhile lands before the cursor: not seen */
	assert_int_equal(sys_mkdir("/c", 0755), 0);
	assert_int_equal(sys_getdents64((unsigned int)fd, buf, 30), 0);
	assert_int_equal(sys_close((unsigned int)fd), 0);
}

static void test_sys_getdents64__bad_fd_and_file_errors(void **s)
{
	char buf[64];

	(void)s;
	assert_errno(sys_getdents64(3, buf, sizeof(buf)), -EBADF);
	vfs_make_file("f");
	assert_int_equal(sys_open("/f", O_RDONLY, 0), 0);
	assert_errno(sys_getdents64(0, buf, sizeof(buf)), -ENOTDIR);
	assert_int_equal(fcheck_files(current->files, 0)->f_count, 1);
	assert_int_equal(sys_close(0), 0);
}

/* an unhashed child (a SYSV dentry without hashed-shm) is skipped */
static void test_dcache_readdir__skips_unhashed_and_negative(void **s)
{
	struct dentry *root = sim_init_mnt_ns->root->mnt_root;
	struct dentry *neg, *unh;
	char out[64];

	(void)s;
	assert_int_equal(sys_mkdir("/a", 0755), 0);
	neg = d_alloc_name(root, "neg");
	d_rehash(neg);				/* hashed, negative */
	unh = vfs_make_file("unh");
	unh->d_flags |= DCACHE_UNHASHED;	/* positive, unhashed */
	hlist_del_init(&unh->d_hash);
	assert_int_equal(vfs_ls("/", out, sizeof(out)), 0);
	assert_string_equal(out, "a");
	unh->d_flags &= ~DCACHE_UNHASHED;	/* back, for the shutdown */
	d_rehash(unh);
	assert_int_equal(vfs_ls("/", out, sizeof(out)), 0);
	assert_string_equal(out, "unh a");
	dput(neg);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_sys_getdents64__records_dot_dotdot_newest_first,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_getdents64__small_buffer_resumes_at_cursor,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_getdents64__bad_fd_and_file_errors,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_dcache_readdir__skips_unhashed_and_negative,
			vfs_world_setup, vfs_world_teardown),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "2.6/fs/readdir");
}
