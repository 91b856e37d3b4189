// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/mmu.c - the i386 MMU, as seen by a user program (sim only).
 * A user load or store walks current->mm's page tables; a missing pte or a
 * write through a read-only one raises a page fault (do_page_fault), and
 * the access is retried, as the CPU restarts the faulting instruction. Once
 * a pte allows it, the bytes move to or from the frame in the arena and the
 * pte's accessed and dirty bits are set, as the hardware sets them.
 * A fault that delivers a signal stops the access: the caller sees the
 * signal number and reports the task killed.
 */
#include <string.h>

#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "sim/mmu.h"

#define FAULT_PROT	1
#define FAULT_WRITE	2
#define FAULT_USER	4

/* Bring the pte for address into a state that allows the access. */
static int sim_mmu_translate(unsigned long address, int write, pte_t **ptep)
{
	int tries;

	/*
	 * The CPU restarts the instruction for as long as it faults. A fault
	 * may end without mapping the page: do_wp_page's pte_same check
	 * fails when the reclaim inside its alloc_page aged or unmapped this
	 * very pte, and the retry may then swap it in and copy it again. So
	 * a few rounds are normal under pressure; many mean a broken handler.
	 */
	for (tries = 0; tries < 16; tries++) {
		pte_t *pte = address < TASK_SIZE ?
			     sim_pte_lookup(current->mm, address) : NULL;
		unsigned long code = FAULT_USER | (write ? FAULT_WRITE : 0);

		if (pte && pte_present(*pte) && !(pte->pte_low & _PAGE_PROTNONE)
		    && (!write || pte_write(*pte))) {
			*ptep = pte;
			return 0;
		}
		if (pte && pte_present(*pte))
			code |= FAULT_PROT;
		do_page_fault(address, code);
		if (current->sim_sig)
			return current->sim_sig;
	}
	BUG();	/* the fault handler keeps failing to map a good address */
	return SIGSEGV;
}

/*
 * Copy len bytes between buf and user address addr of current. Returns 0,
 * or the signal that killed the access; *done says how many bytes moved.
 */
int sim_user_access(unsigned long addr, void *buf, size_t len, int write,
		    size_t *done)
{
	size_t moved = 0;

	while (moved < len) {
		unsigned long a = (addr + moved) & SIM_ULONG_MAX;
		size_t off = a & ~PAGE_MASK;
		size_t chunk = PAGE_SIZE - off;
		pte_t *pte;
		char *frame;
		int sig;

		if (chunk > len - moved)
			chunk = len - moved;
		sig = sim_mmu_translate(a, write, &pte);
		if (sig) {
			if (done)
				*done = moved;
			return sig;
		}
		frame = page_address(pfn_to_page(pte_pfn(*pte)));
		if (write)
			memcpy(frame + off, (char *)buf + moved, chunk);
		else
			memcpy((char *)buf + moved, frame + off, chunk);
		/* the CPU's own write of a present pte: not set_pte */
		pte->pte_low |= _PAGE_ACCESSED | (write ? _PAGE_DIRTY : 0);
		moved += chunk;
	}
	if (done)
		*done = moved;
	return 0;
}

/*
 * One access to the page of addr without moving bytes: the effect of a
 * load, or of a store of the byte already there. Returns 0 or the signal.
 */
int sim_user_touch(unsigned long addr, int write)
{
	pte_t *pte;
	int sig = sim_mmu_translate(addr & SIM_ULONG_MAX, write, &pte);

	if (sig)
		return sig;
	/* the CPU's own write of a present pte: not set_pte */
	pte->pte_low |= _PAGE_ACCESSED | (write ? _PAGE_DIRTY : 0);
	return 0;
}
