"""Builders of hostile and broken files for the import tests.

Everything is made here, in memory, from the committed fixtures or from scratch:
no hostile file is committed.  ``raw_zip`` writes ZIP structures by hand, because
the interesting bombs (a stream that unpacks 1000x, entries sharing one stream,
directories that lie about sizes) are exactly what ``zipfile`` refuses to write.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
BASE_DOCX = FIXTURES / "konkurs.pandoc.docx"

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" '
    b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


# ---------------------------------------------------------------------------
# Editing a real DOCX
# ---------------------------------------------------------------------------


def rewrite_part(data: bytes, name: str, new_content: bytes) -> bytes:
    """``data`` (a DOCX) with the part ``name`` replaced."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = new_content if info.filename == name else source.read(info)
            target.writestr(info.filename, content)
    return out.getvalue()


def _with_doctype(document_xml: bytes, doctype: str, entity: str) -> bytes:
    """document.xml with a DTD after the XML declaration and ``&entity;`` in the
    first run of text, where mammoth would render it."""
    text = document_xml.decode("utf-8")
    declaration_end = text.index("?>") + 2
    text = text[:declaration_end] + doctype + text[declaration_end:]
    first_text = text.index("<w:t", declaration_end)
    content_start = text.index(">", first_text) + 1
    text = text[:content_start] + f"&{entity};" + text[content_start:]
    return text.encode("utf-8")


def _base_document() -> tuple[bytes, bytes]:
    data = BASE_DOCX.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return data, archive.read("word/document.xml")


def xxe_docx(secret: Path) -> bytes:
    """A DOCX whose document.xml declares an external entity reading ``secret``."""
    data, document_xml = _base_document()
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    return rewrite_part(data, "word/document.xml", _with_doctype(document_xml, doctype, "xxe"))


def billion_laughs_docx(levels: int = 10) -> bytes:
    """The classic: ten levels of ten references, 10**10 "lol"s if expanded."""
    data, document_xml = _base_document()
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, levels)
    )
    doctype = f"<!DOCTYPE w:document [{entities}]>"
    return rewrite_part(
        data, "word/document.xml", _with_doctype(document_xml, doctype, f"lol{levels - 1}")
    )


# ---------------------------------------------------------------------------
# Writing ZIP structures by hand
# ---------------------------------------------------------------------------


@dataclass
class RawEntry:
    name: str
    payload: bytes  # as stored (already deflated for method 8)
    file_size: int  # as declared
    crc: int
    method: int = zipfile.ZIP_DEFLATED
    flags: int = 0
    offset_of: str | None = None  # share another entry's local header and data


def deflated(name: str, content: bytes) -> RawEntry:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    payload = compressor.compress(content) + compressor.flush()
    return RawEntry(name, payload, len(content), zlib.crc32(content))


def raw_zip(entries: list[RawEntry]) -> bytes:
    out = bytearray()
    offsets: dict[str, int] = {}
    for entry in entries:
        if entry.offset_of is not None:
            offsets[entry.name] = offsets[entry.offset_of]
            continue
        offsets[entry.name] = len(out)
        name = entry.name.encode()
        out += struct.pack(
            "<4sHHHHHIIIHH",
            b"PK\x03\x04", 20, entry.flags, entry.method, 0, 0x21,
            entry.crc, len(entry.payload), entry.file_size, len(name), 0,
        )  # fmt: skip
        out += name + entry.payload
    directory_start = len(out)
    for entry in entries:
        name = entry.name.encode()
        out += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02", 20, 20, entry.flags, entry.method, 0, 0x21,
            entry.crc, len(entry.payload), entry.file_size, len(name), 0, 0, 0, 0, 0,
            offsets[entry.name],
        )  # fmt: skip
        out += name
    directory_size = len(out) - directory_start
    out += struct.pack(
        "<4sHHHHIIH",
        b"PK\x05\x06", 0, 0, len(entries), len(entries), directory_size, directory_start, 0,
    )  # fmt: skip
    return bytes(out)


def _package(document: RawEntry) -> bytes:
    package = [deflated("[Content_Types].xml", CONTENT_TYPES), deflated("_rels/.rels", ROOT_RELS)]
    return raw_zip([*package, document])


def _spaces_stream(gib: int, first: bytes = b" ") -> tuple[bytes, int, int]:
    """(deflate stream, size, crc) of ``gib`` GiB of spaces (``first`` byte first).

    A deflate stream of identical, fully flushed blocks repeats the same bytes
    for every block, so the stream is built by repetition in milliseconds."""
    chunk = b" " * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(first + chunk[1:]) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    blocks = 1024 * gib
    payload = head + block * (blocks - 1) + compressor.flush()
    crc = zlib.crc32(first + chunk[1:])
    for _ in range(blocks - 1):
        crc = zlib.crc32(chunk, crc)
    return payload, len(chunk) * blocks, crc


def zip_bomb(gib: int = 1) -> bytes:
    """A DOCX whose document.xml unpacks to ``gib`` GiB of spaces from ~1 MB."""
    payload, size, crc = _spaces_stream(gib)
    return _package(RawEntry("word/document.xml", payload, size, crc))


def lying_sizes_bomb() -> bytes:
    """A 1 GiB document.xml whose directory entry claims 1 KB."""
    payload, _size, _crc = _spaces_stream(1, first=b"<")
    return _package(RawEntry("word/document.xml", payload, 1024, 0))


def overlapping_entries_bomb(copies: int = 40) -> bytes:
    """Many directory entries pointing at one stored 1 MiB stream: no entry has a
    suspicious ratio and the total stays under the limit, but the parts overlap."""
    content = b"<x>" + b"a" * ((1 << 20) - 7) + b"</x>"
    shared = RawEntry("word/media/a.xml", content, len(content), zlib.crc32(content), method=0)
    copies_entries = [
        RawEntry(f"word/media/copy{n}.xml", content, len(content), shared.crc, 0, 0, shared.name)
        for n in range(copies)
    ]
    return raw_zip(
        [
            deflated("[Content_Types].xml", CONTENT_TYPES),
            deflated("_rels/.rels", ROOT_RELS),
            deflated("word/document.xml", b"<w:document/>"),
            shared,
            *copies_entries,
        ]
    )


def many_entries_zip(count: int) -> bytes:
    entries = [deflated("[Content_Types].xml", CONTENT_TYPES), deflated("_rels/.rels", ROOT_RELS)]
    entries += [deflated(f"word/media/e{n}.bin", b"x") for n in range(count)]
    return raw_zip(entries)


def encrypted_entries_docx() -> bytes:
    """A DOCX whose entries carry the ZIP "encrypted" flag (traditional PKWARE)."""
    entries = [deflated("[Content_Types].xml", CONTENT_TYPES), deflated("_rels/.rels", ROOT_RELS)]
    document = deflated("word/document.xml", b"<w:document/>")
    document.flags = 0x1
    return raw_zip([*entries, document])


def fake_encrypted_ole() -> bytes:
    """An OLE compound file header with the stream names of an encrypted OOXML
    package (the real thing is committed as konkurs.encrypted.docx)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    names = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50
    return header + names + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1000


def truncated(data: bytes) -> bytes:
    """The first half of ``data``: an interrupted download or copy."""
    return data[: len(data) // 2]


PNG_BYTES = (FIXTURES / "photo.png").read_bytes()
