"""Payments: programmes and cycles, the payroll list, generation (HQ picks the district),
approval by a second user, rejection with a reason, marking a payment paid on a chosen date,
the printed payment list with its options and a refused reconciliation file."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate

from app.domain.vocab import PaymentStatus, PayrollStatus
from app.services.context import ServiceContext
from app.services.payroll import approve_payroll, generate_payroll
from app.services.payroll_queries import get_payroll, list_payments
from app.ui.dialogs.print_options_dialog import PrintOptions, PrintOptionsDialog
from app.ui.views.payments_view import PaymentsView
from tests.factories import enrol
from tests.payment_fixtures import add_cycle
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui
CYCLE = "CT-UNC-2026-06"


@pytest.fixture
def district(registry: Registry) -> Registry:
    """Two households ACTIVE in CT-UNC and an open June cycle."""
    add_cycle(registry.district, "CT-UNC", CYCLE)
    enrol(registry.district, registry.ids["Sow"], "CT-UNC")
    return registry


def _view(qtbot, registry: Registry, tmp_path: Path, user: str = "officer") -> PaymentsView:
    """The view with its file and print-options dialogs answered from ``view.picked``."""
    picked: dict[str, Any] = {"print": PrintOptions()}

    def print_options(_parent, status: str, pay_point: str, last: PrintOptions):
        picked["asked"] = (status, pay_point, last)
        return picked["print"]

    view = PaymentsView(
        registry.district.ctx(user),
        choose_save_path=lambda _parent, suggested: str(tmp_path / Path(suggested).name),
        choose_open_path=lambda _parent: picked.get("open"),
        choose_print_options=print_options,
    )
    view.picked = picked  # type: ignore[attr-defined]
    qtbot.addWidget(view)
    view.resize(1280, 760)
    loads = view.loads
    view.show()
    qtbot.waitUntil(lambda: view.loads > loads, timeout=5000)
    return view


def _open(qtbot, view: PaymentsView, payroll_id: str) -> None:
    with qtbot.waitSignal(view.detail.loaded, timeout=5000):
        view.open_payroll(payroll_id)


def _approved(registry: Registry) -> str:
    payroll_id = generate_payroll(
        registry.district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE
    )
    approve_payroll(registry.district.ctx("supervisor"), payroll_id=payroll_id)
    return payroll_id


def test_generate_from_the_list_and_see_it(qtbot, district: Registry, tmp_path: Path) -> None:
    view = _view(qtbot, district, tmp_path)
    tree = view.programme_tree
    codes = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert "CT-UNC" in codes
    unc = tree.topLevelItem(codes.index("CT-UNC"))
    assert [unc.child(i).text(0) for i in range(unc.childCount())] == [CYCLE]
    assert view.model.rowCount() == 0

    view.programme_combo.setCurrentIndex(view.programme_combo.findData("CT-UNC"))
    assert view.cycle_combo.currentData() == CYCLE
    assert view.generate_button.isEnabled()
    with qtbot.waitSignal(view.detail.loaded, timeout=10_000):
        view.generate_button.click()
    assert view.stack.currentWidget() is view.detail
    page = view.detail.payroll
    assert page is not None and page.row.status == PayrollStatus.PENDING_APPROVAL
    assert view.detail.payments_model.rowCount() == 2
    # The maker may not approve: the button is off for an officer.
    assert not view.detail.approve_button.isEnabled()

    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    row = [view.model.index(0, c).data() for c in range(view.model.columnCount())]
    assert row[:4] == ["CT-UNC", CYCLE, "Pending approval", "2"]
    assert row[4] == f"{page.row.total_amount:,} {page.row.currency}"
    view.detail.back_button.click()
    assert view.stack.currentWidget() is view.list_page


def test_approve_by_a_second_user_and_the_makers_refusal(
    qtbot, district: Registry, tmp_path: Path
) -> None:
    payroll_id = generate_payroll(
        district.district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE
    )
    # A supervisor who is also the maker is refused by the service, beside the buttons.
    view = _view(qtbot, district, tmp_path, user="supervisor")
    _open(qtbot, view, payroll_id)
    detail = view.detail
    assert detail.approve_button.isEnabled()
    with qtbot.waitSignal(detail.loaded, timeout=10_000):
        detail.approve_button.click()
    assert detail.payroll is not None
    assert detail.payroll.row.status == PayrollStatus.APPROVED_FOR_PAYMENT
    assert detail.approval_label.text().startswith("Approved for payment: 2 payments")
    assert not detail.approve_button.isEnabled()
    assert detail.import_button.isEnabled() and detail.close_button.isEnabled()


def test_maker_cannot_approve_message(qtbot, district: Registry, tmp_path: Path) -> None:
    payroll_id = generate_payroll(
        district.district.ctx("supervisor"), programme_code="CT-UNC", cycle_code=CYCLE
    )
    view = _view(qtbot, district, tmp_path, user="supervisor")
    _open(qtbot, view, payroll_id)
    view.detail.approve_button.click()
    qtbot.waitUntil(lambda: view.detail.approval_label.isVisible(), timeout=10_000)
    assert view.detail.approval_label.text() == (
        "The person who generated a payroll cannot approve it."
    )
    assert view.detail.approve_button.isEnabled()


def test_mark_paid_then_unpaid(qtbot, district: Registry, tmp_path: Path) -> None:
    payroll_id = _approved(district)
    view = _view(qtbot, district, tmp_path)
    _open(qtbot, view, payroll_id)
    detail = view.detail
    assert not detail.mark_paid_button.isEnabled()  # nothing selected yet
    detail.select_payment(0)
    code = detail.payments[0].code
    detail.receipt_edit.setText("R-0001")
    with qtbot.waitSignal(detail.loaded, timeout=10_000):
        detail.mark_paid_button.click()
    paid = {p.code: p for p in detail.payments}[code]
    assert (paid.status, paid.receipt) == (PaymentStatus.PAID, "R-0001")
    assert detail.reconcile_label.text() == f"{code} recorded as paid on 15/06/2026."
    assert paid.paid_on is not None and paid.paid_on.isoformat() == "2026-06-15"
    assert detail.points_model.index(0, 3).data() == "1"  # paid count of the pay point

    detail.select_payment(1)
    other = detail.payments[1].code
    detail.unpaid_reason_edit.setText("Travelling")
    with qtbot.waitSignal(detail.loaded, timeout=10_000):
        detail.mark_unpaid_button.click()
    assert {p.code: p.status for p in detail.payments}[other] == PaymentStatus.UNPAID


def test_print_writes_the_payment_list(qtbot, district: Registry, tmp_path: Path) -> None:
    payroll_id = _approved(district)
    view = _view(qtbot, district, tmp_path)
    _open(qtbot, view, payroll_id)
    detail = view.detail
    assert detail.print_button.isEnabled()
    with qtbot.waitSignal(detail.printed, timeout=30_000) as printed:
        detail.print_button.click()
        assert detail.cancel_button.isVisible()
    path = Path(printed.args[0])
    assert path.parent == tmp_path and path.suffix == ".pdf"
    assert path.stat().st_size > 1000
    assert path.read_bytes().startswith(b"%PDF")
    assert not detail.cancel_button.isVisible() and detail.print_button.isEnabled()
    assert "Printed 2 payments" in detail.action_label.text()


def test_bad_reconciliation_file_shows_errors_and_changes_nothing(
    qtbot, district: Registry, tmp_path: Path
) -> None:
    payroll_id = _approved(district)
    ctx = district.district.ctx()
    before = [(p.code, p.status, p.receipt) for p in list_payments(ctx, payroll_id=payroll_id)]
    good = before[0][0]
    bad = tmp_path / "bad.csv"
    with bad.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Code", "Status", "Amount", "Receipt", "Paid"])
        writer.writerow([good, "APPROVED_FOR_PAYMENT", "1", "R-1", "Yes"])  # wrong amount
        writer.writerow(["PAY-NOPE", "APPROVED_FOR_PAYMENT", "100", "R-2", "Yes"])
    view = _view(qtbot, district, tmp_path)
    _open(qtbot, view, payroll_id)
    detail = view.detail
    view.picked["open"] = str(bad)  # type: ignore[attr-defined]
    with qtbot.waitSignal(detail.imported, timeout=10_000) as imported:
        detail.import_button.click()
    assert not imported.args[0].ok
    assert detail.errors_box.isVisible()
    rows = [
        [detail.errors_model.index(r, c).data() for c in range(3)]
        for r in range(detail.errors_model.rowCount())
    ]
    assert ["2", good] == rows[0][:2] and rows[-1][:2] == ["3", "PAY-NOPE"]
    assert "Nothing was recorded" in detail.errors_caption.text()
    after = [(p.code, p.status, p.receipt) for p in list_payments(ctx, payroll_id=payroll_id)]
    assert after == before
    assert get_payroll(ctx, payroll_id=payroll_id).row.status == PayrollStatus.APPROVED_FOR_PAYMENT


def _approved_on(registry: Registry, day: date) -> str:
    """A payroll approved by the supervisor on ``day`` (its own clock)."""
    payroll_id = generate_payroll(
        registry.district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE
    )
    actor = registry.district.ctx("supervisor").actor
    moment = int(datetime(day.year, day.month, day.day, 9, tzinfo=UTC).timestamp() * 1000)
    approve_payroll(ServiceContext(registry.db, actor, lambda: moment), payroll_id=payroll_id)
    return payroll_id


def test_reject_needs_a_reason_then_shows_it(qtbot, district: Registry, tmp_path: Path) -> None:
    payroll_id = generate_payroll(
        district.district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE
    )
    view = _view(qtbot, district, tmp_path)
    _open(qtbot, view, payroll_id)
    detail = view.detail
    assert detail.reject_button.isEnabled() and not detail.rejection_label.isVisible()
    detail.reject_reason_edit.setText("   ")
    detail.reject_button.click()
    qtbot.waitUntil(detail.reject_error.isVisible, timeout=10_000)
    assert detail.reject_error.text() == "This field is required."
    assert not detail.approval_label.isVisible()  # the message is beside the field only
    assert detail.reject_reason_edit.maxLength() == 200

    detail.reject_reason_edit.setText("Wrong cycle dates")
    with qtbot.waitSignal(detail.loaded, timeout=10_000):
        detail.reject_button.click()
    page = detail.payroll
    assert page is not None and page.row.status == PayrollStatus.REJECTED
    assert page.row.rejection_reason == "Wrong cycle dates"
    assert not detail.reject_error.isVisible() and detail.reject_reason_edit.text() == ""
    assert detail.rejection_label.isVisible()
    assert detail.rejection_label.text() == "Rejected: Wrong cycle dates"
    assert not detail.reject_button.isEnabled()


def test_mark_paid_on_a_chosen_date(qtbot, district: Registry, tmp_path: Path) -> None:
    payroll_id = _approved_on(district, date(2026, 6, 5))
    view = _view(qtbot, district, tmp_path)
    _open(qtbot, view, payroll_id)
    detail = view.detail
    edit = detail.paid_on_edit
    # Today by default; from the cycle's start (1 June) to today (15 June).
    assert (edit.date(), edit.minimumDate(), edit.maximumDate()) == (
        QDate(2026, 6, 15),
        QDate(2026, 6, 1),
        QDate(2026, 6, 15),
    )
    detail.select_payment(0)
    code = detail.payments[0].code
    # Before the approval: refused by the service, the message under the date.
    edit.setDate(QDate(2026, 6, 3))
    detail.receipt_edit.setText("R-7")
    detail.mark_paid_button.click()
    qtbot.waitUntil(detail.paid_on_error.isVisible, timeout=10_000)
    assert detail.paid_on_error.text() == "The payment date is before the payroll was approved."
    assert {p.code: p.status for p in detail.payments}[code] == PaymentStatus.APPROVED_FOR_PAYMENT

    edit.setDate(QDate(2026, 6, 10))
    with qtbot.waitSignal(detail.loaded, timeout=10_000):
        detail.mark_paid_button.click()
    paid = {p.code: p for p in detail.payments}[code]
    assert paid.status == PaymentStatus.PAID and paid.paid_on == date(2026, 6, 10)
    assert detail.reconcile_label.text() == f"{code} recorded as paid on 10/06/2026."
    assert not detail.paid_on_error.isVisible()
    assert edit.date() == QDate(2026, 6, 10)  # kept for the next payment of the same day


def test_print_options_office_copy_on_letter(qtbot, district: Registry, tmp_path: Path) -> None:
    payroll_id = _approved(district)
    view = _view(qtbot, district, tmp_path)
    _open(qtbot, view, payroll_id)
    detail = view.detail
    view.picked["print"] = None  # cancelled: nothing happens
    detail.print_button.click()
    assert not detail.printing and detail.print_button.isEnabled()
    assert view.picked["asked"] == (
        PayrollStatus.APPROVED_FOR_PAYMENT,
        "All pay points",
        PrintOptions(),
    )

    view.picked["print"] = PrintOptions(paper="LETTER", office_copy=True)
    with qtbot.waitSignal(detail.printed, timeout=30_000) as printed:
        detail.print_button.click()
        assert detail.cancel_button.isVisible()
    path = Path(printed.args[0])
    assert path.name.endswith("-office-copy.pdf")
    data = path.read_bytes()
    assert re.search(rb"/MediaBox \[ ?0 0 612 792 ?\]", data)  # Letter, in points
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "OFFICE COPY" in text and "Paid on this page" not in text
    assert detail.print_options == PrintOptions(paper="LETTER", office_copy=True)
    view.picked["print"] = None
    detail.print_button.click()
    assert view.picked["asked"][2] == PrintOptions(paper="LETTER", office_copy=True)


@pytest.mark.parametrize(
    ("status", "checked", "enabled"),
    [
        (PayrollStatus.PENDING_APPROVAL, False, False),
        (PayrollStatus.APPROVED_FOR_PAYMENT, True, True),
        (PayrollStatus.RECONCILED, True, False),
    ],
)
def test_print_options_dialog(qtbot, status: str, checked: bool, enabled: bool) -> None:
    last = PrintOptions(paper="LETTER", office_copy=True)
    dialog = PrintOptionsDialog(status=status, pay_point="PP-W01 Market", last=last)
    qtbot.addWidget(dialog)
    assert dialog.pay_point_label.text() == "PP-W01 Market"
    assert dialog.office_copy_check.isChecked() is checked
    assert dialog.office_copy_check.isEnabled() is enabled
    assert dialog.note_label.text()
    assert dialog.options() == PrintOptions(paper="LETTER", office_copy=checked)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("A4"))
    assert dialog.options().paper == "A4"


def test_hq_picks_the_district(qtbot, district: Registry, tmp_path: Path) -> None:
    officer = _view(qtbot, district, tmp_path)
    assert officer.district_combo.isHidden() and officer.district_label.isHidden()

    view = _view(qtbot, district, tmp_path, user="hq")
    assert not view.district_combo.isHidden()
    assert [view.district_combo.itemData(i) for i in range(view.district_combo.count())] == [
        "D01",
        "D02",
    ]
    view.programme_combo.setCurrentIndex(view.programme_combo.findData("CT-UNC"))
    view.district_combo.setCurrentIndex(view.district_combo.findData("D01"))
    assert view.generate_button.isEnabled()
    with qtbot.waitSignal(view.detail.loaded, timeout=10_000):
        view.generate_button.click()
    page = view.detail.payroll
    assert page is not None and page.row.district_code == "D01"
    assert page.row.payment_count == 2
