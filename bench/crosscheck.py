"""Cross-check benchmark: a 20,000-row registry list against the 50,000-household demo.

    .venv/bin/python bench/crosscheck.py                       # demo built in a temp dir
    .venv/bin/python bench/crosscheck.py --data-dir ~/roster-demo   # reuse a demo district
    .venv/bin/python bench/crosscheck.py --rows 20000 --json

The list mixes people of the district written the way another registry would (1 % with the
same national ID, 4 % by name and date of birth with accents dropped, typos, first and last
names swapped, day and month swapped or a day off) and 95 % strangers with random names and
birth dates (who still meet the people born on their day). Prints the time of each phase of
``import_crosscheck`` (read the file, index the district, match, record) and of the whole call,
then the time to open a recertification round over the whole district, as supervisor.
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
from app.services.auth import authenticate, context_for
from app.services.crosscheck import PeopleIndex, candidate_days, find_matches, import_crosscheck
from app.services.crosscheck_csv import read_external_list, strip_accents
from app.services.demo import generate_demo
from app.services.demo_names import FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES
from app.services.recertification import open_round


def _typo(rng: random.Random, name: str) -> str:
    if len(name) < 5:
        return name
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + name[i + 1 :]  # one letter dropped


def build_list(db_path: Path, out: Path, rows: int, seed: int) -> dict[str, int]:
    """Write the CSV; returns how many rows of each kind it holds."""
    rng = random.Random(seed)
    with sqlite3.connect(db_path) as conn:
        people = conn.execute(
            "SELECT national_id, first_name, last_name, date_of_birth FROM individuals "
            "WHERE status = 'ALIVE' AND deleted = 0"
        ).fetchall()
    conn.close()
    by_id = [p for p in people if p[0]]
    kinds = {"national_id": rows // 100, "name_dob": rows * 4 // 100}
    kinds["stranger"] = rows - kinds["national_id"] - kinds["name_dob"]
    lines: list[list[str]] = []
    for national_id, *_rest in rng.sample(by_id, kinds["national_id"]):
        lines.append([national_id, "X", "Y", "", "", "A"])
    for _nid, first, last, born in rng.sample(people, kinds["name_dob"]):
        day = date.fromisoformat(born)
        variant = rng.randrange(5)
        if variant == 0:
            first, last = last, first
        elif variant == 1:
            first, last = strip_accents(first).upper(), strip_accents(last).upper()
        elif variant == 2:
            last = _typo(rng, last)
        elif variant == 3 and day.day <= 12:
            day = date(day.year, day.day, day.month)
        else:
            day += timedelta(days=rng.choice((-1, 1)))
        lines.append(["", first, last, day.strftime("%d/%m/%Y"), "", "B"])
    start = date(1940, 1, 1)
    for _ in range(kinds["stranger"]):
        first = rng.choice(MALE_FIRST_NAMES + FEMALE_FIRST_NAMES)
        born = start + timedelta(days=rng.randrange(85 * 365))
        lines.append(["", first, rng.choice(LAST_NAMES), born.isoformat(), "", "C"])
    rng.shuffle(lines)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["national_id", "first_name", "last_name", "dob", "date_of_death", "kind"])
        writer.writerows(lines)
    return kinds


def _timed(fn: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def run(data_dir: Path, *, households: int, rows: int, seed: int) -> dict[str, Any]:
    if not (data_dir / DB_FILENAME).exists():
        print(f"creating a {households:,}-household demo district…", file=sys.stderr)
        generate_demo(data_dir=data_dir, households=households, seed=seed)
    db = Database.open(data_dir)
    try:
        ctx = context_for(db)
        actor = ctx.require_actor()
        csv_path = data_dir / "crosscheck-bench.csv"
        kinds = build_list(data_dir / DB_FILENAME, csv_path, rows, seed)
        records, read_s = _timed(lambda: read_external_list(csv_path))
        days: set[date] = set()
        for record in records:
            if record.dob is not None:
                days |= candidate_days(record.dob)
        with db.read_session() as session:
            index, index_s = _timed(lambda: PeopleIndex(session, actor, days))
        found, match_s = _timed(lambda: find_matches(index, records))
        source = f"bench {time.time():.0f}"
        result, total_s = _timed(lambda: import_crosscheck(ctx, path=csv_path, source=source))
        with sqlite3.connect(data_dir / DB_FILENAME) as conn:
            people = conn.execute("SELECT count(*) FROM individuals").fetchone()[0]
        conn.close()
        supervisor = ctx.with_actor(
            authenticate(db, username="supervisor", password="supervisor-pass")
        )
        round_id, round_s = _timed(
            lambda: open_round(supervisor, programme_code=_programme(data_dir), area_code="D01")
        )
        with sqlite3.connect(data_dir / DB_FILENAME) as conn:
            tasks = conn.execute(
                "SELECT count(*) FROM recertification_tasks WHERE round_id = ?", (round_id,)
            ).fetchone()[0]
        conn.close()
    finally:
        db.close()
    return {
        "individuals": people,
        "rows": rows,
        "row_kinds": kinds,
        "read_s": read_s,
        "index_s": index_s,
        "indexed_people": sum(len(v) for v in index.by_dob.values()),
        "match_s": match_s,
        "people_matched": len(found),
        "import_total_s": total_s,
        "created": result.created,
        "national_id_matches": result.national_id_matches,
        "name_dob_matches": result.name_dob_matches,
        "open_round_s": round_s,
        "round_tasks": tasks,
    }


def _programme(data_dir: Path) -> str:
    """The demo programme with the most active or suspended enrolments."""
    with sqlite3.connect(data_dir / DB_FILENAME) as conn:
        code = conn.execute(
            "SELECT p.code FROM enrolments e JOIN programmes p ON p.id = e.programme_id "
            "WHERE e.status IN ('ACTIVE', 'SUSPENDED') GROUP BY p.code ORDER BY count(*) DESC"
        ).fetchone()[0]
    conn.close()
    return str(code)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=50_000)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data-dir", type=Path, help="a demo district to use (default: temp)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    options = {"households": args.households, "rows": args.rows, "seed": args.seed}
    if args.data_dir is not None:
        result = run(args.data_dir, **options)
    else:
        with tempfile.TemporaryDirectory(prefix="roster-bench-") as tmp:
            result = run(Path(tmp), **options)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"district: {result['individuals']:,} people; list: {result['rows']:,} rows")
    print(
        f"phases: read {result['read_s']:.2f} s, index {result['index_s']:.2f} s "
        f"({result['indexed_people']:,} people born on a candidate day), "
        f"match {result['match_s']:.2f} s ({result['people_matched']:,} people matched)"
    )
    print(
        f"import_crosscheck: {result['import_total_s']:.2f} s, {result['created']:,} matches "
        f"recorded ({result['national_id_matches']:,} by national ID, "
        f"{result['name_dob_matches']:,} by name and date of birth)"
    )
    print(
        f"open_round over the district: {result['open_round_s']:.2f} s "
        f"({result['round_tasks']:,} tasks)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
