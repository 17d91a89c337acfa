"""DOCX -> draft, with mammoth (a converter built for exactly this: it reads the
document's styles and structure, not its looks) and then the shared clean-up.

mammoth is given:

* a style map (:data:`STYLE_MAP`) that turns Word's, LibreOffice's and pandoc's
  style names, English and Russian, into meaning: Title -> the headline,
  Subtitle -> the lead, headings, the quote styles -> ``blockquote``, caption
  styles -> a picture's caption; underline (ignored by mammoth by default) kept;
* an image converter that keeps the bytes (JPEG, PNG, GIF, WebP, sniffed from
  the bytes, at most MAX_IMAGE_BYTES) and answers ``asset:<sha256>``; other
  formats (EMF/WMF drawings, TIFF, BMP) are left out with a warning;
* no access to files outside the document (its default, said explicitly) and no
  style map embedded in the document (a hostile file could carry its own).

LibreOffice's list types live in per-list level overrides, which mammoth does not
read; :mod:`docx_numbering` folds them in first.

mammoth appends footnotes and endnotes as a numbered list with back-links; the
back-links ("↑") are removed (by the clean-up) and a rule (``hr``) set before the
list.

:func:`convert_docx` checks the package (:mod:`guards`) itself, so it is safe to
call on any bytes; the service also runs the guards before it starts the worker
process, so a hostile file is refused without one.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections import Counter
from typing import Any, Final
from xml.parsers.expat import ExpatError

import mammoth

from editorial_desk.importers.cleanup import (
    CAPTION_CLASS,
    LEAD_CLASS,
    TITLE_CLASS,
    finish,
    prepare,
    take_lead,
    take_title,
)
from editorial_desk.importers.docx_numbering import with_resolved_numbering
from editorial_desk.importers.guards import check_docx_package
from editorial_desk.importers.htmltree import Element, ParsedHtml
from editorial_desk.importers.model import (
    MAX_IMAGE_BYTES,
    ImportedDocument,
    ImportedImage,
    RefusalReason,
    clip_title,
    refuse,
    sniff_image_type,
)
from editorial_desk.importers.notices import ImportNotice, ImportWarningKind

_RULE_CLASS: Final = "ed-rule"
_RULE_STYLES: Final = frozenset({"separator", "horizontal line"})
# Stands in for the content of an empty rule paragraph, which mammoth would
# otherwise skip as empty; a private-use character no real text contains.
_RULE_MARK: Final = "\ue000"


def _paragraphs(names: tuple[str, ...], target: str) -> str:
    return "\n".join(f"p[style-name='{name}'] => {target}" for name in names)


# Style names are matched case-insensitively by mammoth.  Russian names are what
# Word writes for a style created in a Russian UI or copied from an old .doc
# (built-in styles are stored under their English names).
STYLE_MAP: Final = "\n".join(
    [
        _paragraphs(("Title", "Название", "Заголовок"), f"h1.{TITLE_CLASS}:fresh"),
        # "Lead" is the style our own DOCX export gives the lead.
        _paragraphs(("Subtitle", "Подзаголовок", "Lead", "Лид"), f"p.{LEAD_CLASS}:fresh"),
        *(
            _paragraphs((f"Заголовок {level}", f"Heading {level}"), f"h{level}:fresh")
            for level in range(1, 7)
        ),
        _paragraphs(
            (
                "Quote",  # Word
                "Intense Quote",  # Word
                "Quotations",  # LibreOffice
                "Block Text",  # pandoc
                "Цитата",
                "Цитата 2",  # Russian Word's "Quote"
                "Выделенная цитата",  # Russian Word's "Intense Quote"
                "Цитаты",  # Russian LibreOffice's "Quotations"
            ),
            "blockquote > p:fresh",
        ),
        _paragraphs(
            (
                "Caption",  # Word
                "Image Caption",  # pandoc
                "FigureCaption",  # LibreOffice (from pandoc's ODT)
                "Figure",  # LibreOffice
                "Illustration",  # LibreOffice
                "Название объекта",  # Russian Word's "Caption"
                "Подпись",
            ),
            f"p.{CAPTION_CLASS}:fresh",
        ),
        # An empty paragraph in one of these styles is a horizontal rule: "Separator"
        # is how our own DOCX export writes <hr>, "Horizontal Line" LibreOffice's.
        _paragraphs(("Separator", "Horizontal Line"), f"p.{_RULE_CLASS}:fresh"),
        "u => u",
        "strike => s",
    ]
)

_FOOTNOTE_IDS: Final = ("footnote-", "endnote-")


class _ImageCollector:
    """mammoth's image callback: keep the bytes, answer the asset reference."""

    def __init__(self) -> None:
        self.images: dict[str, ImportedImage] = {}
        self.left_out: Counter[str] = Counter()

    def __call__(self, image: Any) -> dict[str, str]:
        try:
            with image.open() as stream:
                data = stream.read(MAX_IMAGE_BYTES + 1)
        except (OSError, ValueError, KeyError):
            # A picture linked to a file outside the document (access is off).
            self.left_out["linked"] += 1
            return {}
        if len(data) > MAX_IMAGE_BYTES:
            self.left_out["too large"] += 1
            return {}
        mime = sniff_image_type(data)
        if mime is None:
            self.left_out[image.content_type or "unknown"] += 1
            return {}
        picture = ImportedImage(data, mime, image.alt_text or "")
        self.images.setdefault(picture.sha256, picture)
        return {"src": picture.src}

    def warnings(self) -> list[ImportNotice]:
        warnings = []
        for kind, count in sorted(self.left_out.items()):
            if kind == "linked":
                warnings.append(ImportNotice.of(ImportWarningKind.PICTURES_LINKED, count=count))
            elif kind == "too large":
                limit = MAX_IMAGE_BYTES // (1024 * 1024)
                warnings.append(
                    ImportNotice.of(ImportWarningKind.PICTURES_TOO_LARGE, count=count, size=limit)
                )
            else:
                notice = ImportNotice.of(
                    ImportWarningKind.PICTURES_UNSUPPORTED, count=count, format=kind
                )
                warnings.append(notice)
        return warnings


def _mark_empty_rules(paragraph: Any) -> Any:
    """mammoth document transform: give an empty rule paragraph a placeholder."""
    if paragraph.children or (paragraph.style_name or "").lower() not in _RULE_STYLES:
        return paragraph
    placeholder = mammoth.documents.run([mammoth.documents.text(_RULE_MARK)])
    return paragraph.copy(children=[placeholder])


def _rules_from_placeholders(parsed: ParsedHtml) -> None:
    for element in parsed.root.iter():
        if _RULE_CLASS in element.classes:
            if element.text().strip() == _RULE_MARK:
                element.tag, element.attrs, element.children = "hr", {}, []
            else:  # a rule style with text in it: keep the text
                element.attrs = {}


def _rule_before_notes(parsed: ParsedHtml) -> None:
    """Set a rule (``hr``) before mammoth's list of footnotes/endnotes.

    (Their "↑" back-links are dropped by the clean-up, as pandoc's are.)"""
    children = parsed.root.children
    for index, child in enumerate(children):
        if (
            isinstance(child, Element)
            and child.tag == "ol"
            and any(
                isinstance(item, Element) and item.attrs.get("id", "").startswith(_FOOTNOTE_IDS)
                for item in child.children
            )
        ):
            previous = children[index - 1] if index else None
            if not (isinstance(previous, Element) and previous.tag == "hr"):
                children.insert(index, Element("hr"))
            return


def docx_to_html(data: bytes) -> tuple[str, _ImageCollector]:
    """mammoth's HTML for ``data`` (no guards: callers run them first)."""
    images = _ImageCollector()
    try:
        result = mammoth.convert_to_html(
            io.BytesIO(with_resolved_numbering(data)),
            style_map=STYLE_MAP,
            convert_image=mammoth.images.img_element(images),
            include_embedded_style_map=False,
            external_file_access=False,
            transform_document=mammoth.transforms.paragraph(_mark_empty_rules),
        )
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ExpatError) as exc:
        raise refuse(
            RefusalReason.DAMAGED, f"the document is damaged and cannot be read ({exc})"
        ) from None
    except RecursionError:
        raise refuse(
            RefusalReason.CONVERSION_FAILED, "the document is nested too deeply to be read"
        ) from None
    # mammoth's messages (unrecognised styles, ignored elements) are about markup,
    # not about anything a user could act on; the losses that matter are ours.
    return result.value, images


def convert_docx(data: bytes, fallback_title: str) -> ImportedDocument:
    """A draft from the bytes of a ``.docx`` (refuses hostile or broken files)."""
    check_docx_package(data)
    markup, images = docx_to_html(data)
    parsed = prepare(markup)
    _rules_from_placeholders(parsed)
    _rule_before_notes(parsed)
    title = take_title(parsed)
    lead = take_lead(parsed)
    cleaned = finish(parsed)
    warnings = images.warnings() + cleaned.warnings
    if not title:
        title = fallback_title
        warnings.append(ImportNotice.of(ImportWarningKind.DOCUMENT_WITHOUT_TITLE))
    title, title_warnings = clip_title(title)
    kept = [image for sha, image in images.images.items() if f"asset:{sha}" in cleaned.body]
    return ImportedDocument(
        title=title,
        lead=lead,
        body=cleaned.body,
        images=kept,
        warnings=warnings + title_warnings,
    )
