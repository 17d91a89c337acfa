"""Hostile and broken files are refused before any parser sees them: quickly,
with little memory, and with a message that says what is wrong."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
import time
import tracemalloc
import zipfile
from pathlib import Path

import hostile_docx as hostile
import pytest

from editorial_desk.domain.errors import ImportRefusedError, ValidationError
from editorial_desk.importers.convert import convert_file_bytes
from editorial_desk.importers.docx import docx_to_html
from editorial_desk.importers.guards import ZipLimits, check_docx_package, check_xml_prolog

FIXTURES = hostile.FIXTURES


def refusal(data: bytes, name: str = "news.docx") -> ImportRefusedError:
    with pytest.raises(ImportRefusedError) as caught:
        convert_file_bytes(name, data)
    return caught.value


# ---------------------------------------------------------------------------
# ZIP bombs
# ---------------------------------------------------------------------------


def test_zip_bomb_is_refused_at_once_with_little_memory():
    bomb = hostile.zip_bomb(gib=1)
    assert len(bomb) < 2 * 1024 * 1024  # ~1 MB on disk, 1 GiB unpacked

    tracemalloc.start()
    started = time.perf_counter()
    error = refusal(bomb)
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert error.reason == "zip_bomb"
    assert "ZIP bomb" in str(error) and "1.0 GB" in str(error)
    assert isinstance(error, ValidationError)
    assert elapsed < 1.0
    assert peak < 1024 * 1024  # nothing is unpacked: the directory is enough


def test_zip_bomb_refusal_keeps_the_process_small(tmp_path: Path):
    """Peak RSS of a fresh interpreter, before and after refusing a 3 GiB bomb."""
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(hostile.zip_bomb(gib=3))
    child = textwrap.dedent(
        f"""
        import json, resource, sys, time
        from editorial_desk.domain.errors import ImportRefusedError
        from editorial_desk.importers.convert import convert_file_bytes
        data = open({str(bomb)!r}, "rb").read()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        try:
            convert_file_bytes("bomb.docx", data)
            reason = None
        except ImportRefusedError as error:
            reason = error.reason
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({{"reason": reason, "seconds": seconds, "grew_kib": after - before}}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=60, check=True
    )
    report = json.loads(result.stdout)
    assert report["reason"] == "zip_bomb"
    assert report["seconds"] < 1.0
    assert report["grew_kib"] < 16 * 1024  # ru_maxrss is in KiB on Linux


def test_total_unpacked_size_is_limited():
    limits = ZipLimits(max_total_uncompressed=10 * 1024)
    data = (FIXTURES / "skver.pandoc.docx").read_bytes()  # ~40 KB unpacked
    with pytest.raises(ImportRefusedError) as caught:
        check_docx_package(data, limits)
    assert caught.value.reason == "too_large"
    assert "unpacks to" in str(caught.value)


def test_directory_with_too_many_entries_is_refused_before_it_is_read():
    error = refusal(hostile.many_entries_zip(5000))
    assert error.reason == "zip_bomb"
    assert "5002 parts" in str(error)


def test_overlapping_entries_are_refused():
    error = refusal(hostile.overlapping_entries_bomb())
    assert error.reason == "zip_bomb"
    assert "overlap" in str(error)


def test_directory_that_understates_sizes_unpacks_nothing_more():
    """zipfile stops at the declared size, so the lie ends in a CRC error."""
    bomb = hostile.lying_sizes_bomb()
    tracemalloc.start()
    error = refusal(bomb)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert error.reason == "damaged"
    assert peak < 4 * 1024 * 1024


def test_compression_methods_word_never_writes_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_LZMA) as archive:
        archive.writestr("[Content_Types].xml", hostile.CONTENT_TYPES)
        archive.writestr("_rels/.rels", hostile.ROOT_RELS)
        archive.writestr("word/document.xml", b"<w:document/>")
    assert refusal(buffer.getvalue()).reason == "damaged"


# ---------------------------------------------------------------------------
# XML entities
# ---------------------------------------------------------------------------


def test_xxe_is_refused_and_leaks_nothing(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("ПАРОЛЬ-БУХГАЛТЕРИИ-4711", encoding="utf-8")
    error = refusal(hostile.xxe_docx(secret))
    assert error.reason == "dtd"
    assert "ПАРОЛЬ" not in str(error)


def test_xxe_would_not_resolve_even_without_the_guard(tmp_path: Path):
    """The second line of defence: mammoth's parser (minidom on expat) does not
    fetch external entities; the reference just disappears."""
    secret = tmp_path / "secret.txt"
    secret.write_text("ПАРОЛЬ-БУХГАЛТЕРИИ-4711", encoding="utf-8")
    html, _images = docx_to_html(hostile.xxe_docx(secret))
    assert "ПАРОЛЬ" not in html
    assert "Управление городского хозяйства" in html  # the rest of the text is there


def test_billion_laughs_is_refused_at_once():
    started = time.perf_counter()
    error = refusal(hostile.billion_laughs_docx())
    assert error.reason == "dtd"
    assert time.perf_counter() - started < 1.0


def test_billion_laughs_would_be_stopped_by_expat_too():
    """expat >= 2.4 refuses the amplification itself; nothing is expanded."""
    started = time.perf_counter()
    with pytest.raises(ImportRefusedError) as caught:
        docx_to_html(hostile.billion_laughs_docx())
    assert caught.value.reason == "damaged"
    assert "amplification" in str(caught.value)
    assert time.perf_counter() - started < 5.0


@pytest.mark.parametrize(
    "head",
    [
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>',
        b'<?xml version="1.0"?>\n<!-- a comment first -->\n<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>',
        b"\xef\xbb\xbf<!DOCTYPE x><x/>",
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><x/>'.encode("utf-16"),
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><x/>'.encode("utf-16-be"),
    ],
    ids=["internal", "after-comment", "bom", "utf16", "utf16be-no-bom"],
)
def test_dtds_are_found_in_any_spelling(head: bytes):
    with pytest.raises(ImportRefusedError) as caught:
        check_xml_prolog(head, complete=True)
    assert caught.value.reason == "dtd"


def test_a_dtd_cannot_hide_behind_a_long_prolog_or_another_encoding():
    padded = b'<?xml version="1.0"?>' + b"<!--" + b" " * 70_000 + b"-->" + b"<!DOCTYPE x><x/>"
    with pytest.raises(ImportRefusedError) as caught:
        check_xml_prolog(padded[:65536], complete=False)
    assert caught.value.reason == "damaged"
    with pytest.raises(ImportRefusedError) as caught:
        check_xml_prolog(b'<?xml version="1.0" encoding="UTF-7"?><x/>', complete=True)
    assert "UTF-7" in str(caught.value)


def test_ordinary_parts_pass():
    declaration = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    check_xml_prolog(declaration + b"<w:x/>", complete=True)
    check_xml_prolog(b"\x89PNG\r\n\x1a\n", complete=True)  # not XML at all


def test_a_dtd_in_any_part_is_refused():
    data = hostile.rewrite_part(
        hostile.BASE_DOCX.read_bytes(),
        "word/styles.xml",
        b'<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY x "y">]><w:styles/>',
    )
    error = refusal(data)
    assert error.reason == "dtd"
    assert "word/styles.xml" in str(error)


# ---------------------------------------------------------------------------
# Broken, encrypted and renamed files
# ---------------------------------------------------------------------------


def test_empty_file():
    error = refusal(b"")
    assert (error.reason, str(error)) == ("empty", "the file is empty")


def test_truncated_docx():
    error = refusal(hostile.truncated(hostile.BASE_DOCX.read_bytes()))
    assert error.reason == "damaged"
    assert "incomplete" in str(error)


def test_encrypted_docx_written_by_an_office_encryptor():
    error = refusal((FIXTURES / "konkurs.encrypted.docx").read_bytes())
    assert error.reason == "encrypted"
    assert "password" in str(error)


def test_encrypted_ole_header():
    assert refusal(hostile.fake_encrypted_ole()).reason == "encrypted"


def test_encrypted_zip_entries():
    assert refusal(hostile.encrypted_entries_docx()).reason == "encrypted"


def test_word_97_document_renamed_to_docx():
    error = refusal((FIXTURES / "konkurs.libreoffice.doc").read_bytes())
    assert error.reason == "old_word_format"
    assert "save it as .docx" in str(error)


@pytest.mark.parametrize(
    ("content", "looks_like"),
    [
        (hostile.PNG_BYTES, "a PNG image"),
        ((FIXTURES / "skver.txt").read_bytes(), "plain text"),
        ((FIXTURES / "skver.pandoc.html").read_bytes(), "an HTML page"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"{\\rtf1\\ansi\\ansicpg1251 ...}", "an RTF document"),
    ],
    ids=["png", "txt", "html", "pdf", "rtf"],
)
def test_renamed_files_say_what_they_look_like(content: bytes, looks_like: str):
    error = refusal(content)
    assert error.reason == "wrong_format"
    assert str(error) == f"the file is not a Word document (.docx); it looks like {looks_like}"


def test_other_office_and_zip_files():
    def package(*entries: tuple[str, bytes]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, content in entries:
                archive.writestr(name, content)
        return buffer.getvalue()

    workbook = package(
        ("[Content_Types].xml", b"<Types>application/vnd.openxmlformats-officedocument."
         b"spreadsheetml.sheet.main+xml</Types>"),
        ("_rels/.rels", hostile.ROOT_RELS),
    )  # fmt: skip
    assert "an Excel workbook" in str(refusal(workbook))
    odt = package(("mimetype", b"application/vnd.oasis.opendocument.text"))
    assert ".odt" in str(refusal(odt))
    assert "ZIP archive" in str(refusal(package(("photo.jpg", b"\xff\xd8\xff"))))


@pytest.mark.parametrize("name", ["news.html", "news.htm", "news.txt"])
def test_binary_files_named_as_text_are_refused(name: str):
    error = refusal(hostile.PNG_BYTES, name)
    assert error.reason == "wrong_format"
    assert "PNG image" in str(error)
    assert refusal(b"  \n ", name).reason == "empty"


def test_unsupported_extensions_are_refused_by_name():
    error = refusal(b"whatever", "news.doc")
    assert error.reason == "unsupported_type"
    assert ".docx, .html, .htm, .txt" in str(error)
