// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/parse_value.c - the values of the scenario language: integers and
 * sizes, flag words ("IPC_CREAT|0600"), $variables and their fields,
 * "strings", errno names and the values of key= options. Each is checked
 * where it is written, against what the place takes; the first error
 * stops the parse (cli/parse.h).
 * Called by cli/parse.c (statements) and cli/parse_call.c (calls).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uthash.h>

#include "parse.h"
#include "tables.h"

const struct script_flag *find_flag(const char *s, size_t len)
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
int parse_int_value(struct parser *p, const struct script_token *t,
		    unsigned int set, const char *what, struct script_value *v)
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
/* A path or a name: a bare word is taken as it is written, as a string. */
int parse_word_value(struct parser *p, const struct script_token *t,
		     const char *what, struct script_value *v)
{
	if (t->kind != SCRIPT_TOK_WORD)
		return parse_str_value(p, t, what, v);
	v->kind = SCRIPT_VALUE_STRING;
	v->line = t->line;
	v->col = t->col;
	v->text = dup_text(p, t->text, t->len, t->col);
	v->str = dup_text(p, t->text, t->len, t->col);
	if (!v->text || !v->str)
		return -1;
	v->len = t->len;
	return 0;
}

int parse_str_value(struct parser *p, const struct script_token *t,
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
int parse_any_value(struct parser *p, const struct script_token *t,
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
int parse_literal(struct parser *p, const struct script_token *t,
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

int is_errno_name(const struct script_token *t)
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

/*
 * The value of "key=": the very next token, with no blank between.
 * Returns NULL after reporting the error.
 */
struct script_token *option_value(struct parser *p,
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
