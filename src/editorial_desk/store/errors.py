"""Turn driver errors into the domain's user-facing store errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc as sa_exc

from editorial_desk.domain.errors import (
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreUnavailableError,
)


def classify_db_error(error: BaseException, location: str) -> StoreError | None:
    text = str(getattr(error, "orig", None) or error).lower()
    if "locked" in text or "busy" in text:
        return StoreLockedError(location)
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return StoreCorruptError(location, text.splitlines()[0] if text else "")
    if "readonly" in text or "read-only" in text:
        return StoreError(location, "the file is read-only for you (check permissions)")
    if "unable to open" in text:
        return StoreError(location, "the file or its folder cannot be opened")
    if isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError):
        first = text.strip().splitlines()[0] if text.strip() else type(error).__name__
        return StoreUnavailableError(location, first)
    return None


@contextmanager
def translate_db_errors(location: str) -> Iterator[None]:
    try:
        yield
    except sa_exc.DBAPIError as error:
        mapped = classify_db_error(error, location)
        if mapped is None:
            raise
        raise mapped from error
