"""Registry benchmark: create the demo district, then time typical searches on it.

    .venv/bin/python bench/registry.py                 # 50,000 households in a temp dir
    .venv/bin/python bench/registry.py --households 5000 --json

Prints the time to create the district, the database file size, and the median / p95 latency
of ``search_households`` (the household list's search-as-you-type) over a mix of typical
queries: name prefixes ("ami", "diallo", "moussa tra"), household-code prefixes ("D01-0012"),
national-ID prefixes and phone prefixes, drawn from the generated people.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.models.db import Database
from app.services.demo import generate_demo
from app.services.search import search_households

#: Always part of the mix: the examples officers type most.
FIXED_QUERIES = [("name", "ami"), ("name", "diallo"), ("name", "moussa tra"), ("code", "D01-0012")]


def typical_queries(path: Path, count: int, seed: int) -> list[tuple[str, str]]:
    """``count`` (kind, text) queries built from people really in the database."""
    rng = random.Random(seed)
    with sqlite3.connect(path) as conn:
        people = conn.execute(
            "SELECT i.first_name, i.last_name, i.national_id, i.phone, h.code "
            "FROM individuals i JOIN households h ON h.id = i.household_id "
            "WHERE i.national_id IS NOT NULL AND i.phone IS NOT NULL"
        ).fetchall()
    conn.close()
    queries = list(FIXED_QUERIES)
    while len(queries) < count:
        first, last, national_id, phone, code = rng.choice(people)
        kind = rng.choice(("first", "last", "full", "code", "national_id", "phone"))
        if kind == "first":
            queries.append(("name", first[: rng.randint(3, 5)].lower()))
        elif kind == "last":
            queries.append(("name", last.lower()))
        elif kind == "full":
            queries.append(("name", f"{first.lower()} {last[:3].lower()}"))
        elif kind == "code":
            queries.append(("code", code[: rng.randint(7, 9)]))
        elif kind == "national_id":
            queries.append(("national_id", national_id[:7]))
        else:
            queries.append(("phone", phone[: rng.randint(8, 10)]))
    return queries[:count]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_searches(db: Database, queries: list[tuple[str, str]]) -> dict[str, Any]:
    search_households(db, text="warm up")  # first use compiles and fills the page cache
    timings: dict[str, list[float]] = {}
    every: list[float] = []
    for kind, query in queries:
        started = time.perf_counter()
        search_households(db, text=query)
        ms = (time.perf_counter() - started) * 1000
        every.append(ms)
        timings.setdefault(kind, []).append(ms)
    return {
        "queries": len(every),
        "median_ms": statistics.median(every),
        "p95_ms": percentile(every, 0.95),
        "max_ms": max(every),
        "median_ms_by_kind": {k: statistics.median(v) for k, v in sorted(timings.items())},
    }


def run(data_dir: Path, *, households: int, seed: int, queries: int, force: bool) -> dict[str, Any]:
    def progress(done: int, total: int) -> None:
        print(f"\r  creating: {done:,}/{total:,} households", end="", file=sys.stderr, flush=True)

    summary = generate_demo(
        data_dir=data_dir, households=households, seed=seed, progress=progress, force=force
    )
    print(file=sys.stderr)
    db = Database.open(data_dir)
    try:
        search = time_searches(db, typical_queries(summary.path, queries, seed))
    finally:
        db.close()
    return {
        "households": summary.households,
        "individuals": summary.individuals,
        "enrolments": summary.enrolments,
        "payment_accounts": summary.payment_accounts,
        "villages": summary.villages,
        "create_seconds": summary.elapsed_seconds,
        "file_size_mb": summary.file_size_bytes / 1e6,
        "search": search,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--data-dir", type=Path, help="keep the district here (default: temp)")
    parser.add_argument("--force", action="store_true", help="replace a district in --data-dir")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    options = {"households": args.households, "seed": args.seed, "queries": args.queries}
    if args.data_dir is not None:
        result = run(args.data_dir, force=args.force, **options)
    else:
        with tempfile.TemporaryDirectory(prefix="roster-bench-") as tmp:
            result = run(Path(tmp), force=False, **options)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    search = result["search"]
    print(
        f"households: {result['households']:,} "
        f"(individuals {result['individuals']:,}, enrolments {result['enrolments']:,}, "
        f"payment accounts {result['payment_accounts']:,}, villages {result['villages']})"
    )
    print(f"create: {result['create_seconds']:.1f} s")
    print(f"file size: {result['file_size_mb']:.1f} MB")
    print(
        f"search: median {search['median_ms']:.1f} ms, p95 {search['p95_ms']:.1f} ms, "
        f"max {search['max_ms']:.1f} ms over {search['queries']} queries"
    )
    for kind, ms in search["median_ms_by_kind"].items():
        print(f"  {kind}: median {ms:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
