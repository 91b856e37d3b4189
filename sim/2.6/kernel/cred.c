// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/kernel/cred.c - task credentials.
 * Models kernel/cred.c (2.6.32), in its order: init_cred, __put_cred
 *   (put_cred, the inline of include/linux/cred.h, follows it here as a
 *   function), prepare_creds, copy_creds, cred_init.
 * Left out: commit_creds (a model task gets its ids when it is made, see
 *   sim_task_create), exit_creds (sim_task_free puts both pointers),
 *   CLONE_NEWUSER, keyrings, the LSM blob, RCU (a cred is freed at its
 *   last put), CONFIG_DEBUG_CREDENTIALS.
 */
#include "linux/kernel.h"
#include "linux/sched.h"
#include "linux/slab.h"

/* 2.6.32 starts it at 4: init_task's two pointers and two more users */
struct cred init_cred = {
	.usage = 4,
};

static kmem_cache_t *cred_jar;

static void __put_cred(struct cred *cred)
{
	BUG_ON(cred == &init_cred);
	kmem_cache_free(cred_jar, cred);
}

void put_cred(const struct cred *_cred)
{
	struct cred *cred = (struct cred *)_cred;

	BUG_ON(cred->usage <= 0);
	if (--cred->usage == 0)
		__put_cred(cred);
}

/* a private copy of current's credentials, to change before use */
struct cred *prepare_creds(void)
{
	const struct cred *old = current->cred;
	struct cred *new;

	new = kmem_cache_alloc(cred_jar, GFP_KERNEL);
	if (!new)
		return NULL;
	*new = *old;
	new->usage = 1;
	return new;
}

/*
 * fork's credentials: a thread shares its parent's; a new process gets
 * a copy of its own, even when nothing in it will change, which both of
 * its pointers hold. 0 or -ENOMEM.
 */
int copy_creds(struct task_struct *p, unsigned long clone_flags)
{
	struct cred *new;

	if (clone_flags & CLONE_THREAD) {
		p->real_cred = get_cred(p->cred);
		get_cred(p->cred);
		return 0;
	}
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	p->cred = p->real_cred = get_cred(new);
	return 0;
}

void cred_init(void)
{
	cred_jar = kmem_cache_create("cred_jar", sizeof(struct cred));
	if (!cred_jar)
		BUG();
}
