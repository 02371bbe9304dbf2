"""District snapshots: a first download served from pages HQ encoded ahead of time.

Building the pages of a whole district (300,000 rows) costs HQ more CPU than the laptop needs to
store them, so HQ encodes them once (after `roster server seed`, or with `roster server
snapshot`) and serves the stored bytes to every laptop that starts from cursor 0. Each page says
``has_more`` so the laptop always asks once more after the last one: ordinary pulls then bring
whatever changed since the snapshot was built. A stale snapshot is therefore only slower, never
wrong.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select

from app.errors import FieldError, ValidationFailed
from app.models import Location
from app.server.caller import Caller
from app.server.db import ServerDatabase
from app.server.models import SnapshotPage
from app.server.pull import pull_page
from app.sync.wire import encode

PAGE_ROWS = 5000


@dataclass(frozen=True)
class SnapshotSummary:
    district_code: str
    pages: int
    rows: int
    bytes: int
    seconds: float


def build_snapshot(db: ServerDatabase, *, district_code: str) -> SnapshotSummary:
    """(Re)build the first-download pages of one district."""
    started = time.perf_counter()
    with db.read_session() as s:
        district = s.scalar(
            select(Location).where(Location.code == district_code, Location.level == "D")
        )
        if district is None:
            raise ValidationFailed(
                [FieldError("district", "UNKNOWN_DISTRICT", {"value": district_code})]
            )
        district_id = district.id
    caller = Caller(
        user_id="hq",
        username="hq",
        role="officer",
        device_id="hq",
        device_name="snapshot",
        districts=frozenset([district_id]),
    )
    pages: list[dict[str, object]] = []
    cursor, total_rows, total_bytes = 0, 0, 0
    with db.engine.connect() as conn:
        while True:
            page = pull_page(conn, caller, cursor=cursor, limit=PAGE_ROWS)
            rows = sum(len(t["rows"]) for t in page["tables"].values())
            last = not page["has_more"]
            page["has_more"] = True  # see the module docstring
            body = encode(page)
            pages.append(
                {
                    "district_id": district_id,
                    "cursor_from": cursor,
                    "cursor_to": page["next_cursor"],
                    "rows": rows,
                    "body": body,
                }
            )
            total_rows, total_bytes = total_rows + rows, total_bytes + len(body)
            cursor = page["next_cursor"]
            if last:
                break
    with db.write_session() as s, s.begin():
        s.execute(delete(SnapshotPage).where(SnapshotPage.district_id == district_id))
        for start in range(0, len(pages), 20):
            s.execute(insert(SnapshotPage), pages[start : start + 20])
    return SnapshotSummary(
        district_code, len(pages), total_rows, total_bytes, time.perf_counter() - started
    )


def stored_page(conn: Connection, caller: Caller, cursor: int) -> bytes | None:
    """The stored page a laptop of one district asks for, or None to compute it live."""
    if caller.districts is None or len(caller.districts) != 1:
        return None
    (district_id,) = caller.districts
    body = conn.execute(
        select(SnapshotPage.body).where(
            SnapshotPage.district_id == district_id, SnapshotPage.cursor_from == cursor
        )
    ).scalar()
    return None if body is None else bytes(body)
