/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/sim/kernel_version.h - what a kernel still being built adds
 * to the runner's seam (sim/include/sim/kernel.h). The 2.4.16 kernel
 * declares all of the seam in its own headers, so this is empty; the
 * 2.6.32 model's sim/2.6/include/sim/kernel_version.h takes its place in
 * a 2.6 build.
 */
#ifndef _SIM_KERNEL_VERSION_H
#define _SIM_KERNEL_VERSION_H
#endif /* _SIM_KERNEL_VERSION_H */
