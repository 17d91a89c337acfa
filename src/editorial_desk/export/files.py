"""Writing export files safely: the only module of export/ that touches the disk.

Every file is written to a temporary file in the target folder, flushed and
fsync'ed, then moved onto its final name in one step (`os.replace`, or a hard link
where the name must not be taken meanwhile). A failed, cancelled or killed export
therefore never leaves a file with a final name that is partial: at worst it
leaves a temporary file, whose name starts with `TEMP_PREFIX` and ends with
`TEMP_SUFFIX` (hidden on Linux/macOS, and obviously not a deliverable). The next
export into that folder removes such leftovers once they are older than
`STALE_AFTER_S` (a concurrent export of another process is never that slow).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Final

from editorial_desk.domain.errors import EditorialError

TEMP_PREFIX: Final = ".~edesk-"
TEMP_SUFFIX: Final = ".part"
STALE_AFTER_S: Final = 15 * 60


class ExportWriteError(EditorialError):
    """A file could not be written (folder missing or read-only, disk full...).
    Nothing with the target's name was created or changed."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"cannot write {path}: {detail}")
        self.path = path
        self.detail = detail


class TargetExistsError(ExportWriteError):
    def __init__(self, path: Path) -> None:
        super().__init__(path, "a file with that name exists")


def _describe(exc: OSError) -> str:
    return exc.strerror or str(exc)


def temp_path_for(target: Path) -> Path:
    token = secrets.token_hex(4)
    return target.with_name(f"{TEMP_PREFIX}{os.getpid()}-{token}{TEMP_SUFFIX}")


def is_temp_file(name: str) -> bool:
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)


def sync_folder(folder: Path) -> None:
    """Make renames into `folder` durable (POSIX; Windows has no directory handles).
    Not needed for atomicity - a lost rename means a missing file, never a
    partial one - so a batch calls it once at the end, not once per file."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _claim(temp: Path, target: Path) -> None:
    """Give `temp` the name `target` only if nothing has that name (a hard link
    fails atomically when it exists), falling back on a check + replace where
    the file system has no hard links (FAT, some network shares)."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise TargetExistsError(target) from None
    except OSError as exc:
        if exc.errno not in (
            errno.EPERM,
            errno.ENOTSUP,
            errno.EOPNOTSUPP,
            errno.EXDEV,
            errno.EACCES,
        ):
            raise
        if target.exists():
            raise TargetExistsError(target) from None
        os.replace(temp, target)
    else:
        with contextlib.suppress(OSError):
            temp.unlink()  # the content is safe under its final name either way


@contextlib.contextmanager
def atomic_writer(
    target: Path, *, overwrite: bool = False, sync: bool = True
) -> Iterator[BinaryIO]:
    """A binary file to write; on leaving the block without an error it becomes
    `target`, completely or not at all. With `overwrite=False` an existing
    `target` is never replaced (TargetExistsError). `sync=False` leaves syncing
    the folder to the caller (see sync_folder)."""
    temp = temp_path_for(target)
    try:
        handle = open(temp, "xb")  # noqa: SIM115 - closed below, before the rename
    except OSError as exc:
        raise ExportWriteError(target, _describe(exc)) from None
    try:
        try:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        finally:
            handle.close()
        if overwrite:
            os.replace(temp, target)
        else:
            _claim(temp, target)
        if sync:
            sync_folder(target.parent)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise ExportWriteError(target, _describe(exc)) from None
        raise


def write_atomic(target: Path, data: bytes, *, overwrite: bool = False, sync: bool = True) -> None:
    with atomic_writer(target, overwrite=overwrite, sync=sync) as handle:
        handle.write(data)


def write_shared_file(target: Path, data: bytes) -> bool:
    """Write a content-addressed file (an image named after its hash) unless an
    identical one is there; True if written. A different file of that name is
    replaced: the name promises this content."""
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(target, data, overwrite=True, sync=False)
    return True


def free_name(folder: Path, make_name: Callable[[int], str], taken: set[str]) -> Path:
    """The first `make_name(n)`, n = 1, 2, ..., that is neither on disk nor in
    `taken`: the casefolded names already chosen in this batch (Windows and
    macOS compare names without case)."""
    for number in range(1, 10_000):
        name = make_name(number)
        if name.casefold() not in taken and not (folder / name).exists():
            return folder / name
    raise ExportWriteError(folder / make_name(1), "no free file name left")


def remove_stale_temp_files(folder: Path, *, now: float | None = None) -> int:
    """Delete leftovers of killed exports in `folder`; returns how many."""
    now = time.time() if now is None else now
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not is_temp_file(entry.name):
            continue
        try:
            if now - entry.stat().st_mtime >= STALE_AFTER_S:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def ensure_folder(folder: Path) -> Path:
    """`folder`, created (with its parents) if missing."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportWriteError(folder, _describe(exc)) from None
    if not folder.is_dir():
        raise ExportWriteError(folder, "not a folder")
    return folder
