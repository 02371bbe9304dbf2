"""Changes HQ refused, in plain words: edit and send again as a new change, or discard them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Float, Integer, or_, select
from sqlalchemy.orm import Session

from app.domain.vocab import OpKind, OutboxStatus
from app.errors import FieldError, NotFound, ValidationFailed
from app.models import Base
from app.models.base import BOOKKEEPING_COLUMNS, new_id, utcnow
from app.models.db import Database
from app.models.registry import Household
from app.models.sync_state import OutboxOp
from app.models.user import User
from app.services.context import Actor, ServiceContext, unit_of_work
from app.services.lookups import check_scope
from app.services.refused_values import reference_id, typed_value, vocabulary_of
from app.services.validation import Errors
from app.sync.tables import SYNCED, SyncedTable
from app.sync.wire import from_wire, to_wire

RESENDABLE = (OpKind.INSERT.value, OpKind.UPDATE.value)
#: Identities given when a record is made (a household's code), never changed afterwards.
IDENTITIES = frozenset({"code"})


@dataclass(frozen=True)
class RefusedField:
    """One field of a refused change: its value before, the value HQ refused, how to edit it."""

    name: str
    old: Any
    new: Any
    editable: bool  # may be corrected and sent again (not guarded, not bookkeeping)
    kind: str  # "text", "number", "bool", "date" or "reference" (an id; edited as a code)
    edit_text: str  # the refused value as an editor shows it (a reference by its code)
    choices: tuple[str, ...] = ()  # the allowed codes of a vocabulary field (sex, relationship)


@dataclass(frozen=True)
class RefusedChange:
    """A local change HQ refused, with what it touched and why (a ``CODE: message`` reason)."""

    op_id: str
    table: str
    row_id: str
    kind: str  # insert, update, delete (or a command such as a conflict decision)
    household_id: str | None
    household_code: str | None
    record_name: str | None  # a person's name, a household's code... when known
    fields: list[RefusedField]
    reason_code: str | None
    reason: str | None
    made_at: datetime
    made_by: str | None
    record_exists: bool  # False for a refused new record HQ does not have (it left the laptop)
    can_resend: bool


def editable_fields(spec: SyncedTable) -> frozenset[str]:
    """Fields a refused change of ``spec``'s table may set again: writable, not guarded.

    When HQ refuses an op, the laptop takes HQ's version of the row back (a refused new record
    leaves the laptop) and keeps the op as ``rejected`` with HQ's reason. Guarded fields
    (statuses, amounts, head and recipients...) are shown but never resent from here: they have
    their own forms, state machines and approvals.
    """
    return spec.writable_fields - spec.guarded - IDENTITIES


def list_refused(db: Database, *, actor: Actor | None) -> list[RefusedChange]:
    """Refused changes waiting for the officer (of ``actor``'s district), oldest first."""
    with db.read_session() as s:
        query = select(OutboxOp).where(OutboxOp.status == OutboxStatus.REJECTED)
        if actor is not None and actor.district_id is not None:
            query = query.where(
                or_(OutboxOp.district_id == actor.district_id, OutboxOp.district_id.is_(None))
            )
        ops = list(s.scalars(query.order_by(OutboxOp.device_seq)))
        user_ids = {op.user_id for op in ops if op.user_id}
        users = {
            uid: name
            for uid, name in s.execute(select(User.id, User.username).where(User.id.in_(user_ids)))
        }
        return [_describe(s, op, users.get(op.user_id or "")) for op in ops]


def resend_refused(ctx: ServiceContext, *, op_id: str, values: dict[str, object]) -> str:
    """Apply a refused change again as a NEW change, with ``values`` replacing refused values.

    Fields of the refused change not named in ``values`` go again as they were. Every value is
    validated (type, vocabulary, references inside the record's district); the row is loaded
    and set inside one unit of work, so the recorder queues the change for the next sync. A
    refused new record that left the laptop is created again under a new id. Returns the id of
    the record written; the refused op is marked ``resent`` and leaves the list.
    """
    actor = ctx.require_actor()
    with unit_of_work(ctx) as s:
        op = _open_op(s, op_id, actor)
        spec = SYNCED.get(op.table_name)
        if spec is None or not spec.client_writable or op.kind not in RESENDABLE:
            raise ValidationFailed([FieldError("op_id", "CANNOT_RESEND")])
        editable = editable_fields(spec)
        refused = {n: c.get("new") for n, c in op.fields.items() if n in editable}
        errors = Errors()
        wanted: dict[str, Any] = {}
        for name, raw in {**refused, **values}.items():
            if name not in editable:
                errors.add(name, "NOT_RESENDABLE", allowed=", ".join(sorted(editable)))
            else:
                wanted[name] = typed_value(s, errors, op, spec.table.c[name], raw, ctx.today())
        errors.raise_if_any()
        record_id = _apply(s, op, spec, wanted, actor)
        op.status = OutboxStatus.RESENT
        op.result = {**(op.result or {}), "resent_as": record_id}
        return record_id


def discard_refused(ctx: ServiceContext, *, op_id: str) -> None:
    """Let a refused change go: it stays on record as ``dismissed`` and leaves the list."""
    actor = ctx.require_actor()
    with unit_of_work(ctx) as s:
        op = _open_op(s, op_id, actor)
        op.status = OutboxStatus.DISMISSED
        op.result = {
            **(op.result or {}),
            "dismissed_by": actor.user_id,
            "dismissed_at": to_wire(utcnow()),
        }


# --- reading ---------------------------------------------------------------------------------


def _describe(s: Session, op: OutboxOp, made_by: str | None) -> RefusedChange:
    spec = SYNCED.get(op.table_name)
    current = _current(s, spec, op.row_id) if spec is not None else None
    changes = {n: c for n, c in op.fields.items() if isinstance(c, dict)}
    record = {**(current or {}), **{n: c.get("new") for n, c in changes.items()}}
    resendable = spec is not None and spec.client_writable and op.kind in RESENDABLE
    editable = editable_fields(spec) if spec is not None and resendable else frozenset()
    fields = [
        RefusedField(
            name=name,
            old=change.get("old"),
            new=change.get("new"),
            editable=name in editable,
            kind=_kind(spec.table.c[name]) if spec and name in spec.table.c else "text",
            edit_text=_edit_text(s, spec, name, change.get("new")),
            choices=vocabulary_of(op.table_name, name),
        )
        for name, change in changes.items()
    ]
    household_id = op.row_id if op.table_name == "households" else record.get("household_id")
    code, _, message = (op.last_error or "").partition(": ")
    reason_code = code if code.replace("_", "").isalnum() and code.isupper() else None
    return RefusedChange(
        op_id=op.op_id,
        table=op.table_name,
        row_id=op.row_id,
        kind=op.kind,
        household_id=household_id if isinstance(household_id, str) else None,
        household_code=_household_code(s, household_id, record, op.table_name),
        record_name=_record_name(op.table_name, record),
        fields=fields,
        reason_code=reason_code,
        reason=(message if reason_code else op.last_error) or None,
        made_at=op.created_at,
        made_by=made_by,
        record_exists=current is not None,
        can_resend=resendable and (op.kind == OpKind.INSERT or any(f.editable for f in fields)),
    )


def _current(s: Session, spec: SyncedTable, row_id: str) -> dict[str, Any] | None:
    row = s.execute(select(spec.table).where(spec.table.c.id == row_id)).mappings().first()
    if row is None or row.get("deleted"):
        return None
    return {k: to_wire(v) for k, v in row.items()}


def _household_code(
    s: Session, household_id: Any, record: dict[str, Any], table: str
) -> str | None:
    if isinstance(household_id, str):
        found = s.scalar(select(Household.code).where(Household.id == household_id))
        if found:
            return found
    return record.get("code") if table == "households" else None


def _record_name(table: str, record: dict[str, Any]) -> str | None:
    if table == "individuals" and record.get("first_name"):
        return f"{record.get('first_name')} {record.get('last_name') or ''}".strip()
    for key in ("code", "name", "title"):
        if isinstance(record.get(key), str) and record[key]:
            return str(record[key])
    return None


def _kind(column: Column[Any]) -> str:
    if column.foreign_keys:
        return "reference"
    kind = column.type
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, Date) and not isinstance(kind, DateTime):
        return "date"
    if isinstance(kind, Integer | Float):
        return "number"
    return "text"


def _edit_text(s: Session, spec: SyncedTable | None, name: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if spec is not None and name in spec.table.c and spec.table.c[name].foreign_keys:
        target = next(iter(spec.table.c[name].foreign_keys)).column.table
        if "code" in target.c:
            code = s.scalar(select(target.c.code).where(target.c.id == value))
            if code:
                return str(code)
    return str(value)


# --- writing ---------------------------------------------------------------------------------


def _open_op(s: Session, op_id: str, actor: Actor) -> OutboxOp:
    """The refused op ``op_id`` (or the one refused op whose id starts with it)."""
    op = s.get(OutboxOp, op_id)
    clean = op_id.strip().lower()
    if op is None and len(clean) >= 8 and all(c in "0123456789abcdef-" for c in clean):
        matches = list(
            s.scalars(
                select(OutboxOp).where(
                    OutboxOp.op_id.like(f"{clean}%"), OutboxOp.status == OutboxStatus.REJECTED
                )
            )
        )
        op = matches[0] if len(matches) == 1 else None
    settled = (OutboxStatus.RESENT, OutboxStatus.DISMISSED)
    if op is None or op.status not in (OutboxStatus.REJECTED, *settled):
        raise NotFound(f"no refused change {op_id}", code="REFUSED_CHANGE_NOT_FOUND")
    if op.district_id is not None:
        check_scope(actor, op.district_id)
    if op.status in settled:
        raise ValidationFailed([FieldError("op_id", "REFUSED_CHANGE_SETTLED")])
    return op


def _model(table: str) -> type[Any]:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    raise LookupError(table)


def _apply(
    s: Session, op: OutboxOp, spec: SyncedTable, wanted: dict[str, Any], actor: Actor
) -> str:
    model = _model(spec.name)
    row = s.get(model, op.row_id)
    if row is not None and not row.deleted:
        if getattr(row, "district_id", None):
            check_scope(actor, row.district_id)
        changed = {n: v for n, v in wanted.items() if getattr(row, n) != v}
        if not changed:
            raise ValidationFailed([FieldError("values", "SAME_AS_CURRENT")])
        for name, value in changed.items():
            setattr(row, name, value)
        s.flush()
        return str(row.id)
    if op.kind != OpKind.INSERT:
        raise ValidationFailed([FieldError("op_id", "RECORD_GONE")])
    errors = Errors()
    columns: dict[str, Any] = {}
    for name, change in op.fields.items():
        if name in BOOKKEEPING_COLUMNS or name in wanted or name not in spec.table.c:
            continue
        column, value = spec.table.c[name], change.get("new")
        if column.foreign_keys and value is not None:
            columns[name] = reference_id(s, errors, column, str(value), op.district_id)
        else:
            columns[name] = from_wire(column, value)
    errors.raise_if_any()
    record = model(**columns, **wanted)
    record.id = new_id()
    s.add(record)
    s.flush()
    return str(record.id)
