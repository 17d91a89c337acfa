"""What a benchmark case gets: the options, the (lazily generated) store, a scratch
directory, timing helpers, and a memo for work several cases share."""

from __future__ import annotations

import gc
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast

from bench.procs import ProcessRun, run_measured
from bench.registry import NotAvailable, Samples
from bench.storegen import StoreInfo, StoreSpec, cached_store, generate_store, store_size

if TYPE_CHECKING:
    from bench.textgen import TextGenerator
    from editorial_desk.store.engine import Store

BENCH_DIR: Final = Path(__file__).resolve().parent
REPO_ROOT: Final = BENCH_DIR.parent
CACHE_DIR: Final = BENCH_DIR / ".cache"
CHILD_RESULT_PREFIX: Final = "bench-result="

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Options:
    quick: bool
    items: int
    repeats: int
    seed: int
    only: tuple[str, ...]
    out: Path
    keep_store: bool
    timeout_s: float
    use_cache: bool


@dataclass(frozen=True, slots=True)
class StoreHandle:
    path: Path  # the working copy the benchmarks use (never the cache itself)
    info: StoreInfo
    prepared_bytes: int  # file + -wal right after it was generated or copied


class Context:
    def __init__(self, options: Options, log: Callable[[str], None] = print) -> None:
        self.options = options
        self.log = log
        self.work_dir = Path(tempfile.mkdtemp(prefix="editorial-desk-bench-"))
        self._store: StoreHandle | None = None
        self._text: TextGenerator | None = None
        self._memo: dict[str, Any] = {}

    @property
    def repeats(self) -> int:
        return self.options.repeats

    @property
    def quick(self) -> bool:
        return self.options.quick

    # -- the store

    @property
    def store(self) -> StoreHandle:
        """The benchmark store, generated (or taken from the cache) on first use."""
        return self.prepare_store()

    def prepare_store(self) -> StoreHandle:
        if self._store is None:
            self._store = self._prepare_store()
        return self._store

    @property
    def store_prepared(self) -> bool:
        return self._store is not None

    def _prepare_store(self) -> StoreHandle:
        spec = StoreSpec(items=self.options.items, seed=self.options.seed)
        target = self.work_dir / "store.sqlite3"
        if self.options.use_cache:
            source, info = cached_store(CACHE_DIR, spec, self.log)
            shutil.copyfile(source, target)
        else:
            info = generate_store(target, spec, self.log)
        if not info.checks.get("ok", False):
            self.log(f"store: WARNING, self-check failed: {info.checks}")
        return StoreHandle(target, info, sum(store_size(target)))

    @contextmanager
    def open_store(self) -> Iterator[Store]:
        """The app's `open_store` over the working copy, closed afterwards."""
        from editorial_desk.store.engine import open_store

        store = open_store(str(self.store.path))
        try:
            yield store
        finally:
            store.close()

    @property
    def text(self) -> TextGenerator:
        """The seeded text generator, for sample bodies (`text.body_of_words(450)`)."""
        if self._text is None:
            from bench.textgen import TextGenerator

            self._text = TextGenerator(self.options.seed)
        return self._text

    # -- measuring

    def time_calls(
        self,
        func: Callable[[], object],
        *,
        repeats: int | None = None,
        warmup: int = 1,
        inner: int = 1,
    ) -> list[float]:
        """Seconds per call of `func`: `repeats` samples (default: the run's), each the
        mean over `inner` back-to-back calls, after `warmup` unmeasured calls.
        A full garbage collection runs before each sample, not inside it."""
        for _ in range(warmup):
            func()
        samples = []
        for _ in range(repeats or self.repeats):
            gc.collect()
            started = time.perf_counter()
            for _ in range(inner):
                func()
            samples.append((time.perf_counter() - started) / inner)
        return samples

    def shared(self, key: str, compute: Callable[[], T]) -> T:
        """`compute()` once per run, shared by every case asking for `key`; a
        `NotAvailable` (or any error) is remembered and raised again too."""
        if key not in self._memo:
            try:
                self._memo[key] = (True, compute())
            except Exception as exc:
                self._memo[key] = (False, exc)
        ok, value = self._memo[key]
        if not ok:
            raise value
        return cast(T, value)

    # -- child processes

    def child_env(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        """Environment for app/Qt children: offscreen, bytecode cached, the store's
        user, and every user directory (settings, caches) inside the scratch directory."""
        env = dict(os.environ)
        env.pop("EDITORIAL_DESK_DB", None)
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["PYTHONUNBUFFERED"] = "1"
        # An installed app runs from compiled bytecode. Without this, a machine with
        # PYTHONDONTWRITEBYTECODE=1 would recompile SQLAlchemy & co. in every child
        # and the start-up figures would mostly measure the compiler. The warm-up
        # run fills the cache; it lives in the scratch directory, never in the repo.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(self.work_dir / "pycache")
        if self._store is not None:
            env["EDITORIAL_DESK_USER"] = self._store.info.app_login
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            path = self.work_dir / "xdg" / var.removeprefix("XDG_").removesuffix("_HOME").lower()
            path.mkdir(parents=True, exist_ok=True)
            env[var] = str(path)
        env["HOME"] = str(self.work_dir / "xdg")
        env.update(extra or {})
        return env

    def run_process(
        self,
        argv: list[str],
        *,
        env: Mapping[str, str] | None = None,
        timeout_s: float | None = None,
    ) -> ProcessRun:
        return run_measured(
            argv,
            env=env if env is not None else self.child_env(),
            timeout_s=timeout_s or self.options.timeout_s,
            cwd=self.work_dir,
        )

    def run_in_child(self, target: str, **kwargs: Any) -> Samples:
        """Run `module:function(**kwargs)` in a fresh Python process (offscreen Qt,
        scratch user dirs) and return its samples. The function returns a list of
        floats or a dict with "samples" and optional "extra"; it may raise
        `NotAvailable`, which is passed on. For cases that need a QApplication:
        the benchmark's own process stays free of Qt."""
        argv = [sys.executable, "-m", "bench.child", target, json.dumps(kwargs)]
        env = self.child_env({"PYTHONPATH": _with_repo_root(os.environ.get("PYTHONPATH"))})
        run = self.run_process(argv, env=env)
        if run.timed_out:
            raise RuntimeError(f"{target} did not finish within {self.options.timeout_s} s")
        for _, line in reversed(run.lines):
            if line.startswith(CHILD_RESULT_PREFIX):
                result = json.loads(line.removeprefix(CHILD_RESULT_PREFIX))
                break
        else:
            raise RuntimeError(f"{target} exited with {run.returncode}:\n{run.tail()}")
        if "not_available" in result:
            raise NotAvailable(result["not_available"])
        if "error" in result:
            raise RuntimeError(f"{target}: {result['error']}")
        return Samples(result["samples"], result.get("extra", {}))

    def close(self) -> None:
        if self.options.keep_store:
            self.log(f"kept: {self.work_dir}")
        else:
            shutil.rmtree(self.work_dir, ignore_errors=True)


def _with_repo_root(pythonpath: str | None) -> str:
    parts = [str(REPO_ROOT), *(pythonpath.split(os.pathsep) if pythonpath else [])]
    return os.pathsep.join(parts)
