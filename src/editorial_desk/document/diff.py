"""Word-level diff of two plain texts, correct for Russian.

Tokens are what a Russian reader sees as one unit of change:
- words, with «ё» and «й» written either precomposed or with combining marks;
- hyphenated and apostrophised words as one token: «Санкт-Петербург», «из-за», «О’Нил»;
- numbers, including thousands grouped with a (narrow) no-break or plain space
  («12 500 000», «1 787,5»), decimals, times and dates («10:30», «01.12.2026»);
- every punctuation mark on its own, «кавычки» and dashes included, so a change
  of quotes does not mark the quoted word;
- line breaks (paragraph boundaries), so splitting a paragraph shows.
Other whitespace is not a token: it travels with the token before it, which is
how Word's track changes marks an inserted or deleted word ("word ").

Segments rebuild the new text exactly (EQUAL + INSERT); EQUAL + DELETE rebuild the
old text except where only the kind of space between two unchanged words differs.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from html import escape
from typing import Final

__all__ = [
    "HTML_MARKUP",
    "QT_MARKUP",
    "DiffKind",
    "DiffMarkup",
    "DiffSegment",
    "Token",
    "diff_words",
    "render_html",
    "token_opcodes",
    "tokenize",
]


class DiffKind(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class DiffSegment:
    kind: DiffKind
    text: str


# Letters and digits plus combining marks (a decomposed «ё» is «е» + U+0308) and
# the soft hyphen Word leaves inside words.
_W: Final = r"[\w\u0300-\u036f\u00ad]"
_GROUP_SEP: Final = "[ \u00a0\u202f\u2009]"
_JOINER: Final = r"(?:[-\u2010\u2011'\u2019]|(?<=\d)[.,:/](?=\d))"
_TOKEN_RE: Final = re.compile(
    # a number grouped by thousands: 1 787 / 12 500 000 / 1 787,5
    rf"(?<![\w.,])\d{{1,3}}(?:{_GROUP_SEP}\d{{3}})+(?![\d\w])(?:[.,]\d+)?"
    # a word, a hyphenated word, a plain number, a decimal, a time or a date
    rf"|{_W}+(?:{_JOINER}{_W}+)*"
    r"|\n"
    r"|[^\w\s]"  # one punctuation mark
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int  # exclusive; text[start:end] == self.text
    gap: str  # the whitespace after the token (never a line break)


def tokenize(text: str) -> list[Token]:
    """Every token of `text` with its position and the whitespace following it."""
    matches = list(_TOKEN_RE.finditer(text))
    tokens: list[Token] = []
    for index, match in enumerate(matches):
        next_start = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        tokens.append(
            Token(match.group(), match.start(), match.end(), text[match.end() : next_start])
        )
    return tokens


def _key(token: str) -> str:
    # The same word typed precomposed or decomposed, or with an invisible soft
    # hyphen, is the same word to a reader; «ё» and «е» are not.
    return unicodedata.normalize("NFC", token).replace("\u00ad", "")


Opcode = tuple[str, int, int, int, int]


def token_opcodes(old: list[Token], new: list[Token]) -> list[Opcode]:
    """difflib-style opcodes over two token lists (compared by what a reader sees).

    Two levels, because a word-level SequenceMatcher over a whole long article
    costs seconds (every "," and "в" is compared with every other): paragraphs are
    matched first, and words are diffed only inside the paragraphs that changed."""
    a_keys, b_keys = [_key(t.text) for t in old], [_key(t.text) for t in new]
    a_lines, b_lines = _line_starts(a_keys), _line_starts(b_keys)
    paragraphs = SequenceMatcher(
        None, _lines(a_keys, a_lines), _lines(b_keys, b_lines), autojunk=False
    )
    opcodes: list[Opcode] = []
    for tag, i1, i2, j1, j2 in paragraphs.get_opcodes():
        a1, a2, b1, b2 = a_lines[i1], a_lines[i2], b_lines[j1], b_lines[j2]
        if tag == "equal":
            _append(opcodes, ("equal", a1, a2, b1, b2))
        else:
            for op in _word_opcodes(a_keys, a1, a2, b_keys, b1, b2):
                _append(opcodes, op)
    return _slide_to_line_breaks(opcodes, a_keys, b_keys)


def _edge_score(keys: list[str], pos: int) -> int:
    """How good a place `pos` (between keys[pos-1] and keys[pos]) is for one end of
    an inserted or deleted run: a paragraph boundary or the text's edge is best."""
    if pos <= 0 or pos >= len(keys):
        return 2
    return 2 if "\n" in (keys[pos - 1], keys[pos]) else 0


def _slide_to_line_breaks(opcodes: list[Opcode], a: list[str], b: list[str]) -> list[Opcode]:
    """An inserted or deleted run between equal text can often sit in several places
    ("рублей." + ".\nМонтаж ... пятницу" or "рублей." + "\nМонтаж ... пятницу.");
    move it to where it starts or ends at a paragraph boundary, as a reader sees it."""
    ops = list(opcodes)
    k = 0
    while k < len(ops):
        tag, i1, i2, j1, j2 = ops[k]
        if tag in ("insert", "delete"):
            keys, lo, hi = (b, j1, j2) if tag == "insert" else (a, i1, i2)
            has_before = k > 0 and ops[k - 1][0] == "equal"
            has_after = k + 1 < len(ops) and ops[k + 1][0] == "equal"
            left_room = ops[k - 1][2] - ops[k - 1][1] if has_before else 0
            right_room = ops[k + 1][2] - ops[k + 1][1] if has_after else 0
            best = _best_shift(keys, lo, hi, left_room, right_room)
            if best:
                first = k - 1 if has_before else k
                last = k + 2 if has_after else k + 1
                ops[first:last] = _shifted(ops, k, best, has_before, has_after)
                k = first
        k += 1
    return [op for op in ops if op[1] != op[2] or op[3] != op[4]]


def _best_shift(keys: list[str], lo: int, hi: int, left_room: int, right_room: int) -> int:
    """How far (in tokens, negative = left) to move the run keys[lo:hi]; 0: stay."""
    best, best_score = 0, _edge_score(keys, lo) + _edge_score(keys, hi)
    for step in (-1, 1):
        shift = step
        while (-shift <= left_room if step < 0 else shift <= right_room) and (
            keys[lo + shift] == keys[hi + shift]
            if step < 0
            else keys[lo + shift - 1] == keys[hi + shift - 1]
        ):
            score = _edge_score(keys, lo + shift) + _edge_score(keys, hi + shift)
            if score > best_score:
                best, best_score = shift, score
            shift += step
    return best


def _shifted(ops: list[Opcode], k: int, by: int, has_before: bool, has_after: bool) -> list[Opcode]:
    """The equal run before, the moved run and the equal run after."""
    tag, i1, i2, j1, j2 = ops[k]
    # Both sides move: the run in its own text, its (empty) place in the other one.
    run: Opcode = (tag, i1 + by, i2 + by, j1 + by, j2 + by)
    before_a, before_b = (ops[k - 1][1], ops[k - 1][3]) if has_before else (i1, j1)
    after_a, after_b = (ops[k + 1][2], ops[k + 1][4]) if has_after else (i2, j2)
    return [
        ("equal", before_a, run[1], before_b, run[3]),
        run,
        ("equal", run[2], after_a, run[4], after_b),
    ]


def _line_starts(keys: list[str]) -> list[int]:
    """Token index where each line starts (a line ends after its "\n"), plus the end."""
    starts = [0] + [i + 1 for i, key in enumerate(keys) if key == "\n"]
    if starts[-1] != len(keys):
        starts.append(len(keys))
    return starts


def _lines(keys: list[str], starts: list[int]) -> list[tuple[str, ...]]:
    return [tuple(keys[s:e]) for s, e in itertools.pairwise(starts)]


def _word_opcodes(a: list[str], a1: int, a2: int, b: list[str], b1: int, b2: int) -> list[Opcode]:
    start_a, start_b, end_a, end_b = a1, b1, a2, b2
    # Equal words at both ends need no matcher (most edits touch a few words).
    while a1 < a2 and b1 < b2 and a[a1] == b[b1]:
        a1, b1 = a1 + 1, b1 + 1
    while a2 > a1 and b2 > b1 and a[a2 - 1] == b[b2 - 1]:
        a2, b2 = a2 - 1, b2 - 1
    # autojunk off: with it, frequent words ("в", ",") could never anchor a match
    # and unchanged words between two edits would show as changed.
    matcher = SequenceMatcher(None, a[a1:a2], b[b1:b2], autojunk=False)
    return [
        ("equal", start_a, a1, start_b, b1),
        *(
            (tag, i1 + a1, i2 + a1, j1 + b1, j2 + b1)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        ),
        ("equal", a2, end_a, b2, end_b),
    ]


def _append(opcodes: list[Opcode], op: Opcode) -> None:
    tag, i1, i2, j1, j2 = op
    if i1 == i2 and j1 == j2:
        return
    if opcodes and opcodes[-1][0] == tag == "equal":
        _tag, p1, _p2, q1, _q2 = opcodes[-1]
        opcodes[-1] = ("equal", p1, i2, q1, j2)
    else:
        opcodes.append(op)


class _Builder:
    def __init__(self) -> None:
        self.segments: list[DiffSegment] = []

    def add(self, kind: DiffKind, text: str) -> None:
        if not text:
            return
        if self.segments and self.segments[-1].kind is kind:
            self.segments[-1] = DiffSegment(kind, self.segments[-1].text + text)
        else:
            self.segments.append(DiffSegment(kind, text))


def _leading(text: str, tokens: list[Token]) -> str:
    return text[: tokens[0].start] if tokens else text


def diff_words(old: str, new: str) -> list[DiffSegment]:
    """Segments that turn `old` into `new`, changed words marked, equal runs merged."""
    a, b = tokenize(old), tokenize(new)
    out = _Builder()
    old_lead, new_lead = _leading(old, a), _leading(new, b)
    _gap(out, old_lead, new_lead)
    for tag, i1, i2, j1, j2 in token_opcodes(a, b):
        if tag == "equal":
            for old_token, new_token in zip(a[i1:i2], b[j1:j2], strict=True):
                out.add(DiffKind.EQUAL, new_token.text)
                _gap(out, old_token.gap, new_token.gap)
            continue
        deleted = [t.text + t.gap for t in a[i1:i2]]
        inserted = [t.text + t.gap for t in b[j1:j2]]
        # A replaced run followed by a space on both sides: keep that space equal,
        # so only the words themselves are marked.
        shared_gap = ""
        if deleted and inserted and a[i2 - 1].gap and b[j2 - 1].gap:
            shared_gap = b[j2 - 1].gap
            deleted[-1] = deleted[-1][: -len(a[i2 - 1].gap)]
            inserted[-1] = inserted[-1][: -len(shared_gap)]
        out.add(DiffKind.DELETE, "".join(deleted))
        out.add(DiffKind.INSERT, "".join(inserted))
        out.add(DiffKind.EQUAL, shared_gap)
    return _factor_spaces(out.segments)


def _is_gap(text: str) -> bool:
    return bool(text) and text.isspace() and "\n" not in text


def _factor_spaces(segments: list[DiffSegment]) -> list[DiffSegment]:
    """A space that moved from one side of a change to the other is not a change:
    "Итак, всё" -> "Итак всё" deletes ",", not ", " while inserting " "."""
    out = _Builder()
    index = 0
    while index < len(segments):
        here = segments[index]
        there = segments[index + 1] if index + 1 < len(segments) else None
        changes = {DiffKind.INSERT, DiffKind.DELETE}
        if there is not None and {here.kind, there.kind} == changes:
            gap, other = (here, there) if _is_gap(here.text) else (there, here)
            if _is_gap(gap.text) and len(other.text) > len(gap.text):
                if other.text.endswith(gap.text):
                    out.add(other.kind, other.text[: -len(gap.text)])
                    out.add(DiffKind.EQUAL, gap.text)
                    index += 2
                    continue
                if other.text.startswith(gap.text):
                    out.add(DiffKind.EQUAL, gap.text)
                    out.add(other.kind, other.text[len(gap.text) :])
                    index += 2
                    continue
        out.add(here.kind, here.text)
        index += 1
    return out.segments


def _gap(out: _Builder, old_gap: str, new_gap: str) -> None:
    """Whitespace between two unchanged tokens: equal when both have some (the kind
    of space is not a change a reviewer needs to see), else inserted or deleted."""
    if old_gap and new_gap:
        out.add(DiffKind.EQUAL, new_gap)
    else:
        out.add(DiffKind.DELETE, old_gap)
        out.add(DiffKind.INSERT, new_gap)


@dataclass(frozen=True, slots=True)
class DiffMarkup:
    insert_open: str
    insert_close: str
    delete_open: str
    delete_close: str


HTML_MARKUP: Final = DiffMarkup("<ins>", "</ins>", "<del>", "</del>")
# Qt's rich text ignores <ins>/<del>; spans with a style show the same thing there.
QT_MARKUP: Final = DiffMarkup(
    '<span style="background-color:#d8f5d0; text-decoration:underline;">',
    "</span>",
    '<span style="background-color:#f9d6d5; text-decoration:line-through;">',
    "</span>",
)


def _escaped(text: str, kind: DiffKind) -> str:
    lines = escape(text, quote=False).split("\n")
    if kind is DiffKind.EQUAL:
        return "<br>".join(lines)
    # A line break that was added or removed is invisible unless marked: show ¶.
    joiner = "¶<br>" if kind is DiffKind.INSERT else "¶"
    return joiner.join(lines)


def render_html(segments: list[DiffSegment], markup: DiffMarkup = HTML_MARKUP) -> str:
    """An HTML fragment: insertions and deletions wrapped, all text escaped, line
    breaks as <br>."""
    parts: list[str] = []
    for segment in segments:
        body = _escaped(segment.text, segment.kind)
        if segment.kind is DiffKind.INSERT:
            parts.append(f"{markup.insert_open}{body}{markup.insert_close}")
        elif segment.kind is DiffKind.DELETE:
            parts.append(f"{markup.delete_open}{body}{markup.delete_close}")
        else:
            parts.append(body)
    return "".join(parts)
