"""Icons of the editor's actions: the desktop theme's where it has one (so the
toolbar looks native on Linux desktops), otherwise Material Design Icons from
qtawesome, which is imported only here, on first use (it loads an icon font:
about 0.15 s once, so it stays out of the app's import-time path)."""

from __future__ import annotations

from typing import Final

from PySide6.QtGui import QIcon

# name -> (freedesktop theme icon, qtawesome icon)
_ICONS: Final[dict[str, tuple[str, str]]] = {
    "undo": ("edit-undo", "mdi6.undo"),
    "redo": ("edit-redo", "mdi6.redo"),
    "paste-plain": ("edit-paste", "mdi6.clipboard-text-outline"),
    "find": ("edit-find", "mdi6.magnify"),
    "replace": ("edit-find-replace", "mdi6.find-replace"),
    "paragraph": ("", "mdi6.format-paragraph"),
    "heading-2": ("", "mdi6.format-header-2"),
    "heading-3": ("", "mdi6.format-header-3"),
    "bold": ("format-text-bold", "mdi6.format-bold"),
    "italic": ("format-text-italic", "mdi6.format-italic"),
    "underline": ("format-text-underline", "mdi6.format-underline"),
    "strike": ("format-text-strikethrough", "mdi6.format-strikethrough-variant"),
    "bullets": ("format-list-unordered", "mdi6.format-list-bulleted"),
    "numbers": ("format-list-ordered", "mdi6.format-list-numbered"),
    "indent": ("format-indent-more", "mdi6.format-indent-increase"),
    "outdent": ("format-indent-less", "mdi6.format-indent-decrease"),
    "quote": ("", "mdi6.format-quote-open"),
    "link": ("insert-link", "mdi6.link-variant"),
    "image": ("insert-image", "mdi6.image-outline"),
    "table": ("insert-table", "mdi6.table"),
    "rule": ("", "mdi6.minus"),
    "row-add": ("", "mdi6.table-row-plus-after"),
    "column-add": ("", "mdi6.table-column-plus-after"),
    "row-remove": ("", "mdi6.table-row-remove"),
    "column-remove": ("", "mdi6.table-column-remove"),
    "clear": ("format-text-clear", "mdi6.format-clear"),
    "close": ("window-close", "mdi6.close"),
    "up": ("go-up", "mdi6.chevron-up"),
    "down": ("go-down", "mdi6.chevron-down"),
}


def editor_icon(name: str) -> QIcon:
    """The icon called `name` in the table above; an empty icon for an unknown name
    (the action then shows its text)."""
    theme, awesome = _ICONS.get(name, ("", ""))
    if theme and QIcon.hasThemeIcon(theme):
        return QIcon.fromTheme(theme)
    if not awesome:
        return QIcon()
    try:
        import qtawesome
    except ImportError:  # an install without the optional icon font: text buttons
        return QIcon()
    return qtawesome.icon(awesome)
