// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/mm/swapfile_hostfd.c - for test_swapfile.c: make a swap area's
 * descriptor refuse writes, as a full or failing disk would, and give it
 * back. Apart from the test so that <fcntl.h> never meets the simulated
 * kernel's headers.
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int swapfile_test_readonly(int fd);
void swapfile_test_restore(int fd, int saved);

/* fd now names the same file read-only; returns the old one, kept open */
int swapfile_test_readonly(int fd)
{
	char path[64];
	int saved = dup(fd), ro;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	ro = open(path, O_RDONLY | O_CLOEXEC);
	if (saved < 0 || ro < 0 || dup2(ro, fd) < 0)
		return -1;
	close(ro);
	return saved;
}

void swapfile_test_restore(int fd, int saved)
{
	dup2(saved, fd);
	close(saved);
}
