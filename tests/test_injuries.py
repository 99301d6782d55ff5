"""Hurts other than wounds: which places, of which kind, said of whom."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "want"), [
    ("Dana Ruiz, 30, suffered a broken leg in the crash.",
     [("injury", "fracture", "leg", "Dana Ruiz", None)]),
    ("A man with a fractured skull was taken to the hospital.",
     [("injury", "fracture", "head", None, "man")]),
    ("Police said Ben Cole, 33, fell and he broke his wrist.",
     [("injury", "fracture", "arm", "Ben Cole", None)]),
    ("Ben Cole, 33, fell from the roof, breaking his wrist.",
     [("injury", "fracture", "arm", "Ben Cole", None)]),
    # The one who cut is not whose face it was.
    ("Police said Ben Cole cut his face.", []),
    ("Police said Ana Lee, 19, had cuts to her face.",
     [("injury", "cut", "head", "Ana Lee", None)]),
    ("Al Fry had leg burns.", [("injury", "burn", "leg", "Al Fry", None)]),
    # A compound of a wound's word is a wound, as "a wound to the head" is.
    ("Joe Tam, 40, suffered a head wound.", [("wound", None, "head", "Joe Tam", None)]),
    # No one's: a heart broken in a figure of speech.
    ("The murder breaks a heart.", []),
    ("It broke his heart, she said.", []),
], ids=lambda v: str(v)[:40])
def test_injury_rows(person_rows, text, want):
    rows = person_rows(text, "injury", "wound")
    assert [(r["attribute"], r.get("unit"), r["attribute_value"], r["entity"], r["subject"])
            for r in rows] == want
