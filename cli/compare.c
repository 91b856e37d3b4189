// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/compare.c - `shmsim --compare SCRIPT`: one script on both kernels,
 * side by side (cli/compare.h). Each kernel's program runs the script as
 * a child with --statement-marks, which puts a mark line before each
 * statement's output, so what each statement printed (its trace, result
 * line, views and failures) can be cut out of both runs and shown
 * together: Linux 2.4.16 on the left, Linux 2.6.32 on the right.
 *
 * Within a statement the two outputs are aligned as diff aligns two
 * files (a longest common subsequence), comparing lines without the
 * trace's event numbers, which the two kernels never share. The gutter
 * says how a row compares, as sdiff's does: ' ' the same, '|' different,
 * '<' only in 2.4.16, '>' only in 2.6.32. The summary lists the
 * statements whose result lines differ, and each run's exit status.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture.h"
#include "compare.h"
#include "kernels.h"

/* a rows-by-columns table bigger than this is paired in order instead */
#define COMPARE_LCS_MAX (4u << 20)

static int same_line(const char *a, const char *b)
{
	return !strcmp(capture_line_key(a), capture_line_key(b));
}

/*
 * May the alignment pin the two outputs together at this pair? Not at a
 * function's closing line ("}" or "} = 0"): every trace is full of them,
 * and lining up two unrelated ones would say two calls were the same.
 */
static int anchors(const char *a, const char *b)
{
	return same_line(a, b) && capture_line_key(a)[0] != '}';
}

/* one row, wrapped onto as many lines as the longer side needs */
static void print_row(FILE *out, const char *l, const char *r, char mark,
		      int colw)
{
	size_t ll = l ? strlen(l) : 0, rl = r ? strlen(r) : 0;
	size_t done = 0, w = (size_t)colw;

	do {
		int lw = ll > done ? (int)(ll - done < w ? ll - done : w) : 0;
		int rw = rl > done ? (int)(rl - done < w ? rl - done : w) : 0;

		fprintf(out, "%-*.*s %c ", colw, lw, lw ? l + done : "",
			mark);
		fprintf(out, "%.*s\n", rw, rw ? r + done : "");
		done += w;
	} while (done < ll || done < rl);
}

/*
 * What a line is, for pairing the lines two kernels print differently:
 * a result line's task and call ("A[100]: shmat"), a trace line's
 * function or comment tag ("do_mmap_pgoff", "/\* shm:"), else the line.
 */
static size_t line_kind(const char *line, const char **kind)
{
	const char *k = capture_line_key(line), *p = k;

	if (capture_is_result_line(line))
		p = strchr(line, ':') + 2;
	else if (!strncmp(p, "/* ", 3))
		p += 3;
	while (isalnum((unsigned char)*p) || *p == '_')
		p++;
	*kind = capture_is_result_line(line) ? line : k;
	return (size_t)(p - *kind);
}

static int same_kind(const char *a, const char *b)
{
	const char *ka, *kb;
	size_t na = line_kind(a, &ka), nb = line_kind(b, &kb);

	return na && na == nb && !strncmp(ka, kb, na) && ka[0] != '}';
}

/* how two lines may be pinned together: 0 as the same, 1 as alike */
static int pins(int level, const char *a, const char *b)
{
	return level ? same_kind(a, b) : anchors(a, b);
}

/* rows paired in order: where nothing pins the two sides together */
static void print_run(FILE *out, const struct compare_block *a, size_t ai, size_t an,
		      const struct compare_block *b, size_t bi, size_t bn, int colw)
{
	while (ai < an || bi < bn) {
		const char *l = ai < an ? a->lines[ai++] : NULL;
		const char *r = bi < bn ? b->lines[bi++] : NULL;

		print_row(out, l, r, l && r ? (same_line(l, r) ? ' ' : '|') :
			  l ? '<' : '>', colw);
	}
}

/*
 * t[i][j]: the longest run of pinned pairs in a[a0 + i..an) and
 * b[b0 + j..bn), or NULL when the table would be too big.
 */
static unsigned int *lcs_table(int level, const struct compare_block *a, size_t a0,
			       size_t an, const struct compare_block *b, size_t b0,
			       size_t bn)
{
	size_t rows = an - a0 + 1, cols = bn - b0 + 1, i, j;
	unsigned int *t;

	if (rows * cols > COMPARE_LCS_MAX)
		return NULL;
	t = calloc(rows * cols, sizeof(*t));
	if (!t)
		return NULL;
	for (i = rows - 1; i-- > 0;)
		for (j = cols - 1; j-- > 0;) {
			unsigned int down = t[(i + 1) * cols + j];
			unsigned int right = t[i * cols + j + 1];

			if (pins(level, a->lines[a0 + i], b->lines[b0 + j]))
				t[i * cols + j] = t[(i + 1) * cols + j + 1] + 1;
			else
				t[i * cols + j] = down > right ? down : right;
		}
	return t;
}

/*
 * Aligns a[a0..an) with b[b0..bn) as diff does, pinning equal lines
 * (level 0); what lies between two pins is aligned again by the kind of
 * line (level 1), and what is left is paired in order.
 */
static void print_aligned(FILE *out, int level, const struct compare_block *a,
			  size_t a0, size_t an, const struct compare_block *b,
			  size_t b0, size_t bn, int colw)
{
	unsigned int *t = level < 2 ? lcs_table(level, a, a0, an, b, b0, bn) :
				      NULL;
	size_t cols = bn - b0 + 1, i = a0, j = b0, ri = a0, rj = b0;

	if (!t) {
		print_run(out, a, a0, an, b, b0, bn, colw);
		return;
	}
	while (i < an && j < bn) {
		size_t ti = i - a0, tj = j - b0;

		if (pins(level, a->lines[i], b->lines[j])) {
			print_aligned(out, level + 1, a, ri, i, b, rj, j, colw);
			print_row(out, a->lines[i], b->lines[j],
				  same_line(a->lines[i], b->lines[j]) ? ' ' :
				  '|', colw);
			ri = ++i;
			rj = ++j;
		} else if (t[(ti + 1) * cols + tj] >= t[ti * cols + tj + 1]) {
			i++;
		} else {
			j++;
		}
	}
	free(t);
	print_aligned(out, level + 1, a, ri, an, b, rj, bn, colw);
}

void compare_print_lines(FILE *out, const struct compare_block *a,
			 const struct compare_block *b, int colw)
{
	print_aligned(out, 0, a, 0, a->n, b, 0, b->n, colw);
}

/* do the two blocks' result lines differ? */
static int results_differ(const struct compare_block *a, const struct compare_block *b)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < a->n && !capture_is_result_line(a->lines[i]))
			i++;
		while (j < b->n && !capture_is_result_line(b->lines[j]))
			j++;
		if (i == a->n || j == b->n)
			return i != a->n || j != b->n;
		if (strcmp(a->lines[i++], b->lines[j++]))
			return 1;
	}
}

int compare_column_width(void)
{
	const char *env = getenv("COLUMNS");
	long cols = env ? strtol(env, NULL, 10) : 0;

	if (cols < 41 || cols > 1000)
		cols = 160;
	return (int)(cols - 3) / 2;
}

/* a statement always has its title; the part before and the end, if any */
static void print_block_pair(FILE *out, const char *title, int always,
			     const struct compare_block *a, const struct compare_block *b,
			     int colw)
{
	if (!always && !a->n && !b->n)
		return;
	fprintf(out, "\n== %s\n", title);
	print_aligned(out, 0, a, 0, a->n, b, 0, b->n, colw);
}

static void print_summary(FILE *out, const struct script *s,
			  const struct run_out o[2])
{
	size_t i, differ = 0;

	fprintf(out, "\n== summary\n");
	for (i = 0; i < s->nstmts; i++)
		differ += results_differ(&o[0].blocks[i + 1],
					 &o[1].blocks[i + 1]);
	fprintf(out, "%zu statements; the result lines differ in %zu%s",
		s->nstmts, differ, differ ? ", at lines" : "");
	for (i = 0; i < s->nstmts; i++)
		if (results_differ(&o[0].blocks[i + 1], &o[1].blocks[i + 1]))
			fprintf(out, " %d", s->stmts[i].line);
	fprintf(out, "\nexit status: Linux 2.4.16 %d, Linux 2.6.32 %d\n",
		o[0].status, o[1].status);
}

static void print_compare(FILE *out, const struct script *s,
			  const struct run_out o[2])
{
	int colw = compare_column_width();
	size_t i;
	char title[512];

	fprintf(out, "shmsim --compare %s: Linux 2.4.16 (left), Linux "
		"2.6.32 (right)\n", s->file);
	fprintf(out, "rows: ' ' the same, '|' different, '<' 2.4.16 only, "
		"'>' 2.6.32 only (trace event numbers not compared)\n");
	print_block_pair(out, "before the first statement", 0, &o[0].blocks[0],
			 &o[1].blocks[0], colw);
	for (i = 0; i < s->nstmts; i++) {
		snprintf(title, sizeof(title), "%s:%d: %s", s->file,
			 s->stmts[i].line, s->stmts[i].text);
		print_block_pair(out, title, 1, &o[0].blocks[i + 1],
				 &o[1].blocks[i + 1], colw);
	}
	print_block_pair(out, "the end: shutdown", 0,
			 &o[0].blocks[s->nstmts + 1],
			 &o[1].blocks[s->nstmts + 1], colw);
	print_summary(out, s, o);
}

int cli_compare(const struct script *s, const char *arg, char **options,
		int noptions, FILE *out)
{
	struct run_out o[2];
	int status = RUN_BAD_SCRIPT;

	memset(o, 0, sizeof(o));
	if (!capture_run(SCRIPT_KERNEL_2_4, s, arg, options, noptions, NULL, 0,
			 "--compare", &o[0]) &&
	    !capture_run(SCRIPT_KERNEL_2_6, s, arg, options, noptions, NULL, 0,
			 "--compare", &o[1])) {
		print_compare(out, s, o);
		status = o[0].status > o[1].status ? o[0].status : o[1].status;
	}
	capture_free(&o[0], s->nstmts);
	capture_free(&o[1], s->nstmts);
	return status;
}
