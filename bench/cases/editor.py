"""The article editor (not built yet). `ctx.store.info.huge_article_ids` lists the
20,000-word items of the store; run Qt measurements through `ctx.run_in_child`."""

from __future__ import annotations

from typing import Final

from bench.context import Context
from bench.probe import pending
from bench.registry import Budget, case

_MODULES: Final = ("editorial_desk.ui.editor", "editorial_desk.ui.article_editor")


@case(
    "editor.open_20k",
    budget=Budget(0.050),
    description="open a 20,000-word article in the editor",
)
def open_20k(ctx: Context) -> list[float]:
    pending("the article editor", _MODULES, "editor")


@case("editor.keystroke", budget=Budget(0.001), description="one typed character, median")
def keystroke(ctx: Context) -> list[float]:
    pending("the article editor", _MODULES, "editor")


@case("editor.autosave", budget=Budget(0.010), description="autosave of an edited article")
def autosave(ctx: Context) -> list[float]:
    pending("autosave in the editor", _MODULES, "editor")
