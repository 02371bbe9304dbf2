"""``roster case ...``: open, investigate, decide, act on and close error and fraud cases."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from app.cli.common import Runtime, add_command, add_group, code_arg
from app.cli.household_cmds import positive_int
from app.cli.output import print_fields, print_json, print_table, text
from app.cli.refs import household_ref, resolve_member
from app.domain.vocab import CaseStatus, CaseType
from app.services.case_queries import CaseOut, get_case, list_cases
from app.services.case_rules import CorrectiveActionKind
from app.services.cases import add_findings, close_case, decide_case, open_case, propose_action

CASE = "case code (or id)"


def _choices(kind: Any) -> str:
    return "|".join(m.value for m in kind)


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "case", help="error and fraud cases and their corrective actions")

    p = add_command(
        group, "open", run_open, help="open a case on a household or a payment; prints its code"
    )
    p.add_argument("--type", required=True, type=str.upper, metavar=_choices(CaseType))
    about = p.add_mutually_exclusive_group(required=True)
    about.add_argument("--household", metavar="CODE", type=household_ref)
    about.add_argument("--payment", metavar="CODE", type=code_arg, help="gives its household")
    p.add_argument("--findings", default="", metavar="TEXT")

    p = add_command(group, "list", run_list, help="cases, newest first")
    p.add_argument("--status", type=str.upper, metavar=_choices(CaseStatus))
    p.add_argument("--type", type=str.upper, metavar=_choices(CaseType))
    p.add_argument("--household", metavar="CODE", type=household_ref)
    p.add_argument("--limit", type=positive_int, default=200, metavar="N", help="default 200")

    p = add_command(group, "show", run_show, help="a case: findings, decision, actions")
    p.add_argument("case", metavar="CASE", help=CASE)

    p = add_command(
        group, "findings", run_findings, help="add dated, signed findings (starts the inquiry)"
    )
    p.add_argument("case", metavar="CASE", help=CASE)
    p.add_argument("--text", required=True, metavar="TEXT")

    p = add_command(group, "decide", run_decide, help="decide a case (supervisors, HQ admins)")
    p.add_argument("case", metavar="CASE", help=CASE)
    verdict = p.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--confirmed", dest="decision", action="store_const", const="CONFIRMED")
    verdict.add_argument("--unfounded", dest="decision", action="store_const", const="UNFOUNDED")
    p.add_argument("--note", required=True, metavar="TEXT")

    p = add_command(
        group,
        "action",
        run_action,
        help="propose a corrective action on a confirmed case (always checked by a supervisor)",
        description="Propose a corrective action on a confirmed case. It becomes a change "
        "request that another user (supervisor or HQ admin) approves with 'roster request "
        "approve ID'. SUSPEND, EXIT, ADJUST_BENEFIT (signed minor units) and "
        "RECOVER_OVERPAYMENT (minor units; a payment error case defaults to the payment's "
        "amount) act on one enrolment: --enrolment (id or programme code) when the household "
        "has several.",
    )
    p.add_argument("case", metavar="CASE", help=CASE)
    p.add_argument(
        "--action", required=True, type=str.upper, metavar=_choices(CorrectiveActionKind)
    )
    p.add_argument("--enrolment", metavar="ID|PROGRAMME")
    p.add_argument("--amount", metavar="N", help="minor units (negative to reduce a benefit)")
    p.add_argument("--pay-point", metavar="CODE", type=code_arg)
    p.add_argument("--method", type=str.upper, metavar="CASH|MOBILE_MONEY|BANK")
    p.add_argument("--provider")
    p.add_argument("--account-number", metavar="N")
    p.add_argument("--account-name", metavar="NAME")
    p.add_argument("--holder", metavar="MEMBER", help="member id or CODE:N")
    p.add_argument("--note", default="", metavar="TEXT")

    p = add_command(group, "close", run_close, help="close a decided case (no action waiting)")
    p.add_argument("case", metavar="CASE", help=CASE)
    p.add_argument("--note", default="", metavar="TEXT")


def _page(rt: Runtime, ref: str) -> CaseOut:
    ctx = rt.context()
    return get_case(ctx.db, ref=ref, actor=ctx.actor)


def _report(rt: Runtime, ref: str, line: str) -> None:
    page = _page(rt, ref)
    if rt.json:
        print_json(asdict(page))
    else:
        print(line.format(code=page.code, status=page.status, decision=page.decision))


def run_open(rt: Runtime) -> None:
    args = rt.args
    case_id = open_case(
        rt.context(),
        type=args.type,
        household_ref=args.household,
        payment_code=args.payment,
        findings=args.findings,
    )
    _report(rt, case_id, "Opened {code} ({status}).")


def run_list(rt: Runtime) -> None:
    args = rt.args
    ctx = rt.context()
    rows = list_cases(
        ctx.db,
        actor=ctx.actor,
        status=args.status,
        type=args.type,
        household_ref=args.household,
        limit=args.limit,
    )
    if rt.json:
        print_json([asdict(r) for r in rows])
        return
    if not rows:
        print("No cases match.")
        return
    print_table(
        ["Code", "Opened", "Type", "Status", "Decision", "Household", "Head", "Payment", "Waiting"],
        [
            [
                r.code,
                r.opened_at.date(),
                r.type,
                r.status,
                r.decision,
                r.household_code,
                r.head_name,
                r.payment_code,
                r.actions_pending or None,
            ]
            for r in rows
        ],
        shrink=(6,),
    )


def run_show(rt: Runtime) -> None:
    page = _page(rt, rt.args.case)
    if rt.json:
        print_json(asdict(page))
        return
    amount = f"{page.payment_amount} {page.currency}".strip() if page.payment_code else None
    print(f"Case {page.code}  {page.type}  {page.status}")
    print_fields(
        [
            ("Household", f"{page.household_code} ({page.head_name or '-'})"),
            ("Payment", f"{page.payment_code} ({amount})" if page.payment_code else ...),
            ("Opened", f"{text(page.opened_at)} by {page.opened_by or '-'}"),
            ("Decision", f"{page.decision} by {page.decided_by}" if page.decision else ...),
            ("Decision note", page.decision_note or ...),
            ("Enrolments", ", ".join(f"{e.programme_code} ({e.status})" for e in page.enrolments)),
        ],
        indent=2,
    )
    print()
    print("Findings")
    for paragraph in page.findings.split("\n\n") if page.findings else ["(none yet)"]:
        print(f"  {paragraph}")
    print()
    if not page.actions:
        print("No corrective actions.")
        return
    print("Corrective actions")
    print_table(
        ["Action", "Status", "Amount", "Details", "Request", "By", "Checked by"],
        [
            [
                a.action,
                a.status,
                a.amount,
                ", ".join(f"{k}={v}" for k, v in a.params.items() if k != "amount"),
                a.request_id,
                a.maker,
                a.checker,
            ]
            for a in page.actions
        ],
        indent=2,
        shrink=(3,),
    )


def run_findings(rt: Runtime) -> None:
    add_findings(rt.context(), case_ref=rt.args.case, text=rt.args.text)
    _report(rt, rt.args.case, "Findings added to {code} ({status}).")


def run_decide(rt: Runtime) -> None:
    args = rt.args
    decide_case(rt.context(), case_ref=args.case, decision=args.decision, note=args.note)
    _report(rt, args.case, "{code} is {status}: {decision}.")


def _enrolment(page: CaseOut, raw: str | None) -> str | None:
    if not raw:
        return None
    for choice in page.enrolments:
        if choice.programme_code.upper() == raw.strip().upper():
            return choice.id
    return raw.strip()


def run_action(rt: Runtime) -> None:
    args = rt.args
    page = _page(rt, args.case)
    account: dict[str, Any] | None = None
    if args.action == CorrectiveActionKind.CHANGE_ACCOUNT:
        holder = None
        if args.holder:
            holder = resolve_member(
                rt, args.holder, household=page.household_code, field="holder_id"
            ).id
        account = {
            "method": args.method,
            "provider": args.provider,
            "account_number": args.account_number,
            "account_name": args.account_name,
            "holder_id": holder,
        }
    outcome = propose_action(
        rt.context(),
        case_ref=page.id,
        action=args.action,
        enrolment_id=_enrolment(page, args.enrolment),
        amount=args.amount,
        pay_point_code=args.pay_point,
        account=account,
        note=args.note,
    )
    if rt.json:
        print_json(asdict(outcome))
        return
    print(f"{outcome.action} proposed on {page.code}: request {outcome.request_id} waits for a")
    print("checker (supervisor or HQ admin): roster request approve ID | reject ID --note TEXT")


def run_close(rt: Runtime) -> None:
    close_case(rt.context(), case_ref=rt.args.case, note=rt.args.note)
    _report(rt, rt.args.case, "{code} is {status}.")
