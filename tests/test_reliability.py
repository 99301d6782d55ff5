"""Nothing lost, nothing hangs, no traceback (issue 18), through the real console script.

Each case asserts the exit code, one line on stderr, no traceback, and that no
file was replaced or lost. Interrupts run in tmux (Ctrl-C to the process group,
as a terminal sends it) and with signals; concurrent store writers run as two
real processes.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import test_tui_tmux as tmux_support
from tests.conftest import SCRIPT, run_cli

# Two short stories of my own: the first pair disagree about a count.
HARBOUR_A = ("---\ntitle: Boats leave the harbour\nsource: North Post\n---\n"
             "The harbour master said 14 boats left on Monday before the storm.\n")
HARBOUR_B = ("---\ntitle: Boats leave the harbour\nsource: South Herald\n---\n"
             "The harbour master said 41 boats left on Monday before the storm.\n")


def _articles(root: Path) -> Path:
    folder = root / "in"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.md").write_text(HARBOUR_A, encoding="utf-8")
    (folder / "b.md").write_text(HARBOUR_B, encoding="utf-8")
    return folder


def _snapshot(root: Path) -> dict[str, tuple[int, bytes | str]]:
    """Every entry under `root`: its kind (mode) and bytes, or its link target."""
    out: dict[str, tuple[int, bytes | str]] = {}
    for p in sorted(root.rglob("*")):
        st = os.lstat(p)
        if stat.S_ISLNK(st.st_mode):
            out[p.relative_to(root).as_posix()] = (stat.S_IFMT(st.st_mode), os.readlink(p))
        elif stat.S_ISREG(st.st_mode):
            out[p.relative_to(root).as_posix()] = (stat.S_IFMT(st.st_mode), p.read_bytes())
        else:
            out[p.relative_to(root).as_posix()] = (stat.S_IFMT(st.st_mode), b"")
    return out


def _one_error_line(proc: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("factcheck: "), lines[0]
    return lines[0]


# --- output paths: checked before the run, never replacing what is there -------------

def _file_parent(root: Path) -> str:
    (root / "plain").write_text("a file, not a folder\n")
    return "plain/out.txt"


def _folder(root: Path) -> str:
    (root / "reports").mkdir()
    return "reports"


OUTPUT_CASES: list[tuple[str, list[str], Callable[[Path], str] | None, str]] = [
    # (id, command and options before the path, setup giving the path, the line says)
    ("output-is-an-input", ["check", "in", "-o"], lambda root: "in/a.md",
     "in/a.md: is an input of this run"),
    ("report-is-an-input", ["check", "in", "--report"], lambda root: "in/b.md",
     "in/b.md: is an input of this run"),
    ("extract-onto-its-input", ["extract", "in/feed.jsonl", "-o"],
     lambda root: "in/feed.jsonl", "in/feed.jsonl: is an input of this run"),
    ("output-is-a-folder", ["check", "in", "-o"], _folder, "reports: is a folder"),
    ("parent-is-a-file", ["check", "in", "-o"], _file_parent, "plain is not a folder"),
    # /proc takes no new files, even from root (the tests may run as root, where
    # permission bits do not stop a write).
    ("folder-not-writable", ["check", "in", "-o"], lambda root: "/proc/factcheck-out.txt",
     "cannot write in /proc"),
    ("two-outputs-one-file", ["check", "in", "-o", "same.md", "--report"],
     lambda root: "same.md", "same.md: is named for two outputs"),
]


@pytest.mark.parametrize(("args", "setup", "message"), [c[1:] for c in OUTPUT_CASES],
                         ids=[c[0] for c in OUTPUT_CASES])
def test_a_bad_output_path_fails_before_the_run(tmp_path: Path, args, setup, message) -> None:
    _articles(tmp_path)
    (tmp_path / "in" / "feed.jsonl").write_text(
        json.dumps({"id": "f1", "text": "Nine boats left."}) + "\n")
    path = setup(tmp_path)
    before = _snapshot(tmp_path)
    # A model that cannot load: the output is refused before any model is needed.
    proc = run_cli(*args, path, "--model", "no_such_model_xyz", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    line = _one_error_line(proc)
    assert line.startswith("factcheck: error: ") and message in line, line
    assert _snapshot(tmp_path) == before  # nothing replaced, nothing left


def _check(root: Path, *args: str, umask: int | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ}
    return subprocess.run([str(SCRIPT), "check", "in", "--jobs", "1", *args], cwd=root,
                          capture_output=True, text=True, env=env, timeout=300,
                          preexec_fn=None if umask is None else (lambda: os.umask(umask)))


def test_output_into_a_device_keeps_the_device(tmp_path: Path) -> None:
    _articles(tmp_path)
    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of our own
    except PermissionError:
        pytest.skip("mknod needs root")
    proc = _check(tmp_path, "-o", "null", "--report", "null")
    assert proc.returncode == 1, proc.stderr
    assert stat.S_ISCHR(os.lstat(node).st_mode) and os.major(os.lstat(node).st_rdev) == 1
    assert "Traceback" not in proc.stderr


def test_a_full_disk_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """A device of our own that answers every write with ENOSPC, as /dev/full does."""
    _articles(tmp_path)
    try:
        os.mknod(tmp_path / "full", 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("mknod needs root")
    proc = _check(tmp_path, "-o", "full")
    assert proc.returncode == 2, proc.stderr
    assert "full: cannot write: No space left on device" in _one_error_line(proc)
    assert stat.S_ISCHR(os.lstat(tmp_path / "full").st_mode)


def test_output_to_dev_stdout_goes_to_stdout(tmp_path: Path) -> None:
    _articles(tmp_path)
    proc = _check(tmp_path, "-o", "/dev/stdout", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["summary"]["discrepancies"] >= 1
    assert os.path.islink("/dev/stdout")


def test_output_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    _articles(tmp_path)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "real.txt").write_text("old\n")
    (tmp_path / "latest.txt").symlink_to("reports/real.txt")
    proc = _check(tmp_path, "-o", "latest.txt")
    assert proc.returncode == 1, proc.stderr
    assert os.readlink(tmp_path / "latest.txt") == "reports/real.txt"
    assert "FC1" in (tmp_path / "reports" / "real.txt").read_text()
    assert not list((tmp_path / "reports").glob(".*.tmp"))


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_written_files_take_the_umask(tmp_path: Path, mask: int, mode: int) -> None:
    _articles(tmp_path)
    proc = _check(tmp_path, "-o", "out/report.txt", "--report", "out/report.md", umask=mask)
    assert proc.returncode == 1, proc.stderr
    for name in ("report.txt", "report.md"):
        assert stat.S_IMODE((tmp_path / "out" / name).stat().st_mode) == mode, name


# --- exit codes: a crash is 2 with one line, never 1 ----------------------------------

def test_an_internal_error_is_exit_2_with_one_line(tmp_path, monkeypatch, capsys) -> None:
    from factcheck import cli

    def broken(args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(cli.COMMANDS, "check", broken)
    assert cli.main(["check", "in", "--exit-zero"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "a bug in factcheck" in err and "--debug" in err and "ZeroDivisionError" in err
    with pytest.raises(ZeroDivisionError):
        cli.main(["check", "in", "--debug"])


def test_jobs_beyond_the_cores_are_capped_and_said(tmp_path: Path) -> None:
    _articles(tmp_path)
    proc = run_cli("check", "in", "--jobs", "10000", "--exit-zero", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "--jobs 10000 capped at" in proc.stderr
    assert "Traceback" not in proc.stderr


# --- hostile input: one line, exit 2, nothing written ---------------------------------

def _write(rel: str, data: bytes | str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode() if isinstance(data, str) else data)
    return make


def _laughs(levels: int = 9) -> str:
    """Front matter of nested aliases: nine levels of nine expand to ~400 million."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def _checks_rule(message: str) -> str:
    return ("checks:\n  FC901:\n    name: my-check\n    severity: warning\n"
            f"    message: {json.dumps(message)}\n    what: a\n    why: b\n    example: c\n"
            "    fix: d\n")


RECORD = {"id": "r1", "text": "Nine boats left the harbour."}

HOSTILE_CASES: list[tuple[str, Callable[[Path], None], list[str], str]] = [
    # (id, setup, arguments, what the one line says)
    ("json-nested-100000-deep",
     _write("in/feed.jsonl", '{"id": "d", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000
            + "}\n"), ["extract", "in/feed.jsonl"], "in/feed.jsonl:1: not an article record: "
     "JSON nested too deeply"),
    ("json-integer-5000-digits",
     _write("in/feed.jsonl", '{"id": "d", "text": "x", "n": ' + "7" * 5000 + "}\n"),
     ["extract", "in/feed.jsonl"], "in/feed.jsonl:1: not an article record: a number of more "
     "than 4,300 digits"),
    ("front-matter-alias-bomb", _write("in/a.md", "---\n" + _laughs() + "---\nBody.\n"),
     ["extract", "in/a.md"], "in/a.md:1: malformed front matter: expands to more than"),
    ("front-matter-duplicate-key",
     _write("in/a.md", "---\nsource: North Post\nsource: South Herald\n---\nBody.\n"),
     ["extract", "in/a.md"], "in/a.md:3: malformed front matter: duplicate key 'source' "
     "(first on line 2)"),
    ("link-to-dev-zero-named-on-the-command-line",
     lambda root: (root / "zero.md").symlink_to("/dev/zero"), ["extract", "zero.md"],
     "zero.md: longer than 10,000,000 characters"),
    ("article-over-the-size-limit", _write("in/a.txt", "Nine boats left the harbour.\n"),
     ["extract", "in/a.txt", "--max-article-chars", "10"], "in/a.txt: longer than 10 "
     "characters, the limit for one article (--max-article-chars)"),
    ("record-over-the-size-limit", _write("in/feed.jsonl", json.dumps(RECORD) + "\n"),
     ["extract", "in/feed.jsonl", "--max-article-chars", "10"], "in/feed.jsonl:1: longer "
     "than 10 characters"),
    ("triage-file-in-latin-1",
     _write("in/triage.json", b'{"schema": "factcheck.triage/1", "decisions": {"x": '
            b'{"state": "dismissed", "note": "caf\xe9"}}}'),
     ["check", "in/triage.json", "--triage", "in/triage.json"],
     "in/triage.json: the triage file is not UTF-8"),
    ("rule-template-bad-format-spec", _write("r/checks.yaml", _checks_rule("{ratio:d} apart")),
     ["rules", "check", "r"], "r/checks.yaml:2: checks: FC901: message: cannot be filled in"),
    ("rule-template-huge-padding",
     _write("r/checks.yaml", _checks_rule("{source:>300000000}")), ["rules", "check", "r"],
     "r/checks.yaml:2: checks: FC901: message: renders longer than 1,000 characters"),
    ("rule-nan-tolerance", _write("r/t.yaml", "tolerances:\n  count:\n    relative: .nan\n"),
     ["rules", "check", "r"], "r/t.yaml:3: tolerances.count.relative: expected a finite "
     "number, 0 or more, got nan"),
    ("rule-negative-threshold", _write("r/t.yaml", "alignment:\n  threshold: -0.5\n"),
     ["rules", "check", "r"], "r/t.yaml:2: alignment.threshold: expected a finite number, "
     "0 or more, got -0.5"),
    ("rule-duplicate-key",
     _write("r/t.yaml", "tolerances:\n  count:\n    relative: 0.1\n  count:\n"
            "    absolute: 1\n"), ["rules", "check", "r"],
     "r/t.yaml:4: bad YAML: duplicate key 'count' (first on line 2)"),
    ("rule-alias-bomb", _write("r/t.yaml", _laughs()), ["rules", "check", "r"],
     "r/t.yaml: bad YAML: expands to more than"),
]


@pytest.mark.parametrize(("setup", "args", "message"), [c[1:] for c in HOSTILE_CASES],
                         ids=[c[0] for c in HOSTILE_CASES])
def test_hostile_input_is_one_line_and_exit_2(tmp_path: Path, setup, args, message) -> None:
    setup(tmp_path)
    before = _snapshot(tmp_path)
    out = ["-o", "out.jsonl"] if args[0] == "extract" else []
    start = time.monotonic()
    proc = run_cli(*args, *out, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    line = _one_error_line(proc)
    assert line.startswith("factcheck: error: ") and message in line, line
    assert time.monotonic() - start < 60
    assert _snapshot(tmp_path) == before


def test_latin_1_on_standard_input_is_one_line(tmp_path: Path) -> None:
    feed = json.dumps({"id": "s1", "text": "Nine boats left."}).encode() + b"\n"
    feed += b'{"id": "s2", "text": "Caf\xe9 owners counted 12 tables."}\n'
    proc = subprocess.run([str(SCRIPT), "extract", "-", "-o", "out.jsonl"], cwd=tmp_path,
                          input=feed, capture_output=True, timeout=120)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert err.strip().splitlines() == [
        "factcheck: error: <stdin>:2: not UTF-8: byte 0xe9 at column 26; re-save the feed as "
        "UTF-8"]
    assert not (tmp_path / "out.jsonl").exists()


def test_a_folder_walk_reads_regular_files_only(tmp_path: Path) -> None:
    """A FIFO named .txt would block the run forever; a link to /dev/zero would
    fill memory. Neither is an article: the walk passes them over."""
    _articles(tmp_path)
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    (tmp_path / "in" / "zero.txt").symlink_to("/dev/zero")
    proc = run_cli("extract", "in", "-o", "facts.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    read = {json.loads(line)["article"] for line in (tmp_path / "facts.jsonl").open()}
    assert read == {"in/a.md", "in/b.md"}


def test_a_broken_cache_entry_is_a_miss_not_a_crash(tmp_path: Path) -> None:
    _articles(tmp_path)
    cache = tmp_path / "cache"
    args = ["check", "in", "--cache-dir", str(cache), "--format", "json", "--jobs", "1"]
    first = run_cli(*args, cwd=tmp_path)
    entries = list(cache.rglob("*.json"))
    assert first.returncode == 1 and len(entries) == 2, first.stderr
    for entry in entries:  # every row's offsets and value of the wrong type
        data = json.loads(entry.read_text())
        for row in data["rows"]:
            row.update(start=str(row["start"]), value="many")
        entry.write_text(json.dumps(data))
    again = run_cli(*args, cwd=tmp_path)
    assert again.returncode == 1, again.stderr
    assert "Traceback" not in again.stderr
    assert json.loads(again.stdout)["discrepancies"] == json.loads(first.stdout)["discrepancies"]


def test_a_newline_in_an_id_or_source_cannot_start_a_line(tmp_path: Path) -> None:
    """An id or source with a newline and a workflow command after it: in text and
    GitHub output it stays inside its own line, escaped."""
    records = [{"id": "a\n::error file=x::injected", "source": "North\n::warning::x\x1b[2J",
                "text": "The harbour master said 14 boats left on Monday.", "story": "s"},
               {"id": "b", "source": "South Herald", "story": "s",
                "text": "The harbour master said 41 boats left on Monday."}]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    for fmt in ("text", "github"):
        proc = run_cli("check", "feed.jsonl", "--format", fmt, "--jobs", "1", cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr
        lines = proc.stdout.splitlines()
        assert lines, fmt
        assert not any(line.startswith(("::error file=x", "::warning::x")) for line in lines)
        assert "\x1b" not in proc.stdout, fmt
        if fmt == "github":
            assert all(line.startswith("::") for line in lines)


# --- long articles --------------------------------------------------------------------

def test_an_article_over_spacys_limit_is_read_whole_with_exact_offsets(tmp_path: Path) -> None:
    """Over 1,000,000 characters (spaCy's max_length): parsed in pieces, the fact at
    the end at its offset in the whole text, on its line."""
    head = "The mayor said 12 boats sailed on Monday.\n\n"
    tail = "At the very end the harbour master said 77 lanterns were lit.\n"
    text = head + "\n" * 1_000_000 + tail
    (tmp_path / "long.txt").write_text(text)
    proc = run_cli("extract", "long.txt", "--no-cache", "-o", "facts.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = {r["text"]: r for r in map(json.loads, (tmp_path / "facts.jsonl").open())}
    last = rows["77 lanterns"]
    assert last["start"] == text.index("77 lanterns") and last["end"] == last["start"] + 11
    assert last["line"] == text.count("\n", 0, last["start"]) + 1
    assert rows["12 boats"]["start"] == text.index("12 boats")


def test_pieces_give_the_facts_of_the_whole(nlp, rules, monkeypatch) -> None:
    """The same facts (offsets, values) from an article parsed whole and in pieces."""
    from factcheck.model import Article
    from factcheck.run import engines

    paragraphs = [f"Officials in district {i} said {i + 3} schools closed and "
                  f"{(i + 1) * 40} pupils stayed home on Friday." for i in range(40)]
    text = "\n\n".join(paragraphs) + "\n"
    article = Article(id="a", path="a", source="s", title="t", published=None, url="",
                      story=None, text=text)

    def facts() -> list[tuple]:
        [(_, rows)] = list(engines.pipe_articles(nlp, [article], rules, batch_size=16))
        return sorted((r["start"], r["end"], r["kind"], r.get("value")) for r in rows)

    whole = facts()
    monkeypatch.setattr(engines, "PIECE_CHARS", 500)
    assert len(engines.pieces(text, 500)) >= 8
    assert facts() == whole
    assert all(text[s:e] for s, e, _, _ in whole)


def test_a_long_article_never_hands_spacy_more_than_one_article_per_batch(
        nlp, rules, monkeypatch) -> None:
    """spaCy's memory grows with the characters of a batch: pieces of a long
    article are sized so a batch of them is no bigger than one article parsed
    whole (PIECE_CHARS), however long the article."""
    from factcheck.ingest.articles import Article
    from factcheck.run import engines

    sentence = "The port said 14 cranes and 230 dockers worked the night shift.\n\n"
    text = sentence * 400  # ~27,000 characters
    article = Article(id="a", path="a", source="s", title="t", published=None, url="",
                      story=None, text=text)
    monkeypatch.setattr(engines, "PIECE_CHARS", 4_000)
    batches: list[int] = []
    real_pipe = nlp.pipe

    def counting_pipe(items, *, as_tuples=False, batch_size=None, **kwargs):
        if as_tuples:  # factcheck's call; spaCy calls pipe again on the bare texts
            items = list(items)
            for at in range(0, len(items), batch_size):
                batches.append(sum(len(t) for t, _ in items[at:at + batch_size]))
        return real_pipe(items, as_tuples=as_tuples, batch_size=batch_size, **kwargs)

    monkeypatch.setattr(nlp, "pipe", counting_pipe)
    [(_, rows)] = list(engines.pipe_articles(nlp, [article], rules, batch_size=4))
    assert len(batches) > 1 and max(batches) <= 4_000
    assert sum(text[r["start"]:r["end"]] == "230 dockers" for r in rows) == 400


def test_pieces_cut_at_paragraphs_then_sentences() -> None:
    from factcheck.run.engines import pieces

    text = "One two three. Four five six.\n\nSeven eight nine. Ten eleven twelve."
    parts = pieces(text, 40)
    assert "".join(p for _, p in parts) == text
    assert [o for o, _ in parts] == [0, text.index("Seven")]
    parts = pieces("a" * 95, 40)  # no place to cut: hard cuts, nothing lost
    assert [len(p) for _, p in parts] == [40, 40, 15]


# --- interrupts -----------------------------------------------------------------------

def _big_batch(root: Path) -> Path:
    """Enough words (~60,000) that --jobs 2 runs two spaCy workers."""
    text = ("The council said 12 people were hurt when a bus hit a wall on Main Street. "
            "Officials counted 40 cars and three vans near the depot on Tuesday. ") * 25
    path = root / "big.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(200):
            fh.write(json.dumps({"id": f"n{i}", "text": text}) + "\n")
    return path


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        alive.append(pid)
    return alive


def _wait_for_workers(pid: int, n: int = 2, timeout: float = 120) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kids = _children(pid)
        if len(kids) >= n:
            time.sleep(1.0)  # let them start parsing
            return kids
        time.sleep(0.1)
    raise AssertionError("the spaCy workers never started")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_ctrl_c_at_jobs_2_stops_everything_within_2_seconds(tmp_path: Path) -> None:
    _big_batch(tmp_path)
    done = tmp_path / "exit-code"
    command = (f"cd {shlex.quote(str(tmp_path))} && {shlex.quote(str(SCRIPT))} check big.jsonl "
               "--jobs 2 --no-cache --format json -o out.json 2>err.txt; "
               f"echo $? > {shlex.quote(str(done))}; sleep 600")
    term = tmux_support.Tmux(command)
    try:
        shell = int(term.show("pane_pid"))
        deadline = time.monotonic() + 60
        while not _children(shell) and time.monotonic() < deadline:
            time.sleep(0.1)
        parent = _children(shell)[0]
        workers = _wait_for_workers(parent)
        term.keys("C-c")
        start = time.monotonic()
        while not done.exists() or not done.read_text().strip():
            assert time.monotonic() - start < 10, "still running 10 s after Ctrl-C"
            time.sleep(0.05)
        took = time.monotonic() - start
    finally:
        term.close()
    assert done.read_text().strip() == "130"
    assert took < 2.0, f"took {took:.1f} s to stop"
    assert _alive([parent, *workers]) == []
    err = (tmp_path / "err.txt").read_text()
    assert err.strip().splitlines() == ["factcheck: interrupted"]  # and nothing else
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jsonl", "err.txt", "exit-code"]


@pytest.mark.slow
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGKILL, -9)])
def test_a_signal_at_jobs_2_leaves_no_process(tmp_path: Path, sig, code) -> None:
    _big_batch(tmp_path)
    proc = subprocess.Popen([str(SCRIPT), "check", "big.jsonl", "--jobs", "2", "--no-cache",
                             "-o", "out.json"], cwd=tmp_path, stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True)
    try:
        workers = _wait_for_workers(proc.pid)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == code
    deadline = time.monotonic() + 5  # a worker killed by its parent's death takes a moment
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _alive(workers) == [], "workers outlived their parent"
    assert "Traceback" not in err
    if sig == signal.SIGTERM:
        assert err.strip().splitlines() == ["factcheck: terminated"]
    assert not (tmp_path / "out.json").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


# --- the store: one writer at a time --------------------------------------------------

def _store_articles(root: Path, n: int, tag: str) -> list[str]:
    names = []
    for i in range(n):
        p = root / f"{tag}{i}.txt"
        p.write_text(f"The ferry company said {i + 2} crossings were cancelled on Friday.\n")
        names.append(p.name)
    return names


def test_two_store_adds_at_once_keep_every_article(tmp_path: Path) -> None:
    first = _store_articles(tmp_path, 3, "a")
    second = _store_articles(tmp_path, 3, "b")
    procs = [subprocess.Popen([str(SCRIPT), "store", "add", *names, "--store", "st",
                               "--jobs", "1", "--wait", "240"], cwd=tmp_path,
                              stderr=subprocess.PIPE, text=True)
             for names in (first, second)]
    errs = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errs
    assert any("waiting for another writer" in e for e in errs), errs
    from factcheck.storage.store import Store

    articles, facts = Store(tmp_path / "st").load()
    assert sorted(a.id for a in articles) == sorted(first + second)
    assert set(facts["article"].to_list()) == set(first + second)


def test_a_second_writer_fails_fast_or_waits_then_fails(tmp_path: Path) -> None:
    from factcheck.storage.store import writer_lock

    names = _store_articles(tmp_path, 1, "c")
    with writer_lock(tmp_path / "st"):
        proc = run_cli("store", "add", *names, "--store", "st", cwd=tmp_path)
        assert proc.returncode == 2
        line = _one_error_line(proc)
        assert f"another writer (pid {os.getpid()})" in line and "--wait" in line
        start = time.monotonic()
        proc = run_cli("store", "add", *names, "--store", "st", "--wait", "1", cwd=tmp_path)
        assert proc.returncode == 2 and time.monotonic() - start >= 1
        assert "waiting for another writer" in proc.stderr
        assert "Traceback" not in proc.stderr
    assert not (tmp_path / "st" / "manifest.json").exists()


def test_a_killed_writers_leftovers_are_cleaned_by_the_next(tmp_path: Path) -> None:
    names = _store_articles(tmp_path, 1, "d")
    root = tmp_path / "st"
    (root / "parts" / "p-0000000000000000").mkdir(parents=True)
    (root / ".tmp-left").mkdir()
    (root / ".manifest.json.x1.tmp").write_text("{")
    proc = run_cli("store", "add", *names, "--store", "st", "--jobs", "1", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    left = {p.name for p in root.iterdir()} | {p.name for p in (root / "parts").iterdir()}
    assert "p-0000000000000000" not in left and ".tmp-left" not in left
    assert ".manifest.json.x1.tmp" not in left
    assert stat.S_IMODE(next((root / "parts").iterdir()).stat().st_mode) == 0o777 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_a_reader_whose_parts_were_swept_reads_the_new_manifest(tmp_path: Path) -> None:
    """A reader opened the store, then a writer replaced an article (its old part
    swept): the reader still loads a whole store, the new one."""
    import dataclasses

    from factcheck.storage.store import Store
    from tests.report_support import synthetic_result

    r = synthetic_result()
    for a in r.articles:  # a part each, so the edit below leaves the first part unused
        Store(tmp_path).add([a], r.facts)
    reader = Store(tmp_path)
    first_part = tmp_path / "parts" / reader.articles[r.articles[0].id]["part"]
    edited = dataclasses.replace(r.articles[0], text=r.articles[0].text + "\nLater.\n")
    Store(tmp_path).add([edited], r.facts.filter(r.facts["article"] == edited.id))
    assert not first_part.exists()  # swept by the writer
    articles, facts = reader.load()
    assert {a.id: a.text for a in articles}[edited.id] == edited.text
    assert sorted(a.id for a in articles) == sorted(a.id for a in r.articles)


def test_a_manifest_entry_without_a_part_is_one_line(tmp_path: Path) -> None:
    names = _store_articles(tmp_path, 1, "e")
    root = tmp_path / "st"
    root.mkdir()
    (root / "manifest.json").write_text(json.dumps(
        {"schema": "factcheck.store/1", "articles": {"x.txt": {"hash": "00"}}}))
    manifest = (root / "manifest.json").read_bytes()
    for args in (["store", "add", *names, "--store", "st"],
                 ["check", *names, "--against", "st"]):
        proc = run_cli(*args, cwd=tmp_path)
        assert proc.returncode == 2, proc.stderr
        assert "entry 'x.txt' needs a 'hash' and a 'part'" in _one_error_line(proc)
    assert (root / "manifest.json").read_bytes() == manifest


if sys.platform != "linux":  # pragma: no cover - /proc, mknod and prctl are Linux's
    pytestmark = pytest.mark.skip(reason="Linux only")
