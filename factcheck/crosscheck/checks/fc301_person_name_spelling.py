"""FC301 person-name-spelling: one person named two ways: a given or family
name one or two letters apart, or the two names swapped.

Decided in crosscheck/people.py (`_check_names`) while people are linked across
the articles of a story; this module registers the code.
"""

from __future__ import annotations

from . import Check

CHECK = Check(code="FC301", family="people")
