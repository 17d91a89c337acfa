"""The calendar's way to the database: one `store.session()` (one unit of work) per
user action, calling the calendar services. Plain values in and out; errors are
the domain's EditorialError subclasses, shown by the panel with the app's
messages (`ui.dialogs.show_error`).

The services (and SQLAlchemy behind them) are imported on first use, like
`ui.operations`, so building the panel before the store is open costs nothing."""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from typing import TYPE_CHECKING

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.calendar import DEFAULT_PLAN_TIME, UNSET, CalendarFilter, Unset
from editorial_desk.domain.users import UserInfo

if TYPE_CHECKING:
    from editorial_desk.services.calendar import Rescheduled
    from editorial_desk.store.engine import Store
    from editorial_desk.ui.context import AppContext


class CalendarSource:
    """The open store and who is acting. The zone is passed in by the caller on
    every call: the panel owns it and can change it (`CalendarPanel.set_zone`)."""

    def __init__(self, store: Store, user: UserInfo) -> None:
        self._store = store
        self._user = user

    @classmethod
    def from_context(cls, context: AppContext) -> CalendarSource:
        return cls(context.store, context.user)

    @property
    def user(self) -> UserInfo:
        return self._user

    # --- reading -------------------------------------------------------------------

    def items(
        self, first: date, last: date, zone: tzinfo, filters: CalendarFilter
    ) -> list[ArticleSummary]:
        """Dated items whose local day is in [first, last], in one query."""
        from editorial_desk.services.calendar import calendar_items

        with self._store.session() as session:
            return calendar_items(session, first, last, zone, filters)

    def unscheduled(self, filters: CalendarFilter, limit: int = 500) -> list[ArticleSummary]:
        from editorial_desk.services.calendar import unscheduled_items

        with self._store.session() as session:
            return unscheduled_items(session, filters, limit=limit)

    def filter_choices(self) -> tuple[list[str], list[tuple[str, str]]]:
        """Rubrics, and (login, name) of the authors, for the filter combos."""
        from editorial_desk.services.articles import list_authors, list_rubrics

        with self._store.session() as session:
            return list_rubrics(session), list_authors(session)

    # --- rescheduling (each returns what changed, for the undo stack) ------------------

    # `expect_planned_at` (where given): the date the caller saw, compared with the
    # stored one before writing (services.calendar.set_planned_at); UNSET: none.

    def move_to_day(
        self,
        article_id: int,
        day: date,
        zone: tzinfo,
        *,
        expect_planned_at: datetime | Unset | None = UNSET,
    ) -> Rescheduled:
        """Another day, the same local time. Pass `expect_planned_at=` the date the
        view showed, so a move made from a stale view is refused, not applied."""
        from editorial_desk.services.calendar import move_to_day

        with self._store.session() as session:
            return move_to_day(
                session, self._user, article_id, day, zone, expect_planned_at=expect_planned_at
            )

    def plan_on_day(
        self,
        article_id: int,
        day: date,
        zone: tzinfo,
        at: time = DEFAULT_PLAN_TIME,
        *,
        expect_planned_at: datetime | Unset | None = UNSET,
    ) -> Rescheduled:
        """An undated item planned on `day` at local `at`."""
        from editorial_desk.services.calendar import plan_on_day

        with self._store.session() as session:
            return plan_on_day(
                session,
                self._user,
                article_id,
                day,
                zone,
                at=at,
                expect_planned_at=expect_planned_at,
            )

    def set_planned_at(
        self,
        article_id: int,
        planned_at: datetime | None,
        *,
        expect_planned_at: datetime | Unset | None = UNSET,
    ) -> Rescheduled:
        """An exact moment (undo / redo), or None to take the date away. Undo and
        redo pass `expect_planned_at=` the date their step left behind."""
        from editorial_desk.services.calendar import set_planned_at

        with self._store.session() as session:
            return set_planned_at(
                session, self._user, article_id, planned_at, expect_planned_at=expect_planned_at
            )
