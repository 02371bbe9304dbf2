"""``roster grievance ...``: register, list, show and work grievance tickets.

A ticket is given by its code (any case) or id. A complainant from the registry is a member
id or ``CODE:N`` (the N-th member ``roster household show CODE`` lists).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from app.cli.common import Runtime, add_command, add_group, code_arg
from app.cli.household_cmds import non_negative_int, positive_int
from app.cli.output import print_fields, print_json, print_table, text
from app.cli.refs import household_ref, resolve_member
from app.domain.vocab import GrievanceChannel, GrievancePriority, GrievanceStatus
from app.services.grievance_queries import (
    GrievanceOut,
    count_grievances,
    get_grievance,
    list_grievances,
)
from app.services.grievances import (
    SLA_DAYS,
    GrievanceCategory,
    add_comment,
    assign_grievance,
    close_grievance,
    register_grievance,
    reopen_grievance,
    resolve_grievance,
    start_work,
)

TICKET = "ticket code (or id)"


def _choices(kind: Any) -> str:
    return "|".join(m.value for m in kind)


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "grievance", help="register and work grievance tickets")

    sla = ", ".join(f"{k.lower()} {v}" for k, v in SLA_DAYS.items())
    p = add_command(
        group,
        "register",
        run_register,
        help="register a grievance (status RECEIVED); prints its code",
        description="Register a grievance. The due date follows the category's service level "
        f"(days: {sla}). A named complaint needs --complainant (a registered member) or --name; "
        "an anonymous one (--anonymous) stores no name, phone or member.",
    )
    p.add_argument("--channel", required=True, metavar=_choices(GrievanceChannel))
    p.add_argument("--category", required=True, metavar=_choices(GrievanceCategory))
    p.add_argument(
        "--priority", default=GrievancePriority.MEDIUM.value, metavar=_choices(GrievancePriority)
    )
    p.add_argument("--title", required=True)
    p.add_argument("--description", default="")
    p.add_argument("--anonymous", action="store_true")
    p.add_argument("--name", help="complainant's name (not registered, or to override)")
    p.add_argument("--phone", help="complainant's phone")
    p.add_argument("--complainant", metavar="MEMBER", help="member id or CODE:N")
    p.add_argument("--household", metavar="CODE", type=household_ref, help="related household")
    p.add_argument("--received-on", metavar="YYYY-MM-DD", help="default: today")
    p.add_argument(
        "--district", metavar="CODE", type=code_arg, help="HQ users: district of the ticket"
    )

    p = add_command(group, "list", run_list, help="list tickets; overdue ones are flagged")
    p.add_argument(
        "--status", type=str.upper, metavar=_choices(GrievanceStatus), help="only this status"
    )
    p.add_argument("--category", type=str.upper, metavar="CATEGORY", help="only this category")
    p.add_argument("--overdue", action="store_true", help="only open tickets past their due date")
    p.add_argument("--household", metavar="CODE", type=household_ref)
    p.add_argument("--assignee", metavar="USERNAME")
    p.add_argument("--search", metavar="TEXT", help="code, title, complainant name or phone")
    p.add_argument("--limit", type=positive_int, default=50, metavar="N", help="default 50")
    p.add_argument("--offset", type=non_negative_int, default=0, metavar="N")

    p = add_command(group, "show", run_show, help="a ticket with its comments")
    p.add_argument("ticket", metavar="TICKET", help=TICKET)

    p = add_command(group, "assign", run_assign, help="assign a ticket (a RECEIVED one opens)")
    p.add_argument("ticket", metavar="TICKET", help=TICKET)
    p.add_argument("username", metavar="USERNAME")

    p = add_command(group, "comment", run_comment, help="add a comment")
    p.add_argument("ticket", metavar="TICKET", help=TICKET)
    p.add_argument("body", metavar="TEXT")

    p = add_command(group, "start", run_start, help="start working on a ticket (IN_PROGRESS)")
    p.add_argument("ticket", metavar="TICKET", help=TICKET)

    p = add_command(group, "resolve", run_resolve, help="resolve a ticket with its resolution")
    p.add_argument("ticket", metavar="TICKET", help=TICKET)
    p.add_argument("--resolution", required=True, metavar="TEXT")

    p = add_command(
        group,
        "close",
        run_close,
        help="close a ticket (an unresolved one needs --reason)",
    )
    p.add_argument("ticket", metavar="TICKET", help=TICKET)
    p.add_argument("--reason", default="", metavar="TEXT")

    p = add_command(group, "reopen", run_reopen, help="reopen a resolved or closed ticket")
    p.add_argument("ticket", metavar="TICKET", help=TICKET)
    p.add_argument("--reason", required=True, metavar="TEXT")


def _page(rt: Runtime, ref: str) -> GrievanceOut:
    ctx = rt.context()
    return get_grievance(ctx.db, ref=ref, actor=ctx.actor, today=ctx.today())


def _report(rt: Runtime, ref: str, line: str) -> None:
    page = _page(rt, ref)
    if rt.json:
        print_json(asdict(page))
    else:
        print(line.format(code=page.code, status=page.status, assignee=page.assignee))


def run_register(rt: Runtime) -> None:
    args = rt.args
    complainant_id = None
    if args.complainant:
        complainant_id = resolve_member(
            rt, args.complainant, household=args.household, field="complainant_id"
        ).id
    gid = register_grievance(
        rt.context(),
        channel=args.channel,
        category=args.category,
        priority=args.priority,
        title=args.title,
        description=args.description,
        anonymous=args.anonymous,
        complainant_name=args.name,
        complainant_phone=args.phone,
        complainant_id=complainant_id,
        household_ref=args.household,
        received_on=args.received_on,
        district_code=args.district,
    )
    page = _page(rt, gid)
    if rt.json:
        print_json(asdict(page))
        return
    print(f"Registered {page.code} ({page.category}, {page.priority}); due {text(page.due_date)}.")


def run_list(rt: Runtime) -> None:
    args = rt.args
    ctx = rt.context()
    filters: dict[str, Any] = {
        "actor": ctx.actor,
        "today": ctx.today(),
        "status": args.status,
        "category": args.category,
        "overdue_only": args.overdue,
        "household_ref": args.household,
        "search": args.search,
        "assignee": args.assignee,
    }
    rows = list_grievances(ctx.db, **filters, limit=args.limit, offset=args.offset)
    if rt.json:
        print_json([asdict(r) for r in rows])
        return
    total = count_grievances(ctx.db, **filters)
    if not rows:
        print("No grievances match." if total == 0 else f"No grievances past {args.offset}.")
        return
    print_table(
        ["Code", "Received", "Due", "Status", "Priority", "Category", "Complainant", "Title"],
        [
            [
                r.code,
                r.received_on,
                f"{text(r.due_date)} LATE {r.days_overdue}d" if r.overdue else r.due_date,
                r.status,
                r.priority,
                r.category,
                "(anonymous)" if r.anonymous else r.complainant_name,
                r.title,
            ]
            for r in rows
        ],
        shrink=(6, 7),
    )
    first, last = args.offset + 1, args.offset + len(rows)
    footer = f"{first}-{last} of {total} grievances"
    if last < total:
        footer += f"; next page: --offset {last}"
    print(footer)


def run_show(rt: Runtime) -> None:
    page = _page(rt, rt.args.ticket)
    if rt.json:
        print_json(asdict(page))
        return
    late = " (OVERDUE)" if page.overdue else ""
    print(f"Grievance {page.code}  {page.status}{late}")
    print_fields(
        [
            ("Title", page.title),
            ("Category", page.category),
            ("Channel", page.channel),
            ("Priority", page.priority),
            ("Complainant", "(anonymous)" if page.anonymous else page.complainant_name),
            ("Phone", ... if page.anonymous else page.complainant_phone),
            ("Household", page.household_code),
            ("District", f"{page.district_name} ({page.district_code})"),
            ("Received", page.received_on),
            ("Received by", page.received_by),
            ("Due", page.due_date),
            ("Assigned to", page.assignee),
            ("Resolution", page.resolution or ...),
            ("Resolved at", page.resolved_at or ...),
            ("Next", ", ".join(page.next_statuses) or ...),
        ],
        indent=2,
    )
    if page.description:
        print()
        print(page.description)
    print()
    if not page.comments:
        print("No comments.")
        return
    print("Comments")
    for c in page.comments:
        mark = " [resolution]" if c.is_resolution else ""
        print(f"  {text(c.at)}  {c.author or '-'}{mark}: {c.body}")


def run_assign(rt: Runtime) -> None:
    assign_grievance(rt.context(), grievance_id=rt.args.ticket, assignee_username=rt.args.username)
    _report(rt, rt.args.ticket, "{code} is {status}, assigned to {assignee}.")


def run_comment(rt: Runtime) -> None:
    add_comment(rt.context(), grievance_id=rt.args.ticket, body=rt.args.body)
    _report(rt, rt.args.ticket, "Comment added to {code} ({status}).")


def run_start(rt: Runtime) -> None:
    start_work(rt.context(), grievance_id=rt.args.ticket)
    _report(rt, rt.args.ticket, "{code} is {status}.")


def run_resolve(rt: Runtime) -> None:
    resolve_grievance(rt.context(), grievance_id=rt.args.ticket, resolution=rt.args.resolution)
    _report(rt, rt.args.ticket, "{code} is {status}.")


def run_close(rt: Runtime) -> None:
    close_grievance(rt.context(), grievance_id=rt.args.ticket, reason=rt.args.reason)
    _report(rt, rt.args.ticket, "{code} is {status}.")


def run_reopen(rt: Runtime) -> None:
    reopen_grievance(rt.context(), grievance_id=rt.args.ticket, reason=rt.args.reason)
    _report(rt, rt.args.ticket, "{code} is {status} again.")
