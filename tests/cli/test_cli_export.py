"""`editorial-desk export` as a user runs it: a real process, a real database,
real files; errors as one line; a killed batch leaves no partial file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document

from editorial_desk.export.files import is_temp_file


def run_cli(*args: str, db: Path, env: dict[str, str] | None = None):
    full_env = {**os.environ, "EDITORIAL_DESK_TZ": "Europe/Moscow", **(env or {})}
    cmd = [sys.executable, "-m", "editorial_desk", *args, "--db", str(db)]
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, timeout=120)


def assert_one_line_error(result) -> None:
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr


def new_article(db: Path, title: str, date: str, body: Path | None = None) -> int:
    """Created in-process (a CLI start per article would only slow the tests down;
    test_cli.py covers `new` itself)."""
    from zoneinfo import ZoneInfo

    from editorial_desk.domain.timeutil import parse_user_datetime
    from editorial_desk.services.articles import create_article
    from editorial_desk.services.users import ensure_user
    from editorial_desk.store.engine import open_store

    store = open_store(str(db))
    try:
        with store.session() as session:
            article = create_article(
                session,
                ensure_user(session, "editor1"),
                title=title,
                lead="Кратко",
                rubric="Город",
                body=body.read_text(encoding="utf-8") if body else "",
                planned_at=parse_user_datetime(date, ZoneInfo("Europe/Moscow")),
            )
    finally:
        store.close()
    return article.id


def set_status(db: Path, status: str, *ids: int) -> None:
    with sqlite3.connect(db) as conn:
        conn.executemany("UPDATE articles SET status = ? WHERE id = ?", [(status, i) for i in ids])


@pytest.fixture
def body_file(tmp_path: Path) -> Path:
    path = tmp_path / "body.html"
    path.write_text(
        "<h2>Подробности</h2><p>Работы завершат к 2027 году.</p>"
        '<ul><li>Первое</li><li>Второе</li></ul><p><a href="https://example.ru">Сайт</a></p>',
        encoding="utf-8",
    )
    return path


def test_export_ids_prints_the_paths_written(db_path: Path, tmp_path: Path, body_file: Path):
    first = new_article(db_path, "Открылся каток", "2026-12-05T10:00", body_file)
    second = new_article(db_path, "Ремонт моста", "2026-12-06", body_file)
    out = tmp_path / "out"
    for fmt, ext in (("docx", ".docx"), ("html", ".html"), ("page", ".page.html"), ("zip", ".zip")):
        result = run_cli(
            "export", str(first), str(second), "--format", fmt, "--out", str(out), db=db_path
        )
        assert result.returncode == 0, result.stderr
        paths = [Path(line) for line in result.stdout.splitlines()]
        assert [p.name for p in paths] == [
            f"2026-12-05_otkrylsya-katok{ext}",
            f"2026-12-06_remont-mosta{ext}",
        ]
        assert all(p.is_file() and p.parent == out.resolve() for p in paths)
    document = Document(str(out / "2026-12-05_otkrylsya-katok.docx"))
    assert [p.style.name for p in document.paragraphs][:3] == ["Dateline", "Title", "Lead"]
    again = run_cli(
        "export", str(first), "-f", "docx", "-o", str(out), "--no-typography", db=db_path
    )
    assert again.stdout.strip().endswith("2026-12-05_otkrylsya-katok-2.docx")
    replaced = run_cli(
        "export", str(first), "-f", "docx", "-o", str(out), "--overwrite", db=db_path
    )
    assert replaced.stdout.strip().endswith("2026-12-05_otkrylsya-katok.docx")


def test_export_by_date_range(db_path: Path, tmp_path: Path):
    ready = new_article(db_path, "Готово", "2026-12-05")
    scheduled = new_article(db_path, "Запланировано", "2026-12-06T23:30")
    draft = new_article(db_path, "Черновик", "2026-12-06")
    later = new_article(db_path, "Позже", "2026-12-07")
    set_status(db_path, "approved", ready, later)
    set_status(db_path, "scheduled", scheduled)
    out = tmp_path / "out"
    result = run_cli(
        "export",
        "--from",
        "2026-12-05",
        "--to",
        "2026-12-06",
        "-f",
        "zip",
        "-o",
        str(out),
        db=db_path,
    )
    assert result.returncode == 0, result.stderr
    assert [Path(p).name for p in result.stdout.splitlines()] == [
        "2026-12-05_gotovo.zip",
        "2026-12-06_zaplanirovano.zip",
    ]
    drafts = run_cli(
        "export", "--from", "2026-12-05", "--to", "2026-12-06", "--status", "draft",
        "-f", "docx", "-o", str(out), db=db_path,
    )  # fmt: skip
    assert [Path(p).name for p in drafts.stdout.splitlines()] == ["2026-12-06_chernovik.docx"]
    del draft
    nothing = run_cli(
        "export",
        "--from",
        "2027-01-01",
        "--to",
        "2027-01-02",
        "-f",
        "docx",
        "-o",
        str(out),
        db=db_path,
    )
    assert nothing.returncode == 0 and nothing.stdout == ""
    assert "nothing to export" in nothing.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "999", "-f", "docx", "-o", "{out}"], "article 999 not found"),
        (["export", "-f", "docx", "-o", "{out}"], "give article ids or a date range"),
        (["export", "1", "--from", "2026-12-01", "-f", "docx", "-o", "{out}"], "not both"),
        (["export", "--from", "2026-13-01", "-f", "docx", "-o", "{out}"], "bad date"),
        (["export", "1", "-f", "pdf", "-o", "{out}"], "invalid choice"),
        (["export", "1", "-f", "docx"], "--out"),
        (
            ["export", "1", "-f", "docx", "-o", "{out}", "--reference-doc", "{out}/no.docx"],
            "template",
        ),
        (
            ["export", "--from", "2026-12-01", "--status", "lost", "-f", "docx", "-o", "{out}"],
            "unknown status",
        ),
    ],
)
def test_errors_are_one_line_and_non_zero(
    db_path: Path, tmp_path: Path, args: list[str], message: str
):
    new_article(db_path, "Есть", "2026-12-05")
    out = tmp_path / "out"
    result = run_cli(*[a.replace("{out}", str(out)) for a in args], db=db_path)
    assert_one_line_error(result)
    assert message in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_output_folder_that_cannot_be_created_is_one_line(db_path: Path, tmp_path: Path):
    article = new_article(db_path, "Есть", "2026-12-05")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("export", str(article), "-f", "docx", "-o", str(blocker / "sub"), db=db_path)
    assert_one_line_error(result)
    assert "cannot write" in result.stderr


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_killing_a_batch_midway_leaves_only_complete_files(db_path: Path, tmp_path: Path):
    from editorial_desk.services.articles import create_article
    from editorial_desk.services.users import ensure_user
    from editorial_desk.store.engine import open_store

    paragraph = "<p>" + " ".join(["Благоустройство двора на улице Ленина завершено."] * 40) + "</p>"
    body = "".join(f"<h2>Раздел {n}</h2>{paragraph}" for n in range(12))
    store = open_store(str(db_path))
    with store.session() as session:
        actor = ensure_user(session, "editor1")
        for n in range(400):
            create_article(session, actor, title=f"Новость номер {n}", body=body)
    store.close()

    out = tmp_path / "out"
    child = subprocess.Popen(
        [sys.executable, "-m", "editorial_desk", "export", *map(str, range(1, 401)),
         "-f", "docx", "-o", str(out), "--db", str(db_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "EDITORIAL_DESK_TZ": "UTC"},
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if out.is_dir() and len([n for n in os.listdir(out) if n.endswith(".docx")]) >= 20:
            break
        time.sleep(0.005)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL, "the export finished before it could be killed"

    names = os.listdir(out)
    finals = [n for n in names if not is_temp_file(n)]
    assert 20 <= len(finals) < 400
    assert all(n.endswith(".docx") for n in finals)
    for name in finals:  # every file with a final name is whole
        with zipfile.ZipFile(out / name) as archive:
            assert archive.testzip() is None
        assert Document(str(out / name)).core_properties.title.startswith("Новость номер")
    assert len(names) - len(finals) <= 1  # at most the one being written when killed
