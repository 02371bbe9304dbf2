"""A small world for sync property tests: one HQ, three laptops, in process, fresh per example.

The expensive part (seeding HQ, hashing passwords, connecting three laptops) happens once per
process; every example then copies the four SQLite files and opens them. This module also reads
both ends in wire form and rebuilds each field's write history from HQ's own records (applied
ops, audit log, conflicts) plus HQ's edits, which is what the stateful test checks against.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

from sqlalchemy import Engine, Table, select, text

from app.models.base import BOOKKEEPING_COLUMNS
from app.models.db import DB_FILENAME, Database, make_engine, schema_version
from app.models.sync_state import OutboxOp, SyncConflict
from app.server.api import create_app
from app.server.db import ServerDatabase
from app.server.models import AppliedOp, SyncRow
from app.services.auth import signed_in_actor
from app.services.context import Actor, ServiceContext
from app.sync import engine as sync_engine
from app.sync.connect import connect
from app.sync.progress import ProgressCallback
from app.sync.tables import SYNCED
from app.sync.wire import to_wire
from tests.sync.faults import FaultPlan, FaultyTransport, InProcessTransport, TestClient
from tests.sync.hq import PASSWORD, seed_reference

#: The laptops of every example and their district codes.
LAPTOPS = {"a1": "D01", "a2": "D01", "b1": "D02"}
VILLAGES = {"D01": ("V001", "V002", "V003"), "D02": ("V201",)}
DAY_MS = 24 * 3600 * 1000
#: Columns that never leave HQ or never reach it (sign-in counters are per machine).
LOCAL_ONLY = {"users": {"failed_logins", "locked_until"}}
#: The tables whose every field write the history check replays.
TRACKED = ("households", "individuals", "enrolments")
CONFLICTS = "sync_conflicts"
SERVER_FILE = "hq.sqlite"


@dataclass(frozen=True)
class Template:
    root: Path
    ids: dict[str, str]


_template: Template | None = None


def _cleanup() -> None:
    for found in (_template, _world):
        if found is not None:
            shutil.rmtree(found.root, ignore_errors=True)


atexit.register(_cleanup)


def _scratch() -> str | None:
    """RAM-backed scratch space when there is one: SQLite commits there cost no disk flush."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def template() -> Template:
    """HQ seeded and three laptops connected once per process; examples copy the files."""
    global _template
    if _template is None:
        root = Path(tempfile.mkdtemp(prefix="roster-stateful-template-", dir=_scratch()))
        server = ServerDatabase.open(f"sqlite:///{root / SERVER_FILE}")
        ids = seed_reference(server)
        with (
            TestClient(create_app(server)) as client,
            mock.patch("app.sync.connect.Transport", lambda _url: InProcessTransport(client)),
        ):
            for name in LAPTOPS:
                db = Database.open(root / name)
                connect(
                    db,
                    server_url="http://hq.invalid",
                    username=name,
                    password=PASSWORD,
                    device_name=f"laptop {name}",
                )
                db.close()
        server.close()
        leftovers = [p.name for p in root.rglob("*-wal")]
        assert not leftovers, leftovers  # closed databases were checkpointed: plain copies
        _template = Template(root, ids)
    return _template


@dataclass
class Laptop:
    name: str
    db: Database
    district_id: str
    actor: Actor
    device_id: str
    clock_offset_ms: int = 0

    def clock(self) -> int:
        return int(time.time() * 1000) + self.clock_offset_ms

    def ctx(self) -> ServiceContext:
        return ServiceContext(self.db, self.actor, clock_ms=self.clock, _device_id=self.device_id)

    def state(self, key: str) -> str | None:
        with self.db.engine.connect() as conn:
            return conn.execute(
                text("SELECT value FROM sync_state WHERE key=:k"), {"k": key}
            ).scalar()

    def cursor(self) -> int:
        return int(self.state("pull_cursor") or "0")


@dataclass
class World:
    """HQ, its app behind a TestClient, and the laptops, on fresh copies of the template.

    One world per process is reused by every example: ``fresh()`` closes the connections and
    copies the template files back, but keeps the engines (and their compiled-statement caches,
    which is most of the cost of a short example) and the running app.
    """

    root: Path
    ids: dict[str, str]
    server: ServerDatabase
    client: TestClient
    laptops: dict[str, Laptop] = field(default_factory=dict)

    @classmethod
    def fresh(cls) -> World:
        global _world
        if _world is None:
            _world = cls._create()
        _world._reset()
        return _world

    @classmethod
    def _create(cls) -> World:
        tpl = template()
        root = Path(tempfile.mkdtemp(prefix="roster-stateful-", dir=_scratch()))
        server = ServerDatabase(make_engine(f"sqlite:///{root / SERVER_FILE}"))
        client = TestClient(create_app(server))
        client.__enter__()  # one app and event loop thread for the whole process
        world = cls(root, dict(tpl.ids), server, client)
        for name, district in LAPTOPS.items():
            (root / name).mkdir()
            path = root / name / DB_FILENAME
            shutil.copyfile(tpl.root / name / DB_FILENAME, path)
            db = Database(make_engine(f"sqlite:///{path}"), path)
            actor = signed_in_actor(db)
            assert actor is not None
            laptop = Laptop(name, db, world.ids[district], actor, "")
            laptop.device_id = laptop.state("device_id") or ""
            world.laptops[name] = laptop
        return world

    def _files(self) -> list[tuple[Engine, Path, Path]]:
        tpl = template().root
        found = [(self.server.engine, self.root / SERVER_FILE, tpl / SERVER_FILE)]
        for name, laptop in self.laptops.items():
            found.append(
                (laptop.db.engine, self.root / name / DB_FILENAME, tpl / name / DB_FILENAME)
            )
        return found

    def _reset(self) -> None:
        for engine, path, source in self._files():
            engine.dispose()
            for suffix in ("-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(source, path)
        for laptop in self.laptops.values():
            laptop.clock_offset_ms = 0

    def transport(self, laptop: Laptop, plan: FaultPlan | None = None) -> FaultyTransport:
        inner = InProcessTransport(self.client, laptop.state("token"))
        return FaultyTransport(inner, plan or FaultPlan())

    def server_seq(self) -> int:
        with self.server.engine.connect() as conn:
            return int(
                conn.execute(text("SELECT value FROM server_state WHERE key='seq'")).scalar_one()
            )


_world: World | None = None


def sync(
    laptop: Laptop, transport: Any, *, page_size: int, progress: ProgressCallback | None = None
) -> sync_engine.SyncResult:
    """One sync run as ``run_sync`` does it (hello, push, pull), with a chosen pull page size.

    With the default page size it *is* ``run_sync``, so the real entry point is exercised too.
    ``progress`` is called on this thread after each pushed batch and each committed page.
    """
    if page_size >= sync_engine.PULL_PAGE:
        return sync_engine.run_sync(laptop.db, transport=transport, progress=progress)
    result = sync_engine.SyncResult()
    info = sync_engine.hello(laptop.db, transport, result)
    sync_engine.push(laptop.db, transport, result, progress=progress)
    if schema_version() >= info["min_client_schema"]:
        sync_engine.pull(laptop.db, transport, result, page_size=page_size, progress=progress)
    return result


# -- reading both ends -------------------------------------------------------------------------


def _table(name: str) -> Table:
    if name == CONFLICTS:
        table = SyncConflict.__table__
        assert isinstance(table, Table)
        return table
    return SYNCED[name].table


def rows(engine: Engine, name: str) -> dict[str, dict[str, Any]]:
    """Every row of a synced table (or the conflicts) as {id: {column: wire value}}."""
    table = _table(name)
    hidden = LOCAL_ONLY.get(name, set())
    columns = [c for c in table.columns if c.name not in hidden]
    with engine.connect() as conn:
        return {
            str(r._mapping["id"]): {c.name: to_wire(r._mapping[c.name]) for c in columns}
            for r in conn.execute(select(*columns))
        }


def index(server: ServerDatabase) -> dict[tuple[str, str], tuple[str | None, int]]:
    """HQ's sync index: (table, row) -> (district, seq)."""
    with server.engine.connect() as conn:
        return {
            (t, r): (d, s)
            for t, r, d, s in conn.execute(
                select(SyncRow.table_name, SyncRow.row_id, SyncRow.district_id, SyncRow.seq)
            )
        }


def all_rows(engine: Engine) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synced table and the conflicts, as ``rows`` gives them."""
    return {name: rows(engine, name) for name in [*SYNCED, CONFLICTS]}


def expected_for(
    server_rows: dict[str, dict[str, dict[str, Any]]],
    idx: dict[tuple[str, str], tuple[str | None, int]],
    district_id: str,
) -> dict[str, dict[str, dict[str, Any]]]:
    """What a laptop of ``district_id`` should hold: HQ rows indexed to it or to nobody."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for (table, row_id), (district, _seq) in idx.items():
        if district in (None, district_id):
            wanted[table].add(row_id)
    return {
        name: {i: r for i, r in found.items() if i in wanted[name]}
        for name, found in server_rows.items()
    }


def outbox(laptop: Laptop) -> list[OutboxOp]:
    with laptop.db.read_session() as s:
        return list(s.scalars(select(OutboxOp).order_by(OutboxOp.device_seq)))


def applied_ops(server: ServerDatabase) -> list[AppliedOp]:
    with server.read_session() as s:
        return list(s.scalars(select(AppliedOp)))


def text_value(value: Any) -> str | None:
    """A wire value in the audit log's text form (for comparing with audit entries)."""
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value)


# -- write history -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Write:
    """One accepted write of one field at HQ, with what it was based on."""

    seq: int
    table: str
    row_id: str
    field: str
    value: str | None  # audit text form
    device: str
    kind: str  # "op", "hq", "resolve"
    base_seq: int | None = None  # ops only: the row version the laptop had seen
    op_id: str | None = None
    conflict: dict[str, Any] | None = None  # resolutions only: the conflict as resolved


def tracked_fields(name: str) -> list[str]:
    return [c.name for c in SYNCED[name].table.columns if c.name not in BOOKKEEPING_COLUMNS]


def snapshot(server: ServerDatabase) -> dict[tuple[str, str], dict[str, Any]]:
    """HQ's tracked rows, for diffing around an HQ edit."""
    return {
        (name, row_id): row for name in TRACKED for row_id, row in rows(server.engine, name).items()
    }


def hq_writes(
    before: dict[tuple[str, str], dict[str, Any]], after: dict[tuple[str, str], dict[str, Any]]
) -> list[Write]:
    """The field writes an HQ action made, seen as differences between two snapshots."""
    found = []
    for key, row in after.items():
        old = before.get(key, {})
        for name in tracked_fields(key[0]):
            if key not in before or old.get(name) != row[name]:
                found.append(
                    Write(
                        row["server_seq"], key[0], key[1], name, text_value(row[name]), "hq", "hq"
                    )
                )
    return found


def laptop_writes(server: ServerDatabase, base_seqs: dict[str, int]) -> list[Write]:
    """Field writes of pushed ops (from HQ's audit log) and of resolutions (from conflicts)."""
    ops = {op.op_id: op for op in applied_ops(server)}
    with server.engine.connect() as conn:
        audit = conn.execute(
            text(
                "SELECT op_id, table_name, row_id, field, new_value FROM audit_log "
                "WHERE op_id IS NOT NULL ORDER BY id"
            )
        ).all()
    conflicts = rows(server.engine, CONFLICTS)
    found = []
    for op_id, table, row_id, name, value in audit:
        op = ops.get(op_id)
        if op is None or table not in TRACKED:
            continue
        # A twin insert is merged into the row HQ already had, as if seen from nothing.
        base = 0 if op.result.get("merged_into") else base_seqs.get(op_id, 0)
        found.append(
            Write(
                op.result["server_seq"],
                table,
                row_id,
                name,
                value,
                op.device_id,
                "op",
                base_seq=base,
                op_id=op_id,
            )
        )
    for op in ops.values():
        if op.table_name != CONFLICTS or not op.status.startswith("applied"):
            continue
        c = conflicts[op.row_id]
        if c["table_name"] in TRACKED:
            found.append(
                Write(
                    op.result["server_seq"],
                    c["table_name"],
                    c["row_id"],
                    c["field"],
                    text_value(c["resolved_value"]),
                    op.device_id,
                    "resolve",
                    op_id=op.op_id,
                    conflict=c,
                )
            )
    return found


def replay(
    writes: Iterable[Write], recorded: set[tuple[str, str]]
) -> tuple[dict[tuple[str, str, str], str | None], list[str], list[str]]:
    """Replay writes in HQ sequence order: (final values, overwrites, stale resolutions).

    A write whose base predates the last write of that field by another device is concurrent.
    On a guarded field HQ must have turned it into a conflict, so if it still changed the value,
    a guarded value was silently overwritten. On a low-risk field the later clock may win, but
    the loser must be kept in an auto-resolved conflict (``recorded``: (op, field) pairs that
    have one). A resolution that replaces a value set after its conflict was opened (neither
    side's value) overwrote a write nobody reviewed. A tombstone never comes undone (there is
    no undelete command).
    """
    history: dict[tuple[str, str, str], list[Write]] = defaultdict(list)
    for w in writes:
        history[(w.table, w.row_id, w.field)].append(w)
    final: dict[tuple[str, str, str], str | None] = {}
    overwrites: list[str] = []
    stale: list[str] = []
    for key, items in history.items():
        items.sort(key=lambda w: w.seq)
        guarded = key[2] in SYNCED[key[0]].guarded
        value: str | None = None
        last: Write | None = None
        for w in items:
            if last is not None and w.kind == "op" and w.value != value:
                assert w.base_seq is not None
                concurrent = last.seq > w.base_seq and last.device != w.device
                if concurrent and guarded:
                    overwrites.append(
                        f"guarded {key} = {value!r} (seq {last.seq}, {last.kind} by "
                        f"{last.device[:8]}) silently overwritten by {w.value!r} (op "
                        f"{w.op_id} of {w.device[:8]} based on seq {w.base_seq}, seq {w.seq})"
                    )
                elif concurrent and (w.op_id, key[2]) not in recorded:
                    overwrites.append(
                        f"{key} = {value!r} (seq {last.seq}) replaced by the concurrent "
                        f"{w.value!r} (op {w.op_id}, seq {w.seq}) with no auto-resolved conflict"
                    )
            if key[2] == "deleted" and value == "true" and w.value != "true":
                overwrites.append(f"{key} undeleted by {w.kind} {w.op_id} at seq {w.seq}")
            if guarded and w.kind == "resolve" and w.conflict is not None:
                theirs = text_value(w.conflict["theirs_value"])
                if value != theirs and w.value != value:
                    stale.append(
                        f"guarded {key} = {value!r} (seq {last.seq if last else None}, "
                        f"{last.kind if last else None}) was not the value the conflict showed "
                        f"({theirs!r}); resolution {w.conflict['resolution']} replaced it "
                        f"with {w.value!r} at seq {w.seq}"
                    )
            value, last = w.value, w
        final[key] = value
    return final, overwrites, stale
