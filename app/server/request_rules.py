"""HQ rules for pushed change requests: the first decision wins, one request waits per record.

Two supervisors on two offline laptops may decide the same request. The first decision to reach
HQ stands; the later one is refused as a whole user action (its applied change included), and
that laptop gets HQ's rows back, so a change is never applied twice or both applied and rejected.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, select

from app.domain.vocab import ChangeRequestStatus
from app.server.caller import Reject

DECIDED = (ChangeRequestStatus.APPLIED, ChangeRequestStatus.REJECTED)


def check_decision(current: dict[str, Any], changes: dict[str, Any]) -> None:
    """Refuse a decision on a request HQ already has decided, or one the maker made."""
    if "status" not in changes:
        return
    if current.get("status") in DECIDED:
        raise Reject(
            "REQUEST_ALREADY_DECIDED",
            f"another supervisor already decided this request ({current['status'].lower()})",
        )
    checker = changes.get("checker_id", current.get("checker_id"))
    if changes["status"] == ChangeRequestStatus.APPLIED and checker == current.get("maker_id"):
        raise Reject("MAKER_CANNOT_APPROVE", "the user who made a request cannot approve it")


def check_new_request(conn: Connection, table: Table, values: dict[str, Any]) -> None:
    """Refuse a second waiting request on a record (two laptops asked for changes offline)."""
    if values.get("status") != ChangeRequestStatus.PENDING:
        return
    waiting = conn.execute(
        select(table.c.type).where(
            table.c.target_id == values.get("target_id"),
            table.c.status == ChangeRequestStatus.PENDING,
            table.c.deleted.is_(False),
        )
    ).first()
    if waiting is not None:
        raise Reject(
            "REQUEST_ALREADY_PENDING",
            f"a {waiting.type} request already waits for approval on this record",
        )
