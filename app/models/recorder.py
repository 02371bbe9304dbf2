"""The one path that writes synced data: every flush records outbox ops and audit entries.

A ``before_flush`` hook collects every field change of synced rows; a ``before_commit`` hook
writes them, one outbox op per row per user action, plus audit entries, inside the same
transaction, so a change and its outbox/audit rows commit together or not at all. A session
without a ``WriteContext`` cannot write synced rows, hard deletes of synced rows are refused, and
ORM bulk DML on synced tables is refused, so there is no second way to change synced data
unnoticed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.orm.attributes import instance_state

from app.domain.hlc import Hlc, tick
from app.domain.vocab import OpKind
from app.errors import UntrackedWrite
from app.models.audit import AuditEntry
from app.models.base import BOOKKEEPING_COLUMNS, SyncedMixin, new_id, utcnow
from app.models.sync_state import OutboxOp

#: Key under which a write session carries its ``WriteContext`` in ``Session.info``.
CONTEXT_KEY = "roster_write_context"
#: Set in ``Session.info`` by the sync engine / snapshot loader: rows come from HQ, not from a user.
REMOTE_KEY = "roster_remote_apply"


@dataclass
class WriteContext:
    """Who is writing, from which device, as part of which user action."""

    user_id: str | None
    device_id: str
    schema_version: int
    client_tx_id: str = field(default_factory=new_id)
    clock_ms: Any = None  # injectable wall clock (tests skew it); returns epoch milliseconds
    #: Where collected changes go at commit; None means this laptop's outbox. HQ plugs in its
    #: sequence-and-index writer here, so both ends share one change-collection mechanism.
    sink: Callable[[Session, WriteContext, list[RowChange]], None] | None = None

    def now_ms(self) -> int:
        return int(self.clock_ms()) if self.clock_ms else int(time.time() * 1000)


def to_wire(value: Any) -> Any:
    """JSON-safe form of a column value (dates as ISO text)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _audit_text(value: Any) -> str | None:
    if value is None:
        return None
    wired = to_wire(value)
    return wired if isinstance(wired, str) else json.dumps(wired, sort_keys=True)


def _next_counter(session: Session, key: str) -> int:
    conn = session.connection()
    conn.execute(
        text("INSERT INTO sync_state(key, value) VALUES (:k, '0') ON CONFLICT(key) DO NOTHING"),
        {"k": key},
    )
    conn.execute(
        text("UPDATE sync_state SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key=:k"),
        {"k": key},
    )
    return int(
        conn.execute(text("SELECT value FROM sync_state WHERE key=:k"), {"k": key}).scalar_one()
    )


def _next_hlc(session: Session, ctx: WriteContext) -> str:
    conn = session.connection()
    raw = conn.execute(text("SELECT value FROM sync_state WHERE key='hlc'")).scalar()
    stamp = tick(Hlc.decode(raw) if raw else None, now_ms=ctx.now_ms(), node=ctx.device_id)
    conn.execute(
        text(
            "INSERT INTO sync_state(key, value) VALUES ('hlc', :v) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        ),
        {"v": stamp.encode()},
    )
    return stamp.encode()


def _column_changes(obj: SyncedMixin, *, inserting: bool) -> dict[str, dict[str, Any]]:
    state = instance_state(obj)
    changes: dict[str, dict[str, Any]] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in BOOKKEEPING_COLUMNS:
            continue
        if inserting:
            value = getattr(obj, key)
            if value is not None:
                changes[key] = {"old": None, "new": to_wire(value)}
            continue
        hist = state.attrs[key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old != new:
            changes[key] = {"old": to_wire(old), "new": to_wire(new)}
    return changes


def _apply_defaults(obj: SyncedMixin) -> None:
    # Column defaults normally fire at INSERT time; the outbox needs their values now.
    for column in instance_state(obj).mapper.columns:
        key = column.key
        if key in BOOKKEEPING_COLUMNS or getattr(obj, key, None) is not None:
            continue
        default = column.default
        if default is None:
            continue
        if default.is_scalar:
            setattr(obj, key, default.arg)  # type: ignore[attr-defined]
        elif default.is_callable:
            # SQLAlchemy wraps every callable default to take an execution context.
            setattr(obj, key, default.arg(None))  # type: ignore[attr-defined]


#: ``Session.info`` key of the changes flushed so far in this transaction, by (table, row id).
PENDING_KEY = "roster_pending_changes"


@dataclass
class RowChange:
    obj: SyncedMixin
    kind: OpKind
    base_seq: int
    fields: dict[str, dict[str, Any]]
    #: One audit entry for the whole new row (its values as JSON) instead of one per field:
    #: set-based inserts of tens of thousands of rows (payroll payments) would otherwise write
    #: a million audit rows that say nothing the op does not.
    audit_whole: bool = False

    def merge(self, kind: OpKind, changes: dict[str, dict[str, Any]]) -> None:
        # Several flushes of one row in one user action become one op: first old, last new.
        for name, change in changes.items():
            if name in self.fields:
                self.fields[name]["new"] = change["new"]
            else:
                self.fields[name] = dict(change)
        if kind == OpKind.DELETE and self.kind != OpKind.INSERT:
            self.kind = kind


def _collect(
    session: Session, obj: SyncedMixin, kind: OpKind, changes: dict[str, dict[str, Any]]
) -> None:
    pending: dict[tuple[str, str], RowChange] = session.info.setdefault(PENDING_KEY, {})
    key = (obj.__tablename__, obj.id)  # type: ignore[attr-defined]
    if key in pending:
        pending[key].merge(kind, changes)
    else:
        pending[key] = RowChange(obj, kind, obj.server_seq or 0, dict(changes))


def _write_ops(session: Session, ctx: WriteContext) -> None:
    pending: dict[tuple[str, str], RowChange] = session.info.pop(PENDING_KEY, {})
    now = utcnow()
    # A new record has no version to be based on; it is based on everything this laptop had
    # pulled, so HQ can tell work made before the laptop learnt of a transfer from work after.
    cursor = (
        session.connection()
        .execute(text("SELECT value FROM sync_state WHERE key = 'pull_cursor'"))
        .scalar()
    )
    pulled = int(cursor or 0)
    for (table, row_id), change in pending.items():
        fields = {
            k: v
            for k, v in change.fields.items()
            if change.kind == OpKind.INSERT or v["old"] != v["new"]
        }
        if not fields:
            continue  # edited and edited back inside one action: nothing to send
        obj = change.obj
        op_id = new_id()
        household_id = row_id if table == "households" else getattr(obj, "household_id", None)
        session.add(
            OutboxOp(
                op_id=op_id,
                device_seq=_next_counter(session, "device_seq"),
                client_tx_id=ctx.client_tx_id,
                table_name=table,
                row_id=row_id,
                district_id=getattr(obj, "district_id", None),
                kind=change.kind.value,
                base_seq=pulled if change.kind == OpKind.INSERT else change.base_seq,
                fields=fields,
                hlc=_next_hlc(session, ctx),
                schema_version=ctx.schema_version,
                user_id=ctx.user_id,
            )
        )
        for name, value in audit_items(change, fields):
            session.add(
                AuditEntry(
                    at=now,
                    user_id=ctx.user_id,
                    device_id=ctx.device_id,
                    op_id=op_id,
                    action=change.kind.value,
                    table_name=table,
                    row_id=row_id,
                    household_id=household_id,
                    field=name,
                    old_value=_audit_text(value["old"]),
                    new_value=_audit_text(value["new"]),
                )
            )


def audit_items(
    change: RowChange, fields: dict[str, dict[str, Any]]
) -> list[tuple[str | None, dict[str, Any]]]:
    """(field, {old, new}) pairs to audit: each field, or the whole new row in one entry."""
    if change.audit_whole:
        whole = {name: value["new"] for name, value in fields.items()}
        return [(None, {"old": None, "new": whole})]
    return list(fields.items())


def record_command(
    session: Session,
    *,
    table: str,
    row_id: str,
    kind: str,
    fields: dict[str, dict[str, Any]],
    district_id: str | None,
) -> str:
    """Queue a command op (e.g. a conflict resolution) that is not a plain row change.

    Written in the caller's transaction like every other op; returns the op id.
    """
    ctx: WriteContext | None = session.info.get(CONTEXT_KEY)
    if ctx is None:
        raise UntrackedWrite("commands need a unit of work")
    op_id = new_id()
    session.add(
        OutboxOp(
            op_id=op_id,
            device_seq=_next_counter(session, "device_seq"),
            client_tx_id=ctx.client_tx_id,
            table_name=table,
            row_id=row_id,
            district_id=district_id,
            kind=kind,
            base_seq=0,
            fields=fields,
            hlc=_next_hlc(session, ctx),
            schema_version=ctx.schema_version,
            user_id=ctx.user_id,
        )
    )
    return op_id


def _before_commit(session: Session) -> None:
    ctx: WriteContext | None = session.info.get(CONTEXT_KEY)
    if ctx is None or session.info.get(REMOTE_KEY):
        return
    session.flush()  # collect whatever is still unflushed before writing the ops
    if not session.info.get(PENDING_KEY):
        return
    if ctx.sink is not None:
        pending: dict[tuple[str, str], RowChange] = session.info.pop(PENDING_KEY)
        ctx.sink(session, ctx, list(pending.values()))
    else:
        _write_ops(session, ctx)
    session.flush()


def _after_rollback(session: Session) -> None:
    session.info.pop(PENDING_KEY, None)


def _before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    if session.info.get(REMOTE_KEY):
        return
    synced_new = [o for o in session.new if isinstance(o, SyncedMixin)]
    synced_dirty = [o for o in session.dirty if isinstance(o, SyncedMixin)]
    synced_deleted = [o for o in session.deleted if isinstance(o, SyncedMixin)]
    if not (synced_new or synced_dirty or synced_deleted):
        return
    if synced_deleted:
        raise UntrackedWrite("synced rows are never hard-deleted; set the tombstone instead")
    ctx: WriteContext | None = session.info.get(CONTEXT_KEY)
    if ctx is None:
        raise UntrackedWrite("synced data written outside a unit of work (no WriteContext)")
    now = utcnow()
    for obj in synced_new:
        if not obj.id:  # ids are normally set by the default; make sure before recording
            obj.id = new_id()
        _apply_defaults(obj)
        obj.version, obj.server_seq = 1, 0
        obj.created_at = obj.updated_at = now
        obj.updated_by = ctx.user_id
        _collect(session, obj, OpKind.INSERT, _column_changes(obj, inserting=True))
    for obj in synced_dirty:
        changes = _column_changes(obj, inserting=False)
        if not changes:
            continue
        kind = OpKind.DELETE if changes.get("deleted", {}).get("new") is True else OpKind.UPDATE
        key = (obj.__tablename__, obj.id)  # type: ignore[attr-defined]
        if key not in session.info.get(PENDING_KEY, {}):
            obj.version = (obj.version or 0) + 1  # one version per user action, not per flush
        obj.updated_at = now
        obj.updated_by = ctx.user_id
        _collect(session, obj, kind, changes)


def _guard_bulk_dml(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    if state.session.info.get(REMOTE_KEY):
        return
    mapper = state.bind_mapper
    if mapper is not None and issubclass(mapper.class_, SyncedMixin):
        raise UntrackedWrite(
            f"bulk {mapper.class_.__name__} DML bypasses change tracking; change objects instead"
        )


def install(session_class: type[Session] = Session) -> None:
    """Attach the hooks to ``session_class`` (idempotent)."""
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)
        event.listen(session_class, "do_orm_execute", _guard_bulk_dml)
        event.listen(session_class, "before_commit", _before_commit)
        event.listen(session_class, "after_rollback", _after_rollback)


install()
