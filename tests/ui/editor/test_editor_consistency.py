"""What the editor shows is what is saved: after any edit, loading the saved body
gives the same blocks, headings, list nesting and numbering, quotes and rules.

Qt numbers a QTextList straight across anything put between its items and lets
text into a rule's block; the saved body restarts lists and has no text in a
rule. These tests pin the places where the editor re-links lists, steps off
rules or joins lines so the two never drift apart."""

from __future__ import annotations

import random
from pathlib import Path

from editor_helpers import CTRL, SHIFT, move, select_text
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat
from PySide6.QtTest import QTest

from editorial_desk.document import sanitize_body
from editorial_desk.ui.body_convert import canonical_to_document, document_to_canonical
from editorial_desk.ui.editor import ArticleEditor, EditorActionId
from editorial_desk.ui.editor.paste import CANONICAL_MIME
from editorial_desk.ui.editor.tables import TableShape

E = EditorActionId
NONE = Qt.KeyboardModifier.NoModifier
SAMPLE = Path(__file__).resolve().parents[3] / "src/editorial_desk/resources/samples"
_RULE = QTextFormat.Property.BlockTrailingHorizontalRulerWidth
_QUOTE = QTextFormat.Property.BlockQuoteLevel


def structure(document: QTextDocument) -> list[tuple[object, ...]]:
    """Per visible block: text, heading, (list depth, numbered, number among the
    list's non-empty items), quoted, rule."""
    rows: list[tuple[object, ...]] = []
    block = document.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if block.text().strip() or fmt.hasProperty(_RULE):
            text_list = block.textList()
            listed: object = None
            if text_list is not None:
                items = [text_list.item(i) for i in range(text_list.count())]
                shown = [item for item in items if item.text().strip()]
                number = next(
                    i for i, item in enumerate(shown) if item.position() == block.position()
                )
                numbered = text_list.format().style() == text_list.format().Style.ListDecimal
                listed = (max(text_list.format().indent(), 1), numbered, number)
            rows.append(
                (
                    " ".join(block.text().replace("\u2028", " ").split()),
                    fmt.headingLevel(),
                    listed,
                    fmt.intProperty(_QUOTE) > 0,
                    fmt.hasProperty(_RULE),
                )
            )
        block = block.next()
    return rows


def assert_shown_as_saved(editor: ArticleEditor) -> None:
    body = editor.body()
    assert body == sanitize_body(body)
    reloaded = QTextDocument()
    canonical_to_document(body, reloaded)
    assert document_to_canonical(reloaded) == body
    assert structure(editor.document()) == structure(reloaded)


def test_a_rule_inside_a_numbered_list_restarts_the_numbering(editor: ArticleEditor) -> None:
    editor.set_body("<ol><li>один</li><li>два</li><li>три</li></ol>")
    select_text(editor, "два")
    move(editor, QTextCursor.MoveOperation.EndOfBlock)
    editor.action(E.RULE).trigger()
    assert editor.body() == "<ol><li>один</li><li>два</li></ol><hr><ol><li>три</li></ol>"
    assert_shown_as_saved(editor)


def test_quoting_a_middle_item_makes_three_lists(editor: ArticleEditor) -> None:
    editor.set_body("<ol><li>один</li><li>два</li><li>три</li></ol>")
    select_text(editor, "два")
    editor.action(E.QUOTE).trigger()
    assert editor.body() == (
        "<ol><li>один</li></ol><blockquote><ol><li>два</li></ol></blockquote><ol><li>три</li></ol>"
    )
    assert_shown_as_saved(editor)


def test_deleting_across_a_parent_item_keeps_its_children_consistent(
    editor: ArticleEditor, press
) -> None:
    editor.set_body("<p>Абзац</p><ul><li>родитель<ul><li>ребёнок</li></ul></li></ul>")
    cursor = editor.text_edit().textCursor()
    cursor.setPosition(editor.document().find("Аб").selectionEnd())
    cursor.setPosition(editor.document().find("роди").selectionEnd(), cursor.MoveMode.KeepAnchor)
    editor.text_edit().setTextCursor(cursor)
    press(Qt.Key.Key_Delete)
    assert editor.body() == "<p>Абтель</p><ul><li>ребёнок</li></ul>"
    assert_shown_as_saved(editor)
    press(Qt.Key.Key_Z, CTRL)  # the deletion and the re-linking are one step
    assert editor.body() == "<p>Абзац</p><ul><li>родитель<ul><li>ребёнок</li></ul></li></ul>"


def test_enter_in_a_table_cell_is_a_line_break(editor: ArticleEditor, type_text, press) -> None:
    editor.set_body("<table><tbody><tr><td>Вход</td></tr></tbody></table>")
    select_text(editor, "Вход")
    move(editor, QTextCursor.MoveOperation.EndOfBlock)
    press(Qt.Key.Key_Return)
    type_text(editor.text_edit(), "бесплатно")
    assert editor.body() == "<table><tbody><tr><td>Вход<br>бесплатно</td></tr></tbody></table>"
    assert_shown_as_saved(editor)


def test_a_table_pasted_into_a_cell_is_dissolved(editor: ArticleEditor) -> None:
    editor.set_body("<table><tbody><tr><td>ячейка</td></tr></tbody></table>")
    select_text(editor, "ячейка")
    move(editor, QTextCursor.MoveOperation.EndOfBlock)
    data = QMimeData()
    data.setData(
        CANONICAL_MIME,
        b"<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table><p>c</p>",
    )
    editor.text_edit().insertFromMimeData(data)
    assert editor.body() == (
        "<table><tbody><tr><td>ячейка<p>a</p><p>b</p><p>c</p></td></tr></tbody></table>"
    )
    assert_shown_as_saved(editor)


def test_text_never_goes_into_a_rule(editor: ArticleEditor, type_text, press) -> None:
    editor.set_body("<p>до</p><hr><p>после</p>")
    select_text(editor, "после")
    move(editor, QTextCursor.MoveOperation.Up)  # onto the rule
    type_text(editor.text_edit(), "новый")
    assert editor.body() == "<p>до</p><hr><p>новый</p><p>после</p>"
    select_text(editor, "новый")
    move(editor, QTextCursor.MoveOperation.StartOfBlock)
    press(Qt.Key.Key_Backspace)  # after a rule, Backspace removes the rule
    assert editor.body() == "<p>до</p><p>новый</p><p>после</p>"
    assert_shown_as_saved(editor)


def test_random_editing_stays_what_is_saved(qtbot) -> None:
    """A seeded random walk over the sample article with every action, typing,
    Enter, Tab, Backspace, copy and paste, undo; after each step the editor must
    show what would be saved."""
    html = sanitize_body((SAMPLE / "sample_article_ru.html").read_text(encoding="utf-8"))
    editor = ArticleEditor(load_icons=False)
    qtbot.addWidget(editor)
    editor.resize(800, 600)
    editor.show()
    actions = [
        *(E.PARAGRAPH, E.HEADING_2, E.HEADING_3, E.BOLD, E.ITALIC, E.STRIKE, E.CLEAR),
        *(E.BULLETS, E.NUMBERS, E.INDENT, E.OUTDENT, E.QUOTE, E.RULE),
        *(E.ADD_ROW, E.ADD_COLUMN, E.REMOVE_ROW, E.REMOVE_COLUMN),
    ]
    keys = [Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Backspace]
    for seed in (3, 65, 90):
        rng = random.Random(seed)
        editor.set_body(html)
        for _step in range(120):
            edit = editor.text_edit()
            cursor = edit.textCursor()
            last = editor.document().characterCount() - 1
            cursor.setPosition(rng.randint(0, last))
            if rng.random() < 0.5:
                cursor.setPosition(
                    min(last, cursor.position() + rng.randint(0, 40)), cursor.MoveMode.KeepAnchor
                )
            edit.setTextCursor(cursor)
            roll = rng.random()
            if roll < 0.55:
                editor.action(rng.choice(actions)).trigger()
            elif roll < 0.65:
                QTest.keyClicks(edit, "abc ")
            elif roll < 0.85:
                key = rng.choice(keys)
                QTest.keyClick(edit, key, SHIFT if key == Qt.Key.Key_Backtab else NONE)
            elif roll < 0.93:
                data = edit.createMimeDataFromSelection()
                cursor.setPosition(rng.randint(0, editor.document().characterCount() - 1))
                edit.setTextCursor(cursor)
                edit.insertFromMimeData(data)
            elif roll < 0.97:
                if edit.textCursor().currentTable() is None:
                    editor.insert_table_of(TableShape(2, 2, rng.random() < 0.5))
            else:
                edit.undo()
            assert_shown_as_saved(editor)
