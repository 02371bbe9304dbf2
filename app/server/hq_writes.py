"""HQ's own edits (admin commands, transfers, seeding) recorded for the laptops to pull.

HQ writes through the ORM like a laptop does; the recorder hook collects the changes and this
module's sink gives each changed row the next server sequence, updates its field metadata and the
sync index, records scope exits when a row changes district, and writes the audit trail.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.orm import Session

from app.domain.hlc import Hlc
from app.domain.vocab import OpKind
from app.models.audit import AuditEntry
from app.models.db import schema_version
from app.models.recorder import CONTEXT_KEY, RowChange, WriteContext
from app.models.sync_state import SyncConflict
from app.server.db import ServerDatabase
from app.server.sequence import allocate, index_row, record_exit, row_meta
from app.sync.tables import SYNCED

HQ_DEVICE = "hq"
#: Sync-index district of HQ-wide users: matches no laptop's scope, so they never leave HQ.
HQ_ONLY_SCOPE = "hq"


def index_district(table: str, district_id: str | None) -> str | None:
    """The district a row is indexed under for pulls (HQ-wide users get a private scope)."""
    if table == "users" and district_id is None:
        return HQ_ONLY_SCOPE
    return district_id


def _sink(session: Session, ctx: WriteContext, changes: list[RowChange]) -> None:
    conn = session.connection()
    stamp = Hlc(int(time.time() * 1000), 0, HQ_DEVICE).encode()
    now = datetime.now(UTC)
    for change in changes:
        table = change.obj.__tablename__  # type: ignore[attr-defined]
        row_id = change.obj.id
        spec = SYNCED.get(table)
        if spec is None:
            continue
        seq = allocate(conn)
        conn.execute(update(spec.table).where(spec.table.c.id == row_id).values(server_seq=seq))
        found = row_meta(conn, table, row_id)
        meta = found[1] if found else {}
        for name in change.fields:
            meta[name] = [seq, stamp, HQ_DEVICE, ctx.user_id]
        district = getattr(change.obj, "district_id", None) if spec.scoped else None
        moved = change.fields.get("district_id")
        if change.kind != OpKind.INSERT and moved and moved["old"] and moved["old"] != moved["new"]:
            record_exit(conn, table=table, row_id=row_id, district_id=moved["old"])
        index_row(
            conn,
            table=table,
            row_id=row_id,
            district_id=index_district(table, district),
            seq=seq,
            meta=meta,
        )
        if change.kind != OpKind.INSERT:
            _refresh_open_conflicts(conn, table, row_id, change.fields, now)
        household = row_id if table == "households" else getattr(change.obj, "household_id", None)
        rows: list[dict[str, Any]] = [
            {
                "at": now,
                "user_id": ctx.user_id,
                "device_id": HQ_DEVICE,
                "op_id": None,
                "action": change.kind.value,
                "table_name": table,
                "row_id": row_id,
                "household_id": household,
                "field": name,
                "old_value": None if v["old"] is None else str(v["old"]),
                "new_value": None if v["new"] is None else str(v["new"]),
            }
            for name, v in change.fields.items()
        ]
        if rows:
            conn.execute(insert(AuditEntry), rows)


def _refresh_open_conflicts(
    conn: Connection,
    table: str,
    row_id: str,
    fields: dict[str, dict[str, Any]],
    now: datetime,
) -> None:
    """HQ changed a field that waits for a decision: the conflict shows HQ's value as it is now.

    Otherwise the inbox would offer a stale "HQ value", and a decision taken against it could
    overwrite HQ's later change without anyone having seen it.
    """
    open_rows = conn.execute(
        select(SyncConflict.id, SyncConflict.field, SyncConflict.district_id).where(
            SyncConflict.table_name == table,
            SyncConflict.row_id == row_id,
            SyncConflict.status == "open",
            SyncConflict.field.in_(list(fields)),
        )
    ).all()
    for conflict_id, name, district in open_rows:
        conn.execute(
            update(SyncConflict)
            .where(SyncConflict.id == conflict_id)
            .values(theirs_value=fields[name]["new"], theirs_by="HQ", theirs_at=now)
        )
        index_row(
            conn,
            table="sync_conflicts",
            row_id=conflict_id,
            district_id=district,
            seq=allocate(conn),
            meta={},
        )


@contextmanager
def hq_unit_of_work(db: ServerDatabase, *, user_id: str | None) -> Iterator[Session]:
    """A transaction of HQ edits; every synced row changed inside is sequenced and indexed."""
    session = db.write_session()
    session.info[CONTEXT_KEY] = WriteContext(
        user_id=user_id, device_id=HQ_DEVICE, schema_version=schema_version(), sink=_sink
    )
    try:
        with session.begin():
            yield session
    finally:
        session.close()
