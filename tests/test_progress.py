"""Progress shows articles, words/s and ETA on a terminal, and nothing elsewhere."""

from __future__ import annotations

import io

import pytest

from factcheck.run.progress import terminal_progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_written_when_stderr_is_not_a_terminal() -> None:
    assert terminal_progress(io.StringIO()) is None


@pytest.mark.parametrize(
    ("steps", "expected_last"),
    [([(10.0, 1, 4, 1000)], "1/4 articles  100 words/s  elapsed 0:10  ETA 0:30"),
     ([(60.0, 2, 3, 6000), (90.0, 3, 3, 9000)],
      "3/3 articles  100 words/s  elapsed 1:30  ETA 0:00"),
     ([(3600.0, 1, 3, 36000)], "1/3 articles  10 words/s  elapsed 1:00:00  ETA 2:00:00")],
    ids=["first-article", "finished", "hours"],
)
def test_the_status_line_shows_counts_rate_and_eta(steps, expected_last) -> None:
    out, clock = Terminal(), Clock()
    report = terminal_progress(out, clock=clock)
    report(0, steps[0][2], 0)  # the engine's first call: model loaded, nothing parsed
    for at, done, total, words in steps:
        clock.now = 100.0 + at
        report(done, total, words)
    shown = out.getvalue().split("\r")[-1]
    assert shown.strip() == "extracting: " + expected_last
    assert out.getvalue().endswith("\n") == (steps[-1][1] == steps[-1][2])


def test_redraws_are_throttled_but_the_last_one_always_shows() -> None:
    out, clock = Terminal(), Clock()
    report = terminal_progress(out, min_interval=1.0, clock=clock)
    for i in range(1, 101):
        clock.now += 0.01
        report(i, 100, i * 10)
    assert out.getvalue().count("\r") == 2  # the first and the last
    assert "100/100 articles" in out.getvalue()


def test_articles_from_the_cache_do_not_inflate_the_rate() -> None:
    out, clock = Terminal(), Clock()
    report = terminal_progress(out, clock=clock)
    report(2, 4, 5000)  # two articles came from the cache
    clock.now += 10
    report(3, 4, 5100)
    assert out.getvalue().split("\r")[-1].strip() == (
        "extracting: 3/4 articles  10 words/s  elapsed 0:10  ETA 0:10")


def test_a_log_gets_a_plain_line_every_interval() -> None:
    from factcheck.run.progress import log_progress

    out, clock = io.StringIO(), Clock()
    report = log_progress(out, interval=10.0, clock=clock)
    report(0, 300, 0)
    for i, at in enumerate((4.0, 9.0, 10.5, 15.0, 21.0), 1):
        clock.now = 100.0 + at
        report(i * 50, 300, i * 50_000)
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue()
    assert lines == ["extracting: 150/300 articles  14,286 words/s  elapsed 0:10  ETA 0:10",
                     "extracting: 250/300 articles  11,905 words/s  elapsed 0:21  ETA 0:04"]


@pytest.mark.parametrize(("mode", "lines"), [("auto", 0), ("always", 2), ("never", 0)])
def test_progress_modes_off_a_terminal(mode, lines) -> None:
    from factcheck.run.progress import progress_for

    out = io.StringIO()
    report = progress_for(out, mode)
    if report is not None:  # a short run: under the interval from first to last
        report(0, 3, 0)
        report(3, 3, 900)
    assert len(out.getvalue().splitlines()) == lines


def test_check_with_stderr_to_a_file_shows_progress_lines(tmp_path, monkeypatch) -> None:
    from tests.conftest import SEEDS, run_cli

    # Every article due at once: what a long batch prints every ten seconds.
    monkeypatch.setenv("FACTCHECK_PROGRESS_SECONDS", "0")
    proc = run_cli("check", str(SEEDS), "--no-cache", "--jobs", "1", cwd=tmp_path)
    progress = [ln for ln in proc.stderr.splitlines() if ln.startswith("extracting: ")]
    assert [ln.split("  ")[0] for ln in progress] == [
        f"extracting: {i}/6 articles" for i in range(7)]
