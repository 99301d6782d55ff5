"""FC405 route-number-mismatch: the articles of a story number a route, a
road or a flight two ways, two neighbouring digits swapped ("Route 38" /
"Route 83").

Decided in crosscheck/routes.py (`route_check`) once a story's routes are
gathered; this module registers the code.
"""

from __future__ import annotations

from . import Check

CHECK = Check(code="FC405", family="places")
