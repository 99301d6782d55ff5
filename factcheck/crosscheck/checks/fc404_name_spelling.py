"""FC404 name-spelling: the articles of a story spell the name of a place or
a body (a town, school, college, business, agency) two ways: a letter left
out, added, changed or two swapped, or an ending like -ern.

Decided in crosscheck/names.py (`name_check`) once a story's names of
places and bodies are gathered; this module registers the code.
"""

from __future__ import annotations

from . import Check

CHECK = Check(code="FC404", family="places")
