// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/html_render.c - the page's pictures (cli/html_svg.c) drawn in a
 * child process: Graphviz 2.42's dot layout can crash on some graphs (a
 * double free in flat_edges), and a picture it cannot draw must cost the
 * page that picture, not the run. One child draws a kernel's pictures,
 * one statement after another, keeping the previous picture to mark what
 * changed; forked while shmsim is still small. One that dies is replaced
 * at the next statement, shown the last picture that was drawn first, so
 * that the marks go on from there.
 *
 * Over a stream socket: a request is the first SVG id's number (uint32),
 * whether there is a digraph (uint32), its length (uint64) and its text;
 * the answer the next free id number (uint32), a length (uint64) and
 * that much HTML, the statement's .picture.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "html.h"

#define HTML_MAX_TEXT	(1ULL << 30)

struct html_pictures {
	char prefix[8];		/* of the SVG ids (html_draw_new) */
	pid_t pid;		/* the child, or 0 */
	int fd;			/* its socket */
	unsigned int n;		/* the next SVG id's number */
	char *last;		/* the last digraph drawn, or NULL */
	size_t last_len;
};

struct request {
	uint32_t n;
	uint32_t has_dot;
	uint64_t len;
};

struct answer {
	uint32_t n;
	uint32_t pad;
	uint64_t len;
};

static int put(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static int get(int fd, void *buf, size_t len)
{
	char *p = buf;

	while (len) {
		ssize_t n = read(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* the child: a statement's picture a request, until the socket closes */
static void serve(int fd, const char *prefix)
{
	struct html_pics *p = html_draw_new(prefix);
	struct request rq;
	struct answer an;
	char *dot, *html;
	size_t len;
	FILE *mem;

	if (!p)
		_exit(1);
	while (!get(fd, &rq, sizeof(rq))) {
		html = NULL;
		len = 0;
		if (rq.len > HTML_MAX_TEXT || !(dot = malloc(rq.len + 1)) ||
		    get(fd, dot, rq.len))
			_exit(1);
		dot[rq.len] = '\0';
		mem = open_memstream(&html, &len);
		if (!mem)
			_exit(1);
		html_draw_set_count(p, rq.n);
		html_draw_step(p, mem, rq.has_dot ? dot : NULL);
		if (fclose(mem))
			_exit(1);
		memset(&an, 0, sizeof(an));
		an.n = html_draw_count(p);
		an.len = len;
		if (put(fd, &an, sizeof(an)) || put(fd, html, len))
			_exit(1);
		free(html);
		free(dot);
	}
	_exit(0);	/* sim: no teardown of what Graphviz keeps */
}

static int start(struct html_pictures *pp)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv))
		return -1;
	fflush(NULL);
	pp->pid = fork();
	if (pp->pid == 0) {
		/* a crash is to end this process, whatever shmsim catches */
		static const int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL,
					    SIGABRT, SIGINT, SIGTERM, SIGHUP };
		size_t i;

		for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
			signal(sigs[i], SIG_DFL);
		/*
		 * Nothing of the parent's but its socket: another child's
		 * socket held open here would never see its end.
		 */
		if (dup2(sv[1], 3) != 3)
			_exit(1);
		close_range(4, ~0U, 0);
		serve(3, pp->prefix);
	}
	close(sv[1]);
	if (pp->pid < 0) {
		pp->pid = 0;
		close(sv[0]);
		return -1;
	}
	pp->fd = sv[0];
	return 0;
}

/* the child is gone, or no longer to be trusted: reaped, and why */
static void lost(struct html_pictures *pp, char *why, size_t len)
{
	int status = 0;

	close(pp->fd);
	kill(pp->pid, SIGKILL);
	while (waitpid(pp->pid, &status, 0) < 0 && errno == EINTR)
		;
	pp->pid = 0;
	if (WIFSIGNALED(status) && WTERMSIG(status) != SIGKILL)
		snprintf(why, len, "Graphviz crashed drawing this picture "
			 "(signal %d)", WTERMSIG(status));
	else
		snprintf(why, len, "the process drawing the pictures was "
			 "lost");
}

/* one request and its answer: the HTML (malloc'd), or NULL */
static char *ask(struct html_pictures *pp, const char *dot, size_t len,
		 size_t *html_len)
{
	struct request rq = { pp->n, dot != NULL, dot ? len : 0 };
	struct answer an;
	char *html;

	if (put(pp->fd, &rq, sizeof(rq)) || put(pp->fd, dot, rq.len) ||
	    get(pp->fd, &an, sizeof(an)) || an.len > HTML_MAX_TEXT)
		return NULL;
	html = malloc(an.len + 1);
	if (!html || get(pp->fd, html, an.len)) {
		free(html);
		return NULL;
	}
	html[an.len] = '\0';
	*html_len = an.len;
	pp->n = an.n;
	return html;
}

/*
 * A new child, shown the last picture drawn so that it marks from there;
 * if that picture cannot be drawn again, the marks start afresh.
 */
static int restart(struct html_pictures *pp)
{
	char why[96], *html;
	unsigned int n;
	size_t len;

	if (start(pp))
		return -1;
	if (!pp->last)
		return 0;
	n = pp->n;	/* what it draws now is not for the page */
	html = ask(pp, pp->last, pp->last_len, &len);
	pp->n = n;
	if (html) {
		free(html);
		return 0;
	}
	lost(pp, why, sizeof(why));
	free(pp->last);
	pp->last = NULL;
	return start(pp);
}

struct html_pictures *html_pictures_new(const char *prefix)
{
	struct html_pictures *pp = calloc(1, sizeof(*pp));

	if (!pp)
		return NULL;
	snprintf(pp->prefix, sizeof(pp->prefix), "%s", prefix);
	if (start(pp)) {
		free(pp);
		return NULL;
	}
	return pp;
}

void html_pictures_step(struct html_pictures *pp, FILE *f, const char *dot)
{
	size_t len = dot ? strlen(dot) : 0, html_len = 0;
	char why[96] = "no process to draw the picture in", *html = NULL;

	if (pp->pid || !restart(pp)) {
		html = ask(pp, dot, len, &html_len);
		if (!html)
			lost(pp, why, sizeof(why));
	}
	if (!html) {
		fprintf(f, "<div class=\"picture\">\n<p class=\"nopic\">%s"
			"</p>\n</div>\n", why);
		return;
	}
	fwrite(html, 1, html_len, f);
	free(html);
	free(pp->last);
	pp->last = dot ? strdup(dot) : NULL;
	pp->last_len = pp->last ? len : 0;
}

void html_pictures_free(struct html_pictures *pp)
{
	int status;

	if (!pp)
		return;
	if (pp->pid) {
		close(pp->fd);	/* the end of its loop */
		while (waitpid(pp->pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	free(pp->last);
	free(pp);
}
