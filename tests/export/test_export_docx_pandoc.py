"""An independent reader: pandoc (installed by .ci/run) reads our DOCX back and
finds the same words, headings, lists and links as the article has."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from export_samples import BODY, PHOTO, make_article

from editorial_desk.document import plain_text
from editorial_desk.document.tree import Element, read_body
from editorial_desk.export import ExportOptions, docx_bytes

PANDOC = shutil.which("pandoc")
# On a developer machine without pandoc this is skipped; in CI (.ci/run installs
# pandoc) a missing pandoc must fail, not silently skip the independent check.
pytestmark = pytest.mark.skipif(
    PANDOC is None and not os.environ.get("CI"),
    reason="pandoc is not installed (.ci/run installs it)",
)

LONG_BODY = BODY + "".join(
    f"<h2>Раздел {n}</h2><p>Абзац номер {n} о благоустройстве, «кавычки» и числа 1{n}500.</p>"
    f'<ol start="{n}"><li>пункт {n}.1<ol><li>вложенный {n}.1.1</li></ol></li>'
    f"<li>пункт {n}.2</li></ol>"
    for n in range(1, 6)
)


def _words(text: str) -> list[str]:
    return text.replace("\u00a0", " ").replace("\u202f", " ").split()


def pandoc_ast(tmp_path: Path, data: bytes) -> dict[str, Any]:
    source = tmp_path / "article.docx"
    source.write_bytes(data)
    assert PANDOC is not None
    result = subprocess.run(
        [PANDOC, "-f", "docx", "-t", "json", str(source)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


def inline_text(inlines: list[dict[str, Any]]) -> str:
    out = []
    for node in inlines:
        kind, content = node["t"], node.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind == "Image":
            continue  # its alt text is not visible text
        elif kind in ("Emph", "Strong", "Strikeout", "Underline", "Superscript", "Subscript"):
            out.append(inline_text(content))
        elif kind == "Link" or kind == "Span" or kind == "Quoted":
            out.append(inline_text(content[1]))
    return "".join(out)


class PandocDoc:
    def __init__(self, ast: dict[str, Any]) -> None:
        self.words: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.links: list[tuple[str, str]] = []
        title = ast["meta"].get("title")
        if title:
            self.words += _words(inline_text(title["c"]))
        self.lists = self._blocks(ast["blocks"])

    def _inlines(self, inlines: list[dict[str, Any]]) -> None:
        self.words += _words(inline_text(inlines))
        for node in inlines:
            if node["t"] == "Link":
                self.links.append((node["c"][2][0], inline_text(node["c"][1])))
            elif node["t"] in ("Emph", "Strong", "Underline", "Strikeout", "Span"):
                self._links_only(node["c"] if node["t"] != "Span" else node["c"][1])

    def _links_only(self, inlines: list[dict[str, Any]]) -> None:
        for node in inlines:
            if node["t"] == "Link":
                self.links.append((node["c"][2][0], inline_text(node["c"][1])))

    def _blocks(self, blocks: list[dict[str, Any]]) -> list[Any]:
        """Walks every block; returns the lists as (kind, [(text, nested lists)])."""
        lists: list[Any] = []
        for block in blocks:
            kind, content = block["t"], block.get("c")
            if kind in ("Para", "Plain"):
                self._inlines(content)
            elif kind == "Header":
                self.headings.append((content[0], inline_text(content[2])))
                self._inlines(content[2])
            elif kind == "BlockQuote":
                lists += self._blocks(content)
            elif kind in ("BulletList", "OrderedList"):
                items = content if kind == "BulletList" else content[1]
                entries = []
                for item in items:
                    start = len(self.words)
                    nested = self._blocks(item)
                    text_words = self.words[start:]
                    entries.append((" ".join(text_words), nested))
                label = "ul" if kind == "BulletList" else f"ol start={content[0][0]}"
                lists.append((label, entries))
            elif kind == "Table":
                self._table(content)
            elif kind == "Div":
                lists += self._blocks(content[1])
        return lists

    def _table(self, content: list[Any]) -> None:
        # pandoc 2.10+: [attr, caption, colspecs, head, bodies, foot]
        _attr, _caption, _specs, head, bodies, _foot = content

        def rows(rows_: list[Any]) -> None:
            for row in rows_:
                for cell in row[1]:
                    self._blocks(cell[4])

        rows(head[1])
        for body in bodies:
            rows(body[2])
            rows(body[3])


def expected_lists(element: Element, words_before: list[str] | None = None) -> list[Any]:
    """The same shape from our own body tree: (kind, [(all words of the item, nested)])."""
    found = []
    for child in element.children:
        if isinstance(child, str):
            continue
        if child.tag in ("ul", "ol"):
            entries = []
            for item in child.children:
                if isinstance(item, Element):
                    entries.append(
                        (" ".join(_words(plain_text(_html(item)))), expected_lists(item))
                    )
            label = "ul" if child.tag == "ul" else f"ol start={child.attrs.get('start', '1')}"
            found.append((label, entries))
        else:
            found += expected_lists(child)
    return found


def _html(element: Element) -> str:
    from editorial_desk.export.html import render_body

    return render_body(Element("", {}, [element]), {}, lambda a: "")


def expected_words(article, signature: str = "") -> list[str]:
    return _words(" ".join([article.title, article.lead, plain_text(article.body), signature]))


@pytest.mark.parametrize("body", [BODY, LONG_BODY], ids=["sample", "long"])
def test_pandoc_reads_the_same_words_headings_lists_and_links(tmp_path: Path, body: str):
    article = make_article(body=body)
    options = ExportOptions(typography=False, header_block=False, signature="Пресс-служба")
    doc = PandocDoc(pandoc_ast(tmp_path, docx_bytes(article, {PHOTO.sha256: PHOTO}, options)))

    assert doc.words == expected_words(article, "Пресс-служба")
    root = read_body(article.body)
    headings = [(int(e.tag[1]), e.text()) for e in _walk(root) if e.tag in ("h2", "h3")]
    assert doc.headings == headings
    assert doc.lists == expected_lists(root)
    links = [(e.attrs["href"], e.text()) for e in _walk(root) if e.tag == "a"]
    assert doc.links == links


def test_pandoc_reads_the_typographed_words(tmp_path: Path):
    article = make_article()
    doc = PandocDoc(
        pandoc_ast(tmp_path, docx_bytes(article, {}, ExportOptions(header_block=False)))
    )
    from editorial_desk.export.body import prepared_body
    from editorial_desk.export.html import render_body
    from editorial_desk.export.typography import typograph

    body = plain_text(render_body(prepared_body(article, ExportOptions()), {}, lambda a: ""))
    assert doc.words == _words(" ".join([typograph(article.title), typograph(article.lead), body]))
    assert "«Дружба»" in doc.words and "12" in doc.words


def _walk(element: Element):
    for child in element.children:
        if isinstance(child, Element):
            yield child
            yield from _walk(child)
