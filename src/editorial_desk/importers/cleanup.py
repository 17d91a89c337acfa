"""THE one clean-up path for foreign HTML: Word/LibreOffice/browser paste, saved
web pages and e-mails, and mammoth's rendering of a DOCX all end here, and here
ends in ``sanitize_body`` (the only gate to the canonical format).

What this adds before the sanitizer (which drops every ``class`` and ``style``):

* Word's clipboard/"Web page" HTML has no list elements: each item is a
  ``<p class=MsoListParagraph style="mso-list:l0 level2 lfo1">`` with the bullet
  typed in a fallback section.  Runs of such paragraphs become real nested
  ``ul``/``ol``; whether a level is numbered comes from Word's ``@list`` rules in
  the ``<style>`` (``mso-level-number-format:bullet``) or, failing that, from the
  typed marker ("1." vs "·").
* Word's paragraph classes carry meaning: ``MsoTitle`` (the headline),
  ``MsoSubtitle`` (the lead), ``MsoQuote``/``MsoIntenseQuote`` (quotes),
  ``MsoCaption`` (a picture's caption).
* Google Docs and LibreOffice express bold/italic/underline/strike as CSS on
  ``span``/``font``; those become ``strong``/``em``/``u``/``s`` (``sup``/``sub``).
* ``<o:p>``, VML, Word's ``<xml>`` islands, hidden text (``display:none``,
  ``mso-hide:all``: e-mail "preheaders"), page headers/footers and the typed
  list markers are removed with their content.  Of Word's fallback sections
  (``<![if !supportX]>``) those that repeat the structure are dropped and the
  others (a footnote's "[1]") kept; comments go.
* Split lists (LibreOffice) are joined; footnote bodies (LibreOffice, Word) and
  mammoth's footnote list end up as a rule and a numbered list, without their
  "back to text" links.
* ``data:`` pictures (e-mails) become assets; every other picture source (the
  web, ``file:``, ``cid:``) is never fetched, and the warning says how many.
* If the markup has an ``h1``, every heading moves one level down (``h1`` → ``h2``,
  ``h2`` → ``h3``), so a document's hierarchy survives in our two levels instead
  of ``h1`` and ``h2`` both becoming ``h2``.

The importers use the tree-level steps (:func:`prepare`, :func:`take_title`,
:func:`take_lead`, :func:`finish`); the editor's paste uses
:func:`clean_foreign_html` (or :func:`clean_foreign_fragment` to keep pasted
``data:`` pictures).  Everything is linear in the input and bounded in depth.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from editorial_desk.document import plain_text, sanitize_body
from editorial_desk.importers.htmltree import (
    CONDITIONAL_TAG,
    Element,
    Node,
    ParsedHtml,
    is_blank,
    parse_html,
    serialize,
    style_properties,
)
from editorial_desk.importers.model import MAX_IMAGE_BYTES, ImportedImage, sniff_image_type
from editorial_desk.importers.notices import ImportNotice, ImportWarningKind

# Classes our own passes (and the DOCX style map) put on elements, so later steps
# can find the headline, lead and captions.  Prefixed so a web page's own
# class="title" means nothing here.
TITLE_CLASS: Final = "ed-title"
LEAD_CLASS: Final = "ed-lead"
CAPTION_CLASS: Final = "ed-caption"

_HEADINGS: Final = ("h1", "h2", "h3", "h4", "h5", "h6")
_DROPPED_WITH_CONTENT: Final = frozenset(
    {"head", "title", "meta", "link", "script", "style", "xml", "template", "o:p"}
)
# Word's fallback sections whose content repeats what the structure says (the
# typed list marker, an extra line break or NBSP, the picture behind a VML
# shape, a comment's marker).  Others, such as !supportFootnotes (the "[1]" of a
# footnote reference), hold text that exists nowhere else and are kept.
_DROPPED_CONDITIONS: Final = frozenset(
    {
        "!supportlists",
        "!supportlinebreaknewline",
        "!supportemptyparas",
        "!vml",
        "!supportannotations",
        "!supportmisalignedcolumns",
        "!supportmisalignedrows",
    }
)
_DROPPED_PREFIXES: Final = ("v:", "w:binarydata")  # VML shapes; their fallback is dropped too
_NOTE_REFERENCE_CLASSES: Final = frozenset({"MsoFootnoteReference", "MsoEndnoteReference"})
_PAGE_FURNITURE: Final = frozenset({"header", "footer"})
_INLINE_STYLED: Final = frozenset({"span", "font"})
_BOLD_WEIGHTS: Final = frozenset({"bold", "bolder", "600", "700", "800", "900"})

_FRAGMENT_START_RE: Final = re.compile(r"<!--\s*StartFragment\s*-->", re.IGNORECASE)
_FRAGMENT_END_RE: Final = re.compile(r"<!--\s*EndFragment\s*-->", re.IGNORECASE)
_CLIPBOARD_HEADER_RE: Final = re.compile(r"\AVersion:\d[^<]*?StartHTML:", re.DOTALL)
_STYLE_BLOCK_RE: Final = re.compile(r"<style[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)

_MSO_LIST_RE: Final = re.compile(r"\bl(\d+)\s+level(\d+)")
_LIST_RULE_RE: Final = re.compile(r"@list\s+l(\d+):level(\d+)\s*\{([^}]*)\}", re.IGNORECASE)
_NUMBER_MARKER_RE: Final = re.compile(r"^\(?(\d{1,6}|[a-zа-яё]|[ivxlcdm]{1,8})[.)]$", re.IGNORECASE)
_QUOTE_CLASSES: Final = frozenset({"msoquote", "msointensequote", "msoblocktext"})


@dataclass(slots=True)
class CleanedHtml:
    """A cleaned fragment: canonical ``body``, the ``data:`` pictures it now refers
    to as assets, and warnings about what was left out."""

    body: str
    images: list[ImportedImage] = field(default_factory=list)
    warnings: list[ImportNotice] = field(default_factory=list)


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def _clipboard_fragment(markup: str) -> tuple[str, list[str]]:
    """The part of clipboard HTML that was copied, plus every ``<style>`` text.

    Windows' CF_HTML may arrive with its ``Version:/StartHTML:`` header, and Word
    wraps the copied part in Start/EndFragment comments with its whole
    document head (list definitions included) around it."""
    header = _CLIPBOARD_HEADER_RE.match(markup)
    if header is not None:
        first_tag = markup.find("<")
        markup = markup[first_tag:] if first_tag >= 0 else ""
    styles = _STYLE_BLOCK_RE.findall(markup)
    start = _FRAGMENT_START_RE.search(markup)
    end = _FRAGMENT_END_RE.search(markup, start.end()) if start else None
    if start is not None and end is not None:
        markup = markup[start.end() : end.start()]
    return markup, styles


def prepare(markup: str) -> ParsedHtml:
    """Parse foreign HTML and apply every structural clean-up pass."""
    fragment, styles = _clipboard_fragment(markup)
    parsed = parse_html(fragment)
    if fragment is not markup:
        # The fragment lost the <head>; the list rules and title live there.
        parsed.styles = styles
    list_rules = _word_list_rules(parsed.styles)
    for element in list(parsed.root.iter()):
        element.children[:] = _convert_word_lists(element.children, list_rules)
    _drop_hidden(parsed.root)
    _drop_back_links(parsed.root)
    for element in list(parsed.root.iter()):
        children = _map_word_paragraphs(element.children)
        children = _merge_split_lists(children)
        element.children[:] = _gather_notes(children)
    _styles_to_elements(parsed.root)
    return parsed


# ---------------------------------------------------------------------------
# Removal
# ---------------------------------------------------------------------------


def _is_hidden(element: Element) -> bool:
    if element.tag in _DROPPED_WITH_CONTENT or element.tag.startswith(_DROPPED_PREFIXES):
        return True
    if element.tag == "div" and element.attrs.get("title") in _PAGE_FURNITURE:
        return True  # LibreOffice's page header/footer (page numbers, not the article)
    style = element.style
    if not style:
        return False
    props = style_properties(style)
    return (
        props.get("display") == "none"
        or props.get("mso-hide") == "all"
        or props.get("mso-list") == "ignore"  # a typed list marker outside a fallback
        or props.get("mso-element") in _PAGE_FURNITURE  # Word's page header/footer
    )


def _drop_hidden(root: Element) -> None:
    """Remove hidden elements with their content; open up kept fallback sections."""
    for element in root.iter():
        if not any(isinstance(child, Element) for child in element.children):
            continue
        children: list[Node] = []
        pending = list(reversed(element.children))
        while pending:
            child = pending.pop()
            if not isinstance(child, Element):
                children.append(child)
            elif child.tag == CONDITIONAL_TAG:
                if child.attrs.get("condition", "").lower() not in _DROPPED_CONDITIONS:
                    pending.extend(reversed(child.children))
            elif not _is_hidden(child):
                children.append(child)
        element.children[:] = children


# ---------------------------------------------------------------------------
# Word's list paragraphs
# ---------------------------------------------------------------------------


def _word_list_rules(styles: Iterable[str]) -> dict[tuple[int, int], dict[str, str]]:
    """``@list l0:level2 {mso-level-number-format:bullet; ...}`` by (list, level)."""
    rules: dict[tuple[int, int], dict[str, str]] = {}
    for text in styles:
        for list_id, level, body in _LIST_RULE_RE.findall(text):
            rules[(int(list_id), int(level))] = style_properties(body)
    return rules


def _marker_text(paragraph: Element) -> str:
    """The typed marker ("1.", "·") in a list paragraph's fallback section."""
    for child in paragraph.iter():
        if child.tag == CONDITIONAL_TAG or (
            child.tag == "span" and style_properties(child.style).get("mso-list") == "ignore"
        ):
            return "".join(child.text().split())
    return ""


@dataclass(slots=True)
class _ListItem:
    list_id: int
    level: int
    paragraph: Element


def _list_item(node: Node) -> _ListItem | None:
    if not isinstance(node, Element) or node.tag != "p":
        return None
    match = _MSO_LIST_RE.search(style_properties(node.style).get("mso-list", ""))
    if match is None:
        return None
    return _ListItem(int(match[1]), max(1, int(match[2])), node)


def _is_list_continuation(node: Node) -> bool:
    """An indented paragraph inside a list (``MsoListParagraphCxSpMiddle``, no marker)."""
    return (
        isinstance(node, Element)
        and node.tag == "p"
        and any(name.lower().startswith("msolistparagraph") for name in node.classes)
    )


def _list_element(item: _ListItem, rules: dict[tuple[int, int], dict[str, str]]) -> Element:
    marker = _marker_text(item.paragraph)
    rule = rules.get((item.list_id, item.level))
    if rule is not None:
        numbered = rule.get("mso-level-number-format", "decimal") not in {"bullet", "none"}
    else:
        numbered = _NUMBER_MARKER_RE.match(marker) is not None
    if not numbered:
        return Element("ul")
    number = _NUMBER_MARKER_RE.match(marker)
    if number is not None and number[1].isdigit():
        return Element("ol", {"start": str(int(number[1]))})
    start = (rule or {}).get("mso-level-start-at", "")
    return Element("ol", {"start": start} if start.isdigit() else {})


def _item_children(paragraph: Element) -> list[Node]:
    return [
        child
        for child in paragraph.children
        if not (isinstance(child, Element) and child.tag == CONDITIONAL_TAG)
    ]


def _convert_word_lists(
    children: list[Node], rules: dict[tuple[int, int], dict[str, str]]
) -> list[Node]:
    if not any(_list_item(child) for child in children):
        return children
    out: list[Node] = []
    stack: list[tuple[int, Element]] = []  # (level, ul/ol) from the outermost in
    current_list: int | None = None
    for child in children:
        item = _list_item(child)
        if item is None:
            if stack and is_blank(child):
                continue
            if stack and _is_list_continuation(child):
                assert isinstance(child, Element)
                last_item = stack[-1][1].children[-1]
                assert isinstance(last_item, Element)
                last_item.children.append(Element("p", children=child.children))
                continue
            stack, current_list = [], None
            out.append(child)
            continue
        if item.list_id != current_list:
            stack, current_list = [], item.list_id
        while stack and stack[-1][0] > item.level:
            stack.pop()
        if not stack or stack[-1][0] < item.level:
            container = _list_element(item, rules)
            if stack:
                parent_list = stack[-1][1]
                if not parent_list.children:
                    parent_list.children.append(Element("li"))
                parent_item = parent_list.children[-1]
                assert isinstance(parent_item, Element)
                parent_item.children.append(container)
            else:
                out.append(container)
            stack.append((item.level, container))
        stack[-1][1].children.append(Element("li", children=_item_children(item.paragraph)))
    return out


# ---------------------------------------------------------------------------
# LibreOffice's split lists
# ---------------------------------------------------------------------------


def _list_start(element: Element) -> int:
    start = element.attrs.get("start", "1").strip()
    return int(start) if start.isdigit() else 1


def _only_lists(element: Element) -> bool:
    """A list holding no items, only deeper lists: LibreOffice's way to go a level down."""
    content = [child for child in element.children if not is_blank(child)]
    return bool(content) and all(
        isinstance(child, Element) and child.tag in {"ul", "ol"} for child in content
    )


def _continues(previous: Element, following: Element) -> bool:
    """Whether ``following`` reads as more of the list ``previous``."""
    if previous.tag not in {"ul", "ol"} or following.tag not in {"ul", "ol"}:
        return False
    if _only_lists(following):
        return True
    if previous.tag != following.tag:
        return False
    if following.tag == "ul":
        return True
    items = sum(
        1 for child in previous.children if isinstance(child, Element) and child.tag == "li"
    )
    # An ol that restarts its numbering is a new list; one that goes on is not.
    return "start" in following.attrs and _list_start(following) == _list_start(previous) + items


def _merge_split_lists(children: list[Node]) -> list[Node]:
    """Join sibling lists LibreOffice's HTML writer splits a nested list into.

    LibreOffice writes ``<ol><li>a</ol><ul><ul><li>a1</ul></ul><ol start=2><li>b</ol>``:
    three lists that only look like one nested list.  Joined, the inner list
    stands right after item "a", where the sanitizer moves it into that item.
    Two lists the author really meant as two stay apart: a numbered list that
    restarts its numbering, or lists of different kinds."""
    out: list[Node] = []
    previous: Element | None = None
    for child in children:
        if isinstance(child, Element) and previous is not None and _continues(previous, child):
            previous.children.extend(child.children)
            continue
        if is_blank(child) and previous is not None:
            continue
        out.append(child)
        previous = child if isinstance(child, Element) and child.tag in {"ul", "ol"} else None
    return out


# ---------------------------------------------------------------------------
# Footnotes
# ---------------------------------------------------------------------------

# Footnote bodies as LibreOffice (sdfootnote1) and Word (ftn1, _ftn1) write them.
_NOTE_ID_RE: Final = re.compile(r"^_?(?:sdfootnote|sdendnote|ftn|edn)\d+$", re.IGNORECASE)
# What a "back to the text" link shows: mammoth's ↑, pandoc's ↩︎.
_BACK_LINK_TEXTS: Final = frozenset({"↑", "↩", "↩\ufe0e", "↩\ufe0f", "^", "⤴"})


def _is_back_link(node: Node) -> bool:
    return (
        isinstance(node, Element)
        and node.tag == "a"
        and node.attrs.get("href", "").startswith("#")
        and node.text().strip() in _BACK_LINK_TEXTS
    )


def _drop_back_links(root: Element) -> None:
    for element in root.iter():
        if any(_is_back_link(child) for child in element.children):
            element.children[:] = [c for c in element.children if not _is_back_link(c)]


def _is_note(node: Node) -> bool:
    return isinstance(node, Element) and bool(_NOTE_ID_RE.match(node.attrs.get("id", "")))


def _drop_note_number(note: Element) -> None:
    """Remove the note's own number, a short link back to the reference."""
    for element in note.iter():
        for index, child in enumerate(element.children):
            if (
                isinstance(child, Element)
                and child.tag == "a"
                and child.attrs.get("href", "").startswith("#")
                and len(child.text().strip()) <= 6
            ):
                del element.children[index]
                return


def _ends_with_rule(nodes: list[Node]) -> bool:
    for node in reversed(nodes):
        if is_blank(node) or (isinstance(node, Element) and node.tag == "br"):
            continue
        return isinstance(node, Element) and node.tag == "hr"
    return False


def _gather_notes(children: list[Node]) -> list[Node]:
    """Footnote bodies (one ``div`` each) -> a rule and a numbered list, which is
    how the DOCX import shows them too."""
    if not any(_is_note(child) for child in children):
        return children
    out: list[Node] = []
    notes: Element | None = None
    for child in children:
        if _is_note(child):
            assert isinstance(child, Element)
            if notes is None:
                notes = Element("ol")
                if not _ends_with_rule(out):  # Word writes its own separator rule
                    out.append(Element("hr"))
                out.append(notes)
            _drop_note_number(child)
            notes.children.append(Element("li", children=child.children))
            continue
        if notes is not None and is_blank(child):
            continue
        notes = None
        out.append(child)
    return out


# ---------------------------------------------------------------------------
# Word's paragraph classes
# ---------------------------------------------------------------------------


def _word_class(node: Node) -> str:
    if not isinstance(node, Element) or node.tag not in {"p", "div"}:
        return ""
    for name in node.classes:
        if name.lower().startswith("mso"):
            return name.lower()
    return ""


def _map_word_paragraphs(children: list[Node]) -> list[Node]:
    out: list[Node] = []
    quote: Element | None = None  # the blockquote consecutive quote paragraphs join
    for child in children:
        kind = _word_class(child)
        if kind in _QUOTE_CLASSES:
            assert isinstance(child, Element)
            if quote is None:
                quote = Element("blockquote")
                out.append(quote)
            quote.children.append(Element("p", children=child.children))
            continue
        if quote is not None and is_blank(child):
            continue
        quote = None
        if isinstance(child, Element):
            if kind == "msotitle":
                child.tag, child.attrs = "h1", {"class": TITLE_CLASS}
            elif kind == "msosubtitle":
                child.attrs = {"class": LEAD_CLASS}
            elif kind == "msocaption":
                child.attrs = {"class": CAPTION_CLASS}
        out.append(child)
    return out


# ---------------------------------------------------------------------------
# Formatting spelled as CSS
# ---------------------------------------------------------------------------


def _style_wrappers(style: str, in_heading: bool) -> list[str]:
    props = style_properties(style)
    wrappers: list[str] = []
    if not in_heading and props.get("font-weight", "") in _BOLD_WEIGHTS:
        wrappers.append("strong")
    if props.get("font-style", "") in {"italic", "oblique"}:
        wrappers.append("em")
    decoration = props.get("text-decoration", "") + " " + props.get("text-decoration-line", "")
    if "underline" in decoration:
        wrappers.append("u")
    if "line-through" in decoration:
        wrappers.append("s")
    alignment = props.get("vertical-align", "")
    if alignment in {"super", "sub"}:
        wrappers.append("sup" if alignment == "super" else "sub")
    return wrappers


def _styles_to_elements(root: Element) -> None:
    # (element, inside a heading, inside a note reference already made sup)
    stack: list[tuple[Element, bool, bool]] = [(root, False, False)]
    while stack:
        element, in_heading, in_reference = stack.pop()
        in_heading = in_heading or element.tag in _HEADINGS or element.tag == "th"
        if element.tag in _INLINE_STYLED:
            wrappers = _style_wrappers(element.style, in_heading) if element.style else []
            # Word raises footnote numbers by a class in its stylesheet, not inline.
            if not in_reference and _NOTE_REFERENCE_CLASSES & set(element.classes):
                wrappers.append("sup")
                in_reference = True
            children = element.children
            for tag in reversed(wrappers):
                children = [Element(tag, children=children)]
            element.children = children
        stack.extend(
            (child, in_heading, in_reference)
            for child in element.children
            if isinstance(child, Element)
        )


# ---------------------------------------------------------------------------
# Title, lead, headings
# ---------------------------------------------------------------------------


def _remove(root: Element, target: Element) -> None:
    for element in root.iter():
        for index, child in enumerate(element.children):
            if child is target:
                del element.children[index]
                return


def _first_block(root: Element) -> Element | None:
    """The first element with visible text, looking through wrapper ``div``s."""
    for element in root.iter():
        if element is root or element.tag in {"html", "body", "div", "section", "article"}:
            continue
        if element.text().strip():
            return element
    return None


def _visible_text(element: Element) -> str:
    return " ".join(plain_text(sanitize_body(serialize(element.children))).split())


def _comparable(text: str) -> str:
    return " ".join(text.casefold().split())


def take_title(parsed: ParsedHtml, *, page_title: str | None = None) -> str:
    """Remove the headline from the tree and return its text ("" if none).

    In order: the element marked as Title (Word's style or ``MsoTitle``); a
    heading that is the very first block; and, for web pages (``page_title`` is
    the ``<title>`` text): the first block or first ``h1`` whose text the
    ``<title>`` repeats or starts with (LibreOffice writes the headline as a
    styled paragraph and again as ``<title>``; sites append their name), then
    ``<title>`` itself, then the first ``h1``."""
    root = parsed.root
    candidate = next((e for e in root.iter() if TITLE_CLASS in e.classes), None)
    first = _first_block(root) if candidate is None else None
    if first is not None and first.tag in _HEADINGS:
        candidate = first
    first_h1 = next((e for e in root.iter() if e.tag == "h1"), None)
    if candidate is None and page_title is not None and _comparable(page_title):
        wanted = _comparable(page_title)
        for element in (first, first_h1):
            text = _comparable(_visible_text(element)) if element is not None else ""
            if text and (text == wanted or wanted.startswith(text)):
                candidate = element
                break
        else:
            return " ".join(page_title.split())
    if candidate is None and page_title is not None:
        candidate = first_h1
    if candidate is None:
        return ""
    title = _visible_text(candidate)
    _remove(root, candidate)
    return title


def take_lead(parsed: ParsedHtml) -> str:
    """Remove the paragraphs marked as the lead (Subtitle) and return their text."""
    parts: list[str] = []
    for element in [e for e in parsed.root.iter() if LEAD_CLASS in e.classes]:
        parts.append(_visible_text(element))
        _remove(parsed.root, element)
    return " ".join(part for part in parts if part)


def _shift_headings(root: Element) -> None:
    headings = [element for element in root.iter() if element.tag in _HEADINGS]
    shift = 1 if any(element.tag == "h1" for element in headings) else 0
    for element in headings:
        element.tag = f"h{min(3, int(element.tag[1]) + shift)}"


# ---------------------------------------------------------------------------
# Pictures and figures
# ---------------------------------------------------------------------------

_DATA_URL_RE: Final = re.compile(r"^data:([\w/+.-]*)((?:;[^,;]*)*?);base64,(.*)$", re.DOTALL)


def _data_image(src: str) -> bytes | None:
    match = _DATA_URL_RE.match(src.strip())
    if match is None:
        return None
    payload = "".join(match[3].split())
    if len(payload) > (MAX_IMAGE_BYTES * 4) // 3 + 4:
        return None
    try:
        return base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        return None


def _collect_images(
    root: Element, images: dict[str, ImportedImage], warnings: list[ImportNotice]
) -> None:
    """Turn ``data:`` pictures into assets; count the ones left out."""
    remote = other = 0
    for element in root.iter():
        if element.tag != "img":
            continue
        src = element.attrs.get("src", "").strip()
        if src.startswith("asset:"):
            continue  # already ours (a DOCX picture)
        data = _data_image(src) if src.lower().startswith("data:") else None
        mime = sniff_image_type(data) if data else None
        if data is not None and mime is not None:
            image = ImportedImage(data, mime, element.attrs.get("alt", ""))
            images.setdefault(image.sha256, image)
            element.attrs["src"] = image.src
        elif src.lower().startswith(("http:", "https:", "//")):
            remote += 1
        elif src:
            other += 1
    if remote:
        warnings.append(ImportNotice.of(ImportWarningKind.PICTURES_ON_WEB, count=remote))
    if other:
        warnings.append(ImportNotice.of(ImportWarningKind.PICTURES_OUTSIDE_FILE, count=other))


def _lone_image(node: Node) -> Element | None:
    """The ``img`` of a paragraph holding nothing but one picture."""
    if not isinstance(node, Element) or node.tag != "p":
        return None
    content = [child for child in node.children if not is_blank(child)]
    if len(content) == 1 and isinstance(content[0], Element) and content[0].tag == "img":
        return content[0]
    return None


def _make_figures(children: list[Node]) -> list[Node]:
    """A picture paragraph followed by a caption paragraph -> ``figure``."""
    out: list[Node] = []
    index = 0
    while index < len(children):
        child = children[index]
        image = _lone_image(child)
        following = index + 1
        while following < len(children) and is_blank(children[following]):
            following += 1
        caption = children[following] if following < len(children) else None
        if image is not None and isinstance(caption, Element) and CAPTION_CLASS in caption.classes:
            out.append(
                Element(
                    "figure", children=[image, Element("figcaption", children=caption.children)]
                )
            )
            index = following + 1
            continue
        out.append(child)
        index += 1
    return out


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def _unbold_header_cells(root: Element) -> None:
    """A header cell is bold by what it is; explicit bold in it (Word, our own
    DOCX export) would come back as ``strong`` on every import."""
    for cell in [element for element in root.iter() if element.tag == "th"]:
        for element in cell.iter():
            if any(isinstance(c, Element) and c.tag in {"b", "strong"} for c in element.children):
                children: list[Node] = []
                for child in element.children:
                    if isinstance(child, Element) and child.tag in {"b", "strong"}:
                        children.extend(child.children)
                    else:
                        children.append(child)
                element.children[:] = children


def finish(parsed: ParsedHtml) -> CleanedHtml:
    """Headings, pictures and figures, then the sanitizer: the canonical body."""
    root = parsed.root
    _shift_headings(root)
    _unbold_header_cells(root)
    images: dict[str, ImportedImage] = {}
    warnings: list[ImportNotice] = []
    _collect_images(root, images, warnings)
    for element in list(root.iter()):
        element.children[:] = _make_figures(element.children)
    body = sanitize_body(serialize(root.children))
    # A picture the sanitizer dropped (it was not an asset) needs no storing.
    kept = [image for sha, image in images.items() if f"asset:{sha}" in body]
    return CleanedHtml(body, kept, warnings)


def clean_foreign_fragment(html: str) -> CleanedHtml:
    """Clean pasted or foreign HTML, keeping its ``data:`` pictures as images to
    store (their ``asset:`` references are already in the body)."""
    return finish(prepare(html))


def clean_foreign_html(html: str) -> str:
    """The editor's paste from Word, LibreOffice, a browser or a mail client:
    foreign HTML in, a canonical body out (pictures it cannot store are left out)."""
    cleaned = clean_foreign_fragment(html)
    if not cleaned.images:
        return cleaned.body
    # No one will store these pictures: do not leave references to missing assets.
    return sanitize_body(re.sub(r'<img src="asset:[0-9a-f]{64}"[^>]*>', "", cleaned.body))
