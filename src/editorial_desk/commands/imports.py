"""`import FILE...`: Word, HTML and text files become drafts.

    editorial-desk import news.docx letter.htm notes.txt

Prints the id of each new draft, one per line, in the order of the files.  Each
file is its own unit of work: a bad file gets one line on stderr and creates
nothing, the other files are still imported, and the exit code is 1 if any file
failed (so a script notices).  What a file lost on the way (a picture in EMF, a
picture on the web) is reported as a warning line on stderr, in the English of
``importers.notices.ENGLISH_TEXTS`` (the table keyed like the UI's translations);
stdout stays ids only.  A refusal prints its English detail (sizes, what the file
looks like), which says more than the UI's one sentence per reason.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from editorial_desk.commands.common import current_user

_PROG = "editorial-desk"  # as cli.PROG; the commands do not import the CLI module


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "import",
        parents=parents,
        help="import .docx, .html/.htm or .txt files as drafts; prints their ids",
    )
    command.add_argument("files", nargs="+", type=Path, metavar="FILE")
    command.set_defaults(run=run_import)


def run_import(store, args: argparse.Namespace, out: TextIO) -> int:  # type: ignore[no-untyped-def]
    from editorial_desk.domain.errors import EditorialError
    from editorial_desk.importers.notices import english_text
    from editorial_desk.services.imports import prepare_import, save_import

    failed = 0
    for path in args.files:
        try:
            # Convert first, outside the transaction: it may take seconds.
            document = prepare_import(path)
            with store.session() as session:
                actor = current_user(session)
                article = save_import(session, actor, document, source_name=path.name)
        except EditorialError as error:
            print(f"{_PROG}: error: {error}", file=sys.stderr)
            failed += 1
            continue
        for warning in document.warnings:
            print(f"{_PROG}: warning: {path}: {english_text(warning)}", file=sys.stderr)
        out.write(f"{article.id}\n")
        out.flush()  # a script reading ids sees each as soon as it exists
    return 1 if failed else 0
