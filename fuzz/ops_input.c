// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz/ops_input.c - fuzz_ops: the bytes as numbers, addresses, lengths,
 * shmids and each call's arguments. What an input means depends on every
 * line here: a change to the order or the number of bytes read changes
 * what the corpus and tests/fuzz-regressions/ops/ do (docs/fuzzing.md).
 * Past the end every byte reads 0.
 */
#include <stdint.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/shm.h"

#include "ops.h"

unsigned int in8(struct fz_in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

unsigned int in16(struct fz_in *in)
{
	unsigned int lo = in8(in);

	return lo | in8(in) << 8;
}

uint32_t in32(struct fz_in *in)
{
	uint32_t lo = in16(in);

	return lo | (uint32_t)in16(in) << 16;
}

/* ---- choosing arguments ------------------------------------------------- */

static const uint32_t odd_addrs[] = {
	0x1000, 0xbffff000, 0xc0000000, 0xfffff000, 0xbfff0000,
	0x3ffff000, 1, 0x40000001, 0xbffffffe, 0xfffff001,
};

/*
 * An address: for accesses mostly inside the task's ranges, for unmap and
 * mprotect mostly on their page boundaries, for mmap and shmat mostly 0
 * (the kernel chooses) or a boundary (MAP_FIXED over what is there); now
 * and then an odd or a raw one.
 */
uint32_t pick_addr(struct fz_in *in, struct mtask *t, enum fz_addr_use use)
{
	unsigned int b = in8(in), pick = b % 16;
	struct mrange *r = t->nr ? &t->r[in8(in) % t->nr] : NULL;
	uint32_t span = r ? r->end - r->start : 0;

	if (use == FZ_MAP && pick < 7)
		return 0;
	if (use == FZ_ACCESS && r && pick < 11)
		return r->start + in16(in) % span;
	if (r && pick < 12)
		return r->start + (in8(in) % (span / FZ_PAGE + 1)) * FZ_PAGE;
	switch (pick) {
	case 12:
		if (r)
			return r->start + in16(in) % (span + 64) - 32;
		/* fall through */
	case 13:
		return FZ_UNMAPPED + (in8(in) % 64) * FZ_PAGE;
	case 14:
		return odd_addrs[in8(in) % (sizeof(odd_addrs) /
					    sizeof(odd_addrs[0]))];
	default:
		return b & 0x10 ? 0 : in32(in);
	}
}

uint32_t pick_len(struct fz_in *in)
{
	static const uint32_t odd[] = {
		0xffffffff, 0xfffff001, 0xc0000000, 0x80000000, 0x40001000,
		0xbffff001,
	};
	unsigned int b = in8(in);

	switch (b % 8) {
	case 0:
		return 0;
	case 1: case 2: case 3:
		return (in8(in) % 16 + 1) * FZ_PAGE;
	case 4:
		return in16(in);
	case 5:
		return (in8(in) % 8 + 1) * FZ_PAGE + (b & 0x80 ? 1 : -1);
	case 6:
		return odd[in8(in) % (sizeof(odd) / sizeof(odd[0]))];
	default:
		return in8(in) + 1;
	}
}

/* A shmid: a live one mostly; also stale, wrong-seq, slot and raw ids. */
int pick_shmid(struct fz_in *in)
{
	unsigned int b = in8(in);
	int s, n = 0, live[FZ_SLOTS];

	for (s = 0; s < FZ_SLOTS; s++)
		if (m.seg[s].used)
			live[n++] = m.seg[s].id;
	switch (b % 10) {
	case 0: case 1: case 2: case 3: case 4:
		if (n)
			return live[in8(in) % n];
		return 0;
	case 5:
		return m.last_dead_id;
	case 6:
		return n ? live[in8(in) % n] + FZ_SEQ : FZ_SEQ;
	case 7:
		return in8(in) % 4;
	case 8:
		return -1 - (int)(in8(in) % 2);
	default:
		return (int)in32(in);
	}
}

/* ---- each call's arguments ---------------------------------------------- */

/* keys IPC_PRIVATE, 0x10, 0x20, 0x30; sizes odd, in pages, or any */
void decode_shmget(struct fz_in *in, struct fz_shmget_args *a)
{
	static const key_t keys[] = { IPC_PRIVATE, 0x10, 0x20, 0x30 };
	static const unsigned int modes[] = {
		0600, 0644, 0666, 0400, 0, 0777, 0440, 0604,
	};
	static const uint32_t odd_sizes[] = {
		0, 0x2000000, 0x2000001, 0xffffffff, 4097, 1, 0x100000,
		0x100001,
	};
	unsigned int b = in8(in);

	a->key = keys[b % 4];
	a->flg = modes[(b >> 2) % 8];
	b = in8(in);
	if (b & 1)
		a->flg |= IPC_CREAT;
	if ((b & 6) == 6)
		a->flg |= IPC_EXCL;
	if ((b & 0x38) == 0x38)
		a->flg = (int)in16(in);
	switch ((b >> 6) & 3) {
	case 0:
		a->size = odd_sizes[in8(in) % 8];
		break;
	case 1:
		a->size = (in8(in) % 16 + 1) * FZ_PAGE;
		break;
	default:
		a->size = in16(in) + 1;
	}
}

void decode_shmat(struct fz_in *in, struct mtask *t, struct fz_shmat_args *a)
{
	unsigned int b;

	a->shmid = pick_shmid(in);
	a->shmaddr = pick_addr(in, t, FZ_MAP);
	b = in8(in);
	a->flg = 0;
	if (b & 1)
		a->flg |= SHM_RDONLY;
	if (b & 2)
		a->flg |= SHM_RND;
	if ((b & 0x1c) == 0x1c)
		a->flg |= SHM_REMAP;
	if ((b & 0xe0) == 0xe0)
		a->flg = (int)in16(in);
}

uint32_t decode_shmdt(struct fz_in *in, struct mtask *t)
{
	if (t->nr && (in8(in) & 3)) {
		struct mrange *r = &t->r[in8(in) % t->nr];

		return r->start - r->pgoff * FZ_PAGE;
	}
	return pick_addr(in, t, FZ_UNMAP);
}

/* every command, with and without IPC_64, and bad ones; IPC_SET's values */
void decode_shmctl(struct fz_in *in, struct fz_shmctl_args *a)
{
	static const int cmds[] = {
		IPC_RMID, IPC_SET, IPC_STAT, IPC_INFO, SHM_LOCK, SHM_UNLOCK,
		SHM_STAT, SHM_INFO,
	};
	static const int bad_cmds[] = { 4, 5, 10, 15, -1, 0x200, 0x1ff };
	static const uid_t ids[] = { 0, 1000, 1001, 65535 };
	unsigned int b = in8(in);

	a->shmid = pick_shmid(in);
	if ((b & 0x30) == 0x30)
		a->cmd = bad_cmds[(b >> 6) % 7 ? (b >> 6) % 7 : in8(in) % 7];
	else
		a->cmd = cmds[b % 8];
	if ((b & 0x8) && a->cmd >= 0)
		a->cmd |= IPC_64;
	a->base = a->cmd >= 0 && (a->cmd & IPC_64) ? a->cmd ^ IPC_64 : a->cmd;
	memset(&a->set, 0, sizeof(a->set));
	b = in8(in);
	a->set.shm_perm.uid = ids[b % 4];
	a->set.shm_perm.gid = ids[(b >> 2) % 4];
	a->set.shm_perm.mode = in16(in);
}

/*
 * anonymous: shared or private (2.6.32: shared only, private mappings are
 * not modelled), fixed or not, no type or both, no ANON
 */
void decode_mmap(struct fz_in *in, struct mtask *t, struct fz_mmap_args *a)
{
	unsigned int b;

	a->addr = pick_addr(in, t, FZ_MAP);
	a->len = pick_len(in);
	b = in8(in);
	a->prot = b & 7;
	if ((b & 0x18) == 0x18)
		a->prot |= 8;		/* PROT_GROWSDOWN and such: ignored */
	b = in8(in);
#ifdef FZ_KERNEL26
	a->flags = MAP_ANONYMOUS | MAP_SHARED;
#else
	a->flags = MAP_ANONYMOUS | ((b & 1) ? MAP_SHARED : MAP_PRIVATE);
#endif
	if ((b & 6) == 6 || (a->addr && (b & 6)))
		a->flags |= MAP_FIXED;
	if ((b & 0xf8) == 0x38)
		a->flags &= ~MAP_ANONYMOUS;
	if ((b & 0xf8) == 0xc0)
		a->flags &= ~(MAP_SHARED | MAP_PRIVATE); /* no type: EINVAL */
	else if ((b & 0xf8) == 0xc8)
		a->flags |= MAP_SHARED | MAP_PRIVATE;	/* type 3: EINVAL */
}

void decode_munmap(struct fz_in *in, struct mtask *t,
		   struct fz_range_args *a)
{
	a->addr = pick_addr(in, t, FZ_UNMAP);
	a->len = pick_len(in);
	a->prot = 0;
}

void decode_mprotect(struct fz_in *in, struct mtask *t,
		     struct fz_range_args *a)
{
	unsigned int b;

	a->addr = pick_addr(in, t, FZ_UNMAP);
	a->len = pick_len(in);
	b = in8(in);
	a->prot = b & 7;
#ifdef FZ_KERNEL26
	/* PROT_SEM (allowed), PROT_GROWSDOWN, PROT_GROWSUP, or both */
	if ((b & 0x38) == 0x38) {
		static const unsigned long extra[] = {
			PROT_SEM, PROT_GROWSDOWN, PROT_GROWSUP,
			PROT_GROWSDOWN | PROT_GROWSUP,
		};

		a->prot |= extra[b >> 6];
	}
#else
	if ((b & 0x38) == 0x38)
		a->prot |= 1ul << (b >> 6 | 3);
#endif
}

/* up to 64 bytes mostly, up to FZ_MAX_ACCESS now and then; or a touch */
void decode_access(struct fz_in *in, struct mtask *t,
		   struct fz_access_args *a)
{
	unsigned int b, seed, i;

	a->addr = pick_addr(in, t, FZ_ACCESS);
	b = in8(in);
	seed = in8(in);
	a->len = (b & 3) == 3 ? in16(in) % FZ_MAX_ACCESS + 1 :
		 in8(in) % 64 + 1;
	a->touch = (b & 0x1c) == 0x1c;
	if (a->touch) {
		a->len = 1;
		return;
	}
	for (i = 0; i < a->len; i++)
		a->data[i] = (unsigned char)(seed + i * (b | 1));
}
