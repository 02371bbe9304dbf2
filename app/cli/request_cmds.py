"""``roster request ...``: list, show, approve, reject and withdraw change requests."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from app.cli.common import Runtime, add_command, add_group
from app.cli.output import print_fields, print_json, print_table, text
from app.domain.vocab import ChangeRequestStatus
from app.errors import NotFound
from app.services.change_requests import (
    ChangeOutcome,
    approve_request,
    reject_request,
    withdraw_request,
)
from app.services.request_queries import RequestOut, get_request, list_requests


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "request", help="change requests waiting for a checker")
    p = add_command(group, "list", run_list, help="requests (default: those waiting)")
    p.add_argument(
        "--status",
        type=str.upper,
        default=ChangeRequestStatus.PENDING.value,
        metavar="PENDING|APPLIED|REJECTED|ALL",
    )
    p = add_command(group, "show", run_show, help="one request with its old and new values")
    p.add_argument("request_id", metavar="ID")
    p = add_command(group, "approve", run_approve, help="approve and apply (not the maker)")
    p.add_argument("request_id", metavar="ID")
    p.add_argument("--note", default="")
    p = add_command(group, "reject", run_reject, help="reject with a reason")
    p.add_argument("request_id", metavar="ID")
    p.add_argument("--note", required=True)
    p = add_command(group, "withdraw", run_withdraw, help="take back your own waiting request")
    p.add_argument("request_id", metavar="ID")


def report_pending(rt: Runtime, outcome: ChangeOutcome) -> bool:
    """Print a request sent for approval; True if the change is waiting rather than applied."""
    if outcome.status != ChangeRequestStatus.PENDING:
        return False
    if rt.json:
        print_json(
            {
                "status": outcome.status,
                "request_id": outcome.request_id,
                "programmes": list(outcome.programmes),
            }
        )
    else:
        rules = ", ".join(outcome.programmes) or "a case decision"
        print(f"Sent for approval (required by {rules}): request {outcome.request_id}")
        print("A supervisor approves it with: roster request approve ID")
    return True


def run_list(rt: Runtime) -> None:
    ctx = rt.context()
    status = None if rt.args.status == "ALL" else rt.args.status
    rows = list_requests(ctx.db, actor=ctx.require_actor(), status=status)
    if rt.json:
        print_json([asdict(r) for r in rows])
        return
    if not rows:
        print("No change requests match.")
        return
    print_table(
        ["Id", "Made", "Type", "Household", "About", "Status", "By", "Changes"],
        [
            [
                r.id,
                r.created_at.date(),
                r.type,
                r.household_code,
                r.target,
                r.status,
                r.maker,
                "; ".join(f"{c.field}: {c.old or '-'} -> {c.new}" for c in r.changes),
            ]
            for r in rows
        ],
        shrink=(7,),
    )


def _get(rt: Runtime, request_id: str) -> RequestOut:
    ctx = rt.context()
    found = get_request(ctx.db, actor=ctx.require_actor(), request_id=request_id)
    if found is None:
        raise NotFound(f"no change request {request_id}", code="REQUEST_NOT_FOUND")
    return found


def run_show(rt: Runtime) -> None:
    r = _get(rt, rt.args.request_id)
    if rt.json:
        print_json(asdict(r))
        return
    print(f"Change request {r.id}  {r.type}  {r.status}")
    print_fields(
        [
            ("Household", r.household_code),
            ("About", r.target or ...),
            ("Reason", r.reason or ...),
            ("Case", r.case_code or ...),
            ("Made by", f"{r.maker} on {text(r.created_at)}"),
            ("Decided by", f"{r.checker} on {text(r.decided_at)}" if r.decided_at else ...),
            ("Note", r.decision_note or ...),
        ],
        indent=2,
    )
    print_table(
        ["Field", "Now", "Requested"],
        [[f"{c.table}.{c.field}", c.old or "-", c.new] for c in r.changes],
        indent=2,
    )


def run_approve(rt: Runtime) -> None:
    outcome = approve_request(rt.context(), request_id=rt.args.request_id, note=rt.args.note)
    if rt.json:
        print_json({"request_id": outcome.request_id, "status": outcome.status})
    else:
        print(f"Approved and applied request {outcome.request_id}.")


def run_reject(rt: Runtime) -> None:
    reject_request(rt.context(), request_id=rt.args.request_id, note=rt.args.note)
    if rt.json:
        print_json({"request_id": rt.args.request_id, "status": "REJECTED"})
    else:
        print(f"Rejected request {rt.args.request_id}; nothing was changed.")


def run_withdraw(rt: Runtime) -> None:
    withdraw_request(rt.context(), request_id=rt.args.request_id)
    if rt.json:
        print_json({"request_id": rt.args.request_id, "status": "REJECTED"})
    else:
        print(f"Withdrew request {rt.args.request_id}.")
