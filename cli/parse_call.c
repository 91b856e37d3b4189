// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/parse_call.c - the calls of the scenario language,
 *   NAME: CALL ARGS... [-> VAR] [=> OUTCOME]
 * checked against cli/tables.c's row for CALL: the caller declared, the
 * arguments (count, types, flag names), shmctl's uid=/gid=/mode=, touch's
 * read/write, fork's CHILD, what "-> VAR" captures and which outcomes the
 * call can have. The capture and the child exist from the next line on.
 * Called by cli/parse.c (parse_line) for every line whose second token is
 * the ':'.
 */
#include <stdio.h>
#include <string.h>

#include "linux/kernel.h"	/* sim_errno_from_name() only */
#include "parse.h"
#include "tables.h"

static void call_list(char *buf, size_t n)
{
	size_t used = 0;
	int k;

	for (k = 0; k < SCRIPT_NR_CALLS && used < n; k++)
		used += snprintf(buf + used, n - used, "%s%s",
				 k ? ", " : "", call_specs[k].name);
}

/* shmctl's CMD decides what "-> st" holds; a $var CMD gives a scalar. */
static enum script_capture_kind call_result(const struct script_call *c)
{
	if (c->kind != SCRIPT_CALL_SHMCTL ||
	    c->args[1].kind != SCRIPT_VALUE_INT)
		return call_specs[c->kind].result;
	switch (c->args[1].num & ~0x100LL) {	/* IPC_64 as glibc adds it */
	case 2:		/* IPC_STAT */
	case 13:	/* SHM_STAT */
		return SCRIPT_CAPTURE_SHMID_DS;
	case 3:		/* IPC_INFO */
		return SCRIPT_CAPTURE_SHMINFO;
	case 14:	/* SHM_INFO */
		return SCRIPT_CAPTURE_SHM_INFO;
	default:
		return SCRIPT_CAPTURE_SCALAR;
	}
}

/* shmctl's uid=, gid=, mode=: the IPC_SET fields */
static int parse_call_option(struct parser *p, struct script_call *c,
			     const struct script_token *t, unsigned int *seen)
{
	static const char *const keys[] = { "uid", "gid", "mode" };
	struct script_value *vals[] = { &c->uid, &c->gid, &c->mode };
	const struct call_spec *spec = &call_specs[c->kind];
	struct script_token *v;
	char tok[128], what[32];
	int i;

	for (i = 0; i < 3 && c->kind == SCRIPT_CALL_SHMCTL; i++) {
		if (!key_is(t, keys[i]))
			continue;
		/* only IPC_SET reads them; a literal CMD shows it at once */
		if (c->nargs >= 2 && c->args[1].kind == SCRIPT_VALUE_INT &&
		    (c->args[1].num & ~0x100LL) != 1)
			return perr(p, t->line, t->col, "%s= is for IPC_SET "
				    "only; this shmctl's CMD does not read it",
				    keys[i]);
		v = option_value(p, t, seen, 1 << i);
		if (!v)
			return -1;
		snprintf(what, sizeof(what), "%s= of shmctl", keys[i]);
		return parse_int_value(p, v, 0, what, vals[i]);
	}
	if (c->kind == SCRIPT_CALL_SHMCTL)
		return perr(p, t->line, t->col, "unknown option %s for shmctl "
			    "(expected uid=, gid= or mode=)",
			    desc(t, tok, sizeof(tok)));
	return perr(p, t->line, t->col, "unknown option %s for %s (it takes "
		    "none; usage: %s)", desc(t, tok, sizeof(tok)), spec->name,
		    spec->usage);
}

/* The arguments of a call, up to "->", "=>" or the end of the line. */
static int parse_call_args(struct parser *p, struct script_call *c)
{
	const struct call_spec *spec = &call_specs[c->kind];
	const struct arg_spec *a;
	struct script_token *t;
	unsigned int seen = 0;
	int touch_seen = 0;
	char tok[128], what[48];

	for (;;) {
		t = peek(p);
		if (t->kind == SCRIPT_TOK_EOL || t->kind == SCRIPT_TOK_ARROW ||
		    t->kind == SCRIPT_TOK_OUTCOME)
			break;
		next(p);
		if (t->kind == SCRIPT_TOK_KEY) {
			if (parse_call_option(p, c, t, &seen))
				return -1;
		} else if (c->nargs < spec->nargs) {
			a = &spec->args[c->nargs];
			snprintf(what, sizeof(what), "%s of %s", a->name,
				 spec->name);
			if (a->type == ARG_WORD ?
			    parse_word_value(p, t, what, &c->args[c->nargs]) :
			    a->type == ARG_STRING ?
			    parse_str_value(p, t, what, &c->args[c->nargs]) :
			    parse_int_value(p, t, a->flags, what,
					    &c->args[c->nargs]))
				return -1;
			c->nargs++;
		} else if (c->kind == SCRIPT_CALL_TOUCH && !touch_seen) {
			if (tok_is(t, "read"))
				c->touch = SCRIPT_TOUCH_READ;
			else if (!tok_is(t, "write"))
				return perr(p, t->line, t->col, "expected "
					    "read, write or end of line, got "
					    "%s (usage: %s)",
					    desc(t, tok, sizeof(tok)),
					    spec->usage);
			touch_seen = 1;
		} else if (c->kind == SCRIPT_CALL_FORK && !c->child) {
			if (check_new_task(p, t, "fork"))
				return -1;
			p->child_tok = t;
			c->child = dup_text(p, t->text, t->len, t->col);
			if (!c->child)
				return -1;
		} else {
			return perr(p, t->line, t->col, "expected \"->\", "
				    "\"=>\" or end of line, got %s (usage: %s)",
				    desc(t, tok, sizeof(tok)), spec->usage);
		}
	}
	if (c->nargs + spec->optional < spec->nargs)
		return perr(p, t->line, t->col, "expected %s, got %s (usage: "
			    "%s)", spec->args[c->nargs].name,
			    desc(t, tok, sizeof(tok)), spec->usage);
	if (c->kind == SCRIPT_CALL_FORK && !c->child)
		return perr(p, t->line, t->col, "expected CHILD, got %s "
			    "(usage: %s)", desc(t, tok, sizeof(tok)),
			    spec->usage);
	if (c->kind == SCRIPT_CALL_FILL &&
	    c->args[2].kind == SCRIPT_VALUE_INT &&
	    (c->args[2].num < 0 || c->args[2].num > 255))
		return perr(p, c->args[2].line, c->args[2].col, "expected a "
			    "byte from 0 to 255 for BYTE of fill, got \"%s\"",
			    c->args[2].text);
	return 0;
}

/* "-> name" */
static int parse_capture(struct parser *p, struct script_call *c)
{
	struct script_token *arrow = next(p), *t = next(p);
	char tok[128];

	if (c->result == SCRIPT_CAPTURE_NONE)
		return perr(p, arrow->line, arrow->col, "exit has no value to "
			    "capture (expected \"=>\" or end of line, got "
			    "\"->\")");
	if (t->kind == SCRIPT_TOK_VAR)
		return perr(p, t->line, t->col, "expected a variable name "
			    "without '$' after \"->\", got %s",
			    desc(t, tok, sizeof(tok)));
	if (t->kind == SCRIPT_TOK_EOL)
		return perr(p, t->line, t->col, "expected a variable name "
			    "after \"->\", got end of line");
	if (!valid_name(t, 0))
		return perr(p, t->line, t->col, "bad variable name %s "
			    "(expected a letter or _, then letters, digits "
			    "or _)", desc(t, tok, sizeof(tok)));
	c->capture = dup_text(p, t->text, t->len, t->col);
	c->capture_col = t->col;
	return c->capture ? 0 : -1;
}

/* "=> ok", "=> SIGSEGV" (SIGBUS, SIGKILL) or "=> ENAME": t is that word. */
static int parse_outcome_name(struct parser *p, struct script_call *c,
			      const struct script_token *t)
{
	const struct call_spec *spec = &call_specs[c->kind];
	struct script_outcome *o = &c->outcome;
	char tok[128], name[64];

	o->text = dup_text(p, t->text, t->len, t->col);
	if (!o->text)
		return -1;
	if (tok_is(t, "ok")) {
		o->kind = SCRIPT_OUTCOME_OK;
	} else if (tok_is(t, "SIGSEGV") || tok_is(t, "SIGBUS") ||
		   tok_is(t, "SIGKILL")) {
		o->kind = SCRIPT_OUTCOME_SIGNAL;
		o->signo = tok_is(t, "SIGBUS") ? SCRIPT_SIGBUS :
			   tok_is(t, "SIGKILL") ? SCRIPT_SIGKILL :
			   SCRIPT_SIGSEGV;
		if (!spec->access)
			return perr(p, t->line, t->col, "%s cannot come from "
				    "%s (only write, fill, read and touch "
				    "access memory)", o->text, spec->name);
	} else if (is_errno_name(t)) {
		snprintf(name, sizeof(name), "%.*s", (int)t->len, t->text);
		o->kind = SCRIPT_OUTCOME_ERRNO;
		o->err = t->len < sizeof(name) ? sim_errno_from_name(name) : 0;
		if (!o->err)
			return perr(p, t->line, t->col, "unknown errno %s "
				    "(expected an errno name such as ENOENT, "
				    "EEXIST, EINVAL, EACCES, EPERM, EIDRM, "
				    "ENOMEM or ENOSPC)",
				    desc(t, tok, sizeof(tok)));
	} else {
		return perr(p, t->line, t->col, "unknown outcome %s (expected "
			    "an errno name, SIGSEGV, SIGBUS, SIGKILL, ok, an "
			    "integer, $variable or \"string\")",
			    desc(t, tok, sizeof(tok)));
	}
	return 0;
}

/* "=> OUTCOME": errno name, a signal, ok, or a value to match. */
static int parse_outcome(struct parser *p, struct script_call *c)
{
	const struct call_spec *spec = &call_specs[c->kind];
	struct script_outcome *o = &c->outcome;
	struct script_token *t;
	char tok[128];
	int want_string;

	next(p);
	t = next(p);
	o->line = t->line;
	o->col = t->col;
	/* a word that is neither an integer nor flags names the outcome */
	if (t->kind == SCRIPT_TOK_WORD && !(t->text[0] == '-' ||
	    (t->text[0] >= '0' && t->text[0] <= '9') ||
	    memchr(t->text, '|', t->len) || find_flag(t->text, t->len)))
		return parse_outcome_name(p, c, t);
	if (t->kind != SCRIPT_TOK_WORD && t->kind != SCRIPT_TOK_VAR &&
	    t->kind != SCRIPT_TOK_STRING)
		return perr(p, t->line, t->col, "expected an outcome after "
			    "\"=>\" (an errno name, SIGSEGV, SIGBUS, SIGKILL, "
			    "ok, an integer, $variable or \"string\"), got %s",
			    desc(t, tok, sizeof(tok)));
	o->kind = SCRIPT_OUTCOME_VALUE;
	if (parse_any_value(p, t, "the outcome", &o->value))
		return -1;
	o->text = dup_text(p, t->text, t->len, t->col);
	if (!o->text)
		return -1;
	if (c->result == SCRIPT_CAPTURE_NONE)
		return perr(p, t->line, t->col, "expected ok or an errno name "
			    "after \"=>\" (exit has no value), got %s",
			    desc(t, tok, sizeof(tok)));
	want_string = c->result == SCRIPT_CAPTURE_STRING;
	if (script_value_is_string(&o->value) != want_string)
		return perr(p, t->line, t->col, "expected %s after \"=>\" (%s "
			    "gives %s), got %s", want_string ?
			    "a \"string\" or string $variable" :
			    "an integer or integer $variable", spec->name,
			    want_string ? "a string" : "an integer",
			    desc(t, tok, sizeof(tok)));
	return 0;
}

int parse_call(struct parser *p, struct script_stmt *st)
{
	struct script_call *c = &st->call;
	struct script_token *name = next(p), *t;
	char tok[128], list[256];
	int k;

	st->kind = SCRIPT_STMT_CALL;
	if (lookup_task(p, name, &c->task, &c->task_slot))
		return -1;
	next(p);		/* the ':' */
	t = next(p);
	call_list(list, sizeof(list));
	for (k = 0; k < SCRIPT_NR_CALLS; k++)
		if (tok_is(t, call_specs[k].name))
			break;
	if (k == SCRIPT_NR_CALLS && t->kind == SCRIPT_TOK_EOL)
		return perr(p, t->line, t->col, "expected a call after "
			    "\"%.*s:\" (one of %s), got end of line",
			    (int)name->len, name->text, list);
	if (k == SCRIPT_NR_CALLS)
		return perr(p, t->line, t->col, "unknown call %s (expected one "
			    "of %s)", desc(t, tok, sizeof(tok)), list);
	c->kind = k;
	if (parse_call_args(p, c))
		return -1;
	c->result = call_result(c);
	if (peek(p)->kind == SCRIPT_TOK_ARROW && parse_capture(p, c))
		return -1;
	if (peek(p)->kind == SCRIPT_TOK_OUTCOME && parse_outcome(p, c))
		return -1;
	if (expect_eol(p, c->outcome.kind ? "" : c->capture ?
		       "\"=>\" or " : "\"->\", \"=>\" or "))
		return -1;
	/* the capture and the child exist from the next line on */
	if (c->capture && set_var(p, c, st->line))
		return -1;
	if (c->child && declare_task(p, p->child_tok, &c->child_slot))
		return -1;
	return 0;
}
