"""Live word and character counts of the editor, debounced.

Counting is proportional to the length of the article, so it never runs per
keystroke: every change only restarts a single-shot timer (O(1)); the count runs
once the user has paused for `DEBOUNCE_MS`. For a 20,000-word article the
count itself (`QTextDocument.toPlainText` + `document.count_text`) takes about
10 ms, well inside one frame of idle time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextDocument

from editorial_desk.document import count_text

DEBOUNCE_MS: Final = 300

READING_WORDS_PER_MINUTE: Final = 180
"""Silent reading speed assumed for Russian news text. Adult readers manage about
180-200 words a minute in Russian (fewer than the ~230-250 quoted for English:
Russian words are longer); news with figures and names reads at the lower end,
so 180 gives an honest "N min read"."""

_OBJECT_REPLACEMENT: Final = "\ufffc"  # an image in the text; not a character a reader counts


@dataclass(frozen=True, slots=True)
class EditorStats:
    """The counts of `document.TextStats` plus the estimated reading time."""

    words: int
    chars_with_spaces: int
    chars_without_spaces: int
    reading_minutes: int


def reading_minutes(words: int) -> int:
    """Whole minutes, rounded up; 0 only for an empty text."""
    return math.ceil(words / READING_WORDS_PER_MINUTE) if words > 0 else 0


def document_stats(document: QTextDocument) -> EditorStats:
    """Counts of the visible text of `document`, as `document.body_stats` counts the
    canonical body (one line per block, images not counted)."""
    text = document.toPlainText()
    if _OBJECT_REPLACEMENT in text:
        text = text.replace(_OBJECT_REPLACEMENT, "")
    counted = count_text(text)
    return EditorStats(
        counted.words,
        counted.chars_with_spaces,
        counted.chars_without_spaces,
        reading_minutes(counted.words),
    )


class StatsWatcher(QObject):
    """Emits `statsChanged(EditorStats)` `DEBOUNCE_MS` after the last change of the
    document (and only when the figures differ from the last ones sent)."""

    statsChanged = Signal(object)

    def __init__(
        self, document: QTextDocument, parent: QObject | None = None, *, delay_ms: int = DEBOUNCE_MS
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._last: EditorStats | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh)
        document.contentsChanged.connect(self.schedule)

    def schedule(self) -> None:
        self._timer.start()  # restarts a running timer: O(1) per keystroke

    def refresh(self) -> EditorStats:
        """Count now (also cancels a pending count) and emit if anything changed."""
        self._timer.stop()
        stats = document_stats(self._document)
        if stats != self._last:
            self._last = stats
            self.statsChanged.emit(stats)
        return stats

    def reset(self) -> None:
        """A new text was loaded: count it after the delay and emit even if the
        figures happen to equal the previous text's."""
        self._last = None
        self._timer.start()

    def last(self) -> EditorStats | None:
        """The figures last emitted (None before the first count)."""
        return self._last
