"""Atomic writes: a temporary file in the target folder, flushed, then renamed.
A failed, cancelled or killed write never leaves a file with the final name."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from editorial_desk.export.files import (
    STALE_AFTER_S,
    ExportWriteError,
    TargetExistsError,
    atomic_writer,
    free_name,
    is_temp_file,
    remove_stale_temp_files,
    write_atomic,
    write_shared_file,
)


def test_write_creates_the_file_and_leaves_no_temporary(tmp_path: Path):
    target = tmp_path / "news.docx"
    write_atomic(target, b"content")
    assert target.read_bytes() == b"content"
    assert os.listdir(tmp_path) == ["news.docx"]


def test_existing_file_is_never_replaced_unless_asked(tmp_path: Path):
    target = tmp_path / "news.docx"
    target.write_bytes(b"theirs")
    with pytest.raises(TargetExistsError):
        write_atomic(target, b"mine")
    assert target.read_bytes() == b"theirs"
    assert os.listdir(tmp_path) == ["news.docx"]
    write_atomic(target, b"mine", overwrite=True)
    assert target.read_bytes() == b"mine"


def test_a_failing_writer_leaves_nothing(tmp_path: Path):
    target = tmp_path / "news.docx"
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half of it")
        raise RuntimeError("renderer failed")
    assert os.listdir(tmp_path) == []


def test_a_failing_write_keeps_the_old_file(tmp_path: Path):
    target = tmp_path / "news.docx"
    target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt), atomic_writer(target, overwrite=True) as handle:
        handle.write(b"new but cancelled")
        raise KeyboardInterrupt
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["news.docx"]


def test_unwritable_folder_is_one_clear_error(tmp_path: Path):
    with pytest.raises(ExportWriteError) as error:
        write_atomic(tmp_path / "missing" / "news.docx", b"x")
    assert "missing" in str(error.value)


def test_free_name_skips_files_on_disk_and_names_taken_in_the_batch(tmp_path: Path):
    (tmp_path / "a.docx").write_bytes(b"")
    names = {1: "a.docx", 2: "a-2.docx", 3: "a-3.docx"}
    assert free_name(tmp_path, names.__getitem__, {"a-2.docx"}).name == "a-3.docx"
    (tmp_path / "a-3.docx").write_bytes(b"")
    assert free_name(tmp_path, {**names, 4: "A-4.DOCX"}.__getitem__, {"a-2.docx"}).name == (
        "A-4.DOCX"
    )


def test_shared_image_is_written_once(tmp_path: Path):
    target = tmp_path / "photo-abc.png"
    assert write_shared_file(target, b"png") is True
    assert write_shared_file(target, b"png") is False
    assert target.read_bytes() == b"png"


def test_stale_temporary_files_are_cleaned_and_fresh_ones_kept(tmp_path: Path):
    stale = tmp_path / ".~edesk-1-aa.part"
    fresh = tmp_path / ".~edesk-2-bb.part"
    mine = tmp_path / "notes.part"
    for path in (stale, fresh, mine):
        path.write_bytes(b"x")
    old = time.time() - STALE_AFTER_S - 5
    os.utime(stale, (old, old))
    assert remove_stale_temp_files(tmp_path) == 1
    assert sorted(os.listdir(tmp_path)) == sorted([fresh.name, mine.name])


_SLOW_WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from editorial_desk.export.files import atomic_writer

    with atomic_writer(Path(sys.argv[1])) as handle:
        for _ in range(1000):
            handle.write(b"x" * 65536)
            handle.flush()
            print("writing", flush=True)
            time.sleep(0.01)
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_killing_a_write_midway_leaves_no_file_with_the_final_name(tmp_path: Path):
    target = tmp_path / "2026-12-05_news.docx"
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    for _ in range(5):  # some bytes are on disk
        assert child.stdout.readline() == "writing\n"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    child.stdout.close()

    leftovers = os.listdir(tmp_path)
    assert not target.exists()
    assert len(leftovers) == 1 and is_temp_file(leftovers[0])
    assert (tmp_path / leftovers[0]).stat().st_size > 0  # it really was killed midway
    # The next export into the folder removes it once it is stale.
    assert remove_stale_temp_files(tmp_path, now=time.time() + STALE_AFTER_S + 1) == 1
    assert os.listdir(tmp_path) == []
