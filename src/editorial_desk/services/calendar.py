"""Calendar use cases: what a range of local days shows, the tray of undated
items, and moving an item in the plan.

Moves go through `services.articles.update_article` (a date-only change), so the
permissions, the version counter and the status rules are the article form's:
an Approved item given a date becomes Scheduled and keeps its approval (only a
change of the text voids one). Each move also writes one audit row whose reason
is a `RescheduleNote` (old -> new planned time), so the History tab can show it.

Undo, redo and drags compare-and-set the date: given `expect_planned_at` (the
date the caller last saw), a move finds the stored date different and raises
`PlannedDateChangedError` (a ConflictError) without writing, instead of putting
an old date back over a newer one. Only the date is compared: a title or body
saved by somebody else since does not block the move."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from sqlalchemy.orm import Session

from editorial_desk.domain.article import (
    ArticleChanges,
    ArticleOrder,
    ArticleQuery,
    ArticleSnapshot,
    ArticleSummary,
    SortKey,
)
from editorial_desk.domain.calendar import (
    DEFAULT_PLAN_TIME,
    UNSET,
    CalendarFilter,
    PlannedDateChangedError,
    Unset,
    day_bounds_utc,
    local_day,
    moved_to_day,
    planned_on_day,
)
from editorial_desk.domain.review import RescheduleNote
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.timeutil import ensure_utc, utc_now
from editorial_desk.domain.users import UserInfo
from editorial_desk.services.articles import (
    list_articles,
    load_article,
    record_status_change,
    snapshot,
    update_article,
)
from editorial_desk.store.models import Article

UNSCHEDULED_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Rescheduled:
    """What a move changed: the article as saved, and its planned time before and
    after (equal when nothing changed), for the UI's undo and refresh."""

    article: ArticleSnapshot
    old_planned_at: datetime | None
    new_planned_at: datetime | None

    @property
    def changed(self) -> bool:
        return self.old_planned_at != self.new_planned_at


def _query(filters: CalendarFilter, **bounds: object) -> ArticleQuery | None:
    """The list query for `filters`; None when the filter can match nothing (only
    the trash was chosen: the calendar never shows the trash)."""
    statuses = tuple(sorted(filters.statuses - {Status.TRASH}))
    if filters.statuses and not statuses:
        return None
    return ArticleQuery(
        statuses=statuses,
        rubric=filters.rubric or None,
        author_login=filters.author_login or None,
        **bounds,  # type: ignore[arg-type]
    )


def calendar_items(
    session: Session,
    first: date,
    last: date,
    zone: tzinfo,
    filters: CalendarFilter = CalendarFilter(),  # noqa: B008 - frozen, so a safe default
) -> list[ArticleSummary]:
    """Dated items planned on the local days `first`..`last` (inclusive) in `zone`,
    not in the trash, ordered by planned time then id. Summaries only: a range
    query on the planned_at index, no bodies read."""
    date_from, date_to = day_bounds_utc(first, last, zone)
    query = _query(filters, date_from=date_from, date_to=date_to)
    if query is None:
        return []
    return list_articles(session, query, ArticleOrder(SortKey.PLANNED, descending=False))


@dataclass(frozen=True, slots=True)
class PlanFile:
    """An iCalendar file of the plan, and how many events it holds."""

    data: bytes
    events: int


def plan_ics(
    session: Session,
    first: date,
    last: date,
    zone: tzinfo,
    filters: CalendarFilter = CalendarFilter(),  # noqa: B008 - frozen, so a safe default
    *,
    zone_override: str | None = None,
) -> PlanFile:
    """The plan of local days [first, last] as an .ics file (one event per dated
    item), named after its range; what the CLI and the window both export.
    `zone_override` is the EDITORIAL_DESK_TZ value, if any (the calendar names
    its zone for clients that show it)."""
    from editorial_desk.export.ical import DEFAULT_CALENDAR_NAME, plan_to_ics
    from editorial_desk.services.office import effective_zone_name

    items = calendar_items(session, first, last, zone, filters)
    data = plan_to_ics(
        items,
        zone_name=effective_zone_name(session, zone_override),
        generated_at=utc_now(),
        calendar_name=f"{DEFAULT_CALENDAR_NAME} {first:%d.%m.%Y}–{last:%d.%m.%Y}",
    )
    return PlanFile(data, len(items))


def unscheduled_items(
    session: Session,
    filters: CalendarFilter = CalendarFilter(),  # noqa: B008 - frozen, so a safe default
    limit: int = UNSCHEDULED_LIMIT,
) -> list[ArticleSummary]:
    """The tray: items with no planned date, not in the trash, most recently
    changed first (what people are working on now), at most `limit`."""
    query = _query(filters, unscheduled_only=True)
    if query is None:
        return []
    return list_articles(session, query, ArticleOrder(SortKey.UPDATED), limit=limit)


def set_planned_at(
    session: Session,
    actor: UserInfo,
    article_id: int,
    planned_at: datetime | None,
    *,
    expected_version: int | None = None,
    expect_planned_at: datetime | Unset | None = UNSET,
) -> Rescheduled:
    """Set the planned time (None: back to the tray). Also what undo calls with
    the old time. No change, no write and no audit row.

    `expected_version`, if given, is the version the user saw: a newer save by
    somebody else is then a ConflictError instead of being moved blindly.
    `expect_planned_at`, if given, is the planned time the caller saw (None: no
    date): a different stored one raises PlannedDateChangedError, nothing written."""
    article = load_article(session, article_id)
    old = article.planned_at
    new = ensure_utc(planned_at) if planned_at is not None else None
    _check_expected(article, expect_planned_at, new)
    if old == new:
        return Rescheduled(snapshot(article), old, old)
    version = article.version if expected_version is None else expected_version
    saved = update_article(
        session, actor, article_id, version, ArticleChanges(planned_at=new, change_planned_at=True)
    )
    # After the save: its own status row (Approved -> Scheduled ...) comes first,
    # and this row records the status the item ended in.
    record_status_change(
        session,
        load_article(session, article_id),
        actor,
        saved.status.value,
        saved.status.value,
        RescheduleNote(old, new).reason(),
        saved.updated_at,
    )
    session.flush()
    return Rescheduled(saved, old, new)


def _check_expected(
    article: Article, expected: datetime | Unset | None, new: datetime | None
) -> None:
    if isinstance(expected, Unset):
        return
    wanted = ensure_utc(expected) if expected is not None else None
    if article.planned_at != wanted:
        raise PlannedDateChangedError(snapshot(article), wanted, new)


def move_to_day(
    session: Session,
    actor: UserInfo,
    article_id: int,
    day: date,
    zone: tzinfo,
    *,
    expected_version: int | None = None,
    expect_planned_at: datetime | Unset | None = UNSET,
) -> Rescheduled:
    """Move to local `day` keeping the local time (a drag on the calendar). The same
    day is a no-op. An undated item gets DEFAULT_PLAN_TIME, as from the tray.
    `expect_planned_at`: the date the view showed (see `set_planned_at`)."""
    article = load_article(session, article_id)
    current = article.planned_at
    if current is None:
        target = planned_on_day(day, DEFAULT_PLAN_TIME, zone)
    elif local_day(current, zone) == day:
        _check_expected(article, expect_planned_at, current)
        return Rescheduled(snapshot(article), current, current)
    else:
        target = moved_to_day(current, day, zone)
    return set_planned_at(
        session,
        actor,
        article_id,
        target,
        expected_version=expected_version,
        expect_planned_at=expect_planned_at,
    )


def plan_on_day(
    session: Session,
    actor: UserInfo,
    article_id: int,
    day: date,
    zone: tzinfo,
    at: time = DEFAULT_PLAN_TIME,
    *,
    expected_version: int | None = None,
    expect_planned_at: datetime | Unset | None = UNSET,
) -> Rescheduled:
    """Plan for local `at` on `day` (a drop from the unscheduled tray; pass
    `expect_planned_at=None` to refuse an item someone has dated meanwhile)."""
    return set_planned_at(
        session,
        actor,
        article_id,
        planned_on_day(day, at, zone),
        expected_version=expected_version,
        expect_planned_at=expect_planned_at,
    )
