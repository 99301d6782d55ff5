"""FC403 place-mismatch: the articles of a story put the event in another
street: another street type, a spelling a letter apart, or another block or
house number on the same street.

Decided in crosscheck/places.py (`place_check`) once the street facts of a
story are gathered into places; this module registers the code.
"""

from __future__ import annotations

from . import Check

CHECK = Check(code="FC403", family="places")
