"""Run a conversion in a separate process with a time limit (and, on POSIX, a
memory limit).

Why a process: the guards bound what a file may unpack to, but not how long a
parser may chew on what remains (quadratic corners of a parser, a document built
to be slow).  A thread cannot be stopped from outside in Python; a process can
be killed, and its memory goes back to the system with it.  The cost is a fresh
interpreter per import (0.2-0.3 s, against 20-40 ms for converting a news item),
small next to a user choosing a file, and imports run off the UI thread anyway.

The ``spawn`` start method is used everywhere: it is the only one on Windows (the
office's desktop), and unlike ``fork`` it is safe from a process with threads
(the Qt app).  A frozen build must call ``multiprocessing.freeze_support()`` in
its entry point.  The child imports only this package and its converter (no Qt),
plus whatever the parent's ``__main__`` imports, as every spawned process does:
the app's entry points import nothing heavy.  (A script piped into ``python -``
cannot start spawned children at all; its imports fail as "conversion failed".)

The child sends back ``("ok", document)``, ``("refused", (reason, message))`` or
``("error", text)``: plain data only (the document's warnings are keyed
``ImportNotice``s, the reason a ``RefusalReason`` value), so nothing depends on
how an exception class pickles.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Final, TypeVar

from editorial_desk.domain.errors import ImportRefusedError
from editorial_desk.importers.model import RefusalReason, refuse

DEFAULT_TIME_LIMIT_S: Final = 30.0
# Address-space cap for the child on POSIX.  The guards keep a document's XML
# parts under 16 MB, which mammoth's DOM turns into a few hundred MB at most.
MEMORY_LIMIT_BYTES: Final = 2 * 1024 * 1024 * 1024
_EXIT_GRACE_S: Final = 2.0

T = TypeVar("T")


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the time limit still applies
        return
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = (
            MEMORY_LIMIT_BYTES if hard == resource.RLIM_INFINITY else min(hard, MEMORY_LIMIT_BYTES)
        )
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass  # not permitted here: run without the cap rather than not at all


def _child(sender: Connection, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    _limit_memory()
    try:
        message: tuple[str, Any] = ("ok", function(*args))
    except ImportRefusedError as refusal:
        message = ("refused", (str(refusal.reason), refusal.detail))
    except MemoryError:
        message = (
            "refused",
            (
                RefusalReason.TOO_LARGE.value,
                "the document needs more memory than an import may use",
            ),
        )
    except Exception as error:  # a converter bug or a file it chokes on
        message = ("error", f"{type(error).__name__}: {error}")
    try:
        sender.send(message)
    finally:
        sender.close()


def run_isolated(function: Callable[..., T], *args: Any, time_limit: float) -> T:
    """``function(*args)`` in a child process; ImportRefusedError if it refuses,
    fails, dies, or is still running after ``time_limit`` seconds (then it is killed).

    ``function`` must be importable by name (a module-level function)."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_child, args=(sender, function, args), name="editorial-desk-import", daemon=True
    )
    process.start()
    sender.close()  # the child holds the only writer now: its death means EOF here
    answered = False
    try:
        if not receiver.poll(time_limit):
            raise refuse(
                RefusalReason.TIMEOUT,
                f"converting the document took longer than {time_limit:g} s and was stopped",
            )
        try:
            status, payload = receiver.recv()
        except (EOFError, OSError):
            raise refuse(
                RefusalReason.CONVERSION_FAILED,
                "the converter stopped unexpectedly (the document may be too large or complex)",
            ) from None
        answered = True
    finally:
        receiver.close()
        if answered:
            process.join(_EXIT_GRACE_S)  # it is only closing its pipe and exiting
        if process.is_alive():
            process.kill()
        process.join()
        process.close()
    if status == "ok":
        return payload  # type: ignore[no-any-return]
    if status == "refused":
        reason, message = payload
        raise refuse(RefusalReason(reason), message)
    raise refuse(
        RefusalReason.CONVERSION_FAILED, f"the document could not be converted ({payload})"
    )
