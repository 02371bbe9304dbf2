"""Names for record ids, so the UI can show a person or place instead of a uuid."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from app.domain.vocab import MemberStatus
from app.models.db import Database
from app.models.location import Location, ServicePoint
from app.models.registry import Individual
from app.models.user import User


def display_names(db: Database, ids: Iterable[str]) -> dict[str, str]:
    """``{id: name}`` for the ids that are people, users, locations or service points.

    One indexed lookup per kind for the whole batch; unknown ids are simply absent.
    """
    wanted = sorted({i for i in ids if len(i) == 36})
    if not wanted:
        return {}
    names: dict[str, str] = {}
    with db.read_session() as s:
        for pid, first, last in s.execute(
            select(Individual.id, Individual.first_name, Individual.last_name).where(
                Individual.id.in_(wanted)
            )
        ):
            names[pid] = f"{first} {last}"
        for uid, username, full_name in s.execute(
            select(User.id, User.username, User.full_name).where(User.id.in_(wanted))
        ):
            names[uid] = full_name or username
        for model in (Location, ServicePoint):
            for rid, name in s.execute(select(model.id, model.name).where(model.id.in_(wanted))):
                names[rid] = name
    return names


def present_members(db: Database, household_ids: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """``{household_id: [(name, member_id), ...]}`` of members still in each household."""
    wanted = sorted(set(household_ids))
    found: dict[str, list[tuple[str, str]]] = {h: [] for h in wanted}
    if not wanted:
        return found
    with db.read_session() as s:
        for hid, pid, first, last in s.execute(
            select(
                Individual.household_id, Individual.id, Individual.first_name, Individual.last_name
            )
            .where(
                Individual.household_id.in_(wanted),
                ~Individual.deleted,
                Individual.status == MemberStatus.ALIVE,
            )
            .order_by(Individual.date_of_birth)
        ):
            found[hid].append((f"{first} {last}", pid))
    return found
