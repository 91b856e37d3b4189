// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/interactive.c - `shmsim -i`: the language at a prompt. Each line
 * typed is parsed as the next line of one growing script named <stdin>,
 * so an error reads as in a script (<stdin>:LINE:COL) and changes nothing,
 * and what was typed runs on one machine through the runner's steps
 * (run_begin, run_more, run_end). Beside the language, meta-commands:
 *	:back		undo the last statement: the runner is deterministic,
 *			so the session is replayed from boot without it
 *	:save FILE	what was typed so far, as a script that reproduces it
 *	:trace on|off|depth N	the trace, or its lines N calls deep at most
 *	:picture FILE	the picture of every structure now (a `dot FILE`)
 *	:help
 * Line editing, history and tab completion are libedit's (BSD-licensed;
 * GNU readline is GPL-3). Without a terminal the lines are read plainly.
 * Ctrl-D (or the input's end) shuts the machine down and reports.
 */
#include <errno.h>
#include <histedit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim/kernel.h"
#include "interactive.h"
#include "kernels.h"
#include "outfile.h"
#include "run.h"
#include "tables.h"

#define SAVE_MARK	"# a shmsim -i session"

struct session {
	struct run_options opt;		/* the session's, trace switch too */
	struct run_options quiet;	/* the same, printing nothing */
	char *text;			/* the accepted lines */
	size_t len;
	struct script *s;		/* text, parsed */
	struct runner *r;		/* NULL before the first statement */
	size_t ran;			/* statements of s already run */
	int depth;			/* :trace depth N, 0: every line */
	FILE *filter;			/* the trace through that filter */
	int status;
};

static struct session *current_session;	/* for the completion callback */

/* ---- the growing script ------------------------------------------------ */

/* text + line, parsed; NULL with the error printed */
static struct script *parse_with(struct session *ss, const char *line,
				 char **joined, size_t *len)
{
	struct script_error err;
	struct script *s;
	size_t l = strlen(line);

	*joined = malloc(ss->len + l + 2);
	if (!*joined)
		return NULL;
	if (ss->len)
		memcpy(*joined, ss->text, ss->len);
	memcpy(*joined + ss->len, line, l);
	(*joined)[ss->len + l] = '\n';
	*len = ss->len + l + 1;
	s = script_parse("<stdin>", *joined, *len, &err);
	if (!s) {
		fprintf(ss->opt.err, "%s\n", err.msg);
		free(*joined);
		*joined = NULL;
	}
	return s;
}

/* The runner for s (a kernel mismatch is refused here) */
static int start(struct session *ss, struct script *s,
		 const struct run_options *opt)
{
	int status;

	ss->r = run_begin(s, opt, &status);
	return ss->r ? 0 : status;
}

/* Every accepted statement again, from boot, printing nothing. */
static void replay(struct session *ss)
{
	if (ss->r)
		run_end(ss->r);
	ss->r = NULL;
	ss->ran = 0;
	if (!ss->s || !ss->s->nstmts)
		return;
	if (start(ss, ss->s, &ss->quiet))
		return;
	run_more(ss->r, ss->s, 0);
	run_resume(ss->r, &ss->opt);
	ss->ran = ss->s->nstmts;
}

/* One line of the language: it runs, or changes nothing. */
static void statement(struct session *ss, const char *line)
{
	char *joined;
	size_t len;
	struct script *s = parse_with(ss, line, &joined, &len);
	int status;

	if (!s)
		return;
	/* refused as a script would be, before anything of it runs */
	status = cli_refuse_not_modelled(s, &ss->opt);
	if (status || (!ss->r && start(ss, s, &ss->opt))) {
		script_free(s);
		free(joined);
		return;
	}
	if (s->nstmts > ss->ran)
		status = run_more(ss->r, s, ss->ran);
	if (status == RUN_BAD_SCRIPT || status == RUN_HOST ||
	    run_stopped(ss->r)) {
		/* it failed at run time: the session goes on without it */
		script_free(s);
		free(joined);
		replay(ss);
		return;
	}
	if (status > ss->status)
		ss->status = status;
	script_free(ss->s);
	free(ss->text);
	ss->s = s;
	ss->text = joined;
	ss->len = len;
	ss->ran = s->nstmts;
}

/* ---- meta-commands --------------------------------------------------- */

/* :back: the text without its last line that holds a statement */
static void back(struct session *ss)
{
	size_t end = ss->len, start;
	char *joined = NULL;
	struct script_error err;

	while (end) {
		start = end - 1;
		while (start && ss->text[start - 1] != '\n')
			start--;
		/* a blank or comment line holds no statement: keep going */
		if (strspn(ss->text + start, " \t") != end - 1 - start &&
		    ss->text[start + strspn(ss->text + start, " \t")] != '#') {
			ss->len = start;
			break;
		}
		end = start;
	}
	if (!end) {
		fprintf(ss->opt.err, ":back: nothing to undo\n");
		return;
	}
	script_free(ss->s);
	ss->s = NULL;
	if (ss->len) {
		joined = ss->text;
		ss->s = script_parse("<stdin>", joined, ss->len, &err);
	}
	replay(ss);
	fprintf(ss->opt.out, "# back to line %zu\n",
		ss->s ? (size_t)ss->s->stmts[ss->s->nstmts - 1].line : 0);
}

static int fill_save(FILE *f, void *ctx)
{
	const struct session *ss = ctx;

	fprintf(f, "%s\n", SAVE_MARK);
	fwrite(ss->text, 1, ss->len, f);
	return ferror(f) ? EIO : 0;
}

static void save(struct session *ss, const char *path)
{
	static const struct outfile_guard none;
	char why[256];

	if (!*path) {
		fprintf(ss->opt.err, ":save: expected a file name\n");
		return;
	}
	if (outfile_write(path, ss->opt.guard ? ss->opt.guard : &none,
			  SAVE_MARK, fill_save, ss, why, sizeof(why)))
		fprintf(ss->opt.err, ":save: %s: %s\n", path, why);
	else
		fprintf(ss->opt.out, "# saved %s\n", path);
}

static void trace(struct session *ss, const char *arg)
{
	char *end;
	long n;

	if (!strcmp(arg, "on") || !strcmp(arg, "off")) {
		ss->opt.trace = !strcmp(arg, "on");
	} else if (!strncmp(arg, "depth ", 6)) {
		n = strtol(arg + 6, &end, 10);
		if (*end || n < 0 || n > 64) {
			fprintf(ss->opt.err, ":trace depth: expected 0 "
				"(every line) to 64\n");
			return;
		}
		ss->depth = (int)n;
	} else {
		fprintf(ss->opt.err, ":trace: expected on, off or depth N\n");
		return;
	}
	if (ss->r)
		run_resume(ss->r, &ss->opt);
}

static void picture(struct session *ss, const char *path)
{
	char *line, *joined;
	size_t len;
	struct script *s;

	if (!ss->r) {
		fprintf(ss->opt.err, ":picture: nothing has run yet\n");
		return;
	}
	line = malloc(strlen(path) + 5);
	if (!line)
		return;
	sprintf(line, "dot %s", path);
	s = parse_with(ss, line, &joined, &len);
	free(line);
	if (!s)
		return;
	run_more(ss->r, s, ss->ran);
	if (run_stopped(ss->r))
		run_resume(ss->r, &ss->opt);
	/* the runner goes on with the session's script, without the dot */
	run_rescript(ss->r, ss->s);
	script_free(s);
	free(joined);
}

static void help(FILE *out)
{
	fprintf(out,
		"The scenario language, a statement a line (docs/"
		"scenario-language.md), and:\n"
		"  :back           undo the last statement\n"
		"  :save FILE      the session so far, as a script\n"
		"  :trace on|off   the call trace\n"
		"  :trace depth N  only the trace's first N levels (0: all)\n"
		"  :picture FILE   the picture of every structure now\n"
		"  :help           this text\n"
		"Tab completes statements, calls, flags, tasks and $variables;"
		"\nCtrl-D ends the session with the shutdown report.\n");
}

static void meta(struct session *ss, const char *line)
{
	if (!strcmp(line, ":back"))
		back(ss);
	else if (!strncmp(line, ":save", 5) && (!line[5] || line[5] == ' '))
		save(ss, line[5] ? line + 6 : "");
	else if (!strncmp(line, ":trace ", 7))
		trace(ss, line + 7);
	else if (!strncmp(line, ":picture ", 9))
		picture(ss, line + 9);
	else if (!strcmp(line, ":help"))
		help(ss->opt.out);
	else
		fprintf(ss->opt.err, "unknown command %s (:help lists them)\n",
			line);
}

/* ---- completion ------------------------------------------------------ */

static const char *const statements[] = {
	"machine", "boot", "task", "expect", "show", "dot", "trace", "sleep",
	"pressure", "inject", ":back", ":save", ":trace", ":picture", ":help",
};

/* the i-th word that may complete, or NULL past the last */
static const char *candidate(const struct session *ss, size_t i)
{
	const struct script *s = ss->s;
	size_t n;

	if (i < ARRAY_SIZE(statements))
		return statements[i];
	i -= ARRAY_SIZE(statements);
	if (i < SCRIPT_NR_CALLS)
		return call_specs[i].name;
	i -= SCRIPT_NR_CALLS;
	if (i < NR_SHOWS)
		return show_names[i];
	i -= NR_SHOWS;
	for (n = 0; script_flags[n].name; n++)
		if (i == n)
			return script_flags[n].name;
	i -= n;
	if (s && i < s->ntasks)
		return s->tasks[i];
	i -= s ? s->ntasks : 0;
	if (s && i < s->nvars)
		return s->vars[i];	/* after a '$' only: see complete() */
	return NULL;
}

static unsigned char complete(EditLine *el, int ch)
{
	const LineInfo *li = el_line(el);
	const char *start = li->cursor, *match = NULL, *w;
	size_t len, i, common = 0, count = 0;

	(void)ch;
	while (start > li->buffer && !strchr(" \t|", start[-1]))
		start--;
	if (*start == '$')
		start++;
	len = (size_t)(li->cursor - start);
	for (i = 0; (w = candidate(current_session, i)); i++) {
		if (strncmp(w, start, len))
			continue;
		if (!match) {
			match = w;
			common = strlen(w);
		}
		while (common > len && strncmp(w, match, common))
			common--;
		count++;
	}
	if (!match)
		return CC_ERROR;
	if (common > len) {
		char buf[128];

		snprintf(buf, sizeof(buf), "%.*s%s", (int)(common - len),
			 match + len, count == 1 ? " " : "");
		el_insertstr(el, buf);
		return CC_REFRESH;
	}
	fputc('\n', stdout);
	for (i = 0; (w = candidate(current_session, i)); i++)
		if (!strncmp(w, start, len))
			printf("%s  ", w);
	fputc('\n', stdout);
	return CC_REDISPLAY;
}

static char *prompt(EditLine *el)
{
	(void)el;
	return "shmsim> ";
}

/* ---- the loop -------------------------------------------------------- */

static void one_line(struct session *ss, char *line)
{
	size_t n = strlen(line);

	while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	if (line[0] == ':')
		meta(ss, line);
	else
		statement(ss, line);
	fflush(ss->opt.out);
}

static void read_tty(struct session *ss)
{
	EditLine *el = el_init("shmsim", stdin, stdout, stderr);
	History *hist = history_init();
	HistEvent ev;
	const char *got;
	int count;

	if (!el || !hist) {
		if (el)
			el_end(el);
		if (hist)
			history_end(hist);
		return;
	}
	history(hist, &ev, H_SETSIZE, 1000);
	el_set(el, EL_PROMPT, prompt);
	el_set(el, EL_EDITOR, "emacs");
	el_set(el, EL_HIST, history, hist);
	el_set(el, EL_ADDFN, "shmsim-complete", "complete a word", complete);
	el_set(el, EL_BIND, "^I", "shmsim-complete", NULL);
	while ((got = el_gets(el, &count)) && count > 0) {
		char *line = strdup(got);

		if (!line)
			break;
		if (line[0] && line[0] != '\n')
			history(hist, &ev, H_ENTER, got);
		one_line(ss, line);
		free(line);
	}
	history_end(hist);
	el_end(el);
}

static void read_plain(struct session *ss)
{
	char *line = NULL;
	size_t cap = 0;

	while (getline(&line, &cap, stdin) > 0)
		one_line(ss, line);
	free(line);
}

/* SCRIPT of `shmsim -i SCRIPT`, whole, to run before the prompt */
static int read_script(struct session *ss, const char *path)
{
	FILE *f = fopen(path, "r");
	char buf[4096];
	size_t n;

	if (!f) {
		fprintf(ss->opt.err, "shmsim: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		char *grown = realloc(ss->text, ss->len + n + 1);

		if (!grown) {
			fclose(f);
			return -1;
		}
		ss->text = grown;
		memcpy(ss->text + ss->len, buf, n);
		ss->len += n;
		ss->text[ss->len] = '\0';
	}
	fclose(f);
	return 0;
}

int cli_interactive(const struct run_options *opt, const char *script)
{
	struct session ss;
	FILE *devnull = fopen("/dev/null", "w");
	int status;

	memset(&ss, 0, sizeof(ss));
	ss.opt = *opt;
	ss.opt.keep_going = 1;	/* a failed expect is said, and we go on */
	ss.filter = depth_filter_open(opt->out, &ss.depth);
	if (!devnull || !ss.filter) {
		fprintf(opt->err, "shmsim: out of memory\n");
		return RUN_HOST;
	}
	ss.opt.out = ss.filter;
	ss.quiet = ss.opt;
	ss.quiet.out = ss.quiet.err = devnull;
	current_session = &ss;
	if (script && read_script(&ss, script)) {
		fclose(ss.filter);
		fclose(devnull);
		return RUN_BAD_SCRIPT;
	}
	if (ss.len) {	/* the script runs first, as if typed */
		char *text = ss.text;

		ss.text = NULL;
		ss.len = 0;
		for (char *l = strtok(text, "\n"); l; l = strtok(NULL, "\n"))
			statement(&ss, l);
		free(text);
	}
	if (isatty(STDIN_FILENO))
		read_tty(&ss);
	else
		read_plain(&ss);
	status = ss.r ? run_end(ss.r) : RUN_OK;
	if (ss.status > status)
		status = ss.status;
	script_free(ss.s);
	free(ss.text);
	fclose(ss.filter);
	fclose(devnull);
	return status;
}
