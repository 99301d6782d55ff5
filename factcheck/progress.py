"""Progress on stderr for long runs: shown on a terminal, silent otherwise."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


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
        # Articles differ in length; the ETA assumes the rest are like those done.
        new = done - base_done
        eta = (total - done) * elapsed / new if new else 0.0
        line = (f"extracting: {done:,}/{total:,} articles  {rate:,.0f} words/s  "
                f"elapsed {_clock(elapsed)}  ETA {_clock(eta)}")
        stream.write("\r" + line.ljust(width))
        width = len(line)
        if done >= total:
            stream.write("\n")
        stream.flush()

    return report
