"""Headless commands over the services. Imports no Qt (checked by import-linter).

Errors a user can cause end as one line on stderr and a non-zero exit code,
never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from editorial_desk import __version__
from editorial_desk.domain.errors import EditorialError

PROG = "editorial-desk"
EXIT_ERROR = 1
EXIT_USAGE = 2


class _ArgumentParser(argparse.ArgumentParser):
    """argparse prints usage + a message; we keep it to one line on stderr."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _build_parser() -> argparse.ArgumentParser:
    db_parent = argparse.ArgumentParser(add_help=False)
    db_parent.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=argparse.SUPPRESS,
        help="database file or SQLAlchemy URL (default: $EDITORIAL_DESK_DB or the user data dir)",
    )
    parser = _ArgumentParser(
        prog=PROG,
        description="Editorial Desk: without a command, opens the desktop app.",
        parents=[db_parent],
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_ArgumentParser
    )
    from editorial_desk.commands import COMMAND_MODULES

    for module in COMMAND_MODULES:
        module.register(commands, [db_parent])
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    launch_gui: Callable[[str | None], int] | None = None,
    out=None,  # type: ignore[no-untyped-def]
) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    db = getattr(args, "db", None)
    if args.command is None:
        if launch_gui is None:
            parser.print_help()
            return EXIT_USAGE
        return launch_gui(db)
    out = out or sys.stdout
    try:
        from editorial_desk.store.engine import open_store

        store = open_store(db)
        try:
            return args.run(store, args, out)
        finally:
            store.close()
    except EditorialError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # a bug, not bad input: still one line, details on demand
        if os.environ.get("EDITORIAL_DESK_DEBUG"):
            raise
        print(
            f"{PROG}: internal error: {type(error).__name__}: {error} "
            "(set EDITORIAL_DESK_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_ERROR
