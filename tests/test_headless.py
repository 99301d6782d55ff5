"""The core never loads Textual: check, the reports and the CLI run without it.

Every factcheck module outside factcheck/tui/ is imported in a fresh
interpreter, one after another; the first one that pulls `textual` into
sys.modules is named.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import factcheck

PROBE = """
import importlib, sys
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except ImportError as exc:  # an optional extra (dask) that is not installed
        if "textual" in str(exc):
            raise
    if any(m == "textual" or m.startswith("textual.") for m in sys.modules):
        print(name)
        break
"""


def core_modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(factcheck.__path__, "factcheck.")]
    skip = ("factcheck.tui", "factcheck.__main__")
    return sorted(n for n in names if not n.startswith(skip))


def test_core_modules_do_not_import_textual():
    modules = core_modules()
    assert "factcheck.cli" in modules and "factcheck.run.pipeline" in modules
    out = subprocess.run([sys.executable, "-c", PROBE, *modules], capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"{out.stdout.strip()} imports textual"


def test_the_probe_notices_textual():
    # The same probe on the review app must name it, or the test above proves nothing.
    out = subprocess.run([sys.executable, "-c", PROBE, "factcheck.tui.app"],
                         capture_output=True, text=True, timeout=300)
    assert out.stdout.strip() == "factcheck.tui.app"
