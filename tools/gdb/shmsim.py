# SPDX-License-Identifier: GPL-2.0-only
#
# tools/gdb/shmsim.py - gdb support for shmsim: pretty-printers, commands
# and convenience functions, so a stopped session reads like a kernel
# debugger's. Loaded by tools/gdb/shmsim.gdb (`source tools/gdb/shmsim.gdb`);
# needs a gdb built with Python (Debian's is). docs/gdb.md shows a session.
#
# Pretty-printers, one line per object, named as the trace names them:
#   p *dentry  dentry#4 "SYSV000004d2" d_count=1 unhashed d_inode=inode#4 ...
#   p *vma     vma#1 40000000-40001000 rw-s pgoff=0 file#1 mm#1
#   p *page    page#3 count=2 index=0 mapping=inode#4 flags=uptodate,lru
#   p *shp     shmid_kernel id=0 key=0x4d2 nattch=1 segsz=2052 mode=0666 file#1
# for struct dentry, inode, file, vfsmount, super_block, vm_area_struct,
# mm_struct, page, shmid_kernel, kern_ipc_perm, task_struct and
# address_space. A pointer to one prints as gdb prints a pointer to a
# symbol, the address then the object's name in <>:
#   p vma      $1 = 0x55555558f5b0 <vma#1>
# which is also how `bt` shows the arguments. A char * holding a simulated
# user address (sys_shmdt's shmaddr), which the host cannot read, prints as
# 0x40000000 <user>. `p/r` prints the raw fields; `disable pretty-printer
# global shmsim` switches them all off, `... shmsim;page` one of them.
#
# Commands (each calls the C view the scenario's `show` uses, into a
# temporary file, and prints it here, so the output stays in order with
# gdb's own and shows even when the program's output goes elsewhere):
#   shm-ipcs            sim_dump_ipcs()          ipcs -m
#   shm-maps [TASK]     proc_pid_maps()          /proc/PID/maps
#   shm-vmas [TASK]     sim_dump_vmas()          the vma list and rb-tree
#   shm-dcache          sim_dump_dcache()        superblocks and dentry trees
#   shm-pagecache ID    sim_dump_pagecache()     a segment's pages
#   shm-objects         sim_dump_objects()       live objects by kind
#   shm-tasks           the task list, one pretty-printed line each
#   shm-trace-seq       sim_trace_seq, the number of the last trace event
#   shm-break-event N   a breakpoint that stops as trace event N is made
# TASK is a pid or a task name; without it, `current`.
# Convenience functions: $shmseg(ID) is the segment's struct shmid_kernel *
# (ipc_lock's lookup), $task(PID or "name") a struct task_struct *.

import errno
import os
import tempfile

import gdb
import gdb.printing
from gdb.FrameDecorator import FrameDecorator

S_BIAS = 1 << 30
SHM_DEST = 0o1000
SIM_OBJ_MAGIC = 0x5ab0b1ec      # sim/include/sim/objid.h
SHM_LOCKED = 0o2000
SEQ_MULTIPLIER = 32768
MAX_ERRNO = 1000
TASK_SIZE = 0xC0000000		# i386 user addresses lie below

# page->flags bits (sim/include/linux/mm.h), named as sim_dump_pagecache does
PAGE_FLAGS = [(0, "locked"), (1, "error"), (2, "referenced"),
              (3, "uptodate"), (4, "dirty"), (6, "lru"), (7, "active"),
              (8, "slab"), (14, "reserved"), (15, "launder")]
# ... and 2.6.32's (sim/2.6/include/linux/mm.h, enum pageflags)
PAGE_FLAGS_26 = [(0, "locked"), (1, "error"), (2, "referenced"),
                 (3, "uptodate"), (4, "dirty"), (5, "lru"), (6, "active"),
                 (7, "slab"), (10, "reserved"), (16, "swapcache"),
                 (20, "swapbacked"), (21, "unevictable")]
I_STATE = [(16, "I_FREEING"), (32, "I_CLEAR")]
I_STATE_26 = [(8, "I_NEW"), (16, "I_WILL_FREE"), (32, "I_FREEING"),
              (64, "I_CLEAR")]
DCACHE_UNHASHED = 0x0010	# 2.6.32's d_flags bit
IPC_SHM_IDS = 2			# init_ipc_ns.ids[]: sem, msg, shm
IDR_BITS = 5
TASK_STATE = {0: "R", 4: "Z"}


# --- helpers --------------------------------------------------------------

_kernel26_cache = {}


def kernel26():
    """Is the program shmsim-2.6 (Linux 2.6.32)? Its struct file has the
    f_path that 2.6 put in place of f_dentry and f_vfsmnt."""
    key = gdb.current_progspace().filename
    if key not in _kernel26_cache:
        try:
            fields = gdb.lookup_type("struct file").fields()
            _kernel26_cache[key] = any(f.name == "f_path" for f in fields)
        except gdb.error:
            return False
    return _kernel26_cache[key]


def _file_dentry(v):
    return v["f_path"]["dentry"] if kernel26() else v["f_dentry"]


def _file_mnt(v):
    return v["f_path"]["mnt"] if kernel26() else v["f_vfsmnt"]


def _shp_id(v):
    return int(v["shm_perm"]["id"]) if kernel26() else int(v["id"])

def _addr(ptr):
    return int(ptr) & 0xFFFFFFFFFFFFFFFF


def _is_err(ptr):
    return _addr(ptr) > (1 << 64) - MAX_ERRNO - 1


def _errname(ptr):
    err = (1 << 64) - _addr(ptr)
    return "-" + errno.errorcode.get(err, str(err))


def _cstr(ptr, length=None):
    """A C string, quoted; <unreadable> if the memory is not there."""
    if _addr(ptr) == 0:
        return "NULL"
    try:
        if length is None:
            s = ptr.string()
        else:
            s = ptr.string(length=min(int(length), 256))
    except (gdb.error, gdb.MemoryError, UnicodeDecodeError):
        return "<unreadable>"
    return '"%s"' % s


def _symbol(ptr):
    """The name of the data or code symbol a pointer points at, or hex."""
    a = _addr(ptr)
    if a == 0:
        return "NULL"
    try:
        text = gdb.execute("info symbol %#x" % a, to_string=True)
    except gdb.error:
        return "%#x" % a
    if text.startswith("No symbol"):
        return "%#x" % a
    return text.split(" in section")[0].strip().replace(" + ", "+")


def _container_of(ptr, type_name, member):
    """list_entry(): the struct type_name holding the list_head at ptr;
    member may be a path through nested structs (shared.vm_set.list)."""
    t = gdb.lookup_type(type_name)
    inner, off = t, 0
    for name in member.split("."):
        found = [f for f in inner.strip_typedefs().fields() if f.name == name]
        if not found:
            raise gdb.GdbError("%s has no member %s" % (type_name, member))
        off += found[0].bitpos // 8
        inner = found[0].type
    return gdb.Value(_addr(ptr) - off).cast(t.pointer())


def _list(head, type_name, member, limit=10000):
    """The entries of a list_head (a value, not a pointer), in order."""
    first = _addr(head.address)
    node = head["next"]
    out = []
    while _addr(node) != first and _addr(node) != 0 and len(out) < limit:
        out.append(_container_of(node, type_name, member))
        node = node["next"]
    return out


def _int_global(name):
    return int(gdb.parse_and_eval(name))


def _page_pfn(page_addr):
    """pfn = page - mem_map, or None if the address is not in mem_map."""
    try:
        base = _addr(gdb.parse_and_eval("mem_map"))
        nr = _int_global("max_mapnr")
    except gdb.error:
        return None
    size = gdb.lookup_type("struct page").sizeof
    if base == 0 or page_addr < base or (page_addr - base) % size:
        return None
    pfn = (page_addr - base) // size
    return pfn if pfn < nr else None


def _octal_mode(mode):
    return "0%03o" % (int(mode) & 0o777)


def _ipc_mode(mode):
    mode = int(mode)
    text = "mode=" + _octal_mode(mode)
    if mode & SHM_DEST:
        text += " dest"
    if mode & SHM_LOCKED:
        text += " locked"
    return text


def _rwxs(flags):
    flags = int(flags)
    return ("r" if flags & 0x1 else "-") + ("w" if flags & 0x2 else "-") + \
        ("x" if flags & 0x4 else "-") + ("s" if flags & 0x80 else "p")


# --- names: what a pointer to each kind of object prints inside <> --------

def sim_id(v):
    """The N of kind#N: the allocator's header in front of the object
    (sim/include/sim/objid.h), out of reach of the kernel's struct copies."""
    addr = v.address
    if addr is None:
        return 0
    hdr_type = gdb.lookup_type("struct sim_obj")
    hdr = gdb.Value(_addr(addr) - hdr_type.sizeof).cast(hdr_type.pointer())
    hdr = hdr.dereference()
    if int(hdr["magic"]) != SIM_OBJ_MAGIC:
        return 0
    return int(hdr["id"])


def _name_simple(kind):
    return lambda v: "%s#%d" % (kind, sim_id(v))


def _name_page(v):
    pfn = _page_pfn(_addr(v.address))
    return "page#%d" % pfn if pfn is not None else "page@%#x" % _addr(v.address)


def _name_shp(v):
    return "shmid_kernel id=%d" % _shp_id(v)


def _name_sfd(v):
    return "shm_file_data id=%d" % int(v["id"])


def _name_perm(v):
    return "kern_ipc_perm key=%#x" % (int(v["key"]) & 0xFFFFFFFF)


def _name_task(v):
    try:
        comm = v["comm"].string()
    except (gdb.error, UnicodeDecodeError):
        comm = "?"
    return "%s[%d]" % (comm, int(v["pid"]))


def _name_mapping(v):
    host = v["host"]
    if _addr(host) == 0:
        return "address_space@%#x" % _addr(v.address)
    inode = host.dereference()
    if _addr(inode["i_data"].address) == _addr(v.address):
        return "&inode#%d->i_data" % sim_id(inode)
    return "address_space of inode#%d" % sim_id(inode)


NAMERS = {
    "dentry": _name_simple("dentry"),
    "inode": _name_simple("inode"),
    "file": _name_simple("file"),
    "vfsmount": _name_simple("vfsmount"),
    "super_block": _name_simple("super_block"),
    "vm_area_struct": _name_simple("vma"),
    "mm_struct": _name_simple("mm"),
    "page": _name_page,
    "shmid_kernel": _name_shp,
    "kern_ipc_perm": _name_perm,
    "task_struct": _name_task,
    "address_space": _name_mapping,
    "shm_file_data": _name_sfd,
}


def ref(ptr):
    """How a link to another object reads: inode#4, NULL, -ENOMEM."""
    if _addr(ptr) == 0:
        return "NULL"
    tag = ptr.type.strip_typedefs().target().strip_typedefs().tag
    if tag == "page" and _addr(ptr) == (1 << 64) - 1:
        return "NOPAGE_OOM"		# ->nopage's (struct page *)(-1)
    if _is_err(ptr):
        return _errname(ptr)
    try:
        if tag == "address_space" and _addr(ptr["host"]) != 0:
            # page->mapping: name the inode that owns it
            return "inode#%d" % sim_id(ptr["host"].dereference())
        return NAMERS[tag](ptr.dereference())
    except (gdb.error, gdb.MemoryError):
        return "%#x<unreadable>" % _addr(ptr)


# --- one line per object ---------------------------------------------------

def line_dentry(v):
    name = _cstr(v["d_name"]["name"], v["d_name"]["len"])
    if kernel26():	# d_unhashed(): the flag, not the list
        hashed = not int(v["d_flags"]) & DCACHE_UNHASHED
    else:
        hashed = _addr(v["d_hash"]["next"]) != _addr(v["d_hash"].address)
    text = "dentry#%d %s d_count=%d %s d_inode=%s d_parent=%s" % (
        sim_id(v), name, int(v["d_count"]),
        "hashed" if hashed else "unhashed", ref(v["d_inode"]),
        ref(v["d_parent"]))
    if int(v["d_mounted"]):
        text += " d_mounted=%d" % int(v["d_mounted"])
    return text


def line_inode(v):
    aliases = _list(v["i_dentry"], "struct dentry", "d_alias", limit=4)
    text = "inode#%d ino=%d" % (sim_id(v), int(v["i_ino"]))
    if aliases:
        d = aliases[0]
        text += " " + _cstr(d["d_name"]["name"], d["d_name"]["len"])
    text += " i_count=%d i_nlink=%d mode=0%o i_size=%d nrpages=%d i_sb=%s" % (
        int(v["i_count"]), int(v["i_nlink"]), int(v["i_mode"]),
        int(v["i_size"]), int(v["i_data"]["nrpages"]), ref(v["i_sb"]))
    if int(v["i_writecount"]):
        text += " i_writecount=%d" % int(v["i_writecount"])
    names = I_STATE_26 if kernel26() else I_STATE
    state = [n for bit, n in names if int(v["i_state"]) & bit]
    if state:
        text += " " + "|".join(state)
    return text


def line_file(v):
    mode = int(v["f_mode"])
    fmode = ("r" if mode & 1 else "") + ("w" if mode & 2 else "") or "-"
    text = "file#%d" % sim_id(v)
    dentry = _file_dentry(v)
    if _addr(dentry) and not _is_err(dentry):
        try:
            d = dentry.dereference()
            text += " " + _cstr(d["d_name"]["name"], d["d_name"]["len"])
        except gdb.MemoryError:
            pass
    fields = "f_path.dentry=%s f_path.mnt=%s" if kernel26() else \
        "f_dentry=%s f_vfsmnt=%s"
    text += (" f_count=%d f_mode=%s " + fields + " f_op=%s") % (
        int(v["f_count"]), fmode, ref(dentry), ref(_file_mnt(v)),
        _symbol(v["f_op"]))
    if kernel26() and _addr(v["private_data"]) and \
            _symbol(v["f_op"]).startswith("shm_file_operations"):
        # an attach's file: its shm_file_data names the segment's file
        sfd = v["private_data"].cast(
            gdb.lookup_type("struct shm_file_data").pointer())
        text += " private_data=shm_file_data{id=%d file=%s}" % (
            int(sfd["id"]), ref(sfd["file"]))
    return text


def line_vfsmount(v):
    return "vfsmount#%d %s mnt_count=%d mnt_sb=%s mnt_root=%s " \
        "mnt_parent=%s" % (sim_id(v), _cstr(v["mnt_devname"]),
                           int(v["mnt_count"]), ref(v["mnt_sb"]),
                           ref(v["mnt_root"]), ref(v["mnt_parent"]))


def line_super_block(v):
    fstype = "(none)"
    if _addr(v["s_type"]):
        fstype = _cstr(v["s_type"]["name"]).strip('"')
    dev = int(v["s_dev"])
    count = int(v["s_count"])
    if count >= S_BIAS:
        count_text = "S_BIAS+%d" % (count - S_BIAS)
    else:
        count_text = "%d" % count
    return "super_block#%d %s dev=%02x:%02x s_count=%s s_active=%d " \
        "s_root=%s" % (sim_id(v), fstype, dev >> 8, dev & 0xff,
                       count_text, int(v["s_active"]), ref(v["s_root"]))


def line_vma(v):
    text = "vma#%d %08x-%08x %s pgoff=%d" % (
        sim_id(v), int(v["vm_start"]), int(v["vm_end"]),
        _rwxs(v["vm_flags"]), int(v["vm_pgoff"]))
    if _addr(v["vm_file"]):
        text += " " + ref(v["vm_file"])
    text += " " + ref(v["vm_mm"])
    return text


def line_mm(v):
    text = "mm#%d mm_users=%d mm_count=%d map_count=%d" % (
        sim_id(v), int(v["mm_users"]), int(v["mm_count"]),
        int(v["map_count"]))
    if kernel26():
        text += " file_rss=%d anon_rss=%d total_vm=%d free_area_cache=" \
            "%#x" % (int(v["_file_rss"]), int(v["_anon_rss"]),
                     int(v["total_vm"]), int(v["free_area_cache"]))
    else:
        text += " rss=%d total_vm=%d" % (int(v["rss"]), int(v["total_vm"]))
    text += " mmap=%s" % ref(v["mmap"])
    pfn = _page_pfn_of_frame(v["pgd"])
    if pfn is not None:
        text += " pgd=page#%d" % pfn
    return text


def _page_pfn_of_frame(ptr):
    """virt_to_page(): the frame number of an address inside the arena."""
    try:
        base = _addr(gdb.parse_and_eval("mem_map[0].virtual"))
        nr = _int_global("max_mapnr")
    except gdb.error:
        return None
    a = _addr(ptr)
    if a == 0 or a < base:
        return None
    pfn = (a - base) >> 12
    return pfn if pfn < nr else None


def line_page(v):
    flags = int(v["flags"])
    table = PAGE_FLAGS_26 if kernel26() else PAGE_FLAGS
    names = [n for bit, n in table if flags >> bit & 1]
    if kernel26():
        count = "_count=%d _mapcount=%d" % (int(v["_count"]),
                                            int(v["_mapcount"]))
    else:
        count = "count=%d" % int(v["count"])
    return "%s %s index=%d mapping=%s flags=%s" % (
        _name_page(v), count, int(v["index"]), ref(v["mapping"]),
        ",".join(names) or "-")


def line_shp(v):
    perm = v["shm_perm"]
    return "shmid_kernel id=%d key=%#x nattch=%d segsz=%d %s %s" % (
        _shp_id(v), int(perm["key"]) & 0xFFFFFFFF, int(v["shm_nattch"]),
        int(v["shm_segsz"]), _ipc_mode(perm["mode"]), ref(v["shm_file"]))


def line_perm(v):
    text = "kern_ipc_perm "
    if kernel26():
        text += "id=%d %s" % (int(v["id"]),
                              "deleted " if int(v["deleted"]) else "")
    return text + "key=%#x uid=%d gid=%d cuid=%d cgid=%d %s seq=%d" % (
        int(v["key"]) & 0xFFFFFFFF, int(v["uid"]), int(v["gid"]),
        int(v["cuid"]), int(v["cgid"]), _ipc_mode(v["mode"]), int(v["seq"]))


def line_sfd(v):
    return "shm_file_data id=%d ns=%s file=%s vm_ops=%s" % (
        int(v["id"]), _symbol(v["ns"]), ref(v["file"]), _symbol(v["vm_ops"]))


def line_task(v):
    state = int(v["state"])
    who = v["cred"].dereference() if kernel26() else v	# 2.6: struct cred
    text = "task %s state=%s uid=%d gid=%d mm=%s min_flt=%d maj_flt=%d" % (
        _name_task(v), TASK_STATE.get(state, str(state)), int(who["uid"]),
        int(who["gid"]), ref(v["mm"]), int(v["min_flt"]), int(v["maj_flt"]))
    if int(v["sim_sig"]):
        text += " sig=%d code=%d addr=%#x" % (
            int(v["sim_sig"]), int(v["sim_sig_code"]), int(v["sim_sig_addr"]))
    try:
        if _addr(gdb.parse_and_eval("current")) == _addr(v.address):
            text += " (current)"
    except gdb.error:
        pass
    return text


def line_mapping(v):
    if kernel26():	# the vmas are on i_mmap, a list in the model
        vmas = _list(v["i_mmap"], "struct vm_area_struct",
                     "shared.vm_set.list")
        return "%s nrpages=%d i_mmap=[%s] i_mmap_writable=%d" % (
            _name_mapping(v), int(v["nrpages"]),
            " ".join(ref(x) for x in vmas), int(v["i_mmap_writable"]))
    return "%s nrpages=%d i_mmap=%s i_mmap_shared=%s" % (
        _name_mapping(v), int(v["nrpages"]), ref(v["i_mmap"]),
        ref(v["i_mmap_shared"]))


LINES = {
    "dentry": line_dentry,
    "inode": line_inode,
    "file": line_file,
    "vfsmount": line_vfsmount,
    "super_block": line_super_block,
    "vm_area_struct": line_vma,
    "mm_struct": line_mm,
    "page": line_page,
    "shmid_kernel": line_shp,
    "kern_ipc_perm": line_perm,
    "task_struct": line_task,
    "address_space": line_mapping,
    "shm_file_data": line_sfd,
}


class ObjectPrinter:
    """struct X: the object's one line."""

    def __init__(self, tag, val):
        self.tag = tag
        self.val = val

    def to_string(self):
        try:
            return LINES[self.tag](self.val)
        except Exception as e:	# a freed or half-built object: say so
            return "<%s: %s>" % (self.tag, e)


class PointerPrinter:
    """struct X *: the address, then the object's name, as gdb prints
    0x... <symbol> for a pointer to a symbol."""

    def __init__(self, val):
        self.val = val

    def to_string(self):
        a = _addr(self.val)
        if a == 0:
            return "0x0"
        try:
            return "%#x <%s>" % (a, ref(self.val))
        except Exception:
            return "%#x" % a


class UserPointerPrinter:
    """char * holding a simulated i386 user address (sys_shmdt's shmaddr):
    the host has nothing there, so say so instead of gdb's read error."""

    def __init__(self, val):
        self.val = val

    def to_string(self):
        return "%#x <user>" % _addr(self.val)


def _is_user_pointer(val):
    a = _addr(val)
    if a == 0 or a >= TASK_SIZE:
        return False
    try:
        gdb.selected_inferior().read_memory(a, 1)
    except (gdb.error, gdb.MemoryError):
        return True
    return False


class ShmsimPrinter(gdb.printing.PrettyPrinter):
    """Pretty-printers for the simulated kernel's objects. A subprinter per
    struct, so `disable pretty-printer global shmsim;page` works."""

    def __init__(self):
        super().__init__("shmsim", [])
        for tag in list(LINES) + ["user"]:
            self.subprinters.append(gdb.printing.SubPrettyPrinter(tag))

    def _enabled(self, tag):
        for sp in self.subprinters:
            if sp.name == tag:
                return sp.enabled
        return False

    def __call__(self, val):
        t = val.type.strip_typedefs()
        if t.code == gdb.TYPE_CODE_STRUCT and t.tag in LINES:
            if self._enabled(t.tag):
                return ObjectPrinter(t.tag, val)
        elif t.code == gdb.TYPE_CODE_PTR:
            target = t.target().strip_typedefs()
            if target.code == gdb.TYPE_CODE_STRUCT and target.tag in LINES \
                    and self._enabled(target.tag):
                return PointerPrinter(val)
            if target.code == gdb.TYPE_CODE_INT and target.sizeof == 1 \
                    and self._enabled("user") and _is_user_pointer(val):
                return UserPointerPrinter(val)
        return None


# --- finding things in the inferior ---------------------------------------

def _need_process():
    if gdb.selected_inferior().pid == 0:
        raise gdb.GdbError("the program is not running: set a breakpoint, "
                           "then `run`")


def _task_ptr_type():
    return gdb.lookup_type("struct task_struct").pointer()


def all_tasks():
    """init_task, then every task on sim_tasks, in creation order."""
    tasks = [gdb.parse_and_eval("&init_task")]
    tasks += _list(gdb.parse_and_eval("sim_tasks"), "struct task_struct",
                   "tasks")
    return tasks


def find_task(arg):
    """A pid or a task name; current when arg is empty."""
    arg = arg.strip().strip('"')
    if not arg:
        return gdb.parse_and_eval("current")
    for t in all_tasks():
        if arg.isdigit() and int(t["pid"]) == int(arg):
            return t
        if not arg.isdigit() and t["comm"].string() == arg:
            return t
    raise gdb.GdbError("no task %s (shm-tasks lists them)" % arg)


def _idr_find(idr, lid):
    """idr_find(): down the layers, IDR_BITS of the id at a time."""
    p = idr["top"]
    n = int(idr["layers"]) * IDR_BITS
    if _addr(p) == 0 or lid >= 1 << n:
        return None
    while n > 0 and _addr(p):
        n -= IDR_BITS
        p = p["ary"][(lid >> n) & ((1 << IDR_BITS) - 1)]
    return p if _addr(p) else None


def shm_segment26(shmid):
    """2.6.32's ipc_lock(): the idr of init_ipc_ns's shm ids, then the
    sequence check ipc_checkid makes."""
    ids = gdb.parse_and_eval("init_ipc_ns")["ids"][IPC_SHM_IDS]
    lid = int(shmid) % SEQ_MULTIPLIER
    p = _idr_find(ids["ipcs_idr"], lid) if int(shmid) >= 0 else None
    if p is None:
        raise gdb.GdbError("no segment with shmid %d" % int(shmid))
    perm = p.cast(gdb.lookup_type("struct kern_ipc_perm").pointer())
    if int(perm["id"]) != int(shmid):
        raise gdb.GdbError("shmid %d: slot %d holds id %d" %
                           (int(shmid), lid, int(perm["id"])))
    return perm.cast(gdb.lookup_type("struct shmid_kernel").pointer())


def shm_segment(shmid):
    """ipc_lock(&shm_ids, id): the struct shmid_kernel * in the id's slot."""
    if kernel26():
        return shm_segment26(shmid)
    sym = gdb.lookup_static_symbol("shm_ids")
    if sym is None:
        raise gdb.GdbError("no shm_ids in this program")
    ids = sym.value()
    lid = int(shmid) % SEQ_MULTIPLIER
    if lid < 0 or lid >= int(ids["size"]):
        raise gdb.GdbError("no segment with shmid %d" % int(shmid))
    perm = ids["entries"][lid]["p"]
    if _addr(perm) == 0:
        raise gdb.GdbError("no segment with shmid %d" % int(shmid))
    return perm.cast(gdb.lookup_type("struct shmid_kernel").pointer())


def call_view(call):
    """Run a C view, call % "(FILE *) 0x..." being its call with a stream,
    into a temporary file the inferior writes; print the file here."""
    _need_process()
    fd, path = tempfile.mkstemp(prefix="shmsim-gdb-", suffix=".txt")
    os.close(fd)
    unwind = gdb.parameter("unwindonsignal")
    gdb.execute("set unwindonsignal on", to_string=True)
    # as the runner's `show` does: a view adds no trace event, so the
    # event numbers stay the script's (2.6.32's maps takes mm references)
    enabled = int(gdb.parse_and_eval("sim_trace.enabled"))
    gdb.execute("set var sim_trace.enabled = 0", to_string=True)
    try:
        fp = gdb.parse_and_eval('(FILE *) fopen("%s", "w")' % path)
        if _addr(fp) == 0:
            raise gdb.GdbError("the program could not open %s" % path)
        try:
            ret = gdb.parse_and_eval(call % ("(FILE *) %#x" % _addr(fp)))
        finally:
            gdb.parse_and_eval("(int) fclose((FILE *) %#x)" % _addr(fp))
        with open(path, encoding="utf-8", errors="replace") as f:
            gdb.write(f.read())
        return ret
    finally:
        gdb.execute("set var sim_trace.enabled = %d" % enabled,
                    to_string=True)
        gdb.execute("set unwindonsignal %s" % ("on" if unwind else "off"),
                    to_string=True)
        os.unlink(path)


# --- commands --------------------------------------------------------------

class ShmIpcs(gdb.Command):
    """shm-ipcs: the segments, as `ipcs -m` lists them (sim_dump_ipcs)."""

    def __init__(self):
        super().__init__("shm-ipcs", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        call_view("sim_dump_ipcs(%s)")


class ShmMaps(gdb.Command):
    """shm-maps [PID|NAME]: /proc/PID/maps of a task (proc_pid_maps).
Without an argument, the current task's."""

    def __init__(self):
        super().__init__("shm-maps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        _need_process()
        task = find_task(arg)
        gdb.write("/proc/%d/maps of %s:\n" % (int(task["pid"]),
                                              _name_task(task.dereference())))
        if _addr(task["mm"]) == 0:
            gdb.write("(no mm)\n")
            return
        call_view("proc_pid_maps((struct task_struct *) %#x, %%s)" %
                  _addr(task))


class ShmVmas(gdb.Command):
    """shm-vmas [PID|NAME]: a task's vma list and rb-tree (sim_dump_vmas).
Without an argument, the current task's."""

    def __init__(self):
        super().__init__("shm-vmas", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        _need_process()
        task = find_task(arg)
        gdb.write("vmas of %s:\n" % _name_task(task.dereference()))
        call_view("sim_dump_vmas((struct mm_struct *) %#x, %%s)" %
                  _addr(task["mm"]))


class ShmDcache(gdb.Command):
    """shm-dcache: every superblock and its dentry tree (sim_dump_dcache)."""

    def __init__(self):
        super().__init__("shm-dcache", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        call_view("sim_dump_dcache(%s)")


class ShmPagecache(gdb.Command):
    """shm-pagecache SHMID: a segment's pages in the page cache
(sim_dump_pagecache)."""

    def __init__(self):
        super().__init__("shm-pagecache", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if not arg.strip():
            raise gdb.GdbError("usage: shm-pagecache SHMID")
        shmid = int(gdb.parse_and_eval(arg))
        ret = call_view("sim_dump_pagecache(%d, %%s)" % shmid)
        if int(ret) < 0:
            raise gdb.GdbError("no segment with shmid %d" % shmid)


class ShmObjects(gdb.Command):
    """shm-objects: how many objects of each kind are alive
(sim_dump_objects)."""

    def __init__(self):
        super().__init__("shm-objects", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        call_view("sim_dump_objects(%s)")


class ShmTasks(gdb.Command):
    """shm-tasks: init_task and every scenario task, one line each."""

    def __init__(self):
        super().__init__("shm-tasks", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        for t in all_tasks():
            gdb.write(line_task(t.dereference()) + "\n")


class ShmTraceSeq(gdb.Command):
    """shm-trace-seq: sim_trace_seq, the number of the last trace event
(the left column of the trace)."""

    def __init__(self):
        super().__init__("shm-trace-seq", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        seq = _int_global("sim_trace_seq")
        gdb.write("sim_trace_seq = %d\n" % seq)


# the tracer's own frames, between a traced function and sim_trace_event
_TRACER_FRAMES = {"sim_trace_event", "sim_trace_enter", "sim_trace_exit",
                  "sim_trace_enter_quiet", "sim_trace_exit_quiet",
                  "sim_trace_note", "sim_trace_note_quiet", "note_line",
                  "quiet_note", "sim_trace_comment_line",
                  "sim_trace_ret_err", "sim_trace_ret_int",
                  "sim_trace_ret_hex", "sim_trace_ret_obj",
                  "sim_trace_ret_page", "sim_trace_ret_nopage"}


def _select_kernel_frame():
    """Select the first frame above the tracer's own and show it."""
    f = gdb.newest_frame()
    while f is not None and (f.name() or "") in _TRACER_FRAMES:
        f = f.older()
    if f is not None:
        f.select()
        gdb.execute("frame")


class _EventBreakpoint(gdb.Breakpoint):
    """Stops at event N, in the traced function's own frame."""

    def __init__(self, n):
        super().__init__("sim_trace_event")
        self.condition = "sim_trace_seq == %d" % n
        self.commands = "python shmsim_select_kernel_frame()"


shmsim_select_kernel_frame = _select_kernel_frame


class ShmBreakEvent(gdb.Command):
    """shm-break-event N: stop as the trace event numbered N is made.
The tracer numbers the event, then calls sim_trace_event(): this sets
`break sim_trace_event if sim_trace_seq == N` (and sim_trace.stops, so
that the calls are made also after attaching to a running shmsim). When
it stops, the traced function's frame is selected (the tracer's frames
are below it): `p *shp` works at once."""

    def __init__(self):
        super().__init__("shm-break-event", gdb.COMMAND_BREAKPOINTS)

    def invoke(self, arg, from_tty):
        if not arg.strip():
            raise gdb.GdbError("usage: shm-break-event N")
        n = int(gdb.parse_and_eval(arg))
        gdb.write("trace event %d: break sim_trace_event if sim_trace_seq "
                  "== %d, then the traced function's frame\n" % (n, n))
        _EventBreakpoint(n)
        # shmsim calls sim_trace_event only while sim_trace.stops is set,
        # which each boot does when it finds a debugger; after an attach
        # to a running shmsim, set it here
        if gdb.selected_inferior().pid:
            gdb.execute("set var sim_trace.stops = 1")


class ShmsegFunction(gdb.Function):
    """$shmseg(SHMID): the segment's struct shmid_kernel *, found as
ipc_lock() finds it (slot = id % 32768). p *$shmseg(0)"""

    def __init__(self):
        super().__init__("shmseg")

    def invoke(self, shmid):
        return shm_segment(int(shmid))


class TaskFunction(gdb.Function):
    """$task(PID) or $task("name"): the struct task_struct *. p *$task(100)"""

    def __init__(self):
        super().__init__("task")

    def invoke(self, which):
        t = which.type.strip_typedefs()
        if t.code in (gdb.TYPE_CODE_ARRAY, gdb.TYPE_CODE_PTR):
            return find_task(which.string())
        return find_task(str(int(which)))


# Arguments the trace prints in hex (addresses, keys, flag words): bt
# shows them so too, as a pointer prints. (gdb prints a frame argument from
# a value, never a string, so octal and flag names stay the trace's own.)
HEX_ARGS = {"address", "addr", "start", "end", "len", "key", "shmaddr",
            "shmflg", "flags", "vm_flags", "prot", "error_code", "gfp_mask",
            "swap_flags"}


class _HexArg:
    def __init__(self, sym, val):
        self._sym = sym
        self._val = val

    def symbol(self):
        return self._sym

    def value(self):
        return self._val


class _HexArgsDecorator(FrameDecorator):
    def frame_args(self):
        args = super().frame_args()
        if not args:
            return args
        out = []
        for a in args:
            sym = a.symbol()
            name = sym if isinstance(sym, str) else sym.name
            if name not in HEX_ARGS or isinstance(sym, str):
                out.append(a)
                continue
            val = a.value()
            if val is None:
                val = sym.value(self.inferior_frame())
            t = val.type.strip_typedefs()
            if t.code not in (gdb.TYPE_CODE_INT, gdb.TYPE_CODE_ENUM):
                out.append(a)
                continue
            unsigned = int(val) & ((1 << (8 * t.sizeof)) - 1)
            out.append(_HexArg(sym, gdb.Value(unsigned).cast(
                gdb.lookup_type("void").pointer())))
        return out


class HexArgsFilter:
    """bt prints addresses, keys and flags in hex, as the trace does."""

    def __init__(self):
        self.name = "shmsim-hex-args"
        self.priority = 100
        self.enabled = True
        gdb.frame_filters[self.name] = self

    def filter(self, frames):
        return map(_HexArgsDecorator, frames)


def _cpu_has_amx():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("flags"):
                    return "amx_tile" in line.split()
    except OSError:
        pass
    return False


def _xstate_workaround():
    """gdb before 15 writes back a smaller XSAVE area than the kernel asks
    for once the CPU has AMX; PTRACE_SETREGSET fails with EFAULT and every
    inferior call (each shm-* command) with "Couldn't write extended state
    status: Bad address". A target description without avx and avx512 makes
    gdb save and restore the registers with PTRACE_SETFPREGS instead."""
    try:
        major = int(gdb.VERSION.split(".")[0])
    except ValueError:
        return
    if major >= 15 or not _cpu_has_amx():
        return
    xml = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "amd64-linux-sse.xml")
    if gdb.selected_inferior().pid != 0:
        gdb.write("shmsim.py: this CPU has AMX and gdb %s cannot call "
                  "functions in a process started before shmsim.gdb was "
                  "loaded; the shm-* commands need it loaded before "
                  "`run`\n" % gdb.VERSION)
        return
    gdb.execute("set tdesc filename " + xml)


def register():
    _xstate_workaround()
    gdb.printing.register_pretty_printer(None, ShmsimPrinter(), replace=True)
    for cls in (ShmIpcs, ShmMaps, ShmVmas, ShmDcache, ShmPagecache,
                ShmObjects, ShmTasks, ShmTraceSeq, ShmBreakEvent,
                ShmsegFunction, TaskFunction):
        cls()
    HexArgsFilter()


register()
