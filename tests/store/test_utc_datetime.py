"""UTCDateTime on SQLite: aware UTC out, whatever form the stored value has."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select, text

from editorial_desk.store.types import UTCDateTime


@pytest.fixture
def table_and_engine():
    engine = create_engine("sqlite://")
    metadata = MetaData()
    table = Table(
        "t", metadata, Column("id", Integer, primary_key=True), Column("at", UTCDateTime())
    )
    metadata.create_all(engine)
    yield table, engine
    engine.dispose()


def test_round_trip_gives_aware_utc(table_and_engine):
    table, engine = table_and_engine
    moscow = timezone(timedelta(hours=3))
    with engine.begin() as conn:
        conn.execute(
            insert(table),
            [
                {"id": 1, "at": datetime(2026, 11, 27, 0, 30, 15, 123456, tzinfo=moscow)},
                {"id": 2, "at": None},
            ],
        )
        stored = conn.execute(text("SELECT at FROM t WHERE id = 1")).scalar_one()
        rows = dict(conn.execute(select(table.c.id, table.c.at)).all())
    assert stored == "2026-11-26 21:30:15.123456"  # naive UTC text on SQLite
    assert rows[1] == datetime(2026, 11, 26, 21, 30, 15, 123456, tzinfo=UTC)
    assert rows[1].utcoffset() == timedelta(0)
    assert rows[2] is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-11-26 21:30:00", datetime(2026, 11, 26, 21, 30, tzinfo=UTC)),
        # text written by something else, with its own offset: converted, not mangled
        ("2026-11-27 00:30:00+03:00", datetime(2026, 11, 26, 21, 30, tzinfo=UTC)),
    ],
)
def test_other_stored_forms_read_as_utc(table_and_engine, raw, expected):
    table, engine = table_and_engine
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO t (id, at) VALUES (1, :raw)"), {"raw": raw})
        value = conn.execute(select(table.c.at)).scalar_one()
    assert value == expected and value.utcoffset() == timedelta(0)


def test_naive_values_are_refused(table_and_engine):
    table, engine = table_and_engine
    with pytest.raises(Exception, match="naive"), engine.begin() as conn:
        conn.execute(insert(table), {"id": 1, "at": datetime(2026, 11, 26, 21, 30)})
