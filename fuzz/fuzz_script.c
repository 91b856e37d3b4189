// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz/fuzz_script.c - libFuzzer target: the scenario language, end to end.
 * The bytes are a script: script_parse() must either reject them with an
 * error or return an AST; an AST then runs with --check (every invariant
 * after each statement, every object freed at shutdown). A BUG (status 3)
 * aborts, so libFuzzer keeps the input.
 *
 * It runs as with --check --keep-going (a failed expectation is no bug,
 * and the statements after it still run), printing the trace for inputs of
 * odd length and only the results and views for the others.
 *
 * Each script runs twice in the same process, and both runs must print the
 * same bytes, end with the same status and the same number of trace
 * events: a run that leaves state behind for the next one (a global not
 * reset at shutdown) shows up as a difference.
 *
 * What the harness changes or refuses, to keep one input fast and harmless
 * (the runner itself is not changed):
 *  - machine ram above FUZZ_MAX_RAM, swap above FUZZ_MAX_SWAP are cut;
 *  - fill, read and touch need a literal LEN of at most FUZZ_MAX_ACCESS
 *    (a $var LEN could be an address: gigabytes);
 *  - `dot FILE` writes to /dev/null, never to a file the input names;
 *  - the swap file is one per process, reused by every run.
 * Built as fuzz_script (with libFuzzer) and fuzz_replay_script (with
 * fuzz/replay.c's main, for ctest's tests/fuzz-regressions/script/).
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim/trace.h"
#include "run.h"
#include "script.h"

#define FUZZ_MAX_INPUT		(64 * 1024)
#define FUZZ_MAX_RAM		(2ULL << 20)
#define FUZZ_MAX_SWAP		(1ULL << 20)
#define FUZZ_MAX_ACCESS		(256 * 1024)

static char fuzz_swap_file[64];
static char fuzz_dev_null[] = "/dev/null";

/* The LEN of fill, read and touch must be a small literal. */
static int fuzz_acceptable(const struct script *s)
{
	size_t i;

	for (i = 0; i < s->nstmts; i++) {
		const struct script_stmt *st = &s->stmts[i];
		const struct script_value *len;

		if (st->kind != SCRIPT_STMT_CALL)
			continue;
		if (st->call.kind != SCRIPT_CALL_FILL &&
		    st->call.kind != SCRIPT_CALL_READ &&
		    st->call.kind != SCRIPT_CALL_TOUCH)
			continue;
		len = &st->call.args[1];
		if (len->kind != SCRIPT_VALUE_INT ||
		    (uint32_t)len->num > FUZZ_MAX_ACCESS)
			return 0;
	}
	return 1;
}

/* Point every `dot FILE` at /dev/null; saved[] gets the names back. */
static void fuzz_redirect_dots(struct script *s, char **saved, int restore)
{
	size_t i;

	for (i = 0; i < s->nstmts; i++) {
		if (s->stmts[i].kind != SCRIPT_STMT_DOT)
			continue;
		if (restore) {
			s->stmts[i].dot.file = saved[i];
		} else {
			saved[i] = s->stmts[i].dot.file;
			s->stmts[i].dot.file = fuzz_dev_null;
		}
	}
}

static void fuzz_remove_swap_file(void)
{
	unlink(fuzz_swap_file);
}

struct fuzz_run {
	int status;
	unsigned int events;
	char *out, *err;
	size_t out_len, err_len;
};

static void fuzz_run_once(const struct script *s, int trace,
			  struct fuzz_run *fr)
{
	struct run_options opt;
	FILE *out = open_memstream(&fr->out, &fr->out_len);
	FILE *err = open_memstream(&fr->err, &fr->err_len);

	if (!out || !err)
		abort();
	run_options_init(&opt);
	opt.trace = trace;
	opt.check = 1;
	opt.keep_going = 1;
	opt.swap_file = fuzz_swap_file;
	opt.out = out;
	opt.err = err;
	fr->status = run_script(s, &opt);
	fr->events = sim_trace_seq;
	fclose(out);
	fclose(err);
}

static void fuzz_report(const char *what, const struct fuzz_run *fr)
{
	fprintf(stderr, "fuzz_script: %s (status %d, %u events)\n"
		"---- output ----\n%.*s---- errors ----\n%.*s----\n", what,
		fr->status, fr->events, (int)fr->out_len, fr->out,
		(int)fr->err_len, fr->err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct script_error err;
	struct script *s;
	struct fuzz_run a, b;
	char **saved;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	if (!fuzz_swap_file[0]) {
		snprintf(fuzz_swap_file, sizeof(fuzz_swap_file),
			 "/tmp/shmsim-fuzz-script-%d.swap", (int)getpid());
		atexit(fuzz_remove_swap_file);
	}
	s = script_parse("fuzz.scn", (const char *)data, size, &err);
	if (!s)
		return 0;
	if (!fuzz_acceptable(s)) {
		script_free(s);
		return 0;
	}
	if (s->machine.ram > FUZZ_MAX_RAM)
		s->machine.ram = FUZZ_MAX_RAM;
	if (s->machine.swap > FUZZ_MAX_SWAP)
		s->machine.swap = FUZZ_MAX_SWAP;
	saved = calloc(s->nstmts ? s->nstmts : 1, sizeof(*saved));
	if (!saved)
		abort();
	fuzz_redirect_dots(s, saved, 0);

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	fuzz_run_once(s, size & 1, &a);
	if (a.status == RUN_BUG) {
		fuzz_report("BUG", &a);
		abort();
	}
	fuzz_run_once(s, size & 1, &b);
	if (b.status != a.status || b.events != a.events ||
	    b.out_len != a.out_len || memcmp(b.out, a.out, a.out_len) ||
	    b.err_len != a.err_len || memcmp(b.err, a.err, a.err_len)) {
		fuzz_report("first run", &a);
		fuzz_report("second run differs: state left by the first", &b);
		abort();
	}
	free(a.out);
	free(a.err);
	free(b.out);
	free(b.err);

	fuzz_redirect_dots(s, saved, 1);
	free(saved);
	script_free(s);
	return 0;
}
