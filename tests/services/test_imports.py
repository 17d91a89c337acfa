"""Importing files into a real store: drafts with their pictures as assets, and
hostile or broken files refused with the store left exactly as it was."""

from __future__ import annotations

import base64
import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from editorial_desk.domain.errors import ImportRefusedError, ValidationError
from editorial_desk.domain.statuses import Status
from editorial_desk.importers.notices import ImportNotice, ImportWarningKind
from editorial_desk.services.articles import get_article
from editorial_desk.services.assets import get_asset
from editorial_desk.services.imports import (
    import_file,
    import_file_with_warnings,
    paste_foreign_html,
    prepare_import,
    save_import,
)
from editorial_desk.store.models import Article, Asset, Revision, StatusChange

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
PNG = (FIXTURES / "photo.png").read_bytes()


def row_counts(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with store.session() as session:
        return {
            model.__name__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Article, Asset, Revision, StatusChange)
        }


def test_what_was_left_out_comes_back_as_keyed_notices(store, actor, tmp_path):
    page = tmp_path / "сквер.html"
    page.write_text(
        '<p>Сквер открыт.</p><img src="https://example.org/a.jpg"><img src="b.png">',
        encoding="utf-8",
    )
    with store.session() as session:
        outcome = import_file_with_warnings(session, actor, page)
    assert outcome.warnings == (
        ImportNotice.of(ImportWarningKind.PICTURES_ON_WEB, count=1),
        ImportNotice.of(ImportWarningKind.PICTURES_OUTSIDE_FILE, count=1),
        ImportNotice.of(ImportWarningKind.PAGE_WITHOUT_TITLE),
    )
    assert outcome.article.title == "сквер"


def test_docx_becomes_a_draft_with_its_picture(store, actor):
    with store.session() as session:
        outcome = import_file_with_warnings(session, actor, FIXTURES / "skver.pandoc.docx")
    article = outcome.article
    assert outcome.warnings == ()
    assert article.title == "В Заречном районе открылся новый сквер"
    assert article.lead == "Благоустройство территории площадью 1,8 гектара заняло четыре месяца."
    assert article.status is Status.DRAFT
    assert article.author_login == "editor1"
    assert article.word_count > 100
    assert "<h2>Что сделано</h2>" in article.body

    with store.session() as session:
        stored = get_article(session, article.id)
        [src] = [part.split('"')[0] for part in stored.body.split('src="asset:')[1:]]
        image = get_asset(session, src)
    assert image.data == PNG
    assert image.mime_type == "image/png"
    assert image.filename == "skver.pandoc-1.png"


@pytest.mark.parametrize(
    "name",
    ["konkurs.libreoffice.docx", "konkurs.pandoc.html", "konkurs.libreoffice.html", "konkurs.txt"],
)
def test_every_supported_kind_imports(store, actor, name: str):
    with store.session() as session:
        article = import_file(session, actor, FIXTURES / name)
    assert article.title == "Мэрия объявляет конкурс «Лучший двор — 2026»"
    assert "Самый зелёный двор" in article.body


def test_importing_the_same_picture_twice_stores_it_once(store, actor):
    with store.session() as session:
        import_file(session, actor, FIXTURES / "skver.pandoc.docx")
        import_file(session, actor, FIXTURES / "skver.libreoffice.docx")
    assert row_counts(store)["Asset"] == 1
    assert row_counts(store)["Article"] == 2


# ---------------------------------------------------------------------------
# Hostile and broken files: refused, nothing stored
# ---------------------------------------------------------------------------

_TYPES = (
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def _docx_with_document(document_xml: bytes) -> bytes:
    source = (FIXTURES / "konkurs.pandoc.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            content = document_xml if info.filename == "word/document.xml" else old.read(info)
            new.writestr(info.filename, content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _zip_bomb() -> bytes:
    """[Content_Types].xml, then a 1 GiB document.xml written as a ~1 MB stream."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b" " * (1 << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    payload = block * 1024 + compressor.flush()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", b"<Relationships/>")
    head = buffer.getvalue()
    # Append the bomb entry by hand: zipfile will not write a pre-compressed stream.
    directory_at = head.index(b"PK\x01\x02")
    local, directory = head[:directory_at], head[directory_at : head.rindex(b"PK\x05\x06")]
    name = b"word/document.xml"
    offset = len(local)
    local += struct.pack(
        "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, 0, len(payload), 1 << 30, len(name), 0
    ) + name + payload  # fmt: skip
    directory += struct.pack(
        "<4sHHHHHHIIIHHHHHII",
        b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, 0, len(payload), 1 << 30, len(name), 0, 0, 0, 0, 0,
        offset,
    ) + name  # fmt: skip
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 3, 3, len(directory), len(local), 0)
    return local + directory + end


def _xxe(secret: Path) -> bytes:
    entity = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    body = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _docx_with_document(f'<?xml version="1.0"?>{entity}{body}'.encode())


def _billion_laughs() -> bytes:
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10)
    )
    body = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _docx_with_document(
        f"<?xml version='1.0'?><!DOCTYPE w:document [{entities}]>{body}".encode()
    )


SECRET = "ПАРОЛЬ-ОТ-ПОЧТЫ-4711"


def hostile_files(tmp_path: Path) -> dict[str, tuple[str, bytes, str]]:
    """name -> (file name, content, expected refusal reason)."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    good = (FIXTURES / "konkurs.pandoc.docx").read_bytes()
    return {
        "zip bomb": ("bomb.docx", _zip_bomb(), "zip_bomb"),
        "xxe": ("xxe.docx", _xxe(secret), "dtd"),
        "billion laughs": ("laughs.docx", _billion_laughs(), "dtd"),
        "truncated": ("cut.docx", good[: len(good) // 2], "damaged"),
        "png renamed": ("photo.docx", PNG, "wrong_format"),
        "txt renamed": ("notes.docx", "Просто текст.".encode(), "wrong_format"),
        "empty": ("empty.docx", b"", "empty"),
        "encrypted": (
            "locked.docx",
            (FIXTURES / "konkurs.encrypted.docx").read_bytes(),
            "encrypted",
        ),
        "old word": (
            "old.docx",
            (FIXTURES / "konkurs.libreoffice.doc").read_bytes(),
            "old_word_format",
        ),
        "png as html": ("photo.html", PNG, "wrong_format"),
        "unsupported": ("photo.png", PNG, "unsupported_type"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "zip bomb", "xxe", "billion laughs", "truncated", "png renamed", "txt renamed", "empty",
        "encrypted", "old word", "png as html", "unsupported",
    ],
)  # fmt: skip
def test_hostile_and_broken_files_create_nothing(store, actor, tmp_path: Path, case: str):
    name, content, reason = hostile_files(tmp_path)[case]
    path = tmp_path / name
    path.write_bytes(content)
    before = row_counts(store)

    with pytest.raises(ImportRefusedError) as caught, store.session() as session:
        import_file(session, actor, path)

    error = caught.value
    assert isinstance(error, ValidationError)  # the UI and CLI already show these
    assert error.reason == reason
    assert error.filename == str(path)
    assert str(error).startswith(f"{path}: ")
    assert "\n" not in str(error) and SECRET not in str(error)
    assert row_counts(store) == before


def test_a_missing_file_is_a_clear_refusal(store, actor, tmp_path: Path):
    with pytest.raises(ImportRefusedError) as caught, store.session() as session:
        import_file(session, actor, tmp_path / "нет такого.docx")
    assert "cannot be read" in str(caught.value)


def test_a_failure_after_pictures_were_stored_rolls_everything_back(store, actor):
    """Pictures and the draft are one unit of work: if creating the draft fails,
    the pictures stored just before it are not left behind."""
    document = prepare_import(FIXTURES / "skver.pandoc.docx")
    document.title = "   "  # create_article refuses an empty title, after the assets
    before = row_counts(store)
    with pytest.raises(ValidationError), store.session() as session:
        save_import(session, actor, document, source_name="skver.docx")
    assert row_counts(store) == before


def test_paste_with_a_picture_stores_the_picture(store):
    data_url = "data:image/png;base64," + base64.b64encode(PNG).decode()
    html = f"<p class=MsoNormal><b>Фото</b><img src='{data_url}' alt='Сквер'><o:p></o:p></p>"
    with store.session() as session:
        body = paste_foreign_html(session, html)
    sha = body.split('src="asset:')[1].split('"')[0]
    assert body == f'<p><strong>Фото</strong><img src="asset:{sha}" alt="Сквер"></p>'
    with store.session() as session:
        assert get_asset(session, sha).data == PNG
