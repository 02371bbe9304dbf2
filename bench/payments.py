"""Payments benchmark: payroll generation on the demo district and a 10,000-row payment list.

    .venv/bin/python bench/payments.py                    # 50,000 households, seed 7
    .venv/bin/python bench/payments.py --households 5000 --pdf-rows 2000 --json

Steps (each timed on its own):

1. create the demo district (not part of the targets);
2. generate the CT-COND payroll of cycle CT-COND-2026-05 (every ACTIVE enrolment of the
   programme: about 12,500 payments for 50,000 households), then approve it;
3. "every household": enrol every household of the district in CT-UNC (a baseline load,
   as an HQ download would), then generate the CT-UNC-2026-05 payroll: one payment per
   household (50,000 for the default size), the target's worst case;
4. render the payment list of the first ``--pdf-rows`` rows of the CT-COND payroll (pay points
   in order, each its own list), and report pages and file size.

Targets (issue 5): payroll for 50,000 households < 10 s; 10,000-row payment list < 15 s.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.models.base import new_id
from app.models.db import Database
from app.reports.payment_list import render_payment_list
from app.services.auth import context_for
from app.services.demo import generate_demo
from app.services.payroll import approve_payroll, generate_payroll
from app.services.print_data import PaymentListData, payment_list_data


def counts(path: Path, payroll_id: str) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        payments, total = conn.execute(
            "SELECT count(*), coalesce(sum(amount), 0) FROM payments WHERE payroll_id = ?",
            (payroll_id,),
        ).fetchone()
        ops = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    conn.close()
    return {"payments": payments, "total_amount": total, "outbox_ops_so_far": ops}


def enrol_everyone(path: Path, programme_code: str) -> int:
    """Enrol every household not yet in the programme as ACTIVE (a baseline write)."""
    with sqlite3.connect(path) as conn:
        programme_id, district_id = conn.execute(
            "SELECT p.id, (SELECT value FROM sync_state WHERE key = 'district_id') "
            "FROM programmes p WHERE p.code = ?",
            (programme_code,),
        ).fetchone()
        missing = conn.execute(
            "SELECT h.id FROM households h WHERE NOT EXISTS (SELECT 1 FROM enrolments e "
            "WHERE e.household_id = h.id AND e.programme_id = ?)",
            (programme_id,),
        ).fetchall()
        conn.execute(
            "UPDATE enrolments SET status = 'ACTIVE' WHERE programme_id = ?", (programme_id,)
        )
        conn.executemany(
            "INSERT INTO enrolments (id, household_id, programme_id, status, status_reason, "
            "status_date, enrolled_on, version, server_seq, created_at, updated_at, updated_by, "
            "deleted, district_id) VALUES (?, ?, ?, 'ACTIVE', NULL, NULL, '2025-06-01', 1, 0, "
            "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', NULL, 0, ?)",
            [(new_id(), hid, programme_id, district_id) for (hid,) in missing],
        )
        active = conn.execute(
            "SELECT count(*) FROM enrolments WHERE programme_id = ? AND status = 'ACTIVE'",
            (programme_id,),
        ).fetchone()[0]
    conn.close()
    return int(active)


def first_rows(data: PaymentListData, limit: int) -> PaymentListData:
    sections = []
    left = limit
    for section in data.sections:
        if left <= 0:
            break
        sections.append(replace(section, rows=section.rows[:left]))
        left -= len(sections[-1].rows)
    return replace(data, sections=sections)


def run(households: int, seed: int, pdf_rows: int, folder: Path) -> dict[str, Any]:
    results: dict[str, Any] = {"households": households, "seed": seed}
    started = time.perf_counter()
    summary = generate_demo(data_dir=folder, households=households, seed=seed)
    results["demo_seconds"] = round(time.perf_counter() - started, 2)
    db = Database.open(folder)
    try:
        officer = context_for(db)
        supervisor = context_for(db, username="supervisor", password="supervisor-pass")

        started = time.perf_counter()
        payroll_id = generate_payroll(
            officer, programme_code="CT-COND", cycle_code="CT-COND-2026-05"
        )
        results["ct_cond_generate_seconds"] = round(time.perf_counter() - started, 2)
        results["ct_cond"] = counts(summary.path, payroll_id)
        started = time.perf_counter()
        approval = approve_payroll(supervisor, payroll_id=payroll_id)
        results["ct_cond_approve_seconds"] = round(time.perf_counter() - started, 2)
        results["ct_cond_approved"] = approval.approved

        results["ct_unc_active_enrolments"] = enrol_everyone(summary.path, "CT-UNC")
        started = time.perf_counter()
        everyone = generate_payroll(officer, programme_code="CT-UNC", cycle_code="CT-UNC-2026-05")
        results["every_household_generate_seconds"] = round(time.perf_counter() - started, 2)
        results["every_household"] = counts(summary.path, everyone)

        started = time.perf_counter()
        data = payment_list_data(officer, payroll_id=payroll_id)
        results["pdf_data_seconds"] = round(time.perf_counter() - started, 2)
        data = first_rows(data, pdf_rows)
        out = folder / "payment-list.pdf"
        started = time.perf_counter()
        printed = render_payment_list(data, out)
        results["pdf_render_seconds"] = round(time.perf_counter() - started, 2)
        results["pdf_rows"] = printed.rows
        results["pdf_pages"] = printed.pages
        results["pdf_lists"] = len(printed.lists)
        results["pdf_bytes"] = out.stat().st_size
    finally:
        db.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--households", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pdf-rows", type=int, default=10_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args(argv)
    if args.keep:
        results = run(args.households, args.seed, args.pdf_rows, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="roster-bench-") as tmp:
            results = run(args.households, args.seed, args.pdf_rows, Path(tmp))
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    r = results
    print(
        f"Demo district: {r['households']:,} households (seed {r['seed']}) in {r['demo_seconds']} s"
    )
    print(
        f"CT-COND payroll: {r['ct_cond']['payments']:,} payments generated in "
        f"{r['ct_cond_generate_seconds']} s (target < 10 s), approved in "
        f"{r['ct_cond_approve_seconds']} s"
    )
    print(
        f"Every household in CT-UNC: {r['every_household']['payments']:,} payments generated in "
        f"{r['every_household_generate_seconds']} s (target < 10 s)"
    )
    print(
        f"Payment list: {r['pdf_rows']:,} rows in {r['pdf_lists']} pay-point lists, "
        f"{r['pdf_pages']:,} pages, {r['pdf_bytes'] / 1e6:.1f} MB, rendered in "
        f"{r['pdf_render_seconds']} s (target < 15 s; data read in {r['pdf_data_seconds']} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
