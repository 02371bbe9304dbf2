"""Individual-upload benchmark: check and import a 10,000-row openIMIS file into a demo district.

    .venv/bin/python bench/import_individuals.py                  # 10,000 rows, 5,000 households
    .venv/bin/python bench/import_individuals.py --rows 2000 --households 1000 --xlsx --json

Steps (each timed on its own):

1. create the demo district (the registry the rows are checked against; not part of the target);
2. write the file: ``--rows`` people in households of 1 to 8 (head, spouse, children), spread
   over the district's villages, every row with a unique national ID, nobody already there;
3. dry run (``import_individuals(dry_run=True)``): read, parse, every check, nothing written;
4. import, enrolling every new household in CT-UNC: the same checks plus the inserts and
   their outbox ops and audit entries, in one transaction.

Target (issue 6): 10,000 rows well under a minute.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.models.db import DB_FILENAME, Database
from app.services.auth import context_for
from app.services.demo import generate_demo
from app.services.demo_names import FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES
from app.services.individual_files import write_table
from app.services.individual_import import import_individuals
from app.services.individual_import_rows import COLUMNS

HEADER = [*COLUMNS, "sex", "national_id", "phone"]


def make_rows(path: Path, count: int, seed: int) -> list[list[str]]:
    """``count`` rows of new households in the district's villages, clashing with nobody."""
    rng = random.Random(seed)
    with sqlite3.connect(path) as conn:
        villages = conn.execute("SELECT code, name FROM locations WHERE level = 'V'").fetchall()
        taken = {
            (v, f.casefold(), last.casefold(), born)
            for v, f, last, born in conn.execute(
                "SELECT l.code, i.first_name, i.last_name, i.date_of_birth FROM individuals i "
                "JOIN households h ON h.id = i.household_id "
                "JOIN locations l ON l.id = h.village_id"
            )
        }
    conn.close()
    rows: list[list[str]] = []
    group = 0
    while len(rows) < count:
        group += 1
        code, name = rng.choice(villages)
        last = rng.choice(LAST_NAMES)
        size = min(rng.randint(1, 8), count - len(rows))
        head_male = rng.random() < 0.7
        for position in range(size):
            role = ("HEAD", "SPOUSE")[position] if position < 2 else "SON"
            male = head_male if position == 0 else not head_male if position == 1 else True
            ages = (25, 70) if position < 2 else (0, 20)
            while True:  # nobody already in the village, nobody twice in the household
                first = rng.choice(MALE_FIRST_NAMES if male else FEMALE_FIRST_NAMES)
                days = rng.randint(ages[0] * 365, ages[1] * 365 + 364)
                born = (date(2026, 6, 1) - timedelta(days=days)).isoformat()
                key = (code, first.casefold(), last.casefold(), born)
                if key not in taken:
                    taken.add(key)
                    break
            recipient = "1" if position == (1 if size > 1 else 0) else ""
            rows.append(
                [
                    first, last, born, f"HH{group:06d}", recipient, role, name, code,
                    "M" if male else "F", f"IMP-{len(rows) + 1:07d}",
                    f"+2217{rng.randint(0, 99_999_999):08d}",
                ]
            )  # fmt: skip
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--households", type=int, default=5_000, help="demo registry size")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--xlsx", action="store_true", help="import an XLSX file, not CSV")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    figures: dict[str, Any] = {"rows": args.rows, "registry_households": args.households}
    with tempfile.TemporaryDirectory(prefix="roster-bench-import-") as tmp:
        data_dir = Path(tmp) / "data"
        started = time.perf_counter()
        generate_demo(data_dir=data_dir, households=args.households, seed=args.seed)
        figures["demo_s"] = round(time.perf_counter() - started, 2)

        started = time.perf_counter()
        rows = make_rows(data_dir / DB_FILENAME, args.rows, args.seed)
        source = Path(tmp) / ("individuals.xlsx" if args.xlsx else "individuals.csv")
        if args.xlsx:
            write_table(source, HEADER, rows)
        else:
            with source.open("w", encoding="utf-8", newline="") as handle:
                csv.writer(handle).writerows([HEADER, *rows])
        figures["file"] = source.name
        figures["file_kb"] = round(source.stat().st_size / 1024)
        figures["write_file_s"] = round(time.perf_counter() - started, 2)

        db = Database.open(data_dir)
        try:
            ctx = context_for(db)
            started = time.perf_counter()
            checked = import_individuals(ctx, path=source, dry_run=True)
            figures["dry_run_s"] = round(time.perf_counter() - started, 2)
            if checked.errors:
                for e in checked.errors[:10]:
                    print(f"row {e.row} {e.column}: {e.message}", file=sys.stderr)
                return 1
            started = time.perf_counter()
            result = import_individuals(ctx, path=source, programme_code="CT-UNC")
            figures["import_s"] = round(time.perf_counter() - started, 2)
            figures["households_created"] = result.households_created
            figures["individuals_created"] = result.individuals_created
            figures["enrolments_created"] = result.enrolments_created
            with db.read_session() as session:
                ops = session.connection().exec_driver_sql("SELECT count(*) FROM outbox")
                figures["outbox_ops"] = ops.scalar()
        finally:
            db.close()
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        width = max(len(k) for k in figures)
        for key, value in figures.items():
            print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
