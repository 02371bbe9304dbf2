"""One sync run: hello, push the outbox until empty, pull pages until caught up."""

from __future__ import annotations

import logging
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, func, select, text, update

from app.models import bulk_load
from app.models.db import Database, schema_version
from app.models.recorder import REMOTE_KEY
from app.models.sync_state import OutboxOp, SyncConflict
from app.services.context import get_state, set_state
from app.sync.apply import (
    apply_tables,
    checkpoint,
    pending_by_row,
    remote_connection,
    remove_rows,
    settle_resolved_conflicts,
)
from app.sync.progress import CancelToken, Progress, ProgressCallback
from app.sync.transport import SyncError, Transport

log = logging.getLogger("roster.sync")
PUSH_BATCH = 500
PULL_PAGE = 5000


@dataclass
class SyncResult:
    """What one sync did, for the CLI line and the status bar."""

    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    removed: int = 0
    rebased: int = 0
    open_conflicts: int = 0
    seconds: float = 0.0
    bytes_sent: int = 0
    bytes_received: int = 0
    messages: list[str] = field(default_factory=list)


def _state(db: Database, key: str) -> str | None:
    with db.read_session() as s:
        return get_state(s, key)


def _set(db: Database, **values: str) -> None:
    with db.write_session() as s, s.begin():
        for key, value in values.items():
            set_state(s, key, value)


def transport_for(db: Database) -> Transport:
    """A transport to the HQ this laptop was connected to."""
    url, token = _state(db, "server_url"), _state(db, "token")
    if not url or not token:
        raise SyncError(
            "this laptop is not connected to HQ: run `roster connect` first", code="NOT_CONNECTED"
        )
    return Transport(url, token)


def _op_payload(op: OutboxOp) -> dict[str, Any]:
    return {
        "op_id": op.op_id,
        "device_seq": op.device_seq,
        "client_tx_id": op.client_tx_id,
        "table": op.table_name,
        "row_id": op.row_id,
        "kind": op.kind,
        "base_seq": op.base_seq,
        "hlc": op.hlc,
        "schema_version": op.schema_version,
        "fields": op.fields,
    }


def _next_batch(db: Database) -> list[dict[str, Any]]:
    with db.read_session() as s:
        ops = list(
            s.scalars(
                select(OutboxOp)
                .where(OutboxOp.status == "pending")
                .order_by(OutboxOp.device_seq)
                .limit(PUSH_BATCH + 200)
            )
        )
    if len(ops) > PUSH_BATCH:
        # Never split one user action between two requests: HQ applies a group whole.
        cut = PUSH_BATCH
        while cut < len(ops) and ops[cut].client_tx_id == ops[cut - 1].client_tx_id:
            cut += 1
        ops = ops[:cut]
    return [_op_payload(op) for op in ops]


def push(
    db: Database,
    transport: Transport,
    result: SyncResult,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> None:
    """Send pending ops until none are left; results are stored before ops are marked done."""
    device_id = _state(db, "device_id")
    with db.read_session() as s:
        total = (
            s.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.status == "pending"))
            or 0
        )
    while True:
        if cancel:
            cancel.check()
        batch = _next_batch(db)
        if not batch:
            return
        answer = transport.request(
            "POST", "/sync/push", body={"device_id": device_id, "ops": batch}
        )
        _record_results(db, transport, answer["results"], result)
        if progress:
            progress(Progress("push", result.pushed, total))


def _record_results(
    db: Database, transport: Transport, results: list[dict[str, Any]], summary: SyncResult
) -> None:
    """Store HQ's answers; rows HQ refused get HQ's version back in the same transaction.

    HQ's version of refused rows is fetched before anything is stored: if that request fails
    (or the laptop dies), the ops are still pending, are resent, HQ answers them from its stored
    results, and the restore is tried again. Marking them rejected first would leave the refused
    value on this laptop for good, and a merged twin that was never dropped.
    """
    with db.read_session() as s:
        ops = {
            op.op_id: op
            for op in s.scalars(
                select(OutboxOp).where(OutboxOp.op_id.in_([r["op_id"] for r in results]))
            )
        }
    rejected_rows: dict[str, list[str]] = {}
    merged: list[list[str]] = []
    for res in results:
        op = ops.get(res["op_id"])
        if op is None:
            continue
        if res["status"] == "rejected":
            rejected_rows.setdefault(op.table_name, []).append(op.row_id)
        if res.get("merged_into"):
            merged.append([op.table_name, op.row_id])
    answer = (
        transport.request("POST", "/sync/rows", body={"tables": rejected_rows})
        if rejected_rows
        else {}
    )
    with remote_connection(db) as conn:
        updates: list[dict[str, Any]] = []
        for res in results:
            op = ops.get(res["op_id"])
            if op is None:
                continue
            local = {
                "applied": "applied",
                "applied_autoresolved": "applied",
                "conflict": "conflict",
                "rejected": "rejected",
            }.get(res["status"], "applied")
            values: dict[str, Any] = {
                "b_op_id": op.op_id,
                "status": local,
                "result": res,
                "attempts": op.attempts + 1,
                "server_seq": res.get("server_seq"),
                "last_error": op.last_error,
            }
            summary.pushed += 1
            if local == "applied":
                summary.applied += 1
            elif local == "conflict":
                summary.conflicts += 1
            else:
                summary.rejected += 1
                values["last_error"] = f"{res.get('code')}: {res.get('message')}"
            updates.append(values)
        if updates:  # one executemany: 500 single-row updates cost a third of a push
            conn.execute(
                update(OutboxOp)
                .where(OutboxOp.op_id == bindparam("b_op_id"))
                .values(
                    status=bindparam("status"),
                    result=bindparam("result"),
                    attempts=bindparam("attempts"),
                    server_seq=bindparam("server_seq"),
                    last_error=bindparam("last_error"),
                ),
                updates,
            )
        if rejected_rows or merged:
            # Put HQ's version back where HQ refused a change; drop local twins HQ merged away.
            tables = answer.get("tables", {})
            apply_tables(conn, tables, pending_by_row(conn))
            remove_rows(conn, merged + _refused_inserts(results, ops, tables))


def _refused_inserts(
    results: list[dict[str, Any]], ops: dict[str, OutboxOp], tables: dict[str, Any]
) -> list[list[str]]:
    """New records HQ refused and does not have: they leave this laptop too (the refused op
    keeps their values, listed with HQ's reason, so the officer can correct and resend)."""
    known = {
        (name, row[block["columns"].index("id")])
        for name, block in tables.items()
        for row in block.get("rows", [])
    }
    return [
        [op.table_name, op.row_id]
        for res in results
        if res["status"] == "rejected"
        and (op := ops.get(res["op_id"])) is not None
        and op.kind == "insert"
        and (op.table_name, op.row_id) not in known
    ]


def pull(
    db: Database,
    transport: Transport,
    result: SyncResult,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    page_size: int = PULL_PAGE,
) -> None:
    """Fetch pages after the stored cursor; each page and its cursor commit together.

    The next page is requested while the current one is being written, so HQ and the laptop
    work at the same time; a prefetched page is simply dropped if anything fails before its turn.
    """
    epoch = _state(db, "server_epoch") or ""
    start = int(_state(db, "pull_cursor") or 0)
    if start == 0:
        with db.engine.begin() as conn:
            empty = conn.execute(text("SELECT count(*) FROM individuals")).scalar() == 0
            if empty:
                bulk_load.begin(conn)

    def fetch(cursor: int) -> dict[str, Any]:
        answer: dict[str, Any] = transport.request(
            "GET",
            "/sync/pull",
            params={
                "cursor": cursor,
                "limit": page_size,
                "epoch": epoch,
                "schema": schema_version(),
            },
        )
        return answer

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="roster-prefetch") as pool:
        upcoming: Future[dict[str, Any]] = pool.submit(fetch, start)
        while True:
            if cancel:
                cancel.check()
            page = upcoming.result()
            if page["has_more"]:
                upcoming = pool.submit(fetch, int(page["next_cursor"]))
            with remote_connection(db) as conn:
                pending = pending_by_row(conn)
                # Removals first: a row transferred out and back in again has its (older) exit
                # and its current state in the same page; the other order would drop it.
                removed = remove_rows(conn, page["removed"])
                rows, rebased = apply_tables(conn, page["tables"], pending)
                settle_resolved_conflicts(conn, page["tables"])
                conn.execute(update_state("pull_cursor", str(page["next_cursor"])))
            result.pulled += rows
            result.rebased += rebased
            result.removed += removed
            if progress:
                progress(Progress("pull", result.pulled, None))
            if not page["has_more"]:
                break
    with db.engine.begin() as conn:
        if bulk_load.active(conn):
            if progress:
                progress(Progress("index", result.pulled, result.pulled))
            bulk_load.finish(conn)
    checkpoint(db)


def update_state(key: str, value: str) -> Any:
    """An upsert of one sync_state value, for use inside an apply transaction."""
    from sqlalchemy.dialects.sqlite import insert

    from app.models.sync_state import SyncStateEntry

    stmt = insert(SyncStateEntry).values(key=key, value=value)
    return stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value})


def hello(db: Database, transport: Transport, result: SyncResult) -> dict[str, Any]:
    """Versions, epoch and clock check; a changed epoch means HQ was restored: pull again."""
    info: dict[str, Any] = transport.request("GET", "/sync/hello")
    offset_ms = info["server_time_ms"] - int(time.time() * 1000)
    if abs(offset_ms) > 5 * 60 * 1000:
        result.messages.append(
            f"this laptop's clock is off by {abs(offset_ms) // 60000} minutes; please correct it"
        )
    known = _state(db, "server_epoch")
    if known and known != info["server_epoch"]:
        # HQ was restored from a backup: re-download everything, keeping unsent work.
        _set(db, pull_cursor="0", server_epoch=info["server_epoch"])
        with db.write_session() as s, s.begin():
            s.info[REMOTE_KEY] = True
            s.execute(
                update(OutboxOp).where(OutboxOp.status.in_(("in_flight",))).values(status="pending")
            )
        result.messages.append("HQ was restored from a backup; this laptop downloaded again")
    elif not known:
        _set(db, server_epoch=info["server_epoch"])
    return info


def run_sync(
    db: Database,
    *,
    transport: Transport | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> SyncResult:
    """Hello, push, pull; records when it last succeeded. Raises SyncError/Cancelled."""
    started = time.perf_counter()
    own = transport is None
    transport = transport or transport_for(db)
    result = SyncResult()
    try:
        if progress:
            progress(Progress("hello", 0, None))
        info = hello(db, transport, result)
        push(db, transport, result, progress=progress, cancel=cancel)
        if schema_version() < info["min_client_schema"]:
            result.messages.append("update Roster: HQ no longer sends changes to this version")
        else:
            pull(db, transport, result, progress=progress, cancel=cancel)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        _set(db, last_sync_at=now, last_sync_error="")
    except SyncError as exc:
        _set(db, last_sync_error=f"{exc.code}: {exc.message}")
        raise
    finally:
        result.seconds = time.perf_counter() - started
        result.bytes_sent, result.bytes_received = transport.bytes_sent, transport.bytes_received
        if own:
            transport.close()
    with db.read_session() as s:
        result.open_conflicts = (
            s.scalar(
                select(func.count()).select_from(SyncConflict).where(SyncConflict.status == "open")
            )
            or 0
        )
    if progress:
        progress(Progress("done", result.pulled, result.pulled))
    log.info("sync %s", result)
    return result
