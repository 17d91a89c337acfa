"""The calendar's use cases on a real SQLite store, with the office in
Vladivostok (UTC+10): which items a range of local days shows, the tray, and
moves that keep the time, keep an approval, obey the permissions and are audited."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event

from editorial_desk.domain.article import ArticleChanges
from editorial_desk.domain.calendar import CalendarFilter, PlannedDateChangedError
from editorial_desk.domain.errors import ConflictError, PermissionDeniedError
from editorial_desk.domain.review import QueueKind, RescheduleNote, SystemReason
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.workflow import Action, ActionDeniedError, Rule
from editorial_desk.services.approvals import current_approval
from editorial_desk.services.articles import (
    create_article,
    get_article,
    move_to_trash,
    update_article,
)
from editorial_desk.services.calendar import (
    Rescheduled,
    calendar_items,
    move_to_day,
    plan_on_day,
    set_planned_at,
    unscheduled_items,
)
from editorial_desk.services.history import audit_trail, list_revisions
from editorial_desk.services.queues import queue
from editorial_desk.services.workflow import transition

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")


def vlad(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    """A local Vladivostok time in March 2026, as the aware UTC the store keeps."""
    return datetime(2026, month, day, hour, minute, tzinfo=VLADIVOSTOK).astimezone(UTC)


def _new(session, author, title: str, planned: datetime | None = None, **fields) -> int:
    return create_article(session, author, title=title, planned_at=planned, **fields).id


def _approved(session, team, title: str, planned: datetime | None) -> int:
    article_id = _new(session, team.editor, title, planned, body="<p>Текст</p>")
    transition(session, team.editor, article_id, Action.SUBMIT)
    transition(session, team.reviewer, article_id, Action.APPROVE)
    return article_id


def _titles(items) -> list[str]:
    return [item.title for item in items]


# ------------------------------------------------------------------ reading


def test_half_past_midnight_local_is_on_its_local_day(store, team):
    with store.session() as session:
        _new(session, team.editor, "В 00:30", vlad(10, 0, 30))  # 9 March, 14:30 UTC
        _new(session, team.editor, "В 23:59 накануне", vlad(9, 23, 59))
        _new(session, team.editor, "Полночь следующего дня", vlad(11, 0, 0))
        on_10th = calendar_items(session, date(2026, 3, 10), date(2026, 3, 10), VLADIVOSTOK)
        on_9th = calendar_items(session, date(2026, 3, 9), date(2026, 3, 9), VLADIVOSTOK)
        in_utc_9th = calendar_items(session, date(2026, 3, 9), date(2026, 3, 9), UTC)
    assert _titles(on_10th) == ["В 00:30"]
    assert _titles(on_9th) == ["В 23:59 накануне"]
    # the same store read with UTC days puts the 00:30 item on the 9th: the zone decides
    assert _titles(in_utc_9th) == ["В 23:59 накануне", "В 00:30"]


def test_items_are_dated_not_trashed_and_ordered_by_time_then_id(store, team):
    with store.session() as session:
        late = _new(session, team.editor, "Вечер", vlad(5, 18))
        first = _new(session, team.editor, "Утро А", vlad(5, 9))
        second = _new(session, team.editor, "Утро Б", vlad(5, 9))
        _new(session, team.editor, "Без даты")
        _new(session, team.editor, "Апрель", vlad(1, 9, month=4))
        trashed = _new(session, team.editor, "В корзине", vlad(6, 9))
        move_to_trash(session, team.editor, trashed)
        items = calendar_items(session, date(2026, 3, 1), date(2026, 3, 31), VLADIVOSTOK)
        # choosing the trash in the filter still never shows it
        only_trash = CalendarFilter(statuses=frozenset({Status.TRASH}))
        with_trash = CalendarFilter(statuses=frozenset({Status.TRASH, Status.DRAFT}))
        none = calendar_items(session, date(2026, 3, 1), date(2026, 3, 31), VLADIVOSTOK, only_trash)
        drafts = calendar_items(
            session, date(2026, 3, 1), date(2026, 3, 31), VLADIVOSTOK, with_trash
        )
    assert [i.id for i in items] == [first, second, late]
    assert none == []
    assert [i.id for i in drafts] == [first, second, late]


def test_filters_by_status_rubric_and_author(store, team):
    with store.session() as session:
        _new(session, team.editor, "Город Анны", vlad(3, 9), rubric="Город")
        _new(session, team.other_editor, "Спорт Бориса", vlad(3, 10), rubric="Спорт")
        approved = _approved(session, team, "Одобренная", vlad(4, 9))
        get_article(session, approved)

        def titles(filters: CalendarFilter) -> list[str]:
            return _titles(
                calendar_items(session, date(2026, 3, 1), date(2026, 3, 31), VLADIVOSTOK, filters)
            )

        assert titles(CalendarFilter()) == ["Город Анны", "Спорт Бориса", "Одобренная"]
        assert titles(CalendarFilter(rubric="Спорт")) == ["Спорт Бориса"]
        assert titles(CalendarFilter(author_login="anna")) == ["Город Анны", "Одобренная"]
        scheduled = CalendarFilter(statuses=frozenset({Status.SCHEDULED}))
        assert titles(scheduled) == ["Одобренная"]
        both = CalendarFilter(statuses=frozenset({Status.DRAFT}), author_login="boris")
        assert titles(both) == ["Спорт Бориса"]


def test_the_tray_holds_undated_items_newest_change_first(store, team):
    with store.session() as session:
        older = _new(session, team.editor, "Старый черновик", rubric="Город")
        newer = _new(session, team.other_editor, "Новый черновик", rubric="Спорт")
        _new(session, team.editor, "С датой", vlad(3, 9))
        trashed = _new(session, team.editor, "Удалённый")
        move_to_trash(session, team.editor, trashed)
    with store.session() as session:  # touching the older one makes it the newest
        set_planned_at(session, team.editor, older, vlad(3, 9))
        set_planned_at(session, team.editor, older, None)
        tray = unscheduled_items(session)
        limited = unscheduled_items(session, limit=1)
        sport = unscheduled_items(session, CalendarFilter(rubric="Спорт"))
        by_anna = unscheduled_items(session, CalendarFilter(author_login="anna"))
    assert [i.id for i in tray] == [older, newer]
    assert [i.id for i in limited] == [older]
    assert [i.id for i in sport] == [newer]
    assert [i.id for i in by_anna] == [older]
    assert all(i.planned_at is None for i in tray)


def test_the_range_query_is_answered_from_the_plan_index_alone(store, team):
    with store.session() as session:
        _new(session, team.editor, "Новость", vlad(3, 9))
    statements: list[str] = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", remember)
    try:
        with store.session() as session:
            calendar_items(session, date(2026, 3, 1), date(2026, 4, 11), VLADIVOSTOK)
    finally:
        event.remove(store.engine, "before_cursor_execute", remember)
    [select_sql] = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert "body" not in select_sql.lower()
    with store.engine.connect() as conn:
        params = ("2026-02-28 14:00:00.000000", "2026-04-11 14:00:00.000000", "trash")
        plan = " ".join(
            str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {select_sql}", params)
        )
    # covering: the rows (and their bodies) are never read; ordered by the index
    assert "COVERING INDEX ix_articles_plan " in plan, plan
    assert "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize(
    ("filters", "index"),
    [
        (CalendarFilter(statuses=frozenset({Status.DRAFT})), "ix_articles_status_planned_at"),
        (CalendarFilter(rubric="Спорт"), "ix_articles_rubric_planned_at"),
        (CalendarFilter(author_login="anna"), "ix_articles_author_id_planned_at"),
    ],
)
def test_a_filtered_range_is_a_range_on_the_filters_index(store, team, filters, index):
    """A month filtered by status, rubric or author: one range on that index, not
    the whole month (or the whole status) read and filtered row by row."""
    with store.session() as session:
        _new(session, team.editor, "Новость", vlad(3, 9), rubric="Спорт")
    statements: list[tuple[str, object]] = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        if "FROM articles" in statement:
            statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", remember)
    try:
        with store.session() as session:
            found = calendar_items(
                session, date(2026, 3, 1), date(2026, 4, 11), VLADIVOSTOK, filters
            )
    finally:
        event.remove(store.engine, "before_cursor_execute", remember)
    assert _titles(found) == ["Новость"]
    [(sql, params)] = statements
    with store.engine.connect() as conn:
        plan = " ".join(
            str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
        )
    assert f"{index} (" in plan and "planned_at>? AND planned_at<?" in plan, plan


# ------------------------------------------------------------------ moving


def test_moving_keeps_the_local_time_and_is_audited(store, team):
    with store.session() as session:
        article_id = _new(session, team.editor, "Ночная новость", vlad(10, 0, 30))
        before = get_article(session, article_id)
    with store.session() as session:
        moved = move_to_day(session, team.editor, article_id, date(2026, 3, 12), VLADIVOSTOK)
    assert moved.changed
    assert moved.old_planned_at == vlad(10, 0, 30)
    assert moved.new_planned_at == vlad(12, 0, 30)
    with store.session() as session:
        stored = get_article(session, article_id)
        trail = audit_trail(session, article_id)
        revisions = list_revisions(session, article_id)
    assert stored.planned_at == vlad(12, 0, 30)
    assert stored.planned_at.astimezone(VLADIVOSTOK).time() == time(0, 30)
    assert stored.version == before.version + 1
    assert len(revisions) == 1  # a date is not a text change: no new revision
    last = trail[-1]
    assert (last.from_status, last.to_status, last.user_login) == (
        Status.DRAFT,
        Status.DRAFT,
        "anna",
    )
    assert RescheduleNote.parse(last.reason) == RescheduleNote(vlad(10, 0, 30), vlad(12, 0, 30))


def test_moving_to_the_same_day_changes_nothing(store, team):
    with store.session() as session:
        article_id = _new(session, team.editor, "На месте", vlad(10, 0, 30))
        before = get_article(session, article_id)
        rows_before = len(audit_trail(session, article_id))
    with store.session() as session:
        result = move_to_day(session, team.editor, article_id, date(2026, 3, 10), VLADIVOSTOK)
        # planning it at the time it already has is no change either
        same = set_planned_at(session, team.editor, article_id, vlad(10, 0, 30))
    assert not result.changed and not same.changed
    with store.session() as session:
        assert get_article(session, article_id).version == before.version
        assert len(audit_trail(session, article_id)) == rows_before


def test_moving_an_approved_item_keeps_its_approval(store, team):
    with store.session() as session:
        article_id = _approved(session, team, "Одобрено с датой", vlad(10, 9))
        assert get_article(session, article_id).status is Status.SCHEDULED
    with store.session() as session:
        moved = move_to_day(session, team.reviewer, article_id, date(2026, 3, 20), VLADIVOSTOK)
        approval = current_approval(session, article_id)
    assert moved.article.status is Status.SCHEDULED
    assert approval is not None and approval.revoked_at is None
    assert moved.article.planned_at == vlad(20, 9)


def test_tray_to_day_schedules_an_approved_item_and_unscheduling_returns_it(store, team):
    with store.session() as session:
        article_id = _approved(session, team, "Из лотка", None)
        assert get_article(session, article_id).status is Status.APPROVED
    with store.session() as session:
        planned = plan_on_day(session, team.reviewer, article_id, date(2026, 3, 10), VLADIVOSTOK)
    assert planned.old_planned_at is None
    assert planned.new_planned_at == vlad(10, 10)  # DEFAULT_PLAN_TIME, local
    assert planned.article.status is Status.SCHEDULED
    with store.session() as session:
        back = set_planned_at(session, team.reviewer, article_id, None)
        assert current_approval(session, article_id) is not None
        trail = [(e.from_status, e.to_status, e.reason) for e in audit_trail(session, article_id)]
    assert back.article.status is Status.APPROVED and back.article.planned_at is None
    assert trail[-4:] == [
        (Status.APPROVED, Status.SCHEDULED, SystemReason.PLANNED_DATE_SET.value),
        (Status.SCHEDULED, Status.SCHEDULED, RescheduleNote(None, vlad(10, 10)).reason()),
        (Status.SCHEDULED, Status.APPROVED, SystemReason.PLANNED_DATE_REMOVED.value),
        (Status.APPROVED, Status.APPROVED, RescheduleNote(vlad(10, 10), None).reason()),
    ]


def test_undo_puts_the_old_time_back(store, team):
    with store.session() as session:
        article_id = _new(session, team.editor, "Туда и обратно", vlad(10, 0, 30))
    with store.session() as session:
        moved = move_to_day(session, team.editor, article_id, date(2026, 3, 1), VLADIVOSTOK)
    with store.session() as session:
        undone = set_planned_at(session, team.editor, article_id, moved.old_planned_at)
        notes = [RescheduleNote.parse(e.reason) for e in audit_trail(session, article_id)]
    assert undone.article.planned_at == vlad(10, 0, 30)
    assert [n for n in notes if n] == [
        RescheduleNote(vlad(10, 0, 30), vlad(1, 0, 30)),
        RescheduleNote(vlad(1, 0, 30), vlad(10, 0, 30)),
    ]


def test_an_undated_item_dragged_onto_a_day_gets_the_default_time(store, team):
    with store.session() as session:
        article_id = _new(session, team.editor, "Без даты")
        moved = move_to_day(session, team.editor, article_id, date(2026, 3, 10), VLADIVOSTOK)
    assert moved.new_planned_at == vlad(10, 10)


@pytest.mark.parametrize("who", ["other_editor", "reviewer", "exporter"])
def test_a_role_that_may_not_plan_this_item_is_refused_and_nothing_changes(store, team, who):
    with store.session() as session:
        article_id = _new(session, team.editor, "Чужой черновик", vlad(10, 9))
        rows_before = len(audit_trail(session, article_id))
    with store.session() as session, pytest.raises(PermissionDeniedError):
        move_to_day(session, getattr(team, who), article_id, date(2026, 3, 12), VLADIVOSTOK)
    with store.session() as session:
        assert get_article(session, article_id).planned_at == vlad(10, 9)
        assert len(audit_trail(session, article_id)) == rows_before


def test_a_trashed_item_cannot_be_moved(store, team):
    with store.session() as session:
        article_id = _new(session, team.editor, "В корзине", vlad(10, 9))
        move_to_trash(session, team.editor, article_id)
    with store.session() as session, pytest.raises(PermissionDeniedError):
        move_to_day(session, team.editor, article_id, date(2026, 3, 12), VLADIVOSTOK)


def test_a_stale_version_is_a_conflict_not_a_blind_move(store, team):
    with store.session() as session:
        article = create_article(session, team.editor, title="Старая", planned_at=vlad(10, 9))
        set_planned_at(session, team.editor, article.id, vlad(11, 9))
    with store.session() as session, pytest.raises(ConflictError):
        move_to_day(
            session,
            team.editor,
            article.id,
            date(2026, 3, 12),
            VLADIVOSTOK,
            expected_version=article.version,
        )


def test_a_move_does_not_reorder_the_review_queue(store, team):
    """The queue orders by when an item entered its status; a move is no status change."""
    with store.session() as session:
        first = _new(session, team.editor, "Первая", vlad(10, 9))
        second = _new(session, team.editor, "Вторая", vlad(10, 10))
        transition(session, team.editor, first, Action.SUBMIT)
        transition(session, team.editor, second, Action.SUBMIT)
        move_to_day(session, team.reviewer, first, date(2026, 3, 15), VLADIVOSTOK)
        waiting = queue(session, team.reviewer, QueueKind.TO_REVIEW, VLADIVOSTOK)
    assert [i.id for i in waiting.items] == [first, second]


# ------------------------------------------------------- compare-and-set (undo, redo, drags)


def _move_then(store, team, meanwhile) -> tuple[int, Rescheduled]:
    """The editor drags an item from the 10th to the 12th; then `meanwhile(session,
    article_id)` happens (a colleague's change)."""
    with store.session() as session:
        article_id = _new(session, team.editor, "Ярмарка", vlad(10, 14, 30), body="<p>Т</p>")
    with store.session() as session:
        moved = move_to_day(session, team.editor, article_id, date(2026, 3, 12), VLADIVOSTOK)
    with store.session() as session:
        meanwhile(session, article_id)
    return article_id, moved


def _undo(store, actor, article_id: int, moved: Rescheduled) -> Rescheduled:
    """What RescheduleCommand.undo asks for: the old time, if the new one is still there."""
    with store.session() as session:
        return set_planned_at(
            session,
            actor,
            article_id,
            moved.old_planned_at,
            expect_planned_at=moved.new_planned_at,
        )


def _state(store, article_id: int) -> tuple[datetime | None, int, int]:
    with store.session() as session:
        article = get_article(session, article_id)
        return article.planned_at, article.version, len(audit_trail(session, article_id))


def test_undo_after_a_colleague_moved_the_item_is_refused_and_writes_nothing(store, team):
    article_id, moved = _move_then(
        store,
        team,
        lambda s, a: move_to_day(s, team.admin, a, date(2026, 3, 15), VLADIVOSTOK),
    )
    before = _state(store, article_id)
    assert before[0] == vlad(15, 14, 30)
    with pytest.raises(PlannedDateChangedError) as refused:
        _undo(store, team.editor, article_id, moved)
    assert isinstance(refused.value, ConflictError)
    assert refused.value.expected == vlad(12, 14, 30)
    assert refused.value.actual == vlad(15, 14, 30)
    assert refused.value.theirs.planned_at == vlad(15, 14, 30)
    assert refused.value.mine.planned_at == vlad(10, 14, 30)
    assert str(refused.value) == (
        f"the planned date of article {article_id} was changed (now 2026-03-15 04:30 UTC, "
        "expected 2026-03-12 04:30 UTC); nothing was changed"
    )
    assert _state(store, article_id) == before  # the colleague's date, no new version or row


def test_undo_after_the_date_was_set_from_the_form_is_refused(store, team):
    def from_the_form(session, article_id):
        current = get_article(session, article_id)
        changes = ArticleChanges(planned_at=vlad(20, 9), change_planned_at=True)
        update_article(session, team.editor, article_id, current.version, changes)

    article_id, moved = _move_then(store, team, from_the_form)
    with pytest.raises(PlannedDateChangedError):
        _undo(store, team.editor, article_id, moved)
    assert _state(store, article_id)[0] == vlad(20, 9)


def test_undo_after_the_date_was_taken_away_is_refused(store, team):
    article_id, moved = _move_then(store, team, lambda s, a: set_planned_at(s, team.admin, a, None))
    with pytest.raises(PlannedDateChangedError) as refused:
        _undo(store, team.editor, article_id, moved)
    assert refused.value.actual is None
    assert _state(store, article_id)[0] is None


def test_undo_after_a_colleague_edited_only_the_text_still_goes_back(store, team):
    def retitle(session, article_id):
        current = get_article(session, article_id)
        changes = ArticleChanges(title="Ярмарка на площади", body="<p>Новый текст</p>")
        update_article(session, team.admin, article_id, current.version, changes)

    article_id, moved = _move_then(store, team, retitle)
    _planned, version, rows = _state(store, article_id)
    undone = _undo(store, team.editor, article_id, moved)
    assert undone.changed and undone.article.planned_at == vlad(10, 14, 30)
    assert undone.article.title == "Ярмарка на площади"  # their text kept
    assert _state(store, article_id) == (vlad(10, 14, 30), version + 1, rows + 1)


def test_undo_still_obeys_the_workflow(store, team):
    """Undo is a move like any other: the author's item sent to review since is no
    longer theirs to plan, matching date or not."""
    article_id, moved = _move_then(
        store, team, lambda s, a: transition(s, team.editor, a, Action.SUBMIT)
    )
    with pytest.raises(PermissionDeniedError):
        _undo(store, team.editor, article_id, moved)
    assert _state(store, article_id)[0] == vlad(12, 14, 30)


def test_redo_expects_the_date_undo_restored(store, team):
    article_id, moved = _move_then(store, team, lambda s, a: None)
    _undo(store, team.editor, article_id, moved)
    with store.session() as session:
        move_to_day(session, team.admin, article_id, date(2026, 3, 18), VLADIVOSTOK)
    with store.session() as session, pytest.raises(PlannedDateChangedError):
        set_planned_at(
            session,
            team.editor,
            article_id,
            moved.new_planned_at,
            expect_planned_at=moved.old_planned_at,
        )
    assert _state(store, article_id)[0] == vlad(18, 14, 30)


def test_a_drag_from_a_stale_view_is_refused(store, team):
    """The view showed the item on the 10th; meanwhile it went to the 15th (or, for
    a tray item, got a date): the drag is refused, not applied to the new date."""
    with store.session() as session:
        dated = _new(session, team.editor, "На 10-е", vlad(10, 9))
        undated = _new(session, team.editor, "Без даты")
        set_planned_at(session, team.admin, dated, vlad(15, 9))
        set_planned_at(session, team.admin, undated, vlad(16, 9))
    for article_id, seen in ((dated, vlad(10, 9)), (undated, None)):
        for day in (date(2026, 3, 12), date(2026, 3, 16)):  # another day, or its own now
            with store.session() as session, pytest.raises(PlannedDateChangedError):
                move_to_day(
                    session, team.editor, article_id, day, VLADIVOSTOK, expect_planned_at=seen
                )
    with store.session() as session, pytest.raises(PlannedDateChangedError):
        plan_on_day(
            session, team.editor, undated, date(2026, 3, 12), VLADIVOSTOK, expect_planned_at=None
        )
    assert _state(store, dated)[0] == vlad(15, 9)
    assert _state(store, undated)[0] == vlad(16, 9)
    # a view that is current moves as before
    with store.session() as session:
        fresh = move_to_day(
            session,
            team.editor,
            dated,
            date(2026, 3, 12),
            VLADIVOSTOK,
            expect_planned_at=vlad(15, 9),
        )
    assert fresh.new_planned_at == vlad(12, 9)


# ------------------------------------------------------------------- published items


def _published(store, team) -> int:
    with store.session() as session:
        article_id = _approved(session, team, "Вышла", vlad(5, 9))
        transition(session, team.exporter, article_id, Action.PUBLISH)
    return article_id


@pytest.mark.parametrize("who", ["admin", "editor", "reviewer", "exporter"])
def test_nobody_moves_a_published_item(store, team, who):
    article_id = _published(store, team)
    before = _state(store, article_id)
    actor = getattr(team, who)
    attempts = [
        lambda s: move_to_day(s, actor, article_id, date(2026, 3, 20), VLADIVOSTOK),
        lambda s: set_planned_at(s, actor, article_id, None),
        lambda s: update_article(
            s,
            actor,
            article_id,
            before[1],
            ArticleChanges(planned_at=vlad(21, 9), change_planned_at=True),
        ),
    ]
    for attempt in attempts:
        with store.session() as session, pytest.raises(ActionDeniedError) as denied:
            attempt(session)
        assert denied.value.denial.rule is Rule.STATUS or who != "admin"
    assert _state(store, article_id) == before


def test_an_admin_still_corrects_the_text_of_a_published_item(store, team):
    article_id = _published(store, team)
    with store.session() as session:
        current = get_article(session, article_id)
        saved = update_article(
            session, team.admin, article_id, current.version, ArticleChanges(title="Вышла (испр.)")
        )
    assert saved.status is Status.PUBLISHED and saved.planned_at == vlad(5, 9)


def test_plan_ics_holds_the_range_filtered_and_names_it(store, team) -> None:
    import icalendar

    from editorial_desk.services.calendar import plan_ics

    late_evening = datetime(2026, 12, 1, 0, 30, tzinfo=VLADIVOSTOK).astimezone(UTC)
    with store.session() as session:
        _new(session, team.editor, "Ёлка на площади", late_evening, rubric="Город")
        _new(session, team.editor, "Матч", late_evening, rubric="Спорт")
        _new(session, team.editor, "Без даты")
        plan = plan_ics(
            session,
            date(2026, 12, 1),
            date(2026, 12, 1),
            VLADIVOSTOK,
            CalendarFilter(rubric="Город"),
            zone_override="Asia/Vladivostok",
        )
    calendar = icalendar.Calendar.from_ical(plan.data)
    events = list(calendar.walk("VEVENT"))
    assert plan.events == 1 == len(events)
    assert str(events[0]["SUMMARY"]) == "Ёлка на площади"
    assert events[0].decoded("DTSTART") == late_evening  # 30 Nov 14:30 UTC: still 1 Dec locally
    assert "01.12.2026–01.12.2026" in str(calendar["X-WR-CALNAME"])
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Vladivostok"
