"""``roster reconcile``: import a reconciliation CSV, or mark one payment paid or not paid."""

# Registered by app.cli.payment_cmds.register (not listed in app.cli.main.COMMAND_MODULES).

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.cli.common import Runtime, add_command
from app.cli.output import print_json, print_table
from app.errors import FieldError, ValidationFailed
from app.services.reconciliation import mark_paid, mark_unpaid
from app.services.reconciliation_csv import import_reconciliation_csv


def register(subparsers: Any) -> None:
    p = add_command(
        subparsers,
        "reconcile",
        run_reconcile_file,
        help="record payments: import a reconciliation CSV, or mark one payment",
        description="roster reconcile --payroll ID --file F.csv imports an openIMIS "
        "reconciliation file (all rows or none; --errors-out writes the file back with an "
        "errors column). 'reconcile mark-paid' and 'reconcile mark-unpaid' record one payment.",
    )
    p.add_argument("--payroll", metavar="ID")
    p.add_argument("--file", metavar="F.csv", type=Path)
    p.add_argument("--errors-out", metavar="F.csv", type=Path)
    marks = p.add_subparsers(title="commands", metavar="COMMAND", dest="reconcile_command")
    q = add_command(marks, "mark-paid", run_mark_paid, help="record one payment as paid")
    q.add_argument("payment", metavar="PAYMENT", help="payment code or id")
    q.add_argument("--receipt", required=True, metavar="NUMBER")
    q.add_argument(
        "--paid-on",
        metavar="YYYY-MM-DD",
        help="the day paid (default: today); from the cycle's start, never in the future",
    )
    q = add_command(marks, "mark-unpaid", run_mark_unpaid, help="record one payment as not paid")
    q.add_argument("payment", metavar="PAYMENT", help="payment code or id")
    q.add_argument("--reason", required=True, metavar="TEXT")


def run_reconcile_file(rt: Runtime) -> int | None:
    args = rt.args
    missing = [name for name in ("payroll", "file") if getattr(args, name) is None]
    if missing:
        raise ValidationFailed(
            [FieldError(f"--{name}", "REQUIRED") for name in missing]
            + [FieldError("command", "OR_USE", {"commands": "mark-paid, mark-unpaid"})]
        )
    report = import_reconciliation_csv(
        rt.context(), payroll_id=args.payroll, path=args.file, errors_out=args.errors_out
    )
    if rt.json:
        print_json({**asdict(report), "ok": report.ok})
        return 0 if report.ok else 2
    if report.ok:
        print(
            f"Reconciled {report.file_name}: {report.paid:,} paid, {report.unpaid:,} not paid, "
            f"{report.unchanged:,} unchanged ({report.rows:,} rows)."
        )
        return None
    print_table(
        ["Row", "Code", "Error", "Message"],
        [[e.row, e.code, e.error, e.message] for e in report.errors],
        shrink=(3,),
    )
    where = (
        f"; the file with an errors column is in {report.errors_file}" if report.errors_file else ""
    )
    print(
        f"roster: error: {report.file_name} has {len(report.errors)} problem(s) in "
        f"{len({e.row for e in report.errors})} of {report.rows} rows; nothing was recorded"
        f"{where} [RECONCILIATION_FILE_REJECTED]",
        file=sys.stderr,
    )
    return 2


def run_mark_paid(rt: Runtime) -> None:
    args = rt.args
    ctx = rt.context()
    paid_on = args.paid_on or ctx.today().isoformat()
    payment_id = mark_paid(ctx, payment_id=args.payment, receipt=args.receipt, paid_on=paid_on)
    if rt.json:
        print_json({"payment_id": payment_id, "status": "PAID", "paid_on": paid_on})
    else:
        print(f"{args.payment} paid on {paid_on} (receipt {args.receipt}).")


def run_mark_unpaid(rt: Runtime) -> None:
    args = rt.args
    payment_id = mark_unpaid(rt.context(), payment_id=args.payment, reason=args.reason)
    if rt.json:
        print_json({"payment_id": payment_id, "status": "UNPAID"})
    else:
        print(f"{args.payment} recorded as not paid: {args.reason}")
