"""Benchmark cases: every module here is imported by `bench.registry.discover()`.

To add a benchmark, add a module (or a function to one) that registers cases with
`@bench.registry.case(...)`; see `bench/registry.py` and docs/benchmarks.md."""
