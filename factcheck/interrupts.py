"""Ctrl-C and SIGTERM stop a run at once, at any --jobs.

spaCy's ``nlp.pipe(n_process=N)`` forks workers fed through multiprocessing
queues. Letting KeyboardInterrupt unwind through it hangs: its clean-up joins
workers that were interrupted too, and the queue's feeder thread waits on a
pipe nobody reads (over a minute, measured). So a signal is handled here
instead: the parent kills its workers, removes the temporary files of writes
in progress (``atomic.remove_pending``), prints one line and exits 130
(SIGINT) or 143 (SIGTERM) without unwinding. Nothing half-written stays:
every output is written to a temporary file and renamed only when complete.

Workers ignore SIGINT (the terminal sends it to the whole process group; the
parent decides) and ask the kernel to kill them when their parent dies
(``PR_SET_PDEATHSIG``), so even ``kill -9`` of the parent leaves no worker.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from types import FrameType

EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}
_PR_SET_PDEATHSIG = 1
_parent_pid: int | None = None
_hooked = False


def _stop(signum: int, frame: FrameType | None) -> None:
    from .atomic import remove_pending

    # Ignore a second Ctrl-C while stopping: the first one is being handled.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    children = multiprocessing.active_children()
    for child in children:
        child.kill()
    for child in children:
        child.join(timeout=1)
    remove_pending()
    name = "interrupted" if signum == signal.SIGINT else "terminated"
    try:
        # End a progress line the terminal shows, so the message is a line of its own.
        sys.stderr.write(("\n" if sys.stderr.isatty() else "") + f"factcheck: {name}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(EXIT_CODES.get(signum, 130))


def _in_worker() -> None:
    """After a fork from a run (a spaCy worker): leave signals to the parent."""
    if _parent_pid is None or os.getpid() == _parent_pid:
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: no parent-death signal
        return
    if os.getppid() != _parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def install() -> None:
    """Handle SIGINT and SIGTERM for the rest of this process (a CLI run)."""
    global _parent_pid, _hooked
    _parent_pid = os.getpid()
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    if not _hooked:  # a hook cannot be removed: it does nothing once uninstalled
        os.register_at_fork(after_in_child=_in_worker)
        _hooked = True


def uninstall() -> None:
    """Forks are no longer workers of a run (the caller restores the handlers)."""
    global _parent_pid
    _parent_pid = None
