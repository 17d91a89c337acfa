"""Paste: Word's clipboard HTML arrives as clean canonical structure, text as
text, and the editor's own copies keep everything."""

from __future__ import annotations

from editor_helpers import CTRL, SHIFT, cursor_after, move, select_text
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor

from editorial_desk.ui.editor import ArticleEditor, EditorActionId
from editorial_desk.ui.editor.paste import CANONICAL_MIME

# What Word 2016 puts on the clipboard for a heading and two paragraphs (trimmed):
# namespaces, a <style> block, conditional comments, MsoNormal classes, mso- styles,
# fonts and colours on spans, <o:p> and an empty spacer paragraph.
WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"><head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;
font-family:"Times New Roman";} --></style>
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings>
</xml><![endif]--></head><body lang=RU style='tab-interval:35.4pt'><!--StartFragment-->
<h1 style='mso-margin-top-alt:auto'><span style='font-family:"Arial",sans-serif;
mso-fareast-language:RU'>Открытие катка<o:p></o:p></span></h1>
<p class=MsoNormal style='margin-bottom:0cm;line-height:normal'><b><span
style='font-size:14.0pt;color:#C00000'>5 декабря</span></b><span style='font-size:14.0pt'>
в парке «Дружба» откроется <i>новый</i> каток площадью 1&nbsp;800 м<sup>2</sup>.<o:p></o:p>
</span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal>Подробности — на <a href="https://example.org/park" target="_blank"><span
style='color:#0563C1;mso-themecolor:hyperlink'>сайте</span></a>.<o:p></o:p></p>
<!--EndFragment--></body></html>"""

WORD_CANONICAL = (
    "<h2>Открытие катка</h2><p><strong>5 декабря</strong> в парке «Дружба» откроется "
    "<em>новый</em> каток площадью 1&nbsp;800 м<sup>2</sup>.</p>"
    '<p>Подробности — на <a href="https://example.org/park">сайте</a>.</p>'
)

WORD_LIST_HTML = """<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;
mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>каток<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if
!supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'
>&nbsp;&nbsp;&nbsp; </span></span><![endif]>прокат коньков<o:p></o:p></p>"""


def _clipboard(*, html: str | None = None, text: str | None = None) -> None:
    data = QMimeData()
    if html is not None:
        data.setHtml(html)
    if text is not None:
        data.setText(text)
    QGuiApplication.clipboard().setMimeData(data)


def test_word_html_pastes_as_exact_canonical_structure(editor: ArticleEditor, press) -> None:
    _clipboard(html=WORD_HTML, text="Открытие катка …")
    press(Qt.Key.Key_V, CTRL)
    assert editor.body() == WORD_CANONICAL


def test_paste_between_paragraphs_splits_and_keeps_the_tail(editor: ArticleEditor) -> None:
    editor.set_body("<p>Начало. Конец.</p>")
    cursor_after(editor, "Начало. ")
    data = QMimeData()
    data.setHtml("<h1>Заголовок</h1><ul><li>пункт</li></ul>")
    editor.text_edit().insertFromMimeData(data)
    assert editor.body() == "<p>Начало.</p><h2>Заголовок</h2><ul><li>пункт</li></ul><p>Конец.</p>"
    editor.text_edit().undo()  # one step
    assert editor.body() == "<p>Начало. Конец.</p>"


def test_one_pasted_paragraph_goes_into_the_current_one(editor: ArticleEditor) -> None:
    editor.set_body("<h2>Итоги года</h2>")
    cursor_after(editor, "года")
    data = QMimeData()
    data.setHtml(
        '<p class=MsoNormal><span style="font-family:Arial">: главные <b>новости</b></span></p>'
    )
    editor.text_edit().insertFromMimeData(data)
    # pasted into a heading, the text takes the heading's look; <strong> stays <strong>
    assert editor.body() == "<h2>Итоги года: главные <strong>новости</strong></h2>"
    select_text(editor, "главные")
    assert editor.text_edit().textCursor().charFormat().fontWeight() == 700  # heading bold


def test_word_list_paragraphs_become_a_list(editor: ArticleEditor, press) -> None:
    _clipboard(html=WORD_LIST_HTML)
    press(Qt.Key.Key_V, CTRL)
    assert editor.body() == "<ul><li>каток</li><li>прокат коньков</li></ul>"


def test_plain_text_clipboard_inserts_text(editor: ArticleEditor, press) -> None:
    editor.set_body("<p><strong>Жирный</strong></p>")
    cursor_after(editor, "Жир")
    _clipboard(text="<b>не тег</b>\r\nвторая строка")
    press(Qt.Key.Key_V, CTRL)
    assert editor.body() == (
        "<p><strong>Жир&lt;b&gt;не тег&lt;/b&gt;</strong></p>"
        "<p><strong>вторая строканый</strong></p>"
    )


def test_paste_as_plain_text_drops_the_formatting(editor: ArticleEditor, press) -> None:
    editor.set_body("<p>Текст: </p>")
    move(editor, QTextCursor.MoveOperation.End)
    _clipboard(html="<h1>Заголовок</h1><p><b>жирно</b></p>", text="Заголовок жирно")
    press(Qt.Key.Key_V, CTRL | SHIFT)
    assert editor.body() == "<p>Текст: Заголовок жирно</p>"
    assert editor.action(EditorActionId.PASTE_PLAIN).shortcut().toString() == "Ctrl+Shift+V"


def test_copy_and_paste_inside_the_editor_keeps_everything(editor: ArticleEditor) -> None:
    body = (
        '<h2>Часы</h2><ol start="3"><li>будни <a href="https://example.ru">здесь</a></li></ol>'
        "<blockquote><p>Цитата</p></blockquote>"
        "<table><thead><tr><th>Услуга</th></tr></thead><tbody><tr><td>Каток</td></tr></tbody></table>"
    )
    editor.set_body(body)
    cursor = editor.text_edit().textCursor()
    cursor.select(QTextCursor.SelectionType.Document)
    editor.text_edit().setTextCursor(cursor)
    data = editor.text_edit().createMimeDataFromSelection()
    assert data.hasFormat(CANONICAL_MIME)
    assert data.html() == body  # other programs get clean HTML too
    editor.set_body("<p>Новая статья</p>")
    move(editor, QTextCursor.MoveOperation.End)
    editor.text_edit().insertFromMimeData(data)
    assert editor.body() == "<p>Новая статья</p>" + body


def test_nothing_from_word_survives_inside_the_document(editor: ArticleEditor) -> None:
    data = QMimeData()
    data.setHtml(WORD_HTML)
    editor.text_edit().insertFromMimeData(data)
    select_text(editor, "5 декабря")
    fmt = editor.text_edit().textCursor().charFormat()
    assert not fmt.hasProperty(fmt.Property.ForegroundBrush)  # no Word colour
    assert not fmt.hasProperty(fmt.Property.FontPointSize)
    assert not fmt.fontFamilies()
