// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/security/min_addr.c - the lowest address a task may map.
 * Models security/min_addr.c (2.6.32): dac_mmap_min_addr and
 *   mmap_min_addr, both CONFIG_DEFAULT_MMAP_MIN_ADDR (4096: the Kconfig
 *   default; without an LSM the two are the same).
 * Left out: the vm.mmap_min_addr sysctl handler.
 * Read by cap_file_mmap (security/commoncap.c) and round_hint_to_min
 *   (mm/mmap.c).
 */
#include "linux/kernel.h"
#include "linux/mm.h"

unsigned long dac_mmap_min_addr = 4096;
unsigned long mmap_min_addr = 4096;
