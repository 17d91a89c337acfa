"""Undo for calendar moves. A move is done first (so a refused one never reaches
the stack); the command then only remembers each item's planned time before
and after, and undo/redo set exactly that time again through
`CalendarSource.set_planned_at` — never "move by a day", which would drift.

Each step is a compare-and-set: undo expects the date the move left, redo the one
undo restored. If somebody (a colleague, or the user from the article form) has
changed the date since, that item is left as it is (PlannedDateChangedError, a
ConflictError: nothing overwritten), the others still go back, the error is
shown once, and the command becomes obsolete so the stack does not retry it.
Edits of the text since do not block it: only the date is compared."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtGui import QUndoCommand

from editorial_desk.domain.errors import EditorialError
from editorial_desk.ui.calendar.source import CalendarSource


@dataclass(frozen=True, slots=True)
class PlanChange:
    article_id: int
    old: datetime | None
    new: datetime | None


class RescheduleCommand(QUndoCommand):
    """One user move (one drop, possibly several items) on the undo stack."""

    def __init__(
        self,
        text: str,
        source: CalendarSource,
        changes: Sequence[PlanChange],
        on_done: Callable[[], None],
        on_error: Callable[[EditorialError], None],
    ) -> None:
        super().__init__(text)
        self._source = source
        self._changes = tuple(changes)
        self._on_done = on_done
        self._on_error = on_error
        self._applied = True  # pushed after the move was made: the first redo is a no-op

    @property
    def changes(self) -> tuple[PlanChange, ...]:
        return self._changes

    def redo(self) -> None:
        if self._applied:
            return
        self._apply([(c.article_id, c.old, c.new) for c in self._changes])
        self._applied = True

    def undo(self) -> None:
        self._apply([(c.article_id, c.new, c.old) for c in reversed(self._changes)])
        self._applied = False

    def _apply(self, plan: list[tuple[int, datetime | None, datetime | None]]) -> None:
        first_error: EditorialError | None = None
        try:
            for article_id, expected, planned_at in plan:
                try:
                    self._source.set_planned_at(article_id, planned_at, expect_planned_at=expected)
                except EditorialError as error:
                    # changed since, deleted, or the right taken away: this item
                    # stays as it is; the others of the same move still go
                    first_error = first_error or error
            if first_error is not None:
                # this step can no longer be repeated as it was: it leaves the
                # stack (Qt drops an obsolete command after undo/redo)
                self.setObsolete(True)
                self._on_error(first_error)
        finally:
            self._on_done()
