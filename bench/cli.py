"""`python -m bench`: generate (or reuse) the store, run the cases, print the table,
write the JSON. Exit 0 when every case ran or was n/a, 1 when a case failed or the
store's self-check failed (a budget miss is a figure, not a failure), 2 on bad usage."""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.context import BENCH_DIR, REPO_ROOT, Context, Options
from bench.registry import Case, NotAvailable, Samples, discover, select
from bench.report import RESULTS_SCHEMA, Outcome, machine_info, table, write_results

FULL_ITEMS = 50_000
QUICK_ITEMS = 2_000
FULL_REPEATS = 10
QUICK_REPEATS = 2
DEFAULT_SEED = 20_211_201
DEFAULT_OUT = BENCH_DIR / "results"


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Editorial Desk performance suite (see docs/benchmarks.md).",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK_ITEMS} items in a temporary store, {QUICK_REPEATS} repeats (smoke run)",
    )
    parser.add_argument("--items", type=_positive, help=f"store size (default {FULL_ITEMS})")
    parser.add_argument(
        "--repeats", type=_positive, help=f"samples per case (default {FULL_REPEATS})"
    )
    parser.add_argument(
        "--only",
        metavar="NAME[,NAME]",
        help="run only these cases: names, group prefixes (list) or patterns (*rss*)",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="results directory (default bench/results)"
    )
    parser.add_argument(
        "--keep-store",
        action="store_true",
        help="keep the scratch directory with the working store and print its path",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    parser.add_argument(
        "--timeout", type=float, default=60.0, help="seconds before a child process is killed"
    )
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    return parser


def _options(args: argparse.Namespace) -> Options:
    return Options(
        quick=args.quick,
        items=args.items or (QUICK_ITEMS if args.quick else FULL_ITEMS),
        repeats=args.repeats or (QUICK_REPEATS if args.quick else FULL_REPEATS),
        seed=args.seed,
        only=tuple(p.strip() for p in (args.only or "").split(",") if p.strip()),
        out=args.out,
        keep_store=args.keep_store,
        timeout_s=args.timeout,
        use_cache=not args.quick,
    )


def run_case(ctx: Context, case: Case) -> Outcome:
    started = time.perf_counter()
    try:
        result = case.func(ctx)
    except NotAvailable as exc:
        return Outcome(case, "n/a", reason=exc.reason, elapsed_s=time.perf_counter() - started)
    except Exception as exc:
        traceback.print_exc()
        reason = f"{type(exc).__name__}: {exc}"
        return Outcome(case, "error", reason=reason, elapsed_s=time.perf_counter() - started)
    samples = result if isinstance(result, Samples) else Samples(result)
    return Outcome(
        case,
        "ok",
        samples=[float(v) for v in samples.values],
        extra=samples.extra,
        elapsed_s=time.perf_counter() - started,
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    cases = discover()
    if args.list:
        for c in cases:
            print(f"{c.name:<28} {c.description}")
        return 0
    options = _options(args)
    chosen = select(cases, options.only)
    if not chosen:
        print(f"python -m bench: error: no case matches --only {args.only}", file=sys.stderr)
        return 2

    started_at = datetime.now(UTC)
    began = time.perf_counter()
    ctx = Context(options, log=lambda message: print(message, flush=True))
    outcomes: list[Outcome] = []
    try:
        ctx.prepare_store()  # before any case is timed
        for c in chosen:
            print(f"bench: {c.name} ...", flush=True)
            outcomes.append(run_case(ctx, c))
        store = ctx.store.info if ctx.store_prepared else None
    finally:
        ctx.close()

    print()
    print(table(outcomes))
    payload: dict[str, Any] = {
        "schema": RESULTS_SCHEMA,
        "started_at": started_at.isoformat(),
        "duration_s": round(time.perf_counter() - began, 3),
        "argv": sys.argv[1:] if argv is None else argv,
        "options": {
            "quick": options.quick,
            "items": options.items,
            "repeats": options.repeats,
            "seed": options.seed,
            "only": list(options.only),
        },
        "machine": machine_info(REPO_ROOT),
        "store": asdict(store) if store else None,
        "cases": {o.case.name: o.to_json() for o in outcomes},
    }
    written = write_results(options.out, payload, started_at)
    print()
    if store:
        how = "cached" if store.cached else f"generated in {store.generation_s:.1f} s"
        print(f"store: {store.items} items, {how}, self-check {store.checks.get('summary')}")
    print(f"results: {written} (and latest.json)")
    failed = [o.case.name for o in outcomes if o.status == "error"]
    if failed:
        print(f"bench: failed cases: {', '.join(failed)}", file=sys.stderr)
    if store and not store.checks.get("ok", False):
        print("bench: the generated store failed its self-check", file=sys.stderr)
        return 1
    return 1 if failed else 0
