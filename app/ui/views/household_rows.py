"""The household page's tabs as display rows: labels translated, dates and numbers localised."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication

from app.services.dto import HistoryEntry, HouseholdOut, MemberOut
from app.ui import formatting
from app.ui.labels import VOCAB, field_label, record_label, sex_label, vocab_label, yes_no

Rows = tuple[list[Sequence[str]], list[str | None]]

# Fields a new record always carries that say nothing to a reader of the history.
_QUIET_ON_CREATE = frozenset({"district_id", "household_id", "deleted"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _roles(m: MemberOut) -> str:
    roles = []
    if m.is_head:
        roles.append(QCoreApplication.translate("HouseholdPage", "Head"))
    if m.is_primary_recipient:
        roles.append(QCoreApplication.translate("HouseholdPage", "Primary recipient"))
    if m.is_secondary_recipient:
        roles.append(QCoreApplication.translate("HouseholdPage", "Secondary recipient"))
    return ", ".join(roles)


def members(h: HouseholdOut) -> Rows:
    rows: list[Sequence[str]] = [
        (
            f"{m.first_name} {m.last_name}",
            sex_label(m.sex),
            formatting.number(m.age),
            vocab_label(m.relationship),
            vocab_label(m.status),
            m.national_id or "",
            m.phone or "",
            _roles(m),
            ", ".join(name for name in (m.school, m.health_facility) if name),
        )
        for m in h.members
    ]
    return rows, [m.id for m in h.members]


def programmes(h: HouseholdOut) -> Rows:
    rows: list[Sequence[str]] = [
        (
            f"{e.programme_name} ({e.programme_code})",
            vocab_label(e.status),
            vocab_label(e.status_reason),
            formatting.short_date(e.status_date),
        )
        for e in h.enrolments
    ]
    return rows, [e.id for e in h.enrolments]


def accounts(h: HouseholdOut) -> Rows:
    rows: list[Sequence[str]] = [
        (
            vocab_label(a.method),
            a.provider,
            a.account_number,
            a.account_name,
            a.holder_name or "",
            vocab_label(a.verification),
            vocab_label(a.status),
        )
        for a in h.payment_accounts
    ]
    return rows, [a.id for a in h.payment_accounts]


def _worth_showing(entry: HistoryEntry) -> bool:
    if entry.action != "insert" or entry.field is None:
        return True
    return entry.field not in _QUIET_ON_CREATE and entry.new not in (None, "")


def audit_value(field: str | None, value: str | None) -> str:
    """An audit value as words: vocabulary labels, yes/no, local dates, short record ids."""
    if value is None or value == "":
        return ""
    if field == "sex":
        return sex_label(value)
    if value in ("true", "false"):
        return yes_no(value == "true")
    if _ISO_DATE.match(value):
        return formatting.short_date(date.fromisoformat(value))
    if _UUID.match(value):
        return value[:8] + "…"  # full ids mean nothing to a reader; the prefix still matches
    if value in VOCAB:
        return vocab_label(value)
    return value


def history(h: HouseholdOut) -> Rows:
    entries = [e for e in h.history if _worth_showing(e)]
    rows: list[Sequence[str]] = [
        (
            formatting.date_time(e.at),
            e.user or "",
            vocab_label(e.action),
            record_label(e.table),
            field_label(e.field) if e.field else "",
            audit_value(e.field, e.old),
            audit_value(e.field, e.new),
        )
        for e in entries
    ]
    return rows, [None] * len(rows)


def grievances(h: HouseholdOut) -> Rows:
    rows: list[Sequence[str]] = [
        (g.code, g.title, vocab_label(g.status), formatting.short_date(g.due_date))
        for g in h.grievances
    ]
    return rows, [g.id for g in h.grievances]
