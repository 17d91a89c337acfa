"""Read the structure of a canonical body back, for asserting on imports.

Uses the stdlib's html.parser directly (not the importer's own tree), so a test
does not check the importer's output with the importer's reader."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {"br", "hr", "img"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def own_text(self) -> str:
        """Text outside nested lists (what a list item itself says)."""
        return "".join(
            c if isinstance(c, str) else ("" if c.tag in {"ul", "ol"} else c.own_text())
            for c in self.children
        )

    def walk(self):  # type: ignore[no-untyped-def]
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        assert self.stack[-1].tag == tag, f"canonical HTML closes what it opens: {tag}"
        self.stack.pop()

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self.stack[-1].children.append(data)


def parse(body: str) -> Node:
    builder = _Builder()
    builder.feed(body)
    builder.close()
    return builder.root


def squash(text: str) -> str:
    return " ".join(text.split())


def headings(body: str) -> list[tuple[str, str]]:
    return [(n.tag, squash(n.text())) for n in parse(body).walk() if n.tag in {"h2", "h3"}]


def list_outline(body: str) -> list[tuple[int, str, str]]:
    """(depth, "ul"/"ol", item text) for every list item, in order."""
    result: list[tuple[int, str, str]] = []

    def visit(node: Node, depth: int) -> None:
        for child in node.children:
            if not isinstance(child, Node):
                continue
            if child.tag in {"ul", "ol"}:
                for item in child.children:
                    if isinstance(item, Node) and item.tag == "li":
                        result.append((depth + 1, child.tag, squash(item.own_text())))
                        visit(item, depth + 1)
            else:
                visit(child, depth)

    root = parse(body)
    # Footnotes are a list too; leave them to their own assertions.
    children = root.children
    if any(isinstance(c, Node) and c.tag == "hr" for c in children):
        last_rule = max(i for i, c in enumerate(children) if isinstance(c, Node) and c.tag == "hr")
        root = Node("", {}, children[:last_rule])
    visit(root, 0)
    return result


def links(body: str) -> list[tuple[str, str]]:
    return [(squash(n.text()), n.attrs["href"]) for n in parse(body).walk() if n.tag == "a"]


def tables(body: str) -> list[list[list[str]]]:
    found = []
    for table in (n for n in parse(body).walk() if n.tag == "table"):
        rows = [row for row in table.walk() if row.tag == "tr"]
        found.append(
            [[squash(c.text()) for c in row.children if isinstance(c, Node)] for row in rows]
        )
    return found


def inline(body: str, tag: str) -> list[str]:
    return [squash(n.text()) for n in parse(body).walk() if n.tag == tag]


def footnotes(body: str) -> list[str]:
    """Items of the numbered list after the last rule."""
    children = parse(body).children
    rules = [i for i, c in enumerate(children) if isinstance(c, Node) and c.tag == "hr"]
    if not rules:
        return []
    after = [c for c in children[rules[-1] + 1 :] if isinstance(c, Node)]
    assert after and after[0].tag == "ol", "a rule is followed by the notes list"
    return [squash(li.text()) for li in after[0].children if isinstance(li, Node)]


_NOTE_MARK_RE = re.compile(r"\[\d+\]")


def words(text: str) -> list[str]:
    """Words for comparing texts from different writers: footnote marks ("[1]")
    and punctuation left out, case kept."""
    return re.findall(r"\w+", _NOTE_MARK_RE.sub(" ", text))


def body_words(body: str) -> list[str]:
    """Words of a body, with footnote reference numbers (a bare number in sup) left out."""
    root = parse(body)
    for node in root.walk():
        node.children = [
            c
            for c in node.children
            if not (isinstance(c, Node) and c.tag == "sup" and re.fullmatch(r"\[?\d+\]?", c.text()))
        ]
    blocks: list[str] = []

    def collect(node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                blocks.append(child)
                continue
            gap = "" if child.tag in _INLINE else " "  # blocks separate words, inline does not
            blocks.append(gap)
            collect(child)
            blocks.append(gap)

    collect(root)
    return words("".join(blocks))


_INLINE = {"strong", "em", "u", "s", "sub", "sup", "a"}
