"""``roster db status`` and ``roster db upgrade``: the database file and its schema."""

from __future__ import annotations

from typing import Any

from app.cli.common import Runtime, add_command, add_group
from app.cli.output import print_fields, print_json
from app.errors import DatabaseTooNew, NotFound
from app.models.db import Database, check_not_too_new, current_revision, head_revision
from app.services.status import status_summary


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "db", help="database file: schema status and upgrade")
    add_command(
        group,
        "status",
        run_status,
        help="schema revision, changes waiting for sync, file size",
    )
    add_command(
        group,
        "upgrade",
        run_upgrade,
        help="bring the database to this version's schema (a backup is taken first)",
    )


def _file_size(rt: Runtime) -> int:
    files = [rt.db_path, rt.db_path.with_name(rt.db_path.name + "-wal")]
    return sum(p.stat().st_size for p in files if p.exists())


def run_status(rt: Runtime) -> None:
    if not rt.db_path.exists():
        raise NotFound(f"no Roster database in {rt.data_dir}", code="NO_DATABASE")
    db = Database.open(rt.data_dir, migrate=False)
    try:
        current = current_revision(db.engine)
        head = head_revision()
        try:
            check_not_too_new(db.engine)
            state = "up to date" if current == head else "upgrade needed: run 'roster db upgrade'"
        except DatabaseTooNew:
            state = "written by a newer Roster: install the newer version"
        summary = status_summary(db) if current == head else None
    finally:
        db.close()
    size = _file_size(rt)
    facts: dict[str, Any] = {
        "path": str(rt.db_path),
        "revision": current,
        "head": head,
        "state": state,
        "pending_changes": summary.pending_changes if summary else None,
        "open_conflicts": summary.open_conflicts if summary else None,
        "district_code": summary.district_code if summary else None,
        "file_size_bytes": size,
    }
    if rt.json:
        print_json(facts)
        return
    print_fields(
        [
            ("Database", facts["path"]),
            ("Size", f"{size / 1e6:.1f} MB"),
            ("Schema", f"{current or 'none'} (this Roster: {head}) - {state}"),
            ("District", facts["district_code"]),
            ("Waiting for sync", facts["pending_changes"]),
            ("Open conflicts", facts["open_conflicts"]),
        ]
    )


def run_upgrade(rt: Runtime) -> None:
    before: str | None = None
    if rt.db_path.exists():
        probe = Database.open(rt.data_dir, migrate=False)
        try:
            before = current_revision(probe.engine)
        finally:
            probe.close()
    rt.db(create=True)  # opening migrates, after backing up a database that needs it
    head = head_revision()
    if rt.json:
        print_json(
            {"path": str(rt.db_path), "from": before, "to": head, "upgraded": before != head}
        )
    elif before == head:
        print(f"Database already at the current schema ({head}).")
    elif before is None:
        print(f"Created an empty database at schema {head}: {rt.db_path}")
    else:
        print(
            f"Upgraded {rt.db_path} from {before} to {head}; the previous file is in "
            f"{rt.data_dir / 'backups'}."
        )
