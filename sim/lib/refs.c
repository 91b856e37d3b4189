// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/lib/refs.c - a sorted multiset of pointers, for the invariant checks
 * (sim only): gather the pointers once, sort them, then count how often
 * each object occurs (a file's vmas, a dentry's files and mounts) in
 * O(log n), where a scan per object made a check quadratic.
 */
#include <stdint.h>
#include <stdlib.h>

#include "sim/proc.h"

static int cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(const void *const *)a;
	uintptr_t y = (uintptr_t)*(const void *const *)b;

	return x < y ? -1 : x > y;
}

void sim_refs_sort(struct sim_refs *r)
{
	qsort(r->ptrs, (size_t)r->n, sizeof(*r->ptrs), cmp_ptr);
}

/* how many of r's (sorted) pointers are ptr */
int sim_refs_count(const struct sim_refs *r, const void *ptr)
{
	int lo = 0, hi = r->n, count = 0;

	while (lo < hi) {		/* first index with ptrs[i] >= ptr */
		int mid = lo + (hi - lo) / 2;

		if ((uintptr_t)r->ptrs[mid] < (uintptr_t)ptr)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo < r->n && r->ptrs[lo++] == ptr)
		count++;
	return count;
}
