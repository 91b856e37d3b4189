/* SPDX-License-Identifier: GPL-2.0-only */
/* sim/include/sim/swapdev.h - the host file behind a swap area (sim). */
#ifndef _SIM_SWAPDEV_H
#define _SIM_SWAPDEV_H

#include <stddef.h>

/* the volume label sim_mkswap writes: "a swap area shmsim made" */
#define SIM_SWAPDEV_LABEL	"shmsim"

int sim_swapdev_create(const char *path, unsigned long long bytes,
		       const void *hdr, size_t hdrlen, int force);
int sim_swapdev_open(const char *path);
long long sim_swapdev_size(int fd);
long sim_swapdev_read(int fd, void *buf, size_t len, long long pos);
long sim_swapdev_write(int fd, const void *buf, size_t len, long long pos);
int sim_swapdev_same(int fd1, int fd2);
void sim_swapdev_close(int fd, const char *unlink_path);
int sim_swapdev_tempfile(void);
char *sim_swapdev_tempname(void);
int sim_swapdev_check(const char *path, int force, char *why, size_t len);
int sim_swapdev_check_tempdir(char *why, size_t len);

/*
 * The first I/O the host refused on a swap file (errno and what was being
 * done), for the runner to report and stop on; sim_swapdev_errno = 0
 * clears it. The simulated memory stays right: page_io keeps the page.
 */
extern int sim_swapdev_errno;
extern char sim_swapdev_why[160];
void sim_swapdev_failed(int err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif /* _SIM_SWAPDEV_H */
