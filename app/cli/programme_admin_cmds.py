"""``roster server cycle`` and ``roster server benefits``: HQ sets cycles and benefit rules."""

from __future__ import annotations

from typing import Any

from app.cli.common import Runtime
from app.cli.output import print_json
from app.domain.vocab import CycleStatus, PaymentFrequency


def register(group: Any, command: Any) -> None:
    """Add the commands to the ``server`` group; ``command`` adds one with the --db option."""
    del group  # the server group's own helper adds --db
    cycle = command("cycle", run_cycle, "add a payment cycle, or open, suspend or close one")
    cycle.add_argument("action", choices=("add", "open", "suspend", "close"))
    cycle.add_argument("code", metavar="CYCLE_CODE")
    cycle.add_argument("--programme", metavar="CODE", help="with add: the programme")
    cycle.add_argument("--start", metavar="YYYY-MM-DD", help="with add: first day")
    cycle.add_argument("--end", metavar="YYYY-MM-DD", help="with add: last day")
    rules = command(
        "benefits",
        run_benefits,
        "change a programme's benefit rules (amounts in minor units) or a per-member top-up",
    )
    rules.add_argument("--programme", required=True, metavar="CODE")
    rules.add_argument("--base-amount", type=int, metavar="N")
    rules.add_argument("--cap", type=int, metavar="N", help="per household per cycle")
    rules.add_argument("--no-cap", action="store_true")
    rules.add_argument("--deduction-per-unmet", type=int, metavar="N")
    rules.add_argument("--frequency", metavar="|".join(f.value for f in PaymentFrequency))
    rules.add_argument("--top-up", metavar="CRITERION", help="e.g. CHILD_UNDER_5")
    rules.add_argument("--amount", type=int, metavar="N", help="with --top-up; 0 removes it")
    rules.add_argument("--max-members", type=int, metavar="N", help="with --top-up")


def _db(rt: Runtime) -> Any:
    from app.server.db import ServerDatabase

    return ServerDatabase.open(rt.args.db)


def run_cycle(rt: Runtime) -> None:
    from app.cli.common import UsageError
    from app.server.programme_admin import add_cycle, set_cycle_status

    args = rt.args
    db = _db(rt)
    try:
        if args.action == "add":
            if not (args.programme and args.start and args.end):
                raise UsageError("cycle add needs --programme, --start and --end")
            add_cycle(
                db, programme_code=args.programme, code=args.code, start=args.start, end=args.end
            )
            status = CycleStatus.PENDING.value
        else:
            status = {
                "open": CycleStatus.ACTIVE,
                "suspend": CycleStatus.SUSPENDED,
                "close": CycleStatus.CLOSED,
            }[args.action].value
            set_cycle_status(db, code=args.code, status=status)
    finally:
        db.close()
    if rt.json:
        print_json({"cycle": args.code.upper(), "status": status})
    else:
        print(f"Cycle {args.code.upper()} is {status}; laptops see it at their next sync.")


def run_benefits(rt: Runtime) -> None:
    from app.cli.common import UsageError
    from app.server.programme_admin import set_benefit_rules, set_top_up

    args = rt.args
    db = _db(rt)
    try:
        if args.top_up:
            if args.amount is None:
                raise UsageError("--top-up needs --amount (0 removes it)")
            set_top_up(
                db,
                programme_code=args.programme,
                criterion=args.top_up,
                amount=args.amount,
                max_members=args.max_members,
            )
        set_benefit_rules(
            db,
            programme_code=args.programme,
            base_amount=args.base_amount,
            cap_amount=args.cap,
            remove_cap=args.no_cap,
            deduction_per_unmet=args.deduction_per_unmet,
            frequency=args.frequency,
        )
    finally:
        db.close()
    if rt.json:
        print_json({"programme": args.programme.upper(), "updated": True})
    else:
        print(f"Benefit rules of {args.programme.upper()} updated; laptops follow at next sync.")
