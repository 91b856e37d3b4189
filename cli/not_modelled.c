// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/not_modelled.c - refusing, before anything runs, a script that asks
 * a kernel for what it does not model yet (cli/kernels.h). The kernel
 * lists it by the script language's words in sim_not_modelled: the calls
 * and views by name, "pressure", "dot", "swap=", "MAP_PRIVATE" (an mmap
 * asking for a private mapping), and the options.
 */
#include <stdio.h>
#include <string.h>

#include "sim/kernel.h"
#include "call.h"
#include "kernels.h"
#include "tables.h"

/* the word sim_not_modelled knows a statement by, or NULL */
static const char *stmt_word(const struct script_stmt *st)
{
	switch (st->kind) {
	case SCRIPT_STMT_CALL:
		return call_specs[st->call.kind].name;
	case SCRIPT_STMT_SHOW:
		return show_names[st->show.what];
	case SCRIPT_STMT_PRESSURE:
		return "pressure";
	case SCRIPT_STMT_DOT:
		return "dot";
	default:
		return NULL;
	}
}

static int not_modelled(const char *word)
{
	const char *const *w;

	for (w = sim_not_modelled; word && *w; w++)
		if (!strcmp(*w, word))
			return 1;
	return 0;
}

static int refuse_at(const struct script *s, const struct run_options *o,
		     int line, int col, const char *what, const char *why)
{
	fflush(o->out);
	fprintf(o->err, "%s:%d:%d: %s: %s the Linux %s model yet%s\n",
		s->file, line, col, what, why, sim_kernel_release,
		!strcmp(what, "swap=") ? " (swap=0, or leave it out)" : "");
	return RUN_BAD_SCRIPT;
}

/*
 * A private mapping needs what a kernel may not model yet (anon_vma and
 * copy-on-write): "MAP_PRIVATE" in sim_not_modelled refuses an mmap whose
 * flags, written as a constant, ask for one. (Flags held in a variable
 * are seen only at run time; the fault then says what is missing.)
 */
static const struct script_value *private_mmap(const struct script_stmt *st)
{
	const struct script_value *flags = &st->call.args[3];

	if (st->kind != SCRIPT_STMT_CALL || st->call.kind != SCRIPT_CALL_MMAP)
		return NULL;
	if (flags->kind != SCRIPT_VALUE_INT ||
	    (flags->num & MAP_TYPE) != MAP_PRIVATE)
		return NULL;
	return not_modelled("MAP_PRIVATE") ? flags : NULL;
}

int cli_refuse_not_modelled(const struct script *s,
			    const struct run_options *o)
{
	static const char *const opts[] = {
		"--check", "--dot-dir", "--dot-with", "--swap-file",
	};
	int given[] = { o->check, o->dot_dir != NULL, o->dot_flags != 0,
			o->swap_file != NULL };
	char what[64];
	size_t i;

	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		if (given[i] && not_modelled(opts[i])) {
			fprintf(o->err, "shmsim: %s: Linux %s is not modelled "
				"far enough for it yet\n", opts[i],
				sim_kernel_release);
			return RUN_BAD_SCRIPT;
		}
	for (i = 0; i < s->nstmts; i++) {
		const struct script_stmt *st = &s->stmts[i];
		const char *word = stmt_word(st);
		const struct script_value *priv = private_mmap(st);

		if (st->kind == SCRIPT_STMT_MACHINE && st->machine.has_swap &&
		    st->machine.set.swap && not_modelled("swap="))
			return refuse_at(s, o, st->machine.swap_line,
					 st->machine.swap_col, "swap=",
					 "a swap area is not in");
		if (priv)
			return refuse_at(s, o, priv->line, priv->col,
					 "mmap MAP_PRIVATE", "a private mapping "
					 "(anon_vma, copy-on-write) is not in");
		if (not_modelled(word)) {
			snprintf(what, sizeof(what), "%s%s",
				 st->kind == SCRIPT_STMT_SHOW ? "show " : "",
				 word);
			return refuse_at(s, o, st->line, st->col, what,
					 "not in");
		}
	}
	return 0;
}
