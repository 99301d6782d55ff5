"""Loading and validating rule files (``rules/*.yaml``).

A rule file is a YAML mapping of *sections* (``qualifiers:``, ``currencies:``,
…). The sections and the shape of each are declared in ``rule_schema.py``.
Files are read in name order: default rules first, then each ``--rules DIR``.
Map sections merge key by key (a later file wins), list sections concatenate.

Every problem is reported as ``file:line: field: problem`` and exit 2.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import FactcheckError, shown_path
from ..safe_yaml import YamlProblem, compose
from .schema import SECTIONS, Spec


def default_rules_dir() -> Path:
    """The shipped rules: the repository's rules/ or, installed, factcheck/_rules."""
    package = Path(__file__).resolve().parent.parent
    checkout = package.parent / "rules"
    if checkout.is_dir() and any(checkout.glob("*.yaml")):
        return checkout
    return Path(str(resources.files("factcheck") / "_rules"))


@dataclass
class Rules:
    data: dict[str, Any] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    version: str = ""

    def __getitem__(self, section: str) -> Any:
        if section in self.data:
            return self.data[section]
        spec = SECTIONS[section]
        return [] if spec.many == "list" else {}

    def get(self, section: str, default: Any = None) -> Any:
        return self.data.get(section, default)


def _describe(spec: Any) -> str:
    if isinstance(spec, str):
        return {"str": "a string", "int": "a whole number", "float": "a number",
                "bool": "true or false", "any": "a value"}[spec]
    if isinstance(spec, list):
        return f"a list of {_describe(spec[0])}"
    if isinstance(spec, tuple):
        return "one of " + ", ".join(map(str, spec))
    if isinstance(spec, dict) and "*" in spec:
        return "a mapping"
    return "a mapping with keys " + ", ".join(k.rstrip("?") for k in spec)


class _Checker:
    def __init__(self, path: str):
        self.path = path

    def fail(self, node: yaml.Node, where: str, problem: str) -> None:
        raise FactcheckError(f"{where}: {problem}", path=self.path, line=node.start_mark.line + 1)

    def check(self, node: yaml.Node, value: Any, spec: Any, where: str) -> None:
        if isinstance(spec, str):
            ok = {
                "str": isinstance(value, str),
                "int": isinstance(value, int) and not isinstance(value, bool),
                "float": isinstance(value, int | float) and not isinstance(value, bool),
                "bool": isinstance(value, bool),
                "any": True,
            }[spec]
            if spec == "float" and value is None:
                ok = False
            if not ok:
                self.fail(node, where, f"expected {_describe(spec)}, got {value!r}")
            if spec == "float" and not (math.isfinite(value) and value >= 0):
                # Every number setting is a size, weight, factor, rate or count:
                # nan would make each comparison false, a negative one turn it round.
                self.fail(node, where, f"expected a finite number, 0 or more, got {value!r}")
        elif isinstance(spec, tuple):
            if value not in spec:
                self.fail(node, where, f"expected {_describe(spec)}, got {value!r}")
        elif isinstance(spec, list):
            if not isinstance(node, yaml.SequenceNode):
                self.fail(node, where, f"expected {_describe(spec)}")
            for i, (child, item) in enumerate(zip(node.value, value, strict=True)):
                self.check(child, item, spec[0], f"{where}[{i}]")
        elif isinstance(spec, dict):
            if not isinstance(node, yaml.MappingNode):
                self.fail(node, where, f"expected {_describe(spec)}")
            if "*" in spec:
                for knode, vnode in node.value:
                    key = knode.value
                    self.check(vnode, value[_key(knode, value)], spec["*"], f"{where}.{key}")
                return
            allowed = {k.rstrip("?"): k for k in spec}
            present = set()
            for knode, vnode in node.value:
                key = knode.value
                if key not in allowed:
                    self.fail(knode, f"{where}.{key}",
                              "unknown key; expected " + ", ".join(sorted(allowed)))
                present.add(key)
                self.check(vnode, value[_key(knode, value)], spec[allowed[key]], f"{where}.{key}")
            for key, raw in allowed.items():
                if not raw.endswith("?") and key not in present:
                    self.fail(node, f"{where}.{key}", "required key is missing")


def _key(knode: yaml.Node, value: Mapping[Any, Any]) -> Any:
    """The constructed key for a key node (YAML may turn '1' into 1)."""
    if knode.value in value:
        return knode.value
    for k in value:
        if str(k) == knode.value:
            return k
    return knode.value


def load_file(path: Path, shown: str | None = None) -> dict[str, Any]:
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
        return {}
    checker = _Checker(shown)
    if not isinstance(node, yaml.MappingNode):
        checker.fail(node, "(top)", "expected a mapping of sections")
    for knode, vnode in node.value:
        name = knode.value
        section: Spec | None = SECTIONS.get(name)
        if section is None:
            checker.fail(knode, name, "unknown section; expected one of "
                         + ", ".join(sorted(SECTIONS)))
            continue
        value = data[name]
        if section.many == "list":
            checker.check(vnode, value, [section.entry], name)
        else:
            checker.check(vnode, value, {"*": section.entry}, name)
        if section.validate is not None:
            problem = section.validate(value)
            if problem:
                # A problem that starts with an entry's key points at that entry's line.
                key = problem.split(":", 1)[0]
                at = next((k for k, _ in getattr(vnode, "value", ()) if isinstance(k, yaml.Node)
                           and k.value == key), vnode)
                checker.fail(at, name, problem)
    return data




def load_rules(dirs: Iterable[str | Path] = (), *, defaults: bool = True) -> Rules:
    """The default rules (unless `defaults` is false), then each folder in turn."""
    folders: list[Path] = [default_rules_dir()] if defaults else []
    for d in dirs:
        p = Path(d)
        if not p.exists():
            raise FactcheckError("no such rules folder", path=str(d))
        folders.append(p)
    rules = Rules()
    digest = hashlib.blake2b(digest_size=8)
    for folder in folders:
        files = [folder] if folder.is_file() else sorted(folder.glob("*.yaml"))
        for f in files:
            shown = shown_path(f)
            data = load_file(f, shown)
            digest.update(f.read_bytes())
            rules.files.append(shown)
            for name, value in data.items():
                if SECTIONS[name].many == "list":
                    rules.data.setdefault(name, []).extend(value or [])
                else:
                    rules.data.setdefault(name, {}).update(value or {})
    rules.version = digest.hexdigest()
    return rules
