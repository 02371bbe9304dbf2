"""Reconciliation files in openIMIS's CSV format: export a payroll, import the outcomes.

The CSV format is openIMIS's (``Payroll Name,Payroll Status,First Name,Last Name,Date of
Birth,Code,Status,Amount,Type,Receipt,Paid``); the names and date of birth are the recipient's.
An import is all or nothing: every row is checked first, and one bad row means nothing is
written and a per-row report comes back (optionally also as the file itself with an ``errors``
column, as openIMIS returns it). A row's Status must be the payment's current status (a stale
export is refused), except that a row asking for the outcome the payment already has counts as
unchanged, so importing the same file twice is harmless. Optional extra columns: ``Paid On``
(ISO date, from the cycle's start to today; default today) and ``Reason`` (for Paid=No); any
other extra column is ignored.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.domain.vocab import PaymentStatus
from app.errors import FieldError, ValidationFailed
from app.models.location import Location, ServicePoint
from app.models.payment import Payment, PaymentCycle, Payroll
from app.models.registry import Household, Individual
from app.services.batch_ops import use_batch_writer
from app.services.context import ServiceContext, unit_of_work
from app.services.payment_dto import ImportReport, RowError
from app.services.payroll_queries import payment_order_key, payroll_by_ref
from app.services.reconciliation import (
    REASON_MAX,
    RECEIPT_MAX,
    SOURCE_FILE,
    payable_payroll,
    record,
    set_paid,
    set_unpaid,
)
from app.services.validation import parse_date

COLUMNS = (
    "Payroll Name", "Payroll Status", "First Name", "Last Name", "Date of Birth", "Code",
    "Status", "Amount", "Type", "Receipt", "Paid",
)  # fmt: skip
#: Columns an import cannot do without (the others are informative).
REQUIRED = ("Code", "Status", "Amount", "Receipt", "Paid")
ROW_NUMBER_COLUMNS = ("No.", "Pay Point")
BENEFIT_TYPE = "Cash Transfer"  # openIMIS BenefitConsumption.type
PAID_TEXT = {PaymentStatus.PAID: "Yes", PaymentStatus.RECONCILED: "Yes", PaymentStatus.UNPAID: "No"}


# --- CSV export ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _CsvPayment:
    payment: Payment
    first_name: str
    last_name: str
    born: date | None
    pay_point_code: str | None
    village_name: str
    household_code: str


def _payments_for_csv(
    session: Session, payroll: Payroll, pay_point_code: str | None
) -> list[_CsvPayment]:
    recipient, village = aliased(Individual), aliased(Location)
    query = (
        select(
            Payment,
            recipient.first_name,
            recipient.last_name,
            recipient.date_of_birth,
            ServicePoint.code,
            village.name,
            Household.code,
        )
        .join(Household, Household.id == Payment.household_id)
        .join(village, village.id == Household.village_id)
        .outerjoin(recipient, recipient.id == Payment.recipient_id)
        .outerjoin(ServicePoint, ServicePoint.id == Payment.pay_point_id)
        .where(
            Payment.payroll_id == payroll.id,
            ~Payment.deleted,
            Payment.status != PaymentStatus.REJECTED,
        )
    )
    if pay_point_code:
        query = query.where(ServicePoint.code == pay_point_code.strip().upper())
    rows = [
        _CsvPayment(p, first or "", last or "", born, point, village_name, hh_code)
        for p, first, last, born, point, village_name, hh_code in session.execute(query).tuples()
    ]
    rows.sort(
        key=lambda r: payment_order_key(
            r.pay_point_code, r.village_name, r.last_name, r.first_name, r.household_code
        )
    )
    return rows


def _write_atomically(path: Path, rows: Iterable[Sequence[object]]) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        # UTF-8 with a byte-order mark: spreadsheet programs then show "Sékou" correctly.
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(rows)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_payroll_csv(
    ctx: ServiceContext,
    *,
    payroll_id: str,
    path: Path,
    pay_point_code: str | None = None,
    with_row_numbers: bool = False,
) -> int:
    """Write the payroll (or one pay point of it) in openIMIS's CSV format; returns the rows.

    Rows follow the printed payment list's order; ``with_row_numbers`` appends the list's
    ``No.`` (counted per pay point, as printed) and ``Pay Point`` columns, which an import
    ignores. Rejected payments are left out.
    """
    actor = ctx.require_actor()
    with ctx.db.read_session() as session:
        payroll = payroll_by_ref(session, payroll_id, actor)
        rows = _payments_for_csv(session, payroll, pay_point_code)
    header = list(COLUMNS) + (list(ROW_NUMBER_COLUMNS) if with_row_numbers else [])
    lines: list[Sequence[object]] = [header]
    number, current = 0, object()
    for r in rows:
        number = number + 1 if r.pay_point_code == current else 1
        current = r.pay_point_code
        p = r.payment
        line: list[object] = [
            payroll.name, payroll.status, r.first_name, r.last_name,
            r.born.isoformat() if r.born else "", p.code, p.status, p.amount, BENEFIT_TYPE,
            p.receipt or "", PAID_TEXT.get(PaymentStatus(p.status), ""),
        ]  # fmt: skip
        if with_row_numbers:
            line += [number, r.pay_point_code or ""]
        lines.append(line)
    _write_atomically(path, lines)
    return len(rows)


# --- CSV import -------------------------------------------------------------------------------


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header and non-blank rows, each with its spreadsheet row number (header = row 1)."""
    try:
        content = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationFailed([FieldError("file", "FILE_NOT_UTF8")]) from None
    except OSError as exc:
        raise ValidationFailed(
            [FieldError("file", "FILE_UNREADABLE", {"error": str(exc)})]
        ) from None
    first_line = content.split("\n", 1)[0]
    # Spreadsheets set to French or German write ';' between fields.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.DictReader(io.StringIO(content, newline=""), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ValidationFailed(
            [FieldError("file", "COLUMNS_MISSING", {"columns": ", ".join(missing)})]
        )
    rows = []
    for number, raw in enumerate(reader, start=2):
        row = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        if any(row.values()):
            rows.append((number, row))
    if not rows:
        raise ValidationFailed([FieldError("file", "NO_ROWS")])
    return header, rows


def _amount(text: str) -> int | None:
    try:
        value = Decimal(text.replace(" ", "").replace("\u202f", "").replace("\xa0", ""))
    except InvalidOperation:
        return None
    return int(value) if value == value.to_integral_value() else None


@dataclass(frozen=True)
class _Outcome:
    payment: Payment
    paid: bool
    receipt: str
    paid_on: date
    reason: str


def _check_row(
    number: int,
    row: dict[str, str],
    payment: Payment | None,
    elsewhere: bool,
    *,
    today: date,
    earliest: date,
    file_name: str,
) -> tuple[list[RowError], _Outcome | None]:
    """Every error of one row (all of them, not the first), or the outcome it asks for."""
    code = row.get("Code", "")
    errors: list[RowError] = []

    def fail(error: str, message: str) -> None:
        errors.append(RowError(number, code, error, message))

    if not code:
        fail("CODE_MISSING", "the Code column is empty")
        return errors, None
    if payment is None:
        if elsewhere:
            fail("NOT_IN_PAYROLL", f"payment {code} belongs to another payroll")
        else:
            fail("PAYMENT_NOT_FOUND", f"no payment {code}")
        return errors, None
    paid_text = row.get("Paid", "").lower()
    if paid_text not in ("yes", "no"):
        fail("PAID_INVALID", f"Paid must be Yes or No, not {row.get('Paid', '')!r}")
    receipt = row.get("Receipt", "")
    if paid_text == "yes" and not receipt:
        fail("RECEIPT_REQUIRED", "a paid row needs its receipt number")
    if len(receipt) > RECEIPT_MAX:
        fail("RECEIPT_TOO_LONG", f"a receipt has at most {RECEIPT_MAX} characters")
    amount = _amount(row.get("Amount", ""))
    if amount != payment.amount:
        fail("AMOUNT_MISMATCH", f"Amount {row.get('Amount', '')!r} but {payment.amount} is due")
    already = (
        paid_text == "yes" and payment.status == PaymentStatus.PAID and receipt == payment.receipt
    ) or (paid_text == "no" and payment.status == PaymentStatus.UNPAID)
    if row.get("Status", "").upper() != payment.status and not already:
        fail(
            "STATUS_MISMATCH",
            f"Status {row.get('Status', '')!r} but the payment is {payment.status} "
            "(export the payroll again)",
        )
    paid_on = today
    if row.get("Paid On"):
        parsed = parse_date(row["Paid On"])
        if parsed is None or parsed > today:
            fail("PAID_ON_INVALID", f"Paid On {row['Paid On']!r} is not a past ISO date")
        elif parsed < earliest:
            fail("PAID_ON_INVALID", f"Paid On {parsed} is before the cycle's start ({earliest})")
        else:
            paid_on = parsed
    reason = row.get("Reason", "") or f"reported not paid in {file_name}"
    if len(reason) > REASON_MAX:
        fail("REASON_TOO_LONG", f"a reason has at most {REASON_MAX} characters")
    if errors:
        return errors, None
    status = payment.status
    if status in (PaymentStatus.RECONCILED, PaymentStatus.REJECTED):
        fail("PAYMENT_CLOSED", f"payment {code} is {status} and takes no outcome")
    elif status == PaymentStatus.PAID and paid_text == "yes" and receipt != payment.receipt:
        fail("RECEIPT_CHANGED", "already paid with another receipt; mark it unpaid first")
    if errors:
        return errors, None
    return errors, _Outcome(payment, paid_text == "yes", receipt, paid_on, reason[:REASON_MAX])


def import_reconciliation_csv(
    ctx: ServiceContext, *, payroll_id: str, path: Path, errors_out: Path | None = None
) -> ImportReport:
    """Apply an openIMIS reconciliation file to a payroll approved for payment, all or nothing.

    A file-level problem (unreadable, not UTF-8, required columns missing, no rows) raises
    ``ValidationFailed``. Row problems come back in the report (``ok`` False, nothing written,
    rows numbered as a spreadsheet shows them: the header is row 1); with ``errors_out`` the
    file is also written back there with an ``errors`` column.
    """
    actor = ctx.require_actor()
    path = Path(path)
    header, rows = _read_csv(path)
    file_name = path.name[:200]
    with unit_of_work(ctx) as session:
        use_batch_writer(session)
        payroll = payroll_by_ref(session, payroll_id, actor)
        payable_payroll(session, payroll.id)
        mine = {
            p.code: p
            for p in session.scalars(
                select(Payment).where(Payment.payroll_id == payroll.id, ~Payment.deleted)
            )
        }
        asked = {r.get("Code", "").upper() for _, r in rows} - set(mine)
        elsewhere = set(
            session.scalars(select(Payment.code).where(Payment.code.in_(asked))) if asked else ()
        )
        errors: list[RowError] = []
        outcomes: list[_Outcome] = []
        seen: dict[str, int] = {}
        today = ctx.today()
        cycle = session.get(PaymentCycle, payroll.cycle_id)
        earliest = cycle.start_date if cycle is not None else date.min
        for number, row in rows:
            code = row.get("Code", "").upper()
            row["Code"] = code
            if code and code in seen:
                errors.append(
                    RowError(number, code, "DUPLICATE_ROW", f"row {seen[code]} has the same code")
                )
                continue
            seen[code] = number
            row_errors, outcome = _check_row(
                number, row, mine.get(code), code in elsewhere, today=today,
                earliest=earliest, file_name=file_name,
            )  # fmt: skip
            errors += row_errors
            if outcome is not None:
                outcomes.append(outcome)
        if errors:
            written = None
            if errors_out is not None:
                _write_error_report(Path(errors_out), header, rows, errors)
                written = str(errors_out)
            return ImportReport(
                payroll.id, file_name, len(rows), errors=errors, errors_file=written
            )
        paid = unpaid = unchanged = 0
        for o in outcomes:
            status = o.payment.status
            if (o.paid and status == PaymentStatus.PAID) or (
                not o.paid and status == PaymentStatus.UNPAID
            ):
                unchanged += 1
                continue
            if o.paid:
                set_paid(o.payment, o.receipt, o.paid_on)
                paid += 1
            else:
                set_unpaid(o.payment, o.reason)
                unpaid += 1
            session.add(
                record(
                    o.payment, actor, paid=o.paid, receipt=o.receipt if o.paid else None,
                    reason=None if o.paid else o.reason, source=SOURCE_FILE,
                    source_file=file_name,
                )
            )  # fmt: skip
        return ImportReport(payroll.id, file_name, len(rows), paid, unpaid, unchanged)


def _write_error_report(
    path: Path, header: list[str], rows: list[tuple[int, dict[str, str]]], errors: list[RowError]
) -> None:
    by_row: dict[int, list[str]] = {}
    for e in errors:
        by_row.setdefault(e.row, []).append(f"{e.error}: {e.message}")
    columns = [h for h in header if h != "errors"] + ["errors"]
    lines: list[Sequence[object]] = [columns]
    for number, row in rows:
        lines.append([row.get(c, "") for c in columns[:-1]] + ["; ".join(by_row.get(number, []))])
    _write_atomically(path, lines)
