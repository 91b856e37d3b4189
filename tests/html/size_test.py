#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# tests/html/size_test.py - what a page of `shmsim --html` weighs: the page
# of the biggest shipped scenario (the most statements) must stay under
# BOUND MiB. Also: the page holds nothing from outside itself, the run
# leaves no temporary file, and a file shmsim did not write is not
# replaced without --force.
#
#   size_test.py SHMSIM SCENARIOS_DIR OUTDIR BOUND_MIB
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def statements(path):
    with open(path) as f:
        return sum(1 for l in f if l.strip() and not l.lstrip()
                   .startswith("#"))


def main():
    shmsim, scenarios, outdir, bound = sys.argv[1:5]
    bound = float(bound) * 1024 * 1024
    os.makedirs(outdir, exist_ok=True)
    biggest = max(sorted(glob.glob(os.path.join(scenarios, "*.scn"))),
                  key=statements)
    page = os.path.join(outdir, "biggest.html")
    tmp = tempfile.mkdtemp(prefix="shmsim-html-test.")
    env = dict(os.environ, TMPDIR=tmp)
    p = subprocess.run([shmsim, "--force", "--html", page, biggest],
                       env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    if p.returncode not in (0, 1):
        fail("shmsim --html %s: exit %d: %s" %
             (biggest, p.returncode, p.stdout.decode(errors="replace")))
    left = os.listdir(tmp)
    shutil.rmtree(tmp)
    if left:
        fail("the run left temporary files: %s" % left)
    size = os.path.getsize(page)
    with open(page, encoding="utf-8") as f:
        text = f.read()
    outside = re.findall(r'<(?:script|img|link|iframe)\b[^>]*\b(?:src|href)=|'
                         r'@import|url\(', text)
    if outside:
        fail("the page loads from outside itself: %s" % outside[:3])
    print("the page of %s (%d statements) weighs %d bytes (%.1f MiB); "
          "bound %.0f MiB" % (os.path.basename(biggest), statements(biggest),
                              size, size / 1048576.0, bound / 1048576.0))
    if size > bound:
        fail("the page is bigger than the bound")

    # a file that is not a page of shmsim's stays as it was
    mine = os.path.join(outdir, "not-a-page.html")
    with open(mine, "w") as f:
        f.write("my notes\n")
    p = subprocess.run([shmsim, "--html", mine, biggest],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       stdin=subprocess.DEVNULL)
    with open(mine) as f:
        kept = f.read()
    if p.returncode != 2 or kept != "my notes\n" or \
            b"not written by shmsim" not in p.stdout:
        fail("--html over a file shmsim did not write: exit %d, %r" %
             (p.returncode, p.stdout))
    os.unlink(mine)
    print("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
