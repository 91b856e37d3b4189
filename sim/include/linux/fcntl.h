/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/linux/fcntl.h - open's flags, i386's values, the same in
 * 2.4.16 and 2.6.32 (include/asm-i386/fcntl.h). sim: never include the
 * host's <fcntl.h> beside this.
 */
#ifndef _SIM_LINUX_FCNTL_H
#define _SIM_LINUX_FCNTL_H

#define O_ACCMODE	003
#define O_RDONLY	00
#define O_WRONLY	01
#define O_RDWR		02
#define O_CREAT		0100
#define O_EXCL		0200
#define O_NOCTTY	0400
#define O_TRUNC		01000
#define O_APPEND	02000
#define O_NONBLOCK	04000
#define O_LARGEFILE	0100000
#define O_DIRECTORY	0200000
#define O_NOFOLLOW	0400000

#endif /* _SIM_LINUX_FCNTL_H */
