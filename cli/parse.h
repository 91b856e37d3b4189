/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/parse.h - what the parts of the scenario-language parser share: the
 * parser's state, its tokens and messages, and the parse-time tables.
 * Private to cli/parse.c (statements, the line loop, the public functions),
 * cli/parse_call.c ("NAME: CALL ..."), cli/parse_value.c (values, options)
 * and cli/parse_names.c (tasks declared, variables set); the rest of the
 * program uses cli/script.h.
 */
#ifndef _SHMSIM_CLI_PARSE_H
#define _SHMSIM_CLI_PARSE_H

#include <stddef.h>
#include <string.h>
#include <uthash.h>

#include "script.h"

/*
 * Parse-time tables: what each variable holds from the current line on,
 * and which tasks are declared. Names point into script->vars/->tasks.
 */
struct pvar {
	const char *name;
	unsigned int slot;
	enum script_capture_kind kind;
	enum script_call_kind call;	/* that captured it */
	int line;
	UT_hash_handle hh;
};

struct ptask {
	const char *name;
	unsigned int slot;
	int line;
	UT_hash_handle hh;
};

struct parser {
	const char *file;
	struct script *s;
	struct script_error *err;
	struct script_line ln;
	size_t pos;			/* next token of ln */
	struct pvar *vars;
	struct ptask *tasks;
	const struct script_token *child_tok;	/* fork's CHILD */
	int run_line;			/* first statement that runs, or 0 */
	int boot_line;
};

/* cli/parse.c: messages, tokens, arrays */

/* Reports "FILE:LINE:COL: message" (the first error only); returns -1. */
int perr(struct parser *p, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A token as messages name it: "shmgte", string "abc", end of line */
const char *desc(const struct script_token *t, char *buf, size_t n);
/* A copy of s[0..len), or NULL after reporting "out of memory" at col. */
char *dup_text(struct parser *p, const char *s, size_t len, int col);
/* Room for element n of *arr, which holds n: 0, or -1 (arr untouched). */
int grow(void *arr, size_t n, size_t size);
/* 0 at the end of the line, else "expected <after>end of line" and -1. */
int expect_eol(struct parser *p, const char *after);

/* The token at the read position, not consumed. */
static inline struct script_token *peek(struct parser *p)
{
	return &p->ln.toks[p->pos];
}

/* The next token; EOL stays put, so reading past the end is harmless. */
static inline struct script_token *next(struct parser *p)
{
	struct script_token *t = &p->ln.toks[p->pos];

	if (t->kind != SCRIPT_TOK_EOL)
		p->pos++;
	return t;
}

/* The word token t is exactly word. */
static inline int tok_is(const struct script_token *t, const char *word)
{
	return t->kind == SCRIPT_TOK_WORD && t->len == strlen(word) &&
	       memcmp(t->text, word, t->len) == 0;
}

/* "uid=" is the key uid */
static inline int key_is(const struct script_token *t, const char *key)
{
	return t->len == strlen(key) + 1 &&
	       memcmp(t->text, key, t->len - 1) == 0;
}

/* cli/parse_value.c: values and options */

/* The flag named s[0..len) in script_flags, or NULL. */
const struct script_flag *find_flag(const char *s, size_t len);
/* An E followed by capitals and digits: looks like an errno name. */
int is_errno_name(const struct script_token *t);
/* An integer value: integer/flags word, or a $var that is not a string. */
int parse_int_value(struct parser *p, const struct script_token *t,
		    unsigned int set, const char *what, struct script_value *v);
/* DATA of write: a "string" or a $var holding one. */
int parse_str_value(struct parser *p, const struct script_token *t,
		    const char *what, struct script_value *v);
/* a word (a path, a type name) as a string value, or as parse_str_value */
int parse_word_value(struct parser *p, const struct script_token *t,
		     const char *what, struct script_value *v);
/* Either side of expect, or the value after "=>". */
int parse_any_value(struct parser *p, const struct script_token *t,
		    const char *what, struct script_value *v);
/* An integer literal within [min, max]; what says what the place wants. */
int parse_literal(struct parser *p, const struct script_token *t,
		  const char *what, long long min, long long max,
		  long long *out);
/* The value of "key=" (bit of *seen: given once), or NULL on an error. */
struct script_token *option_value(struct parser *p,
				  const struct script_token *key,
				  unsigned int *seen, unsigned int bit);

/* cli/parse_names.c: the tasks and variables tables */

/* [A-Za-z_][A-Za-z0-9_]* for variables; tasks (dash) also take '-' */
int valid_name(const struct script_token *t, int dash);
/* A task name used here must be declared by an earlier task or fork. */
int lookup_task(struct parser *p, const struct script_token *t,
		char **name, unsigned int *slot);
/* "task NAME" and "fork NAME": a valid name, not declared yet. */
int check_new_task(struct parser *p, const struct script_token *t,
		   const char *after);
/* Adds task t to script->tasks and the table; *slot is its index. */
int declare_task(struct parser *p, const struct script_token *t,
		 unsigned int *slot);
/* "-> name" takes effect after its line: record what name holds now. */
int set_var(struct parser *p, struct script_call *c, int line);
/* Frees both tables (the names stay in the script). */
void drop_names(struct parser *p);

/* cli/parse_call.c */

/* "NAME: CALL ARGS... [-> VAR] [=> OUTCOME]" */
int parse_call(struct parser *p, struct script_stmt *st);

#endif /* _SHMSIM_CLI_PARSE_H */
