/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/tables.h - the tables of cli/tables.c that the parser reads: what
 * each call takes and returns, and which struct has each field.
 */
#ifndef _SHMSIM_CLI_TABLES_H
#define _SHMSIM_CLI_TABLES_H

#include "script.h"

enum arg_type {
	ARG_INT,		/* integer, flags or an integer $var */
	ARG_STRING,		/* "string" or a string $var */
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
};

struct field_spec {
	const char *name;
	enum script_capture_kind kind;	/* the struct that has it */
};

extern const struct call_spec call_specs[SCRIPT_NR_CALLS];
extern const struct field_spec field_specs[SCRIPT_NR_FIELDS];
#define NR_SHOWS	(SCRIPT_SHOW_PTES + 1)
extern const char *const show_names[NR_SHOWS];

#endif /* _SHMSIM_CLI_TABLES_H */
