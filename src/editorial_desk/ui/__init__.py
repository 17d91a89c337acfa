"""The desktop UI (PySide6). The only package that imports Qt; `ui.app` is its
composition root."""

import time

# When the GUI started loading: the reference point of the start-up benchmark's
# `shown-after-ms` (see editorial_desk.ui.app). Set once, never changed.
UI_IMPORTED_AT: float = time.perf_counter()
