"""The triage file: a reviewed decision per discrepancy fingerprint.

The TUI writes it, `check` reads it. It is versioned JSON with sorted keys so
that it diffs well in review and two runs with the same decisions write the
same bytes. Every change is written at once, atomically (temp file + rename),
so a crash never loses earlier decisions. A file we cannot read is an error:
replacing it silently would throw away a person's work.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from ..errors import FactcheckError
from ..model import TriageState
from .atomic import write_text_atomic

DEFAULT_NAME = "factcheck.triage.json"
SCHEMA = "factcheck.triage/1"
# The decisions a person makes; "new" is none.
STATES = (TriageState.CONFIRMED.value, TriageState.DISMISSED.value)
NEW = TriageState.NEW.value


def default_triage_path(paths: Sequence[str]) -> Path:
    """Beside the batch: the folder given, or the first file's folder."""
    if not paths or paths[0] == "-":
        return Path(DEFAULT_NAME)
    first = Path(paths[0])
    if first.is_dir():
        return first / DEFAULT_NAME
    # A glob or a file: the folder part before any wildcard.
    parent = first.parent
    while any(ch in str(parent) for ch in "*?["):
        parent = parent.parent
    return parent / DEFAULT_NAME


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class Decision:
    state: str  # confirmed | dismissed
    note: str = ""
    when: str = ""  # ISO 8601 UTC


class Triage:
    """Decisions keyed by fingerprint, backed by one JSON file."""

    def __init__(self, path: str | Path, decisions: dict[str, Decision] | None = None) -> None:
        self.path = Path(path)
        self.decisions: dict[str, Decision] = dict(decisions or {})
        # (fingerprint, decision before the change or None) for undo.
        self._history: list[tuple[str, Decision | None]] = []

    @classmethod
    def load(cls, path: str | Path) -> Triage:
        path = Path(path)
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path)
        except UnicodeDecodeError as exc:
            raise FactcheckError(f"the triage file is not UTF-8 (byte 0x{exc.object[exc.start]:02x}"
                                 f" at offset {exc.start}); fix or remove it",
                                 path=str(path)) from None
        except OSError as exc:
            raise FactcheckError(f"cannot read the triage file: {exc.strerror}",
                                 path=str(path)) from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise FactcheckError(f"the triage file is not valid JSON ({exc.msg}); "
                                 "fix or remove it", path=str(path), line=exc.lineno) from None
        return cls(path, _parse(data, path))

    def state(self, fingerprint: str) -> str:
        d = self.decisions.get(fingerprint)
        return d.state if d else NEW

    def get(self, fingerprint: str) -> Decision | None:
        return self.decisions.get(fingerprint)

    def decide(self, fingerprint: str, state: str, note: str | None = None) -> None:
        if state not in STATES:
            raise ValueError(f"state must be one of {STATES}, got {state!r}")
        before = self.decisions.get(fingerprint)
        if note is None:
            note = before.note if before else ""
        self._history.append((fingerprint, before))
        self.decisions[fingerprint] = Decision(state=state, note=note, when=_now())
        self.save()

    def decide_many(self, fingerprints: Sequence[str], state: str, note: str) -> None:
        """One decision for many discrepancies (a baseline), written once."""
        if state not in STATES:
            raise ValueError(f"state must be one of {STATES}, got {state!r}")
        when = _now()
        for fp in fingerprints:
            self._history.append((fp, self.decisions.get(fp)))
            self.decisions[fp] = Decision(state=state, note=note, when=when)
        self.save()

    def note(self, fingerprint: str, text: str) -> None:
        before = self.decisions.get(fingerprint)
        self._history.append((fingerprint, before))
        # A note on an undecided discrepancy confirms nothing: keep it "new"
        # by storing the note under the state it already has, if any.
        state = before.state if before else NEW
        self.decisions[fingerprint] = Decision(state=state, note=text, when=_now())
        self.save()

    def undo(self) -> str | None:
        if not self._history:
            return None
        fingerprint, before = self._history.pop()
        if before is None:
            self.decisions.pop(fingerprint, None)
        else:
            self.decisions[fingerprint] = before
        self.save()
        return fingerprint

    def to_json(self) -> str:
        data = {"schema": SCHEMA,
                "decisions": {fp: asdict(d) for fp, d in sorted(self.decisions.items())}}
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    def save(self) -> None:
        write_text_atomic(self.path, self.to_json())


def _parse(data: object, path: Path) -> dict[str, Decision]:
    def bad(msg: str) -> FactcheckError:
        return FactcheckError(f"not a triage file: {msg}; fix or remove it", path=str(path))

    if not isinstance(data, dict):
        raise bad("expected a JSON object")
    if data.get("schema") != SCHEMA:
        raise bad(f"schema must be {SCHEMA!r}, got {data.get('schema')!r}")
    decisions = data.get("decisions", {})
    if not isinstance(decisions, dict):
        raise bad("'decisions' must be an object")
    out = {}
    for fp, d in decisions.items():
        if not isinstance(d, dict) or d.get("state") not in (*STATES, NEW):
            raise bad(f"decision {fp!r} needs a state of {' or '.join(STATES)}")
        out[fp] = Decision(state=d["state"], note=str(d.get("note") or ""),
                           when=str(d.get("when") or ""))
    return out


def apply_triage(discrepancies: pl.DataFrame, triage: Triage) -> pl.DataFrame:
    """Add (or replace) a "triage" column (new, confirmed, dismissed) and "triage_note"."""
    ids = discrepancies["id"].to_list()
    notes = [(triage.get(fp) or Decision(NEW)).note or None for fp in ids]
    return discrepancies.with_columns(
        pl.Series("triage", [triage.state(fp) for fp in ids], dtype=pl.String()),
        pl.Series("triage_note", notes, dtype=pl.String()),
    )
