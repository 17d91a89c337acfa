"""The one clean-up path for foreign HTML (the editor's paste, HTML import, and
mammoth's output): Word's clipboard, LibreOffice, Google Docs, Outlook."""

from __future__ import annotations

import base64
import time

import pytest
from body_shape import footnotes, headings, inline, links, list_outline, tables
from hostile_docx import FIXTURES, PNG_BYTES

from editorial_desk.document import plain_text, sanitize_body
from editorial_desk.importers.cleanup import clean_foreign_fragment, clean_foreign_html
from editorial_desk.importers.notices import ImportNotice, ImportWarningKind


@pytest.fixture(scope="module")
def word_paste() -> str:
    html = (FIXTURES / "word_clipboard.html").read_text(encoding="utf-8")
    return clean_foreign_html(html)


def test_word_clipboard_lists_become_nested_lists(word_paste: str):
    assert list_outline(word_paste) == [
        (1, "ul", "«Самый зелёный двор»:"),
        (2, "ul", "ул. Ленина, 12;"),
        (2, "ul", "ул. Садовая, 3;"),
        (1, "ul", "«Двор без барьеров»."),
        (1, "ol", "Приём заявок:"),
        (2, "ol", "онлайн;"),
        (2, "ol", "в кабинете 214."),
        (1, "ol", "Голосование жителей."),
    ]
    # The typed markers ("·", "o", "1.", "a.") are gone with Word's fallback sections.
    assert "·" not in plain_text(word_paste)
    assert "a." not in plain_text(word_paste)


def test_word_clipboard_keeps_meaning_and_drops_office_noise(word_paste: str):
    # MsoTitle is a heading in a paste (only an import makes it the headline), and
    # Word's h1/h2 move down a level so the hierarchy survives.
    assert headings(word_paste) == [
        ("h2", "Мэрия подвела итоги конкурса «Лучший двор»"),
        ("h2", "Номинации"),
        ("h3", "Как проходило голосование"),
    ]
    assert links(word_paste) == [("сайте мэрии", "https://example.ru/konkurs/itogi")]
    assert tables(word_paste) == [[["Номинация", "Голосов"], ["Самый зелёный двор", "1 204"]]]
    assert "1&nbsp;204" in word_paste  # Word's no-break space in the number is kept
    assert inline(word_paste, "blockquote") == ["Спасибо всем, кто участвовал!"]
    assert inline(word_paste, "u") == ["Подчёркнутый"]
    assert inline(word_paste, "s") == ["зачёркнутый"]
    assert inline(word_paste, "sub") == ["2"]
    assert "[1]" in inline(word_paste, "sup")  # the footnote reference, raised as in Word
    assert footnotes(word_paste) == ["Протокол комиссии № 7 от 28 июня."]
    for noise in ("mso-", "class=", "style=", "o:p", "<span", "<font", "StartFragment"):
        assert noise not in word_paste
    assert word_paste.count("<hr>") == 1  # Word's own separator, not a second one


def test_clipboard_header_and_fragment_markers():
    html = (
        "Version:0.9\r\nStartHTML:000097\r\nEndHTML:000200\r\n"
        "<html><body>outside<!--StartFragment--><p>Только это</p><!--EndFragment-->"
        "also outside</body></html>"
    )
    assert clean_foreign_html(html) == "<p>Только это</p>"


def test_outlook_style_list_markers_without_list_rules():
    html = (
        "<p class=MsoListParagraph style='mso-list:l3 level1 lfo4'><!--[if !supportLists]-->"
        "<span style='mso-list:Ignore'>3.<span>&nbsp;</span></span><!--[endif]-->Третий</p>"
        "<p class=MsoListParagraph style='mso-list:l3 level1 lfo4'><!--[if !supportLists]-->"
        "<span style='mso-list:Ignore'>4.<span>&nbsp;</span></span><!--[endif]-->Четвёртый</p>"
        "<p class=MsoListParagraph style='mso-list:l3 level2 lfo4'>"
        "<span style='mso-list:Ignore'>-<span>&nbsp;</span></span>вложенный</p>"
    )
    assert clean_foreign_html(html) == (
        '<ol start="3"><li>Третий</li><li>Четвёртый<ul><li>вложенный</li></ul></li></ol>'
    )


def test_list_continuation_paragraph_stays_in_its_item():
    html = (
        "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'>"
        "<![if !supportLists]>·<![endif]>Пункт</p>"
        "<p class=MsoListParagraphCxSpMiddle>пояснение к пункту</p>"
        "<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'>"
        "<![if !supportLists]>·<![endif]>Ещё пункт</p>"
        "<p class=MsoNormal>После списка</p>"
    )
    assert clean_foreign_html(html) == (
        "<ul><li>Пункт<p>пояснение к пункту</p></li><li>Ещё пункт</li></ul><p>После списка</p>"
    )


def test_google_docs_css_formatting_becomes_elements():
    html = (
        '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1">'
        '<p dir="ltr"><span style="font-weight:700;">Жирный</span> '
        '<span style="font-style:italic;">курсив</span> '
        '<span style="text-decoration:underline;">подчёркнутый</span> '
        '<span style="text-decoration:line-through;">зачёркнутый</span> '
        'м<span style="vertical-align:super;">2</span></p>'
        '<h1 dir="ltr"><span style="font-weight:700;">Заголовок</span></h1></b>'
    )
    assert clean_foreign_html(html) == (
        "<p><strong>Жирный</strong> <em>курсив</em> <u>подчёркнутый</u> <s>зачёркнутый</s> "
        "м<sup>2</sup></p><h2>Заголовок</h2>"
    )


def test_libreoffice_split_lists_are_joined_but_real_restarts_are_not():
    split = "<ol><li>один</ol><ul><ul><li>а</ul></ul><ol start=2><li>два</ol>"
    assert clean_foreign_html(split) == "<ol><li>один<ul><li>а</li></ul></li><li>два</li></ol>"
    restart = "<ol><li>один</li></ol><ol><li>снова один</li></ol>"
    assert clean_foreign_html(restart) == restart


def test_hidden_text_and_page_furniture_are_dropped():
    html = (
        '<div style="display:none">Прехедер письма</div><p>Текст</p>'
        "<p style='mso-hide:all'>скрыто</p>"
        '<div title="footer"><p>1</p></div>'
        "<div style='mso-element:header'><p>Колонтитул</p></div>"
    )
    assert clean_foreign_html(html) == "<p>Текст</p>"


def test_nothing_executable_survives():
    html = (
        '<p onclick="steal()">Текст <a href="javascript:alert(1)">ссылка</a>'
        '<script>alert(1)</script><img src="x" onerror="alert(1)"></p>'
        "<style>p{}</style><iframe src=https://evil.example></iframe>"
    )
    assert clean_foreign_html(html) == "<p>Текст ссылка</p>"


def test_pictures_in_a_paste():
    data_url = "data:image/png;base64," + base64.b64encode(PNG_BYTES).decode()
    html = (
        f'<p>До</p><p><img src="{data_url}" alt="Сквер"></p><p><img src="https://x.ru/a.jpg"></p>'
    )

    fragment = clean_foreign_fragment(html)
    [image] = fragment.images
    assert image.data == PNG_BYTES and image.alt == "Сквер"
    assert fragment.body == f'<p>До</p><p><img src="{image.src}" alt="Сквер"></p>'
    assert fragment.warnings == [ImportNotice.of(ImportWarningKind.PICTURES_ON_WEB, count=1)]
    # Without anywhere to store it, the plain paste leaves the picture out entirely.
    assert clean_foreign_html(html) == "<p>До</p>"


def test_a_data_url_that_is_not_really_a_picture_is_dropped():
    fake = "data:image/png;base64," + base64.b64encode(b"MZ\x90\x00 not a png").decode()
    fragment = clean_foreign_fragment(f'<p>Текст<img src="{fake}"></p>')
    assert fragment.images == [] and fragment.body == "<p>Текст</p>"


def test_output_is_canonical_and_cleaning_is_idempotent(word_paste: str):
    assert sanitize_body(word_paste) == word_paste
    assert clean_foreign_html(word_paste) == word_paste


def test_hostile_nesting_is_linear_and_keeps_text():
    html = "<div>" * 50_000 + "глубоко" + "</div>" * 50_000 + "<span>" * 50_000 + "ещё"
    started = time.perf_counter()
    result = clean_foreign_html(html)
    assert time.perf_counter() - started < 5.0
    assert plain_text(result).split() == ["глубоко", "ещё"]
