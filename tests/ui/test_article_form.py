"""The article form's metadata (rubric, tags, author, status) and restoring unsaved
work from the recovery journal; real widgets, real store."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QTextCursor

from editorial_desk.domain.article import ArticleChanges
from editorial_desk.services.articles import create_article, get_article, update_article
from editorial_desk.store.recovery import RecoveryEntry, now_iso
from editorial_desk.ui import body_convert
from editorial_desk.ui.article_form import ArticleForm, differs_only_in_date, parse_tags

MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.fixture
def form(qtbot) -> ArticleForm:
    widget = ArticleForm(MOSCOW, load_icons=False)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def article(store, actor):
    with store.session() as session:
        return create_article(
            session,
            actor,
            title="Субботник",
            lead="Лид",
            body="<p>Уборка парков.</p>",
            rubric="Город",
            tags=["парки", "субботник"],
        )


def test_parse_tags_trims_and_drops_repeats_ignoring_case():
    assert parse_tags(" парки,Скверы ,  ПАРКИ,, Новый   год ,") == ("парки", "Скверы", "Новый год")
    assert parse_tags("") == ()


def test_loaded_article_shows_its_metadata(form, article):
    form.set_rubric_choices(["Город", "Культура"])
    form.load(article)
    assert form.rubric_edit.currentText() == "Город"
    assert form.tags_edit.text() == "парки, субботник"
    assert form.author_label.text() == article.author_name
    assert form.status_value.text() == "Draft"
    assert form.values().tags == ("парки", "субботник")
    assert not form.is_modified()


def test_new_article_shows_the_current_user_as_author(form):
    form.set_current_user_name("Анна Редакторова")
    assert form.author_label.text() == "Анна Редакторова"
    form.start_new()
    assert form.author_label.text() == "Анна Редакторова"


def test_rubric_choices_keep_the_typed_rubric(form, article):
    form.load(article)
    form.set_rubric_choices(["Культура", "Спорт"])
    assert form.rubric_edit.currentText() == "Город"
    assert form.rubric_choices() == ["Культура", "Спорт"]
    assert not form.is_modified()
    form.rubric_edit.setCurrentIndex(1)
    assert form.is_modified()
    assert form.changes().rubric == "Спорт"


def test_tags_count_as_changes_only_when_they_differ(qtbot, type_text, form, article):
    form.load(article)
    form.tags_edit.setText("Парки ,субботник")  # another spelling is a change
    assert form.changes().tags == ("Парки", "субботник")
    form.tags_edit.setText("парки,   субботник, ПАРКИ")
    assert not form.is_modified()
    assert form.changes().tags is None
    form.tags_edit.clear()
    type_text(form.tags_edit, "парки, субботник, ёлки")
    assert form.is_modified()
    assert form.changes() == ArticleChanges(tags=("парки", "субботник", "ёлки"))


def test_tag_completion_completes_the_last_tag(qtbot, type_text, form):
    form.set_tag_choices(["благоустройство", "парки", "транспорт"])
    form.tags_edit.setFocus()
    type_text(form.tags_edit, "парки, бла")
    completer = form.tag_completer
    assert completer.completionCount() == 1  # only the tag after the comma is matched
    # what choosing it puts into the line: the tags before kept
    assert completer.currentCompletion() == "парки, благоустройство, "


def test_content_changed_fires_for_every_field_but_not_while_loading(
    qtbot, type_text, form, article
):
    seen: list[int] = []
    form.contentChanged.connect(lambda: seen.append(1))
    form.load(article)
    assert seen == []
    for widget in (form.title_edit, form.tags_edit, form.lead_edit, form.body_edit):
        seen.clear()
        type_text(widget, "ж")
        assert seen, widget.objectName()
    seen.clear()
    form.rubric_edit.setEditText("Спорт")
    form.planned_edit.scheduled.setChecked(True)
    assert len(seen) >= 2


def test_saving_metadata_reaches_the_store_and_the_rubric_list(store, actor, form, article):
    from editorial_desk.services.rubrics import list_rubrics

    form.load(article)
    form.rubric_edit.setEditText("Экология")
    form.tags_edit.setText("парки, Ёлки")
    with store.session() as session:
        saved = update_article(session, actor, article.id, article.version, form.changes())
    form.mark_saved(saved)
    assert not form.is_modified()
    with store.session() as session:
        assert get_article(session, article.id).tags == ("парки", "Ёлки")
        assert "Экология" in list_rubrics(session)


def _entry(article, **fields) -> RecoveryEntry:
    values = {
        "key": f"article-{article.id}" if article else "new-abc",
        "article_id": article.id if article else None,
        "base_version": article.version if article else None,
        "title": "Субботник в парке",
        "lead": "Новый лид",
        "body": "<h2>Итоги</h2><p>Вышли <strong>300</strong> жителей.</p>",
        "rubric": "Экология",
        "planned_at": "2026-12-01T07:00:00+00:00",
        "saved_at": now_iso(),
        "tags": ("парки", "ёлки"),
    }
    values.update(fields)
    return RecoveryEntry(**values)


def test_restore_from_fills_every_field_and_is_modified(form, article):
    entry = _entry(article)
    form.restore_from(entry, article)
    values = form.values()
    assert (values.title, values.lead, values.body, values.rubric, values.tags) == (
        entry.title,
        entry.lead,
        entry.body,
        entry.rubric,
        entry.tags,
    )
    assert values.planned_at == datetime(2026, 12, 1, 7, 0, tzinfo=UTC)
    assert form.is_modified()
    assert form.article_id() == article.id and form.base_version() == article.version
    changes = form.changes()
    assert (changes.title, changes.lead, changes.body, changes.rubric, changes.tags) == (
        entry.title,
        entry.lead,
        entry.body,
        entry.rubric,
        entry.tags,
    )
    assert changes.change_planned_at


def test_restore_keeps_the_base_version_so_a_newer_save_conflicts(store, actor, form, article):
    from editorial_desk.domain.errors import ConflictError

    with store.session() as session:  # somebody saved after the crash
        newest = update_article(
            session, actor, article.id, article.version, ArticleChanges(lead="Чужой лид")
        )
    form.restore_from(_entry(article), newest)
    assert form.base_version() == article.version
    with pytest.raises(ConflictError), store.session() as session:
        update_article(session, actor, article.id, form.base_version(), form.changes())


def test_restore_of_a_never_saved_article(form):
    entry = _entry(None, planned_at=None, lead="")
    form.restore_from(entry)
    assert form.is_new() and form.is_modified()
    assert form.values().body == entry.body
    assert form.values().planned_at is None
    assert body_convert.document_to_canonical(form.body_edit.document()) == entry.body


def test_restore_refuses_an_entry_of_another_article(form, article):
    with pytest.raises(ValueError):
        form.restore_from(_entry(article, article_id=article.id + 1), article)


def test_read_only_locks_the_metadata(form, article):
    form.load(article)
    form.set_read_only(True)
    assert form.tags_edit.isReadOnly() and not form.rubric_edit.isEnabled()
    form.set_read_only(False)
    assert not form.tags_edit.isReadOnly() and form.rubric_edit.isEnabled()


def test_folded_properties_show_a_summary(form, article):
    form.load(article)
    with_toggle: list[bool] = []
    form.propertiesToggled.connect(with_toggle.append)
    form.properties_toggle.click()
    assert not form.properties_expanded() and not form.properties.isVisible()
    assert form.properties_summary.isVisible()
    assert "Город" in form.properties_summary.text()
    assert "парки, субботник" in form.properties_summary.text()
    form.set_properties_expanded(True)
    assert form.properties.isVisible() and with_toggle == [False, True]


def test_window_operations_feed_the_form_and_store_its_tags(store, actor, form):
    from editorial_desk.ui.context import AppContext
    from editorial_desk.ui.operations import ArticleOperations

    ops = ArticleOperations(AppContext(store, actor, MOSCOW))
    form.tags_edit.setText("парки, Ёлки, парки")
    form.rubric_edit.setEditText("Экология")
    values = form.values()
    saved = ops.create(
        title="Т", lead="", body="", rubric=values.rubric, planned_at=None, tags=values.tags
    )
    assert saved.tags == ("парки", "Ёлки")
    rubrics, tags = ops.editor_choices()
    form.set_rubric_choices(rubrics)
    form.set_tag_choices(tags)
    assert form.rubric_choices() == ["Экология"]
    assert tags == ["парки", "Ёлки"]


# --- the office zone changes under an open form ---------------------------------

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")
BERLIN = ZoneInfo("Europe/Berlin")


def _planned_article(store, actor, planned_at: datetime):
    with store.session() as session:
        return create_article(
            session, actor, title="Мост", lead="Лид", body="<p>x</p>", planned_at=planned_at
        )


def test_a_zone_change_keeps_a_planned_date_the_user_changed(store, actor, form):
    article = _planned_article(store, actor, datetime(2026, 12, 1, 7, 0, tzinfo=UTC))
    form.load(article)
    editor = form.planned_edit.editor
    editor.setDateTime(editor.dateTime().addDays(3))  # the user moves the date
    assert form.is_modified()
    modified: list[bool] = []
    form.modifiedChanged.connect(modified.append)

    form.set_zone(VLADIVOSTOK)

    moved = datetime(2026, 12, 4, 7, 0, tzinfo=UTC)
    assert form.is_modified() and modified == []
    assert form.planned_edit.value() == moved
    assert editor.time().hour() == 17  # 07:00 UTC is 17:00 in Vladivostok
    changes = form.changes()
    assert changes.change_planned_at and changes.planned_at == moved
    with store.session() as session:
        update_article(session, actor, article.id, form.base_version(), changes)
        assert get_article(session, article.id).planned_at == moved


@pytest.mark.parametrize(
    "planned_at, zone",
    [
        # seconds: the editor works in minutes
        (datetime(2026, 12, 1, 7, 0, 30, tzinfo=UTC), VLADIVOSTOK),
        # 02:30 in Berlin twice that night; this is the second one (CET)
        (datetime(2026, 10, 25, 1, 30, tzinfo=UTC), BERLIN),
    ],
)
def test_a_zone_change_leaves_an_untouched_planned_date_unmodified(
    store, actor, form, planned_at, zone
):
    article = _planned_article(store, actor, planned_at)
    form.load(article)
    assert not form.is_modified() and form.planned_edit.value() == planned_at
    form.set_zone(zone)
    assert not form.is_modified()
    assert form.planned_edit.value() == planned_at
    assert not form.changes().change_planned_at
    form.set_zone(MOSCOW)
    assert not form.is_modified() and form.planned_edit.value() == planned_at


def test_an_edit_of_the_planned_date_reads_back_in_minutes(store, actor, form):
    article = _planned_article(store, actor, datetime(2026, 12, 1, 7, 0, 30, tzinfo=UTC))
    form.load(article)
    editor = form.planned_edit.editor
    editor.setDateTime(editor.dateTime().addSecs(3600))
    assert form.planned_edit.value() == datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    editor.setDateTime(editor.dateTime().addSecs(-3600))  # back to what was loaded
    assert form.planned_edit.value() == article.planned_at and not form.is_modified()


# --- a calendar drag under a form with unsaved edits ---------------------------


def _move(store, actor, article_id: int, day):
    from editorial_desk.services.calendar import move_to_day

    with store.session() as session:
        return move_to_day(session, actor, article_id, day, MOSCOW).article


def _type_at_end(form, type_text, text: str) -> None:
    form.body_edit.setFocus()
    form.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(form.body_edit, text)


def test_rebase_after_a_calendar_move_keeps_the_edits_and_saves_without_conflict(
    store, actor, form, type_text
):
    from editorial_desk.ui.context import AppContext
    from editorial_desk.ui.operations import ArticleOperations

    article = _planned_article(store, actor, datetime(2026, 12, 1, 7, 0, tzinfo=UTC))
    form.load(article)
    _type_at_end(form, type_text, " Ещё")
    form.title_edit.setText("Новый мост")
    before = form.changes()
    assert form.body_edit.document().isUndoAvailable()

    moved = _move(store, actor, article.id, date(2026, 12, 5))
    assert moved.version > article.version and differs_only_in_date(article, moved)
    assert form.can_rebase(moved)
    seen: list[int] = []
    form.contentChanged.connect(lambda: seen.append(1))
    form.rebase(moved)

    assert seen == [1]  # the journal learns the new base version
    assert form.base_version() == moved.version and form.article() == moved
    assert form.planned_edit.value() == moved.planned_at  # the date was not edited
    assert form.is_modified() and form.title_edit.text() == "Новый мост"
    after = form.changes()
    assert (after.title, after.lead, after.body, after.rubric, after.tags) == (
        before.title,
        before.lead,
        before.body,
        before.rubric,
        before.tags,
    )
    assert not after.change_planned_at
    assert form.body_edit.document().isUndoAvailable()  # undo history kept
    ops = ArticleOperations(AppContext(store, actor, MOSCOW))
    saved = ops.save(article.id, form.base_version(), form.changes())
    assert "Ещё" in saved.body and saved.title == "Новый мост"
    assert saved.planned_at == datetime(2026, 12, 5, 7, 0, tzinfo=UTC)


def test_rebase_keeps_a_planned_date_the_user_changed(store, actor, form):
    article = _planned_article(store, actor, datetime(2026, 12, 1, 7, 0, tzinfo=UTC))
    form.load(article)
    editor = form.planned_edit.editor
    editor.setDateTime(editor.dateTime().addDays(1))  # 2 December in the form
    moved = _move(store, actor, article.id, date(2026, 12, 5))  # 5 December by drag
    form.rebase(moved)
    mine = datetime(2026, 12, 2, 7, 0, tzinfo=UTC)
    assert form.planned_edit.value() == mine and form.is_modified()
    changes = form.changes()
    assert changes.change_planned_at and changes.planned_at == mine
    with store.session() as session:
        saved = update_article(session, actor, article.id, form.base_version(), changes)
    assert saved.planned_at == mine


def test_rebase_of_an_unmodified_form_stays_unmodified(store, actor, form):
    article = _planned_article(store, actor, datetime(2026, 12, 1, 7, 0, tzinfo=UTC))
    form.load(article)
    modified: list[bool] = []
    form.modifiedChanged.connect(modified.append)
    moved = _move(store, actor, article.id, date(2026, 12, 5))
    form.rebase(moved)
    assert not form.is_modified() and modified == []
    assert form.planned_edit.value() == moved.planned_at
    assert "version 2" in form.info.text()


def test_differs_only_in_date_allows_the_status_a_date_sets(store, actor, team, form):
    from editorial_desk.domain.statuses import Status
    from editorial_desk.domain.workflow import Action
    from editorial_desk.services.workflow import transition

    with store.session() as session:
        article = create_article(session, team.editor, title="Т", lead="Л", body="<p>x</p>")
        transition(session, team.editor, article.id, Action.SUBMIT)
        approved = transition(session, team.reviewer, article.id, Action.APPROVE)
    scheduled = _move(store, team.reviewer, article.id, date(2026, 12, 5))
    assert (approved.status, scheduled.status) == (Status.APPROVED, Status.SCHEDULED)
    assert differs_only_in_date(approved, scheduled)
    form.load(approved)
    form.title_edit.setText("Новый заголовок")
    form.rebase(scheduled)
    assert form.status_value.text() == "Scheduled" and form.is_modified()


def test_no_rebase_over_another_change(store, actor, team, form, article):
    from editorial_desk.domain.workflow import Action
    from editorial_desk.services.workflow import transition

    form.load(article)
    with store.session() as session:
        relead = update_article(
            session, actor, article.id, article.version, ArticleChanges(lead="Чужой лид")
        )
        submitted = transition(session, actor, article.id, Action.SUBMIT)
    assert not differs_only_in_date(article, relead)
    assert not form.can_rebase(relead)
    with pytest.raises(ValueError):
        form.rebase(relead)
    assert not differs_only_in_date(relead, submitted)  # a review step, not a date
    assert not form.can_rebase(replace(article, id=article.id + 1))
    assert form.base_version() == article.version


def test_no_rebase_after_restoring_work_from_an_older_version(store, actor, form, article):
    with store.session() as session:  # somebody saved after the crash
        newest = update_article(
            session, actor, article.id, article.version, ArticleChanges(lead="Чужой лид")
        )
    form.restore_from(_entry(article), newest)
    moved = _move(store, actor, article.id, date(2026, 12, 5))
    # newest -> moved is only a date, but the form's work started before `newest`
    assert differs_only_in_date(newest, moved)
    assert not form.can_rebase(moved)


def test_a_published_articles_date_cannot_be_edited_but_a_drafts_can(form, article) -> None:
    from dataclasses import replace

    from editorial_desk.domain.statuses import Status

    published = replace(article, status=Status.PUBLISHED)
    form.load(published)
    assert not form.planned_edit.isEnabled()
    assert form.planned_edit.toolTip()  # says why
    form.set_read_only(False)  # the lock arriving must not unlock it
    assert not form.planned_edit.isEnabled()
    form.load(article)  # a draft again
    assert form.planned_edit.isEnabled() and not form.planned_edit.toolTip()
    form.set_read_only(True)
    assert not form.planned_edit.isEnabled()
