"""``roster connect``, ``roster sync`` and ``roster conflicts``: working with HQ."""

from __future__ import annotations

import sys
from dataclasses import asdict
from typing import Any

from app.cli.common import Runtime, add_command, add_group, parse_assignments, read_password
from app.cli.output import print_json, print_table, text
from app.services.conflicts import list_conflicts, list_rejected, resolve_conflict
from app.services.refused_changes import discard_refused, resend_refused
from app.sync.connect import connect
from app.sync.engine import SyncResult, run_sync
from app.sync.progress import Progress


def register(subparsers: Any) -> None:
    conn = add_command(
        subparsers,
        "connect",
        run_connect,
        help="register this laptop with HQ and download its district",
        description="Sign in at HQ, register this laptop and download its district. The "
        "password is read from $ROSTER_PASSWORD, else standard input when it is not a "
        "terminal, else prompted for.",
    )
    conn.add_argument("--server", required=True, metavar="URL", help="e.g. http://hq:8765")
    conn.add_argument("--username", required=True, metavar="NAME")
    conn.add_argument("--device-name", metavar="NAME", help="how HQ lists this laptop")
    add_command(
        subparsers,
        "sync",
        run_sync_command,
        help="push local changes to HQ and pull everyone else's",
    )
    group = add_group(subparsers, "conflicts", help="fields two people changed at once")
    listing = add_command(group, "list", run_list, help="conflicts waiting for a decision")
    listing.add_argument(
        "--all", action="store_true", help="also those settled automatically or already resolved"
    )
    resolve = add_command(
        group,
        "resolve",
        run_resolve,
        help="decide a conflict: keep your value, take HQ's, or a new one",
    )
    resolve.add_argument("conflict_id", metavar="ID", help="conflict id (or its first 8+ chars)")
    choice = resolve.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keep", choices=("mine", "theirs"))
    choice.add_argument("--value", metavar="V", help="a new value instead of either")
    add_command(group, "rejected", run_rejected, help="local changes HQ refused, with why")
    resend = add_command(
        group,
        "resend",
        run_resend,
        help="apply a refused change again as a new change, corrected with --set",
        description="Apply a change HQ refused again, as a new change sent at the next sync. "
        "Fields not given keep the refused value; a reference (village_id, school_id...) "
        "takes a code or an id; 'FIELD=' clears a field.",
    )
    resend.add_argument("op_id", metavar="OP_ID", help="op id from 'conflicts rejected'")
    resend.add_argument(
        "--set",
        dest="assignments",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="a corrected value; repeat for several fields",
    )
    discard = add_command(
        group, "discard", run_discard, help="let a refused change go (it is not sent again)"
    )
    discard.add_argument("op_id", metavar="OP_ID", help="op id from 'conflicts rejected'")


def _progress(rt: Runtime) -> Any:
    if rt.json or not sys.stderr.isatty():
        return None

    def report(p: Progress) -> None:
        total = f"/{p.total}" if p.total else ""
        print(f"\r{p.stage}: {p.done}{total}   ", end="", file=sys.stderr, flush=True)

    return report


def _summary(result: SyncResult) -> dict[str, Any]:
    data = asdict(result)
    data["seconds"] = round(result.seconds, 2)
    return data


def _print_sync(rt: Runtime, result: SyncResult) -> None:
    if rt.json:
        print_json(_summary(result))
        return
    if _progress(rt):
        print(file=sys.stderr)
    print(
        f"pushed {result.pushed} (applied {result.applied}, conflicts {result.conflicts}, "
        f"rejected {result.rejected}) | pulled {result.pulled} | removed {result.removed} | "
        f"open conflicts {result.open_conflicts} | {result.seconds:.1f} s"
    )
    for message in result.messages:
        print(f"note: {message}")


def run_connect(rt: Runtime) -> int:
    args = rt.args
    db = rt.db(create=True)
    password = read_password(f"Password for {args.username} at {args.server}: ")
    result = connect(
        db,
        server_url=args.server,
        username=args.username,
        password=password,
        device_name=args.device_name,
        progress=_progress(rt),
    )
    if rt.json:
        print_json(
            {
                "username": result.username,
                "role": result.role,
                "district_code": result.district_code,
                "device_id": result.device_id,
                "sync": _summary(result.sync),
            }
        )
    else:
        print(
            f"connected as {result.username} ({result.role}), district "
            f"{result.district_code or 'all'}; this laptop is device {result.device_id}"
        )
        _print_sync(rt, result.sync)
    return 0


def run_sync_command(rt: Runtime) -> int:
    result = run_sync(rt.db(), progress=_progress(rt))
    _print_sync(rt, result)
    return 3 if result.rejected else 0


def run_list(rt: Runtime) -> None:
    items = list_conflicts(rt.context(), include_settled=rt.args.all)
    if rt.json:
        print_json([asdict(c) for c in items])
        return
    if not items:
        print("no conflicts waiting" if not rt.args.all else "no conflicts")
        return
    print_table(
        ["ID", "Status", "Household", "Field", "Yours (who, when)", "HQ's (who, when)"],
        [
            [
                c.id[:13],
                c.status,
                c.household_code or c.table,
                c.field,
                f"{text(c.mine_value)} ({c.mine_by}, {text(c.mine_at)[:16]})",
                f"{text(c.theirs_value)} ({c.theirs_by}, {text(c.theirs_at)[:16]})",
            ]
            for c in items
        ],
        shrink=(4, 5),
    )


def run_resolve(rt: Runtime) -> None:
    args = rt.args
    if args.value is not None:
        resolution, value = "new_value", args.value
    else:
        resolution, value = ("keep_mine" if args.keep == "mine" else "take_theirs"), None
    resolve_conflict(rt.context(), conflict_id=args.conflict_id, resolution=resolution, value=value)
    if rt.json:
        print_json({"conflict_id": args.conflict_id, "resolution": resolution})
    else:
        print(f"resolved ({resolution.replace('_', ' ')}); run 'roster sync' to tell HQ")


def run_rejected(rt: Runtime) -> None:
    items = list_rejected(rt.context())
    if rt.json:
        print_json([asdict(r) for r in items])
        return
    if not items:
        print("no refused changes")
        return
    print_table(
        ["Op", "Table", "Record", "Fields", "Reason"],
        [[r.op_id, r.table, r.row_id[:13], ", ".join(r.fields), r.reason or ""] for r in items],
        shrink=(3, 4),
    )
    print("correct and send again: roster conflicts resend OP_ID --set FIELD=VALUE ...")
    print("or let it go: roster conflicts discard OP_ID")


def run_resend(rt: Runtime) -> None:
    values = parse_assignments(rt.args.assignments)
    record_id = resend_refused(rt.context(), op_id=rt.args.op_id, values=dict(values))
    if rt.json:
        print_json({"op_id": rt.args.op_id, "record_id": record_id, "changed": sorted(values)})
    else:
        print(f"sent again as a new change to record {record_id}; run 'roster sync' to tell HQ")


def run_discard(rt: Runtime) -> None:
    discard_refused(rt.context(), op_id=rt.args.op_id)
    if rt.json:
        print_json({"op_id": rt.args.op_id, "status": "dismissed"})
    else:
        print("discarded: this change will not be sent to HQ")
