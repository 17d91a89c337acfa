"""Real files from two independent writers (pandoc and LibreOffice, see
tests/fixtures/import/make_fixtures.py) keep words, heading levels, list nesting,
links, tables, quotes, formatting, footnotes and pictures when imported."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from body_shape import (
    body_words,
    footnotes,
    headings,
    inline,
    links,
    list_outline,
    parse,
    tables,
    words,
)
from hostile_docx import FIXTURES, PNG_BYTES

from editorial_desk.document import sanitize_body
from editorial_desk.importers.convert import convert_file_bytes
from editorial_desk.importers.notices import ImportNotice, ImportWarningKind


@dataclass(frozen=True)
class Article:
    name: str
    title: str
    subtitle: str
    headings: list[tuple[str, str]]
    lists: list[tuple[int, str, str]]
    links: list[tuple[str, str]]
    table: list[list[str]]
    quote: str
    strong: list[str]
    em: list[str]
    footnote: str
    underline: list[str]
    strike: list[str]


SKVER = Article(
    name="skver",
    title="В Заречном районе открылся новый сквер",
    subtitle="Благоустройство территории площадью 1,8 гектара заняло четыре месяца.",
    headings=[("h2", "Что сделано"), ("h2", "Сроки и стоимость"), ("h3", "Как добраться")],
    lists=[
        (1, "ul", "высажено 120 деревьев:"),
        (2, "ul", "липы и клёны вдоль аллеи;"),
        (2, "ul", "яблони у детской площадки;"),
        (1, "ul", "установлено 40 скамеек;"),
        (1, "ul", "проложено 900 метров дорожек."),
        (1, "ol", "Проект утверждён в январе."),
        (1, "ol", "Подрядчик выбран на торгах:"),
        (2, "ol", "заявки принимались до 1 марта;"),
        (2, "ol", "договор подписан 15 марта."),
        (1, "ol", "Работы завершены досрочно."),
    ],
    links=[("сайте администрации", "https://example.ru/news/skver")],
    table=[
        ["Работы", "Сумма, тыс. руб."],
        ["Озеленение", "4 200"],
        ["Дорожки и освещение", "7 850"],
    ],
    quote="Мы благодарим жителей, которые участвовали в обсуждении проекта.",
    strong=["12 мая"],
    em=["«Формирование комфортной городской среды»"],
    footnote="Программа действует до 2030 года.",
    underline=["Ленина"],
    strike=["«Рынок»"],
)

KONKURS = Article(
    name="konkurs",
    title="Мэрия объявляет конкурс «Лучший двор — 2026»",
    subtitle="Заявки принимаются до 30 июня.",
    headings=[("h2", "Кто может участвовать"), ("h2", "Как подать заявку"), ("h3", "Номинации")],
    lists=[
        (1, "ol", "Товарищества собственников жилья."),
        (1, "ol", "Советы домов, в том числе:"),
        (2, "ul", "домов до пяти этажей;"),
        (2, "ul", "домов выше пяти этажей."),
        (1, "ol", "Управляющие компании."),
    ],
    links=[("konkurs@example.ru", "mailto:konkurs@example.ru")],
    table=[
        ["Номинация", "Призовой фонд, руб."],
        ["Самый зелёный двор", "300 000"],
        ["Лучшая детская площадка", "250 000"],
        ["Двор без барьеров", "200 000"],
    ],
    quote="Конкурс проводится в городе уже десятый год.",
    strong=["советы многоквартирных домов"],
    em=["товарищества собственников жилья"],
    footnote="Приём заявок — с 9:00 до 17:00 по будним дням.",
    underline=[],
    strike=[],
)

ARTICLES = [SKVER, KONKURS]
WRITERS = ["pandoc", "libreoffice"]

_LIST_MARKER_RE = re.compile(r"^\s*(?:\d+\.|-)\s+", re.MULTILINE)


def expected_body_words(article: Article) -> list[str]:
    """The words of pandoc's plain rendering after the headline line, without the
    list markers a plain-text rendering has to type."""
    text = (FIXTURES / f"{article.name}.txt").read_text(encoding="utf-8")
    _headline, rest = text.split("\n", 1)
    return words(_LIST_MARKER_RE.sub("", rest))


def convert(path_name: str):  # type: ignore[no-untyped-def]
    data = (FIXTURES / path_name).read_bytes()
    return convert_file_bytes(path_name, data, time_limit=None)


def assert_structure(body: str, article: Article) -> None:
    assert headings(body) == article.headings
    assert list_outline(body) == article.lists
    assert links(body) == article.links
    assert tables(body) == [article.table]
    assert [q for q in inline(body, "blockquote")] == [article.quote]
    assert set(article.strong) <= set(inline(body, "strong"))
    assert set(article.em) <= set(inline(body, "em"))
    assert inline(body, "u") == article.underline
    assert inline(body, "s") == article.strike
    assert footnotes(body) == [article.footnote]
    assert sanitize_body(body) == body  # canonical


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.name)
def test_docx_import_keeps_words_and_structure(article: Article, writer: str):
    document = convert(f"{article.name}.{writer}.docx")

    assert document.title == article.title
    assert document.lead == article.subtitle
    assert body_words(document.body) == expected_body_words(article)
    assert_structure(document.body, article)
    assert document.warnings == []


@pytest.mark.parametrize("writer", WRITERS)
def test_docx_picture_becomes_an_asset_with_caption_and_alt(writer: str):
    document = convert(f"skver.{writer}.docx")

    [image] = document.images
    assert image.data == PNG_BYTES
    assert image.mime_type == "image/png"
    [figure] = [n for n in parse(document.body).walk() if n.tag == "figure"]
    img, caption = figure.children
    assert img.tag == "img" and img.attrs["src"] == image.src  # type: ignore[union-attr]
    assert caption.tag == "figcaption"  # type: ignore[union-attr]
    assert caption.text() == "Новый сквер на улице Ленина"  # type: ignore[union-attr]
    if writer == "pandoc":  # LibreOffice's ODT import drops pandoc's alt text
        assert image.alt == img.attrs["alt"] == "Новый сквер на улице Ленина"  # type: ignore[union-attr]


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.name)
def test_html_import_keeps_words_and_structure(article: Article, writer: str):
    document = convert(f"{article.name}.{writer}.html")

    assert document.title == article.title
    # An HTML page has no lead style: the subtitle stays the first paragraph.
    assert body_words(document.body) == words(article.subtitle) + expected_body_words(article)
    assert_structure(document.body, article)
    assert not document.images  # photo.png sits next to the page; nothing is fetched
    if article is SKVER:
        assert document.warnings == [
            ImportNotice.of(ImportWarningKind.PICTURES_OUTSIDE_FILE, count=1)
        ]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.name)
def test_text_import_keeps_words(article: Article):
    text = (FIXTURES / f"{article.name}.txt").read_text(encoding="utf-8")
    document = convert(f"{article.name}.txt")

    assert document.title == article.title
    assert body_words(document.body) == words(text.split("\n", 1)[1])


def test_typical_docx_import_is_fast():
    import time

    data = (FIXTURES / "skver.libreoffice.docx").read_bytes()
    started = time.perf_counter()
    convert_file_bytes("skver.docx", data, time_limit=None)
    assert time.perf_counter() - started < 1.0
