// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/lib/errno.c - errno numbers to names and messages, and back.
 * Models include/asm-i386/errno.h (2.4.16): the 124 numbers 1..124 with
 *   their names, plus the two aliases EWOULDBLOCK (= EAGAIN) and EDEADLOCK
 *   (= EDEADLK). The messages are glibc's strerror() texts, which is what
 *   strace prints after "= -1 EINVAL (...)".
 * Left out: the kernel-internal 512..516 (ERESTARTSYS and friends), which
 *   never reach user space; the host's strerror(), so that traces do not
 *   depend on the host's libc version or locale.
 * Called by code that prints or parses errnos (traces, scenario files) and
 *   by tests/sim_test.h's assert_errno().
 *
 * Unknown numbers: 0, negative numbers, 41 and 58 (holes in the i386 table)
 * and anything above 124 give the name "EUNKNOWN" and the text
 * "Unknown error", never NULL, so callers can print the result directly.
 */
#include <signal.h>
#include <string.h>

#include "sim/kbase.h"

struct sim_errno {
	const char *name;
	const char *text;
};

#define SIM_ERRNO_MAX	124

/* Indexed by errno value; numbers and names as in asm-i386/errno.h. */
static const struct sim_errno sim_errno_table[SIM_ERRNO_MAX + 1] = {
	[1]   = { "EPERM",		"Operation not permitted" },
	[2]   = { "ENOENT",		"No such file or directory" },
	[3]   = { "ESRCH",		"No such process" },
	[4]   = { "EINTR",		"Interrupted system call" },
	[5]   = { "EIO",		"Input/output error" },
	[6]   = { "ENXIO",		"No such device or address" },
	[7]   = { "E2BIG",		"Argument list too long" },
	[8]   = { "ENOEXEC",		"Exec format error" },
	[9]   = { "EBADF",		"Bad file descriptor" },
	[10]  = { "ECHILD",		"No child processes" },
	[11]  = { "EAGAIN",		"Resource temporarily unavailable" },
	[12]  = { "ENOMEM",		"Cannot allocate memory" },
	[13]  = { "EACCES",		"Permission denied" },
	[14]  = { "EFAULT",		"Bad address" },
	[15]  = { "ENOTBLK",		"Block device required" },
	[16]  = { "EBUSY",		"Device or resource busy" },
	[17]  = { "EEXIST",		"File exists" },
	[18]  = { "EXDEV",		"Invalid cross-device link" },
	[19]  = { "ENODEV",		"No such device" },
	[20]  = { "ENOTDIR",		"Not a directory" },
	[21]  = { "EISDIR",		"Is a directory" },
	[22]  = { "EINVAL",		"Invalid argument" },
	[23]  = { "ENFILE",		"Too many open files in system" },
	[24]  = { "EMFILE",		"Too many open files" },
	[25]  = { "ENOTTY",		"Inappropriate ioctl for device" },
	[26]  = { "ETXTBSY",		"Text file busy" },
	[27]  = { "EFBIG",		"File too large" },
	[28]  = { "ENOSPC",		"No space left on device" },
	[29]  = { "ESPIPE",		"Illegal seek" },
	[30]  = { "EROFS",		"Read-only file system" },
	[31]  = { "EMLINK",		"Too many links" },
	[32]  = { "EPIPE",		"Broken pipe" },
	[33]  = { "EDOM",		"Numerical argument out of domain" },
	[34]  = { "ERANGE",		"Numerical result out of range" },
	[35]  = { "EDEADLK",		"Resource deadlock avoided" },
	[36]  = { "ENAMETOOLONG",	"File name too long" },
	[37]  = { "ENOLCK",		"No locks available" },
	[38]  = { "ENOSYS",		"Function not implemented" },
	[39]  = { "ENOTEMPTY",		"Directory not empty" },
	[40]  = { "ELOOP",		"Too many levels of symbolic links" },
	/* 41: unused, EWOULDBLOCK is EAGAIN */
	[42]  = { "ENOMSG",		"No message of desired type" },
	[43]  = { "EIDRM",		"Identifier removed" },
	[44]  = { "ECHRNG",		"Channel number out of range" },
	[45]  = { "EL2NSYNC",		"Level 2 not synchronized" },
	[46]  = { "EL3HLT",		"Level 3 halted" },
	[47]  = { "EL3RST",		"Level 3 reset" },
	[48]  = { "ELNRNG",		"Link number out of range" },
	[49]  = { "EUNATCH",		"Protocol driver not attached" },
	[50]  = { "ENOCSI",		"No CSI structure available" },
	[51]  = { "EL2HLT",		"Level 2 halted" },
	[52]  = { "EBADE",		"Invalid exchange" },
	[53]  = { "EBADR",		"Invalid request descriptor" },
	[54]  = { "EXFULL",		"Exchange full" },
	[55]  = { "ENOANO",		"No anode" },
	[56]  = { "EBADRQC",		"Invalid request code" },
	[57]  = { "EBADSLT",		"Invalid slot" },
	/* 58: unused, EDEADLOCK is EDEADLK */
	[59]  = { "EBFONT",		"Bad font file format" },
	[60]  = { "ENOSTR",		"Device not a stream" },
	[61]  = { "ENODATA",		"No data available" },
	[62]  = { "ETIME",		"Timer expired" },
	[63]  = { "ENOSR",		"Out of streams resources" },
	[64]  = { "ENONET",		"Machine is not on the network" },
	[65]  = { "ENOPKG",		"Package not installed" },
	[66]  = { "EREMOTE",		"Object is remote" },
	[67]  = { "ENOLINK",		"Link has been severed" },
	[68]  = { "EADV",		"Advertise error" },
	[69]  = { "ESRMNT",		"Srmount error" },
	[70]  = { "ECOMM",		"Communication error on send" },
	[71]  = { "EPROTO",		"Protocol error" },
	[72]  = { "EMULTIHOP",		"Multihop attempted" },
	[73]  = { "EDOTDOT",		"RFS specific error" },
	[74]  = { "EBADMSG",		"Bad message" },
	[75]  = { "EOVERFLOW",
		  "Value too large for defined data type" },
	[76]  = { "ENOTUNIQ",		"Name not unique on network" },
	[77]  = { "EBADFD",		"File descriptor in bad state" },
	[78]  = { "EREMCHG",		"Remote address changed" },
	[79]  = { "ELIBACC",
		  "Can not access a needed shared library" },
	[80]  = { "ELIBBAD",
		  "Accessing a corrupted shared library" },
	[81]  = { "ELIBSCN",		".lib section in a.out corrupted" },
	[82]  = { "ELIBMAX",
		  "Attempting to link in too many shared libraries" },
	[83]  = { "ELIBEXEC",
		  "Cannot exec a shared library directly" },
	[84]  = { "EILSEQ",
		  "Invalid or incomplete multibyte or wide character" },
	[85]  = { "ERESTART",
		  "Interrupted system call should be restarted" },
	[86]  = { "ESTRPIPE",		"Streams pipe error" },
	[87]  = { "EUSERS",		"Too many users" },
	[88]  = { "ENOTSOCK",		"Socket operation on non-socket" },
	[89]  = { "EDESTADDRREQ",	"Destination address required" },
	[90]  = { "EMSGSIZE",		"Message too long" },
	[91]  = { "EPROTOTYPE",		"Protocol wrong type for socket" },
	[92]  = { "ENOPROTOOPT",	"Protocol not available" },
	[93]  = { "EPROTONOSUPPORT",	"Protocol not supported" },
	[94]  = { "ESOCKTNOSUPPORT",	"Socket type not supported" },
	[95]  = { "EOPNOTSUPP",		"Operation not supported" },
	[96]  = { "EPFNOSUPPORT",	"Protocol family not supported" },
	[97]  = { "EAFNOSUPPORT",
		  "Address family not supported by protocol" },
	[98]  = { "EADDRINUSE",		"Address already in use" },
	[99]  = { "EADDRNOTAVAIL",	"Cannot assign requested address" },
	[100] = { "ENETDOWN",		"Network is down" },
	[101] = { "ENETUNREACH",	"Network is unreachable" },
	[102] = { "ENETRESET",		"Network dropped connection on reset" },
	[103] = { "ECONNABORTED",	"Software caused connection abort" },
	[104] = { "ECONNRESET",		"Connection reset by peer" },
	[105] = { "ENOBUFS",		"No buffer space available" },
	[106] = { "EISCONN",
		  "Transport endpoint is already connected" },
	[107] = { "ENOTCONN",		"Transport endpoint is not connected" },
	[108] = { "ESHUTDOWN",
		  "Cannot send after transport endpoint shutdown" },
	[109] = { "ETOOMANYREFS",
		  "Too many references: cannot splice" },
	[110] = { "ETIMEDOUT",		"Connection timed out" },
	[111] = { "ECONNREFUSED",	"Connection refused" },
	[112] = { "EHOSTDOWN",		"Host is down" },
	[113] = { "EHOSTUNREACH",	"No route to host" },
	[114] = { "EALREADY",		"Operation already in progress" },
	[115] = { "EINPROGRESS",	"Operation now in progress" },
	[116] = { "ESTALE",		"Stale file handle" },
	[117] = { "EUCLEAN",		"Structure needs cleaning" },
	[118] = { "ENOTNAM",		"Not a XENIX named type file" },
	[119] = { "ENAVAIL",		"No XENIX semaphores available" },
	[120] = { "EISNAM",		"Is a named type file" },
	[121] = { "EREMOTEIO",		"Remote I/O error" },
	[122] = { "EDQUOT",		"Disk quota exceeded" },
	[123] = { "ENOMEDIUM",		"No medium found" },
	[124] = { "EMEDIUMTYPE",	"Wrong medium type" },
};

/* Names asm-i386/errno.h defines as another name: parsed, never printed. */
static const struct {
	const char *name;
	int err;
} sim_errno_alias[] = {
	{ "EWOULDBLOCK",	11 },	/* EAGAIN */
	{ "EDEADLOCK",		35 },	/* EDEADLK */
};

static const struct sim_errno sim_errno_unknown = {
	"EUNKNOWN", "Unknown error"
};

static const struct sim_errno *sim_errno_lookup(int err)
{
	if (err <= 0 || err > SIM_ERRNO_MAX || !sim_errno_table[err].name)
		return &sim_errno_unknown;
	return &sim_errno_table[err];
}

/* 22 -> "EINVAL"; unknown numbers -> "EUNKNOWN". Takes the positive value. */
const char *sim_errno_name(int err)
{
	return sim_errno_lookup(err)->name;
}

/* 22 -> "Invalid argument"; unknown numbers -> "Unknown error". */
const char *sim_errno_text(int err)
{
	return sim_errno_lookup(err)->text;
}

/* "EINVAL" -> 22, "EWOULDBLOCK" -> 11; 0 for NULL or an unknown name. */
int sim_errno_from_name(const char *name)
{
	size_t i;
	int err;

	if (!name)
		return 0;
	for (err = 1; err <= SIM_ERRNO_MAX; err++) {
		if (sim_errno_table[err].name &&
		    strcmp(sim_errno_table[err].name, name) == 0)
			return err;
	}
	for (i = 0; i < sizeof(sim_errno_alias) / sizeof(sim_errno_alias[0]);
	     i++) {
		if (strcmp(sim_errno_alias[i].name, name) == 0)
			return sim_errno_alias[i].err;
	}
	return 0;
}

/* sim: the signals a fault or the OOM killer delivers, by name */
const char *sim_signal_name(int sig)
{
	switch (sig) {
	case SIGSEGV:
		return "SIGSEGV";
	case SIGBUS:
		return "SIGBUS";
	case SIGKILL:
		return "SIGKILL";
	default:
		return "?";
	}
}
