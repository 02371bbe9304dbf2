"""The conflict inbox's rows: field labels, values as words (names for ids), local times."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.services.conflicts import ConflictOut
from app.services.refused_changes import RefusedChange, RefusedField
from app.ui import formatting
from app.ui.labels import field_label, record_label, vocab_label, yes_no
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


def ids_in(conflicts: Sequence[ConflictOut], refused: Sequence[RefusedChange]) -> set[str]:
    """Every value that could be a record id, to look names up in one batch."""
    found: set[str] = set()
    for c in conflicts:
        for v in (c.mine_value, c.theirs_value, c.resolved_value, c.mine_by, c.theirs_by):
            if isinstance(v, str):
                found.add(v)
        found.add(c.row_id)
    for r in refused:
        found.add(r.row_id)
        found |= {v for f in r.fields for v in (f.old, f.new) if isinstance(v, str)}
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


def reason_text(code: str | None, message: str | None) -> str:
    """HQ's reason for refusing a change, in words when its code is known."""
    if code in ERRORS:
        return error_text(code, {"detail": message or ""})
    return message or code or ""


def shown_fields(r: RefusedChange) -> list[RefusedField]:
    """The fields of a refused change worth showing (bookkeeping left out)."""
    shown = [f for f in r.fields if f.name not in _QUIET]
    return shown or [f for f in r.fields if f.name == "deleted"]


def refused_record(r: RefusedChange, names: Names) -> str:
    """What record a refused change was about: kind, name, household."""
    name = r.record_name or names.get(r.row_id)
    text = f"{record_label(r.table)} · {name}" if name else record_label(r.table)
    if r.household_code and r.household_code != name:
        text = _tr("{record} in {household}").format(record=text, household=r.household_code)
    return text


def refused_row(r: RefusedChange, names: Names) -> Sequence[str]:
    changes = "; ".join(
        _tr("{field}: {value}").format(
            field=field_label(f.name), value=value_text(f.name, f.new, names)
        )
        for f in shown_fields(r)
    )
    made = formatting.date_time(r.made_at)
    return (
        refused_record(r, names),
        f"{vocab_label(r.kind)} — {changes}" if changes else vocab_label(r.kind),
        reason_text(r.reason_code, r.reason),
        _tr("{user}, {when}").format(user=r.made_by, when=made) if r.made_by else made,
    )
