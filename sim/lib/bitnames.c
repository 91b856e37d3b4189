// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/lib/bitnames.c - a word of flag bits printed as their names (sim
 * only), for the views of both kernels: pte and pgd bits in `show ptes`,
 * page flags in `show pagecache`. Each kernel's view has its own table,
 * since the bit values differ between 2.4.16 and 2.6.32.
 */
#include "sim/proc.h"

void sim_print_bits(FILE *out, unsigned long v,
		    const struct sim_bit_name *names, size_t n,
		    const char *sep)
{
	size_t i, printed = 0;

	for (i = 0; i < n; i++)
		if (v & names[i].mask)
			fprintf(out, "%s%s", printed++ ? sep : "",
				names[i].name);
	if (!printed)
		fputc('-', out);
}
