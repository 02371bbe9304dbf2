"""``roster compliance ...``: key attendance sheets, show the grid and households' status,
plan and work follow-up measures, and record labour-programme activity days.

Members are given by id or ``CODE:N`` (the N-th member ``roster household show CODE`` lists).
An entry of a sheet is ``MEMBER=RESULT`` where RESULT is ``ATTENDED/EXPECTED`` (``18/20``),
``ATTENDED`` (a count: visits, days), an outcome (``MET``, ``NOT_MET``, ``EXEMPT``) or both
(``18/20:EXEMPT``). A CSV file has a header with ``individual`` (or ``individual_id``) and any
of ``attended``, ``expected``, ``outcome``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.cli.common import Runtime, UsageError, add_command, add_group, code_arg
from app.cli.household_cmds import positive_int
from app.cli.output import print_json, print_table, text
from app.cli.refs import household_ref, resolve_member
from app.domain.vocab import ComplianceOutcome, MeasureStatus
from app.services.compliance import (
    AttendanceEntry,
    activity_progress,
    check_non_compliance,
    compliance_grid,
    household_compliance,
    list_measures,
    record_activity_progress,
    record_attendance,
    update_measure,
)

MEMBER = "member id or CODE:N"
_UUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")


def register(subparsers: Any) -> None:
    group = add_group(
        subparsers, "compliance", help="attendance sheets, household compliance, follow-up"
    )

    p = add_command(
        group,
        "record",
        run_record,
        help="key one attendance sheet (all entries or none)",
        description="Key one sheet: a result per member for one condition, period and service "
        "point. Every entry is checked and all problems are reported at once; nothing is saved "
        "unless all pass. A member already recorded for the period is refused.",
    )
    _sheet_options(p)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--file", metavar="CSV", type=Path, help="entries from a CSV file")
    source.add_argument(
        "--entry",
        dest="entries",
        action="append",
        metavar="MEMBER=RESULT",
        help="repeat per member; RESULT: 18/20, 18, MET|NOT_MET|EXEMPT or 18/20:EXEMPT",
    )

    p = add_command(
        group, "grid", run_grid, help="a sheet's members in paper order, with recorded values"
    )
    _sheet_options(p)

    p = add_command(group, "status", run_status, help="a household's compliance per condition")
    p.add_argument("household", metavar="CODE", type=household_ref)
    p.add_argument("--periods", type=positive_int, default=3, metavar="N", help="default 3")
    p.add_argument(
        "--until", metavar="YYYY-MM", help="last period shown (default: last complete month)"
    )

    p = add_command(
        group,
        "follow-up",
        run_follow_up,
        help="plan case-worker visits for households failing a condition",
        description="Plan a case-worker visit for each household whose result for a condition "
        "was NOT_MET in each of the condition's last periods ending with --period (its "
        "'periods before measure'), unless an open visit exists. Safe to run again.",
    )
    p.add_argument("--period", required=True, metavar="YYYY-MM")

    p = add_command(group, "measures", run_measures, help="list follow-up measures")
    p.add_argument("--household", metavar="CODE", type=household_ref)
    p.add_argument("--open", action="store_true", help="only PLANNED and IN_PROGRESS")

    p = add_command(group, "update-measure", run_update_measure, help="work a follow-up measure")
    p.add_argument("measure", metavar="ID")
    p.add_argument("--status", metavar="|".join(s.value for s in MeasureStatus))
    p.add_argument("--outcome", metavar="TEXT", help="needed to finish (DONE or CANCELLED)")
    p.add_argument("--assign", metavar="USERNAME")
    p.add_argument("--due", metavar="YYYY-MM-DD")

    p = add_command(
        group, "activities", run_activities, help="a member's labour-programme activities"
    )
    p.add_argument("member", metavar="MEMBER", help=MEMBER)
    p.add_argument("--programme", metavar="CODE", type=code_arg)

    p = add_command(
        group,
        "record-activity",
        run_record_activity,
        help="add worked days to a member's open activity",
    )
    p.add_argument("member", metavar="MEMBER", help=MEMBER)
    p.add_argument("--position", required=True, type=positive_int, metavar="N")
    p.add_argument("--days", required=True, type=positive_int, metavar="N")
    p.add_argument("--programme", metavar="CODE", type=code_arg)


def _sheet_options(p: Any) -> None:
    p.add_argument("--condition", required=True, metavar="CODE", type=code_arg)
    p.add_argument("--period", required=True, metavar="YYYY-MM")
    p.add_argument("--service-point", required=True, metavar="CODE", type=code_arg)


# --- entries ---------------------------------------------------------------------------------


def _int(raw: str, where: str) -> int | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise UsageError(f"{where}: not a whole number: {raw!r}") from None


def parse_result(raw: str, where: str) -> tuple[int | None, int | None, str | None]:
    """``18/20:EXEMPT`` → (18, 20, "EXEMPT"); any part may be missing."""
    counts, _, outcome = raw.strip().partition(":")
    if not outcome and counts.strip().upper().replace("-", "_") in set(ComplianceOutcome):
        counts, outcome = "", counts
    attended_raw, slash, expected_raw = counts.partition("/")
    attended = _int(attended_raw, where)
    expected = _int(expected_raw, where) if slash else None
    clean = outcome.strip().upper().replace("-", "_") or None
    if attended is None and clean is None:
        raise UsageError(f"{where}: give attended/expected or an outcome, got {raw!r}")
    return attended, expected, clean


def _entries_from_args(pairs: list[str]) -> list[tuple[str, str]]:
    out = []
    for pair in pairs:
        ref, sep, result = pair.partition("=")
        if not sep or not ref.strip():
            raise UsageError(f"--entry expects MEMBER=RESULT, got {pair!r}")
        out.append((ref.strip(), result))
    return out


def _entries_from_file(path: Path) -> list[tuple[str, int | None, int | None, str | None]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            headers = {(h or "").strip().lower() for h in reader.fieldnames or []}
            key = "individual" if "individual" in headers else "individual_id"
            if key not in headers:
                raise UsageError(f"{path}: needs an 'individual' (or 'individual_id') column")
            rows = []
            for line, raw in enumerate(reader, start=2):
                row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
                if not any(row.values()):
                    continue
                where = f"{path.name} line {line}"
                outcome = row.get("outcome", "").upper().replace("-", "_") or None
                rows.append(
                    (
                        row[key],
                        _int(row.get("attended", ""), where),
                        _int(row.get("expected", ""), where),
                        outcome,
                    )
                )
            return rows
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def _member_id(rt: Runtime, ref: str, index: int) -> str:
    # Ids go to the service as they are, so it reports every bad entry at once.
    if _UUID.match(ref):
        return ref.lower()
    return resolve_member(rt, ref, field=f"entries[{index}].individual_id").id


def run_record(rt: Runtime) -> None:
    args = rt.args
    raw: list[tuple[str, int | None, int | None, str | None]]
    if args.file is not None:
        raw = _entries_from_file(args.file)
    else:
        raw = [
            (ref, *parse_result(result, f"--entry {ref}"))
            for ref, result in _entries_from_args(args.entries)
        ]
    entries = [
        AttendanceEntry(_member_id(rt, ref, i), attended, expected, outcome)
        for i, (ref, attended, expected, outcome) in enumerate(raw)
    ]
    result = record_attendance(
        rt.context(),
        condition_code=args.condition,
        period=args.period,
        service_point_code=args.service_point,
        entries=entries,
    )
    if rt.json:
        print_json(asdict(result))
        return
    print(
        f"Recorded {len(result.record_ids)} results for {args.condition} {args.period} at "
        f"{args.service_point}: {result.met} met, {result.not_met} not met, "
        f"{result.exempt} exempt."
    )


# --- reads -----------------------------------------------------------------------------------


def run_grid(rt: Runtime) -> None:
    args = rt.args
    ctx = rt.context()
    grid = compliance_grid(
        ctx.db,
        service_point_code=args.service_point,
        condition_code=args.condition,
        period=args.period,
        actor=ctx.actor,
    )
    if rt.json:
        print_json(asdict(grid))
        return
    unit = f"{grid.threshold} %" if grid.threshold_is_percent else str(grid.threshold)
    print(
        f"{grid.condition_name} ({grid.condition_code}, {grid.applies_to}, threshold {unit}) "
        f"at {grid.service_point_name} ({grid.service_point_code}), {grid.period}"
    )
    if not grid.rows:
        print("Nobody is listed on this sheet.")
        return
    print_table(
        [
            "No",
            "Household",
            "Village",
            "Name",
            "Sex",
            "Born",
            "Age",
            "Caregiver",
            "Att",
            "Exp",
            "Outcome",
        ],  # fmt: skip
        [
            [
                r.number,
                r.household_code,
                r.village_name,
                f"{r.first_name} {r.last_name}" + ("" if r.on_sheet else " *"),
                r.sex,
                r.date_of_birth,
                r.age,
                r.caregiver_name,
                r.attended,
                r.expected,
                r.outcome,
            ]
            for r in grid.rows
        ],
        shrink=(2, 3, 7),
    )
    print(
        f"Listed {grid.listed}: {grid.met} met, {grid.not_met} not met, {grid.exempt} exempt, "
        f"{grid.not_reported} not reported."
    )
    if any(not r.on_sheet for r in grid.rows):
        print("* recorded here but no longer on this sheet")


def run_status(rt: Runtime) -> None:
    args = rt.args
    ctx = rt.context()
    status = household_compliance(
        ctx.db,
        household_ref=args.household,
        periods=args.periods,
        until=args.until,
        today=ctx.today(),
        actor=ctx.actor,
    )
    if rt.json:
        print_json(asdict(status))
        return
    print(f"Household {status.household_code}: {status.status}")
    if not status.conditions:
        print("No conditions apply (no live enrolment in a programme with conditions).")
        return
    print_table(
        ["Condition", "Programme", *status.periods, "Status"],
        [
            [c.condition_code, c.programme_code, *[cell.status for cell in c.cells], c.status]
            for c in status.conditions
        ],
    )


def _print_measures(rows: list[Any]) -> None:
    print_table(
        ["Id", "Household", "Condition", "Kind", "Status", "Due", "Assignee", "Reason"],
        [
            [
                m.id,
                m.household_code,
                m.condition_code,
                m.kind,
                m.status,
                f"{text(m.due_date)} LATE" if m.overdue else m.due_date,
                m.assignee,
                m.reason,
            ]
            for m in rows
        ],
        shrink=(7,),
    )


def run_follow_up(rt: Runtime) -> None:
    created = check_non_compliance(rt.context(), period=rt.args.period)
    if rt.json:
        print_json([asdict(m) for m in created])
        return
    if not created:
        print("No new follow-up needed.")
        return
    print(f"Planned {len(created)} case-worker visit(s):")
    _print_measures(created)


def run_measures(rt: Runtime) -> None:
    ctx = rt.context()
    rows = list_measures(
        ctx.db,
        today=ctx.today(),
        actor=ctx.actor,
        household_ref=rt.args.household,
        open_only=rt.args.open,
    )
    if rt.json:
        print_json([asdict(m) for m in rows])
        return
    if not rows:
        print("No measures.")
        return
    _print_measures(rows)


def run_update_measure(rt: Runtime) -> None:
    args = rt.args
    version = update_measure(
        rt.context(),
        measure_id=args.measure,
        status=args.status,
        outcome=args.outcome,
        assignee_username=args.assign,
        due_date=args.due,
    )
    if rt.json:
        print_json({"measure": args.measure, "version": version})
    else:
        print(f"Updated measure {args.measure} (now version {version}).")


def run_activities(rt: Runtime) -> None:
    ctx = rt.context()
    member = resolve_member(rt, rt.args.member)
    steps = activity_progress(
        ctx.db,
        individual_id=member.id,
        actor=ctx.require_actor(),
        programme_code=rt.args.programme,
    )
    if rt.json:
        print_json([asdict(s) for s in steps])
        return
    print(f"{member.label()}: {steps[0].programme_code if steps else '-'}")
    print_table(
        ["Pos", "Activity", "Days", "Of", "Status", "Completed"],
        [
            [s.position, s.name, s.days_done, s.working_days, s.status, s.completed_on]
            for s in steps
        ],
        shrink=(1,),
    )


def run_record_activity(rt: Runtime) -> None:
    args = rt.args
    member = resolve_member(rt, args.member)
    out = record_activity_progress(
        rt.context(),
        individual_id=member.id,
        activity_position=args.position,
        days_done=args.days,
        programme_code=args.programme,
    )
    if rt.json:
        print_json(asdict(out))
        return
    print(f"{member.label()}: {out.name} {out.days_done}/{out.working_days} days, {out.status}.")
