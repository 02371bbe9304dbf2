"""Test HQ: a server database with two districts, users, reference data, and a live server."""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import uvicorn
from sqlalchemy import create_engine, text

from app.domain.vocab import ProgrammeType, ServicePointKind
from app.models import Location, Programme, ProgrammeLocation, ServicePoint
from app.models.db import Database
from app.server import admin
from app.server.api import create_app
from app.server.db import ServerDatabase
from app.server.hq_writes import hq_unit_of_work
from app.services.auth import context_for
from app.services.context import ServiceContext
from app.sync.connect import connect

PG_ADMIN_URL = os.environ.get("ROSTER_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PASSWORD = "secret-pass"
USERS = {
    "a1": ("officer", "D01"),
    "a2": ("officer", "D01"),
    "sup": ("supervisor", "D01"),
    "b1": ("officer", "D02"),
    "view": ("viewer", "D01"),
    "hq": ("hq_admin", None),
}


def pg_available() -> bool:
    try:
        engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:  # noqa: BLE001 - any failure means "no PostgreSQL here"
        return False


@contextmanager
def pg_database() -> Iterator[str]:
    """A throw-away PostgreSQL database; yields its URL and drops it afterwards."""
    name = f"roster_test_{uuid.uuid4().hex[:12]}"
    admin_engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


def seed_reference(db: ServerDatabase) -> dict[str, str]:
    """Two districts with wards, villages, service points; two programmes; the test users."""
    ids: dict[str, str] = {}
    ids["D01"] = admin.add_district(db, code="D01", name="Kolda")
    ids["D02"] = admin.add_district(db, code="D02", name="Sédhiou")
    with hq_unit_of_work(db, user_id=None) as s:

        def loc(code: str, name: str, level: str, parent: str) -> None:
            row = Location(code=code, name=name, level=level, parent_id=ids[parent])
            s.add(row)
            s.flush()
            ids[code] = row.id

        loc("W01", "Dioulacolon", "W", "D01")
        loc("W02", "Saré Bidji", "W", "D01")
        loc("W21", "Bounkiling", "W", "D02")
        for code, name, ward in [
            ("V001", "Médina", "W01"),
            ("V002", "Sinthiang", "W01"),
            ("V003", "Saré Yoba", "W02"),
            ("V201", "Diaroumé", "W21"),
        ]:
            loc(code, name, "V", ward)
        for code, village, district in [
            ("PP-W01", "V001", "D01"),
            ("PP-W02", "V003", "D01"),
            ("PP-W21", "V201", "D02"),
        ]:
            point = ServicePoint(
                code=code,
                name=f"Pay point {code}",
                kind=ServicePointKind.PAY_POINT,
                location_id=ids[village],
                district_id=ids[district],
            )
            s.add(point)
            s.flush()
            ids[code] = point.id
        ct = Programme(
            code="CT-UNC",
            name="Cash transfer",
            type=ProgrammeType.UNCONDITIONAL_CT,
            base_amount=15000,
        )
        pw = Programme(
            code="PW", name="Public works", type=ProgrammeType.PUBLIC_WORKS, base_amount=20000
        )
        s.add_all([ct, pw])
        s.flush()
        s.add(ProgrammeLocation(programme_id=pw.id, location_id=ids["W01"]))
        ids["CT-UNC"], ids["PW"] = ct.id, pw.id
    for username, (role, district) in USERS.items():
        ids[f"user:{username}"] = admin.add_user(
            db, username=username, password=PASSWORD, role=role, district_code=district
        )
    return ids


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(db: ServerDatabase) -> Iterator[str]:
    """Serve ``db`` with uvicorn in a thread on a free loopback port; yields the base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@dataclass
class Hq:
    """A running HQ plus the laptops connected to it in a test."""

    db: ServerDatabase
    url: str
    ids: dict[str, str]
    root: Path
    laptops: dict[str, Database] = field(default_factory=dict)

    def laptop(self, username: str, name: str | None = None) -> Database:
        """Connect a new laptop (data dir) as ``username``; returns its database."""
        key = name or username
        db = Database.open(self.root / f"laptop-{key}")
        connect(
            db,
            server_url=self.url,
            username=username,
            password=PASSWORD,
            device_name=f"laptop {key}",
        )
        self.laptops[key] = db
        return db

    def ctx(self, laptop: Database) -> ServiceContext:
        return context_for(laptop)
