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
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "run.h"
#include "script.h"

/* mkdir -p: DIR and its missing parents. Returns 0 or an errno. */
static int make_dir(const char *dir)
{
	char *path = strdup(dir);
	char *p;
	struct stat st;
	int err = 0;

	if (!path)
		return ENOMEM;
	for (p = path + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		if (p[-1] != '/') {
			char c = *p;

			*p = '\0';
			if (mkdir(path, 0777) && errno != EEXIST)
				err = errno;
			*p = c;
		}
		if (err || *p == '\0')
			break;
	}
	if (!err && stat(dir, &st))
		err = errno;
	else if (!err && !S_ISDIR(st.st_mode))
		err = ENOTDIR;
	free(path);
	return err;
}

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
		"  --swap-file PATH  the swap area's file (made, and kept\n"
		"                 after the run); default: a temporary file\n"
		"  --dot-dir DIR  after each statement, write the picture\n"
		"                 of every structure to DIR/NNNN.dot\n"
		"                 (NNNN: the statement's number, 0001 on;\n"
		"                 DIR is created; one script only).\n"
		"                 Render it: dot -Tpng DIR/0001.dot -o x.png\n"
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
		} else if (!strcmp(a, "--dot-dir") ||
			   !strncmp(a, "--dot-dir=", 10)) {
			opt.dot_dir = a[9] == '=' ? a + 10 : argv[++i];
			if (!opt.dot_dir || !*opt.dot_dir) {
				fprintf(stderr, "shmsim: --dot-dir needs a "
					"directory\n");
				usage(stderr);
				free(scripts);
				return RUN_BAD_SCRIPT;
			}
		} else if (!strcmp(a, "--swap-file") ||
			   !strncmp(a, "--swap-file=", 12)) {
			opt.swap_file = a[11] == '=' ? a + 12 : argv[++i];
			if (!opt.swap_file || !*opt.swap_file) {
				fprintf(stderr, "shmsim: --swap-file needs a "
					"file name\n");
				usage(stderr);
				free(scripts);
				return RUN_BAD_SCRIPT;
			}
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

	if (opt.dot_dir && nfiles > 1) {
		fprintf(stderr, "shmsim: --dot-dir takes one script (each "
			"numbers its pictures from 0001)\n");
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
	if (status == RUN_OK && opt.dot_dir) {
		int err = make_dir(opt.dot_dir);

		if (err) {
			fprintf(stderr, "shmsim: --dot-dir %s: %s\n",
				opt.dot_dir, strerror(err));
			status = RUN_BAD_SCRIPT;
		}
	}
	for (i = 0; status != RUN_BAD_SCRIPT && i < nfiles; i++) {
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
