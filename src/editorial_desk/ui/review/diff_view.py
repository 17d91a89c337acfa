"""The rich text the history panel's QTextBrowser shows for a `RevisionDiff`:
a heading saying what is compared with what, a legend, then title, lead and body
with insertions marked green and underlined and deletions red and struck through
(`document.diff.render_html` with `QT_MARKUP`; Qt's rich text has no <ins>/<del>).
Everything from the article is escaped by render_html or here."""

from __future__ import annotations

from datetime import tzinfo
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from editorial_desk.document.diff import QT_MARKUP, DiffKind, DiffSegment, render_html
from editorial_desk.domain.review import RevisionInfo
from editorial_desk.ui.labels import format_local

if TYPE_CHECKING:
    from editorial_desk.services.history import RevisionDiff

translate = QCoreApplication.translate

_MUTED = "color:#666666;"


def _revision_text(revision: RevisionInfo, zone: tzinfo) -> str:
    return translate("DiffView", "version {number} ({when}, {author})").format(
        number=revision.number,
        when=format_local(revision.created_at, zone),
        author=revision.author_name or revision.author_login,
    )


def _legend() -> str:
    inserted = translate("DiffView", "added")
    deleted = translate("DiffView", "removed")
    return (
        f'<p style="{_MUTED}">{QT_MARKUP.insert_open}{escape(inserted)}{QT_MARKUP.insert_close}'
        f"&nbsp;&nbsp;{QT_MARKUP.delete_open}{escape(deleted)}{QT_MARKUP.delete_close}</p>"
    )


def paragraphs(segments: tuple[DiffSegment, ...]) -> list[list[DiffSegment]]:
    """The segments cut into the new text's paragraphs (lines), so each becomes a
    <p> with spacing: render_html's <br> is a line break inside ONE Qt block, and
    a long article would read as one wall of text. A line break that was added
    ends its paragraph with a marked ¶; a removed one stays inside its segment
    (render_html marks it ¶ without breaking), as the two paragraphs are one now."""
    lines: list[list[DiffSegment]] = [[]]
    for segment in segments:
        if segment.kind is DiffKind.DELETE or "\n" not in segment.text:
            lines[-1].append(segment)
            continue
        pieces = segment.text.split("\n")
        for number, piece in enumerate(pieces):
            last = number == len(pieces) - 1
            text = piece if last or segment.kind is DiffKind.EQUAL else piece + "¶"
            if text:
                lines[-1].append(DiffSegment(segment.kind, text))
            if not last:
                lines.append([])
    return lines


def _field(heading: str, segments: tuple[DiffSegment, ...]) -> str:
    changed = any(s.kind is not DiffKind.EQUAL for s in segments)
    note = "" if changed else f' <span style="{_MUTED}">{escape(_unchanged())}</span>'
    body = "".join(
        f'<p style="margin-top:0; margin-bottom:6px;">'
        f"{render_html(line, QT_MARKUP) or '&nbsp;'}</p>"
        for line in paragraphs(segments)
    )
    return f"<h4>{escape(heading)}{note}</h4>{body}"


def _unchanged() -> str:
    return translate("DiffView", "(no changes)")


def diff_html(diff: RevisionDiff, zone: tzinfo, *, against_approved: bool = False) -> str:
    if against_approved:
        heading = translate("DiffView", "Changes since the approved {old} up to the current {new}")
    else:
        heading = translate("DiffView", "Changes from {old} to {new}")
    heading = heading.format(old=_revision_text(diff.old, zone), new=_revision_text(diff.new, zone))
    parts = [f"<p><b>{escape(heading)}</b></p>"]
    if not diff.changed:
        same = translate("DiffView", "The texts are the same.")
        parts.append(f"<p>{escape(same)}</p>")
    else:
        parts.append(_legend())
    parts.append(_field(translate("DiffView", "Title"), diff.title))
    parts.append(_field(translate("DiffView", "Lead"), diff.lead))
    parts.append(_field(translate("DiffView", "Text"), diff.body))
    return "".join(parts)


def message_html(text: str) -> str:
    """A grey one-line message in place of a diff ("Computing…", "Select…")."""
    return f'<p style="{_MUTED}">{escape(text)}</p>'
