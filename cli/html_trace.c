// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/html_trace.c - what a statement printed, as the page shows it
 * (cli/html.h): its result lines and failures (.result), its call trace
 * as a tree of <details>, one per call that has a body (.trace), and the
 * views it printed (.views). Every line is the program's own text,
 * escaped; a function's name links to its source on a public
 * cross-reference site, for the release the kernel models.
 *
 * The tree follows the trace's braces: "name(...) {" opens a call, "} = x"
 * closes it, anything else is a line of the call it is in. A collapsed
 * call shows its return value after its first line (data-ret).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

/* calls at this depth and deeper start collapsed (the page's depth box) */
#define HTML_OPEN_DEPTH 2

/*
 * Elixir (elixir.bootlin.com) indexes both releases: 2.6.32 from the
 * kernel's git (tag v2.6.32), 2.4.16 from the history tree
 * (bootlin/linux-history, tag 2.4.16, without the v).
 */
#define HTML_XREF "https://elixir.bootlin.com/linux/"

void html_escape_n(FILE *f, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i]; i++) {
		switch (s[i]) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&#39;", f);
			break;
		default:
			fputc(s[i], f);
		}
	}
}

void html_escape(FILE *f, const char *s)
{
	html_escape_n(f, s, strlen(s));
}

const char *html_xref_release(enum script_kernel k)
{
	return k == SCRIPT_KERNEL_2_6 ? "v2.6.32" : "2.4.16";
}

int html_is_failure(const struct script *s, const char *line)
{
	size_t n = strlen(s->file);

	return (!strncmp(line, s->file, n) && line[n] == ':') ||
	       !strncmp(line, "shmsim: ", 8);
}

/* the length of the function name a trace line starts with, or 0 */
static size_t call_name(const char *key)
{
	size_t n = 0;

	if (!isalpha((unsigned char)key[0]) && key[0] != '_')
		return 0;
	while (isalnum((unsigned char)key[n]) || key[n] == '_')
		n++;
	return key[n] == '(' ? n : 0;
}

int html_block_calls(const struct compare_block *b, const char *fn)
{
	size_t i, n = strlen(fn);

	for (i = 0; i < b->n; i++) {
		const char *key = capture_line_key(b->lines[i]);

		if (capture_is_trace_line(b->lines[i]) &&
		    call_name(key) == n && !strncmp(key, fn, n))
			return 1;
	}
	return 0;
}

/* a trace line's text: its function's name a link, a comment marked */
static void trace_text(FILE *f, const char *key, enum script_kernel k)
{
	size_t n = call_name(key);

	if (!strncmp(key, "/*", 2)) {
		fputs("<span class=\"cm\">", f);
		html_escape(f, key);
		fputs("</span>", f);
		return;
	}
	if (n && strncmp(key, "sim_", 4)) {
		fputs("<a class=\"fn\" data-fn=\"", f);
		html_escape_n(f, key, n);
		fprintf(f, "\" href=\"%s%s/C/ident/", HTML_XREF,
			html_xref_release(k));
		html_escape_n(f, key, n);
		fputs("\">", f);
		html_escape_n(f, key, n);
		fputs("</a>", f);
	} else if (n) {
		fputs("<span class=\"fn\" data-fn=\"", f);
		html_escape_n(f, key, n);
		fputs("\">", f);
		html_escape_n(f, key, n);
		fputs("</span>", f);
	}
	html_escape(f, key + n);
}

/* "     210 |" as the line's event number */
static void trace_event(FILE *f, const char *line)
{
	const char *p = line;

	while (*p == ' ')
		p++;
	fputs("<span class=\"ev\">", f);
	html_escape_n(f, p, strspn(p, "0123456789"));
	fputs("</span>", f);
}

static int opens(const char *key)
{
	size_t n = strlen(key);

	return call_name(key) && n >= 2 && !strcmp(key + n - 2, " {");
}

/* close[i]: the line that closes the call line i opens, or 0 */
static size_t *match_braces(const struct compare_block *b)
{
	size_t *close = calloc(b->n + 1, sizeof(*close));
	size_t *stack = calloc(b->n + 1, sizeof(*stack));
	size_t i, top = 0;

	if (!close || !stack) {
		free(stack);
		free(close);
		return NULL;
	}
	for (i = 0; i < b->n; i++) {
		const char *key = capture_line_key(b->lines[i]);

		if (!capture_is_trace_line(b->lines[i]))
			continue;
		if (opens(key))
			stack[top++] = i;
		else if (key[0] == '}' && top)
			close[stack[--top]] = i;
	}
	free(stack);
	return close;
}

/* one call with a body: <details>, its first line the summary */
static void trace_open(FILE *f, const struct compare_block *b, size_t i,
		       size_t close, int depth, enum script_kernel k)
{
	const char *key = capture_line_key(b->lines[i]);

	fprintf(f, "<details data-depth=\"%d\"%s><summary", depth,
		depth < HTML_OPEN_DEPTH ? " open" : "");
	if (close) {
		fputs(" data-ret=\"", f);
		html_escape(f, capture_line_key(b->lines[close]) + 1);
		fputc('"', f);
	}
	fputc('>', f);
	trace_event(f, b->lines[i]);
	trace_text(f, key, k);
	fputs("</summary>\n", f);
}

static void trace_tree(FILE *f, const struct compare_block *b, enum script_kernel k)
{
	size_t *close = match_braces(b);
	size_t i;
	int depth = 0;

	fputs("<div class=\"trace\">\n", f);
	for (i = 0; close && i < b->n; i++) {
		const char *key = capture_line_key(b->lines[i]);

		if (!capture_is_trace_line(b->lines[i]))
			continue;
		if (opens(key)) {
			trace_open(f, b, i, close[i], depth++, k);
			continue;
		}
		fputs("<div class=\"ln\">", f);
		trace_event(f, b->lines[i]);
		trace_text(f, key, k);
		fputs("</div>\n", f);
		if (key[0] == '}' && depth) {
			fputs("</details>\n", f);
			depth--;
		}
	}
	while (depth-- > 0)
		fputs("</details>\n", f);
	fputs("</div>\n", f);
	free(close);
}

/* the lines of b of one kind, in a <pre> of class cls */
static void plain_lines(FILE *f, const struct script *s, const struct compare_block *b,
			const char *cls, int results)
{
	size_t i;

	fprintf(f, "<pre class=\"%s\">", cls);
	for (i = 0; i < b->n; i++) {
		const char *line = b->lines[i];
		int result = capture_is_result_line(line) ||
			     html_is_failure(s, line);

		if (capture_is_trace_line(line) || result != results)
			continue;
		if (results && !capture_is_result_line(line))
			fputs("<span class=\"fail\">", f);
		html_escape(f, line);
		if (results && !capture_is_result_line(line))
			fputs("</span>", f);
		fputc('\n', f);
	}
	fputs("</pre>\n", f);
}

void html_block(FILE *f, const struct script *s, const struct compare_block *b,
		enum script_kernel k)
{
	plain_lines(f, s, b, "result", 1);
	trace_tree(f, b, k);
	plain_lines(f, s, b, "views", 0);
}
