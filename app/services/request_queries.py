"""Change requests as a checker reads them: what changes, from what to what, asked by whom."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.domain.vocab import ChangeRequestStatus, Role
from app.models.db import Database
from app.models.decision import Case, ChangeRequest
from app.models.programme import Enrolment, Programme
from app.models.registry import Household, Individual
from app.services.context import Actor
from app.services.display_names import display_names


@dataclass(frozen=True)
class ChangeLine:
    """One field the request changes; ids are shown as names where known."""

    table: str
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class RequestOut:
    id: str
    type: str
    status: str
    household_id: str | None
    household_code: str
    target: str  # what the change is about, in words: a person, a programme, the household
    changes: list[ChangeLine]
    reason: str
    maker: str
    checker: str
    created_at: datetime
    decided_at: datetime | None
    decision_note: str
    case_code: str | None
    can_decide: bool  # this actor may approve or reject it
    can_withdraw: bool  # this actor made it and it still waits


def _text(value: object, names: dict[str, str]) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return names.get(value, value)
    return str(value)


def list_requests(
    db: Database,
    *,
    actor: Actor,
    status: str | None = ChangeRequestStatus.PENDING,
    household_id: str | None = None,
    limit: int = 500,
) -> list[RequestOut]:
    """Requests in the actor's scope, oldest waiting first (newest first once decided)."""
    with db.read_session() as s:
        query = (
            select(ChangeRequest, Household.code, Case.code)
            .outerjoin(Household, Household.id == ChangeRequest.household_id)
            .outerjoin(Case, Case.id == ChangeRequest.case_id)
            .where(~ChangeRequest.deleted)
        )
        if actor.district_id is not None:
            query = query.where(ChangeRequest.district_id == actor.district_id)
        if status:
            query = query.where(ChangeRequest.status == status)
        if household_id:
            query = query.where(ChangeRequest.household_id == household_id)
        order = (
            ChangeRequest.created_at.asc()
            if status == ChangeRequestStatus.PENDING
            else ChangeRequest.created_at.desc()
        )
        rows = s.execute(query.order_by(order).limit(limit)).all()
        enrolment_ids = [r.target_id for r, _, _ in rows if r.target_table == "enrolments"]
        programmes: dict[str, str] = {
            eid: code
            for eid, code in s.execute(
                select(Enrolment.id, Programme.code)
                .join(Programme, Programme.id == Enrolment.programme_id)
                .where(Enrolment.id.in_(enrolment_ids))
            )
        }
        person_ids = [r.target_id for r, _, _ in rows if r.target_table == "individuals"]
        people = {
            pid: f"{first} {last}"
            for pid, first, last in s.execute(
                select(Individual.id, Individual.first_name, Individual.last_name).where(
                    Individual.id.in_(person_ids)
                )
            )
        }
    ids: set[str] = set()
    for request, _, _ in rows:
        ids.update({request.maker_id, request.checker_id or ""})
        for values in (request.old_values, request.new_values):
            ids.update(v for v in values.values() if isinstance(v, str))
    names = display_names(db, ids)
    deciders = (Role.SUPERVISOR, Role.HQ_ADMIN)
    out: list[RequestOut] = []
    for request, household_code, case_code in rows:
        waiting = request.status == ChangeRequestStatus.PENDING
        changes = []
        for key, new in request.new_values.items():
            table, _, field = key.partition(".")
            changes.append(
                ChangeLine(
                    table,
                    field.split("@")[0],
                    _text(request.old_values.get(key), names),
                    _text(new, names),
                )
            )
        target = (
            programmes.get(request.target_id, "")
            if request.target_table == "enrolments"
            else people.get(request.target_id, "")
            if request.target_table == "individuals"
            else household_code or ""
        )
        out.append(
            RequestOut(
                id=request.id,
                type=request.type,
                status=request.status,
                household_id=request.household_id,
                household_code=household_code or "",
                target=target,
                changes=changes,
                reason=request.reason,
                maker=names.get(request.maker_id, request.maker_id),
                checker=names.get(request.checker_id or "", ""),
                created_at=request.created_at,
                decided_at=request.decided_at,
                decision_note=request.decision_note,
                case_code=case_code,
                can_decide=waiting and actor.role in deciders and actor.user_id != request.maker_id,
                can_withdraw=waiting and actor.user_id == request.maker_id,
            )
        )
    return out


def get_request(db: Database, *, actor: Actor, request_id: str) -> RequestOut | None:
    """One request by id (any status), or None if absent or out of scope."""
    with db.read_session() as s:
        household = s.scalar(
            select(ChangeRequest.household_id).where(ChangeRequest.id == request_id)
        )
        status = s.scalar(select(ChangeRequest.status).where(ChangeRequest.id == request_id))
    if status is None:
        return None
    found = [
        r
        for r in list_requests(db, actor=actor, status=status, household_id=household)
        if r.id == request_id
    ]
    return found[0] if found else None
