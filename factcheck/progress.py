"""Progress on stderr for long runs: shown on a terminal, silent otherwise."""

from __future__ import annotations

import time
from typing import TextIO


def terminal_progress(stream: TextIO, min_interval: float = 0.2):
    """A progress callback (done, total, words) → one redrawn status line.

    Returns None when `stream` is not a terminal, so pipes and CI logs stay clean.
    """
    if not stream.isatty():
        return None
    started = time.monotonic()
    last = 0.0

    def report(done: int, total: int, words: int) -> None:
        nonlocal last
        now = time.monotonic()
        if done < total and now - last < min_interval:
            return
        last = now
        elapsed = max(now - started, 1e-9)
        rate = words / elapsed
        eta = (total - done) * elapsed / done if done else 0.0
        line = (f"\rextracting: {done}/{total} articles  {rate:,.0f} words/s  "
                f"ETA {eta:,.0f}s ")
        stream.write(line)
        if done >= total:
            stream.write("\n")
        stream.flush()

    return report
