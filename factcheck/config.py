"""Project configuration: defaults for command-line options, kept with the articles.

Where it is read from, first found wins, walking up from the working folder
(and stopping at a repository root):

1. ``.factcheck.toml`` (keys at the top level);
2. ``pyproject.toml``, table ``[tool.factcheck]``.

Keys are option names without the dashes (``fail-on = "error"``,
``rules = ["house-rules"]``). Precedence: the command line, then the
configuration, then the built-in defaults. Relative paths in the file are
relative to the file's folder. ``FACTCHECK_NO_CONFIG=1`` ignores all of it
(the test suite sets it so a developer's own settings cannot leak in).
"""

from __future__ import annotations

import argparse
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import FactcheckError, shown_path
from .report.selection import per_file_entries

# Options whose values are paths, resolved against the configuration's folder.
PATH_KEYS = {"rules", "triage", "against", "cache_dir", "report"}
# Options whose value in the file is a table rather than a string or a list.
TABLE_KEYS = {"per_file_ignores"}


@dataclass(frozen=True)
class Config:
    path: Path | None
    values: dict[str, Any]
    lines: dict[str, int]


def find_config(start: Path | None = None) -> Path | None:
    if os.environ.get("FACTCHECK_NO_CONFIG"):
        return None
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        dotfile = candidate / ".factcheck.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "[tool.factcheck" in pyproject.read_text(encoding="utf-8",
                                                                             errors="replace"):
            return pyproject
        if (candidate / ".git").exists():
            break
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config(None, {}, {})
    shown = shown_path(path)
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise FactcheckError(f"bad TOML: {exc}".split(" (at line")[0], path=shown,
                             line=int(line.group(1)) if line else None) from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("factcheck", {})
    lines: dict[str, int] = {}
    for i, raw in enumerate(text.splitlines(), 1):
        m = re.match(r"\s*([A-Za-z_-]+)\s*=", raw)
        if m:
            lines.setdefault(m.group(1).replace("-", "_"), i)
    values = {}
    for key, value in data.items():
        dest = key.replace("-", "_")
        if dest in PATH_KEYS:
            value = _resolve(value, path.parent)
        values[dest] = value
    return Config(path, values, lines)


def _resolve(value: Any, base: Path) -> Any:
    if isinstance(value, list):
        return [_resolve(v, base) for v in value]
    if isinstance(value, str) and not Path(value).is_absolute():
        return os.path.relpath(base / value)
    return value




def _where(config: Config, key: str) -> dict[str, Any]:
    """Where a setting stands, for an error message."""
    if config.path is None:
        return {}
    return {"path": shown_path(config.path), "line": config.lines.get(key)}


def _actions(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    return {a.dest: a for a in parser._actions if a.option_strings}


def _check(config: Config, key: str, value: Any, action: argparse.Action) -> Any:
    """The value as the option holds it, or an error naming file, line and setting."""
    where = _where(config, key)
    name = key.replace("_", "-")
    if key in TABLE_KEYS:
        # A table of glob → rule codes (ruff's per-file-ignores).
        ok = isinstance(value, dict) and all(
            isinstance(v, list) and all(isinstance(c, str) for c in v) for v in value.values())
        if not ok:
            raise FactcheckError(f"{name}: expected a table of glob = [rule codes], "
                                 f"got {value!r}", **where)

        return per_file_entries(value)
    if isinstance(action, argparse._StoreTrueAction):
        ok = isinstance(value, bool)
        expected = "true or false"
    elif isinstance(action, argparse._AppendAction):
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        expected = "a list of strings"
    elif action.type is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        expected = "a whole number"
    else:
        ok = isinstance(value, str)
        expected = "a string"
    if not ok:
        raise FactcheckError(f"{name}: expected {expected}, got {value!r}", **where)
    if action.choices is not None and value not in action.choices:
        raise FactcheckError(f"{name}: expected one of {', '.join(action.choices)}, "
                             f"got {value!r}", **where)
    return list(value) if isinstance(value, list) else value


def apply_config(config: Config, subparsers: dict[str, argparse.ArgumentParser]) -> None:
    """Make the configuration the defaults of every command that has the option."""
    if not config.values:
        return
    known: set[str] = set()
    for parser in subparsers.values():
        actions = _actions(parser)
        known |= set(actions)
        defaults = {}
        for key, value in config.values.items():
            if key in actions and key not in ("help", "debug"):
                defaults[key] = _check(config, key, value, actions[key])
        parser.set_defaults(**defaults)
    unknown = sorted(set(config.values) - known - {"help", "debug"})
    if unknown:
        key = unknown[0]
        where = _where(config, key)
        expected = ", ".join(sorted(k.replace("_", "-") for k in known - {"help", "debug"}))
        raise FactcheckError(f"{key.replace('_', '-')}: unknown setting; expected one of "
                             f"{expected}", **where)
