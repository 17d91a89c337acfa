"""Read a canonical article body (docs/article-format.md) into a small tree: the
one reader the exporters and the editor's loader share.

Stored bodies are canonical, so one regex tokenizes them (no HTML parser, which
matters for the 1 ms budget of the HTML fragment). The reader still checks every
tag, attribute and URL against the format's allowlists; anything it does not
expect - a body written by an older version, or a caller passing raw HTML - is
put through `sanitize_body` first, so exporters only ever see the format.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final, TypeAlias

from .sanitize import sanitize_body
from .vocabulary import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    ASSET_SRC_RE,
    LINK_SCHEMES,
    VOID_TAGS,
)


@dataclass(slots=True)
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)

    def text(self) -> str:
        """The text inside, tags dropped (no block separators: for short elements)."""
        return "".join(_texts(self))


Node: TypeAlias = "Element | str"

_TOKEN_RE: Final = re.compile(r'<(/?)([a-z][a-z0-9]*)((?: [a-z][a-z0-9-]*="[^"]*")*)>|[^<]+')
_ATTR_RE: Final = re.compile(r' ([a-z][a-z0-9-]*)="([^"]*)"')
_SCHEME_RE: Final = re.compile(r"([a-z][a-z0-9+.\-]*):")
_MAX_DEPTH: Final = 64


def _texts(element: Element) -> Iterator[str]:
    for child in element.children:
        if isinstance(child, str):
            yield child
        else:
            yield from _texts(child)


def _unescape(text: str) -> str:
    return html.unescape(text) if "&" in text else text


def _attribute_ok(tag: str, name: str, value: str) -> bool:
    if name not in ALLOWED_ATTRIBUTES.get(tag, ()):
        return False
    if tag == "a" and name == "href":
        match = _SCHEME_RE.match(value)
        return match is not None and match[1] in LINK_SCHEMES
    if tag == "img" and name == "src":
        return ASSET_SRC_RE.fullmatch(value) is not None
    return True


def _read_canonical(markup: str) -> Element | None:
    """The tree of a canonical body, or None if `markup` is not one."""
    root = Element("")
    stack = [root]
    position = 0
    for match in _TOKEN_RE.finditer(markup):
        if match.start() != position:
            return None
        position = match.end()
        tag = match[2]
        if tag is None:
            stack[-1].children.append(_unescape(match[0]))
            continue
        if tag not in ALLOWED_TAGS:
            return None
        if match[1]:
            if len(stack) == 1 or stack[-1].tag != tag:
                return None
            stack.pop()
            continue
        element = Element(tag)
        for name, raw in _ATTR_RE.findall(match[3]):
            value = _unescape(raw)
            if not _attribute_ok(tag, name, value):
                return None
            element.attrs[name] = value
        stack[-1].children.append(element)
        if tag not in VOID_TAGS:
            if len(stack) > _MAX_DEPTH:
                return None
            stack.append(element)
    if position != len(markup) or len(stack) != 1:
        return None
    return root


def read_body(markup: str) -> Element:
    """The body as a tree whose root has tag "". Never fails: what is not canonical
    is sanitized first (and so is read exactly as the store would keep it)."""
    root = _read_canonical(markup)
    if root is None:
        root = _read_canonical(sanitize_body(markup))
        assert root is not None, "sanitize_body must produce the canonical format"
    return root


def iter_elements(node: Element) -> Iterator[Element]:
    """Every element below `node`, in document order."""
    for child in node.children:
        if isinstance(child, Element):
            yield child
            yield from iter_elements(child)


def image_hashes(markup: str) -> list[str]:
    """The asset hashes a body's images refer to, in order, each once: what a
    service has to fetch before exporting the body."""
    seen: dict[str, None] = {}
    for element in iter_elements(read_body(markup)):
        if element.tag == "img":
            src = element.attrs.get("src", "")
            if ASSET_SRC_RE.fullmatch(src):  # the reader admits no other img src
                seen.setdefault(src.removeprefix("asset:"), None)
    return list(seen)
