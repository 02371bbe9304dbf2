"""The conflict inbox: labels and names instead of columns and ids, decisions, the page banner."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from app.models.sync_state import OutboxOp, SyncConflict
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from app.ui.views.conflicts_view import ConflictsView
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui


def _members(registry: Registry, household: str) -> dict[str, str]:
    from app.models.registry import Individual

    with registry.db.read_session() as s:
        rows = s.execute(
            select(Individual.first_name, Individual.id).where(
                Individual.household_id == registry.ids[household]
            )
        )
        return {first: pid for first, pid in rows}


@pytest.fixture
def conflicts(registry: Registry) -> dict[str, str]:
    """A held head change on Sow, an auto-settled phone on Coly, a change HQ refused."""
    sow = _members(registry, "Sow")
    held = SyncConflict(
        table_name="households",
        row_id=registry.ids["Sow"],
        household_id=registry.ids["Sow"],
        district_id=registry.district.district_id,
        field="head_id",
        field_class="D",
        mine_value=sow["Fatou"],
        mine_by="officer",
        mine_at=datetime(2026, 6, 14, 8, 0, tzinfo=UTC),
        theirs_value=sow["Binta"],
        theirs_by="supervisor",
        theirs_at=datetime(2026, 6, 14, 9, 30, tzinfo=UTC),
        status="open",
    )
    auto = SyncConflict(
        table_name="households",
        row_id=registry.ids["Coly"],
        household_id=registry.ids["Coly"],
        field="phone",
        field_class="C",
        mine_value="+221770000001",
        theirs_value="+221770000002",
        theirs_by="supervisor",
        status="auto",
    )
    with registry.db.write_session() as s, s.begin():
        s.add_all([held, auto])
        op = s.scalars(select(OutboxOp).where(OutboxOp.table_name == "households")).first()
        assert op is not None
        s.execute(
            update(OutboxOp)
            .where(OutboxOp.op_id == op.op_id)
            .values(status="rejected", last_error="OUT_OF_SCOPE: not your district")
        )
    return {"held": held.id, "mine": sow["Fatou"], "theirs": sow["Binta"]}


@pytest.fixture
def view(qtbot, registry: Registry, conflicts: dict[str, str]) -> ConflictsView:
    view = ConflictsView(registry.district.ctx())
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.open_model.rowCount() == 1, timeout=5000)
    return view


def _row(model, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_inbox_shows_labels_names_and_who_changed_what(
    view: ConflictsView, registry: Registry
) -> None:
    household, record, field, mine, mine_by, mine_at, theirs, theirs_by, theirs_at = _row(
        view.open_model, 0
    )
    assert household.startswith("D01-")
    assert field == "Head of household"  # the label, not head_id
    assert (mine, theirs) == ("Fatou Sow", "Binta Sow")  # names, not ids
    assert (mine_by, theirs_by) == ("officer", "supervisor")
    assert mine_at.startswith("14/06/2026") and theirs_at.startswith("14/06/2026")
    assert record.startswith("Household")
    tabs = [view.tabs.tabText(i) for i in range(3)]
    assert tabs == [
        "Needs your decision (1)",
        "Settled automatically (1)",
        "Refused by HQ (1)",
    ]
    settled = _row(view.settled_model, 0)
    assert settled[2] == "Phone" and settled[6] == "Latest change kept"
    refused = _row(view.rejected_model, 0)
    assert refused[2] == "This record belongs to another district: you cannot open or change it."


def test_keep_mine_resolves_and_empties_the_inbox(
    qtbot, view: ConflictsView, registry: Registry, conflicts: dict[str, str]
) -> None:
    assert view.keep_button.isEnabled()
    with qtbot.waitSignal(view.resolved, timeout=5000):
        view.keep_button.click()
    qtbot.waitUntil(lambda: view.open_model.rowCount() == 0, timeout=5000)
    assert view.settled_model.rowCount() == 2
    assert not view.keep_button.isEnabled()
    from app.models.registry import Household

    with registry.db.read_session() as s:
        assert s.get(Household, registry.ids["Sow"]).head_id == conflicts["mine"]
        assert s.get(SyncConflict, conflicts["held"]).resolution == "keep_mine"


def test_new_value_is_chosen_among_the_members(
    qtbot, view: ConflictsView, registry: Registry
) -> None:
    view.new_value_button.click()
    dialog = view.dialog
    assert dialog is not None and dialog.windowTitle() == "New value for Head of household"
    assert dialog.mine_label.text() == "Fatou Sow"
    assert dialog.value_combo is not None
    names = [dialog.value_combo.itemText(i) for i in range(dialog.value_combo.count())]
    assert sorted(names) == ["Binta Sow", "Fatou Sow", "Mariama Sow"]
    dialog.value_combo.setCurrentIndex(dialog.value_combo.findText("Mariama Sow"))
    with qtbot.waitSignal(view.resolved, timeout=5000):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: view.open_model.rowCount() == 0, timeout=5000)
    rows = [_row(view.settled_model, r) for r in range(view.settled_model.rowCount())]
    head = next(r for r in rows if r[2] == "Head of household")
    assert head[5:7] == ["Mariama Sow", "New value set"]


def test_household_banner_links_to_the_inbox(qtbot, registry: Registry, conflicts) -> None:
    window = MainWindow(registry.district.ctx(), settings=Settings(), remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    assert "Open conflicts: 1" in window.conflicts_label.text()
    page = window.household_page
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.open_household(registry.ids["Sow"])
    assert "1 sync conflict on this household waits for a decision." in page.notice_label.text()
    page.notice_label.linkActivated.emit("conflicts")
    assert window.pages.currentWidget() is window.conflicts_view
    qtbot.waitUntil(lambda: window.conflicts_view.open_model.rowCount() == 1, timeout=5000)
    window.conflicts_view.take_button.click()
    qtbot.waitUntil(lambda: "Open conflicts: 0" in window.conflicts_label.text(), timeout=5000)
