"""Export use cases against a real SQLite store: files written atomically and
named safely, provenance logged, "changed since export" derived, batches by date
range, progress and cancel."""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import select

from editorial_desk.domain.article import ArticleChanges
from editorial_desk.domain.errors import NotFoundError, ValidationError
from editorial_desk.domain.statuses import Status
from editorial_desk.export.files import is_temp_file
from editorial_desk.export.options import ExportFormat, ExportOptions, OnExisting
from editorial_desk.services.articles import create_article, get_article, update_article
from editorial_desk.services.assets import store_asset
from editorial_desk.services.exports import (
    ExportIncompleteError,
    batch_query,
    export_articles,
    export_status,
    list_exports,
    plan_export,
)
from editorial_desk.store.models import Article, Export

MOSCOW = ExportOptions(time_zone="Europe/Moscow")


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 4, 3, 8, 2, 0, 0, 0)
    raw = (b"\x00" + b"\x10\x80\x10" * 4) * 3
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _new(
    store, actor, title: str, day: int, status: Status = Status.APPROVED, body: str = ""
) -> int:
    with store.session() as session:
        article = create_article(
            session,
            actor,
            title=title,
            lead="Лид",
            body=body or f"<p>Текст новости «{title}».</p>",
            rubric="Город",
            planned_at=datetime(2026, 12, day, 7, 0, tzinfo=UTC),
        )
        session.get(Article, article.id).status = status.value
        return article.id


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path / "out"  # the store lives in tmp_path itself


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file())


def test_export_writes_named_files_and_logs_provenance(store, actor, out_dir: Path):
    first = _new(store, actor, "Открылся каток в парке", 5)
    second = _new(store, actor, "Ремонт моста: сроки", 6)
    with store.session() as session:
        results = export_articles(session, actor, [first, second], "docx", out_dir, MOSCOW)
    assert [r.path.name for r in results] == [
        "2026-12-05_otkrylsya-katok-v-parke.docx",
        "2026-12-06_remont-mosta-sroki.docx",
    ]
    assert _files(out_dir) == [r.path.name for r in results]
    document = Document(str(results[0].path))
    assert document.paragraphs[1].text == "Открылся каток в\u00a0парке"
    with store.session() as session:
        [record] = list_exports(session, first)
        revision = session.scalars(
            select(Export.revision_id).where(Export.article_id == first)
        ).one()
    assert record.format is ExportFormat.DOCX
    assert record.path == str(results[0].path)
    assert record.user_login == "editor1" and record.user_name == "Анна Редакторова"
    assert record.revision_id == revision == results[0].revision_id is not None
    assert record.revision_number == 1
    assert record.size == results[0].path.stat().st_size


def test_existing_files_are_kept_unless_asked(store, actor, out_dir: Path):
    article_id = _new(store, actor, "Новость", 5)
    with store.session() as session:
        [first] = export_articles(session, actor, [article_id], "html", out_dir, MOSCOW)
        first.path.write_text("правка веб-редактора", encoding="utf-8")
        [second] = export_articles(session, actor, [article_id], "html", out_dir, MOSCOW)
        [skipped] = export_articles(
            session, actor, [article_id], "html", out_dir, MOSCOW, on_existing=OnExisting.SKIP
        )
        planned = plan_export(session, [article_id], "html", out_dir, MOSCOW)
        [replaced] = export_articles(
            session, actor, [article_id], "html", out_dir, MOSCOW,
            on_existing=OnExisting.OVERWRITE,
        )  # fmt: skip
    assert first.path.read_text(encoding="utf-8").startswith("<p>")
    assert second.path.name == "2026-12-05_novost-2.html"
    assert skipped.skipped and skipped.path == first.path
    assert planned[0].path == first.path and planned[0].exists
    assert replaced.path == first.path
    assert _files(out_dir) == ["2026-12-05_novost-2.html", "2026-12-05_novost.html"]
    with store.session() as session:
        assert len(list_exports(session, article_id)) == 3  # the skipped one wrote nothing


def test_same_title_twice_in_one_batch_never_overwrites(store, actor, out_dir: Path):
    ids = [_new(store, actor, "Совещание", 5) for _ in range(3)]
    with store.session() as session:
        results = export_articles(
            session, actor, ids, "page", out_dir, MOSCOW, on_existing=OnExisting.OVERWRITE
        )
    assert [r.path.name for r in results] == [
        "2026-12-05_soveshchanie.page.html",
        "2026-12-05_soveshchanie-2.page.html",
        "2026-12-05_soveshchanie-3.page.html",
    ]


def test_html_fragment_gets_its_images_beside_it(store, actor, out_dir: Path):
    png = _png()
    with store.session() as session:
        asset = store_asset(session, png, "image/png", "Мост.png")
    body = f'<figure><img src="{asset.src}" alt="Мост"><figcaption>Мост</figcaption></figure>'
    article_id = _new(store, actor, "Мост", 5, body=body)
    with store.session() as session:
        [result] = export_articles(session, actor, [article_id], "html", out_dir, MOSCOW)
    [image] = result.images
    assert image.parent == out_dir / "images"
    assert image.read_bytes() == png
    assert f'src="images/{image.name}"' in result.path.read_text(encoding="utf-8")
    assert hashlib.sha256(png).hexdigest()[:12] in image.name


def test_batch_by_date_range_takes_approved_and_scheduled(store, actor, out_dir: Path):
    _new(store, actor, "Пятое одобрено", 5)
    _new(store, actor, "Шестое запланировано", 6, Status.SCHEDULED)
    _new(store, actor, "Шестое черновик", 6, Status.DRAFT)
    _new(store, actor, "Девятое одобрено", 9)
    query = batch_query(
        datetime(2026, 12, 4, 21, 0, tzinfo=UTC), datetime(2026, 12, 6, 21, 0, tzinfo=UTC)
    )
    with store.session() as session:
        results = export_articles(session, actor, query, "zip", out_dir, MOSCOW)
        drafts = export_articles(
            session, actor, batch_query(None, None, [Status.DRAFT]), "zip", out_dir, MOSCOW
        )
    assert [r.title for r in results] == ["Пятое одобрено", "Шестое запланировано"]
    assert [r.title for r in drafts] == ["Шестое черновик"]
    with pytest.raises(ValidationError):
        batch_query(datetime(2026, 12, 6, tzinfo=UTC), datetime(2026, 12, 5, tzinfo=UTC))


def test_unknown_id_fails_before_anything_is_written(store, actor, tmp_path: Path):
    known = _new(store, actor, "Есть", 5)
    with store.session() as session, pytest.raises(NotFoundError, match="999"):
        export_articles(session, actor, [known, 999], "docx", tmp_path / "missing")
    assert not (tmp_path / "missing").exists()


def test_progress_is_reported_and_cancel_stops_between_files(store, actor, out_dir: Path):
    ids = [_new(store, actor, f"Новость {n}", 5) for n in range(5)]
    seen: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, title: str) -> None:
        seen.append((done, total, title))

    with store.session() as session:
        results = export_articles(
            session, actor, ids, "docx", out_dir, MOSCOW,
            progress=progress, cancelled=lambda: len(seen) >= 3,
        )  # fmt: skip
    assert seen == [(0, 5, "Новость 0"), (1, 5, "Новость 1"), (2, 5, "Новость 2"), (3, 5, "")]
    assert len(results) == 3
    assert _files(out_dir) == sorted(r.path.name for r in results)
    assert not [n for n in os.listdir(out_dir) if is_temp_file(n)]
    with store.session() as session:
        assert session.query(Export).count() == 3  # every written file is logged, no more


def test_status_tells_whether_the_article_changed_since_its_export(store, actor, out_dir: Path):
    article_id = _new(store, actor, "Статус", 5)
    with store.session() as session:
        assert export_status(session, article_id).exported is False
        export_articles(session, actor, [article_id], "docx", out_dir)
        status = export_status(session, article_id)
        assert status.exported and not status.changed_since_export
        # Approving/scheduling an exported item is not a change of what was exported.
        session.get(Article, article_id).status = Status.SCHEDULED.value
        session.flush()
        assert not export_status(session, article_id).changed_since_export
        version = get_article(session, article_id).version
        update_article(
            session, actor, article_id, version, ArticleChanges(body="<p>Новый текст</p>")
        )
        status = export_status(session, article_id)
        assert status.changed_since_export
        assert status.last_export is not None and status.last_export.revision_number == 1
        export_articles(session, actor, [article_id], "zip", out_dir)
        assert not export_status(session, article_id).changed_since_export
        formats = [r.format for r in list_exports(session, article_id)]
        assert formats == [ExportFormat.ZIP, ExportFormat.DOCX]  # newest first
        with pytest.raises(NotFoundError):
            export_status(session, 12345)


def test_deleting_an_article_deletes_its_export_log(store, actor, out_dir: Path):
    article_id = _new(store, actor, "Удалить", 5)
    with store.session() as session:
        export_articles(session, actor, [article_id], "docx", out_dir)
    with store.session() as session:
        session.delete(session.get(Article, article_id))
    with store.session() as session:
        assert session.query(Export).count() == 0


def test_a_failing_item_keeps_what_was_written_and_says_so(store, actor, out_dir: Path):
    with store.session() as session:
        asset = store_asset(session, _png(), "image/png", "photo.png")
    plain = _new(store, actor, "Без фото", 5)
    with_image = _new(
        store, actor, "С фото", 6, body=f'<figure><img src="{asset.src}" alt=""></figure>'
    )
    out_dir.mkdir()
    (out_dir / "images").write_text("a file where the images folder should be")
    with store.session() as session:
        with pytest.raises(ExportIncompleteError) as caught:
            export_articles(session, actor, [plain, with_image], "html", out_dir, MOSCOW)
        error = caught.value  # caught inside the unit of work, which then commits
    assert str(error).startswith("exported 1 of 2 items, then: cannot write")
    assert [r.article_id for r in error.results] == [plain]
    assert _files(out_dir) == ["2026-12-05_bez-foto.html", "images"]
    with store.session() as session:
        assert [r.article_id for r in list_exports(session, plain)] == [plain]
        assert list_exports(session, with_image) == []
