"""The household page in plain text: header, members, enrolments, accounts, recent history."""

from __future__ import annotations

import re
from collections import Counter

from app.cli.output import NONE, print_fields, print_table, shorten, text
from app.domain.vocab import MemberStatus
from app.services.dto import HistoryEntry, HouseholdOut, MemberOut

HISTORY_SHOWN = 20
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_TABLE_NAMES = {
    "households": "household",
    "individuals": "member",
    "enrolments": "enrolment",
    "payment_accounts": "account",
}


def roles(member: MemberOut) -> str:
    marks = [
        name
        for name, flag in (
            ("head", member.is_head),
            ("recipient", member.is_primary_recipient),
            ("alt. recipient", member.is_secondary_recipient),
        )
        if flag
    ]
    return ", ".join(marks)


def member_status(member: MemberOut) -> str:
    if member.status == MemberStatus.ALIVE:
        return member.status
    parts = [member.status, text(member.status_date), member.status_reason or ""]
    return " ".join(p for p in parts if p and p != NONE)


def _header(h: HouseholdOut) -> None:
    print(f"Household {h.code}  {h.status}  (version {h.version})")
    place = f"{h.village_name} ({h.village_code})"
    if h.ward_name:
        place += f", ward {h.ward_name}"
    if h.district_code:
        place += f", district {h.district_code}"
    gps = (
        f"{h.gps_lat:.5f}, {h.gps_lon:.5f}"
        if h.gps_lat is not None and h.gps_lon is not None
        else None
    )
    pay_point = f"{h.pay_point_name} ({h.pay_point_code})" if h.pay_point_code else None
    sync = []
    if h.pending_changes:
        sync.append(f"{h.pending_changes} change(s) waiting to sync")
    if h.open_conflicts:
        sync.append(f"{h.open_conflicts} open conflict(s): see the desktop app")
    print_fields(
        [
            ("Village", place),
            ("Address", h.address),
            ("Landmark", h.landmark),
            ("Phone", h.phone),
            ("GPS", gps),
            ("PMT score", h.pmt_score),
            ("Pay point", pay_point),
            ("Sync", "; ".join(sync) if sync else ...),
        ],
        indent=2,
    )


def _members(h: HouseholdOut, *, show_ids: bool) -> None:
    counts = Counter(m.status for m in h.members)
    summary = ", ".join(
        f"{n} {'present' if status == MemberStatus.ALIVE else status.lower()}"
        for status, n in counts.items()
    )
    print(f"\nMembers ({summary or 'none'})")
    headers = ["#", "Name", "Sex", "Age", "Born", "Relationship", "Role", "Status", "National ID"]
    headers.append("School/clinic")
    rows: list[list[object]] = [
        [
            i,
            f"{m.first_name} {m.last_name}",
            m.sex,
            m.age,
            m.date_of_birth,
            m.relationship,
            roles(m),
            member_status(m),
            m.national_id,
            ", ".join(code for code in (m.school_code, m.health_facility_code) if code),
        ]
        + ([m.id] if show_ids else [])
        for i, m in enumerate(h.members, start=1)
    ]
    if show_ids:
        headers.append("Id")
    print_table(headers, rows, shrink=(1, 7), indent=2)
    if h.members:
        print(f"  (refer to member N as {h.code}:N, e.g. {h.code}:1)")


def _enrolments(h: HouseholdOut) -> None:
    print("\nEnrolments")
    if not h.enrolments:
        print("  none")
        return
    print_table(
        ["Programme", "Name", "Status", "Reason", "Since"],
        [
            [e.programme_code, e.programme_name, e.status, e.status_reason, e.status_date]
            for e in h.enrolments
        ],
        shrink=(1,),
        indent=2,
    )


def _accounts(h: HouseholdOut) -> None:
    print("\nPayment accounts")
    if not h.payment_accounts:
        print("  none")
        return
    print_table(
        ["Method", "Provider", "Number", "Name", "Holder", "Verification", "Status"],
        [
            [
                a.method,
                a.provider,
                a.account_number,
                a.account_name,
                a.holder_name,
                a.verification,
                a.status,
            ]
            for a in h.payment_accounts
        ],
        shrink=(3, 4),
        indent=2,
    )


def _grievances(h: HouseholdOut) -> None:
    if not h.grievances:
        return
    print("\nGrievances")
    print_table(
        ["Code", "Title", "Status", "Due"],
        [[g.code, g.title, g.status, g.due_date] for g in h.grievances],
        shrink=(1,),
        indent=2,
    )


def _names(h: HouseholdOut) -> dict[str, str]:
    """Readable stand-ins for the ids history values hold."""
    names = {m.id: f"{m.first_name} {m.last_name} (#{i})" for i, m in enumerate(h.members, start=1)}
    names.update({e.id: f"enrolment {e.programme_code}" for e in h.enrolments})
    names.update({a.id: f"{a.method} account" for a in h.payment_accounts})
    names[h.id] = h.code
    return names


def _value(value: str | None, names: dict[str, str]) -> str:
    if value is None or value == "":
        return NONE
    if _UUID.match(value):
        return names.get(value, "…" + value[-8:])  # the tail: v7 ids share their time prefix
    return shorten(" ".join(value.split()), 32)


#: Fields whose values name a newly inserted record, per table.
_NAMING_FIELDS = {
    "individuals": ("first_name", "last_name"),
    "payment_accounts": ("method", "provider", "account_number"),
    "households": ("code",),
    "enrolments": ("status",),
}


def _events(h: HouseholdOut) -> list[list[object]]:
    """History rows, newest first; the per-field entries of one inserted (or deleted) record
    become a single row. A record's entries are adjacent and name each field once."""
    names = _names(h)
    rows: list[list[object]] = []
    group: dict[str, str | None] = {}
    group_entry: HistoryEntry | None = None

    def flush() -> None:
        nonlocal group, group_entry
        if group_entry is not None:
            fields = _NAMING_FIELDS.get(group_entry.table, ())
            summary = " ".join(group.get(f) or "" for f in fields).strip()
            what = _TABLE_NAMES.get(group_entry.table, group_entry.table)
            rows.append(
                [group_entry.at, group_entry.user, group_entry.action, what, summary or NONE]
            )
        group, group_entry = {}, None

    for entry in h.history:
        if entry.action == "update" or not entry.field:
            flush()
            what = _TABLE_NAMES.get(entry.table, entry.table)
            what += f".{entry.field}" if entry.field else ""
            change = f"{_value(entry.old, names)} -> {_value(entry.new, names)}"
            rows.append([entry.at, entry.user, entry.action, what, change])
            continue
        same = group_entry is not None and (
            (group_entry.at, group_entry.table, group_entry.action)
            == (entry.at, entry.table, entry.action)
        )
        if not same or entry.field in group:
            flush()
        group_entry = entry
        group[entry.field] = entry.new if entry.action == "insert" else entry.old
    flush()
    return rows


def _history(h: HouseholdOut) -> None:
    events = _events(h)
    if not events:
        print("\nHistory: no changes recorded on this laptop")
        return
    shown = events[:HISTORY_SHOWN]
    more = f" of {len(events)}" if len(events) > HISTORY_SHOWN else ""
    print(f"\nHistory (latest {len(shown)}{more}, UTC)")
    print_table(["When", "User", "Action", "What", "Change"], shown, shrink=(4,), indent=2)


def print_household(h: HouseholdOut, *, show_ids: bool = False) -> None:
    """Print the whole household page."""
    _header(h)
    _members(h, show_ids=show_ids)
    _enrolments(h)
    _accounts(h)
    _grievances(h)
    _history(h)
