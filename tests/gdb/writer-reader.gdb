# SPDX-License-Identifier: GPL-2.0-only
#
# tests/gdb/writer-reader.gdb - gdb/writer-reader: a learner's session on
# scenarios/02-writer-reader.scn, checked by writer-reader.expect.
# run-gdb-test runs it from the repository root after `source
# tools/gdb/shmsim.gdb`, with the scenario as the program's argument and
# $event_FUNC set to the first trace line of FUNC. Stops at shmem_file_setup (shmget) and shmem_nopage (the
# writer's first touch), prints the objects and the views, then follows
# shm_nattch through the reader's shmat and both detaches.
set pagination off
set confirm off
set width 0
break shmem_file_setup
break shmem_nopage
run

# shmget: shmem_file_setup <- newseg <- sys_shmget
bt 3
p name
p size
up
p key
down
finish
p *$
p *$$->f_dentry
p *$$2->f_vfsmnt->mnt_sb

# the writer's first store: shmem_nopage <- do_no_page <- handle_pte_fault
# <- handle_mm_fault <- do_page_fault
continue
bt 5
p vma
p *vma
p *vma->vm_file
p *vma->vm_file->f_dentry
p *vma->vm_file->f_dentry->d_parent
p *vma->vm_file->f_dentry->d_inode
p *vma->vm_file->f_vfsmnt
p *vma->vm_mm
p *current
p *$shmseg(0)
p $shmseg(0)->shm_perm
p *$task("reader")
shm-ipcs
shm-maps
shm-vmas writer
shm-dcache
shm-trace-seq
p sim_trace_seq + 1 == $event_shmem_nopage
finish
p *$
shm-pagecache 0
shm-tasks

# nattch: the reader's shmat pins the segment, then shm_mmap's shm_inc
delete
break shm_inc
continue
bt 4
p *$shmseg(0)
finish
p *$shmseg(0)

# IPC_RMID, then the writer's shmdt: shm_close <- unmap_fixup <- do_munmap
# <- sys_shmdt; the segment is "dest" with key 0
delete
break shm_close
continue
bt 4
p *$shmseg(0)
finish
p *$shmseg(0)
shm-ipcs
shm-maps reader

# a stop on a trace line: shm_destroy(0), when the reader's detach takes
# nattch to 0
delete
shm-break-event $event_shm_destroy
continue
p *shp
p sim_trace_seq == $event_shm_destroy
shm-ipcs
continue
