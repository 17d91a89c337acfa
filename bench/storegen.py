"""Generate a reproducible store: five years of a city press office's news.

The schema comes from `open_store` (the app's own migrations); rows go in with
SQLAlchemy Core bulk inserts over the ORM tables, a chunk of articles per
transaction. A generated store is cached by seed, size, schema head and
generator version; the JSON sidecar next to it (`<store>.json`) describes it and
is written last, so a store without a sidecar is never trusted.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from sqlalchemy import insert

from bench.textgen import TextGenerator, load_body_counter, load_sanitizer
from editorial_desk.domain.article import text_search_key

GENERATOR_VERSION: Final = 2

START: Final = datetime(2021, 12, 1, tzinfo=UTC)
TODAY: Final = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # "now" inside the data set
END: Final = datetime(2026, 12, 1, tzinfo=UTC)
HUGE_MIN_WORDS: Final = 20_000
BODY_TARGET_BYTES: Final = 2048
CHUNK: Final = 2000
CHECK_SAMPLE: Final = 60

# (login, display name, role). The app's bench runs log in as APP_LOGIN.
USERS: Final = (
    ("admin", "Администратор системы", "admin"),
    ("n.sokolova", "Наталья Соколова", "reviewer"),
    ("a.ivanova", "Анна Иванова", "editor"),
    ("d.petrov", "Дмитрий Петров", "editor"),
    ("e.smirnova", "Екатерина Смирнова", "editor"),
    ("m.kuznetsov", "Михаил Кузнецов", "editor"),
    ("o.popova", "Ольга Попова", "editor"),
    ("i.vasiliev", "Игорь Васильев", "editor"),
    ("t.morozova", "Татьяна Морозова", "editor"),
    ("s.volkov", "Сергей Волков", "editor"),
    ("v.lebedev", "Виктор Лебедев", "exporter"),
)
APP_LOGIN: Final = "a.ivanova"
_REVIEWER_ID: Final = 2
_EXPORTER_ID: Final = 11
_EDITOR_IDS: Final = tuple(i for i, (_, _, role) in enumerate(USERS, 1) if role == "editor")


@dataclass(frozen=True, slots=True)
class StoreSpec:
    items: int
    seed: int

    @property
    def huge_items(self) -> int:
        return 5 if self.items >= 10_000 else 1

    def file_name(self, schema_head: str) -> str:
        return f"store-seed{self.seed}-n{self.items}-schema{schema_head}-gen{GENERATOR_VERSION}"


@dataclass
class StoreInfo:
    """What was generated; stored as the sidecar JSON and in the results."""

    path: str
    items: int
    seed: int
    schema_head: str
    generator_version: int
    word_counter: str
    sanitizer: str
    generation_s: float
    counts: dict[str, int]
    statuses: dict[str, int]
    unscheduled: int
    huge_article_ids: list[int]
    body_bytes_mean: float
    body_bytes_max: int
    planned_from: str
    planned_to: str
    dataset_today: str
    app_login: str = APP_LOGIN
    checks: dict[str, Any] = field(default_factory=dict)
    cached: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoreInfo:
        return cls(**data)


def schema_head() -> str:
    from editorial_desk.store.migrations import SCHEMA_HEAD

    return str(SCHEMA_HEAD)


def sidecar_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".json")


def store_size(store_path: Path) -> tuple[int, int]:
    """(database file bytes, -wal bytes)."""
    wal = store_path.with_name(store_path.name + "-wal")
    return store_path.stat().st_size, wal.stat().st_size if wal.exists() else 0


def cached_store(
    cache_dir: Path, spec: StoreSpec, log: Callable[[str], None] = print
) -> tuple[Path, StoreInfo]:
    """The cached store for `spec`, generated first if missing or stale."""
    head = schema_head()
    path = cache_dir / (spec.file_name(head) + ".sqlite3")
    sidecar = sidecar_path(path)
    info: StoreInfo | None = None
    if path.exists() and sidecar.exists():
        try:
            info = StoreInfo.from_json(json.loads(sidecar.read_text(encoding="utf-8")))
        except (ValueError, TypeError):  # unreadable or from another generator: regenerate
            info = None
        if (
            info is not None
            and info.schema_head == head
            and info.generator_version == GENERATOR_VERSION
            and info.word_counter == load_body_counter()[0]
            and info.sanitizer == load_sanitizer()[0]
        ):
            info.cached = True
            info.path = str(path)
            log(f"store: cached {path} ({info.items} items)")
            return path, info
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    try:
        info = generate_store(tmp, spec, log)
    except BaseException:
        for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
        raise
    sidecar.unlink(missing_ok=True)
    os.replace(tmp, path)
    info.path = str(path)
    sidecar.write_text(json.dumps(info.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")
    return path, info


# --- the time line of one article -----------------------------------------------------


def _planned(rng: random.Random) -> datetime:
    span_days = (END - START).days
    day = START + timedelta(days=rng.randrange(span_days))
    # Publication slots between 08:00 and 19:45 Moscow time (UTC+3).
    return day + timedelta(hours=rng.randrange(5, 17), minutes=rng.choice((0, 15, 30, 45)))


def _status_for(rng: random.Random, planned: datetime | None) -> str:
    def pick(weights: dict[str, int]) -> str:
        return rng.choices(list(weights), list(weights.values()))[0]

    if planned is None:
        return pick({"draft": 70, "in_review": 10, "returned": 8, "trash": 12})
    if planned > TODAY:
        return pick({"draft": 30, "in_review": 20, "returned": 8, "approved": 17, "scheduled": 25})
    if planned > TODAY - timedelta(days=3):
        return pick({"published": 85, "approved": 5, "in_review": 4, "returned": 3, "draft": 3})
    return pick({"published": 987, "trash": 9, "draft": 4})


def _trail(rng: random.Random, status: str) -> list[str]:
    """The statuses an article went through to reach `status`, starting with draft."""
    if status == "trash":
        before = rng.choice(("draft", "draft", "published"))
        return [*_trail(rng, before), "trash"]
    trail = ["draft"]
    if status == "draft":
        return trail
    trail.append("in_review")
    if status == "in_review":
        return trail
    if status == "returned":
        return [*trail, "returned"]
    if rng.random() < 0.25:
        trail += ["returned", "in_review"]
    trail.append("approved")
    if status == "approved":
        return trail
    trail.append("scheduled")
    if status == "scheduled":
        return trail
    return [*trail, "published"]


def _revision_count(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.60:
        return 1
    if roll < 0.88:
        return 2
    if roll < 0.985:
        return rng.randrange(3, 6)
    return rng.randrange(20, 41)  # a few dozen


def _actor(status: str, author_id: int) -> int:
    if status in ("approved", "returned"):
        return _REVIEWER_ID
    if status in ("scheduled", "published"):
        return _EXPORTER_ID
    return author_id


# --- generation -----------------------------------------------------------------------


@dataclass
class _Rows:
    articles: list[dict[str, Any]] = field(default_factory=list)
    revisions: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)


class _Generator:
    def __init__(self, spec: StoreSpec) -> None:
        self.spec = spec
        self.rng = random.Random(spec.seed)
        self.text = TextGenerator(spec.seed)
        self.statuses: Counter[str] = Counter()
        self.unscheduled = 0
        self.body_bytes_total = 0
        self.body_bytes_max = 0
        self.revisions = 0
        self.changes = 0
        huge_every = spec.items // (spec.huge_items + 1)
        self.huge_ids = {huge_every * (i + 1) for i in range(spec.huge_items)}

    def chunks(self) -> Iterator[_Rows]:
        rows = _Rows()
        for article_id in range(1, self.spec.items + 1):
            self._article(article_id, rows)
            if len(rows.articles) >= CHUNK:
                yield rows
                rows = _Rows()
        if rows.articles:
            yield rows

    def _article(self, article_id: int, rows: _Rows) -> None:
        rng = self.rng
        planned = None if rng.random() < 0.03 else _planned(rng)
        status = _status_for(rng, planned)
        anchor = planned or _planned(rng)
        year = anchor.year
        if article_id in self.huge_ids:
            story = self.text.huge_story(year=year, min_words=HUGE_MIN_WORDS)
        else:
            target = int(min(3600, max(1100, rng.gauss(BODY_TARGET_BYTES, 400)))) - 300
            story = self.text.story(year=year, past=anchor <= TODAY, target_bytes=target)
        body = story.body.html
        rubric = "" if rng.random() < 0.01 else story.topic.rubric
        author_id = rng.choice(_EDITOR_IDS)

        created = min(anchor - timedelta(hours=rng.randrange(2, 240)), TODAY - timedelta(hours=2))
        if status == "published":
            assert planned is not None
            last = planned
        else:
            last = min(
                TODAY - timedelta(minutes=5), created + timedelta(hours=rng.randrange(1, 72))
            )
        trail = _trail(rng, status)
        n_revisions = _revision_count(rng)
        span = last - created

        for number in range(1, n_revisions + 1):
            fraction = number / n_revisions
            rows.revisions.append(
                {
                    "article_id": article_id,
                    "number": number,
                    "article_version": number,
                    "title": story.title,
                    "lead": story.lead,
                    "body": body if number == n_revisions else story.body.prefix(fraction),
                    "author_id": author_id,
                    "created_at": created + span * (0.5 * (number - 1) / n_revisions),
                }
            )
        previous: str | None = None
        for step, to_status in enumerate(trail):
            at = created if step == 0 else created + span * (0.5 + 0.5 * step / (len(trail) - 1))
            rows.changes.append(
                {
                    "article_id": article_id,
                    "user_id": _actor(to_status, author_id),
                    "from_status": previous,
                    "to_status": to_status,
                    "reason": self.text.returned_reason() if to_status == "returned" else "",
                    "created_at": at,
                }
            )
            previous = to_status
        rows.articles.append(
            {
                "id": article_id,
                "title": story.title,
                "title_key": text_search_key(story.title),
                "lead": story.lead,
                "body": body,
                "rubric": rubric,
                "tags": list(story.tags),
                "author_id": author_id,
                "status": status,
                "planned_at": planned,
                "created_at": created,
                "updated_at": last,
                "word_count": story.body.words,
                "version": n_revisions + len(trail) - 1,
            }
        )
        self.statuses[status] += 1
        self.unscheduled += planned is None
        size = len(body.encode())
        self.body_bytes_total += size
        self.body_bytes_max = max(self.body_bytes_max, size)
        self.revisions += n_revisions
        self.changes += len(trail)


def generate_store(path: Path, spec: StoreSpec, log: Callable[[str], None] = print) -> StoreInfo:
    """Create a fresh store at `path` (it must not exist) filled per `spec`."""
    from editorial_desk.store.engine import open_store
    from editorial_desk.store.models import Article, Revision, Rubric, StatusChange, User

    if path.exists():
        raise FileExistsError(path)
    log(f"store: generating {spec.items} items (seed {spec.seed}) into {path} ...")
    started = time.perf_counter()
    gen = _Generator(spec)
    store = open_store(str(path))
    try:
        with store.session() as session:
            session.execute(
                insert(User),
                [
                    {
                        "id": i,
                        "login": login,
                        "display_name": name,
                        "role": role,
                        "created_at": START - timedelta(days=30),
                    }
                    for i, (login, name, role) in enumerate(USERS, 1)
                ],
            )
            session.execute(
                insert(Rubric),
                [{"name": t.rubric, "position": i} for i, t in enumerate(gen.text.topics)],
            )
        done = 0
        for rows in gen.chunks():
            with store.session() as session:
                session.execute(insert(Article), rows.articles)
                session.execute(insert(Revision), rows.revisions)
                session.execute(insert(StatusChange), rows.changes)
            done += len(rows.articles)
            if done % 10_000 < CHUNK or done == spec.items:
                log(f"store: {done}/{spec.items} items, {time.perf_counter() - started:.1f} s")
        with store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    elapsed = time.perf_counter() - started
    info = StoreInfo(
        path=str(path),
        items=spec.items,
        seed=spec.seed,
        schema_head=schema_head(),
        generator_version=GENERATOR_VERSION,
        word_counter=gen.text.counter_name,
        sanitizer=gen.text.sanitizer_name,
        generation_s=round(elapsed, 3),
        counts={
            "articles": spec.items,
            "revisions": gen.revisions,
            "status_changes": gen.changes,
            "users": len(USERS),
            "rubrics": len(gen.text.topics),
        },
        statuses=dict(sorted(gen.statuses.items())),
        unscheduled=gen.unscheduled,
        huge_article_ids=sorted(gen.huge_ids),
        body_bytes_mean=round(gen.body_bytes_total / spec.items, 1),
        body_bytes_max=gen.body_bytes_max,
        planned_from=START.isoformat(),
        planned_to=END.isoformat(),
        dataset_today=TODAY.isoformat(),
    )
    info.checks = check_store(path, spec.seed, also=gen.huge_ids)
    log(
        f"store: generated in {elapsed:.1f} s; "
        f"{sum(store_size(path)) / 2**20:.1f} MiB; checks: {info.checks['summary']}"
    )
    return info


def check_store(path: Path, seed: int, also: Iterable[int] = ()) -> dict[str, Any]:
    """Re-count and re-sanitize a sample of stored bodies with the app's own functions.

    Uses plain sqlite3 so the check does not depend on the store code it checks (not a
    read-only connection: that would leave the -wal and -shm files behind)."""
    counter_name, count = load_body_counter()
    sanitizer_name, sanitize = load_sanitizer()
    rng = random.Random(seed + 1)
    connection = sqlite3.connect(path)
    try:
        (total,) = connection.execute("SELECT count(*) FROM articles").fetchone()
        ids = sorted({*rng.sample(range(1, total + 1), min(CHECK_SAMPLE, total)), *also})
        marks = ",".join("?" * len(ids))
        rows = connection.execute(
            f"SELECT id, body, word_count FROM articles WHERE id IN ({marks})", ids
        ).fetchall()
        (naive,) = connection.execute(
            "SELECT count(*) FROM articles WHERE version < 1 OR created_at IS NULL"
        ).fetchone()
    finally:
        connection.close()
    wrong_counts = [i for i, body, words in rows if count(body) != words]
    not_canonical = [i for i, body, _ in rows if sanitize(body) != body]
    ok = not wrong_counts and not not_canonical and not naive
    return {
        "sampled": len(rows),
        "word_counter": counter_name,
        "sanitizer": sanitizer_name,
        "wrong_word_count_ids": wrong_counts,
        "non_canonical_body_ids": not_canonical,
        "bad_rows": naive,
        "ok": ok,
        "summary": "ok" if ok else "FAILED",
    }


__all__ = [
    "APP_LOGIN",
    "StoreInfo",
    "StoreSpec",
    "cached_store",
    "check_store",
    "generate_store",
    "sidecar_path",
    "store_size",
]
