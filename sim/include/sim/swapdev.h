/* SPDX-License-Identifier: GPL-2.0-only */
/* sim/include/sim/swapdev.h - the host file behind a swap area (sim). */
#ifndef _SIM_SWAPDEV_H
#define _SIM_SWAPDEV_H

#include <stddef.h>

int sim_swapdev_create(const char *path, unsigned long long bytes,
		       const void *hdr, size_t hdrlen);
int sim_swapdev_open(const char *path);
long long sim_swapdev_size(int fd);
long sim_swapdev_read(int fd, void *buf, size_t len, long long pos);
long sim_swapdev_write(int fd, const void *buf, size_t len, long long pos);
int sim_swapdev_same(int fd1, int fd2);
void sim_swapdev_close(int fd, const char *unlink_path);
char *sim_swapdev_tempname(void);

#endif /* _SIM_SWAPDEV_H */
