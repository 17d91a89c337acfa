"""Tables (insert, add and remove rows and columns, Tab between cells) and
pictures (stored through the callback, shown, saved as a figure)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from editor_helpers import move, select_text
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextCursor, QTextDocument, QTextFormat

from editorial_desk.domain.errors import ValidationError
from editorial_desk.ui.editor import ArticleEditor, EditorActionId
from editorial_desk.ui.editor.images import MAX_DISPLAY_WIDTH

E = EditorActionId


def test_insert_table_with_header_then_add_row_and_column(
    editor: ArticleEditor, type_text, press
) -> None:
    editor.set_body("<p>Цены:</p>")
    move(editor, QTextCursor.MoveOperation.End)
    editor.action(E.TABLE).trigger()
    dialog = editor.table_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.rows.setValue(2)
    dialog.columns.setValue(2)
    dialog.accept()
    assert editor.current_format().in_table
    assert not editor.action(E.TABLE).isEnabled()  # no tables in tables
    type_text(editor.text_edit(), "Услуга")
    press(Qt.Key.Key_Tab)
    type_text(editor.text_edit(), "Цена")
    press(Qt.Key.Key_Tab)
    type_text(editor.text_edit(), "Каток")
    press(Qt.Key.Key_Tab)
    type_text(editor.text_edit(), "0 ₽")
    press(Qt.Key.Key_Tab)  # Tab in the last cell adds a row
    type_text(editor.text_edit(), "Прокат")
    assert editor.body() == (
        "<p>Цены:</p><table><thead><tr><th>Услуга</th><th>Цена</th></tr></thead>"
        "<tbody><tr><td>Каток</td><td>0 ₽</td></tr><tr><td>Прокат</td><td></td></tr>"
        "</tbody></table>"
    )
    select_text(editor, "Услуга")
    editor.action(E.ADD_COLUMN).trigger()
    editor.action(E.ADD_ROW).trigger()  # below the header: a body row
    assert editor.body() == (
        "<p>Цены:</p><table><thead><tr><th>Услуга</th><th></th><th>Цена</th></tr></thead>"
        "<tbody><tr><td></td><td></td><td></td></tr><tr><td>Каток</td><td></td><td>0 ₽</td></tr>"
        "<tr><td>Прокат</td><td></td><td></td></tr></tbody></table>"
    )


def test_remove_row_and_column_and_the_last_one_removes_the_table(editor: ArticleEditor) -> None:
    editor.set_body(
        "<p>до</p><table><thead><tr><th>A</th><th>B</th></tr></thead>"
        "<tbody><tr><td>1</td><td>2</td></tr></tbody></table><h2>после</h2>"
    )
    select_text(editor, "1")
    editor.action(E.REMOVE_ROW).trigger()
    assert editor.body() == (
        "<p>до</p><table><thead><tr><th>A</th><th>B</th></tr></thead></table><h2>после</h2>"
    )
    select_text(editor, "A")
    editor.action(E.REMOVE_COLUMN).trigger()
    assert (
        editor.body() == "<p>до</p><table><thead><tr><th>B</th></tr></thead></table><h2>после</h2>"
    )
    select_text(editor, "B")
    editor.action(E.REMOVE_ROW).trigger()
    assert editor.body() == "<p>до</p><h2>после</h2>"
    editor.text_edit().undo()
    editor.text_edit().undo()
    editor.text_edit().undo()
    assert editor.body().startswith("<p>до</p><table><thead><tr><th>A</th><th>B</th>")


def test_table_actions_only_in_a_table(editor: ArticleEditor) -> None:
    editor.set_body("<p>текст</p><table><tbody><tr><td>ячейка</td></tr></tbody></table>")
    select_text(editor, "текст")
    assert not editor.action(E.ADD_ROW).isEnabled()
    select_text(editor, "ячейка")
    assert editor.action(E.ADD_ROW).isEnabled()
    assert editor.action(E.REMOVE_COLUMN).isEnabled()


def _png(tmp_path: Path, width: int = 1200, height: int = 800) -> tuple[Path, bytes]:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7bd5"))
    path = tmp_path / "каток.png"
    assert image.save(str(path))
    return path, path.read_bytes()


def test_insert_image_stores_it_through_the_callback(
    editor: ArticleEditor, tmp_path: Path, monkeypatch, type_text
) -> None:
    path, data = _png(tmp_path)
    stored: list[str] = []

    def store_image(file: str) -> tuple[str, bytes]:
        stored.append(file)
        content = Path(file).read_bytes()
        return hashlib.sha256(content).hexdigest(), content

    editor.set_body("<p>Фото:</p>")
    move(editor, QTextCursor.MoveOperation.End)
    assert not editor.action(E.IMAGE).isEnabled()  # nothing to store images with yet
    editor.set_store_image(store_image)
    assert editor.action(E.IMAGE).isEnabled()
    monkeypatch.setattr(editor, "choose_image_file", lambda: str(path))
    editor.action(E.IMAGE).trigger()
    dialog = editor.image_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.caption_edit.setText("Новый каток. Фото: пресс-служба")
    dialog.alt_edit.setText("Каток & «лёд»")
    dialog.accept()
    sha = hashlib.sha256(data).hexdigest()
    assert stored == [str(path)]
    type_text(editor.text_edit(), "Дальше")  # the cursor is in a paragraph after the figure
    assert editor.body() == (
        f'<p>Фото:</p><figure><img src="asset:{sha}" alt="Каток &amp; «лёд»">'
        "<figcaption>Новый каток. Фото: пресс-служба</figcaption></figure><p>Дальше</p>"
    )
    shown = editor.document().resource(
        QTextDocument.ResourceType.ImageResource.value, QUrl(f"asset:{sha}")
    )
    assert isinstance(shown, QImage)
    assert shown.width() <= MAX_DISPLAY_WIDTH * editor.devicePixelRatioF()


def test_insert_image_without_description_uses_the_caption(
    editor: ArticleEditor, tmp_path: Path
) -> None:
    path, data = _png(tmp_path, 40, 30)
    sha = hashlib.sha256(data).hexdigest()
    editor.set_store_image(lambda _file: (sha, data))
    assert editor.insert_image(str(path), "Подпись")
    assert editor.body() == (
        f'<figure><img src="asset:{sha}" alt="Подпись"><figcaption>Подпись</figcaption></figure>'
    )


def test_a_refused_image_shows_the_reason(
    editor: ArticleEditor, tmp_path: Path, message_boxes
) -> None:
    path, _data = _png(tmp_path, 10, 10)

    def refuse(_file: str) -> tuple[str, bytes]:
        raise ValidationError("the image is larger than 25 MB")

    editor.set_store_image(refuse)
    assert not editor.insert_image(str(path), "x")
    assert len(message_boxes.shown) == 1
    assert editor.body() == ""


def test_a_file_that_is_no_picture_is_refused_before_storing(
    editor: ArticleEditor, tmp_path: Path, monkeypatch, message_boxes
) -> None:
    fake = tmp_path / "notes.png"
    fake.write_text("не картинка", encoding="utf-8")
    calls: list[str] = []
    editor.set_store_image(lambda file: calls.append(file) or ("", b""))
    monkeypatch.setattr(editor, "choose_image_file", lambda: str(fake))
    editor.insert_image_from_file()
    assert calls == []
    assert editor.image_dialog is None
    assert "notes.png" in message_boxes.texts()[0]


def test_loaded_images_come_from_the_provider_once(editor: ArticleEditor, tmp_path: Path) -> None:
    _path, data = _png(tmp_path, 50, 40)
    sha = hashlib.sha256(data).hexdigest()
    asked: list[str] = []

    def provider(digest: str) -> bytes | None:
        asked.append(digest)
        return data if digest == sha else None

    editor.set_image_provider(provider)
    missing = "b" * 64
    editor.set_body(
        f'<figure><img src="asset:{sha}" alt="a"></figure>'
        f'<p><img src="asset:{missing}" alt="b"></p>'
    )
    editor.repaint()
    editor.text_edit().viewport().repaint()
    editor.repaint()
    assert sorted(asked) == sorted([sha, missing])  # each asked once, misses not again
    assert isinstance(
        editor.document().resource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(f"asset:{sha}")
        ),
        QImage,
    )
    assert editor.register_image(missing, data)  # arriving late: shown from now on
    assert isinstance(
        editor.document().resource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(f"asset:{missing}")
        ),
        QImage,
    )


def test_a_rule_right_after_a_table_is_drawn_below_it(editor: ArticleEditor) -> None:
    # Qt lays the empty block that follows a table out beside the table; a rule in
    # that block would run from the table's right edge.
    editor.set_body("<table><tbody><tr><td>ячейка</td></tr></tbody></table><hr><p>после</p>")
    document = editor.document()
    layout = document.documentLayout()
    cell = document.find("ячейка").block()
    rule = next(
        block
        for block in _blocks(document)
        if block.blockFormat().hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth)
    )
    assert layout.blockBoundingRect(rule).top() >= layout.blockBoundingRect(cell).bottom()
    assert layout.blockBoundingRect(rule).left() < layout.blockBoundingRect(cell).left()
    assert editor.body() == "<table><tbody><tr><td>ячейка</td></tr></tbody></table><hr><p>после</p>"
    select_text(editor, "после")
    move(editor, QTextCursor.MoveOperation.StartOfBlock)
    editor.action(E.RULE).trigger()  # another one, inserted the same way
    assert editor.body() == (
        "<table><tbody><tr><td>ячейка</td></tr></tbody></table><hr><hr><p>после</p>"
    )


def _blocks(document: QTextDocument):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_enter_after_a_picture_goes_to_its_caption_and_after_the_caption_out(
    editor: ArticleEditor, tmp_path: Path, type_text, press
) -> None:
    _path, data = _png(tmp_path, 30, 20)
    sha = hashlib.sha256(data).hexdigest()
    editor.set_body(
        f'<figure><img src="asset:{sha}" alt="a"><figcaption>Подпись</figcaption></figure>',
        images={sha: data},
    )
    move(editor, QTextCursor.MoveOperation.Start)
    move(editor, QTextCursor.MoveOperation.EndOfBlock)
    press(Qt.Key.Key_Return)
    type_text(editor.text_edit(), "К фото: ")
    move(editor, QTextCursor.MoveOperation.EndOfBlock)
    press(Qt.Key.Key_Return)
    type_text(editor.text_edit(), "Абзац")
    assert editor.body() == (
        f'<figure><img src="asset:{sha}" alt="a"><figcaption>К фото: Подпись</figcaption>'
        "</figure><p>Абзац</p>"
    )
    image = editor.document().begin().begin().fragment().charFormat().toImageFormat()
    assert image.maximumWidth().rawValue() == 100  # never wider than the text
