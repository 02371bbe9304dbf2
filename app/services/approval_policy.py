"""Which changes need a checker's approval: each programme lists the change types it guards."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.vocab import ChangeRequestType, EnrolmentStatus
from app.errors import ApprovalRequired
from app.models.programme import Enrolment, Programme
from app.services.context import ServiceContext

#: Enrolments a programme still cares about: a change to such a household may need approval.
GUARDED_ENROLMENTS = (EnrolmentStatus.POTENTIAL, EnrolmentStatus.ACTIVE, EnrolmentStatus.SUSPENDED)


def programmes_requiring(
    session: Session,
    *,
    change_type: ChangeRequestType,
    household_id: str | None = None,
    enrolment_ids: Iterable[str] | None = None,
) -> list[str]:
    """Codes of the programmes whose rules require approval of ``change_type`` here.

    With ``enrolment_ids`` only those enrolments' programmes count (a status change, or a move
    exiting some enrolments); otherwise every live enrolment of the household does.
    """
    query = select(Programme.code, Programme.approval_required).join(
        Enrolment, Enrolment.programme_id == Programme.id
    )
    if enrolment_ids is not None:
        ids = list(enrolment_ids)
        if not ids:
            return []
        query = query.where(Enrolment.id.in_(ids))
    else:
        query = query.where(
            Enrolment.household_id == household_id,
            ~Enrolment.deleted,
            Enrolment.status.in_(GUARDED_ENROLMENTS),
        )
    return sorted(
        {code for code, required in session.execute(query) if change_type in (required or [])}
    )


def require_no_approval(
    ctx: ServiceContext,
    session: Session,
    *,
    change_type: ChangeRequestType,
    household_id: str | None = None,
    enrolment_ids: Iterable[str] | None = None,
) -> None:
    """Refuse a direct change that a programme wants checked, unless an approval is applying it."""
    if ctx.approving:
        return
    codes = programmes_requiring(
        session, change_type=change_type, household_id=household_id, enrolment_ids=enrolment_ids
    )
    if codes:
        raise ApprovalRequired(
            f"{change_type} changes need a supervisor's approval in {', '.join(codes)}; "
            "submit a change request"
        )
