"""Anchors follow their text through an edit (pure text, no database)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editorial_desk.document.anchors import AnchorState, TextEdit

OLD = "Мэр открыл сквер. Мэр открыл фонтан."


def anchor(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def test_unchanged_text_keeps_the_anchor():
    start, end = anchor(OLD, "открыл фонтан")
    move = TextEdit(OLD, OLD).follow(start, end, "открыл фонтан")
    assert (move.start, move.end, move.state) == (start, end, AnchorState.ATTACHED)


def test_the_nearer_of_two_occurrences_is_chosen():
    new = "Сегодня мэр открыл сквер. А потом Мэр открыл фонтан."
    move = TextEdit(OLD, new).follow(*anchor(OLD, "Мэр открыл", 1), "Мэр открыл")
    assert (move.start, move.state) == (new.index("Мэр открыл"), AnchorState.ATTACHED)
    first = TextEdit(OLD, new).follow(*anchor(OLD, "сквер"), "сквер")
    assert first.start == new.index("сквер")


def test_moved_paragraph_is_found_again():
    old = "Первый абзац.\nВторой абзац про ёлку."
    new = "Второй абзац про ёлку.\nПервый абзац."
    move = TextEdit(old, new).follow(*anchor(old, "про ёлку"), "про ёлку")
    assert (move.start, move.state) == (new.index("про ёлку"), AnchorState.ATTACHED)


def test_edited_and_removed():
    old = "Посадили 120 лип у школы."
    edit = TextEdit(old, "Посадили 150 лип у школы.")
    changed = edit.follow(*anchor(old, "Посадили 120 лип"), "Посадили 120 лип")
    assert (changed.state, edit.new[changed.start : changed.end]) == (
        AnchorState.CHANGED,
        "Посадили 150 лип",
    )
    gone = TextEdit(old, "У школы теперь парк.").follow(*anchor(old, "120 лип"), "120 лип")
    assert gone.state is AnchorState.REMOVED and gone.start == gone.end
    back = TextEdit("У школы теперь парк.", old).follow(
        gone.start, gone.end, "120 лип", removed=True
    )
    assert (back.state, old[back.start : back.end]) == (AnchorState.ATTACHED, "120 лип")


_words = st.lists(
    st.sampled_from(["мэр", "ёлка", "в", "сквер", "1 500", "—", "Санкт-Петербург"]), max_size=12
)


@settings(max_examples=200, deadline=None)
@given(_words, _words, _words)
def test_a_quote_that_survives_is_always_found(before, quote, after):
    quoted = " ".join(quote) or "ёлка"
    old = " ".join([*before, quoted, *after])
    start = len(" ".join(before)) + (1 if before else 0)
    new = " ".join([*after, "и", quoted, *before])
    move = TextEdit(old, new).follow(start, start + len(quoted), quoted)
    assert move.state is AnchorState.ATTACHED
    assert new[move.start : move.end] == quoted
