"""Find and replace in the bar, and the debounced live counts."""

from __future__ import annotations

import pytest
from editor_helpers import CTRL, SHIFT, move, select_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editorial_desk.document import body_stats
from editorial_desk.ui.editor import ArticleEditor, EditorActionId, EditorStats
from editorial_desk.ui.editor import stats as stats_module
from editorial_desk.ui.editor.stats import READING_WORDS_PER_MINUTE, reading_minutes

BODY = "<p>Город готовится к зиме. ГОРОД чистит улицы.</p><p>Пригород и город — вместе.</p>"


def test_find_is_case_insensitive_for_cyrillic(editor: ArticleEditor, press) -> None:
    editor.set_body(BODY)
    press(Qt.Key.Key_F, CTRL)
    bar = editor.find_bar
    assert bar.isVisible() and not bar.replace_edit.isVisible()
    bar.find_edit.setText("город")
    found = []
    for _ in range(4):
        assert bar.find_next()
        found.append(editor.text_edit().textCursor().selectedText())
    assert found == ["Город", "ГОРОД", "город", "город"]  # "Пригород" contains it too
    assert bar.status.text() == ""


def test_whole_words_match_case_previous_and_wrapping(editor: ArticleEditor, press) -> None:
    editor.set_body(BODY)
    press(Qt.Key.Key_F, CTRL)
    bar = editor.find_bar
    bar.find_edit.setText("город")
    bar.words_box.setChecked(True)
    matches = set()
    for _ in range(4):
        bar.find_next()
        cursor = editor.text_edit().textCursor()
        matches.add((cursor.selectionStart(), cursor.selectedText()))
    assert {text for _pos, text in matches} == {"Город", "ГОРОД", "город"}
    assert len(matches) == 3  # never the one inside «Пригород»
    assert bar.status.text() == "Continued from the top"
    bar.case_box.setChecked(True)
    move(editor, QTextCursor.MoveOperation.End)
    press(Qt.Key.Key_F3, SHIFT)  # find previous
    assert editor.text_edit().textCursor().selectedText() == "город"
    bar.find_edit.setText("деревня")
    assert not bar.find_next()
    assert bar.status.text() == "Not found"


def test_replace_all_is_one_undo_step(editor: ArticleEditor, press) -> None:
    editor.set_body(BODY)
    press(Qt.Key.Key_H, CTRL)
    bar = editor.find_bar
    assert bar.replace_edit.isVisible()
    bar.find_edit.setText("город")
    bar.words_box.setChecked(True)
    bar.replace_edit.setText("посёлок")
    assert bar.replace_all() == 3
    assert bar.status.text() == "Replaced: 3"
    assert editor.body() == (
        "<p>посёлок готовится к зиме. посёлок чистит улицы.</p><p>Пригород и посёлок — вместе.</p>"
    )
    editor.text_edit().undo()
    assert editor.body() == BODY
    assert not editor.is_modified()


def test_replace_one_keeps_the_formatting_around(editor: ArticleEditor) -> None:
    editor.set_body("<p><strong>Ёлка</strong> у ёлки</p>")
    editor.find_bar.show_replace()
    editor.find_bar.find_edit.setText("ёлк")
    editor.find_bar.replace_edit.setText("ель")
    editor.find_bar.find_next()
    assert editor.find_bar.replace_one()  # «Ёлк» in bold, matched case-insensitively
    assert editor.body() == "<p><strong>ельа</strong> у ёлки</p>"
    assert editor.text_edit().textCursor().selectedText() == "ёлк"


def test_escape_closes_the_bar_and_returns_to_the_text(editor: ArticleEditor, qtbot) -> None:
    editor.set_body(BODY)
    select_text(editor, "зиме")
    editor.action(EditorActionId.FIND).trigger()
    bar = editor.find_bar
    assert bar.find_edit.text() == "зиме"  # the selection is the search
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_read_only_editor_finds_but_does_not_replace(editor: ArticleEditor) -> None:
    editor.set_body(BODY)
    editor.set_read_only(True)
    editor.find_bar.show_replace()
    assert not editor.find_bar.replace_edit.isVisible()
    editor.find_bar.find_edit.setText("город")
    assert editor.find_bar.replace_all() == 0
    assert editor.body() == BODY


# -- counts ----------------------------------------------------------------------


def test_counts_arrive_once_after_the_pause(editor: ArticleEditor, qtbot, type_text) -> None:
    editor.set_body("")
    received: list[EditorStats] = []
    editor.statsChanged.connect(received.append)
    with qtbot.waitSignal(editor.statsChanged, timeout=2000):
        pass  # the count for the freshly loaded body
    received.clear()
    with qtbot.waitSignal(editor.statsChanged, timeout=2000) as blocker:
        type_text(editor.text_edit(), "Открыт сквер площадью 1 787 м²")
    assert blocker.args == [EditorStats(5, 30, 25, 1)]  # «1 787» is one word
    assert received == [blocker.args[0]]  # one count for the whole burst of typing


def test_counting_never_runs_per_keystroke(
    editor: ArticleEditor, type_text, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = stats_module.count_text
    monkeypatch.setattr(stats_module, "count_text", lambda text: calls.append(text) or real(text))
    import editorial_desk.ui.editor.widget as widget_module

    monkeypatch.setattr(
        widget_module, "document_to_canonical", lambda _doc: calls.append("convert") or ""
    )
    editor.set_body("<p>текст</p>")
    type_text(editor.text_edit(), "быстро набранные слова")
    assert calls == []


def test_stats_now_and_reading_time(editor: ArticleEditor) -> None:
    editor.set_body("<h2>Итоги</h2><ul><li>раз два</li></ul><p>три</p>")
    assert editor.stats() == EditorStats(4, 15, 14, 1)
    # the same figures as the stored body's count (what the article list shows)
    counted = body_stats(editor.body())
    assert (counted.words, counted.chars_with_spaces, counted.chars_without_spaces) == (4, 15, 14)
    assert READING_WORDS_PER_MINUTE == 180
    assert reading_minutes(0) == 0
    assert reading_minutes(180) == 1
    assert reading_minutes(181) == 2
    assert reading_minutes(20_000) == 112
