"""ui/body_convert: canonical body <-> QTextDocument, element by element.

Every canonical case below is first checked to *be* canonical (a fixed point of
``sanitize_body``), so the round trip is held to the real format, not to a
spelling of our own.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
    QTextTable,
)
from PySide6.QtWidgets import QTextEdit

from editorial_desk.document import sanitize_body
from editorial_desk.ui.body_convert import (
    BLOCK_ROLE,
    CELL_HEADER,
    FIGURE_GROUP,
    LIST_CONTINUATION,
    QUOTE_GROUP,
    ROLE_CAPTION,
    canonical_to_document,
    document_to_canonical,
    heading_char_format,
    link_char_format,
    quote_block_format,
)

SHA = "0123456789abcdef" * 4
SHA2 = "fedcba9876543210" * 4
IMG = f'<img src="asset:{SHA}" alt="Мэр города на открытии">'

QT_ARTEFACTS = ("qrichtext", "style=", "<span", "<meta", "<!DOCTYPE", "<html", "<body", "font")


@pytest.fixture
def doc(qapp) -> QTextDocument:
    return QTextDocument()


def load(html: str) -> QTextDocument:
    document = QTextDocument()
    canonical_to_document(html, document)
    return document


def roundtrip(html: str) -> str:
    return document_to_canonical(load(html))


def blocks(document: QTextDocument) -> list:
    result = []
    block = document.begin()
    while block.isValid():
        result.append(block)
        block = block.next()
    return result


def non_empty_blocks(document: QTextDocument) -> list:
    return [block for block in blocks(document) if block.length() > 1]


# ---------------------------------------------------------------------------
# Each construct of the subset round-trips exactly
# ---------------------------------------------------------------------------

CANONICAL_CASES = {
    # blocks
    "paragraph": "<p>Администрация города сообщает.</p>",
    "two paragraphs": "<p>Первый.</p><p>Второй.</p>",
    "h2": "<h2>Подзаголовок</h2><p>Текст.</p>",
    "h3": "<h3>Малый подзаголовок</h3>",
    "strong in heading": "<h2>Итоги <strong>года</strong> и <em>планы</em></h2>",
    "ul": "<ul><li>Один</li><li>Два</li></ul>",
    "ol": "<ol><li>Первое</li><li>Второе</li></ol>",
    "ol start": '<ol start="3"><li>Третье</li><li>Четвёртое</li></ol>',
    "nested 3 levels": (
        "<ul><li>А<ol><li>Б<ul><li>В</li><li>Г</li></ul></li></ol></li><li>Д</li></ul>"
    ),
    "nested list only": "<ul><li><ul><li>глубже</li></ul></li></ul>",
    "two nested lists in siblings": (
        "<ul><li>а<ul><li>б</li></ul></li><li>в<ul><li>г</li></ul></li></ul>"
    ),
    "adjacent lists": "<ul><li>а</li></ul><ul><li>б</li></ul><ol><li>в</li></ol>",
    "li with paragraphs": "<ul><li><p>Абзац один.</p><p>Абзац два.</p></li><li>Просто</li></ul>",
    "text after nested list": "<ul><li>до<ul><li>вложенный</li></ul>после</li></ul>",
    "formatted li": '<ol><li><strong>Важно:</strong> см. <a href="https://mos.ru">сайт</a></li></ol>',
    "blockquote": "<blockquote><p>«Цитата», — сказал мэр.</p></blockquote>",
    "blockquote 2 paragraphs": "<blockquote><p>Раз.</p><p>Два.</p></blockquote>",
    "adjacent blockquotes": (
        "<blockquote><p>Раз.</p></blockquote><blockquote><p>Два.</p></blockquote>"
    ),
    "list in blockquote": (
        "<blockquote><p>Он перечислил:</p><ul><li>а</li><li>б</li></ul></blockquote>"
    ),
    "blockquote in li": "<ul><li>Пункт<blockquote><p>цитата</p></blockquote></li></ul>",
    "hr": "<p>До черты.</p><hr><p>После черты.</p>",
    "two hr": "<hr><hr>",
    "figure": f"<figure>{IMG}<figcaption>Фото: пресс-служба</figcaption></figure>",
    "figure without caption": f'<figure><img src="asset:{SHA}"></figure>',
    "figure empty alt": f'<figure><img src="asset:{SHA}" alt=""></figure>',
    "figure formatted caption": (
        f"<figure>{IMG}<figcaption><em>Фото:</em> <strong>И. Иванов</strong></figcaption></figure>"
    ),
    "adjacent figures": (
        f'<figure><img src="asset:{SHA}"><figcaption>Один</figcaption></figure>'
        f'<figure><img src="asset:{SHA2}"><figcaption>Два</figcaption></figure>'
    ),
    "image inline": f'<p>Логотип <img src="asset:{SHA}" alt="лого"> в тексте.</p>',
    "table": (
        "<table><thead><tr><th>Район</th><th>Жителей</th></tr></thead>"
        "<tbody><tr><td>Центральный</td><td>12 000</td></tr>"
        "<tr><td>Северный</td><td></td></tr></tbody></table>"
    ),
    "table body only": "<table><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
    "table spans": (
        '<table><tbody><tr><td colspan="2">широкая</td></tr>'
        '<tr><td rowspan="2">высокая</td><td>x</td></tr><tr><td>y</td></tr></tbody></table>'
    ),
    "table th in body": "<table><tbody><tr><th>Итого</th><td>5</td></tr></tbody></table>",
    "table two tbody": (
        "<table><tbody><tr><td>а</td></tr></tbody><tbody><tr><td>б</td></tr></tbody></table>"
    ),
    "table ragged row": (
        "<table><tbody><tr><td>а</td><td>б</td></tr><tr><td>в</td></tr></tbody></table>"
    ),
    "table cell formatting": (
        "<table><tbody><tr><td><strong>а</strong><br>б</td><td><p>в</p><p>г</p></td>"
        '<td><ul><li>д</li></ul></td><td><a href="tel:+74950000000">звонить</a></td></tr>'
        "</tbody></table>"
    ),
    "table in blockquote": (
        "<blockquote><table><tbody><tr><td>а</td></tr></tbody></table></blockquote>"
    ),
    "table first and last": "<table><tbody><tr><td>а</td></tr></tbody></table>",
    # inline
    "strong": "<p>Текст <strong>жирный</strong></p>",
    "em": "<p><em>курсив</em> текст</p>",
    "u": "<p><u>подчёркнутый</u></p>",
    "s": "<p><s>зачёркнутый</s></p>",
    "sub sup": "<p>H<sub>2</sub>O и м<sup>2</sup></p>",
    "nesting order": "<p><strong><em><u><s><sup>всё</sup></s></u></em></strong></p>",
    "partial overlap": "<p><strong>а<em>б</em></strong><em>в</em></p>",
    "br": "<p>Строка<br>вторая строка</p>",
    "br inside formatting": "<p><strong>раз<br>два</strong></p>",
    "links": (
        '<p><a href="https://example.org/?a=1&amp;b=2">https</a> '
        '<a href="http://example.org">http</a> <a href="mailto:press@city.ru">почта</a> '
        '<a href="tel:+7-495-000-00-00">телефон</a></p>'
    ),
    "link title": '<p><a href="https://city.ru" title="Сайт «города»">сайт</a></p>',
    "link empty title": '<p><a href="https://city.ru" title="">сайт</a></p>',
    "formatted link": '<p><a href="https://city.ru">обычный <strong>жирный</strong></a></p>',
    "adjacent links": '<p><a href="https://a.ru">а</a><a href="https://b.ru">б</a></p>',
    "underlined link": '<p><a href="https://a.ru"><u>а</u></a></p>',
    "escapes": "<p>a &amp; b &lt;c&gt; \"кавычки\" 'апостроф' &nbsp;после nbsp</p>",
    "attr escapes": '<p><a href="https://a.ru/?q=&quot;x&quot;&amp;y=&lt;z&gt;">x</a></p>',
    "typography": "<p>«Ёлка» — 2024 год, 10–15 °C, № 5, 1 000 000 ₽…</p>",
    "no-break spaces": "<p>1&nbsp;787 м<sup>2</sup>, 12&nbsp;500&nbsp;000 ₽</p>",
    "stray figcaption": "<figcaption>Подпись без рисунка</figcaption><p>Текст</p>",
}


@pytest.mark.parametrize("html", CANONICAL_CASES.values(), ids=CANONICAL_CASES.keys())
def test_construct_round_trips_exactly(qapp, html: str) -> None:
    assert sanitize_body(html) == html, "the test case itself must be canonical"
    assert roundtrip(html) == html


@pytest.mark.parametrize("html", CANONICAL_CASES.values(), ids=CANONICAL_CASES.keys())
def test_second_round_trip_is_stable_and_free_of_qt_artefacts(qapp, html: str) -> None:
    once = roundtrip(html)
    assert roundtrip(once) == once
    for artefact in QT_ARTEFACTS:
        assert artefact not in once


def test_empty_body(doc: QTextDocument) -> None:
    canonical_to_document("", doc)
    assert doc.isEmpty()
    assert document_to_canonical(doc) == ""


# ---------------------------------------------------------------------------
# What the editor sees
# ---------------------------------------------------------------------------


def test_headings_have_levels_and_a_bold_larger_font(qapp) -> None:
    document = load("<h2>Большой</h2><h3>Малый</h3><p>Текст</p>")
    h2, h3, p = non_empty_blocks(document)
    assert h2.blockFormat().headingLevel() == 2
    assert h3.blockFormat().headingLevel() == 3
    assert p.blockFormat().headingLevel() == 0
    for heading in (h2, h3):
        fmt = heading.begin().fragment().charFormat()
        assert fmt.fontWeight() >= QFont.Weight.Bold.value
        assert fmt.intProperty(QTextFormat.Property.FontSizeAdjustment.value) > 0


def test_lists_are_qtextlists_with_nesting_and_style(qapp) -> None:
    document = load("<ul><li>а<ol><li>б</li></ol></li><li>в</li></ul>")
    a, b, c = non_empty_blocks(document)
    assert a.textList() is not None and b.textList() is not None
    assert a.textList().format().style() == QTextListFormat.Style.ListDisc
    assert b.textList().format().style() == QTextListFormat.Style.ListDecimal
    assert a.textList().format().indent() == 1
    assert b.textList().format().indent() == 2
    assert c.textList().objectIndex() == a.textList().objectIndex()


def test_ol_start_is_the_list_start(qapp) -> None:
    document = load('<ol start="7"><li>седьмой</li></ol>')  # blocks need it alive
    (item,) = non_empty_blocks(document)
    assert item.textList().format().start() == 7
    assert item.textList().itemText(item) == "7."


def test_list_item_paragraphs_are_continuation_blocks(qapp) -> None:
    document = load("<ul><li><p>раз</p><p>два</p></li></ul>")
    first, second = non_empty_blocks(document)
    assert first.textList() is not None
    assert second.textList() is None
    assert second.blockFormat().intProperty(LIST_CONTINUATION) == 1


def test_blockquote_is_an_indented_marked_block(qapp) -> None:
    document = load("<blockquote><p>раз</p><p>два</p></blockquote><p>после</p>")
    one, two, after = non_empty_blocks(document)
    for block in (one, two):
        fmt = block.blockFormat()
        assert fmt.intProperty(QTextFormat.Property.BlockQuoteLevel.value) == 1
        assert fmt.leftMargin() > 0
    assert one.blockFormat().intProperty(QUOTE_GROUP) == two.blockFormat().intProperty(QUOTE_GROUP)
    assert not after.blockFormat().hasProperty(QTextFormat.Property.BlockQuoteLevel.value)


def test_hr_is_a_horizontal_ruler_block(qapp) -> None:
    document = load("<p>а</p><hr><p>б</p>")
    ruler = blocks(document)[1]
    assert ruler.text() == ""
    width = ruler.blockFormat().lengthProperty(
        QTextFormat.Property.BlockTrailingHorizontalRulerWidth.value
    )
    assert width.rawValue() == 100


def test_links_are_anchors(qapp) -> None:
    document = load('<p><a href="https://city.ru" title="Сайт">сайт</a></p>')
    (block,) = non_empty_blocks(document)
    fmt = block.begin().fragment().charFormat()
    assert fmt.isAnchor()
    assert fmt.anchorHref() == "https://city.ru"
    assert fmt.toolTip() == "Сайт"
    assert not fmt.fontUnderline(), "links must not look like <u>"


def test_table_is_a_qtexttable_with_header(qapp) -> None:
    document = load(CANONICAL_CASES["table"])
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(tables) == 1
    table = tables[0]
    assert (table.rows(), table.columns()) == (3, 2)
    assert table.format().headerRowCount() == 1
    assert table.cellAt(0, 0).format().boolProperty(CELL_HEADER)
    assert not table.cellAt(1, 0).format().boolProperty(CELL_HEADER)
    assert table.cellAt(1, 1).firstCursorPosition().block().text() == "12 000"


def test_table_spans_are_merged_cells(qapp) -> None:
    document = load(CANONICAL_CASES["table spans"])
    (table,) = document.rootFrame().childFrames()
    assert table.cellAt(0, 0).columnSpan() == 2
    assert table.cellAt(1, 0).rowSpan() == 2


def test_figure_image_and_caption(qapp) -> None:
    document = load(CANONICAL_CASES["figure"])
    image_block, caption = non_empty_blocks(document)
    fmt = image_block.begin().fragment().charFormat()
    assert fmt.isImageFormat()
    image = fmt.toImageFormat()
    assert image.name() == f"asset:{SHA}"
    assert image.stringProperty(QTextFormat.Property.ImageAltText.value) == "Мэр города на открытии"
    assert image_block.blockFormat().intProperty(FIGURE_GROUP) > 0
    assert caption.blockFormat().stringProperty(BLOCK_ROLE) == ROLE_CAPTION
    assert caption.blockFormat().intProperty(FIGURE_GROUP) == image_block.blockFormat().intProperty(
        FIGURE_GROUP
    )
    assert caption.text() == "Фото: пресс-служба"


def test_missing_image_resource_does_not_crash(qtbot) -> None:
    editor = QTextEdit()
    qtbot.addWidget(editor)
    editor.resize(600, 400)
    editor.show()
    canonical_to_document(
        CANONICAL_CASES["figure"] + CANONICAL_CASES["image inline"], editor.document()
    )
    editor.document().documentLayout().documentSize()
    editor.repaint()
    assert document_to_canonical(editor.document()) == (
        CANONICAL_CASES["figure"] + CANONICAL_CASES["image inline"]
    )


def test_registered_image_resources_survive_a_load(doc: QTextDocument) -> None:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    url = QUrl(f"asset:{SHA}")
    doc.addResource(QTextDocument.ResourceType.ImageResource, url, image)
    canonical_to_document(CANONICAL_CASES["figure"], doc)
    assert doc.resource(QTextDocument.ResourceType.ImageResource, url) is not None


def test_load_replaces_content_is_not_undoable_and_unmodified(doc: QTextDocument) -> None:
    cursor = QTextCursor(doc)
    cursor.insertText("старое")
    cursor.insertTable(2, 2)
    canonical_to_document("<p>новое</p>", doc)
    assert document_to_canonical(doc) == "<p>новое</p>"
    assert not doc.isUndoAvailable()
    assert not doc.isModified()
    assert doc.isUndoRedoEnabled()


# ---------------------------------------------------------------------------
# A document typed in the editor
# ---------------------------------------------------------------------------


def _char(**kwargs: object) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if kwargs.get("bold"):
        fmt.setFontWeight(QFont.Weight.Bold)
    if kwargs.get("italic"):
        fmt.setFontItalic(True)
    return fmt


def test_cursor_built_document_gives_exact_canonical(doc: QTextDocument) -> None:
    cursor = QTextCursor(doc)
    heading = QTextBlockFormat()
    heading.setHeadingLevel(2)
    cursor.setBlockFormat(heading)
    cursor.insertText("Новости района", heading_char_format(2))

    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    cursor.insertText("Обычный ", _char())
    cursor.insertText("жирный", _char(bold=True))
    cursor.insertText(" и ", _char())
    cursor.insertText("курсив", _char(italic=True))
    cursor.insertText(", ", _char())
    cursor.insertText("оба", _char(bold=True, italic=True))
    cursor.insertText(".\u2028Вторая строка (Shift+Enter).", _char())

    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())  # empty paragraph: dropped
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    cursor.insertText("Список:", _char())
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    cursor.insertText("первый", _char())
    cursor.createList(QTextListFormat.Style.ListDisc)
    cursor.insertBlock()
    cursor.insertText("второй ", _char())
    cursor.insertText("ссылка", link_char_format("https://city.ru"))

    cursor.insertBlock(quote_block_format(1), QTextCharFormat())
    cursor.insertText("Цитата «в ёлочках» — с тире", _char())

    assert document_to_canonical(doc) == (
        "<h2>Новости района</h2>"
        "<p>Обычный <strong>жирный</strong> и <em>курсив</em>, <strong><em>оба</em></strong>."
        "<br>Вторая строка (Shift+Enter).</p>"
        "<p>Список:</p>"
        '<ul><li>первый</li><li>второй <a href="https://city.ru">ссылка</a></li></ul>'
        "<blockquote><p>Цитата «в ёлочках» — с тире</p></blockquote>"
    )


def test_qt_html_never_leaks(doc: QTextDocument) -> None:
    doc.setHtml(
        '<html><head><meta name="qrichtext" content="1"/></head><body>'
        '<p style="margin-top:12px"><span style=" font-family:Arial; font-size:14pt;'
        ' font-weight:700; color:#ff0000;">Жирный красный</span> текст</p>'
        '<div style="background:yellow">в диве</div></body></html>'
    )
    result = document_to_canonical(doc)
    assert result == "<p><strong>Жирный красный</strong> текст</p><p>в диве</p>"
    for artefact in QT_ARTEFACTS:
        assert artefact not in result


def test_enter_in_a_list_item_makes_another_item(doc: QTextDocument) -> None:
    canonical_to_document("<ol><li>раз</li></ol>", doc)
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertBlock()
    cursor.insertText("два")
    assert document_to_canonical(doc) == "<ol><li>раз</li><li>два</li></ol>"


def test_enter_in_a_quote_stays_in_the_quote(doc: QTextDocument) -> None:
    canonical_to_document("<blockquote><p>раз</p></blockquote>", doc)
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertBlock()
    cursor.insertText("два")
    assert document_to_canonical(doc) == "<blockquote><p>раз</p><p>два</p></blockquote>"


def test_typing_after_a_caption_extends_the_caption(doc: QTextDocument) -> None:
    canonical_to_document(CANONICAL_CASES["figure"], doc)
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(", 2024")
    assert document_to_canonical(doc) == (
        f"<figure>{IMG}<figcaption>Фото: пресс-служба, 2024</figcaption></figure>"
    )


def test_enter_in_a_table_cell_becomes_a_line_break(doc: QTextDocument) -> None:
    canonical_to_document("<table><tbody><tr><td>а</td></tr></tbody></table>", doc)
    (table,) = doc.rootFrame().childFrames()
    cursor = table.cellAt(0, 0).lastCursorPosition()
    cursor.insertBlock()
    cursor.insertText("б")
    assert document_to_canonical(doc) == "<table><tbody><tr><td>а<br>б</td></tr></tbody></table>"


def test_editor_rows_after_the_header_go_to_tbody(doc: QTextDocument) -> None:
    canonical_to_document("<table><thead><tr><th>А</th></tr></thead></table>", doc)
    (table,) = doc.rootFrame().childFrames()
    table.appendRows(1)
    table.cellAt(1, 0).firstCursorPosition().insertText("1")
    assert document_to_canonical(doc) == (
        "<table><thead><tr><th>А</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
    )


# ---------------------------------------------------------------------------
# Documented normalisations
# ---------------------------------------------------------------------------


def test_empty_blocks_are_dropped(doc: QTextDocument) -> None:
    cursor = QTextCursor(doc)
    cursor.insertText("а")
    for _ in range(3):
        cursor.insertBlock()
    cursor.insertText("б")
    cursor.insertBlock()
    assert document_to_canonical(doc) == "<p>а</p><p>б</p>"


def test_empty_list_items_are_dropped(doc: QTextDocument) -> None:
    cursor = QTextCursor(doc)
    cursor.insertText("а")
    cursor.createList(QTextListFormat.Style.ListDecimal)
    cursor.insertBlock()
    cursor.insertBlock()
    cursor.insertText("б")
    assert document_to_canonical(doc) == "<ol><li>а</li><li>б</li></ol>"


def test_unsafe_link_schemes_are_plain_text(doc: QTextDocument) -> None:
    cursor = QTextCursor(doc)
    cursor.insertText("опасно", link_char_format("javascript:alert(1)"))
    cursor.insertText(" и ", QTextCharFormat())
    cursor.insertText("относительно", link_char_format("/news/1"))
    assert document_to_canonical(doc) == "<p>опасно и относительно</p>"


def test_non_canonical_input_is_loaded_tolerantly(qapp) -> None:
    raw = "<div>Текст<br/>строка</div><b>жирный</b> <i>курсив</i><h1>Заг</h1><h5>малый</h5>"
    assert roundtrip(raw) == (
        "<p>Текст<br>строка</p><p><strong>жирный</strong> <em>курсив</em></p>"
        "<h2>Заг</h2><h3>малый</h3>"
    )


def test_newline_in_text_is_a_space(qapp) -> None:
    assert roundtrip("<p>раз\nдва</p>") == "<p>раз два</p>"
