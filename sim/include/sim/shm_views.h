/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/sim/shm_views.h - read-only access to segments (sim only).
 * struct shmid_kernel is private to ipc/shm.c, as in 2.4; the views, the
 * picture and the checker see segments through these.
 */
#ifndef _SIM_SHM_VIEWS_H
#define _SIM_SHM_VIEWS_H

#include <stddef.h>
#include <sys/types.h>

struct file;
struct vm_area_struct;

struct sim_shm_info {
	int id;
	key_t key;
	unsigned int mode;
	unsigned long segsz;
	unsigned long nattch;
	struct file *file;
};

int sim_shm_count(void);
int sim_shm_max_slot(void);
int sim_shm_slot(int slot, struct sim_shm_info *info);
int sim_shm_lookup(int shmid, struct sim_shm_info *info);
int sim_is_shm_vma(struct vm_area_struct *vma);
void sim_shm_exit(void);

#endif /* _SIM_SHM_VIEWS_H */
