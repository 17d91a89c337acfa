"""The comments panel on a real store: general and anchored comments, what
happens to an anchor when the text changes, edit/delete own, resolve/reopen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTextEdit

from editorial_desk.domain.article import ArticleChanges
from editorial_desk.domain.workflow import Action
from editorial_desk.ui.body_convert import canonical_to_document
from editorial_desk.ui.review.comments_panel import CommentsPanel
from editorial_desk.ui.review.text_anchors import select_anchor, selection_anchor

BODY = "<p>Каток в парке «Дружба» откроется в субботу.</p><hr><p>Вход свободный.</p>"


@pytest.fixture
def article(make_article):
    return make_article("Каток", body=BODY, steps=(Action.SUBMIT,))


@pytest.fixture
def body_edit(qtbot, article) -> QTextEdit:
    """The article's text as the form's editor shows it (read-only for a reviewer)."""
    edit = QTextEdit()
    qtbot.addWidget(edit)
    canonical_to_document(article.body, edit.document())
    return edit


def select_word(edit: QTextEdit, word: str) -> None:
    cursor = edit.document().find(word)
    assert cursor.hasSelection()
    edit.setTextCursor(cursor)


def panel_for(qtbot, ops, article, body_edit: QTextEdit | None = None) -> CommentsPanel:
    provider = None
    if body_edit is not None:

        def provider():
            return selection_anchor(body_edit.textCursor(), article.body)

    panel = CommentsPanel(selection_provider=provider)
    qtbot.addWidget(panel)
    panel.attach(ops)
    panel.set_article(article)
    panel.resize(420, 600)
    return panel


def write(panel: CommentsPanel, type_text, text: str) -> None:
    panel.editor.clear()
    type_text(panel.editor, text)


def visible(button) -> bool:
    return not button.isHidden()


def test_add_a_general_comment(qtbot, team, ops_for, article, type_text):
    panel = panel_for(qtbot, ops_for(team.reviewer), article)
    counts = []
    panel.countChanged.connect(counts.append)
    assert panel.summary.text() == "No comments yet."
    assert not panel.add_button.isEnabled()  # nothing typed yet

    write(panel, type_text, "Уточните часы работы")
    assert panel.add_button.isEnabled()
    panel.add_button.click()

    (card,) = panel.cards.values()
    assert card.text.text() == "Уточните часы работы"
    assert "Иван Начальников" in card.header.text()
    assert card.quote is None
    assert panel.editor.toPlainText() == ""
    assert counts[-1] == 1
    assert panel.summary.text() == "Open: 1, resolved: 0"


def test_anchored_comment_on_the_editor_selection(
    qtbot, team, ops_for, article, body_edit, type_text
):
    panel = panel_for(qtbot, ops_for(team.reviewer), article, body_edit)
    select_word(body_edit, "Вход свободный")  # after the rule: offsets differ from Qt's
    write(panel, type_text, "А билеты?")
    panel.anchor_button.click()

    (card,) = panel.cards.values()
    assert card.quote is not None
    assert "«Вход свободный»" in card.quote.text()
    (info,) = panel.comments()
    assert info.anchor.quoted == "Вход свободный"

    # Clicking the quote asks the window to select it in the editor.
    body_edit.moveCursor(body_edit.textCursor().MoveOperation.Start)
    with qtbot.waitSignal(panel.anchorActivated) as signal:
        card.quote.linkActivated.emit("anchor")
    start, end = signal.args
    assert select_anchor(body_edit, article.body, start, end)
    assert body_edit.textCursor().selectedText() == "Вход свободный"


def test_anchored_comment_needs_a_selection_in_the_saved_text(
    qtbot, team, ops_for, article, body_edit, type_text, message_boxes
):
    panel = panel_for(qtbot, ops_for(team.reviewer), article, body_edit)
    write(panel, type_text, "Замечание")
    panel.anchor_button.click()  # nothing selected
    assert message_boxes.shown[-1][0] == "No text selected"

    select_word(body_edit, "субботу")
    body_edit.textCursor().insertText("воскресенье")  # not saved
    select_word(body_edit, "Вход")
    panel.anchor_button.click()
    assert len(message_boxes.shown) == 2
    assert panel.comments() == []
    assert panel.editor.toPlainText() == "Замечание"  # the draft is kept


def test_anchor_states_follow_the_text(qtbot, store, team, ops_for, make_article, type_text, fresh):
    from editorial_desk.services.articles import update_article
    from editorial_desk.services.comments import add_comment
    from editorial_desk.services.workflow import transition

    article = make_article("Каток", body=BODY, steps=(Action.SUBMIT,))
    plain = "Каток в парке «Дружба» откроется в субботу.\nВход свободный."
    with store.session() as session:
        for quoted in ("откроется в субботу", "Вход свободный", "Каток"):
            start = plain.find(quoted)
            add_comment(
                session,
                team.reviewer,
                article.id,
                f"О «{quoted}»",
                anchor=(start, start + len(quoted)),
            )
        returned = transition(
            session, team.reviewer, article.id, Action.RETURN, reason="Доработать"
        )
        update_article(
            session,
            team.editor,
            article.id,
            returned.version,
            ArticleChanges(body="<p>Каток в парке «Дружба» откроется в воскресенье.</p>"),
        )
    panel = panel_for(qtbot, ops_for(team.reviewer), fresh(article.id))
    quotes = {card.info.anchor.quoted: card.quote.text() for card in panel.cards.values()}
    assert "— the fragment was removed" in quotes["Вход свободный"]
    assert "<s>" in quotes["Вход свободный"] and "href" not in quotes["Вход свободный"]
    changed = quotes["откроется в субботу"]
    assert "— the text was changed; now: «откроется в»" in changed
    assert quotes["Каток"] == ('<a href="anchor" style="text-decoration:none;"><i>«Каток»</i></a>')


def test_edit_and_delete_own_comments_only(
    qtbot, store, team, ops_for, article, type_text, message_boxes
):
    from editorial_desk.services.comments import add_comment, list_comments

    with store.session() as session:
        theirs = add_comment(session, team.exporter, article.id, "Фото есть?")
    panel = panel_for(qtbot, ops_for(team.reviewer), article)
    write(panel, type_text, "Опечатка в заголовке")
    mine = panel.add_general()
    assert mine is not None
    other_card, my_card = panel.cards[theirs.id], panel.cards[mine.id]
    assert not visible(other_card.edit_button) and not visible(other_card.delete_button)
    assert visible(my_card.edit_button) and visible(my_card.delete_button)

    my_card.edit_button.click()
    assert panel.editor.toPlainText() == "Опечатка в заголовке"
    assert visible(panel.save_button) and not visible(panel.add_button)
    write(panel, type_text, "Опечатка в лиде")
    panel.save_button.click()
    assert panel.cards[mine.id].text.text() == "Опечатка в лиде"
    assert "(edited)" in panel.cards[mine.id].header.text()
    assert visible(panel.add_button) and panel.editor.toPlainText() == ""

    message_boxes.answers.append(QMessageBox.StandardButton.No)
    panel.cards[mine.id].delete_button.click()
    assert mine.id in panel.cards
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    panel.cards[mine.id].delete_button.click()
    assert set(panel.cards) == {theirs.id}
    with store.session() as session:
        assert [c.text for c in list_comments(session, article.id)] == ["Фото есть?"]


def test_cancel_an_edit(qtbot, team, ops_for, article, type_text):
    panel = panel_for(qtbot, ops_for(team.reviewer), article)
    write(panel, type_text, "Первый вариант")
    mine = panel.add_general()
    panel.start_edit(mine)
    write(panel, type_text, "Второй вариант")
    panel.cancel_button.click()
    assert panel.cards[mine.id].text.text() == "Первый вариант"
    assert panel.editor.toPlainText() == "" and visible(panel.add_button)


def test_resolve_and_reopen(qtbot, store, team, ops_for, article, type_text):
    from editorial_desk.services.comments import add_comment

    with store.session() as session:
        comment = add_comment(session, team.reviewer, article.id, "Нет подписи")
    # The article's author (Anna) resolves the reviewer's comment after fixing it.
    panel = panel_for(qtbot, ops_for(team.editor), article)
    card = panel.cards[comment.id]
    assert not visible(card.edit_button) and visible(card.resolve_button)
    assert card.resolve_button.text() == "Resolve"

    card.resolve_button.click()
    assert comment.id not in panel.cards  # resolved ones are hidden by default
    assert panel.summary.text() == "Open: 0, resolved: 1"
    panel.show_resolved.setChecked(True)
    card = panel.cards[comment.id]
    assert card.resolved_label is not None and "Анна Петрова" in card.resolved_label.text()
    assert card.resolve_button.text() == "Reopen"

    card.resolve_button.click()
    assert panel.cards[comment.id].resolved_label is None
    assert panel.summary.text() == "Open: 1, resolved: 0"


def test_who_may_not_comment_sees_why(qtbot, team, ops_for, article):
    panel = panel_for(qtbot, ops_for(team.other_editor), article)  # not the author
    assert not panel.editor.isEnabled()
    assert panel.mode_label.text() == "You cannot comment on this article."
    assert panel.editor.toolTip() == (
        "Only the author of the article (or an administrator) may “Comment”."
    )


def test_switching_articles_drops_the_draft(qtbot, team, ops_for, article, make_article, type_text):
    panel = panel_for(qtbot, ops_for(team.reviewer), article)
    write(panel, type_text, "Черновик замечания")
    panel.set_article(article)  # the same article again (after a save): kept
    assert panel.editor.toPlainText() == "Черновик замечания"
    panel.set_article(make_article("Другая", steps=(Action.SUBMIT,)))
    assert panel.editor.toPlainText() == ""
    panel.set_article(None)
    assert panel.summary.text() == "No article is open."
    assert not panel.editor.isEnabled()


def test_comment_text_is_shown_as_plain_text(qtbot, team, ops_for, article, type_text):
    panel = panel_for(qtbot, ops_for(team.reviewer), article)
    write(panel, type_text, "<b>не жирный</b>")
    mine = panel.add_general()
    card = panel.cards[mine.id]
    assert card.text.textFormat() == Qt.TextFormat.PlainText
    assert card.text.text() == "<b>не жирный</b>"
