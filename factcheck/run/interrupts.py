"""Ctrl-C and SIGTERM stop a run at once, at any --jobs.

``--jobs 2`` forks workers fed through multiprocessing queues (a pool in
``engines.py``; spaCy's ``nlp.pipe(n_process=N)`` alike). Letting
KeyboardInterrupt unwind through it hangs: its clean-up joins
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
import threading
import time
from types import FrameType

from ..storage.atomic import remove_pending

EXIT_CODES: dict[int, int] = {signal.SIGINT: 130, signal.SIGTERM: 143}
_PR_SET_PDEATHSIG = 1
_parent_pid: int | None = None
_hooked = False
_stopping = threading.Lock()
# (read, write) ends of the signal wakeup pipe while installed, and the fd before.
_wakeup: tuple[int, int, int] | None = None


def _stop(signum: int, frame: FrameType | None = None) -> None:
    if not _stopping.acquire(blocking=False):
        return  # the other path (handler or watcher) is already stopping the run
    # Whatever the main thread still prints (spaCy's warning about its killed
    # workers, an error from a broken pipe, half an output) goes nowhere: the
    # one line below is all a user reads.
    stderr = os.dup(2)
    sink = os.open(os.devnull, os.O_WRONLY)
    os.dup2(sink, 1)
    os.dup2(sink, 2)
    children = multiprocessing.active_children()
    for child in children:
        child.kill()
    for child in children:
        child.join(timeout=1)
    remove_pending()
    name = "interrupted" if signum == signal.SIGINT else "terminated"
    # End a progress line the terminal shows, so the message is a line of its own.
    line = ("\n" if os.isatty(stderr) else "") + f"factcheck: {name}\n"
    try:
        os.write(stderr, line.encode())
    except OSError:
        pass
    os._exit(EXIT_CODES.get(signum, 130))


def stopping() -> bool:
    """Whether a signal is stopping the run (the process exits in a moment)."""
    return _stopping.locked()


def _in_worker() -> None:
    """After a fork from a run (a worker): leave signals to the parent."""
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


def _watch(read_fd: int) -> None:
    """Stop the run as soon as a signal arrives, from this thread.

    Python runs signal handlers in the main thread only, between bytecodes;
    when the kernel delivers the signal to another thread (spaCy's queue
    feeder, Polars' pool), a main thread blocked in recv() waits for the next
    batch from a worker (seconds) before the handler runs. The wakeup fd is
    written at once, whichever thread took the signal."""
    while True:
        try:
            data = os.read(read_fd, 1)
        except OSError:
            return
        if not data:  # uninstalled: the write end is closed
            os.close(read_fd)
            return
        if data[0] in EXIT_CODES:
            _stop(data[0])


def install() -> None:
    """Handle SIGINT and SIGTERM for the rest of this process (a CLI run)."""
    global _parent_pid, _hooked, _wakeup
    _parent_pid = os.getpid()
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    read_fd, write_fd = os.pipe()
    os.set_blocking(write_fd, False)
    before = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    _wakeup = (read_fd, write_fd, before)
    threading.Thread(target=_watch, args=(read_fd,), name="factcheck-signals",
                     daemon=True).start()
    if not _hooked:  # a hook cannot be removed: it does nothing once uninstalled
        os.register_at_fork(after_in_child=_in_worker)
        _hooked = True


def uninstall() -> None:
    """Forks are no longer workers of a run (the caller restores the handlers)."""
    global _parent_pid, _wakeup
    while stopping():  # the watcher thread ends the process; do not return meanwhile
        time.sleep(0.1)
    _parent_pid = None
    if _wakeup is not None:
        _, write_fd, before = _wakeup
        signal.set_wakeup_fd(before)  # an event loop's own, if it had one
        os.close(write_fd)  # the watcher reads end-of-file and returns
        _wakeup = None
