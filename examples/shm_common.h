/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * examples/shm_common.h - what the writer and the reader agree on: the
 * key, and the segment's layout (4 + 2048 = 2052 bytes).
 */
#ifndef _SHM_COMMON_H
#define _SHM_COMMON_H

#define SHARED_KEY	1234
#define TEXT_SIZE	2048

struct shared_use_st {
	int written;		/* 1: text holds a line the reader has not
				   printed yet */
	char text[TEXT_SIZE];
};

#endif /* _SHM_COMMON_H */
