"""A subject's words, folded by the rule synonyms (`subject_synonyms`), so
"allies" and "nations" compare as one word when facts are aligned and in a
discrepancy's subject."""

from __future__ import annotations

import re
from typing import Any

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def synonym_map(rules: Any) -> dict[str, str]:
    """word → the first word of its synonym set in the rules."""
    out: dict[str, str] = {}
    for words in (rules.subject_synonyms if rules is not None else []) or []:
        for w in words:
            out.setdefault(w.casefold(), words[0].casefold())
    return out


def canonical_words(text: str | None, synonyms: dict[str, str]) -> list[str]:
    """Lowercased words with synonyms folded; a plural -s is tried too because
    subjects come as written ("allies", "nations") while rules list lemmas."""
    out = []
    for w in _WORD.findall((text or "").casefold()):
        if w in synonyms:
            out.append(synonyms[w])
        elif w.endswith("ies") and w[:-3] + "y" in synonyms:
            out.append(synonyms[w[:-3] + "y"])
        elif w.endswith("s") and w[:-1] in synonyms:
            out.append(synonyms[w[:-1]])
        else:
            out.append(w)
    return out


def canonical(text: str | None, synonyms: dict[str, str]) -> str:
    return " ".join(canonical_words(text, synonyms))


def content(text: str | None, synonyms: dict[str, str]) -> str:
    """Canonical words without function words (spaCy's English stop list), so
    shared 'the' and 'of' do not make two contexts look alike."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return " ".join(w for w in canonical_words(text, synonyms) if w not in STOP_WORDS)


def written_noun(unit: str | None) -> str:
    """The counted noun as written, lower case: 'gunshot victims' → 'victims',
    'rounds of ammunition' → 'rounds'; '' for no unit."""
    words = (unit or "").split(" of ")[0].split()
    return words[-1].casefold() if words else ""


def head_noun(unit: str | None, synonyms: dict[str, str]) -> str:
    """What a count counts, for blocking: 'allied nation' → 'ally' (by the
    synonyms), 'round of ammunition' → 'round'. English puts the head noun
    last, or before 'of' in a partitive."""
    words = canonical_words((unit or "").split(" of ")[0], synonyms)
    return words[-1] if words else "thing"
