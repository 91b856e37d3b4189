// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/ipc/test_util.c - tests of sim/2.6/ipc/util.c, 2.6.32's id
 * protocol: ipcget's order of checks, the id sequence over the idr, the
 * lookups by id (ipc_lock, ipc_lock_check), ipcperms and ipcctl_pre_down.
 * A small IPC type of the test's own (struct thing) stands in for shm, so
 * that util.c is tested alone: its getnew is newseg's skeleton.
 */
#include <string.h>

#include "sim_test.h"

#include "linux/ipc_namespace.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/fail.h"
#include "ipc/util.h"

struct thing {
	struct kern_ipc_perm perm;
	size_t size;
};

static struct ipc_ids ids;
static int ctlmni;		/* the limit thing_getnew passes to ipc_addid */
static int getnew_calls;
static struct cred test_cred;
static struct task_struct test_task;

static int thing_getnew(struct ipc_namespace *ns, struct ipc_params *params)
{
	struct thing *t;
	int id;

	(void)ns;
	getnew_calls++;
	t = ipc_rcu_alloc(sizeof(*t));
	if (!t)
		return -ENOMEM;
	t->perm.key = params->key;
	t->perm.mode = params->flg & 0777;
	t->size = params->u.size;
	id = ipc_addid(&ids, &t->perm, ctlmni);
	if (id < 0) {
		ipc_rcu_putref(t);
		return id;
	}
	return t->perm.id;
}

static int thing_more_checks(struct kern_ipc_perm *ipcp,
			     struct ipc_params *params)
{
	struct thing *t = container_of(ipcp, struct thing, perm);

	return t->size < params->u.size ? -EINVAL : 0;
}

static int thing_associate(struct kern_ipc_perm *ipcp, int flg)
{
	(void)ipcp;
	(void)flg;
	return 0;
}

static struct ipc_ops thing_ops = {
	.getnew = thing_getnew,
	.associate = thing_associate,
	.more_checks = thing_more_checks,
};

static int get(key_t key, size_t size, int flg)
{
	struct ipc_params params = { .key = key, .flg = flg };

	params.u.size = size;
	return ipcget(&init_ipc_ns, &ids, &thing_ops, &params);
}

static void as(uid_t uid, gid_t gid)
{
	test_cred.uid = test_cred.euid = test_cred.suid = uid;
	test_cred.fsuid = uid;
	test_cred.gid = test_cred.egid = test_cred.sgid = gid;
	test_cred.fsgid = gid;
}

static struct thing *thing_of(int id)
{
	struct kern_ipc_perm *p = ipc_lock(&ids, id);

	assert_false(IS_ERR(p));
	return container_of(p, struct thing, perm);
}

static void rm(int id)
{
	struct thing *t = thing_of(id);

	ipc_rmid(&ids, &t->perm);
	ipc_rcu_putref(t);
}

/* removes whatever a test left, and checks the idr is empty after */
static int teardown(void **state)
{
	struct kern_ipc_perm *p;
	long pos = 0;

	(void)state;
	while ((p = sysvipc_find_ipc(&ids, pos, &pos)) != NULL) {
		ipc_rmid(&ids, p);
		ipc_rcu_putref(container_of(p, struct thing, perm));
	}
	ipc_free_ids(&ids);
	assert_int_equal(sim_idr_layers_live(), 0);
	sim_fail_reset();
	current = &init_task;
	return 0;
}

static int setup(void **state)
{
	static int booted;

	(void)state;
	if (!booted++)
		idr_init_cache();	/* start_kernel's */
	memset(&ids, 0, sizeof(ids));
	ipc_init_ids(&ids);
	ctlmni = 4096;
	getnew_calls = 0;
	test_cred.usage = 1;
	test_task.cred = test_task.real_cred = &test_cred;
	test_task.pid = test_task.tgid = 100;
	current = &test_task;
	as(1000, 1000);
	return 0;
}

static void test_ipc_addid__ids_are_seq_times_32768_plus_index(void **state)
{
	(void)state;
	assert_int_equal(get(IPC_PRIVATE, 1, 0600), 0);
	assert_int_equal(get(IPC_PRIVATE, 1, 0600), 32769);
	assert_int_equal(get(IPC_PRIVATE, 1, 0600), 65538);
	rm(0);
	/* the lowest free index, with the next sequence number */
	assert_int_equal(get(IPC_PRIVATE, 1, 0600), 98304);
	assert_int_equal(ids.in_use, 3);
	assert_int_equal(ipc_get_maxid(&ids), 2);
}

static void test_ipc_addid__owner_and_creator_are_the_effective_ids(void **s)
{
	struct thing *t;

	(void)s;
	as(1000, 50);
	test_cred.euid = 7;
	test_cred.egid = 8;
	t = thing_of(get(0x4d2, 10, IPC_CREAT | 0640));
	assert_int_equal(t->perm.uid, 7);
	assert_int_equal(t->perm.cuid, 7);
	assert_int_equal(t->perm.gid, 8);
	assert_int_equal(t->perm.cgid, 8);
	assert_int_equal(t->perm.mode, 0640);
	assert_int_equal(t->perm.key, 0x4d2);
	assert_int_equal(t->perm.deleted, 0);
}

static void test_ipc_addid__seq_wraps_after_seq_max(void **state)
{
	(void)state;
	assert_int_equal(ids.seq_max, 65535);
	ids.seq = 65535;
	assert_int_equal(get(IPC_PRIVATE, 1, 0600), 65535 * 32768);
	assert_int_equal(ids.seq, 0);
	assert_int_equal(get(IPC_PRIVATE, 1, 0600), 1);
}

static void test_ipc_addid__full_table_is_enospc(void **state)
{
	(void)state;
	ctlmni = 2;
	assert_int_equal(get(IPC_PRIVATE, 1, 0600), 0);
	assert_int_equal(get(IPC_PRIVATE, 1, 0600), 32769);
	assert_errno(get(IPC_PRIVATE, 1, 0600), -ENOSPC);
	assert_errno(get(0x10, 1, IPC_CREAT | 0600), -ENOSPC);
	assert_int_equal(ids.in_use, 2);
	/* a sequence number is spent only on success */
	assert_int_equal(ids.seq, 2);
}

static void test_ipcget_new__ignores_ipc_excl(void **state)
{
	(void)state;
	assert_int_equal(get(IPC_PRIVATE, 1, IPC_CREAT | IPC_EXCL | 0600), 0);
	assert_int_equal(get(IPC_PRIVATE, 1, IPC_CREAT | IPC_EXCL | 0600),
			 32769);
	assert_int_equal(getnew_calls, 2);
}

static void test_ipcget_public__missing_key_without_creat_is_enoent(void **s)
{
	(void)s;
	assert_errno(get(0x4d2, 1, 0600), -ENOENT);
	assert_int_equal(getnew_calls, 0);
	assert_int_equal(get(0x4d2, 1, IPC_CREAT | 0600), 0);
	assert_int_equal(get(0x4d2, 1, 0600), 0);
	assert_int_equal(getnew_calls, 1);
}

static void test_ipcget_public__existing_key_eexist_einval_eacces(void **s)
{
	int id;

	(void)s;
	id = get(0x4d2, 100, IPC_CREAT | 0600);
	assert_int_equal(id, 0);
	as(2000, 2000);		/* not the owner, no permission at all */
	/* EEXIST comes first, even for a bigger size */
	assert_errno(get(0x4d2, 200, IPC_CREAT | IPC_EXCL | 0600), -EEXIST);
	/* then the type's check: a bigger size is EINVAL, before EACCES */
	assert_errno(get(0x4d2, 200, 0600), -EINVAL);
	assert_errno(get(0x4d2, 100, 0600), -EACCES);
	/* size 0 and flag 0 ask for nothing */
	assert_int_equal(get(0x4d2, 0, 0), id);
	as(1000, 1000);
	assert_int_equal(get(0x4d2, 50, 0600), id);
	assert_int_equal(getnew_calls, 1);
}

static void test_ipcget__no_memory_for_the_idr_is_enomem(void **state)
{
	int id;

	(void)state;
	id = get(0x4d2, 1, IPC_CREAT | 0600);
	/* from now on idr_pre_get cannot refill its free list */
	assert_int_equal(sim_fail_inject("kmem_cache_alloc", 0, 0, -1), 0);
	assert_errno(get(IPC_PRIVATE, 1, 0600), -ENOMEM);
	assert_errno(get(0x99, 1, IPC_CREAT | 0600), -ENOMEM);
	/* a missing key without IPC_CREAT is still ENOENT */
	assert_errno(get(0x99, 1, 0600), -ENOENT);
	/* an existing key needs no memory: the preload failure is ignored */
	assert_int_equal(get(0x4d2, 1, 0600), id);
	assert_int_equal(getnew_calls, 1);
	sim_fail_reset();
}

static void test_ipc_lock__missing_index_is_einval(void **state)
{
	(void)state;
	assert_errno(PTR_ERR(ipc_lock(&ids, 0)), -EINVAL);
	assert_errno(PTR_ERR(ipc_lock_check(&ids, 32768 + 5)), -EINVAL);
}

static void test_ipc_lock_check__stale_seq_is_eidrm(void **state)
{
	int id;

	(void)state;
	id = get(IPC_PRIVATE, 1, 0600);		/* 0 */
	rm(id);
	id = get(IPC_PRIVATE, 1, 0600);		/* index 0 again, seq 1 */
	assert_int_equal(id, 32768);
	/* ipc_lock looks at the index only; ipc_lock_check at the seq too */
	assert_int_equal(ipc_lock(&ids, 0)->id, 32768);
	assert_errno(PTR_ERR(ipc_lock_check(&ids, 0)), -EIDRM);
	assert_int_equal(ipc_lock_check(&ids, 32768)->id, 32768);
}

static void test_ipc_rmid__marks_deleted_and_frees_the_index(void **s)
{
	struct thing *t;
	int id;

	(void)s;
	id = get(IPC_PRIVATE, 1, 0600);
	t = thing_of(id);
	ipc_rcu_getref(t);		/* someone still holds it */
	rm(id);
	assert_int_equal(t->perm.deleted, 1);
	assert_int_equal(ids.in_use, 0);
	assert_errno(PTR_ERR(ipc_lock(&ids, id)), -EINVAL);
	assert_int_equal(ipc_get_maxid(&ids), -1);
	ipc_rcu_putref(t);		/* the last reference frees it */
}

static void test_ipcperms__owner_group_other_and_root(void **state)
{
	struct thing *t;

	(void)state;
	as(1000, 1000);
	t = thing_of(get(IPC_PRIVATE, 1, 0640));
	assert_int_equal(ipcperms(&t->perm, 0600), 0);	/* owner rw */
	as(2000, 1000);
	assert_int_equal(ipcperms(&t->perm, 0400), 0);	/* group r */
	assert_int_equal(ipcperms(&t->perm, 0200), -1);	/* group no w */
	as(2000, 2000);
	assert_int_equal(ipcperms(&t->perm, 0400), -1);	/* others none */
	assert_int_equal(ipcperms(&t->perm, 0), 0);	/* nothing asked */
	as(0, 0);
	assert_int_equal(ipcperms(&t->perm, 0666), 0);	/* CAP_IPC_OWNER */
	/* the creator counts as owner when the owner was changed */
	as(1000, 1000);
	t->perm.uid = 3000;
	assert_int_equal(ipcperms(&t->perm, 0600), 0);
}

static void test_ipcctl_pre_down__owner_creator_or_root(void **state)
{
	struct ipc64_perm perm = { 0 };
	struct thing *t;
	int id;

	(void)state;
	id = get(IPC_PRIVATE, 1, 0600);
	t = thing_of(id);
	as(2000, 2000);
	assert_errno(PTR_ERR(ipcctl_pre_down(&ids, id, IPC_RMID, &perm, 0)),
		     -EPERM);
	t->perm.uid = 2000;		/* given away: the new owner may */
	assert_ptr_equal(ipcctl_pre_down(&ids, id, IPC_RMID, &perm, 0),
			 &t->perm);
	as(1000, 1000);			/* and so may the creator */
	assert_ptr_equal(ipcctl_pre_down(&ids, id, IPC_SET, &perm, 0),
			 &t->perm);
	as(3000, 3000);
	assert_errno(PTR_ERR(ipcctl_pre_down(&ids, id + 32768, IPC_RMID,
					     &perm, 0)), -EIDRM);
	as(0, 0);
	assert_ptr_equal(ipcctl_pre_down(&ids, id, IPC_RMID, &perm, 0),
			 &t->perm);
}

static void test_ipc_update_perm__keeps_the_kernel_bits(void **state)
{
	struct ipc64_perm in = { .uid = 5, .gid = 6, .mode = 07777 };
	struct kern_ipc_perm out = { .uid = 1, .gid = 2, .mode = 01600 };

	(void)state;
	ipc_update_perm(&in, &out);
	assert_int_equal(out.uid, 5);
	assert_int_equal(out.gid, 6);
	assert_int_equal(out.mode, 01777);
}

static void test_ipc_parse_version__strips_ipc_64(void **state)
{
	int cmd = IPC_STAT | IPC_64;

	(void)state;
	assert_int_equal(ipc_parse_version(&cmd), IPC_64);
	assert_int_equal(cmd, IPC_STAT);
	assert_int_equal(ipc_parse_version(&cmd), IPC_OLD);
	assert_int_equal(cmd, IPC_STAT);
}

static void test_sysvipc_find_ipc__walks_in_index_order(void **state)
{
	struct kern_ipc_perm *p;
	long pos = 0;
	int seen[4], n = 0;

	(void)state;
	get(IPC_PRIVATE, 1, 0600);	/* index 0 */
	get(IPC_PRIVATE, 1, 0600);	/* 1 */
	get(IPC_PRIVATE, 1, 0600);	/* 2 */
	rm(32769);
	while ((p = sysvipc_find_ipc(&ids, pos, &pos)) != NULL && n < 4)
		seen[n++] = p->id;
	assert_int_equal(n, 2);
	assert_int_equal(seen[0], 0);
	assert_int_equal(seen[1], 65538);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(test_ipc_addid__ids_are_seq_times_32768_plus_index),
		T(test_ipc_addid__owner_and_creator_are_the_effective_ids),
		T(test_ipc_addid__seq_wraps_after_seq_max),
		T(test_ipc_addid__full_table_is_enospc),
		T(test_ipcget_new__ignores_ipc_excl),
		T(test_ipcget_public__missing_key_without_creat_is_enoent),
		T(test_ipcget_public__existing_key_eexist_einval_eacces),
		T(test_ipcget__no_memory_for_the_idr_is_enomem),
		T(test_ipc_lock__missing_index_is_einval),
		T(test_ipc_lock_check__stale_seq_is_eidrm),
		T(test_ipc_rmid__marks_deleted_and_frees_the_index),
		T(test_ipcperms__owner_group_other_and_root),
		T(test_ipcctl_pre_down__owner_creator_or_root),
		T(test_ipc_update_perm__keeps_the_kernel_bits),
		T(test_ipc_parse_version__strips_ipc_64),
		T(test_sysvipc_find_ipc__walks_in_index_order),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]),
			     argc, argv, "2.6/ipc/util");
}
