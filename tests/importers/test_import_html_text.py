"""HTML and plain-text imports: encodings Russian mail still uses, headlines,
pictures carried inside the file."""

from __future__ import annotations

import base64

import pytest
from body_shape import list_outline
from hostile_docx import FIXTURES, PNG_BYTES

from editorial_desk.importers.charset import decode_html, decode_text, guess_cyrillic
from editorial_desk.importers.html import convert_html
from editorial_desk.importers.notices import ImportNotice, ImportWarningKind
from editorial_desk.importers.text import convert_text

PAGE = (
    "<html><head><meta http-equiv='Content-Type' content='text/html; charset={label}'>"
    "<title>Письмо</title></head><body><h1>Отключение воды 3 июля</h1>"
    "<p>В связи с ремонтом водовода жители улицы Садовой останутся без воды.</p>"
    "</body></html>"
)


@pytest.mark.parametrize(
    ("label", "codec"), [("windows-1251", "cp1251"), ("koi8-r", "koi8_r"), ("utf-8", "utf-8")]
)
def test_declared_charsets(label: str, codec: str):
    document = convert_html(PAGE.format(label=label).encode(codec), "письмо")
    assert document.title == "Отключение воды 3 июля"
    assert document.body == (
        "<p>В связи с ремонтом водовода жители улицы Садовой останутся без воды.</p>"
    )


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_undeclared_cyrillic_8bit_is_guessed(codec: str):
    page = "<p>Уважаемые жители! В субботу пройдёт общегородской субботник.</p>"
    data = page.encode(codec)
    assert guess_cyrillic(data) == codec
    text, used, warnings = decode_html(data)
    assert (text, used, warnings) == (page, codec, [])


def test_byte_order_marks_win():
    text = "<p>Ёлка на площади</p>"
    assert decode_html(text.encode("utf-16"))[0] == text
    assert decode_text(b"\xef\xbb\xbf" + text.encode())[0] == text


def test_a_page_cannot_choose_a_dangerous_codec():
    page = b'<meta charset="utf-7"><p>+ADw-script+AD4-alert(1)</p>'
    text, used, warnings = decode_html(page)
    assert used == "utf-8"
    assert warnings == [
        ImportNotice.of(ImportWarningKind.UNKNOWN_CHARSET, charset="utf-7", codec="utf-8")
    ]
    assert "<script>" not in text


def test_mail_that_lies_about_utf8_is_read_as_windows_1251():
    data = PAGE.format(label="utf-8").encode("cp1251")
    text, used, warnings = decode_html(data)
    assert used == "cp1251" and "Отключение воды" in text
    assert warnings == [ImportNotice.of(ImportWarningKind.FALSE_UTF8, codec="cp1251")]


def test_data_url_pictures_in_an_email_become_images():
    png = base64.b64encode(PNG_BYTES).decode()
    page = (
        f"<html><body><p>Фото с места:</p><p><img src='data:image/png;base64,{png}' "
        "alt='Водовод'></p><p><img src='cid:image001.jpg@01D9'></p></body></html>"
    )
    document = convert_html(page.encode(), "письмо")
    [image] = document.images
    assert image.data == PNG_BYTES and image.alt == "Водовод"
    assert f'<img src="{image.src}" alt="Водовод">' in document.body
    assert document.title == "письмо"  # no h1, no <title>: the file name
    assert ImportNotice.of(ImportWarningKind.PICTURES_OUTSIDE_FILE, count=1) in document.warnings


def test_web_page_headline_is_the_h1_its_title_repeats():
    page = (
        "<html><head><title>Новый автобусный маршрут — Администрация города</title></head>"
        "<body><nav><a href='/'>Главная</a></nav><h1>Новый автобусный маршрут</h1>"
        "<h2>Расписание</h2><p>Каждые 15 минут.</p></body></html>"
    )
    document = convert_html(page.encode(), "page")
    assert document.title == "Новый автобусный маршрут"
    assert "Новый автобусный маршрут" not in document.body
    assert "<h2>Расписание</h2>" in document.body


def test_word_saved_web_page_uses_title_and_subtitle_styles():
    html = (FIXTURES / "word_clipboard.html").read_bytes()
    document = convert_html(html, "итоги")
    assert document.title == "Мэрия подвела итоги конкурса «Лучший двор»"
    assert document.lead == "Победителей наградят 1 июля."
    assert list_outline(document.body)[0] == (1, "ul", "«Самый зелёный двор»:")


def test_text_headline_rules():
    document = convert_text("Субботник 20 апреля\n\nПриглашаем всех.\nСбор в 9:00.\n".encode(), "f")
    assert document.title == "Субботник 20 апреля"
    assert document.body == "<p>Приглашаем всех.<br>Сбор в 9:00.</p>"
    # A first line that reads as a sentence is text, and the file name is the title.
    prose = convert_text("В субботу пройдёт субботник.\n\nСбор в 9:00.".encode("cp1251"), "заметка")
    assert prose.title == "заметка"
    assert prose.body == "<p>В субботу пройдёт субботник.</p><p>Сбор в 9:00.</p>"
    assert prose.warnings == [ImportNotice.of(ImportWarningKind.TEXT_WITHOUT_HEADLINE)]


def test_long_titles_are_cut_at_a_word():
    words = "заголовок " * 80
    cut = convert_html(f"<h1>{words}</h1><p>текст</p>".encode(), "f")
    assert len(cut.title) <= 500 and cut.title.endswith("заголовок…")
    assert words.startswith(cut.title[:-1] + " ")
    assert cut.warnings == [ImportNotice.of(ImportWarningKind.TITLE_CUT, limit=500)]
