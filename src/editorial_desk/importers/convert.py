"""One entry point for every importable file: pick the importer by extension,
refuse bad input at once, convert with a time limit.

* ``.docx`` -> :func:`docx.convert_docx` (mammoth), ``.html``/``.htm`` ->
  :func:`html.convert_html`, ``.txt`` -> :func:`text.convert_text`.
* The guards run here, in the calling process, before anything else: an empty,
  truncated, encrypted, renamed or hostile file is refused in milliseconds,
  without starting a worker.
* DOCX and HTML are then converted in a worker process that is killed after
  ``time_limit`` seconds (:mod:`isolation`).  Plain text is not: its conversion is
  one linear pass of our own code, and a worker would only add start-up time.
  ``time_limit=None`` converts in-process (tests, or callers that isolate
  themselves).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import Final

from editorial_desk.importers.docx import convert_docx
from editorial_desk.importers.guards import check_docx_package, check_text_input
from editorial_desk.importers.html import convert_html
from editorial_desk.importers.isolation import DEFAULT_TIME_LIMIT_S, run_isolated
from editorial_desk.importers.model import ImportedDocument, RefusalReason, refuse
from editorial_desk.importers.text import convert_text

_Converter = Callable[[bytes, str], ImportedDocument]

SUPPORTED_SUFFIXES: Final = (".docx", ".html", ".htm", ".txt")
_CONVERTERS: Final[dict[str, _Converter]] = {
    ".docx": convert_docx,
    ".html": convert_html,
    ".htm": convert_html,
    ".txt": convert_text,
}
_ISOLATED: Final = frozenset({".docx", ".html", ".htm"})


def is_importable(filename: str) -> bool:
    """Whether a file of this name can be imported (for drag-and-drop filters)."""
    return PurePath(filename).suffix.lower() in _CONVERTERS


def check_file_name(filename: str) -> None:
    """Refuse a file whose extension no importer handles (before reading it)."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in _CONVERTERS:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise refuse(
            RefusalReason.UNSUPPORTED_TYPE,
            f"files of type {suffix or '(none)'!r} cannot be imported; supported: {supported}",
        )


def check_file_bytes(filename: str, data: bytes) -> None:
    """The guards alone: raise ImportRefusedError for a file that must not be
    converted (unsupported extension, empty, damaged, hostile)."""
    check_file_name(filename)
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".docx":
        check_docx_package(data)
    else:
        check_text_input(data, "HTML" if suffix in {".html", ".htm"} else "plain")


def convert_file_bytes(
    filename: str, data: bytes, *, time_limit: float | None = DEFAULT_TIME_LIMIT_S
) -> ImportedDocument:
    """The draft a file named ``filename`` with content ``data`` becomes.

    Pure (no database, no file access).  Raises ImportRefusedError (without a
    file name; the caller adds it) for anything that cannot be imported."""
    check_file_bytes(filename, data)
    suffix = PurePath(filename).suffix.lower()
    converter = _CONVERTERS[suffix]
    fallback_title = PurePath(filename).stem
    if time_limit is None or suffix not in _ISOLATED:
        return converter(data, fallback_title)
    return run_isolated(converter, data, fallback_title, time_limit=time_limit)
