#!/usr/bin/env python3
"""Runs CPython's own test modules with CPython's unittest, on yieldscope and
on python3, and prints ran/passed/failed/errors/skipped per module and in
total for both.

    python3 tools/cpython_tests.py [--yieldscope PATH] [--timeout SECONDS]
                                   [--python PYTHON] [--markdown] [MODULE ...]

Each module runs as `yieldscope run -m unittest -v test.MODULE` (and as
`python3 -m unittest -v test.MODULE`) in its own process, with a per-module
time limit. The counts are read from unittest's own report: the closing
`Ran N tests` line and the `OK (...)` / `FAILED (...)` summary. A module
that does not import shows as one error (unittest's `_FailedTest`); a run
that ends without unittest's report (a crash, a time-out) shows its state
in the `note` column and counts nothing. Not part of `cargo test`: it needs
CPython 3.11's test package (`python3 -m test` works) and takes minutes.
"""

import argparse
import os
import re
import subprocess
import sys
import time

MODULES = [
    "test_bisect", "test_heapq", "test_operator", "test_keyword", "test_string",
    "test_textwrap", "test_json", "test_re", "test_dataclasses", "test_enum",
    "test_contextlib", "test_collections", "test_fractions", "test_statistics",
    "test_generators", "test_yield_from", "test_class", "test_descr",
    "test_super", "test_scope", "test_patma", "test_complex", "test_io",
]

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parse(out, rc, timed_out):
    """(ran, passed, failed, errors, skipped, note) from unittest's report."""
    ran = re.findall(r"^Ran (\d+) tests? in ", out, re.M)
    if timed_out:
        return None, "timeout"
    if not ran:
        lines = [l for l in out.strip().splitlines() if l.strip()]
        last = lines[-1][:60] if lines else f"exit {rc}"
        return None, f"no report ({last})"
    n = int(ran[-1])
    counts = {"failures": 0, "errors": 0, "skipped": 0,
              "expected failures": 0, "unexpected successes": 0}
    m = re.findall(r"^(OK|FAILED)(?: \((.*)\))?\s*$", out, re.M)
    if m:
        for part in (m[-1][1] or "").split(", "):
            if "=" in part:
                k, v = part.split("=", 1)
                counts[k.replace("_", " ")] = int(v)
    failed = counts["failures"] + counts["unexpected successes"]
    errors = counts["errors"]
    skipped = counts["skipped"]
    # Failing subtests count one each, so they can outnumber the tests.
    passed = max(n - failed - errors - skipped, 0)
    note = ""
    if n == 1 and errors == 1 and "Failed to import test module" in out:
        note = "import error"
    return (n, passed, failed, errors, skipped), note


def run(cmd, timeout, cwd, pythonpath=None):
    env = dict(os.environ, PYTHONHASHSEED="0")
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout)
        out = p.stdout.decode("utf-8", "replace")
        return out, p.returncode, False, time.monotonic() - t0
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        return out, None, True, time.monotonic() - t0


def first_problem(out):
    """The first failing test's name and its exception line, for the notes."""
    m = re.search(r"^(?:ERROR|FAIL): (\S+).*?\n-+\n(.*?)\n\n", out, re.M | re.S)
    if not m:
        return ""
    last = [l for l in m.group(2).splitlines() if l and not l.startswith(" ")]
    return f"{m.group(1)}: {last[-1][:100] if last else ''}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("modules", nargs="*", default=MODULES)
    ap.add_argument("--yieldscope",
                    default=os.path.join(ROOT, "target", "debug", "yieldscope"))
    ap.add_argument("--python", default="python3")
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds per module and interpreter (default 120)")
    ap.add_argument("--markdown", action="store_true",
                    help="print a Markdown table")
    ap.add_argument("--logs", help="folder to write each run's output to")
    ap.add_argument("--ys-pythonpath",
                    help="PYTHONPATH for the yieldscope runs only")
    args = ap.parse_args()

    workdir = os.path.join(ROOT, "target", "tmp-cpython-tests")
    os.makedirs(workdir, exist_ok=True)
    rows = []
    totals = {"ys": [0] * 5, "py": [0] * 5}
    for mod in args.modules:
        name = f"test.{mod}"
        res = {}
        for key, cmd in (
            ("ys", [args.yieldscope, "run", "-m", "unittest", "-v", name]),
            ("py", [args.python, "-m", "unittest", "-v", name]),
        ):
            pp = args.ys_pythonpath if key == "ys" else None
            out, rc, to, secs = run(cmd, args.timeout, workdir, pp)
            counts, note = parse(out, rc, to)
            if key == "ys" and counts and (counts[2] or counts[3]) and not note:
                note = first_problem(out)
            res[key] = (counts, note, secs)
            if counts:
                totals[key] = [a + b for a, b in zip(totals[key], counts)]
            if args.logs:
                os.makedirs(args.logs, exist_ok=True)
                with open(os.path.join(args.logs, f"{mod}.{key}.log"), "w") as f:
                    f.write(out)
        rows.append((mod, res))
        if not args.markdown:
            print(fmt_row(mod, res), flush=True)
    if args.markdown:
        print("| module | yieldscope ran/pass/fail/err/skip | python3 ran/pass/fail/err/skip | note |")
        print("|---|---|---|---|")
        for mod, res in rows:
            print(f"| {mod} | {cell(res['ys'][0])} | {cell(res['py'][0])} | "
                  f"{res['ys'][1].replace('|', '/')} |")
        print(f"| **total** | {cell(totals['ys'])} | {cell(totals['py'])} | |")
    else:
        print(f"{'TOTAL':<18} yieldscope {cell(totals['ys']):<24} "
              f"python3 {cell(totals['py'])}")
    ys = totals["ys"]
    print(f"yieldscope: {ys[1]} passed, {ys[2] + ys[3]} failed, {ys[4]} skipped")


def cell(c):
    if c is None:
        return "-"
    return "/".join(str(x) for x in c)


def fmt_row(mod, res):
    ys_c, ys_note, ys_s = res["ys"]
    py_c, _, py_s = res["py"]
    return (f"{mod:<18} yieldscope {cell(ys_c):<24} ({ys_s:5.1f}s) "
            f"python3 {cell(py_c):<24} ({py_s:5.1f}s) {ys_note}")


if __name__ == "__main__":
    sys.exit(main())
