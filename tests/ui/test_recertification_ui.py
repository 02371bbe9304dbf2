"""Recertification screen: open a round, record visits, decide, close; cross-check a list."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6

from app.models import Enrolment, Individual
from app.ui.views.recertification_view import RecertificationView
from app.ui.views.round_tasks import RoundTasks
from tests.factories import enrol
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui


def _view(qtbot, registry: Registry, user: str, **kwargs) -> RecertificationView:
    view = RecertificationView(registry.district.ctx(user), **kwargs)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def _cell(model, row: int, column: int) -> str:
    return model.index(row, column).data()


def _statuses(panel: RoundTasks) -> list[str]:
    return [_cell(panel.model, r, 3) for r in range(panel.model.rowCount())]


def _save(qtbot, dialog) -> None:
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=5000)


def test_open_visit_decide_and_close_a_round(qtbot, registry: Registry) -> None:
    d = registry.district
    enrol(d, registry.ids["Sow"], "CT-UNC")
    enrol(d, registry.ids["Ndiaye"], "CT-UNC")  # ward W02: outside the round
    view = _view(qtbot, registry, "supervisor", confirm=lambda _parent, _text: True)
    assert view.open_button.isVisible() and not view.close_button.isEnabled()

    dialog = view.open_round_dialog()
    dialog.programme_combo.setCurrentIndex(dialog.programme_combo.findData("CT-UNC"))
    dialog.area_combo.setCurrentIndex(dialog.area_combo.findData("W01"))
    dialog.due_check.setChecked(True)
    _save(qtbot, dialog)
    panel = view.task_panel
    qtbot.waitUntil(lambda: panel.row_count() == 2, timeout=5000)
    assert view.rounds_model.rowCount() == 1
    assert _cell(view.rounds_model, 0, 0).startswith("RC-CT-UNC-")
    assert [_cell(view.progress_model, r, 0) for r in range(2)] == ["Médina Chérif", "Sinthiang"]
    assert "2 households, 2 not visited" in view.totals_label.text()
    assert _statuses(panel) == ["Pending", "Pending"]
    assert not panel.continue_button.isEnabled()

    # visit both, then Continue the first and Exit the second
    for row in (0, 1):
        panel.table.selectRow(row)
        assert panel.visit_button.isEnabled()
        visit = panel.record_visit()
        assert visit is not None
        if row == 1:
            visit.confirmed_check.setChecked(False)
            visit.note_edit.setText("Moved to Dakar")
        _save(qtbot, visit)
        qtbot.waitUntil(lambda r=row: _statuses(panel)[r : r + 1] == ["Visited"], timeout=5000)
    panel.table.selectRow(0)
    panel.continue_button.click()
    qtbot.waitUntil(lambda: _statuses(panel)[:1] == ["Decided"], timeout=5000)
    panel.table.selectRow(1)
    exit_dialog = panel.decide_exit()
    assert exit_dialog is not None
    exit_dialog.reason_combo.setCurrentIndex(exit_dialog.reason_combo.findData("MOVED_OUT_OF_AREA"))
    _save(qtbot, exit_dialog)
    qtbot.waitUntil(lambda: _statuses(panel) == ["Decided", "Decided"], timeout=5000)
    assert _cell(panel.model, 1, 5) == "Exit (Moved out of the area)"
    assert _cell(panel.model, 1, 6) == "Moved to Dakar"

    view.close_button.click()
    qtbot.waitUntil(lambda: _cell(view.rounds_model, 0, 3) == "Closed", timeout=5000)
    assert "exits applied: 1" in view.action_label.text()
    assert not view.close_button.isEnabled() and not panel.visit_button.isEnabled()
    names = {hid: name for name, hid in registry.ids.items()}
    with d.db.read_session() as s:
        status = {names[e.household_id]: e.status for e in s.query(Enrolment)}
    assert status == {"Baldé": "ACTIVE", "Sow": "EXITED", "Ndiaye": "ACTIVE"}


def test_closing_with_households_left_says_how_many(qtbot, registry: Registry) -> None:
    d = registry.district
    enrol(d, registry.ids["Sow"], "CT-UNC")
    view = _view(qtbot, registry, "supervisor", confirm=lambda _parent, _text: True)
    dialog = view.open_round_dialog()
    dialog.programme_combo.setCurrentIndex(dialog.programme_combo.findData("CT-UNC"))
    dialog.area_combo.setCurrentIndex(dialog.area_combo.findData("D01"))
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: view.task_panel.row_count() == 2, timeout=5000)
    view.close_button.click()
    qtbot.waitUntil(lambda: view.action_label.text() != "Round opened.", timeout=5000)
    assert "2 household(s) have no decision yet (2 not visited, 0 visited)" in (
        view.action_label.text()
    )
    # a second round over the same area is refused beside the area field
    again = view.open_round_dialog()
    again.programme_combo.setCurrentIndex(again.programme_combo.findData("CT-UNC"))
    again.area_combo.setCurrentIndex(again.area_combo.findData("V001"))
    again.save_button.click()
    qtbot.waitUntil(lambda: again.error_for("area") != "", timeout=5000)
    assert "is still open over this area" in again.error_for("area")
    again.reject()


def test_officers_visit_but_do_not_open_or_close(qtbot, registry: Registry) -> None:
    view = _view(qtbot, registry, "officer")
    assert not view.open_button.isVisible() and not view.close_button.isVisible()
    assert view.crosscheck_button.isVisible()


def test_cross_check_import_then_confirm_and_dismiss(
    qtbot, registry: Registry, tmp_path: Path
) -> None:
    csv = tmp_path / "deaths_may_2026.csv"
    csv.write_text(
        "national_id,first_name,last_name,dob,date_of_death\n"
        ",Fatou,SOW,02/02/1980,2026-05-20\n"
        ",Fatou,Ndiay,1980-02-02,2026-05-21\n"
        ",Nobody,Known,1990-01-01,2026-05-22\n",
        encoding="utf-8",
    )
    view = _view(qtbot, registry, "officer", choose_csv_path=lambda _parent: str(csv))
    dialog = view.open_crosscheck()
    assert not dialog.import_button.isEnabled()
    dialog.choose_button.click()
    assert dialog.source_edit.text() == "deaths may 2026"
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.last_result is not None and not dialog.busy, timeout=10000)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5000)
    assert "3 people checked: 2 new match(es)" in dialog.status_label.text()
    people = [dialog.model.index(r, 0).data() for r in range(2)]
    assert sorted(people) == ["Fatou Ndiaye", "Fatou Sow"]

    dialog.table.selectRow(people.index("Fatou Sow"))
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    assert dialog.status_label.text() == "Fatou Sow: death recorded."
    dialog.table.selectRow(0)
    dialog.note_edit.setText("Born in another village")
    dialog.dismiss_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=5000)
    assert dialog.status_label.text() == "Fatou Ndiaye: Dismissed."
    with registry.db.read_session() as s:
        fatou = s.query(Individual).filter_by(first_name="Fatou", last_name="Sow").one()
        assert fatou.status == "DECEASED" and str(fatou.date_of_death) == "2026-05-20"
    dialog.reject()


def test_cross_check_refuses_a_malformed_file(qtbot, registry: Registry, tmp_path: Path) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text("national_id,first_name,last_name,dob\n,Fatou,Sow,31/31/1980\n")
    view = _view(qtbot, registry, "officer", choose_csv_path=lambda _parent: str(csv))
    dialog = view.open_crosscheck()
    dialog.choose_button.click()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.status_label.text() != "", timeout=10000)
    assert "Line 2: 31/31/1980 is not a date" in dialog.status_label.text()
    assert dialog.model.rowCount() == 0 and dialog.import_button.isEnabled()
    dialog.reject()
