"""Error and fraud cases as the list and the case page read them (frozen DTOs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.transitions import allowed_next
from app.domain.vocab import CaseDecision, CaseStatus, ServicePointKind
from app.models.db import Database
from app.models.decision import Case, ChangeRequest, CorrectiveAction
from app.models.location import Location, ServicePoint
from app.models.payment import Payment
from app.models.programme import Enrolment, Programme
from app.models.registry import Household, Individual
from app.models.user import User
from app.services.case_rules import ActionStatus
from app.services.cases import DECIDERS, case_by_ref
from app.services.context import Actor
from app.services.households import LIVE_ENROLMENT
from app.services.lookups import household_by_ref
from app.services.options import Option


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    id: str
    code: str
    type: str
    status: str
    decision: str | None
    household_code: str | None
    head_name: str | None
    payment_code: str | None
    opened_at: datetime
    opened_by: str | None
    actions_pending: int


@dataclass(frozen=True)
class ActionOut:
    """A corrective action with the state of the change request that carries it."""

    id: str
    action: str
    status: str
    amount: int | None
    params: dict[str, object]
    request_id: str | None
    request_status: str | None
    maker: str | None
    checker: str | None
    decided_at: datetime | None
    decision_note: str
    proposed_at: datetime


@dataclass(frozen=True)
class EnrolmentChoice:
    """A live enrolment of the case's household (what enrolment actions can target)."""

    id: str
    programme_code: str
    programme_name: str
    status: str


@dataclass(frozen=True)
class CaseOut:
    """The case page: facts, findings, decision, actions and what the reader may do next."""

    id: str
    code: str
    type: str
    status: str
    decision: str | None
    decision_note: str
    findings: str
    household_id: str | None
    household_code: str | None
    head_name: str | None
    payment_id: str | None
    payment_code: str | None
    payment_amount: int | None
    currency: str
    district_id: str
    district_code: str
    opened_at: datetime
    opened_by: str | None
    decided_by: str | None
    version: int
    next_statuses: list[str]
    can_decide: bool  # this reader may decide it now
    can_act: bool  # confirmed and not closed: corrective actions may be proposed
    actions: list[ActionOut] = field(default_factory=list)
    request_ids: list[str] = field(default_factory=list)
    enrolments: list[EnrolmentChoice] = field(default_factory=list)


def _head_names(session: Session, head_ids: set[str]) -> dict[str, str]:
    rows = session.execute(
        select(Individual.id, Individual.first_name, Individual.last_name).where(
            Individual.id.in_(sorted(head_ids))
        )
    )
    return {pid: f"{first} {last}" for pid, first, last in rows}


def _usernames(session: Session, user_ids: set[str]) -> dict[str, str]:
    rows = session.execute(select(User.id, User.username).where(User.id.in_(sorted(user_ids))))
    return dict(rows.tuples().all())


def list_cases(
    db: Database,
    *,
    actor: Actor | None = None,
    status: str | None = None,
    type: str | None = None,  # noqa: A002 - the case type, named as in the model
    household_ref: str | None = None,
    limit: int = 200,
) -> list[CaseRow]:
    """Cases in the actor's district (all for HQ), newest first."""
    pending = (
        select(func.count())
        .where(
            CorrectiveAction.case_id == Case.id,
            ~CorrectiveAction.deleted,
            CorrectiveAction.status == ActionStatus.PENDING_APPROVAL,
        )
        .scalar_subquery()
    )
    with db.read_session() as session:
        query = (
            select(Case, Household.code, Household.head_id, Payment.code, pending)
            .outerjoin(Household, Household.id == Case.household_id)
            .outerjoin(Payment, Payment.id == Case.payment_id)
            .where(~Case.deleted)
        )
        if actor is not None and actor.district_id is not None:
            query = query.where(Case.district_id == actor.district_id)
        if status:
            query = query.where(Case.status == status.strip().upper())
        if type:
            query = query.where(Case.type == type.strip().upper())
        if household_ref:
            query = query.where(
                Case.household_id == household_by_ref(session, household_ref, actor).id
            )
        rows = session.execute(
            query.order_by(Case.created_at.desc(), Case.code.desc()).limit(limit)
        ).all()
        heads = _head_names(session, {head for _, _, head, _, _ in rows if head})
        users = _usernames(session, {c.opened_by for c, *_ in rows if c.opened_by})
        return [
            CaseRow(
                id=c.id,
                code=c.code,
                type=c.type,
                status=c.status,
                decision=c.decision,
                household_code=household_code,
                head_name=heads.get(head or ""),
                payment_code=payment_code,
                opened_at=c.created_at,
                opened_by=users.get(c.opened_by or ""),
                actions_pending=int(waiting or 0),
            )
            for c, household_code, head, payment_code, waiting in rows
        ]


def _actions(session: Session, case_id: str) -> list[tuple[CorrectiveAction, ChangeRequest | None]]:
    rows = session.execute(
        select(CorrectiveAction, ChangeRequest)
        .outerjoin(ChangeRequest, ChangeRequest.id == CorrectiveAction.change_request_id)
        .where(CorrectiveAction.case_id == case_id, ~CorrectiveAction.deleted)
        .order_by(CorrectiveAction.created_at, CorrectiveAction.id)
    )
    return [(action, request) for action, request in rows.tuples()]


def _enrolments(session: Session, household_id: str | None) -> list[EnrolmentChoice]:
    if household_id is None:
        return []
    rows = session.execute(
        select(Enrolment.id, Programme.code, Programme.name, Enrolment.status)
        .join(Programme, Programme.id == Enrolment.programme_id)
        .where(
            Enrolment.household_id == household_id,
            ~Enrolment.deleted,
            Enrolment.status.in_(LIVE_ENROLMENT),
        )
        .order_by(Programme.code)
    )
    return [EnrolmentChoice(*row) for row in rows.tuples()]


def _currency(session: Session, case: Case, payment: Payment | None) -> str:
    enrolment_id = payment.enrolment_id if payment is not None else None
    query = select(Programme.currency).join(Enrolment, Enrolment.programme_id == Programme.id)
    if enrolment_id is not None:
        query = query.where(Enrolment.id == enrolment_id)
    else:
        query = query.where(Enrolment.household_id == case.household_id).order_by(Programme.code)
    return session.scalar(query.limit(1)) or ""


def get_case(db: Database, *, ref: str, actor: Actor | None = None) -> CaseOut:
    """The case page for ``ref`` (id or code), scoped to the actor's district."""
    with db.read_session() as session:
        case = case_by_ref(session, ref, actor)
        household = session.get(Household, case.household_id) if case.household_id else None
        payment = session.get(Payment, case.payment_id) if case.payment_id else None
        district = session.get(Location, case.district_id)
        actions = _actions(session, case.id)
        user_ids = {u for u in (case.opened_by, case.decided_by) if u}
        for _, request in actions:
            if request is not None:
                user_ids |= {u for u in (request.maker_id, request.checker_id) if u}
        users = _usernames(session, user_ids)
        head_id = household.head_id if household else None
        heads = _head_names(session, {head_id} if head_id else set())
        decided = case.status == CaseStatus.DECIDED
        return CaseOut(
            id=case.id,
            code=case.code,
            type=case.type,
            status=case.status,
            decision=case.decision,
            decision_note=case.decision_note,
            findings=case.findings,
            household_id=case.household_id,
            household_code=household.code if household else None,
            head_name=heads.get(head_id or ""),
            payment_id=case.payment_id,
            payment_code=payment.code if payment else None,
            payment_amount=payment.amount if payment else None,
            currency=_currency(session, case, payment),
            district_id=case.district_id,
            district_code=district.code if district else "",
            opened_at=case.created_at,
            opened_by=users.get(case.opened_by or ""),
            decided_by=users.get(case.decided_by or ""),
            version=case.version,
            next_statuses=sorted(allowed_next(CaseStatus, case.status)),
            can_decide=(
                actor is not None
                and actor.role in DECIDERS
                and CaseStatus.DECIDED in allowed_next(CaseStatus, case.status)
            ),
            can_act=decided and case.decision == CaseDecision.CONFIRMED,
            actions=[
                ActionOut(
                    id=action.id,
                    action=action.action,
                    status=action.status,
                    amount=action.amount,
                    params=dict(action.params),
                    request_id=action.change_request_id,
                    request_status=request.status if request else None,
                    maker=users.get(request.maker_id) if request else None,
                    checker=users.get(request.checker_id or "") if request else None,
                    decided_at=request.decided_at if request else None,
                    decision_note=request.decision_note if request else "",
                    proposed_at=action.created_at,
                )
                for action, request in actions
            ],
            request_ids=[a.change_request_id for a, _ in actions if a.change_request_id],
            enrolments=_enrolments(session, case.household_id),
        )


def pay_point_options(db: Database, *, district_id: str) -> list[Option]:
    """Live pay points of a district, by code (a CHANGE_PAY_POINT action picks one)."""
    with db.read_session() as session:
        rows = session.execute(
            select(ServicePoint.code, ServicePoint.name)
            .where(
                ServicePoint.kind == ServicePointKind.PAY_POINT,
                ServicePoint.district_id == district_id,
                ~ServicePoint.deleted,
            )
            .order_by(ServicePoint.code)
        )
        return [Option(code, name) for code, name in rows.tuples()]
