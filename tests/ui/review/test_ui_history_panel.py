"""The history panel on a real store: versions, diffs computed in the background
(with a placeholder), the diff since approval with the changed words marked,
restoring a version, and the audit trail."""

from __future__ import annotations

import threading
from datetime import UTC
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMessageBox

from editorial_desk.document.diff import DiffSegment
from editorial_desk.domain.article import ArticleChanges
from editorial_desk.domain.review import SystemReason
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.workflow import Action
from editorial_desk.ui.review.history_models import (
    REVISION_ID_ROLE,
    REVISION_NUMBER_ROLE,
    AuditColumn,
    AuditTableModel,
    RevisionColumn,
    RevisionTableModel,
)
from editorial_desk.ui.review.history_panel import HistoryPanel
from editorial_desk.ui.review.labels import audit_reason_text

MOSCOW = ZoneInfo("Europe/Moscow")

V1 = "<p>На ёлку в Санкт-Петербурге потратят 1 500 000 рублей.</p>"
V2 = "<p>На ёлку в Санкт-Петербурге потратят 1 700 000 рублей.</p><p>Монтаж начнётся в пятницу.</p>"
V3 = "<p>На ёлку в Санкт-Петербурге потратят 1 700 000 рублей.</p><p>Монтаж начнётся в субботу.</p>"


def marked_text(document: QTextDocument) -> tuple[str, str]:
    """The text shown as inserted (underlined) and as deleted (struck through)."""
    inserted, deleted = [], []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.fontStrikeOut():
                deleted.append(fragment.text())
            elif fmt.fontUnderline():
                inserted.append(fragment.text())
            it += 1
        block = block.next()
    # the legend's two samples come first
    assert inserted[:1] == ["added"] and deleted[:1] == ["removed"], (inserted, deleted)
    return " ".join(inserted[1:]), " ".join(deleted[1:])


@pytest.fixture
def three_versions(store, team, make_article):
    from editorial_desk.services.articles import update_article

    article = make_article("Ёлка", body=V1)
    with store.session() as session:
        v2 = update_article(
            session, team.editor, article.id, article.version, ArticleChanges(body=V2)
        )
        return update_article(
            session, team.editor, article.id, v2.version, ArticleChanges(body=V3, title="Ёлка-2026")
        )


def panel_for(qtbot, ops) -> HistoryPanel:
    panel = HistoryPanel()
    qtbot.addWidget(panel)
    panel.attach(ops)
    panel.resize(600, 700)
    return panel


def wait_for_diff(qtbot, panel: HistoryPanel) -> str:
    qtbot.waitUntil(lambda: not panel.is_computing(), timeout=5000)
    return panel.diff_view.toPlainText()


def test_models_pass_qtmodeltester(qtmodeltester, store, three_versions):
    from editorial_desk.services.history import article_history

    with store.session() as session:
        history = article_history(session, three_versions.id)
    revisions = RevisionTableModel(MOSCOW)
    revisions.set_revisions(history.revisions)
    qtmodeltester.check(revisions, force_py=True)
    qtmodeltester.check(revisions)
    audit = AuditTableModel(MOSCOW)
    audit.set_entries(history.audit)
    qtmodeltester.check(audit, force_py=True)
    qtmodeltester.check(audit)
    assert [revisions.index(r, 0).data() for r in range(3)] == ["3", "2", "1"]  # newest first
    assert revisions.index(0, RevisionColumn.AUTHOR).data() == "Анна Петрова"
    assert audit.index(0, AuditColumn.CHANGE).data() == "created: Draft"


def test_the_newest_version_is_compared_with_the_one_before(qtbot, team, ops_for, three_versions):
    panel = panel_for(qtbot, ops_for(team.editor))
    panel.set_article(three_versions)

    assert [r.number for r in panel.selected_revisions()] == [3]
    text = wait_for_diff(qtbot, panel)
    assert "Changes from version 2" in text and "to version 3" in text
    inserted, deleted = marked_text(panel.diff_view.document())
    assert "субботу" in inserted and "Ёлка-2026" in inserted
    assert "пятницу" in deleted
    assert "Монтаж" not in inserted + deleted  # unchanged words are not marked


def test_two_selected_versions_are_compared_and_the_first_has_nothing_before(
    qtbot, team, ops_for, three_versions
):
    ops = ops_for(team.editor)
    panel = panel_for(qtbot, ops)
    panel.set_article(three_versions)
    wait_for_diff(qtbot, panel)
    ids = {r.number: r.id for r in panel.revisions.revisions()}
    asked = []
    real = ops.diff_revisions
    ops.diff_revisions = lambda old, new: asked.append((old, new)) or real(old, new)  # type: ignore[method-assign]

    panel.select_revisions([ids[3], ids[1]])
    text = wait_for_diff(qtbot, panel)
    assert asked == [(ids[1], ids[3])]  # one diff for the two, older first
    assert "Changes from version 1" in text and "to version 3" in text
    inserted, deleted = marked_text(panel.diff_view.document())
    assert "1 700 000" in inserted and "1 500 000" in deleted

    panel.select_revisions([ids[1]])
    assert "Version 1 is the first one" in wait_for_diff(qtbot, panel)

    panel.select_revisions([])
    assert "Select one version" in wait_for_diff(qtbot, panel)


def test_approved_then_edited_shows_the_changes_since_approval(
    qtbot, store, team, ops_for, make_article, fresh
):
    from editorial_desk.services.articles import update_article

    article = make_article("Ёлка", body=V2, steps=(Action.SUBMIT, Action.APPROVE))
    with store.session() as session:  # only an admin may change approved text
        update_article(session, team.admin, article.id, article.version, ArticleChanges(body=V3))
    edited = fresh(article.id)
    assert edited.status is Status.IN_REVIEW

    panel = panel_for(qtbot, ops_for(team.reviewer))
    panel.set_article(edited)

    # Opened by the reviewer: the changes since what they approved come first.
    text = wait_for_diff(qtbot, panel)
    assert "Changes since the approved version 1" in text
    assert "up to the current version 2" in text
    inserted, deleted = marked_text(panel.diff_view.document())
    assert inserted.strip() == "субботу" and deleted.strip() == "пятницу"
    html = panel.diff_view.toHtml()
    assert "line-through" in html and "underline" in html
    assert panel.compare_approved_button.isEnabled()
    # The approved version is marked in the list.
    notes = {
        panel.revisions.index(row, 0).data(REVISION_NUMBER_ROLE): panel.revisions.index(
            row, RevisionColumn.NOTE
        ).data()
        for row in range(panel.revisions.rowCount())
    }
    assert notes == {1: "approved", 2: ""}

    # The audit trail tells the story, the app's own reason translated.
    rows = [
        [panel.audit.index(r, c).data() for c in AuditColumn] for r in range(panel.audit.rowCount())
    ]
    assert [row[AuditColumn.CHANGE] for row in rows] == [
        "created: Draft",
        "Draft → In review",
        "In review → Approved",
        "Approved → In review",
    ]
    assert rows[-1][AuditColumn.WHO] == "Анна Редакторова"  # the admin who edited
    assert rows[-1][AuditColumn.REASON] == audit_reason_text(
        SystemReason.EDITED_AFTER_APPROVAL.value, MOSCOW
    )
    assert rows[-1][AuditColumn.REASON] == "edited after approval"


def test_never_approved_says_so(qtbot, team, ops_for, three_versions):
    panel = panel_for(qtbot, ops_for(team.editor))
    panel.set_article(three_versions)
    wait_for_diff(qtbot, panel)
    assert not panel.compare_approved_button.isEnabled()
    panel.compare_with_approved()
    assert "never approved" in wait_for_diff(qtbot, panel)


def test_a_slow_diff_shows_a_placeholder_and_a_stale_one_is_dropped(
    qtbot, team, ops_for, three_versions
):
    ops = ops_for(team.editor)
    panel = panel_for(qtbot, ops)
    panel.set_article(three_versions)
    wait_for_diff(qtbot, panel)
    ids = {r.number: r.id for r in panel.revisions.revisions()}
    release = threading.Event()
    real = ops.diff_revisions

    def slow(old_id: int, new_id: int):
        if old_id == ids[1]:
            release.wait(5)
        return real(old_id, new_id)

    ops.diff_revisions = slow  # type: ignore[method-assign]
    panel.select_revisions([ids[2]])  # 1 -> 2: slow
    assert panel.diff_view.toPlainText() == "Computing the differences…"
    panel.select_revisions([ids[3]])  # 2 -> 3: fast, asked for later
    qtbot.waitUntil(lambda: "to version 3" in panel.diff_view.toPlainText(), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: not panel.is_computing(), timeout=5000)
    assert "to version 3" in panel.diff_view.toPlainText()  # the late answer was dropped


def test_restore_a_version_after_confirmation(
    qtbot, store, team, ops_for, three_versions, message_boxes, fresh
):
    from editorial_desk.services.history import list_revisions

    panel = panel_for(qtbot, ops_for(team.editor))
    panel.set_article(three_versions)
    wait_for_diff(qtbot, panel)
    ids = {r.number: r.id for r in panel.revisions.revisions()}
    panel.select_revisions([ids[3]])
    assert not panel.restore_button.isEnabled()  # the current text already
    panel.select_revisions([ids[1]])
    assert panel.restore_button.isEnabled()
    changed = []
    panel.articleChanged.connect(changed.append)

    message_boxes.answers.append(QMessageBox.StandardButton.No)
    panel.restore_button.click()
    assert changed == [] and fresh(three_versions.id).version == three_versions.version

    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    panel.restore_button.click()

    assert message_boxes.texts() == ["Restore version 1?"] * 2
    restored = fresh(three_versions.id)
    assert [a.version for a in changed] == [restored.version]
    assert (restored.title, restored.body) == ("Ёлка", V1)
    with store.session() as session:
        assert [r.number for r in list_revisions(session, restored.id)] == [1, 2, 3, 4]
    assert panel.revisions.index(0, 0).data() == "4"  # the panel shows the new version


def test_restore_refused_when_someone_saved_meanwhile(
    qtbot, store, team, ops_for, three_versions, message_boxes, fresh
):
    from editorial_desk.services.articles import update_article

    panel = panel_for(qtbot, ops_for(team.editor))
    panel.set_article(three_versions)
    wait_for_diff(qtbot, panel)
    with store.session() as session:
        update_article(
            session,
            team.editor,
            three_versions.id,
            three_versions.version,
            ArticleChanges(lead="Другой лид"),
        )
    ids = {r.number: r.id for r in panel.revisions.revisions()}
    panel.select_revisions([ids[1]])
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    assert panel.restore_selected() is None
    assert message_boxes.shown[-1][0] == "Saved by someone else"
    assert fresh(three_versions.id).lead == "Другой лид"


def test_who_may_not_edit_cannot_restore_and_is_told_why(qtbot, team, ops_for, three_versions):
    panel = panel_for(qtbot, ops_for(team.reviewer))
    panel.set_article(three_versions)
    wait_for_diff(qtbot, panel)
    ids = {r.number: r.id for r in panel.revisions.revisions()}
    panel.select_revisions([ids[1]])
    assert not panel.restore_button.isEnabled()
    assert panel.restore_button.toolTip() == "The role “Reviewer” does not allow “Edit the text”."
    assert panel.revisions.index(0, 0).data(REVISION_ID_ROLE) == ids[3]


def test_no_article(qtbot, team, ops_for):
    panel = panel_for(qtbot, ops_for(team.editor))
    panel.set_article(None)
    assert panel.revisions.rowCount() == 0 and panel.audit.rowCount() == 0
    assert panel.diff_view.toPlainText() == "No article is open."
    assert not panel.restore_button.isEnabled()


def test_a_big_article_diff_is_marked(qtbot, store, team, ops_for, make_article):
    from editorial_desk.services.articles import update_article

    paragraphs = [f"<p>Абзац {n}: городские службы продолжают работу.</p>" for n in range(1500)]
    article = make_article("Большая", body="".join(paragraphs))
    paragraphs[700] = "<p>Абзац 700: городские службы завершили работу.</p>"
    with store.session() as session:
        update_article(
            session,
            team.editor,
            article.id,
            article.version,
            ArticleChanges(body="".join(paragraphs)),
        )
    panel = panel_for(qtbot, ops_for(team.editor))
    panel.set_article(article)
    panel.reload()
    wait_for_diff(qtbot, panel)
    inserted, deleted = marked_text(panel.diff_view.document())
    assert (inserted.strip(), deleted.strip()) == ("завершили", "продолжают")


def test_diff_paragraphs_keep_the_new_text_and_mark_changed_breaks():
    from editorial_desk.document.diff import DiffKind, diff_words
    from editorial_desk.ui.review.diff_view import paragraphs

    old = "Первый абзац.\nВторой абзац.\nТретий абзац."
    new = "Первый абзац. Второй абзац.\nТретий\nабзац, новый."
    lines = paragraphs(tuple(diff_words(old, new)))
    shown = [
        "".join(s.text for s in line if s.kind is not DiffKind.DELETE).replace("¶", "")
        for line in lines
    ]
    assert shown == new.split("\n")
    # the removed break is shown struck through inside its line, the added one ends it
    assert any(s.kind is DiffKind.DELETE and "\n" in s.text for s in lines[0])
    assert lines[1][-1] == DiffSegment(DiffKind.INSERT, "¶")


def test_exports_are_listed_with_the_changed_since_marker(qtbot, store, tmp_path):
    """Provenance: each export of the article is in its history, and an edit after
    the export is flagged."""
    from editorial_desk.domain.article import ArticleChanges
    from editorial_desk.services.articles import create_article, update_article
    from editorial_desk.services.exports import export_articles
    from editorial_desk.services.users import ensure_user
    from editorial_desk.ui.context import AppContext
    from editorial_desk.ui.review.history_panel import HistoryPanel
    from editorial_desk.ui.review.operations import ReviewOperations

    with store.session() as session:
        admin = ensure_user(session, "boss", "Начальник")
        article = create_article(session, admin, title="Выгрузка", body="<p>Текст</p>")
        export_articles(session, admin, [article.id], "docx", tmp_path)
    panel = HistoryPanel(UTC)
    qtbot.addWidget(panel)
    panel.attach(ReviewOperations(AppContext(store, admin, UTC)))
    panel.set_article(article)
    assert panel.exports_list.count() == 1
    assert "DOCX" in panel.exports_list.item(0).text()
    assert str(tmp_path) in panel.exports_list.item(0).text()
    assert "changed since" not in panel.export_status_label.text()
    with store.session() as session:
        changed = update_article(session, admin, article.id, 1, ArticleChanges(body="<p>Новый</p>"))
    panel.set_article(changed)
    assert "changed since" in panel.export_status_label.text()
