// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/tables.c - the scenario language's vocabulary: flag names and their
 *   2.4 i386 values, the calls (arguments, what they return, which are
 *   memory accesses), the fields of the captured structs, the views, the
 *   operators, and the name functions of cli/script.h.
 * Used by cli/parse.c (checking a script) and cli/print.c and cli/run.c
 *   (printing it back; each call's run/print pair, cli/call_*.c).
 */
#include <stddef.h>
#include <string.h>

#include "call.h"
#include "sim/proc.h"		/* SIM_DOT_* */
#include "script.h"
#include "tables.h"

const struct script_flag script_flags[] = {
	{ "IPC_PRIVATE",	0,		SCRIPT_FLAGS_KEY },
	{ "IPC_CREAT",		01000,		SCRIPT_FLAGS_SHMGET },
	{ "IPC_EXCL",		02000,		SCRIPT_FLAGS_SHMGET },
	{ "IPC_NOWAIT",		04000,		SCRIPT_FLAGS_SHMGET },
	{ "IPC_RMID",		0,		SCRIPT_FLAGS_SHMCTL },
	{ "IPC_SET",		1,		SCRIPT_FLAGS_SHMCTL },
	{ "IPC_STAT",		2,		SCRIPT_FLAGS_SHMCTL },
	{ "IPC_INFO",		3,		SCRIPT_FLAGS_SHMCTL },
	{ "SHM_LOCK",		11,		SCRIPT_FLAGS_SHMCTL },
	{ "SHM_UNLOCK",		12,		SCRIPT_FLAGS_SHMCTL },
	{ "SHM_STAT",		13,		SCRIPT_FLAGS_SHMCTL },
	{ "SHM_INFO",		14,		SCRIPT_FLAGS_SHMCTL },
	{ "IPC_64",		0x100,		SCRIPT_FLAGS_SHMCTL },
	{ "SHM_RDONLY",		010000,		SCRIPT_FLAGS_SHMAT },
	{ "SHM_RND",		020000,		SCRIPT_FLAGS_SHMAT },
	{ "SHM_REMAP",		040000,		SCRIPT_FLAGS_SHMAT },
	/* 2.6 (2.4.16 has no such flag and ignores the bit) */
	{ "SHM_EXEC",		0100000,	SCRIPT_FLAGS_SHMAT },
	{ "PROT_NONE",		0,		SCRIPT_FLAGS_PROT },
	{ "PROT_READ",		1,		SCRIPT_FLAGS_PROT },
	{ "PROT_WRITE",		2,		SCRIPT_FLAGS_PROT },
	{ "PROT_EXEC",		4,		SCRIPT_FLAGS_PROT },
	{ "MAP_SHARED",		1,		SCRIPT_FLAGS_MAP },
	{ "MAP_PRIVATE",	2,		SCRIPT_FLAGS_MAP },
	{ "MAP_FIXED",		0x10,		SCRIPT_FLAGS_MAP },
	{ "MAP_ANONYMOUS",	0x20,		SCRIPT_FLAGS_MAP },
	/* include/linux/shm.h: the bits shm_perm.mode carries besides 0777 */
	{ "SHM_DEST",		01000,		SCRIPT_FLAGS_MODE },
	{ "SHM_LOCKED",		02000,		SCRIPT_FLAGS_MODE },
	/* aliases last, so printing picks the names above */
	{ "SHM_HUGETLB",	04000,		SCRIPT_FLAGS_SHMGET },
	{ "MAP_ANON",		0x20,		SCRIPT_FLAGS_MAP },
	{ NULL,			0,		0 }
};

#define INT_ARG(n)		{ n, ARG_INT, 0 }
#define FLAG_ARG(n, set)	{ n, ARG_INT, set }
#define WORD_ARG(n)		{ n, ARG_WORD, 0 }

/* The table of scenario-language.md, "Calls made as a task". */
const struct call_spec call_specs[SCRIPT_NR_CALLS] = {
	[SCRIPT_CALL_SHMGET] = { "shmget", "shmget KEY SIZE FLAGS", 3,
		{ FLAG_ARG("KEY", SCRIPT_FLAGS_KEY), INT_ARG("SIZE"),
		  FLAG_ARG("FLAGS", SCRIPT_FLAGS_SHMGET) },
		SCRIPT_CAPTURE_SCALAR, 0,
		.run = run_shmget, .print_args = print_shmget },
	[SCRIPT_CALL_SHMAT] = { "shmat", "shmat SHMID ADDR FLAGS", 3,
		{ INT_ARG("SHMID"), INT_ARG("ADDR"),
		  FLAG_ARG("FLAGS", SCRIPT_FLAGS_SHMAT) },
		SCRIPT_CAPTURE_SCALAR, 0, .hex = 1,
		.run = run_shmat, .print_args = print_shmat },
	[SCRIPT_CALL_SHMDT] = { "shmdt", "shmdt ADDR", 1,
		{ INT_ARG("ADDR") }, SCRIPT_CAPTURE_SCALAR, 0,
		.run = run_shmdt, .print_args = print_shmdt },
	[SCRIPT_CALL_SHMCTL] = { "shmctl",
		"shmctl SHMID CMD [uid=N] [gid=N] [mode=N]", 2,
		{ INT_ARG("SHMID"), FLAG_ARG("CMD", SCRIPT_FLAGS_SHMCTL) },
		SCRIPT_CAPTURE_SCALAR, 0,
		.run = run_shmctl, .print_args = print_shmctl },
	[SCRIPT_CALL_MMAP] = { "mmap", "mmap ADDR LEN PROT FLAGS", 4,
		{ INT_ARG("ADDR"), INT_ARG("LEN"),
		  FLAG_ARG("PROT", SCRIPT_FLAGS_PROT),
		  FLAG_ARG("FLAGS", SCRIPT_FLAGS_MAP) },
		SCRIPT_CAPTURE_SCALAR, 0, .hex = 1,
		.run = run_mmap, .print_args = print_mmap },
	[SCRIPT_CALL_MUNMAP] = { "munmap", "munmap ADDR LEN", 2,
		{ INT_ARG("ADDR"), INT_ARG("LEN") }, SCRIPT_CAPTURE_SCALAR, 0,
		.run = run_munmap, .print_args = print_munmap },
	[SCRIPT_CALL_MPROTECT] = { "mprotect", "mprotect ADDR LEN PROT", 3,
		{ INT_ARG("ADDR"), INT_ARG("LEN"),
		  FLAG_ARG("PROT", SCRIPT_FLAGS_PROT) },
		SCRIPT_CAPTURE_SCALAR, 0,
		.run = run_mprotect, .print_args = print_mprotect },
	[SCRIPT_CALL_WRITE] = { "write", "write ADDR \"DATA\"", 2,
		{ INT_ARG("ADDR"), { "DATA", ARG_STRING, 0 } },
		SCRIPT_CAPTURE_SCALAR, 1,
		.run = run_write, .print_args = print_write },
	[SCRIPT_CALL_FILL] = { "fill", "fill ADDR LEN BYTE", 3,
		{ INT_ARG("ADDR"), INT_ARG("LEN"), INT_ARG("BYTE") },
		SCRIPT_CAPTURE_SCALAR, 1,
		.run = run_fill, .print_args = print_fill },
	[SCRIPT_CALL_READ] = { "read", "read ADDR LEN", 2,
		{ INT_ARG("ADDR"), INT_ARG("LEN") }, SCRIPT_CAPTURE_STRING, 1,
		.run = run_read, .print_args = print_read },
	[SCRIPT_CALL_TOUCH] = { "touch", "touch ADDR LEN [read|write]", 2,
		{ INT_ARG("ADDR"), INT_ARG("LEN") }, SCRIPT_CAPTURE_SCALAR, 1,
		.run = run_touch, .print_args = print_touch },
	/* no arguments: designated, so args stays all zero */
	[SCRIPT_CALL_FORK] = { .name = "fork", .usage = "fork CHILD",
		.result = SCRIPT_CAPTURE_SCALAR, .run = run_fork },
	[SCRIPT_CALL_EXIT] = { .name = "exit", .usage = "exit",
		.result = SCRIPT_CAPTURE_NONE, .run = run_exit,
		.print_args = print_exit },
	/* the file-system calls of Version 2 (the visibility experiment) */
	[SCRIPT_CALL_MKDIR] = { .name = "mkdir", .usage = "mkdir PATH [MODE]",
		.nargs = 2, .optional = 1,
		.args = { WORD_ARG("PATH"), INT_ARG("MODE") },
		.result = SCRIPT_CAPTURE_SCALAR,
		.run = run_mkdir, .print_args = print_mkdir },
	[SCRIPT_CALL_MOUNT] = { .name = "mount",
		.usage = "mount SOURCE PATH FSTYPE", .nargs = 3,
		.args = { WORD_ARG("SOURCE"), WORD_ARG("PATH"),
			  WORD_ARG("FSTYPE") },
		.result = SCRIPT_CAPTURE_SCALAR,
		.run = run_mount, .print_args = print_mount },
	[SCRIPT_CALL_UMOUNT] = { .name = "umount", .usage = "umount PATH",
		.nargs = 1, .args = { WORD_ARG("PATH") },
		.result = SCRIPT_CAPTURE_SCALAR,
		.run = run_umount, .print_args = print_umount },
	[SCRIPT_CALL_LS] = { .name = "ls", .usage = "ls PATH", .nargs = 1,
		.args = { WORD_ARG("PATH") }, .result = SCRIPT_CAPTURE_STRING,
		.run = run_ls, .print_args = print_ls },
};

/* short names for the table below */
#define DS	SCRIPT_CAPTURE_SHMID_DS
#define SI	SCRIPT_CAPTURE_SHMINFO
#define SHI	SCRIPT_CAPTURE_SHM_INFO

const struct field_spec field_specs[SCRIPT_NR_FIELDS] = {
	[SCRIPT_FIELD_NONE]		= { "", SCRIPT_CAPTURE_NONE },
	[SCRIPT_FIELD_SHM_SEGSZ]	= { "shm_segsz",	DS },
	[SCRIPT_FIELD_SHM_NATTCH]	= { "shm_nattch",	DS },
	[SCRIPT_FIELD_SHM_CPID]		= { "shm_cpid",		DS },
	[SCRIPT_FIELD_SHM_LPID]		= { "shm_lpid",		DS },
	[SCRIPT_FIELD_SHM_ATIME]	= { "shm_atime",	DS },
	[SCRIPT_FIELD_SHM_DTIME]	= { "shm_dtime",	DS },
	[SCRIPT_FIELD_SHM_CTIME]	= { "shm_ctime",	DS },
	[SCRIPT_FIELD_KEY]		= { "key",		DS },
	[SCRIPT_FIELD_UID]		= { "uid",		DS },
	[SCRIPT_FIELD_GID]		= { "gid",		DS },
	[SCRIPT_FIELD_CUID]		= { "cuid",		DS },
	[SCRIPT_FIELD_CGID]		= { "cgid",		DS },
	[SCRIPT_FIELD_MODE]		= { "mode",		DS },
	[SCRIPT_FIELD_SEQ]		= { "seq",		DS },
	[SCRIPT_FIELD_SHMMAX]		= { "shmmax",		SI },
	[SCRIPT_FIELD_SHMMIN]		= { "shmmin",		SI },
	[SCRIPT_FIELD_SHMMNI]		= { "shmmni",		SI },
	[SCRIPT_FIELD_SHMSEG]		= { "shmseg",		SI },
	[SCRIPT_FIELD_SHMALL]		= { "shmall",		SI },
	[SCRIPT_FIELD_USED_IDS]		= { "used_ids",		SHI },
	[SCRIPT_FIELD_SHM_TOT]		= { "shm_tot",		SHI },
	[SCRIPT_FIELD_SHM_RSS]		= { "shm_rss",		SHI },
	[SCRIPT_FIELD_SHM_SWP]		= { "shm_swp",		SHI },
	[SCRIPT_FIELD_SWAP_ATTEMPTS]	= { "swap_attempts",	SHI },
	[SCRIPT_FIELD_SWAP_SUCCESSES]	= { "swap_successes",	SHI },
};

#undef DS
#undef SI
#undef SHI

const char *const show_names[NR_SHOWS] = {
	[SCRIPT_SHOW_IPCS]	= "ipcs",
	[SCRIPT_SHOW_SYSVIPC]	= "sysvipc",
	[SCRIPT_SHOW_MAPS]	= "maps",
	[SCRIPT_SHOW_MEMINFO]	= "meminfo",
	[SCRIPT_SHOW_VMAS]	= "vmas",
	[SCRIPT_SHOW_DCACHE]	= "dcache",
	[SCRIPT_SHOW_PAGECACHE]	= "pagecache",
	[SCRIPT_SHOW_SWAP]	= "swap",
	[SCRIPT_SHOW_OBJECTS]	= "objects",
	[SCRIPT_SHOW_PTES]	= "ptes",
	[SCRIPT_SHOW_MOUNTS]	= "mounts",
	[SCRIPT_SHOW_FILESYSTEMS] = "filesystems",
};

static const char *const op_names[] = {
	[SCRIPT_OP_EQ] = "==", [SCRIPT_OP_NE] = "!=", [SCRIPT_OP_LT] = "<",
	[SCRIPT_OP_LE] = "<=", [SCRIPT_OP_GT] = ">", [SCRIPT_OP_GE] = ">=",
};

const char *script_call_name(enum script_call_kind call)
{
	return call < SCRIPT_NR_CALLS ? call_specs[call].name : "?";
}

const char *script_call_usage(enum script_call_kind call)
{
	return call < SCRIPT_NR_CALLS ? call_specs[call].usage : "?";
}

const char *script_field_name(enum script_field field)
{
	return field < SCRIPT_NR_FIELDS ? field_specs[field].name : "?";
}

const char *script_show_name(enum script_show_what what)
{
	return what < NR_SHOWS ? show_names[what] : "?";
}

/* maps, vmas and ptes name the task whose view they are */
int script_show_takes_task(enum script_show_what what)
{
	return what == SCRIPT_SHOW_MAPS || what == SCRIPT_SHOW_VMAS ||
	       what == SCRIPT_SHOW_PTES;
}

const char *script_op_name(enum script_op op)
{
	return op <= SCRIPT_OP_GE ? op_names[op] : "?";
}

/* The SCRIPT_FLAGS_* set argument argi of call takes by name, 0 if none */
unsigned int script_arg_flags(enum script_call_kind call, unsigned int argi)
{
	if (call >= SCRIPT_NR_CALLS || argi >= call_specs[call].nargs)
		return 0;
	return call_specs[call].args[argi].flags;
}

int script_value_is_string(const struct script_value *v)
{
	return v->kind == SCRIPT_VALUE_STRING ||
	       (v->kind == SCRIPT_VALUE_VAR &&
		v->var_kind == SCRIPT_CAPTURE_STRING &&
		v->field == SCRIPT_FIELD_NONE);
}

unsigned int dot_word_flag(const char *word, size_t len)
{
	static const struct {
		const char *word;
		unsigned int flag;
	} words[] = {
		{ "shm", SIM_DOT_SHM },
		{ "rbtree", SIM_DOT_RBTREE },
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i].word) == len &&
		    !memcmp(words[i].word, word, len))
			return words[i].flag;
	return 0;
}
