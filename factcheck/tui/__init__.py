"""The Textual review app (`factcheck review`). Only this package imports textual."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import ReviewApp


def build_app(*args: Any, **kwargs: Any) -> ReviewApp:
    """See factcheck.tui.app.build_app; imported lazily so textual loads only here."""
    from .app import build_app as build

    return build(*args, **kwargs)
