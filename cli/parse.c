// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/parse.c - the parser of the scenario language: text to struct script.
 * Reads the whole script before anything runs (scenario-language.md,
 *   "Running"), one line per statement, and checks what can be checked
 *   without the kernel: argument counts and types, flag names, declared
 *   tasks, set variables and their fields, "machine" placement, the
 *   functions `inject` can fail and their errnos. The first
 *   error stops the parse with "FILE:LINE:COL: message".
 * Left out: executing anything; the runner (cli/run.c) walks the result.
 * Called by cli/run.c and tests/cli/test_parse.c; cli/lex.c cuts the lines.
 *
 * Typical sequence: script_parse() -> for each line script_lex_line() ->
 * parse_line() -> parse_call()/parse_task()/... -> push_stmt(); at the end
 * the parse-time tables (variables, tasks) are dropped and only the
 * struct script remains, which script_free() releases.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uthash.h>

#include "linux/kernel.h"	/* sim_errno_from_name() only */
#include "sim/fail.h"		/* sim_fail_sites, a table only */
#include "sim/proc.h"		/* SIM_DOT_* */
#include "script.h"
#include "tables.h"

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

static int perr(struct parser *p, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int perr(struct parser *p, int line, int col, const char *fmt, ...)
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
static const char *desc(const struct script_token *t, char *buf, size_t n)
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

static struct script_token *peek(struct parser *p)
{
	return &p->ln.toks[p->pos];
}

/* The next token; EOL stays put, so reading past the end is harmless. */
static struct script_token *next(struct parser *p)
{
	struct script_token *t = &p->ln.toks[p->pos];

	if (t->kind != SCRIPT_TOK_EOL)
		p->pos++;
	return t;
}

static int tok_is(const struct script_token *t, const char *word)
{
	return t->kind == SCRIPT_TOK_WORD && t->len == strlen(word) &&
	       memcmp(t->text, word, t->len) == 0;
}

/* "uid=" is the key uid */
static int key_is(const struct script_token *t, const char *key)
{
	return t->len == strlen(key) + 1 &&
	       memcmp(t->text, key, t->len - 1) == 0;
}

static char *dup_text(struct parser *p, const char *s, size_t len, int col)
{
	char *d = strndup(s, len);

	if (!d)
		perr(p, p->ln.line, col, "out of memory");
	return d;
}

static const struct script_flag *find_flag(const char *s, size_t len)
{
	const struct script_flag *f;

	for (f = script_flags; f->name; f++)
		if (strlen(f->name) == len && memcmp(f->name, s, len) == 0)
			return f;
	return NULL;
}

static void flag_list(unsigned int set, char *buf, size_t n)
{
	const struct script_flag *f;
	size_t used = 0;

	buf[0] = '\0';
	for (f = script_flags; f->name && used < n; f++)
		if (f->sets & set)
			used += snprintf(buf + used, n - used, "%s%s",
					 used ? ", " : "", f->name);
}

static int is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_name_char(char c, int dash)
{
	return is_name_start(c) || (c >= '0' && c <= '9') || (dash && c == '-');
}

/* [A-Za-z_][A-Za-z0-9_]* for variables; tasks also take '-' */
static int valid_name(const struct script_token *t, int dash)
{
	size_t i;

	if (t->kind != SCRIPT_TOK_WORD || !t->len || !is_name_start(t->text[0]))
		return 0;
	for (i = 1; i < t->len; i++)
		if (!is_name_char(t->text[i], dash))
			return 0;
	return 1;
}

/*
 * Evaluates a word of integers and flag names joined by '|'. set says
 * which names the place takes; what names the place in messages.
 */
static int eval_word(struct parser *p, const struct script_token *t,
		     unsigned int set, const char *what, long long *out)
{
	const char *term = t->text, *end = t->text + t->len, *bar;
	const struct script_flag *f;
	char list[512], tok[128];
	const char *why;
	long long v;
	int col, len;

	*out = 0;
	for (;; term = bar + 1) {
		bar = memchr(term, '|', end - term);
		if (!bar)
			bar = end;
		col = t->col + (int)(term - t->text);
		len = (int)(bar - term);
		if (!len)
			return perr(p, t->line, col, "empty term in %s "
				    "(expected a flag name or an integer on "
				    "each side of '|')",
				    desc(t, tok, sizeof(tok)));
		if (term[0] == '-' || (term[0] >= '0' && term[0] <= '9')) {
			if (script_lex_int(term, len, &v, &why))
				return perr(p, t->line, col,
					    "bad integer \"%.*s\" (%s)", len,
					    term, why);
		} else if ((f = find_flag(term, len)) && (f->sets & set)) {
			v = f->value;
		} else if (!set) {
			return perr(p, t->line, col, "expected an integer or "
				    "$variable for %s, got \"%.*s\"", what, len,
				    term);
		} else if (set == SCRIPT_FLAGS_ANY) {
			return perr(p, t->line, col, "unknown name \"%.*s\" "
				    "in %s (expected an integer, a flag name, "
				    "$variable or \"string\")", len, term,
				    what);
		} else {
			flag_list(set, list, sizeof(list));
			return perr(p, t->line, col, f ?
				    "flag \"%.*s\" does not belong in %s "
				    "(expected %s or an integer)" :
				    "unknown flag \"%.*s\" for %s "
				    "(expected %s or an integer)",
				    len, term, what, list);
		}
		*out |= v;
		if (bar == end)
			return 0;
	}
}

static const char *kind_phrase(enum script_capture_kind kind)
{
	switch (kind) {
	case SCRIPT_CAPTURE_STRING:
		return "the string";
	case SCRIPT_CAPTURE_SHMID_DS:
		return "a shmid_ds";
	case SCRIPT_CAPTURE_SHMINFO:
		return "a shminfo";
	case SCRIPT_CAPTURE_SHM_INFO:
		return "a shm_info";
	default:
		return "the integer value";
	}
}

/* $name[.field][+N]: checks it is set and has that field. */
static int resolve_var(struct parser *p, const struct script_token *t,
		       struct script_value *v, struct pvar **found)
{
	size_t plain = 1 + t->name_len + (t->field ? 1 + t->field_len : 0);
	struct pvar *pv;
	char list[512];
	size_t used = 0;
	unsigned int f;

	HASH_FIND(hh, p->vars, t->name, t->name_len, pv);
	if (!pv)
		return perr(p, t->line, t->col, "unset variable \"$%.*s\" (no "
			    "earlier line sets it with \"-> %.*s\")",
			    (int)t->name_len, t->name, (int)t->name_len,
			    t->name);
	*found = pv;
	v->kind = SCRIPT_VALUE_VAR;
	v->line = t->line;
	v->col = t->col;
	v->slot = pv->slot;
	v->var_kind = pv->kind;
	v->offset = t->offset;
	v->var = dup_text(p, t->name, t->name_len, t->col);
	v->text = dup_text(p, t->text, t->len, t->col);
	if (!v->var || !v->text)
		return -1;
	if (t->field && (pv->kind == SCRIPT_CAPTURE_SCALAR ||
			 pv->kind == SCRIPT_CAPTURE_STRING))
		return perr(p, t->line, t->col, "\"$%s\" has no field \"%.*s\" "
			    "(it holds %s of %s on line %d, not a struct)",
			    v->var, (int)t->field_len, t->field,
			    kind_phrase(pv->kind), call_specs[pv->call].name,
			    pv->line);
	if (t->field) {
		list[0] = '\0';
		for (f = 1; f < SCRIPT_NR_FIELDS; f++) {
			if (field_specs[f].kind != pv->kind)
				continue;
			if (strlen(field_specs[f].name) == t->field_len &&
			    !memcmp(field_specs[f].name, t->field,
				    t->field_len))
				break;
			used += snprintf(list + used, sizeof(list) - used,
					 "%s%s", used ? ", " : "",
					 field_specs[f].name);
		}
		if (f == SCRIPT_NR_FIELDS)
			return perr(p, t->line, t->col, "unknown field "
				    "\"%.*s\" of \"$%s\" (%s from line %d: "
				    "expected one of %s)",
				    (int)t->field_len, t->field,
				    v->var, kind_phrase(pv->kind), pv->line,
				    list);
		v->field = f;
	}
	if (pv->kind == SCRIPT_CAPTURE_STRING && t->len > plain)
		return perr(p, t->line, t->col, "cannot add to \"$%s\" (it "
			    "holds the string of read on line %d)", v->var,
			    pv->line);
	return 0;
}

/* An integer value: integer/flags word, or a $var that is not a string. */
static int parse_int_value(struct parser *p, const struct script_token *t,
			   unsigned int set, const char *what,
			   struct script_value *v)
{
	const char *kinds = set ? "flags, an" : "an";
	struct pvar *pv;
	char tok[128];

	if (t->kind == SCRIPT_TOK_WORD) {
		v->kind = SCRIPT_VALUE_INT;
		v->line = t->line;
		v->col = t->col;
		v->text = dup_text(p, t->text, t->len, t->col);
		if (!v->text)
			return -1;
		return eval_word(p, t, set, what, &v->num);
	}
	if (t->kind == SCRIPT_TOK_VAR) {
		if (resolve_var(p, t, v, &pv))
			return -1;
		if (script_value_is_string(v))
			return perr(p, t->line, t->col, "expected %s "
				    "integer or $variable for %s, got \"%s\" "
				    "(the string of read on line %d)", kinds,
				    what, v->text, pv->line);
		return 0;
	}
	return perr(p, t->line, t->col, "expected %s integer or $variable for "
		    "%s, got %s", kinds, what, desc(t, tok, sizeof(tok)));
}

/* DATA of write: a "string" or a $var holding one. */
static int parse_str_value(struct parser *p, const struct script_token *t,
			   const char *what, struct script_value *v)
{
	struct pvar *pv;
	char tok[128];

	if (t->kind == SCRIPT_TOK_STRING) {
		v->kind = SCRIPT_VALUE_STRING;
		v->line = t->line;
		v->col = t->col;
		v->text = dup_text(p, t->text, t->len, t->col);
		v->str = malloc(t->str_len + 1);
		if (!v->text || !v->str)
			return perr(p, t->line, t->col, "out of memory");
		memcpy(v->str, t->str, t->str_len + 1);
		v->len = t->str_len;
		return 0;
	}
	if (t->kind == SCRIPT_TOK_VAR) {
		if (resolve_var(p, t, v, &pv))
			return -1;
		if (!script_value_is_string(v))
			return perr(p, t->line, t->col, "expected a "
				    "\"string\" or string $variable for %s, "
				    "got \"%s\" (%s of %s on line %d)", what,
				    v->text, v->field ? "a field" :
				    kind_phrase(pv->kind),
				    call_specs[pv->call].name, pv->line);
		return 0;
	}
	return perr(p, t->line, t->col, "expected a \"string\" or string "
		    "$variable for %s, got %s", what,
		    desc(t, tok, sizeof(tok)));
}

/* Either side of expect, or the value after "=>". */
static int parse_any_value(struct parser *p, const struct script_token *t,
			   const char *what, struct script_value *v)
{
	struct pvar *pv;
	char tok[128];

	if (t->kind == SCRIPT_TOK_STRING)
		return parse_str_value(p, t, what, v);
	if (t->kind == SCRIPT_TOK_VAR)
		return resolve_var(p, t, v, &pv);
	if (t->kind == SCRIPT_TOK_WORD)
		return parse_int_value(p, t, SCRIPT_FLAGS_ANY, what, v);
	return perr(p, t->line, t->col, "expected a value for %s (an integer, "
		    "flags, $variable or \"string\"), got %s", what,
		    desc(t, tok, sizeof(tok)));
}

/* An integer literal within [min, max]; what says what the place wants. */
static int parse_literal(struct parser *p, const struct script_token *t,
			 const char *what, long long min, long long max,
			 long long *out)
{
	const char *why;
	char tok[128];

	if (t->kind != SCRIPT_TOK_WORD ||
	    (t->text[0] != '-' && (t->text[0] < '0' || t->text[0] > '9')))
		return perr(p, t->line, t->col, "expected %s, got %s", what,
			    desc(t, tok, sizeof(tok)));
	if (script_lex_int(t->text, t->len, out, &why))
		return perr(p, t->line, t->col, "bad integer \"%.*s\" (%s)",
			    (int)t->len, t->text, why);
	if (*out < min || *out > max)
		return perr(p, t->line, t->col, "expected %s, got %s", what,
			    desc(t, tok, sizeof(tok)));
	return 0;
}

static int expect_eol(struct parser *p, const char *after)
{
	struct script_token *t = peek(p);
	char tok[128];

	if (t->kind == SCRIPT_TOK_EOL)
		return 0;
	return perr(p, t->line, t->col, "expected %send of line, got %s",
		    after, desc(t, tok, sizeof(tok)));
}

/*
 * The value of "key=": the very next token, with no blank between.
 * Returns NULL after reporting the error.
 */
static struct script_token *option_value(struct parser *p,
					 const struct script_token *key,
					 unsigned int *seen, unsigned int bit)
{
	struct script_token *t = peek(p);

	if (*seen & bit) {
		perr(p, key->line, key->col, "duplicate option \"%.*s\" "
		     "(already given on this line)", (int)key->len, key->text);
		return NULL;
	}
	*seen |= bit;
	if (t->kind == SCRIPT_TOK_EOL || t->space_before) {
		perr(p, key->line, key->col + (int)key->len, "expected a value "
		     "right after \"%.*s\", got %s", (int)key->len, key->text,
		     t->kind == SCRIPT_TOK_EOL ? "end of line" : "a blank");
		return NULL;
	}
	return next(p);
}

static struct ptask *find_task(struct parser *p, const struct script_token *t)
{
	struct ptask *pt;

	HASH_FIND(hh, p->tasks, t->text, t->len, pt);
	return pt;
}

/* A task name used here must be declared by an earlier task or fork. */
static int lookup_task(struct parser *p, const struct script_token *t,
		       char **name, unsigned int *slot)
{
	struct ptask *pt = find_task(p, t);
	char tok[128];

	if (!pt || t->kind != SCRIPT_TOK_WORD)
		return perr(p, t->line, t->col, "unknown task %s (expected a "
			    "task declared earlier by task or fork)",
			    desc(t, tok, sizeof(tok)));
	*slot = pt->slot;
	*name = dup_text(p, t->text, t->len, t->col);
	return *name ? 0 : -1;
}

/* "task NAME" and "fork NAME": a valid name, not declared yet. */
static int check_new_task(struct parser *p, const struct script_token *t,
			  const char *after)
{
	struct ptask *pt;
	char tok[128];

	if (t->kind == SCRIPT_TOK_EOL)
		return perr(p, t->line, t->col, "expected a task name after "
			    "\"%s\", got end of line", after);
	if (!valid_name(t, 1))
		return perr(p, t->line, t->col, "bad task name %s (expected a "
			    "letter or _, then letters, digits, _ or -)",
			    desc(t, tok, sizeof(tok)));
	pt = find_task(p, t);
	if (pt)
		return perr(p, t->line, t->col, "duplicate task \"%.*s\" "
			    "(already declared on line %d)", (int)t->len,
			    t->text, pt->line);
	return 0;
}

/*
 * Room for element n of an array that holds n now: its size doubles when n
 * is a power of two (16 at the least), so n appends copy O(n) in all and
 * no capacity needs keeping. Returns 0, or -1 with *arr untouched.
 */
static int grow(void *arr, size_t n, size_t size)
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

static int declare_task(struct parser *p, const struct script_token *t,
			unsigned int *slot)
{
	struct script *s = p->s;
	struct ptask *pt;
	char **tasks;
	char *name;

	tasks = grow(&s->tasks, s->ntasks, sizeof(*tasks)) ? NULL : s->tasks;
	pt = calloc(1, sizeof(*pt));
	name = strndup(t->text, t->len);
	if (!tasks || !pt || !name) {
		free(pt);
		free(name);
		return perr(p, t->line, t->col, "out of memory");
	}
	*slot = s->ntasks;
	s->tasks[s->ntasks++] = name;
	pt->name = name;
	pt->slot = *slot;
	pt->line = t->line;
	HASH_ADD_KEYPTR(hh, p->tasks, pt->name, t->len, pt);
	return 0;
}

/* "-> name" takes effect after its line: record what name holds now. */
static int set_var(struct parser *p, struct script_call *c, int line)
{
	struct script *s = p->s;
	struct pvar *pv;
	char **vars;

	HASH_FIND(hh, p->vars, c->capture, strlen(c->capture), pv);
	if (!pv) {
		vars = grow(&s->vars, s->nvars, sizeof(*vars)) ? NULL : s->vars;
		pv = calloc(1, sizeof(*pv));
		if (!vars || !pv || !(pv->name = strdup(c->capture))) {
			free(pv);
			return perr(p, line, c->capture_col, "out of memory");
		}
		pv->slot = s->nvars;
		s->vars[s->nvars++] = (char *)pv->name;
		HASH_ADD_KEYPTR(hh, p->vars, pv->name, strlen(pv->name), pv);
	}
	c->capture_slot = pv->slot;
	pv->kind = c->result;
	pv->call = c->kind;
	pv->line = line;
	return 0;
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
		} else if (t->kind == SCRIPT_TOK_KEY) {
			return perr(p, t->line, t->col, "unknown option %s for "
				    "machine (expected ram=, swap= or kernel=)",
				    desc(t, tok, sizeof(tok)));
		} else {
			return perr(p, t->line, t->col, "expected ram=, swap=, "
				    "kernel= or end of line, got %s",
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
			if (a->type == ARG_STRING ?
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
	if (c->nargs < spec->nargs)
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

static int is_errno_name(const struct script_token *t)
{
	size_t i;

	if (t->len < 2 || t->text[0] != 'E')
		return 0;
	for (i = 1; i < t->len; i++)
		if (!((t->text[i] >= 'A' && t->text[i] <= 'Z') ||
		      (t->text[i] >= '0' && t->text[i] <= '9')))
			return 0;
	return 1;
}

/* "=> OUTCOME": errno name, a signal, ok, or a value to match. */
static int parse_outcome(struct parser *p, struct script_call *c)
{
	const struct call_spec *spec = &call_specs[c->kind];
	struct script_outcome *o = &c->outcome;
	struct script_token *t;
	char tok[128], name[64];
	int want_string;

	next(p);
	t = next(p);
	o->line = t->line;
	o->col = t->col;
	if (t->kind == SCRIPT_TOK_WORD && !(t->text[0] == '-' ||
	    (t->text[0] >= '0' && t->text[0] <= '9') ||
	    memchr(t->text, '|', t->len) || find_flag(t->text, t->len))) {
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
				return perr(p, t->line, t->col, "%s cannot "
					    "come from %s (only write, fill, "
					    "read and touch access memory)",
					    o->text, spec->name);
		} else if (is_errno_name(t)) {
			snprintf(name, sizeof(name), "%.*s", (int)t->len,
				 t->text);
			o->kind = SCRIPT_OUTCOME_ERRNO;
			o->err = t->len < sizeof(name) ?
				 sim_errno_from_name(name) : 0;
			if (!o->err)
				return perr(p, t->line, t->col, "unknown "
					    "errno %s (expected an errno name "
					    "such as ENOENT, EEXIST, EINVAL, "
					    "EACCES, EPERM, EIDRM, ENOMEM or "
					    "ENOSPC)",
					    desc(t, tok, sizeof(tok)));
		} else {
			return perr(p, t->line, t->col, "unknown outcome %s "
				    "(expected an errno name, SIGSEGV, SIGBUS, "
				    "SIGKILL, ok, an integer, $variable or "
				    "\"string\")",
				    desc(t, tok, sizeof(tok)));
		}
		return 0;
	}
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

static int parse_call(struct parser *p, struct script_stmt *st)
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
	char tok[128], list[128];
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
		unsigned int flag = tok_is(t, "shm") ? SIM_DOT_SHM :
				    tok_is(t, "rbtree") ? SIM_DOT_RBTREE : 0;

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

/* "ENOMEM", "ENOMEM or ENOSPC", "ENOMEM, ENFILE or ENOSPC" */
static void errno_list(const struct sim_fail_site *site, char *buf, size_t n)
{
	size_t used = 0;
	int i, count = 0;

	while (count < SIM_FAIL_MAX_ERRNOS && site->errnos[count])
		count++;
	buf[0] = '\0';
	for (i = 0; i < count && used < n; i++)
		used += snprintf(buf + used, n - used, "%s%s",
				 !i ? "" : i == count - 1 ? " or " : ", ",
				 sim_errno_name(site->errnos[i]));
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
				    "times=, got %s", desc(v, tok, sizeof(tok)));
		return 0;
	}
	if (t->kind == SCRIPT_TOK_KEY)
		return perr(p, t->line, t->col, "unknown option %s for inject "
			    "(expected after= or times=)",
			    desc(t, tok, sizeof(tok)));
	return perr(p, t->line, t->col, "expected after=, times= or end of "
		    "line, got %s", desc(t, tok, sizeof(tok)));
}

/* "inject FUNCTION ERRNAME [after=N] [times=N]", "inject [FUNCTION] off" */
static int parse_inject(struct parser *p, struct script_stmt *st)
{
	struct script_inject *in = &st->inject;
	const struct sim_fail_site *site;
	struct script_token *t, *e;
	char tok[128], list[256], errs[64], name[64];
	unsigned int seen = 0;
	size_t used = 0;
	int i;

	st->kind = SCRIPT_STMT_INJECT;
	in->times = 1;
	next(p);
	t = next(p);
	if (tok_is(t, "off")) {
		in->off = 1;
		return expect_eol(p, "");
	}
	for (i = 0; sim_fail_sites[i].name; i++)
		used += snprintf(list + used, sizeof(list) - used, "%s%s",
				 i ? ", " : "", sim_fail_sites[i].name);
	site = t->kind == SCRIPT_TOK_WORD ? sim_fail_find(t->text, t->len) :
	       NULL;
	if (!site && t->kind == SCRIPT_TOK_EOL)
		return perr(p, t->line, t->col, "expected a function after "
			    "\"inject\", got end of line (expected off or "
			    "one of %s)", list);
	if (!site)
		return perr(p, t->line, t->col, "unknown function %s for "
			    "inject (expected off or one of %s)",
			    desc(t, tok, sizeof(tok)), list);
	in->func = site->name;
	e = next(p);
	if (tok_is(e, "off")) {
		in->off = 1;
		return expect_eol(p, "");
	}
	errno_list(site, errs, sizeof(errs));
	if (!is_errno_name(e))
		return perr(p, e->line, e->col, "expected an errno name or off "
			    "after \"inject %.*s\", got %s (a failing %s gives "
			    "its callers %s)", (int)t->len, t->text,
			    desc(e, tok, sizeof(tok)), site->name, errs);
	snprintf(name, sizeof(name), "%.*s", (int)e->len, e->text);
	in->err = e->len < sizeof(name) ? sim_errno_from_name(name) : 0;
	if (!in->err)
		return perr(p, e->line, e->col, "unknown errno %s (a failing "
			    "%s gives its callers %s)",
			    desc(e, tok, sizeof(tok)), site->name, errs);
	if (!sim_fail_errno_ok(site, in->err))
		return perr(p, e->line, e->col, "%s cannot fail with %s in "
			    "2.4.16 (a failing %s gives its callers %s)",
			    site->name, name, site->name, errs);
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
	struct pvar *pv, *pvtmp;
	struct ptask *pt, *pttmp;
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
	HASH_ITER(hh, p.vars, pv, pvtmp) {
		HASH_DEL(p.vars, pv);
		free(pv);
	}
	HASH_ITER(hh, p.tasks, pt, pttmp) {
		HASH_DEL(p.tasks, pt);
		free(pt);
	}
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
	free(buf);
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
