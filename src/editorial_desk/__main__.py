"""Entry point of the `editorial-desk` command and of `python -m editorial_desk`.

Without a sub-command it opens the desktop app; with one it runs the headless CLI.
This module is the only place that knows both: the CLI never imports Qt, and the
GUI is imported only when it is really wanted (keeps `--version` and scripts fast).
"""

from __future__ import annotations

import sys


def _launch_gui(db: str | None) -> int:
    from editorial_desk.ui.app import run_app

    return run_app(db=db)


def main(argv: list[str] | None = None) -> int:
    # Imports convert in a worker process; a frozen Windows build needs this first.
    import multiprocessing

    multiprocessing.freeze_support()
    from editorial_desk.cli import main as cli_main

    return cli_main(argv, launch_gui=_launch_gui)


if __name__ == "__main__":
    sys.exit(main())
