"""Article services on a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from editorial_desk.domain.article import ArticleChanges, ArticleQuery
from editorial_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from editorial_desk.domain.statuses import Status
from editorial_desk.services.articles import (
    create_article,
    get_article,
    list_articles,
    move_to_trash,
    restore_from_trash,
    update_article,
)
from editorial_desk.services.history import list_revisions
from editorial_desk.services.users import ensure_user

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")


def test_first_user_is_admin_later_ones_editors(store):
    with store.session() as session:
        first = ensure_user(session, "boss", "Начальник отдела")
        second = ensure_user(session, "anna")
        again = ensure_user(session, "boss")
    assert first.role == "admin"
    assert second.role == "editor"
    assert again == first


def test_create_sanitizes_body_counts_words_and_keeps_a_revision(store, actor):
    planned = datetime(2026, 12, 1, 0, 30, tzinfo=VLADIVOSTOK)
    with store.session() as session:
        created = create_article(
            session,
            actor,
            title="  Мэр  открыл   сквер ",
            lead="Лид",
            body='<p onclick="x()">Сквер на ул. Ленина открыт<script>alert(1)</script></p>',
            rubric="Город",
            tags=["благоустройство", "благоустройство", " парки "],
            planned_at=planned,
        )
    with store.session() as session:
        loaded = get_article(session, created.id)
        revisions = list_revisions(session, created.id)
    assert loaded.title == "Мэр открыл сквер"
    assert loaded.body == "<p>Сквер на ул. Ленина открыт</p>"
    assert loaded.word_count == 5
    assert loaded.tags == ("благоустройство", "парки")
    assert loaded.status is Status.DRAFT
    assert loaded.version == 1
    assert loaded.planned_at == planned  # same instant...
    assert loaded.planned_at.tzinfo == UTC  # ...returned as UTC
    assert loaded.planned_at.hour == 14 and loaded.planned_at.day == 30
    assert [r.number for r in revisions] == [1]


def test_empty_title_and_naive_dates_are_refused(store, actor):
    with store.session() as session:
        with pytest.raises(ValidationError):
            create_article(session, actor, title="   ")
        with pytest.raises(ValidationError):
            create_article(session, actor, title="Без зоны", planned_at=datetime(2026, 1, 1))


def test_update_bumps_version_and_adds_revision_only_for_content(store, actor):
    with store.session() as session:
        art = create_article(session, actor, title="Заголовок", body="<p>Один</p>")
    with store.session() as session:
        v2 = update_article(session, actor, art.id, 1, ArticleChanges(body="<p>Два</p>"))
    with store.session() as session:
        v3 = update_article(session, actor, art.id, 2, ArticleChanges(rubric="Культура"))
        unchanged = update_article(session, actor, art.id, 3, ArticleChanges(rubric="Культура"))
        numbers = [r.number for r in list_revisions(session, art.id)]
    assert (v2.version, v3.version, unchanged.version) == (2, 3, 3)
    assert v3.rubric == "Культура" and v3.body == "<p>Два</p>"
    assert numbers == [1, 2]


def test_stale_save_raises_conflict_with_both_texts_and_writes_nothing(store, actor):
    with store.session() as session:
        art = create_article(session, actor, title="Общий текст", body="<p>Исходный</p>")
    with store.session() as session:
        update_article(session, actor, art.id, 1, ArticleChanges(body="<p>Коллега</p>"))
    with pytest.raises(ConflictError) as info, store.session() as session:
        update_article(session, actor, art.id, 1, ArticleChanges(body="<p>Мой</p>"))
    assert info.value.theirs.body == "<p>Коллега</p>" and info.value.theirs.version == 2
    assert info.value.mine.body == "<p>Мой</p>" and info.value.mine.version == 1
    with store.session() as session:
        assert get_article(session, art.id).body == "<p>Коллега</p>"
        assert len(list_revisions(session, art.id)) == 2


def test_unknown_article_is_not_found(store, actor):
    with pytest.raises(NotFoundError), store.session() as session:
        get_article(session, 999)


def test_list_filters_by_date_status_rubric_author_and_hides_trash(store, actor):
    base = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    with store.session() as session:
        other = ensure_user(session, "petrov", "Петров")
        ids = [
            create_article(
                session,
                actor,
                title=f"N{i}",
                rubric="Город" if i % 2 else "Спорт",
                planned_at=base + timedelta(days=i),
            ).id
            for i in range(5)
        ]
        undated = create_article(session, other, title="Без даты").id
        move_to_trash(session, actor, ids[4])

    def titles(query: ArticleQuery) -> list[str]:
        with store.session() as session:
            return [a.title for a in list_articles(session, query)]

    assert titles(ArticleQuery()) == ["N3", "N2", "N1", "N0", "Без даты"]
    assert titles(
        ArticleQuery(date_from=base + timedelta(days=1), date_to=base + timedelta(days=3))
    ) == ["N2", "N1"]
    assert titles(ArticleQuery(rubric="Город")) == ["N3", "N1"]
    assert titles(ArticleQuery(author_login="petrov")) == ["Без даты"]
    assert titles(ArticleQuery(unscheduled_only=True)) == ["Без даты"]
    assert titles(ArticleQuery(statuses=(Status.TRASH,))) == ["N4"]
    assert undated


def test_trash_and_restore_returns_to_previous_status(store, actor):
    with store.session() as session:
        art = create_article(session, actor, title="Удалить и вернуть")
        trashed = move_to_trash(session, actor, art.id)
        restored = restore_from_trash(session, actor, art.id)
    assert trashed.status is Status.TRASH
    assert restored.status is Status.DRAFT


def test_save_landing_between_check_and_write_is_still_a_conflict(store, actor):
    """The version compare passes, then another writer commits before our UPDATE:
    the ORM's `WHERE version = N` guard must turn that into a ConflictError."""
    from sqlalchemy import event, update

    from editorial_desk.store.models import Article

    with store.session() as session:
        art = create_article(session, actor, title="Гонка", body="<p>Старт</p>")

    fired = []

    def sneak_in(session, _context, _instances):
        if fired:
            return
        fired.append(True)
        with store.engine.begin() as other:
            other.execute(
                update(Article)
                .where(Article.id == art.id)
                .values(body="<p>Чужое</p>", version=Article.version + 1)
            )

    with pytest.raises(ConflictError) as info, store.session() as session:
        event.listen(session, "before_flush", sneak_in)
        update_article(session, actor, art.id, 1, ArticleChanges(body="<p>Моё</p>"))
    assert info.value.theirs.body == "<p>Чужое</p>"
    assert info.value.mine.body == "<p>Моё</p>"
    with store.session() as session:
        assert get_article(session, art.id).body == "<p>Чужое</p>"


def test_title_filter_folds_cyrillic_case_and_yo(store, actor):
    with store.session() as session:
        for title in ("Городской бюджет", "Праздник ГОРОДА", "Ёлка на площади", "Спорт", "100%_x"):
            create_article(session, actor, title=title)

    def found(needle: str) -> list[str]:
        with store.session() as session:
            return sorted(
                a.title for a in list_articles(session, ArticleQuery(title_contains=needle))
            )

    assert found("ГОРОД") == ["Городской бюджет", "Праздник ГОРОДА"]
    assert found("елка") == ["Ёлка на площади"]
    assert found("ЁЛКА") == ["Ёлка на площади"]
    assert found("%") == ["100%_x"]  # LIKE wildcards are literal
    assert found("_") == ["100%_x"]
    assert len(found("")) == 5


def test_sorting_and_paging_cover_every_row_once(store, actor):
    from editorial_desk.domain.article import ArticleOrder, SortKey

    base = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    titles = ["яблоко", "Арбуз", "ёж", "Ель", "банан", "Вишня", "груша"]
    with store.session() as session:
        for i, title in enumerate(titles):
            planned = base + timedelta(days=i % 3) if i != 6 else None  # ties and one undated
            create_article(session, actor, title=title, planned_at=planned)

    def page_through(order: ArticleOrder, size: int) -> list[str]:
        rows: list[str] = []
        with store.session() as session:
            while page := list_articles(session, None, order, limit=size, offset=len(rows)):
                rows += [a.title for a in page]
        return rows

    by_title = page_through(ArticleOrder(SortKey.TITLE, descending=False), 2)
    assert by_title == ["Арбуз", "банан", "Вишня", "груша", "ёж", "Ель", "яблоко"]
    assert page_through(ArticleOrder(SortKey.TITLE, descending=True), 3) == by_title[::-1]
    by_date = page_through(ArticleOrder(SortKey.PLANNED, descending=False), 2)
    assert len(by_date) == len(set(by_date)) == 7
    assert by_date[-1] == "груша"  # unscheduled last
    assert page_through(ArticleOrder(SortKey.PLANNED, descending=True), 2)[-1] == "груша"
    assert (
        page_through(ArticleOrder(SortKey.STATUS), 4)
        and len(page_through(ArticleOrder(SortKey.AUTHOR), 4)) == 7
    )


def test_rubrics_and_authors_for_the_filters(store, actor):
    from editorial_desk.services.articles import list_authors, list_rubrics
    from editorial_desk.store.models import Rubric

    with store.session() as session:
        session.add(Rubric(name="Город", position=0))
        session.add(Rubric(name="Культура", position=1))
        nobody = ensure_user(session, "silent", "Без статей")
        create_article(session, actor, title="A", rubric="Спорт")
        create_article(session, actor, title="B", rubric="Город")
    with store.session() as session:
        assert list_rubrics(session) == ["Город", "Культура", "Спорт"]
        assert list_authors(session) == [(actor.login, actor.display_name)]
    assert nobody.login == "silent"


def test_the_filter_choices_never_scan_the_articles(store, actor):
    """On 50,000 items a scan of `articles` took 100 ms per combo; the author and
    rubric indexes answer both from the index (migration 0007)."""
    from sqlalchemy import event

    from editorial_desk.services.articles import list_authors, list_rubrics

    with store.session() as session:
        create_article(session, actor, title="A", rubric="Спорт")
    statements: list[tuple[str, object]] = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", remember)
    try:
        with store.session() as session:
            list_authors(session)
            list_rubrics(session)
    finally:
        event.remove(store.engine, "before_cursor_execute", remember)
    on_articles = [(sql, params) for sql, params in statements if "articles" in sql]
    assert len(on_articles) == 2
    with store.engine.connect() as conn:
        for sql, params in on_articles:
            plan = " | ".join(
                str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
            )
            assert "SCAN articles" not in plan or "COVERING INDEX" in plan, plan
            assert "ix_articles_" in plan, plan


def test_the_list_sees_unflushed_changes_of_its_own_session(store, actor):
    from editorial_desk.services.articles import load_article

    with store.session() as session:
        created = create_article(session, actor, title="Старый заголовок")
        load_article(session, created.id).title = "Новый заголовок"  # not flushed yet
        [summary] = list_articles(session)
    assert summary.title == "Новый заголовок"
    assert summary.status is Status.DRAFT


def test_duplicate_is_a_new_undated_draft_with_the_same_content(store, actor):
    from editorial_desk.services.articles import duplicate_article

    planned = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    with store.session() as session:
        other = ensure_user(session, "petrov", "Петров")
        source = create_article(
            session,
            actor,
            title="Оригинал",
            lead="Лид",
            body="<h2>Итоги</h2><p>Текст</p>",
            rubric="Город",
            tags=["итоги"],
            planned_at=planned,
        )
        copy = duplicate_article(session, other, source.id, title="Копия: Оригинал")
    assert copy.id != source.id
    assert (copy.title, copy.lead, copy.body, copy.rubric, copy.tags) == (
        "Копия: Оригинал",
        "Лид",
        "<h2>Итоги</h2><p>Текст</p>",
        "Город",
        ("итоги",),
    )
    assert copy.planned_at is None and copy.status is Status.DRAFT
    assert copy.author_login == "petrov" and copy.version == 1
