// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/sim/test_trace.c - the call tracer, sim/lib/trace.c and the macros of
 * sim/include/sim/trace.h (sim only).
 * The layout of printed lines; that an event gets the same number printed,
 * counted inline (--no-trace) and counted out of line with the debugger's
 * stops; that an unprinted trace evaluates no argument of TRACE_ENTER or
 * sim_note (unless a debugger's stops take the out-of-line path), and a
 * TRACE_RET value exactly once, before the exit; that a
 * disabled trace counts nothing; and the same numbers along a whole shm
 * life (shmget .. fork .. exit) in the simulated kernel.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_world.h"
#include "linux/shm.h"
#include "sim/mmu.h"
#include "sim/trace.h"

/* ---- a little traced call tree of the test's own ---- */

static int evaluated;		/* how often an argument was computed */

static int count_me(int v)
{
	evaluated++;
	return v;
}

static long leaf(int x)
{
	TRACE_ENTER("%d", count_me(x));
	return TRACE_RET(x > 0 ? 0 : -EINVAL);
}

static long middle(int x)
{
	TRACE_ENTER("%d", x);
	sim_note("test", "x is %d", count_me(x));
	return TRACE_RET_INT(leaf(x) + 7);
}

static void outer(void)
{
	TRACE_ENTER(NULL);
	middle(1);
	leaf(-1);
	TRACE_EXIT();
}

/* The trace of fn, printed into a string the caller frees. */
static char *printed(void (*fn)(void))
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	sim_trace_reset();
	sim_trace_out = f;
	sim_trace.enabled = 1;
	sim_trace.printing = 1;
	fn();
	sim_trace_out = NULL;
	fclose(f);
	return text;
}

/* sim_trace_seq after fn, run with the given switches from a reset. */
static unsigned int count_of(void (*fn)(void), int printing, int stops)
{
	FILE *devnull = fopen("/dev/null", "w");
	unsigned int seq;

	assert_non_null(devnull);
	sim_trace_reset();
	sim_trace_out = devnull;
	sim_trace.enabled = 1;
	sim_trace.printing = printing;
	sim_trace.stops = stops;
	fn();
	seq = sim_trace_seq;
	sim_trace_out = NULL;
	fclose(devnull);
	return seq;
}

static void restore_switches(void)
{
	sim_trace.enabled = 1;
	sim_trace.printing = 0;
	sim_trace.stops = 0;
	sim_trace_out = NULL;
}

static void test_sim_trace__printed_layout(void **state)
{
	char *text;

	(void)state;
	text = printed(outer);
	assert_string_equal(text,
		"       1 |  outer() {\n"
		"       2 |    middle(1) {\n"
		"       3 |      /* test: x is 1 */\n"
		"       4 |      leaf(1) = 0;\n"
		"       5 |    } = 7\n"
		"       6 |    leaf(-1) = -EINVAL;\n"
		"       7 |  }\n");
	assert_int_equal(sim_trace_seq, 7);
	assert_int_equal(sim_trace_depth(), 0);
	free(text);
	restore_switches();
}

static void test_sim_trace__counted_numbers_equal_printed(void **state)
{
	unsigned int loud, quiet, stopping;

	(void)state;
	loud = count_of(outer, 1, 0);
	quiet = count_of(outer, 0, 0);		/* the inline path */
	stopping = count_of(outer, 0, 1);	/* out of line, for gdb */
	assert_int_equal(loud, 7);
	assert_int_equal(quiet, loud);
	assert_int_equal(stopping, loud);
	restore_switches();
}

static void test_sim_trace__unprinted_evaluates_no_argument(void **state)
{
	(void)state;
	evaluated = 0;
	count_of(outer, 0, 0);
	assert_int_equal(evaluated, 0);
	/* leaf(1), the note, leaf(-1): printed, or out of line for gdb */
	count_of(outer, 1, 0);
	assert_int_equal(evaluated, 3);
	count_of(outer, 0, 1);
	assert_int_equal(evaluated, 6);
	restore_switches();
}

static int returned;		/* how often ret_value ran */

static long ret_value(void)
{
	TRACE_ENTER(NULL);
	returned++;
	return TRACE_RET(5);
}

/* TRACE_RET(f()): f runs once, inside the caller, before it leaves */
static void ret_of_call(void)
{
	TRACE_ENTER(NULL);
	(void)TRACE_RET(ret_value());
}

static void test_sim_trace__ret_value_evaluated_once_before_exit(void **state)
{
	char *text;

	(void)state;
	returned = 0;
	text = printed(ret_of_call);
	assert_string_equal(text,
		"       1 |  ret_of_call() {\n"
		"       2 |    ret_value() = 5;\n"
		"       3 |  } = 5\n");
	assert_int_equal(returned, 1);
	free(text);
	assert_int_equal(count_of(ret_of_call, 0, 0), 3);
	assert_int_equal(count_of(ret_of_call, 0, 1), 3);
	assert_int_equal(returned, 3);
	restore_switches();
}

static void test_sim_trace__disabled_counts_nothing(void **state)
{
	(void)state;
	sim_trace_reset();
	sim_trace.enabled = 0;
	sim_trace.printing = 1;
	evaluated = 0;
	outer();
	assert_int_equal(sim_trace_seq, 0);
	assert_int_equal(evaluated, 0);
	restore_switches();
}

/* ---- the same numbers along a whole shm life in the kernel ---- */

#define NR_STEPS	8

/* Runs the steps, recording sim_trace_seq after each. */
static void shm_life(unsigned int seq[NR_STEPS])
{
	unsigned long addr = 0;
	struct task_struct *a;
	long id;

	a = sim_task("a", 0, 0);
	id = sys_shmget(0x4d2, 8192, IPC_CREAT | 0600);
	assert_true(id >= 0);
	seq[0] = sim_trace_seq;
	assert_errno(sys_shmat((int)id, NULL, 0, &addr), 0);
	seq[1] = sim_trace_seq;
	assert_int_equal(sim_user_touch(addr, 1), 0);
	assert_int_equal(sim_user_touch(addr + PAGE_SIZE, 0), 0);
	seq[2] = sim_trace_seq;
	assert_true(do_fork(0, "child") > 0);
	seq[3] = sim_trace_seq;
	assert_errno(sys_shmctl((int)id, IPC_RMID, NULL), 0);
	seq[4] = sim_trace_seq;
	assert_errno(sys_shmdt((char *)addr), 0);
	seq[5] = sim_trace_seq;
	current = a;
	do_exit(0);
	seq[6] = sim_trace_seq;
	current = &init_task;
	sim_task_free(a);
	seq[7] = sim_trace_seq;
}

/* Boots, runs shm_life with the given switches, tears down. */
static void shm_life_with(unsigned int seq[NR_STEPS], int printing,
			  int stops)
{
	FILE *devnull = fopen("/dev/null", "w");

	assert_non_null(devnull);
	assert_int_equal(sim_setup(NULL), 0);
	sim_trace_reset();
	sim_trace_out = devnull;
	sim_trace.printing = printing;
	sim_trace.stops = stops;
	shm_life(seq);
	sim_trace.printing = 0;
	sim_trace_out = NULL;
	fclose(devnull);
	/* the fork's child is still there: the shutdown takes it */
	assert_int_equal(sim_teardown(NULL), 0);
	restore_switches();
}

static void test_sim_trace__kernel_numbers_equal_in_every_mode(void **state)
{
	unsigned int loud[NR_STEPS], quiet[NR_STEPS], stopping[NR_STEPS];
	int i;

	(void)state;
	shm_life_with(loud, 1, 0);
	shm_life_with(quiet, 0, 0);
	shm_life_with(stopping, 0, 1);
	for (i = 0; i < NR_STEPS; i++) {
		assert_int_equal(quiet[i], loud[i]);
		assert_int_equal(stopping[i], loud[i]);
		if (i)
			assert_true(loud[i] > loud[i - 1] || i == NR_STEPS - 1);
	}
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sim_trace__printed_layout),
		cmocka_unit_test(test_sim_trace__counted_numbers_equal_printed),
		cmocka_unit_test(
			test_sim_trace__unprinted_evaluates_no_argument),
		cmocka_unit_test(
			test_sim_trace__ret_value_evaluated_once_before_exit),
		cmocka_unit_test(test_sim_trace__disabled_counts_nothing),
		cmocka_unit_test(
			test_sim_trace__kernel_numbers_equal_in_every_mode),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "sim/trace");
}
