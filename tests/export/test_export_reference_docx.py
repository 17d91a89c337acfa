"""The bundled Word template: up to date with its generator, and what it promises
(our styles, A4, ru-RU)."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm

from editorial_desk.export.docx_styles import STYLE_SPECS

ROOT = Path(__file__).resolve().parents[2]


def test_template_is_what_the_generator_makes():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_reference_docx.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_template_has_our_styles_a4_and_russian():
    path = resources.files("editorial_desk.resources").joinpath("templates/reference.docx")
    with path.open("rb") as handle:
        document = Document(handle)
    names = {style.name for style in document.styles}
    assert {spec.role.value for spec in STYLE_SPECS} <= names
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert abs(section.page_width - Cm(21)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    langs = {lang.get(qn("w:val")) for lang in document.styles.element.iter(qn("w:lang"))}
    assert langs == {"ru-RU"}
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.paragraphs == [] or all(not p.text for p in document.paragraphs)
