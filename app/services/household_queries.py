"""Read side of the registry: the household page with members, enrolments, history."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.vocab import ChangeRequestStatus, OutboxStatus
from app.models.audit import AuditEntry
from app.models.decision import ChangeRequest
from app.models.grievance import Grievance
from app.models.location import Location, ServicePoint
from app.models.payment import PaymentAccount
from app.models.programme import Enrolment, Programme
from app.models.registry import Household, Individual
from app.models.sync_state import OutboxOp, SyncConflict
from app.models.user import User
from app.services.context import Actor
from app.services.dto import (
    EnrolmentOut,
    GrievanceBrief,
    HistoryEntry,
    HouseholdOut,
    MemberOut,
    PaymentAccountOut,
)
from app.services.lookups import age_on, ancestors, household_by_ref

HISTORY_LIMIT = 200


def _point(session: Session, point_id: str | None) -> ServicePoint | None:
    return session.get(ServicePoint, point_id) if point_id is not None else None


def _members(session: Session, household: Household, today: date) -> list[MemberOut]:
    people = session.scalars(
        select(Individual)
        .where(Individual.household_id == household.id, ~Individual.deleted)
        .order_by(Individual.status, Individual.date_of_birth, Individual.id)
    )
    out = []
    for p in people:
        school = _point(session, p.school_id)
        clinic = _point(session, p.health_facility_id)
        out.append(
            MemberOut(
                id=p.id,
                first_name=p.first_name,
                last_name=p.last_name,
                sex=p.sex,
                date_of_birth=p.date_of_birth,
                age=age_on(p.date_of_birth, today),
                relationship=p.relationship,
                status=p.status,
                status_date=p.status_date,
                status_reason=p.status_reason,
                national_id=p.national_id,
                phone=p.phone,
                disability=p.disability,
                school=school.name if school else None,
                health_facility=clinic.name if clinic else None,
                is_head=p.id == household.head_id,
                is_primary_recipient=p.id == household.primary_recipient_id,
                is_secondary_recipient=p.id == household.secondary_recipient_id,
                school_code=school.code if school else None,
                health_facility_code=clinic.code if clinic else None,
            )
        )
    return out


def _history(session: Session, household_id: str) -> list[HistoryEntry]:
    rows = session.execute(
        select(AuditEntry, User.username)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .where(AuditEntry.household_id == household_id)
        .order_by(AuditEntry.id.desc())
        .limit(HISTORY_LIMIT)
    ).all()
    return [
        HistoryEntry(
            at=a.at,
            user=name,
            action=a.action,
            table=a.table_name,
            row_id=a.row_id,
            field=a.field,
            old=a.old_value,
            new=a.new_value,
        )
        for a, name in rows
    ]


def get_household(
    session: Session, *, ref: str, actor: Actor | None, today: date, with_history: bool = True
) -> HouseholdOut:
    """The full household page for ``ref`` (id or code), scoped to ``actor``'s district."""
    h = household_by_ref(session, ref, actor)
    village = session.get(Location, h.village_id)
    assert village is not None
    chain = ancestors(session, village)
    ward = next((loc.name for loc in chain if loc.level == "W"), None)
    district = next((loc.code for loc in chain if loc.level == "D"), "")
    point = session.get(ServicePoint, h.pay_point_id) if h.pay_point_id else None
    enrolments = [
        EnrolmentOut(
            id=e.id,
            programme_code=code,
            programme_name=name,
            status=e.status,
            status_reason=e.status_reason,
            status_date=e.status_date,
        )
        for e, code, name in session.execute(
            select(Enrolment, Programme.code, Programme.name)
            .join(Programme, Programme.id == Enrolment.programme_id)
            .where(Enrolment.household_id == h.id, ~Enrolment.deleted)
            .order_by(Programme.code)
        ).all()
    ]
    accounts = []
    for a in session.scalars(
        select(PaymentAccount)
        .where(PaymentAccount.household_id == h.id, ~PaymentAccount.deleted)
        .order_by(PaymentAccount.status, PaymentAccount.created_at.desc())
    ):
        holder = session.get(Individual, a.holder_id) if a.holder_id else None
        accounts.append(
            PaymentAccountOut(
                id=a.id,
                method=a.method,
                provider=a.provider,
                account_number=a.account_number,
                account_name=a.account_name,
                holder_name=f"{holder.first_name} {holder.last_name}" if holder else None,
                verification=a.verification,
                status=a.status,
            )
        )
    grievances = [
        GrievanceBrief(id=g.id, code=g.code, title=g.title, status=g.status, due_date=g.due_date)
        for g in session.scalars(
            select(Grievance)
            .where(Grievance.household_id == h.id, ~Grievance.deleted)
            .order_by(Grievance.received_on.desc())
        )
    ]
    conflicts = (
        session.scalar(
            select(func.count())
            .select_from(SyncConflict)
            .where(SyncConflict.household_id == h.id, SyncConflict.status == "open")
        )
        or 0
    )
    pending = (
        session.scalar(
            select(func.count())
            .select_from(OutboxOp)
            .where(OutboxOp.row_id == h.id, OutboxOp.status == OutboxStatus.PENDING)
        )
        or 0
    )
    waiting = (
        session.scalar(
            select(func.count())
            .select_from(ChangeRequest)
            .where(
                ChangeRequest.household_id == h.id,
                ChangeRequest.status == ChangeRequestStatus.PENDING,
                ~ChangeRequest.deleted,
            )
        )
        or 0
    )
    return HouseholdOut(
        id=h.id,
        code=h.code,
        status=h.status,
        district_code=district,
        ward_name=ward,
        village_code=village.code,
        village_name=village.name,
        address=h.address,
        landmark=h.landmark,
        phone=h.phone,
        gps_lat=h.gps_lat,
        gps_lon=h.gps_lon,
        pmt_score=h.pmt_score,
        pay_point_code=point.code if point else None,
        pay_point_name=point.name if point else None,
        version=h.version,
        members=_members(session, h, today),
        enrolments=enrolments,
        payment_accounts=accounts,
        history=_history(session, h.id) if with_history else [],
        grievances=grievances,
        open_conflicts=int(conflicts),
        pending_changes=int(pending),
        waiting_requests=int(waiting),
    )
