#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# `shmsim run` on the example pair (examples/writer.c, reader.c):
#   run_prog.sh output SHMSIM EXAMPLES DIR KERNEL   program output vs
#                                                   DIR/pair.out
#   run_prog.sh trace SHMSIM EXAMPLES DIR KERNEL    result lines and ipcs
#                                                   vs DIR/trace.KERNEL.out
#   run_prog.sh rmid SHMSIM EXAMPLES DIR KERNEL     rmid_attached's output
#                                                   and result lines vs
#                                                   DIR/rmid.KERNEL.out
#   run_prog.sh fork SHMSIM EXAMPLES DIR KERNEL     examples/forker: its
#                                                   output and result lines
#                                                   vs DIR/fork.KERNEL.out
#   run_prog.sh crash SHMSIM EXAMPLES DIR KERNEL    tests/run/crash.c dying
#                                                   of a simulated SIGSEGV,
#                                                   of abort(), and in its
#                                                   own SIGSEGV handler, vs
#                                                   DIR/crash.KERNEL.out
#   run_prog.sh mprotect SHMSIM EXAMPLES DIR KERNEL tests/run/mprot.c: an
#                                                   attach's mprotect, vs
#                                                   DIR/mprotect.KERNEL.out
#   run_prog.sh swap SHMSIM EXAMPLES DIR 2.4        examples/swapper in 1M
#                                                   of RAM: output, calls,
#                                                   unmap orders, vs
#                                                   DIR/swap.2.4.out
#   run_prog.sh swap-concurrent SHMSIM EXAMPLES DIR 2.4
#                                                   four swappers at once,
#                                                   three times: every page
#                                                   intact, vs DIR/
#                                                   swap-concurrent.2.4.out
#   run_prog.sh hostile SHMSIM EXAMPLES DIR 2.4     tests/run/hostile.c: its
#                                                   output and the server's
#                                                   words vs
#                                                   DIR/hostile.2.4.out
#   run_prog.sh ipcs SHMSIM EXAMPLES DIR KERNEL     ipcs -m under shmsim
#                                                   run (ipcs_listing, the
#                                                   pair in sequence):
#                                                   output and result lines
#                                                   vs DIR/ipcs.KERNEL.out
#   run_prog.sh compare SHMSIM EXAMPLES DIR KERNEL  run --compare of
#                                                   rmid_attached and the
#                                                   pair in sequence vs
#                                                   DIR/compare.KERNEL.out
#   run_prog.sh native SHMSIM EXAMPLES DIR          the pair on the host,
#                                                   output vs DIR/pair.out;
#                                                   rmid_attached, forker,
#                                                   swapper on the host and
#                                                   simulated: the same
#                                                   output
# SHMSIM_UPDATE_GOLDEN=1 rewrites the golden file instead.
set -u
mode=$1 shmsim=$2 examples=$3 dir=$4 kernel=${5:-2.4}
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
cd "$examples" || exit 1

case $mode in
output)
	golden=$dir/pair.out
	"$shmsim" run --kernel "$kernel" --no-trace -- sh -c \
		"./writer < '$dir/pair.input' & ./reader; wait" \
		>"$out" 2>"$err"
	rc=$? ;;
trace)
	# sequential, so the trace is the same every run: the writer
	# leaves "end" in the segment and exits; the reader finds it
	golden=$dir/trace.$kernel.out
	"$shmsim" run --kernel "$kernel" --trace "$err" -- sh -c \
		"./writer < '$dir/end.input'; ./reader" >/dev/null
	rc=$?
	grep -E '^[a-z]+\[[0-9]+\]: |^# ipcs|^----|^key|^0x' "$err" >"$out"
	;;
rmid)
	# examples/rmid_attached: its output, then its result lines
	golden=$dir/rmid.$kernel.out
	"$shmsim" run --kernel "$kernel" --trace "$err" -- ./rmid_attached \
		>"$out"
	rc=$?
	# the ids are the user's who runs the test: said as ID
	grep -E '^[a-z_]+\[[0-9]+\]: ' "$err" |
		sed -E 's/\b(c?[ug]id)=[0-9]+/\1=ID/g' >>"$out"
	;;
fork)
	golden=$dir/fork.$kernel.out
	"$shmsim" run --kernel "$kernel" --check --trace "$err" -- ./forker \
		>"$out"
	rc=$?
	grep -E '^[a-z_]+\[[0-9]+\]: |^# ipcs|^key|^0x' "$err" |
		sed -E 's/\b(c?[ug]id)=[0-9]+/\1=ID/g' >>"$out"
	;;
crash)
	# each crash: its output, its exit status, its result lines
	golden=$dir/crash.$kernel.out
	: >"$out"
	for how in segv abort handler; do
		"$shmsim" run --kernel "$kernel" --trace "$err" -- \
			./run_crash $how >>"$out"
		echo "exit status $?" >>"$out"
		grep -E '^[a-z_]+\[[0-9]+\]: |^# |^0x|BUG|: do_exit' "$err" |
			sed -E 's/^ *[0-9]+ \| *//;
			s/host pid [0-9]+/host pid PID/' >>"$out"
	done
	rc=0 ;;
mprotect)
	# tests/run/mprot.c: its output, exit status and result lines
	golden=$dir/mprotect.$kernel.out
	"$shmsim" run --kernel "$kernel" --check --trace "$err" -- \
		./run_mprot >"$out"
	echo "exit status $?" >>"$out"
	grep -E '^[a-z_]+\[[0-9]+\]: |BUG' "$err" >>"$out"
	rc=0 ;;
swap)
	# the child and the parent read back 512 pages through 256 frames
	golden=$dir/swap.$kernel.out
	"$shmsim" run --kernel "$kernel" --check --ram 1M --swap 8M \
		--trace "$err" \
		-- ./swapper >"$out"
	rc=$?
	grep -E '^[a-z_]+\[[0-9]+\]: ' "$err" | grep -v ': touch(' >>"$out"
	echo "$(grep -c ': touch(' "$err") touches" >>"$out"
	# each pte try_to_swap_out took: an order then and there
	echo "$(grep -c 'unmaps .*: flush_tlb_page' "$err") flush_tlb_page" \
		"orders" >>"$out"
	# the ptes it aged: orders after the request
	grep -E 'unmaps [0-9]+ page' "$err" | sed -E 's/^ *[0-9]+ \| *//;
		s/host pid [0-9]+/host pid PID/' >>"$out"
	;;
swap-concurrent)
	# four processes swapping against each other, three times: a page
	# the kernel takes from one while it writes must keep what it wrote
	# (flush_tlb_page's order, answered before the page is written out)
	golden=$dir/swap-concurrent.$kernel.out
	: >"$out.all"
	for round in 1 2 3; do
		"$shmsim" run --kernel "$kernel" --check --ram 1M --swap 32M \
			--no-trace -- sh -c './swapper & ./swapper 300 &
			./swapper 100 & ./swapper 700; wait' >>"$out.all" \
			2>>"$err" || { rc=$?; break; }
		rc=0
	done
	sort "$out.all" | uniq -c >"$out"
	rm -f "$out.all" ;;
hostile)
	golden=$dir/hostile.$kernel.out
	"$shmsim" run --kernel "$kernel" --check --ram 1M --swap 4M \
		--no-trace -- \
		./run_hostile >"$out" 2>"$err"
	rc=$?
	# the segments' owner is whoever runs the test
	grep -v ': touch(' "$err" |
		sed -E 's/host pid [0-9]+/host pid PID/;
		s/^(0x[0-9a-f]+ +[0-9]+ +)[^ ]+/\1OWNER/' >>"$out"
	;;
ipcs)
	# ipcs reads the simulated /proc/sysvipc/shm; its owner column
	# is the name of the user who runs the test: said as OWNER
	golden=$dir/ipcs.$kernel.out
	command -v ipcs >/dev/null || { echo "no ipcs"; exit 77; }
	"$shmsim" run --kernel "$kernel" --trace "$err" -- sh -c \
		"./ipcs_listing; ./writer < '$dir/end.input'; ipcs -m;
		 ./reader; ipcs -m" >"$out"
	rc=$?
	sed -i -E 's/^(0x[0-9a-f]{8} [0-9]+ +)[^ ]+ +/\1OWNER      /' "$out"
	grep -E '^[a-z_]+\[[0-9]+\]: ' "$err" >>"$out"
	;;
compare)
	# the host's column masked where it is the host's: its release,
	# addresses, pids and times; the ids said as ID, as above
	golden=$dir/compare.$kernel.out
	if ! command -v ipcs >/dev/null || ! ipcs -m >/dev/null 2>&1; then
		echo "no SysV shm on this host"; exit 77
	fi
	for prog in ./rmid_attached \
		"sh -c './writer < $dir/end.input; ./reader'"; do
		eval COLUMNS=1000 "'$shmsim'" run --kernel "$kernel" \
			--compare -- "$prog" 2>>"$err" || { rc=$?; break; }
		rc=0
	done >"$out.raw"
	if grep -q "^left: .*host's own IPC namespace" "$out.raw"; then
		head -2 "$out.raw"; rm -f "$out.raw"; exit 77
	fi
	awk 'BEGIN {
		# an x86-64 address: longer than any of i386
		hostaddr = "0x"
		for (k = 0; k < 9; k++)
			hostaddr = hostaddr "[0-9a-f]"
		hostaddr = hostaddr "+"
	}
	{
		if (length($0) < 500) {
			sub(/^left: the host, Linux [^ ]*,/,
			    "left: the host, Linux RELEASE,")
			print; next
		}
		l = substr($0, 1, 498); m = substr($0, 500, 1)
		r = substr($0, 502)
		gsub(hostaddr, "HOSTADDR", l)
		gsub(/shm_[cl]pid=[0-9]+/, "&PID", l)
		gsub(/pid=[0-9]+PID/, "pid=PID", l)
		gsub(/time=[1-9][0-9]*/, "time=TIME", l)
		sub(/ +$/, "", l); sub(/ +$/, "", r)
		printf "%-60s %s %s\n", l, m, r
	}' "$out.raw" | sed -E -e 's/\b(c?[ug]id)=[0-9]+/\1=ID/g' \
		-e "s|$dir/|DIR/|" >"$out"
	rm -f "$out.raw" ;;
native)
	golden=$dir/pair.out
	if ! command -v ipcs >/dev/null || ! ipcs -m >/dev/null 2>&1; then
		echo "no SysV shm on this host"; exit 77
	fi
	# a fresh IPC namespace where the host allows one
	run="sh -c"
	unshare -ri true 2>/dev/null && run="unshare -ri sh -c"
	$run "./writer < '$dir/pair.input' & ./reader; wait" \
		>"$out" 2>"$err"
	rc=$?
	if [ $rc -ne 0 ] && grep -q 'shmget\|shmat' "$err"; then
		cat "$err"; echo "the host refuses SysV shm"; exit 77
	fi
	# the other examples print on the host what they print simulated
	for prog in rmid_attached forker swapper; do
		[ $rc -eq 0 ] || break
		$run "./$prog" >"$out.host" 2>>"$err" || rc=$?
		"$shmsim" run --no-trace -- "./$prog" >"$out.sim" \
			2>>"$err" || rc=$?
		diff -u "$out.host" "$out.sim" || { echo "$prog differs"; rc=1; }
	done
	rm -f "$out.host" "$out.sim" ;;
*)
	echo "run_prog.sh: mode $mode?"; exit 2 ;;
esac
if [ $rc -ne 0 ]; then
	echo "exit status $rc"; cat "$err"; exit 1
fi
if [ -n "${SHMSIM_UPDATE_GOLDEN:-}" ]; then
	cp "$out" "$golden"; echo "updated $golden"; exit 0
fi
diff -u "$golden" "$out" || exit 1
