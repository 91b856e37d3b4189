// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/cli/test_parse.c - the scenario-language parser (cli/parse.c) and
 * tokenizer (cli/lex.c).
 * Covers: the contract's Example parsed into the AST, every lexical rule,
 *   every statement and call, and one test per error kind, comparing the
 *   whole "FILE:LINE:COL: message" text.
 * Left out: running anything (cli/run.c has its own tests).
 */
#include "sim_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim/boot.h"
#include "kernels.h"
#include "script.h"

static struct script_error err;

/* Parses text as "t.scn"; the test fails on the spot if it does not parse. */
static struct script *parse_ok(const char *text)
{
	struct script *s = script_parse("t.scn", text, strlen(text), &err);

	if (!s)
		print_error("unexpected parse error: %s\n", err.msg);
	assert_non_null(s);
	return s;
}

/* The error message text gives, or a note that it parsed. */
static const char *parse_error(const char *text)
{
	struct script *s = script_parse("t.scn", text, strlen(text), &err);

	if (s) {
		script_free(s);
		return "(parsed without error)";
	}
	return err.msg;
}

/* what cli_check_injects says of a script that parses: "" when nothing */
static const char *inject_error(const char *text)
{
	static char msg[512];
	struct script *s = script_parse("t.scn", text, strlen(text), &err);
	FILE *out = fmemopen(msg, sizeof(msg), "w");

	assert_non_null(s);
	assert_non_null(out);
	setbuf(out, NULL);
	memset(msg, 0, sizeof(msg));
	cli_check_injects(s, out);
	fclose(out);
	script_free(s);
	return msg;
}

static const struct script_stmt *stmt(const struct script *s, size_t i,
				      enum script_stmt_kind kind)
{
	assert_true(i < s->nstmts);
	assert_int_equal(s->stmts[i].kind, kind);
	return &s->stmts[i];
}

static const struct script_call *call(const struct script *s, size_t i,
				      enum script_call_kind kind)
{
	const struct script_stmt *st = stmt(s, i, SCRIPT_STMT_CALL);

	assert_int_equal(st->call.kind, kind);
	return &st->call;
}

static void assert_int_value(const struct script_value *v, long long num)
{
	assert_int_equal(v->kind, SCRIPT_VALUE_INT);
	assert_true(v->num == num);
}

static void assert_var_value(const struct script_value *v, const char *name,
			     enum script_field field, long long offset)
{
	assert_int_equal(v->kind, SCRIPT_VALUE_VAR);
	assert_string_equal(v->var, name);
	assert_int_equal(v->field, field);
	assert_true(v->offset == offset);
}

static void assert_str_value(const struct script_value *v, const char *bytes,
			     size_t len)
{
	assert_int_equal(v->kind, SCRIPT_VALUE_STRING);
	assert_int_equal(v->len, len);
	assert_memory_equal(v->str, bytes, len);
	assert_int_equal(v->str[len], '\0');
}

/* The first argument of a one-call script "task A\nA: shmdt WORD". */
static long long shmdt_arg(const char *word)
{
	char text[256];
	struct script *s;
	long long v;

	snprintf(text, sizeof(text), "task A\nA: shmdt %s\n", word);
	s = parse_ok(text);
	assert_int_equal(call(s, 1, SCRIPT_CALL_SHMDT)->args[0].kind,
			 SCRIPT_VALUE_INT);
	v = call(s, 1, SCRIPT_CALL_SHMDT)->args[0].num;
	script_free(s);
	return v;
}

static const char *shmdt_error(const char *word)
{
	static char text[256];

	snprintf(text, sizeof(text), "task A\nA: shmdt %s\n", word);
	return parse_error(text);
}

/* scenario-language.md, "Example", as written there */
static const char example[] =
	"# two processes share a segment, as in the writer/reader example\n"
	"task A uid=1000 gid=1000\n"
	"task B uid=1000 gid=1000\n"
	"A: shmget 0x4d2 2052 IPC_CREAT|0666 -> id\n"
	"A: shmat $id 0 0 -> a\n"
	"A: write $a \"hello\\0\"\n"
	"B: shmget 0x4d2 2052 0666 -> id2 => $id\n"
	"B: shmat $id2 0 SHM_RDONLY -> b\n"
	"B: read $b 5 => \"hello\"\n"
	"B: write $b \"x\" => SIGSEGV\n"
	"A: shmctl $id IPC_STAT -> st\n"
	"expect $st.shm_nattch == 1\n"
	"show maps A\n"
	"A: shmctl $id IPC_RMID\n"
	"A: shmdt $a\n"
	"show ipcs\n";

static void test_script_parse__contract_example(void **state)
{
	const struct script_stmt *st;
	const struct script_call *c;
	struct script *s;

	(void)state;
	s = parse_ok(example);
	assert_string_equal(s->file, "t.scn");
	assert_int_equal(s->nstmts, 15);
	assert_int_equal(s->ntasks, 2);
	assert_string_equal(s->tasks[0], "A");
	assert_string_equal(s->tasks[1], "B");
	assert_true(s->machine.ram == 16 << 20);
	assert_true(s->machine.swap == 16 << 20);
	assert_int_equal(s->machine.kernel, SCRIPT_KERNEL_2_4);

	st = stmt(s, 0, SCRIPT_STMT_TASK);
	assert_int_equal(st->line, 2);
	assert_int_equal(st->col, 1);
	assert_string_equal(st->text, "task A uid=1000 gid=1000");
	assert_string_equal(st->task.name, "A");
	assert_int_equal(st->task.slot, 0);
	assert_int_equal(st->task.uid, 1000);
	assert_int_equal(st->task.gid, 1000);
	st = stmt(s, 1, SCRIPT_STMT_TASK);
	assert_string_equal(st->task.name, "B");
	assert_int_equal(st->task.slot, 1);

	c = call(s, 2, SCRIPT_CALL_SHMGET);
	assert_int_equal(s->stmts[2].line, 4);
	assert_string_equal(s->stmts[2].text,
			    "A: shmget 0x4d2 2052 IPC_CREAT|0666 -> id");
	assert_string_equal(c->task, "A");
	assert_int_equal(c->task_slot, 0);
	assert_int_equal(c->nargs, 3);
	assert_int_value(&c->args[0], 0x4d2);
	assert_int_value(&c->args[1], 2052);
	assert_int_value(&c->args[2], 01666);
	assert_string_equal(c->args[2].text, "IPC_CREAT|0666");
	assert_int_equal(c->args[2].line, 4);
	assert_int_equal(c->args[2].col, 22);
	assert_int_equal(c->result, SCRIPT_CAPTURE_SCALAR);
	assert_string_equal(c->capture, "id");
	assert_int_equal(c->capture_slot, 0);
	assert_int_equal(c->capture_col, 40);
	assert_int_equal(c->outcome.kind, SCRIPT_OUTCOME_NONE);

	c = call(s, 3, SCRIPT_CALL_SHMAT);
	assert_var_value(&c->args[0], "id", SCRIPT_FIELD_NONE, 0);
	assert_int_equal(c->args[0].slot, 0);
	assert_int_equal(c->args[0].var_kind, SCRIPT_CAPTURE_SCALAR);
	assert_int_value(&c->args[1], 0);
	assert_int_value(&c->args[2], 0);
	assert_string_equal(c->capture, "a");
	assert_int_equal(c->capture_slot, 1);

	c = call(s, 4, SCRIPT_CALL_WRITE);
	assert_int_equal(c->nargs, 2);
	assert_var_value(&c->args[0], "a", SCRIPT_FIELD_NONE, 0);
	assert_str_value(&c->args[1], "hello\0", 6);
	assert_null(c->capture);

	c = call(s, 5, SCRIPT_CALL_SHMGET);
	assert_string_equal(c->task, "B");
	assert_int_equal(c->task_slot, 1);
	assert_int_value(&c->args[2], 0666);
	assert_string_equal(c->capture, "id2");
	assert_int_equal(c->outcome.kind, SCRIPT_OUTCOME_VALUE);
	assert_var_value(&c->outcome.value, "id", SCRIPT_FIELD_NONE, 0);
	assert_int_equal(c->outcome.col, 37);

	c = call(s, 6, SCRIPT_CALL_SHMAT);
	assert_var_value(&c->args[0], "id2", SCRIPT_FIELD_NONE, 0);
	assert_int_value(&c->args[2], 010000);

	c = call(s, 7, SCRIPT_CALL_READ);
	assert_var_value(&c->args[0], "b", SCRIPT_FIELD_NONE, 0);
	assert_int_value(&c->args[1], 5);
	assert_int_equal(c->result, SCRIPT_CAPTURE_STRING);
	assert_int_equal(c->outcome.kind, SCRIPT_OUTCOME_VALUE);
	assert_str_value(&c->outcome.value, "hello", 5);

	c = call(s, 8, SCRIPT_CALL_WRITE);
	assert_str_value(&c->args[1], "x", 1);
	assert_int_equal(c->outcome.kind, SCRIPT_OUTCOME_SIGNAL);
	assert_int_equal(c->outcome.signo, SCRIPT_SIGSEGV);
	assert_string_equal(c->outcome.text, "SIGSEGV");

	c = call(s, 9, SCRIPT_CALL_SHMCTL);
	assert_int_value(&c->args[1], 2);
	assert_int_equal(c->result, SCRIPT_CAPTURE_SHMID_DS);
	assert_string_equal(c->capture, "st");
	assert_int_equal(c->uid.kind, SCRIPT_VALUE_NONE);

	st = stmt(s, 10, SCRIPT_STMT_EXPECT);
	assert_int_equal(st->line, 12);
	assert_var_value(&st->expect.lhs, "st", SCRIPT_FIELD_SHM_NATTCH, 0);
	assert_int_equal(st->expect.lhs.var_kind, SCRIPT_CAPTURE_SHMID_DS);
	assert_int_equal(st->expect.op, SCRIPT_OP_EQ);
	assert_int_equal(st->expect.op_col, 23);
	assert_int_value(&st->expect.rhs, 1);

	st = stmt(s, 11, SCRIPT_STMT_SHOW);
	assert_int_equal(st->show.what, SCRIPT_SHOW_MAPS);
	assert_string_equal(st->show.task, "A");
	assert_int_equal(st->show.task_slot, 0);

	c = call(s, 12, SCRIPT_CALL_SHMCTL);
	assert_int_value(&c->args[1], 0);
	assert_int_equal(c->result, SCRIPT_CAPTURE_SCALAR);
	c = call(s, 13, SCRIPT_CALL_SHMDT);
	assert_int_equal(c->nargs, 1);
	assert_var_value(&c->args[0], "a", SCRIPT_FIELD_NONE, 0);
	st = stmt(s, 14, SCRIPT_STMT_SHOW);
	assert_int_equal(st->show.what, SCRIPT_SHOW_IPCS);
	assert_null(st->show.task);
	assert_int_equal(st->line, 16);

	assert_int_equal(s->nvars, 5);
	assert_string_equal(s->vars[4], "st");
	script_free(s);
}

/* Lexical rules */

static void test_script_parse__decimal_integer(void **state)
{
	(void)state;
	assert_true(shmdt_arg("2052") == 2052);
	assert_true(shmdt_arg("0") == 0);
	assert_true(shmdt_arg("9223372036854775807") == 9223372036854775807LL);
}

static void test_script_parse__hex_integer(void **state)
{
	(void)state;
	assert_true(shmdt_arg("0x4d2") == 0x4d2);
	assert_true(shmdt_arg("0X4D2") == 0x4d2);
	assert_true(shmdt_arg("0xC0000000") == 0xC0000000LL);
}

static void test_script_parse__octal_integer(void **state)
{
	(void)state;
	assert_true(shmdt_arg("0666") == 438);
	assert_true(shmdt_arg("00") == 0);
	assert_true(shmdt_arg("01777") == 1023);
}

static void test_script_parse__negative_integer(void **state)
{
	(void)state;
	assert_true(shmdt_arg("-1") == -1);
	assert_true(shmdt_arg("-0x10") == -16);
	assert_true(shmdt_arg("-010") == -8);
	assert_true(shmdt_arg("-4K") == -4096);
	assert_true(shmdt_arg("-0") == 0);
}

static void test_script_parse__size_suffixes(void **state)
{
	(void)state;
	assert_true(shmdt_arg("64K") == 65536);
	assert_true(shmdt_arg("16M") == 16 << 20);
	assert_true(shmdt_arg("3G") == 3LL << 30);
	assert_true(shmdt_arg("0x10K") == 16 << 10);
	assert_true(shmdt_arg("010K") == 8 << 10);
}

static void test_script_parse__integers_span_64_bits(void **state)
{
	(void)state;
	/* above 2^63-1: the two's complement bit pattern, as C converts */
	assert_true(shmdt_arg("0xffffffffffffffff") == -1);
	assert_true(shmdt_arg("18446744073709551615") == -1);
	assert_true(shmdt_arg("-9223372036854775808") == INT64_MIN);
	assert_true(shmdt_arg("8589934591G") ==
		    (long long)(8589934591ULL << 30));
}

static void test_script_parse__flag_expressions(void **state)
{
	struct script *s;

	(void)state;
	s = parse_ok("task A\n"
		     "A: shmget IPC_PRIVATE 4096 IPC_CREAT|IPC_EXCL|0600\n"
		     "A: mmap 0 8K PROT_READ|PROT_WRITE "
		     "MAP_SHARED|MAP_ANONYMOUS\n"
		     "A: mmap 0x40000000 4K PROT_NONE "
		     "MAP_PRIVATE|MAP_ANON|MAP_FIXED\n"
		     "A: shmat 1 0 SHM_RDONLY|SHM_RND|SHM_REMAP\n"
		     "A: shmget 1 1 SHM_HUGETLB|IPC_NOWAIT\n"
		     "A: shmctl 1 IPC_STAT|IPC_64\n"
		     "A: mprotect 0 4K PROT_EXEC|1|0x2\n"
		     "A: shmget -1|IPC_PRIVATE 1 0\n");
	assert_int_value(&call(s, 1, SCRIPT_CALL_SHMGET)->args[0], 0);
	assert_int_value(&call(s, 1, SCRIPT_CALL_SHMGET)->args[2], 03600);
	assert_int_value(&call(s, 2, SCRIPT_CALL_MMAP)->args[2], 3);
	assert_int_value(&call(s, 2, SCRIPT_CALL_MMAP)->args[3], 0x21);
	assert_int_value(&call(s, 3, SCRIPT_CALL_MMAP)->args[2], 0);
	assert_int_value(&call(s, 3, SCRIPT_CALL_MMAP)->args[3], 0x32);
	assert_int_value(&call(s, 4, SCRIPT_CALL_SHMAT)->args[2], 070000);
	assert_int_value(&call(s, 5, SCRIPT_CALL_SHMGET)->args[2], 04000);
	assert_int_value(&call(s, 6, SCRIPT_CALL_SHMCTL)->args[1], 0x102);
	assert_int_equal(call(s, 6, SCRIPT_CALL_SHMCTL)->result,
			 SCRIPT_CAPTURE_SHMID_DS);
	assert_int_value(&call(s, 7, SCRIPT_CALL_MPROTECT)->args[2], 7);
	assert_int_value(&call(s, 8, SCRIPT_CALL_SHMGET)->args[0], -1);
	script_free(s);
}

static void test_script_parse__variable_forms(void **state)
{
	const struct script_call *c;
	struct script *s;

	(void)state;
	s = parse_ok("task A\n"
		     "A: shmget 0 4096 0600 -> id\n"
		     "A: shmat $id 0 0 -> a\n"
		     "A: munmap $a+4K $a-1\n"
		     "A: munmap $a+0x10 $a\n"
		     "A: shmctl $id IPC_STAT -> st\n"
		     "A: munmap $st.shm_segsz+1 $st.shm_segsz-0x1000\n"
		     "A: shmdt $a->x\n");
	c = call(s, 3, SCRIPT_CALL_MUNMAP);
	assert_var_value(&c->args[0], "a", SCRIPT_FIELD_NONE, 4096);
	assert_var_value(&c->args[1], "a", SCRIPT_FIELD_NONE, -1);
	assert_string_equal(c->args[0].text, "$a+4K");
	c = call(s, 4, SCRIPT_CALL_MUNMAP);
	assert_var_value(&c->args[0], "a", SCRIPT_FIELD_NONE, 16);
	c = call(s, 6, SCRIPT_CALL_MUNMAP);
	assert_var_value(&c->args[0], "st", SCRIPT_FIELD_SHM_SEGSZ, 1);
	assert_var_value(&c->args[1], "st", SCRIPT_FIELD_SHM_SEGSZ, -4096);
	assert_int_equal(c->args[1].var_kind, SCRIPT_CAPTURE_SHMID_DS);
	c = call(s, 7, SCRIPT_CALL_SHMDT);	/* "->" ends the variable */
	assert_var_value(&c->args[0], "a", SCRIPT_FIELD_NONE, 0);
	assert_string_equal(c->capture, "x");
	script_free(s);
	/* "->" right after a variable ends it */
	assert_string_equal(parse_error("task A\nA: shmat 1 0 0 -> a\n"
					"A: munmap $a->x\n"),
			    "t.scn:3:13: expected LEN, got \"->\" "
			    "(usage: munmap ADDR LEN)");
}

static void test_script_parse__string_escapes(void **state)
{
	struct script *s;

	(void)state;
	s = parse_ok("task A\n"
		     "A: write 0 \"a\\nb\\tc\\\\d\\\"e\\x41\\x7e\"\n"
		     "A: write 0 \"# not a comment\" # a comment\n"
		     "A: write 0 \"\"\n"
		     "A: write 0 \"\\xff\\xFF\"\n");
	assert_str_value(&call(s, 1, SCRIPT_CALL_WRITE)->args[1],
			 "a\nb\tc\\d\"eA~", 11);
	assert_string_equal(call(s, 1, SCRIPT_CALL_WRITE)->args[1].text,
			    "\"a\\nb\\tc\\\\d\\\"e\\x41\\x7e\"");
	assert_str_value(&call(s, 2, SCRIPT_CALL_WRITE)->args[1],
			 "# not a comment", 15);
	assert_str_value(&call(s, 3, SCRIPT_CALL_WRITE)->args[1], "", 0);
	assert_str_value(&call(s, 4, SCRIPT_CALL_WRITE)->args[1],
			 "\xff\xff", 2);
	script_free(s);
}

static void test_script_parse__string_nul_bytes(void **state)
{
	struct script *s;

	(void)state;
	s = parse_ok("task A\n"
		     "A: write 0 \"a\\x00b\\0c\"\n");
	assert_str_value(&call(s, 1, SCRIPT_CALL_WRITE)->args[1],
			 "a\0b\0c", 5);
	script_free(s);
}

static void test_script_parse__comments(void **state)
{
	struct script *s;

	(void)state;
	s = parse_ok("# whole line\n"
		     "   # indented\n"
		     "task A # after a statement\n"
		     "A: shmdt 5#no blank needed\n"
		     "#\n");
	assert_int_equal(s->nstmts, 2);
	assert_string_equal(s->stmts[0].text, "task A");
	assert_int_equal(s->stmts[0].line, 3);
	assert_string_equal(s->stmts[1].text, "A: shmdt 5");
	assert_int_value(&call(s, 1, SCRIPT_CALL_SHMDT)->args[0], 5);
	script_free(s);
}

static void test_script_parse__blank_lines(void **state)
{
	struct script *s;

	(void)state;
	s = parse_ok("\n\n   \n\t\ntask A\r\n\r\n  boot  \n\n");
	assert_int_equal(s->nstmts, 2);
	assert_int_equal(stmt(s, 0, SCRIPT_STMT_TASK)->line, 5);
	assert_int_equal(stmt(s, 1, SCRIPT_STMT_BOOT)->line, 7);
	assert_int_equal(s->stmts[1].col, 3);
	assert_string_equal(s->stmts[1].text, "boot");
	script_free(s);
	s = parse_ok("");
	assert_int_equal(s->nstmts, 0);
	script_free(s);
}

static void test_script_parse__last_line_needs_no_newline(void **state)
{
	struct script *s;

	(void)state;
	s = parse_ok("task A\nA: shmdt 0x10");
	assert_int_value(&call(s, 1, SCRIPT_CALL_SHMDT)->args[0], 16);
	script_free(s);
}

static void test_script_parse__tab_counts_one_column(void **state)
{
	(void)state;
	assert_string_equal(parse_error("\tbogus\n"),
			    "t.scn:1:2: unknown statement \"bogus\" (expected "
			    "machine, boot, task, expect, show, dot, trace, "
			    "sleep, pressure, inject or NAME: CALL)");
}

static void test_script_lex_int__evaluates_and_explains(void **state)
{
	const char *why = NULL;
	long long v;

	(void)state;
	assert_int_equal(script_lex_int("0x1fK", 5, &v, &why), 0);
	assert_true(v == 0x1f << 10);
	assert_int_equal(script_lex_int("1Q", 2, &v, &why), -1);
	assert_string_equal(why, "expected digits and an optional K, M or G "
			    "suffix");
}

/* Statements */

static void test_script_parse__machine_defaults(void **state)
{
	struct script *s;

	(void)state;
	s = parse_ok("boot\n");
	assert_true(s->machine.ram == 16ULL << 20);
	assert_true(s->machine.swap == 16ULL << 20);
	assert_int_equal(s->machine.kernel, SCRIPT_KERNEL_2_4);
	script_free(s);
}

static void test_script_parse__machine_twice_later_wins(void **state)
{
	const struct script_stmt *st;
	struct script *s;

	(void)state;
	s = parse_ok("# header\n"
		     "machine ram=64M swap=0\n"
		     "\n"
		     "machine kernel=2.6 ram=32M\n"
		     "boot\n");
	assert_true(s->machine.ram == 32ULL << 20);
	assert_true(s->machine.swap == 0);
	assert_int_equal(s->machine.kernel, SCRIPT_KERNEL_2_6);
	st = stmt(s, 0, SCRIPT_STMT_MACHINE);
	assert_true(st->machine.has_ram && st->machine.has_swap);
	assert_false(st->machine.has_kernel);
	assert_true(st->machine.set.ram == 64ULL << 20);
	st = stmt(s, 1, SCRIPT_STMT_MACHINE);
	assert_true(st->machine.has_kernel && st->machine.has_ram);
	assert_false(st->machine.has_swap);
	stmt(s, 2, SCRIPT_STMT_BOOT);
	script_free(s);
}

static void test_script_parse__simple_statements(void **state)
{
	struct script *s;

	(void)state;
	s = parse_ok("boot\n"
		     "trace off\n"
		     "trace on\n"
		     "sleep 5\n"
		     "pressure 0x100\n"
		     "dot out/state.dot\n"
		     "dot \"with blank.dot\"\n"
		     "task default\n");
	stmt(s, 0, SCRIPT_STMT_BOOT);
	assert_int_equal(stmt(s, 1, SCRIPT_STMT_TRACE)->trace, 0);
	assert_int_equal(stmt(s, 2, SCRIPT_STMT_TRACE)->trace, 1);
	assert_true(stmt(s, 3, SCRIPT_STMT_SLEEP)->sleep == 5);
	assert_true(stmt(s, 4, SCRIPT_STMT_PRESSURE)->pressure == 256);
	assert_string_equal(stmt(s, 5, SCRIPT_STMT_DOT)->dot.file,
			    "out/state.dot");
	assert_string_equal(stmt(s, 6, SCRIPT_STMT_DOT)->dot.file,
			    "with blank.dot");
	assert_int_equal(stmt(s, 7, SCRIPT_STMT_TASK)->task.uid, 0);
	assert_int_equal(stmt(s, 7, SCRIPT_STMT_TASK)->task.gid, 0);
	script_free(s);
}

static void test_script_parse__inject_statements(void **state)
{
	const struct script_inject *in;
	struct script *s;

	(void)state;
	s = parse_ok("inject get_empty_filp ENFILE\n"
		     "inject kmalloc ENOMEM after=1\n"
		     "inject get_swap_page ENOSPC times=-1 after=0x10\n"
		     "inject __alloc_pages ENOMEM times=2\n"
		     "inject kmem_cache_alloc ENOSPC\n"
		     "inject d_alloc off\n"
		     "inject off\n");
	in = &stmt(s, 0, SCRIPT_STMT_INJECT)->inject;
	assert_string_equal(in->func, "get_empty_filp");
	assert_int_equal(in->err, ENFILE);
	assert_false(in->off);
	assert_true(in->after == 0 && in->times == 1);
	in = &stmt(s, 1, SCRIPT_STMT_INJECT)->inject;
	assert_string_equal(in->func, "kmalloc");
	assert_true(in->after == 1 && in->times == 1);
	in = &stmt(s, 2, SCRIPT_STMT_INJECT)->inject;
	assert_int_equal(in->err, ENOSPC);
	assert_true(in->after == 16 && in->times == -1);
	in = &stmt(s, 3, SCRIPT_STMT_INJECT)->inject;
	assert_string_equal(in->func, "alloc_page");	/* the alias */
	assert_true(in->times == 2);
	/* the inode's allocation: shmem_file_setup gives ENOSPC */
	assert_int_equal(stmt(s, 4, SCRIPT_STMT_INJECT)->inject.err, ENOSPC);
	in = &stmt(s, 5, SCRIPT_STMT_INJECT)->inject;
	assert_string_equal(in->func, "d_alloc");
	assert_true(in->off);
	in = &stmt(s, 6, SCRIPT_STMT_INJECT)->inject;
	assert_null(in->func);
	assert_true(in->off);
	script_free(s);
}

/* Version 2: patch=, the file-system calls and the two views */
static void test_script_parse__visibility_experiment(void **state)
{
	struct script *s;
	const struct script_call *c;

	(void)state;
	s = parse_ok("machine kernel=2.6 "
		     "patch=single-sb,user-mount,hashed-shm\n"
		     "task A\n"
		     "A: mkdir /mnt => 0\n"
		     "A: mkdir /mnt/shm 0700\n"
		     "A: mount none /mnt/shm tmpfs => 0\n"
		     "A: ls /mnt/shm => \"SYSV00000000 SYSV00000000\"\n"
		     "A: umount \"/mnt/shm\" => EINVAL\n"
		     "show mounts\n"
		     "show filesystems\n");
	assert_int_equal(s->machine.patches, SIM_PATCH_SINGLE_SB |
			 SIM_PATCH_USER_MOUNT | SIM_PATCH_HASHED_SHM);
	c = call(s, 2, SCRIPT_CALL_MKDIR);
	assert_int_equal(c->nargs, 1);	/* MODE left out: 0755 at run */
	assert_string_equal(c->args[0].str, "/mnt");
	c = call(s, 3, SCRIPT_CALL_MKDIR);
	assert_int_equal(c->nargs, 2);
	assert_int_equal(c->args[1].num, 0700);
	c = call(s, 4, SCRIPT_CALL_MOUNT);
	assert_string_equal(c->args[0].str, "none");
	assert_string_equal(c->args[1].str, "/mnt/shm");
	assert_string_equal(c->args[2].str, "tmpfs");
	c = call(s, 5, SCRIPT_CALL_LS);
	assert_int_equal(c->result, SCRIPT_CAPTURE_STRING);
	assert_string_equal(c->outcome.value.str, "SYSV00000000 SYSV00000000");
	c = call(s, 6, SCRIPT_CALL_UMOUNT);
	assert_string_equal(c->args[0].str, "/mnt/shm");
	assert_int_equal(stmt(s, 7, SCRIPT_STMT_SHOW)->show.what,
			 SCRIPT_SHOW_MOUNTS);
	assert_int_equal(stmt(s, 8, SCRIPT_STMT_SHOW)->show.what,
			 SCRIPT_SHOW_FILESYSTEMS);
	script_free(s);
	assert_string_equal(parse_error("machine patch=single-sb,hashd-shm\n"),
			    "t.scn:1:25: unknown patch \"hashd-shm\" (expected "
			    "single-sb, user-mount or hashed-shm, joined by "
			    "commas)");
	assert_string_equal(parse_error("machine "
					"patch=hashed-shm,hashed-shm\n"),
			    "t.scn:1:26: patch hashed-shm named twice");
	assert_string_equal(parse_error("task A\nA: mount none /mnt\n"),
			    "t.scn:2:19: expected FSTYPE, got end of line "
			    "(usage: mount SOURCE PATH FSTYPE)");
	assert_string_equal(parse_error("task A\nA: ls\n"),
			    "t.scn:2:6: expected PATH, got end of line "
			    "(usage: ls PATH)");
}

static void test_script_parse__inject_errors(void **state)
{
	(void)state;
	assert_string_equal(parse_error("inject\n"),
			    "t.scn:1:7: expected a function after \"inject\", "
			    "got end of line (expected off or one of kmalloc, "
			    "kmem_cache_alloc, vmalloc, alloc_page, "
			    "get_swap_page, vm_enough_memory, d_alloc, "
			    "get_empty_filp, new_inode)");
	/* a function or errno the running kernel refuses: before the run */
	assert_string_equal(inject_error("inject vm_area_alloc ENOMEM\n"),
			    "t.scn:1:8: unknown function \"vm_area_alloc\" "
			    "for inject (expected off or one of "
			    "kmalloc, kmem_cache_alloc, vmalloc, alloc_page, "
			    "get_swap_page, vm_enough_memory, d_alloc, "
			    "get_empty_filp, new_inode)\n");
	assert_string_equal(parse_error("inject get_empty_filp\n"),
			    "t.scn:1:22: expected an errno name or off after "
			    "\"inject get_empty_filp\", got end of line (a "
			    "failing get_empty_filp gives its callers ENFILE)");
	assert_string_equal(parse_error("inject d_alloc 12\n"),
			    "t.scn:1:16: expected an errno name or off after "
			    "\"inject d_alloc\", got \"12\" (a failing d_alloc "
			    "gives its callers ENOMEM)");
	assert_string_equal(parse_error("inject d_alloc ENOMEMORY\n"),
			    "t.scn:1:16: unknown errno \"ENOMEMORY\" (a "
			    "failing d_alloc gives its callers ENOMEM)");
	assert_string_equal(inject_error("inject get_empty_filp ENOMEM\n"),
			    "t.scn:1:23: get_empty_filp cannot fail with "
			    "ENOMEM in 2.4.16 (a failing get_empty_filp gives "
			    "its callers ENFILE)\n");
	assert_string_equal(inject_error("inject kmem_cache_alloc EPERM\n"),
			    "t.scn:1:25: kmem_cache_alloc cannot fail with "
			    "EPERM in 2.4.16 (a failing kmem_cache_alloc gives "
			    "its callers ENOMEM, ENFILE or ENOSPC)\n");
	/* ... and what it accepts passes */
	assert_string_equal(inject_error("inject d_alloc ENOMEM\n"), "");
	assert_string_equal(parse_error("inject kmalloc ENOMEM times=0\n"),
			    "t.scn:1:29: expected a count from 1 to "
			    "2147483647, or -1 for no limit, for times=, got \"0\"");
	assert_string_equal(parse_error("inject kmalloc ENOMEM times=-2\n"),
			    "t.scn:1:29: expected a count from 1 to "
			    "2147483647, or -1 for no limit, for times=, got \"-2\"");
	assert_string_equal(parse_error("inject kmalloc ENOMEM after=-1\n"),
			    "t.scn:1:29: expected a count from 0 to "
			    "2147483647 for after=, got "
			    "\"-1\"");
	assert_string_equal(parse_error("inject kmalloc ENOMEM after=1 "
					"after=2\n"),
			    "t.scn:1:31: duplicate option \"after=\" (already "
			    "given on this line)");
	assert_string_equal(parse_error("inject kmalloc ENOMEM every=2\n"),
			    "t.scn:1:23: unknown option \"every=\" for inject "
			    "(expected after= or times=)");
	assert_string_equal(parse_error("inject kmalloc ENOMEM 2\n"),
			    "t.scn:1:23: expected after=, times= or end of "
			    "line, got \"2\"");
	assert_string_equal(parse_error("inject kmalloc off times=2\n"),
			    "t.scn:1:20: expected end of line, got \"times=\"");
	assert_string_equal(parse_error("inject off kmalloc\n"),
			    "t.scn:1:12: expected end of line, got "
			    "\"kmalloc\"");
}

static void test_script_parse__show_views(void **state)
{
	struct script *s;
	const struct script_stmt *st;

	(void)state;
	s = parse_ok("task A\n"
		     "A: shmget 0 1 0 -> id\n"
		     "show ipcs\nshow sysvipc\nshow maps A\nshow meminfo\n"
		     "show vmas A\nshow dcache\nshow pagecache $id\n"
		     "show swap\nshow objects\nshow pagecache 32768\n");
	assert_int_equal(stmt(s, 2, SCRIPT_STMT_SHOW)->show.what,
			 SCRIPT_SHOW_IPCS);
	assert_int_equal(stmt(s, 3, SCRIPT_STMT_SHOW)->show.what,
			 SCRIPT_SHOW_SYSVIPC);
	assert_int_equal(stmt(s, 5, SCRIPT_STMT_SHOW)->show.what,
			 SCRIPT_SHOW_MEMINFO);
	st = stmt(s, 6, SCRIPT_STMT_SHOW);
	assert_int_equal(st->show.what, SCRIPT_SHOW_VMAS);
	assert_string_equal(st->show.task, "A");
	assert_int_equal(stmt(s, 7, SCRIPT_STMT_SHOW)->show.what,
			 SCRIPT_SHOW_DCACHE);
	st = stmt(s, 8, SCRIPT_STMT_SHOW);
	assert_int_equal(st->show.what, SCRIPT_SHOW_PAGECACHE);
	assert_var_value(&st->show.shmid, "id", SCRIPT_FIELD_NONE, 0);
	assert_int_equal(stmt(s, 9, SCRIPT_STMT_SHOW)->show.what,
			 SCRIPT_SHOW_SWAP);
	assert_int_equal(stmt(s, 10, SCRIPT_STMT_SHOW)->show.what,
			 SCRIPT_SHOW_OBJECTS);
	assert_int_value(&stmt(s, 11, SCRIPT_STMT_SHOW)->show.shmid, 32768);
	assert_string_equal(script_show_name(SCRIPT_SHOW_PAGECACHE),
			    "pagecache");
	script_free(s);
}

static void test_script_parse__expect_operators(void **state)
{
	static const char *const names[] = {
		"==", "!=", "<", "<=", ">", ">=", "<", "==",
	};
	static const enum script_op ops[] = {
		SCRIPT_OP_EQ, SCRIPT_OP_NE, SCRIPT_OP_LT, SCRIPT_OP_LE,
		SCRIPT_OP_GT, SCRIPT_OP_GE, SCRIPT_OP_LT, SCRIPT_OP_EQ,
	};
	struct script *s;
	size_t i;

	(void)state;
	s = parse_ok("task A\n"
		     "A: shmget 0 1 0 -> id\n"
		     "A: read 0 1 -> r\n"
		     "expect $id == 0\n"
		     "expect $id != -1\n"
		     "expect 1 < 2\n"
		     "expect $id <= IPC_CREAT|7\n"
		     "expect 0x10 > $id+1\n"
		     "expect $id >= 0\n"
		     "expect $id<$id+1\n"
		     "expect $r == \"a\\0\"\n");
	for (i = 0; i < 8; i++) {
		assert_int_equal(stmt(s, 3 + i, SCRIPT_STMT_EXPECT)->expect.op,
				 ops[i]);
		assert_string_equal(script_op_name(ops[i]), names[i]);
	}
	assert_int_value(&s->stmts[6].expect.rhs, 01007);
	assert_int_value(&s->stmts[7].expect.lhs, 16);
	assert_var_value(&s->stmts[7].expect.rhs, "id", SCRIPT_FIELD_NONE, 1);
	assert_true(script_value_is_string(&s->stmts[10].expect.lhs));
	assert_str_value(&s->stmts[10].expect.rhs, "a\0", 2);
	script_free(s);
}

static void test_script_parse__every_call(void **state)
{
	const struct script_call *c;
	struct script *s;

	(void)state;
	s = parse_ok("task A\n"
		     "A: mmap 0 8K PROT_READ MAP_PRIVATE|MAP_ANONYMOUS -> m\n"
		     "A: munmap $m 4K => 0\n"
		     "A: mprotect $m+4K 4K PROT_READ => ok\n"
		     "A: fill $m 100 0xff -> n\n"
		     "A: read $m 3\n"
		     "A: touch $m 8K\n"
		     "A: touch $m 8K read -> pages => 2\n"
		     "A: touch $m 8K write\n"
		     "A: fork B -> pid\n"
		     "B: exit => ok\n"
		     "B: exit\n"
		     "show maps B\n");
	c = call(s, 1, SCRIPT_CALL_MMAP);
	assert_int_equal(c->nargs, 4);
	assert_int_value(&c->args[1], 8192);
	c = call(s, 2, SCRIPT_CALL_MUNMAP);
	assert_int_equal(c->outcome.kind, SCRIPT_OUTCOME_VALUE);
	assert_int_value(&c->outcome.value, 0);
	c = call(s, 3, SCRIPT_CALL_MPROTECT);
	assert_int_equal(c->outcome.kind, SCRIPT_OUTCOME_OK);
	c = call(s, 4, SCRIPT_CALL_FILL);
	assert_int_value(&c->args[2], 255);
	assert_int_equal(c->result, SCRIPT_CAPTURE_SCALAR);
	c = call(s, 5, SCRIPT_CALL_READ);
	assert_int_equal(c->result, SCRIPT_CAPTURE_STRING);
	c = call(s, 6, SCRIPT_CALL_TOUCH);
	assert_int_equal(c->nargs, 2);
	assert_int_equal(c->touch, SCRIPT_TOUCH_WRITE);
	c = call(s, 7, SCRIPT_CALL_TOUCH);
	assert_int_equal(c->touch, SCRIPT_TOUCH_READ);
	assert_int_value(&c->outcome.value, 2);
	c = call(s, 8, SCRIPT_CALL_TOUCH);
	assert_int_equal(c->touch, SCRIPT_TOUCH_WRITE);
	c = call(s, 9, SCRIPT_CALL_FORK);
	assert_int_equal(c->nargs, 0);
	assert_string_equal(c->child, "B");
	assert_int_equal(c->child_slot, 1);
	assert_string_equal(c->capture, "pid");
	c = call(s, 10, SCRIPT_CALL_EXIT);
	assert_string_equal(c->task, "B");
	assert_int_equal(c->task_slot, 1);
	assert_int_equal(c->result, SCRIPT_CAPTURE_NONE);
	/* a task that exited may still be named: the runner reports it */
	call(s, 11, SCRIPT_CALL_EXIT);
	assert_string_equal(stmt(s, 12, SCRIPT_STMT_SHOW)->show.task, "B");
	assert_int_equal(s->ntasks, 2);
	script_free(s);
}

static void test_script_parse__shmctl_options(void **state)
{
	const struct script_call *c;
	struct script *s;

	(void)state;
	s = parse_ok("task A\n"
		     "A: shmget 0 1 0 -> id\n"
		     "A: shmctl $id IPC_SET uid=1000 mode=0600\n"
		     "A: shmctl $id IPC_SET gid=$id uid=-1 => EPERM\n"
		     "A: shmctl mode=0 $id IPC_SET\n");
	c = call(s, 2, SCRIPT_CALL_SHMCTL);
	assert_int_value(&c->args[1], 1);
	assert_int_value(&c->uid, 1000);
	assert_int_equal(c->gid.kind, SCRIPT_VALUE_NONE);
	assert_int_value(&c->mode, 0600);
	c = call(s, 3, SCRIPT_CALL_SHMCTL);
	assert_var_value(&c->gid, "id", SCRIPT_FIELD_NONE, 0);
	assert_int_value(&c->uid, -1);
	assert_int_equal(c->outcome.kind, SCRIPT_OUTCOME_ERRNO);
	assert_int_equal(c->outcome.err, 1);
	assert_string_equal(c->outcome.text, "EPERM");
	c = call(s, 4, SCRIPT_CALL_SHMCTL);
	assert_int_equal(c->nargs, 2);
	assert_int_value(&c->mode, 0);
	script_free(s);
}

static void test_script_parse__capture_kinds(void **state)
{
	const struct script_stmt *st;
	struct script *s;

	(void)state;
	s = parse_ok("task A\n"
		     "A: shmctl 0 SHM_STAT -> st\n"
		     "A: shmctl 0 IPC_INFO -> info\n"
		     "A: shmctl 0 SHM_INFO|IPC_64 -> si\n"
		     "A: shmctl 0 $st -> x\n"
		     "A: shmctl 0 3 -> y\n"
		     "A: shmctl 0 SHM_LOCK -> z\n"
		     "expect $st.key == $st.seq\n"
		     "expect $info.shmmax >= $info.shmall\n"
		     "expect $si.swap_successes <= $si.used_ids\n"
		     "expect $y.shmseg == $st\n");
	assert_int_equal(call(s, 1, SCRIPT_CALL_SHMCTL)->result,
			 SCRIPT_CAPTURE_SHMID_DS);
	assert_int_equal(call(s, 2, SCRIPT_CALL_SHMCTL)->result,
			 SCRIPT_CAPTURE_SHMINFO);
	assert_int_equal(call(s, 3, SCRIPT_CALL_SHMCTL)->result,
			 SCRIPT_CAPTURE_SHM_INFO);
	assert_int_equal(call(s, 4, SCRIPT_CALL_SHMCTL)->result,
			 SCRIPT_CAPTURE_SCALAR);
	assert_int_equal(call(s, 5, SCRIPT_CALL_SHMCTL)->result,
			 SCRIPT_CAPTURE_SHMINFO);
	assert_int_equal(call(s, 6, SCRIPT_CALL_SHMCTL)->result,
			 SCRIPT_CAPTURE_SCALAR);
	st = stmt(s, 7, SCRIPT_STMT_EXPECT);
	assert_var_value(&st->expect.lhs, "st", SCRIPT_FIELD_KEY, 0);
	assert_var_value(&st->expect.rhs, "st", SCRIPT_FIELD_SEQ, 0);
	st = stmt(s, 8, SCRIPT_STMT_EXPECT);
	assert_var_value(&st->expect.lhs, "info", SCRIPT_FIELD_SHMMAX, 0);
	assert_int_equal(st->expect.lhs.var_kind, SCRIPT_CAPTURE_SHMINFO);
	st = stmt(s, 9, SCRIPT_STMT_EXPECT);
	assert_var_value(&st->expect.lhs, "si", SCRIPT_FIELD_SWAP_SUCCESSES, 0);
	/* a struct capture without a field is the call's return value */
	st = stmt(s, 10, SCRIPT_STMT_EXPECT);
	assert_var_value(&st->expect.rhs, "st", SCRIPT_FIELD_NONE, 0);
	assert_false(script_value_is_string(&st->expect.rhs));
	assert_string_equal(script_field_name(SCRIPT_FIELD_SHM_NATTCH),
			    "shm_nattch");
	script_free(s);
}

static void test_script_parse__recapture_changes_kind(void **state)
{
	const struct script_stmt *st;
	struct script *s;

	(void)state;
	s = parse_ok("task A\n"
		     "A: shmctl 0 IPC_STAT -> v\n"
		     "expect $v.mode == SHM_DEST|0600\n"
		     "A: read 0 1 -> v\n"
		     "expect $v == \"x\"\n");
	assert_int_equal(s->nvars, 1);
	assert_int_equal(call(s, 3, SCRIPT_CALL_READ)->capture_slot, 0);
	st = stmt(s, 2, SCRIPT_STMT_EXPECT);
	assert_int_equal(st->expect.lhs.var_kind, SCRIPT_CAPTURE_SHMID_DS);
	assert_int_value(&st->expect.rhs, 01600);
	st = stmt(s, 4, SCRIPT_STMT_EXPECT);
	assert_int_equal(st->expect.lhs.var_kind, SCRIPT_CAPTURE_STRING);
	script_free(s);
	assert_string_equal(parse_error("task A\n"
					"A: shmctl 0 IPC_STAT -> v\n"
					"A: shmget 0 1 0 -> v\n"
					"expect $v.mode == 0\n"),
			    "t.scn:4:8: \"$v\" has no field \"mode\" (it holds "
			    "the integer value of shmget on line 3, not a "
			    "struct)");
}

static void test_script_parse__outcomes(void **state)
{
	const struct script_call *c;
	struct script *s;

	(void)state;
	s = parse_ok("task A\n"
		     "A: shmget 0 1 0 => ENOENT\n"
		     "A: shmget 0 1 0 => EIDRM\n"
		     "A: shmget 0 1 0 => EWOULDBLOCK\n"
		     "A: write 0 \"x\" => SIGBUS\n"
		     "A: shmget 0 1 0 => -1\n"
		     "A: read 0 2 -> r => \"\\x00a\"\n"
		     "A: read 0 2 => $r\n"
		     "A: shmat 0 0 0 => IPC_PRIVATE|0x40000000\n"
		     "A: touch 0 1 => SIGKILL\n");
	c = call(s, 1, SCRIPT_CALL_SHMGET);
	assert_int_equal(c->outcome.kind, SCRIPT_OUTCOME_ERRNO);
	assert_int_equal(c->outcome.err, 2);
	assert_int_equal(c->outcome.line, 2);
	assert_int_equal(c->outcome.col, 20);
	assert_int_equal(call(s, 2, SCRIPT_CALL_SHMGET)->outcome.err, 43);
	assert_int_equal(call(s, 3, SCRIPT_CALL_SHMGET)->outcome.err, 11);
	c = call(s, 4, SCRIPT_CALL_WRITE);
	assert_int_equal(c->outcome.kind, SCRIPT_OUTCOME_SIGNAL);
	assert_int_equal(c->outcome.signo, SCRIPT_SIGBUS);
	assert_int_value(&call(s, 5, SCRIPT_CALL_SHMGET)->outcome.value, -1);
	c = call(s, 6, SCRIPT_CALL_READ);
	assert_str_value(&c->outcome.value, "\0a", 2);
	assert_string_equal(c->outcome.text, "\"\\x00a\"");
	c = call(s, 7, SCRIPT_CALL_READ);
	assert_var_value(&c->outcome.value, "r", SCRIPT_FIELD_NONE, 0);
	assert_true(script_value_is_string(&c->outcome.value));
	assert_int_value(&call(s, 8, SCRIPT_CALL_SHMAT)->outcome.value,
			 0x40000000);
	c = call(s, 9, SCRIPT_CALL_TOUCH);
	assert_int_equal(c->outcome.kind, SCRIPT_OUTCOME_SIGNAL);
	assert_int_equal(c->outcome.signo, SCRIPT_SIGKILL);
	script_free(s);
}

static void test_script_parse__task_names(void **state)
{
	struct script *s;

	(void)state;
	/* "NAME:" always starts a call, so keywords may name tasks */
	s = parse_ok("task show\n"
		     "task _a-1_b\n"
		     "show: fork child-2\n"
		     "child-2: shmdt 0\n"
		     "_a-1_b:shmdt 0\n"
		     "show maps show\n");
	assert_string_equal(call(s, 2, SCRIPT_CALL_FORK)->task, "show");
	assert_string_equal(call(s, 3, SCRIPT_CALL_SHMDT)->task, "child-2");
	assert_int_equal(call(s, 3, SCRIPT_CALL_SHMDT)->task_slot, 2);
	assert_string_equal(call(s, 4, SCRIPT_CALL_SHMDT)->task, "_a-1_b");
	assert_int_equal(stmt(s, 5, SCRIPT_STMT_SHOW)->show.task_slot, 0);
	script_free(s);
}

static void test_script_parse__flag_table_helpers(void **state)
{
	const struct script_flag *f;
	int n = 0;

	(void)state;
	assert_int_equal(script_arg_flags(SCRIPT_CALL_SHMGET, 2),
			 SCRIPT_FLAGS_SHMGET);
	assert_int_equal(script_arg_flags(SCRIPT_CALL_SHMGET, 1), 0);
	assert_int_equal(script_arg_flags(SCRIPT_CALL_MMAP, 3),
			 SCRIPT_FLAGS_MAP);
	assert_int_equal(script_arg_flags(SCRIPT_CALL_EXIT, 0), 0);
	for (f = script_flags; f->name; f++)
		if (f->sets & SCRIPT_FLAGS_MAP)
			n++;
	assert_int_equal(n, 5);
	assert_string_equal(script_call_name(SCRIPT_CALL_MPROTECT), "mprotect");
	assert_string_equal(script_call_usage(SCRIPT_CALL_TOUCH),
			    "touch ADDR LEN [read|write]");
}

static void test_script_parse_file__reads_a_file(void **state)
{
	char path[] = "/tmp/test_parse_XXXXXX";
	struct script *s;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, example, strlen(example)),
			 (ssize_t)strlen(example));
	close(fd);
	s = script_parse_file(path, &err);
	unlink(path);
	assert_non_null(s);
	assert_string_equal(s->file, path);
	assert_int_equal(s->nstmts, 15);
	script_free(s);
}

static void test_script_parse_file__dash_reads_stdin(void **state)
{
	char path[] = "/tmp/test_parse_XXXXXX";
	struct script *s;
	int fd, saved;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "bogus\n", 6), 6);
	lseek(fd, 0, SEEK_SET);
	saved = dup(0);
	dup2(fd, 0);
	close(fd);
	s = script_parse_file("-", &err);
	dup2(saved, 0);
	close(saved);
	clearerr(stdin);
	unlink(path);
	assert_null(s);
	assert_string_equal(err.msg, "<stdin>:1:1: unknown statement \"bogus\" "
			    "(expected machine, boot, task, expect, show, "
			    "dot, trace, sleep, pressure, inject or NAME: "
			    "CALL)");
}

static void test_script_parse_file__missing_file_is_an_error(void **state)
{
	(void)state;
	assert_null(script_parse_file("/nonexistent/x.scn", &err));
	assert_string_equal(err.msg, "/nonexistent/x.scn: cannot read: No such "
			    "file or directory");
	assert_int_equal(err.line, 0);
}

/* Errors: one test per kind, the whole message */

static void test_script_parse__unknown_statement_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("boot\nshmget 1 2 3\n"),
			    "t.scn:2:1: unknown statement \"shmget\" (expected "
			    "machine, boot, task, expect, show, dot, trace, "
			    "sleep, pressure, inject or NAME: CALL)");
	assert_string_equal(parse_error("$x 1\n"),
			    "t.scn:1:1: unknown statement \"$x\" (expected "
			    "machine, boot, task, expect, show, dot, trace, "
			    "sleep, pressure, inject or NAME: CALL)");
	assert_string_equal(parse_error("\"task\" A\n"),
			    "t.scn:1:1: unknown statement string \"task\" "
			    "(expected machine, boot, task, expect, show, dot, "
			    "trace, sleep, pressure, inject or NAME: CALL)");
}

static void test_script_parse__unknown_call_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\n\nA: shmgte 1 2 3\n"),
			    "t.scn:3:4: unknown call \"shmgte\" (expected one "
			    "of shmget, shmat, shmdt, shmctl, mmap, munmap, "
			    "mprotect, write, fill, read, touch, fork, exit, "
			    "mkdir, mount, umount, ls)");
}

static void test_script_parse__missing_call_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA:\n"),
			    "t.scn:2:3: expected a call after \"A:\" (one of "
			    "shmget, shmat, shmdt, shmctl, mmap, munmap, "
			    "mprotect, write, fill, read, touch, fork, exit, "
			    "mkdir, mount, umount, ls), got end of line");
}

static void test_script_parse__unknown_task_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nB: shmdt 0\n"),
			    "t.scn:2:1: unknown task \"B\" (expected a task "
			    "declared earlier by task or fork)");
	assert_string_equal(parse_error("task A\nshow vmas C\n"),
			    "t.scn:2:11: unknown task \"C\" (expected a task "
			    "declared earlier by task or fork)");
	/* fork declares the child from the next line on */
	assert_string_equal(parse_error("task A\nB: shmdt 0\nA: fork B\n"),
			    "t.scn:2:1: unknown task \"B\" (expected a task "
			    "declared earlier by task or fork)");
}

static void test_script_parse__duplicate_task_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\ntask B\ntask A uid=1\n"),
			    "t.scn:3:6: duplicate task \"A\" (already declared "
			    "on line 1)");
	assert_string_equal(parse_error("task A\nA: fork B\nA: fork B\n"),
			    "t.scn:3:9: duplicate task \"B\" (already declared "
			    "on line 2)");
}

static void test_script_parse__bad_task_name_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task 1a\n"),
			    "t.scn:1:6: bad task name \"1a\" (expected a "
			    "letter or _, then letters, digits, _ or -)");
	assert_string_equal(parse_error("task A\nA: fork B.c\n"),
			    "t.scn:2:9: bad task name \"B.c\" (expected a "
			    "letter or _, then letters, digits, _ or -)");
	assert_string_equal(parse_error("task\n"),
			    "t.scn:1:5: expected a task name after \"task\", "
			    "got end of line");
	assert_string_equal(parse_error("task A\nA: fork\n"),
			    "t.scn:2:8: expected CHILD, got end of line "
			    "(usage: fork CHILD)");
}

static void test_script_parse__unset_variable_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: shmat $id 0 0\n"),
			    "t.scn:2:10: unset variable \"$id\" (no earlier "
			    "line sets it with \"-> id\")");
	assert_string_equal(parse_error("expect $st.shm_nattch == 1\n"),
			    "t.scn:1:8: unset variable \"$st\" (no earlier "
			    "line sets it with \"-> st\")");
}

static void test_script_parse__capture_not_set_on_its_own_line(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: shmat $a 0 0 -> a\n"),
			    "t.scn:2:10: unset variable \"$a\" (no earlier "
			    "line sets it with \"-> a\")");
	assert_string_equal(parse_error("task A\n"
					"A: shmget 1 1 0 -> id => $id\n"),
			    "t.scn:2:26: unset variable \"$id\" (no earlier "
			    "line sets it with \"-> id\")");
}

static void test_script_parse__field_of_scalar_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\n"
					"A: shmget 1 1 0 -> id\n"
					"A: shmdt $id.shm_segsz\n"),
			    "t.scn:3:10: \"$id\" has no field \"shm_segsz\" "
			    "(it holds the integer value of shmget on line 2, "
			    "not a struct)");
	assert_string_equal(parse_error("task A\n"
					"A: read 0 1 -> r\n"
					"expect $r.len == 1\n"),
			    "t.scn:3:8: \"$r\" has no field \"len\" (it holds "
			    "the string of read on line 2, not a struct)");
	/* a $var CMD makes shmctl's capture a scalar */
	assert_string_equal(parse_error("task A\n"
					"A: shmget 1 1 0 -> cmd\n"
					"A: shmctl 0 $cmd -> st\n"
					"expect $st.mode == 0\n"),
			    "t.scn:4:8: \"$st\" has no field \"mode\" (it "
			    "holds the integer value of shmctl on line 3, not "
			    "a struct)");
}

static void test_script_parse__unknown_field_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\n"
					"A: shmctl 0 IPC_STAT -> st\n"
					"expect $st.shm_perm.mode == 1\n"),
			    "t.scn:3:8: bad variable \"$st.shm_perm.mode\" "
			    "(expected $name, $name.field, $name+N or "
			    "$name-N)");
	assert_string_equal(parse_error("task A\n"
					"A: shmctl 0 IPC_STAT -> st\n"
					"expect $st.shmmax == 1\n"),
			    "t.scn:3:8: unknown field \"shmmax\" of \"$st\" (a "
			    "shmid_ds from line 2: expected one of shm_segsz, "
			    "shm_nattch, shm_cpid, shm_lpid, shm_atime, "
			    "shm_dtime, shm_ctime, key, uid, gid, cuid, cgid, "
			    "mode, seq)");
	assert_string_equal(parse_error("task A\n"
					"A: shmctl 0 IPC_INFO -> i\n"
					"expect $i.shm_tot == 1\n"),
			    "t.scn:3:8: unknown field \"shm_tot\" of \"$i\" (a "
			    "shminfo from line 2: expected one of shmmax, "
			    "shmmin, shmmni, shmseg, shmall)");
	assert_string_equal(parse_error("task A\n"
					"A: shmctl 0 SHM_INFO -> i\n"
					"expect $i.shmmax == 1\n"),
			    "t.scn:3:8: unknown field \"shmmax\" of \"$i\" (a "
			    "shm_info from line 2: expected one of used_ids, "
			    "shm_tot, shm_rss, shm_swp, swap_attempts, "
			    "swap_successes)");
}

static void test_script_parse__offset_on_string_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\n"
					"A: read 0 1 -> r\n"
					"A: write 0 $r+1\n"),
			    "t.scn:3:12: cannot add to \"$r\" (it holds the "
			    "string of read on line 2)");
}

static void test_script_parse__too_few_arguments_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: shmget 1 2 # no flags\n"),
			    "t.scn:2:14: expected FLAGS, got end of line "
			    "(usage: shmget KEY SIZE FLAGS)");
	assert_string_equal(parse_error("task A\nA: shmat 1 -> a\n"),
			    "t.scn:2:12: expected ADDR, got \"->\" (usage: "
			    "shmat SHMID ADDR FLAGS)");
	assert_string_equal(parse_error("task A\nA: write 0\n"),
			    "t.scn:2:11: expected DATA, got end of line "
			    "(usage: write ADDR \"DATA\")");
}

static void test_script_parse__too_many_arguments_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: shmdt 1 2\n"),
			    "t.scn:2:12: expected \"->\", \"=>\" or end of "
			    "line, got \"2\" (usage: shmdt ADDR)");
	assert_string_equal(parse_error("task A\nA: exit 0\n"),
			    "t.scn:2:9: expected \"->\", \"=>\" or end of "
			    "line, got \"0\" (usage: exit)");
	assert_string_equal(parse_error("task A\nA: fork B C\n"),
			    "t.scn:2:11: expected \"->\", \"=>\" or end of "
			    "line, got \"C\" (usage: fork CHILD)");
	assert_string_equal(parse_error("task A\nA: touch 0 1 read 2\n"),
			    "t.scn:2:19: expected \"->\", \"=>\" or end of "
			    "line, got \"2\" (usage: touch ADDR LEN "
			    "[read|write])");
}

static void test_script_parse__string_for_number_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: shmget 1 \"2052\" 0\n"),
			    "t.scn:2:13: expected an integer or $variable for "
			    "SIZE of shmget, got string \"2052\"");
	assert_string_equal(parse_error("task A\nA: shmat 0 0 \"x\"\n"),
			    "t.scn:2:14: expected flags, an integer or "
			    "$variable for FLAGS of shmat, got string \"x\"");
	assert_string_equal(parse_error("task A\nA: read 0 1 -> r\n"
					"A: shmdt $r\n"),
			    "t.scn:3:10: expected an integer or $variable for "
			    "ADDR of shmdt, got \"$r\" (the string of read on "
			    "line 2)");
}

static void test_script_parse__number_for_string_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: write 0 5\n"),
			    "t.scn:2:12: expected a \"string\" or string "
			    "$variable for DATA of write, got \"5\"");
	assert_string_equal(parse_error("task A\nA: shmget 0 1 0 -> id\n"
					"A: write 0 $id\n"),
			    "t.scn:3:12: expected a \"string\" or string "
			    "$variable for DATA of write, got \"$id\" (the "
			    "integer value of shmget on line 2)");
}

static void test_script_parse__unknown_flag_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\n"
					"A: shmget 1 2 IPC_CREAT|IPC_EXCLL\n"),
			    "t.scn:2:25: unknown flag \"IPC_EXCLL\" for FLAGS "
			    "of shmget (expected IPC_CREAT, IPC_EXCL, "
			    "IPC_NOWAIT, SHM_HUGETLB or an integer)");
	assert_string_equal(parse_error("task A\nA: shmctl 0 IPC_STATS\n"),
			    "t.scn:2:13: unknown flag \"IPC_STATS\" for CMD of "
			    "shmctl (expected IPC_RMID, IPC_SET, IPC_STAT, "
			    "IPC_INFO, SHM_LOCK, SHM_UNLOCK, SHM_STAT, "
			    "SHM_INFO, IPC_64 or an integer)");
	assert_string_equal(parse_error("expect 1 == FOO\n"),
			    "t.scn:1:13: unknown name \"FOO\" in expect "
			    "(expected an integer, a flag name, $variable or "
			    "\"string\")");
}

static void test_script_parse__flag_of_another_call_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\n"
					"A: shmget 1 2 IPC_CREAT|PROT_READ\n"),
			    "t.scn:2:25: flag \"PROT_READ\" does not belong in "
			    "FLAGS of shmget (expected IPC_CREAT, IPC_EXCL, "
			    "IPC_NOWAIT, SHM_HUGETLB or an integer)");
	assert_string_equal(parse_error("task A\n"
					"A: mmap 0 1 PROT_READ "
					"MAP_SHARED|SHM_RND\n"),
			    "t.scn:2:34: flag \"SHM_RND\" does not belong in "
			    "FLAGS of mmap (expected MAP_SHARED, MAP_PRIVATE, "
			    "MAP_FIXED, MAP_ANONYMOUS, MAP_ANON or an "
			    "integer)");
}

static void test_script_parse__name_for_plain_integer_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: shmget 1 IPC_CREAT 0\n"),
			    "t.scn:2:13: expected an integer or $variable for "
			    "SIZE of shmget, got \"IPC_CREAT\"");
	assert_string_equal(parse_error("task A\nA: shmdt x\n"),
			    "t.scn:2:10: expected an integer or $variable for "
			    "ADDR of shmdt, got \"x\"");
}

static void test_script_parse__empty_flag_term_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: shmget 1 2 IPC_CREAT|\n"),
			    "t.scn:2:25: empty term in \"IPC_CREAT|\" "
			    "(expected a flag name or an integer on each side "
			    "of '|')");
	assert_string_equal(parse_error("task A\nA: shmget 1 2 0||1\n"),
			    "t.scn:2:17: empty term in \"0||1\" (expected a "
			    "flag name or an integer on each side of '|')");
}

static void test_script_parse__unknown_option_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: shmctl 0 IPC_SET uuid=1\n"),
			    "t.scn:2:21: unknown option \"uuid=\" for shmctl "
			    "(expected uid=, gid= or mode=)");
	assert_string_equal(parse_error("task A\nA: shmget 0 1 0 mode=1\n"),
			    "t.scn:2:17: unknown option \"mode=\" for shmget "
			    "(it takes none; usage: shmget KEY SIZE FLAGS)");
	assert_string_equal(parse_error("task A pid=1\n"),
			    "t.scn:1:8: unknown option \"pid=\" for task "
			    "(expected uid= or gid=)");
	assert_string_equal(parse_error("machine cpus=2\n"),
			    "t.scn:1:9: unknown option \"cpus=\" for machine "
			    "(expected ram=, swap=, kernel= or patch=)");
	assert_string_equal(parse_error("machine 16M\n"),
			    "t.scn:1:9: expected ram=, swap=, kernel=, patch= "
			    "or end of line, got \"16M\"");
	assert_string_equal(parse_error("task A 1000\n"),
			    "t.scn:1:8: expected uid=, gid= or end of line, "
			    "got \"1000\"");
}

static void test_script_parse__duplicate_option_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A uid=1 gid=2 uid=3\n"),
			    "t.scn:1:20: duplicate option \"uid=\" (already "
			    "given on this line)");
	assert_string_equal(parse_error("task A\n"
					"A: shmctl 0 IPC_SET mode=1 mode=2\n"),
			    "t.scn:2:28: duplicate option \"mode=\" (already "
			    "given on this line)");
}

static void test_script_parse__option_value_must_follow_equals(void **state)
{
	(void)state;
	assert_string_equal(parse_error("machine ram= 16M\n"),
			    "t.scn:1:13: expected a value right after "
			    "\"ram=\", got a blank");
	assert_string_equal(parse_error("task A uid=\n"),
			    "t.scn:1:12: expected a value right after "
			    "\"uid=\", got end of line");
}

static void test_script_parse__option_value_range_is_checked(void **state)
{
	(void)state;
	assert_string_equal(parse_error("machine ram=0\n"),
			    "t.scn:1:13: expected a size > 0 for ram= (such as "
			    "16M), got \"0\"");
	assert_string_equal(parse_error("machine swap=-1\n"),
			    "t.scn:1:14: expected a size >= 0 for swap= (such "
			    "as 16M), got \"-1\"");
	assert_string_equal(parse_error("machine ram=$x\n"),
			    "t.scn:1:13: expected a size > 0 for ram= (such as "
			    "16M), got \"$x\"");
	assert_string_equal(parse_error("task A uid=4294967296\n"),
			    "t.scn:1:12: expected a uid from 0 to 4294967295, "
			    "got \"4294967296\"");
	assert_string_equal(parse_error("task A\nA: fill 0 1 256\n"),
			    "t.scn:2:13: expected a byte from 0 to 255 for "
			    "BYTE of fill, got \"256\"");
}

static void test_script_parse__unknown_kernel_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("machine kernel=2.2\n"),
			    "t.scn:1:16: unknown kernel \"2.2\" (expected 2.4 "
			    "or 2.6)");
}

static void test_script_parse__machine_after_running_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("machine ram=1M\n"
					"# comment\n"
					"task A\n"
					"\n"
					"  machine swap=0\n"),
			    "t.scn:5:3: \"machine\" must come before anything "
			    "that runs (line 3 runs first)");
	assert_string_equal(parse_error("boot\nmachine\n"),
			    "t.scn:2:1: \"machine\" must come before anything "
			    "that runs (line 1 runs first)");
}

static void test_script_parse__duplicate_boot_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("boot\ntask A\nboot\n"),
			    "t.scn:3:1: duplicate \"boot\" (the kernel already "
			    "booted on line 1)");
}

static void test_script_parse__bad_integer_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(shmdt_error("08"),
			    "t.scn:2:10: bad integer \"08\" (8 is not an octal "
			    "digit; a leading 0 means octal)");
	assert_string_equal(shmdt_error("0779"),
			    "t.scn:2:10: bad integer \"0779\" (9 is not an "
			    "octal digit; a leading 0 means octal)");
	assert_string_equal(shmdt_error("0x"),
			    "t.scn:2:10: bad integer \"0x\" (expected hex "
			    "digits after 0x)");
	assert_string_equal(shmdt_error("12abc"),
			    "t.scn:2:10: bad integer \"12abc\" (expected "
			    "digits and an optional K, M or G suffix)");
	assert_string_equal(shmdt_error("16m"),
			    "t.scn:2:10: bad integer \"16m\" (expected digits "
			    "and an optional K, M or G suffix)");
	assert_string_equal(shmdt_error("1KK"),
			    "t.scn:2:10: bad integer \"1KK\" (expected digits "
			    "and an optional K, M or G suffix)");
	assert_string_equal(shmdt_error("-"),
			    "t.scn:2:10: bad integer \"-\" (expected a digit)");
	assert_string_equal(shmdt_error("0|-x"),
			    "t.scn:2:12: bad integer \"-x\" (expected a "
			    "digit)");
}

static void test_script_parse__integer_overflow_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(shmdt_error("18446744073709551616"),
			    "t.scn:2:10: bad integer \"18446744073709551616\" "
			    "(does not fit in 64 bits)");
	assert_string_equal(shmdt_error("0x10000000000000000"),
			    "t.scn:2:10: bad integer \"0x10000000000000000\" "
			    "(does not fit in 64 bits)");
	assert_string_equal(shmdt_error("17179869184G"),
			    "t.scn:2:10: bad integer \"17179869184G\" (does "
			    "not fit in 64 bits)");
	assert_string_equal(shmdt_error("-9223372036854775809"),
			    "t.scn:2:10: bad integer \"-9223372036854775809\" "
			    "(does not fit in 64 bits)");
}

static void test_script_parse__bad_variable_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(shmdt_error("$"),
			    "t.scn:2:10: bad variable \"$\" (expected $name, "
			    "$name.field, $name+N or $name-N)");
	assert_string_equal(shmdt_error("$1a"),
			    "t.scn:2:10: bad variable \"$1a\" (expected $name, "
			    "$name.field, $name+N or $name-N)");
	assert_string_equal(shmdt_error("$a."),
			    "t.scn:2:10: bad variable \"$a.\" (expected $name, "
			    "$name.field, $name+N or $name-N)");
	assert_string_equal(shmdt_error("$a|1"),
			    "t.scn:2:10: bad variable \"$a|1\" (expected "
			    "$name, $name.field, $name+N or $name-N)");
	assert_string_equal(shmdt_error("$a+x"),
			    "t.scn:2:10: bad variable \"$a+x\" (expected "
			    "$name, $name.field, $name+N or $name-N)");
	assert_string_equal(shmdt_error("$a+1+2"),
			    "t.scn:2:10: bad variable \"$a+1+2\" (expected "
			    "$name, $name.field, $name+N or $name-N)");
	assert_string_equal(shmdt_error("$a+08"),
			    "t.scn:2:13: bad integer \"08\" in \"$a+08\" (8 is "
			    "not an octal digit; a leading 0 means octal)");
}

static void test_script_parse__unterminated_string_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: write 0 \"abc\nboot\n"),
			    "t.scn:2:12: unterminated string (expected a "
			    "closing \" before the end of the line)");
	assert_string_equal(parse_error("task A\nA: write 0 \"abc\\\"\n"),
			    "t.scn:2:12: unterminated string (expected a "
			    "closing \" before the end of the line)");
	assert_string_equal(parse_error("task A\nA: write 0 \"abc"),
			    "t.scn:2:12: unterminated string (expected a "
			    "closing \" before the end of the line)");
}

static void test_script_parse__bad_escape_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: write 0 \"ab\\qc\"\n"),
			    "t.scn:2:15: bad escape \"\\q\" in string "
			    "(expected \\n, \\t, \\0, \\\\, \\\" or \\xHH)");
	assert_string_equal(parse_error("task A\nA: write 0 \"\\x4\"\n"),
			    "t.scn:2:13: bad escape \"\\x4\" in string "
			    "(expected \\n, \\t, \\0, \\\\, \\\" or \\xHH)");
	assert_string_equal(parse_error("task A\nA: write 0 \"a\\xg0\"\n"),
			    "t.scn:2:14: bad escape \"\\xg0\" in string "
			    "(expected \\n, \\t, \\0, \\\\, \\\" or \\xHH)");
}

static void test_script_parse__unexpected_character_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("boot\x01\n"),
			    "t.scn:1:5: unexpected character \"\\x01\"");
	assert_string_equal(parse_error("expect 1 = 1\n"),
			    "t.scn:1:10: unexpected \"=\" (expected ==, => or "
			    "name=value)");
	assert_string_equal(parse_error("expect 1 ! 1\n"),
			    "t.scn:1:10: unexpected \"!\" (expected !=)");
	{
		static const char nul[] = "boot\0\n";

		assert_null(script_parse("t.scn", nul, sizeof(nul) - 1, &err));
		assert_string_equal(err.msg, "t.scn:1:5: unexpected character "
				    "\"\\x00\"");
	}
}

static void test_script_parse__bad_capture_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: shmget 0 1 0 -> $id\n"),
			    "t.scn:2:20: expected a variable name without '$' "
			    "after \"->\", got \"$id\"");
	assert_string_equal(parse_error("task A\nA: shmget 0 1 0 ->\n"),
			    "t.scn:2:19: expected a variable name after "
			    "\"->\", got end of line");
	assert_string_equal(parse_error("task A\nA: shmget 0 1 0 -> my-id\n"),
			    "t.scn:2:20: bad variable name \"my-id\" "
			    "(expected a letter or _, then letters, digits or "
			    "_)");
	assert_string_equal(parse_error("task A\nA: shmget 0 1 0 -> a b\n"),
			    "t.scn:2:22: expected \"=>\" or end of line, got "
			    "\"b\"");
	assert_string_equal(parse_error("task A\nA: exit -> x\n"),
			    "t.scn:2:9: exit has no value to capture (expected "
			    "\"=>\" or end of line, got \"->\")");
}

static void test_script_parse__unknown_errno_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: shmget 0 1 0 => EFOO\n"),
			    "t.scn:2:20: unknown errno \"EFOO\" (expected an "
			    "errno name such as ENOENT, EEXIST, EINVAL, "
			    "EACCES, EPERM, EIDRM, ENOMEM or ENOSPC)");
}

static void test_script_parse__unknown_outcome_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: shmget 0 1 0 => fails\n"),
			    "t.scn:2:20: unknown outcome \"fails\" (expected "
			    "an errno name, SIGSEGV, SIGBUS, SIGKILL, ok, an "
			    "integer, $variable or \"string\")");
	assert_string_equal(parse_error("task A\nA: shmget 0 1 0 => SIGTERM\n"),
			    "t.scn:2:20: unknown outcome \"SIGTERM\" (expected "
			    "an errno name, SIGSEGV, SIGBUS, SIGKILL, ok, an "
			    "integer, $variable or \"string\")");
	assert_string_equal(parse_error("task A\nA: shmget 0 1 0 =>\n"),
			    "t.scn:2:19: expected an outcome after \"=>\" (an "
			    "errno name, SIGSEGV, SIGBUS, SIGKILL, ok, an "
			    "integer, $variable or \"string\"), got end of "
			    "line");
	assert_string_equal(parse_error("task A\nA: shmdt 0 => ok EINVAL\n"),
			    "t.scn:2:18: expected end of line, got "
			    "\"EINVAL\"");
	assert_string_equal(parse_error("task A\nA: shmdt 0 => 0 -> x\n"),
			    "t.scn:2:17: expected end of line, got \"->\"");
}

static void test_script_parse__signal_from_non_access_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: shmat 0 0 0 => SIGSEGV\n"),
			    "t.scn:2:19: SIGSEGV cannot come from shmat (only "
			    "write, fill, read and touch access memory)");
	assert_string_equal(parse_error("task A\nA: shmget 0 1 0 => SIGKILL\n"),
			    "t.scn:2:20: SIGKILL cannot come from shmget (only "
			    "write, fill, read and touch access memory)");
}

static void test_script_parse__outcome_type_mismatch_is_an_error(void **state)
{
	(void)state;
	assert_string_equal(parse_error("task A\nA: shmget 0 1 0 => \"x\"\n"),
			    "t.scn:2:20: expected an integer or integer "
			    "$variable after \"=>\" (shmget gives an integer), "
			    "got string \"x\"");
	assert_string_equal(parse_error("task A\nA: read 0 1 => 5\n"),
			    "t.scn:2:16: expected a \"string\" or string "
			    "$variable after \"=>\" (read gives a string), got "
			    "\"5\"");
	assert_string_equal(parse_error("task A\nA: exit => 0\n"),
			    "t.scn:2:12: expected ok or an errno name after "
			    "\"=>\" (exit has no value), got \"0\"");
}

static void test_script_parse__expect_errors(void **state)
{
	(void)state;
	assert_string_equal(parse_error("expect 1 2\n"),
			    "t.scn:1:10: expected an operator (==, !=, <, <=, "
			    "> or >=), got \"2\"");
	assert_string_equal(parse_error("expect\n"),
			    "t.scn:1:7: expected a value for expect (an "
			    "integer, flags, $variable or \"string\"), got end "
			    "of line");
	assert_string_equal(parse_error("expect 1 == 1 == 1\n"),
			    "t.scn:1:15: expected end of line, got \"==\"");
	assert_string_equal(parse_error("task A\nA: read 0 1 -> r\n"
					"expect $r == 5\n"),
			    "t.scn:3:14: cannot compare \"$r\" with \"5\" "
			    "(expected two integers or two strings)");
	assert_string_equal(parse_error("expect \"a\" <= \"b\"\n"),
			    "t.scn:1:12: operator \"<=\" needs integers "
			    "(strings compare only with == or !=)");
}

static void test_script_parse__show_errors(void **state)
{
	(void)state;
	assert_string_equal(parse_error("show ipc\n"),
			    "t.scn:1:6: unknown view \"ipc\" (expected one of "
			    "ipcs, sysvipc, maps, meminfo, vmas, dcache, "
			    "pagecache, swap, objects, ptes, mounts, filesystems)");
	assert_string_equal(parse_error("show\n"),
			    "t.scn:1:5: expected a view, got end of line "
			    "(expected one of ipcs, sysvipc, maps, meminfo, "
			    "vmas, dcache, pagecache, swap, objects, ptes, mounts, filesystems)");
	assert_string_equal(parse_error("show maps\n"),
			    "t.scn:1:10: expected a task name after \"show "
			    "maps\", got end of line");
	assert_string_equal(parse_error("show pagecache\n"),
			    "t.scn:1:15: expected an integer or $variable for "
			    "SHMID of show pagecache, got end of line");
	assert_string_equal(parse_error("show ipcs now\n"),
			    "t.scn:1:11: expected end of line, got \"now\"");
}

static void test_script_parse__statement_argument_errors(void **state)
{
	(void)state;
	assert_string_equal(parse_error("trace yes\n"),
			    "t.scn:1:7: expected on or off after \"trace\", "
			    "got \"yes\"");
	assert_string_equal(parse_error("sleep -1\n"),
			    "t.scn:1:7: expected a number of seconds >= 0 "
			    "after \"sleep\", got \"-1\"");
	assert_string_equal(parse_error("pressure\n"),
			    "t.scn:1:9: expected a number of pages from 0 to "
			    "2147483647 after \"pressure\", got end of line");
	assert_string_equal(parse_error("dot\n"),
			    "t.scn:1:4: expected a file name after \"dot\", "
			    "got end of line");
	assert_string_equal(parse_error("boot now\n"),
			    "t.scn:1:6: expected end of line, got \"now\"");
	assert_string_equal(parse_error("task A\nA: touch 0 1 exec\n"),
			    "t.scn:2:14: expected read, write or end of line, "
			    "got \"exec\" (usage: touch ADDR LEN "
			    "[read|write])");
}

static void test_script_parse__error_stops_at_first(void **state)
{
	(void)state;
	/* the whole file is parsed first: a late error still fails it */
	assert_string_equal(parse_error("task A\nA: shmdt 0\nA: shmdt 0\n"
					"bogus 1\nalso bad\n"),
			    "t.scn:4:1: unknown statement \"bogus\" (expected "
			    "machine, boot, task, expect, show, dot, trace, "
			    "sleep, pressure, inject or NAME: CALL)");
	assert_int_equal(err.line, 4);
	assert_int_equal(err.col, 1);
}

static void test_script_parse__long_token_is_cut_in_messages(void **state)
{
	char text[200];

	(void)state;
	memset(text, 'x', 100);
	strcpy(text + 100, "\n");
	assert_string_equal(parse_error(text),
			    "t.scn:1:1: unknown statement "
			    "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
			    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\" "
			    "(expected machine, boot, task, expect, show, "
			    "dot, trace, sleep, pressure, inject or NAME: "
			    "CALL)");
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_script_parse__contract_example),
		cmocka_unit_test(test_script_parse__decimal_integer),
		cmocka_unit_test(test_script_parse__hex_integer),
		cmocka_unit_test(test_script_parse__octal_integer),
		cmocka_unit_test(test_script_parse__negative_integer),
		cmocka_unit_test(test_script_parse__size_suffixes),
		cmocka_unit_test(test_script_parse__integers_span_64_bits),
		cmocka_unit_test(test_script_parse__flag_expressions),
		cmocka_unit_test(test_script_parse__variable_forms),
		cmocka_unit_test(test_script_parse__string_escapes),
		cmocka_unit_test(test_script_parse__string_nul_bytes),
		cmocka_unit_test(test_script_parse__comments),
		cmocka_unit_test(test_script_parse__blank_lines),
		cmocka_unit_test(test_script_parse__last_line_needs_no_newline),
		cmocka_unit_test(test_script_parse__tab_counts_one_column),
		cmocka_unit_test(test_script_lex_int__evaluates_and_explains),
		cmocka_unit_test(test_script_parse__machine_defaults),
		cmocka_unit_test(test_script_parse__machine_twice_later_wins),
		cmocka_unit_test(test_script_parse__simple_statements),
		cmocka_unit_test(test_script_parse__inject_statements),
		cmocka_unit_test(test_script_parse__visibility_experiment),
		cmocka_unit_test(test_script_parse__inject_errors),
		cmocka_unit_test(test_script_parse__show_views),
		cmocka_unit_test(test_script_parse__expect_operators),
		cmocka_unit_test(test_script_parse__every_call),
		cmocka_unit_test(test_script_parse__shmctl_options),
		cmocka_unit_test(test_script_parse__capture_kinds),
		cmocka_unit_test(test_script_parse__recapture_changes_kind),
		cmocka_unit_test(test_script_parse__outcomes),
		cmocka_unit_test(test_script_parse__task_names),
		cmocka_unit_test(test_script_parse__flag_table_helpers),
		cmocka_unit_test(test_script_parse_file__reads_a_file),
		cmocka_unit_test(test_script_parse_file__dash_reads_stdin),
		cmocka_unit_test(
			test_script_parse_file__missing_file_is_an_error),
		cmocka_unit_test(
			test_script_parse__unknown_statement_is_an_error),
		cmocka_unit_test(test_script_parse__unknown_call_is_an_error),
		cmocka_unit_test(test_script_parse__missing_call_is_an_error),
		cmocka_unit_test(test_script_parse__unknown_task_is_an_error),
		cmocka_unit_test(test_script_parse__duplicate_task_is_an_error),
		cmocka_unit_test(test_script_parse__bad_task_name_is_an_error),
		cmocka_unit_test(test_script_parse__unset_variable_is_an_error),
		cmocka_unit_test(
			test_script_parse__capture_not_set_on_its_own_line),
		cmocka_unit_test(
			test_script_parse__field_of_scalar_is_an_error),
		cmocka_unit_test(test_script_parse__unknown_field_is_an_error),
		cmocka_unit_test(
			test_script_parse__offset_on_string_is_an_error),
		cmocka_unit_test(
			test_script_parse__too_few_arguments_is_an_error),
		cmocka_unit_test(
			test_script_parse__too_many_arguments_is_an_error),
		cmocka_unit_test(
			test_script_parse__string_for_number_is_an_error),
		cmocka_unit_test(
			test_script_parse__number_for_string_is_an_error),
		cmocka_unit_test(test_script_parse__unknown_flag_is_an_error),
		cmocka_unit_test(
			test_script_parse__flag_of_another_call_is_an_error),
		cmocka_unit_test(
			test_script_parse__name_for_plain_integer_is_an_error),
		cmocka_unit_test(
			test_script_parse__empty_flag_term_is_an_error),
		cmocka_unit_test(test_script_parse__unknown_option_is_an_error),
		cmocka_unit_test(
			test_script_parse__duplicate_option_is_an_error),
		cmocka_unit_test(
			test_script_parse__option_value_must_follow_equals),
		cmocka_unit_test(
			test_script_parse__option_value_range_is_checked),
		cmocka_unit_test(test_script_parse__unknown_kernel_is_an_error),
		cmocka_unit_test(
			test_script_parse__machine_after_running_is_an_error),
		cmocka_unit_test(test_script_parse__duplicate_boot_is_an_error),
		cmocka_unit_test(test_script_parse__bad_integer_is_an_error),
		cmocka_unit_test(
			test_script_parse__integer_overflow_is_an_error),
		cmocka_unit_test(test_script_parse__bad_variable_is_an_error),
		cmocka_unit_test(
			test_script_parse__unterminated_string_is_an_error),
		cmocka_unit_test(test_script_parse__bad_escape_is_an_error),
		cmocka_unit_test(
			test_script_parse__unexpected_character_is_an_error),
		cmocka_unit_test(test_script_parse__bad_capture_is_an_error),
		cmocka_unit_test(test_script_parse__unknown_errno_is_an_error),
		cmocka_unit_test(
			test_script_parse__unknown_outcome_is_an_error),
		cmocka_unit_test(
			test_script_parse__signal_from_non_access_is_an_error),
		cmocka_unit_test(
			test_script_parse__outcome_type_mismatch_is_an_error),
		cmocka_unit_test(test_script_parse__expect_errors),
		cmocka_unit_test(test_script_parse__show_errors),
		cmocka_unit_test(test_script_parse__statement_argument_errors),
		cmocka_unit_test(test_script_parse__error_stops_at_first),
		cmocka_unit_test(
			test_script_parse__long_token_is_cut_in_messages),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "cli/parse");
}
