"""Article statuses. The stored value is a stable English identifier; the UI's
display names live in its translations. `RUSSIAN_STATUS_NAMES` is for what leaves
the app without Qt (the iCalendar export, ...): the same words as the UI's Russian
translation (a test keeps the two equal)."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    RETURNED = "returned"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    TRASH = "trash"

    @classmethod
    def parse(cls, value: str) -> Status:
        from editorial_desk.domain.errors import ValidationError

        try:
            return cls(value.strip().lower())
        except ValueError:
            known = ", ".join(s.value for s in cls)
            raise ValidationError(f"unknown status {value!r} (known: {known})") from None


RUSSIAN_STATUS_NAMES: dict[Status, str] = {
    Status.DRAFT: "Черновик",
    Status.IN_REVIEW: "На согласовании",
    Status.RETURNED: "Возвращена",
    Status.APPROVED: "Одобрена",
    Status.SCHEDULED: "Запланирована",
    Status.PUBLISHED: "Опубликована",
    Status.TRASH: "В корзине",
}


def russian_status_name(status: Status) -> str:
    return RUSSIAN_STATUS_NAMES[status]
