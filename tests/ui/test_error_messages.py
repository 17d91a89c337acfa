from __future__ import annotations

from datetime import UTC, datetime

import pytest

from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.errors import (
    ConflictError,
    EditorialError,
    NotFoundError,
    NotOurStoreError,
    PermissionDeniedError,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreTooNewError,
    StoreUnavailableError,
    ValidationError,
)
from editorial_desk.domain.statuses import Status
from editorial_desk.ui.error_messages import message_for, unexpected_error_message

LOCATION = "/home/anna/Документы/desk.sqlite3"

STORE_ERRORS = [
    StoreLockedError(LOCATION),
    StoreCorruptError(LOCATION, "file is not a database"),
    StoreTooNewError(LOCATION, "0099"),
    NotOurStoreError(LOCATION, "it has other tables: invoices"),
    StoreUnavailableError(LOCATION, "connection refused"),
    StoreError(LOCATION, "the file is read-only for you"),
]


@pytest.mark.parametrize("error", STORE_ERRORS, ids=lambda e: type(e).__name__)
def test_store_errors_name_the_file(qapp, error: StoreError) -> None:
    message = message_for(error)
    assert LOCATION in message.text
    assert message.title == "Cannot open the database"


def test_each_store_error_type_has_its_own_text(qapp) -> None:
    texts = {message_for(error).text.replace(LOCATION, "") for error in STORE_ERRORS}
    assert len(texts) == len(STORE_ERRORS)


def test_details_are_kept(qapp) -> None:
    assert message_for(StoreCorruptError(LOCATION, "file is not a database")).details == (
        "file is not a database"
    )
    assert "0099" in message_for(StoreTooNewError(LOCATION, "0099")).text


def _snapshot(version: int, title: str) -> ArticleSnapshot:
    now = datetime(2024, 5, 1, tzinfo=UTC)
    return ArticleSnapshot(
        1, version, title, "", "", "", (), Status.DRAFT, "a", "Анна", None, now, now
    )


def test_other_errors(qapp) -> None:
    assert "статья" not in message_for(NotFoundError("article", 7)).text  # English source
    assert "article" in message_for(NotFoundError("article", 7)).text
    assert "7" in message_for(NotFoundError("article", 7)).text
    assert "empty" in message_for(ValidationError("the title must not be empty")).details
    assert message_for(PermissionDeniedError("no")).title == "Not allowed"
    conflict = message_for(ConflictError(_snapshot(1, "Моё"), _snapshot(2, "Их")))
    assert "version 2" in conflict.text and "version 1" in conflict.text


def test_unknown_subclass_falls_back_to_its_nearest_base(qapp) -> None:
    class SomeNewStoreError(StoreLockedError):
        pass

    class SomethingElse(EditorialError):
        pass

    assert (
        message_for(SomeNewStoreError(LOCATION)).text
        == message_for(StoreLockedError(LOCATION)).text
    )
    assert message_for(SomethingElse("plain words")).text == "plain words"


def test_unexpected_error_has_no_traceback(qapp) -> None:
    message = unexpected_error_message(RuntimeError("boom"))
    assert message.details == "RuntimeError: boom"
    assert "Traceback" not in message.text
