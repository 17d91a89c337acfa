"""Visible text of a body, and Russian-aware word and character counts.

Plain text feeds the word counter, search, previews and the .txt exporter, so it
follows what a reader sees: one line per block, ``<br>`` as a line break, runs of
whitespace collapsed the way a browser collapses them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Final

from .vocabulary import BLOCK_TAGS, DISSOLVED_TAGS, HIDDEN_CONTENT_TAGS, RENAMED_TAGS

__all__ = [
    "TextStats",
    "body_stats",
    "count_text",
    "paragraphs_from_plain_text",
    "plain_text",
]

# Everything a browser lays out as its own block, canonical or not, so that plain
# text of raw (pre-sanitize) input and of the sanitized body agree line by line.
_BLOCKS: Final = (
    BLOCK_TAGS
    | DISSOLVED_TAGS
    | {tag for tag, canonical in RENAMED_TAGS.items() if canonical in BLOCK_TAGS}
    | {"body", "html"}
)
# Python's html.parser only treats script/style as raw text; the content of every
# hidden element is skipped by counting how deep inside hidden elements we are.
_HIDDEN: Final = HIDDEN_CONTENT_TAGS
_VOID: Final = frozenset(
    {"area", "base", "br", "col", "embed", "frame", "hr", "img", "input", "link", "meta"}
    | {"source", "track", "wbr", "param", "keygen"}
)
_HTML_SPACE_RE: Final = re.compile(r"[ \t\n\r\f]+")


class _TextExtractor(HTMLParser):
    """Collects lines per block; a block boundary flushes the current block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._lines: list[list[str]] = [[]]
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            if tag not in _VOID:
                self._hidden_depth += 1
            return
        if self._hidden_depth:
            return
        if tag == "br":
            self._lines.append([])
        elif tag in _BLOCKS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # ``<p/>`` is just ``<p>`` in HTML; only void elements are really empty.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            if tag not in _VOID and self._hidden_depth:
                self._hidden_depth -= 1
            return
        if self._hidden_depth:
            return
        if tag == "br":  # ``</br>`` is parsed as ``<br>`` by browsers
            self._lines.append([])
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self._lines[-1].append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        lines = [_HTML_SPACE_RE.sub(" ", "".join(parts)).strip(" ") for parts in self._lines]
        self._lines = [[]]
        # Blank lines at a block's edges (a trailing <br>, a Word "&nbsp;" spacer
        # paragraph) carry nothing; the sanitizer drops them the same way.
        while lines and (not lines[-1] or lines[-1].isspace()):
            lines.pop()
        while lines and (not lines[0] or lines[0].isspace()):
            lines.pop(0)
        if lines:
            self.blocks.append("\n".join(lines))


def plain_text(html_text: str) -> str:
    """Return the visible text of *html_text*: blocks and ``<br>`` on separate lines.

    Entities are decoded, runs of HTML whitespace inside a line collapse to one
    space and are trimmed at line ends (no-break spaces are kept, as in a
    browser), blocks with nothing but spaces vanish, and the content of
    script/style/other hidden elements is ignored.  Table cells are blocks, so
    each cell is its own line.
    """
    parser = _TextExtractor()
    parser.feed(html_text)
    parser.close()
    return "\n".join(parser.blocks)


@dataclass(frozen=True, slots=True)
class TextStats:
    """Word and character counts as an editor expects them from Microsoft Word."""

    words: int
    chars_with_spaces: int
    chars_without_spaces: int


# Thousands separators used in Russian typography: space, no-break space, narrow
# no-break space (the GOST/Word typographic choice), thin space.
_GROUP_SEP: Final = "[ \u00a0\u202f\u2009]"
# A token is a run of non-whitespace, except that a number written in groups of
# three ("1 787", "12 500 000", "1 787,5", "(1 500)") is one token.  The number
# must start the token (after opening punctuation) so "abc1 787" is two tokens.
_TOKEN_RE: Final = re.compile(
    rf"(?<!\S)[^\w\s]*\d{{1,3}}(?:{_GROUP_SEP}\d{{3}})+(?!\d)\S*"  # grouped number
    r"|\S+"
)
# A word needs at least one letter or digit: a lone dash, bullet or quote is not one.
_WORDLIKE_RE: Final = re.compile(r"[^\W_]")
# Characters Word does not count: paragraph marks and line breaks.
_LINE_BREAKS: Final = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK_RE: Final = re.compile(f"[{_LINE_BREAKS}]")


def count_text(text: str) -> TextStats:
    """Count words and characters in plain text the way a Russian editor expects.

    Words are whitespace-separated tokens containing a letter or digit, so
    hyphenated words, e-mails and URLs are one word, "т. д." is two and a lone
    "—" is none; a number grouped by thousands ("12 500 000") is one word.
    ``chars_with_spaces`` counts everything but line breaks (as Word ignores
    paragraph marks); ``chars_without_spaces`` also drops every kind of space.
    """
    words = sum(1 for m in _TOKEN_RE.finditer(text) if _WORDLIKE_RE.search(m.group()))
    with_spaces = len(text) - len(_LINE_BREAK_RE.findall(text))
    without_spaces = sum(len(chunk) for chunk in text.split())
    return TextStats(words, with_spaces, without_spaces)


def body_stats(html_text: str) -> TextStats:
    """Counts for a stored body: :func:`count_text` over :func:`plain_text`."""
    return count_text(plain_text(html_text))


def _escape_text(text: str) -> str:
    # Exactly the escaping html5ever (nh3) uses for text, so the result is canonical.
    return (
        text.replace("&", "&amp;")
        .replace("\u00a0", "&nbsp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


_SURROGATE_RE: Final = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """Replace lone surrogates (not encodable as UTF-8) with U+FFFD, like a decoder would."""
    return _SURROGATE_RE.sub("\ufffd", text)


def _scrub(text: str) -> str:
    """Make *text* survive an HTML parse unchanged (line endings, NUL, lone surrogates)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return replace_surrogates(text)


def paragraphs_from_plain_text(text: str) -> str:
    """Turn plain text (CLI input, .txt import) into a canonical body.

    Blank lines separate paragraphs, single line breaks inside a paragraph become
    ``<br>``, each line is trimmed and its whitespace runs collapsed, and all text
    is escaped, so the result is already in canonical form (``sanitize_body``
    leaves it unchanged).
    """
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for raw_line in _scrub(text).split("\n"):
        line = _HTML_SPACE_RE.sub(" ", raw_line.strip())
        if line:
            current.append(_escape_text(line))
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return "".join(f"<p>{'<br>'.join(lines)}</p>" for lines in paragraphs)
