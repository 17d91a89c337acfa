"""Editor selections map to the comment service's plain-text offsets of the saved
body, although a QTextDocument counts positions differently (rules, tables,
images, no-break spaces, UTF-16)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from editorial_desk.document import plain_text, sanitize_body
from editorial_desk.ui.body_convert import canonical_to_document
from editorial_desk.ui.review.text_anchors import BodyTextMap, select_anchor, selection_anchor

BODY = sanitize_body(
    "<h2>Парк «Дружба»</h2>"
    "<p>Откроется&nbsp;каток 😀 и горка.<br>Вход свободный.</p>"
    "<hr>"
    "<ul><li>Коньки напрокат</li><li>Чай</li></ul>"
    "<table><tr><td>Пн</td><td>закрыто</td></tr><tr><td>Вт</td><td>10:00</td></tr></table>"
    "<blockquote><p>Ждём всех, — сказал глава.</p></blockquote>"
    "<p>Справки по телефону.</p>"
)
WORDS = (
    "Дружба",
    "каток",
    "горка",
    "свободный",
    "напрокат",
    "закрыто",
    "10:00",
    "глава",
    "Справки",
)


@pytest.fixture
def document(qapp) -> QTextDocument:
    document = QTextDocument()
    canonical_to_document(BODY, document)
    return document


def select(document: QTextDocument, text: str) -> QTextCursor:
    cursor = document.find(text)
    assert cursor.hasSelection(), text
    return cursor


def test_document_positions_are_not_plain_text_offsets(document):
    # Why the helper exists: after the rule and the table the two disagree.
    plain = plain_text(BODY)
    cursor = select(document, "Справки")
    assert cursor.selectionStart() != plain.find("Справки")
    assert document.toPlainText() != plain


@pytest.mark.parametrize("word", WORDS)
def test_a_selected_word_becomes_its_plain_text_range(document, word):
    plain = plain_text(BODY)
    anchor = selection_anchor(select(document, word), BODY)
    assert anchor is not None
    assert (anchor.start, anchor.end, anchor.quoted) == (
        plain.find(word),
        plain.find(word) + len(word),
        word,
    )


def test_a_selection_across_blocks_and_spaces_is_trimmed(document):
    plain = plain_text(BODY)
    cursor = select(document, "горка")
    end = select(document, "Коньки").selectionEnd()
    cursor.setPosition(cursor.selectionStart() - 1)  # from the space before «горка»
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    anchor = selection_anchor(cursor, BODY)
    assert anchor is not None
    assert anchor.quoted == plain[plain.find("горка") : plain.find("Коньки") + len("Коньки")]
    assert anchor.quoted.startswith("горка.\nВход") and anchor.quoted.endswith("Коньки")


def test_no_anchor_without_a_selection_or_with_unsaved_changes(document):
    cursor = QTextCursor(document)
    assert selection_anchor(cursor, BODY) is None
    edited = select(document, "каток")
    edited.insertText("лёд")  # an unsaved edit: the offsets are not the saved ones
    assert selection_anchor(select(document, "горка"), BODY) is None
    assert BodyTextMap.build(document, BODY) is None


def test_select_anchor_selects_the_text_in_the_editor(qtbot):
    edit = QTextEdit()
    qtbot.addWidget(edit)
    canonical_to_document(BODY, edit.document())
    plain = plain_text(BODY)
    for word in WORDS:
        start = plain.find(word)
        assert select_anchor(edit, BODY, start, start + len(word))
        assert edit.textCursor().selectedText() == word
    assert not select_anchor(edit, BODY, 0, 0)
