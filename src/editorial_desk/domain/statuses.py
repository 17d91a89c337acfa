"""Article statuses. The stored value is a stable English identifier; display names
live in the UI's translations."""

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
