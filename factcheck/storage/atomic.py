"""Writing files the user keeps so that a crash never leaves half a file.

What is at the path decides how it is written:
- nothing, or a regular file: a temporary file beside it, renamed over it when
  complete (atomic on POSIX), with the mode the user's umask gives a new file;
- a symlink: written *through* it, the same way, onto the file it points at,
  so the link stays a link;
- a device, a FIFO or a /proc file descriptor (``-o /dev/null``,
  ``-o /dev/stdout``): written *into*, never replaced, once the whole output
  is ready.

Temporary files and folders still open are kept in a registry so an
interrupted run (``interrupts.py``) removes them before it exits.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Temporary files and folders of writes in progress, removed on an interrupt.
_PENDING: set[Path] = set()


def umask() -> int:
    """The process's umask (read without a set-and-restore race where Linux allows)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode a new file gets from open(): 0o666 less the umask (0o644 under 022)."""
    return 0o666 & ~umask()


def folder_mode() -> int:
    return 0o777 & ~umask()


def written_in_place(path: str | Path) -> bool:
    """Whether `path` is something to write into rather than replace: an existing
    device, FIFO or socket, or a descriptor under /proc (/dev/stdout)."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode):
        return not stat.S_ISDIR(st.st_mode)
    return os.path.realpath(path).startswith("/proc/")


def target_of(path: str | Path) -> Path:
    """The file a write to `path` lands on: the end of its symlinks, else `path`."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def track(tmp: Path) -> None:
    _PENDING.add(tmp)


def untrack(tmp: Path) -> None:
    _PENDING.discard(tmp)


def remove_pending() -> None:
    """Remove every temporary file or folder of a write still in progress."""
    for tmp in list(_PENDING):
        if tmp.is_dir() and not tmp.is_symlink():
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            tmp.unlink(missing_ok=True)
        _PENDING.discard(tmp)


def temp_folder(parent: Path, prefix: str) -> Path:
    """A temporary folder in `parent` (tracked), with the umask's mode rather than
    mkdtemp's private 0700, since it is renamed into place as it is."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    track(tmp)
    tmp.chmod(folder_mode())
    return tmp


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it becomes `path` (see the module doc).

    On failure the temporary file is removed and `path` is left as it was.
    """
    in_place = written_in_place(path)
    target = target_of(path)
    folder = Path(tempfile.gettempdir()) if in_place else target.parent
    if not in_place:
        folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    track(tmp)
    try:
        yield tmp
        if in_place:
            with open(tmp, "rb") as src, open(path, "wb") as dst:
                shutil.copyfileobj(src, dst)
            tmp.unlink()
        else:
            tmp.chmod(file_mode())
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        untrack(tmp)


def write_text_atomic(path: str | Path, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
