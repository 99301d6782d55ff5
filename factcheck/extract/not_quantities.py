"""Numbers that are not quantities: times of day, addresses, names, list markers.

Each test reads only the text around a candidate match (no parse): a number
glued to a word ("A320", "50th"), part of a time, a web address, an account
or house number, a name's number ("Boeing 747", "Route 66") or an enumerator.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from .unit_reading import written_currency

_URL = re.compile(r"://|www\.|@|[?&=]\w|%[0-9A-F]{2}")
_LIST_MARKER = re.compile(r"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?$")
# "in his 20's", "her 30’s", "the 1990's": a decade (of age or of years), no count.
_DECADE = re.compile(r"['’]s\b")


def glued_to_a_word(m: re.Match[str], text: str, pats: Any) -> bool:
    """Glued to letters or digits ("F-16", "A320", "50th", "11am"): a name or an
    ordinal, unless the letters are a unit pint knows ("5000mAh", "250μm")."""
    g = m.groupdict()
    after = text[m.end():m.end() + 1]
    if after and (after.isalnum() or after == "%" and not g["unit"]):
        return not (after.isalpha() and (g["n"] or "")[-1:].isdigit()
                    and pats.registry_unit(text, m.end()) is not None)
    return False


def not_a_quantity(m: re.Match[str], text: str, ctx: Any) -> bool:
    """Whether the match is a time, an address, a reference, a name's number or
    a list marker rather than a quantity."""
    pats = ctx.pats
    g = m.groupdict()
    start, end = m.start(), m.end()
    before = text[max(0, start - 40):start]
    if (text[end:end + 1] == ":" and text[end + 1:end + 2].isdigit()) or before[-1:] == ":":
        return True  # a time of day ("2:00 pm") or a ratio, not a quantity
    num_end = max((m.end(k) for k in ("n", "b1", "b2", "b3") if g[k]), default=-1)
    if num_end >= 0 and (g["n"] or "").isdigit() and _DECADE.match(text, num_end):
        return True
    if num_end >= 0 and pats.time_of_day.match(text, num_end):
        return True  # a time of day ("shortly after 2 a.m.", "from 4 to 6 p.m."), not a count
    if _URL.search(_whole_token(text, start, end)):
        return True  # part of a web or mail address
    if (text[end:end + 1] == "-" and text[end + 1:end + 2].isdigit()) or \
            (before[-1:] == "-" and before[-2:-1].isdigit()):
        return True  # one group of an account or reference number ("1111-2222-3333")
    if before and (before[-1].isalnum() or before[-1] in "-/" and before[-2:-1].isalnum()):
        return True
    if (g["n"] or "").isdigit() and pats.address_after and pats.address_after.match(text, end):
        return True  # "14 Elm Street": a house number
    prev_word = previous_word(before)
    if _a_channel(prev_word, text, num_end, ctx) or _in_a_gallery_counter(text, start, end, ctx):
        return True
    if prev_word and _is_name(prev_word, ctx):
        # "Boeing 747" is a name; "DAX -0.8%" a signed figure in a market list.
        if not g["qual"] and not written_currency(g) and not (g["neg"] and g["unit"]):
            return True
    # A list marker: the number opens a line and is followed by "." or ")".
    if re.match(r" ?\)", text[end:end + 2]) and not g["unit"] and not _open_paren(text, start):
        return True  # "... ; and 3 ) predicts": an enumerator, its bracket never opened
    if text[end:end + 1] in (".", ")") and _LIST_MARKER.search(before) and not g["unit"]:
        nxt = text[end + 1:end + 2]
        if nxt in (" ", "\t", ""):
            return True
    return False


def _a_channel(prev_word: str, text: str, num_end: int, ctx: Any) -> bool:
    """A station's number: after its call sign or name ("KHOU 11", "FOX 4") or
    before its brand ("23 News")."""
    word = prev_word.strip("()[],:;")
    if word.isupper() and word.isalpha() and (
            word.casefold() in ctx.broadcasters or
            3 <= len(word) <= 4 and word.startswith(ctx.call_signs)
            and word.casefold() not in STOP_WORDS):
        return True
    if num_end < 0:
        return False
    after = text[num_end:num_end + 24].lstrip(" ")
    return any(after.startswith(n) and not after[len(n):len(n) + 1].isalnum()
               for n in ctx.names_after)


_COUNTER = re.compile(r"(\d+)\s+of\s*/?\s*(\d+)")


def _in_a_gallery_counter(text: str, start: int, end: int, ctx: Any) -> bool:
    """"Image 3 of 8", "1 of 15 CLOSE": a photo gallery's place, not a fact."""
    for c in _COUNTER.finditer(text, max(0, start - 12), min(len(text), end + 12)):
        if c.end() <= start or c.start() >= end:
            continue
        before = previous_word(text[max(0, c.start() - 12):c.start()])
        after = text[c.end():c.end() + 12].split()
        if before in ctx.gallery or (after and after[0] in ctx.gallery):
            return True
        # A run of them ("1 of 3 2 of 3 3 of 3") is a gallery's too.
        of = f"of {c.group(2)}"
        if of in text[max(0, c.start() - 12):c.start()] or \
                text[c.end():c.end() + 12].lstrip().split(" ", 1)[-1].startswith(of):
            return True
    return False


def _whole_token(text: str, start: int, end: int) -> str:
    """The whitespace-delimited stretch of text around a match."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min((i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0),
                default=len(text))
    return text[left:right]


def _is_name(word: str, ctx: Any) -> bool:
    """Words of `number_names` match with case when short ("No"), without when longer."""
    word = word.rstrip(".,")
    return word in ctx.number_names or len(word) > 3 and word.lower() in ctx.number_names_lower


def _open_paren(text: str, start: int) -> bool:
    """Whether a bracket opened on this line is still open at `start`."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    return line.count("(") > line.count(")")


def previous_word(before: str) -> str:
    """The last word of the text before a match."""
    stripped = before.rstrip()
    if not stripped:
        return ""
    return stripped.split()[-1]
