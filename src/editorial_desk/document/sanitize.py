"""The one sanitizer every article body goes through before it is stored.

Two stages.  nh3 (ammonia on html5ever) parses like a browser, removes hidden
content and enforces the tag/attribute/URL allowlists.  A tree pass over nh3's
output then does what nh3 cannot: drop an ``img`` whose ``src`` was rejected,
unwrap an ``a`` whose ``href`` was rejected, rename presentational tags
(``b`` -> ``strong``), dissolve foreign block containers (``div`` ...) into
paragraphs so their text does not run together, and establish the structural
rules of docs/article-format.md (the body is a sequence of blocks, inline
elements never contain blocks, ...).

nh3 alone is not idempotent (``<h2><code><h2>x`` becomes ``<h2><h2>x</h2></h2>``,
which parses differently the next time), so both stages are repeated until the
output stops changing: :func:`sanitize_body` is idempotent by construction.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable, Iterable
from html.parser import HTMLParser
from typing import Final, TypeAlias

import nh3

from .text import paragraphs_from_plain_text, plain_text, replace_surrogates
from .vocabulary import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    ASSET_SCHEME,
    ASSET_SRC_RE,
    BLOCK_TAGS,
    DISSOLVED_TAGS,
    FLOW_TAGS,
    HIDDEN_CONTENT_TAGS,
    INLINE_TAGS,
    LINK_SCHEMES,
    RENAMED_TAGS,
    TEXT_BLOCK_TAGS,
    VOID_TAGS,
)

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "ASSET_SRC_RE",
    "BLOCK_TAGS",
    "CLEAN_CONTENT_TAGS",
    "INLINE_TAGS",
    "LINK_SCHEMES",
    "URL_SCHEMES",
    "sanitize_body",
]

CLEAN_CONTENT_TAGS: Final = HIDDEN_CONTENT_TAGS
"""Elements removed with their content (nh3's ``clean_content_tags``)."""

URL_SCHEMES: Final = LINK_SCHEMES | {ASSET_SCHEME}
"""Schemes nh3 lets through on any URL attribute; the filter then narrows per tag."""

_MAX_ROUNDS: Final = 6
# Elements nested deeper than this are unwrapped (text kept) when nh3's output is
# read back, so the recursive tree pass cannot hit Python's recursion limit on a
# hostile body.  Real articles stay below ten.
_MAX_DEPTH: Final = 64
_HTML_SPACE: Final = " \t\n\r\f"

# ---------------------------------------------------------------------------
# Attribute filter (runs inside nh3, after nh3's own URL parsing/scheme check)
# ---------------------------------------------------------------------------

_C0_AND_SPACE: Final = "".join(chr(code) for code in range(0x21))
_TAB_NEWLINE_RE: Final = re.compile(r"[\t\n\r]")
_SCHEME_RE: Final = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_INT_RE: Final = re.compile(r"[+-]?\d{1,7}")
# (minimum, maximum, default): defaults are dropped so each table has one spelling.
_NUMERIC_ATTRS: Final = {
    "colspan": (1, 1000, 1),
    "rowspan": (1, 65534, 1),
    "start": (-999_999, 999_999, 1),
}
# Google Docs wraps a whole clipboard fragment in <b style="font-weight:normal">;
# renaming that to <strong> would embolden everything, so it is unwrapped instead.
_NOT_BOLD_RE: Final = re.compile(r"font-weight\s*:\s*(?:normal|[1-4]00)\b", re.IGNORECASE)
_NOT_BOLD: Final = "font-weight:normal"


def _clean_href(value: str) -> str | None:
    # The same preprocessing a browser's URL parser applies before reading the scheme.
    url = _TAB_NEWLINE_RE.sub("", value.strip(_C0_AND_SPACE))
    match = _SCHEME_RE.match(url)
    if match is None or match[1].lower() not in LINK_SCHEMES:
        return None  # relative, javascript:, data:, asset:, ...
    return match[1].lower() + url[match.end(1) :]


def _clean_number(name: str, value: str) -> str | None:
    text = value.strip(_HTML_SPACE)
    if not _INT_RE.fullmatch(text):
        return None
    low, high, default = _NUMERIC_ATTRS[name]
    number = int(text)
    if not low <= number <= high or number == default:
        return None
    return str(number)


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    """Enforce the per-attribute value rules nh3 has no option for."""
    if tag == "a" and attr == "href":
        return _clean_href(value)
    if tag == "img" and attr == "src":
        src = value.strip(_HTML_SPACE)
        return src if ASSET_SRC_RE.fullmatch(src) else None
    if attr in _NUMERIC_ATTRS:
        return _clean_number(attr, value)
    if tag == "b" and attr == "style":
        return _NOT_BOLD if _NOT_BOLD_RE.search(value) else None
    return value  # alt, title: free text


_CLEANER: Final = nh3.Cleaner(
    # Renamed and dissolved tags pass nh3 only so that the tree pass can see them;
    # they never reach the output.
    tags=set(ALLOWED_TAGS | RENAMED_TAGS.keys() | DISSOLVED_TAGS),
    clean_content_tags=set(CLEAN_CONTENT_TAGS),
    attributes={
        "*": set(),  # otherwise ammonia keeps lang/title everywhere
        "b": {"style"},
        **{tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    },
    attribute_filter=_attribute_filter,
    strip_comments=True,
    link_rel=None,
    url_schemes=set(URL_SCHEMES),
)

# ---------------------------------------------------------------------------
# Reading nh3's output back as a tree
# ---------------------------------------------------------------------------


class _Element:
    __slots__ = ("attrs", "children", "tag")

    def __init__(self, tag: str, attrs: dict[str, str] | None = None) -> None:
        self.tag = tag
        self.attrs = attrs if attrs is not None else {}
        self.children: list[_Node] = []


_Node: TypeAlias = "_Element | str"

# nh3 serializes every attribute as ` name="value"` with `&"<>` and NBSP escaped,
# and escapes `&<>` and NBSP in text; none of our tags is a raw-text element.
_TOKEN_RE: Final = re.compile(r'<(/?)([a-z][a-z0-9]*)((?: [a-z][a-z0-9-]*="[^"]*")*)>|[^<]+')
_ATTR_RE: Final = re.compile(r' ([a-z][a-z0-9-]*)="([^"]*)"')


def _unescape(text: str) -> str:
    return html_lib.unescape(text) if "&" in text else text


def _read_tree_fast(markup: str) -> _Element | None:
    """Tokenize nh3 output with one regex; None if it is not in the expected shape."""
    root = _Element("")
    stack = [root]
    open_tags: list[tuple[str, bool]] = []  # (tag, kept) for every open element
    position = 0
    for match in _TOKEN_RE.finditer(markup):
        if match.start() != position:
            return None
        position = match.end()
        tag = match[2]
        if tag is None:
            stack[-1].children.append(_unescape(match[0]))
        elif match[1]:
            if not open_tags or open_tags[-1][0] != tag:
                return None
            if open_tags.pop()[1]:
                stack.pop()
        else:
            element = _Element(tag)
            for name, value in _ATTR_RE.findall(match[3]):
                element.attrs.setdefault(name, _unescape(value))
            if tag in VOID_TAGS:
                stack[-1].children.append(element)
            elif len(stack) > _MAX_DEPTH:
                open_tags.append((tag, False))
            else:
                stack[-1].children.append(element)
                stack.append(element)
                open_tags.append((tag, True))
    if position != len(markup) or open_tags:
        return None
    return root


class _TreeBuilder(HTMLParser):
    """The slow, tolerant reader, used only if the fast tokenizer is surprised."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("")
        self._stack = [self.root]
        self._too_deep: list[str] = []  # open tags beyond _MAX_DEPTH, unwrapped

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID_TAGS and len(self._stack) > _MAX_DEPTH:
            self._too_deep.append(tag)
            return
        element = _Element(tag)
        for name, value in attrs:
            element.attrs.setdefault(name, value or "")
        self._stack[-1].children.append(element)
        if tag not in VOID_TAGS:
            self._stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._too_deep:
            if self._too_deep[-1] == tag:
                self._too_deep.pop()
            return
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)


def _read_tree(markup: str) -> _Element:
    root = _read_tree_fast(markup)
    if root is None:
        builder = _TreeBuilder()
        builder.feed(markup)
        builder.close()
        root = builder.root
    return root


# ---------------------------------------------------------------------------
# Structural rules
# ---------------------------------------------------------------------------

# Where a dissolved container's text becomes paragraphs (elsewhere: plain unwrap).
_FLOW_CONTEXTS: Final = FLOW_TAGS | {""}  # "" is the body
_BLOCK_CONTEXTS: Final = frozenset({"", "blockquote"})  # inline runs get wrapped in <p>
_LIST_TAGS: Final = frozenset({"ul", "ol"})
_TABLE_PARTS: Final = frozenset({"table", "thead", "tbody", "tr"})
_PRE_TAGS: Final = frozenset({"pre", "listing"})


def _is_blank(node: _Node) -> bool:
    if isinstance(node, str):
        return not node.strip(_HTML_SPACE)
    return node.tag == "br"


def _is_block(node: _Node) -> bool:
    # Shallow on purpose: after normalization no inline element contains a block.
    return isinstance(node, _Element) and node.tag in BLOCK_TAGS


def _has_content(node: _Node) -> bool:
    """Something a reader sees: an image or a character that is not a space of any kind.

    No-break spaces do not count, so Word's ``<p>&nbsp;</p>`` spacers are empty.
    """
    if isinstance(node, str):
        return bool(node) and not node.isspace()
    return node.tag == "img" or any(_has_content(child) for child in node.children)


def _trimmed(run: list[_Node]) -> list[_Node]:
    """Drop blank nodes (spaces, <br>) at both ends of an inline run."""
    start, end = 0, len(run)
    while start < end and _is_blank(run[start]):
        start += 1
    while end > start and _is_blank(run[end - 1]):
        end -= 1
    result = run[start:end]
    if result and isinstance(result[0], str):
        result[0] = result[0].lstrip(_HTML_SPACE)
    if result and isinstance(result[-1], str):
        result[-1] = result[-1].rstrip(_HTML_SPACE)
    return result


def _element(tag: str, children: list[_Node], attrs: dict[str, str] | None = None) -> _Element:
    element = _Element(tag, dict(attrs) if attrs else None)
    element.children = children
    return element


def _map_runs(nodes: Iterable[_Node], wrap: Callable[[list[_Node]], list[_Node]]) -> list[_Node]:
    """Replace each maximal run of inline nodes by ``wrap(run)``; blocks pass through."""
    result: list[_Node] = []
    run: list[_Node] = []
    for node in nodes:
        if _is_block(node):
            if run:
                result.extend(wrap(run))
                run = []
            result.append(node)
        else:
            run.append(node)
    if run:
        result.extend(wrap(run))
    return result


def _paragraphs(nodes: Iterable[_Node]) -> list[_Node]:
    """Only blocks: each inline run becomes a ``<p>``; empty text blocks vanish.

    Dropping is safe here because every sibling is a block, so no text can run
    into its neighbour.
    """

    def wrap(run: list[_Node]) -> list[_Node]:
        return [_element("p", _trimmed(run))]

    return [
        node
        for node in _map_runs(nodes, wrap)
        if not (
            isinstance(node, _Element)
            and node.tag in TEXT_BLOCK_TAGS
            and not any(map(_has_content, node.children))
        )
    ]


def _push_down(inline: _Element, nodes: list[_Node]) -> list[_Node]:
    """``<strong><p>x</p></strong>`` -> ``<p><strong>x</strong></p>``, recursively."""

    def wrap(run: list[_Node]) -> list[_Node]:
        if all(isinstance(node, str) and _is_blank(node) for node in run):
            return run
        return [_element(inline.tag, run, inline.attrs)]

    result = _map_runs(nodes, wrap)
    for node in result:
        if _is_block(node) and isinstance(node, _Element) and node.tag not in VOID_TAGS:
            node.children = _push_down(inline, node.children)
    return result


def _split_text_block(block: _Element) -> list[_Node]:
    """A p/h2/h3/figcaption holding blocks: merge nested text blocks, hoist the rest."""
    result: list[_Node] = []
    run: list[_Node] = []
    need_break = False  # a block boundary is due before the next visible node

    def flush() -> None:
        if any(map(_has_content, run)):
            result.append(_element(block.tag, _trimmed(run)))
        run.clear()

    def add(node: _Node) -> None:
        nonlocal need_break
        if need_break and not (isinstance(node, str) and _is_blank(node)):
            need_break = False
            if not (isinstance(node, _Element) and node.tag == "br"):
                run.append(_Element("br"))
        run.append(node)

    for child in block.children:
        if isinstance(child, _Element) and child.tag in TEXT_BLOCK_TAGS:
            need_break = need_break or any(map(_has_content, run))
            for grandchild in child.children:
                add(grandchild)
            need_break = need_break or any(map(_has_content, run))
        elif _is_block(child):
            flush()
            result.append(child)
            need_break = False
        else:
            add(child)
    flush()
    return result


def _list_items(nodes: list[_Node]) -> list[_Node]:
    """Only ``li`` in a list: a nested list joins the previous item, other content gets one."""
    result: list[_Node] = []
    pending: list[_Node] = []

    def flush() -> None:
        if any(map(_has_content, pending)):
            result.append(_element("li", _trimmed(pending)))
        pending.clear()

    for node in nodes:
        if isinstance(node, _Element) and node.tag == "li":
            flush()
            result.append(node)
        elif (
            isinstance(node, _Element)
            and node.tag in _LIST_TAGS
            and not pending
            and result
            and isinstance(result[-1], _Element)
        ):
            result[-1].children.append(node)
        elif pending or not (isinstance(node, str) and _is_blank(node)):
            pending.append(node)
    flush()
    return result


def _group_stray_items(nodes: list[_Node]) -> list[_Node]:
    """``li`` outside a list (the HTML parser allows it) gets a ``ul`` around it."""
    if not any(isinstance(node, _Element) and node.tag == "li" for node in nodes):
        return nodes
    result: list[_Node] = []
    current: _Element | None = None  # the list being filled
    gap: list[_Node] = []  # whitespace seen since its last item
    for node in nodes:
        if isinstance(node, _Element) and node.tag == "li":
            if current is None:
                current = _element("ul", [])
                result.append(current)
            current.children.append(node)
            gap.clear()
        elif current is not None and isinstance(node, str) and _is_blank(node):
            gap.append(node)
        else:
            result.extend(gap)
            gap.clear()
            current = None
            result.append(node)
    result.extend(gap)
    return result


def _split_lines(nodes: list[_Node]) -> list[_Node]:
    """Inside ``pre``: newlines become ``<br>`` so dissolving keeps the line breaks."""
    result: list[_Node] = []
    for node in nodes:
        if isinstance(node, str):
            for index, line in enumerate(node.split("\n")):
                if index:
                    result.append(_Element("br"))
                if line:
                    result.append(line)
        else:
            node.children = _split_lines(node.children)
            result.append(node)
    return result


def _normalize_children(nodes: Iterable[_Node], parent: str, flow: bool) -> list[_Node]:
    """Normalize *nodes* and apply the container rule of *parent* ("" is the body).

    *flow* says whether blocks may appear here (possibly via inline ancestors that
    will be pushed down into them), which decides how a ``div`` is dissolved.
    """
    children = _normalize_nodes(nodes, parent, flow)
    if parent in _LIST_TAGS:
        return _list_items(children)
    children = _group_stray_items(children)
    if parent in _BLOCK_CONTEXTS:
        return _paragraphs(children)
    if parent in _TABLE_PARTS:
        return [child for child in children if not (isinstance(child, str) and _is_blank(child))]
    return children


def _normalize_nodes(nodes: Iterable[_Node], parent: str, flow: bool) -> list[_Node]:
    result: list[_Node] = []
    for node in nodes:
        result.extend(_normalize_node(node, parent, flow))
    return result


def _normalize_node(node: _Node, parent: str, flow: bool) -> list[_Node]:
    if isinstance(node, str):
        return [node]
    if node.tag == "b" and node.attrs.get("style") == _NOT_BOLD:
        return _normalize_nodes(node.children, parent, flow)
    tag = RENAMED_TAGS.get(node.tag, node.tag)
    if tag == "img" and "src" not in node.attrs:
        return []  # the filter rejected the src: an image we cannot show
    if tag == "a" and "href" not in node.attrs:
        return _normalize_nodes(node.children, parent, flow)
    if tag in DISSOLVED_TAGS:
        children = _split_lines(node.children) if tag in _PRE_TAGS else node.children
        inner = _normalize_children(children, "div", flow)
        if flow:
            blocks = _paragraphs(inner)
            if blocks or parent in _BLOCK_CONTEXTS:
                return blocks
            return [_Element("br")]  # an empty div still ends the line in an <li>
        return [" ", *inner, " "]  # e.g. a div inside a heading: keep words apart
    if tag not in ALLOWED_TAGS:
        return _normalize_nodes(node.children, parent, flow)  # not produced by nh3
    before: list[_Node] = []
    if tag == "table":
        # A caption becomes the paragraph before the table (the HTML parser would
        # move loose text in a table there anyway).
        kept: list[_Node] = []
        for child in node.children:
            if isinstance(child, _Element) and child.tag == "caption":
                before.extend(_paragraphs(_normalize_children(child.children, "div", True)))
            else:
                kept.append(child)
        node.children = kept
    node.tag = tag
    child_flow = flow if tag in INLINE_TAGS else tag in _FLOW_CONTEXTS
    node.children = _normalize_children(node.children, tag, child_flow)
    if tag in BLOCK_TAGS:
        node.children = _trimmed(node.children)  # edge spaces and <br> render as nothing
    if tag in INLINE_TAGS and tag not in VOID_TAGS:
        if not node.children:
            return before  # an empty <strong></strong> shows nothing
        if any(map(_is_block, node.children)):
            return [*before, *_push_down(node, node.children)]
    if tag in TEXT_BLOCK_TAGS and any(map(_is_block, node.children)):
        return [*before, *_split_text_block(node)]
    return [*before, node]


# ---------------------------------------------------------------------------
# Serialization, exactly as html5ever would write it
# ---------------------------------------------------------------------------


def _escape_text(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("\u00a0", "&nbsp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


def _escape_attr(value: str) -> str:
    return (
        value.replace("&", "&amp;")
        .replace("\u00a0", "&nbsp;")
        .replace('"', "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


_SPACE_RUN_RE: Final = re.compile(r"[ \t\n\r\f]+")


def _serialize(nodes: list[_Node], out: list[str]) -> None:
    """Write *nodes* with attributes in allowlist order; never a tag outside it.

    Adjacent text nodes are joined (the next parse would join them anyway) and runs
    of HTML whitespace collapse to one space: invisible in rendering, but it keeps
    the stored form, and diffs between versions, free of source line wrapping.
    """
    text: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            text.append(node)
            continue
        if text:
            out.append(_escape_text(_SPACE_RUN_RE.sub(" ", "".join(text))))
            text.clear()
        if node.tag not in ALLOWED_TAGS:  # defence in depth: _normalize removed them all
            _serialize(node.children, out)
            continue
        out.append(f"<{node.tag}")
        for name in ALLOWED_ATTRIBUTES.get(node.tag, ()):
            if name in node.attrs:
                out.append(f' {name}="{_escape_attr(node.attrs[name])}"')
        out.append(">")
        if node.tag not in VOID_TAGS:
            _serialize(node.children, out)
            out.append(f"</{node.tag}>")
    if text:
        out.append(_escape_text(_SPACE_RUN_RE.sub(" ", "".join(text))))


def _sanitize_once(markup: str) -> str:
    """One round: nh3, then the tree pass, then serialization."""
    root = _read_tree(_CLEANER.clean(markup))
    out: list[str] = []
    _serialize(_normalize_children(root.children, "", True), out)
    return "".join(out)


def sanitize_body(html: str) -> str:
    """Return the canonical, safe form of an article body (see docs/article-format.md).

    Accepts any string, including fragments pasted from Word or a browser.
    ``sanitize_body(sanitize_body(x)) == sanitize_body(x)`` holds for every input:
    the rounds are repeated to a fixed point, and should they ever fail to settle
    the body degrades to plain paragraphs rather than to an unstable value.
    """
    if not html.strip():
        return ""
    source = replace_surrogates(html)
    current = _sanitize_once(source)
    if current == source:
        return current  # already canonical (the usual re-save): a proven fixed point
    for _ in range(_MAX_ROUNDS):
        following = _sanitize_once(current)
        if following == current:
            return current
        current = following
    return paragraphs_from_plain_text(plain_text(current))
