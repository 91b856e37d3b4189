// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/proc/task_mmu.c - /proc/PID/maps.
 * Models fs/proc/task_mmu.c (2.6.32), in its order: pad_len_spaces,
 *   show_map_vma; then, sim, proc_pid_maps, which walks the vmas as the
 *   seq_file's m_start/m_next would and prints to a stdio stream.
 * What changed since 2.4.16: the fixed part ends with a space that is
 *   counted (the %n), and the name is padded to column 49 with at least
 *   one space, so a 10-digit inode number pushes it to column 50; the
 *   path comes from d_path of the file's f_path, so a SYSV file reads
 *   "/SYSV%08x (deleted)" (its dentry is unhashed).
 * Left out: smaps, pagemap, the stack guard page (no model task has a
 *   VM_GROWSDOWN vma), [vdso] (no model task has one).
 */
#include <stdio.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "sim/proc.h"

/* sizeof(void *) is i386's 4, not the host's 8 */
#define SIM_I386_PTR_SIZE	4

static void pad_len_spaces(FILE *m, int len)
{
	len = 25 + SIM_I386_PTR_SIZE * 6 - len;
	if (len < 1)
		len = 1;
	fprintf(m, "%*c", len, ' ');
}

/* seq_path: d_path, with the newline of a name escaped as \012 */
static void seq_path(FILE *m, struct path *path, const char *esc)
{
	char buf[PAGE_SIZE];
	char *p = d_path(path, buf, sizeof(buf));

	(void)esc;
	if (IS_ERR(p))
		return;
	for (; *p; p++) {
		if (*p == '\n')
			fputs("\\012", m);
		else
			fputc(*p, m);
	}
}

static void show_map_vma(FILE *m, struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;
	struct file *file = vma->vm_file;
	unsigned long flags = vma->vm_flags;
	unsigned long ino = 0;
	unsigned long long pgoff = 0;
	unsigned long start;
	dev_t dev = 0;
	int len;

	if (file) {
		struct inode *inode = file->f_path.dentry->d_inode;

		dev = inode->i_sb->s_dev;
		ino = inode->i_ino;
		pgoff = (unsigned long long)vma->vm_pgoff << PAGE_SHIFT;
	}
	start = vma->vm_start;
	len = fprintf(m, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ",
		      start, vma->vm_end,
		      flags & VM_READ ? 'r' : '-',
		      flags & VM_WRITE ? 'w' : '-',
		      flags & VM_EXEC ? 'x' : '-',
		      flags & VM_MAYSHARE ? 's' : 'p',
		      pgoff, MAJOR(dev), MINOR(dev), ino);
	if (file) {
		pad_len_spaces(m, len);
		seq_path(m, &file->f_path, "\n");
	} else {
		const char *name = NULL;

		if (mm) {
			if (vma->vm_start <= mm->brk &&
			    vma->vm_end >= mm->start_brk)
				name = "[heap]";
			else if (vma->vm_start <= mm->start_stack &&
				 vma->vm_end >= mm->start_stack)
				name = "[stack]";
		} else {
			name = "[vdso]";
		}
		if (name) {
			pad_len_spaces(m, len);
			fputs(name, m);
		}
	}
	fputc('\n', m);
}

/* sim: the whole file, one line per vma in address order */
void proc_pid_maps(struct task_struct *task, FILE *out)
{
	struct vm_area_struct *vma;

	if (!task->mm)
		return;
	for (vma = task->mm->mmap; vma; vma = vma->vm_next)
		show_map_vma(out, vma);
}
