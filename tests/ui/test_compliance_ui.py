"""Compliance: the keyboard-first copy-back grid (paper order, read-only recorded rows, per-row
errors, one save) and the household compliance panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from app.models import ComplianceRecord
from app.services.compliance import AttendanceEntry, compliance_grid, record_attendance
from app.ui.itemmodels.compliance_grid_model import ComplianceGridModel
from app.ui.views.compliance_view import ComplianceView
from tests.test_compliance import SCHOOL, add_conditions, household, people
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui
G = ComplianceGridModel
PERIOD = "2026-05"


@pytest.fixture
def sheet(registry: Registry) -> dict[str, str]:
    """Three enrolled households with a child at school SCH-01; the third already recorded."""
    d = add_conditions(registry.district)
    hids = [household(d, village) for village in ("V002", "V001", "V003")]
    recorded = people(d, hids[2])["Fatou"]
    record_attendance(
        d.ctx(),
        condition_code=SCHOOL,
        period=PERIOD,
        service_point_code="SCH-01",
        entries=[AttendanceEntry(recorded, attended=19, expected=20)],
    )
    return {"recorded": recorded}


@pytest.fixture
def view(qtbot, registry: Registry, sheet) -> ComplianceView:
    view = ComplianceView(registry.district.ctx())
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: view.condition_combo.count() > 0, timeout=5000)
    with qtbot.waitSignal(view.grid_loaded, timeout=5000):
        view.choose(condition=SCHOOL, service_point="SCH-01", period=PERIOD)
    return view


def _records(registry: Registry) -> int:
    with registry.db.read_session() as s:
        return int(s.scalar(select(func.count()).select_from(ComplianceRecord)) or 0)


def _type(qtbot, keys: str) -> None:
    """Type like a clerk: each key goes to whatever has the focus (the cell editor once open)."""
    for key in keys:
        qtbot.keyClicks(QApplication.focusWidget(), key)


def _enter(qtbot) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def test_grid_follows_the_paper_sheet(qtbot, registry: Registry, view: ComplianceView) -> None:
    grid = compliance_grid(
        registry.db, service_point_code="SCH-01", condition_code=SCHOOL, period=PERIOD
    )
    model = view.model
    assert model.rowCount() == 3
    shown = [model.index(r, G.COL_HOUSEHOLD).data() for r in range(3)]
    assert shown == [r.household_code for r in grid.rows]
    assert [model.index(r, G.COL_NO).data() for r in range(3)] == ["1", "2", "3"]
    assert model.headerData(G.COL_ATTENDED, Qt.Orientation.Horizontal, 0) == "Days present"
    recorded = next(r for r in range(3) if model.row_at(r).recorded)
    assert not (model.flags(model.index(recorded, G.COL_ATTENDED)) & Qt.ItemFlag.ItemIsEditable)
    assert model.index(recorded, G.COL_CHECK).data() == "Recorded"
    assert model.index(recorded, G.COL_OUTCOME).data() == "Met"
    assert "Listed 3" in view.header_label.text()


def test_keying_a_sheet_and_saving_it(qtbot, registry: Registry, view: ComplianceView) -> None:
    model = view.model
    editable = [r for r in range(3) if model.is_editable_row(r)]
    assert len(editable) == 2
    view.expected_edit.setText("20")
    view.expected_edit.editingFinished.emit()
    view.table.setFocus()
    assert view.table.currentIndex().row() == editable[0]
    assert view.table.currentIndex().column() == G.COL_ATTENDED

    _type(qtbot, "18")
    _enter(qtbot)  # commits and moves down, skipping the recorded row
    assert view.table.currentIndex().row() == editable[1]
    _type(qtbot, "25")  # more than expected: refused on its row at save
    _enter(qtbot)
    assert model.entry_at(editable[0]).attended == 18
    assert model.entry_at(editable[0]).expected == 20  # from "Expected on every row"
    assert model.index(editable[0], G.COL_OUTCOME).data() == "Met"  # derived preview

    view.save_button.click()
    qtbot.waitUntil(lambda: model.rows_with_errors() == [editable[1]], timeout=5000)
    assert "cannot exceed expected" in model.index(editable[1], G.COL_CHECK).data()
    assert "needs correcting" in view.status_label.text()
    assert _records(registry) == 1  # nothing written

    # Fix the row from the keyboard: clear the count, then key the outcome directly.
    view.table.setCurrentIndex(model.index(editable[1], G.COL_ATTENDED))
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    qtbot.keyClick(view.table, Qt.Key.Key_Right)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    qtbot.keyClick(view.table, Qt.Key.Key_Right)
    assert view.table.currentIndex().column() == G.COL_OUTCOME
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert model.entry_at(editable[1]).outcome == "MET"
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert model.entry_at(editable[1]).outcome == "NOT_MET"
    assert model.rows_with_errors() == []

    with qtbot.waitSignal(view.saved, timeout=5000) as saved:
        view.save_button.click()
    assert saved.args == [2]
    assert _records(registry) == 3
    qtbot.waitUntil(lambda: all(model.row_at(r).recorded for r in range(3)), timeout=5000)
    assert "Saved 2 lines: 1 met, 1 not met" in view.status_label.text()


def test_selecting_a_row_shows_the_household_compliance(qtbot, view: ComplianceView) -> None:
    model = view.model
    recorded = next(r for r in range(3) if model.row_at(r).recorded)
    view.table.setCurrentIndex(model.index(recorded, G.COL_NAME))
    code = model.row_at(recorded).household_code
    qtbot.waitUntil(
        lambda: view.panel.data is not None and view.panel.data.household_code == code,
        timeout=5000,
    )
    # The recorded child met the condition; a younger sibling (6, not at this school) has no
    # record yet, so the month is "not reported" and the household has no status yet.
    school = next(c for c in view.panel.data.conditions if c.condition_code == SCHOOL)
    assert (school.cells[-1].period, school.cells[-1].met, school.cells[-1].missing) == (
        PERIOD,
        1,
        1,
    )
    text = view.panel.body_label.text()
    assert PERIOD in text and "Not reported" in text and "1 met, 0 not met, 1 not reported" in text


def test_household_panel_loads_by_household_id(qtbot, registry: Registry, sheet) -> None:
    from app.ui.views.household_compliance_panel import HouseholdCompliancePanel

    panel = HouseholdCompliancePanel(registry.district.ctx())
    qtbot.addWidget(panel)
    panel.load(registry.ids["Baldé"])  # enrolled in CT-UNC only: no conditions apply
    qtbot.waitUntil(lambda: panel.data is not None, timeout=5000)
    assert panel.data.conditions == [] and panel.data.status == "NO_DATA"
    assert "No conditions apply" in panel.body_label.text()


def test_main_window_shows_the_compliance_and_grievance_areas(qtbot, registry: Registry) -> None:
    from app.ui.main_window import COMPLIANCE, GRIEVANCES, MainWindow
    from app.ui.views.grievances_view import GrievancesView

    window = MainWindow(registry.district.ctx(), remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    window.nav_list.setCurrentRow(COMPLIANCE)
    assert isinstance(window.pages.currentWidget(), ComplianceView)
    window.nav_list.setCurrentRow(GRIEVANCES)
    grievances = window.pages.currentWidget()
    assert isinstance(grievances, GrievancesView)
    qtbot.waitUntil(lambda: grievances.model.first_page_in, timeout=5000)
