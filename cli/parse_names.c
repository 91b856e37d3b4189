// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/parse_names.c - the names a script introduces: tasks (declared by
 * "task" and "fork") and variables (set by "-> var"), the parse-time tables
 * that say which exist from the current line on and what each holds, and
 * what a valid name is. Only the names outlive the parse, in
 * script->tasks and script->vars.
 * Called by cli/parse.c, cli/parse_call.c and cli/parse_value.c.
 */
#include <stdlib.h>
#include <string.h>
#include <uthash.h>

#include "parse.h"

static int is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_name_char(char c, int dash)
{
	return is_name_start(c) || (c >= '0' && c <= '9') || (dash && c == '-');
}

/* [A-Za-z_][A-Za-z0-9_]* for variables; tasks also take '-' */
int valid_name(const struct script_token *t, int dash)
{
	size_t i;

	if (t->kind != SCRIPT_TOK_WORD || !t->len || !is_name_start(t->text[0]))
		return 0;
	for (i = 1; i < t->len; i++)
		if (!is_name_char(t->text[i], dash))
			return 0;
	return 1;
}

static struct ptask *find_task(struct parser *p, const struct script_token *t)
{
	struct ptask *pt;

	HASH_FIND(hh, p->tasks, t->text, t->len, pt);
	return pt;
}

/* A task name used here must be declared by an earlier task or fork. */
int lookup_task(struct parser *p, const struct script_token *t,
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
int check_new_task(struct parser *p, const struct script_token *t,
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

/* Adds task t to script->tasks and the table; *slot is its index. */
int declare_task(struct parser *p, const struct script_token *t,
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
int set_var(struct parser *p, struct script_call *c, int line)
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

/* Frees both tables (the names stay in the script). */
void drop_names(struct parser *p)
{
	struct pvar *pv, *pvtmp;
	struct ptask *pt, *pttmp;

	HASH_ITER(hh, p->vars, pv, pvtmp) {
		HASH_DEL(p->vars, pv);
		free(pv);
	}
	HASH_ITER(hh, p->tasks, pt, pttmp) {
		HASH_DEL(p->tasks, pt);
		free(pt);
	}
}
