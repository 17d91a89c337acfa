"""A strict reader for the HTML our exporters write: builds the element tree with
the stdlib parser and fails on anything the HTML5 content model or our format
forbids (misnesting, unknown elements or attributes, event handlers, scripts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from editorial_desk.document.vocabulary import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, VOID_TAGS

PHRASING_PARENTS = {
    "p",
    "h1",
    "h2",
    "h3",
    "figcaption",
    "strong",
    "em",
    "u",
    "s",
    "sub",
    "sup",
    "a",
}
BLOCKS = {"p", "h1", "h2", "h3", "ul", "ol", "blockquote", "figure", "table", "hr", "header"}
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "article", "header", "h1"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None

    def elements(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.elements()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID_TAGS and tag != "meta":
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        raise AssertionError(f"self-closing <{tag}/> is not HTML5 style")

    def handle_endtag(self, tag):
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)

    def handle_comment(self, data):
        raise AssertionError("comment in output")

    def handle_pi(self, data):
        raise AssertionError("processing instruction in output")


def parse(html: str) -> tuple[Node, str]:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    assert reader.stack == [reader.root], "unclosed elements"
    return reader.root, reader.doctype


def check_structure(root: Node, *, page: bool = False) -> None:
    allowed = ALLOWED_TAGS | (PAGE_TAGS if page else set())
    for node in root.elements():
        tag, parent = node.tag, node.parent.tag if node.parent else ""
        assert tag in allowed, f"<{tag}> is not allowed"
        for name, value in node.attrs.items():
            assert not name.startswith("on"), f"event handler {name}"
            assert name not in {"style", "class", "id"}, f"{name} attribute on <{tag}>"
            if tag in ALLOWED_ATTRIBUTES:
                assert name in ALLOWED_ATTRIBUTES[tag], f"{name} on <{tag}>"
            elif page and tag in {"html", "meta"}:
                pass
            else:
                raise AssertionError(f"{name} on <{tag}>")
            assert "javascript:" not in value.lower()
        if parent in PHRASING_PARENTS:
            assert tag not in BLOCKS | {"li", "figcaption", "td", "th", "tr"}, (
                f"<{tag}> in <{parent}>"
            )
        if tag == "li":
            assert parent in {"ul", "ol"}
        if tag in {"thead", "tbody"}:
            assert parent == "table"
        if tag == "tr":
            assert parent in {"thead", "tbody"}
        if tag in {"td", "th"}:
            assert parent == "tr"
        if tag == "figcaption":
            assert parent == "figure"
            siblings = [c for c in node.parent.children if isinstance(c, Node)]
            assert node in (siblings[0], siblings[-1]), "figcaption must be first or last"
        if tag == "a":
            scheme = node.attrs["href"].split(":", 1)[0]
            assert scheme in {"http", "https", "mailto", "tel"}
        assert tag not in {"script", "iframe", "object", "embed"}
