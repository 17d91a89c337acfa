"""LibreOffice's per-list level overrides are folded in before mammoth reads them."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from hostile_docx import FIXTURES

from editorial_desk.importers.docx_numbering import (
    resolve_level_overrides,
    with_resolved_numbering,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="{W}">
  <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl>
    <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="2"/>
    <w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:lvlOverride>
  </w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="2"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride>
  </w:num>
</w:numbering>""".encode()


def _formats(root: ElementTree.Element, abstract_id: str) -> list[str]:
    [abstract] = [
        a for a in root.iter(f"{{{W}}}abstractNum") if a.get(f"{{{W}}}abstractNumId") == abstract_id
    ]
    return [fmt.get(f"{{{W}}}val", "") for fmt in abstract.iter(f"{{{W}}}numFmt")]


def test_a_level_override_gets_its_own_abstract_definition():
    rewritten = resolve_level_overrides(NUMBERING)
    assert rewritten is not None
    root = ElementTree.fromstring(rewritten)
    nums = {
        n.get(f"{{{W}}}numId"): n.find(f"{{{W}}}abstractNumId").get(f"{{{W}}}val")  # type: ignore[union-attr]
        for n in root.iter(f"{{{W}}}num")
    }
    assert nums["1"] == "2" and nums["5"] == "2"  # untouched: no level replaced
    assert nums["4"] == "3"
    assert _formats(root, "2") == ["decimal", "decimal"]
    assert _formats(root, "3") == ["decimal", "bullet"]


def test_documents_without_overrides_pass_untouched():
    data = (FIXTURES / "skver.pandoc.docx").read_bytes()
    assert with_resolved_numbering(data) is data


def test_libreoffice_document_is_rewritten_and_stays_a_valid_package():
    data = (FIXTURES / "konkurs.libreoffice.docx").read_bytes()
    rewritten = with_resolved_numbering(data)
    assert rewritten is not data
    with (
        zipfile.ZipFile(io.BytesIO(rewritten)) as archive,
        zipfile.ZipFile(io.BytesIO(data)) as original,
    ):
        assert archive.testzip() is None
        assert archive.namelist() == original.namelist()
