/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tests/sim_test.h - what every cmocka test file of shmsim includes first.
 * Sim-only test helpers: cmocka's headers in the order cmocka.h needs them,
 *   assert_errno() for negative-errno return values, and sim_test_main() so
 *   every test executable takes a test-name filter as argv[1].
 * Used by tests/<area>/test_<file>.c, as in:
 *
 *	static void test_sys_shmget__excl_on_existing_key_fails_eexist(void **s)
 *	{
 *		...
 *		rc = sys_shmget(key, 4096, IPC_CREAT | IPC_EXCL);
 *		assert_errno(rc, -EEXIST);
 *	}
 *
 *	int main(int argc, char **argv)
 *	{
 *		const struct CMUnitTest tests[] = {
 *			cmocka_unit_test(test_sys_shmget__...),
 *		};
 *
 *		return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]),
 *				     argc, argv, "ipc/shm");
 *	}
 *
 * and then: gdb --args build/tests/test_ipc_shm 'test_sys_shmget__*'
 */
#ifndef _SIM_TEST_H
#define _SIM_TEST_H

/* cmocka.h uses va_list, size_t, jmp_buf and uintmax_t without including. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "linux/kernel.h"

/* "-EEXIST" for -17, "no error" for 0 and for counts, which are >= 0. */
static inline void sim_test_print_errno(const char *what, long val)
{
	if (val < 0 && val >= -MAX_ERRNO)
		print_error("%s %ld (-%s)", what, val,
			    sim_errno_name((int)-val));
	else if (val < 0)
		print_error("%s %ld (not an errno)", what, val);
	else
		print_error("%s %ld (no error)", what, val);
}

/*
 * Fails the test unless rc == expected, compared as signed long. On failure
 * both sides are printed in decimal with their names:
 *	sys_shmget(...) = 0 (no error), expected -17 (-EEXIST)
 * cmocka's assert_int_equal would print -17 as 0xffffffffffffffef.
 */
static inline void sim_assert_errno(long rc, long expected, const char *expr,
				    const char *file, int line)
{
	if (rc == expected)
		return;
	print_error("%s =", expr);
	sim_test_print_errno("", rc);
	sim_test_print_errno(", expected", expected);
	print_error("\n");
	_fail(file, line);
}

/* The macro only captures the expression text and the caller's file:line. */
#define assert_errno(rc, expected) \
	sim_assert_errno((long)(rc), (long)(expected), #rc, __FILE__, __LINE__)

/*
 * Runs the n tests under the ctest name group ("ipc/shm"). A glob in argv[1]
 * ('test_sys_shmat__*') runs only the tests whose names match. Returns the
 * number of failed tests, which main() returns as its exit status.
 * sim: _cmocka_run_group_tests is what cmocka_run_group_tests_name() expands
 *   to; called directly because the array reaches us as a pointer.
 */
static inline int sim_test_main(const struct CMUnitTest *tests, size_t n,
				int argc, char **argv, const char *group)
{
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	return _cmocka_run_group_tests(group, tests, n, NULL, NULL);
}

#endif /* _SIM_TEST_H */
