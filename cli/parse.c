// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/parse.c - the parser of the scenario language: text to struct script.
 * Reads the whole script before anything runs (scenario-language.md,
 *   "Running"), one line per statement, and checks what can be checked
 *   without the kernel: argument counts and types, flag names, declared
 *   tasks, set variables and their fields, "machine" placement, the
 *   functions `inject` can fail and their errnos. The first
 *   error stops the parse with "FILE:LINE:COL: message".
 * This file: the messages and token helpers all parts share, the
 *   statements other than calls (machine, task, expect, show, dot, boot,
 *   trace, sleep, pressure, inject), the line loop and the public
 *   functions. Calls are cli/parse_call.c's, values cli/parse_value.c's,
 *   the task and variable tables cli/parse_names.c's (cli/parse.h).
 * Left out: executing anything; the runner (cli/run.c) walks the result.
 * Called by cli/main.c, fuzz/fuzz_script.c and tests/cli/test_parse.c;
 * cli/lex.c cuts the lines.
 *
 * Typical sequence: script_parse() -> for each line script_lex_line() ->
 * parse_line() -> parse_call()/parse_task()/... -> push onto s->stmts; at
 * the end the parse-time tables (variables, tasks) are dropped and only
 * the struct script remains, which script_free() releases.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "linux/kernel.h"	/* sim_errno_from_name(), sim_errno_name() */
#include "sim/fail.h"		/* sim_fail_sites, a table only */
#include "kernels.h"		/* cli_fail_site_list */
#include "parse.h"
#include "tables.h"

int perr(struct parser *p, int line, int col, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	script_error_set(p->err, p->file, line, col, "%s", msg);
	return -1;
}

#define TOKEN_SHOWN	64	/* longer tokens are cut in messages */

/* A token as messages name it: "shmgte", string "abc", end of line */
const char *desc(const struct script_token *t, char *buf, size_t n)
{
	int len = t->len > TOKEN_SHOWN ? TOKEN_SHOWN - 3 : (int)t->len;
	const char *more = t->len > TOKEN_SHOWN ? "..." : "";

	if (t->kind == SCRIPT_TOK_EOL)
		snprintf(buf, n, "end of line");
	else if (t->kind == SCRIPT_TOK_STRING)
		snprintf(buf, n, "string %.*s%s", len, t->text, more);
	else
		snprintf(buf, n, "\"%.*s%s\"", len, t->text, more);
	return buf;
}

char *dup_text(struct parser *p, const char *s, size_t len, int col)
{
	char *d = strndup(s, len);

	if (!d)
		perr(p, p->ln.line, col, "out of memory");
	return d;
}

/*
 * Room for element n of an array that holds n now: its size doubles when n
 * is a power of two (16 at the least), so n appends copy O(n) in all and
 * no capacity needs keeping. Returns 0, or -1 with *arr untouched.
 */
int grow(void *arr, size_t n, size_t size)
{
	void **a = arr, *bigger;
	size_t want = n < 16 ? 16 : 2 * n;

	if (n && (n & (n - 1)))
		return 0;	/* not at a power of two: there is room */
	if (n >= 16 && want / 2 != n)
		return -1;
	bigger = realloc(*a, want * size);
	if (!bigger)
		return -1;
	*a = bigger;
	return 0;
}

int expect_eol(struct parser *p, const char *after)
{
	struct script_token *t = peek(p);
	char tok[128];

	if (t->kind == SCRIPT_TOK_EOL)
		return 0;
	return perr(p, t->line, t->col, "expected %send of line, got %s",
		    after, desc(t, tok, sizeof(tok)));
}

/*
 * The sizes a machine can boot with, checked here so that a script that
 * cannot boot fails at its line, not at boot. RAM: whole pages, two at
 * least (tmpfs's root inode and one more frame), at most 896M (what i386
 * 2.4.16 without HIGHMEM maps as low memory), and no more than the host
 * has. Swap: none, or whole pages from 12K (the header, one slot, and the
 * last page 2.4.16 leaves unused) to below 4G (sizes are i386's 32 bits).
 */
#define RAM_MIN		(8LL << 10)
#define RAM_MAX		(896LL << 20)
#define SWAP_MIN	(12LL << 10)
#define SWAP_MAX	((4LL << 30) - 4096)

static int not_whole_pages(struct parser *p, const struct script_token *v,
			   const char *key)
{
	return perr(p, v->line, v->col, "%s=%.*s is not a whole number of 4K "
		    "pages", key, (int)v->len, v->text);
}

static int check_ram(struct parser *p, const struct script_token *v,
		     long long n)
{
	long long host = (long long)sysconf(_SC_PHYS_PAGES) *
			 sysconf(_SC_PAGESIZE);

	if (n % 4096)
		return not_whole_pages(p, v, "ram");
	if (n < RAM_MIN || n > RAM_MAX)
		return perr(p, v->line, v->col, "ram=%.*s: the machine takes "
			    "8K (two page frames) to 896M (i386's low memory "
			    "without HIGHMEM)", (int)v->len, v->text);
	if (host > 0 && n > host)
		return perr(p, v->line, v->col, "ram=%.*s: the host has only "
			    "%lld MiB", (int)v->len, v->text, host >> 20);
	return 0;
}

static int check_swap(struct parser *p, const struct script_token *v,
		      long long n)
{
	if (n % 4096)
		return not_whole_pages(p, v, "swap");
	if (n && (n < SWAP_MIN || n > SWAP_MAX))
		return perr(p, v->line, v->col, "swap=%.*s: a swap area takes "
			    "0 (none) or 12K (a header and one slot) to 4G-4K",
			    (int)v->len, v->text);
	return 0;
}

/*
 * patch=NAME[,NAME...]: the experiment's changes (sim/boot.h). Whether the
 * kernel that runs the script has each one is for cli_refuse_not_modelled
 * to say, as a script may be parsed by the other kernel's program.
 */
static int parse_patches(struct parser *p, const struct script_token *v,
			 struct script_machine_stmt *m)
{
	static const char *const names[] = {
		"single-sb", "user-mount", "hashed-shm",
	};
	const char *s = v->text, *end = v->text + v->len, *comma;
	unsigned int i, bit;
	int col;

	m->set.patches = 0;
	for (;;) {
		comma = memchr(s, ',', (size_t)(end - s));
		if (!comma)
			comma = end;
		col = v->col + (int)(s - v->text);
		for (i = 0; i < 3; i++)
			if ((size_t)(comma - s) == strlen(names[i]) &&
			    !memcmp(s, names[i], strlen(names[i])))
				break;
		if (i == 3)
			return perr(p, v->line, col, "unknown patch \"%.*s\" "
				    "(expected single-sb, user-mount or "
				    "hashed-shm, joined by commas)",
				    (int)(comma - s), s);
		bit = 1u << i;
		if (m->set.patches & bit)
			return perr(p, v->line, col, "patch %s named twice",
				    names[i]);
		m->set.patches |= bit;
		m->patch_line[i] = v->line;
		m->patch_col[i] = col;
		if (comma == end)
			break;
		s = comma + 1;
	}
	m->has_patches = 1;
	return 0;
}

static int parse_machine(struct parser *p, struct script_stmt *st)
{
	struct script_machine_stmt *m = &st->machine;
	struct script_token *t, *v;
	unsigned int seen = 0;
	long long n;
	char tok[128];

	st->kind = SCRIPT_STMT_MACHINE;
	next(p);
	if (p->run_line)
		return perr(p, st->line, st->col, "\"machine\" must come "
			    "before anything that runs (line %d runs first)",
			    p->run_line);
	m->set = p->s->machine;
	while ((t = next(p))->kind != SCRIPT_TOK_EOL) {
		if (t->kind == SCRIPT_TOK_KEY && key_is(t, "ram")) {
			v = option_value(p, t, &seen, 1);
			if (!v || parse_literal(p, v, "a size > 0 for ram= "
						"(such as 16M)", 1, LLONG_MAX,
						&n) || check_ram(p, v, n))
				return -1;
			m->has_ram = 1;
			m->set.ram = n;
		} else if (t->kind == SCRIPT_TOK_KEY && key_is(t, "swap")) {
			v = option_value(p, t, &seen, 2);
			if (!v || parse_literal(p, v, "a size >= 0 for swap= "
						"(such as 16M)", 0, LLONG_MAX,
						&n) || check_swap(p, v, n))
				return -1;
			m->has_swap = 1;
			m->swap_line = v->line;
			m->swap_col = v->col;
			m->set.swap = n;
		} else if (t->kind == SCRIPT_TOK_KEY && key_is(t, "kernel")) {
			v = option_value(p, t, &seen, 4);
			if (!v)
				return -1;
			if (tok_is(v, "2.4"))
				m->set.kernel = SCRIPT_KERNEL_2_4;
			else if (tok_is(v, "2.6"))
				m->set.kernel = SCRIPT_KERNEL_2_6;
			else
				return perr(p, v->line, v->col, "unknown "
					    "kernel %s (expected 2.4 or 2.6)",
					    desc(v, tok, sizeof(tok)));
			m->has_kernel = 1;
		} else if (t->kind == SCRIPT_TOK_KEY && key_is(t, "patch")) {
			v = option_value(p, t, &seen, 8);
			if (!v || parse_patches(p, v, m))
				return -1;
		} else if (t->kind == SCRIPT_TOK_KEY) {
			return perr(p, t->line, t->col, "unknown option %s for "
				    "machine (expected ram=, swap=, kernel= or "
				    "patch=)", desc(t, tok, sizeof(tok)));
		} else {
			return perr(p, t->line, t->col, "expected ram=, swap=, "
				    "kernel=, patch= or end of line, got %s",
				    desc(t, tok, sizeof(tok)));
		}
	}
	/* later lines override earlier ones, option by option */
	p->s->machine = m->set;
	return 0;
}

static int parse_task(struct parser *p, struct script_stmt *st)
{
	struct script_task *task = &st->task;
	struct script_token *name, *t, *v;
	unsigned int seen = 0;
	long long n;
	char tok[128];

	st->kind = SCRIPT_STMT_TASK;
	next(p);
	name = next(p);
	if (check_new_task(p, name, "task"))
		return -1;
	while ((t = next(p))->kind != SCRIPT_TOK_EOL) {
		if (t->kind == SCRIPT_TOK_KEY &&
		    (key_is(t, "uid") || key_is(t, "gid"))) {
			v = option_value(p, t, &seen,
					 t->text[0] == 'u' ? 1 : 2);
			if (!v || parse_literal(p, v, t->text[0] == 'u' ?
						"a uid from 0 to 4294967295" :
						"a gid from 0 to 4294967295",
						0, 0xFFFFFFFFLL, &n))
				return -1;
			if (t->text[0] == 'u')
				task->uid = n;
			else
				task->gid = n;
		} else if (t->kind == SCRIPT_TOK_KEY) {
			return perr(p, t->line, t->col, "unknown option %s for "
				    "task (expected uid= or gid=)",
				    desc(t, tok, sizeof(tok)));
		} else {
			return perr(p, t->line, t->col, "expected uid=, gid= "
				    "or end of line, got %s",
				    desc(t, tok, sizeof(tok)));
		}
	}
	task->name = dup_text(p, name->text, name->len, name->col);
	if (!task->name)
		return -1;
	return declare_task(p, name, &task->slot);
}

static int parse_expect(struct parser *p, struct script_stmt *st)
{
	struct script_expect *e = &st->expect;
	struct script_token *lhs, *op, *rhs;
	char tok[128], tok2[128];

	st->kind = SCRIPT_STMT_EXPECT;
	next(p);
	lhs = next(p);
	if (parse_any_value(p, lhs, "expect", &e->lhs))
		return -1;
	op = next(p);
	if (op->kind != SCRIPT_TOK_OP)
		return perr(p, op->line, op->col, "expected an operator (==, "
			    "!=, <, <=, > or >=), got %s",
			    desc(op, tok, sizeof(tok)));
	e->op = op->op;
	e->op_col = op->col;
	rhs = next(p);
	if (parse_any_value(p, rhs, "expect", &e->rhs))
		return -1;
	if (script_value_is_string(&e->lhs) != script_value_is_string(&e->rhs))
		return perr(p, rhs->line, rhs->col, "cannot compare %s with %s "
			    "(expected two integers or two strings)",
			    desc(lhs, tok, sizeof(tok)),
			    desc(rhs, tok2, sizeof(tok2)));
	if (script_value_is_string(&e->lhs) && e->op != SCRIPT_OP_EQ &&
	    e->op != SCRIPT_OP_NE)
		return perr(p, op->line, op->col, "operator \"%s\" needs "
			    "integers (strings compare only with == or !=)",
			    script_op_name(e->op));
	return expect_eol(p, "");
}

static int parse_show(struct parser *p, struct script_stmt *st)
{
	struct script_show *sh = &st->show;
	struct script_token *t;
	char tok[128], list[256];
	size_t used = 0;
	unsigned int w;

	st->kind = SCRIPT_STMT_SHOW;
	next(p);
	t = next(p);
	for (w = 0; w < NR_SHOWS; w++) {
		if (tok_is(t, show_names[w]))
			break;
		used += snprintf(list + used, sizeof(list) - used, "%s%s",
				 w ? ", " : "", show_names[w]);
	}
	if (w == NR_SHOWS)
		return perr(p, t->line, t->col, "%s %s (expected one of %s)",
			    t->kind == SCRIPT_TOK_EOL ? "expected a view, got" :
			    "unknown view", desc(t, tok, sizeof(tok)), list);
	sh->what = w;
	if (script_show_takes_task(w)) {
		t = next(p);
		if (t->kind == SCRIPT_TOK_EOL)
			return perr(p, t->line, t->col, "expected a task name "
				    "after \"show %s\", got end of line",
				    show_names[w]);
		if (lookup_task(p, t, &sh->task, &sh->task_slot))
			return -1;
	} else if (w == SCRIPT_SHOW_PAGECACHE) {
		if (parse_int_value(p, next(p), 0, "SHMID of show pagecache",
				    &sh->shmid))
			return -1;
	}
	return expect_eol(p, "");
}

static int parse_dot(struct parser *p, struct script_stmt *st)
{
	struct script_token *t;
	char tok[128];

	st->kind = SCRIPT_STMT_DOT;
	next(p);
	t = next(p);
	if (t->kind == SCRIPT_TOK_STRING && !memchr(t->str, 0, t->str_len) &&
	    t->str_len)
		st->dot.file = strdup(t->str);
	else if (t->kind == SCRIPT_TOK_WORD)
		st->dot.file = strndup(t->text, t->len);
	else
		return perr(p, t->line, t->col, "expected a file name after "
			    "\"dot\", got %s", desc(t, tok, sizeof(tok)));
	if (!st->dot.file)
		return perr(p, t->line, t->col, "out of memory");
	for (t = peek(p); t->kind == SCRIPT_TOK_WORD; t = peek(p)) {
		unsigned int flag = dot_word_flag(t->text, t->len);

		if (!flag)
			break;
		if (st->dot.flags & flag)
			return perr(p, t->line, t->col, "\"%.*s\" given twice",
				    (int)t->len, t->text);
		st->dot.flags |= flag;
		next(p);
	}
	return expect_eol(p, "shm, rbtree or ");
}

static int parse_simple(struct parser *p, struct script_stmt *st)
{
	struct script_token *kw = next(p), *t;
	char tok[128];

	if (tok_is(kw, "boot")) {
		st->kind = SCRIPT_STMT_BOOT;
		if (p->boot_line)
			return perr(p, kw->line, kw->col, "duplicate \"boot\" "
				    "(the kernel already booted on line %d)",
				    p->boot_line);
		p->boot_line = kw->line;
	} else if (tok_is(kw, "trace")) {
		st->kind = SCRIPT_STMT_TRACE;
		t = next(p);
		if (!tok_is(t, "on") && !tok_is(t, "off"))
			return perr(p, t->line, t->col, "expected on or off "
				    "after \"trace\", got %s",
				    desc(t, tok, sizeof(tok)));
		st->trace = tok_is(t, "on");
	} else if (tok_is(kw, "sleep")) {
		st->kind = SCRIPT_STMT_SLEEP;
		if (parse_literal(p, next(p), "a number of seconds >= 0 after "
				  "\"sleep\"", 0, LLONG_MAX, &st->sleep))
			return -1;
	} else {
		st->kind = SCRIPT_STMT_PRESSURE;
		if (parse_literal(p, next(p), "a number of pages from 0 to "
				  "2147483647 after \"pressure\"", 0, INT_MAX,
				  &st->pressure))
			return -1;
	}
	return expect_eol(p, "");
}

/* after= and times= of inject */
static int parse_inject_option(struct parser *p, struct script_inject *in,
			       const struct script_token *t,
			       unsigned int *seen)
{
	struct script_token *v;
	char tok[128];

	if (t->kind == SCRIPT_TOK_KEY && key_is(t, "after")) {
		v = option_value(p, t, seen, 1);
		return !v || parse_literal(p, v, "a count from 0 to "
					   "2147483647 for after=", 0, INT_MAX,
					   &in->after) ? -1 : 0;
	}
	if (t->kind == SCRIPT_TOK_KEY && key_is(t, "times")) {
		v = option_value(p, t, seen, 2);
		if (!v || parse_literal(p, v, "a count from 1 to 2147483647, "
					"or -1 for no limit, for times=", -1,
					INT_MAX, &in->times))
			return -1;
		if (in->times == 0)
			return perr(p, v->line, v->col, "expected a count from "
				    "1 to 2147483647, or -1 for no limit, for "
				    "times=, got %s",
				    desc(v, tok, sizeof(tok)));
		return 0;
	}
	if (t->kind == SCRIPT_TOK_KEY)
		return perr(p, t->line, t->col, "unknown option %s for inject "
			    "(expected after= or times=)",
			    desc(t, tok, sizeof(tok)));
	return perr(p, t->line, t->col, "expected after=, times= or end of "
		    "line, got %s", desc(t, tok, sizeof(tok)));
}

/*
 * "inject FUNCTION ERRNAME [after=N] [times=N]", "inject [FUNCTION] off".
 * Which functions can fail, and with what, is the running kernel's table
 * (sim_fail_sites); a script may be parsed by one kernel's program and run
 * by the other's, so here a function this kernel does not know, and an
 * errno its failure does not give, are kept for cli_check_injects to
 * judge against the kernel that runs the script.
 */
static int parse_inject(struct parser *p, struct script_stmt *st)
{
	struct script_inject *in = &st->inject;
	const struct sim_fail_site *site;
	struct script_token *t, *e;
	char tok[128], errs[64], name[64];
	unsigned int seen = 0;

	st->kind = SCRIPT_STMT_INJECT;
	in->times = 1;
	next(p);
	t = next(p);
	if (tok_is(t, "off")) {
		in->off = 1;
		return expect_eol(p, "");
	}
	if (t->kind != SCRIPT_TOK_WORD) {
		char list[256];

		cli_fail_site_list(list, sizeof(list));
		return perr(p, t->line, t->col, t->kind == SCRIPT_TOK_EOL ?
			    "expected a function after \"inject\", got end of "
			    "line (expected off or one of %s)" :
			    "unknown function %s for inject (expected off or "
			    "one of %s)", t->kind == SCRIPT_TOK_EOL ? list :
			    desc(t, tok, sizeof(tok)), list);
	}
	site = sim_fail_find(t->text, t->len);
	in->func = site ? strdup(site->name) : strndup(t->text, t->len);
	if (!in->func)
		return perr(p, t->line, t->col, "out of memory");
	in->func_line = t->line;
	in->func_col = t->col;
	e = next(p);
	if (tok_is(e, "off")) {
		in->off = 1;
		return expect_eol(p, "");
	}
	if (site)
		cli_fail_errno_list(site, errs, sizeof(errs));
	else
		snprintf(errs, sizeof(errs), "an errno");
	if (!is_errno_name(e))
		return perr(p, e->line, e->col, "expected an errno name or off "
			    "after \"inject %.*s\", got %s (a failing %.*s "
			    "gives its callers %s)", (int)t->len, t->text,
			    desc(e, tok, sizeof(tok)), (int)t->len, t->text,
			    errs);
	snprintf(name, sizeof(name), "%.*s", (int)e->len, e->text);
	in->err = e->len < sizeof(name) ? sim_errno_from_name(name) : 0;
	if (!in->err)
		return perr(p, e->line, e->col, "unknown errno %s (a failing "
			    "%.*s gives its callers %s)",
			    desc(e, tok, sizeof(tok)), (int)t->len, t->text,
			    errs);
	in->err_line = e->line;
	in->err_col = e->col;
	while ((t = next(p))->kind != SCRIPT_TOK_EOL)
		if (parse_inject_option(p, in, t, &seen))
			return -1;
	return 0;
}

static void free_value(struct script_value *v)
{
	free(v->text);
	free(v->var);
	free(v->str);
}

static void free_stmt(struct script_stmt *st)
{
	int i;

	free(st->text);
	switch (st->kind) {
	case SCRIPT_STMT_TASK:
		free(st->task.name);
		break;
	case SCRIPT_STMT_CALL:
		free(st->call.task);
		for (i = 0; i < SCRIPT_MAX_ARGS; i++)
			free_value(&st->call.args[i]);
		free_value(&st->call.uid);
		free_value(&st->call.gid);
		free_value(&st->call.mode);
		free(st->call.child);
		free(st->call.capture);
		free(st->call.outcome.text);
		free_value(&st->call.outcome.value);
		break;
	case SCRIPT_STMT_EXPECT:
		free_value(&st->expect.lhs);
		free_value(&st->expect.rhs);
		break;
	case SCRIPT_STMT_SHOW:
		free(st->show.task);
		free_value(&st->show.shmid);
		break;
	case SCRIPT_STMT_DOT:
		free(st->dot.file);
		break;
	case SCRIPT_STMT_INJECT:
		free(st->inject.func);
		break;
	default:
		break;
	}
}

/* One line: nothing for a blank one, else one statement appended. */
static int parse_line(struct parser *p)
{
	struct script_token *toks = p->ln.toks, *last;
	struct script *s = p->s;
	struct script_stmt st, *stmts;
	char tok[128];
	int rc;

	if (toks[0].kind == SCRIPT_TOK_EOL)
		return 0;
	memset(&st, 0, sizeof(st));
	st.line = toks[0].line;
	st.col = toks[0].col;
	last = &toks[p->ln.ntoks - 2];
	st.text = dup_text(p, toks[0].text, last->text + last->len -
			   toks[0].text, st.col);
	if (!st.text)
		return -1;
	/* a task may be called "show": "NAME:" decides, not the keyword */
	if (toks[0].kind == SCRIPT_TOK_WORD && toks[1].kind == SCRIPT_TOK_COLON)
		rc = parse_call(p, &st);
	else if (tok_is(&toks[0], "machine"))
		rc = parse_machine(p, &st);
	else if (tok_is(&toks[0], "task"))
		rc = parse_task(p, &st);
	else if (tok_is(&toks[0], "expect"))
		rc = parse_expect(p, &st);
	else if (tok_is(&toks[0], "show"))
		rc = parse_show(p, &st);
	else if (tok_is(&toks[0], "dot"))
		rc = parse_dot(p, &st);
	else if (tok_is(&toks[0], "boot") || tok_is(&toks[0], "trace") ||
		 tok_is(&toks[0], "sleep") || tok_is(&toks[0], "pressure"))
		rc = parse_simple(p, &st);
	else if (tok_is(&toks[0], "inject"))
		rc = parse_inject(p, &st);
	else
		rc = perr(p, st.line, st.col, "unknown statement %s (expected "
			  "machine, boot, task, expect, show, dot, trace, "
			  "sleep, pressure, inject or NAME: CALL)",
			  desc(&toks[0], tok, sizeof(tok)));
	if (!rc && st.kind != SCRIPT_STMT_MACHINE && !p->run_line)
		p->run_line = st.line;
	if (!rc && grow(&s->stmts, s->nstmts, sizeof(*stmts)))
		rc = perr(p, st.line, st.col, "out of memory");
	if (rc) {
		free_stmt(&st);
		return -1;
	}
	s->stmts[s->nstmts++] = st;
	return 0;
}

void script_free(struct script *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->nstmts; i++)
		free_stmt(&s->stmts[i]);
	free(s->stmts);
	for (i = 0; i < s->nvars; i++)
		free(s->vars[i]);
	free(s->vars);
	for (i = 0; i < s->ntasks; i++)
		free(s->tasks[i]);
	free(s->tasks);
	free(s->text);
	free(s->file);
	free(s);
}

/*
 * Parses text[0..len) as the script file (the name used in messages).
 * Returns the script, or NULL with *err filled (err may be NULL).
 */
struct script *script_parse(const char *file, const char *text, size_t len,
			    struct script_error *err)
{
	struct script_error dummy;
	struct script_lexer lx;
	struct parser p;
	int rc;

	memset(&p, 0, sizeof(p));
	p.file = file ? file : "<script>";
	p.err = err ? err : &dummy;
	p.err->line = p.err->col = 0;
	p.err->msg[0] = '\0';
	p.s = calloc(1, sizeof(*p.s));
	if (!p.s || !(p.s->file = strdup(p.file))) {
		free(p.s);
		script_error_set(p.err, p.file, 0, 0, "out of memory");
		return NULL;
	}
	p.s->machine.ram = 16ULL << 20;
	p.s->machine.swap = 16ULL << 20;
	p.s->machine.kernel = SCRIPT_KERNEL_2_4;
	script_lex_init(&lx, p.file, text, len, p.err);
	while ((rc = script_lex_line(&lx, &p.ln)) > 0) {
		p.pos = 0;
		p.child_tok = NULL;
		rc = parse_line(&p);
		if (rc)
			break;
	}
	script_line_release(&p.ln);
	drop_names(&p);
	if (rc < 0) {
		script_free(p.s);
		return NULL;
	}
	return p.s;
}

/* Reads path ("-": standard input, named "<stdin>") and parses it. */
struct script *script_parse_file(const char *path, struct script_error *err)
{
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	size_t len = 0, cap = 0;
	struct script *s;
	char *buf = NULL, *nbuf, *nul;
	FILE *f;
	size_t n;

	f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	if (!f)
		goto read_error;
	do {
		if (cap - len < 4096) {
			cap = cap ? 2 * cap : 16384;
			nbuf = realloc(buf, cap);
			if (!nbuf) {
				errno = ENOMEM;
				goto read_error_close;
			}
			buf = nbuf;
		}
		n = fread(buf + len, 1, cap - len, f);
		/* a NUL byte is the lexer's error: read no further */
		nul = memchr(buf + len, '\0', n);
		len += n;
		if (nul) {
			len = (size_t)(nul - buf) + 1;
			break;
		}
		if (len > SCRIPT_MAX_BYTES) {
			if (f != stdin)
				fclose(f);
			free(buf);
			if (err)
				script_error_set(err, name, 0, 0, "longer than "
						 "%d MiB, the most a script "
						 "may be", SCRIPT_MAX_BYTES >>
						 20);
			return NULL;
		}
	} while (n > 0);
	if (ferror(f))
		goto read_error_close;
	if (f != stdin)
		fclose(f);
	s = script_parse(name, buf ? buf : "", len, err);
	if (s && f == stdin) {
		s->text = buf;
		s->text_len = len;
	} else {
		free(buf);
	}
	return s;

read_error_close:
	n = errno;
	if (f != stdin)
		fclose(f);
	errno = n;
read_error:
	free(buf);
	if (err)
		script_error_set(err, name, 0, 0, "cannot read: %s",
				 strerror(errno));
	return NULL;
}
