"""Typing Russian text and formatting it with the actions and their shortcuts;
the body comes back as exact canonical HTML."""

from __future__ import annotations

from editor_helpers import CTRL, SHIFT, move, select_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editorial_desk.ui.editor import ArticleEditor, EditorActionId
from editorial_desk.ui.editor.formatting import ListKind

RETURN = Qt.Key.Key_Return
MoveOp = QTextCursor.MoveOperation


def test_typing_russian_text_makes_paragraphs(editor: ArticleEditor, type_text, press) -> None:
    type_text(editor.text_edit(), "Новый сквер")
    press(RETURN)
    type_text(editor.text_edit(), "открылся в субботу.")
    assert editor.body() == "<p>Новый сквер</p><p>открылся в субботу.</p>"
    assert editor.is_modified()


def test_heading_shortcuts_and_enter_after_a_heading_starts_a_paragraph(
    editor: ArticleEditor, type_text, press
) -> None:
    type_text(editor.text_edit(), "Что появилось в парке")
    press(Qt.Key.Key_2, CTRL)
    assert editor.action(EditorActionId.HEADING_2).isChecked()
    press(RETURN)  # Qt would copy the heading format into the new block
    assert editor.action(EditorActionId.PARAGRAPH).isChecked()
    type_text(editor.text_edit(), "Каток и прокат.")
    press(RETURN)
    type_text(editor.text_edit(), "Часы работы")
    press(Qt.Key.Key_3, CTRL)
    assert editor.body() == (
        "<h2>Что появилось в парке</h2><p>Каток и прокат.</p><h3>Часы работы</h3>"
    )
    press(Qt.Key.Key_0, CTRL)
    assert editor.body().endswith("<p>Часы работы</p>")


def test_bold_in_text_and_in_a_heading(editor: ArticleEditor, type_text, press) -> None:
    editor.set_body("<h2>Итоги года</h2><p>Бюджет города вырос</p>")
    select_text(editor, "вырос")
    press(Qt.Key.Key_B, CTRL)
    assert editor.action(EditorActionId.BOLD).isChecked()
    select_text(editor, "года")
    press(Qt.Key.Key_B, CTRL)  # a heading is bold already: <strong> is heavier
    assert (
        editor.body()
        == "<h2>Итоги <strong>года</strong></h2><p>Бюджет города <strong>вырос</strong></p>"
    )
    select_text(editor, "вырос")
    press(Qt.Key.Key_B, CTRL)
    assert editor.body() == "<h2>Итоги <strong>года</strong></h2><p>Бюджет города вырос</p>"


def test_bold_without_selection_applies_to_the_next_typed_text(
    editor: ArticleEditor, type_text, press
) -> None:
    type_text(editor.text_edit(), "Вход ")
    press(Qt.Key.Key_B, CTRL)
    type_text(editor.text_edit(), "бесплатный")
    press(Qt.Key.Key_B, CTRL)
    type_text(editor.text_edit(), " для всех")
    assert editor.body() == "<p>Вход <strong>бесплатный</strong> для всех</p>"


def test_bold_inside_a_word_applies_to_the_word(editor: ArticleEditor, press) -> None:
    editor.set_body("<p>Вход бесплатный</p>")
    found = editor.document().find("бесп")
    move(editor, MoveOp.Start)
    cursor = editor.text_edit().textCursor()
    cursor.setPosition(found.selectionEnd())
    editor.text_edit().setTextCursor(cursor)
    press(Qt.Key.Key_I, CTRL)
    assert editor.body() == "<p>Вход <em>бесплатный</em></p>"


def test_italic_underline_strike_and_their_state(editor: ArticleEditor, press) -> None:
    editor.set_body("<p>один два три</p>")
    select_text(editor, "один")
    press(Qt.Key.Key_I, CTRL)
    select_text(editor, "два")
    press(Qt.Key.Key_U, CTRL)
    select_text(editor, "три")
    press(Qt.Key.Key_X, CTRL | SHIFT)
    assert editor.body() == "<p><em>один</em> <u>два</u> <s>три</s></p>"
    move(editor, MoveOp.Start)
    move(editor, MoveOp.Right, 2)
    assert editor.action(EditorActionId.ITALIC).isChecked()
    assert not editor.action(EditorActionId.UNDERLINE).isChecked()


def test_lists_by_shortcut_with_tab_nesting(editor: ArticleEditor, type_text, press) -> None:
    type_text(editor.text_edit(), "Для жителей:")
    press(RETURN)
    press(Qt.Key.Key_8, CTRL | SHIFT)
    assert editor.action(EditorActionId.BULLETS).isChecked()
    type_text(editor.text_edit(), "каток")
    press(RETURN)
    type_text(editor.text_edit(), "лыжная трасса")
    press(RETURN)
    press(Qt.Key.Key_Tab)
    type_text(editor.text_edit(), "детский круг")
    press(RETURN)
    type_text(editor.text_edit(), "взрослый круг")
    press(RETURN)
    press(Qt.Key.Key_Backtab, SHIFT)
    type_text(editor.text_edit(), "прокат")
    press(RETURN)
    press(RETURN)  # Enter on an empty item ends the list
    type_text(editor.text_edit(), "Приходите!")
    assert editor.body() == (
        "<p>Для жителей:</p><ul><li>каток</li><li>лыжная трасса<ul><li>детский круг</li>"
        "<li>взрослый круг</li></ul></li><li>прокат</li></ul><p>Приходите!</p>"
    )


def test_numbered_list_and_switching_kind(editor: ArticleEditor, press) -> None:
    editor.set_body("<p>будни</p><p>выходные</p>")
    select_text(editor, "будни")
    cursor = editor.text_edit().textCursor()
    cursor.setPosition(editor.document().characterCount() - 1, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit().setTextCursor(cursor)
    press(Qt.Key.Key_7, CTRL | SHIFT)
    assert editor.body() == "<ol><li>будни</li><li>выходные</li></ol>"
    assert editor.current_format().list_kind is ListKind.NUMBERS
    press(Qt.Key.Key_8, CTRL | SHIFT)
    assert editor.body() == "<ul><li>будни</li><li>выходные</li></ul>"
    press(Qt.Key.Key_8, CTRL | SHIFT)
    assert editor.body() == "<p>будни</p><p>выходные</p>"


def test_tab_moves_a_whole_subtree_and_first_item_cannot_nest(editor: ArticleEditor, press) -> None:
    body = "<ul><li>а</li><li>б<ul><li>в</li></ul></li><li>г</li></ul>"
    editor.set_body(body)
    press(Qt.Key.Key_Tab)  # "а" has nothing above it to nest under
    assert editor.body() == body
    select_text(editor, "б")
    press(Qt.Key.Key_Tab)
    assert editor.body() == "<ul><li>а<ul><li>б<ul><li>в</li></ul></li></ul></li><li>г</li></ul>"
    press(Qt.Key.Key_Backtab, SHIFT)
    assert editor.body() == body
    press(Qt.Key.Key_Backtab, SHIFT)  # out of the list; its nested item follows it up
    assert editor.body() == "<ul><li>а</li></ul><p>б</p><ul><li>в</li><li>г</li></ul>"


def test_outdenting_an_item_takes_its_later_siblings_as_children(
    editor: ArticleEditor, press
) -> None:
    editor.set_body("<ol><li>а<ol><li>б</li><li>в</li></ol></li></ol>")
    select_text(editor, "б")
    press(Qt.Key.Key_Backtab, SHIFT)
    assert editor.body() == "<ol><li>а</li><li>б<ol><li>в</li></ol></li></ol>"


def test_paragraph_joins_the_list_next_to_it(editor: ArticleEditor, press) -> None:
    editor.set_body("<ol><li>один</li></ol><p>два</p><ol><li>три</li></ol>")
    select_text(editor, "два")
    press(Qt.Key.Key_7, CTRL | SHIFT)
    assert editor.body() == "<ol><li>один</li><li>два</li><li>три</li></ol>"
    select_text(editor, "два")
    press(Qt.Key.Key_7, CTRL | SHIFT)  # and leaves it again, splitting it
    assert editor.body() == "<ol><li>один</li></ol><p>два</p><ol><li>три</li></ol>"


def test_backspace_at_the_start_of_an_item_makes_it_a_paragraph(
    editor: ArticleEditor, press
) -> None:
    editor.set_body("<ul><li>один</li><li>два</li></ul>")
    select_text(editor, "два")
    move(editor, MoveOp.StartOfBlock)
    press(Qt.Key.Key_Backspace)
    assert editor.body() == "<ul><li>один</li></ul><p>два</p>"


def test_undo_back_to_the_loaded_text_clears_modified(
    editor: ArticleEditor, type_text, press, qtbot
) -> None:
    editor.set_body("<p>Текст</p>")
    move(editor, MoveOp.End)
    assert not editor.is_modified()
    with qtbot.waitSignal(editor.modificationChanged) as modified:
        type_text(editor.text_edit(), "!")
    assert modified.args == [True]
    select_text(editor, "Текст")
    press(Qt.Key.Key_B, CTRL)
    with qtbot.waitSignal(editor.modificationChanged) as clean:
        press(Qt.Key.Key_Z, CTRL)
        press(Qt.Key.Key_Z, CTRL)
    assert clean.args == [False]
    assert editor.body() == "<p>Текст</p>"
    press(Qt.Key.Key_Y, CTRL)  # redo, Windows style
    assert editor.body() == "<p>Текст!</p>"
    press(Qt.Key.Key_Z, CTRL)
    press(Qt.Key.Key_Z, CTRL | SHIFT)  # redo, the other spelling
    assert editor.body() == "<p>Текст!</p>"
    assert editor.is_modified()


def test_each_format_action_is_one_undo_step(editor: ArticleEditor, press) -> None:
    body = "<p>Первый абзац</p><p>Второй абзац</p>"
    editor.set_body(body)
    cursor = editor.text_edit().textCursor()
    cursor.select(QTextCursor.SelectionType.Document)
    editor.text_edit().setTextCursor(cursor)
    press(Qt.Key.Key_2, CTRL)
    assert editor.body() == "<h2>Первый абзац</h2><h2>Второй абзац</h2>"
    press(Qt.Key.Key_Z, CTRL)
    assert editor.body() == body
    assert not editor.is_modified()


def test_quote_toggles_and_adjacent_quotes_stay_one(editor: ArticleEditor) -> None:
    editor.set_body("<p>один</p><p>два</p><p>три</p>")
    select_text(editor, "один")
    editor.action(EditorActionId.QUOTE).trigger()
    select_text(editor, "два")
    editor.action(EditorActionId.QUOTE).trigger()
    assert editor.action(EditorActionId.QUOTE).isChecked()
    assert editor.body() == "<blockquote><p>один</p><p>два</p></blockquote><p>три</p>"
    editor.action(EditorActionId.QUOTE).trigger()
    assert editor.body() == "<blockquote><p>один</p></blockquote><p>два</p><p>три</p>"


def test_enter_on_an_empty_quoted_line_leaves_the_quote(
    editor: ArticleEditor, type_text, press
) -> None:
    editor.set_body("<blockquote><p>Цитата</p></blockquote>")
    move(editor, MoveOp.End)
    press(RETURN)
    press(RETURN)
    type_text(editor.text_edit(), "Дальше")
    assert editor.body() == "<blockquote><p>Цитата</p></blockquote><p>Дальше</p>"


def test_rule_then_typing_goes_into_a_new_paragraph(
    editor: ArticleEditor, type_text, press
) -> None:
    editor.set_body("<p>До черты</p>")
    move(editor, MoveOp.End)
    editor.action(EditorActionId.RULE).trigger()
    type_text(editor.text_edit(), "После")
    assert editor.body() == "<p>До черты</p><hr><p>После</p>"
    move(editor, MoveOp.Up)  # onto the rule itself; Enter there makes a paragraph
    move(editor, MoveOp.EndOfBlock)
    press(RETURN)
    type_text(editor.text_edit(), "Между")
    assert editor.body() == "<p>До черты</p><hr><p>Между</p><p>После</p>"


def test_clear_formatting(editor: ArticleEditor, press) -> None:
    editor.set_body(
        "<h2>Заголовок</h2><p><strong>жирный</strong> <em>курсив</em> "
        '<a href="https://example.ru"><u>ссылка</u></a></p>'
    )
    cursor = editor.text_edit().textCursor()
    cursor.select(QTextCursor.SelectionType.Document)
    editor.text_edit().setTextCursor(cursor)
    press(Qt.Key.Key_Backslash, CTRL)
    assert editor.body() == (
        '<p>Заголовок</p><p>жирный курсив <a href="https://example.ru">ссылка</a></p>'
    )


def test_clear_formatting_without_selection_clears_the_paragraph(editor: ArticleEditor) -> None:
    editor.set_body("<p><strong>один</strong></p><p><em>два</em></p>")
    select_text(editor, "дв")
    move(editor, MoveOp.Left)
    editor.action(EditorActionId.CLEAR).trigger()
    assert editor.body() == "<p><strong>один</strong></p><p>два</p>"


def test_state_follows_the_cursor(editor: ArticleEditor) -> None:
    editor.set_body("<h3>Часы</h3><ol><li><strong>будни</strong></li></ol><p>текст</p>")
    actions = editor.action
    move(editor, MoveOp.Start)
    assert actions(EditorActionId.HEADING_3).isChecked()
    assert not actions(EditorActionId.BOLD).isChecked()  # heading weight is not <strong>
    select_text(editor, "буд")
    move(editor, MoveOp.Right)
    assert actions(EditorActionId.NUMBERS).isChecked()
    assert actions(EditorActionId.BOLD).isChecked()
    assert actions(EditorActionId.PARAGRAPH).isChecked()
    assert actions(EditorActionId.INDENT).isEnabled()
    select_text(editor, "текст")
    assert not actions(EditorActionId.NUMBERS).isChecked()
    assert not actions(EditorActionId.INDENT).isEnabled()
    assert not actions(EditorActionId.ADD_ROW).isEnabled()


def test_read_only_disables_editing_but_not_find(editor: ArticleEditor, type_text) -> None:
    editor.set_body("<p>Текст</p>")
    editor.set_read_only(True)
    type_text(editor.text_edit(), "x")
    assert editor.body() == "<p>Текст</p>"
    assert not editor.action(EditorActionId.BOLD).isEnabled()
    assert editor.action(EditorActionId.FIND).isEnabled()
    select_text(editor, "Текст")
    editor.action(EditorActionId.BOLD).trigger()
    assert editor.body() == "<p>Текст</p>"
    editor.set_read_only(False)
    assert editor.action(EditorActionId.BOLD).isEnabled()


def test_set_body_resets_undo_modified_and_cursor(editor: ArticleEditor, type_text) -> None:
    type_text(editor.text_edit(), "черновик")
    editor.set_body("<h2>Другая статья</h2><p>текст</p>")
    assert not editor.is_modified()
    assert not editor.document().isUndoAvailable()
    assert editor.text_edit().textCursor().position() == 0
    assert editor.action(EditorActionId.HEADING_2).isChecked()
    type_text(editor.text_edit(), "А")
    assert editor.body() == "<h2>АДругая статья</h2><p>текст</p>"


def test_loading_reports_only_the_change_of_the_modified_flag(
    editor: ArticleEditor, type_text
) -> None:
    seen: list[bool] = []
    editor.modificationChanged.connect(seen.append)
    editor.set_body("<p>один</p>")
    editor.set_body("<p>два</p>")
    assert seen == []  # loading is not an edit, even though Qt flips the flag meanwhile
    type_text(editor.text_edit(), "x")
    editor.set_body("<p>три</p>")
    assert seen == [True, False]
    editor.set_modified(False)
    assert seen == [True, False]


def test_enter_on_an_empty_nested_item_lifts_it_a_level(
    editor: ArticleEditor, type_text, press
) -> None:
    editor.set_body("<ul><li>а<ul><li>б</li></ul></li></ul>")
    select_text(editor, "б")
    move(editor, MoveOp.EndOfBlock)
    press(RETURN)
    press(RETURN)
    type_text(editor.text_edit(), "в")
    assert editor.body() == "<ul><li>а<ul><li>б</li></ul></li><li>в</li></ul>"


def test_a_heading_made_a_list_item_becomes_text(editor: ArticleEditor, press) -> None:
    editor.set_body("<h3>Часы работы</h3><p>будни</p>")
    cursor = editor.text_edit().textCursor()
    cursor.select(QTextCursor.SelectionType.Document)
    editor.text_edit().setTextCursor(cursor)
    press(Qt.Key.Key_7, CTRL | SHIFT)
    assert editor.body() == "<ol><li>Часы работы</li><li>будни</li></ol>"
    press(Qt.Key.Key_Z, CTRL)  # one step
    assert editor.body() == "<h3>Часы работы</h3><p>будни</p>"
