"""Pick-list for working grievances: the users a ticket can be assigned to."""

from __future__ import annotations

from sqlalchemy import or_, select

from app.models.db import Database
from app.models.user import User
from app.services.context import Actor
from app.services.grievances import ASSIGNABLE_ROLES
from app.services.options import Option


def assignee_options(db: Database, *, actor: Actor | None = None) -> list[Option]:
    """Active users who can handle tickets in the actor's district (and HQ users), by name.

    ``code`` is the user name ``assign_grievance`` takes; ``name`` the full name (or the user
    name); ``group`` the role.
    """
    query = select(User.username, User.full_name, User.role).where(
        ~User.deleted, User.active, User.role.in_(ASSIGNABLE_ROLES)
    )
    if actor is not None and actor.district_id is not None:
        query = query.where(or_(User.district_id == actor.district_id, User.district_id.is_(None)))
    with db.read_session() as session:
        rows = session.execute(query.order_by(User.full_name, User.username)).all()
    return [Option(username, full_name or username, role) for username, full_name, role in rows]
