"""Anchored comments follow their text through edits.

An anchor is a range [start, end) of the body's plain text plus the text that was
selected (`quoted`). When the body changes, the anchor moves to the occurrence of
the quoted text nearest to where the edit carried the old range (so "the same
phrase twice" picks the right one); if the quoted text is gone but some of its
words survived, it keeps pointing at what is left (CHANGED); if nothing is left it
is REMOVED, keeping its last position so that a later restore can re-attach it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum

from .diff import Token, token_opcodes, tokenize

__all__ = ["AnchorMove", "AnchorState", "TextEdit", "anchor_state"]


class AnchorState(StrEnum):
    ATTACHED = "attached"  # the quoted text is where the anchor points
    CHANGED = "changed"  # the place is still there, but its words were edited
    REMOVED = "removed"  # the quoted text is gone from the article


@dataclass(frozen=True, slots=True)
class AnchorMove:
    start: int
    end: int  # == start when removed (the last known position)
    state: AnchorState


def anchor_state(text: str, start: int, end: int, quoted: str, *, removed: bool) -> AnchorState:
    """What a stored anchor means against the current text."""
    if removed:
        return AnchorState.REMOVED
    return AnchorState.ATTACHED if text[start:end] == quoted else AnchorState.CHANGED


class TextEdit:
    """One change of a text (old -> new), diffed once for all anchors of a save."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        self._a: list[Token] = tokenize(old)
        self._b: list[Token] = tokenize(new)
        self._a_ends = [t.end for t in self._a]
        # For every old token: the index of its unchanged twin in the new text, or None.
        self._twin: list[int | None] = [None] * len(self._a)
        # For every old token: where its opcode's new side starts (for changed tokens).
        self._region: list[int] = [0] * len(self._a)
        for tag, i1, i2, j1, _j2 in token_opcodes(self._a, self._b):
            for offset, i in enumerate(range(i1, i2)):
                self._region[i] = self._new_start(j1)
                if tag == "equal":
                    self._twin[i] = j1 + offset

    def _new_start(self, j: int) -> int:
        return self._b[j].start if j < len(self._b) else len(self.new)

    def map_position(self, pos: int) -> int:
        """Where a position of the old text is in the new one (exact inside unchanged
        words, the start of the replacement inside changed ones)."""
        i = bisect_right(self._a_ends, pos)  # the first token ending after pos
        if i >= len(self._a):
            return max(0, len(self.new) - max(0, len(self.old) - pos))
        twin = self._twin[i]
        if twin is None:
            return self._region[i]
        return max(0, self._b[twin].start + (pos - self._a[i].start))

    def _surviving_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The new range spanned by the unchanged tokens of old [start, end), if at
        least half of its words survived (a lone surviving "." or "в" is not the
        place the comment was about)."""
        inside = [i for i, token in enumerate(self._a) if token.end > start and token.start < end]
        words = [i for i in inside if _is_word(self._a[i].text)]
        kept = [i for i in inside if self._twin[i] is not None]
        kept_words = [i for i in words if self._twin[i] is not None]
        if not kept_words or 2 * len(kept_words) < len(words):
            return None
        first, last = self._a[kept[0]], self._a[kept[-1]]
        new_start = self.map_position(max(start, first.start))
        new_end = self.map_position(min(end, last.end) - 1) + 1
        return (new_start, new_end) if new_end > new_start else None

    def follow(self, start: int, end: int, quoted: str, *, removed: bool = False) -> AnchorMove:
        """Move the anchor [start, end) of the old text (selecting `quoted` there
        once) into the new text."""
        hint = self.map_position(start)
        found = _nearest_occurrence(self.new, quoted, hint, _boundaries(self.old, start, end))
        if found is not None:
            return AnchorMove(found, found + len(quoted), AnchorState.ATTACHED)
        if not removed and (survived := self._surviving_range(start, end)) is not None:
            new_start, new_end = survived
            state = anchor_state(self.new, new_start, new_end, quoted, removed=False)
            return AnchorMove(new_start, new_end, state)
        return AnchorMove(hint, hint, AnchorState.REMOVED)


def _is_word(token: str) -> bool:
    return any(_is_word_char(char) for char in token)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _boundaries(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether the original selection began and ended at a word boundary. A
    selection of a whole word must not re-attach to the inside of another word
    (a comment on «в» must not jump into «вода»)."""
    starts_clean = start == 0 or not (
        _is_word_char(text[start - 1]) and start < len(text) and _is_word_char(text[start])
    )
    ends_clean = end >= len(text) or not (
        end > 0 and _is_word_char(text[end - 1]) and _is_word_char(text[end])
    )
    return starts_clean, ends_clean


def _nearest_occurrence(
    text: str, quoted: str, hint: int, boundaries: tuple[bool, bool]
) -> int | None:
    if not quoted:
        return None
    best: int | None = None
    pos = text.find(quoted)
    while pos != -1:
        clean = _boundaries(text, pos, pos + len(quoted))
        fits = all(
            is_clean or not needed for is_clean, needed in zip(clean, boundaries, strict=True)
        )
        if fits and (best is None or abs(pos - hint) < abs(best - hint)):
            best = pos
        pos = text.find(quoted, pos + 1)
    return best
