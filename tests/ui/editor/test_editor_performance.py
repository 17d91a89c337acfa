"""The editor's budgets on a 20,000-word article: open ≤ 50 ms, a keystroke ≤ 1 ms
(median), the debounced count well under a frame. The bench (bench/cases/editor.py)
measures them for real; here the bounds are generous, for slow and busy CI
machines, and only catch a change that makes them grow with the article."""

from __future__ import annotations

import random
import statistics
import time

import pytest

from editorial_desk.document import sanitize_body
from editorial_desk.ui.editor.bench_support import measure_keystrokes, measure_open, shown_editor
from editorial_desk.ui.editor.stats import document_stats

WORDS = (
    *("город", "администрация", "жители", "ёлка", "«праздник»", "—", "2024", "года", "улица"),
    *("проект", "строительство", "школа", "парк", "встреча", "района", "Ленина", "1 787"),
)


def _body(words: int = 21_500, seed: int = 7) -> str:  # «—» is no word: ~20,100
    rng = random.Random(seed)
    parts, count = [], 0
    while count < words:
        roll = rng.random()
        if roll < 0.05:
            parts.append("<h2>" + " ".join(rng.choices(WORDS, k=5)) + "</h2>")
            count += 5
        elif roll < 0.12:
            items = "".join(f"<li>{' '.join(rng.choices(WORDS, k=8))}</li>" for _ in range(4))
            parts.append(f"<ul>{items}</ul>")
            count += 32
        else:
            sentence = rng.choices(WORDS, k=40)
            sentence[3] = f"<strong>{sentence[3]}</strong>"
            sentence[9] = f'<a href="https://example.ru/{count}">{sentence[9]}</a>'
            parts.append("<p>" + " ".join(sentence) + "</p>")
            count += 40
    return sanitize_body("".join(parts))


@pytest.mark.slow
def test_20000_word_article_open_keystroke_and_count(qtbot, capsys) -> None:
    body = _body()
    editor = shown_editor()
    qtbot.addWidget(editor)
    measure_open(body, editor)  # warm-up
    opens = [measure_open(body, editor) for _ in range(5)]
    keystrokes = measure_keystrokes(editor, 200)
    started = time.perf_counter()
    stats = document_stats(editor.document())
    count = time.perf_counter() - started
    assert stats.words >= 20_000
    open_ms = min(opens) * 1000
    key_ms = statistics.median(keystrokes) * 1000
    with capsys.disabled():
        print(
            f"\neditor, {stats.words} words: open {open_ms:.1f} ms (best of 5), keystroke "
            f"{key_ms:.3f} ms (median of 200), debounced count {count * 1000:.1f} ms"
        )
    assert open_ms < 150
    assert key_ms < 5
    assert count < 0.1
