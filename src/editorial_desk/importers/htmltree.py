"""A small, tolerant HTML tree for the import clean-up passes.

Why not hand foreign HTML straight to ``sanitize_body``: the sanitizer throws away
``class`` and ``style`` first, and those are where Word, LibreOffice and Google Docs
keep what we need (``mso-list:l0 level2``, ``MsoTitle``, ``font-weight:700``).  So
the clean-up reads the markup into this tree, turns those hints into real
elements, and writes plain HTML for the sanitizer, which stays the one gate to
the canonical format (it re-parses with html5ever, so the shapes this reader
gets slightly wrong on broken markup are normalized there).

The reader is ``html.parser`` with the few implied end tags that matter for the
markup office programs write (``<p>`` closed by a block, ``<li>``/``<td>``/``<tr>``
closed by a sibling).  It also keeps what ``html.parser`` would hide from a tree:

* the text of ``<style>`` elements (Word's ``@list`` definitions say which lists
  are numbered), collected in :attr:`ParsedHtml.styles`, never in the tree;
* Word's *downlevel-revealed* conditional sections (``<![if !supportLists]>`` ...
  ``<![endif]>``, or the ``<!--[if !supportLists]-->`` form Outlook writes): what
  is between them is Word's fallback rendering for other browsers (a typed "·" or
  "1." before a list item, an extra ``<br>``, the "[1]" of a footnote).  It
  becomes an element named :data:`CONDITIONAL_TAG` with its ``condition``
  ("!supportLists"), so the list pass can read the typed marker and the clean-up
  can decide per condition what to keep.  A
  section not closed by ``<![endif]>`` ends with its parent element, so a stray
  marker cannot swallow the document.  A downlevel-hidden section
  (``<!--[if gte mso 9]>...<![endif]-->``) is one comment and goes with all other
  comments.

Nesting is capped (:data:`MAX_DEPTH`): deeper start tags are ignored, their text
kept, so no recursive pass here can exhaust the stack on hostile input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Final, TypeAlias

MAX_DEPTH: Final = 200
CONDITIONAL_TAG: Final = "#conditional"  # not a valid HTML name: never serialized as one

VOID_TAGS: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
# A start tag of one of these closes an open <p> (as in the HTML parsing algorithm).
_CLOSES_P: Final = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "details", "dir", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "listing", "main", "menu", "nav", "ol", "p", "pre",
        "section", "table", "ul",
    }
)  # fmt: skip
# Elements an implied end tag does not look past.
_SCOPE_LIMITS: Final = frozenset({"table", "td", "th", "li", "blockquote", "div", "body", ""})
_LIST_SCOPE: Final = frozenset({"ul", "ol", "table", ""})
_CELL_SCOPE: Final = frozenset({"tr", "table", ""})
_ROW_SCOPE: Final = frozenset({"table", "thead", "tbody", "tfoot", ""})

_CONDITIONAL_RE: Final = re.compile(r"^\[?\s*(if\b[^\]]*|endif)\s*\]?$", re.IGNORECASE)


class Element:
    __slots__ = ("attrs", "children", "tag")

    def __init__(
        self, tag: str, attrs: dict[str, str] | None = None, children: list[Node] | None = None
    ) -> None:
        self.tag = tag
        self.attrs = attrs if attrs is not None else {}
        self.children: list[Node] = children if children is not None else []

    def __repr__(self) -> str:  # for test failures
        return f"<{self.tag} {self.attrs}: {len(self.children)} children>"

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    @property
    def style(self) -> str:
        return self.attrs.get("style", "")

    def iter(self) -> Iterator[Element]:
        """This element and every element below it, in document order."""
        stack: list[Element] = [self]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(
                child for child in reversed(element.children) if isinstance(child, Element)
            )

    def text(self) -> str:
        """The text below this element (no separators between blocks)."""
        parts: list[str] = []
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                parts.append(node)
            else:
                stack.extend(reversed(node.children))
        return "".join(parts)


Node: TypeAlias = "Element | str"


@dataclass
class ParsedHtml:
    root: Element
    styles: list[str] = field(default_factory=list)  # text of every <style>
    title: str = ""  # text of the first <title>


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = ParsedHtml(Element(""))
        self._stack: list[Element] = [self.result.root]
        self._too_deep: list[str] = []
        self._in_style = False
        self._in_title = False
        self._title_done = False

    # -- implied end tags ------------------------------------------------------

    def _close_up_to(self, tag: str, limits: frozenset[str]) -> None:
        for depth in range(len(self._stack) - 1, 0, -1):
            current = self._stack[depth].tag
            if current == tag:
                del self._stack[depth:]
                return
            if current in limits:
                return

    def _implied_ends(self, tag: str) -> None:
        if tag in _CLOSES_P:
            self._close_up_to("p", _SCOPE_LIMITS)
        if tag == "li":
            self._close_up_to("li", _LIST_SCOPE)
        elif tag in {"td", "th"}:
            self._close_up_to("td", _CELL_SCOPE)
            self._close_up_to("th", _CELL_SCOPE)
        elif tag == "tr":
            self._close_up_to("tr", _ROW_SCOPE)

    # -- HTMLParser callbacks --------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "style":
            self._in_style = True
            self.result.styles.append("")
            return
        if tag == "title" and not self._title_done:
            self._in_title = True
        if tag not in VOID_TAGS and len(self._stack) > MAX_DEPTH:
            self._too_deep.append(tag)
            return
        self._implied_ends(tag)
        element = Element(tag, {name: value or "" for name, value in reversed(attrs)})
        self._stack[-1].children.append(element)
        if tag not in VOID_TAGS:
            self._stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # XHTML-style <p/> still opens an element in HTML; only void tags stay empty.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False
            return
        if tag == "title" and self._in_title:
            self._in_title = False
            self._title_done = True
        if self._too_deep:
            if tag in self._too_deep:
                while self._too_deep.pop() != tag:
                    pass
            return
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.result.styles[-1] += data
            return
        if self._in_title:
            self.result.title += data
        children = self._stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)

    def _conditional(self, text: str) -> bool:
        match = _CONDITIONAL_RE.match(text.strip())
        if match is None:
            return False
        if match[1].lower() == "endif":
            for depth in range(len(self._stack) - 1, 0, -1):
                if self._stack[depth].tag == CONDITIONAL_TAG:
                    del self._stack[depth:]
                    break
        elif not self._too_deep and len(self._stack) <= MAX_DEPTH:
            section = Element(CONDITIONAL_TAG, {"condition": " ".join(match[1].split()[1:])})
            self._stack[-1].children.append(section)
            self._stack.append(section)
        return True

    def handle_comment(self, data: str) -> None:
        # Only the bare markers <!--[if x]--> / <!--[endif]--> mean something; any
        # other comment (including whole downlevel-hidden sections) is dropped.
        self._conditional(data)

    def unknown_decl(self, data: str) -> None:
        # <![if !supportLists]> ... <![endif]> (html.parser's "marked sections").
        self._conditional(data)


def parse_html(markup: str) -> ParsedHtml:
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    return builder.result


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


_TAG_NAME_RE: Final = re.compile(r"[a-zA-Z][a-zA-Z0-9:_.-]*")


def serialize(nodes: Iterable[Node]) -> str:
    """HTML for ``nodes`` (iterative, so depth is no concern)."""
    out: list[str] = []
    # Work items: a node to write, or a closing tag (as a plain str) already rendered.
    stack: list[tuple[Node, bool]] = [(node, False) for node in reversed(list(nodes))]
    while stack:
        node, is_end = stack.pop()
        if is_end:
            out.append(node)  # type: ignore[arg-type]
            continue
        if isinstance(node, str):
            out.append(_escape_text(node))
            continue
        if not _TAG_NAME_RE.fullmatch(node.tag):
            # A name html.parser accepted but HTML cannot write back: keep the text.
            stack.extend((child, False) for child in reversed(node.children))
            continue
        attrs = "".join(
            f' {name}="{_escape_attr(value)}"'
            for name, value in node.attrs.items()
            if _TAG_NAME_RE.fullmatch(name)
        )
        out.append(f"<{node.tag}{attrs}>")
        if node.tag in VOID_TAGS:
            continue
        stack.append((f"</{node.tag}>", True))
        stack.extend((child, False) for child in reversed(node.children))
    return "".join(out)


# ---------------------------------------------------------------------------
# Small helpers the passes share
# ---------------------------------------------------------------------------

_STYLE_DECL_RE: Final = re.compile(r"([a-zA-Z-]+)\s*:\s*([^;]*)")


def style_properties(style: str) -> dict[str, str]:
    """``"mso-list:l0 level2 lfo1; font-weight:bold"`` -> ``{"mso-list": ..., ...}``
    (names lower-cased, values stripped; later declarations win, as in CSS)."""
    return {name.lower(): value.strip().lower() for name, value in _STYLE_DECL_RE.findall(style)}


def is_blank(node: Node) -> bool:
    """Whitespace-only text (not NBSP: an NBSP is content)."""
    return isinstance(node, str) and not node.strip(" \t\n\r\f")


def replace_children(element: Element, children: list[Node]) -> None:
    element.children[:] = children
