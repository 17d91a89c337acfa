"""The recovery journal: unsaved edits kept on the local disk, so a crash, a kill
or a power cut loses at most the last second or two of typing.

One small JSON file per open article, written atomically (temporary file in the
same folder, fsync, os.replace), in the user's state folder and separate per
database, so two offices' stores never mix. The journal is local on purpose:
unsaved text is personal until the user saves it, even on a shared PostgreSQL
store. An explicit save removes the entry; what is left at start-up was not saved.

Entries written by an older version (without `tags`) are still read: a field
added to `RecoveryEntry` always has a default, and unknown fields from a newer
version are ignored rather than making the entry unreadable.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path

from platformdirs import user_state_dir

from editorial_desk.domain.timeutil import utc_now

JOURNAL_VERSION = 2  # 2: tags


@dataclass(frozen=True, slots=True)
class RecoveryEntry:
    key: str  # "article-<id>" or "new-<random>" for an article never saved
    article_id: int | None
    base_version: int | None  # the stored version the edits started from
    title: str
    lead: str
    body: str  # canonical body format
    rubric: str
    planned_at: str | None  # ISO 8601 with zone, or None
    saved_at: str  # when the journal was written (ISO, UTC)
    tags: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, object]) -> RecoveryEntry:
        """An entry from its JSON object, of this or an older journal version."""
        known = {f.name for f in fields(cls)}
        values = {name: value for name, value in data.items() if name in known}
        tags = values.get("tags")
        if isinstance(tags, list):
            values["tags"] = tuple(str(tag) for tag in tags)
        return cls(**values)  # type: ignore[arg-type]

    @property
    def is_new(self) -> bool:
        """Never saved: restoring it creates the article."""
        return self.article_id is None

    @property
    def saved_datetime(self) -> datetime:
        return datetime.fromisoformat(self.saved_at)

    @property
    def planned_datetime(self) -> datetime | None:
        return datetime.fromisoformat(self.planned_at) if self.planned_at else None


def journal_folder(database_location: str) -> Path:
    """The journal folder for one database (path or URL without password)."""
    digest = hashlib.sha256(database_location.encode("utf-8")).hexdigest()[:16]
    return Path(user_state_dir("editorial-desk", appauthor=False)) / "recovery" / digest


class RecoveryJournal:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in key)
        return self.folder / f"{safe}.json"

    def write(self, entry: RecoveryEntry) -> Path:
        """Replace the entry for `entry.key` atomically (never a half-written file)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"journal_version": JOURNAL_VERSION, **asdict(entry)}
        payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
        target = self._path(entry.key)
        fd, temp_name = tempfile.mkstemp(prefix=".~", suffix=".part", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp_name, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise
        return target

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def discard(self, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(key).unlink()

    def entries(self) -> list[RecoveryEntry]:
        """Every readable entry, oldest first. A damaged file is skipped, not fatal
        (and kept on disk for a human to look at)."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.glob("*.json"):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if not isinstance(data, dict):
                    continue
                found.append(RecoveryEntry.from_json(data))
            except (OSError, ValueError, TypeError):
                continue
        return sorted(found, key=lambda entry: entry.saved_at)


def now_iso() -> str:
    return utc_now().isoformat()
