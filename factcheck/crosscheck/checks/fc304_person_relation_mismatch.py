"""FC304 person-relation-mismatch: one person described as different things to
the others ("her sister", "a friend of the victim"); `info` unless both
descriptions say of whom alike.

Decided in crosscheck/people.py (`_check_relations`) while people are linked
across the articles of a story; this module registers the code.
"""

from __future__ import annotations

from . import Check

CHECK = Check(code="FC304", family="people")
