"""Errors a user can act on, and the exit codes every command shares."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2


class FactcheckError(Exception):
    """A problem with the user's input or setup.

    The CLI prints the message as one line and exits 2; the message names the
    file (and line, where there is one) and what is wrong.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(f"{where}{message}")


def shown_path(path: Path) -> str:
    """A file's name as a user would type it: relative to the working folder where possible."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
