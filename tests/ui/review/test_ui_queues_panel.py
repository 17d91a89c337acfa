"""«Ждут меня» per role, on a real store; activating an article opens it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from editorial_desk.domain.workflow import Action
from editorial_desk.ui.review.queues_panel import ARTICLE_ID_ROLE, QueuesPanel

APPROVE = (Action.SUBMIT, Action.APPROVE)


@pytest.fixture
def office(make_article, team):
    soon = datetime.now(UTC) + timedelta(hours=1)
    return {
        "draft": make_article("Черновик"),
        "review": make_article("На проверке", steps=(Action.SUBMIT,)),
        "returned_anna": make_article("Возвращена Анне", steps=(Action.SUBMIT, Action.RETURN)),
        "returned_boris": make_article(
            "Возвращена Борису", steps=(Action.SUBMIT, Action.RETURN), author=team.other_editor
        ),
        "approved": make_article("Одобрена", steps=APPROVE),
        "soon": make_article("Выходит через час", steps=APPROVE, planned_at=soon),
        "later": make_article("Через неделю", steps=APPROVE, planned_at=soon + timedelta(days=7)),
    }


def panel_for(qtbot, ops) -> QueuesPanel:
    panel = QueuesPanel()
    qtbot.addWidget(panel)
    panel.attach(ops)
    return panel


def shown(panel: QueuesPanel) -> dict[str, list[str]]:
    tree = panel.tree
    result = {}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        result[group.text(0)] = [
            group.child(j).text(0)
            for j in range(group.childCount())
            if group.child(j).data(0, ARTICLE_ID_ROLE) is not None
        ]
    return result


def test_each_role_sees_its_queue(qtbot, team, ops_for, office):
    assert shown(panel_for(qtbot, ops_for(team.reviewer))) == {"To review (1)": ["На проверке"]}
    assert shown(panel_for(qtbot, ops_for(team.editor))) == {
        "Returned to me (1)": ["Возвращена Анне"]
    }
    assert shown(panel_for(qtbot, ops_for(team.exporter))) == {
        "To publish (2)": ["Выходит через час", "Одобрена"]
    }
    assert shown(panel_for(qtbot, ops_for(team.admin))) == {
        "To review (1)": ["На проверке"],
        "Returned to me (2)": ["Возвращена Анне", "Возвращена Борису"],
        "To publish (2)": ["Выходит через час", "Одобрена"],
    }


def test_activating_an_article_opens_it_and_counts_are_reported(qtbot, team, ops_for, office):
    panel = QueuesPanel()
    qtbot.addWidget(panel)
    counts = []
    panel.countChanged.connect(counts.append)
    panel.attach(ops_for(team.exporter))
    assert counts == [2]
    group = panel.tree.topLevelItem(0)
    item = group.child(1)
    with qtbot.waitSignal(panel.openArticle) as opened:
        panel.tree.itemActivated.emit(item, 0)
    assert opened.args == [office["approved"].id]
    # The group row opens nothing.
    with qtbot.assertNotEmitted(panel.openArticle):
        panel.tree.itemActivated.emit(group, 0)


def test_double_click_opens(qtbot, team, ops_for, office):
    panel = panel_for(qtbot, ops_for(team.reviewer))
    panel.show()
    qtbot.waitExposed(panel)
    item = panel.tree.topLevelItem(0).child(0)
    rect = panel.tree.visualItemRect(item)
    viewport = panel.tree.viewport()
    with qtbot.waitSignal(panel.openArticle) as opened:
        # QTest's double click alone has no press before it, which item views need.
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [office["review"].id]


def test_refresh_follows_the_workflow_and_keeps_the_selection(
    qtbot, store, team, ops_for, office, make_article
):
    from editorial_desk.services.workflow import transition

    panel = panel_for(qtbot, ops_for(team.reviewer))
    second = make_article("Ещё одна", steps=(Action.SUBMIT,))
    panel.refresh()
    assert shown(panel) == {"To review (2)": ["На проверке", "Ещё одна"]}
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0).child(1))
    with store.session() as session:
        transition(session, team.reviewer, office["review"].id, Action.APPROVE)
    panel.refresh()
    assert shown(panel) == {"To review (1)": ["Ещё одна"]}
    assert panel.current_article_id() == second.id


def test_an_empty_queue_says_so(qtbot, team, ops_for):
    panel = panel_for(qtbot, ops_for(team.reviewer))
    group = panel.tree.topLevelItem(0)
    assert group.text(0) == "To review (0)"
    assert group.child(0).text(0) == "Nothing is waiting for review."
    assert group.child(0).flags() == Qt.ItemFlag.NoItemFlags
