"""The CLI's sub-commands, one module per area. Each module has
`register(commands, parents)`, which adds its sub-parsers and sets `run` on each:
`run(store, args, out) -> exit code`. Add a module here to add commands."""

from __future__ import annotations

from types import ModuleType

from editorial_desk.commands import articles, calendar, export, imports, office, review

COMMAND_MODULES: tuple[ModuleType, ...] = (articles, calendar, export, imports, office, review)
