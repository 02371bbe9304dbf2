"""``roster demo``: create a realistic demo district in the data directory."""

from __future__ import annotations

import sys
from dataclasses import asdict
from typing import Any

from app.cli.common import Runtime, UsageError, add_command
from app.cli.output import print_fields, print_json


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "demo",
        run_demo,
        help="create a demo district (locations, programmes, households, users)",
        description="Create a deterministic demo district in the data directory: the same seed "
        "always gives the same district. Demo users: officer/officer-pass (signed in), "
        "supervisor/supervisor-pass, viewer/viewer-pass.",
    )
    parser.add_argument("--households", type=int, default=5000, metavar="N", help="default 5000")
    parser.add_argument("--seed", type=int, default=7, metavar="S", help="default 7")
    parser.add_argument(
        "--force", action="store_true", help="delete an existing database in the data directory"
    )


class _Progress:
    """``done/total`` on one rewritten stderr line; silent when stderr is not a terminal."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        percent = 100 * done // total if total else 100
        print(f"\rhouseholds: {done:,}/{total:,} ({percent}%)", end="", file=sys.stderr)
        sys.stderr.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            print(file=sys.stderr)


def run_demo(rt: Runtime) -> None:
    from app.services.demo import generate_demo

    households: int = rt.args.households
    if households < 1:
        raise UsageError("--households must be at least 1")
    progress = _Progress()
    try:
        summary = generate_demo(
            data_dir=rt.data_dir,
            households=households,
            seed=rt.args.seed,
            progress=progress,
            force=rt.args.force,
        )
    finally:
        progress.finish()
    if rt.json:
        print_json(asdict(summary))
        return
    print(
        f"Demo district {summary.district_code} {summary.district_name} created in "
        f"{summary.elapsed_seconds:.1f} s (seed {summary.seed})."
    )
    print_fields(
        [
            ("Database", summary.path),
            ("Size", f"{summary.file_size_bytes / 1e6:.1f} MB"),
            ("Wards", summary.wards),
            ("Villages", summary.villages),
            ("Service points", summary.service_points),
            ("Programmes", summary.programmes),
            ("Payment cycles", summary.payment_cycles),
            ("Households", f"{summary.households:,}"),
            ("Individuals", f"{summary.individuals:,}"),
            ("Enrolments", f"{summary.enrolments:,}"),
            ("Payment accounts", f"{summary.payment_accounts:,}"),
            ("Users", ", ".join(summary.usernames)),
        ],
        indent=2,
    )
    print(f"Signed in as officer. Next: roster --data-dir {rt.data_dir} household list")
