"""``roster villages`` and ``roster programmes``: the codes other commands take."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from app.cli.common import Runtime, add_command
from app.cli.output import print_json, print_table
from app.services.auth import signed_in_actor
from app.services.options import programme_options, village_options


def register(subparsers: Any) -> None:
    add_command(
        subparsers,
        "villages",
        run_villages,
        help="village codes and names, by ward (for --village)",
    )
    add_command(subparsers, "programmes", run_programmes, help="programme codes and names")


def run_villages(rt: Runtime) -> None:
    db = rt.db()
    # Reference data, not personal data: no sign-in needed; a signed-in user sees their district.
    actor = rt.context().actor if rt.username else signed_in_actor(db)
    options = village_options(db, district_id=actor.district_id if actor else None)
    if rt.json:
        print_json([asdict(o) for o in options])
        return
    print_table(
        ["Code", "Village", "Ward"],
        [[o.code, o.name, o.group] for o in sorted(options, key=lambda o: (o.group or "", o.name))],
        shrink=(1, 2),
    )


def run_programmes(rt: Runtime) -> None:
    options = programme_options(rt.db())
    if rt.json:
        print_json([{"code": o.code, "name": o.name} for o in options])
        return
    print_table(["Code", "Programme"], [[o.code, o.name] for o in options], shrink=(1,))
