"""Whether two names of a school or workplace name one body (FC308).

Outlets name one school many ways: with or without "High School", as its
district ("Lincoln Public Schools"), by initials ("LHS"), shortened ("Cass
Tech" for "Cass Technical High School"), with the town before it ("Eastvale's
Roosevelt High"), spelt a letter apart (FC404 tells the spelling). Two names
are compared on their words outside the rules' ``affiliations.generic_words``:
one body when every such word of one is a word of the other (spelt alike,
`same_ratio`, or one a start of the other) or one is the other's initials; two
workplaces when they have one such word in common.
Where either has no word left ("the high school") nothing can be told.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

# A shortened word is at least this many letters ("Tech" of "Technical").
_MIN_SHORT = 4


@dataclass(frozen=True)
class Bodies:
    """The affiliations rules as the comparison reads them."""

    generic: frozenset[str]
    levels: tuple[tuple[str, frozenset[str]], ...]  # kind of school → its words, in order
    ratio: float

    @classmethod
    def of(cls, rules: Any) -> Bodies:
        a = rules.affiliations
        return cls(frozenset(w for g in a.generic_words for w in _words(str(g))),
                   tuple((str(k), frozenset(w for p in ws for w in _words(str(p))))
                         for k, ws in a.levels.items()),
                   float(a.same_ratio))

    def level(self, name: str) -> str | None:
        """The kind of school a name says it is (the first of `levels` it has a word of)."""
        words = set(_words(name))
        return next((k for k, ws in self.levels if words & ws), None)

    def same(self, a: str, b: str, loose: bool = False) -> bool:
        """Whether names `a` and `b` may name one body. `loose` (workplaces): one
        word in common is enough, as one job is told by its employer or by the
        building ("the Lincoln County courthouse", "the Lincoln County Sheriff's
        Office")."""
        la, lb = self.level(a), self.level(b)
        if la and lb and la != lb:
            return True  # a high school and a university: people move on, not at odds
        if _initials(a, b) or _initials(b, a):
            return True
        ca = [w for w in _words(a) if w not in self.generic]
        cb = [w for w in _words(b) if w not in self.generic]
        if not ca or not cb:
            return True
        short, long = sorted((ca, cb), key=len)
        meets = [any(self._alike(x, y) for y in long) for x in short]
        return any(meets) if loose else all(meets)

    def _alike(self, x: str, y: str) -> bool:
        if x == y or fuzz.ratio(x, y) >= self.ratio:
            return True
        lo, hi = sorted((x, y), key=len)
        return len(lo) >= _MIN_SHORT and hi.startswith(lo)


def _words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name).casefold()
    text = re.sub(r"['’]s\b", "", text)
    return [w for w in re.findall(r"[^\W_]+", text) if not w.isdigit() or len(w) > 2]


def _initials(short: str, full: str) -> bool:
    """`short` is one word in capitals that is the initials of `full`, or of its
    last words ("LHS")."""
    word = short.strip().replace(".", "")
    if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
        return False
    words = [w for w in re.findall(r"[^\W_]+", re.sub(r"['’]s\b", "", full))
             if w.lower() not in ("of", "the", "at")]
    letters = "".join(w[0] for w in words).lower()
    # Of the whole name or of its end: "Fairport's Riverside High School" is RHS too.
    return len(words) > 1 and letters.endswith(word.lower())
