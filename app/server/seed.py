"""Seed a district at HQ with the demo generator (`roster server seed`).

The demo district is generated into a scratch laptop file, then copied into the HQ database:
its region and district become HQ's, location, service point and household codes take the HQ
district's prefix, programmes already at HQ are reused, and every row gets a server sequence so
laptops of that district download it on connect.
"""

from __future__ import annotations

import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select

from app.errors import FieldError, ValidationFailed
from app.models import Location, Programme
from app.models.db import Database
from app.server.db import ServerDatabase
from app.server.hq_writes import index_district
from app.server.models import SyncRow
from app.server.sequence import allocate
from app.services.demo import generate_demo
from app.services.demo_reference import DISTRICT_CODE
from app.sync.tables import SYNCED, TABLE_ORDER

#: Rows copied per INSERT batch.
BATCH = 5000
#: Children of a programme that exist once at HQ, whichever district was seeded first.
PROGRAMME_CHILDREN = ("benefit_top_ups", "payment_cycles", "programme_conditions", "activities")


@dataclass(frozen=True)
class SeedSummary:
    district_code: str
    households: int
    rows: int
    seconds: float


def _prefixed(code: str, district_code: str) -> str:
    return code if code.startswith(f"{district_code}-") else f"{district_code}-{code}"


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


class _Copier:
    def __init__(
        self, conn: Connection, district_code: str, hq_district: str, hq_region: str | None
    ) -> None:
        self.conn, self.code = conn, district_code
        self.remap: dict[str, str] = {}
        self.hq_district, self.hq_region = hq_district, hq_region
        self.skip: set[str] = set()  # ids of demo rows not copied (existing programmes' children)
        self.index: list[dict[str, Any]] = []

    def prepare(self, demo: Connection) -> None:
        loc = Location.__table__
        for row in demo.execute(select(loc.c.id, loc.c.level)):
            if row.level == "D":
                self.remap[row.id] = self.hq_district
            elif row.level == "R" and self.hq_region:
                self.remap[row.id] = self.hq_region
        prog = Programme.__table__
        existing: dict[str, str] = {
            code: pid for code, pid in self.conn.execute(select(prog.c.code, prog.c.id))
        }
        for pid, pcode in demo.execute(select(prog.c.id, prog.c.code)):
            if pcode in existing:
                self.remap[pid] = existing[pcode]
                self.skip.add(pid)

    def transform(self, table: str, row: dict[str, Any]) -> dict[str, Any] | None:
        if table == "locations" and row["level"] in ("R", "D"):
            return None
        if table == "programmes" and row["id"] in self.skip:
            return None
        if table in PROGRAMME_CHILDREN and row.get("programme_id") in self.skip:
            return None
        if table == "users":
            return None  # users are created with `roster server add-user`
        for key, value in row.items():
            if isinstance(value, str) and value in self.remap:
                row[key] = self.remap[value]
        if table in ("locations", "service_points") and "code" in row:
            row["code"] = _prefixed(row["code"], self.code)
        if table == "households":
            row["code"] = self.code + row["code"][len(DISTRICT_CODE) :]
        if "code" in row and table in ("grievances", "cases", "payments"):
            row["code"] = _prefixed(row["code"], self.code)
        return row

    def copy_table(self, demo: Connection, table: str) -> int:
        spec = SYNCED[table]
        rows = []
        for raw in demo.execute(select(spec.table)).mappings():
            row = self.transform(table, dict(raw))
            if row is not None:
                rows.append(row)
        if not rows:
            return 0
        first = allocate(self.conn, len(rows))
        for offset, row in enumerate(rows):
            row["server_seq"] = first + offset
            district = row.get("district_id") if spec.scoped else None
            self.index.append(
                {
                    "table_name": table,
                    "row_id": row["id"],
                    "district_id": index_district(table, district),
                    "seq": first + offset,
                    "meta": {},
                }
            )
        for batch in _batches(rows):
            self.conn.execute(insert(spec.table), batch)
        for batch in _batches(self.index):
            self.conn.execute(insert(SyncRow), batch)
        self.index.clear()
        return len(rows)


def seed_district(
    db: ServerDatabase,
    *,
    district_code: str,
    households: int,
    seed: int = 7,
    progress: Callable[[str], None] | None = None,
) -> SeedSummary:
    """Fill an existing (empty) HQ district with a generated demo population."""
    started = time.perf_counter()
    with db.read_session() as s:
        district = s.scalar(
            select(Location).where(Location.code == district_code, Location.level == "D")
        )
        if district is None:
            raise ValidationFailed(
                [FieldError("district", "UNKNOWN_DISTRICT", {"value": district_code})]
            )
        from app.models import Household

        if s.scalar(select(Household.id).where(Household.district_id == district.id).limit(1)):
            raise ValidationFailed(
                [FieldError("district", "DISTRICT_NOT_EMPTY", {"value": district_code})]
            )
        hq_district, hq_region = district.id, district.parent_id
    # Different districts get different seeded ids even with the same --seed.
    local_seed = seed * 1000 + zlib.crc32(district_code.encode()) % 1000
    with tempfile.TemporaryDirectory(prefix="roster-seed-") as scratch:
        if progress:
            progress(f"generating {households} households")
        generate_demo(data_dir=Path(scratch), households=households, seed=local_seed)
        demo_db = Database.open(Path(scratch), migrate=False)
        total = 0
        with demo_db.engine.connect() as demo, db.write_session() as s, s.begin():
            conn = s.connection()
            copier = _Copier(conn, district_code, hq_district, hq_region)
            copier.prepare(demo)
            for table in TABLE_ORDER:
                if progress:
                    progress(f"copying {table}")
                total += copier.copy_table(demo, table)
        demo_db.close()
    if progress:
        progress("building the district's first-download snapshot")
    from app.server.snapshot import build_snapshot

    build_snapshot(db, district_code=district_code)
    return SeedSummary(district_code, households, total, time.perf_counter() - started)
