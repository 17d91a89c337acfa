"""Plain value objects the services return. The UI and CLI never see ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from editorial_desk.domain.statuses import Status


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What a list row shows: no body, so listing 50,000 items stays cheap."""

    id: int
    title: str
    status: Status
    rubric: str
    author_name: str
    planned_at: datetime | None
    updated_at: datetime
    word_count: int


@dataclass(frozen=True, slots=True)
class ArticleSnapshot:
    """One article as stored at `version` (or as the user wants to save it)."""

    id: int
    version: int
    title: str
    lead: str
    body: str
    rubric: str
    tags: tuple[str, ...]
    status: Status
    author_login: str
    author_name: str
    planned_at: datetime | None
    created_at: datetime
    updated_at: datetime
    word_count: int = 0


@dataclass(frozen=True, slots=True)
class ArticleChanges:
    """Fields an update may change; None means 'leave as it is'.

    `planned_at` needs a separate flag because None is a meaningful value there
    (unscheduled)."""

    title: str | None = None
    lead: str | None = None
    body: str | None = None
    rubric: str | None = None
    tags: tuple[str, ...] | None = None
    planned_at: datetime | None = None
    change_planned_at: bool = False


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """Filters for listing. Date bounds are aware datetimes, [date_from, date_to)."""

    date_from: datetime | None = None
    date_to: datetime | None = None
    statuses: tuple[Status, ...] = ()
    rubric: str | None = None
    author_login: str | None = None
    include_trash: bool = False
    unscheduled_only: bool = False
    title_contains: str = ""  # case-insensitive for Cyrillic, «ё» matches «е»


class SortKey(StrEnum):
    PLANNED = "planned"
    TITLE = "title"
    STATUS = "status"
    AUTHOR = "author"
    UPDATED = "updated"  # last change first: the calendar's unscheduled tray


@dataclass(frozen=True, slots=True)
class ArticleOrder:
    """How a list is ordered. Unscheduled items come after dated ones either way;
    the id breaks ties so pages never overlap or skip."""

    key: SortKey = SortKey.PLANNED
    descending: bool = True


def text_search_key(text: str) -> str:
    """The form titles are compared, sorted and searched in: case folded (which
    SQLite's lower() and LIKE do not do for Cyrillic) and «ё» read as «е», as in
    Russian dictionaries and as users type."""
    return " ".join(text.casefold().replace("ё", "е").split())
