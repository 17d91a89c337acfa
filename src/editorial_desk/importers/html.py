""".html / .htm -> draft: a saved web page, a page Word saved, or an e-mail.

The bytes are decoded by BOM, declared charset or a windows-1251/KOI8-R guess
(:mod:`charset`), then go through the one clean-up path (:mod:`cleanup`).  The
headline is the Word Title paragraph, a heading that opens the page, the block
``<title>`` repeats, ``<title>`` itself or the first ``h1`` (see
:func:`cleanup.take_title`), else the file name; the lead is a Word Subtitle
paragraph if there is one.
Pictures are kept only when the file carries them (``data:`` URLs); nothing is
ever fetched.
"""

from __future__ import annotations

from editorial_desk.importers.charset import decode_html
from editorial_desk.importers.cleanup import finish, prepare, take_lead, take_title
from editorial_desk.importers.guards import check_text_input
from editorial_desk.importers.model import ImportedDocument, clip_title
from editorial_desk.importers.notices import ImportNotice, ImportWarningKind


def convert_html(data: bytes, fallback_title: str) -> ImportedDocument:
    check_text_input(data, "HTML")
    text, _codec, warnings = decode_html(data)
    parsed = prepare(text)
    title = take_title(parsed, page_title=parsed.title)
    lead = take_lead(parsed)
    cleaned = finish(parsed)
    warnings += cleaned.warnings
    if not title:
        title = fallback_title
        warnings.append(ImportNotice.of(ImportWarningKind.PAGE_WITHOUT_TITLE))
    title, title_warnings = clip_title(title)
    return ImportedDocument(
        title=title,
        lead=lead,
        body=cleaned.body,
        images=cleaned.images,
        warnings=warnings + title_warnings,
    )
