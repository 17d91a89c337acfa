"""Edit locks in the window: two editor windows (two tokens) on one real store.
The second sees who edits since when, may take over after a warning, and the
first then learns it lost the lock at its next heartbeat."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox

from editorial_desk.domain.review import LockInfo
from editorial_desk.ui.review.lock_banner import HEARTBEAT_MS, ArticleLock, LockBanner


@pytest.fixture
def article(make_article):
    return make_article("Общая новость")


_KEEP: list[LockBanner] = []


@pytest.fixture(autouse=True)
def _keep_banners():
    yield
    _KEEP.clear()


def window_lock(qtbot, ops) -> tuple[ArticleLock, LockBanner]:
    """A lock and its banner, as one editor window has them."""
    banner = LockBanner(ops.zone)
    qtbot.addWidget(banner)
    _KEEP.append(banner)  # the lock is the banner's child: keep both alive
    lock = ArticleLock(banner)
    lock.attach(ops)
    banner.bind(lock)
    return lock, banner


def beat(qtbot, lock: ArticleLock) -> None:
    lock.heartbeat()
    qtbot.waitUntil(lambda: not lock.wait_for_heartbeat(), timeout=5000)


def test_the_heartbeat_matches_the_service():
    from editorial_desk.services.locks import DEFAULT_LOCK_TTL, HEARTBEAT_INTERVAL

    assert timedelta(milliseconds=HEARTBEAT_MS) == HEARTBEAT_INTERVAL < DEFAULT_LOCK_TTL


def test_the_first_opener_edits_the_next_one_sees_who_and_takes_over(
    qtbot, team, ops_for, article, message_boxes
):
    anna_lock, anna_banner = window_lock(qtbot, ops_for(team.editor))
    admin_lock, admin_banner = window_lock(qtbot, ops_for(team.admin))

    anna = anna_lock.open(article.id)
    assert anna is not None and anna.held and anna_banner.isHidden()
    assert anna_lock.timer.isActive() and anna_lock.timer.interval() == HEARTBEAT_MS

    theirs = admin_lock.open(article.id)
    assert theirs is not None and not theirs.held
    assert theirs.holder is not None and theirs.holder.user_name == "Анна Петрова"
    assert not admin_banner.isHidden()
    text = admin_banner.label.text()
    assert text.startswith("Анна Петрова has been editing this article since ")
    assert text.endswith("You can only read it for now.")
    assert not admin_banner.take_over_button.isHidden()

    # Declined: nothing changes.
    message_boxes.answers.append(QMessageBox.StandardButton.No)
    admin_banner.take_over_button.click()
    assert not admin_lock.held()
    assert message_boxes.texts() == ["Take over editing from Анна Петрова?"]

    acquired = []
    admin_lock.acquired.connect(lambda: acquired.append(True))
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    admin_banner.take_over_button.click()
    assert admin_lock.held() and admin_banner.isHidden() and acquired == [True]

    # Anna's next heartbeat: the lock is gone; her form goes read-only (the
    # window's job) and the banner says who took it.
    with qtbot.waitSignal(anna_lock.lostLock) as lost:
        anna_lock.heartbeat()
    new_holder: LockInfo = lost.args[0]
    assert new_holder.user_login == team.admin.login
    state = anna_lock.state()
    assert state is not None and state.lost and not state.held
    assert not anna_banner.isHidden()
    assert anna_banner.label.text().startswith("Анна Редакторова took over editing at ")
    assert "your text stays here" in anna_banner.label.text()

    # After a loss the lock is never re-taken behind the user's back ...
    beat(qtbot, anna_lock)
    assert not anna_lock.held()
    # ... only when she takes it back herself.
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    assert anna_banner.take_over()
    assert anna_lock.held()


def test_a_waiting_editor_gets_the_lock_when_it_is_released(qtbot, team, ops_for, article):
    anna_lock, _ = window_lock(qtbot, ops_for(team.editor))
    admin_lock, admin_banner = window_lock(qtbot, ops_for(team.admin))
    anna_lock.open(article.id)
    admin_lock.open(article.id)
    assert not admin_lock.held()

    beat(qtbot, admin_lock)  # still Anna's
    assert not admin_lock.held()

    anna_lock.release()
    assert anna_lock.state() is None and not anna_lock.timer.isActive()
    with qtbot.waitSignal(admin_lock.acquired):
        admin_lock.heartbeat()
    assert admin_lock.held() and admin_banner.isHidden()


def test_a_reader_who_may_not_edit_only_sees_who_edits(qtbot, team, ops_for, article):
    anna_lock, _ = window_lock(qtbot, ops_for(team.editor))
    anna_lock.open(article.id)
    reviewer_lock, reviewer_banner = window_lock(qtbot, ops_for(team.reviewer))

    state = reviewer_lock.open(article.id, edit=False)

    assert state is not None and not state.held and not state.edit
    assert reviewer_banner.label.text().startswith("Анна Петрова has been editing")
    assert "read it" not in reviewer_banner.label.text()
    assert reviewer_banner.take_over_button.isHidden()
    assert not reviewer_lock.timer.isActive()
    beat(qtbot, anna_lock)  # Anna's lock is untouched by the reader
    assert anna_lock.held()


def test_opening_another_article_releases_the_first(qtbot, team, ops_for, make_article):
    first, second = make_article("Первая"), make_article("Вторая")
    anna_lock, _ = window_lock(qtbot, ops_for(team.editor))
    admin_lock, _ = window_lock(qtbot, ops_for(team.admin))
    anna_lock.open(first.id)
    anna_lock.open(second.id)
    assert admin_lock.open(first.id).held  # free again
    assert not admin_lock.open(second.id).held


def test_a_heartbeat_answer_for_a_closed_article_gives_the_lock_back(
    qtbot, team, ops_for, article, make_article
):
    anna_lock, _ = window_lock(qtbot, ops_for(team.editor))
    admin_lock, _ = window_lock(qtbot, ops_for(team.admin))
    anna_lock.open(article.id)
    admin_lock.open(article.id)  # waiting
    anna_lock.release()
    admin_lock.heartbeat()  # on its way: will take the free lock ...
    other = make_article("Другая")
    admin_lock.open(other.id)  # ... but the user moved on meanwhile
    qtbot.waitUntil(lambda: not admin_lock.wait_for_heartbeat(), timeout=5000)
    # The late answer was not applied, and the lock it took is given back.
    assert admin_lock.article_id() == other.id
    qtbot.waitUntil(lambda: anna_lock.open(article.id).held, timeout=5000)


def _slow_in_background(monkeypatch, ops) -> None:
    """The heartbeat's acquire takes a moment (a distant database); calls on the UI
    thread stay fast, so the test can act while the heartbeat is on its way."""
    original = ops.acquire_lock

    def slow(*args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            time.sleep(0.3)
        return original(*args, **kwargs)

    monkeypatch.setattr(ops, "acquire_lock", slow)


def _stored_lock(store, article_id: int) -> LockInfo | None:
    from editorial_desk.services.locks import get_lock

    with store.session() as session:
        return get_lock(session, article_id)


def test_a_lock_taken_by_the_heartbeat_of_a_deleted_lock_object_is_given_back(
    qtbot, store, team, ops_for, article, monkeypatch
):
    anna_lock, _ = window_lock(qtbot, ops_for(team.editor))
    admin_ops = ops_for(team.admin)
    admin_lock = ArticleLock()  # as in a tab: deleted with it
    admin_lock.attach(admin_ops)
    anna_lock.open(article.id)
    admin_lock.open(article.id)  # waiting
    anna_lock.release()
    _slow_in_background(monkeypatch, admin_ops)
    admin_lock.heartbeat()  # on its way: will take the free lock ...
    token = admin_lock.token
    shiboken6.delete(admin_lock)  # ... but the tab is closed meanwhile
    assert not shiboken6.isValid(admin_lock)
    # The late answer took the lock (for the admin's token) and gave it back at once
    # instead of blocking everybody else until it expires.
    qtbot.wait(400)
    qtbot.waitUntil(lambda: _stored_lock(store, article.id) is None, timeout=3000)
    assert token != anna_lock.token
    assert anna_lock.open(article.id).held


def test_a_late_heartbeat_does_not_give_back_a_lock_taken_over_meanwhile(
    qtbot, store, team, ops_for, article, monkeypatch
):
    anna_lock, _ = window_lock(qtbot, ops_for(team.editor))
    admin_ops = ops_for(team.admin)
    admin_lock, _ = window_lock(qtbot, admin_ops)
    anna_lock.open(article.id)
    admin_lock.open(article.id)  # waiting
    anna_lock.release()
    _slow_in_background(monkeypatch, admin_ops)
    admin_lock.heartbeat()  # on its way: will take the free lock ...
    assert admin_lock.take_over().held  # ... the user takes it meanwhile (same token)
    qtbot.waitUntil(lambda: not admin_lock.wait_for_heartbeat(), timeout=5000)
    qtbot.wait(300)  # a wrong release would have run by now
    stored = _stored_lock(store, article.id)
    assert admin_lock.held()
    assert stored is not None and stored.token == admin_lock.token


def test_no_store_no_lock(qtbot):
    lock = ArticleLock()
    assert lock.open(1) is None and lock.state() is None
    lock.release()
    lock.heartbeat()
