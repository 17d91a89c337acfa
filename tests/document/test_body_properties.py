"""Property tests of the body format: idempotent, lossless, inert, structurally sound.

Generators are kept small so the whole module runs in a few seconds on two cores.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editorial_desk.document import paragraphs_from_plain_text, plain_text, sanitize_body
from editorial_desk.document import sanitize as sanitize_module
from editorial_desk.document.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    ASSET_SRC_RE,
    BLOCK_TAGS,
    INLINE_TAGS,
    LINK_SCHEMES,
)

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Generating whole documents costs more than sanitizing them.
DOCS = settings(FAST, max_examples=120)
SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

# ---------------------------------------------------------------------------
# Reading sanitized output back
# ---------------------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: list[tuple[str, str | None]]
    children: list[Element | str] = field(default_factory=list)


class TreeReader(HTMLParser):
    """Independent reader (stdlib parser) of sanitized output, for the assertions."""

    VOID = frozenset({"br", "hr", "img"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("", [])
        self.stack = [self.root]
        self.tags: list[Element] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, attrs)
        self.tags.append(element)
        self.stack[-1].children.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, attrs)
        self.tags.append(element)
        self.stack[-1].children.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def unknown_decl(self, data: str) -> None:
        self.comments.append(data)

    def handle_pi(self, data: str) -> None:
        self.comments.append(data)


def read(markup: str) -> TreeReader:
    reader = TreeReader()
    reader.feed(markup)
    reader.close()
    assert reader.stack == [reader.root], "unclosed elements"
    return reader


# ---------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------

_PROSE = (
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЖЯ abcXYZ 0123456789 .,;:!?-—–«»\"'()/\\=+%№"
    " \n\t\u00a0\u202f&<>"
)
prose = st.text(st.sampled_from(_PROSE), max_size=12)
# Anything printable or not, minus what an HTML parser itself rewrites (NUL, surrogates).
any_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=6)
text_leaf = st.one_of(prose, any_text).map(lambda text: html.escape(text, quote=False))

NOISE_ATTRS = st.sampled_from(
    ["", "", ' class="MsoNormal"', ' style="mso-bidi-font-size:12pt"', ' onclick="alert(1)"',
     ' id="p1"', ' lang="ru"', ' title="Заметка"']
)  # fmt: skip
GOOD_URLS = ["https://example.ru/новости?id=1&amp;p=2", "http://example.ru", "mailto:a@b.ru"]
BAD_URLS = ["javascript:alert(1)", "/relative", "data:text/html,x", f"asset:{SHA}"]
IMAGE = st.sampled_from(
    [f'<img src="asset:{SHA}" alt="Фото «1»">', '<img src="https://example.ru/x.png" alt="x">']
)
INLINE_WRAPPERS = ["strong", "em", "u", "s", "sub", "sup", "b", "i", "span", "font", "o:p"]


def _wrap(tag: str, attrs: str, children: list[str]) -> str:
    return f"<{tag}{attrs}>{''.join(children)}</{tag}>"


def _link(url: str, children: list[str]) -> str:
    return f'<a href="{url}" title="Ссылка">{"".join(children)}</a>'


inline = st.recursive(
    st.one_of(text_leaf, st.sampled_from(["<br>", "<!-- примечание -->"]), IMAGE),
    lambda children: st.one_of(
        st.builds(
            _wrap, st.sampled_from(INLINE_WRAPPERS), NOISE_ATTRS, st.lists(children, max_size=3)
        ),
        st.builds(_link, st.sampled_from(GOOD_URLS + BAD_URLS), st.lists(children, max_size=3)),
    ),
    max_leaves=5,
)
inline_run = st.lists(inline, max_size=3).map("".join)

text_block = st.builds(
    lambda tag, attrs, content: f"<{tag}{attrs}>{content}</{tag}>",
    st.sampled_from(["p", "p", "h2", "h3", "h1", "h4"]),
    NOISE_ATTRS,
    inline_run,
)


def _list(tag: str, items: list[str]) -> str:
    return f"<{tag}>{''.join(f'<li>{item}</li>' for item in items)}</{tag}>"


list_block = st.recursive(
    st.builds(_list, st.sampled_from(["ul", "ol"]), st.lists(inline_run, min_size=1, max_size=3)),
    lambda sublists: st.builds(
        _list,
        st.sampled_from(["ul", "ol"]),
        st.lists(
            st.builds(lambda run, sub: run + sub, inline_run, sublists), min_size=1, max_size=3
        ),
    ),
    max_leaves=4,
)
blockquote = st.lists(text_block, min_size=1, max_size=2).map(
    lambda blocks: f"<blockquote>{''.join(blocks)}</blockquote>"
)
figure = st.builds(
    lambda image, caption: f"<figure>{image}<figcaption>{caption}</figcaption></figure>",
    IMAGE,
    inline_run,
)
cell = st.one_of(inline_run, text_block)


def _table(head: list[str], rows: list[list[str]]) -> str:
    thead = "<thead><tr>" + "".join(f"<th>{c}</th>" for c in head) + "</tr></thead>"
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table>{thead}<tbody>{body}</tbody></table>"


table = st.builds(
    _table,
    st.lists(inline_run, min_size=1, max_size=3),
    st.lists(st.lists(cell, min_size=1, max_size=3), min_size=1, max_size=3),
)
simple_block = st.one_of(
    text_block, text_block, list_block, blockquote, figure, table, st.just("<hr>")
)
block = st.one_of(
    simple_block,
    st.lists(simple_block, max_size=3).map(lambda blocks: f"<div>{''.join(blocks)}</div>"),
)
document = st.lists(block, max_size=4).map("".join)

# HTML-ish soup: allowed and forbidden tags, hostile attributes, entities, broken syntax.
SOUP_TAGS = [
    *sorted(ALLOWED_TAGS),
    "b", "i", "div", "span", "h1", "h4", "pre", "dl", "dt", "dd", "caption", "tfoot", "menu",
    "script", "style", "iframe", "svg", "math", "object", "embed", "noscript", "template",
    "textarea", "title", "xmp", "plaintext", "select", "option", "form", "button", "input",
    "o:p", "font", "code", "q", "del", "ins", "center", "section", "listing", "col",
    "colgroup", "frameset", "body", "html", "head", "base", "meta", "link", "image",
    "foreignObject", "desc", "mi", "annotation-xml", "xml", "w:sdt", "nobr", "marquee",
]  # fmt: skip
SOUP_ATTRS = [
    'href="https://example.ru/?a=1&amp;b=2"', 'href="javascript:alert(1)"',
    "href='jav&#x09;ascript:alert(1)'", 'href=" JaVaScRiPt:alert(1)"', 'href="/rel"',
    'href="vbscript:x"', 'href="data:text/html,<script>alert(1)</script>"',
    'href=" HTTPS://пример.рф "', 'href="mailto:a@b.ru"', "href=tel:+7",
    f'src="asset:{SHA}"', f'src="asset:{SHA.upper()}"', 'src="http://x/p.png"',
    'src="javascript:alert(1)"', 'alt="фото &quot;x&quot;"', 'title="t<>&"',
    'colspan="2"', 'rowspan=" 03 "', 'start="-2"', 'colspan="x"', "start",
    'onclick="alert(1)"', "onerror=alert(1)", 'ONLOAD="x"', 'class="MsoNormal"',
    'style="font-weight:normal"', 'style="background:url(javascript:alert(1))"',
    'id="a"', 'xlink:href="javascript:alert(1)"', 'formaction="javascript:alert(1)"',
]  # fmt: skip
SOUP_TEXT = [
    "текст", "ёж", " ", "\n", "\t", "&nbsp;", "\u00a0", "&amp;", "&lt;", "<", ">", "&",
    "&#0;", "&copy", "—", "\r", "\x0c", "&#x80;", "]]>", "<!--", "-->", "<!", "<?x?>",
    "<![CDATA[x]]>", "\ufeff", "\u2028", "&#10;", "</", "javascript:alert(1)",
]  # fmt: skip


def _tag(name: str, attrs: list[str], closing: bool, self_closing: bool) -> str:
    if closing:
        return f"</{name}>"
    return f"<{name}{''.join(' ' + a for a in attrs)}{'/' if self_closing else ''}>"


soup = st.lists(
    st.one_of(
        st.sampled_from(SOUP_TEXT),
        st.text(max_size=4),
        st.builds(
            _tag,
            st.sampled_from(SOUP_TAGS),
            st.lists(st.sampled_from(SOUP_ATTRS), max_size=3),
            st.booleans(),
            st.booleans(),
        ),
        st.just("<!-- c -->"),
    ),
    max_size=30,
).map("".join)

anything = st.one_of(st.text(), soup, document)

# ---------------------------------------------------------------------------
# (a) idempotence
# ---------------------------------------------------------------------------


@FAST
@given(st.text())
def test_idempotent_on_arbitrary_text(text: str) -> None:
    once = sanitize_body(text)
    assert sanitize_body(once) == once


@FAST
@given(soup)
def test_idempotent_on_html_soup(markup: str) -> None:
    once = sanitize_body(markup)
    assert sanitize_body(once) == once


@DOCS
@given(document)
def test_idempotent_on_documents(markup: str) -> None:
    once = sanitize_body(markup)
    assert sanitize_body(once) == once


@FAST
@given(soup)
def test_one_round_already_reaches_the_fixed_point(markup: str) -> None:
    # Not required for correctness (sanitize_body iterates), but it keeps saves cheap
    # and would reveal a rule that fights the HTML parser.
    once = sanitize_module._sanitize_once(markup)
    assert sanitize_module._sanitize_once(once) == once


# ---------------------------------------------------------------------------
# (b) no visible text is lost
# ---------------------------------------------------------------------------


@DOCS
@given(document)
def test_no_visible_text_is_lost(markup: str) -> None:
    # Line for line: the block structure a reader sees survives too, not just the words.
    assert plain_text(sanitize_body(markup)) == plain_text(markup)


# ---------------------------------------------------------------------------
# (c) nothing executable survives
# ---------------------------------------------------------------------------

_SCHEME_RE = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")


def _assert_inert(markup: str) -> None:
    reader = read(markup)
    assert reader.comments == []
    for element in reader.tags:
        assert element.tag in ALLOWED_TAGS, element.tag
        allowed = ALLOWED_ATTRIBUTES.get(element.tag, ())
        names = [name for name, _ in element.attrs]
        assert len(names) == len(set(names))
        for name, value in element.attrs:
            assert name in allowed, (element.tag, name)
            assert not name.startswith("on")
            assert value is not None
            if name == "href":
                assert value == value.strip() and "\t" not in value and "\n" not in value
                scheme = _SCHEME_RE.match(value)
                assert scheme is not None and scheme[1] in LINK_SCHEMES, value
            if name == "src":
                assert ASSET_SRC_RE.fullmatch(value), value
        if element.tag == "img":
            assert "src" in names


@FAST
@given(anything)
def test_nothing_executable_survives(markup: str) -> None:
    _assert_inert(sanitize_body(markup))


# ---------------------------------------------------------------------------
# Structure the editor and the exporters rely on
# ---------------------------------------------------------------------------

_TEXT_BLOCKS = {"p", "h2", "h3", "figcaption"}
_CHILDREN = {
    "ul": {"li"},
    "ol": {"li"},
    "table": {"thead", "tbody"},
    "thead": {"tr"},
    "tbody": {"tr"},
    "tr": {"th", "td"},
}


def _assert_structure(parent: Element) -> None:
    for child in parent.children:
        if parent.tag in ("", "blockquote"):
            assert isinstance(child, Element) and child.tag in BLOCK_TAGS - {"li"}, child
        if parent.tag in _CHILDREN:
            assert isinstance(child, Element) and child.tag in _CHILDREN[parent.tag], child
        if isinstance(child, Element):
            if parent.tag in INLINE_TAGS or parent.tag in _TEXT_BLOCKS:
                assert child.tag in INLINE_TAGS, (parent.tag, child.tag)
            if child.tag in INLINE_TAGS - {"br", "img"}:
                assert child.children, f"empty <{child.tag}>"
            _assert_structure(child)


@FAST
@given(anything)
def test_output_follows_the_documented_structure(markup: str) -> None:
    _assert_structure(read(sanitize_body(markup)).root)


# ---------------------------------------------------------------------------
# Plain text <-> canonical paragraphs, and the fast reader
# ---------------------------------------------------------------------------


@FAST
@given(st.text())
def test_paragraphs_from_plain_text_are_canonical(text: str) -> None:
    body = paragraphs_from_plain_text(text)
    assert sanitize_body(body) == body


@FAST
@given(st.text(st.sampled_from("абв ab12\n\t\u00a0&<>\"'—"), max_size=40))
def test_plain_text_round_trip(text: str) -> None:
    # Every non-blank line comes back trimmed with its inner whitespace collapsed;
    # blank lines only separated paragraphs, which plain text writes as one newline.
    lines = [line.strip() for line in text.split("\n")]
    expected = "\n".join(re.sub(r"[ \t]+", " ", line) for line in lines if line)
    assert plain_text(paragraphs_from_plain_text(text)) == expected


@FAST
@given(anything)
def test_fast_reader_agrees_with_html_parser(markup: str) -> None:
    cleaned = sanitize_module._CLEANER.clean(markup)
    fast = sanitize_module._read_tree_fast(cleaned)
    assert fast is not None, cleaned
    slow = sanitize_module._TreeBuilder()
    slow.feed(cleaned)
    slow.close()
    fast_out: list[str] = []
    slow_out: list[str] = []
    sanitize_module._serialize(fast.children, fast_out)
    sanitize_module._serialize(slow.root.children, slow_out)
    assert fast_out == slow_out
