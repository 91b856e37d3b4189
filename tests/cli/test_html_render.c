// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/cli/test_html_render.c - cli/html_render.c: the page's pictures
 * are drawn in a child process, so that Graphviz dying on a graph costs
 * one picture: the statement gets a message instead, the next statement
 * a new child, and the SVG ids go on without a repeat.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>
#include <cmocka.h>

#include "html.h"

static const char dot[] =
	"digraph shmsim {\n"
	"  task100 [label=\"A[100]\"];\n"
	"  mm1 [label=\"mm#1\"];\n"
	"  task100 -> mm1;\n"
	"}\n";

/* what one statement's picture writes */
static char *step(struct html_pictures *pp, const char *text)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	html_pictures_step(pp, f, text);
	assert_int_equal(fclose(f), 0);
	return buf;
}

/* the drawing process: this process's only child */
static pid_t the_child(void)
{
	char path[64], line[64];
	FILE *f;
	long pid = 0;

	snprintf(path, sizeof(path), "/proc/self/task/%d/children",
		 (int)getpid());
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof(line), f));
	fclose(f);
	pid = strtol(line, NULL, 10);
	assert_true(pid > 0);
	return (pid_t)pid;
}

static void test_a_crash_costs_one_picture(void **state)
{
	struct html_pictures *pp = html_pictures_new("t");
	char *html;

	(void)state;
	assert_non_null(pp);
	html = step(pp, dot);
	assert_non_null(strstr(html, "<div class=\"picture\">"));
	assert_non_null(strstr(html, "<svg"));
	assert_non_null(strstr(html, "id=\"t0\""));
	free(html);

	/* as if Graphviz had crashed on the next graph */
	assert_int_equal(kill(the_child(), SIGSEGV), 0);
	html = step(pp, dot);
	assert_non_null(strstr(html, "Graphviz crashed drawing this picture "
				     "(signal 11)"));
	assert_null(strstr(html, "<svg"));
	free(html);

	/* a new child draws the next one, with the next id */
	html = step(pp, dot);
	assert_non_null(strstr(html, "<svg"));
	assert_non_null(strstr(html, "id=\"t1\""));
	free(html);

	/* a statement that did not run has no picture, and kills nothing */
	html = step(pp, NULL);
	assert_non_null(strstr(html, "no picture"));
	free(html);
	html_pictures_free(pp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_crash_costs_one_picture),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
