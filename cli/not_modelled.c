// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/not_modelled.c - refusing, before anything runs, a script that asks
 * a kernel for what it does not model yet (cli/kernels.h), or to inject a
 * failure the running kernel's sim_fail_sites does not list. The kernel
 * lists it by the script language's words in sim_not_modelled: the calls
 * and views by name, "pressure", "dot", "swap=", "MAP_PRIVATE" (an mmap
 * asking for a private mapping), and the options.
 */
#include <stdio.h>
#include <string.h>

#include "sim/fail.h"
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
 * Flags a kernel may not model yet, by their word in sim_not_modelled:
 * a call whose flags, written as a constant, ask for one is refused at
 * them. (Flags held in a variable are seen only at run time; the fault
 * or the call then says what is missing.)
 */
static const struct refused_flag {
	enum script_call_kind call;
	unsigned int arg;		/* which argument holds the flags */
	long long mask, value;		/* (flags & mask) == value asks */
	const char *word, *what, *why;
} refused_flags[] = {
	{ SCRIPT_CALL_MMAP, 3, MAP_TYPE, MAP_PRIVATE, "MAP_PRIVATE",
	  "mmap MAP_PRIVATE",
	  "a private mapping (anon_vma, copy-on-write) is not in" },
	/* 04000: the language's SHM_HUGETLB (cli/tables.c) */
	{ SCRIPT_CALL_SHMGET, 2, 04000, 04000, "SHM_HUGETLB",
	  "shmget SHM_HUGETLB", "a hugetlbfs segment is not in" },
};

/* the refused flags st asks for, or NULL; *flags: where they stand */
static const struct refused_flag *refused(const struct script_stmt *st,
					  const struct script_value **flags)
{
	size_t i;

	if (st->kind != SCRIPT_STMT_CALL)
		return NULL;
	for (i = 0; i < ARRAY_SIZE(refused_flags); i++) {
		const struct refused_flag *f = &refused_flags[i];

		*flags = &st->call.args[f->arg];
		if (st->call.kind == f->call &&
		    (*flags)->kind == SCRIPT_VALUE_INT &&
		    ((*flags)->num & f->mask) == f->value &&
		    not_modelled(f->word))
			return f;
	}
	return NULL;
}

void cli_fail_site_list(char *buf, size_t len)
{
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; sim_fail_sites[i].name && used < len; i++)
		used += snprintf(buf + used, len - used, "%s%s", i ? ", " : "",
				 sim_fail_sites[i].name);
}

void cli_fail_errno_list(const struct sim_fail_site *site, char *buf,
			 size_t n)
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

/* one inject: a function this kernel can fail, with an errno it gives */
static int check_inject(const struct script *s, const struct script_stmt *st,
			FILE *err)
{
	const struct script_inject *in = &st->inject;
	const struct sim_fail_site *site;
	char list[256], errs[64];

	if (!in->func)
		return 0;
	site = sim_fail_find(in->func, strlen(in->func));
	if (!site) {
		cli_fail_site_list(list, sizeof(list));
		fprintf(err, "%s:%d:%d: unknown function \"%s\" for inject "
			"(expected off or one of %s)\n", s->file, in->func_line,
			in->func_col, in->func, list);
		return RUN_BAD_SCRIPT;
	}
	if (in->off || sim_fail_errno_ok(site, in->err))
		return 0;
	cli_fail_errno_list(site, errs, sizeof(errs));
	fprintf(err, "%s:%d:%d: %s cannot fail with %s in %s (a failing %s "
		"gives its callers %s)\n", s->file, in->err_line, in->err_col,
		site->name, sim_errno_name(in->err), sim_kernel_release,
		site->name, errs);
	return RUN_BAD_SCRIPT;
}

int cli_check_injects(const struct script *s, FILE *err)
{
	size_t i;

	for (i = 0; i < s->nstmts; i++)
		if (s->stmts[i].kind == SCRIPT_STMT_INJECT &&
		    check_inject(s, &s->stmts[i], err))
			return RUN_BAD_SCRIPT;
	return 0;
}

/* a patch this kernel has no meaning for, or cannot apply yet */
static int refuse_patches(const struct script *s, const struct run_options *o,
			  const struct script_machine_stmt *m)
{
	static const char *const names[] = {
		"single-sb", "user-mount", "hashed-shm",
	};
	unsigned int i;

	for (i = 0; m->has_patches && i < 3; i++) {
		if (!(m->set.patches & (1u << i)))
			continue;
		if (not_modelled("patch="))
			return refuse_at(s, o, m->patch_line[i],
					 m->patch_col[i], "patch=", "not in");
		if (sim_patches_known & (1u << i))
			continue;
		fflush(o->out);
		fprintf(o->err, "%s:%d:%d: patch %s: Linux %s has no such "
			"change (its tmpfs internal mount has no MS_NOUSER to "
			"drop)\n", s->file, m->patch_line[i], m->patch_col[i],
			names[i], sim_kernel_release);
		return RUN_BAD_SCRIPT;
	}
	return 0;
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
	int ret;

	if (cli_check_injects(s, o->err))
		return RUN_BAD_SCRIPT;
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
		const struct script_value *flags;
		const struct refused_flag *f = refused(st, &flags);

		if (st->kind == SCRIPT_STMT_MACHINE &&
		    (ret = refuse_patches(s, o, &st->machine)))
			return ret;
		if (st->kind == SCRIPT_STMT_MACHINE && st->machine.has_swap &&
		    st->machine.set.swap && not_modelled("swap="))
			return refuse_at(s, o, st->machine.swap_line,
					 st->machine.swap_col, "swap=",
					 "a swap area is not in");
		if (f)
			return refuse_at(s, o, flags->line, flags->col, f->what,
					 f->why);
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
