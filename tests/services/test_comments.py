"""Comments: general and anchored, own edits, resolving, anchors following text."""

from __future__ import annotations

import pytest

from editorial_desk.document import plain_text
from editorial_desk.document.anchors import AnchorState
from editorial_desk.domain.article import ArticleChanges
from editorial_desk.domain.errors import PermissionDeniedError, ValidationError
from editorial_desk.domain.workflow import Action
from editorial_desk.services.articles import create_article, get_article, update_article
from editorial_desk.services.comments import (
    add_comment,
    delete_comment,
    edit_comment,
    list_comments,
    resolve_comment,
)
from editorial_desk.services.history import list_revisions, restore_revision
from editorial_desk.services.workflow import transition

BODY = (
    "<p>Мэр открыл сквер на улице Ленина.</p>"
    "<p>В сквере посадили 120 лип. Мэр открыл также фонтан.</p>"
)


def _range(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


@pytest.fixture
def article(store, team):
    with store.session() as session:
        return create_article(session, team.editor, title="Сквер", body=BODY)


def _edit(store, user, article_id: int, body: str):
    with store.session() as session:
        current = get_article(session, article_id)
        return update_article(session, user, article_id, current.version, ArticleChanges(body=body))


def _comments(store, article_id: int, viewer=None):
    with store.session() as session:
        return list_comments(session, article_id, viewer)


def test_general_and_anchored_comments_with_author_and_time(store, team, article):
    text = plain_text(BODY)
    with store.session() as session:
        general = add_comment(session, team.reviewer, article.id, "  Хорошо, но коротко  ")
        anchored = add_comment(
            session, team.reviewer, article.id, "Уточнить число", anchor=_range(text, "120 лип")
        )
    assert general.anchor is None and general.text == "Хорошо, но коротко"
    assert (general.author_login, general.author_name) == ("ivan", "Иван Начальников")
    assert general.created_at.tzinfo is not None and not general.resolved
    assert anchored.anchor is not None
    assert (anchored.anchor.quoted, anchored.anchor.state) == ("120 лип", AnchorState.ATTACHED)
    assert anchored.anchor.current_text == "120 лип"
    assert [c.id for c in _comments(store, article.id)] == [general.id, anchored.id]


def test_anchor_selection_is_trimmed_and_checked(store, team, article):
    text = plain_text(BODY)
    start, end = _range(text, "улице Ленина")
    with store.session() as session:
        trimmed = add_comment(session, team.reviewer, article.id, "Адрес", anchor=(start - 1, end))
    assert trimmed.anchor is not None and trimmed.anchor.quoted == "улице Ленина"
    for bad in ((5, 5), (-1, 3), (0, len(text) + 1), (10, 4)):
        with pytest.raises(ValidationError), store.session() as session:
            add_comment(session, team.reviewer, article.id, "x", anchor=bad)
    with pytest.raises(ValidationError, match="save first"), store.session() as session:
        add_comment(session, team.reviewer, article.id, "x", anchor=(start, end), quoted="другое")


def test_anchors_follow_their_text_through_edits(store, team, article):
    text = plain_text(BODY)
    with store.session() as session:
        # "Мэр открыл" occurs twice; the comment is on the second one.
        second = add_comment(
            session,
            team.reviewer,
            article.id,
            "Какой фонтан?",
            anchor=_range(text, "Мэр открыл", 1),
        )
        lindens = add_comment(
            session, team.reviewer, article.id, "Сколько?", anchor=_range(text, "120 лип")
        )
    _edit(
        store,
        team.editor,
        article.id,
        "<p>Сегодня утром мэр города торжественно открыл сквер на улице Ленина.</p>"
        "<p>В обновлённом сквере посадили 120 лип. Мэр открыл также фонтан.</p>",
    )
    new_text = plain_text(get_article_body(store, article.id))
    by_id = {c.id: c for c in _comments(store, article.id)}
    moved = by_id[second.id].anchor
    assert moved is not None and moved.state is AnchorState.ATTACHED
    assert (moved.start, moved.end) == _range(new_text, "Мэр открыл")  # the 2nd, now the only one
    assert by_id[lindens.id].anchor.start == new_text.index("120 лип")


def get_article_body(store, article_id: int) -> str:
    with store.session() as session:
        return get_article(session, article_id).body


def test_anchor_on_edited_words_says_changed_and_removed_text_says_removed(store, team, article):
    text = plain_text(BODY)
    with store.session() as session:
        partly = add_comment(
            session, team.reviewer, article.id, "Проверить", anchor=_range(text, "посадили 120 лип")
        )
        gone = add_comment(
            session,
            team.reviewer,
            article.id,
            "Убрать?",
            anchor=_range(text, "Мэр открыл также фонтан."),
        )
    _edit(
        store,
        team.editor,
        article.id,
        "<p>Мэр открыл сквер на улице Ленина.</p><p>В сквере посадили 150 лип.</p>",
    )
    by_id = {c.id: c for c in _comments(store, article.id)}
    changed, removed = by_id[partly.id].anchor, by_id[gone.id].anchor
    assert changed is not None and changed.state is AnchorState.CHANGED
    assert (changed.quoted, changed.current_text) == ("посадили 120 лип", "посадили 150 лип")
    assert removed is not None and removed.state is AnchorState.REMOVED
    assert (removed.start, removed.end, removed.quoted) == (None, None, "Мэр открыл также фонтан.")

    # Restoring the first revision brings the text back, and the anchors with it.
    with store.session() as session:
        first = list_revisions(session, article.id)[0]
        current = get_article(session, article.id)
        restore_revision(session, team.editor, article.id, first.id, current.version)
    by_id = {c.id: c for c in _comments(store, article.id)}
    assert by_id[gone.id].anchor.state is AnchorState.ATTACHED
    assert by_id[gone.id].anchor.current_text == "Мэр открыл также фонтан."


def test_a_short_anchor_does_not_jump_into_another_word(store, team):
    with store.session() as session:
        art = create_article(
            session, team.editor, title="Вода", body="<p>Вода в реке. Дом в центре.</p>"
        )
        text = plain_text(art.body)
        short = add_comment(session, team.reviewer, art.id, "Предлог", anchor=_range(text, "в", 1))
    _edit(store, team.editor, art.id, "<p>Вода в реке. Дом — центр.</p>")
    [comment] = _comments(store, art.id)
    assert comment.id == short.id
    # The "в" before "центре" is gone; the nearest whole-word "в" is the one in
    # "Вода в реке", never the inside of "Вода".
    assert comment.anchor.state is AnchorState.ATTACHED
    assert comment.anchor.start == plain_text("<p>Вода в реке. Дом — центр.</p>").index(" в ") + 1


def test_authors_edit_and_delete_their_own(store, team, article):
    with store.session() as session:
        comment = add_comment(session, team.reviewer, article.id, "Первая мысль")
    for outsider in (team.editor, team.exporter):
        with pytest.raises(PermissionDeniedError), store.session() as session:
            edit_comment(session, outsider, comment.id, "Чужая правка")
        with pytest.raises(PermissionDeniedError), store.session() as session:
            delete_comment(session, outsider, comment.id)
    with store.session() as session:
        edited = edit_comment(session, team.reviewer, comment.id, "Вторая мысль")
    assert edited.text == "Вторая мысль" and edited.updated_at >= edited.created_at
    assert [c.can_change for c in _comments(store, article.id, team.reviewer)] == [True]
    assert [c.can_change for c in _comments(store, article.id, team.editor)] == [False]
    with store.session() as session:
        delete_comment(session, team.admin, comment.id)  # the admin may, too
    assert _comments(store, article.id) == []


def test_resolve_and_reopen(store, team, article):
    with store.session() as session:
        comment = add_comment(session, team.reviewer, article.id, "Уберите повтор")
    with pytest.raises(PermissionDeniedError), store.session() as session:
        resolve_comment(session, team.exporter, comment.id)
    with store.session() as session:
        resolved = resolve_comment(session, team.editor, comment.id)  # the article's author
    assert resolved.resolved and resolved.resolved_by_name == "Анна Петрова"
    with store.session() as session:
        assert list_comments(session, article.id, include_resolved=False) == []
        reopened = resolve_comment(session, team.reviewer, comment.id, resolved=False)
    assert not reopened.resolved and reopened.resolved_by_name is None


def test_who_may_comment(store, team, article):
    with store.session() as session:
        theirs = create_article(session, team.other_editor, title="Чужая")
    with pytest.raises(PermissionDeniedError), store.session() as session:
        add_comment(session, team.editor, theirs.id, "Мне кажется…")
    with store.session() as session:
        add_comment(session, team.editor, article.id, "Исправила")  # own article: answers
        add_comment(session, team.exporter, article.id, "Нет фото")
        transition(session, team.editor, article.id, Action.TRASH)
    with pytest.raises(PermissionDeniedError, match="trash"), store.session() as session:
        add_comment(session, team.reviewer, article.id, "Поздно")
