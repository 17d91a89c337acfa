"""Editorial Desk: a desktop editorial workstation for press offices."""

# The single source of the version (pyproject.toml reads it from here): a plain
# constant, because asking importlib.metadata costs ~25 ms of every start-up.
__version__ = "0.1.0"
