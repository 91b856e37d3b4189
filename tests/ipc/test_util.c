// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/ipc/test_util.c - sim/ipc/util.c: ipc_init_ids, ipc_findkey,
 * grow_ary (through ipc_addid), ipc_addid, ipc_rmid, ipcperms,
 * ipc_parse_version, and util.h's ipc_lock/ipc_checkid as the shm
 * syscalls see them.
 * Ids are what users meet first (ipc_addid, ipc_buildid): id = seq *
 * 32768 + slot, the slot the lowest free one, the seq one more per
 * creation in the whole set.
 * Most tests act through sys_shmget/sys_shmctl/sys_shmat on the real
 * shm_ids; the array itself (size, seq wrap) is watched on a local
 * struct ipc_ids, which each such test frees again.
 */
#include <string.h>

#include "sim_world.h"
#include "linux/mm.h"
#include "linux/shm.h"
#include "sim/shm_views.h"
#include "ipc/util.h"

static void assert_ids(int in_use, int max_id)
{
	assert_int_equal(sim_shm_count(), in_use);
	assert_int_equal(sim_shm_max_slot(), max_id);
}

/* n segments of one page, mode 0600, as the current task */
static void make_private_segments(int n, long *ids)
{
	int i;

	for (i = 0; i < n; i++) {
		ids[i] = sys_shmget(IPC_PRIVATE, 4096, 0600);
		assert_true(ids[i] >= 0);
	}
}

/* ---- ipc_addid: ids and slots ---- */

static void test_ipc_addid__first_three_segments_get_ids_0_32769_65538(
	void **state)
{
	long ids[3];

	(void)state;
	sim_task("a", 500, 100);
	make_private_segments(3, ids);

	assert_errno(ids[0], 0);
	assert_errno(ids[1], 32769);
	assert_errno(ids[2], 65538);
	assert_ids(3, 2);
}

static void test_ipc_addid__freed_slot_0_reused_with_next_seq(void **state)
{
	long ids[3], rc;

	(void)state;
	sim_task("a", 500, 100);
	make_private_segments(3, ids);
	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	rc = sys_shmget(IPC_PRIVATE, 4096, 0600);

	assert_errno(rc, 98304);	/* slot 0, seq 3 */
	assert_ids(3, 2);
}

static void test_ipc_addid__freed_middle_slot_reused_before_higher_slot(
	void **state)
{
	long ids[3], rc;

	(void)state;
	sim_task("a", 500, 100);
	make_private_segments(3, ids);
	assert_errno(sys_shmctl(32769, IPC_RMID, NULL), 0);

	rc = sys_shmget(IPC_PRIVATE, 4096, 0600);

	assert_errno(rc, 3 * 32768 + 1);
	assert_ids(3, 2);
}

static void test_ipc_addid__owner_and_creator_are_callers_effective_ids(
	void **state)
{
	struct task_struct *tsk;
	struct shmid64_ds ds;
	long id;

	(void)state;
	tsk = sim_task("setuid", 500, 100);
	tsk->euid = 700;
	tsk->egid = 300;

	id = sys_shmget(IPC_PRIVATE, 4096, 0600);

	assert_errno(id, 0);
	assert_errno(sys_shmctl(id, IPC_STAT, &ds), 0);
	assert_int_equal(ds.shm_perm.uid, 700);
	assert_int_equal(ds.shm_perm.cuid, 700);
	assert_int_equal(ds.shm_perm.gid, 300);
	assert_int_equal(ds.shm_perm.cgid, 300);
	assert_int_equal(ds.shm_perm.seq, 0);
}

/* The 4098th segment finds no slot: the array holds shmmni + 1 = 4097. */
static void test_ipc_addid__array_of_4097_slots_full_gives_enospc(
	void **state)
{
	int nr_dentry, nr_inodes, files, i;
	long rc;

	(void)state;
	sim_task("many", 0, 0);
	for (i = 0; i < SHMMNI + 1; i++) {
		rc = sys_shmget(IPC_PRIVATE, 1, 0600);
		/* seq == slot while nothing is freed */
		if (rc != i * 32769L)
			assert_errno(rc, i * 32769L);
	}
	assert_ids(4097, 4096);
	nr_dentry = dentry_stat.nr_dentry;
	nr_inodes = inodes_stat.nr_inodes;
	files = files_stat.nr_files - files_stat.nr_free_files;

	rc = sys_shmget(IPC_PRIVATE, 1, 0600);

	assert_errno(rc, -ENOSPC);
	assert_ids(4097, 4096);
	/* newseg's fput took the new file, dentry and inode down again */
	assert_int_equal(dentry_stat.nr_dentry, nr_dentry);
	assert_int_equal(inodes_stat.nr_inodes, nr_inodes);
	assert_int_equal(files_stat.nr_files - files_stat.nr_free_files, files);
}

/* ---- grow_ary and the sequence, on a local id set ---- */

static void test_ipc_init_ids__one_empty_slot(void **state)
{
	struct ipc_ids ids;

	(void)state;
	ipc_init_ids(&ids, 1);

	assert_int_equal(ids.size, 1);
	assert_int_equal(ids.in_use, 0);
	assert_int_equal(ids.max_id, -1);
	assert_int_equal(ids.seq, 0);
	assert_int_equal(ids.seq_max, 65535);
	assert_null(ids.entries[0].p);
	ipc_free_ids(&ids);
}

static void test_ipc_addid__first_add_grows_array_from_1_to_4097(void **state)
{
	struct ipc_ids ids;
	struct kern_ipc_perm perm;
	int slot;

	(void)state;
	memset(&perm, 0, sizeof(perm));
	ipc_init_ids(&ids, 1);

	slot = ipc_addid(&ids, &perm, shm_ctlmni + 1);

	assert_int_equal(slot, 0);
	assert_int_equal(ids.size, 4097);
	assert_int_equal(ids.in_use, 1);
	assert_int_equal(ids.max_id, 0);
	assert_int_equal(ids.seq, 1);
	assert_ptr_equal(ids.entries[0].p, &perm);
	assert_null(ids.entries[4096].p);
	assert_ptr_equal(ipc_rmid(&ids, 0), &perm);
	ipc_free_ids(&ids);
}

static void test_ipc_addid__array_never_shrinks(void **state)
{
	struct ipc_ids ids;
	struct kern_ipc_perm a, b;

	(void)state;
	ipc_init_ids(&ids, 1);
	assert_int_equal(ipc_addid(&ids, &a, 4097), 0);

	assert_int_equal(ipc_addid(&ids, &b, 2), 1);

	assert_int_equal(ids.size, 4097);
	ipc_rmid(&ids, 0);
	ipc_rmid(&ids, 32769);
	ipc_free_ids(&ids);
}

static void test_ipc_addid__size_capped_at_ipcmni(void **state)
{
	struct ipc_ids ids;
	struct kern_ipc_perm perm;

	(void)state;
	ipc_init_ids(&ids, 1);

	assert_int_equal(ipc_addid(&ids, &perm, 40000), 0);

	assert_int_equal(ids.size, IPCMNI);
	ipc_rmid(&ids, 0);
	ipc_free_ids(&ids);
}

static void test_ipc_addid__no_free_slot_below_size_returns_minus_1(
	void **state)
{
	struct ipc_ids ids;
	struct kern_ipc_perm a, b;

	(void)state;
	ipc_init_ids(&ids, 1);
	assert_int_equal(ipc_addid(&ids, &a, 1), 0);

	assert_int_equal(ipc_addid(&ids, &b, 1), -1);

	assert_int_equal(ids.in_use, 1);
	assert_int_equal(ids.seq, 1);	/* a failed add takes no seq */
	ipc_rmid(&ids, 0);
	ipc_free_ids(&ids);
}

static void test_ipc_addid__seq_wraps_from_65535_to_0(void **state)
{
	struct ipc_ids ids;
	struct kern_ipc_perm a, b;

	(void)state;
	ipc_init_ids(&ids, 1);
	ids.seq = 65535;

	assert_int_equal(ipc_addid(&ids, &a, 4), 0);

	assert_int_equal(a.seq, 65535);
	assert_int_equal(ids.seq, 0);
	assert_int_equal(ipc_buildid(&ids, 0, a.seq), 2147450880);
	assert_int_equal(ipc_addid(&ids, &b, 4), 1);
	assert_int_equal(b.seq, 0);
	ipc_rmid(&ids, 0);
	ipc_rmid(&ids, 1);
	ipc_free_ids(&ids);
}

/* ---- ipc_findkey ---- */

static void test_ipc_findkey__finds_key_past_an_empty_slot(void **state)
{
	long rc;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(0x10, 4096, IPC_CREAT | 0600), 0);
	assert_errno(sys_shmget(0x20, 4096, IPC_CREAT | 0600), 32769);
	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	rc = sys_shmget(0x20, 0, 0);

	assert_errno(rc, 32769);
}

static void test_ipc_findkey__local_set_slot_or_minus_1(void **state)
{
	struct ipc_ids ids;
	struct kern_ipc_perm a, b;

	(void)state;
	ipc_init_ids(&ids, 1);
	ipc_addid(&ids, &a, 8);
	ipc_addid(&ids, &b, 8);
	a.key = 0x111;
	b.key = 0x222;

	assert_int_equal(ipc_findkey(&ids, 0x222), 1);
	assert_int_equal(ipc_findkey(&ids, 0x111), 0);
	assert_int_equal(ipc_findkey(&ids, 0x333), -1);
	ipc_rmid(&ids, 0);
	ipc_rmid(&ids, 1);
	ipc_free_ids(&ids);
}

/* ---- ipc_rmid: in_use and max_id ---- */

static void test_ipc_rmid__highest_slot_lowers_max_id(void **state)
{
	long ids[3];

	(void)state;
	sim_task("a", 500, 100);
	make_private_segments(3, ids);

	assert_errno(sys_shmctl(65538, IPC_RMID, NULL), 0);

	assert_ids(2, 1);
}

static void test_ipc_rmid__middle_slot_keeps_max_id(void **state)
{
	long ids[3];

	(void)state;
	sim_task("a", 500, 100);
	make_private_segments(3, ids);

	assert_errno(sys_shmctl(32769, IPC_RMID, NULL), 0);

	assert_ids(2, 2);
}

static void test_ipc_rmid__max_id_falls_past_empty_slots(void **state)
{
	long ids[3];

	(void)state;
	sim_task("a", 500, 100);
	make_private_segments(3, ids);
	assert_errno(sys_shmctl(32769, IPC_RMID, NULL), 0);

	assert_errno(sys_shmctl(65538, IPC_RMID, NULL), 0);

	assert_ids(1, 0);
}

static void test_ipc_rmid__last_segment_leaves_max_id_minus_1(void **state)
{
	long ids[2];

	(void)state;
	sim_task("a", 500, 100);
	make_private_segments(2, ids);
	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	assert_errno(sys_shmctl(32769, IPC_RMID, NULL), 0);

	assert_ids(0, -1);
}

/* ---- ipc_checkid / ipc_lock: stale and empty ids ---- */

/* slot 0 freed and reused: old id 0 now names seq 1's segment 32768 */
static void make_stale_id_0(void)
{
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(IPC_PRIVATE, 4096, 0600), 0);
	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);
	assert_errno(sys_shmget(IPC_PRIVATE, 4096, 0600), 32768);
}

static void test_ipc_checkid__ipc_stat_on_stale_id_fails_eidrm(void **state)
{
	struct shmid64_ds ds;

	(void)state;
	make_stale_id_0();

	assert_errno(sys_shmctl(0, IPC_STAT, &ds), -EIDRM);
}

static void test_ipc_checkid__shmat_on_stale_id_fails_eidrm(void **state)
{
	struct sim_shm_info info;
	unsigned long addr = 0x1234;

	(void)state;
	make_stale_id_0();

	assert_errno(sys_shmat(0, NULL, 0, &addr), -EIDRM);

	assert_int_equal(addr, 0x1234);		/* *raddr not written */
	assert_int_equal(current->mm->map_count, 0);
	assert_true(sim_shm_lookup(32768, &info));
	assert_int_equal(info.nattch, 0);
}

static void test_ipc_checkid__ipc_rmid_on_stale_id_fails_eidrm(void **state)
{
	(void)state;
	make_stale_id_0();

	assert_errno(sys_shmctl(0, IPC_RMID, NULL), -EIDRM);

	assert_ids(1, 0);
}

static void test_ipc_checkid__shm_stat_takes_slot_not_id(void **state)
{
	struct shmid64_ds ds;

	(void)state;
	make_stale_id_0();

	/* SHM_STAT's argument is a slot: 0 is fine, and the id comes back */
	assert_errno(sys_shmctl(0, SHM_STAT, &ds), 32768);
}

/* one segment in slot 0; slot 1 is empty */
static void make_one_segment(void)
{
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(IPC_PRIVATE, 4096, 0600), 0);
}

static void test_ipc_lock__ipc_stat_on_empty_slot_fails_einval(void **state)
{
	struct shmid64_ds ds;

	(void)state;
	make_one_segment();

	assert_errno(sys_shmctl(32769, IPC_STAT, &ds), -EINVAL);
}

static void test_ipc_lock__shmat_on_empty_slot_fails_einval(void **state)
{
	unsigned long addr = 0x1234;

	(void)state;
	make_one_segment();

	assert_errno(sys_shmat(1, NULL, 0, &addr), -EINVAL);

	assert_int_equal(addr, 0x1234);
	assert_int_equal(current->mm->map_count, 0);
}

static void test_ipc_lock__ipc_rmid_on_empty_slot_fails_einval(void **state)
{
	(void)state;
	make_one_segment();

	assert_errno(sys_shmctl(1, IPC_RMID, NULL), -EINVAL);

	assert_ids(1, 0);
}

static void test_ipc_lock__before_any_shmget_slot_0_is_empty(void **state)
{
	struct shmid64_ds ds;

	(void)state;
	sim_task("a", 500, 100);

	assert_errno(sys_shmctl(0, IPC_STAT, &ds), -EINVAL);
}

static void test_ipc_lock__slot_past_array_fails_einval(void **state)
{
	struct shmid64_ds ds;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(IPC_PRIVATE, 4096, 0600), 0);

	assert_errno(sys_shmctl(4097, IPC_STAT, &ds), -EINVAL);
	assert_errno(sys_shmctl(32767, IPC_STAT, &ds), -EINVAL);
}

/* ---- ipcperms ---- */

static struct kern_ipc_perm perm_of(uid_t uid, gid_t gid, uid_t cuid,
				    gid_t cgid, unsigned int mode)
{
	struct kern_ipc_perm p;

	memset(&p, 0, sizeof(p));
	p.key = 0x4d2;
	p.uid = uid;
	p.gid = gid;
	p.cuid = cuid;
	p.cgid = cgid;
	p.mode = mode;
	return p;
}

static void test_ipcperms__owner_bits_grant_owner(void **state)
{
	struct kern_ipc_perm p = perm_of(500, 100, 500, 100, 0600);

	(void)state;
	sim_task("owner", 500, 100);

	assert_int_equal(ipcperms(&p, 0400), 0);
	assert_int_equal(ipcperms(&p, 0600), 0);
	assert_int_equal(ipcperms(&p, 0666), 0);
}

static void test_ipcperms__owner_without_write_bit_denied(void **state)
{
	struct kern_ipc_perm p = perm_of(500, 100, 500, 100, 0466);

	(void)state;
	sim_task("owner", 500, 100);

	assert_int_equal(ipcperms(&p, 0200), -1);
	assert_int_equal(ipcperms(&p, 0444), 0);
}

/* The owner is judged by the owner bits only, even when others may. */
static void test_ipcperms__owner_not_granted_by_group_or_other_bits(
	void **state)
{
	struct kern_ipc_perm p = perm_of(500, 100, 500, 100, 0066);

	(void)state;
	sim_task("owner", 500, 100);

	assert_int_equal(ipcperms(&p, 0444), -1);
}

static void test_ipcperms__creator_uid_counts_as_owner(void **state)
{
	struct kern_ipc_perm p = perm_of(600, 200, 500, 200, 0600);

	(void)state;
	sim_task("creator", 500, 100);

	assert_int_equal(ipcperms(&p, 0600), 0);
	p.mode = 0066;
	assert_int_equal(ipcperms(&p, 0400), -1);
}

static void test_ipcperms__group_bits_grant_group_member(void **state)
{
	struct kern_ipc_perm p = perm_of(500, 100, 500, 100, 0060);

	(void)state;
	sim_task("member", 501, 100);

	assert_int_equal(ipcperms(&p, 0666), 0);
	p.mode = 0640;
	assert_int_equal(ipcperms(&p, 0220), -1);
	p.mode = 0606;	/* others may; a member is judged as group */
	assert_int_equal(ipcperms(&p, 0444), -1);
}

static void test_ipcperms__creator_gid_counts_as_group(void **state)
{
	struct kern_ipc_perm p = perm_of(500, 200, 500, 100, 0040);

	(void)state;
	sim_task("member", 501, 100);

	assert_int_equal(ipcperms(&p, 0444), 0);
	assert_int_equal(ipcperms(&p, 0222), -1);
}

static void test_ipcperms__other_bits_for_stranger(void **state)
{
	struct kern_ipc_perm p = perm_of(500, 100, 500, 100, 0664);

	(void)state;
	sim_task("stranger", 502, 102);

	assert_int_equal(ipcperms(&p, 0444), 0);
	assert_int_equal(ipcperms(&p, 0222), -1);
	assert_int_equal(ipcperms(&p, 0666), -1);
}

static void test_ipcperms__euid_0_passes_cap_ipc_owner(void **state)
{
	struct kern_ipc_perm p = perm_of(500, 100, 500, 100, 0000);

	(void)state;
	sim_task("root", 0, 0);

	assert_int_equal(ipcperms(&p, 0666), 0);
}

static void test_ipcperms__flag_0_requests_nothing(void **state)
{
	struct kern_ipc_perm p = perm_of(500, 100, 500, 100, 0000);

	(void)state;
	sim_task("stranger", 502, 102);

	assert_int_equal(ipcperms(&p, 0), 0);
	/* only the low 9 bits ask for anything */
	assert_int_equal(ipcperms(&p, IPC_CREAT | IPC_EXCL), 0);
	assert_int_equal(ipcperms(&p, 0004), -1);
}

/* ---- ipc_parse_version ---- */

static void test_ipc_parse_version__ipc_64_stripped(void **state)
{
	int cmd = IPC_STAT | IPC_64;

	(void)state;
	assert_int_equal(ipc_parse_version(&cmd), IPC_64);
	assert_int_equal(cmd, IPC_STAT);
	assert_int_equal(ipc_parse_version(&cmd), IPC_OLD);
	assert_int_equal(cmd, IPC_STAT);
}

#define T(f) cmocka_unit_test_setup_teardown(f, sim_setup, sim_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(test_ipc_addid__first_three_segments_get_ids_0_32769_65538),
		T(test_ipc_addid__freed_slot_0_reused_with_next_seq),
		T(test_ipc_addid__freed_middle_slot_reused_before_higher_slot),
		T(test_ipc_addid__owner_and_creator_are_callers_effective_ids),
		T(test_ipc_addid__array_of_4097_slots_full_gives_enospc),
		T(test_ipc_init_ids__one_empty_slot),
		T(test_ipc_addid__first_add_grows_array_from_1_to_4097),
		T(test_ipc_addid__array_never_shrinks),
		T(test_ipc_addid__size_capped_at_ipcmni),
		T(test_ipc_addid__no_free_slot_below_size_returns_minus_1),
		T(test_ipc_addid__seq_wraps_from_65535_to_0),
		T(test_ipc_findkey__finds_key_past_an_empty_slot),
		T(test_ipc_findkey__local_set_slot_or_minus_1),
		T(test_ipc_rmid__highest_slot_lowers_max_id),
		T(test_ipc_rmid__middle_slot_keeps_max_id),
		T(test_ipc_rmid__max_id_falls_past_empty_slots),
		T(test_ipc_rmid__last_segment_leaves_max_id_minus_1),
		T(test_ipc_checkid__ipc_stat_on_stale_id_fails_eidrm),
		T(test_ipc_checkid__shmat_on_stale_id_fails_eidrm),
		T(test_ipc_checkid__ipc_rmid_on_stale_id_fails_eidrm),
		T(test_ipc_checkid__shm_stat_takes_slot_not_id),
		T(test_ipc_lock__ipc_stat_on_empty_slot_fails_einval),
		T(test_ipc_lock__shmat_on_empty_slot_fails_einval),
		T(test_ipc_lock__ipc_rmid_on_empty_slot_fails_einval),
		T(test_ipc_lock__before_any_shmget_slot_0_is_empty),
		T(test_ipc_lock__slot_past_array_fails_einval),
		T(test_ipcperms__owner_bits_grant_owner),
		T(test_ipcperms__owner_without_write_bit_denied),
		T(test_ipcperms__owner_not_granted_by_group_or_other_bits),
		T(test_ipcperms__creator_uid_counts_as_owner),
		T(test_ipcperms__group_bits_grant_group_member),
		T(test_ipcperms__creator_gid_counts_as_group),
		T(test_ipcperms__other_bits_for_stranger),
		T(test_ipcperms__euid_0_passes_cap_ipc_owner),
		T(test_ipcperms__flag_0_requests_nothing),
		T(test_ipc_parse_version__ipc_64_stripped),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "ipc/util");
}
