"""Per-push bookkeeping: sequence numbers, sync index, audit and results, written in bulk.

One push request is one transaction. The first sequence number taken locks the counter row until
commit (so commit order stays sequence order); later ones are counted in memory and the counter
is written once at the end. Index entries, audit rows and op results are collected and inserted
with one statement each. A rejected user action rolls back to its checkpoint, here and in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from app.models.audit import AuditEntry
from app.server.models import AppliedOp, ScopeExit, ServerState, SyncRow
from app.server.sequence import allocate, row_meta, upsert
from app.sync.tables import SYNCED


@dataclass(frozen=True)
class Checkpoint:
    audit: int
    applied: int
    exits: int
    index: dict[tuple[str, str], dict[str, Any]]
    last_seq: int | None
    held: dict[tuple[str, str, str], str]


class BatchWriter:
    """Collects one transaction's writes to the server's sync bookkeeping."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.last_seq: int | None = None
        self.audit: list[dict[str, Any]] = []
        self.applied: list[dict[str, Any]] = []
        self.index: dict[tuple[str, str], dict[str, Any]] = {}
        #: Open conflicts on this request's rows: (table, row, field) -> conflict id.
        self.held: dict[tuple[str, str, str], str] = {}
        self._meta: dict[tuple[str, str], tuple[str | None, dict[str, Any]]] = {}
        self._rows: dict[tuple[str, str], dict[str, Any]] = {}
        self._prefetched: set[tuple[str, str]] = set()
        self._written: set[tuple[str, str]] = set()
        self.exits: list[dict[str, Any]] = []

    def next_seq(self) -> int:
        if self.last_seq is None:
            self.last_seq = allocate(self.conn)  # takes the counter row's lock until commit
        else:
            self.last_seq += 1
        return self.last_seq

    def prefetch(self, ops: list[tuple[str, str]]) -> None:
        """Read the sync entries and current rows of a whole request in a few queries."""
        ids = sorted({row_id for _table, row_id in ops})
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            for table, row_id, district, meta in self.conn.execute(
                select(SyncRow.table_name, SyncRow.row_id, SyncRow.district_id, SyncRow.meta).where(
                    SyncRow.row_id.in_(chunk)
                )
            ):
                self._meta[(table, row_id)] = (district, dict(meta or {}))
        by_table: dict[str, list[str]] = {}
        for table, row_id in ops:
            if table in SYNCED:
                by_table.setdefault(table, []).append(row_id)
        for table, row_ids in by_table.items():
            spec = SYNCED[table].table
            unique = sorted(set(row_ids))
            for start in range(0, len(unique), 900):
                for row in self.conn.execute(
                    select(spec).where(spec.c.id.in_(unique[start : start + 900]))
                ).mappings():
                    self._rows[(table, row["id"])] = dict(row)
        self._prefetched = {(t, r) for t, r in ops}

    def current_row(self, table: Any, name: str, row_id: str) -> dict[str, Any] | None:
        """The row as it stands now in this transaction (prefetched until it is written)."""
        key = (name, row_id)
        if key in self._rows:
            return dict(self._rows[key])
        if key in self._prefetched and key not in self._written:
            return None
        found = self.conn.execute(select(table).where(table.c.id == row_id)).mappings().first()
        return None if found is None else dict(found)

    def wrote(self, name: str, row_id: str) -> None:
        """Forget the cached copy of a row this transaction just changed."""
        self._rows.pop((name, row_id), None)
        self._written.add((name, row_id))

    def row_meta(self, table: str, row_id: str) -> tuple[str | None, dict[str, Any]] | None:
        """(district, field meta) including changes made earlier in this transaction."""
        pending = self.index.get((table, row_id))
        if pending is not None:
            return pending["district_id"], dict(pending["meta"])
        key = (table, row_id)
        if key in self._meta:
            district, meta = self._meta[key]
            return district, dict(meta)
        if key in self._prefetched:
            return None
        return row_meta(self.conn, table, row_id)

    def index_row(
        self, *, table: str, row_id: str, district_id: str | None, seq: int, meta: dict[str, Any]
    ) -> None:
        self.index[(table, row_id)] = {
            "table_name": table,
            "row_id": row_id,
            "district_id": district_id,
            "seq": seq,
            "meta": meta,
        }

    def record_exit(self, *, table: str, row_id: str, district_id: str) -> None:
        """Tell ``district_id``'s laptops to drop a row (written with the rest at ``finish``)."""
        self.exits.append(
            {
                "seq": self.next_seq(),
                "table_name": table,
                "row_id": row_id,
                "district_id": district_id,
            }
        )

    def checkpoint(self) -> Checkpoint:
        return Checkpoint(
            len(self.audit),
            len(self.applied),
            len(self.exits),
            dict(self.index),
            self.last_seq,
            dict(self.held),
        )

    def rollback_to(self, mark: Checkpoint) -> None:
        del self.audit[mark.audit :]
        del self.applied[mark.applied :]
        del self.exits[mark.exits :]
        self.index = dict(mark.index)
        # Conflicts the action opened were rolled back in SQL: they no longer hold any field.
        self.held = dict(mark.held)
        # Sequence numbers taken by the rolled-back action are simply skipped: gaps are harmless.

    def finish(self) -> None:
        """Write everything collected; call just before commit."""
        if self.last_seq is not None:
            self.conn.execute(
                update(ServerState).where(ServerState.key == "seq").values(value=self.last_seq)
            )
        if self.index:
            upsert(
                self.conn,
                SyncRow.__table__,
                list(self.index.values()),
                ["table_name", "row_id"],
                ["district_id", "seq", "meta"],
            )
        if self.audit:
            self.conn.execute(insert(AuditEntry), self.audit)
        if self.applied:
            self.conn.execute(insert(AppliedOp), self.applied)
        if self.exits:
            self.conn.execute(insert(ScopeExit), self.exits)
