// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/lex.c - the tokenizer of the scenario language.
 * Cuts one line at a time into tokens: words (names, integers, flag
 *   expressions, "2.4", paths), "key=" of options, decoded strings,
 *   $variables with their field and offset, ':', '->', '=>' and the
 *   comparison operators. Integers are evaluated later, by the parser,
 *   through script_lex_int(), since a word is only an integer where the
 *   grammar wants one ("2.4" is a kernel version, "0666" a mode).
 * Left out: anything spanning lines (one statement per line).
 * Called by cli/parse.c, one script_lex_line() per source line.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "script.h"

void script_error_set(struct script_error *err, const char *file, int line,
		      int col, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!err)
		return;
	err->line = line;
	err->col = col;
	if (line > 0)
		n = snprintf(err->msg, sizeof(err->msg), "%s:%d:%d: ", file,
			     line, col);
	else
		n = snprintf(err->msg, sizeof(err->msg), "%s: ", file);
	if (n < 0 || (size_t)n >= sizeof(err->msg))
		return;
	va_start(ap, fmt);
	vsnprintf(err->msg + n, sizeof(err->msg) - n, fmt, ap);
	va_end(ap);
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Evaluates an integer literal: [-](decimal | 0x hex | 0 octal)[K|M|G].
 * Returns 0 and *out, or -1 and *why (a phrase for "bad integer" messages).
 */
int script_lex_int(const char *s, size_t len, long long *out,
		   const char **why)
{
	uint64_t mag = 0;
	size_t i = 0;
	int base = 10, neg = 0, shift = 0, d, ndigits = 0;

	if (i < len && s[i] == '-') {
		neg = 1;
		i++;
	}
	if (i >= len || s[i] < '0' || s[i] > '9') {
		*why = "expected a digit";
		return -1;
	}
	if (s[i] == '0' && i + 1 < len &&
	    (s[i + 1] == 'x' || s[i + 1] == 'X')) {
		base = 16;
		i += 2;
	} else if (s[i] == '0' && i + 1 < len && s[i + 1] >= '0' &&
		   s[i + 1] <= '9') {
		base = 8;	/* as in C, so 0666 reads as a mode */
		i++;
	}
	for (; i < len; i++, ndigits++) {
		d = digit_value(s[i]);
		if (d < 0 || (base != 16 && d > 9))
			break;
		if (base == 8 && d > 7) {
			*why = s[i] == '8' ? "8 is not an octal digit; "
					     "a leading 0 means octal" :
					     "9 is not an octal digit; "
					     "a leading 0 means octal";
			return -1;
		}
		if (mag > (UINT64_MAX - d) / base) {
			*why = "does not fit in 64 bits";
			return -1;
		}
		mag = mag * base + d;
	}
	if (!ndigits) {
		*why = "expected hex digits after 0x";
		return -1;
	}
	if (i < len) {
		if (s[i] == 'K')
			shift = 10;
		else if (s[i] == 'M')
			shift = 20;
		else if (s[i] == 'G')
			shift = 30;
		if (shift)
			i++;
	}
	if (i < len) {
		*why = "expected digits and an optional K, M or G suffix";
		return -1;
	}
	if (mag > (UINT64_MAX >> shift)) {
		*why = "does not fit in 64 bits";
		return -1;
	}
	mag <<= shift;
	if (neg && mag > (uint64_t)1 << 63) {
		*why = "does not fit in 64 bits";
		return -1;
	}
	/* sim: gcc converts out-of-range unsigned to signed modulo 2^64 */
	*out = neg ? (long long)(0 - mag) : (long long)mag;
	return 0;
}

void script_lex_init(struct script_lexer *lx, const char *file,
		     const char *src, size_t len, struct script_error *err)
{
	lx->file = file;
	lx->src = src;
	lx->len = len;
	lx->pos = 0;
	lx->line = 1;
	lx->err = err;
}

void script_line_clear(struct script_line *ln)
{
	size_t i;

	for (i = 0; i < ln->ntoks; i++)
		free(ln->toks[i].str);
	ln->ntoks = 0;
}

void script_line_release(struct script_line *ln)
{
	script_line_clear(ln);
	free(ln->toks);
	ln->toks = NULL;
	ln->cap = 0;
}

static struct script_token *push_token(struct script_lexer *lx,
				       struct script_line *ln,
				       enum script_token_kind kind,
				       size_t start, int col)
{
	struct script_token *t;

	if (ln->ntoks == ln->cap) {
		size_t cap = ln->cap ? 2 * ln->cap : 16;

		t = realloc(ln->toks, cap * sizeof(*t));
		if (!t) {
			script_error_set(lx->err, lx->file, lx->line, col,
					 "out of memory");
			return NULL;
		}
		ln->toks = t;
		ln->cap = cap;
	}
	t = &ln->toks[ln->ntoks++];
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->line = lx->line;
	t->col = col;
	t->text = lx->src + start;
	return t;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static int is_ident_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_ident(char c)
{
	return is_ident_start(c) || (c >= '0' && c <= '9');
}

static int is_control(char c)
{
	return (unsigned char)c < 0x20 || c == 0x7f;
}

/* Where a word stops: blanks, comments and the characters of other tokens */
static int ends_word(const struct script_lexer *lx, size_t i)
{
	char c = lx->src[i];

	if (is_blank(c) || is_control(c) || strchr("#\"$:=<>!", c))
		return 1;
	return c == '-' && i + 1 < lx->len && lx->src[i + 1] == '>';
}

/* Where a $variable must stop, so "$a|1" is not taken for two tokens */
static int ends_var(const struct script_lexer *lx, size_t i)
{
	char c;

	if (i >= lx->len)
		return 1;
	c = lx->src[i];
	if (c == '\n' || is_blank(c) || is_control(c) || strchr("#=<>!", c))
		return 1;
	return c == '-' && i + 1 < lx->len && lx->src[i + 1] == '>';
}

static size_t chunk_end(const struct script_lexer *lx, size_t i)
{
	while (i < lx->len && lx->src[i] != '\n' && !is_blank(lx->src[i]) &&
	       lx->src[i] != '#')
		i++;
	return i;
}

/*
 * The escape at src[i] (a backslash) as one byte in *c. Returns the bytes
 * it takes in the source (2, or 4 for \xHH), or 0 for a bad escape.
 */
static size_t decode_escape(const char *src, size_t len, size_t i, char *c)
{
	int hi, lo;

	switch (src[i + 1]) {
	case 'n':
		*c = '\n';
		return 2;
	case 't':
		*c = '\t';
		return 2;
	case '0':
		*c = '\0';
		return 2;
	case '\\':
	case '"':
		*c = src[i + 1];
		return 2;
	case 'x':
		hi = i + 2 < len ? digit_value(src[i + 2]) : -1;
		lo = i + 3 < len ? digit_value(src[i + 3]) : -1;
		if (hi < 0 || lo < 0)
			return 0;
		*c = (char)(hi << 4 | lo);
		return 4;
	}
	return 0;
}

/* A bad escape at src[i]: show the backslash and what follows, to \xHH */
static int bad_escape(struct script_lexer *lx, size_t i, size_t bol)
{
	const char *src = lx->src;
	int n = 2;

	while (src[i + 1] == 'x' && n < 4 && i + n < lx->len &&
	       src[i + n] != '"' && src[i + n] != '\n')
		n++;
	script_error_set(lx->err, lx->file, lx->line, (int)(i - bol) + 1,
			 "bad escape \"%.*s\" in string (expected \\n, \\t, "
			 "\\0, \\\\, \\\" or \\xHH)", n, src + i);
	return -1;
}

static int lex_string(struct script_lexer *lx, struct script_line *ln,
		      size_t start, int col, size_t bol)
{
	const char *src = lx->src;
	struct script_token *t;
	size_t i = start + 1, end, n;
	char *out;

	t = push_token(lx, ln, SCRIPT_TOK_STRING, start, col);
	if (!t)
		return -1;
	/* decoded text is never longer than the raw one, up to the quote */
	for (end = start + 1; end < lx->len && src[end] != '\n' &&
	     src[end] != '"'; end++)
		if (src[end] == '\\' && end + 1 < lx->len &&
		    src[end + 1] != '\n')
			end++;
	out = malloc(end - start + 1);
	if (!out) {
		script_error_set(lx->err, lx->file, lx->line, col,
				 "out of memory");
		return -1;
	}
	t->str = out;
	for (;;) {
		if (i >= lx->len || src[i] == '\n' ||
		    (src[i] == '\\' &&
		     (i + 1 >= lx->len || src[i + 1] == '\n'))) {
			script_error_set(lx->err, lx->file, lx->line, col,
					 "unterminated string (expected a "
					 "closing \" before the end of the "
					 "line)");
			return -1;
		}
		if (src[i] == '"')
			break;
		if (src[i] != '\\') {
			out[t->str_len++] = src[i++];
			continue;
		}
		n = decode_escape(src, lx->len, i, &out[t->str_len]);
		if (!n)
			return bad_escape(lx, i, bol);
		t->str_len++;
		i += n;
	}
	out[t->str_len] = '\0';
	t->len = i + 1 - start;
	lx->pos = i + 1;
	return 0;
}

static int bad_var(struct script_lexer *lx, size_t start, int col)
{
	script_error_set(lx->err, lx->file, lx->line, col,
			 "bad variable \"%.*s\" (expected $name, $name.field, "
			 "$name+N or $name-N)",
			 (int)(chunk_end(lx, start + 1) - start),
			 lx->src + start);
	return -1;
}

/* $name[.field][+N|-N], N any unsigned integer form */
static int lex_var(struct script_lexer *lx, struct script_line *ln,
		   size_t start, int col, size_t bol)
{
	const char *src = lx->src;
	struct script_token *t;
	size_t i = start + 1, n;
	const char *why;
	long long v;
	int neg;

	if (i >= lx->len || !is_ident_start(src[i]))
		return bad_var(lx, start, col);
	t = push_token(lx, ln, SCRIPT_TOK_VAR, start, col);
	if (!t)
		return -1;
	t->name = src + i;
	while (i < lx->len && is_ident(src[i]))
		i++;
	t->name_len = src + i - t->name;
	if (i < lx->len && src[i] == '.') {
		if (i + 1 >= lx->len || !is_ident_start(src[i + 1]))
			return bad_var(lx, start, col);
		t->field = src + ++i;
		while (i < lx->len && is_ident(src[i]))
			i++;
		t->field_len = src + i - t->field;
	}
	if (i < lx->len && (src[i] == '+' || src[i] == '-') &&
	    !ends_var(lx, i)) {
		neg = src[i++] == '-';
		if (i >= lx->len || src[i] < '0' || src[i] > '9')
			return bad_var(lx, start, col);
		for (n = i; n < lx->len && is_ident(src[n]); n++)
			;
		if (script_lex_int(src + i, n - i, &v, &why)) {
			script_error_set(lx->err, lx->file, lx->line,
					 (int)(i - bol) + 1,
					 "bad integer \"%.*s\" in \"%.*s\" "
					 "(%s)",
					 (int)(n - i), src + i,
					 (int)(chunk_end(lx, start) - start),
					 src + start, why);
			return -1;
		}
		t->offset = neg ? (long long)(0 - (unsigned long long)v) : v;
		i = n;
	}
	if (!ends_var(lx, i))
		return bad_var(lx, start, col);
	t->len = i - start;
	lx->pos = i;
	return 0;
}

/* A word, or "key=" when '=' follows it directly (not "==" or "=>"). */
static int lex_word(struct script_lexer *lx, struct script_line *ln,
		    size_t start, int col)
{
	struct script_token *t;
	size_t i = start;

	while (i < lx->len && !ends_word(lx, i))
		i++;
	t = push_token(lx, ln, SCRIPT_TOK_WORD, start, col);
	if (!t)
		return -1;
	if (i + 1 < lx->len && lx->src[i] == '=' && lx->src[i + 1] != '=' &&
	    lx->src[i + 1] != '>') {
		t->kind = SCRIPT_TOK_KEY;
		i++;
	} else if (i + 1 == lx->len && lx->src[i] == '=') {
		t->kind = SCRIPT_TOK_KEY;
		i++;
	}
	t->len = i - start;
	lx->pos = i;
	return 0;
}

static int lex_punct(struct script_lexer *lx, struct script_line *ln,
		     size_t i, int col)
{
	const char *s = lx->src + i;
	char next = i + 1 < lx->len ? s[1] : '\0';
	enum script_token_kind kind = SCRIPT_TOK_OP;
	enum script_op op = SCRIPT_OP_EQ;
	struct script_token *t;
	size_t len = 2;

	if (s[0] == ':') {
		kind = SCRIPT_TOK_COLON;
		len = 1;
	} else if (s[0] == '-') {
		kind = SCRIPT_TOK_ARROW;
	} else if (s[0] == '=' && next == '>') {
		kind = SCRIPT_TOK_OUTCOME;
	} else if (s[0] == '=' && next == '=') {
		op = SCRIPT_OP_EQ;
	} else if (s[0] == '!' && next == '=') {
		op = SCRIPT_OP_NE;
	} else if (s[0] == '<') {
		op = next == '=' ? SCRIPT_OP_LE : SCRIPT_OP_LT;
		len = next == '=' ? 2 : 1;
	} else if (s[0] == '>') {
		op = next == '=' ? SCRIPT_OP_GE : SCRIPT_OP_GT;
		len = next == '=' ? 2 : 1;
	} else {
		script_error_set(lx->err, lx->file, lx->line, col,
				 "unexpected \"%c\" (expected %s)", s[0],
				 s[0] == '!' ? "!=" : "==, => or name=value");
		return -1;
	}
	t = push_token(lx, ln, kind, i, col);
	if (!t)
		return -1;
	t->op = op;
	t->len = len;
	lx->pos = i + len;
	return 0;
}

/*
 * Lexes the next line into ln (cleared first): its tokens, then an EOL
 * token just after the last one. Returns 1 for a line (a blank or comment
 * line has only the EOL), 0 when the input is used up, -1 on error.
 */
int script_lex_line(struct script_lexer *lx, struct script_line *ln)
{
	size_t bol = lx->pos, last_end = lx->pos;
	struct script_token *t;
	int space = 0, rc;
	char c;

	script_line_clear(ln);
	if (lx->pos >= lx->len)
		return 0;
	ln->line = lx->line;
	while (lx->pos < lx->len && lx->src[lx->pos] != '\n') {
		size_t i = lx->pos;
		int col = (int)(i - bol) + 1;

		c = lx->src[i];
		if (is_blank(c)) {
			space = 1;
			lx->pos++;
			continue;
		}
		if (c == '#') {
			while (lx->pos < lx->len && lx->src[lx->pos] != '\n')
				lx->pos++;
			break;
		}
		if (c == '"')
			rc = lex_string(lx, ln, i, col, bol);
		else if (c == '$')
			rc = lex_var(lx, ln, i, col, bol);
		else if (is_control(c)) {	/* NUL too: before strchr() */
			script_error_set(lx->err, lx->file, lx->line, col,
					 "unexpected character \"\\x%02x\"",
					 (unsigned char)c);
			rc = -1;
		} else if (ends_word(lx, i))	/* : = < > ! -> */
			rc = lex_punct(lx, ln, i, col);
		else
			rc = lex_word(lx, ln, i, col);
		if (rc)
			return -1;
		ln->toks[ln->ntoks - 1].space_before = space || i == bol;
		space = 0;
		last_end = lx->pos;
	}
	t = push_token(lx, ln, SCRIPT_TOK_EOL, last_end,
		       (int)(last_end - bol) + 1);
	if (!t)
		return -1;
	t->space_before = 1;
	if (lx->pos < lx->len) {	/* the '\n' */
		lx->pos++;
		lx->line++;
	}
	return 1;
}
