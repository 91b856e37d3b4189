/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/tables.h - the tables of cli/tables.c that the parser reads: what
 * each call takes and returns, and which struct has each field; and for
 * the runner, the function pair that makes each call and prints its
 * arguments (cli/call.h).
 */
#ifndef _SHMSIM_CLI_TABLES_H
#define _SHMSIM_CLI_TABLES_H

#include <stdio.h>

#include "script.h"

struct call_args;
struct call_result;

enum arg_type {
	ARG_INT,		/* integer, flags or an integer $var */
	ARG_STRING,		/* "string" or a string $var */
	ARG_WORD,		/* a word (/mnt/shm, tmpfs), or as ARG_STRING */
};

struct arg_spec {
	const char *name;
	enum arg_type type;
	unsigned int flags;	/* SCRIPT_FLAGS_* accepted, 0 for none */
};

struct call_spec {
	const char *name;
	const char *usage;
	unsigned int nargs;
	struct arg_spec args[SCRIPT_MAX_ARGS];
	enum script_capture_kind result;
	int access;		/* a memory access: may end in a signal */
	int hex;		/* returns an address: shown in hex */
	/* make the call as `current` (cli/run.c) */
	void (*run)(const struct call_args *args, struct call_result *res);
	/* its arguments on the result line, NULL for none (cli/print.c) */
	void (*print_args)(FILE *out, const struct call_args *args,
			   const struct call_result *res);
	unsigned int optional;	/* how many of the last nargs may be left out */
};

struct field_spec {
	const char *name;
	enum script_capture_kind kind;	/* the struct that has it */
};

extern const struct call_spec call_specs[SCRIPT_NR_CALLS];
extern const struct field_spec field_specs[SCRIPT_NR_FIELDS];
#define NR_SHOWS	(SCRIPT_SHOW_FILESYSTEMS + 1)
extern const char *const show_names[NR_SHOWS];
/* a picture's words (`dot FILE shm rbtree`, --dot-with): SIM_DOT_*, or 0 */
unsigned int dot_word_flag(const char *word, size_t len);

#endif /* _SHMSIM_CLI_TABLES_H */
