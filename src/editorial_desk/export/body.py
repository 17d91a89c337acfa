"""The body every exporter renders: the stored body read as a tree, with the
office's signature line and Russian typography applied."""

from __future__ import annotations

from typing import Final

from editorial_desk.document.tree import Element, read_body
from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.export.meta import signature_to_add
from editorial_desk.export.options import ExportOptions
from editorial_desk.export.typography import typograph, typograph_tree

_CONTAINERS: Final = frozenset(
    {"ul", "ol", "li", "blockquote", "table", "thead", "tbody", "tr", "figure"}
)


def last_line(root: Element) -> str:
    """The text of the body's last line (its last block, after its last <br>)."""
    node = root
    while node.children and not isinstance(node.children[-1], str):
        node = node.children[-1]
        if node.tag not in _CONTAINERS:
            break
    lines = [""]
    _collect(node, lines)
    return lines[-1].strip()


def _collect(element: Element, lines: list[str]) -> None:
    for child in element.children:
        if isinstance(child, str):
            lines[-1] += child
        elif child.tag == "br":
            lines.append("")
        else:
            _collect(child, lines)


def body_and_signature(article: ArticleSnapshot, options: ExportOptions) -> tuple[Element, str]:
    """The body tree and the signature line to put after it ("" for none), both
    with typography applied if the office wants it. The signature is compared
    with the body's last line before typography, as the editor typed both."""
    root = read_body(article.body)
    signature = signature_to_add(last_line(root), options) if options.signature.strip() else ""
    if options.typography:
        typograph_tree(root)
        signature = typograph(signature)
    return root, signature


def prepared_body(article: ArticleSnapshot, options: ExportOptions) -> Element:
    """The body tree with the signature line as its last paragraph (HTML)."""
    root, signature = body_and_signature(article, options)
    if signature:
        root.children.append(Element("p", {}, [signature]))
    return root
