"""FC305 person-condition-change: one person's condition or fate told
differently: forward in time an update, back a conflict.

Decided in crosscheck/people.py (`_check_states`) while people are linked across
the articles of a story; this module registers the code.
"""

from __future__ import annotations

from . import Check

CHECK = Check(code="FC305", family="people")
