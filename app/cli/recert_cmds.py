"""``roster round ...`` (recertification rounds) and ``roster crosscheck ...`` (other registries).

A round is given by its code (any case) or id; a task or a match by the id its list shows.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from app.cli.common import Runtime, add_command, add_group, code_arg
from app.cli.household_cmds import non_negative_int, positive_int
from app.cli.output import print_fields, print_json, print_table
from app.cli.refs import resolve_optional
from app.domain.vocab import ExitReason
from app.services.crosscheck import import_crosscheck, review_match
from app.services.crosscheck_queries import MatchStatus, count_matches, get_match, list_matches
from app.services.recertification import close_round, decide_task, open_round, record_visit
from app.services.recertification_queries import (
    TaskStatus,
    count_tasks,
    get_round,
    list_rounds,
    list_tasks,
    progress_totals,
    round_progress,
)

ROUND = "round code (or id)"


def register(subparsers: Any) -> None:
    _register_rounds(subparsers)
    _register_crosscheck(subparsers)


def _register_rounds(subparsers: Any) -> None:
    group = add_group(subparsers, "round", help="recertification rounds: visit, decide, close")

    p = add_command(
        group,
        "open",
        run_open,
        help="open a round (supervisors): one task per active or suspended enrolment",
        description="Open a recertification round of a programme in the district, or in a ward "
        "or village of it. Every ACTIVE or SUSPENDED enrolment of the programme there gets a "
        "task to visit. Refused while an open round of the programme covers part of the area.",
    )
    p.add_argument("--programme", required=True, metavar="CODE", type=code_arg)
    p.add_argument("--area", required=True, metavar="CODE", type=code_arg, help="D, W or V code")
    p.add_argument("--due", metavar="YYYY-MM-DD", help="date the visits should be done by")
    p.add_argument("--note", default="", metavar="TEXT")

    p = add_command(group, "list", run_list, help="the district's rounds with their progress")
    p.add_argument("--status", type=str.upper, metavar="OPEN|CLOSED")

    p = add_command(group, "show", run_show, help="a round and its progress by village")
    p.add_argument("round", metavar="ROUND", help=ROUND)

    p = add_command(group, "tasks", run_tasks, help="a round's households to visit, by village")
    p.add_argument("round", metavar="ROUND", help=ROUND)
    p.add_argument("--village", metavar="CODE", type=code_arg)
    p.add_argument("--status", type=str.upper, metavar="|".join(TaskStatus))
    p.add_argument("--limit", type=positive_int, default=100, metavar="N", help="default 100")
    p.add_argument("--offset", type=non_negative_int, default=0, metavar="N")

    p = add_command(group, "visit", run_visit, help="record a household's visit")
    p.add_argument("task", metavar="TASK_ID")
    p.add_argument("--note", default="", metavar="TEXT")
    p.add_argument(
        "--not-confirmed",
        action="store_true",
        help="the situation differs from the record (say what in --note)",
    )

    p = add_command(group, "decide", run_decide, help="decide a visited household: continue/exit")
    p.add_argument("task", metavar="TASK_ID")
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--continue", dest="decision", action="store_const", const="CONTINUE")
    choice.add_argument("--exit", dest="decision", action="store_const", const="EXIT")
    p.add_argument(
        "--reason",
        type=str.upper,
        metavar="REASON",
        help=f"exit reason (default RECERTIFICATION): {'|'.join(ExitReason)}",
    )
    p.add_argument("--note", default="", metavar="TEXT")

    p = add_command(
        group, "close", run_close, help="close a round whose tasks are all decided; apply exits"
    )
    p.add_argument("round", metavar="ROUND", help=ROUND)


def _register_crosscheck(subparsers: Any) -> None:
    group = add_group(subparsers, "crosscheck", help="match other registries' lists (deaths...)")

    p = add_command(
        group,
        "import",
        run_import,
        help="match a CSV list against the district; flags look-alikes for review",
        description="Read another registry's CSV (national_id, first_name, last_name, dob; "
        "optional date_of_death; other columns kept) and flag the district's people with the "
        "same national ID, or the same date of birth and similar names. A malformed file "
        "records nothing.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--source", required=True, metavar="NAME", help='e.g. "CRVS deaths 2026-10"')
    p.add_argument("--round", metavar="ROUND", help="link the matches to this open round")

    p = add_command(group, "list", run_matches, help="flagged people, open ones first")
    p.add_argument("--status", type=str.upper, metavar="|".join(MatchStatus))
    p.add_argument("--source", metavar="NAME")
    p.add_argument("--round", metavar="ROUND")
    p.add_argument("--limit", type=positive_int, default=100, metavar="N", help="default 100")
    p.add_argument("--offset", type=non_negative_int, default=0, metavar="N")

    p = add_command(
        group,
        "review",
        run_review,
        help="confirm (same person) or dismiss a match; a confirmed death is recorded",
    )
    p.add_argument("match", metavar="MATCH_ID")
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--confirm", dest="action", action="store_const", const="CONFIRM")
    choice.add_argument("--dismiss", dest="action", action="store_const", const="DISMISS")
    p.add_argument("--note", default="", metavar="TEXT")
    p.add_argument("--date-of-death", metavar="YYYY-MM-DD", help="when the list gives none")
    p.add_argument("--new-head", metavar="MEMBER", help="id, CODE:N or N, if the head died")
    p.add_argument("--new-recipient", metavar="MEMBER", help="id, CODE:N or N")


# --- rounds ----------------------------------------------------------------------------------


def _round_line(rt: Runtime, ref: str, line: str) -> None:
    ctx = rt.context()
    row = get_round(ctx.db, ref=ref, actor=ctx.actor)
    if rt.json:
        print_json(asdict(row))
    else:
        print(line.format(**asdict(row)))


def run_open(rt: Runtime) -> None:
    args = rt.args
    rid = open_round(
        rt.context(),
        programme_code=args.programme,
        area_code=args.area,
        due_date=args.due,
        note=args.note,
    )
    _round_line(
        rt, rid, "Opened {code} for {programme_code} in {area_name} ({area_code}): {total} "
        "household(s) to visit."
    )  # fmt: skip


def run_list(rt: Runtime) -> None:
    ctx = rt.context()
    rows = list_rounds(ctx.db, actor=ctx.actor, status=rt.args.status)
    if rt.json:
        print_json([asdict(r) for r in rows])
        return
    if not rows:
        print("No recertification rounds.")
        return
    print_table(
        ["Code", "Programme", "Area", "Status", "Opened", "Due", "Total", "Pending", "Visited",
         "Decided", "Exits"],
        [
            [r.code, r.programme_code, f"{r.area_name} ({r.area_code})", r.status, r.opened_on,
             r.due_date, r.total, r.pending, r.visited, r.decided, r.exits]
            for r in rows
        ],
        shrink=(2,),
    )  # fmt: skip


def run_show(rt: Runtime) -> None:
    ctx = rt.context()
    row = get_round(ctx.db, ref=rt.args.round, actor=ctx.actor)
    villages = round_progress(ctx.db, round_code=row.id, actor=ctx.actor)
    totals = progress_totals(villages)
    if rt.json:
        print_json({"round": asdict(row), "villages": [asdict(v) for v in villages]})
        return
    print(f"Round {row.code}  {row.status}")
    print_fields(
        [
            ("Programme", f"{row.programme_name} ({row.programme_code})"),
            ("Area", f"{row.area_name} ({row.area_code})"),
            ("Opened", row.opened_on),
            ("Due", row.due_date),
            ("Closed", row.closed_on or ...),
            ("Note", row.note or ...),
        ],
        indent=2,
    )
    print()
    print_table(
        ["Village", "Code", "Total", "Pending", "Visited", "Decided", "Exits"],
        [
            [v.village_name, v.village_code, v.total, v.pending, v.visited, v.decided, v.exits]
            for v in villages
        ]
        + [["Total", "", totals.total, totals.pending, totals.visited, totals.decided,
            totals.exits]],
        shrink=(0,),
    )  # fmt: skip


def run_tasks(rt: Runtime) -> None:
    args = rt.args
    ctx = rt.context()
    filters: dict[str, Any] = {
        "round_code": args.round,
        "actor": ctx.actor,
        "village_code": args.village,
        "status": args.status,
    }
    rows = list_tasks(ctx.db, **filters, limit=args.limit, offset=args.offset)
    if rt.json:
        print_json([asdict(r) for r in rows])
        return
    total = count_tasks(ctx.db, **filters)
    if not rows:
        print("No tasks match." if total == 0 else f"No tasks past {args.offset}.")
        return
    print_table(
        ["Task", "Household", "Head", "Village", "Status", "Visited", "Decision", "Note"],
        [
            [r.id, r.household_code, r.head_name, r.village_name, r.status, r.visited_on,
             f"EXIT ({r.exit_reason})" if r.decision == "EXIT" else r.decision, r.note]
            for r in rows
        ],
        shrink=(2, 7),
    )  # fmt: skip
    first, last = args.offset + 1, args.offset + len(rows)
    footer = f"{first}-{last} of {total} tasks"
    if last < total:
        footer += f"; next page: --offset {last}"
    print(footer)


def run_visit(rt: Runtime) -> None:
    args = rt.args
    record_visit(rt.context(), task_id=args.task, confirmed=not args.not_confirmed, note=args.note)
    if rt.json:
        print_json({"task": args.task, "status": "VISITED"})
    else:
        print("Visit recorded.")


def run_decide(rt: Runtime) -> None:
    args = rt.args
    decide_task(
        rt.context(),
        task_id=args.task,
        decision=args.decision,
        exit_reason=args.reason,
        note=args.note,
    )
    if rt.json:
        print_json({"task": args.task, "status": "DECIDED", "decision": args.decision})
    else:
        print(f"Decision recorded: {args.decision}.")


def run_close(rt: Runtime) -> None:
    exits = close_round(rt.context(), round_code=rt.args.round)
    _round_line(
        rt,
        rt.args.round,
        f"{{code}} closed: {{total}} households, {exits} exit(s) submitted "
        "(applied, or waiting in 'roster request list' where the programme wants exits checked).",
    )


# --- cross-checks ----------------------------------------------------------------------------


def run_import(rt: Runtime) -> None:
    args = rt.args
    result = import_crosscheck(
        rt.context(),
        path=args.file,
        source=args.source,
        round_code=args.round,
    )
    if rt.json:
        print_json(asdict(result))
        return
    print(
        f"{result.rows} row(s) checked against the district: {result.created} new match(es) "
        f"({result.national_id_matches} by national ID, {result.name_dob_matches} by name and "
        f"date of birth); {result.already_flagged} already flagged."
    )


def run_matches(rt: Runtime) -> None:
    args = rt.args
    ctx = rt.context()
    filters: dict[str, Any] = {
        "actor": ctx.actor,
        "status": args.status,
        "source": args.source,
        "round_code": args.round,
    }
    rows = list_matches(ctx.db, **filters, limit=args.limit, offset=args.offset)
    if rt.json:
        print_json([asdict(r) for r in rows])
        return
    total = count_matches(ctx.db, **filters)
    if not rows:
        print("No matches." if total == 0 else f"No matches past {args.offset}.")
        return
    print_table(
        ["Match", "Status", "Kind", "Score", "Person", "Born", "Household", "Listed as",
         "Listed born", "Died", "Source"],
        [
            [r.id, r.status, r.kind, r.score, r.person_name, r.date_of_birth, r.household_code,
             r.external_name, r.external_dob, r.external_date_of_death, r.source]
            for r in rows
        ],
        shrink=(4, 7, 10),
    )  # fmt: skip
    first, last = args.offset + 1, args.offset + len(rows)
    print(
        f"{first}-{last} of {total} matches" + (f"; next: --offset {last}" if last < total else "")
    )


def run_review(rt: Runtime) -> None:
    args = rt.args
    ctx = rt.context()
    match = get_match(ctx.db, match_id=args.match, actor=ctx.require_actor())
    code = match.household_code
    head = resolve_optional(rt, args.new_head, household=code, field="new_head_id")
    recipient = resolve_optional(
        rt, args.new_recipient, household=code, field="new_primary_recipient_id"
    )
    result = review_match(
        ctx,
        match_id=args.match,
        action=args.action,
        note=args.note,
        date_of_death=args.date_of_death,
        new_head_id=head.id if head else None,
        new_primary_recipient_id=recipient.id if recipient else None,
    )
    if rt.json:
        print_json(asdict(result))
        return
    line = f"{match.person_name} ({code}): {result.status}"
    if result.death_recorded:
        line += "; death recorded"
        if result.departure is not None and result.departure.household_dissolved:
            line += "; the household is dissolved"
    elif result.request_id:
        line += f"; the death waits for a supervisor's approval (request {result.request_id})"
    print(line + ".")
