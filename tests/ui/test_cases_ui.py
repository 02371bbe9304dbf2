"""Cases area: open a case, decide it as a supervisor, propose an action and see it pending."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.case_queries import get_case
from app.services.cases import decide_case, open_case
from app.services.change_requests import approve_request
from app.ui import i18n
from app.ui.dialogs.case_dialogs import ActionDialog, DecideDialog, OpenCaseDialog
from app.ui.views.cases_view import CasesView
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui


def _view(qtbot, registry: Registry, username: str = "officer") -> CasesView:
    view = CasesView(registry.district.ctx(username))
    qtbot.addWidget(view)
    view.resize(1200, 720)
    view.show()
    qtbot.waitUntil(lambda: view.loads >= 1, timeout=5000)
    return view


def _shown(qtbot, view: CasesView, case_id: str, check=lambda _page: True) -> None:
    qtbot.waitUntil(
        lambda: view.page is not None and view.page.id == case_id and check(view.page),
        timeout=5000,
    )


def _confirmed(registry: Registry) -> str:
    d = registry.district
    case_id = open_case(d.ctx(), type="IDENTITY_FRAUD", household_ref=registry.ids["Baldé"])
    decide_case(d.ctx("supervisor"), case_ref=case_id, decision="CONFIRMED", note="Fake ID")
    return case_id


def test_open_a_case_from_the_dialog(qtbot, registry: Registry) -> None:
    view = _view(qtbot, registry)
    assert view.model.rowCount() == 0 and not view.detail.decide_button.isVisible()
    dialog = view.open_case_dialog()
    assert isinstance(dialog, OpenCaseDialog)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_for("household") != "", timeout=5000)
    assert "Choose the household" in dialog.error_for("household")
    dialog.household_picker.search_edit.setText("Baldé")
    picker = dialog.household_picker
    qtbot.waitUntil(lambda: picker.results_list.count() == 1, timeout=5000)
    picker.results_list.itemClicked.emit(picker.results_list.item(0))
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("DUPLICATE"))
    dialog.findings_edit.setPlainText("Registered twice in two villages")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save_button.click()
    case_id = dialog.outcome()
    _shown(qtbot, view, case_id)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    page = view.page
    assert page is not None and page.household_id == registry.ids["Baldé"]
    assert view.detail.status_label.text() == "Open"
    assert "Registered twice" in view.detail.findings_view.toPlainText()
    assert view.detail.findings_button.isEnabled()
    assert not view.detail.action_button.isEnabled() and not view.detail.close_button.isEnabled()


def test_a_supervisor_decides(qtbot, registry: Registry) -> None:
    case_id = open_case(
        registry.district.ctx(), type="INELIGIBLE", household_ref=registry.ids["Sow"]
    )
    view = _view(qtbot, registry, "supervisor")
    view.table.selectRow(0)
    _shown(qtbot, view, case_id)
    assert view.detail.decide_button.isVisible() and view.detail.decide_button.isEnabled()
    dialog = view.decide_dialog()
    assert isinstance(dialog, DecideDialog)
    dialog.save_button.click()
    assert dialog.error_for("decision") == "This field is required."
    dialog.confirmed_radio.setChecked(True)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_for("note") != "", timeout=5000)
    dialog.note_edit.setPlainText("House visit: two salaried members")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save_button.click()
    _shown(qtbot, view, case_id, lambda page: page.decision == "CONFIRMED")
    assert view.detail.facts["decision"].text() == "Confirmed, by supervisor"
    assert view.detail.action_button.isEnabled() and view.detail.close_button.isEnabled()
    assert not view.detail.decide_button.isEnabled()


def test_propose_an_action_and_see_it_pending(qtbot, registry: Registry) -> None:
    case_id = _confirmed(registry)
    view = _view(qtbot, registry)
    view.select_case(case_id)
    _shown(qtbot, view, case_id)
    dialog = view.action_dialog()
    assert isinstance(dialog, ActionDialog)
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("ADJUST_BENEFIT"))
    assert not dialog.pay_point_combo.isVisible() and dialog.amount_edit.isVisible()
    dialog.amount_edit.setText("abc")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_for("amount") != "", timeout=5000)
    assert dialog.error_for("amount") == "Not a number."
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("CHANGE_PAY_POINT"))
    assert dialog.pay_point_combo.count() == 2 and not dialog.amount_edit.isVisible()
    dialog.save_button.click()  # the household's own pay point: refused by the preview
    qtbot.waitUntil(lambda: dialog.error_for("pay_point") != "", timeout=5000)
    assert dialog.error_for("pay_point") == "This is already the current value."
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("EXIT"))
    assert "Fraud" in dialog.intro_label.text()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save_button.click()
    _shown(qtbot, view, case_id, lambda page: len(page.actions) == 1)
    model = view.detail.actions_model
    assert [model.index(0, c).data() for c in range(3)] == ["Exit", "Fraud", "Pending approval"]
    assert not view.detail.close_button.isEnabled()
    assert "pending approval" in view.detail.hint_label.text()

    request_id = view.page.actions[0].request_id if view.page else None
    assert request_id is not None
    approve_request(registry.district.ctx("supervisor"), request_id=request_id)
    view.select_case(case_id)
    _shown(qtbot, view, case_id, lambda page: page.actions[0].status == "APPLIED")
    assert model.index(0, 4).data() == "supervisor"
    assert view.detail.close_button.isEnabled()
    page = get_case(registry.db, ref=case_id)
    assert page.enrolments == []  # the exit applied


def test_french_labels_fit(qtbot, registry: Registry, tmp_path: Path) -> None:
    if i18n.qm_for("fr", tmp_path) is None:
        pytest.skip("lrelease is not available")
    translators = i18n.install_translators("fr", tmp_path)
    try:
        case_id = _confirmed(registry)
        view = _view(qtbot, registry)
        view.select_case(case_id)
        _shown(qtbot, view, case_id)
        assert view.detail.action_button.text() == "Action corrective…"
        assert view.detail.status_label.text() == "Décidé"
        assert view.detail.facts["decision"].text() == "Confirmé, par supervisor"
        for button in (view.detail.findings_button, view.detail.action_button):
            assert button.width() >= button.sizeHint().width()
    finally:
        i18n.remove_translators(translators)
