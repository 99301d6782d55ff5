"""FC307 person-wound-mismatch: one person said to be hit in places that do
not meet ("shot in the neck" / "hit in the upper left shoulder").

Decided in crosscheck/people.py (`_check_wounds`) while people are linked across
the articles of a story; this module registers the code.
"""

from __future__ import annotations

from . import Check

CHECK = Check(code="FC307", family="people")
