"""``roster household`` member commands: add, correct, death, departure, head, recipients.

A member is given by id or as ``CODE:N`` (the N-th member ``household show CODE`` lists);
options naming another member of the same household also take a bare ``N``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from app.cli.common import Runtime, add_command, code_arg, parse_assignments
from app.cli.output import print_json
from app.cli.refs import (
    MemberRef,
    household_ref,
    label_of,
    load_household,
    member_at,
    resolve_member,
    resolve_optional,
)
from app.cli.request_cmds import report_pending
from app.domain.vocab import ArrivalReason, LeaveReason, Relationship
from app.services.change_requests import submit_change
from app.services.dto import HouseholdOut, MemberIn
from app.services.members import (
    MEMBER_FIELDS,
    DepartureResult,
    add_member,
    update_member,
)

MEMBER = "id or CODE:N"
#: Short names accepted by ``update-member --set``.
ALIASES = {
    "dob": "date_of_birth",
    "school": "school_code",
    "health_facility": "health_facility_code",
}
WARNINGS = {
    "PAYMENT_ACCOUNT_HOLDER_GONE": "the payment account's holder is no longer in the household; "
    "give it a new account with 'roster household set-payment-account'",
}


def _choices(kind: Any) -> str:
    return "|".join(m.value for m in kind)


def register(group: Any) -> None:
    p = add_command(group, "add-member", run_add_member, help="add a newborn or arriving member")
    p.add_argument("code", metavar="CODE", type=household_ref)
    p.add_argument("--first-name", required=True)
    p.add_argument("--last-name", required=True)
    p.add_argument("--sex", required=True, metavar="M|F")
    p.add_argument("--dob", required=True, metavar="YYYY-MM-DD", help="date of birth")
    p.add_argument("--relationship", required=True, metavar="REL", help=_choices(Relationship))
    p.add_argument("--national-id")
    p.add_argument("--phone")
    p.add_argument("--school", metavar="CODE", type=code_arg, help="school service point code")
    p.add_argument("--health-facility", metavar="CODE", type=code_arg, help="health facility code")
    p.add_argument("--disability", action="store_true")
    reasons = [r.value for r in ArrivalReason if r != ArrivalReason.REGISTRATION]
    p.add_argument("--reason", default=ArrivalReason.BIRTH.value, metavar="|".join(reasons))

    p = add_command(
        group,
        "update-member",
        run_update_member,
        help="correct a member's details",
        description=f"Correct a member's details. Fields: {', '.join(MEMBER_FIELDS)} "
        "(also dob, school, health_facility). 'FIELD=' clears an optional field.",
    )
    p.add_argument("member", metavar="MEMBER", help=MEMBER)
    p.add_argument(
        "--set",
        dest="assignments",
        action="append",
        required=True,
        metavar="FIELD=VALUE",
        help="repeat for several fields",
    )

    p = add_command(group, "record-death", run_record_death, help="record a member's death")
    p.add_argument("member", metavar="MEMBER", help=MEMBER)
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--cause", metavar="TEXT")
    _replacements(p)

    p = add_command(group, "member-left", run_member_left, help="record that a member left")
    p.add_argument("member", metavar="MEMBER", help=MEMBER)
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--reason", required=True, metavar="REASON", help=_choices(LeaveReason))
    _replacements(p)

    p = add_command(group, "set-head", run_set_head, help="make a present member the head")
    p.add_argument("code", metavar="CODE", type=household_ref)
    p.add_argument("member", metavar="MEMBER", help=f"{MEMBER} or N")

    p = add_command(group, "set-recipient", run_set_recipient, help="set who collects the payments")
    p.add_argument("code", metavar="CODE", type=household_ref)
    p.add_argument(
        "member", metavar="MEMBER", help=f"{MEMBER} or N; 'none' with --secondary clears it"
    )
    p.add_argument("--secondary", action="store_true", help="the alternate recipient")


def _replacements(p: Any) -> None:
    p.add_argument(
        "--new-head",
        metavar="MEMBER",
        help="id, CODE:N or N; required when the head goes and others remain",
    )
    p.add_argument(
        "--new-recipient",
        metavar="MEMBER",
        help="id, CODE:N or N (default: the alternate recipient, else the head)",
    )


def run_add_member(rt: Runtime) -> None:
    a = rt.args
    member = MemberIn(
        first_name=a.first_name,
        last_name=a.last_name,
        sex=a.sex,
        date_of_birth=a.dob,
        relationship=a.relationship,
        national_id=a.national_id,
        phone=a.phone,
        disability=a.disability,
        school_code=a.school,
        health_facility_code=a.health_facility,
    )
    new_id = add_member(rt.context(), household_ref=a.code, member=member, reason=a.reason)
    ref = member_at(load_household(rt, a.code), new_id)
    assert ref is not None
    if rt.json:
        print_json({"id": new_id, "household": ref.household_code, "ref": ref.short})
    else:
        print(f"Added {ref.label()} to {ref.household_code}; id {new_id}")


def run_update_member(rt: Runtime) -> None:
    changes = parse_assignments(rt.args.assignments, aliases=ALIASES)
    person = resolve_member(rt, rt.args.member)
    version = update_member(rt.context(), individual_id=person.id, changes=changes)
    if rt.json:
        print_json({"id": person.id, "changed": sorted(changes), "version": version})
    else:
        print(f"Updated {person.label()}: {', '.join(changes)} (now version {version}).")


def _departure(
    rt: Runtime, person: MemberRef, before: HouseholdOut, what: str, result: DepartureResult
) -> None:
    page = load_household(rt, person.household_code)
    if rt.json:
        print_json({"household": page.code, **asdict(result)})
        return
    print(f"Recorded: {person.name} {what}.")
    head_before = next((m.id for m in before.members if m.is_head), None)
    recipient_before = next((m.id for m in before.members if m.is_primary_recipient), None)
    if result.new_head_id and result.new_head_id != head_before:
        print(f"New head: {label_of(page, result.new_head_id)}")
    if result.new_primary_recipient_id and result.new_primary_recipient_id != recipient_before:
        print(f"New primary recipient: {label_of(page, result.new_primary_recipient_id)}")
    if result.household_dissolved:
        exited = ", ".join(result.exited_programmes) or "none"
        print(f"Nobody is left: {page.code} is now {page.status}; programmes exited: {exited}")
    for code in result.warnings:
        print(f"Warning: {WARNINGS.get(code, code)}")
    if [m.id for m in page.members] != [m.id for m in before.members]:
        print(f"Members are renumbered: see 'roster household show {page.code}'.")


def _replacement_ids(rt: Runtime, person: MemberRef) -> tuple[str | None, str | None]:
    code = person.household_code
    head = resolve_optional(rt, rt.args.new_head, household=code, field="new_head_id")
    recipient = resolve_optional(
        rt, rt.args.new_recipient, household=code, field="new_primary_recipient_id"
    )
    return (head.id if head else None), (recipient.id if recipient else None)


def _remove(rt: Runtime, *, kind: str, reason: str | None, what: str) -> None:
    """A death or departure, through the approval path; reports what it changed."""
    person = resolve_member(rt, rt.args.member)
    before = load_household(rt, person.household_code)
    new_head, new_recipient = _replacement_ids(rt, person)
    outcome = submit_change(
        rt.context(),
        type="MEMBER_REMOVAL",
        target_id=person.id,
        params={
            "kind": kind,
            "date": rt.args.date,
            "reason": reason,
            "new_head_id": new_head,
            "new_primary_recipient_id": new_recipient,
        },
    )
    if report_pending(rt, outcome):
        return
    result = outcome.result
    assert isinstance(result, DepartureResult)
    _departure(rt, person, before, what, result)


def run_record_death(rt: Runtime) -> None:
    _remove(rt, kind="DEATH", reason=rt.args.cause, what=f"died on {rt.args.date}")


def run_member_left(rt: Runtime) -> None:
    reason = rt.args.reason
    _remove(rt, kind="LEFT", reason=reason, what=f"left on {rt.args.date} ({reason.upper()})")


def run_set_head(rt: Runtime) -> None:
    person = resolve_member(rt, rt.args.member, household=rt.args.code)
    outcome = submit_change(
        rt.context(),
        type="HEAD_OR_RECIPIENT",
        target_id=rt.args.code,
        params={"role": "HEAD", "individual_id": person.id},
    )
    if report_pending(rt, outcome):
        return
    if rt.json:
        print_json({"household": person.household_code, "head_id": person.id})
    else:
        print(f"{person.label()} is now the head of {person.household_code}.")


def run_set_recipient(rt: Runtime) -> None:
    secondary: bool = rt.args.secondary
    if secondary and rt.args.member.strip().lower() == "none":
        person = None
    else:
        person = resolve_member(rt, rt.args.member, household=rt.args.code)
    outcome = submit_change(
        rt.context(),
        type="HEAD_OR_RECIPIENT",
        target_id=rt.args.code,
        params={
            "role": "SECONDARY" if secondary else "PRIMARY",
            "individual_id": person.id if person else None,
        },
    )
    if report_pending(rt, outcome):
        return
    role = "alternate recipient" if secondary else "primary recipient"
    if rt.json:
        key = "secondary_recipient_id" if secondary else "primary_recipient_id"
        print_json({"household": rt.args.code, key: person.id if person else None})
    elif person is None:
        print(f"{rt.args.code} no longer has an alternate recipient.")
    else:
        print(f"{person.label()} is now the {role} of {person.household_code}.")
