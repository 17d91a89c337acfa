"""Tables in the editor: the Insert Table dialog, and rows and columns added or
removed at the cursor.

A new table is made from canonical HTML (so it looks and saves exactly like a
loaded one); row and column edits keep the ``ui.body_convert`` cell properties
right: header cells (``CELL_HEADER``), the table's header row count, and the
row-group marks (``ROW_GROUP``) that only the first cell of a row carries.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor, QTextTable, QTextTableCell, QTextTableCellFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editorial_desk.ui.body_convert import CELL_HEADER, CELL_PADDING, ROW_GROUP

translate = QCoreApplication.translate

MAX_ROWS = 200
MAX_COLUMNS = 20


@dataclass(frozen=True, slots=True)
class TableShape:
    rows: int  # all rows, the header row included
    columns: int
    header: bool  # the first row is a header row (th cells in thead)


def table_html(shape: TableShape) -> str:
    """A canonical empty table of `shape`."""
    rows = max(shape.rows, 1)
    columns = max(shape.columns, 1)
    head = ""
    body_rows = rows
    if shape.header:
        head = "<thead><tr>" + "<th></th>" * columns + "</tr></thead>"
        body_rows -= 1
    body = ""
    if body_rows:
        body = "<tbody>" + ("<tr>" + "<td></td>" * columns + "</tr>") * body_rows + "</tbody>"
    return f"<table>{head}{body}</table>"


class InsertTableDialog(QDialog):
    """Rows, columns and whether the first row is a header. Not run with `exec()`:
    the editor `open()`s it and inserts on `accepted`; tests set the fields and
    call `accept()`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insertTableDialog")
        self.setWindowTitle(translate("TableDialog", "Insert Table"))
        self.rows = QSpinBox(self)
        self.rows.setObjectName("tableRows")
        self.rows.setRange(1, MAX_ROWS)
        self.rows.setValue(3)
        self.columns = QSpinBox(self)
        self.columns.setObjectName("tableColumns")
        self.columns.setRange(1, MAX_COLUMNS)
        self.columns.setValue(3)
        self.header = QCheckBox(translate("TableDialog", "First row is a &header"), self)
        self.header.setObjectName("tableHeader")
        self.header.setChecked(True)
        form = QFormLayout()
        form.addRow(translate("TableDialog", "&Rows:"), self.rows)
        form.addRow(translate("TableDialog", "&Columns:"), self.columns)
        form.addRow("", self.header)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def shape(self) -> TableShape:
        return TableShape(self.rows.value(), self.columns.value(), self.header.isChecked())


# ---------------------------------------------------------------------------
# Rows and columns at the cursor
# ---------------------------------------------------------------------------


def _origin(table: QTextTable, row: int, column: int) -> QTextTableCell | None:
    """The cell that starts at (row, column), None inside a merged cell."""
    cell = table.cellAt(row, column)
    if cell.isValid() and cell.row() == row and cell.column() == column:
        return cell
    return None


def _is_header(cell: QTextTableCell) -> bool:
    return cell.format().boolProperty(CELL_HEADER)


def _new_cell_format(template: QTextTableCell | None) -> QTextTableCellFormat:
    """A fresh cell like `template` (th or td), without spans, marks or padding flags."""
    if template is None or not _is_header(template):
        return QTextTableCellFormat()
    fmt = template.format().toTableCellFormat()
    fmt.clearProperty(ROW_GROUP)
    fmt.clearProperty(CELL_PADDING)
    return fmt


def _marker(table: QTextTable, row: int) -> str:
    cell = _origin(table, row, 0)
    return cell.format().stringProperty(ROW_GROUP) if cell is not None else ""


def _set_marker(table: QTextTable, row: int, marker: str) -> None:
    cell = _origin(table, row, 0)
    if cell is None:
        return
    fmt = cell.format().toTableCellFormat()
    if marker:
        fmt.setProperty(ROW_GROUP, marker)
    else:
        fmt.clearProperty(ROW_GROUP)
    cell.setFormat(fmt)


def _format_row(table: QTextTable, row: int, template_row: int | None) -> None:
    for column in range(table.columns()):
        cell = _origin(table, row, column)
        if cell is None:
            continue
        template = _origin(table, template_row, column) if template_row is not None else None
        cell.setFormat(_new_cell_format(template))


def add_row(cursor: QTextCursor) -> bool:
    """Add an empty row below the cursor's row (a header row inside the header)."""
    table = cursor.currentTable()
    if table is None:
        return False
    cell = table.cellAt(cursor)
    row = cell.row() + cell.rowSpan()
    tfmt = table.format()
    header_rows = tfmt.headerRowCount()
    cursor.beginEditBlock()
    try:
        table.insertRows(row, 1)
        if row < header_rows:
            tfmt.setHeaderRowCount(header_rows + 1)
            table.setFormat(tfmt)
            _format_row(table, row, row - 1)
        elif row == header_rows and header_rows > 0:
            # The first body row now: it takes over the body's row-group mark, so
            # the body stays one <tbody>; its cells are like the body row below.
            below = row + 1 if row + 1 < table.rows() else None
            _format_row(table, row, below)
            if below is not None and _marker(table, below):
                _set_marker(table, row, _marker(table, below))
                _set_marker(table, below, "")
        else:
            _format_row(table, row, row - 1 if row > 0 else None)
    finally:
        cursor.endEditBlock()
    return True


def add_column(cursor: QTextCursor) -> bool:
    """Add an empty column right of the cursor's column: a header cell in rows made
    only of header cells, a data cell elsewhere."""
    table = cursor.currentTable()
    if table is None:
        return False
    cell = table.cellAt(cursor)
    column = cell.column() + cell.columnSpan()
    all_header = []
    for row in range(table.rows()):
        origins = [_origin(table, row, c) for c in range(table.columns())]
        all_header.append(all(_is_header(o) for o in origins if o is not None))
    cursor.beginEditBlock()
    try:
        table.insertColumns(column, 1)
        for row in range(table.rows()):
            new = _origin(table, row, column)
            if new is None:
                continue
            template = _origin(table, row, column - 1) if all_header[row] else None
            new.setFormat(_new_cell_format(template))
    finally:
        cursor.endEditBlock()
    return True


def _remove_table(cursor: QTextCursor, table: QTextTable) -> None:
    """Delete `table`. Its frame characters are the separators of the blocks around
    it, so deleting them joins those two blocks; the block after the table is split
    off again with its own format."""
    document = cursor.document()
    after = document.findBlock(table.lastPosition() + 1)
    after_block, after_char = after.blockFormat(), after.charFormat()
    work = QTextCursor(document)
    work.setPosition(table.firstPosition() - 1)
    work.setPosition(table.lastPosition() + 1, QTextCursor.MoveMode.KeepAnchor)
    work.removeSelectedText()
    if work.atBlockStart():  # the block before was empty (Qt's block in front of a table)
        work.setBlockFormat(after_block)
        work.setBlockCharFormat(after_char)
    else:
        work.insertBlock(after_block, after_char)


def remove_row(cursor: QTextCursor) -> bool:
    """Delete the cursor's row (the whole table if it is the only row)."""
    table = cursor.currentTable()
    if table is None:
        return False
    row = table.cellAt(cursor).row()
    cursor.beginEditBlock()
    try:
        if table.rows() <= 1:
            _remove_table(cursor, table)
            return True
        tfmt = table.format()
        header_rows = tfmt.headerRowCount()
        marker = _marker(table, row)
        # The next row of the same group (header or body) starts the group now.
        same_group = row + 1 < header_rows or row >= header_rows
        if marker and row + 1 < table.rows() and not _marker(table, row + 1) and same_group:
            _set_marker(table, row + 1, marker)
        table.removeRows(row, 1)
        if row < header_rows:
            tfmt = table.format()
            tfmt.setHeaderRowCount(header_rows - 1)
            table.setFormat(tfmt)
    finally:
        cursor.endEditBlock()
    return True


def remove_column(cursor: QTextCursor) -> bool:
    """Delete the cursor's column (the whole table if it is the only column)."""
    table = cursor.currentTable()
    if table is None:
        return False
    column = table.cellAt(cursor).column()
    cursor.beginEditBlock()
    try:
        if table.columns() <= 1:
            _remove_table(cursor, table)
            return True
        markers = [_marker(table, row) for row in range(table.rows())]
        table.removeColumns(column, 1)
        if column == 0:  # the row-group marks live on the first cell of each row
            for row, marker in enumerate(markers):
                if marker:
                    _set_marker(table, row, marker)
    finally:
        cursor.endEditBlock()
    return True
