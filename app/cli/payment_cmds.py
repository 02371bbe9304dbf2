"""``roster programme``, ``roster cycle``, ``roster payroll`` and ``roster reconcile``.

``roster reconcile`` lives in ``reconcile_cmds``; this module's ``register`` adds it.

Payroll ids may be typed as a unique prefix of at least 8 characters (``payroll list`` shows
the shortest unique prefix of each). Payments are given by code (``PAY-...``) or id.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.cli import reconcile_cmds
from app.cli.common import Runtime, add_command, add_group, code_arg
from app.cli.output import print_fields, print_json, print_table
from app.domain.vocab import PayrollStatus
from app.services.payroll import approve_payroll, generate_payroll, reject_payroll
from app.services.payroll_queries import (
    get_payroll,
    list_cycles,
    list_payments,
    list_payrolls,
    list_programmes,
    short_ids,
)
from app.services.reconciliation import close_payroll
from app.services.reconciliation_csv import export_payroll_csv


def amount(value: int, currency: str = "") -> str:
    """Whole minor units with thousands separators (``15,000 XOF``)."""
    return f"{value:,} {currency}".strip()


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "programme", help="programmes and their benefit rules")
    add_command(group, "list", run_programmes, help="programmes with amounts, top-ups, caps")

    group = add_group(subparsers, "cycle", help="payment cycles")
    p = add_command(group, "list", run_cycles, help="payment cycles and their payrolls")
    p.add_argument("--programme", metavar="CODE", type=code_arg)

    group = add_group(subparsers, "payroll", help="generate, approve and follow payrolls")
    p = add_command(
        group,
        "generate",
        run_generate,
        help="generate the payroll of a cycle for the district",
        description="Create the payroll of a cycle for your district (HQ: --district): one "
        "payment per ACTIVE enrolment, amounts from the programme's rules and last month's "
        "compliance. It then waits for approval by another user (supervisor or HQ admin).",
    )
    p.add_argument("--programme", required=True, metavar="CODE", type=code_arg)
    p.add_argument("--cycle", required=True, metavar="CODE", type=code_arg)
    p.add_argument("--district", metavar="CODE", type=code_arg, help="HQ only")
    p = add_command(group, "approve", run_approve, help="approve a payroll for payment")
    p.add_argument("payroll", metavar="ID", help="payroll id or unique prefix (8+ characters)")
    p = add_command(group, "reject", run_reject, help="reject a payroll, with the reason")
    p.add_argument("payroll", metavar="ID")
    p.add_argument(
        "--reason", required=True, metavar="TEXT", help="why (kept; at most 200 characters)"
    )
    p = add_command(group, "close", run_close, help="close a fully reconciled payroll")
    p.add_argument("payroll", metavar="ID")
    p = add_command(group, "list", run_list, help="payrolls of the district, newest first")
    p.add_argument("--programme", metavar="CODE", type=code_arg)
    p.add_argument(
        "--status",
        type=str.upper,
        choices=[s.value for s in PayrollStatus],
        metavar="STATUS",
        help=", ".join(s.value for s in PayrollStatus),
    )
    p.add_argument("--district", metavar="CODE", type=code_arg, help="HQ only")
    p = add_command(group, "show", run_show, help="a payroll with its totals per pay point")
    p.add_argument("payroll", metavar="ID")
    p.add_argument("--payments", action="store_true", help="also list the payments")
    p.add_argument("--pay-point", metavar="CODE", type=code_arg, help="payments of one pay point")
    p = add_command(
        group, "export", run_export, help="write the payroll as an openIMIS reconciliation CSV"
    )
    p.add_argument("--payroll", required=True, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.csv", type=Path)
    p.add_argument("--pay-point", metavar="CODE", type=code_arg)
    p.add_argument(
        "--row-numbers", action="store_true", help="add the printed list's No. and pay point"
    )

    reconcile_cmds.register(subparsers)


# --- programmes and cycles -----------------------------------------------------------------


def run_programmes(rt: Runtime) -> None:
    programmes = list_programmes(rt.context())
    if rt.json:
        print_json([asdict(p) for p in programmes])
        return
    rows = []
    for p in programmes:
        top_ups = ", ".join(
            f"{t.criterion} {t.amount:,}" + (f" (max {t.max_members})" if t.max_members else "")
            for t in p.top_ups
        )
        rows.append(
            [
                p.code,
                p.name,
                p.type,
                amount(p.base_amount, p.currency),
                amount(p.cap_amount, p.currency) if p.cap_amount is not None else None,
                amount(p.deduction_per_unmet) if p.deduction_per_unmet else None,
                top_ups or None,
                p.active_enrolments,
            ]
        )
    print_table(
        ["Code", "Programme", "Type", "Base", "Cap", "Per unmet", "Top-ups", "Active"],
        rows,
        shrink=(1, 6),
    )


def run_cycles(rt: Runtime) -> None:
    cycles = list_cycles(rt.context(), programme_code=rt.args.programme)
    if rt.json:
        print_json([asdict(c) for c in cycles])
        return
    short = short_ids([c.payroll_id for c in cycles if c.payroll_id])
    print_table(
        ["Cycle", "Programme", "Start", "End", "Status", "Payroll", "Payroll status"],
        [
            [
                c.code,
                c.programme_code,
                c.start_date,
                c.end_date,
                c.status,
                short.get(c.payroll_id) if c.payroll_id else None,
                c.payroll_status,
            ]
            for c in cycles
        ],
    )


# --- payrolls ---------------------------------------------------------------------------


def run_generate(rt: Runtime) -> None:
    args = rt.args
    ctx = rt.context()
    payroll_id = generate_payroll(
        ctx, programme_code=args.programme, cycle_code=args.cycle, district_code=args.district
    )
    page = get_payroll(ctx, payroll_id=payroll_id)
    if rt.json:
        print_json(_payroll_json(page))
        return
    row = page.row
    print(f"Generated payroll {row.id} ({row.name}).")
    print(
        f"{row.payment_count:,} payments, total {amount(row.total_amount, row.currency)}, "
        f"{len(page.over_cap)} above the cap."
    )
    print("It now waits for approval by a supervisor or an HQ admin (not by you).")


def run_approve(rt: Runtime) -> None:
    ctx = rt.context()
    result = approve_payroll(ctx, payroll_id=rt.args.payroll)
    if rt.json:
        print_json(asdict(result))
        return
    page = get_payroll(ctx, payroll_id=result.payroll_id)
    currency = page.row.currency
    print(
        f"Approved {page.row.name} for payment: {result.approved:,} payments, "
        f"total {amount(result.total_amount, currency)}."
    )
    if result.over_cap:
        print(f"{len(result.over_cap)} payments above the cap were approved with it:")
        print_table(
            ["Payment", "Household", "Amount", "Cap"],
            [[o.code, o.household_code, o.amount, o.cap_amount] for o in result.over_cap],
            indent=2,
        )
    if result.dropped:
        print(f"{len(result.dropped)} payments were rejected: their enrolment is no longer active:")
        print_table(
            ["Payment", "Household", "Enrolment"],
            [[d.code, d.household_code, d.enrolment_status] for d in result.dropped],
            indent=2,
        )


def run_reject(rt: Runtime) -> None:
    ctx = rt.context()
    payroll_id = reject_payroll(ctx, payroll_id=rt.args.payroll, reason=rt.args.reason)
    row = get_payroll(ctx, payroll_id=payroll_id).row
    if rt.json:
        print_json(
            {
                "payroll_id": payroll_id,
                "status": PayrollStatus.REJECTED.value,
                "rejection_reason": row.rejection_reason,
            }
        )
    else:
        print(f"Payroll {payroll_id} rejected: {row.rejection_reason}")


def run_close(rt: Runtime) -> None:
    ctx = rt.context()
    result = close_payroll(ctx, payroll_id=rt.args.payroll)
    if rt.json:
        print_json(asdict(result))
        return
    currency = get_payroll(ctx, payroll_id=result.payroll_id).row.currency
    print(
        f"Payroll {result.payroll_id} reconciled: {result.reconciled:,} paid "
        f"({amount(result.paid_amount, currency)}), {result.unpaid:,} not paid "
        f"({amount(result.unpaid_amount, currency)})."
    )


def run_list(rt: Runtime) -> None:
    args = rt.args
    rows = list_payrolls(
        rt.context(),
        programme_code=args.programme,
        status=args.status,
        district_code=args.district,
    )
    if rt.json:
        print_json([asdict(r) for r in rows])
        return
    if not rows:
        print("No payrolls.")
        return
    short = short_ids([r.id for r in rows])
    print_table(
        ["Id", "Payroll", "Status", "Payments", "Total", "Made by", "Approved by", "Created"],
        [
            [
                short[r.id],
                r.name,
                r.status,
                r.payment_count,
                r.total_amount,
                r.created_by,
                r.approved_by,
                r.created_at,
            ]
            for r in rows
        ],
        shrink=(1,),
    )


def _payroll_json(page: Any) -> dict[str, Any]:
    data = asdict(page)
    data["id"] = page.row.id
    return data


def run_show(rt: Runtime) -> None:
    args = rt.args
    ctx = rt.context()
    page = get_payroll(ctx, payroll_id=args.payroll)
    payments = (
        list_payments(ctx, payroll_id=page.row.id, pay_point_code=args.pay_point)
        if args.payments or args.pay_point
        else None
    )
    if rt.json:
        data = _payroll_json(page)
        if payments is not None:
            data["payments"] = [{**asdict(p), "recipient_name": p.recipient_name} for p in payments]
        print_json(data)
        return
    row, currency = page.row, page.row.currency
    print(f"Payroll {row.name}  {row.status}")
    print_fields(
        [
            ("Id", row.id),
            ("Programme", f"{row.programme_code} {page.programme_name}"),
            ("Cycle", f"{row.cycle_code} ({page.cycle_start} to {page.cycle_end})"),
            ("District", row.district_code),
            ("Payments", f"{row.payment_count:,}"),
            ("Total", amount(row.total_amount, currency)),
            ("Cap", amount(page.cap_amount, currency) if page.cap_amount is not None else None),
            ("Made by", f"{row.created_by} on {row.created_at:%Y-%m-%d %H:%M}"),
            ("Approved by", f"{row.approved_by} on {row.approved_at:%Y-%m-%d %H:%M}")
            if row.approved_at
            else ("Approved by", None),
            ("Rejected", row.rejection_reason or ...),  # the reason, when rejected
            ("By status", ", ".join(f"{k} {v:,}" for k, v in sorted(page.status_counts.items()))),
        ],
        indent=2,
    )
    print()
    print_table(
        ["Pay point", "Name", "Payments", "Amount", "Paid", "Paid amount", "Not paid", "Open"],
        [
            [
                p.pay_point_code or "(none)",
                p.pay_point_name,
                p.payments,
                p.amount,
                p.paid,
                p.paid_amount,
                p.unpaid,
                p.open,
            ]
            for p in page.pay_points
        ],
        shrink=(1,),
    )
    if page.over_cap:
        print(f"\n{len(page.over_cap)} payments above the cap of {amount(page.cap_amount or 0)}:")
        print_table(
            ["Payment", "Household", "Amount"],
            [[o.code, o.household_code, o.amount] for o in page.over_cap],
            indent=2,
        )
    if payments is not None:
        print()
        print_table(
            ["Payment", "Household", "Village", "Recipient", "Amount", "Status", "Receipt"],
            [
                [
                    p.code,
                    p.household_code,
                    p.village_name,
                    p.recipient_name,
                    p.amount,
                    p.status,
                    p.receipt or p.unpaid_reason,
                ]
                for p in payments
            ],
            shrink=(2, 3, 6),
        )


def run_export(rt: Runtime) -> None:
    args = rt.args
    rows = export_payroll_csv(
        rt.context(),
        payroll_id=args.payroll,
        path=args.out,
        pay_point_code=args.pay_point,
        with_row_numbers=args.row_numbers,
    )
    if rt.json:
        print_json({"path": str(args.out), "rows": rows})
    else:
        print(f"Wrote {rows:,} payments to {args.out}.")
