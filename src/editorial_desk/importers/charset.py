"""Turning the bytes of a text or HTML file into text.

Russian office mail and old saved pages still arrive in windows-1251 or KOI8-R,
often without saying so, so the order is:

1. a byte-order mark (UTF-8, UTF-16) wins, as in browsers;
2. for HTML, the charset the document declares (``<meta charset>``,
   ``http-equiv``, an XML declaration) in its first bytes;
3. strict UTF-8 if the bytes are valid UTF-8;
4. otherwise a guess between windows-1251 and KOI8-R (see :func:`guess_cyrillic`).

Only labels from a fixed table are honoured: a declared label never reaches
``codecs.lookup`` directly, so a page cannot ask for ``utf-7`` (a known XSS trick)
or a non-text codec.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

from editorial_desk.importers.notices import ImportNotice, ImportWarningKind

# WHATWG-style labels -> Python codec names, limited to what this office meets.
_LABELS: Final = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    # A page cannot declare UTF-16 in a <meta> it could be read by; browsers read UTF-8.
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "windows-1251": "cp1251",
    "cp1251": "cp1251",
    "x-cp1251": "cp1251",
    "koi8-r": "koi8_r",
    "koi8": "koi8_r",
    "cskoi8r": "koi8_r",
    "koi": "koi8_r",
    "koi8-u": "koi8_u",
    "koi8-ru": "koi8_u",
    "ibm866": "cp866",
    "cp866": "cp866",
    "866": "cp866",
    "iso-8859-5": "iso8859_5",
    "iso8859-5": "iso8859_5",
    "x-mac-cyrillic": "mac_cyrillic",
    "windows-1252": "cp1252",
    "iso-8859-1": "cp1252",  # browsers read Latin-1 as windows-1252
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}

# How far into an HTML file the declaration is looked for. The standard says 1024
# bytes; Word puts a long <head> first, so a little more is allowed.
_PRESCAN_BYTES: Final = 8192
_META_CHARSET_RE: Final = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_XML_DECL_RE: Final = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""")


def codec_for_label(label: str) -> str | None:
    return _LABELS.get(label.strip().lower())


def _from_bom(data: bytes) -> tuple[str, bytes] | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8", data[len(codecs.BOM_UTF8) :]
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", data[2:]
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", data[2:]
    return None


def guess_cyrillic(data: bytes) -> str:
    """windows-1251 or KOI8-R for 8-bit text that is not UTF-8.

    Russian prose is mostly lower case.  Lower-case а-я are 0xE0-0xFF in
    windows-1251 and 0xC0-0xDF in KOI8-R (upper case the other way round), so
    whichever range holds more letters names the encoding."""
    high = sum(1 for byte in data if byte >= 0xE0)
    middle = sum(1 for byte in data if 0xC0 <= byte < 0xE0)
    return "koi8_r" if middle > high else "cp1251"


def _decode_undeclared(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        codec = guess_cyrillic(data)
        return data.decode(codec, errors="replace"), codec


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, codec used) for a plain-text file."""
    bom = _from_bom(data)
    if bom is not None:
        codec, rest = bom
        return rest.decode(codec, errors="replace"), codec
    return _decode_undeclared(data)


def declared_html_charset(data: bytes) -> str | None:
    """The label an HTML document declares near its start, if any."""
    head = data[:_PRESCAN_BYTES]
    match = _XML_DECL_RE.match(head) or _META_CHARSET_RE.search(head)
    return match[1].decode("ascii") if match else None


def decode_html(data: bytes) -> tuple[str, str, list[ImportNotice]]:
    """(text, codec used, warnings) for an HTML file."""
    bom = _from_bom(data)
    if bom is not None:
        codec, rest = bom
        return rest.decode(codec, errors="replace"), codec, []
    label = declared_html_charset(data)
    if label is None:
        text, codec = _decode_undeclared(data)
        return text, codec, []
    codec = codec_for_label(label)
    if codec is None:
        text, codec = _decode_undeclared(data)
        warning = ImportNotice.of(ImportWarningKind.UNKNOWN_CHARSET, charset=label, codec=codec)
        return text, codec, [warning]
    text = data.decode(codec, errors="replace")
    if codec == "utf-8" and text.count("\ufffd") * 4 > sum(1 for byte in data if byte >= 0x80):
        # Declared UTF-8 but mostly is not: a mail client re-encoded the body and
        # left the old <meta>. Readable Cyrillic beats replacement characters (a
        # stray bad byte in real UTF-8 does not trigger this).
        guessed = guess_cyrillic(data)
        return (
            data.decode(guessed, errors="replace"),
            guessed,
            [ImportNotice.of(ImportWarningKind.FALSE_UTF8, codec=guessed)],
        )
    return text, codec, []
