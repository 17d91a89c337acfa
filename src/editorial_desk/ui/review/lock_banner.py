"""Soft edit locks in the window: `ArticleLock` holds the lock of the article being
edited (taken on open, refreshed every 30 s, given back on close), `LockBanner`
tells the user when somebody else holds it («Редактирует Анна Петрова с 10:42»)
and offers to take over, after a warning.

The lock is advisory (see `services.locks`): the version check on save is what
guarantees nothing is lost. So when the lock is lost (taken over, or expired
while the PC slept) the window must turn the form read-only and KEEP the user's
text - never reload over it. `ArticleLock` therefore never takes a lock back on
its own after losing it; only the user's "Take Over" does.

Heartbeats run off the UI thread (a locked or distant database must not freeze
typing); a heartbeat that fails for a moment is not a loss - only the database
saying "not yours any more" is."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QStyle, QWidget
from shiboken6 import isValid

from editorial_desk.domain.errors import EditorialError
from editorial_desk.domain.review import LockInfo, LockResult
from editorial_desk.domain.timeutil import office_zone
from editorial_desk.ui.background import BackgroundTask, run_in_background
from editorial_desk.ui.labels import format_local, to_local_qdatetime
from editorial_desk.ui.review.messages import confirm, review_message_for
from editorial_desk.ui.review.operations import ReviewOperations

translate = QCoreApplication.translate

# = services.locks.HEARTBEAT_INTERVAL (not imported: it would load SQLAlchemy at
# start-up; a test checks that the two agree).
HEARTBEAT_MS = 30_000


@dataclass(frozen=True, slots=True)
class LockState:
    """What the banner shows for the article in the form."""

    article_id: int
    held: bool  # this window holds the lock: edit
    holder: LockInfo | None  # somebody else's lock (when not held), None: nobody's
    lost: bool = False  # this window held the lock and lost it
    edit: bool = True  # the user may edit the article (so taking over makes sense)


class ArticleLock(QObject):
    """The edit lock of the article in one editor window (one token per window)."""

    changed = Signal(object)  # LockState | None (None: no article)
    lostLock = Signal(object)  # LockInfo | None, the new holder: go read-only, keep the text
    acquired = Signal()  # held now after not holding it: the form may become editable
    statusMessage = Signal(str)

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = HEARTBEAT_MS) -> None:
        super().__init__(parent)
        self._ops: ReviewOperations | None = None
        self._token = ""
        self._state: LockState | None = None
        # After a loss the user's unsaved text is on screen: never re-take the lock
        # (and so reload) behind their back.
        self._auto_acquire = False
        self._generation = 0  # bumped on open/release: late heartbeat answers are dropped
        self._task: BackgroundTask | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.heartbeat)

    def attach(self, ops: ReviewOperations) -> None:
        from editorial_desk.services.locks import new_token  # after the store is open

        self._ops = ops
        self._token = new_token()

    @property
    def token(self) -> str:
        return self._token

    def state(self) -> LockState | None:
        return self._state

    def held(self) -> bool:
        return self._state is not None and self._state.held

    def article_id(self) -> int | None:
        return self._state.article_id if self._state else None

    # --- user actions -----------------------------------------------------------

    def open(self, article_id: int, *, edit: bool = True) -> LockState | None:
        """The form now shows `article_id`. `edit`: the user may edit it, so take
        the lock (or wait for it); otherwise only show who edits it."""
        if self._state is not None:
            self.release()
        if self._ops is None:
            return None
        self._generation += 1
        self._auto_acquire = edit
        try:
            if edit:
                result = self._ops.acquire_lock(article_id, self._token)
            else:
                result = self._ops.current_lock(article_id)
        except EditorialError as error:
            self.statusMessage.emit(review_message_for(error).text)
            result = LockResult(False, None)
        holder = None if result.held else result.lock
        self._set(LockState(article_id, result.held, holder, edit=edit))
        self._report_replaced(result)
        if edit:
            self.timer.start()
        return self._state

    def take_over(self) -> LockState | None:
        """Take the lock even from a live holder (the banner has warned)."""
        state = self._state
        if state is None or self._ops is None:
            return None
        self._generation += 1
        try:
            result = self._ops.acquire_lock(state.article_id, self._token, take_over=True)
        except EditorialError as error:
            self.statusMessage.emit(review_message_for(error).text)
            return state
        if result.held:
            self._auto_acquire = True
            self._set(LockState(state.article_id, True, None, edit=True))
            self.timer.start()
            self.acquired.emit()
        else:
            self._set(LockState(state.article_id, False, result.lock, state.lost, state.edit))
        return self._state

    def release(self) -> None:
        """Give the lock back (article closed, window closing). Safe to repeat."""
        state, self._state = self._state, None
        self.timer.stop()
        self._generation += 1
        if state is not None and state.held and self._ops is not None:
            # If this fails the lock expires by itself in two minutes.
            with suppress(EditorialError):
                self._ops.release_lock(state.article_id, self._token)
        self.changed.emit(None)

    # --- the heartbeat ----------------------------------------------------------

    def heartbeat(self) -> None:
        """Refresh the lock we hold, or try to get it if we are waiting for it.
        Runs in the background; one at a time."""
        state, ops = self._state, self._ops
        if state is None or ops is None or self._task is not None:
            return
        if not state.held and not self._auto_acquire:
            return
        article_id, token, generation = state.article_id, self._token, self._generation
        if state.held:
            work = lambda: ops.refresh_lock(article_id, token)  # noqa: E731
        else:
            work = lambda: ops.acquire_lock(article_id, token)  # noqa: E731

        def done(result: Any) -> None:
            self._task = None
            alive = isValid(self)
            if alive and generation == self._generation:
                self._after_heartbeat(result)
                return
            # A late answer: the lock object is gone (its tab closed) or the form
            # moved on. A lock it took would otherwise stay for the whole TTL, so
            # give it back - with the values captured above, as `self` may be
            # deleted - unless this window holds that very lock again (a take-over
            # or re-open of the same article with the same token meanwhile).
            if not (isinstance(result, LockResult) and result.held):
                return
            if alive and self._holds(article_id):
                return
            _release_in_background(ops, article_id, token)

        def failed(error: BaseException) -> None:
            self._task = None
            if isValid(self) and isinstance(error, EditorialError):
                self.statusMessage.emit(review_message_for(error).text)

        self._task = run_in_background(work, done, failed)

    def wait_for_heartbeat(self) -> bool:
        """Whether a heartbeat is on its way (for tests and for closing)."""
        return self._task is not None

    def _after_heartbeat(self, result: LockResult) -> None:
        state = self._state
        assert state is not None
        if result.held and not state.held:
            self._set(LockState(state.article_id, True, None, edit=True))
            self._report_replaced(result)
            self.acquired.emit()
        elif not result.held and state.held:
            self._auto_acquire = False
            self._set(LockState(state.article_id, False, result.lock, lost=True, edit=state.edit))
            self.lostLock.emit(result.lock)
        elif not result.held and result.lock != state.holder:
            self._set(LockState(state.article_id, False, result.lock, state.lost, state.edit))

    def _holds(self, article_id: int) -> bool:
        state = self._state
        return state is not None and state.held and state.article_id == article_id

    def _set(self, state: LockState) -> None:
        self._state = state
        self.changed.emit(state)

    def _report_replaced(self, result: LockResult) -> None:
        replaced = result.replaced
        if result.held and replaced is not None:
            self.statusMessage.emit(
                translate(
                    "LockBanner",
                    "{name} had stopped editing this article without closing it; "
                    "you are editing it now.",
                ).format(name=replaced.user_name or replaced.user_login)
            )


# Release tasks on their way: nobody else keeps them (their ArticleLock may be gone)
# and a task must live until its callback has run.
_RELEASING: set[BackgroundTask] = set()


def _release_in_background(ops: ReviewOperations, article_id: int, token: str) -> None:
    """Give a lock back without the ArticleLock that took it (it may be deleted by
    now). Errors are ignored: the lock then expires by itself."""

    def finished(_value: object) -> None:
        _RELEASING.discard(task)  # runs on the UI thread, after the add below

    task = run_in_background(lambda: ops.release_lock(article_id, token), finished, finished)
    _RELEASING.add(task)


def _since(moment: datetime, zone: tzinfo) -> str:
    """«10:42» today, a short date and time on another day."""
    local = to_local_qdatetime(moment, zone)
    today = to_local_qdatetime(datetime.now(moment.tzinfo), zone).date()
    if local.date() == today:
        return QLocale().toString(local.time(), QLocale.FormatType.ShortFormat)
    return format_local(moment, zone)


class LockBanner(QFrame):
    """A strip above the form; hidden while this window holds the lock."""

    def __init__(self, zone: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), palette.color(palette.ColorRole.ToolTipBase))
        palette.setColor(self.foregroundRole(), palette.color(palette.ColorRole.ToolTipText))
        self.setPalette(palette)
        self._zone = zone or office_zone(None)
        self._lock: ArticleLock | None = None
        self._state: LockState | None = None

        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        self.label = QLabel(self)
        self.label.setObjectName("lockText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.take_over_button = QPushButton(translate("LockBanner", "&Take Over Editing…"), self)
        self.take_over_button.setObjectName("takeOverButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.take_over_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.take_over_button.clicked.connect(self.take_over)
        self.hide()

    def set_zone(self, zone: tzinfo) -> None:
        self._zone = zone
        self.show_state(self._state)

    def bind(self, lock: ArticleLock) -> None:
        self._lock = lock
        lock.changed.connect(self.show_state)
        self.show_state(lock.state())

    def show_state(self, state: LockState | None) -> None:
        self._state = state
        if state is None or state.held:
            self.hide()
            return
        holder = state.holder
        name = (holder.user_name or holder.user_login) if holder else ""
        if state.lost and holder is not None:
            text = translate(
                "LockBanner",
                "{name} took over editing at {time}. The article is read-only now; your "
                "text stays here — copy what you need.",
            )
        elif state.lost:
            text = translate(
                "LockBanner",
                "Your editing session ended (the connection was lost for too long). The "
                "article is read-only now; your text stays here.",
            )
        elif holder is not None:
            text = translate("LockBanner", "{name} has been editing this article since {time}.")
            if state.edit:
                text += " " + translate("LockBanner", "You can only read it for now.")
        else:
            self.hide()
            return
        when = holder.acquired_at if holder is not None else None
        self.label.setText(text.format(name=name, time=_since(when, self._zone) if when else ""))
        if holder is not None:
            self.label.setToolTip(
                translate("LockBanner", "Computer: {host}").format(host=holder.host)
            )
        self.take_over_button.setVisible(state.edit)
        if state.lost and holder is None:
            self.take_over_button.setText(translate("LockBanner", "&Edit Again"))
        else:
            self.take_over_button.setText(translate("LockBanner", "&Take Over Editing…"))
        self.show()

    def take_over(self) -> bool:
        state, lock = self._state, self._lock
        if state is None or lock is None:
            return False
        holder = state.holder
        if holder is not None and not self.confirm_take_over(holder):
            return False
        after = lock.take_over()
        return after is not None and after.held

    def confirm_take_over(self, holder: LockInfo) -> bool:
        name = holder.user_name or holder.user_login
        return confirm(
            self,
            translate("LockBanner", "Take Over Editing"),
            translate("LockBanner", "Take over editing from {name}?").format(name=name),
            translate(
                "LockBanner",
                "{name} has been editing this article since {time} on the computer {host}. "
                "Their window becomes read-only, and changes they have not saved stay "
                "only there. Take over only if they are away or agree.",
            ).format(name=name, time=_since(holder.acquired_at, self._zone), host=holder.host),
            QMessageBox.Icon.Warning,
        )
