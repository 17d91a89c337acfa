"""DOCX export read back with python-docx: text, styles, list levels, hyperlink
targets, images, tables, language and core properties; and the office's own
template (letterhead, localized style ids, missing styles)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from export_samples import PHOTO, SMALL, asset_of, make_article

from editorial_desk.domain.errors import ValidationError
from editorial_desk.export import ExportContext, ExportOptions, docx_bytes


def read(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))


def styled(document: DocxDocument) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs]


def numbering(paragraph: Paragraph) -> tuple[int, int] | None:
    """(numId, level) of a list paragraph."""
    num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    if num_pr is None:
        return None
    return num_pr.numId.val, num_pr.ilvl.val


def by_text(document: DocxDocument, start: str) -> Paragraph:
    [paragraph] = [p for p in document.paragraphs if p.text.startswith(start)]
    return paragraph


def test_article_parts_get_their_word_styles(article, assets):
    options = ExportOptions(
        time_zone="Europe/Moscow", signature="Пресс-служба администрации", typography=False
    )
    document = read(docx_bytes(article, assets, options))
    paragraphs = styled(document)
    assert paragraphs[:3] == [
        ("Dateline", "5\u00a0декабря 2026\u00a0г. · Город"),
        ("Title", "В парке «Дружба» откроется зимняя площадка"),
        ("Lead", "Каток, прокат и лыжная трасса - бесплатно для всех жителей."),
    ]
    assert ("Heading 2", "Что появилось в парке") in paragraphs
    assert ("Heading 3", "Часы работы") in paragraphs
    assert by_text(document, "«Мы хотели").style.name == "Quote"
    assert by_text(document, "Фото: пресс-служба").style.name == "Caption"
    assert paragraphs[-1] == ("Signature", "Пресс-служба администрации")
    assert ("Normal", "Информационный отдел администрации города") in paragraphs
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "12 500 000 рублей" in bold
    italic = [r.text for p in document.paragraphs for r in p.runs if r.italic]
    assert "бесплатный" in italic


def test_lists_keep_their_kind_nesting_and_numbering(article, assets):
    document = read(docx_bytes(article, assets))
    items = {
        "каток": ("List Bullet", 0),
        "прокат": ("List Bullet", 0),
        "лыжную": ("List Bullet", 0),
        "детский": ("List Bullet", 1),
        "взрослый": ("List Bullet", 1),
        "Будние": ("List Number", 0),
        "Выходные": ("List Number", 0),
        "Первый пункт": ("List Number", 0),
    }
    nums = {}
    for start, (style, level) in items.items():
        paragraph = by_text(document, start)
        assert paragraph.style.name == style
        num = numbering(paragraph)
        assert num is not None and num[1] == level
        nums[start] = num[0]
    assert nums["каток"] == nums["детский"]  # one bullet list, nested by level
    assert nums["Будние"] == nums["Выходные"]
    assert nums["Первый пункт"] != nums["Будние"]  # the second list starts again
    numbering_xml = document.part.numbering_part.element
    [first_list] = [n for n in numbering_xml.num_lst if n.numId == nums["Будние"]]
    start = first_list.find(qn("w:lvlOverride")).find(qn("w:startOverride"))
    assert start.get(qn("w:val")) == "3"  # <ol start="3">


def test_hyperlinks_point_at_their_targets(article, assets):
    document = read(docx_bytes(article, assets))
    links = [(h.text, h.address) for p in document.paragraphs for h in p.hyperlinks]
    assert links == [
        ("странице парка", "https://example.org/park?a=1&b=2"),
        ("+7 495 000-00-00", "tel:+74950000000"),
        ("press@example.org", "mailto:press@example.org"),
    ]
    link_runs = [r for p in document.paragraphs for h in p.hyperlinks for r in h.runs]
    assert {r.style.name for r in link_runs} == {"Hyperlink"}


def test_images_are_embedded_at_a_sensible_width_with_caption(article_factory):
    body = (
        f'<figure><img src="{PHOTO.src}" alt="Каток"><figcaption>Большое фото</figcaption></figure>'
        f'<figure><img src="{SMALL.src}" alt="Значок"><figcaption>Маленькое</figcaption></figure>'
    )
    document = read(
        docx_bytes(article_factory(body=body), {PHOTO.sha256: PHOTO, SMALL.sha256: SMALL})
    )
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    big, small = document.inline_shapes
    assert big.width == text_width  # 1600 px would run off the page
    assert abs(big.height / big.width - 900 / 1600) < 0.01
    assert small.width == Pt(120)  # its own size (72 dpi when the PNG does not say)
    blobs = []
    for shape in document.inline_shapes:
        rid = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        blobs.append(document.part.related_parts[rid].blob)
    assert blobs == [PHOTO.data, SMALL.data]
    assert [shape._inline.docPr.get("descr") for shape in document.inline_shapes] == [
        "Каток",
        "Значок",
    ]
    figure, caption = document.paragraphs[3:5]
    assert figure.style.name == "Figure" and figure.paragraph_format.keep_with_next is not False
    assert (caption.style.name, caption.text) == ("Caption", "Большое фото")


def test_webp_and_missing_images_do_not_break_the_document(article_factory):
    webp = asset_of(b"RIFF\x1a\x00\x00\x00WEBPVP8 fake", "image/webp", "photo.webp")
    body = (
        f'<figure><img src="{webp.src}" alt="Ночной каток">'
        "<figcaption>Подпись</figcaption></figure>"
        f'<figure><img src="asset:{"0" * 64}" alt="Потеряно"><figcaption>Ещё подпись</figcaption>'
        "</figure>"
    )
    document = read(docx_bytes(article_factory(body=body), {webp.sha256: webp}))
    texts = [p.text for p in document.paragraphs]
    assert "[Изображение: Ночной каток]" in texts
    assert "Подпись" in texts and "Ещё подпись" in texts
    assert len(document.inline_shapes) == 0


def test_tables_use_the_table_style_and_keep_spans(article_factory):
    body = (
        '<table><thead><tr><th>Район</th><th colspan="2">Показатели</th></tr></thead>'
        '<tbody><tr><td rowspan="2">Центр</td><td>1</td><td>2</td></tr>'
        "<tr><td>3</td><td>4</td></tr></tbody></table>"
    )
    document = read(docx_bytes(article_factory(body=body), {}))
    [table] = document.tables
    assert table.style.name == "Editorial Table"
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Район", "Показатели", "Показатели"],
        ["Центр", "1", "2"],
        ["Центр", "3", "4"],
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert document.paragraphs[-1].text == ""  # Word wants a paragraph after the table


def test_document_language_and_core_properties(article, assets):
    exported = ExportContext(revision_id=17, exported_at=datetime.now(UTC), exported_by="Пётр")
    document = read(docx_bytes(article, assets, ExportOptions(), exported))
    props = document.core_properties
    assert props.title == "В парке «Дружба» откроется зимняя площадка"
    assert props.author == "Анна Иванова"
    assert props.subject == "Город"
    assert props.keywords == "парк, зима"
    assert props.language == "ru-RU"
    assert props.created == datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    assert props.last_modified_by == "Пётр"
    assert props.identifier == "editorial-desk:article:42:revision:17"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    [lang] = defaults.iter(qn("w:lang"))
    assert lang.get(qn("w:val")) == "ru-RU"
    assert {lang.get(qn("w:val")) for lang in document.styles.element.iter(qn("w:lang"))} == {
        "ru-RU"
    }


def test_typography_and_header_block_follow_the_options(article, assets):
    typed = read(docx_bytes(article, assets))
    assert by_text(typed, "В\u00a0субботу").text.count("\u00a0") > 3
    plain = read(docx_bytes(article, assets, ExportOptions(typography=False, header_block=False)))
    assert plain.paragraphs[0].style.name == "Title"
    assert by_text(plain, "В субботу").text.count("\u00a0") == 0


def _letterhead(tmp_path: Path) -> Path:
    """An office's own template: python-docx's stock document with a letterhead,
    sample text, its own Heading 2 and the localized style id a Russian Word writes."""
    document = Document()
    document.sections[0].header.paragraphs[0].text = "Администрация города Энска"
    document.add_paragraph("Образец текста бланка")
    heading = document.styles["Heading 2"]
    heading.font.name = "Courier New"
    heading.element.set(qn("w:styleId"), "2")
    path = tmp_path / "бланк.docx"
    document.save(path)
    return path


def test_office_template_is_used_and_completed(tmp_path: Path, article, assets):
    options = ExportOptions(reference_docx=_letterhead(tmp_path))
    document = read(docx_bytes(article, assets, options))
    assert document.sections[0].header.paragraphs[0].text == "Администрация города Энска"
    texts = [p.text for p in document.paragraphs]
    assert "Образец текста бланка" not in texts
    heading = by_text(document, "Что появилось")
    assert heading.style.name == "Heading 2" and heading.style.style_id == "2"
    assert heading.style.font.name == "Courier New"  # the office's look is kept
    # Styles the office template lacks were added from our definitions.
    for name in ("Lead", "Dateline", "Figure", "Signature", "Hyperlink", "Editorial Table"):
        assert document.styles[name] is not None
    assert document.paragraphs[2].style.name == "Lead"


def test_unusable_template_is_one_clear_error(tmp_path: Path, article):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ValidationError, match="Word template"):
        docx_bytes(article, {}, ExportOptions(reference_docx=broken))
    with pytest.raises(ValidationError, match="Word template"):
        docx_bytes(article, {}, ExportOptions(reference_docx=tmp_path / "missing.docx"))


def test_hostile_body_gives_a_valid_document(assets):
    article = make_article(body="<p>a\x01b\x0bc</p>")
    assert "abc" in [p.text for p in read(docx_bytes(article, assets)).paragraphs]
