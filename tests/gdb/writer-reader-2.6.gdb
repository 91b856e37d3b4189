# SPDX-License-Identifier: GPL-2.0-only
#
# tests/gdb/writer-reader-2.6.gdb - gdb/writer-reader-2.6: the session of
# writer-reader.gdb on the 2.6.32 kernel (shmsim-2.6), checked by
# writer-reader-2.6.expect. `break newseg`, `break do_shmat` and
# `break shm_fault` each have one location, in sim/2.6/ipc/shm.c. Stops in
# newseg (ipcget's getnew), in do_shmat for both attaches (the new struct
# file per attach and its shm_file_data), in shm_fault (the writer's
# first store: shm_fault -> shmem_fault), then follows the teardown:
# shm_close on the writer's shmdt, and shm_destroy when the reader's
# detach takes nattch to 0 after IPC_RMID.
set pagination off
set confirm off
set width 0
break newseg
break do_shmat
break shm_fault
info breakpoints
run

# shmget: newseg <- ipcget_public <- ipcget <- sys_shmget
bt 4
p params->key
p params->u.size
p *current
finish

# the writer's shmat: the segment's file, before the attach has its own
continue
bt 2
p *$shmseg(0)
p $shmseg(0)->shm_perm
p *$shmseg(0)->shm_file
finish

# the first store: shm_fault <- __do_fault <- do_linear_fault <-
# handle_pte_fault <- handle_mm_fault <- do_page_fault
continue
bt 6
p *vma
p *vma->vm_file
p *(struct shm_file_data *)vma->vm_file->private_data
p *vma->vm_file->f_path.dentry
p *vma->vm_file->f_path.dentry->d_inode
p *vma->vm_file->f_path.dentry->d_inode->i_mapping
p *vma->vm_file->f_path.mnt
p *vma->vm_file->f_path.mnt->mnt_sb
p *vma->vm_mm
p sim_trace_seq + 1 == $event_shm_fault
finish
p *vmf->page
shm-ipcs
shm-maps
shm-objects

# the reader's shmat: a second attach file on the same dentry and mount
continue
finish
p *$shmseg(0)->shm_file
p *current->mm->mmap->vm_file
shm-tasks

# the writer's shmdt: shm_close <- remove_vma <- do_munmap <- sys_shmdt
delete
break shm_close
continue
bt 4
p *$shmseg(0)
finish
p *$shmseg(0)
shm-ipcs

# the reader's detach takes nattch to 0 after IPC_RMID: shm_destroy
delete
shm-break-event $event_shm_destroy
continue
p *shp
p sim_trace_seq == $event_shm_destroy
shm-objects
continue
