"""Editorial Desk's reproducible performance suite: `uv run python -m bench`.

See docs/benchmarks.md. Not part of the installed package; it drives the app
from outside (its services in-process, the desktop app as a child process)."""
