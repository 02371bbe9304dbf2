"""Apply a pushed batch of outbox ops: idempotent, one transaction per client action, scoped."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from app.models.user import User
from app.server.batch_writer import BatchWriter
from app.server.caller import Caller, Reject
from app.server.db import ServerDatabase
from app.server.merge import ConflictContext, merge_update, open_conflicts
from app.server.models import AppliedOp, ScopeExit
from app.server.request_rules import check_decision, check_new_request
from app.server.resolve import resolve_conflict
from app.sync.tables import SYNCED, SyncedTable
from app.sync.wire import from_wire, to_wire


@dataclass(frozen=True)
class OpIn:
    """One op as received (already shape-checked by the API layer)."""

    op_id: str
    device_seq: int
    client_tx_id: str
    table: str
    row_id: str
    kind: str
    base_seq: int
    hlc: str
    fields: dict[str, dict[str, Any]]


def _groups(ops: list[OpIn]) -> Iterator[list[OpIn]]:
    group: list[OpIn] = []
    for op in ops:
        if group and op.client_tx_id != group[0].client_tx_id:
            yield group
            group = []
        group.append(op)
    if group:
        yield group


def apply_batch(db: ServerDatabase, caller: Caller, ops: list[OpIn]) -> list[dict[str, Any]]:
    """Apply ``ops`` in order; returns one result per op (stored, so a resend gets the same).

    The whole request is one transaction; each user action (``client_tx_id``) runs in a
    savepoint, so a refused action leaves no trace while the others in the batch still apply.
    """
    ops = sorted(ops, key=lambda o: o.device_seq)
    results: list[dict[str, Any]] = []
    usernames = _usernames(db)
    with db.write_session() as session, session.begin():
        conn = session.connection()
        stored = {
            row.op_id: row.result
            for row in conn.execute(
                select(AppliedOp.op_id, AppliedOp.result).where(
                    AppliedOp.op_id.in_([op.op_id for op in ops])
                )
            )
        }
        seen_seqs: dict[int, str] = {
            seq: op_id
            for seq, op_id in conn.execute(
                select(AppliedOp.device_seq, AppliedOp.op_id).where(
                    AppliedOp.device_id == caller.device_id,
                    AppliedOp.device_seq.in_([op.device_seq for op in ops]),
                )
            )
        }
        writer = BatchWriter(conn)
        writer.held = open_conflicts(conn, [(op.table, op.row_id) for op in ops])
        writer.prefetch([(op.table, op.row_id) for op in ops if op.op_id not in stored])
        for group in _groups(ops):
            results += _apply_group(conn, writer, caller, group, usernames, stored, seen_seqs)
        writer.finish()
    return results


def _usernames(db: ServerDatabase) -> dict[str, str]:
    with db.read_session() as s:
        return {uid: name for uid, name in s.execute(select(User.id, User.username))}


def _apply_group(
    conn: Connection,
    writer: BatchWriter,
    caller: Caller,
    group: list[OpIn],
    usernames: dict[str, str],
    stored: dict[str, Any],
    seen_seqs: dict[int, str],
) -> list[dict[str, Any]]:
    if all(op.op_id in stored for op in group):
        return [dict(stored[op.op_id], duplicate=True) for op in group]
    # The same (device, device_seq) under another op id means a laptop restored from an image.
    if any(
        op.op_id not in stored and seen_seqs.get(op.device_seq, op.op_id) != op.op_id
        for op in group
    ):
        return [
            _result(
                op,
                "rejected",
                code="DEVICE_FORKED",
                message="this laptop reused a change number; connect it again",
            )
            for op in group
        ]
    mark = writer.checkpoint()
    # A lone op is refused before it writes anything, so only groups need a savepoint.
    savepoint = conn.begin_nested() if len(group) > 1 else None
    try:
        results = [_apply_op(conn, writer, caller, op, usernames) for op in group]
        if savepoint is not None:
            savepoint.commit()
    except Reject as exc:
        if savepoint is not None:
            savepoint.rollback()
        writer.rollback_to(mark)
        culprit = getattr(exc, "op_id", None)
        results = [
            _result(
                op,
                "rejected",
                code=exc.code if op.op_id == culprit else "GROUP_REJECTED",
                message=exc.message
                if op.op_id == culprit
                else "another change of the same action was refused",
            )
            for op in group
        ]
    now = datetime.now(UTC)
    for op, result in zip(group, results, strict=True):
        writer.applied.append(
            {
                "op_id": op.op_id,
                "device_id": caller.device_id,
                "device_seq": op.device_seq,
                "client_tx_id": op.client_tx_id,
                "table_name": op.table,
                "row_id": op.row_id,
                "status": result["status"],
                "result": result,
                "fields": op.fields,
                "user_id": caller.user_id,
                "applied_at": now,
            }
        )
    return results


def _result(op: OpIn, status: str, **extra: Any) -> dict[str, Any]:
    return {"op_id": op.op_id, "status": status, **extra}


def _apply_op(
    conn: Connection, writer: BatchWriter, caller: Caller, op: OpIn, usernames: dict[str, str]
) -> dict[str, Any]:
    try:
        if op.table == "sync_conflicts" and op.kind == "resolve":
            return _result(
                op,
                "applied",
                **resolve_conflict(conn, writer, caller, op.row_id, op.fields, op.hlc),
            )
        spec = SYNCED.get(op.table)
        if spec is None or not spec.client_writable:
            raise Reject("TABLE_NOT_WRITABLE", f"laptops cannot change {op.table}")
        if not caller.may_write():
            raise Reject("READ_ONLY_ROLE", "this user may not change data")
        values = _convert(spec, op)
        if op.kind == "insert":
            return _insert(conn, writer, caller, spec, op, values, usernames)
        if op.kind in ("update", "delete"):
            return _update(conn, writer, caller, spec, op, values, usernames)
        raise Reject("BAD_KIND", f"unknown op kind {op.kind}")
    except Reject as exc:
        exc.op_id = op.op_id  # type: ignore[attr-defined]
        raise


def _convert(spec: SyncedTable, op: OpIn) -> dict[str, tuple[Any, Any]]:
    allowed = spec.writable_fields | ({"district_id"} if op.kind == "insert" else set())
    unknown = set(op.fields) - allowed
    if unknown:
        raise Reject("FIELD_NOT_WRITABLE", f"{spec.name} fields not writable: {sorted(unknown)}")
    converted: dict[str, tuple[Any, Any]] = {}
    for name, change in op.fields.items():
        column = spec.table.c[name]
        try:
            converted[name] = (
                from_wire(column, change.get("old")),
                from_wire(column, change.get("new")),
            )
        except (TypeError, ValueError) as exc:
            raise Reject("INVALID_VALUE", str(exc)) from None
        if converted[name][1] is None and not column.nullable:
            raise Reject("INVALID_VALUE", f"{name} cannot be empty")
    return converted


def _check_references(
    conn: Connection,
    caller: Caller,
    spec: SyncedTable,
    values: dict[str, Any],
    base_seq: int | None = None,
) -> str | None:
    """A row may only point at rows the caller can see (no borrowing another district's ids).

    One exception, for new records (``base_seq`` given): a record pointing at a row that left
    the caller's district after everything the laptop had pulled was made before the laptop
    knew, so it is accepted and follows that row; its district is returned.
    """
    follow: str | None = None
    for name, value in values.items():
        if value is None:
            continue
        for fk in spec.table.c[name].foreign_keys:
            target = fk.column.table
            if "district_id" not in target.c:
                continue
            district = conn.execute(select(target.c.district_id).where(fk.column == value)).first()
            if district is None:
                raise Reject("MISSING_REFERENCE", f"{name} points at an unknown record")
            if not caller.in_scope(district[0]):
                if base_seq is not None and _left_after(conn, caller, target.name, value, base_seq):
                    follow = district[0]
                    continue
                raise Reject("OUT_OF_SCOPE", f"{name} points at another district's record")
    return follow


def _left_after(conn: Connection, caller: Caller, table: str, row_id: str, base_seq: int) -> bool:
    """True if the row left one of the caller's districts after ``base_seq``."""
    exit_seq = conn.execute(
        select(ScopeExit.seq)
        .where(
            ScopeExit.table_name == table,
            ScopeExit.row_id == row_id,
            ScopeExit.district_id.in_(caller.districts or ()),
        )
        .order_by(ScopeExit.seq.desc())
    ).scalar()
    return exit_seq is not None and base_seq < exit_seq


def _district_of_location(conn: Connection, location_id: str) -> str | None:
    from app.models.location import Location

    table = Location.__table__
    current: str | None = location_id
    for _ in range(6):  # region > district > ward > village: a few steps at most
        if current is None:
            return None
        row = conn.execute(
            select(table.c.level, table.c.parent_id).where(table.c.id == current)
        ).first()
        if row is None:
            return None
        if row.level == "D":
            return current
        current = row.parent_id
    return None


def _check_rules(
    conn: Connection, spec: SyncedTable, district: str | None, values: dict[str, Any]
) -> None:
    """Domain rules HQ enforces whatever the laptop's version: a household's village lies in
    its district (moving elsewhere is an HQ transfer)."""
    village = values.get("village_id") if spec.name == "households" else None
    if village is not None and _district_of_location(conn, village) != district:
        raise Reject("OUT_OF_SCOPE", "the village is not in the household's district")


def _audit(
    writer: BatchWriter,
    caller: Caller,
    spec: SyncedTable,
    op: OpIn,
    household_id: str | None,
    changes: dict[str, tuple[Any, Any]],
    action: str,
) -> None:
    now = datetime.now(UTC)
    writer.audit += [
        {
            "at": now,
            "user_id": caller.user_id,
            "device_id": caller.device_id,
            "op_id": op.op_id,
            "action": action,
            "table_name": spec.name,
            "row_id": op.row_id,
            "household_id": household_id,
            "field": name,
            "old_value": _text(old),
            "new_value": _text(new),
        }
        for name, (old, new) in changes.items()
    ]


def _text(value: Any) -> str | None:
    import json

    wired = to_wire(value)
    return None if wired is None else wired if isinstance(wired, str) else json.dumps(wired)


def _household_of(spec: SyncedTable, row_id: str, values: dict[str, Any]) -> str | None:
    return row_id if spec.name == "households" else values.get("household_id")


def _insert(
    conn: Connection,
    writer: BatchWriter,
    caller: Caller,
    spec: SyncedTable,
    op: OpIn,
    changes: dict[str, tuple[Any, Any]],
    usernames: dict[str, str],
) -> dict[str, Any]:
    values = {name: new for name, (_old, new) in changes.items()}
    district = values.get("district_id") if spec.scoped else None
    if spec.scoped and (district is None or not caller.in_scope(district)):
        raise Reject("OUT_OF_SCOPE", "the new record belongs to another district")
    if writer.row_meta(spec.name, op.row_id) is not None:
        raise Reject("ROW_EXISTS", "a record with this id already exists")
    follow = _check_references(conn, caller, spec, values, base_seq=op.base_seq)
    if follow is not None:  # made before the laptop learnt its household moved away
        assert district is not None
        writer.record_exit(table=spec.name, row_id=op.row_id, district_id=district)
        values["district_id"] = district = follow
        # The audit trail records the district the row really got, not the one proposed.
        changes = {**changes, "district_id": (changes["district_id"][0], follow)}
    _check_rules(conn, spec, district, values)
    if spec.name == "change_requests":
        check_new_request(conn, spec.table, values)
    seq = writer.next_seq()
    now = datetime.now(UTC)
    row = {
        **values,
        "id": op.row_id,
        "version": 1,
        "server_seq": seq,
        "created_at": now,
        "updated_at": now,
        "updated_by": caller.user_id,
        "deleted": values.get("deleted", False),
    }
    savepoint = conn.begin_nested()
    try:
        conn.execute(insert(spec.table).values(**row))
        savepoint.commit()
    except IntegrityError:
        savepoint.rollback()
        return _insert_as_duplicate(conn, writer, caller, spec, op, changes, usernames)
    writer.wrote(spec.name, op.row_id)
    meta = {name: [seq, op.hlc, caller.device_id, caller.user_id] for name in values}
    writer.index_row(table=spec.name, row_id=op.row_id, district_id=district, seq=seq, meta=meta)
    _audit(writer, caller, spec, op, _household_of(spec, op.row_id, values), changes, "insert")
    return _result(op, "applied", server_seq=seq)


def _unique_twin(conn: Connection, spec: SyncedTable, values: dict[str, Any]) -> str | None:
    from sqlalchemy import UniqueConstraint

    for constraint in spec.table.constraints:
        if not isinstance(constraint, UniqueConstraint):
            continue
        names = [c.name for c in constraint.columns]
        if all(values.get(n) is not None for n in names):
            found = conn.execute(
                select(spec.table.c.id).where(*[spec.table.c[n] == values[n] for n in names])
            ).scalar()
            if found is not None:
                return str(found)
    return None


def _insert_as_duplicate(
    conn: Connection,
    writer: BatchWriter,
    caller: Caller,
    spec: SyncedTable,
    op: OpIn,
    changes: dict[str, tuple[Any, Any]],
    usernames: dict[str, str],
) -> dict[str, Any]:
    """Two laptops created the same thing (e.g. the same payment): keep one, flag the rest.

    The existing row stays; the newcomer's differing values are merged into it as a concurrent
    edit (guarded fields become conflicts), and the laptop is told which row to keep.
    """
    values = {name: new for name, (_old, new) in changes.items()}
    twin = _unique_twin(conn, spec, values)
    if twin is None:
        raise Reject("CONSTRAINT_VIOLATED", "the record breaks a uniqueness rule")
    twin_op = OpIn(
        op.op_id, op.device_seq, op.client_tx_id, op.table, twin, "update", 0, op.hlc, op.fields
    )
    mergeable = {
        name: (None, new) for name, (_old, new) in changes.items() if name != "district_id"
    }
    result = _update(
        conn, writer, caller, spec, twin_op, mergeable, usernames, insert_base=op.base_seq
    )
    return {**result, "op_id": op.op_id, "merged_into": twin}


def _update(
    conn: Connection,
    writer: BatchWriter,
    caller: Caller,
    spec: SyncedTable,
    op: OpIn,
    changes: dict[str, tuple[Any, Any]],
    usernames: dict[str, str],
    insert_base: int | None = None,
) -> dict[str, Any]:
    """Merge an update (or, with ``insert_base``, a twin insert) into the HQ row."""
    current = writer.current_row(spec.table, spec.name, op.row_id)
    found = writer.row_meta(spec.name, op.row_id)
    if current is None or found is None:
        raise Reject("NOT_FOUND", "the record does not exist at HQ")
    district, meta = found
    if not caller.in_scope(district):
        exit_seq = conn.execute(
            select(ScopeExit.seq)
            .where(
                ScopeExit.table_name == spec.name,
                ScopeExit.row_id == op.row_id,
                ScopeExit.district_id.in_(caller.districts or ()),
            )
            .order_by(ScopeExit.seq.desc())
        ).scalar()
        # Edits made before the record was transferred away were authorised when made.
        if exit_seq is None or op.base_seq >= exit_seq:
            raise Reject("OUT_OF_SCOPE", "the record belongs to another district")
    if spec.append_only:
        raise Reject("APPEND_ONLY", f"{spec.name} records are never changed, only added")
    # A twin insert keeps the "made before the laptop knew of the transfer" allowance.
    _check_references(
        conn, caller, spec, {k: v[1] for k, v in changes.items()}, base_seq=insert_base
    )
    _check_rules(conn, spec, district, {k: v[1] for k, v in changes.items()})
    if spec.name == "change_requests":
        check_decision(dict(current), {k: v[1] for k, v in changes.items()})
    household_id = _household_of(spec, op.row_id, dict(current))
    ctx = ConflictContext(
        spec, op.row_id, district, household_id, op.op_id, op.hlc, caller, usernames
    )
    outcome = merge_update(
        conn,
        ctx,
        current=dict(current),
        changes=changes,
        meta=meta,
        base_seq=op.base_seq,
        server_now_ms=int(time.time() * 1000),
        held_fields=writer.held,
    )
    seq = None
    if outcome.conflict_ids or outcome.apply:
        seq = writer.next_seq()
    if outcome.apply:
        assert seq is not None
        conn.execute(
            update(spec.table)
            .where(spec.table.c.id == op.row_id)
            .values(
                **outcome.apply,
                version=spec.table.c.version + 1,
                server_seq=seq,
                updated_at=datetime.now(UTC),
                updated_by=caller.user_id,
            )
        )
        writer.wrote(spec.name, op.row_id)
        for name in outcome.apply:
            meta[name] = [seq, op.hlc, caller.device_id, caller.user_id]
        applied = {k: (current.get(k), v) for k, v in outcome.apply.items()}
        _audit(writer, caller, spec, op, household_id, applied, op.kind)
    if seq is not None:
        writer.index_row(
            table=spec.name, row_id=op.row_id, district_id=district, seq=seq, meta=meta
        )
    for conflict_id in outcome.conflict_ids:
        writer.index_row(
            table="sync_conflicts",
            row_id=conflict_id,
            district_id=district,
            seq=writer.next_seq(),
            meta={},
        )
    status = "conflict" if outcome.held else ("applied_autoresolved" if outcome.lost else "applied")
    return _result(
        op,
        status,
        server_seq=seq,
        held_fields=outcome.held,
        lost_fields=outcome.lost,
        conflict_ids=outcome.conflict_ids,
    )
