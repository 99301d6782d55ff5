"""FC308 person-affiliation-mismatch: one person tied to two schools, or two
workplaces, that cannot be one body ("a Garden City High School student" /
"a senior at Cambridge High School").

Decided in crosscheck/people.py (`_check_affiliations`) while people are linked
across the articles of a story, with crosscheck/affiliations.py telling whether
two names name one body; this module registers the code.
"""

from __future__ import annotations

from . import Check

CHECK = Check(code="FC308", family="people")
