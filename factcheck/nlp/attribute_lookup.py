"""The model's ``attribute_ruler`` run as cached lookups: same output, a fraction
of the time.

en_core_web_sm's attribute ruler maps tags to POS and morphology (and a few
lemmas) with ~180 one-token Matcher patterns. It costs ~11% of the pipeline,
as much as the parser's own scoring, because every match goes through a Span
and a Python call. Its patterns only read a token's TAG, LOWER, DEP and
IS_SPACE, so the set of patterns that match a token is a function of those
four values: ``AttributeLookup`` works that set out once per distinct
combination (a few thousand in a day of news) and replays it after. The few
longer patterns ("gon na") are checked where their first token matches.

Why by hand: spaCy offers no compiled form of an attribute ruler. The rules
stay the model's own (read from its ruler, not written here), so a model with
other rules gets its own; one with a pattern this class cannot read keeps the
stock component (``lookup_for`` returns None). The equality with the stock
ruler is checked token by token in ``tests/test_attribute_lookup.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A bound on remembered combinations, so memory stays flat on any input.
MAX_KEYS = 20_000

Test = Callable[[tuple[str, str, str, bool]], bool]
_FIELD = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


def _value_test(field: int, spec: Any) -> Test | None:
    """A predicate over a token key for one attribute's Matcher spec; None if unknown."""
    if isinstance(spec, (str, bool)):
        return lambda key: key[field] == spec
    if not isinstance(spec, dict) or len(spec) != 1:
        return None
    (op, arg), = spec.items()
    if op == "IN":
        allowed = frozenset(arg)
        return lambda key: key[field] in allowed
    if op == "NOT_IN":
        barred = frozenset(arg)
        return lambda key: key[field] not in barred
    if op == "REGEX" and isinstance(arg, str):
        rx = re.compile(arg)
        return lambda key: isinstance(v := key[field], str) and rx.search(v) is not None
    return None


def _token_test(spec: dict[str, Any]) -> Test | None:
    tests = []
    for attr, value in spec.items():
        if attr not in _FIELD:
            return None
        test = _value_test(_FIELD[attr], value)
        if test is None:
            return None
        tests.append(test)
    return lambda key: all(test(key) for test in tests)


class AttributeLookup:
    """Callable pipeline component: the stock ruler's effect, via key caches.

    A one-token pattern matches when its LOWER test and its other tests pass.
    LOWER tests are mostly equalities, so the patterns a word can pass are a
    dict lookup; the other attributes take few values (tags × relations), so
    the patterns they pass are cached per combination. A token's patterns are
    the intersection, cached per whole key.
    """

    def __init__(self, ruler: Any, singles: list[tuple[int, dict[str, Any]]],
                 longer: list[tuple[int, list[Test], int]]):
        # The stock ruler's normalised attributes and its setter: values are
        # written exactly as it writes them.
        from spacy.tokens._retokenize import set_token_attrs

        self._attrs = ruler.attrs
        self._set = set_token_attrs
        self._longer = longer
        self._any_word: set[int] = set()
        self._word_is: dict[str, set[int]] = {}
        self._word_test: list[tuple[int, Test]] = []
        self._rest: list[tuple[int, Test | None]] = []
        for attr_id, spec in singles:
            rest = {k: v for k, v in spec.items() if k != "LOWER"}
            self._rest.append((attr_id, _token_test(rest) if rest else None))
            if "LOWER" not in spec:
                self._any_word.add(attr_id)
                continue
            lower = spec["LOWER"]
            words = [lower] if isinstance(lower, str) else (
                lower["IN"] if isinstance(lower, dict) and list(lower) == ["IN"] else None)
            if words is None:
                self._word_test.append((attr_id, _token_test({"LOWER": lower})))  # type: ignore[arg-type]
            else:
                for word in words:
                    self._word_is.setdefault(word, set()).add(attr_id)
        self._by_rest: dict[tuple[str, str, bool], frozenset[int]] = {}
        self._strings = ruler.vocab.strings
        self._cache: dict[tuple[int, int, int, int], tuple[tuple[int, ...], tuple[int, ...]]] = {}

    def _resolve(self, ids: tuple[int, int, int, int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
        found = self._cache.get(ids)
        if found is None:
            key = self._key(ids)
            tag, word, dep, space = key
            rest = self._by_rest.get((tag, dep, space))
            if rest is None:
                rest = frozenset(i for i, test in self._rest if test is None or test(key))
                self._by_rest[(tag, dep, space)] = rest
            passes = self._any_word | self._word_is.get(word, set())
            passes.update(i for i, test in self._word_test if test(key))
            found = (tuple(sorted(rest & passes)),
                     tuple(n for n, (_, tests, _) in enumerate(self._longer) if tests[0](key)))
            if len(self._cache) >= MAX_KEYS:
                self._cache.clear()
            self._cache[ids] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        # Integer ids straight from the Doc's arrays: no Token objects, no strings.
        rows = [tuple(r) for r in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        # Every match is found before any is applied, then applied in pattern
        # order, as the stock ruler does (a later pattern wins).
        actions: list[tuple[int, int]] = []
        for i, ids in enumerate(rows):
            singles, starts = self._resolve(ids)
            for attr_id in singles:
                actions.append((attr_id, i))
            for n in starts:
                attr_id, tests, index = self._longer[n]
                end = i + len(tests)
                if end <= len(rows) and all(
                        t(self._key(rows[i + k])) for k, t in enumerate(tests) if k):
                    actions.append((attr_id, (i if index >= 0 else end) + index))
        actions.sort()
        for attr_id, i in actions:
            self._set(doc[i], self._attrs[attr_id])
        return doc

    def _key(self, ids: tuple[int, int, int, int]) -> tuple[str, str, str, bool]:
        """The attribute values the patterns test, as strings (0 is an unset one)."""
        strings = self._strings
        return (strings[ids[0]] if ids[0] else "", strings[ids[1]] if ids[1] else "",
                strings[ids[2]] if ids[2] else "", bool(ids[3]))


def lookup_for(ruler: Any) -> AttributeLookup | None:
    """An `AttributeLookup` equivalent to `ruler`, or None when one of its
    patterns tests something the lookup key does not hold."""
    singles: list[tuple[int, dict[str, Any]]] = []
    longer: list[tuple[int, list[Test], int]] = []
    for attr_id, entry in enumerate(ruler.patterns):
        for pattern in entry["patterns"]:
            tests = [_token_test(spec) for spec in pattern]
            if not tests or any(t is None for t in tests):
                return None
            if len(tests) == 1:
                singles.append((attr_id, pattern[0]))
            else:
                longer.append((attr_id, tests, entry["index"]))  # type: ignore[arg-type]
    return AttributeLookup(ruler, singles, longer)

