"""The article body editor: `ArticleEditor`, a `QTextEdit` (`BodyEdit`) with its
format toolbar, find/replace bar and live counts.

Wiring it into a window::

    editor = ArticleEditor(store_image=..., image_provider=...)  # callbacks, no DB here
    editor.set_body(article.body)            # canonical HTML in
    editor.modificationChanged.connect(...)  # the document's modified flag
    editor.statsChanged.connect(...)         # EditorStats, 300 ms after typing stops
    menu_bar.addMenu(editor.edit_menu())     # Undo/Redo, Paste as Plain Text, Find...
    menu_bar.addMenu(editor.format_menu())   # headings, B/I/U/S, lists, link, table...
    ...
    body = editor.body()                     # canonical HTML out (on save only)
    editor.set_modified(False)               # after the save

Modules: `actions` (the commands as data + builder), `body_edit` (keys, paste,
images), `formatting`/`lists`/`tables`/`links`/`images`/`fragments` (document
operations and their dialogs), `find_replace`, `stats`, `bench_support` (the
benchmark's measurements). Qt-only, like all of `ui/`.
"""

from __future__ import annotations

from editorial_desk.ui.editor.actions import EditorActionId
from editorial_desk.ui.editor.body_edit import BodyEdit, ImageProvider
from editorial_desk.ui.editor.stats import READING_WORDS_PER_MINUTE, EditorStats
from editorial_desk.ui.editor.widget import ArticleEditor, StoreImage

__all__ = [
    "READING_WORDS_PER_MINUTE",
    "ArticleEditor",
    "BodyEdit",
    "EditorActionId",
    "EditorStats",
    "ImageProvider",
    "StoreImage",
]
