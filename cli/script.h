/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/script.h - a parsed scenario script (the AST) and how to get one.
 * Models nothing of 2.4: this is the scenario language of
 *   docs/scenario-language.md, parsed in full before the first statement
 *   runs. The parser never touches the simulated kernel;
 *   it only asks sim_errno_from_name() whether "=> ENAME" names an errno,
 *   and sim/fail_sites.c's table which functions `inject` can fail and with
 *   which errnos.
 * Called by cli/run.c (executes a struct script) and tests/cli/test_parse.c.
 *
 * Typical sequence for the runner:
 *
 *	struct script_error err;
 *	struct script *s = script_parse_file(path, &err);
 *	if (!s) {
 *		fprintf(stderr, "%s\n", err.msg);	// FILE:LINE:COL: ...
 *		return 2;
 *	}
 *	// s->machine holds ram/swap/kernel (defaults applied)
 *	for (i = 0; i < s->nstmts; i++)
 *		run(&s->stmts[i]);			// switch on ->kind
 *	script_free(s);
 *
 * What the parser guarantees, so the runner need not check again:
 *  - every call has exactly the arguments its table row asks for, each of
 *    the right type (integer or string); flag names are already evaluated;
 *  - every task named (caller, fork child, show maps/vmas) was declared on
 *    an earlier line by "task" or "fork" (it may have exited since: that is
 *    for the runner to report);
 *  - every $var was captured by "-> var" on an earlier line, and a field is
 *    one the captured struct has; var_kind says what the variable holds at
 *    that line (a name may be captured again later with another kind);
 *  - integers fit in 64 bits; "machine" only comes before anything that runs.
 *
 * Decisions where the contract is silent (docs/scenario-language.md should
 * say the same):
 *  - Columns count bytes from 1; a tab is one column.
 *  - Integers are 64-bit: a literal may be anything from -2^63 to 2^64-1;
 *    values above 2^63-1 are kept as their two's complement bit pattern
 *    (0xffffffffffffffff == -1), as C converts them. A suffix applies to
 *    the magnitude before the sign: -4K == -4096. Every term of a flag
 *    expression follows the integer rules (so "-1|IPC_CREAT" is -1).
 *  - Which flag names an argument accepts depends on the argument (see
 *    SCRIPT_FLAGS_*): PROT_READ in shmget's FLAGS is an error. Values in
 *    expect and after "=>" accept every name, plus SHM_DEST (01000) and
 *    SHM_LOCKED (02000) for comparing $st.mode.
 *  - $name.field+N is allowed (N is added to the field); +N/-N take any
 *    unsigned integer form ($a+4K, $a-0x10). A string variable takes
 *    neither a field nor an offset.
 *  - A struct capture (shmctl IPC_STAT/SHM_STAT/IPC_INFO/SHM_INFO) used
 *    without a field ($st) is the call's return value (the shmid for
 *    SHM_STAT, the highest index for IPC_INFO/SHM_INFO, 0 for IPC_STAT).
 *  - shmctl's CMD decides the capture only when it is literal: IPC_64 is
 *    stripped first, so IPC_STAT|IPC_64 captures a shmid_ds too. A $var CMD
 *    captures a scalar.
 *  - A variable is "set" from the line after its "-> var" on, whatever the
 *    call returns at run time; the runner decides what a failed call leaves.
 *  - Option values (uid=, ram=, ...) follow the "=" with no space.
 *    Options of a call may come anywhere among its arguments.
 *  - "machine" twice before anything runs: each option keeps the last value
 *    given; s->machine holds the result. The runner may skip
 *    SCRIPT_STMT_MACHINE statements, which are kept for their line numbers.
 *  - "boot" twice is an error; "boot" after other statements is not (the
 *    runner decides). Task names may be keywords ("task show" is a task);
 *    "NAME:" with the colon always starts a call.
 *  - Typing beyond the contract: expect compares integers with integers and
 *    strings with strings (strings only with == and !=); "=> SIGSEGV",
 *    "=> SIGBUS" and "=> SIGKILL" (the OOM kill of a fault) only follow
 *    write, fill, read or touch; => "..." and a
 *    string $var only follow read, and an integer outcome never does;
 *    exit has no value ("-> var" and "=> VALUE" are errors, "=> ok" and
 *    "=> ENAME" are not). fill's literal BYTE is 0..255; sleep and
 *    pressure take integer literals >= 0; task uid=/gid= literals
 *    0..4294967295; machine ram > 0, swap >= 0. shmctl's uid=, gid=,
 *    mode= take any integer or $var (users try bad values).
 *  - Fields are one level deep: $st.uid, not $st.shm_perm.uid (an error).
 *  - "dot FILE" takes a word or a "string" (for names with spaces), then
 *    any of the words shm and rbtree, each at most once.
 *  - The display name of standard input ("-") is "<stdin>", as gcc's.
 *  - "inject FUNCTION ERRNAME": FUNCTION is a name (or alias) of
 *    sim_fail_sites and ERRNAME one of the errnos that row lists, what a
 *    failure of FUNCTION gives its callers in 2.4.16; anything else is an
 *    error at the ERRNAME. after= is >= 0 (default 0), times= >= 1 or -1
 *    for no limit (default 1); "inject FUNCTION off" and "inject off" take
 *    no options.
 *  - Only the first error is reported.
 */
#ifndef _SHMSIM_CLI_SCRIPT_H
#define _SHMSIM_CLI_SCRIPT_H

#include <stddef.h>

/*
 * Error messages. Syntax and semantic errors read
 *	FILE:LINE:COL: message
 * (LINE and COL 1-based, at the offending token), for example
 *	demo.scn:3:4: unknown call "shmgte" (expected one of shmget, ...)
 * A file that cannot be read gives "FILE: cannot read: <strerror>" with
 * line = col = 0.
 */
#define SCRIPT_ERROR_MAX	4608	/* room for a PATH_MAX file name */

struct script_error {
	int line, col;			/* 0 when not about a place */
	char msg[SCRIPT_ERROR_MAX];	/* the full text, ready to print */
};

/* What a variable (or a call's value) holds. */
enum script_capture_kind {
	SCRIPT_CAPTURE_NONE,		/* exit: no value */
	SCRIPT_CAPTURE_SCALAR,		/* an integer: shmid, address... */
	SCRIPT_CAPTURE_STRING,		/* read: the bytes loaded */
	SCRIPT_CAPTURE_SHMID_DS,	/* shmctl IPC_STAT / SHM_STAT */
	SCRIPT_CAPTURE_SHMINFO,		/* shmctl IPC_INFO */
	SCRIPT_CAPTURE_SHM_INFO,	/* shmctl SHM_INFO */
};

/* Fields of the captured structs ($st.shm_nattch); NONE: the value itself. */
enum script_field {
	SCRIPT_FIELD_NONE,
	/* struct shmid_ds */
	SCRIPT_FIELD_SHM_SEGSZ,
	SCRIPT_FIELD_SHM_NATTCH,
	SCRIPT_FIELD_SHM_CPID,
	SCRIPT_FIELD_SHM_LPID,
	SCRIPT_FIELD_SHM_ATIME,
	SCRIPT_FIELD_SHM_DTIME,
	SCRIPT_FIELD_SHM_CTIME,
	SCRIPT_FIELD_KEY,		/* shm_perm.key, and so on */
	SCRIPT_FIELD_UID,
	SCRIPT_FIELD_GID,
	SCRIPT_FIELD_CUID,
	SCRIPT_FIELD_CGID,
	SCRIPT_FIELD_MODE,
	SCRIPT_FIELD_SEQ,
	/* struct shminfo (IPC_INFO) */
	SCRIPT_FIELD_SHMMAX,
	SCRIPT_FIELD_SHMMIN,
	SCRIPT_FIELD_SHMMNI,
	SCRIPT_FIELD_SHMSEG,
	SCRIPT_FIELD_SHMALL,
	/* struct shm_info (SHM_INFO) */
	SCRIPT_FIELD_USED_IDS,
	SCRIPT_FIELD_SHM_TOT,
	SCRIPT_FIELD_SHM_RSS,
	SCRIPT_FIELD_SHM_SWP,
	SCRIPT_FIELD_SWAP_ATTEMPTS,
	SCRIPT_FIELD_SWAP_SUCCESSES,
	SCRIPT_NR_FIELDS
};

enum script_value_kind {
	SCRIPT_VALUE_NONE,		/* absent (an option not given) */
	SCRIPT_VALUE_INT,		/* num holds it, flags already ORed */
	SCRIPT_VALUE_VAR,		/* $var[.field][+N|-N], read at run */
	SCRIPT_VALUE_STRING,		/* str/len */
};

/*
 * A value as written in the script. For a VAR the runner computes
 *	(field == SCRIPT_FIELD_NONE ? value of var : that field) + offset
 * A STRING value may also be a VAR whose var_kind is SCRIPT_CAPTURE_STRING
 * (then field is NONE and offset 0): script_value_is_string() says which.
 */
struct script_value {
	enum script_value_kind kind;
	int line, col;			/* where the token starts */
	char *text;			/* as written: "IPC_CREAT|0666" */
	long long num;			/* INT */
	char *var;			/* VAR: name without the '$' */
	unsigned int slot;		/* VAR: index into script->vars */
	enum script_capture_kind var_kind; /* VAR: what it holds here */
	enum script_field field;	/* VAR: NONE or a field of var_kind */
	long long offset;		/* VAR: +N or -N, else 0 */
	char *str;			/* STRING: bytes, plus a NUL */
	size_t len;			/* STRING: byte count (NULs too) */
};

enum script_stmt_kind {
	SCRIPT_STMT_MACHINE,
	SCRIPT_STMT_BOOT,
	SCRIPT_STMT_TASK,
	SCRIPT_STMT_CALL,
	SCRIPT_STMT_EXPECT,
	SCRIPT_STMT_SHOW,
	SCRIPT_STMT_DOT,
	SCRIPT_STMT_TRACE,
	SCRIPT_STMT_SLEEP,
	SCRIPT_STMT_PRESSURE,
	SCRIPT_STMT_INJECT,
};

enum script_kernel {
	SCRIPT_KERNEL_2_4,
	SCRIPT_KERNEL_2_6,
};

/* The machine settings in force (defaults: 16M, 16M, 2.4). */
struct script_machine {
	unsigned long long ram;		/* bytes of page-frame arena */
	unsigned long long swap;	/* bytes of swap */
	enum script_kernel kernel;
	unsigned int patches;		/* SIM_PATCH_* (sim/boot.h) */
};

/* One "machine" line: only what it names (has_*) counts. */
struct script_machine_stmt {
	int has_ram, has_swap, has_kernel, has_patches;
	int swap_line, swap_col;	/* where swap='s value stands */
	/* where each patch's name stands, by SIM_PATCH_* bit (1, 2, 4) */
	int patch_line[3], patch_col[3];
	struct script_machine set;
};

struct script_task {
	char *name;
	unsigned int slot;		/* index into script->tasks */
	unsigned int uid, gid;		/* default 0 */
};

enum script_call_kind {
	SCRIPT_CALL_SHMGET,		/* KEY SIZE FLAGS */
	SCRIPT_CALL_SHMAT,		/* SHMID ADDR FLAGS */
	SCRIPT_CALL_SHMDT,		/* ADDR */
	SCRIPT_CALL_SHMCTL,		/* SHMID CMD [uid=] [gid=] [mode=] */
	SCRIPT_CALL_MMAP,		/* ADDR LEN PROT FLAGS */
	SCRIPT_CALL_MUNMAP,		/* ADDR LEN */
	SCRIPT_CALL_MPROTECT,		/* ADDR LEN PROT */
	SCRIPT_CALL_WRITE,		/* ADDR DATA (a string value) */
	SCRIPT_CALL_FILL,		/* ADDR LEN BYTE */
	SCRIPT_CALL_READ,		/* ADDR LEN */
	SCRIPT_CALL_TOUCH,		/* ADDR LEN, and touch below */
	SCRIPT_CALL_FORK,		/* no args: child below */
	SCRIPT_CALL_EXIT,		/* no args */
	SCRIPT_CALL_MKDIR,		/* PATH [MODE] */
	SCRIPT_CALL_MOUNT,		/* SOURCE PATH FSTYPE */
	SCRIPT_CALL_UMOUNT,		/* PATH */
	SCRIPT_CALL_LS,			/* PATH */
	SCRIPT_NR_CALLS
};

enum script_touch {
	SCRIPT_TOUCH_WRITE,		/* the default */
	SCRIPT_TOUCH_READ,
};

enum script_outcome_kind {
	SCRIPT_OUTCOME_NONE,		/* no "=>": only reported */
	SCRIPT_OUTCOME_ERRNO,		/* => EINVAL: must fail with err */
	SCRIPT_OUTCOME_SIGNAL,		/* => SIGSEGV, SIGBUS, SIGKILL */
	SCRIPT_OUTCOME_OK,		/* => ok: must succeed */
	SCRIPT_OUTCOME_VALUE,		/* => 5, $var, "str": must equal */
};

#define SCRIPT_SIGKILL	9		/* i386 signal numbers */
#define SCRIPT_SIGBUS	7
#define SCRIPT_SIGSEGV	11

struct script_outcome {
	enum script_outcome_kind kind;
	int line, col;			/* of the token after "=>" */
	char *text;			/* as written: "EINVAL", "ok" */
	int err;			/* ERRNO: positive, 22 for EINVAL */
	int signo;			/* SIGNAL: SCRIPT_SIG* */
	struct script_value value;	/* VALUE */
};

#define SCRIPT_MAX_ARGS	4

/* "NAME: CALL ARGS... [-> VAR] [=> OUTCOME]" */
struct script_call {
	enum script_call_kind kind;
	char *task;			/* the caller, declared earlier */
	unsigned int task_slot;		/* index into script->tasks */
	unsigned int nargs;		/* as the table row says */
	struct script_value args[SCRIPT_MAX_ARGS];
	/* shmctl's IPC_SET fields; kind NONE when not named */
	struct script_value uid, gid, mode;
	enum script_touch touch;	/* touch: read or write */
	char *child;			/* fork: the new task's name */
	unsigned int child_slot;	/* fork: its index in script->tasks */
	/* What the call's value is, and so what "-> VAR" captures. */
	enum script_capture_kind result;
	char *capture;			/* VAR after "->", NULL if none */
	unsigned int capture_slot;	/* index into script->vars */
	int capture_col;
	struct script_outcome outcome;
};

enum script_op {
	SCRIPT_OP_EQ,			/* == */
	SCRIPT_OP_NE,			/* != */
	SCRIPT_OP_LT,			/* <  */
	SCRIPT_OP_LE,			/* <= */
	SCRIPT_OP_GT,			/* >  */
	SCRIPT_OP_GE,			/* >= */
};

/* Both sides have the same type; strings only with EQ and NE. */
struct script_expect {
	struct script_value lhs, rhs;
	enum script_op op;
	int op_col;
};

enum script_show_what {
	SCRIPT_SHOW_IPCS,
	SCRIPT_SHOW_SYSVIPC,
	SCRIPT_SHOW_MAPS,		/* task */
	SCRIPT_SHOW_MEMINFO,
	SCRIPT_SHOW_VMAS,		/* task */
	SCRIPT_SHOW_DCACHE,
	SCRIPT_SHOW_PAGECACHE,		/* shmid: an integer value */
	SCRIPT_SHOW_SWAP,
	SCRIPT_SHOW_OBJECTS,
	SCRIPT_SHOW_PTES,		/* task */
	SCRIPT_SHOW_MOUNTS,		/* /proc/mounts (Version 2) */
	SCRIPT_SHOW_FILESYSTEMS,	/* /proc/filesystems */
};

struct script_show {
	enum script_show_what what;
	char *task;			/* MAPS, VMAS; else NULL */
	unsigned int task_slot;
	struct script_value shmid;	/* PAGECACHE; else kind NONE */
};

/*
 * "inject FUNCTION ERRNAME [after=N] [times=N]", "inject FUNCTION off",
 * "inject off" (func NULL): see sim/include/sim/fail.h.
 */
struct script_inject {
	/*
	 * a function name, NULL: all. The kernel that runs the script
	 * judges it and err (cli_check_injects), before anything runs.
	 */
	char *func;
	int func_line, func_col;
	int off;			/* disarm instead */
	int err;			/* positive: what the callers see */
	int err_line, err_col;
	long long after;		/* calls let through first, >= 0 */
	long long times;		/* calls failed, >= 1; -1: no limit */
};

/*
 * `dot FILE [shm] [rbtree]`: the picture; the words are sim/proc.h's
 * SIM_DOT_SHM (the shm path only) and SIM_DOT_RBTREE (each mm's rb-tree).
 */
struct script_dot {
	char *file;
	unsigned int flags;		/* SIM_DOT_* */
};

struct script_stmt {
	enum script_stmt_kind kind;
	int line, col;			/* of its first token */
	char *text;			/* the source line, no comment */
	union {
		struct script_machine_stmt machine;
		struct script_task task;
		struct script_call call;
		struct script_expect expect;
		struct script_show show;
		struct script_dot dot;
		int trace;		/* TRACE: 1 on, 0 off */
		long long sleep;	/* SLEEP: seconds, >= 0 */
		long long pressure;	/* PRESSURE: pages, >= 0 */
		struct script_inject inject;
	};
};

struct script {
	char *file;			/* the name used in messages */
	struct script_stmt *stmts;	/* in source order */
	size_t nstmts;
	struct script_machine machine;	/* merged "machine" lines */
	char **vars;			/* slot -> variable name */
	size_t nvars;
	char **tasks;			/* slot -> task name, in order */
	size_t ntasks;
	char *text;			/* standard input's text, kept to hand
					   the script to the other kernel's
					   program (cli/kernels.c); else NULL */
	size_t text_len;
};

/*
 * Flag names and their 2.4 i386 values. sets says which arguments accept
 * the name; when printing a value symbolically, take the first entry that
 * matches (aliases such as MAP_ANON and SHM_HUGETLB come after).
 */
#define SCRIPT_FLAGS_KEY	0x01	/* shmget KEY: IPC_PRIVATE */
#define SCRIPT_FLAGS_SHMGET	0x02	/* shmget FLAGS */
#define SCRIPT_FLAGS_SHMAT	0x04	/* shmat FLAGS */
#define SCRIPT_FLAGS_SHMCTL	0x08	/* shmctl CMD */
#define SCRIPT_FLAGS_PROT	0x10	/* mmap/mprotect PROT */
#define SCRIPT_FLAGS_MAP	0x20	/* mmap FLAGS */
#define SCRIPT_FLAGS_MODE	0x40	/* only in expect and outcomes */
#define SCRIPT_FLAGS_ANY	0x7f	/* expect and outcomes take all */

struct script_flag {
	const char *name;
	long long value;
	unsigned int sets;
};

/* cli/parse.c (with parse_value.c, parse_call.c, parse_names.c) */
struct script *script_parse(const char *file, const char *text, size_t len,
			    struct script_error *err);
/* the largest script read (a file or standard input): 16 MiB */
#define SCRIPT_MAX_BYTES	(16 << 20)
struct script *script_parse_file(const char *path, struct script_error *err);
void script_free(struct script *s);

extern const struct script_flag script_flags[];	/* ends with name NULL */
unsigned int script_arg_flags(enum script_call_kind call, unsigned int argi);
const char *script_call_name(enum script_call_kind call);	/* "shmget" */
const char *script_call_usage(enum script_call_kind call); /* "shmdt ADDR" */
const char *script_field_name(enum script_field field); /* "shm_nattch" */
const char *script_show_name(enum script_show_what what);	/* "maps" */
int script_show_takes_task(enum script_show_what what);
const char *script_op_name(enum script_op op);			/* "<=" */
int script_value_is_string(const struct script_value *v);

/*
 * cli/lex.c: the tokenizer, one line at a time. Only cli/parse.c and the
 * tests use it.
 */
enum script_token_kind {
	SCRIPT_TOK_EOL,			/* end of the line (or file) */
	SCRIPT_TOK_WORD,		/* name, integer, flags, 2.4, path */
	SCRIPT_TOK_KEY,			/* "uid=": text/len include '=' */
	SCRIPT_TOK_STRING,		/* "...", decoded into str/str_len */
	SCRIPT_TOK_VAR,			/* $name[.field][+N|-N] */
	SCRIPT_TOK_COLON,		/* NAME: */
	SCRIPT_TOK_ARROW,		/* -> */
	SCRIPT_TOK_OUTCOME,		/* => */
	SCRIPT_TOK_OP,			/* == != < <= > >= */
};

struct script_token {
	enum script_token_kind kind;
	int line, col;
	const char *text;		/* raw spelling, into the source */
	size_t len;
	int space_before;		/* blank between it and the previous */
	char *str;			/* STRING: malloc'd bytes + NUL */
	size_t str_len;
	const char *name;		/* VAR: after '$' */
	size_t name_len;
	const char *field;		/* VAR: after '.', NULL if none */
	size_t field_len;
	long long offset;		/* VAR: +N / -N */
	enum script_op op;		/* OP */
};

struct script_line {
	int line;
	struct script_token *toks;	/* the last one is SCRIPT_TOK_EOL */
	size_t ntoks, cap;
};

struct script_lexer {
	const char *file;
	const char *src;
	size_t len, pos;
	int line;			/* of src[pos] */
	struct script_error *err;
};

void script_lex_init(struct script_lexer *lx, const char *file,
		     const char *src, size_t len, struct script_error *err);
int script_lex_line(struct script_lexer *lx, struct script_line *ln);
void script_line_clear(struct script_line *ln);	/* ntoks = 0 */
void script_line_release(struct script_line *ln);	/* frees toks */
int script_lex_int(const char *s, size_t len, long long *out,
		   const char **why);
void script_error_set(struct script_error *err, const char *file, int line,
		      int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

#endif /* _SHMSIM_CLI_SCRIPT_H */
