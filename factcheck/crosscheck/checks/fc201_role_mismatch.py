"""FC201 role-mismatch: one person given two roles or titles in one scope.
A title said more fully ('Deputy Chief', 'Deputy Police Chief'; 'ANC
Commissioner', 'Advisory Neighborhood Commissioner'; 'HPD Chief', Houston
'Police Chief') is the same office."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import AttributePair, Check

# Letters of an abbreviation that may name a place ("LA" of "LAPD").
_PLACE_LETTERS = 2


def test(pair: AttributePair) -> str | None:
    f, g = pair.f, pair.g
    if _same_office(pair.a, pair.b, pair.rules, f["attribute_scope"], g["attribute_scope"]):
        return None
    return f"{f['attribute']} {f['attribute_value']!r} and {g['attribute_value']!r}"


def _same_office(a: str, b: str, rules: Any, scope_a: str | None = None,
                 scope_b: str | None = None) -> bool:
    """One title is the other said more fully: 'Deputy Chief' and 'Deputy Police
    Chief', 'ANC Commissioner' and 'Advisory Neighborhood Commissioner', 'HPD
    Chief' and (Houston) 'Police Chief'. Not when the longer one adds a word that
    makes another office ('Deputy Chief' is not the 'Chief'; rules `title_prefixes`)."""
    bodies = [w.casefold() for w in rules.title_bodies]
    # An abbreviation may spell out the other's scope too ("HPD": Houston), or
    # name a place the other leaves unsaid ("LAPD Chief", "Police Chief").
    ctx_a = (scope_a or "").casefold().split() + a.split()
    ctx_b = (scope_b or "").casefold().split() + b.split()
    wa = _initials_spelt_out(a.split(), ctx_b, bodies, place=not scope_b)
    wb = _initials_spelt_out(b.split(), ctx_a, bodies, place=not scope_a)
    short, long_ = sorted((set(wa), set(wb)), key=len)
    if not short <= long_:
        return False
    offices = {w.casefold() for w in rules.title_prefixes}
    return not (long_ - short) & offices


def _initials_spelt_out(words: list[str], other: list[str], bodies: Sequence[str] = (),
                        place: bool = False) -> list[str]:
    """`words` with an abbreviation replaced by the words of `other` whose initials
    it is ('anc' and 'advisory neighborhood commissioner'); its last letters may
    stand for body words that `other` leaves unsaid ('hpd': houston police
    department) and, where `place`, its first letters for a place."""
    out: list[str] = []
    for w in words:
        run = None
        leads = range(min(_PLACE_LETTERS, len(w) - 1) + 1) if place and bodies else (0,)
        for lead in leads:
            for cut in range(len(w), lead, -1):
                head, tail = w[lead:cut], w[cut:]
                said = next((other[i:i + len(head)] for i in range(len(other) - len(head) + 1)
                             if "".join(x[0] for x in other[i:i + len(head)]) == head), None)
                unsaid = [next((b for b in bodies if b[0] == c), None) for c in tail]
                if len(w) > 1 and w not in other and said is not None and None not in unsaid \
                        and (lead == 0 or tail):
                    run = said + [u for u in unsaid if u]
                    break
            if run:
                break
        out += run if run else [w]
    return out


CHECK = Check(code="FC201", family="attribute", test=test, attribute="role")
