"""The rubric list in the database: who may change it, and what articles see."""

from __future__ import annotations

import pytest

from editorial_desk.domain.article import ArticleChanges
from editorial_desk.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from editorial_desk.services.articles import create_article, get_article, update_article
from editorial_desk.services.rubrics import (
    add_rubric,
    list_rubrics,
    list_tags,
    move_rubric,
    remove_rubric,
    rename_rubric,
)


def test_editors_and_admins_add_at_the_end_others_may_not(store, team):
    with store.session() as session:
        assert add_rubric(session, team.admin, "  Город ") == ["Город"]
        assert add_rubric(session, team.editor, "Культура   и  досуг") == [
            "Город",
            "Культура и досуг",
        ]
        for outsider in (team.reviewer, team.exporter):
            with pytest.raises(PermissionDeniedError):
                add_rubric(session, outsider, "Спорт")
        with pytest.raises(ValidationError):
            add_rubric(session, team.editor, "Город")
        with pytest.raises(ValidationError):
            add_rubric(session, team.editor, "   ")
    with store.session() as session:
        assert list_rubrics(session) == ["Город", "Культура и досуг"]


def test_saving_an_article_with_a_new_rubric_adds_it(store, team):
    with store.session() as session:
        add_rubric(session, team.admin, "Город")
        article = create_article(session, team.editor, title="Мост", rubric="Транспорт")
        create_article(session, team.editor, title="Парк", rubric="Город")  # already listed
    with store.session() as session:
        assert list_rubrics(session) == ["Город", "Транспорт"]
        update_article(
            session, team.editor, article.id, article.version, ArticleChanges(rubric=" ЖКХ ")
        )
    with store.session() as session:
        assert list_rubrics(session) == ["Город", "Транспорт", "ЖКХ"]
        assert get_article(session, article.id).rubric == "ЖКХ"


def test_rename_renames_in_articles_in_one_transaction(store, team):
    with store.session() as session:
        first = create_article(session, team.editor, title="Один", rubric="Город")
        other = create_article(session, team.editor, title="Два", rubric="Спорт")
    with store.session() as session, pytest.raises(PermissionDeniedError):
        rename_rubric(session, team.editor, "Город", "Городская жизнь")
    with store.session() as session:
        assert rename_rubric(session, team.admin, "Город", "Городская жизнь") == [
            "Городская жизнь",
            "Спорт",
        ]
    with store.session() as session:
        renamed = get_article(session, first.id)
        assert renamed.rubric == "Городская жизнь"
        assert renamed.version == first.version  # the vocabulary changed, not the text
        assert get_article(session, other.id).rubric == "Спорт"
        with pytest.raises(NotFoundError):
            rename_rubric(session, team.admin, "Нет такой", "Что-то")


def test_a_failed_rename_changes_no_article(store, team):
    with store.session() as session:
        first = create_article(session, team.editor, title="Один", rubric="Город")
    with pytest.raises(ValidationError), store.session() as session:
        rename_rubric(session, team.admin, "Город", "   ")
    with store.session() as session:
        assert get_article(session, first.id).rubric == "Город"
        assert list_rubrics(session) == ["Город"]


def test_rename_into_an_existing_rubric_merges(store, team):
    with store.session() as session:
        first = create_article(session, team.editor, title="Один", rubric="Город")
        create_article(session, team.editor, title="Два", rubric="Новости города")
    with store.session() as session:
        assert rename_rubric(session, team.admin, "Город", "Новости города") == ["Новости города"]
    with store.session() as session:
        assert get_article(session, first.id).rubric == "Новости города"


def test_remove_keeps_the_articles_text(store, team):
    from editorial_desk.services.articles import list_rubrics as filter_choices

    with store.session() as session:
        article = create_article(session, team.editor, title="Один", rubric="Город")
        add_rubric(session, team.admin, "Спорт")
    with store.session() as session, pytest.raises(PermissionDeniedError):
        remove_rubric(session, team.editor, "Город")
    with store.session() as session:
        assert remove_rubric(session, team.admin, "Город") == ["Спорт"]
    with store.session() as session:
        assert get_article(session, article.id).rubric == "Город"
        assert list_rubrics(session) == ["Спорт"]
        # the article list can still filter by it
        assert filter_choices(session) == ["Спорт", "Город"]
        with pytest.raises(NotFoundError):
            remove_rubric(session, team.admin, "Город")


def test_move_reorders_admins_only(store, team):
    with store.session() as session:
        for name in ("Город", "Культура", "Спорт"):
            add_rubric(session, team.admin, name)
    with store.session() as session:
        assert move_rubric(session, team.admin, "Спорт", 0) == ["Спорт", "Город", "Культура"]
        assert move_rubric(session, team.admin, "Спорт", 99) == ["Город", "Культура", "Спорт"]
        assert move_rubric(session, team.admin, "Культура", -5) == ["Культура", "Город", "Спорт"]
        with pytest.raises(PermissionDeniedError):
            move_rubric(session, team.editor, "Город", 0)
    with store.session() as session:
        assert list_rubrics(session) == ["Культура", "Город", "Спорт"]
        assert add_rubric(session, team.editor, "ЖКХ")[-1] == "ЖКХ"


def test_tags_are_deduplicated_ignoring_case(store, team):
    with store.session() as session:
        article = create_article(
            session, team.editor, title="Теги", tags=["Парки", " парки ", "Скверы", "ПАРКИ"]
        )
    assert article.tags == ("Парки", "Скверы")


def test_tags_in_use_most_used_first(store, team):
    with store.session() as session:
        assert list_tags(session) == []
        create_article(session, team.editor, title="1", tags=["парки", "зима"])
        create_article(session, team.editor, title="2", tags=["Парки", "транспорт"])
        create_article(session, team.editor, title="3", tags=["парки"])
        create_article(session, team.editor, title="4")
    with store.session() as session:
        assert list_tags(session) == ["парки", "зима", "транспорт"]
        assert list_tags(session, limit=1) == ["парки"]
