"""Follow-up area: plan measures for non-compliance and work them; labour-programme activities."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.vocab import ActivityStatus, MeasureStatus
from app.services.compliance import (
    AttendanceEntry,
    check_non_compliance,
    list_measures,
    record_attendance,
    update_measure,
)
from app.services.compliance_rules import MeasureKind
from app.ui import labels
from app.ui.dialogs.followup_dialogs import (
    AssignMeasureDialog,
    CheckNonComplianceDialog,
    FinishMeasureDialog,
    RecordDaysDialog,
)
from app.ui.itemmodels.measure_table_model import MeasureTableModel
from app.ui.views.followup_view import FollowUpView
from tests.test_compliance import SCHOOL, add_conditions, code_of, household, people
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui
M = MeasureTableModel


@pytest.fixture
def failing(registry: Registry) -> str:
    """A CT-COND household whose child missed school in April and May 2026 (today: June 15)."""
    d = add_conditions(registry.district)
    hid = household(d, "V002")
    for period in ("2026-04", "2026-05"):
        record_attendance(
            d.ctx(),
            condition_code=SCHOOL,
            period=period,
            service_point_code="SCH-01",
            entries=[AttendanceEntry(people(d, hid)["Fatou"], attended=5, expected=20)],
        )
    return hid


def _view(qtbot, registry: Registry, username: str = "officer") -> FollowUpView:
    view = FollowUpView(registry.district.ctx(username), load_now=False)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    with qtbot.waitSignal(view.measures.measures_loaded, timeout=5000):
        view.refresh()
    return view


def _cell(view: FollowUpView, row: int, column: int) -> str:
    return view.measures.model.index(row, column).data()


def _save(qtbot, dialog, *, accepted: bool = True) -> None:
    if accepted:
        with qtbot.waitSignal(dialog.accepted, timeout=5000):
            dialog.save_button.click()
    else:
        dialog.save_button.click()


def _reload(qtbot, view: FollowUpView, action) -> None:
    with qtbot.waitSignal(view.measures.measures_loaded, timeout=5000):
        action()


def test_check_non_compliance_plans_a_measure_shown_in_the_table(
    qtbot, registry: Registry, failing: str
) -> None:
    view = _view(qtbot, registry)
    panel = view.measures
    assert panel.model.rowCount() == 0 and panel.count_label.text() == "No measure"
    assert not panel.assign_button.isEnabled()
    panel.check_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, CheckNonComplianceDialog)
    assert dialog.period_edit.text() == "2026-05"  # the previous month
    dialog.period_edit.setText("2026-13")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_for("period") != "", timeout=5000)
    assert dialog.error_for("period") == "Not a valid period (use YYYY-MM)."
    assert dialog.isVisible()
    dialog.period_edit.setText("2026-05")
    with qtbot.waitSignal(panel.measures_loaded, timeout=5000):
        _save(qtbot, dialog)
    assert panel.result_label.text() == "1 follow-up measure planned for 2026-05."
    assert panel.model.rowCount() == 1 and panel.count_label.text() == "1 measure"
    assert _cell(view, 0, M.COL_HOUSEHOLD) == code_of(registry.district, failing)
    assert _cell(view, 0, M.COL_HEAD) == "Moussa Diallo"
    assert _cell(view, 0, M.COL_CONDITION) == SCHOOL
    assert _cell(view, 0, M.COL_REASON) == "Not met in 2026-04, 2026-05"
    assert _cell(view, 0, M.COL_STATUS) == "Planned"
    assert _cell(view, 0, M.COL_ASSIGNEE) == ""
    assert "Case-worker visit for household" in panel.detail_label.text()  # selected at once
    assert panel.assign_button.isEnabled() and panel.start_button.isEnabled()

    # Checking again plans nothing new.
    panel.check_button.click()
    with qtbot.waitSignal(panel.measures_loaded, timeout=5000):
        _save(qtbot, panel.dialog)
    assert panel.result_label.text() == "No new follow-up needed for 2026-05."
    assert panel.model.rowCount() == 1


def test_assign_start_and_finish_a_measure(qtbot, registry: Registry, failing: str) -> None:
    d = registry.district
    (measure,) = check_non_compliance(d.ctx(), period="2026-05")
    view = _view(qtbot, registry)
    panel = view.measures
    panel.table.selectRow(0)
    with qtbot.waitSignal(view.household_requested, timeout=1000) as opened:
        panel.open_household_button.click()
    assert opened.args == [failing]

    panel.assign_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, AssignMeasureDialog), timeout=5000)
    dialog = panel.dialog
    assert isinstance(dialog, AssignMeasureDialog)
    users = [dialog.assignee_combo.itemData(i) for i in range(dialog.assignee_combo.count())]
    assert set(users) == {"officer", "supervisor", "hq"}  # no viewer, no other district
    dialog.assignee_combo.setCurrentIndex(users.index("supervisor"))
    with qtbot.waitSignal(view.changed, timeout=5000):
        _save(qtbot, dialog)
    qtbot.waitUntil(lambda: _cell(view, 0, M.COL_ASSIGNEE) == "supervisor", timeout=5000)
    assert panel.selected() is not None and panel.selected().id == measure.id  # kept

    _reload(qtbot, view, panel.start_button.click)
    assert _cell(view, 0, M.COL_STATUS) == "In progress"
    assert not panel.start_button.isEnabled() and panel.done_button.isEnabled()

    dialog = panel.finish_dialog(MeasureStatus.DONE)
    assert isinstance(dialog, FinishMeasureDialog)
    _save(qtbot, dialog, accepted=False)  # no outcome yet: refused beside the field
    qtbot.waitUntil(lambda: dialog.error_for("outcome") != "", timeout=5000)
    assert dialog.error_for("outcome") == "This field is required."
    dialog.outcome_edit.setPlainText("Fatou is back at school; the father signed the plan.")
    with qtbot.waitSignal(panel.measures_loaded, timeout=5000):
        _save(qtbot, dialog)
    assert panel.model.rowCount() == 0  # the list shows open measures
    _reload(qtbot, view, lambda: panel.status_combo.setCurrentIndex(1))  # any status
    assert _cell(view, 0, M.COL_STATUS) == "Done"
    panel.table.selectRow(0)
    assert "Outcome: Fatou is back at school" in panel.detail_label.text()
    assert not panel.done_button.isEnabled() and not panel.cancel_button.isEnabled()
    (done,) = list_measures(d.db, today=d.ctx().today(), actor=d.ctx().actor)
    assert (done.status, done.assignee) == ("DONE", "supervisor")


def test_cancel_needs_an_outcome_and_overdue_measures_stand_out(
    qtbot, registry: Registry, failing: str
) -> None:
    d = registry.district
    (measure,) = check_non_compliance(d.ctx(), period="2026-05")
    update_measure(d.ctx(), measure_id=measure.id, due_date="2026-06-01")
    view = _view(qtbot, registry)
    model = view.measures.model
    index = model.index(0, M.COL_DUE)
    assert model.data(index, M.OverdueRole) is True
    assert index.data().endswith("14 days overdue")
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index(0, M.COL_HEAD), Qt.ItemDataRole.BackgroundRole) is not None

    view.measures.table.selectRow(0)
    dialog = view.measures.finish_dialog(MeasureStatus.CANCELLED)
    assert dialog is not None and dialog.windowTitle().startswith("Cancel the follow-up")
    dialog.outcome_edit.setPlainText("The family moved away.")
    with qtbot.waitSignal(view.measures.measures_loaded, timeout=5000):
        _save(qtbot, dialog)
    assert model.rowCount() == 0


def test_activities_tab_shows_the_sequence_and_records_days(qtbot, registry: Registry) -> None:
    d = add_conditions(registry.district)
    hid = household(d, "V001", programme="PW")
    view = _view(qtbot, registry)
    view.tabs.setCurrentWidget(view.activities)
    panel = view.activities
    assert not panel.record_button.isEnabled()
    picker = panel.household_picker
    picker.search_edit.setText(code_of(d, hid))
    qtbot.waitUntil(lambda: picker.results_list.count() == 1, timeout=5000)
    with qtbot.waitSignal(panel.progress_loaded, timeout=5000):
        picker.results_list.itemClicked.emit(picker.results_list.item(0))
    assert panel.member_combo.count() == 4
    assert panel.member_combo.currentText() == "Moussa Diallo (Head)"
    assert panel.member_id() == people(d, hid)["Moussa"]
    assert not panel.programme_combo.isVisible()  # only PW

    def rows() -> list[list[str]]:
        return [
            [panel.model.index(r, c).data() for c in range(panel.model.columnCount())]
            for r in range(panel.model.rowCount())
        ]

    assert rows() == [
        ["1", "Safety training", "3", "0", "Open", ""],
        ["2", "Dyke", "5", "0", "Locked", ""],
        ["3", "Trees", "2", "0", "Locked", ""],
    ]
    assert "now on activity 1, Safety training" in panel.summary_label.text()
    assert panel.record_button.isEnabled()

    panel.record_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, RecordDaysDialog)
    assert "0 of 3 days done" in dialog.intro_label.text()
    dialog.days_spin.setValue(5)
    _save(qtbot, dialog, accepted=False)
    qtbot.waitUntil(lambda: dialog.error_for("days_done") != "", timeout=5000)
    assert "3" in dialog.error_for("days_done")  # at most the 3 remaining days
    dialog.days_spin.setValue(3)
    with qtbot.waitSignal(panel.progress_loaded, timeout=5000):
        _save(qtbot, dialog)
    assert [r[3:5] for r in rows()] == [["3", "Completed"], ["0", "Open"], ["0", "Locked"]]
    assert rows()[0][5] != ""  # completed on today
    assert "now on activity 2, Dyke" in panel.summary_label.text()

    # A household outside any labour programme says so and offers no member.
    other = household(d, "V003")
    picker.clear()
    picker.search_edit.setText(code_of(d, other))
    qtbot.waitUntil(
        lambda: (
            picker.results_list.count() == 1
            and code_of(d, other) in picker.results_list.item(0).text()
        ),
        timeout=5000,
    )
    picker.results_list.itemClicked.emit(picker.results_list.item(0))
    qtbot.waitUntil(lambda: "not enrolled" in panel.summary_label.text(), timeout=5000)
    assert panel.member_combo.count() == 0 and panel.model.rowCount() == 0
    assert not panel.record_button.isEnabled()


def test_a_viewer_reads_without_actions(qtbot, registry: Registry, failing: str) -> None:
    check_non_compliance(registry.district.ctx(), period="2026-05")
    view = _view(qtbot, registry, "viewer")
    panel = view.measures
    assert not view.writable
    assert panel.model.rowCount() == 1
    for button in [*panel.action_buttons, view.activities.record_button]:
        assert not button.isVisible()
    assert panel.check_dialog() is None and panel.finish_dialog(MeasureStatus.DONE) is None
    panel.table.selectRow(0)
    assert panel.open_household_button.isVisible() and panel.open_household_button.isEnabled()


def test_every_follow_up_value_has_words() -> None:
    for enum in (MeasureStatus, ActivityStatus, MeasureKind):
        assert [v.value for v in enum if v.value not in labels.VOCAB] == []
