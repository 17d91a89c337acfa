"""The vocabulary of the canonical article body format (see docs/article-format.md).

Kept in one module so the sanitizer, the plain-text extractor, the editor and the
exporters all agree on what a body may contain.  Everything here is immutable.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final

BLOCK_TAGS: Final = frozenset(
    {"p", "h2", "h3", "ul", "ol", "li", "blockquote", "figure", "figcaption", "hr"}
    | {"table", "thead", "tbody", "tr", "th", "td"}
)
"""Allowed elements that start a new block (a new line in plain text)."""

INLINE_TAGS: Final = frozenset({"strong", "em", "u", "s", "sub", "sup", "br", "a", "img"})
"""Allowed elements that live inside a block's line of text."""

ALLOWED_TAGS: Final = BLOCK_TAGS | INLINE_TAGS
"""Every element a canonical body may contain; anything else is unwrapped or removed."""

VOID_TAGS: Final = frozenset({"br", "hr", "img"})
"""Allowed elements that have no content and no end tag."""

ALLOWED_ATTRIBUTES: Final = MappingProxyType(
    {
        "a": ("href", "title"),
        "img": ("src", "alt"),
        "th": ("colspan", "rowspan"),
        "td": ("colspan", "rowspan"),
        "ol": ("start",),
    }
)
"""Per-element attributes, in the order they are serialized.  No global attributes."""

LINK_SCHEMES: Final = frozenset({"http", "https", "mailto", "tel"})
"""The only URL schemes an ``a href`` may use; relative links are dropped."""

ASSET_SCHEME: Final = "asset"
"""``img src`` is always ``asset:`` + the sha256 of the stored image (lowercase hex)."""

ASSET_SRC_RE: Final = re.compile(r"asset:[0-9a-f]{64}")
"""Full-match pattern for a valid ``img src``."""

HIDDEN_CONTENT_TAGS: Final = frozenset(
    {
        # Executable or styling payloads.
        "script",
        "style",
        # Document metadata and inert templates: never part of the visible page.
        "title",
        "template",
        "xml",  # Word's <xml> islands (document properties, list definitions)
        # Embedded documents and plug-ins; their children are fallback markup that
        # almost always says "your browser does not support ...".
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "noembed",
        "noframes",
        "noscript",
        "audio",
        "video",
        "canvas",
        # Foreign content: parsed with different rules (mutation-XSS territory) and
        # can carry its own <script>/<style>; formulas and drawings do not survive.
        "svg",
        "math",
        # Form controls whose text is not prose.
        "select",
        "datalist",
        "textarea",
    }
)
"""Elements removed together with everything inside them."""

RENAMED_TAGS: Final = MappingProxyType(
    {
        "b": "strong",
        "i": "em",
        "strike": "s",
        "del": "s",
        "ins": "u",
        "h1": "h2",  # the headline is stored outside the body
        "h4": "h3",
        "h5": "h3",
        "h6": "h3",
        "tfoot": "tbody",
        "menu": "ul",
        "dir": "ul",
    }
)
"""Presentational or out-of-range elements mapped onto their canonical equivalent."""

DISSOLVED_TAGS: Final = frozenset(
    {
        "div",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "main",
        "nav",
        "address",
        "center",
        "hgroup",
        "search",
        "dialog",
        "details",
        "summary",
        "fieldset",
        "legend",
        "form",
        "pre",
        "listing",
        "dl",
        "dt",
        "dd",
        "caption",
    }
)
"""Block containers outside the format: removed, but their text keeps its own paragraphs.

Never a raw-text element (``xmp``, ``plaintext``): html5ever serializes their text
unescaped, so they must be unwrapped by nh3 itself.
"""

TEXT_BLOCK_TAGS: Final = frozenset({"p", "h2", "h3", "figcaption"})
"""Blocks that hold one run of inline content and never another block."""

FLOW_TAGS: Final = frozenset({"blockquote", "li", "td", "th", "figure"})
"""Blocks whose children may mix inline content and other blocks (paragraphs, lists)."""
