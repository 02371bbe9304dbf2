"""Demo district: a realistic, deterministic district, from locations to payment accounts.

``generate_demo`` builds one district (region R01, district D01 "Kolda", 8 wards, villages,
service points, four programmes, households with members, enrolments and payment accounts, and
the demo users) as a baseline load: ``REMOTE_KEY`` is set, so nothing goes to the outbox, as if
the district had been downloaded from HQ. The reference tables go through the ORM
(``demo_reference``); the registry is bulk-inserted (``demo_registry``): 50,000 households take
about 11-12 s on a two-core machine.

Everything is drawn from ``random.Random(seed)`` against a fixed base date (2026-01-01) with
fixed timestamps and seeded ids, so one seed always gives the same district.
"""

from __future__ import annotations

import random
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.domain.vocab import Role
from app.errors import AppError
from app.models.db import DB_FILENAME, Database
from app.models.recorder import REMOTE_KEY
from app.services.auth import SIGNED_IN_KEY, add_local_user
from app.services.context import set_state
from app.services.demo_reference import (
    DISTRICT_CODE,
    DISTRICT_NAME,
    LOADED_AT,
    DemoIds,
    build_geography,
    build_programmes,
)
from app.services.demo_registry import Progress, RegistryLoader

#: (username, password, role, full name); the README documents these, keep them in step.
DEMO_USERS: tuple[tuple[str, str, Role, str], ...] = (
    ("officer", "officer-pass", Role.OFFICER, "Awa Ndiaye"),
    ("supervisor", "supervisor-pass", Role.SUPERVISOR, "Ibrahima Sow"),
    ("viewer", "viewer-pass", Role.VIEWER, "Jean-Baptiste Kaboré"),
)


@dataclass(frozen=True)
class DemoSummary:
    """What ``generate_demo`` created, how long it took and how big the file is."""

    path: Path
    seed: int
    district_id: str
    district_code: str
    district_name: str
    wards: int
    villages: int
    service_points: int
    programmes: int
    payment_cycles: int
    households: int
    individuals: int
    enrolments: int
    payment_accounts: int
    usernames: tuple[str, ...]
    signed_in: str
    elapsed_seconds: float
    file_size_bytes: int


def generate_demo(
    *,
    data_dir: Path,
    households: int,
    seed: int,
    progress: Progress | None = None,
    force: bool = False,
) -> DemoSummary:
    """Create ``data_dir``'s database holding a demo district of ``households`` households.

    Refuses (``AppError`` code DEMO_EXISTS) when the database already holds data, unless
    ``force``, which deletes the database file first. ``progress(done, total)`` is called with
    household counts as batches are written. The officer is left signed in. If anything fails
    the half-built database is deleted.
    """
    if households < 1:
        raise AppError("a demo district needs at least one household", code="DEMO_TOO_SMALL")
    started = time.perf_counter()
    path = data_dir / DB_FILENAME
    _clear_or_refuse(path, force=force)
    db = Database.open(data_dir)
    try:
        rng = random.Random(seed)
        ids = DemoIds(seed)
        with db.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            # No fsync while building a file that is deleted on failure anyway. The pragma
            # cannot change inside a transaction, so it is set before the session begins.
            raw.execute("PRAGMA synchronous=OFF")
            try:
                with Session(bind=conn) as session, session.begin():
                    session.info[REMOTE_KEY] = True  # baseline load: no outbox, bulk allowed
                    geo = build_geography(session, rng, ids, households)
                    programmes = build_programmes(session, ids, geo)
                    usernames, officer = _build_users(session, ids, geo.district_id)
                    session.flush()
                    loader = RegistryLoader(session.connection(), rng, ids, geo, programmes)
                    counts = loader.load(households, progress)
            finally:
                raw.execute("PRAGMA synchronous=NORMAL")
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        db.close()
        _delete_database(path)
        raise
    db.close()
    return DemoSummary(
        path=path,
        seed=seed,
        district_id=geo.district_id,
        district_code=DISTRICT_CODE,
        district_name=DISTRICT_NAME,
        wards=len(geo.ward_ids),
        villages=len(geo.villages),
        service_points=geo.service_points,
        programmes=len(programmes.ids),
        payment_cycles=programmes.cycles,
        households=counts["households"],
        individuals=counts["individuals"],
        enrolments=counts["enrolments"],
        payment_accounts=counts["payment_accounts"],
        usernames=usernames,
        signed_in=officer,
        elapsed_seconds=time.perf_counter() - started,
        file_size_bytes=sum(f.stat().st_size for f in _database_files(path) if f.exists()),
    )


def _database_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _delete_database(path: Path) -> None:
    for file in _database_files(path):
        file.unlink(missing_ok=True)


def _clear_or_refuse(path: Path, *, force: bool) -> None:
    """Delete the database when ``force``; otherwise refuse to load into one holding data."""
    if not path.exists():
        return
    if force:
        _delete_database(path)
        return
    held: dict[str, int] = {}
    conn = sqlite3.connect(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for table in ("households", "locations", "users"):
            if table in tables:
                held[table] = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.DatabaseError:
        held["unreadable file"] = 1
    finally:
        conn.close()
    if any(held.values()):
        what = ", ".join(f"{n} {table}" for table, n in held.items() if n)
        raise AppError(
            f"{path} already holds data ({what}); use --force to delete it and create the demo",
            code="DEMO_EXISTS",
        )


def _build_users(session: Session, ids: DemoIds, district_id: str) -> tuple[tuple[str, ...], str]:
    """The demo users; signs the officer in and records the district in ``sync_state``."""
    officer = ""
    for username, password, role, full_name in DEMO_USERS:
        user = add_local_user(
            session,
            username=username,
            password=password,
            role=role,
            district_id=district_id,
            full_name=full_name,
        )
        user.id = ids()
        user.created_at = user.updated_at = LOADED_AT
        if role == Role.OFFICER:
            officer = username
            set_state(session, SIGNED_IN_KEY, user.id)
    set_state(session, "district_id", district_id)
    set_state(session, "district_code", DISTRICT_CODE)
    set_state(session, "demo", "1")
    return tuple(u[0] for u in DEMO_USERS), officer
