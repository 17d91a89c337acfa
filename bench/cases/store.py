"""The store itself: size on disk and the cost of opening it."""

from __future__ import annotations

from bench.context import Context
from bench.registry import Samples, Unit, case
from bench.storegen import store_size


@case(
    "store.size",
    unit=Unit.BYTES,
    description="database file + -wal of the benchmark store, after the cases above",
)
def size(ctx: Context) -> Samples:
    database, wal = store_size(ctx.store.path)
    return Samples(
        [float(database + wal)],
        {"file_bytes": database, "wal_bytes": wal, "generated_bytes": ctx.store.prepared_bytes},
    )


@case("store.open", description="open_store() (inspect, no migration) and close")
def open_close(ctx: Context) -> list[float]:
    from editorial_desk.store.engine import open_store

    path = str(ctx.store.path)

    def call() -> None:
        store = open_store(path)
        with store.session() as session:
            session.connection()
        store.close()

    return ctx.time_calls(call, warmup=1)
