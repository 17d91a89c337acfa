"""HTML for the web team: a clean fragment for the CMS and a standalone page.

The fragment is the body (and the office's signature line) as semantic HTML:
only the elements and attributes of docs/article-format.md, no classes, no
styles, nothing executable; images point at `images/<file>` beside it. The page
wraps the same markup in an HTML5 document (lang="ru", charset, title, a little
CSS) with the dateline, title and lead, and embeds its images as data: URLs, so
one file can be previewed or sent by e-mail.

Both are written from the tree of the canonical body (document/tree.py), never by
passing stored text through: each tag and attribute is chosen here, each URL is
checked again, and text is escaped on the way out.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Mapping
from typing import Final

from editorial_desk.document.tree import Element, Node
from editorial_desk.document.vocabulary import ALLOWED_ATTRIBUTES, LINK_SCHEMES, VOID_TAGS
from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.assets import IMAGE_MIME_TYPES, AssetData, sha_from_src
from editorial_desk.export.body import prepared_body
from editorial_desk.export.filenames import image_file_name
from editorial_desk.export.meta import dateline
from editorial_desk.export.options import ExportOptions
from editorial_desk.export.typography import typograph

IMAGES_DIR: Final = "images"

ImageSource = Callable[[AssetData], str]
"""How an `img src` refers to an image: a relative path or a data: URL."""

_TEXT_ESCAPES: Final = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\u00a0": "&nbsp;"})
_ATTR_ESCAPES: Final = str.maketrans(
    {"&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;", "\u00a0": "&nbsp;"}
)
_SCHEME_RE: Final = re.compile(r"([a-z][a-z0-9+.\-]*):")


def escape_text(text: str) -> str:
    return text.translate(_TEXT_ESCAPES)


def escape_attr(text: str) -> str:
    return text.translate(_ATTR_ESCAPES)


def relative_image_source(asset: AssetData) -> str:
    return f"{IMAGES_DIR}/{image_file_name(asset)}"


def embedded_image_source(asset: AssetData) -> str:
    # Only raster types the store accepts (never SVG, which could carry script).
    mime = asset.mime_type if asset.mime_type in IMAGE_MIME_TYPES else "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(asset.data).decode('ascii')}"


class _Writer:
    def __init__(self, assets: Mapping[str, AssetData], image_source: ImageSource) -> None:
        self.assets = assets
        self.image_source = image_source
        self.out: list[str] = []

    def nodes(self, nodes: list[Node], parent: str) -> None:
        for node in nodes:
            if isinstance(node, str):
                self.out.append(escape_text(node))
            else:
                self.element(node, parent)

    def element(self, element: Element, parent: str) -> None:
        tag = element.tag
        children = element.children
        if tag == "img":
            self.image(element)
            return
        if tag == "figcaption" and parent != "figure":
            tag = "p"  # HTML allows a caption only inside a figure
        if tag == "figure":
            # ... and only as its first or last child.
            captions = [c for c in children if isinstance(c, Element) and c.tag == "figcaption"]
            if captions and children[0] is not captions[0]:
                children = [c for c in children if c is not captions[0]] + [captions[0]]
        out = self.out
        out.append(f"<{tag}{self.attributes(tag, element.attrs)}>")
        if tag in VOID_TAGS:
            return
        self.nodes(children, tag)
        out.append(f"</{tag}>")

    def attributes(self, tag: str, attrs: dict[str, str]) -> str:
        parts = []
        for name in ALLOWED_ATTRIBUTES.get(tag, ()):
            value = attrs.get(name)
            if value is None:
                continue
            if name == "href":
                match = _SCHEME_RE.match(value)
                if match is None or match[1] not in LINK_SCHEMES:
                    continue
            parts.append(f' {name}="{escape_attr(value)}"')
        return "".join(parts)

    def image(self, element: Element) -> None:
        digest = sha_from_src(element.attrs.get("src", ""))
        asset = self.assets.get(digest) if digest else None
        if asset is None:
            return  # a missing image is left out; its caption stays
        alt = escape_attr(element.attrs.get("alt", ""))
        self.out.append(f'<img src="{escape_attr(self.image_source(asset))}" alt="{alt}">')


def render_body(root: Element, assets: Mapping[str, AssetData], image_source: ImageSource) -> str:
    writer = _Writer(assets, image_source)
    writer.nodes(root.children, "")
    return "".join(writer.out)


def html_fragment(
    article: ArticleSnapshot,
    assets: Mapping[str, AssetData],
    options: ExportOptions | None = None,
    *,
    image_source: ImageSource = relative_image_source,
) -> str:
    """The body as clean semantic HTML for the CMS; images at `images/<file>`."""
    options = options or ExportOptions()
    return render_body(prepared_body(article, options), assets, image_source)


_PAGE_CSS: Final = """\
body{margin:0;background:#f4f4f2;color:#1b1b1b;
font:17px/1.55 Georgia,"PT Serif","Times New Roman",serif}
article{max-width:42em;margin:0 auto;padding:2em 1.5em 3em;background:#fff}
header>p:first-child{margin:0 0 .5em;color:#6b6b6b;font:14px/1.4 Arial,"PT Sans",sans-serif}
h1,h2,h3{font-family:Arial,"PT Sans",sans-serif;line-height:1.25}
h1{font-size:1.9em;margin:0 0 .4em}
h1+p{font-weight:bold;margin-top:0}
blockquote{margin:1.2em 0;padding:.2em 0 .2em 1.2em;border-left:3px solid #b9b9b9;font-style:italic}
figure{margin:1.5em 0}
img{max-width:100%;height:auto}
figcaption{color:#555;font-size:.9em}
table{border-collapse:collapse;margin:1em 0}
th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}
hr{border:0;border-top:1px solid #ccc;margin:2em 0}
a{color:#0b5cad}
"""


def html_page(
    article: ArticleSnapshot,
    assets: Mapping[str, AssetData],
    options: ExportOptions | None = None,
    *,
    image_source: ImageSource = embedded_image_source,
) -> str:
    """A standalone HTML5 page: dateline, title, lead, body, signature."""
    options = options or ExportOptions()
    fix: Callable[[str], str] = typograph if options.typography else (lambda text: text)
    title = escape_text(fix(article.title))
    header = [f"<h1>{title}</h1>"]
    if options.header_block and (line := dateline(article, options)):
        header.insert(0, f"<p>{escape_text(line)}</p>")
    if article.lead:
        header.append(f"<p>{escape_text(fix(article.lead))}</p>")
    body = html_fragment(article, assets, options, image_source=image_source)
    return (
        '<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="Editorial Desk">\n'
        f"<title>{title}</title>\n<style>\n{_PAGE_CSS}</style>\n</head>\n<body>\n<article>\n"
        f"<header>{''.join(header)}</header>\n{body}\n</article>\n</body>\n</html>\n"
    )
