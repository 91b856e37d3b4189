// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/main.c - the shmsim program: parse every script given, check what
 * the run will write on the host, then run each script on a freshly booted
 * machine.
 *
 *	shmsim [options] SCRIPT.scn [SCRIPT.scn ...]
 *	shmsim [options] -		read the script from standard input
 *	shmsim --html OUT.html [--compare] SCRIPT	the run as a page
 *	shmsim run [options] -- PROGRAM	a real program (cli/run_prog.c)
 *
 * Exit status: 0 every expectation held, 1 one failed, 2 the script or
 * the command line is wrong (nothing has run), 3 the simulated kernel hit
 * a BUG (a broken invariant or an object left alive at shutdown), 4 the
 * host failed during the run (the output, a picture or the swap file
 * could not be written).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compare.h"
#include "html.h"
#include "interactive.h"
#include "kernels.h"
#include "outfile.h"
#include "run.h"
#include "run_prog.h"
#include "script.h"
#include "tables.h"
#include "sim/swapdev.h"

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
	if (!err && lstat(dir, &st))
		err = errno;
	else if (!err && S_ISLNK(st.st_mode))
		err = ELOOP;
	else if (!err && !S_ISDIR(st.st_mode))
		err = ENOTDIR;
	free(path);
	return err;
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: shmsim [options] SCRIPT.scn [SCRIPT.scn ...]\n"
		"       shmsim [options] -      "
		"(the script on standard input)\n"
		"       shmsim run [--kernel 2.4|2.6] [--trace FILE|-] "
		"[--no-trace] --\n"
		"              PROGRAM [ARGS...]  (a real program on the "
		"simulated kernel)\n"
		"options:\n"
		"  --trace        print the kernel call trace (the default)\n"
		"  --no-trace     do not print the trace; result lines, views\n"
		"                 and failures still print\n"
		"  -q, --quiet    only result lines and failures: no trace,\n"
		"                 no views\n"
		"  --keep-going   go on after a failed expectation\n"
		"  --check        check every invariant after each statement\n"
		"  --kernel 2.4|2.6  run on this kernel, whatever the\n"
		"                 script's machine line says (2.6: Linux\n"
		"                 2.6.32, run by shmsim-2.6 beside shmsim)\n"
		"  --compare      run the script on both kernels and show\n"
		"                 what each statement printed side by side\n"
		"                 (2.4.16 left, 2.6.32 right; one script;\n"
		"                 $COLUMNS sets the width)\n"
		"  --swap-file PATH  the swap area's file (made, and kept\n"
		"                 after the run); default: a temporary file\n"
		"                 with no name, gone when the run ends\n"
		"  --dot-dir DIR  after each statement, write the picture\n"
		"                 of every structure to DIR/NNNN.dot\n"
		"                 (NNNN: the statement's number, 0001 on;\n"
		"                 DIR is created; one script only).\n"
		"                 Render it: dot -Tpng DIR/0001.dot -o x.png\n"
		"  --html FILE    write the run as one web page, FILE: each\n"
		"                 statement's source line, result, trace (a\n"
		"                 tree), views and picture, stepped through\n"
		"                 by keyboard (docs/html.md); with --compare,\n"
		"                 both kernels side by side. One script\n"
		"  --dot-with LIST  what every picture adds, comma-separated:\n"
		"                 shm (the shm path only: no rootfs or proc),\n"
		"                 rbtree (each mm's rb-tree of vmas)\n"
		"  --force        let --swap-file and the pictures replace a\n"
		"                 file shmsim did not make (never a symbolic\n"
		"                 link, never a script of the run)\n"
		"  -i, --interactive  a prompt: the language a statement a\n"
		"                 line, after SCRIPT if one is given\n"
		"                 (:help lists its commands)\n"
		"  -h, --help     this text\n"
		"Exit status: 0 ok, 1 an expectation failed, 2 the script or\n"
		"the command line is wrong (nothing ran), 3 the simulated\n"
		"kernel hit a BUG, 4 the host failed (an output, picture or\n"
		"swap file could not be written).\n");
}

enum { OPT_TRACE = 256, OPT_NO_TRACE, OPT_KEEP_GOING, OPT_CHECK,
       OPT_SWAP_FILE, OPT_DOT_DIR, OPT_DOT_WITH, OPT_FORCE, OPT_KERNEL,
       OPT_COMPARE, OPT_MARKS, OPT_HTML };

static const struct option long_options[] = {
	{ "trace", no_argument, NULL, OPT_TRACE },
	{ "no-trace", no_argument, NULL, OPT_NO_TRACE },
	{ "quiet", no_argument, NULL, 'q' },
	{ "keep-going", no_argument, NULL, OPT_KEEP_GOING },
	{ "check", no_argument, NULL, OPT_CHECK },
	{ "swap-file", required_argument, NULL, OPT_SWAP_FILE },
	{ "dot-dir", required_argument, NULL, OPT_DOT_DIR },
	{ "dot-with", required_argument, NULL, OPT_DOT_WITH },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "kernel", required_argument, NULL, OPT_KERNEL },
	{ "compare", no_argument, NULL, OPT_COMPARE },
	{ "html", required_argument, NULL, OPT_HTML },
	/* sim: what --compare gives each kernel's run (cli/compare.c) */
	{ "statement-marks", no_argument, NULL, OPT_MARKS },
	{ "interactive", no_argument, NULL, 'i' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

/* --dot-with LIST: shm and rbtree, comma-separated, as `dot FILE` has them. */
static int dot_with(const char *list, unsigned int *flags)
{
	const char *p = list;

	for (;;) {
		size_t n = strcspn(p, ",");
		unsigned int flag = dot_word_flag(p, n);

		if (flag) {
			*flags |= flag;
		} else {
			fprintf(stderr, "shmsim: --dot-with %s: \"%.*s\" is "
				"not shm or rbtree\n", list, (int)n, p);
			return -1;
		}
		if (!p[n])
			return 0;
		p += n + 1;
	}
}

/* An option's argument that is really the next option (--dot-dir -q). */
static int bad_argument(const char *opt, const char *arg, const char *what)
{
	if (*arg && *arg != '-')
		return 0;
	if (*arg)
		fprintf(stderr, "shmsim: --%s needs %s, not the option '%s' "
			"(a name starting with '-' can be given as ./%s)\n",
			opt, what, arg, arg);
	else
		fprintf(stderr, "shmsim: --%s needs %s\n", opt, what);
	return 1;
}

/* The options that cannot go together, and the scripts: -1 if all is well */
static int check_option_mix(int nscripts, const struct run_options *opt,
			    int compare)
{
	if (opt->interactive && (nscripts > 1 || compare)) {
		fprintf(stderr, "shmsim: -i takes at most one script, and "
			"no --compare\n");
		return RUN_BAD_SCRIPT;
	}
	if (nscripts == 0 && !opt->interactive) {
		fprintf(stderr, "shmsim: no script given\n");
		usage(stderr);
		return RUN_BAD_SCRIPT;
	}
	if (compare && (nscripts > 1 || opt->has_kernel ||
			 opt->dot_dir || opt->swap_file)) {
		fprintf(stderr, "shmsim: --compare runs one script on both "
			"kernels: not with %s\n", nscripts > 1 ?
			"more than one script" : opt->has_kernel ? "--kernel" :
			opt->dot_dir ? "--dot-dir (both runs would write "
			"the same pictures)" : "--swap-file (both runs "
			"would use the same file)");
		return RUN_BAD_SCRIPT;
	}
	if (opt->html && (nscripts > 1 || opt->interactive ||
			  opt->dot_dir || opt->marks)) {
		fprintf(stderr, "shmsim: --html writes the page of one "
			"script: not with %s\n", nscripts > 1 ?
			"more than one script" : opt->interactive ? "-i" :
			opt->dot_dir ? "--dot-dir (the page draws its own "
			"pictures)" : "--statement-marks");
		return RUN_BAD_SCRIPT;
	}
	if (opt->dot_dir && nscripts > 1) {
		fprintf(stderr, "shmsim: --dot-dir takes one script (each "
			"numbers its pictures from 0001)\n");
		return RUN_BAD_SCRIPT;
	}
	return -1;
}

/*
 * The options into opt; the scripts are argv[optind..]. Returns -1 to go
 * on, or the exit status (0 after --help).
 */
static int parse_options(int argc, char **argv, struct run_options *opt,
			 int *compare)
{
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":qhi", long_options,
				NULL)) != -1) {
		switch (c) {
		case OPT_TRACE:
			opt->trace = 1;
			break;
		case OPT_NO_TRACE:
			opt->trace = 0;
			break;
		case 'q':
			opt->quiet = 1;
			break;
		case OPT_KEEP_GOING:
			opt->keep_going = 1;
			break;
		case OPT_CHECK:
			opt->check = 1;
			break;
		case OPT_SWAP_FILE:
			if (bad_argument("swap-file", optarg, "a file name"))
				return RUN_BAD_SCRIPT;
			opt->swap_file = optarg;
			break;
		case OPT_DOT_DIR:
			if (bad_argument("dot-dir", optarg, "a directory"))
				return RUN_BAD_SCRIPT;
			opt->dot_dir = optarg;
			break;
		case OPT_DOT_WITH:
			if (bad_argument("dot-with", optarg, "shm or rbtree") ||
			    dot_with(optarg, &opt->dot_flags))
				return RUN_BAD_SCRIPT;
			break;
		case OPT_FORCE:
			opt->force = 1;
			break;
		case OPT_KERNEL:
			if (!strcmp(optarg, "2.4")) {
				opt->kernel = SCRIPT_KERNEL_2_4;
			} else if (!strcmp(optarg, "2.6")) {
				opt->kernel = SCRIPT_KERNEL_2_6;
			} else {
				fprintf(stderr, "shmsim: --kernel %s: not 2.4 "
					"or 2.6\n", optarg);
				return RUN_BAD_SCRIPT;
			}
			opt->has_kernel = 1;
			break;
		case OPT_COMPARE:
			*compare = 1;
			break;
		case OPT_HTML:
			if (bad_argument("html", optarg, "a file name"))
				return RUN_BAD_SCRIPT;
			opt->html = optarg;
			break;
		case OPT_MARKS:
			opt->marks = 1;
			break;
		case 'i':
			opt->interactive = 1;
			break;
		case 'h':
			usage(stdout);
			return RUN_OK;
		case ':':
			fprintf(stderr, "shmsim: option '%s' needs an "
				"argument\n", argv[optind - 1]);
			usage(stderr);
			return RUN_BAD_SCRIPT;
		default:
			fprintf(stderr, "shmsim: unknown option '%s'\n",
				argv[optind - 1]);
			usage(stderr);
			return RUN_BAD_SCRIPT;
		}
	}
	return check_option_mix(argc - optind, opt, *compare);
}

/* Does any script boot a machine with a swap area (swap= not 0)? */
static int needs_swap(struct script **scripts, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (scripts[i]->machine.swap)
			return 1;
	return 0;
}

/*
 * Before anything runs: can the swap file and the pictures be written,
 * and without touching a file that is not shmsim's? Returns RUN_OK or
 * RUN_BAD_SCRIPT, having said why.
 */
static int check_host_files(const struct run_options *opt,
			    struct script **scripts, int n)
{
	char why[200];
	struct stat st;
	int err;

	if (opt->swap_file) {
		if (!stat(opt->swap_file, &st) &&
		    outfile_guard_has(opt->guard, st.st_dev, st.st_ino)) {
			fprintf(stderr, "shmsim: --swap-file %s: is a script "
				"of this run\n", opt->swap_file);
			return RUN_BAD_SCRIPT;
		}
		err = sim_swapdev_check(opt->swap_file, opt->force, why,
					sizeof(why));
		if (err) {
			fprintf(stderr, "shmsim: --swap-file %s: %s\n",
				opt->swap_file, why);
			return RUN_BAD_SCRIPT;
		}
	} else if (needs_swap(scripts, n) &&
		   sim_swapdev_check_tempdir(why, sizeof(why))) {
		fprintf(stderr, "shmsim: cannot make the temporary swap file: "
			"%s (set TMPDIR, give --swap-file, or machine "
			"swap=0)\n", why);
		return RUN_BAD_SCRIPT;
	}
	if (opt->dot_dir) {
		err = make_dir(opt->dot_dir);
		if (err) {
			fprintf(stderr, "shmsim: --dot-dir %s: %s\n",
				opt->dot_dir, err == ELOOP ? "is a symbolic "
				"link; name the directory itself" :
				strerror(err));
			return RUN_BAD_SCRIPT;
		}
	}
	return RUN_OK;
}

/*
 * The script is for the other kernel: its program runs it (in place of
 * this one when it is the only script). Returns that run's exit status.
 */
static int run_elsewhere(const struct script *s, const struct run_options *o,
			 char **options, int noptions, const char *arg,
			 int replace)
{
	enum script_kernel k = run_kernel(s, o);
	char path[4096];
	int err = cli_find_program(k, path, sizeof(path));

	if (err) {
		const struct script_stmt *st = run_kernel_stmt(s);

		if (st && !o->has_kernel)
			fprintf(stderr, "%s:%d:%d: ", s->file, st->line,
				st->col);
		else
			fprintf(stderr, "shmsim: %s: ", s->file);
		fprintf(stderr, "kernel=%s: %s, which runs it, is not there "
			"(%s: %s)\n", cli_kernel_name(k),
			cli_kernel_program(k), path, strerror(err));
		return RUN_BAD_SCRIPT;
	}
	return cli_hand_off(path, options, noptions, s, arg, replace);
}

/*
 * -i: the prompt, on this program's kernel; --kernel naming the other one
 * hands the whole command line to the other program.
 */
static int interactive(const struct run_options *opt, char **argv,
		       const char *script)
{
	char path[4096];

	if (opt->has_kernel && opt->kernel != cli_this_kernel()) {
		if (cli_find_program(opt->kernel, path, sizeof(path))) {
			fprintf(stderr, "shmsim: no %s beside this program\n",
				cli_kernel_program(opt->kernel));
			return RUN_BAD_SCRIPT;
		}
		fflush(NULL);
		execv(path, argv);
		fprintf(stderr, "shmsim: %s: %s\n", path, strerror(errno));
		return RUN_BAD_SCRIPT;
	}
	return cli_interactive(opt, script);
}

int main(int argc, char **argv)
{
	struct outfile_guard guard = { 0 };
	struct run_options opt;
	struct script **scripts = NULL;
	int i, nfiles = 0, status, noptions, compare = 0;
	char **options;

	if (argc > 1 && !strcmp(argv[1], "run"))
		return prog_main(argc - 1, argv + 1, argv);
	run_options_init(&opt);
	status = parse_options(argc, argv, &opt, &compare);
	if (status >= 0)
		return status;
	if (opt.marks)	/* failures stay in order with what the run prints */
		setvbuf(stdout, NULL, _IOLBF, 0);
	status = RUN_OK;
	guard.force = opt.force;
	opt.guard = &guard;
	options = argv + 1;
	noptions = optind - 1;
	argv += optind;
	argc -= optind;
	if (opt.interactive)
		return interactive(&opt, argv - optind, argc ? argv[0] : NULL);
	scripts = calloc(argc, sizeof(*scripts));
	if (!scripts) {
		fprintf(stderr, "shmsim: out of memory\n");
		return RUN_BAD_SCRIPT;
	}

	/* Every script is parsed, and every output checked, before any runs. */
	for (i = 0; i < argc && status == RUN_OK; i++) {
		struct script_error err;

		scripts[i] = script_parse_file(argv[i], &err);
		if (!scripts[i]) {
			fprintf(stderr, "%s\n", err.msg);
			status = RUN_BAD_SCRIPT;
		} else if (run_kernel(scripts[i], &opt) == cli_this_kernel() &&
			   cli_check_injects(scripts[i], stderr)) {
			status = RUN_BAD_SCRIPT;
		} else if (outfile_guard_add(&guard, argv[i])) {
			fprintf(stderr, "shmsim: out of memory\n");
			status = RUN_BAD_SCRIPT;
		}
		nfiles = i + 1;
	}
	if (status == RUN_OK)
		status = check_host_files(&opt, scripts, nfiles);

	if (opt.html && status == RUN_OK)
		status = cli_html(scripts[0], argv[0], options, noptions,
				  &opt, compare);
	else if (compare && status == RUN_OK)
		status = cli_compare(scripts[0], argv[0], options, noptions,
				     opt.out);
	for (i = 0; !compare && !opt.html && status != RUN_BAD_SCRIPT &&
		    i < nfiles; i++) {
		int st;

		if (nfiles > 1) {
			fflush(opt.out);
			fprintf(opt.out, "%s==> %s <==\n", i ? "\n" : "",
				argv[i]);
		}
		if (run_kernel(scripts[i], &opt) != cli_this_kernel())
			st = run_elsewhere(scripts[i], &opt, options,
					   noptions, argv[i], nfiles == 1);
		else
			st = run_script(scripts[i], &opt);
		if (st > status)
			status = st;
		if (st != RUN_OK && !(st == RUN_FAILED && opt.keep_going))
			break;
	}
	if (status != RUN_BAD_SCRIPT && (fflush(stdout) || ferror(stdout))) {
		fprintf(stderr, "shmsim: writing the output: %s\n",
			strerror(errno ? errno : EIO));
		if (status < RUN_HOST)
			status = RUN_HOST;
	}

	for (i = 0; i < nfiles; i++)
		script_free(scripts[i]);
	free(scripts);
	outfile_guard_free(&guard);
	return status;
}
