"""`ReviewOperations` for any member of the `team` (tests/conftest.py) on a real
temporary store."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest

from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.users import UserInfo
from editorial_desk.domain.workflow import Action
from editorial_desk.ui.context import AppContext
from editorial_desk.ui.review.operations import ReviewOperations

MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.fixture
def ops_for(store) -> Callable[[UserInfo], ReviewOperations]:
    def make(user: UserInfo) -> ReviewOperations:
        return ReviewOperations(AppContext(store, user, MOSCOW))

    return make


@pytest.fixture
def make_article(store, team) -> Callable[..., ArticleSnapshot]:
    """make_article("Title", steps=(Action.SUBMIT, Action.APPROVE), ...): an article
    by the editor Anna, taken through the steps by whoever may take each."""
    from editorial_desk.services.articles import create_article, get_article
    from editorial_desk.services.workflow import transition

    def make(
        title: str = "Новость",
        *,
        steps: tuple[Action, ...] = (),
        body: str = "<p>Текст новости.</p>",
        lead: str = "Лид",
        author: UserInfo | None = None,
        planned_at=None,
    ) -> ArticleSnapshot:
        writer = author or team.editor
        by_step = {
            Action.SUBMIT: writer,
            Action.TRASH: writer,
            Action.RESTORE: writer,
            Action.PUBLISH: team.exporter,
        }
        with store.session() as session:
            article = create_article(
                session, writer, title=title, lead=lead, body=body, planned_at=planned_at
            )
            for step in steps:
                user = by_step.get(step, team.reviewer)
                transition(session, user, article.id, step, reason="Уточнить цифры")
            return get_article(session, article.id)

    return make


@pytest.fixture
def fresh(store) -> Callable[[int], ArticleSnapshot]:
    """fresh(article_id): the article as stored now."""
    from editorial_desk.services.articles import get_article

    def read(article_id: int) -> ArticleSnapshot:
        with store.session() as session:
            return get_article(session, article_id)

    return read
