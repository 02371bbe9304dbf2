"""``roster print payment-list`` and ``roster print attendance-sheet``: the PDFs of issue 5.

Progress goes to stderr (only when it is a terminal); Ctrl-C stops cleanly and leaves no file.
"""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.cli.common import Runtime, add_command, add_group, code_arg
from app.cli.output import print_json
from app.sync.progress import Progress


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "print", help="print payment lists and attendance sheets (PDF)")
    p = add_command(
        group,
        "payment-list",
        run_payment_list,
        help="the payment list of a payroll, one list per pay point",
        description="Print the payment list of an approved payroll: one list per pay point "
        "(all of them, or --pay-point), each with its own serial and page numbers. Each "
        "original print takes the next serial; a payroll still pending approval prints as a "
        "draft. A CSV with the same row numbers is written next to the PDF (--no-csv: not).",
    )
    p.add_argument("--payroll", required=True, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.pdf", type=Path)
    p.add_argument("--pay-point", metavar="CODE", type=code_arg)
    p.add_argument(
        "--office-copy", action="store_true", help="a copy not for payment (no signature boxes)"
    )
    p.add_argument("--paper", default="A4", type=str.upper, choices=["A4", "LETTER"])
    p.add_argument("--no-csv", action="store_true", help="do not write FILE.csv beside the PDF")
    p = add_command(
        group,
        "attendance-sheet",
        run_attendance_sheet,
        help="the attendance sheet of a school, clinic or works site for a month",
    )
    p.add_argument("--service-point", required=True, metavar="CODE", type=code_arg)
    p.add_argument("--period", required=True, metavar="YYYY-MM")
    p.add_argument("--out", required=True, metavar="FILE.pdf", type=Path)
    p.add_argument("--condition", metavar="CODE", type=code_arg, help="only this condition")
    p.add_argument("--paper", default="A4", type=str.upper, choices=["A4", "LETTER"])


def _progress(rt: Runtime) -> Any:
    if rt.json or not sys.stderr.isatty():
        return None
    last = [-1]

    def report(p: Progress) -> None:
        if not p.total:
            return
        percent = p.done * 100 // p.total
        if percent // 10 != last[0] // 10:
            last[0] = percent
            print(f"\rprinting... {percent}%", end="", file=sys.stderr, flush=True)
            if percent >= 100:
                print(file=sys.stderr)

    return report


def run_payment_list(rt: Runtime) -> None:
    from app.reports.payment_list import render_payment_list
    from app.services.print_data import payment_list_data
    from app.services.reconciliation_csv import export_payroll_csv

    args = rt.args
    ctx = rt.context()
    data = payment_list_data(
        ctx, payroll_id=args.payroll, pay_point_code=args.pay_point, office_copy=args.office_copy
    )
    result = render_payment_list(data, args.out, paper=args.paper, progress=_progress(rt))
    csv_path = None
    if not args.no_csv:
        csv_path = args.out.with_suffix(".csv")
        export_payroll_csv(
            ctx,
            payroll_id=data.payroll_id,
            path=csv_path,
            pay_point_code=args.pay_point,
            with_row_numbers=True,
        )
    if rt.json:
        print_json(
            {
                **asdict(result),
                "copy": data.copy,
                "currency": data.currency,
                "csv": str(csv_path) if csv_path else None,
            }
        )
        return
    kind = {"DRAFT": "Draft", "OFFICE_COPY": "Office copy"}.get(data.copy, "Payment list")
    print(
        f"{kind} of {data.payroll_name}: {result.rows:,} beneficiaries, total "
        f"{result.total:,} {data.currency}, {result.pages} pages -> {result.path}"
    )
    for point, serial, rows, total in result.lists:
        print(
            f"  {point or '(no pay point)'}: {rows:,} row(s), {total:,} {data.currency}, {serial}"
        )
    if csv_path:
        print(f"Rows as CSV: {csv_path}")


def run_attendance_sheet(rt: Runtime) -> None:
    from app.reports.attendance_sheet import render_attendance_sheets
    from app.services.attendance import attendance_sheet_data

    args = rt.args
    sheets = attendance_sheet_data(
        rt.context(),
        service_point_code=args.service_point,
        period=args.period,
        condition_code=args.condition,
    )
    result = render_attendance_sheets(sheets, args.out, paper=args.paper, progress=_progress(rt))
    if rt.json:
        print_json(
            {
                **asdict(result),
                "sheets": [
                    {
                        "condition": s.condition_code,
                        "serial": s.stamp.serial if s.stamp else None,
                        "members": len(s.members),
                    }
                    for s in sheets
                ],
            }
        )
        return
    for s in sheets:
        serial = s.stamp.serial if s.stamp else ""
        where = f"{s.condition_code} at {s.service_point_code}, {s.period}"
        print(f"{where}: {len(s.members)} listed, {serial}")
    print(f"{result.pages} pages -> {result.path}")
