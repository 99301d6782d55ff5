"""Loading and validating rule files (``rules/*.yaml``).

A rule file is a YAML mapping of *sections* (``qualifiers:``, ``currencies:``,
…), validated by the pydantic models in ``schema.py``. Files are read in
name order: default rules first, then each ``--rules DIR``. Mapping sections
merge key by key (a later file wins), list sections concatenate, settings
merge setting by setting over their defaults.

Every problem is reported as ``file:line: field: problem`` and exit 2: the
first pydantic error (in file order) is mapped back to its YAML node.
"""

from __future__ import annotations

import hashlib
import typing
from collections.abc import Iterable
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError
from pydantic_core import ErrorDetails
from typing_extensions import is_typeddict

from ..errors import FactcheckError, shown_path
from ..safe_yaml import YamlProblem, compose
from .schema import SECTIONS, RuleSet
from .settings import Settings


def default_rules_dir() -> Path:
    """The shipped rules: the repository's rules/ or, installed, factcheck/_rules."""
    package = Path(__file__).resolve().parent.parent
    checkout = package.parent / "rules"
    if checkout.is_dir() and any(checkout.glob("*.yaml")):
        return checkout
    return Path(str(resources.files("factcheck") / "_rules"))


class Rules(RuleSet):
    """The merged rules of a run, with the files they came from and a digest of
    their bytes (caches and datasets record which rules made them)."""

    files: list[str] = Field(default_factory=list, exclude=True)
    version: str = Field("", exclude=True)


def load_file(path: Path, shown: str | None = None) -> RuleSet:
    shown = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise FactcheckError("not UTF-8", path=shown) from None
    except OSError as exc:
        raise FactcheckError(f"cannot read: {exc.strerror}", path=shown) from None
    try:
        data, node = compose(text)
    except YamlProblem as exc:
        raise FactcheckError(f"bad YAML: {exc.problem}", path=shown, line=exc.line) from None
    if node is None:
        return RuleSet()
    if not isinstance(node, yaml.MappingNode):
        raise _error(shown, node, "(top)", "expected a mapping of sections")
    try:
        return RuleSet.model_validate(data)
    except ValidationError as exc:
        raise _problem(shown, node, exc.errors(include_url=False)) from None


def load_rules(dirs: Iterable[str | Path] = (), *, defaults: bool = True) -> Rules:
    """The default rules (unless `defaults` is false), then each folder in turn."""
    folders: list[Path] = [default_rules_dir()] if defaults else []
    for d in dirs:
        p = Path(d)
        if not p.exists():
            raise FactcheckError("no such rules folder", path=str(d))
        folders.append(p)
    merged: dict[str, Any] = {}
    files: list[str] = []
    digest = hashlib.blake2b(digest_size=8)
    for folder in folders:
        paths = [folder] if folder.is_file() else sorted(folder.glob("*.yaml"))
        for f in paths:
            shown = shown_path(f)
            got = load_file(f, shown)
            digest.update(f.read_bytes())
            files.append(shown)
            for name in sorted(got.model_fields_set, key=SECTIONS.index):
                merged[name] = _merge(merged.get(name), getattr(got, name))
    # Every value is validated already, file by file.
    return Rules.model_construct(**merged, files=files, version=digest.hexdigest())


def _merge(before: Any, value: Any) -> Any:
    if before is None:
        return value
    if isinstance(value, list):
        return [*before, *value]
    if isinstance(value, dict):
        return {**before, **value}
    given = {k: getattr(value, k) for k in value.model_fields_set}
    return before.model_copy(update=given)


# --- pydantic's errors as `file:line: field: problem` ---------------------------

def _error(shown: str, node: yaml.Node, where: str, problem: str) -> FactcheckError:
    return FactcheckError(f"{where}: {problem}", path=shown, line=node.start_mark.line + 1)


def _problem(shown: str, root: yaml.MappingNode, errors: list[ErrorDetails]) -> FactcheckError:
    """The first error in the file, with the line of its node."""
    found = [(_locate(root, e), e["type"] == "missing") for e in errors]
    # A key given is told before one missing from the same mapping (a misspelt key).
    (node, where, problem), _ = min(found, key=lambda f: (f[0][0].start_mark.index, f[1]))
    return _error(shown, node, where, problem)


def _locate(root: yaml.MappingNode, err: ErrorDetails) -> tuple[yaml.Node, str, str]:
    loc = [p for p in err["loc"] if p != "[key]"]
    node: yaml.Node = root
    key_node: yaml.Node | None = None
    hint: Any = RuleSet
    where = ""
    for part in loc:
        child = _child(node, part)
        where += (f"[{part}]" if isinstance(part, int) else
                  f".{part}" if where else str(part))
        if child is None:
            break
        key_node, node = child
        hint = _step(hint, part)
    kind = err["type"]
    value = err.get("input")
    if kind == "extra_forbidden":
        at = key_node or node
        parent = _step_all(RuleSet, loc[:-1])
        if parent is RuleSet:
            return at, where, "unknown section; expected one of " + ", ".join(sorted(SECTIONS))
        if isinstance(parent, type) and issubclass(parent, Settings):
            return at, where, ("unknown setting; expected one of "
                               + ", ".join(parent.model_fields))
        return at, where, "unknown key; expected " + ", ".join(sorted(_keys(parent)))
    if kind == "missing":
        return node, where, "required key is missing"
    if kind in ("finite_number", "greater_than_equal"):
        return node, where, f"expected a finite number, 0 or more, got {value!r}"
    if kind == "value_error":
        problem = str(err.get("ctx", {}).get("error", err["msg"]))
        # A problem about one entry starts with its key: point at that entry.
        key = problem.split(":", 1)[0]
        at = next((k for k, _ in getattr(node, "value", ()) if isinstance(k, yaml.Node)
                   and k.value == key), node)
        return at, where, problem
    expected = _describe(hint)
    if isinstance(node, yaml.ScalarNode) or not _is_container(hint):
        return node, where, f"expected {expected}, got {value!r}"
    return node, where, f"expected {expected}"


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if str(k.value) == str(part):
                return k, v
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) \
            and 0 <= part < len(node.value):
        return None, node.value[part]
    return None


def _unwrap(hint: Any) -> Any:
    while typing.get_origin(hint) in (typing.Annotated, typing.NotRequired, typing.Required):
        hint = typing.get_args(hint)[0]
    return hint


def _hints(cls: Any) -> dict[str, Any]:
    if isinstance(cls, type) and issubclass(cls, BaseModel):
        return {k: f.annotation for k, f in cls.model_fields.items()}
    return typing.get_type_hints(cls, include_extras=True)


def _keys(cls: Any) -> list[str]:
    return list(_hints(cls)) if _is_record(cls) else []


def _is_record(hint: Any) -> bool:
    return is_typeddict(hint) or (isinstance(hint, type) and issubclass(hint, BaseModel))


def _is_container(hint: Any) -> bool:
    hint = _unwrap(hint)
    return typing.get_origin(hint) in (list, dict) or _is_record(hint)


def _step(hint: Any, part: str | int) -> Any:
    hint = _unwrap(hint)
    origin = typing.get_origin(hint)
    if origin is list:
        return typing.get_args(hint)[0]
    if origin is dict:
        return typing.get_args(hint)[1]
    if _is_record(hint):
        return _hints(hint).get(str(part), Any)
    return Any


def _step_all(hint: Any, loc: list[str | int]) -> Any:
    for part in loc:
        hint = _step(hint, part)
    return _unwrap(hint)


def _describe(hint: Any) -> str:
    hint = _unwrap(hint)
    origin = typing.get_origin(hint)
    if origin is list:
        return f"a list of {_describe(typing.get_args(hint)[0])}"
    if origin is dict:
        return "a mapping"
    if origin is typing.Literal:
        return "one of " + ", ".join(map(str, typing.get_args(hint)))
    if isinstance(hint, type) and issubclass(hint, Enum):
        return "one of " + ", ".join(str(m.value) for m in hint)
    if _is_record(hint):
        return "a mapping with keys " + ", ".join(_keys(hint))
    return {str: "a string", int: "a whole number", float: "a number",
            bool: "true or false"}.get(hint, "a value")
