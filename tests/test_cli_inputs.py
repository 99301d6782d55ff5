"""Bad input through the real console script: one line naming the file, exit 2.

And what a user reads first: `--help` for every command describes every option.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli


def _write(rel: str, data: bytes | str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            p.write_bytes(data)
        else:
            p.write_text(data, encoding="utf-8")
    return make


def _both(*makers: Callable[[Path], None]) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        for m in makers:
            m(root)
    return make


def _empty_folder(root: Path) -> None:
    (root / "in").mkdir()


def _unreadable(root: Path) -> None:
    # Tests run as root, where permission bits do not stop a read; /proc/self/mem
    # refuses a plain read with an I/O error, which is what a failing disk gives.
    (root / "in").mkdir()
    (root / "in" / "broken.md").symlink_to("/proc/self/mem")


GOOD = json.dumps({"id": "a1", "text": "Ten people came."})

CASES = [
    # (id, setup, args, what the one line must say)
    ("missing-path", lambda root: None, ["nowhere/"], "nowhere/: no such file or folder"),
    ("empty-folder", _empty_folder, ["in"], "in: no articles here"),
    ("no-supported-files", _write("in/notes.docx", "x"), ["in"], "in: no articles here"),
    ("unsupported-file", _write("in/a.pdf", "x"), ["in/a.pdf"], "in/a.pdf: unsupported file type"),
    ("not-utf8", _write("in/a.txt", b"Caf\xe9 owners said 12.\n"), ["in/a.txt"],
     "in/a.txt:1: not UTF-8: byte 0xe9 at offset 3"),
    ("front-matter-unclosed", _write("in/a.md", "---\ntitle: x\nBody\n"), ["in/a.md"],
     "in/a.md:1: malformed front matter: no closing '---'"),
    ("front-matter-bad-yaml", _write("in/a.md", "---\ntitle: [unclosed\nsource: x\n---\nB\n"),
     ["in/a.md"], "in/a.md:"),
    ("front-matter-not-mapping", _write("in/a.md", "---\n- a\n- b\n---\nBody\n"), ["in/a.md"],
     "in/a.md:2: malformed front matter"),
    ("jsonl-not-json", _write("in/a.jsonl", GOOD + "\n{not json}\n"), ["in/a.jsonl"],
     "in/a.jsonl:2: not JSON"),
    ("jsonl-no-text", _write("in/a.jsonl", GOOD + "\n" + json.dumps({"id": "b"}) + "\n"),
     ["in/a.jsonl"], "in/a.jsonl:2: no 'text' field"),
    ("duplicate-id", _write("in/a.jsonl", GOOD + "\n" + GOOD + "\n"), ["in/a.jsonl"],
     "in/a.jsonl:2: duplicate article id 'a1' (first seen in in/a.jsonl:1)"),
    ("duplicate-id-across-files",
     _both(_write("in/a.jsonl", GOOD + "\n"), _write("in/b.jsonl", GOOD + "\n")), ["in"],
     "in/b.jsonl:1: duplicate article id 'a1'"),
    ("unreadable", _unreadable, ["in/broken.md"], "in/broken.md: cannot read"),
    ("bad-published", _write("in/a.jsonl", json.dumps({"id": "x", "text": "t",
                                                      "published": "soon"}) + "\n"),
     ["in/a.jsonl"], "in/a.jsonl:1: published: 'soon' is not an ISO 8601 date"),
]


@pytest.mark.parametrize(("setup", "args", "message"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
@pytest.mark.parametrize("command", ["extract", "check"])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, command: str, setup, args,
                                          message: str) -> None:
    setup(tmp_path)
    out = tmp_path / "out.parquet"
    extra = ["-o", str(out)] if command == "extract" else ["--output", str(tmp_path / "r.txt")]
    proc = run_cli(command, *args, *extra, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("factcheck: error: ")
    assert message in lines[0]
    assert "Traceback" not in proc.stderr
    # Nothing partial is written when the run fails.
    assert not out.exists() and not (tmp_path / "r.txt").exists()
    assert proc.stdout == ""


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    proc = run_cli("extract", "nowhere/", "--debug", cwd=tmp_path)
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr


def test_unknown_model_says_how_to_install(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ten people.\n", encoding="utf-8")
    proc = run_cli("extract", "a.txt", "--model", "no_such_model_xyz", cwd=tmp_path)
    assert proc.returncode == 2
    assert "no_such_model_xyz" in proc.stderr and "pip install" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def _options_of(parser) -> set[str]:
    return {s for a in parser._actions for s in a.option_strings if s.startswith("--")}


def _subparsers(parser):
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield name, sub
                for inner, subsub in _subparsers(sub):
                    yield f"{name} {inner}", subsub


def test_help_of_every_command_describes_every_option(tmp_path: Path) -> None:
    from factcheck.arguments import build_parser

    parser = build_parser()
    commands = dict(_subparsers(parser))
    assert {"extract", "check", "review", "rules", "store"} <= set(commands)
    for name, sub in [("", parser), *commands.items()]:
        proc = run_cli(*name.split(), "--help", cwd=tmp_path)
        assert proc.returncode == 0, name
        for action in sub._actions:
            if action.help == "==SUPPRESS==":
                continue
            assert action.help, f"{name or 'factcheck'}: {action.option_strings} has no help"
        for opt in _options_of(sub):
            assert opt in proc.stdout, f"'factcheck {name} --help' does not show {opt}"
