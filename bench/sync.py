"""Sync benchmark over loopback: initial sync, a 1 % delta pull, 500 pushed edits.

For 5,000 and 50,000 households (about 5 people each) it prints seconds, records per second and
bytes on the wire, each beside the gzip size of the same records as plain JSON (one object per
record), which is the yardstick the targets are set against.

    .venv/bin/python bench/sync.py [--sizes 5000 50000] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from local_hq import free_port, start_server  # noqa: E402
from sqlalchemy import select, text  # noqa: E402

from app.models import Household  # noqa: E402
from app.models.db import Database  # noqa: E402
from app.server import admin  # noqa: E402
from app.server.db import ServerDatabase  # noqa: E402
from app.server.hq_writes import hq_unit_of_work  # noqa: E402
from app.server.seed import seed_district  # noqa: E402
from app.services.auth import context_for  # noqa: E402
from app.services.households import update_household  # noqa: E402
from app.sync.connect import connect  # noqa: E402
from app.sync.engine import SyncResult, push, run_sync, transport_for  # noqa: E402
from app.sync.tables import SYNCED  # noqa: E402
from app.sync.wire import to_wire  # noqa: E402

PASSWORD = "bench-password"


def gzip_json_size(db: ServerDatabase, rows: list[tuple[str, str]] | None, district_id: str) -> int:
    """gzip size of the given rows (or the whole district) as a JSON list of objects."""
    records: list[dict[str, Any]] = []
    with db.engine.connect() as conn:
        wanted: dict[str, set[str]] | None = None
        if rows is not None:
            wanted = {}
            for table, row_id in rows:
                wanted.setdefault(table, set()).add(row_id)
        for name, spec in SYNCED.items():
            query = select(spec.table)
            if spec.scoped:
                query = query.where(spec.table.c.district_id == district_id)
            for row in conn.execute(query).mappings():
                if wanted is None or row["id"] in wanted.get(name, ()):
                    records.append({"table": name, **{k: to_wire(v) for k, v in row.items()}})
    raw = json.dumps(records, separators=(",", ":"), ensure_ascii=False).encode()
    return len(gzip.compress(raw, compresslevel=6))


def run_size(households: int, work: Path) -> dict[str, Any]:
    url = f"sqlite:///{work / f'hq-{households}.sqlite'}"
    hq = ServerDatabase.open(url)
    district_id = admin.add_district(hq, code="D01", name="Kolda")
    admin.add_user(hq, username="officer", password=PASSWORD, role="officer", district_code="D01")
    seed = seed_district(hq, district_code="D01", households=households)
    port = free_port()
    server = start_server(url, port)
    out: dict[str, Any] = {"households": households, "seed_seconds": round(seed.seconds, 1)}
    try:
        laptop = Database.open(work / f"laptop-{households}")
        started = time.perf_counter()
        result = connect(
            laptop, server_url=f"http://127.0.0.1:{port}", username="officer", password=PASSWORD
        ).sync
        seconds = time.perf_counter() - started
        out["initial"] = {
            "seconds": round(seconds, 2),
            "records": result.pulled,
            "records_per_s": int(result.pulled / seconds),
            "bytes": result.bytes_received,
            "gzip_json_bytes": gzip_json_size(hq, None, district_id),
        }
        # 1 % delta: HQ changes the address of 1 % of the households.
        with hq.read_session() as s:
            ids = list(
                s.scalars(
                    select(Household.id).order_by(Household.id).limit(max(1, households // 100))
                )
            )
        with hq_unit_of_work(hq, user_id=None) as s:
            for hid in ids:
                household = s.get(Household, hid)
                assert household is not None
                household.address = f"{household.address} (updated)"
        started = time.perf_counter()
        delta: SyncResult = run_sync(laptop)
        seconds = time.perf_counter() - started
        out["delta"] = {
            "seconds": round(seconds, 3),
            "records": delta.pulled,
            "bytes": delta.bytes_received,
            "gzip_json_bytes": gzip_json_size(hq, [("households", h) for h in ids], district_id),
        }
        # 500 edits made offline, then pushed.
        ctx = context_for(laptop)
        with laptop.engine.connect() as conn:
            codes = [
                c
                for (c,) in conn.execute(
                    text("SELECT code FROM households ORDER BY code DESC LIMIT 500")
                )
            ]
        for code in codes:
            update_household(ctx, household_ref=code, changes={"landmark": "bench edit"})
        transport = transport_for(laptop)
        pushed = SyncResult()
        started = time.perf_counter()
        push(laptop, transport, pushed)
        seconds = time.perf_counter() - started
        out["push"] = {
            "edits": pushed.pushed,
            "applied": pushed.applied,
            "seconds": round(seconds, 3),
            "bytes": transport.bytes_sent,
        }
        transport.close()
        laptop.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        hq.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 50000])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("ROSTER_INSECURE_FAST_HASHING_FOR_TESTS", "0")
    results = []
    with tempfile.TemporaryDirectory(prefix="roster-bench-") as tmp:
        for size in args.sizes:
            results.append(run_size(size, Path(tmp)))
            if not args.json:
                r = results[-1]
                i, d, p = r["initial"], r["delta"], r["push"]
                print(
                    f"{size:>6} households | initial {i['seconds']:6.2f} s "
                    f"{i['records']:>7} records {i['records_per_s']:>7}/s "
                    f"{i['bytes'] / 1e6:6.2f} MB on wire "
                    f"(gzip JSON {i['gzip_json_bytes'] / 1e6:.2f} MB)"
                    f" | 1% delta {d['seconds']:.3f} s {d['records']} records "
                    f"{d['bytes'] / 1e3:.1f} KB (gzip JSON {d['gzip_json_bytes'] / 1e3:.1f} KB)"
                    f" | push {p['edits']} edits {p['seconds']:.3f} s"
                )
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
