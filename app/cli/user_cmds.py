"""``roster login`` and ``roster whoami``: the local user commands act as."""

from __future__ import annotations

from typing import Any

from app.cli.common import Runtime, add_command, read_password
from app.cli.output import print_fields, print_json
from app.services.auth import sign_in
from app.services.context import Actor
from app.services.status import status_summary


def register(subparsers: Any) -> None:
    login = add_command(
        subparsers,
        "login",
        run_login,
        help="sign a local user in on the data directory (later commands act as them)",
        description="Sign a local user in on the data directory; later commands act as them. "
        "The password is read from $ROSTER_PASSWORD, else from standard input when it is not "
        "a terminal, else prompted for (never taken from the command line).",
    )
    login.add_argument("--username", required=True, metavar="NAME")
    add_command(
        subparsers,
        "whoami",
        run_whoami,
        help="show the user commands act as (the signed-in one, or --user)",
    )


def _describe(rt: Runtime, actor: Actor) -> dict[str, Any]:
    summary = status_summary(rt.db(), actor=actor)
    return {
        "user_id": actor.user_id,
        "username": actor.username,
        "role": str(actor.role),
        "district_code": summary.district_code,
        "district_name": summary.district_name,
        "data_dir": str(rt.data_dir),
    }


def _show(rt: Runtime, facts: dict[str, Any], heading: str) -> None:
    if rt.json:
        print_json(facts)
        return
    print(heading)
    district = " ".join(str(v) for v in (facts["district_code"], facts["district_name"]) if v)
    print_fields(
        [("Role", facts["role"]), ("District", district or "all (HQ)"), ("Data", rt.data_dir)],
        indent=2,
    )


def run_login(rt: Runtime) -> None:
    username: str = rt.args.username
    password = read_password(f"Password for {username}: ")
    actor = sign_in(rt.db(), username=username, password=password)
    _show(rt, _describe(rt, actor), f"Signed in as {actor.username}.")


def run_whoami(rt: Runtime) -> None:
    actor = rt.context().require_actor()
    how = "acting as (--user)" if rt.username else "signed in"
    _show(rt, _describe(rt, actor), f"{actor.username} ({how})")
