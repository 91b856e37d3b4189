// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/html.c - `shmsim --html OUT.html SCRIPT` (cli/html.h): the run as
 * one page that opens from disk, with no network and nothing outside it.
 *
 * The kernel's program runs the script as a child, as --compare runs each
 * (cli/capture.c), with --dot-dir into a temporary directory: its output
 * cut by statement and the picture after each statement are what the
 * page shows, one section a statement (docs/html.md has the page's DOM).
 * The temporary directory and its pictures are removed before returning;
 * the page is written as cli/outfile.c writes, whole or not at all.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "html.h"
#include "kernels.h"
#include "outfile.h"

/* in every page's first kilobyte: a page shmsim may replace */
#define HTML_MARK "<meta name=\"generator\" content=\"shmsim --html\">"

struct html_run {
	enum script_kernel k;
	char dir[PATH_MAX];	/* the pictures' temporary directory */
	struct run_out o;
};

struct html_page {
	const struct script *s;
	struct html_run run[2];
	int nruns;
	struct html_pictures *pics[2];	/* each run's, drawn apart */
};

static const char *release(enum script_kernel k)
{
	return k == SCRIPT_KERNEL_2_6 ? "2.6.32" : "2.4.16";
}

/* removes the directory the child drew into, and all it holds */
static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[PATH_MAX + 256];

	if (!d)
		return;
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
			snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
			unlink(path);
		}
	closedir(d);
	rmdir(dir);
}

/* the picture after statement n (from 1), or NULL; to free */
static char *read_picture(const struct html_run *r, size_t n)
{
	char path[PATH_MAX + 32];
	FILE *f;
	char *buf = NULL;
	long len;

	snprintf(path, sizeof(path), "%s/%04zu.dot", r->dir, n);
	f = fopen(path, "r");
	if (!f)
		return NULL;
	if (!fseek(f, 0, SEEK_END) && (len = ftell(f)) >= 0 &&
	    !fseek(f, 0, SEEK_SET) && (buf = malloc((size_t)len + 1))) {
		if (fread(buf, 1, (size_t)len, f) != (size_t)len) {
			free(buf);
			buf = NULL;
		} else {
			buf[len] = '\0';
		}
	}
	fclose(f);
	return buf;
}

static void page_head(FILE *f, const struct html_page *p)
{
	int i;

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n" HTML_MARK "\n<title>shmsim: ", f);
	html_escape(f, p->s->file);
	fputs("</title>\n<style>\n", f);
	fputs((const char *)html_page_css, f);
	fputs("</style>\n</head>\n", f);
	fprintf(f, "<body class=\"%s\">\n<header>\n<h1>shmsim: <code>",
		p->nruns > 1 ? "compare" : "one");
	html_escape(f, p->s->file);
	fputs("</code> on", f);
	for (i = 0; i < p->nruns; i++)
		fprintf(f, "%s Linux %s", i ? " and" : "",
			release(p->run[i].k));
	fputs("</h1>\n<div class=\"controls\">\n"
	      "<button id=\"prev\" title=\"ArrowLeft\">&larr;</button>\n"
	      "<span id=\"pos\"></span>\n"
	      "<button id=\"next\" title=\"ArrowRight\">&rarr;</button>\n"
	      "<button id=\"fault\" title=\"f\">next fault</button>\n"
	      "<label>call <input id=\"fn\" size=\"16\" "
	      "placeholder=\"shmem_nopage\" title=\"/ then n\"></label>\n"
	      "<button id=\"call\" title=\"n\">next call</button>\n"
	      "<label>open to depth <input id=\"depth\" type=\"number\" "
	      "min=\"0\" max=\"99\" value=\"2\" size=\"2\" "
	      "title=\"+ and -\"></label>\n"
	      "<label><input id=\"fold\" type=\"checkbox\" checked "
	      "title=\"v\"> fold the unchanged VFS</label>\n"
	      "<span id=\"msg\" role=\"status\"></span>\n"
	      "</div>\n<p class=\"keys\">Keys: &larr; &rarr; Home End, "
	      "f next page fault, / a function's name then n its next "
	      "call, + &minus; the trace's depth, v fold the VFS.</p>\n"
	      "</header>\n", f);
}

/* the statement list: every statement, clickable */
static void page_list(FILE *f, const struct html_page *p, int boot)
{
	size_t i;

	fputs("<nav id=\"list\"><ol>\n", f);
	if (boot)
		fputs("<li><a href=\"#step-0\">before the first "
		      "statement</a></li>\n", f);
	for (i = 0; i < p->s->nstmts; i++) {
		fprintf(f, "<li><a href=\"#step-%zu\"><span class=\"ln\">"
			"%d</span> ", i + 1, p->s->stmts[i].line);
		html_escape(f, p->s->stmts[i].text);
		fputs("</a></li>\n", f);
	}
	fputs("</ol></nav>\n", f);
}

/* one kernel's part of a step: what it printed, and its picture */
static void step_side(FILE *f, const struct html_page *p,
		      const struct html_run *r, size_t b,
		      struct html_pictures *pics)
{
	char *dot;

	if (p->nruns > 1)
		fprintf(f, "<div class=\"side\" data-kernel=\"%s\">\n"
			"<h3>Linux %s</h3>\n", release(r->k), release(r->k));
	if (b >= 1 && b <= p->s->nstmts && b > r->o.ran)
		fputs("<p class=\"notrun\">not run: the run stopped "
		      "before this statement</p>\n", f);
	html_block(f, p->s, &r->o.blocks[b], r->k);
	if (pics) {
		dot = b >= 1 && b <= r->o.ran ? read_picture(r, b) : NULL;
		html_pictures_step(pics, f, dot);
		free(dot);
	}
	if (p->nruns > 1)
		fputs("</div>\n", f);
}

/* does any run's step b call do_page_fault? */
static int step_faults(const struct html_page *p, size_t b)
{
	int i;

	for (i = 0; i < p->nruns; i++)
		if (html_block_calls(&p->run[i].o.blocks[b], "do_page_fault"))
			return 1;
	return 0;
}

static void page_step(FILE *f, const struct html_page *p, size_t b,
		      struct html_pictures **pics)
{
	const struct script_stmt *st = b ? &p->s->stmts[b - 1] : NULL;
	int i;

	fprintf(f, "<section class=\"step\" id=\"step-%zu\"%s hidden>\n", b,
		step_faults(p, b) ? " data-fault=\"1\"" : "");
	fputs("<h2 class=\"src\">", f);
	if (st) {
		fputs("<span class=\"loc\">", f);
		html_escape(f, p->s->file);
		fprintf(f, ":%d:</span> <code>", st->line);
		html_escape(f, st->text);
		fputs("</code>", f);
	} else {
		fputs("before the first statement", f);
	}
	fputs("</h2>\n", f);
	if (p->nruns > 1)
		fputs("<div class=\"sides\">\n", f);
	for (i = 0; i < p->nruns; i++)
		step_side(f, p, &p->run[i], b, st ? pics[i] : NULL);
	if (p->nruns > 1)
		fputs("</div>\n", f);
	fputs("</section>\n", f);
}

/* the shutdown report, if any run printed one */
static void page_end(FILE *f, const struct html_page *p)
{
	size_t end = p->s->nstmts + 1;
	int i, any = 0;

	for (i = 0; i < p->nruns; i++)
		any |= p->run[i].o.blocks[end].n != 0;
	if (!any)
		return;
	fputs("<footer id=\"end\"><h2>At shutdown</h2>\n", f);
	for (i = 0; i < p->nruns; i++) {
		if (p->nruns > 1)
			fprintf(f, "<h3>Linux %s</h3>\n", release(p->run[i].k));
		html_block(f, p->s, &p->run[i].o.blocks[end], p->run[i].k);
	}
	fputs("</footer>\n", f);
}

static int fill_page(FILE *f, void *ctx)
{
	struct html_page *p = ctx;
	int i, boot = 0;
	size_t b;

	for (i = 0; i < p->nruns; i++)
		boot |= p->run[i].o.blocks[0].n != 0;
	page_head(f, p);
	page_list(f, p, boot);
	fputs("<main>\n", f);
	for (b = boot ? 0 : 1; b <= p->s->nstmts; b++)
		page_step(f, p, b, p->pics);
	fputs("</main>\n", f);
	page_end(f, p);
	fputs("<script>\n", f);
	fputs((const char *)html_page_js, f);
	fputs("</script>\n</body>\n</html>\n", f);
	return 0;
}

/* runs the script on r->k, its pictures into a new temporary directory */
static int html_run(struct html_run *r, const struct script *s,
		    const char *arg, char **options, int noptions)
{
	const char *tmp = getenv("TMPDIR");
	char *extra[2];

	snprintf(r->dir, sizeof(r->dir), "%s/shmsim-html.XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(r->dir)) {
		fprintf(stderr, "shmsim: --html: cannot make a temporary "
			"directory in %s: %s (set TMPDIR)\n",
			tmp && *tmp ? tmp : "/tmp", strerror(errno));
		r->dir[0] = '\0';
		return -1;
	}
	extra[0] = "--dot-dir";
	extra[1] = r->dir;
	return capture_run(r->k, s, arg, options, noptions, extra, 2,
			   "--html", &r->o);
}

static void tell_failure(const struct html_page *p, const struct html_run *r,
			 const char *line)
{
	if (!html_is_failure(p->s, line))
		return;
	if (p->nruns > 1)
		fprintf(stderr, "Linux %s: ", release(r->k));
	fprintf(stderr, "%s\n", line);
}

/* what the runs printed as failures, on standard error as a run prints */
static void tell_failures(const struct html_page *p)
{
	size_t b, j;
	int i;

	for (i = 0; i < p->nruns; i++)
		for (b = 0; b <= p->s->nstmts + 1; b++)
			for (j = 0; j < p->run[i].o.blocks[b].n; j++)
				tell_failure(p, &p->run[i],
					     p->run[i].o.blocks[b].lines[j]);
}

static int write_page(const struct html_page *p, const struct run_options *opt)
{
	static const struct outfile_guard none;
	char why[200];
	int err = outfile_write(opt->html, opt->guard ? opt->guard : &none,
				HTML_MARK, fill_page, (void *)p, why,
				sizeof(why));

	if (!err)
		return 0;
	fprintf(stderr, "shmsim: --html %s: %s\n", opt->html, why);
	return err == EEXIST || err == ELOOP || err == EACCES ||
	       err == ENOENT || err == EISDIR ? RUN_BAD_SCRIPT : RUN_HOST;
}

int cli_html(const struct script *s, const char *arg, char **options,
	     int noptions, const struct run_options *opt, int compare)
{
	struct html_page p;
	int i, status = RUN_OK, failed = 0;

	memset(&p, 0, sizeof(p));
	p.s = s;
	p.nruns = compare ? 2 : 1;
	p.run[0].k = compare ? SCRIPT_KERNEL_2_4 : run_kernel(s, opt);
	p.run[1].k = SCRIPT_KERNEL_2_6;
	/* the processes that draw the pictures first, while this is small */
	for (i = 0; i < p.nruns && !failed; i++) {
		p.pics[i] = html_pictures_new(i ? "b" : "a");
		if (!p.pics[i]) {
			fprintf(stderr, "shmsim: --html: no process to draw "
				"the pictures in: %s\n", strerror(errno));
			failed = 1;
		}
	}
	for (i = 0; i < p.nruns && !failed; i++) {
		failed = html_run(&p.run[i], s, arg, options, noptions);
		if (p.run[i].o.status > status)
			status = p.run[i].o.status;
		if (!failed && status == RUN_BAD_SCRIPT && !p.run[i].o.ran) {
			/* nothing ran: say why as the run said it */
			fputs(p.run[i].o.buf, stderr);
			failed = 1;
		}
	}
	if (failed) {
		status = RUN_BAD_SCRIPT;
	} else {
		tell_failures(&p);
		i = write_page(&p, opt);
		if (i > status)
			status = i;
	}
	for (i = 0; i < p.nruns; i++) {
		html_pictures_free(p.pics[i]);
		if (p.run[i].dir[0])
			remove_dir(p.run[i].dir);
		capture_free(&p.run[i].o, s->nstmts);
	}
	return status;
}
