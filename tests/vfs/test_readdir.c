// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/vfs/test_readdir.c - sim/vfs/readdir.c: dcache_readdir's order and
 * its hashed-and-positive test, filldir64's records, sys_getdents64's
 * errors; and what the hashed-shm patch changes in /proc/PID/maps.
 */
#include <stdio.h>

#include "syscalls.h"

static int boot_hashed(void **state)
{
	(void)state;
	return boot_with(SIM_PATCH_HASHED_SHM);
}

static void test_dcache_readdir__newest_first(void **state)
{
	char names[256];

	(void)state;
	assert_int_equal(sys_mkdir("/a", 0755), 0);
	assert_int_equal(sys_mkdir("/b", 0755), 0);
	assert_int_equal(sys_mkdir("/c", 0755), 0);
	assert_int_equal(ls("/", names, sizeof(names)), 0);
	assert_string_equal(names, "c b a");
}

static void test_dcache_readdir__skips_negative_dentries(void **state)
{
	char names[256];

	(void)state;
	assert_int_equal(sys_mkdir("/a", 0755), 0);
	/* a failed walk leaves a hashed negative "nothere" under the root */
	assert_errno(ls("/nothere", names, sizeof(names)), -ENOENT);
	assert_int_equal(ls("/", names, sizeof(names)), 0);
	assert_string_equal(names, "a");
	assert_vfs_ok();
}

static void test_sys_getdents64__f_pos_resumes_after_a_full_buffer(
	void **state)
{
	_Alignas(8) char buf[64];
	struct linux_dirent64 *d = (void *)buf;
	long fd;

	(void)state;
	assert_int_equal(sys_mkdir("/a", 0755), 0);
	assert_int_equal(sys_mkdir("/b", 0755), 0);
	fd = sys_open("/", O_RDONLY | O_DIRECTORY, 0);
	assert_true(fd >= 0);
	/* 24 bytes a record: ".", ".." fit, "b" does not */
	assert_int_equal(sys_getdents64(fd, buf, 48), 48);
	assert_string_equal(d->d_name, ".");
	assert_int_equal(d->d_reclen, 24);
	assert_int_equal(sys_getdents64(fd, buf, 24), 24);
	assert_string_equal(d->d_name, "b");
	assert_int_equal(sys_getdents64(fd, buf, 24), 24);
	assert_string_equal(d->d_name, "a");
	assert_int_equal(sys_getdents64(fd, buf, 24), 0);
	assert_errno(sys_getdents64(fd, buf, 8), 0);
	assert_int_equal(sys_close(fd), 0);
}

static void test_sys_getdents64__errors(void **state)
{
	_Alignas(8) char buf[64];
	long fd;

	(void)state;
	assert_errno(sys_getdents64(5, buf, sizeof(buf)), -EBADF);
	fd = sys_open("/", O_RDONLY | O_DIRECTORY, 0);
	assert_errno(sys_getdents64(fd, buf, 8), -EINVAL);
	assert_int_equal(sys_close(fd), 0);
}

static void test_d_path__hashed_sysv_file_is_not_deleted(void **state)
{
	char maps[512];
	unsigned long addr;
	FILE *f = fmemopen(maps, sizeof(maps), "w");
	struct task_struct *tsk;
	int id;

	(void)state;
	tsk = sim_task("a", 0, 0);
	id = sys_shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	assert_int_equal(sys_shmat(id, NULL, 0, &addr), 0);
	proc_pid_maps(tsk, f);
	fclose(f);
	assert_non_null(strstr(maps, "/SYSV00000000\n"));
	assert_null(strstr(maps, "(deleted)"));
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
#define T(f, s) cmocka_unit_test_setup_teardown(f, s, shutdown)
		T(test_dcache_readdir__newest_first, boot),
		T(test_dcache_readdir__skips_negative_dentries, boot),
		T(test_sys_getdents64__f_pos_resumes_after_a_full_buffer, boot),
		T(test_sys_getdents64__errors, boot),
		T(test_d_path__hashed_sysv_file_is_not_deleted, boot_hashed),
#undef T
	};

	return sim_test_main(tests, ARRAY_SIZE(tests), argc, argv,
			     "vfs/readdir");
}
