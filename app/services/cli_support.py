"""Small read helpers the command line needs and no other service offers yet."""

from __future__ import annotations

from app.models.db import Database
from app.services.context import Actor
from app.services.lookups import household_by_ref, individual_by_id


def household_code_of(db: Database, *, individual_id: str, actor: Actor) -> str:
    """The code of the household ``individual_id`` belongs to (scoped to ``actor``)."""
    with db.read_session() as session:
        person = individual_by_id(session, individual_id, actor)
        return household_by_ref(session, person.household_id, actor).code
