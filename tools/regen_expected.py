#!/usr/bin/env python3
"""Regenerate expected outputs for the conformance corpus.

For every test program NAME.py this runs ``python3 NAME.py`` (CPython 3.11)
with the program's own directory as the working directory, stdin closed and
PYTHONHASHSEED=0, and records:

  NAME.stdout  always written
  NAME.stderr  written only when stderr is non-empty (a stale one is removed)
  NAME.exit    written only when the exit code is non-zero (a stale one is
               removed); contains the exit code followed by a newline

A program CPython cannot run (it copies or pickles a suspended generator)
names a CPython-runnable twin in a marker comment on its first line:

  # cpython-twin: helper_NAME_twin.py

The twin (in the same directory) does the same computation with an
explicitly copyable state object; it is run instead, and its output is
recorded as the program's expected output, so the VM's run of NAME.py is
checked against what CPython prints for the twin.

In both output streams the absolute directory of the program followed by "/"
is removed, so tracebacks read ``File "NAME.py", line 3, in f``.

Usage:
  python3 tools/regen_expected.py [PATH ...]

Each PATH may be a .py file or a directory (whose *.py files are used,
non-recursively). Without arguments, vm/tests/conformance and scripts (if it
exists) are processed. Files named helper_*.py are imported modules, not test
programs, and are skipped.
"""

import os
import subprocess
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DIRS = [
    os.path.join(REPO_ROOT, "vm", "tests", "conformance"),
    os.path.join(REPO_ROOT, "scripts"),
]
TIMEOUT_SECONDS = 30
PYTHON = "python3"


def is_case(path):
    name = os.path.basename(path)
    return name.endswith(".py") and not name.startswith("helper_")


def collect(paths):
    cases = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                full = os.path.join(p, name)
                if os.path.isfile(full) and is_case(full):
                    cases.append(full)
        elif os.path.isfile(p):
            if is_case(p):
                cases.append(p)
            else:
                print(f"skipping {p} (not a test program)", file=sys.stderr)
        else:
            print(f"skipping {p} (not found)", file=sys.stderr)
    return cases


def normalise(data, directory):
    return data.replace((directory + "/").encode(), b"")


def write_or_remove(path, data, keep):
    if keep:
        with open(path, "wb") as f:
            f.write(data)
        print(f"wrote {os.path.relpath(path, REPO_ROOT)}")
    elif os.path.exists(path):
        os.remove(path)
        print(f"removed {os.path.relpath(path, REPO_ROOT)}")


TWIN_MARKER = "# cpython-twin:"


def twin_of(path):
    """The twin named by a program's first-line marker, or None."""
    with open(path, encoding="utf-8") as f:
        first = f.readline().strip()
    if first.startswith(TWIN_MARKER):
        return first[len(TWIN_MARKER):].strip()
    return None


def run_case(path):
    directory = os.path.dirname(path)
    name = os.path.basename(path)
    stem = os.path.join(directory, name[:-3])
    twin = twin_of(path)
    if twin is not None:
        if not os.path.isfile(os.path.join(directory, twin)):
            print(f"missing twin {twin} for {os.path.relpath(path, REPO_ROOT)}", file=sys.stderr)
            return
        print(f"{os.path.relpath(path, REPO_ROOT)}: running its CPython twin {twin}")
        name = twin
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    # Keep CPython's own output format independent of the caller's settings.
    for var in ("PYTHONSTARTUP", "PYTHONWARNINGS", "PYTHONPATH"):
        env.pop(var, None)
    # Importing helper modules must not leave __pycache__ in the corpus.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    try:
        proc = subprocess.run(
            [PYTHON, name],
            cwd=directory,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            timeout=TIMEOUT_SECONDS,
        )
        stdout, stderr, code = proc.stdout, proc.stderr, proc.returncode
    except subprocess.TimeoutExpired as exc:
        print(f"TIMEOUT {os.path.relpath(path, REPO_ROOT)}", file=sys.stderr)
        stdout = exc.stdout or b""
        stderr = (exc.stderr or b"") + b"timeout\n"
        code = 124

    stdout = normalise(stdout, directory)
    stderr = normalise(stderr, directory)
    write_or_remove(stem + ".stdout", stdout, True)
    write_or_remove(stem + ".stderr", stderr, bool(stderr))
    write_or_remove(stem + ".exit", f"{code}\n".encode(), code != 0)


def main(argv):
    paths = argv[1:] or [d for d in DEFAULT_DIRS if os.path.isdir(d)]
    for case in collect(paths):
        run_case(case)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
