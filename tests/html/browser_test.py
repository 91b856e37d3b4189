#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# tests/html/browser_test.py - a page of `shmsim --html` in a real browser:
# headless Chromium (Debian's package), driven through the DevTools
# protocol over --remote-debugging-pipe with nothing but Python's standard
# library. It writes the page of SCRIPT, opens it from disk (file://),
# steps through it with the keyboard and checks what each step shows
# against the run itself, then keeps a screenshot (the test's artifact).
#
#   browser_test.py SHMSIM SCRIPT OUTDIR [--compare]
#
# Exit 0 passed, 1 failed, 77 skipped (no chromium on this machine).
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

MARK = "\036shmsim-statement "
LIMIT = 60.0            # seconds any one answer may take (not an assertion)


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def blocks(out, nmarks_only=False):
    """{step number: [lines]} cut by the statement marks (step = index+1)"""
    res, cur = {}, 0
    for line in out.split("\n"):
        if line.startswith(MARK):
            what = line[len(MARK):]
            cur = None if what == "end" else int(what) + 1
            if cur is not None:
                res[cur] = []
        elif cur is not None and cur in res:
            res[cur].append(line)
    return res


def is_trace(line):
    s = line.lstrip(" ")
    d = len(s) - len(s.lstrip("0123456789"))
    return d > 0 and s[d:].startswith(" |")


class Browser:
    def __init__(self, chromium, profile):
        r1, w1 = os.pipe()      # to chromium: its fd 3
        r2, w2 = os.pipe()      # from chromium: its fd 4

        def fds():
            # os.pipe()'s fds are close-on-exec, and may be 3 already
            os.dup2(r1, 3)
            os.dup2(w2, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)
        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-quic", "--no-first-run",
             "--disable-background-networking",
             "--disable-component-update", "--disable-sync",
             "--user-data-dir=" + profile, "--window-size=1400,1000",
             "--remote-debugging-pipe", "about:blank"],
            # preexec_fn's fds 3 and 4 must stay open: no close_fds
            preexec_fn=fds, close_fds=False, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(r1)
        os.close(w2)
        self.wfd, self.rfd = w1, r2
        self.buf = b""
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.wfd, json.dumps(msg).encode() + b"\0")
        return self.wait(self.next_id)

    def wait(self, want):
        end = time.monotonic() + LIMIT
        while True:
            while b"\0" in self.buf:
                raw, self.buf = self.buf.split(b"\0", 1)
                msg = json.loads(raw)
                if msg.get("id") == want:
                    if "error" in msg:
                        fail("chromium: %s" % msg["error"])
                    return msg.get("result", {})
            left = end - time.monotonic()
            if left <= 0 or not select.select([self.rfd], [], [], left)[0]:
                fail("chromium did not answer within %d s" % LIMIT)
            chunk = os.read(self.rfd, 1 << 20)
            if not chunk:
                fail("chromium went away")
            self.buf += chunk

    def open(self, url):
        t = self.send("Target.createTarget", {"url": "about:blank"}, False)
        a = self.send("Target.attachToTarget",
                      {"targetId": t["targetId"], "flatten": True}, False)
        self.session = a["sessionId"]
        self.navigate(url)

    def navigate(self, url):
        self.send("Page.navigate", {"url": url})
        end = time.monotonic() + LIMIT
        # the page's script puts the step it shows in the fragment
        base, _, frag = url.partition("#")
        while self.js("document.readyState") != "complete" or \
                self.js("location.href.split('#')[0]") != base or \
                frag and self.js("location.hash") != "#" + frag:
            if time.monotonic() > end:
                fail("the page did not load: " + url)
            time.sleep(0.05)

    def js(self, expr):
        r = self.send("Runtime.evaluate",
                      {"expression": expr, "returnByValue": True})
        if "exceptionDetails" in r:
            fail("javascript: %s: %s" % (expr, r["exceptionDetails"]))
        return r["result"].get("value")

    def key(self, key):
        codes = {"ArrowRight": 39, "ArrowLeft": 37, "Home": 36, "End": 35}
        p = {"type": "keyDown", "key": key}
        if key in codes:
            p["windowsVirtualKeyCode"] = codes[key]
            p["code"] = key
        else:
            p["text"] = key
        self.send("Input.dispatchKeyEvent", p)
        p["type"] = "keyUp"
        p.pop("text", None)
        self.send("Input.dispatchKeyEvent", p)

    def type(self, text):
        self.send("Input.insertText", {"text": text})

    def screenshot(self, path):
        r = self.send("Page.captureScreenshot", {"format": "png"})
        with open(path, "wb") as f:
            f.write(base64.b64decode(r["data"]))

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except SystemExit:
            pass
        try:
            self.proc.wait(timeout=LIMIT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


VISIBLE = """(function () {
  var v = Array.prototype.filter.call(document.querySelectorAll('section.step'),
    function (s) { return !s.hidden && s.offsetParent !== null; });
  return v.map(function (s) { return s.id; });
}())"""


def results_shown(b, kernel):
    sel = ".result" if not kernel else \
        ".side[data-kernel=\"%s\"] .result" % kernel
    return b.js("""(function () {
  var s = document.querySelector('section.step:not([hidden])');
  var r = s.querySelector('%s');
  return r ? r.textContent : null;
}())""" % sel.replace("'", "\\'"))


def check_step(b, n, expect):
    vis = b.js(VISIBLE)
    if vis != ["step-%d" % n]:
        fail("step %d: the visible steps are %s" % (n, vis))
    if b.js("location.hash") != "#step-%d" % n:
        fail("step %d: the fragment is %s" % (n, b.js("location.hash")))
    for kernel, res in expect.items():
        shown = results_shown(b, kernel)
        want = "".join(l + "\n" for l in res.get(n, []) if l)
        if shown != want:
            fail("step %d%s: shows result %r, the run printed %r" %
                 (n, " (%s)" % kernel if kernel else "", shown, want))


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout.decode(errors="replace")


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    shmsim, script, outdir = sys.argv[1:4]
    compare = "--compare" in sys.argv[4:]
    chromium = shutil.which("chromium")
    if not chromium:
        print("SKIP: no chromium (apt-get install chromium)")
        return 77
    os.makedirs(outdir, exist_ok=True)
    name = os.path.splitext(os.path.basename(script))[0]
    page = os.path.abspath(os.path.join(
        outdir, name + ("-compare" if compare else "") + ".html"))
    extra = ["--compare"] if compare else []
    rc, out = run([shmsim, "--force", "--html", page] + extra + [script])
    if rc not in (0, 1) or not os.path.exists(page):
        fail("shmsim --html: exit %d: %s" % (rc, out))

    # what the run printed: the results (-q), and each step's trace
    kernels = ["2.4", "2.6"] if compare else [None]
    expect, traces = {}, {}
    for k in kernels:
        kopt = ["--kernel", k] if k else []
        rc, q = run([shmsim, "-q", "--keep-going", "--statement-marks"] +
                    kopt + [script])
        rel = {"2.4": "2.4.16", "2.6": "2.6.32", None: None}[k]
        expect[rel] = blocks(q)
        rc, full = run([shmsim, "--keep-going", "--statement-marks"] +
                       kopt + [script])
        traces[rel] = blocks(full)
    nsteps = max(max(e) for e in expect.values())
    # the first kernel decides where f and n should go
    trace = traces[kernels[0] and "2.4.16"]

    profile = tempfile.mkdtemp(prefix="shmsim-chromium.")
    b = Browser(chromium, profile)
    try:
        url = "file://" + page
        b.open(url)
        if b.js("document.querySelectorAll('[src], link[href]').length"):
            fail("the page loads something from outside itself")
        first = min(n for n in trace)
        b.navigate(url)
        check_step(b, first, expect)
        for n in range(first + 1, nsteps + 1):
            b.key("ArrowRight")
            check_step(b, n, expect)
        print("stepped through %d steps with ArrowRight" % nsteps)
        b.key("Home")
        check_step(b, first, expect)
        b.key("End")
        check_step(b, nsteps, expect)
        b.key("ArrowLeft")
        check_step(b, nsteps - 1, expect)

        # f: each next step whose trace has a page fault, in turn
        # (with --compare, a fault on either kernel)
        faults = [n for n in sorted(trace) if any(
            is_trace(l) and "do_page_fault(" in l
            for t in traces.values() for l in t.get(n, []))]
        b.key("Home")
        for n in faults:
            b.key("f")
            check_step(b, n, expect)
        print("f went to the faults at steps %s" % faults)

        # n: the next call of a function, as typed after /
        fn = "shmem_getpage" if not compare else "sys_shmat"
        # in document order: a step's calls on 2.4.16, then on 2.6.32
        calls = [n for n in sorted(trace) for t in traces.values()
                 for l in t.get(n, []) if is_trace(l) and
                 l.split("|", 1)[1].strip().startswith(fn + "(")]
        if calls:
            b.key("Home")
            b.key("/")
            b.type(fn)
            b.js("document.activeElement.blur()")
            for n in calls:
                b.key("n")
                check_step(b, n, expect)
                found = b.js("(function(){var f=document.querySelector("
                             "'section.step:not([hidden]) .found .fn');"
                             "return f ? f.getAttribute('data-fn') : null;}())")
                if found != fn:
                    fail("n: step %d marks %r, not %s" % (n, found, fn))
            print("n went to the %d calls of %s" % (len(calls), fn))

        # the fragment: a link to a step opens it
        mid = (first + nsteps) // 2
        b.navigate(url + "#step-%d" % mid)
        check_step(b, mid, expect)
        b.key("ArrowRight")
        check_step(b, mid + 1, expect)

        # the depth: + opens one more level of the trace, - closes one
        for k, depth in (("+", 3), ("-", 2), ("-", 1)):
            b.key(k)
            wrong = b.js("""Array.prototype.filter.call(
                document.querySelectorAll('.trace details'), function (d) {
                  return d.open !== (+d.getAttribute('data-depth') < %d);
                }).length""" % depth)
            if b.js("document.getElementById('depth').value") != str(depth) \
                    or wrong:
                fail("after %s the trace is not open to depth %d (%d calls "
                     "wrong)" % (k, depth, wrong))

        # the picture: inline SVG; after the first step, what changed marked
        if not b.js("!!document.querySelector("
                    "'section.step:not([hidden]) .picture svg')"):
            fail("step %d shows no inline SVG picture" % (mid + 1))
        marked = b.js("document.querySelectorAll('.picture .new, "
                      ".picture .changed, .picture .ghost').length")
        if not marked:
            fail("no picture marks anything new, changed or gone")
        shot_step = faults[0] if faults else mid
        b.navigate(url + "#step-%d" % shot_step)
        shot = os.path.join(outdir, name + ("-compare" if compare else "") +
                            ".png")
        b.screenshot(shot)
        print("screenshot of step %d: %s" % (shot_step, shot))
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)
    print("passed: %s, %d steps, page %s (%d bytes)" %
          (script, nsteps, page, os.path.getsize(page)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
