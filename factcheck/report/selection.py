"""Which rules a run reports: ruff's `select`, `extend-select`, `ignore` and
`per-file-ignores`, by code, code prefix (`FC1`, `FC20`), rule name
(`numeric-mismatch`) or `ALL`.

`select` replaces the set of rules (default: all), `extend-select` adds to
it, `ignore` takes away, and `per-file-ignores` takes rules away where a
finding is located (its first fact's file), matched by glob (`feeds/old/*`).
A more specific selector wins over a less specific one, as in ruff:
`select = ["FC1"]` with `ignore = ["FC1"]` reports nothing, but
`ignore = ["FC1"]` with `select = ["FC104"]` keeps FC104.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

import polars as pl

from ..errors import FactcheckError
from .findings import checks_of, located_in


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # (glob, rule selectors) pairs, in the order given.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())

    def empty(self) -> bool:
        return self == Selection()


def split_codes(values: Iterable[str] | None) -> tuple[str, ...]:
    """`["FC101,FC2", "FC3"]` → `("FC101", "FC2", "FC3")`, blanks dropped."""
    out: list[str] = []
    for v in values or ():
        out += [c.strip() for c in str(v).split(",") if c.strip()]
    return tuple(out)


def parse_per_file(values: Iterable[str] | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`["old/*:FC101,FC2"]` → `(("old/*", ("FC101", "FC2")),)`."""
    out = []
    for v in values or ():
        glob, sep, codes = str(v).rpartition(":")
        if not sep or not glob.strip() or not split_codes([codes]):
            raise FactcheckError(f"per-file-ignores: expected GLOB:CODE[,CODE…], got {v!r}")
        out.append((glob.strip(), split_codes([codes])))
    return tuple(out)


def per_file_entries(table: Mapping[str, Any]) -> list[str]:
    """A configuration table `{glob = [codes]}` in the command line's `GLOB:CODES` form."""
    return [f"{glob}:{','.join(codes)}" for glob, codes in table.items()]


def _specificity(selector: str, code: str, name: str) -> int | None:
    """How closely `selector` names the rule, or None if it does not match it."""
    s = selector.upper()
    if s == "ALL":
        return 0
    if selector == name or s == code.upper():
        return 100
    if code.upper().startswith(s):
        return len(s)
    return None


def _best(selectors: Sequence[str], code: str, name: str) -> int | None:
    found = [n for n in (_specificity(s, code, name) for s in selectors) if n is not None]
    return max(found) if found else None


def enabled(selection: Selection, code: str, name: str) -> bool:
    chosen = _best(selection.select, code, name) if selection.select else 0
    extra = _best(selection.extend_select, code, name)
    if extra is not None:
        chosen = max(chosen if chosen is not None else -1, extra)
    if chosen is None:
        return False
    dropped = _best(selection.ignore, code, name)
    return dropped is None or chosen > dropped


def check_known(selection: Selection, checks: Mapping[str, Any]) -> None:
    """Every selector names at least one rule: a typo must not silence the gate."""
    rules = [(code, str((c or {}).get("name", ""))) for code, c in checks.items()]
    named = [("select", s) for s in selection.select]
    named += [("extend-select", s) for s in selection.extend_select]
    named += [("ignore", s) for s in selection.ignore]
    named += [("per-file-ignores", s) for _, codes in selection.per_file_ignores for s in codes]
    for option, s in named:
        if not any(_specificity(s, code, name) is not None for code, name in rules):
            raise FactcheckError(f"{option}: no rule matches {s!r} "
                                 "(see 'factcheck rules list')")


def apply_selection(discrepancies: pl.DataFrame, selection: Selection,
                    checks: Mapping[str, Any], location: Mapping[str, str]) -> pl.DataFrame:
    """The discrepancies the selection keeps, order kept.

    `location`: discrepancy id → the path its first fact is in (where the
    finding is reported), for `per-file-ignores`.
    """
    if selection.empty():
        return discrepancies
    check_known(selection, checks)
    keep = []
    for d_id, code, name in discrepancies.select("id", "rule", "name").iter_rows():
        ok = enabled(selection, code or "", name or "")
        if ok and selection.per_file_ignores:
            path = location.get(d_id, "")
            for glob, codes in selection.per_file_ignores:
                if fnmatchcase(path, glob) and _best(codes, code or "", name or "") is not None:
                    ok = False
                    break
        keep.append(ok)
    return discrepancies.filter(pl.Series(keep, dtype=pl.Boolean()))


def select_findings(result: Any, selection: Selection) -> None:
    """Keep in `result` only the findings `selection` reports (check, baseline
    and review all go through here, so they agree on what is reported)."""
    if selection.empty():
        return
    checks = checks_of(result)
    check_known(selection, checks)
    result.discrepancies = apply_selection(result.discrepancies, selection, checks,
                                           located_in(result))
