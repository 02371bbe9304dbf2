"""A programme through a recertification round with a cross-check, offline, then synced.

The officer visits and decides on one laptop, the supervisor opens and closes the round on
another, a civil-registry deaths list is matched, and the exits and the death travel as change
requests that a checker approves; HQ ends up with the round, its decisions and their effects.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from app.server.programme_admin import set_approval_rules
from app.services.auth import authenticate
from app.services.change_requests import approve_request
from app.services.context import ServiceContext
from app.services.crosscheck import import_crosscheck, review_match
from app.services.crosscheck_queries import list_matches
from app.services.recertification import close_round, decide_task, open_round, record_visit
from app.services.recertification_queries import get_round, list_tasks
from app.sync.engine import run_sync
from tests.sync.helpers import enrol, register
from tests.sync.hq import PASSWORD, Hq


def test_round_with_cross_check_offline_then_synced(any_hq: Hq, tmp_path: Path) -> None:
    set_approval_rules(
        any_hq.db, programme_code="CT-UNC", change_types=["ENROLMENT_STATUS", "MEMBER_REMOVAL"]
    )
    field = any_hq.laptop("a1")
    officer = any_hq.ctx(field)
    households = [register(officer) for _ in range(3)]
    for household in households:
        enrol(officer, household, any_hq.ids["CT-UNC"], any_hq.ids["D01"])
    run_sync(field)
    office = any_hq.laptop("sup", "office")
    supervisor = ServiceContext(office, authenticate(office, username="sup", password=PASSWORD))
    round_id = open_round(supervisor, programme_code="CT-UNC", area_code="W01")
    code = get_round(office, ref=round_id, actor=supervisor.actor).code
    run_sync(office)

    # In the field, offline: visit everyone, exit one household, match the deaths list.
    run_sync(field)
    tasks = list_tasks(field, round_code=code, actor=officer.actor)
    assert len(tasks) == 3
    for n, task in enumerate(tasks):
        record_visit(officer, task_id=task.id, confirmed=True)
        decide_task(
            officer,
            task_id=task.id,
            decision="EXIT" if n == 0 else "CONTINUE",
            exit_reason="NOT_ELIGIBLE" if n == 0 else None,
        )
    deaths = tmp_path / "deaths.csv"
    deaths.write_text(
        "national_id,first_name,last_name,dob,date_of_death\n,FATOU,DIALO,2014-01-10,2026-05-20\n"
    )
    found = import_crosscheck(officer, path=deaths, source="civil registry deaths", round_code=code)
    assert found.created == 3  # the same child's name and birth date in three households
    first = list_matches(field, actor=officer.actor, round_code=code)[0]
    review = review_match(officer, match_id=first.id, action="CONFIRM")
    assert review.request_id is not None and not review.death_recorded
    assert run_sync(field).rejected == 0

    # At the office: close the round (the exit becomes a request) and approve the death.
    run_sync(office)
    assert close_round(supervisor, round_code=code) == 1
    approve_request(supervisor, request_id=review.request_id, note="certificate seen")
    assert run_sync(office).rejected == 0

    with any_hq.db.engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT status FROM recertification_rounds WHERE code = :c"), {"c": code}
            ).scalar()
            == "CLOSED"
        )
        assert (
            conn.execute(
                text("SELECT status FROM individuals WHERE id = :i"), {"i": first.individual_id}
            ).scalar()
            == "DECEASED"
        )
        exit_request = conn.execute(
            text("SELECT id, status FROM change_requests WHERE type = 'ENROLMENT_STATUS'")
        ).one()
        assert exit_request.status == "PENDING"  # made by the supervisor: another must check
        assert (
            conn.execute(
                text("SELECT count(*) FROM cross_check_matches WHERE status = 'CONFIRMED'")
            ).scalar()
            == 1
        )
    # An HQ admin checks the exit; every laptop then sees the household out of the programme.
    central = any_hq.laptop("hq")
    hq_admin = ServiceContext(central, authenticate(central, username="hq", password=PASSWORD))
    approve_request(hq_admin, request_id=exit_request.id)
    run_sync(central)
    run_sync(field)
    with field.engine.connect() as conn:
        statuses = sorted(s for (s,) in conn.execute(text("SELECT status FROM enrolments")))
    assert statuses == ["ACTIVE", "ACTIVE", "EXITED"]
