"""The candidate pass: regular expressions built once from the rule words.

One compiled pattern finds every number expression in a text (qualifier,
currency, number, scale, unit, period) without touching spaCy tokens; the
extractor then reads the parse only around each match. The words all come
from ``rules/*.yaml``; this module only arranges them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .numbers import DIGITS, FRACTION_DIGITS, SCIENTIFIC, Vocab
from .places import place_words
from .units import RegistryForms, registry_forms

_SEP = r"[\s\-\u2010-\u2013]+"
# Up to four words of a unit right after a number, glued or after a space or
# hyphen: "5000mAh", "a 650-hp engine", "90 gigatonnes", "7 sq ft", "10 m/s",
# "300 pounds per square inch". The registry decides which prefix is a unit.
_UNIT_WORD = r"[A-Za-zµμΩÅ][A-Za-zµμΩ]*(?:[23²³](?![\w]))?"
_UNIT_AFTER = re.compile(
    rf"(?:[ \t]?-[ \t]?|[ \t]|\u00a0)?(?P<w>{_UNIT_WORD}\.?"
    rf"(?:(?:[ \t]*/[ \t]*|[ \t]+){_UNIT_WORD}){{0,3}})")
_UNIT_PIECE = re.compile(rf"{_UNIT_WORD}")


def _ordinal(digits: str, suffix: str) -> bool:
    """"21st", "1st": the suffix English writes on an ordinal ("14st" is stone)."""
    last = digits[-2:] if digits[-2:].isdigit() else digits[-1:]
    return suffix.lower() == "st" and last.endswith("1") and last != "11"


def alternation(words: Iterable[str]) -> str:
    r"""Longest first, so "more than" wins over "more"; inner spaces also match hyphens.

    Written as a trie ("more(?:[\s\-]+than)?"): the pattern is tried at every
    word start of a text, and a list of a hundred words is a hundred tries
    there, a trie one or two (the candidate pass took half the time). It
    matches what the list would, in the same order: words that can match at
    one place are then prefixes of each other, and the trie tries the longer
    first. Where two words differ only in case and one is the longer (a
    case-blind group may hold both), the list is kept."""
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not uniq:
        return "(?!)"
    seqs = [_symbols(w) for w in uniq]
    if _case_overlap(seqs):
        return "(?:" + "|".join("".join(_written(t) for t in seq) for seq in seqs) + ")"
    trie: dict[str | None, Any] = {}
    for seq in seqs:
        node = trie
        for sym in seq:
            node = node.setdefault(sym, {})
        node[""] = {}
    return "(?:" + _trie_pattern(trie) + ")"


def _symbols(word: str) -> list[str | None]:
    """The word's characters, None for a space or hyphen between its pieces."""
    out: list[str | None] = []
    for piece in (p for p in re.split(r"[\s\-]+", word) if p):
        if out:
            out.append(None)
        out.extend(piece)
    return out


def _written(sym: str | None) -> str:
    return r"[\s\-]+" if sym is None else re.escape(sym)


def _case_overlap(seqs: list[list[str | None]]) -> bool:
    """Whether a word is a prefix of another (or equal to it) but for case: then
    both may match at one place under (?i:…) from different branches of a trie."""
    by_folded: dict[tuple[str | None, ...], list[tuple[str | None, ...]]] = {}
    for seq in seqs:
        by_folded.setdefault(tuple(_fold(seq)), []).append(tuple(seq))
    for seq in seqs:
        folded = _fold(seq)
        for n in range(1, len(seq) + 1):
            for other in by_folded.get(tuple(folded[:n]), ()):
                if other != tuple(seq[:n]):
                    return True
    return False


def _fold(seq: list[str | None]) -> list[str | None]:
    return [s.lower() if s else s for s in seq]


def _trie_pattern(node: dict[str | None, Any]) -> str:
    kids = sorted(((k, v) for k, v in node.items() if k != ""),
                  key=lambda kv: (kv[0] is None, kv[0] or ""))
    alts = [_written(k) + _trie_pattern(v) for k, v in kids]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def _cased(words: Iterable[str]) -> tuple[list[str], list[str]]:
    """Short unit spellings match with case ("mm", "MW", "C"); longer ones without."""
    short: list[str] = []
    long_: list[str] = []
    for w in words:
        (short if len(w) <= 3 else long_).append(w)
    return short, long_


@dataclass
class Patterns:
    vocab: Vocab
    candidate: re.Pattern[str]
    date: re.Pattern[str]
    phone: re.Pattern[str]
    spread_before: re.Pattern[str]
    period_after: re.Pattern[str]
    spread_lead: re.Pattern[str]
    spread_adjacent: re.Pattern[str]
    offset_after: re.Pattern[str]  # "earlier" after "a year": a moment, not a period
    share_in: re.Pattern[str]  # "one in five adults": a share, not two counts
    share_gap: re.Pattern[str]  # " in " after a figure: maybe a share
    points_after: re.Pattern[str]  # " to " between "1.8 points" and "12.4%"
    points_before: re.Pattern[str]  # ", up " between "61%" and "two points"
    base_after: re.Pattern[str]
    time_of_day: re.Pattern[str]
    currency_before: dict[str, str] = field(default_factory=dict)  # written → ISO
    currency_after: dict[str, str] = field(default_factory=dict)
    currency_minor: dict[str, str] = field(default_factory=dict)
    units: dict[str, dict[str, str]] = field(default_factory=dict)  # lower-cased keys
    units_cased: dict[str, dict[str, str]] = field(default_factory=dict)
    prefixes: dict[str, dict[str, str]] = field(default_factory=dict)
    qualifiers: dict[str, dict[str, Any]] = field(default_factory=dict)
    suffix_qualifiers: dict[str, dict[str, Any]] = field(default_factory=dict)  # "-plus"
    periods: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, dict[str, Any]] = field(default_factory=dict)
    ambiguous: dict[str, dict[str, str]] = field(default_factory=dict)
    money_context: frozenset[str] = frozenset()
    bare_suffix: dict[str, dict[str, str]] = field(default_factory=dict)
    registry: RegistryForms | None = None
    glued_units: dict[str, str] = field(default_factory=dict)  # "2in", "14st" only
    money_rate: re.Pattern[str] | None = None  # "a", "per" after money: "$61 a barrel"
    currency_of: re.Pattern[str] | None = None  # "… of dollars" after an amount
    address_after: re.Pattern[str] | None = None  # " Elm Street" after a house number
    rules: Any = None

    def any_unit(self, text: str, pos: int) -> tuple[str, int] | None:
        """(unit, end) of a unit written at `pos`: the rules' spellings first
        (longest of up to three words), then pint's registry."""
        words = list(re.finditer(r"[^\s,.;:!?()]+", text[pos:pos + 40]))[:3]
        for k in range(len(words), 0, -1):
            end = pos + words[k - 1].end()
            entry = self.unit_entry(text[pos + words[0].start():end])
            if entry is not None and entry["kind"] in ("measure", "duration"):
                return entry["unit"], end
        return self.registry_unit(text, pos)

    def registry_unit(self, text: str, pos: int) -> tuple[str, int] | None:
        """(pint unit, end) of the longest unit pint knows written at `pos`, or None."""
        found = _UNIT_AFTER.match(text, pos)
        if found is None or self.registry is None:
            return None
        words = found.group("w")
        first = _UNIT_PIECE.match(words)
        if found.start("w") == pos and first and first.group(0) in self.glued_units \
                and not words[first.end():first.end() + 1].isalnum() \
                and not _ordinal(text[max(0, pos - 2):pos], first.group(0)):
            return self.glued_units[first.group(0)], pos + first.end()
        ends = [p.end() for p in _UNIT_PIECE.finditer(words)]
        for stop in reversed(ends):
            written = words[:stop]
            if written.rstrip(" /").endswith((" per", "/")) or written.endswith(" sq"):
                continue
            unit = self.registry.read(written)
            end = found.start("w") + stop
            if unit is not None and not (text[end:end + 1].isalnum()
                                         or text[end:end + 1] in "/²³"):
                return unit, end
        return None

    def unit_entry(self, written: str) -> dict[str, str] | None:
        key = " ".join(written.replace("-", " ").split())
        return (self.units_cased.get(written) or self.units_cased.get(key)
                or self.units.get(key.lower()))

    def currency(self, written: str) -> str | None:
        """ISO code of a currency written before a number ("hk $" → HKD)."""
        key = written.replace(" ", "").lower()
        return next((code for w, code in self.currency_before.items()
                     if w.replace(" ", "").lower() == key), None)

    def period(self, written: str) -> str | None:
        return self.periods.get(" ".join(re.split(r"[\s\-]+", written.strip().lower())))


def _norm(text: str) -> str:
    return " ".join(re.split(r"[\s\-]+", text.strip()))


@dataclass(frozen=True)
class _Numbers:
    """The number parts every larger pattern is made of."""

    word: str  # one number word, scale or fraction
    digits: str  # digits, a fraction or scientific notation, a glued scale
    core: str  # a whole number expression: digits or words joined
    joiner: str
    cardinal: str
    vague: str
    word_scales: list[str]


def _numbers(vocab: Vocab) -> _Numbers:
    word_scales = [s for s in vocab.scales if len(s) > 1]
    words = alternation([*vocab.words, *word_scales, *vocab.fractions])
    word = rf"(?<![\w])(?i:{words})(?![\w])"
    glued = "(?i:" + alternation(vocab.scales) + ")"
    # Letters just before digits are refused later ("A320"), unless they are a
    # currency code glued to the number ("USD115").
    digits = (rf"(?<![\d.,/])(?:{SCIENTIFIC}|{FRACTION_DIGITS}"
              rf"|(?:{DIGITS})(?:{glued}(?![A-Za-z0-9]))?)")
    # "of a" joins only before a scale: "a quarter of a million" (parse_number
    # takes it after a fraction alone).
    of_a = rf"{_SEP}of{_SEP}an?{_SEP}(?=(?i:{alternation(word_scales)})(?![\w]))"
    joiner = rf"(?:{_SEP}and{_SEP}(?:an?{_SEP})?|{of_a}|{_SEP}an?{_SEP}|{_SEP})"
    cardinal = rf"(?<![\w])(?i:{alternation(vocab.words)})(?![\w])"
    # "a" starts a number only before a scale or a fraction ("a dozen", "a third").
    scale_or_fraction = alternation([*word_scales, *vocab.fractions])
    lead = rf"(?:(?i:an?){_SEP}(?=(?i:{scale_or_fraction})(?![\w])))"
    core = rf"(?:{digits}|{lead}?{word})(?:{joiner}{word})*"
    vague = rf"(?<![\w])(?i:{alternation(vocab.vague)})(?![\w])"
    return _Numbers(word, digits, core, joiner, cardinal, vague, word_scales)


def _currencies(rules: Any) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Written currency forms → ISO code: before the number, after it, hundredths."""
    cur_before: dict[str, str] = {}
    cur_after: dict[str, str] = {}
    cur_minor: dict[str, str] = {}
    for code, entry in rules.currencies.items():
        for w in entry.get("before") or []:
            cur_before.setdefault(w, code)
        for w in entry.get("after") or []:
            cur_after.setdefault(_norm(w).lower(), code)
        for w in entry.get("minor") or []:
            cur_minor.setdefault(_norm(w).lower(), code)
    return cur_before, cur_after, cur_minor


def _currency_prefix(rules: Any, cur_before: dict[str, str]) -> str:
    """Currency symbols and codes before a number; they may touch it ("£3bn", "RM5m").
    Written with or without a space before "$" ("HK$", "hk $"), in any case.
    A one-letter prefix keeps its case: "A$5m" is Australian, "a $5m" is not."""
    unspaced = set(rules.currency_unspaced)
    spaced = {w[:-1] + " $" for w in cur_before
              if len(w) > 1 and w.endswith("$") and w not in unspaced}
    forms = [*cur_before, *spaced]
    cased = set(rules.currency_case_sensitive)
    before = alternation([w for w in forms if w not in cased])
    return rf"(?:(?<![A-Za-z])(?:{alternation(cased)}|(?i:{before}))\s?)"


def _unit_group(rules: Any, after_words: list[str]) -> tuple[str, str]:
    """(the unit group after a number, the unit words alone)."""
    short, long_ = _cased(rules.units)
    unit_words = (
        rf"(?:(?i:{alternation(long_)})|{alternation(short)}"
        rf"|(?i:{alternation(after_words)}))"
    )
    # A symbol right before more digits opens the next amount ("$ 20 $ 37"): not ours.
    # "20 (kg)"; "50 centimetres/millisecond", "50 metres per millisecond".
    measure_words = rf"(?:(?i:{alternation(long_)})|{alternation(short)})"
    unit = (rf"(?P<unit>(?:\s?-\s?|\s)?(?:[(\[{{<]{unit_words}[)\]}}>]|{unit_words})"
            rf"(?:\s*(?:/|\s(?i:per)\s)\s*(?P<unit2>{measure_words})(?![A-Za-z0-9]))?)"
            rf"(?![A-Za-z0-9])(?:(?<=[A-Za-z.)\]}}>])|(?!\s?\d))")
    return unit, unit_words


def _minor_group(num: _Numbers, cur_minor: dict[str, str]) -> str:
    """Hundredths or a scale after the currency: "3 dollars 50 cents", "thirteen
    dollars and forty-five cents", "15 dollars 50." (the hundredths named by the
    sentence end), "75 USD million"."""
    word, joiner = num.word, num.joiner
    hundredths = rf"(?:\d{{2}}|{word}(?:{joiner}{word})*)"
    return (rf"(?P<minor>\s+(?:and\s+)?(?:(?P<mnum>{num.digits}|{word}(?:{joiner}{word})*)\s*"
            rf"(?i:{alternation(cur_minor)})(?![A-Za-z])"
            rf"|(?P<mbare>{hundredths})(?=\s*[.!?;]|\s*$))"
            rf"|\s+(?P<pscale>(?i:{alternation(num.word_scales)}))(?![\w]))")


def _offset(rules: Any) -> str:
    return rf"\s+(?i:{alternation(rules.period_offsets)})(?![\w])"


def _not_offset(rules: Any) -> str:
    """After a period: not a moment counted back or on ("a year earlier")."""
    return rf"(?!{_offset(rules)})"


def _share_in(rules: Any, num: _Numbers, qualifiers: dict[str, Any]) -> re.Pattern[str]:
    """ "one in five adults", "nearly 1 in 4": x in y (`share_words`)."""
    whole = rf"(?:{num.cardinal}|(?<![\d.,])\d{{1,3}}(?:,\d{{3}})*(?![\d.,]\d))"
    return re.compile(
        rf"(?<![\w])(?:(?P<qual>(?i:{alternation(qualifiers)}))\s+)?(?P<x>{whole})"
        rf"[\s\-]+(?i:{alternation(rules.share_words)})[\s\-]+(?P<y>{whole})(?![\w\-])")


def _candidate(rules: Any, num: _Numbers, cur: str, unit: str, unit_words: str, minor: str,
               qualifiers: dict[str, Any], periods: dict[str, str]) -> re.Pattern[str]:
    """The one pattern that finds every number expression."""
    core, digits, cardinal = num.core, num.digits, num.cardinal
    qual = rf"(?<![\w])(?P<qual>(?i:{alternation(qualifiers)}))\s+"
    prefixes = alternation(_norm(k) for k in rules.unit_prefixes)
    prefix = rf"(?<![\w])(?P<prefix>(?i:{prefixes}))\s+"
    negative = rf"(?P<neg>(?<![\w\-])[\-−](?=\d)|(?i:{alternation(rules.negative_words)})\s+)"
    per = (rf"(?P<per>(?:{_SEP}|,\s*)(?i:{alternation(periods)})(?![\w]){_not_offset(rules)}"
           rf"|\s+(?i:{alternation(rules.rate_bases)})\s+(?P<base>{DIGITS}))")
    words = [w for w in rules.suffix_qualifiers if w[:1].isalpha()]
    signs = "".join(re.escape(w) for w in rules.suffix_qualifiers if not w[:1].isalpha())
    # "10,000-plus", "10,000+": the qualifier after the number (not "€60m plus €10m").
    suffix = (rf"(?:(?P<qsuf>-(?i:{alternation(words)})(?![\w\-])"
              + (rf"|[{signs}](?![\w+])" if signs else "") + "))?")
    number = (
        rf"(?:(?P<between>(?i:between|from))\s+(?P<cur1>{cur})?(?P<a1>{core})"
        rf"\s+(?:and|to|-|–)\s+(?P<cur1b>{cur})?(?P<b1>{core})"
        rf"|(?P<cur2>{cur})?(?P<a2>{digits})\s*(?:-|–|to)\s*(?P<cur2b>{cur})?(?P<b2>{digits})"
        rf"|(?P<a3>{cardinal})\s+to\s+(?P<b3>{cardinal}|{digits})(?=\s*{unit_words})"
        rf"|(?P<cur3>{cur})?{negative}?(?P<n>{core}){suffix}"
        rf"|(?P<v>{num.vague})"
        rf"|(?<![\w])(?P<phrase>(?i:{alternation(rules.unit_phrases)}))(?![\w]))"
    )
    # Every expression starts at a word start: the lookbehind skips the inside of
    # words at once, which is most of a text (the pattern is tried at each position).
    return re.compile(
        rf"(?<![A-Za-z0-9])(?:{qual})?(?:{prefix})?{number}(?:{unit}(?:{minor})?)?(?:{per})?")


def _date_pattern(rules: Any) -> re.Pattern[str]:
    plain = [m for m in rules.months if m.lower() not in set(rules.ambiguous_months)]
    word_months = alternation(rules.ambiguous_months)
    # Lower-case "may" is a month only right before a day and a comma or a year.
    months = (rf"(?:{alternation(m.capitalize() for m in rules.months)}"
              rf"|(?i:{alternation(plain)})"
              rf"|{word_months}(?=\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,|\s+\d{{4}})))")
    weekdays = alternation(w.capitalize() for w in rules.weekdays)
    relative = alternation(rules.relative_days)
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    dot = r"(?:\s?\.(?=,?\s*\d))?"  # "Feb. 13", but not the full stop after "10 February."
    return re.compile(
        rf"(?<![\w])(?:"
        rf"(?P<wdp>{weekdays},?\s+(?:the\s+)?(?=\d|{months}))?"  # "Monday, September 26"
        rf"(?:(?P<dmy>{day}\s+(?:of\s+)?{months}{dot}(?:,?\s+(?P<y1>\d{{4}}))?)"
        rf"|(?P<mdy>{months}{dot}\s+{day}(?![\d:])(?:,?\s+(?P<y2>\d{{4}}))?)"
        # "07/19/98": a numeric date; read month first, then day first, by dateparser.
        rf"|(?P<num>\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}}))"
        rf"|(?P<my>{months}{dot},?\s+\d{{4}})"
        rf"|(?<=\bon\s)(?P<dm>{day}\s+(?i:{word_months}))"  # "on 1 may": a day, lower case
        rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
        rf"|(?P<wd>(?:(?:last|next|this)\s+)?{weekdays})"
        rf"|(?P<rel>(?i:{relative})))"
        rf")(?![\w/])"
    )


# Phone numbers: a leading + or 0, then groups of digits with spaces, dots,
# dashes or brackets; too many digits in a row for a quantity.
#
# Every alternative starts with "+", "(" or a digit: the lookahead says so
# first, so the text's other characters (nearly all) fail at once instead of
# in each alternative (4.6x faster over gva_dev, the same matches).
_PHONE = re.compile(
    r"(?=[+(\d])(?:"
    r"(?<![\w])(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{2,5}\)[\s.\-]?|0\d{1,4}[\s.\-])"
    r"\d{3,4}[\s.\-]?\d{3,4}(?![\w])"
    r"|(?<![\w])\d{3}[\-.]\d{3}[\-.]\d{4}(?![\w])"
    # A number spelt with letters after its area code ("(555) 224-TIPS",
    # "800-555-TIPS"), and a local seven-digit one after a word to call ("call
    # Crime Stoppers at 224-7867"): seven digits split 3-4 are no range in copy,
    # unless round ("100-1000 litres").
    r"|(?:\(\d{3}\)\s?|(?<![\w])\d{3}[\-.])\d{3}[\-.][A-Z]{4}(?![\w])"
    r"|(?<![\w.,$£€-])\d{3}-\d{2}(?!00)\d{2}(?![\w-])"
    r"|\+\d{1,3}[\s.\-]?(?:\(0\)\s?)?\d{1,4}[\s.\-]?\d{3,4}[\s.\-]?\d{3,4}(?![\w])"
    r")"
)


def build(rules: Any) -> Patterns:
    vocab = Vocab.from_rules(rules)
    num = _numbers(vocab)
    cur_before, cur_after, cur_minor = _currencies(rules)
    qualifiers = {_norm(k).lower(): v for k, v in rules.qualifiers.items()}
    periods = {_norm(k).lower(): v for k, v in rules.periods.items()}
    ambiguous = {_norm(k).lower(): v for k, v in rules.ambiguous_units.items()}
    unit, unit_words = _unit_group(rules, [*cur_after, *cur_minor, *ambiguous])
    candidate = _candidate(rules, num, _currency_prefix(rules, cur_before), unit, unit_words,
                           _minor_group(num, cur_minor), qualifiers, periods)
    spread = alternation(rules.spread_words)
    bases = alternation(rules.rate_bases)
    rate_words = alternation(rules.money_rate_words)
    # A house number: the street's type (places.yaml), capitalised, ends the address.
    streets = alternation(w.capitalize() for w in place_words(rules).types)
    return Patterns(
        vocab=vocab, candidate=candidate, date=_date_pattern(rules), phone=_PHONE,
        # Matched right after the number: "2 a.m.", "from 4 to 6 p.m.".
        time_of_day=re.compile(rf"\s*{alternation(rules.time_of_day)}(?![A-Za-z])"),
        spread_before=re.compile(
            rf"(?<![\w])(?i:{spread})\s+(?:the\s+)?(?:(?:next|past|last)\s+)?$"),
        period_after=re.compile(
            rf"(?<![\w])(?i:{alternation(periods)})(?![\w]){_not_offset(rules)}"),
        spread_lead=re.compile(rf"(?i:{spread})\s+"),
        # The whole gap between a total and its span: "£3bn for three years".
        spread_adjacent=re.compile(
            rf"\s+(?i:{alternation(rules.adjacent_spread_words)})\s+"
            rf"(?:the\s+)?(?:(?:next|past|last)\s+)?"),
        offset_after=re.compile(_offset(rules)),
        share_in=_share_in(rules, num, qualifiers),
        share_gap=re.compile(rf"[\s\-]+(?i:{alternation(rules.share_words)})[\s\-]"),
        points_after=re.compile(
            rf"\s+(?i:{alternation(rules.percent_points.get('after', []))})\s+"),
        points_before=re.compile(
            rf",?\s+(?i:{alternation(rules.percent_points.get('before', []))})\s+"),
        base_after=re.compile(
            rf"\s+(?i:{bases})\s+(?P<base>{DIGITS})(?:\s+[a-z]+(?=[\s.,;:!?)]|$))?"),
        currency_before=cur_before, currency_after=cur_after, currency_minor=cur_minor,
        units={_norm(k).lower(): v for k, v in rules.units.items() if len(k) > 3},
        units_cased={_norm(k): v for k, v in rules.units.items() if len(k) <= 3},
        prefixes={_norm(k).lower(): v for k, v in rules.unit_prefixes.items()},
        qualifiers=qualifiers, periods=periods, rules=rules,
        suffix_qualifiers={k.lower(): v for k, v in rules.suffix_qualifiers.items()},
        phrases={_norm(k).lower(): v for k, v in rules.unit_phrases.items()},
        ambiguous=ambiguous,
        money_context=frozenset(w.lower() for w in rules.money_context),
        bare_suffix=dict(rules.bare_suffix_units),
        money_rate=re.compile(rf"(?:[ \t]+|,[ \t]*)(?i:{rate_words})[ \t]+"),
        currency_of=re.compile(
            rf"\s+of\s+(?P<c>(?i:{alternation([*cur_after, *ambiguous])}))(?![\w])"),
        address_after=re.compile(rf"[ \t]+(?:[A-Z][\w'’.\-]*[ \t]+){{1,3}}{streets}\b"),
        glued_units=dict(rules.glued_units),
        registry=registry_forms(frozenset(rules.registry_not_units),
                                tuple(rules.registry_symbol_prefixes),
                                frozenset(rules.registry_prefixed_symbols)),
    )


_CACHE: dict[tuple[int, str], Patterns] = {}


def patterns(rules: Any) -> Patterns:
    """The compiled patterns of a Rules object (built once per rules version)."""
    key = (id(rules), getattr(rules, "version", ""))
    found = _CACHE.get(key)
    if found is None or found.rules is not rules:
        found = build(rules)
        _CACHE.clear()
        _CACHE[key] = found
    return found
