"""FC306 person-charge-change: one person's charges listed differently after an arrest.

Decided in crosscheck/people.py (`_check_charges`) while people are linked across
the articles of a story; this module registers the code.
"""

from __future__ import annotations

from . import Check

CHECK = Check(code="FC306", family="people")
