"""Decision work for the screenshots: requests waiting, a confirmed case, a round under way."""

from __future__ import annotations

from sqlalchemy import select

from app.models.db import Database
from app.models.programme import Enrolment, Programme
from app.models.registry import Household
from app.services.auth import authenticate
from app.services.cases import add_findings, decide_case, open_case, propose_action
from app.services.change_requests import submit_change
from app.services.context import ServiceContext
from app.services.recertification import decide_task, open_round, record_visit
from app.services.recertification_queries import get_round, list_tasks


def _enrolled(db: Database, programme: str, count: int) -> list[tuple[str, str]]:
    with db.read_session() as s:
        rows = s.execute(
            select(Household.id, Enrolment.id)
            .join(Enrolment, Enrolment.household_id == Household.id)
            .join(Programme, Programme.id == Enrolment.programme_id)
            .where(Programme.code == programme, Enrolment.status == "ACTIVE")
            .order_by(Household.code)
            .limit(count)
        ).all()
    return [(h, e) for h, e in rows]


def stage_decisions(db: Database, officer: ServiceContext) -> dict[str, str]:
    """Returns ids the screenshots open (the case, the round code)."""
    supervisor = ServiceContext(
        db, authenticate(db, username="supervisor", password="supervisor-pass")
    )
    households = _enrolled(db, "CT-UNC", 6)
    submit_change(
        officer,
        type="PAYMENT_ACCOUNT",
        target_id=households[0][0],
        params={
            "method": "MOBILE_MONEY",
            "provider": "Orange Money",
            "account_number": "+221776665544",
        },
        reason="The recipient changed her phone number and came with her new SIM card.",
    )
    submit_change(
        officer,
        type="ENROLMENT_STATUS",
        target_id=households[1][1],
        params={"status": "SUSPENDED", "reason": "Under investigation"},
        reason="Neighbours report the household moved to Ziguinchor two months ago.",
    )
    case_id = open_case(
        officer,
        type="DUPLICATE",
        household_ref=households[2][0],
        findings="The head appears in two households registered a year apart.",
    )
    add_findings(
        officer,
        case_ref=case_id,
        text="Visited both addresses: the second household is the same family; one must go.",
    )
    decide_case(
        supervisor,
        case_ref=case_id,
        decision="CONFIRMED",
        note="Same head, same children, same village: a duplicate registration.",
    )
    propose_action(supervisor, case_ref=case_id, action="EXIT", note="Keep the older record.")
    round_id = open_round(supervisor, programme_code="PW", area_code=_district_code(db))
    code = get_round(db, ref=round_id, actor=supervisor.actor).code
    for n, task in enumerate(list_tasks(db, round_code=code, actor=supervisor.actor, limit=18)):
        confirmed = n % 5 != 4
        record_visit(
            officer,
            task_id=task.id,
            confirmed=confirmed,
            note="" if confirmed else "Two adults left for seasonal work in the city.",
        )
        if n % 3 == 0:
            decide_task(supervisor, task_id=task.id, decision="CONTINUE")
    return {"case": case_id, "round": code}


def _district_code(db: Database) -> str:
    from app.models.location import Location

    with db.read_session() as s:
        code = s.scalar(select(Location.code).where(Location.level == "D").order_by(Location.code))
    assert code is not None
    return code
