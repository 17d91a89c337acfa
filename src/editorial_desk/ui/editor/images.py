"""Pictures in the editor: the display copy of an asset, and the dialog that asks
for a caption and a description when a photo is inserted.

The body refers to an image as ``asset:<sha256>``; the editor shows it through
a ``QTextDocument`` image resource under that URL. The resource is a display
copy at most `MAX_DISPLAY_WIDTH` pixels wide (a 24-megapixel photo would
otherwise cost ~100 MB of memory per article), and the loader caps every image
at the text width, so a picture shrinks with a narrow editor and keeps its
aspect ratio.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from editorial_desk.domain.assets import ASSET_SCHEME

translate = QCoreApplication.translate

MAX_DISPLAY_WIDTH: Final = 600
_PREVIEW: Final = QSize(320, 200)


def asset_url(sha256: str) -> str:
    return f"{ASSET_SCHEME}{sha256}"


def display_image(data: bytes, device_pixel_ratio: float = 1.0) -> QImage | None:
    """The picture in `data` scaled down to `MAX_DISPLAY_WIDTH` logical pixels
    (sharp on high-DPI screens), or None if Qt cannot decode it."""
    image = QImage.fromData(data)
    if image.isNull():
        return None
    limit = round(MAX_DISPLAY_WIDTH * device_pixel_ratio)
    if image.width() > limit:
        image = image.scaledToWidth(limit, Qt.TransformationMode.SmoothTransformation)
    image.setDevicePixelRatio(device_pixel_ratio)
    return image


def can_read_image(path: str) -> bool:
    reader = QImageReader(path)
    return reader.canRead()


def figure_html(sha256: str, alt: str, caption: str) -> str:
    """A canonical ``figure`` with the image and, if given, its caption."""
    img = f'<img src="{asset_url(sha256)}"'
    if alt:
        img += f' alt="{html_lib.escape(alt, quote=True)}"'
    img += ">"
    figcaption = f"<figcaption>{html_lib.escape(caption, quote=False)}</figcaption>"
    return f"<figure>{img}{figcaption if caption else ''}</figure>"


@dataclass(frozen=True, slots=True)
class ImageDetails:
    caption: str
    alt: str  # the description; the caption when none was given


class ImageDialog(QDialog):
    """Preview, caption and description of a photo about to be inserted. The
    editor `open()`s it and inserts on `accepted`; tests fill the fields and call
    `accept()`."""

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageDialog")
        self.setWindowTitle(translate("ImageDialog", "Insert Image"))
        self.path = path
        preview = QLabel(self)
        preview.setObjectName("imagePreview")
        preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        reader = QImageReader(path)
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(_PREVIEW, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if not image.isNull():
            preview.setPixmap(QPixmap.fromImage(image))
        self.caption_edit = QLineEdit(self)
        self.caption_edit.setObjectName("imageCaption")
        self.caption_edit.setPlaceholderText(
            translate("ImageDialog", "e.g. The new skating rink. Photo: press service")
        )
        self.caption_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)
        self.alt_edit = QLineEdit(self)
        self.alt_edit.setObjectName("imageAlt")
        self.alt_edit.setPlaceholderText(translate("ImageDialog", "same as the caption"))
        self.alt_edit.setToolTip(
            translate(
                "ImageDialog",
                "What the picture shows, for readers who cannot see it (screen readers)",
            )
        )
        form = QFormLayout()
        form.addRow(translate("ImageDialog", "&Caption:"), self.caption_edit)
        form.addRow(translate("ImageDialog", "&Description:"), self.alt_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(preview)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def details(self) -> ImageDetails:
        caption = " ".join(self.caption_edit.text().split())
        alt = " ".join(self.alt_edit.text().split()) or caption
        return ImageDetails(caption, alt)
