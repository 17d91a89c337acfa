"""«Ждут меня»: what waits for the current user, by role (`services.queues`):
the reviewer's articles to review, the editor's returned ones, the exporter's
ones to publish (an admin sees all three). One group per queue with its count,
most urgent first; activating an article (double-click, Enter) emits
`openArticle(id)`. The window calls `refresh()` after anything that may move an
article between queues (a save, a workflow step) and from a timer if it likes."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editorial_desk.domain.errors import EditorialError
from editorial_desk.domain.review import Queue
from editorial_desk.domain.timeutil import office_zone
from editorial_desk.ui.labels import format_local, status_label
from editorial_desk.ui.review.labels import queue_empty_text, queue_label
from editorial_desk.ui.review.messages import review_message_for
from editorial_desk.ui.review.operations import ReviewOperations

translate = QCoreApplication.translate

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class QueuesPanel(QWidget):
    openArticle = Signal(int)
    countChanged = Signal(int)  # articles waiting in all queues

    def __init__(self, zone: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuesPanel")
        self._zone = zone or office_zone(None)
        self._ops: ReviewOperations | None = None
        self._queues: list[Queue] = []

        self.title = QLabel(translate("QueuesPanel", "Waiting for me"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.refresh_button = QToolButton(self)
        self.refresh_button.setObjectName("refreshQueuesButton")
        self.refresh_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
        )
        self.refresh_button.setToolTip(translate("QueuesPanel", "Refresh"))
        self.refresh_button.setAutoRaise(True)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("queuesTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(
            [
                translate("QueuesPanel", "Title"),
                translate("QueuesPanel", "Status"),
                translate("QueuesPanel", "Planned"),
            ]
        )
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setEnabled(False)
        self.message.hide()

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)

        self.refresh_button.clicked.connect(self.refresh)
        self.tree.itemActivated.connect(self._on_activated)

    def attach(self, ops: ReviewOperations) -> None:
        self._ops = ops
        self._zone = ops.zone
        self.refresh()

    def queues(self) -> list[Queue]:
        return list(self._queues)

    def refresh(self) -> None:
        """Read the queues again (one session) and show them, keeping the current
        article selected if it is still listed."""
        if self._ops is None:
            return
        current = self.current_article_id()
        try:
            queues = self._ops.waiting_for()
        except EditorialError as error:
            self.message.setText(review_message_for(error).text)
            self.message.show()
            return
        self.message.hide()
        self._queues = queues
        self._fill(current)

    def current_article_id(self) -> int | None:
        item = self.tree.currentItem()
        value = item.data(0, ARTICLE_ID_ROLE) if item is not None else None
        return value if isinstance(value, int) else None

    def _fill(self, current: int | None) -> None:
        self.tree.clear()
        total = 0
        for queue in self._queues:
            group = QTreeWidgetItem(self.tree)
            group.setText(
                0,
                translate("QueuesPanel", "{queue} ({count})").format(
                    queue=queue_label(queue.kind), count=len(queue.items)
                ),
            )
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            if not queue.items:
                empty = QTreeWidgetItem(group, [queue_empty_text(queue.kind)])
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
                empty.setFirstColumnSpanned(True)
            for summary in queue.items:
                item = QTreeWidgetItem(
                    group,
                    [
                        summary.title,
                        status_label(summary.status),
                        format_local(summary.planned_at, self._zone),
                    ],
                )
                item.setData(0, ARTICLE_ID_ROLE, summary.id)
                item.setToolTip(0, summary.title)
                if summary.id == current:
                    self.tree.setCurrentItem(item)
            total += len(queue.items)
            group.setExpanded(True)
        self.countChanged.emit(total)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        article_id = item.data(0, ARTICLE_ID_ROLE)
        if isinstance(article_id, int):
            self.openArticle.emit(article_id)
