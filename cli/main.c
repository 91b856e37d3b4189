// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/main.c - the shmsim program: parse every script given, then run each
 * on a freshly booted machine.
 *
 *	shmsim [options] SCRIPT.scn [SCRIPT.scn ...]
 *	shmsim [options] -		read the script from standard input
 *
 * Exit status: 0 every expectation held, 1 one failed, 2 the script or the
 * command line is wrong, 3 the simulated kernel hit a BUG (a broken
 * invariant or an object left alive at shutdown).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "script.h"

static void usage(FILE *out)
{
	fprintf(out,
		"usage: shmsim [options] SCRIPT.scn [SCRIPT.scn ...]\n"
		"       shmsim [options] -      (the script on standard input)\n"
		"options:\n"
		"  --trace        print the kernel call trace (the default)\n"
		"  --no-trace     do not print the trace\n"
		"  -q             only result lines and failures\n"
		"  --keep-going   go on after a failed expectation\n"
		"  --check        check every invariant after each statement\n"
		"  -h, --help     this text\n"
		"Exit status: 0 ok, 1 an expectation failed, 2 the script or\n"
		"the command line is wrong, 3 the simulated kernel hit a BUG.\n");
}

int main(int argc, char **argv)
{
	struct run_options opt;
	struct script **scripts;
	int i, nfiles = 0, status = RUN_OK, only_files = 0;

	run_options_init(&opt);
	scripts = calloc(argc, sizeof(*scripts));
	if (!scripts)
		return RUN_BAD_SCRIPT;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (only_files || a[0] != '-' || !strcmp(a, "-")) {
			argv[++nfiles] = argv[i];
			continue;
		}
		if (!strcmp(a, "--")) {
			only_files = 1;
		} else if (!strcmp(a, "--trace")) {
			opt.trace = 1;
		} else if (!strcmp(a, "--no-trace")) {
			opt.trace = 0;
		} else if (!strcmp(a, "-q")) {
			opt.quiet = 1;
		} else if (!strcmp(a, "--keep-going")) {
			opt.keep_going = 1;
		} else if (!strcmp(a, "--check")) {
			opt.check = 1;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			free(scripts);
			return RUN_OK;
		} else {
			fprintf(stderr, "shmsim: unknown option '%s'\n", a);
			usage(stderr);
			free(scripts);
			return RUN_BAD_SCRIPT;
		}
	}
	if (nfiles == 0) {
		fprintf(stderr, "shmsim: no script given\n");
		usage(stderr);
		free(scripts);
		return RUN_BAD_SCRIPT;
	}

	/* Every script is parsed before anything runs. */
	for (i = 0; i < nfiles; i++) {
		struct script_error err;

		scripts[i] = script_parse_file(argv[i + 1], &err);
		if (!scripts[i]) {
			fprintf(stderr, "%s\n", err.msg);
			status = RUN_BAD_SCRIPT;
			break;
		}
	}
	for (i = 0; status == RUN_OK && i < nfiles; i++) {
		int st = run_script(scripts[i], &opt);

		if (st > status)
			status = st;
		if (st != RUN_OK && !(st == RUN_FAILED && opt.keep_going))
			break;
	}
	for (i = 0; i < nfiles; i++)
		script_free(scripts[i]);
	free(scripts);
	return status;
}
