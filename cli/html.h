/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/html.h - `shmsim --html OUT.html SCRIPT`: the run as one
 * self-contained page (docs/html.md). cli/html.c runs the script in the
 * kernel's program (both, with --compare) and writes the page;
 * cli/html_trace.c turns a statement's output into HTML; cli/html_svg.c
 * draws its pictures with Graphviz's library.
 */
#ifndef _SHMSIM_CLI_HTML_H
#define _SHMSIM_CLI_HTML_H

#include <stdio.h>

#include "capture.h"
#include "run.h"
#include "script.h"

/*
 * The page of s (the script arg, as parsed here) into path, written as
 * cli/outfile.c writes; compare: both kernels side by side. Returns the
 * run's exit status (the larger of the two), 4 when the page could not
 * be written, 2 (having said why) when the run could not be made.
 */
int cli_html(const struct script *s, const char *arg, char **options,
	     int noptions, const struct run_options *opt, int compare);

/* cli/html_trace.c */
/* s with &, <, >, " and ' as entities */
void html_escape(FILE *f, const char *s);
void html_escape_n(FILE *f, const char *s, size_t n);
/* kernel "2.4" or "2.6": the cross-reference site's release of its source */
const char *html_xref_release(enum script_kernel k);
/* a statement's output: .result, .trace and .views (lines of b) */
void html_block(FILE *f, const struct script *s, const struct compare_block *b,
		enum script_kernel k);
/* a failure or error the run printed: "FILE:LINE: ..." or "shmsim: ..." */
int html_is_failure(const struct script *s, const char *line);
/* does b's trace call function fn? */
int html_block_calls(const struct compare_block *b, const char *fn);

/*
 * cli/html_render.c: one kernel's pictures, statement after statement,
 * drawn in a process of their own: Graphviz may crash on a graph, and
 * that costs the page one picture, not the run.
 * html_pictures_step: the picture after a statement, dot (the digraph
 * --dot-dir wrote, or NULL when the statement did not run), as
 * .picture: inline SVG with what is new or changed since the previous
 * picture marked, what went as a ghost, and the VFS laid out apart so
 * that it can be folded.
 */
struct html_pictures;
struct html_pictures *html_pictures_new(const char *prefix);
void html_pictures_step(struct html_pictures *pp, FILE *f, const char *dot);
void html_pictures_free(struct html_pictures *pp);

/* cli/html_svg.c: the same drawing, in the calling process */
struct html_pics;
struct html_pics *html_draw_new(const char *prefix);
void html_draw_step(struct html_pics *p, FILE *f, const char *dot);
void html_draw_free(struct html_pics *p);
/* the pictures drawn so far: each has an SVG id of its own */
unsigned int html_draw_count(const struct html_pics *p);
void html_draw_set_count(struct html_pics *p, unsigned int n);

/* the page's stylesheet and script (cli/html/, embedded by CMake) */
extern const unsigned char html_page_css[];
extern const unsigned char html_page_js[];

#endif /* _SHMSIM_CLI_HTML_H */
