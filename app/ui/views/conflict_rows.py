"""The conflict inbox's rows: field labels, values as words (names for ids), local times."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.services.conflicts import ConflictOut, RejectedOut
from app.ui import formatting
from app.ui.labels import field_label, record_label, yes_no
from app.ui.messages import ERRORS, error_text
from app.ui.views.household_rows import audit_value

Names = Mapping[str, str]
# Bookkeeping columns a refused change carries that say nothing to the officer.
_QUIET = frozenset(
    {
        "id",
        "district_id",
        "household_id",
        "deleted",
        "version",
        "server_seq",
        "created_at",
        "updated_at",
        "updated_by",
    }
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConflictsView", text)


def value_text(field: str, value: Any, names: Names) -> str:
    """A synced value as a reader wants it: a name for an id, a local date, a label."""
    if value is None or value == "":
        return _tr("(empty)")
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, int):
        return formatting.number(value)
    if isinstance(value, float):
        return formatting.decimal(value, 2)
    text = str(value)
    if text in names:
        return names[text]
    return audit_value(field, text)


def who(by: str | None, names: Names) -> str:
    if not by:
        return ""
    return names.get(by, by)


def ids_in(conflicts: Sequence[ConflictOut], rejected: Sequence[RejectedOut]) -> set[str]:
    """Every value that could be a record id, to look names up in one batch."""
    found: set[str] = set()
    for c in conflicts:
        for v in (c.mine_value, c.theirs_value, c.resolved_value, c.mine_by, c.theirs_by):
            if isinstance(v, str):
                found.add(v)
        found.add(c.row_id)
    for r in rejected:
        found.add(r.row_id)
        for change in r.fields.values():
            new = change.get("new") if isinstance(change, dict) else change
            if isinstance(new, str):
                found.add(new)
    return found


def record_text(table: str, row_id: str, names: Names) -> str:
    name = names.get(row_id)
    kind = record_label(table)
    return f"{kind} · {name}" if name else kind


def open_row(c: ConflictOut, names: Names) -> Sequence[str]:
    return (
        c.household_code or "",
        record_text(c.table, c.row_id, names),
        field_label(c.field),
        value_text(c.field, c.mine_value, names),
        who(c.mine_by, names),
        formatting.date_time(c.mine_at),
        value_text(c.field, c.theirs_value, names),
        who(c.theirs_by, names),
        formatting.date_time(c.theirs_at),
    )


def outcome_text(c: ConflictOut) -> str:
    if c.status == "open":
        return _tr("Waiting for a decision")
    return {
        "keep_mine": _tr("Kept this laptop's value"),
        "take_theirs": _tr("Took HQ's value"),
        "new_value": _tr("New value set"),
    }.get(c.resolution or "", _tr("Latest change kept"))


def settled_row(c: ConflictOut, names: Names) -> Sequence[str]:
    kept = c.resolved_value if c.resolved_value is not None else c.theirs_value
    return (
        c.household_code or "",
        record_text(c.table, c.row_id, names),
        field_label(c.field),
        value_text(c.field, c.mine_value, names),
        value_text(c.field, c.theirs_value, names),
        value_text(c.field, kept, names),
        outcome_text(c),
        formatting.date_time(c.theirs_at or c.mine_at),
    )


def reason_text(reason: str | None) -> str:
    """HQ's refusal ``CODE: message`` in words when the code is known."""
    if not reason:
        return ""
    code, _, message = reason.partition(": ")
    return error_text(code) if code in ERRORS else (message or reason)


def rejected_row(r: RejectedOut, names: Names) -> Sequence[str]:
    changes = []
    for name, change in r.fields.items():
        if name in _QUIET:
            continue
        new = change.get("new") if isinstance(change, dict) else change
        changes.append(f"{field_label(name)}: {value_text(name, new, names)}")
    return (
        record_text(r.table, r.row_id, names),
        "; ".join(changes),
        reason_text(r.reason),
    )
