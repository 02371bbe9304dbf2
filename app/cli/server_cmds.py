"""``roster server ...``: run and administer HQ (database by --db URL, SQLite by default)."""

from __future__ import annotations

import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.cli import programme_admin_cmds
from app.cli.common import Runtime, UsageError, add_command, add_group, code_arg, read_password
from app.cli.output import print_json, print_table, text
from app.domain.vocab import Role

DB_ENV = "ROSTER_SERVER_DB"


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "server", help="run and administer the HQ server")

    def command(name: str, handler: Any, help: str) -> Any:
        parser = add_command(group, name, handler, help=help)
        parser.add_argument(
            "--db",
            metavar="URL",
            default=os.environ.get(DB_ENV),
            help=f"HQ database URL (default ${DB_ENV}, else a SQLite file in "
            "~/.local/share/roster-hq); PostgreSQL: postgresql+psycopg://...",
        )
        return parser

    serve = command("serve", run_serve, "serve the sync API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--log-file", type=Path, metavar="FILE")
    command("init", run_init, "create or upgrade the HQ database")
    district = command("add-district", run_add_district, "create a district (and its region)")
    district.add_argument("--code", required=True, type=code_arg)
    district.add_argument("--name", required=True)
    district.add_argument("--region-code", default="R01", type=code_arg)
    district.add_argument("--region-name", default="Region")
    locations = command(
        "import-locations",
        run_import_locations,
        "load wards and villages from a CSV (code,name,level,parent_code)",
    )
    locations.add_argument("file", type=Path, metavar="FILE")
    user = command(
        "add-user", run_add_user, "create a user (password from $ROSTER_PASSWORD or standard input)"
    )
    user.add_argument("--username", required=True)
    user.add_argument("--role", required=True, choices=[r.value for r in Role])
    user.add_argument("--district", type=code_arg, metavar="CODE")
    user.add_argument("--full-name", default="")
    seed = command("seed", run_seed, "fill a district with a generated demo population")
    seed.add_argument("--district", required=True, type=code_arg, metavar="CODE")
    seed.add_argument("--households", type=int, default=1000)
    seed.add_argument("--seed", type=int, default=7)
    snap = command(
        "snapshot", run_snapshot, "pre-build a district's first download (also done by seed)"
    )
    snap.add_argument("--district", required=True, type=code_arg, metavar="CODE")
    devices = command("devices", run_devices, "list registered laptops, or revoke one")
    devices.add_argument("action", choices=("list", "revoke"))
    devices.add_argument("device_id", nargs="?", metavar="DEVICE_ID")
    transfer = command(
        "transfer",
        run_transfer,
        "move a household (and its records) to a village of another district",
    )
    transfer.add_argument("household", metavar="HOUSEHOLD_CODE")
    transfer.add_argument("--village", required=True, type=code_arg, metavar="VCODE")
    transfer.add_argument("--address", default="")
    programme_admin_cmds.register(group, command)
    approvals = command(
        "approvals",
        run_approvals,
        "show which changes need a checker's approval, or set them for a programme",
    )
    approvals.add_argument("--programme", metavar="CODE")
    approvals.add_argument(
        "--require",
        metavar="TYPES",
        help="comma-separated change types (PAYMENT_ACCOUNT, ENROLMENT_STATUS, HEAD_OR_RECIPIENT, "
        "MOVE, MEMBER_REMOVAL, BENEFIT_ADJUSTMENT, PAY_POINT, OVERPAYMENT_RECOVERY); "
        "empty for none",
    )


def _db(rt: Runtime) -> Any:
    from app.server.db import ServerDatabase

    return ServerDatabase.open(rt.args.db)


def run_serve(rt: Runtime) -> None:
    from app.server.run import serve

    serve(url=rt.args.db, host=rt.args.host, port=rt.args.port, log_file=rt.args.log_file)


def run_init(rt: Runtime) -> None:
    db = _db(rt)
    url = db.engine.url.render_as_string(hide_password=True)
    epoch = db.epoch()
    db.close()
    if rt.json:
        print_json({"database": url, "epoch": epoch})
    else:
        print(f"HQ database ready: {url} (epoch {epoch})")


def run_add_district(rt: Runtime) -> None:
    from app.server.admin import add_district

    args = rt.args
    db = _db(rt)
    try:
        district_id = add_district(
            db,
            code=args.code,
            name=args.name,
            region_code=args.region_code,
            region_name=args.region_name,
        )
    finally:
        db.close()
    print_json({"district_id": district_id}) if rt.json else print(
        f"district {args.code} created ({district_id})"
    )


def run_import_locations(rt: Runtime) -> None:
    from app.server.admin import import_locations

    db = _db(rt)
    try:
        created = import_locations(db, rt.args.file)
    finally:
        db.close()
    print_json({"created": created}) if rt.json else print(f"{created} locations added")


def run_add_user(rt: Runtime) -> None:
    from app.server.admin import add_user

    args = rt.args
    password = read_password(f"Password for new user {args.username}: ")
    db = _db(rt)
    try:
        user_id = add_user(
            db,
            username=args.username,
            password=password,
            role=args.role,
            district_code=args.district,
            full_name=args.full_name,
        )
    finally:
        db.close()
    print_json({"user_id": user_id}) if rt.json else print(
        f"user {args.username} ({args.role}) created"
    )


def run_seed(rt: Runtime) -> None:
    from app.server.seed import seed_district

    args = rt.args
    db = _db(rt)
    try:
        summary = seed_district(
            db,
            district_code=args.district,
            households=args.households,
            seed=args.seed,
            progress=None if rt.json else rt.note,
        )
    finally:
        db.close()
    if rt.json:
        print_json(asdict(summary))
    else:
        print(
            f"district {summary.district_code}: {summary.households} households, "
            f"{summary.rows} records in {summary.seconds:.1f} s"
        )


def run_devices(rt: Runtime) -> None:
    from app.cli.common import UsageError
    from app.server.admin import list_devices, revoke_device

    db = _db(rt)
    try:
        if rt.args.action == "revoke":
            if not rt.args.device_id:
                raise UsageError("devices revoke needs a DEVICE_ID")
            revoke_device(db, device_id=rt.args.device_id)
            print_json({"revoked": rt.args.device_id}) if rt.json else print(
                f"device {rt.args.device_id} revoked"
            )
            return
        devices = list_devices(db)
    finally:
        db.close()
    if rt.json:
        print_json([asdict(d) for d in devices])
        return
    print_table(
        ["Device", "Name", "User", "Registered", "Last seen", "Revoked"],
        [
            [
                d.id,
                d.name,
                d.username,
                text(d.registered_at)[:16],
                text(d.last_seen_at)[:16],
                "yes" if d.revoked else "",
            ]
            for d in devices
        ],
        shrink=(1,),
    )


def run_transfer(rt: Runtime) -> None:
    from app.server.admin import transfer_household

    args = rt.args
    db = _db(rt)
    try:
        result = transfer_household(
            db, household_code=args.household, village_code=args.village, address=args.address
        )
    finally:
        db.close()
    if rt.json:
        print_json(asdict(result))
    else:
        print(f"household {args.household} moved with {result.rows_moved} records")


def run_snapshot(rt: Runtime) -> None:
    from app.server.snapshot import build_snapshot

    db = _db(rt)
    try:
        summary = build_snapshot(db, district_code=rt.args.district)
    finally:
        db.close()
    if rt.json:
        print_json(asdict(summary))
    else:
        print(
            f"district {summary.district_code}: {summary.rows} records in {summary.pages} pages, "
            f"{summary.bytes / 1e6:.1f} MB, built in {summary.seconds:.1f} s"
        )


def run_approvals(rt: Runtime) -> None:
    from app.server.programme_admin import approval_rules, set_approval_rules

    db = _db(rt)
    try:
        if rt.args.require is not None:
            if not rt.args.programme:
                raise UsageError("--require needs --programme CODE")
            set_approval_rules(
                db, programme_code=rt.args.programme, change_types=rt.args.require.split(",")
            )
        rules = approval_rules(db)
    finally:
        db.close()
    if rt.args.programme:
        rules = {k: v for k, v in rules.items() if k == rt.args.programme}
    if rt.json:
        print_json(rules)
        return
    for code, types in rules.items():
        print(f"{code}: {', '.join(types) if types else 'no approval needed'}")
