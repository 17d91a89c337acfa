"""Make per-list level overrides visible to mammoth.

A DOCX list paragraph points at a ``w:num``, which points at a ``w:abstractNum``
holding the levels (bullet or numbered, per level).  A ``w:num`` may replace a
level outright with ``w:lvlOverride/w:lvl``.  Word honours that, and LibreOffice
relies on it: it writes one abstract definition and gives each list its real
levels as overrides, so a bulleted list nested in a numbered one is *only*
bulleted in its override.  mammoth (1.13) reads the abstract levels and ignores
overrides, so such a list came out as ``ol``.

This rewrites ``numbering.xml`` before mammoth reads it: every ``w:num`` with
level overrides gets its own copy of the abstract definition with those levels
replaced, which says the same thing in a form mammoth understands.  Documents
without overrides (pandoc's, most of Word's, which override only the start
number) are passed through untouched.

The part is parsed only after :mod:`guards` refused any DTD in it, with
ElementTree (expat: no external entities are fetched).
"""

from __future__ import annotations

import copy
import io
import zipfile
from typing import Final
from xml.etree import ElementTree

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _ids(root: ElementTree.Element) -> list[int]:
    values = []
    for element in root.iter(f"{_W}abstractNum"):
        value = element.get(f"{_W}abstractNumId", "")
        if value.isdigit():
            values.append(int(value))
    return values


def resolve_level_overrides(numbering_xml: bytes) -> bytes | None:
    """``numbering.xml`` with level overrides folded into abstract definitions,
    or None when there is nothing to fold (or the part cannot be read)."""
    try:
        root = ElementTree.fromstring(numbering_xml)
    except ElementTree.ParseError:
        return None  # mammoth will report the damage itself
    abstracts = {
        element.get(f"{_W}abstractNumId"): element for element in root.findall(f"{_W}abstractNum")
    }
    next_id = max(_ids(root), default=0) + 1
    changed = False
    for num in root.findall(f"{_W}num"):
        overrides = [
            (override.get(f"{_W}ilvl"), level)
            for override in num.findall(f"{_W}lvlOverride")
            if (level := override.find(f"{_W}lvl")) is not None
        ]
        reference = num.find(f"{_W}abstractNumId")
        if not overrides or reference is None:
            continue
        base = abstracts.get(reference.get(f"{_W}val"))
        if base is None or base.find(f"{_W}numStyleLink") is not None:
            continue  # levels defined through a style: leave to mammoth
        clone = copy.deepcopy(base)
        clone.set(f"{_W}abstractNumId", str(next_id))
        for level_index, level in overrides:
            replacement = copy.deepcopy(level)
            replacement.set(f"{_W}ilvl", level_index or "0")
            for position, existing in enumerate(list(clone)):
                if existing.tag == f"{_W}lvl" and existing.get(f"{_W}ilvl") == level_index:
                    clone[position] = replacement
                    break
            else:
                clone.append(replacement)
        root.insert(list(root).index(base) + 1, clone)
        reference.set(f"{_W}val", str(next_id))
        next_id += 1
        changed = True
    if not changed:
        return None
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def with_resolved_numbering(data: bytes) -> bytes:
    """The package with its numbering part rewritten if needed (else ``data``).

    The new package lives only in memory for mammoth, so its entries are stored
    uncompressed: copying costs a memcpy, not a recompression of the pictures."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = [name for name in source.namelist() if name.lower().endswith("numbering.xml")]
        replacements = {}
        for name in names:
            rewritten = resolve_level_overrides(source.read(name))
            if rewritten is not None:
                replacements[name] = rewritten
        if not replacements:
            return data
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as target:
            for info in source.infolist():
                content = replacements.get(info.filename)
                target.writestr(
                    info.filename, content if content is not None else source.read(info)
                )
        return buffer.getvalue()
