"""Facts with no digits: which negations are the story's zero ("nobody was
hurt", "no arrests", the suspect "has not been charged") and which say what
happened to one person ("she was not injured") or name a thing ("no guns")."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.extract.frame_rules import frames_rules
from factcheck.extract.statuses import status_rows

CASES = [
    # (sentence, the zeros and statuses read: (words, event, value))
    ("Nobody was hurt when the boiler burst.", [("Nobody was hurt", "wounded", 0.0)]),
    ("No one was injured in the blaze.", [("No one was injured", "wounded", 0.0)]),
    ("No arrests have been made so far.", [("No arrests", "arrested", 0.0)]),
    ("The driver has not been charged.", [("not been charged", "charged", 0.0)]),
    ("Her brother was not injured in the crash.", []),
    ("The toddler's cousin was not shot, police said.", []),
    ("None of the deputies was hurt in the exchange.", []),
    ("Officers searched two cars but found no guns.", []),
    ("A teenager was gunned down outside the arcade.", []),
    ("Police said there are no other suspects.", []),
    ("No one else was hurt, deputies said.", []),
    ("No further arrests are expected.", []),
    ("So far no suspect information has been released.",
     [("no suspect", "arrested", 0.0)]),
    ("No arrest warrant has been issued.", []),
    # None left to catch is the opposite of none caught.
    ("No suspects are outstanding, the sheriff said.", []),
    ("No suspects remain at large after the raid.", []),
    ("There are no suspects in the robbery yet.", [("no suspects", "arrested", 0.0)]),
    ("Police will not name the man until he is arrested.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:32] for t, _ in CASES])
def test_which_negations_are_zeros(nlp: Any, rules: Any, text: str, expected: list) -> None:
    rows = status_rows(nlp(text), frames_rules(rules), 0)
    assert [(text[r["start"]:r["end"]], r["event"], r["value"]) for r in rows] == expected
