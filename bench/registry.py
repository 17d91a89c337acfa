"""The registry of named benchmark cases.

A case is a function taking the run's `Context` and returning its samples (one
number per repetition, in the case's unit), or raising `NotAvailable("reason")`
when the feature it measures does not exist yet. Cases live in modules under
`bench/cases/`; every module there is imported on discovery, so adding a
benchmark is adding a module (or a function to an existing one)::

    from bench.registry import Budget, NotAvailable, Unit, case

    @case("export.docx_450", budget=Budget(0.010), description="DOCX of a 450-word item")
    def docx_450(ctx: Context) -> list[float]:
        ...
        return ctx.time_calls(lambda: export_docx(article), warmup=1)

Never return a made-up number: a missing feature is `NotAvailable`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from bench.context import Context


class NotAvailable(Exception):
    """The measured feature is not there (yet); the table shows "n/a (reason)"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Unit(StrEnum):
    SECONDS = "s"
    BYTES = "B"


@dataclass(frozen=True, slots=True)
class Budget:
    """`limit` in the case's unit, checked against one statistic of the samples."""

    limit: float
    statistic: Literal["median", "max"] = "median"


@dataclass(frozen=True, slots=True)
class Samples:
    """What a case may return instead of a bare list: the samples plus extra facts
    (row counts, the app's own timings, ...) that go into the JSON."""

    values: Sequence[float]
    extra: dict[str, Any] = field(default_factory=dict)


CaseResult = Sequence[float] | Samples
CaseFunc = Callable[["Context"], CaseResult]


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    func: CaseFunc
    unit: Unit
    budget: Budget | None
    description: str


_REGISTRY: dict[str, Case] = {}

# Modules listed here come first in the table, in this order; any other module
# under bench/cases/ follows in alphabetical order.
MODULE_ORDER = ("startup", "article_list", "store", "calendar", "editor", "export")


def case(
    name: str,
    *,
    unit: Unit = Unit.SECONDS,
    budget: Budget | None = None,
    description: str = "",
) -> Callable[[CaseFunc], CaseFunc]:
    """Register the decorated function as the benchmark `name` (unique, dotted)."""

    def register(func: CaseFunc) -> CaseFunc:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise ValueError(f"benchmark case {name!r} is registered twice")
        doc = (func.__doc__ or "").strip().splitlines()
        _REGISTRY[name] = Case(name, func, unit, budget, description or (doc[0] if doc else ""))
        return func

    return register


def discover() -> list[Case]:
    """Import every module of `bench.cases` and return the cases in table order."""
    import bench.cases as package

    found = sorted(info.name for info in pkgutil.iter_modules(package.__path__))
    ordered = [m for m in MODULE_ORDER if m in found] + [m for m in found if m not in MODULE_ORDER]
    for module in ordered:
        importlib.import_module(f"{package.__name__}.{module}")
    by_module = {m: i for i, m in enumerate(ordered)}

    def position(item: tuple[int, Case]) -> tuple[int, int]:
        index, registered = item
        module = registered.func.__module__.rsplit(".", 1)[-1]
        return by_module.get(module, len(by_module)), index

    return [c for _, c in sorted(enumerate(_REGISTRY.values()), key=position)]


def select(cases: Sequence[Case], patterns: Sequence[str]) -> list[Case]:
    """Cases named by `patterns`: an exact name, a group prefix ("list" selects
    "list.all", "list.by_status", ...) or a shell pattern ("*rss*")."""
    from fnmatch import fnmatchcase

    if not patterns:
        return list(cases)
    return [
        c
        for c in cases
        if any(
            c.name == p or c.name.startswith(p.rstrip(".") + ".") or fnmatchcase(c.name, p)
            for p in patterns
        )
    ]
