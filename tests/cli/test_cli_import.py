"""`editorial-desk import FILE...` as a user runs it: a real process, a real database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def run_cli(*args: str, db: Path):  # type: ignore[no-untyped-def]
    env = {**os.environ, "EDITORIAL_DESK_TZ": "Europe/Moscow"}
    cmd = [sys.executable, "-m", "editorial_desk", *args, "--db", str(db)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)


def listed_titles(db: Path) -> list[str]:
    result = run_cli("list", "--json", db=db)
    assert result.returncode == 0, result.stderr
    return sorted(row["title"] for row in json.loads(result.stdout))


def test_import_prints_one_id_per_file(db_path: Path):
    result = run_cli(
        "import", str(FIXTURES / "skver.pandoc.docx"), str(FIXTURES / "konkurs.libreoffice.html"),
        db=db_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    ids = [int(line) for line in result.stdout.splitlines()]
    assert len(ids) == 2 and ids[0] != ids[1]

    shown = run_cli("show", str(ids[0]), "--json", db=db_path)
    article = json.loads(shown.stdout)
    assert article["title"] == "В Заречном районе открылся новый сквер"
    assert article["status"] == "draft"
    assert "<h2>Что сделано</h2>" in article["body"]


def test_a_bad_file_alone_is_one_line_on_stderr_and_creates_nothing(db_path: Path, tmp_path: Path):
    renamed = tmp_path / "фото.docx"
    renamed.write_bytes((FIXTURES / "photo.png").read_bytes())

    result = run_cli("import", str(renamed), db=db_path)

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"editorial-desk: error: {renamed}: the file is not a Word document (.docx); "
        "it looks like a PNG image\n"
    )
    assert listed_titles(db_path) == []


def test_good_files_are_imported_even_when_another_fails(db_path: Path, tmp_path: Path):
    good = FIXTURES / "konkurs.txt"
    truncated = tmp_path / "обрезан.docx"
    data = (FIXTURES / "konkurs.pandoc.docx").read_bytes()
    truncated.write_bytes(data[: len(data) // 2])

    result = run_cli("import", str(truncated), str(good), db=db_path)

    assert result.returncode == 1  # a script notices the failure
    [line] = result.stderr.splitlines()
    assert line.startswith(f"editorial-desk: error: {truncated}: the document is damaged")
    assert "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 1  # the good file's id
    assert listed_titles(db_path) == ["Мэрия объявляет конкурс «Лучший двор — 2026»"]


def test_what_was_left_out_is_a_warning_on_stderr(db_path: Path):
    result = run_cli("import", str(FIXTURES / "skver.pandoc.html"), db=db_path)
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == (
        f"editorial-desk: warning: {FIXTURES / 'skver.pandoc.html'}: "
        "1 picture(s) stored outside the file were left out\n"
    )
