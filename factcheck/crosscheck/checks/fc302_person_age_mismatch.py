"""FC302 person-age-mismatch: one person given two ages the time between the
articles does not explain.

Decided in crosscheck/people.py (`_check_ages`) while people are linked across
the articles of a story; this module registers the code.
"""

from __future__ import annotations

from . import Check

CHECK = Check(code="FC302", family="people")
