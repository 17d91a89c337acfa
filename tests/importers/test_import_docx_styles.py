"""Style names as a Russian Word writes them for styles made in its UI (a third
writer here: python-docx, adding styles by those names)."""

from __future__ import annotations

import io

from body_shape import headings, inline, list_outline
from docx import Document
from docx.enum.style import WD_STYLE_TYPE

from editorial_desk.importers.convert import convert_file_bytes
from editorial_desk.importers.notices import ImportNotice, ImportWarningKind


def _russian_styled_docx() -> bytes:
    document = Document()
    for name in ("Название", "Подзаголовок", "Заголовок 1", "Заголовок 2", "Цитата 2"):
        document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("День города перенесли на субботу", style="Название")
    document.add_paragraph("Праздник пройдёт 14 сентября.", style="Подзаголовок")
    document.add_paragraph("Программа", style="Заголовок 1")
    document.add_paragraph("Утро", style="Заголовок 2")
    document.add_paragraph("Парад оркестров", style="List Bullet")
    document.add_paragraph("Ярмарка", style="List Bullet")
    document.add_paragraph("Ждём всех горожан!", style="Цитата 2")
    run = document.add_paragraph().add_run("Вход свободный")
    run.underline = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_russian_style_names_are_understood():
    imported = convert_file_bytes("den-goroda.docx", _russian_styled_docx(), time_limit=None)

    assert imported.title == "День города перенесли на субботу"
    assert imported.lead == "Праздник пройдёт 14 сентября."
    assert headings(imported.body) == [("h2", "Программа"), ("h3", "Утро")]
    assert list_outline(imported.body) == [(1, "ul", "Парад оркестров"), (1, "ul", "Ярмарка")]
    assert inline(imported.body, "blockquote") == ["Ждём всех горожан!"]
    assert inline(imported.body, "u") == ["Вход свободный"]


def _docx(*paragraphs: tuple[str, str]) -> bytes:
    document = Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_first_heading_is_the_headline_and_the_hierarchy_is_kept():
    data = _docx(
        ("Ремонт моста завершён", "Heading 1"),
        ("Мост открыт для движения.", "Normal"),
        ("Что сделано", "Heading 1"),
        ("Опоры", "Heading 2"),
        ("Пролёты", "Heading 3"),
    )
    imported = convert_file_bytes("most.docx", data, time_limit=None)
    assert imported.title == "Ремонт моста завершён"
    # Heading 1 and 2 stay two levels (h2, h3); deeper ones join the lower one.
    assert headings(imported.body) == [("h2", "Что сделано"), ("h3", "Опоры"), ("h3", "Пролёты")]


def test_without_a_title_style_or_opening_heading_the_file_name_is_the_title():
    data = _docx(("Мост открыт для движения.", "Normal"), ("Подробности", "Heading 2"))
    imported = convert_file_bytes("Ремонт моста.docx", data, time_limit=None)
    assert imported.title == "Ремонт моста"
    assert headings(imported.body) == [("h2", "Подробности")]
    assert imported.warnings == [ImportNotice.of(ImportWarningKind.DOCUMENT_WITHOUT_TITLE)]
