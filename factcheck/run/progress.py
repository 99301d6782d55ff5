"""Progress on stderr for long runs: a redrawn line on a terminal, a plain
line every few seconds in a log (a long CI job is never silent)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _line(elapsed: float, done: int, total: int, rate: float, new: int) -> str:
    # Articles differ in length; the ETA assumes the rest are like those done.
    eta = (total - done) * elapsed / new if new else 0.0
    return (f"extracting: {done:,}/{total:,} articles  {rate:,.0f} words/s  "
            f"elapsed {_clock(elapsed)}  ETA {_clock(eta)}")


# Seconds between two plain lines in a log; FACTCHECK_PROGRESS_SECONDS changes it.
LOG_INTERVAL = 10.0


def progress_for(stream: TextIO, mode: str = "auto"):
    """The progress callback `--progress MODE` asks for, or None.

    auto: the redrawn line on a terminal, else a plain line every
    LOG_INTERVAL seconds (a short run prints none); always: plain lines off a
    terminal from the first article to the last; never: nothing.
    """
    if mode == "never":
        return None
    if stream.isatty():
        return terminal_progress(stream)
    try:
        interval = float(os.environ.get("FACTCHECK_PROGRESS_SECONDS", LOG_INTERVAL))
    except ValueError:
        interval = LOG_INTERVAL
    return log_progress(stream, interval, ends=mode == "always")


def log_progress(stream: TextIO, interval: float = LOG_INTERVAL, *, ends: bool = False,
                 clock: Callable[[], float] = time.monotonic):
    """A progress callback → a plain line every `interval` seconds, for logs.

    With `ends`, the first call (once the model is loaded) and the last
    article print a line too, so even a short run shows that it ran.
    """
    started: float | None = None
    base_done = base_words = 0
    last = 0.0

    def report(done: int, total: int, words: int) -> None:
        nonlocal started, base_done, base_words, last
        now = clock()
        first = started is None
        if first:
            started, base_done, base_words, last = now, done, words, now
        finished = done >= total
        due = now - last >= interval
        if not (due or (ends and (first or finished))):
            return
        last = now
        assert started is not None  # set on the first call
        elapsed = max(now - started, 1e-9)
        rate = (words - base_words) / elapsed
        stream.write(_line(elapsed, done, total, rate, done - base_done) + "\n")
        stream.flush()

    return report


def terminal_progress(
    stream: TextIO, min_interval: float = 0.2, clock: Callable[[], float] = time.monotonic
):
    """A progress callback (done, total, words) → one redrawn status line.

    Returns None when `stream` is not a terminal, so pipes and CI logs stay clean.
    Redraws at most every `min_interval` seconds (and always at the end). The
    clock starts at the first call, which engines make once the model is loaded
    and cached articles are counted, so the rate is that of the parsing itself.
    """
    if not stream.isatty():
        return None
    started: float | None = None
    base_done = base_words = 0
    last = 0.0
    width = 0

    def report(done: int, total: int, words: int) -> None:
        nonlocal started, base_done, base_words, last, width
        now = clock()
        if started is None:
            started, base_done, base_words = now, done, words
        elif done < total and now - last < min_interval:
            return
        last = now
        elapsed = max(now - started, 1e-9)
        rate = (words - base_words) / elapsed
        line = _line(elapsed, done, total, rate, done - base_done)
        stream.write("\r" + line.ljust(width))
        width = len(line)
        if done >= total:
            stream.write("\n")
        stream.flush()

    return report
