"""Output paths checked before a run starts, and written without surprises.

A run that takes minutes must not fail at its end because ``-o`` names a folder,
a path under a file or a place nobody may write; and it must never replace what
the user did not mean to lose: an input of the same run, a device, a symlink
(``atomic.py`` writes through links and into devices).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import FactcheckError
from ..ingest.articles import expand
from .atomic import target_of, write_text_atomic, written_in_place


def _existing_ancestor(path: Path) -> Path:
    here = path.parent
    while not os.path.lexists(here) and here != here.parent:
        here = here.parent
    return here


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(path: str, inputs: Iterable[Path] = (), *, folder_ok: bool = False) -> None:
    """Fail now, with one line, if writing `path` at the end of the run cannot work
    or would replace an input. `folder_ok`: the output is a folder (a dataset)."""
    p = Path(path)
    if p.is_dir() and not folder_ok:
        raise FactcheckError("is a folder; name a file to write", path=path)
    if written_in_place(p):
        return  # a device, FIFO or descriptor: written into, nothing replaced
    target = target_of(p)
    for source in inputs:
        if _same_file(target, source) or (folder_ok and _inside(source, target)):
            raise FactcheckError("is an input of this run; write the output elsewhere",
                                 path=path)
    ancestor = _existing_ancestor(target)
    if not ancestor.is_dir():
        raise FactcheckError(f"cannot write: {ancestor} is not a folder", path=path)
    try:
        fd, probe = tempfile.mkstemp(prefix=".factcheck-probe-", dir=ancestor)
    except OSError as exc:
        raise FactcheckError(f"cannot write in {ancestor}: {exc.strerror}", path=path) from None
    os.close(fd)
    os.unlink(probe)


def _inside(source: Path, folder: Path) -> bool:
    try:
        return Path(os.path.realpath(source)).is_relative_to(os.path.realpath(folder))
    except OSError:
        return False


def check_outputs(outputs: Sequence[tuple[str | None, bool]], inputs: Iterable[Path]) -> None:
    """Check each (path, is_folder) output; two outputs on one path are refused too."""
    inputs = list(inputs)
    named = [path for path, _ in outputs if path]
    for i, path in enumerate(named):
        if any(_same_target(path, other) for other in named[:i]):
            raise FactcheckError("is named for two outputs; give each its own file", path=path)
    for given, folder in outputs:
        if given:
            check_output(given, inputs, folder_ok=folder)


def _same_target(a: str, b: str) -> bool:
    if written_in_place(a):
        return False  # two outputs into /dev/null are fine
    return os.path.realpath(a) == os.path.realpath(b)


def input_files(paths: Sequence[str], *extra: str | None) -> list[Path]:
    """The files a run reads from its arguments (folders and globs expanded) and
    `extra` files (a triage file), for the 'output is an input' check."""

    files = [p for p in expand(paths) if isinstance(p, Path)]
    files.extend(Path(e) for e in extra if e and os.path.exists(e))
    return files


def write_output(path: str, text: str) -> None:
    """Write a finished output; an I/O failure is one line naming the file."""
    try:
        write_text_atomic(path, text)
    except OSError as exc:
        raise FactcheckError(f"cannot write: {exc.strerror or exc}", path=path) from None
