"""HQ's programme settings that laptops follow: which changes need a checker's approval."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.vocab import ChangeRequestType
from app.errors import FieldError, NotFound, ValidationFailed
from app.models import Programme
from app.server.db import ServerDatabase
from app.server.hq_writes import hq_unit_of_work


def approval_rules(db: ServerDatabase) -> dict[str, list[str]]:
    """``{programme code: [change types needing approval]}`` for every programme."""
    with db.read_session() as s:
        return {
            code: sorted(required or [])
            for code, required in s.execute(
                select(Programme.code, Programme.approval_required).order_by(Programme.code)
            )
        }


def set_approval_rules(
    db: ServerDatabase, *, programme_code: str, change_types: list[str], user_id: str | None = None
) -> list[str]:
    """Replace the programme's list; it reaches every laptop at its next sync."""
    allowed = {t.value for t in ChangeRequestType}
    clean = sorted({t.strip().upper() for t in change_types if t.strip()})
    unknown = [t for t in clean if t not in allowed]
    if unknown:
        raise ValidationFailed(
            [FieldError("require", "INVALID_CHOICE", {"value": ", ".join(unknown)})]
        )
    with hq_unit_of_work(db, user_id=user_id) as s:
        programme = s.scalar(select(Programme).where(Programme.code == programme_code))
        if programme is None:
            raise NotFound(f"no programme {programme_code}", code="PROGRAMME_NOT_FOUND")
        programme.approval_required = clean
    return clean
