"""Property: every canonical body survives canonical -> QTextDocument -> canonical.

Bodies are generated as trees of the format's constructs and written out by a
serializer of this test's own (inline nesting by recursive grouping, not by the
converter's tag stack), then put through ``sanitize_body`` to get the real
canonical spelling.  Also: the 20,000-word timing the editor's 50 ms budget
depends on.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit

from editorial_desk.document import sanitize_body
from editorial_desk.ui.body_convert import (
    canonical_to_document,
    document_to_canonical,
    link_char_format,
    quote_block_format,
)

# ---------------------------------------------------------------------------
# A tiny canonical writer (html5ever's escaping, the allowlist's attribute order)
# ---------------------------------------------------------------------------


def esc(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("\u00a0", "&nbsp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


def esc_attr(text: str) -> str:
    return esc(text).replace('"', "&quot;")


@dataclass(frozen=True)
class Run:
    """A piece of inline content with its formatting; ``text`` None means ``<br>``,
    a ``str`` starting with "asset:" in ``image`` an inline picture."""

    text: str | None
    link: tuple[str, str | None] | None = None  # (href, title)
    strong: bool = False
    em: bool = False
    u: bool = False
    s: bool = False
    vertical: str | None = None  # "sub" | "sup"
    image: str | None = None

    def tag(self, level: int) -> tuple[str | None, ...] | None:
        """The element this run needs at nesting level ``level``: a > strong > em >
        u > s > sub/sup."""
        if level == 0:
            return ("a", *self.link) if self.link else None
        if level == 5:
            return (self.vertical,) if self.vertical else None
        flag = (self.strong, self.em, self.u, self.s)[level - 1]
        return (("strong", "em", "u", "s")[level - 1],) if flag else None


LEVELS = 6


def write_runs(runs: Sequence[Run], level: int = 0) -> str:
    """Minimal nesting by grouping: at each level, maximal stretches sharing the tag."""
    if level == LEVELS:
        out = []
        for run in runs:
            if run.image is not None:
                out.append(f'<img src="{run.image}">')
            elif run.text is None:
                out.append("<br>")
            else:
                out.append(esc(run.text))
        return "".join(out)
    out = []
    i = 0
    while i < len(runs):
        tag = runs[i].tag(level)
        j = i + 1
        while j < len(runs) and runs[j].tag(level) == tag:
            j += 1
        inner = write_runs(runs[i:j], level + 1)
        if tag is None:
            out.append(inner)
        elif tag[0] == "a":
            href, title = tag[1], tag[2]
            assert href is not None
            title_attr = f' title="{esc_attr(title)}"' if title is not None else ""
            out.append(f'<a href="{esc_attr(href)}"{title_attr}>{inner}</a>')
        else:
            out.append(f"<{tag[0]}>{inner}</{tag[0]}>")
        i = j
    return "".join(out)


# ---------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------

ALPHABET = (
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЖЗЯ"
    + "abcxyzABC0123456789"
    + ("  .,;:!?«»—–-()№%/\"'&<>\u00a0")
)
WORDS = ["Москва", "ёлка", "«праздник»", "—", "2024", "г.", "10 000", "ул. Ленина, д. 5", "O'Neil"]

text = st.one_of(
    st.text(alphabet=ALPHABET, min_size=1, max_size=12),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join),
)
links = st.one_of(
    st.none(),
    st.none(),
    st.tuples(
        st.sampled_from(
            [
                "https://mos.ru/news/?id=1&amp=2",
                "http://example.org/путь",
                "mailto:press@city.ru",
                "tel:+74951234567",
            ]
        ),
        st.one_of(st.none(), st.sampled_from(["", "Сайт «мэрии»", 'a "b" <c>'])),
    ),
)
SHAS = ["0" * 64, "0123456789abcdef" * 4, "f" * 64]


@st.composite
def runs(draw: st.DrawFn, *, images: bool = False, max_size: int = 5) -> list[Run]:
    result = []
    for _ in range(draw(st.integers(1, max_size))):
        kind = draw(st.sampled_from(["text"] * 6 + ["br"] + (["img"] if images else [])))
        run = Run(
            text=draw(text) if kind == "text" else None,
            link=draw(links),
            strong=draw(st.booleans()),
            em=draw(st.booleans()),
            u=draw(st.booleans()),
            s=draw(st.booleans()),
            vertical=draw(st.sampled_from([None, None, None, "sub", "sup"])),
            image=f"asset:{draw(st.sampled_from(SHAS))}" if kind == "img" else None,
        )
        result.append(run)
    return result


def visible(pieces: list[Run]) -> bool:
    return any(run.image or (run.text and not run.text.isspace()) for run in pieces)


def inline(**kwargs: object) -> st.SearchStrategy[str]:
    """Inline content a reader can see: blocks holding only spaces or <br> are
    empty, and empty blocks are dropped by design (see body_convert)."""
    return runs(**kwargs).filter(visible).map(write_runs)  # type: ignore[arg-type]


@st.composite
def lists(draw: st.DrawFn, depth: int = 1) -> str:
    tag = draw(st.sampled_from(["ul", "ol"]))
    start = ""
    if tag == "ol" and draw(st.booleans()):
        start = f' start="{draw(st.integers(2, 30))}"'
    items = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.integers(0, 5)) == 0:
            content = "".join(f"<p>{draw(inline())}</p>" for _ in range(draw(st.integers(1, 2))))
        else:
            content = draw(inline())
        if depth < 3 and draw(st.integers(0, 2)) == 0:
            content += draw(lists(depth + 1))
        items.append(f"<li>{content}</li>")
    return f"<{tag}{start}>{''.join(items)}</{tag}>"


@st.composite
def figures(draw: st.DrawFn) -> str:
    alt = draw(st.one_of(st.none(), st.just(""), text))
    alt_attr = f' alt="{esc_attr(alt)}"' if alt is not None else ""
    image = f'<img src="asset:{draw(st.sampled_from(SHAS))}"{alt_attr}>'
    caption = ""
    if draw(st.booleans()):
        caption = f"<figcaption>{draw(inline())}</figcaption>"
    return f"<figure>{image}{caption}</figure>"


@st.composite
def tables(draw: st.DrawFn) -> str:
    columns = draw(st.integers(1, 3))
    cell = st.one_of(st.just(""), inline(max_size=3))
    head = ""
    if draw(st.booleans()):
        header_cells = "".join(f"<th>{draw(cell)}</th>" for _ in range(columns))
        head = f"<thead><tr>{header_cells}</tr></thead>"
    rows = "".join(
        "<tr>" + "".join(f"<td>{draw(cell)}</td>" for _ in range(columns)) + "</tr>"
        for _ in range(draw(st.integers(1, 3)))
    )
    return f"<table>{head}<tbody>{rows}</tbody></table>"


def wrap(tag: str) -> Callable[[str], str]:
    return lambda inner: f"<{tag}>{inner}</{tag}>"


paragraph = inline(images=True).map(wrap("p"))
blocks = st.one_of(
    paragraph,
    paragraph,
    inline().map(wrap("h2")),
    inline().map(wrap("h3")),
    lists(),
    st.lists(paragraph, min_size=1, max_size=3).map("".join).map(wrap("blockquote")),
    st.just("<hr>"),
    figures(),
    tables(),
)
bodies = st.lists(blocks, min_size=1, max_size=6).map("".join)


@st.composite
def flow(draw: st.DrawFn, *, in_quote: bool, in_item: bool, depth: int) -> str:
    """Flow content of the body, a blockquote or a list item, mixing every container:
    lists inside quotes, quotes/tables/figures inside items, items with paragraphs."""
    parts = []
    if in_item and draw(st.booleans()):
        parts.append(draw(inline()))  # an item's bare first line
    choices = ["p", "p", "h", "hr", "figure", "table"]
    if depth < 3:
        choices.append("list")
    if not in_quote:
        choices.append("quote")
    for _ in range(draw(st.integers(0 if parts else 1, 3))):
        kind = draw(st.sampled_from(choices))
        if kind == "p":
            parts.append(f"<p>{draw(inline(images=True))}</p>")
        elif kind == "h":
            parts.append(draw(inline().map(wrap(draw(st.sampled_from(["h2", "h3"]))))))
        elif kind == "hr":
            parts.append("<hr>")
        elif kind == "figure":
            parts.append(draw(figures()))
        elif kind == "table":
            parts.append(draw(tables()))
        elif kind == "quote":
            inner = draw(flow(in_quote=True, in_item=False, depth=depth))
            parts.append(f"<blockquote>{inner}</blockquote>")
        else:
            tag = draw(st.sampled_from(["ul", "ol"]))
            items = [
                f"<li>{draw(flow(in_quote=in_quote, in_item=True, depth=depth + 1))}</li>"
                for _ in range(draw(st.integers(1, 3)))
            ]
            parts.append(f"<{tag}>{''.join(items)}</{tag}>")
    return "".join(parts)


rich_bodies = flow(in_quote=False, in_item=False, depth=0)


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=bodies)
def test_canonical_bodies_round_trip_exactly(qapp, body: str) -> None:
    canonical = sanitize_body(body)
    assert canonical, "every generated body has visible content"
    document = QTextDocument()
    canonical_to_document(canonical, document)
    assert document_to_canonical(document) == canonical


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=rich_bodies)
def test_nested_containers_round_trip_exactly(qapp, body: str) -> None:
    canonical = sanitize_body(body)
    assert canonical, "every generated body has visible content"
    document = QTextDocument()
    canonical_to_document(canonical, document)
    assert document_to_canonical(document) == canonical


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(runs(images=True, max_size=8), min_size=1, max_size=3))
def test_inline_formatting_round_trips_exactly(qapp, pieces: list[list[Run]]) -> None:
    canonical = sanitize_body("".join(f"<p>{write_runs(piece)}</p>" for piece in pieces))
    document = QTextDocument()
    canonical_to_document(canonical, document)
    assert document_to_canonical(document) == canonical


# What the editor does to a document: whatever it saves must load back the same
EDIT_KINDS = [
    *("type", "enter", "shift-enter", "delete", "heading", "list", "nested-list", "unlist"),
    *("quote", "unquote", "bold", "italic", "underline", "sub", "link", "image", "table"),
]
edits = st.lists(
    st.tuples(st.sampled_from(EDIT_KINDS), st.floats(0, 1), st.floats(0, 1), text),
    min_size=1,
    max_size=8,
)


def apply_edit(document: QTextDocument, kind: str, where: float, other: float, typed: str) -> None:
    length = document.characterCount() - 1
    cursor = QTextCursor(document)
    cursor.setPosition(int(where * length))
    if kind == "type":
        cursor.insertText(typed)
    elif kind == "enter":
        cursor.insertBlock()
    elif kind == "shift-enter":
        cursor.insertText("\u2028")
    elif kind == "delete":
        cursor.setPosition(int(other * length), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
    elif kind == "heading":
        heading = QTextBlockFormat()
        heading.setHeadingLevel(2 + int(other * 2))
        cursor.mergeBlockFormat(heading)
    elif kind in ("list", "nested-list"):
        list_format = QTextListFormat()
        list_format.setStyle(QTextListFormat.Style.ListDecimal)
        list_format.setIndent(1 + (int(other * 3) if kind == "nested-list" else 0))
        cursor.createList(list_format)
    elif kind == "unlist":
        text_list = cursor.block().textList()
        if text_list is not None:
            text_list.remove(cursor.block())
    elif kind == "quote":
        cursor.mergeBlockFormat(quote_block_format(1 + int(other * 3)))
    elif kind == "unquote":
        block_format = cursor.blockFormat()
        block_format.clearProperty(QTextFormat.Property.BlockQuoteLevel.value)
        cursor.setBlockFormat(block_format)
    elif kind == "image":
        image = QTextImageFormat()
        image.setName(f"asset:{SHAS[1]}")
        cursor.insertImage(image)
    elif kind == "table":
        table = cursor.insertTable(1 + int(other * 2), 2)
        table.cellAt(0, 0).firstCursorPosition().insertText(typed)
    else:
        cursor.setPosition(int(other * length), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        if kind == "bold":
            fmt.setFontWeight(QFont.Weight.Bold)
        elif kind == "italic":
            fmt.setFontItalic(True)
        elif kind == "underline":
            fmt.setFontUnderline(True)
        elif kind == "sub":
            fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSubScript)
        else:
            fmt = link_char_format(f"https://city.ru/{int(other * 10)}")
        cursor.mergeCharFormat(fmt)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=rich_bodies, steps=edits)
def test_whatever_the_editor_saves_loads_back_identically(
    qapp, body: str, steps: list[tuple[str, float, float, str]]
) -> None:
    document = QTextDocument()
    canonical_to_document(sanitize_body(body), document)
    for step in steps:
        apply_edit(document, *step)
    saved = document_to_canonical(document)
    assert sanitize_body(saved) == saved
    reloaded = QTextDocument()
    canonical_to_document(saved, reloaded)
    assert document_to_canonical(reloaded) == saved


# ---------------------------------------------------------------------------
# The editor's budget: a 20,000-word article
# ---------------------------------------------------------------------------

BENCH_WORDS = [
    *("город", "администрация", "жители", "ёлка", "«праздник»", "—", "2024", "года"),
    *("улица", "проект", "строительство", "школа", "парк", "встреча", "района", "Ленина"),
]


def long_body(words: int = 20_000, seed: int = 20) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    count = 0
    while count < words:
        roll = rng.random()
        if roll < 0.05:
            parts.append("<h2>" + " ".join(rng.choices(BENCH_WORDS, k=5)) + "</h2>")
            count += 5
        elif roll < 0.10:
            items = ["<li>" + " ".join(rng.choices(BENCH_WORDS, k=8)) + "</li>" for _ in range(4)]
            parts.append("<ul>" + "".join(items) + "</ul>")
            count += 32
        else:
            sentence = rng.choices(BENCH_WORDS, k=40)
            sentence[3] = f"<strong>{sentence[3]}</strong>"
            sentence[11] = f"<em>{sentence[11]}</em>"
            parts.append("<p>" + " ".join(sentence) + "</p>")
            count += 40
    return sanitize_body("".join(parts))


def best_ms(action: Callable[[], object], repeat: int = 5) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return min(timings)


@pytest.mark.slow
def test_20000_word_body_timings(qtbot, capsys: pytest.CaptureFixture[str]) -> None:
    body = long_body()
    editor = QTextEdit()
    qtbot.addWidget(editor)
    editor.resize(900, 700)
    editor.show()
    qtbot.waitExposed(editor)
    plain = QTextDocument()

    load_plain = best_ms(lambda: canonical_to_document(body, plain))
    load_editor = best_ms(lambda: canonical_to_document(body, editor.document()))
    sethtml_editor = best_ms(lambda: editor.document().setHtml(body))
    canonical_to_document(body, editor.document())
    save = best_ms(lambda: document_to_canonical(editor.document()))
    sanitize = best_ms(lambda: sanitize_body(body))
    assert document_to_canonical(editor.document()) == body

    with capsys.disabled():
        print(
            f"\n20k words ({len(body)} chars): canonical_to_document {load_plain:.1f} ms "
            f"(plain QTextDocument), {load_editor:.1f} ms (shown QTextEdit; "
            f"raw setHtml there {sethtml_editor:.1f} ms); document_to_canonical "
            f"{save:.1f} ms (of which sanitize_body {sanitize:.1f} ms)"
        )
    # Generous bounds (CI machines are slow and busy); the budget is 50 ms.
    assert load_editor < 150
    assert save < 300
