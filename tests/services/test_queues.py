""" "Waiting for me": per role, with today and tomorrow in the office's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from editorial_desk.domain.review import QueueKind
from editorial_desk.domain.workflow import Action
from editorial_desk.services.articles import create_article
from editorial_desk.services.queues import waiting_for
from editorial_desk.services.workflow import transition

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")  # UTC+10: local dates differ from UTC ones
# 2026-12-01 23:30 in Vladivostok (13:30 UTC): "today" is Dec 1 there.
NOW = datetime(2026, 12, 1, 13, 30, tzinfo=UTC)


def local(day: int, hour: int) -> datetime:
    return datetime(2026, 12, day, hour, 0, tzinfo=VLADIVOSTOK)


def _titles(queues) -> dict[QueueKind, list[str]]:
    return {q.kind: [item.title for item in q.items] for q in queues}


def test_each_role_sees_what_waits_for_it(store, team):
    with store.session() as session:

        def article(title: str, author, steps: tuple[Action, ...], planned=None) -> int:
            art = create_article(session, author, title=title, planned_at=planned)
            for step in steps:
                user = {Action.SUBMIT: author, Action.PUBLISH: team.exporter}.get(
                    step, team.reviewer
                )
                transition(session, user, art.id, step, reason="Доработать")
            return art.id

        article("Черновик", team.editor, ())
        article("На проверке 1", team.editor, (Action.SUBMIT,))
        article("На проверке 2", team.other_editor, (Action.SUBMIT,))
        article("Возвращена Анне", team.editor, (Action.SUBMIT, Action.RETURN))
        article("Возвращена Борису", team.other_editor, (Action.SUBMIT, Action.RETURN))
        approve = (Action.SUBMIT, Action.APPROVE)
        article("Одобрена без даты", team.editor, approve)
        article("Вчерашняя", team.editor, approve, planned=local(1, 0) - timedelta(days=1))
        article("Сегодня", team.editor, approve, planned=local(1, 10))
        article("Завтра поздно", team.editor, approve, planned=local(2, 23))
        article("Послезавтра", team.editor, approve, planned=local(3, 0))
        article("Опубликована", team.editor, (*approve, Action.PUBLISH), planned=local(1, 9))

    def queues_of(user):
        with store.session() as session:
            return _titles(waiting_for(session, user, VLADIVOSTOK, now=NOW))

    assert queues_of(team.editor) == {QueueKind.RETURNED: ["Возвращена Анне"]}
    assert queues_of(team.reviewer) == {QueueKind.TO_REVIEW: ["На проверке 1", "На проверке 2"]}
    to_publish = ["Вчерашняя", "Сегодня", "Завтра поздно", "Одобрена без даты"]
    assert queues_of(team.exporter) == {QueueKind.TO_PUBLISH: to_publish}
    assert queues_of(team.admin) == {
        QueueKind.TO_REVIEW: ["На проверке 1", "На проверке 2"],
        QueueKind.RETURNED: ["Возвращена Анне", "Возвращена Борису"],
        QueueKind.TO_PUBLISH: to_publish,
    }
