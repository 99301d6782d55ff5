"""The review app's actions that open another screen over the list: the
matrix, the people and timeline tables, the article and the help."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from .modals import HelpScreen
from .screens import ArticleScreen, MatrixScreen
from .tables import PeopleScreen, TimelineScreen
from .view import Review


class OpenActions(App[int]):
    """Mixed into ``ReviewApp``."""

    # The app's state and the list's helpers these actions use (ReviewApp's).
    review: Review | None
    current_row: Callable[[], Any]
    select: Callable[[str], None]

    def action_matrix(self) -> None:
        row = self.current_row()
        if row is None or self.review is None:
            return

        def opened(key: str | None) -> None:
            if key is not None:
                self.select(key)

        self.push_screen(MatrixScreen(self.review, row.story, focus=row.key), opened)

    def action_people(self) -> None:
        self._open_table(PeopleScreen, "people")

    def action_timeline(self) -> None:
        self._open_table(TimelineScreen, "timeline")

    def _open_table(self, screen: type, what: str) -> None:
        row = self.current_row()
        review = self.review
        if row is None or review is None:
            return
        stories = review.stories_with(what)
        if not stories:
            self.notify(f"No {what} table in this batch.", timeout=3)
            return
        story = row.story if row.story in stories else stories[0]

        def opened(key: str | None) -> None:
            if key is not None:
                self.select(key)

        self.push_screen(screen(review, stories, story), opened)

    def action_article(self) -> None:
        row = self.current_row()
        if row is None or self.review is None:
            return
        # Facts of articles outside the batch (a fact store) have no text to show.
        review = self.review
        facts = [f for f in row.fact_ids
                 if f in review.facts and review.facts[f]["article"] in review.articles]
        if facts:
            self.push_screen(ArticleScreen(review, facts))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
