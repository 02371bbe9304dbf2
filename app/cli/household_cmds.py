"""``roster household ...``: list, show, edit, move, payment account (members: member_cmds)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from app.cli import member_cmds
from app.cli.common import Runtime, add_command, add_group, code_arg, parse_assignments
from app.cli.household_view import print_household
from app.cli.output import print_json, print_table
from app.cli.refs import household_ref, load_household, resolve_optional
from app.cli.request_cmds import report_pending
from app.domain.vocab import EnrolmentStatus, PaymentMethod
from app.services.change_requests import submit_change
from app.services.dto import MoveResult
from app.services.households import (
    PLAIN_FIELDS,
    update_household,
)
from app.services.search import SORTS, count_households, search_households


def positive_int(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {raw!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def non_negative_int(raw: str) -> int:
    return 0 if raw.strip() == "0" else positive_int(raw)


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "household", help="find, show and change households")

    p = add_command(group, "list", run_list, help="list or search households, one page at a time")
    p.add_argument("--search", metavar="TEXT", help="names, household code, national ID, phone")
    p.add_argument("--village", metavar="CODE", type=code_arg, help="only this village")
    p.add_argument(
        "--programme", metavar="CODE", type=code_arg, help="only households enrolled in it"
    )
    p.add_argument(
        "--status",
        type=str.upper,
        choices=[s.value for s in EnrolmentStatus],
        metavar="STATUS",
        help="only households with an enrolment in this status: "
        + ", ".join(s.value for s in EnrolmentStatus),
    )
    p.add_argument("--sort", choices=sorted(SORTS), default="code")
    p.add_argument("--limit", type=positive_int, default=50, metavar="N", help="default 50")
    p.add_argument("--offset", type=non_negative_int, default=0, metavar="N")

    p = add_command(group, "show", run_show, help="the household page")
    p.add_argument("code", metavar="CODE", type=household_ref, help="household code (or id)")
    p.add_argument("--ids", action="store_true", help="also show member ids")

    p = add_command(
        group,
        "update",
        run_update,
        help="change plain household fields",
        description=f"Change plain household fields: {', '.join(PLAIN_FIELDS)}. "
        "gps takes LAT,LON; 'FIELD=' clears a field. Prints the new version.",
    )
    p.add_argument("code", metavar="CODE", type=household_ref)
    p.add_argument(
        "--set",
        dest="assignments",
        action="append",
        required=True,
        metavar="FIELD=VALUE",
        help="repeat for several fields",
    )

    p = add_command(
        group,
        "move",
        run_move,
        help="move to another village of the district",
        description="Move a household to another village of its district. Enrolments in "
        "programmes that do not operate there are exited; the pay point follows the village.",
    )
    p.add_argument("code", metavar="CODE", type=household_ref)
    p.add_argument("--village", required=True, metavar="VCODE", type=code_arg)
    p.add_argument("--address", required=True, metavar="TEXT")
    p.add_argument("--reason", default="", help="why (shown to the checker if approval is needed)")

    p = add_command(
        group,
        "set-payment-account",
        run_set_payment_account,
        help="give the household a new payment account (the current one becomes inactive)",
    )
    p.add_argument("code", metavar="CODE", type=household_ref)
    p.add_argument(
        "--method", required=True, metavar="METHOD", help=", ".join(m.value for m in PaymentMethod)
    )
    p.add_argument("--provider", default="", help="mobile money operator or bank")
    p.add_argument("--number", default="", help="account or mobile money number")
    p.add_argument("--name", default="", help="account name (default: the holder's name)")
    p.add_argument(
        "--holder", metavar="MEMBER", help="id, CODE:N or N (default: the primary recipient)"
    )
    p.add_argument("--reason", default="", help="why (shown to the checker if approval is needed)")

    member_cmds.register(group)


def run_list(rt: Runtime) -> None:
    args = rt.args
    ctx = rt.context()
    actor = ctx.require_actor()
    filters: dict[str, Any] = {
        "text": args.search or "",
        "village_code": args.village,
        "programme_code": args.programme,
        "enrolment_status": args.status,
        "district_id": actor.district_id,  # None for HQ: every district on this laptop
    }
    page = search_households(
        ctx.db, **filters, sort=args.sort, limit=args.limit, offset=args.offset
    )
    if rt.json:
        print_json([asdict(row) for row in page.rows])
        return
    total = count_households(ctx.db, **filters)
    if not page.rows:
        print("No households match." if total == 0 else f"No households past {args.offset}.")
        return
    print_table(
        ["Code", "Head", "Village", "Members", "Status", "Pay point"],
        [
            [r.code, r.head_name, r.village_name, r.member_count, r.status, r.pay_point_name]
            for r in page.rows
        ],
        shrink=(1, 2, 5),
    )
    first, last = args.offset + 1, args.offset + len(page.rows)
    footer = f"{first}-{last} of {total:,} households"
    if page.has_more:
        footer += f"; next page: --offset {last}"
    print(footer)


def run_show(rt: Runtime) -> None:
    household = load_household(rt, rt.args.code, history=True)
    if rt.json:
        print_json(asdict(household))
    else:
        print_household(household, show_ids=rt.args.ids)


def run_update(rt: Runtime) -> None:
    changes = parse_assignments(rt.args.assignments)
    version = update_household(rt.context(), household_ref=rt.args.code, changes=changes)
    if rt.json:
        print_json({"household": rt.args.code, "changed": sorted(changes), "version": version})
    else:
        print(f"Updated {rt.args.code}: {', '.join(changes)} (now version {version}).")


def run_move(rt: Runtime) -> None:
    args = rt.args
    outcome = submit_change(
        rt.context(),
        type="MOVE",
        target_id=args.code,
        params={"village_code": args.village, "address": args.address},
        reason=args.reason,
    )
    if report_pending(rt, outcome):
        return
    result = outcome.result
    assert isinstance(result, MoveResult)
    if rt.json:
        print_json({"household": args.code, **asdict(result)})
        return
    page = load_household(rt, result.household_id)
    pay_point = f"{page.pay_point_name} ({page.pay_point_code})" if page.pay_point_code else "none"
    print(f"Moved {page.code} to {page.village_name} ({page.village_code}).")
    print(f"Pay point: {pay_point}")
    exited = ", ".join(result.exited_programmes)
    print(f"Exited (programme not operating there): {exited or 'none'}")


def run_set_payment_account(rt: Runtime) -> None:
    args = rt.args
    holder = resolve_optional(rt, args.holder, household=args.code, field="holder_id")
    outcome = submit_change(
        rt.context(),
        type="PAYMENT_ACCOUNT",
        target_id=args.code,
        params={
            "method": args.method,
            "provider": args.provider,
            "account_number": args.number,
            "account_name": args.name,
            "holder_id": holder.id if holder else None,
        },
        reason=args.reason,
    )
    if report_pending(rt, outcome):
        return
    account_id = outcome.result
    page = load_household(rt, args.code)
    account = next(a for a in page.payment_accounts if a.id == account_id)
    if rt.json:
        print_json({"household": page.code, "account": asdict(account)})
        return
    details = " ".join(v for v in (account.provider, account.account_number) if v)
    print(f"New {account.method} account for {page.code}{': ' + details if details else ''}")
    print(f"Holder: {account.holder_name}; verification {account.verification}.")
    print("Earlier accounts are now inactive.")
