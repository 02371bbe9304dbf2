"""Grievances: the registration dialog, the filtered list with overdue tickets, the ticket page
(assign, comment, start, resolve, close, reopen) and the printed receipt."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.services.grievance_queries import get_grievance
from app.services.grievances import register_grievance
from app.ui.dialogs.grievance_dialog import GrievanceDialog
from app.ui.itemmodels.grievance_table_model import GrievanceTableModel
from app.ui.views.grievances_view import GrievancesView
from tests.factories import FIXED_NOW
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui
M = GrievanceTableModel
TODAY = FIXED_NOW.date()


def _ticket(registry: Registry, **kwargs) -> str:
    values = {
        "channel": "IN_PERSON",
        "category": "PAYMENT",
        "title": "May payment not received",
        "complainant_name": "Mariama Sow",
    }
    values.update(kwargs)
    return register_grievance(registry.district.ctx(), **values)


@pytest.fixture
def tickets(registry: Registry) -> dict[str, str]:
    return {
        "overdue": _ticket(registry, received_on="2026-05-01", title="Old payment complaint"),
        "fresh": _ticket(registry, category="TARGETING", title="Left out of the programme"),
        "anonymous": _ticket(
            registry,
            category="MISCONDUCT",
            anonymous=True,
            complainant_name=None,
            title="Agent asked for money",
        ),
    }


@pytest.fixture
def view(qtbot, registry: Registry, tickets, tmp_path: Path) -> GrievancesView:
    view = GrievancesView(
        registry.district.ctx(),
        choose_receipt_path=lambda _parent, suggested: str(tmp_path / Path(suggested).name),
    )
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model.first_page_in, timeout=5000)
    return view


def _titles(view: GrievancesView) -> list[str]:
    return [view.model.index(r, M.COL_TITLE).data() for r in range(view.model.rowCount())]


def test_dialog_validates_beside_the_fields_then_registers(qtbot, registry: Registry) -> None:
    dialog = GrievanceDialog(registry.district.ctx())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.errors.text_of("title") != "", timeout=5000)
    assert dialog.errors.text_of("title") == "This field is required."
    assert "complainant's name" in dialog.errors.text_of("complainant_name")
    assert dialog.isVisible()

    dialog.anonymous_check.setChecked(True)
    assert not dialog.name_edit.isEnabled() and not dialog.phone_edit.isEnabled()
    dialog.anonymous_check.setChecked(False)
    qtbot.keyClicks(dialog.title_edit, "Payment missing at the pay point")
    qtbot.keyClicks(dialog.name_edit, "Khady Ndiaye")
    qtbot.keyClicks(dialog.phone_edit, "+221770000009")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("PAYMENT"))
    qtbot.keyClicks(dialog.household_picker.search_edit, "ndiaye")
    qtbot.waitUntil(lambda: dialog.household_picker.results_list.count() == 1, timeout=5000)
    dialog.household_picker.results_list.itemClicked.emit(
        dialog.household_picker.results_list.item(0)
    )
    assert dialog.household_picker.household_id() == registry.ids["Ndiaye"]
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save_button.click()
    g = get_grievance(registry.db, ref=dialog.grievance_id(), today=TODAY)
    assert (g.complainant_name, g.complainant_phone, g.category) == (
        "Khady Ndiaye",
        "+221770000009",
        "PAYMENT",
    )
    assert g.household_id == registry.ids["Ndiaye"] and not g.anonymous


def test_anonymous_dialog_registers_without_a_name(qtbot, registry: Registry) -> None:
    dialog = GrievanceDialog(registry.district.ctx())
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, "typed before ticking")
    dialog.anonymous_check.setChecked(True)
    qtbot.keyClicks(dialog.title_edit, "Pay point agent was rude")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save_button.click()
    g = get_grievance(registry.db, ref=dialog.grievance_id(), today=TODAY)
    assert g.anonymous and g.complainant_name is None


def test_list_highlights_overdue_tickets_and_filters(qtbot, view: GrievancesView) -> None:
    assert view.model.rowCount() == 3
    # Tickets still being handled come first, earliest due date first: the overdue one leads.
    assert _titles(view)[0] == "Old payment complaint"
    due = view.model.index(0, M.COL_DUE)
    assert "overdue" in due.data()
    assert due.data(Qt.ItemDataRole.DecorationRole) is not None  # an icon, not colour alone
    assert due.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert view.model.index(1, M.COL_DUE).data(Qt.ItemDataRole.DecorationRole) is None
    anonymous_row = _titles(view).index("Agent asked for money")
    assert view.model.index(anonymous_row, M.COL_COMPLAINANT).data() == "Anonymous"
    qtbot.waitUntil(lambda: view.count_label.text() == "3 grievances", timeout=5000)

    view.overdue_check.setChecked(True)
    qtbot.waitUntil(lambda: _titles(view) == ["Old payment complaint"], timeout=5000)
    view.overdue_check.setChecked(False)
    view.category_combo.setCurrentIndex(view.category_combo.findData("TARGETING"))
    qtbot.waitUntil(lambda: _titles(view) == ["Left out of the programme"], timeout=5000)
    view.category_combo.setCurrentIndex(0)
    qtbot.keyClicks(view.search_edit, "agent")
    qtbot.waitUntil(lambda: _titles(view) == ["Agent asked for money"], timeout=5000)


def test_working_a_ticket_on_its_page(qtbot, view: GrievancesView, tickets) -> None:
    view.table.setCurrentIndex(view.model.index(0, 0))
    view.table.activated.emit(view.model.index(0, 0))
    detail = view.detail
    qtbot.waitUntil(lambda: detail.grievance is not None, timeout=5000)
    assert detail.grievance.id == tickets["overdue"]
    assert view.stack.currentWidget() is detail
    assert detail.overdue_label.isVisibleTo(detail) and "overdue" in detail.overdue_label.text()
    assert not detail.reopen_button.isEnabled() and detail.resolve_button.isEnabled()
    qtbot.waitUntil(lambda: detail.assignee_combo.count() > 0, timeout=5000)

    def status() -> str:
        return detail.grievance.status if detail.grievance else ""

    detail.assignee_combo.setCurrentIndex(detail.assignee_combo.findData("supervisor"))
    detail.assign_button.click()
    qtbot.waitUntil(lambda: detail.grievance.assignee == "supervisor", timeout=5000)
    assert status() == "OPEN"

    # An empty comment is refused beside the note box.
    detail.comment_button.click()
    qtbot.waitUntil(lambda: detail.errors.text_of("body") != "", timeout=5000)
    qtbot.keyClicks(detail.note_edit, "Called the pay point agent.")
    detail.comment_button.click()
    qtbot.waitUntil(lambda: len(detail.grievance.comments) == 1, timeout=5000)
    assert "Called the pay point agent." in detail.thread_view.toPlainText()
    assert detail.note_edit.toPlainText() == ""

    detail.start_button.click()
    qtbot.waitUntil(lambda: status() == "IN_PROGRESS", timeout=5000)
    qtbot.keyClicks(detail.note_edit, "Paid at the next distribution.")
    detail.resolve_button.click()
    qtbot.waitUntil(lambda: status() == "RESOLVED", timeout=5000)
    assert not detail.overdue_label.isVisibleTo(detail)
    detail.close_button.click()
    qtbot.waitUntil(lambda: status() == "CLOSED", timeout=5000)
    assert detail.reopen_button.isEnabled() and not detail.resolve_button.isEnabled()
    detail.reopen_button.click()  # no reason given
    qtbot.waitUntil(lambda: detail.errors.text_of("reason") != "", timeout=5000)
    qtbot.keyClicks(detail.note_edit, "Still not paid.")
    detail.reopen_button.click()
    qtbot.waitUntil(lambda: status() == "OPEN", timeout=5000)
    assert detail.grievance.resolution == ""

    detail.back_button.click()
    assert view.stack.currentWidget() is view.list_page


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize(("ticket", "language"), [("fresh", "en"), ("anonymous", "fr")])
def test_print_receipt(qtbot, view: GrievancesView, tickets, ticket, language) -> None:
    view.open_grievance(tickets[ticket])
    detail = view.detail
    qtbot.waitUntil(lambda: detail.grievance is not None, timeout=5000)
    detail.receipt_language_combo.setCurrentIndex(detail.receipt_language_combo.findData(language))
    with qtbot.waitSignal(detail.receipt_printed, timeout=10_000) as printed:
        detail.print_button.click()
    path = Path(printed.args[0])
    assert path.name == f"{detail.grievance.code}-receipt.pdf"
    text = _pdf_text(path)
    assert detail.grievance.code in text
    if ticket == "anonymous":
        assert "Anonyme" in text and "Accusé de réception" in text
        # Sensitive category: the complainant's slip shows no category or summary (GR-04).
        slip = text.split("découper ici")[0]
        assert "Agent asked for money" not in slip and "Faute" not in slip
    else:
        assert "Mariama Sow" in text and "Grievance receipt" in text
        assert "Expected response by" in text
