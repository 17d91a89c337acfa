""".txt -> draft.  Blank lines separate paragraphs (``paragraphs_from_plain_text``);
a short first paragraph of one line that does not end like a sentence is the
headline, as people type a news item into Notepad or an e-mail."""

from __future__ import annotations

from typing import Final

from editorial_desk.document import paragraphs_from_plain_text
from editorial_desk.importers.charset import decode_text
from editorial_desk.importers.guards import check_text_input
from editorial_desk.importers.model import ImportedDocument, clip_title
from editorial_desk.importers.notices import ImportNotice, ImportWarningKind

# A first line longer than this is prose, not a headline.
MAX_HEADLINE_CHARS: Final = 300


def _split_headline(text: str) -> tuple[str, str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return "", ""
    first = lines[0].strip()
    single_line = len(lines) == 1 or not lines[1].strip()
    # Headlines do not end like a sentence or a list's lead-in.
    if (
        single_line
        and len(first) <= MAX_HEADLINE_CHARS
        and not first.endswith((".", ",", ";", ":"))
    ):
        return first, "\n".join(lines[1:])
    return "", "\n".join(lines)


def convert_text(data: bytes, fallback_title: str) -> ImportedDocument:
    check_text_input(data, "plain")
    text, _codec = decode_text(data)
    headline, rest = _split_headline(text)
    warnings: list[ImportNotice] = []
    if not headline:
        warnings.append(ImportNotice.of(ImportWarningKind.TEXT_WITHOUT_HEADLINE))
    title, title_warnings = clip_title(headline or fallback_title)
    return ImportedDocument(
        title=title,
        lead="",
        body=paragraphs_from_plain_text(rest),
        warnings=warnings + title_warnings,
    )
