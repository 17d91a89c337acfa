"""What the clipboard holds, turned into something the editor inserts.

Foreign HTML (Word, LibreOffice, Google Docs, browsers) goes through the
importers' clean-up into the canonical body format; what the editor itself
copies travels as canonical HTML under a private MIME type, so copy and paste
inside the app (and drag and drop) loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QMimeData

from editorial_desk.document import sanitize_body

CANONICAL_MIME: Final = "application/x-editorial-desk-body"
"""The editor's own clipboard format: a canonical body, UTF-8."""

_CLEANUP_MODULE: Final = "editorial_desk.importers.cleanup"


def _foreign_html_cleaner() -> Callable[[str], str]:
    """`importers.cleanup.clean_foreign_html` when this build has it: it knows
    Word's and Google Docs' clipboard dialects (``MsoListParagraph`` lists, ...)
    and returns a canonical body. Without it, `document.sanitize_body` is used:
    it makes any HTML safe and canonical (styles, classes, fonts, ``mso-``
    markup and ``<o:p>`` go), but does not rebuild lists Word wrote as
    paragraphs. Looked up per paste, not at import: the importer is heavy and
    rarely needed, and this keeps the editor working while it is absent."""
    try:
        from editorial_desk.importers.cleanup import clean_foreign_html
    except ImportError as exc:
        if exc.name != _CLEANUP_MODULE:
            raise  # the clean-up exists but is broken: that must not go unnoticed
        return sanitize_body
    return clean_foreign_html


def clean_pasted_html(html: str) -> str:
    """Foreign clipboard HTML as a canonical body ("" if nothing visible is left)."""
    return _foreign_html_cleaner()(html)


def canonical_from_mime(source: QMimeData) -> str | None:
    """The canonical body the clipboard offers, or None when it offers only text
    (or nothing usable): the editor's own format first, then HTML."""
    if source.hasFormat(CANONICAL_MIME):
        data = bytes(source.data(CANONICAL_MIME).data()).decode("utf-8", errors="replace")
        return sanitize_body(data)  # cheap on canonical input; never trust a clipboard
    if source.hasHtml():
        return clean_pasted_html(source.html())
    return None


def plain_text_from_mime(source: QMimeData) -> str:
    """The clipboard's text with line breaks normalised to ``\\n``."""
    text = source.text() if source.hasText() else ""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def mime_for(canonical: str, plain: str) -> QMimeData:
    """What the editor puts on the clipboard: its own format, the same canonical
    HTML for other programs (clean semantic HTML pastes well into Word and
    browsers), and plain text."""
    data = QMimeData()
    data.setData(CANONICAL_MIME, canonical.encode("utf-8"))
    data.setHtml(canonical)
    data.setText(plain)
    return data
