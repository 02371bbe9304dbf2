"""Reconciliation by screen and by openIMIS CSV file; closing a payroll."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.vocab import PaymentStatus, PayrollStatus
from app.errors import AppError, InvalidTransition, PermissionDenied, ValidationFailed
from app.models import OutboxOp, Payment, Payroll, Reconciliation
from app.services.context import ServiceContext
from app.services.payroll import approve_payroll, generate_payroll
from app.services.reconciliation import close_payroll, mark_paid, mark_unpaid
from app.services.reconciliation_csv import (
    COLUMNS,
    export_payroll_csv,
    import_reconciliation_csv,
)
from tests.factories import District
from tests.payment_fixtures import NAMES, add_cycle, paid_households

CYCLE = "CT-UNC-2026-06"
TODAY = "2026-06-15"


@pytest.fixture
def payroll(district: District) -> str:
    add_cycle(district, "CT-UNC", CYCLE)
    paid_households(district)
    payroll_id = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    approve_payroll(district.ctx("supervisor"), payroll_id=payroll_id)
    return payroll_id


def codes(d: District) -> list[str]:
    with d.db.read_session() as s:
        return list(s.scalars(select(Payment.code).order_by(Payment.code)))


def payment(d: District, code: str) -> Payment:
    with d.db.read_session() as s:
        found = s.scalar(select(Payment).where(Payment.code == code))
        assert found is not None
        return found


def reconciliations(d: District) -> list[Reconciliation]:
    with d.db.read_session() as s:
        return list(s.scalars(select(Reconciliation).order_by(Reconciliation.created_at)))


def snapshot(d: District) -> tuple[list[tuple[str, str, str | None]], int, int]:
    with d.db.read_session() as s:
        rows = [(p.code, p.status, p.receipt) for p in s.scalars(select(Payment))]
        ops = s.scalar(select(func.count()).select_from(OutboxOp)) or 0
        recs = s.scalar(select(func.count()).select_from(Reconciliation)) or 0
    return sorted(rows), ops, recs


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write(path: Path, header: list[str], rows: list[dict[str, str]], delimiter: str = ",") -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)


# --- screen ------------------------------------------------------------------------------------


def test_mark_paid_and_unpaid_by_screen(district: District, payroll: str) -> None:
    first, second = codes(district)[:2]
    mark_paid(district.ctx(), payment_id=first, receipt="RC-001", paid_on=TODAY)
    paid = payment(district, first)
    assert (paid.status, paid.receipt, paid.paid_on.isoformat() if paid.paid_on else None) == (
        PaymentStatus.PAID,
        "RC-001",
        TODAY,
    )
    with pytest.raises(InvalidTransition) as caught:
        mark_paid(district.ctx(), payment_id=first, receipt="RC-002", paid_on=TODAY)
    assert caught.value.code == "ALREADY_IN_STATUS"
    # A correction: it was not paid after all. The first record stays (append-only).
    mark_unpaid(district.ctx(), payment_id=paid.id, reason="recipient absent")
    corrected = payment(district, first)
    assert (corrected.status, corrected.receipt, corrected.unpaid_reason) == (
        PaymentStatus.UNPAID,
        None,
        "recipient absent",
    )
    mark_unpaid(district.ctx("supervisor"), payment_id=second, reason="moved away")
    records = reconciliations(district)
    assert [(r.paid, r.source, r.receipt, r.reason) for r in records] == [
        (True, "SCREEN", "RC-001", None),
        (False, "SCREEN", None, "recipient absent"),
        (False, "SCREEN", None, "moved away"),
    ]
    assert records[0].recorded_by == district.ids["user:officer"]


def test_screen_input_is_checked(district: District, payroll: str) -> None:
    code = codes(district)[0]
    with pytest.raises(ValidationFailed) as caught:
        mark_paid(district.ctx(), payment_id=code, receipt=" ", paid_on="2026-07-01")
    assert {e.code for e in caught.value.errors} == {"REQUIRED", "DATE_IN_FUTURE"}
    with pytest.raises(ValidationFailed) as caught:
        mark_paid(district.ctx(), payment_id=code, receipt="R", paid_on="2026-06-01")
    assert caught.value.errors[0].code == "BEFORE_APPROVAL"
    with pytest.raises(ValidationFailed):
        mark_unpaid(district.ctx(), payment_id=code, reason="")
    with pytest.raises(AppError) as missing:
        mark_paid(district.ctx(), payment_id="PAY-NOPE", receipt="R", paid_on=TODAY)
    assert missing.value.code == "PAYMENT_NOT_FOUND"
    with pytest.raises(PermissionDenied):
        mark_paid(district.ctx("other"), payment_id=code, receipt="R", paid_on=TODAY)
    with pytest.raises(PermissionDenied):
        mark_paid(district.ctx("viewer"), payment_id=code, receipt="R", paid_on=TODAY)


def on_day(d: District, user: str, day: date) -> ServiceContext:
    """``user``'s context with the clock at 09:00 UTC on ``day``."""
    moment = int(datetime(day.year, day.month, day.day, 9, tzinfo=UTC).timestamp() * 1000)
    return ServiceContext(d.db, d.ctx(user).actor, lambda: moment)


def test_paid_on_a_chosen_date_within_the_cycle(district: District, tmp_path: Path) -> None:
    # Approved before the cycle starts (1 June 2026): the cycle's start is the earliest day.
    add_cycle(district, "CT-UNC", CYCLE)
    paid_households(district)
    payroll_id = generate_payroll(
        on_day(district, "officer", date(2026, 5, 25)), programme_code="CT-UNC", cycle_code=CYCLE
    )
    approve_payroll(on_day(district, "supervisor", date(2026, 5, 28)), payroll_id=payroll_id)
    first, second, third = codes(district)[:3]
    with pytest.raises(ValidationFailed) as caught:
        mark_paid(district.ctx(), payment_id=first, receipt="R1", paid_on="2026-05-30")
    assert [(e.field, e.code, e.params) for e in caught.value.errors] == [
        ("paid_on", "BEFORE_CYCLE_START", {"start": "2026-06-01"})
    ]
    with pytest.raises(ValidationFailed) as caught:
        mark_paid(district.ctx(), payment_id=first, receipt="R1", paid_on="2026-06-16")
    assert [(e.field, e.code) for e in caught.value.errors] == [("paid_on", "DATE_IN_FUTURE")]
    with pytest.raises(ValidationFailed) as caught:
        mark_paid(district.ctx(), payment_id=first, receipt="R1", paid_on="1 June")
    assert [(e.field, e.code) for e in caught.value.errors] == [("paid_on", "INVALID_DATE")]
    assert payment(district, first).status == PaymentStatus.APPROVED_FOR_PAYMENT

    mark_paid(district.ctx(), payment_id=first, receipt="R1", paid_on="2026-06-01")
    mark_paid(district.ctx(), payment_id=second, receipt="R2", paid_on=date(2026, 6, 9))
    assert [payment(district, c).paid_on for c in (first, second)] == [
        date(2026, 6, 1),
        date(2026, 6, 9),
    ]
    # A reconciliation file's "Paid On" obeys the same window.
    exported = tmp_path / "payroll.csv"
    export_payroll_csv(district.ctx(), payroll_id=payroll_id, path=exported)
    header, rows = read(exported)
    row = next(r for r in rows if r["Code"] == third)
    row.update({"Paid": "Yes", "Receipt": "R3", "Paid On": "2026-05-31"})
    early = tmp_path / "early.csv"
    write(early, header + ["Paid On"], [row])
    report = import_reconciliation_csv(district.ctx(), payroll_id=payroll_id, path=early)
    assert [e.error for e in report.errors] == ["PAID_ON_INVALID"]
    assert "before the cycle's start" in report.errors[0].message
    row["Paid On"] = "2026-06-02"
    write(early, header + ["Paid On"], [row])
    assert import_reconciliation_csv(district.ctx(), payroll_id=payroll_id, path=early).ok
    assert payment(district, third).paid_on == date(2026, 6, 2)


def test_only_payrolls_approved_for_payment_take_outcomes(district: District) -> None:
    add_cycle(district, "CT-UNC", CYCLE)
    paid_households(district)
    generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    with pytest.raises(AppError) as caught:
        mark_paid(district.ctx(), payment_id=codes(district)[0], receipt="R", paid_on=TODAY)
    assert caught.value.code == "PAYROLL_NOT_PAYABLE"


def test_close_needs_every_outcome(district: District, payroll: str) -> None:
    all_codes = codes(district)
    with pytest.raises(ValidationFailed) as caught:
        close_payroll(district.ctx("supervisor"), payroll_id=payroll)
    assert caught.value.errors[0].code == "PAYMENTS_WITHOUT_OUTCOME"
    assert caught.value.errors[0].params == {"count": 6}
    for i, code in enumerate(all_codes):
        if i < 4:
            mark_paid(district.ctx(), payment_id=code, receipt=f"R{i}", paid_on=TODAY)
        else:
            mark_unpaid(district.ctx(), payment_id=code, reason="absent")
    with pytest.raises(PermissionDenied):
        close_payroll(district.ctx(), payroll_id=payroll)
    result = close_payroll(district.ctx("supervisor"), payroll_id=payroll)
    assert (result.reconciled, result.unpaid, result.paid_amount, result.unpaid_amount) == (
        4,
        2,
        60000,
        30000,
    )
    statuses = sorted(payment(district, c).status for c in all_codes)
    assert statuses == ["RECONCILED"] * 4 + ["UNPAID"] * 2
    with district.db.read_session() as s:
        row = s.get(Payroll, payroll)
        assert row is not None and row.status == PayrollStatus.RECONCILED
    with pytest.raises(AppError) as closed:
        mark_paid(district.ctx(), payment_id=all_codes[5], receipt="late", paid_on=TODAY)
    assert closed.value.code == "PAYROLL_NOT_PAYABLE"


# --- CSV -----------------------------------------------------------------------------------


def test_export_edit_import(district: District, payroll: str, tmp_path: Path) -> None:
    exported = tmp_path / "payroll.csv"
    assert export_payroll_csv(district.ctx(), payroll_id=payroll, path=exported) == 6
    assert exported.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel shows accents
    header, rows = read(exported)
    assert header == list(COLUMNS)
    assert {(r["First Name"], r["Last Name"]) for r in rows} == set(NAMES)
    assert {r["Status"] for r in rows} == {"APPROVED_FOR_PAYMENT"}
    assert {r["Amount"] for r in rows} == {"15000"} and {r["Paid"] for r in rows} == {""}
    assert rows[0]["Payroll Name"] == f"{CYCLE} D01" and rows[0]["Type"] == "Cash Transfer"
    for i, row in enumerate(rows):
        row["Paid"] = "yes" if i < 5 else "No"
        row["Receipt"] = f"MM-{i:04d}" if i < 5 else ""
    returned = tmp_path / "agency-return.csv"
    write(returned, header, rows)
    report = import_reconciliation_csv(district.ctx(), payroll_id=payroll, path=returned)
    assert report.ok and (report.rows, report.paid, report.unpaid, report.unchanged) == (6, 5, 1, 0)
    by_code = {r["Code"]: r for r in rows}
    for code, row in by_code.items():
        p = payment(district, code)
        assert p.status == ("PAID" if row["Paid"] == "yes" else "UNPAID")
        assert p.receipt == (row["Receipt"] or None)
    records = reconciliations(district)
    assert len(records) == 6
    assert {(r.source, r.source_file) for r in records} == {("FILE", "agency-return.csv")}
    # The same file again changes nothing and is not an error.
    again = import_reconciliation_csv(district.ctx(), payroll_id=payroll, path=returned)
    assert again.ok and again.unchanged == 6 and len(reconciliations(district)) == 6
    # A fresh export shows the outcomes.
    export_payroll_csv(district.ctx(), payroll_id=payroll, path=exported, with_row_numbers=True)
    header, rows = read(exported)
    assert header[-2:] == ["No.", "Pay Point"]
    assert sorted(r["Paid"] for r in rows) == ["No"] + ["Yes"] * 5
    assert [r["No."] for r in rows if r["Pay Point"] == "PP-W01"] == ["1", "2", "3", "4"]


def test_a_bad_file_changes_nothing_and_reports_every_row(
    district: District, payroll: str, tmp_path: Path
) -> None:
    exported = tmp_path / "payroll.csv"
    export_payroll_csv(district.ctx(), payroll_id=payroll, path=exported)
    header, rows = read(exported)
    for row in rows:
        row["Paid"], row["Receipt"] = "Yes", "R-1"
    rows[0]["Code"] = "PAY-DOES-NOT-EXIST"
    rows[1]["Paid"] = "Maybe"
    rows[2]["Amount"] = "150000"
    rows[3]["Receipt"] = ""
    rows[4]["Status"] = "PAID"
    rows.append(dict(rows[5]))  # the same payment twice
    bad = tmp_path / "bad.csv"
    write(bad, header + ["Guichet"], [{**r, "Guichet": "3"} for r in rows])
    before = snapshot(district)
    errors_out = tmp_path / "bad-errors.csv"
    report = import_reconciliation_csv(
        district.ctx(), payroll_id=payroll, path=bad, errors_out=errors_out
    )
    assert not report.ok
    assert [(e.row, e.error) for e in report.errors] == [
        (2, "PAYMENT_NOT_FOUND"),
        (3, "PAID_INVALID"),
        (4, "AMOUNT_MISMATCH"),
        (5, "RECEIPT_REQUIRED"),
        (6, "STATUS_MISMATCH"),
        (8, "DUPLICATE_ROW"),
    ]
    assert report.errors[0].code == "PAY-DOES-NOT-EXIST"
    assert snapshot(district) == before  # nothing written: payments, outbox, reconciliations
    out_header, out_rows = read(errors_out)
    assert out_header == header + ["Guichet", "errors"]
    assert out_rows[0]["errors"].startswith("PAYMENT_NOT_FOUND")
    assert out_rows[6]["errors"].startswith("DUPLICATE_ROW") and out_rows[5]["errors"] == ""


def test_file_level_problems(district: District, payroll: str, tmp_path: Path) -> None:
    exported = tmp_path / "payroll.csv"
    export_payroll_csv(district.ctx(), payroll_id=payroll, path=exported)
    header, rows = read(exported)
    no_paid = tmp_path / "no-paid.csv"
    write(
        no_paid,
        [h for h in header if h != "Paid"],
        [{k: v for k, v in r.items() if k != "Paid"} for r in rows],
    )
    with pytest.raises(ValidationFailed) as caught:
        import_reconciliation_csv(district.ctx(), payroll_id=payroll, path=no_paid)
    assert caught.value.errors[0].code == "COLUMNS_MISSING"
    empty = tmp_path / "empty.csv"
    write(empty, header, [])
    with pytest.raises(ValidationFailed) as caught:
        import_reconciliation_csv(district.ctx(), payroll_id=payroll, path=empty)
    assert caught.value.errors[0].code == "NO_ROWS"
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("Code;Status\nSékou;X\n".encode("latin-1"))
    with pytest.raises(ValidationFailed) as caught:
        import_reconciliation_csv(district.ctx(), payroll_id=payroll, path=latin1)
    assert caught.value.errors[0].code == "FILE_NOT_UTF8"


def test_semicolons_and_other_payrolls(district: District, payroll: str, tmp_path: Path) -> None:
    add_cycle(district, "CT-UNC", "CT-UNC-2026-07", start=date(2026, 7, 1))
    exported = tmp_path / "payroll.csv"
    export_payroll_csv(district.ctx(), payroll_id=payroll, path=exported)
    header, rows = read(exported)
    for row in rows:
        row["Paid"], row["Receipt"] = "Yes", "R"
    french = tmp_path / "french-excel.csv"
    write(french, header, rows[:2], delimiter=";")
    report = import_reconciliation_csv(district.ctx(), payroll_id=payroll, path=french)
    assert report.ok and report.paid == 2
    other = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code="CT-UNC-2026-07")
    approve_payroll(district.ctx("supervisor"), payroll_id=other)
    wrong = tmp_path / "wrong-payroll.csv"
    write(wrong, header, rows[2:3])
    report = import_reconciliation_csv(district.ctx(), payroll_id=other, path=wrong)
    assert [e.error for e in report.errors] == ["NOT_IN_PAYROLL"]
