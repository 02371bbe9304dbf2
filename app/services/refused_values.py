"""Values of a refused change, typed in again, checked as their columns and services require."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Float, Integer, String, select
from sqlalchemy.orm import Session

from app.domain.vocab import ArrivalReason, OutboxStatus, PaymentMethod, Relationship, Sex
from app.errors import ValidationFailed
from app.models.location import Location
from app.models.sync_state import OutboxOp
from app.services.lookups import district_of
from app.services.validation import Errors, parse_date
from app.sync.wire import from_wire

#: Columns holding a vocabulary value or a phone number, checked as their services check them.
VOCABULARY = {
    ("individuals", "sex"): Sex,
    ("individuals", "relationship"): Relationship,
    ("individuals", "arrival_reason"): ArrivalReason,
    ("payment_accounts", "method"): PaymentMethod,
}
PHONES = frozenset({("households", "phone"), ("individuals", "phone")})
_TRUE = frozenset({"1", "true", "yes", "y", "oui"})
_FALSE = frozenset({"0", "false", "no", "n", "non"})


def vocabulary_of(table: str, column: str) -> tuple[str, ...]:
    """The allowed codes of a vocabulary column (sex, relationship...); empty for others."""
    return tuple(v.value for v in VOCABULARY.get((table, column), ()))


def typed_value(
    s: Session, errors: Errors, op: OutboxOp, column: Column[Any], raw: object, today: date
) -> Any:
    """``raw`` (typed-in text or a value as recorded) as ``column`` stores it, else an error."""
    name = column.name
    value = raw.strip() if isinstance(raw, str) else raw
    # Empty clears a field, except text with a default (an address may be blank, not missing).
    blank_allowed = isinstance(column.type, String) and column.default is not None
    if value == "" and (column.nullable or not blank_allowed):
        value = None
    if value is None:
        if not column.nullable:
            errors.add(name, "REQUIRED")
        return None
    if column.foreign_keys:
        return reference_id(s, errors, column, str(value), op.district_id)
    vocabulary = VOCABULARY.get((op.table_name, name))
    if vocabulary is not None:
        return errors.enum(name, str(value), vocabulary)
    if (op.table_name, name) in PHONES:
        return errors.phone(name, str(value))
    kind = column.type
    if isinstance(kind, Boolean):
        word = str(value).lower()
        if isinstance(value, bool) or word in _TRUE | _FALSE:
            return value if isinstance(value, bool) else word in _TRUE
        errors.add(name, "INVALID_CHOICE", allowed="true, false")
        return None
    if isinstance(kind, Date) and not isinstance(kind, DateTime):
        day = parse_date(value if isinstance(value, date | str) else str(value))
        if day is None:
            errors.add(name, "INVALID_DATE")
        elif day > today and name in ("date_of_birth", "date_of_death", "status_date"):
            errors.add(name, "DATE_IN_FUTURE")
        return day
    if isinstance(kind, Integer | Float) and not isinstance(value, bool):
        try:
            return float(str(value)) if isinstance(kind, Float) else int(str(value))
        except ValueError:
            errors.add(name, "NOT_A_NUMBER")
            return None
    if isinstance(kind, String):
        value = str(value)
        if kind.length is not None and len(value) > kind.length:
            errors.add(name, "TOO_LONG", max=kind.length)
            return None
    try:
        return from_wire(column, value)
    except (TypeError, ValueError) as exc:
        errors.add(name, "INVALID_VALUE", detail=str(exc))
        return None


def reference_id(
    s: Session, errors: Errors, column: Column[Any], value: str, district_id: str | None
) -> str | None:
    """The id of the live record ``value`` names (by id or code) inside ``district_id``.

    A record this laptop created again under a new id (a resent refused record) is followed.
    """
    target = next(iter(column.foreign_keys)).column.table
    seen: set[str] = set()
    while True:
        found = s.execute(select(target).where(target.c.id == value)).mappings().first()
        if found is None and "code" in target.c:
            found = s.execute(select(target).where(target.c.code == value)).mappings().first()
        if found is not None or value in seen:
            break
        seen.add(value)
        result = s.scalar(
            select(OutboxOp.result).where(
                OutboxOp.row_id == value, OutboxOp.status == OutboxStatus.RESENT
            )
        )
        if not isinstance(result, dict) or not isinstance(result.get("resent_as"), str):
            break
        value = result["resent_as"]
    if found is None or found.get("deleted"):
        errors.add(column.name, "UNKNOWN_RECORD", value=value)
        return None
    home = found.get("district_id")
    if "district_id" not in target.c and target.name == "locations":
        place = s.get(Location, found["id"])
        try:
            home = district_of(s, place).id if place is not None else None
        except ValidationFailed:
            home = None
    if district_id is not None and home is not None and home != district_id:
        errors.add(column.name, "OTHER_DISTRICT_RECORD", value=value)
        return None
    return str(found["id"])
