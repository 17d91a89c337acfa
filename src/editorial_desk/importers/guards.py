"""Checks that run on a file's bytes before any parser sees them.

A ``.docx`` is a ZIP of XML parts, so the two classic attacks are a ZIP bomb (a
few kilobytes that unpack to gigabytes) and XML entity tricks (external entities
that read local files, the "billion laughs" that expands to gigabytes).  Both are
refused here, from metadata and from the first bytes of each part, so a hostile
file costs milliseconds and almost no memory:

* the end-of-central-directory record is read by hand first, so a directory
  claiming millions of entries is refused before ``zipfile`` builds a list of them;
* entry count, total unpacked size, per-entry compression ratio, compression
  method (only stored and deflate, the two Word writes), encryption flags,
  duplicate names and overlapping entries (the "non-recursive" bomb in which many
  directory entries share one compressed stream) are checked from the directory;
  ``zipfile`` itself never returns more than an entry's declared size, so a
  directory that under-declares sizes only leads to a CRC error later;
* every part that starts like XML has its prolog scanned: a DTD (``<!DOCTYPE``) is
  refused outright.  The Open Packaging Conventions forbid DTDs in a package
  (ECMA-376 part 2), so no genuine Word file has one, and with no DTD there can
  be no entity to expand or resolve.  Encodings other than UTF-8/UTF-16 (the only
  two the format allows) are refused too, so a DTD cannot hide behind one.

The parser behind mammoth (``xml.dom.minidom`` on expat) would also not fetch
external entities and limits entity amplification (expat >= 2.4); the tests check
that second line of defence separately, but nothing here relies on it.

Non-ZIP input gets a message that names what it looks like: empty, truncated,
an encrypted document (an OLE compound file with an ``EncryptedPackage`` stream),
a Word 97-2003 ``.doc``, a PDF or a picture renamed to ``.docx``.
"""

from __future__ import annotations

import codecs
import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import Final

from editorial_desk.domain.errors import ImportRefusedError
from editorial_desk.importers.model import RefusalReason, refuse, sniff_image_type

MIB: Final = 1024 * 1024

# The largest file the importer reads at all (checked before reading it).
MAX_DOCX_FILE_BYTES: Final = 50 * MIB
MAX_TEXT_FILE_BYTES: Final = 20 * MIB  # .html, .htm, .txt


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """What a DOCX may unpack to.  A long news item with a dozen photos is a few
    megabytes; these leave room for a report with pictures and nothing more."""

    max_entries: int = 1000
    max_total_uncompressed: int = 50 * MIB
    # XML compresses 5-20x, a repetitive table maybe 60x; bombs run at ~1000x.
    max_ratio: int = 100
    ratio_floor: int = 1 * MIB  # small parts may compress better than that; harmless
    # minidom keeps a whole part in memory many times over; document.xml of a
    # 300-page book is a few megabytes.
    max_xml_part: int = 16 * MIB
    prolog_bytes: int = 64 * 1024


DEFAULT_LIMITS: Final = ZipLimits()

OLE_SIGNATURE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_EOCD_SIGNATURE: Final = b"PK\x05\x06"
_ZIP64_LOCATOR_SIGNATURE: Final = b"PK\x06\x07"
_EOCD_SIZE: Final = 22
_MAX_COMMENT: Final = 65535
_ALLOWED_METHODS: Final = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_LOCAL_HEADER_SIZE: Final = 30

_WORD_CONTENT_TYPES: Final = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_XML_ENCODING_RE: Final = re.compile(r"""^<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")


def _size_text(size: int) -> str:
    if size >= 1024 * MIB:
        return f"{size / (1024 * MIB):.1f} GB"
    if size >= MIB:
        return f"{size / MIB:.1f} MB"
    return f"{size / 1024:.0f} KB"


# ---------------------------------------------------------------------------
# What is this file, if not what its name says?
# ---------------------------------------------------------------------------


def _looks_like_text(head: bytes) -> bool:
    """No NUL and hardly any control characters: text in some 8-bit or UTF-8 encoding."""
    if b"\x00" in head:
        return False
    text = head.decode("utf-8", errors="replace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls * 100 <= len(text)


def describe_content(data: bytes) -> str | None:
    """A few words on what ``data`` looks like ("a PNG image"), for messages."""
    image = sniff_image_type(data)
    if image is not None:
        return f"a {image.split('/')[1].upper()} image"
    if data.startswith(b"%PDF"):
        return "a PDF document"
    if data.startswith(b"{\\rtf"):
        return "an RTF document"
    if data.startswith(OLE_SIGNATURE):
        return "an old-format (OLE) Office file"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "a ZIP archive"
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_like_text(head):
        lowered = head.lower()
        if b"<html" in lowered or b"<!doctype html" in lowered:
            return "an HTML page"
        return "plain text"
    return None


def _not_docx(data: bytes) -> ImportRefusedError:
    what = describe_content(data)
    looks = f"; it looks like {what}" if what else ""
    return refuse(RefusalReason.WRONG_FORMAT, f"the file is not a Word document (.docx){looks}")


def _ole_refusal(data: bytes) -> ImportRefusedError:
    """An OLE compound file: an encrypted OOXML document or a pre-2007 format.

    Stream names sit in the directory as UTF-16LE; finding them in the raw bytes
    is enough to tell the cases apart without a CFB parser."""

    def has_stream(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if has_stream("EncryptedPackage"):
        return refuse(
            RefusalReason.ENCRYPTED,
            "the document is password-protected (encrypted); remove the password in Word "
            "and save it again",
        )
    if has_stream("WordDocument"):
        return refuse(
            RefusalReason.OLD_WORD_FORMAT,
            "the file is an old Word 97-2003 document (.doc); open it in Word and save it as .docx",
        )
    return refuse(
        RefusalReason.WRONG_FORMAT,
        "the file is an old-format Office file, not a Word document (.docx)",
    )


# ---------------------------------------------------------------------------
# The ZIP container
# ---------------------------------------------------------------------------


def _read_end_record(data: bytes) -> tuple[int, int] | None:
    """(entry count, central directory offset) from the end-of-central-directory
    record (ZIP64 aware), or None when there is no such record: truncated."""
    tail_start = max(0, len(data) - _EOCD_SIZE - _MAX_COMMENT)
    at = data.rfind(_EOCD_SIGNATURE, tail_start)
    if at < 0 or at + _EOCD_SIZE > len(data):
        return None
    entries, _size, offset = struct.unpack_from("<HII", data, at + 10)
    if entries != 0xFFFF and offset != 0xFFFFFFFF:
        return entries, offset
    # ZIP64: the real numbers are in the ZIP64 end record the locator points at.
    locator = at - 20
    if locator < 0 or data[locator : locator + 4] != _ZIP64_LOCATOR_SIGNATURE:
        return None
    (record,) = struct.unpack_from("<Q", data, locator + 8)
    if record + 56 > len(data) or data[record : record + 4] != b"PK\x06\x06":
        return None
    count, _size64, offset64 = struct.unpack_from("<QQQ", data, record + 32)
    return count, offset64


def _open_zip(data: bytes, limits: ZipLimits) -> tuple[zipfile.ZipFile, int]:
    """The archive and the offset its directory starts at (where entry data ends)."""
    end_record = _read_end_record(data)
    if end_record is None:
        raise refuse(
            RefusalReason.DAMAGED,
            "the document is damaged or incomplete (its end is missing; was the download "
            "or copy interrupted?)",
        )
    declared, directory_offset = end_record
    if declared > limits.max_entries:
        raise refuse(
            RefusalReason.ZIP_BOMB,
            f"the document has {declared} parts, more than the {limits.max_entries} a Word "
            "document may have",
        )
    try:
        return zipfile.ZipFile(io.BytesIO(data)), directory_offset
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, struct.error):
        raise refuse(
            RefusalReason.DAMAGED, "the document is damaged or incomplete (not a readable ZIP)"
        ) from None


def _check_entries(infos: list[zipfile.ZipInfo], limits: ZipLimits, data_end: int) -> None:
    if len(infos) > limits.max_entries:
        raise refuse(
            RefusalReason.ZIP_BOMB,
            f"the document has {len(infos)} parts, more than the {limits.max_entries} a Word "
            "document may have",
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise refuse(
                RefusalReason.ENCRYPTED,
                "the document is password-protected (encrypted ZIP entries)",
            )
        if info.compress_type not in _ALLOWED_METHODS:
            raise refuse(
                RefusalReason.DAMAGED,
                f"the document uses a compression method Word never writes ({info.compress_type})",
            )
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            raise refuse(
                RefusalReason.ZIP_BOMB,
                f"the document looks like a ZIP bomb: the part {info.filename!r} unpacks "
                f"{ratio} times larger than it is stored ({_size_text(info.file_size)})",
            )
        total += info.file_size
    if total > limits.max_total_uncompressed:
        raise refuse(
            RefusalReason.TOO_LARGE,
            f"the document unpacks to {_size_text(total)}, more than the "
            f"{_size_text(limits.max_total_uncompressed)} an imported document may have",
        )
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise refuse(RefusalReason.DAMAGED, "the document lists the same part twice")
    # Entries must not share bytes: a directory whose entries point into one
    # stream multiplies its unpacked size without a high ratio anywhere.
    ordered = sorted(infos, key=lambda info: info.header_offset)
    for current, following in zip(ordered, [*ordered[1:], None], strict=True):
        end = (
            current.header_offset
            + _LOCAL_HEADER_SIZE
            + len(current.orig_filename.encode("utf-8", "surrogateescape"))
            + current.compress_size
        )
        limit = following.header_offset if following is not None else data_end
        if end > limit:
            raise refuse(
                RefusalReason.ZIP_BOMB,
                "the document looks like a ZIP bomb: its parts overlap each other",
            )


def _check_content_types(archive: zipfile.ZipFile, data: bytes) -> None:
    names = set(archive.namelist())
    if "[Content_Types].xml" not in names:
        if "mimetype" in names:
            mimetype = archive.read("mimetype")[:100]
            if b"opendocument.text" in mimetype:
                raise refuse(
                    RefusalReason.WRONG_FORMAT,
                    "the file is an OpenDocument text (.odt), not .docx; save it as .docx "
                    "in LibreOffice or Word",
                )
        raise _not_docx(data)
    content_types = archive.read("[Content_Types].xml")
    if not any(kind in content_types for kind in _WORD_CONTENT_TYPES):
        if b"spreadsheetml" in content_types:
            what = "an Excel workbook"
        elif b"presentationml" in content_types:
            what = "a PowerPoint presentation"
        else:
            what = "an Office file of another kind"
        raise refuse(RefusalReason.WRONG_FORMAT, f"the file is {what}, not a Word document (.docx)")
    if "_rels/.rels" not in names:
        raise refuse(RefusalReason.DAMAGED, "the document is damaged (its part list is missing)")


# ---------------------------------------------------------------------------
# XML prologs
# ---------------------------------------------------------------------------


def _xml_head_text(head: bytes) -> str | None:
    """The start of a part as text if it looks like XML (else None).

    ASCII-compatible bytes are read as Latin-1 (one char per byte, so markup is
    found whatever the real encoding); UTF-16 is recognised by its BOM or by the
    zero byte beside the first ``<``."""
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    if head.startswith(codecs.BOM_UTF16_LE) or head[:2] == b"<\x00":
        text = head[len(codecs.BOM_UTF16_LE) if head[:2] == codecs.BOM_UTF16_LE else 0 :]
        decoded = text[: len(text) // 2 * 2].decode("utf-16-le", errors="replace")
    elif head.startswith(codecs.BOM_UTF16_BE) or head[:2] == b"\x00<":
        text = head[2 if head[:2] == codecs.BOM_UTF16_BE else 0 :]
        decoded = text[: len(text) // 2 * 2].decode("utf-16-be", errors="replace")
    else:
        decoded = head.decode("latin-1")
    return decoded if decoded.lstrip().startswith("<") else None


def check_xml_prolog(head: bytes, *, complete: bool, part: str = "") -> None:
    """Refuse a part whose prolog declares a DTD or an encoding OOXML does not allow.

    ``head`` is the first bytes of the part; ``complete`` says it is the whole part
    (otherwise a prolog that does not end within ``head`` is refused)."""
    text = _xml_head_text(head)
    if text is None:
        return
    where = f" ({part})" if part else ""
    encoding = _XML_ENCODING_RE.match(text.lstrip("\ufeff"))
    if encoding and encoding[1].strip().lower().replace("_", "-") not in {
        "utf-8",
        "utf8",
        "utf-16",
        "utf-16le",
        "utf-16be",
    }:
        raise refuse(
            RefusalReason.DAMAGED,
            f"the document has a part in the {encoding[1]!r} encoding, which Word never "
            f"writes{where}",
        )
    position = 0
    while True:
        while position < len(text) and text[position] in " \t\r\n\ufeff":
            position += 1
        if text.startswith("<?", position):
            end = text.find("?>", position + 2)
            step = 2
        elif text.startswith("<!--", position):
            end = text.find("-->", position + 4)
            step = 3
        elif text.startswith("<!", position):
            raise refuse(
                RefusalReason.DTD,
                "the document declares XML entities (a DTD), which Word never writes and "
                "attacks use to read this computer's files or exhaust its memory; it was "
                f"refused{where}",
            )
        else:
            return  # the root element (or something the parser will refuse)
        if end < 0:
            if complete:
                return  # an unterminated prolog: not well-formed, the parser says so
            raise refuse(
                RefusalReason.DAMAGED,
                f"the document has a part whose XML header is implausibly long{where}",
            )
        position = end + step


def _check_parts(archive: zipfile.ZipFile, limits: ZipLimits) -> None:
    for info in archive.infolist():
        if info.is_dir():
            continue
        with archive.open(info) as part:
            head = part.read(limits.prolog_bytes)
        if _xml_head_text(head) is None:
            continue
        if info.file_size > limits.max_xml_part:
            raise refuse(
                RefusalReason.TOO_LARGE,
                f"the document's part {info.filename!r} is {_size_text(info.file_size)}, "
                f"more than the {_size_text(limits.max_xml_part)} an imported document may have",
            )
        check_xml_prolog(head, complete=len(head) < limits.prolog_bytes, part=info.filename)


def check_docx_package(data: bytes, limits: ZipLimits = DEFAULT_LIMITS) -> None:
    """Raise ImportRefusedError unless ``data`` is a plausible, harmless DOCX.

    Reads the ZIP directory and at most ``limits.prolog_bytes`` of each part."""
    if not data:
        raise refuse(RefusalReason.EMPTY, "the file is empty")
    if len(data) > MAX_DOCX_FILE_BYTES:
        raise refuse(
            RefusalReason.TOO_LARGE,
            f"the file is {_size_text(len(data))}, more than the "
            f"{_size_text(MAX_DOCX_FILE_BYTES)} an imported document may have",
        )
    if data.startswith(OLE_SIGNATURE):
        raise _ole_refusal(data)
    if not data.startswith(b"PK\x03\x04"):
        if data.startswith(b"PK\x05\x06"):
            raise refuse(RefusalReason.EMPTY, "the file is an empty ZIP archive")
        raise _not_docx(data)
    archive, directory_offset = _open_zip(data, limits)
    with archive:
        _check_entries(archive.infolist(), limits, directory_offset)
        try:
            _check_content_types(archive, data)
            _check_parts(archive, limits)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
            raise refuse(
                RefusalReason.DAMAGED, "the document is damaged (a part cannot be unpacked)"
            ) from None


def check_text_input(data: bytes, kind: str) -> None:
    """Refuse an empty, oversized or binary file named ``.html``/``.txt``."""
    if not data or not data.strip():
        raise refuse(RefusalReason.EMPTY, "the file is empty")
    if len(data) > MAX_TEXT_FILE_BYTES:
        raise refuse(
            RefusalReason.TOO_LARGE,
            f"the file is {_size_text(len(data))}, more than the "
            f"{_size_text(MAX_TEXT_FILE_BYTES)} an imported {kind} file may have",
        )
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if not _looks_like_text(head):
        what = describe_content(data)
        looks = f"; it looks like {what}" if what else ""
        raise refuse(RefusalReason.WRONG_FORMAT, f"the file is not {kind} text{looks}")
