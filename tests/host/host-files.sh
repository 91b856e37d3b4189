#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# tests/host/host-files.sh SHMSIM - what shmsim does to the host's files
# (registered in tests/host/tests.cmake). Each case runs shmsim in a fresh
# directory and checks its exit status, its message (the whole stderr,
# or a line of it) and that every file it must not touch still holds its
# bytes, and that nothing is left behind:
#   --swap-file: a text file, the script itself, a symbolic link, a
#   directory, /dev/full, a missing directory, a file another run has
#   (flock(1) holds it), --force; a swap file made and used again;
#   the temporary swap file: a TMPDIR that cannot hold it, and no file
#   left in TMPDIR by a run, by a failed boot, or by SIGKILL;
#   the output: standard output on /dev/full is exit 4 with the reason;
#   the input: /dev/zero fails at its first byte, a script past 16 MiB is
#   refused, 100,000 strings on one line parse in little memory.
set -u
shmsim=${1:?usage: host-files.sh SHMSIM}
work=$(mktemp -d "${TMPDIR:-/tmp}/shmsim-host-test.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
fails=0

fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# expect RC STDERR-REGEX -- COMMAND...: run it in $work/run
expect() {
	local want_rc=$1 want_err=$2 rc err
	shift 3
	err=$(cd "$work/run" && "$@" 2>&1 >/dev/null)
	rc=$?
	if [ "$rc" -ne "$want_rc" ] || ! [[ $err =~ $want_err ]]; then
		fail "$*: exit $rc, stderr: $err (wanted exit $want_rc, /$want_err/)"
	fi
}

# same FILE BYTES: FILE still holds exactly BYTES
same() {
	[ "$(cat "$1" 2>/dev/null)" = "$2" ] || fail "$1 changed: $(head -c 80 "$1" 2>/dev/null)"
}

rm -rf "$work/run" && mkdir -p "$work/run" "$work/tmp"
export TMPDIR=$work/tmp
cd "$work/run" || exit 1
printf 'task A\nA: shmget 0x4d2 100 IPC_CREAT|0600\n' >a.scn

# a text file, and the script itself, are not swap areas
echo "my notes" >notes.txt
expect 2 "^shmsim: --swap-file notes.txt: exists and is not a swap area shmsim made; --force replaces it$" -- \
	"$shmsim" -q --swap-file notes.txt a.scn
same notes.txt "my notes"
expect 2 "^shmsim: --swap-file a.scn: is a script of this run$" -- \
	"$shmsim" -q --force --swap-file a.scn a.scn
same a.scn "$(printf 'task A\nA: shmget 0x4d2 100 IPC_CREAT|0600')"
ln -s notes.txt link.swap
expect 2 "^shmsim: --swap-file link.swap: is a symbolic link; give the file itself$" -- \
	"$shmsim" -q --force --swap-file link.swap a.scn
same notes.txt "my notes"
mkdir adir
expect 2 "^shmsim: --swap-file adir: is not a regular file$" -- \
	"$shmsim" -q --swap-file adir a.scn
expect 2 "^shmsim: --swap-file /dev/full: is not a regular file$" -- \
	"$shmsim" -q --swap-file /dev/full a.scn
expect 2 "^shmsim: --swap-file no/such/dir/s: No such file or directory$" -- \
	"$shmsim" -q --swap-file no/such/dir/s a.scn
[ -e no ] && fail "a missing directory was made"

# a swap file shmsim made is used again; --force replaces a foreign one
expect 0 "^$" -- "$shmsim" -q --swap-file s.swap a.scn
[ "$(dd if=s.swap bs=1 skip=4086 count=10 2>/dev/null)" = SWAPSPACE2 ] ||
	fail "s.swap has no SWAPSPACE2 signature"
[ "$(dd if=s.swap bs=1 skip=1052 count=6 2>/dev/null)" = shmsim ] ||
	fail "s.swap has no shmsim label"
expect 0 "^$" -- "$shmsim" -q --swap-file s.swap a.scn
expect 0 "^$" -- "$shmsim" -q --force --swap-file notes.txt a.scn
[ "$(dd if=notes.txt bs=1 skip=4086 count=10 2>/dev/null)" = SWAPSPACE2 ] ||
	fail "--force did not make notes.txt a swap area"

# another run has the file: flock(1) holds the same lock shmsim takes
if command -v flock >/dev/null; then
	expect 2 "^shmsim: --swap-file s.swap: is in use by another shmsim run$" -- \
		flock s.swap "$shmsim" -q --swap-file s.swap a.scn
fi

# the temporary swap file: never a name left in TMPDIR
expect 0 "^$" -- "$shmsim" -q a.scn
[ -z "$(ls -A "$TMPDIR")" ] || fail "a run left $(ls -A "$TMPDIR") in TMPDIR"
expect 2 "^shmsim: cannot make the temporary swap file: TMPDIR $work/nowhere: No such file or directory" -- \
	env TMPDIR="$work/nowhere" "$shmsim" -q a.scn
expect 0 "^$" -- env TMPDIR="$work/nowhere" "$shmsim" -q --swap-file t.swap a.scn
printf 'machine swap=0\ntask A\n' >noswap.scn
expect 0 "^$" -- env TMPDIR="$work/nowhere" "$shmsim" -q noswap.scn
# SIGKILL while the machine is up: a long run, killed
{
	echo "task A"
	for i in $(seq 20000); do echo "A: shmget IPC_PRIVATE 4096 0600"; done
} >long.scn
"$shmsim" -q --check long.scn >/dev/null 2>&1 &
pid=$!
sleep 0.3
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
[ -z "$(ls -A "$TMPDIR")" ] || fail "SIGKILL left $(ls -A "$TMPDIR") in TMPDIR"

# the output: a full disk is exit 4 with the reason, not a silent 0
expect 4 "writing the output: No space left on device" -- \
	sh -c "\"$shmsim\" a.scn >/dev/full"

# bounded input: the first byte of /dev/zero is already the error, a
# script past 16 MiB is refused, 100,000 strings on a line cost little
expect 2 "^/dev/zero:1:1: unexpected character \"\\\\x00\"$" -- \
	timeout 20 "$shmsim" /dev/zero
head -c 17000000 /dev/zero | tr '\0' '\n' >huge.scn
expect 2 "^huge.scn: longer than 16 MiB, the most a script may be$" -- \
	"$shmsim" huge.scn
{ printf 'task A\nA: write 0'; for i in $(seq 100000); do printf ' ""'; done
  echo; } >strings.scn
expect 2 "^strings.scn:2:15: expected \"->\", \"=>\" or end of line, got string \"\"" -- \
	"$shmsim" strings.scn

if [ $fails -ne 0 ]; then
	echo "$fails case(s) failed"
	exit 1
fi
echo "ok: host files"
