"""Compliance: recording sheets, validation, the copy-back grid, household status, follow-up
measures and activity sequences.

The test district has no conditions; ``conditions`` adds CT-COND (school: children 6-15 at 80 %
of days, health: children under 5, one visit) and PW's WORK_DAYS (adults, 15 days) with a works
site WS-01 in ward W01 and three activities, as baseline rows.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text

from app.domain.vocab import ProgrammeType, ServicePointKind
from app.errors import InvalidTransition, PermissionDenied, ValidationFailed
from app.models import (
    AccompanyingMeasure,
    Activity,
    ComplianceRecord,
    Enrolment,
    Programme,
    ProgrammeCondition,
    ServicePoint,
)
from app.models.recorder import REMOTE_KEY
from app.services.compliance import (
    MEASURE_DUE_DAYS,
    AttendanceEntry,
    activity_progress,
    check_non_compliance,
    compliance_grid,
    condition_options,
    household_compliance,
    list_measures,
    periods_ending,
    record_activity_progress,
    record_attendance,
    sheet_service_points,
    shift_period,
    update_measure,
)
from app.services.dto import HouseholdIn, MemberIn
from app.services.household_queries import get_household
from app.services.households import register_household
from app.services.members import add_member, record_death, update_member
from tests.factories import FIXED_NOW, District, enrol, registered

TODAY = FIXED_NOW.date()
SCHOOL, HEALTH, DAYS = "CT-COND-SCHOOL", "CT-COND-HEALTH", "PW-DAYS"


@pytest.fixture
def d(district: District) -> District:
    return add_conditions(district)


def add_conditions(district: District) -> District:
    """Add CT-COND with its conditions, PW-DAYS, works site WS-01 and PW's activities."""
    with district.db.write_session() as s, s.begin():
        s.info[REMOTE_KEY] = True
        programme = Programme(
            code="CT-COND",
            name="Conditional cash transfer",
            type=ProgrammeType.CONDITIONAL_CT,
            base_amount=10000,
        )
        s.add(programme)
        s.flush()
        district.ids["CT-COND"] = programme.id
        for programme_id, code, kind, applies_to, threshold in [
            (programme.id, SCHOOL, "SCHOOL_ATTENDANCE", "CHILD_6_15", 80),
            (programme.id, HEALTH, "HEALTH_VISIT", "CHILD_UNDER_5", 1),
            (district.ids["PW"], DAYS, "WORK_DAYS", "ADULT", 15),
        ]:
            s.add(
                ProgrammeCondition(
                    programme_id=programme_id,
                    code=code,
                    name=code.title(),
                    kind=kind,
                    applies_to=applies_to,
                    threshold=threshold,
                    periods_before_measure=2,
                )
            )
        s.add(
            ServicePoint(
                code="WS-01",
                name="Digue anti-sel",
                kind=ServicePointKind.WORKS_SITE,
                location_id=district.ids["V002"],
                district_id=district.district_id,
            )
        )
        for position, (name, days) in enumerate(
            [("Safety training", 3), ("Dyke", 5), ("Trees", 2)], start=1
        ):
            s.add(
                Activity(
                    programme_id=district.ids["PW"],
                    position=position,
                    name=name,
                    working_days=days,
                )
            )
    return district


def household(d: District, village: str = "V001", *, programme: str | None = "CT-COND") -> str:
    hid = registered(d, village)
    if programme:
        enrol(d, hid, programme)
    return hid


def people(d: District, hid: str) -> dict[str, str]:
    with d.db.read_session() as s:
        page = get_household(s, ref=hid, actor=None, today=TODAY, with_history=False)
    return {m.first_name: m.id for m in page.members}


def code_of(d: District, hid: str) -> str:
    with d.db.read_session() as s:
        return get_household(s, ref=hid, actor=None, today=TODAY, with_history=False).code


def record(d: District, condition: str, period: str, point: str, *entries: AttendanceEntry) -> Any:
    return record_attendance(
        d.ctx(),
        condition_code=condition,
        period=period,
        service_point_code=point,
        entries=list(entries),
    )


def record_count(d: District) -> int:
    with d.db.read_session() as s:
        return int(s.scalar(select(func.count()).select_from(ComplianceRecord)) or 0)


def outbox(d: District, after: int = 0) -> list[tuple[str, str]]:
    with d.db.read_session() as s:
        return [
            (t, k)
            for t, k in s.execute(
                text(
                    "SELECT table_name, kind FROM outbox WHERE device_seq > :s ORDER BY device_seq"
                ),
                {"s": after},
            ).all()
        ]


def last_seq(d: District) -> int:
    with d.db.read_session() as s:
        return int(s.execute(text("SELECT coalesce(max(device_seq), 0) FROM outbox")).scalar_one())


def errors_of(exc: ValidationFailed) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in exc.errors}


# --- periods -----------------------------------------------------------------------------------


def test_periods() -> None:
    assert shift_period("2026-01", -1) == "2025-12"
    assert shift_period("2025-12", 2) == "2026-02"
    assert periods_ending("2026-02", 3) == ["2025-12", "2026-01", "2026-02"]


# --- recording ---------------------------------------------------------------------------------


def test_record_school_sheet_derives_outcomes(d: District) -> None:
    a, b = household(d, "V001"), household(d, "V002")
    fatou_a, fatou_b = people(d, a)["Fatou"], people(d, b)["Fatou"]
    seq = last_seq(d)
    result = record(
        d,
        SCHOOL,
        "2026-05",
        "sch-01",
        AttendanceEntry(fatou_a, attended=16, expected=20),  # 80 %: met
        AttendanceEntry(fatou_b, attended=15, expected=20),  # 75 %: not met
    )
    assert (result.met, result.not_met, result.exempt) == (1, 1, 0)
    assert outbox(d, seq) == [("compliance_records", "insert")] * 2  # one op per record
    with d.db.read_session() as s:
        rows = {r.individual_id: r for r in s.scalars(select(ComplianceRecord))}
    assert rows[fatou_a].outcome == "MET" and rows[fatou_b].outcome == "NOT_MET"
    assert rows[fatou_a].household_id == a and rows[fatou_a].district_id == d.district_id
    assert rows[fatou_a].service_point_id == d.ids["SCH-01"]
    assert rows[fatou_a].recorded_by == d.ids["user:officer"]


def test_recording_again_is_refused(d: District) -> None:
    fatou = people(d, household(d))["Fatou"]
    record(d, SCHOOL, "2026-05", "SCH-01", AttendanceEntry(fatou, outcome="EXEMPT"))
    with pytest.raises(ValidationFailed) as exc:
        record(d, SCHOOL, "2026-05", "SCH-01", AttendanceEntry(fatou, 20, 20))
    assert errors_of(exc.value) == {("entries[0].individual_id", "ALREADY_RECORDED")}
    record(d, SCHOOL, "2026-04", "SCH-01", AttendanceEntry(fatou, 20, 20))  # another period
    assert record_count(d) == 2


def test_every_problem_is_reported_and_nothing_written(d: District) -> None:
    hid = household(d)
    p = people(d, hid)
    outside = people(d, household(d, "V002", programme=None))["Fatou"]  # not enrolled
    with pytest.raises(ValidationFailed) as exc:
        record(
            d,
            SCHOOL,
            "2026-05",
            "SCH-01",
            AttendanceEntry(p["Fatou"], attended=21, expected=20),
            AttendanceEntry(p["Ibrahima"], attended=20, expected=20),  # 6, but no school
            AttendanceEntry(p["Moussa"], outcome="MET"),  # an adult
            AttendanceEntry("no-such-person", outcome="MET"),
            AttendanceEntry(outside, attended=20, expected=20),
            AttendanceEntry(outside, attended=20, expected=20),
        )
    assert errors_of(exc.value) == {
        ("entries[0].attended", "ATTENDED_OVER_EXPECTED"),
        ("entries[1].individual_id", "NOT_AT_SERVICE_POINT"),
        ("entries[2].individual_id", "NOT_CONCERNED_BY_AGE"),
        ("entries[3].individual_id", "UNKNOWN_INDIVIDUAL"),
        ("entries[4].individual_id", "NOT_ENROLLED"),
        ("entries[5].individual_id", "DUPLICATE_ENTRY"),
    }
    with pytest.raises(ValidationFailed) as exc:
        record(
            d,
            SCHOOL,
            "2026-05",
            "SCH-01",
            AttendanceEntry(p["Fatou"], attended=10, expected=20, outcome="MET"),
        )
    assert errors_of(exc.value) == {("entries[0].outcome", "OUTCOME_CONTRADICTS_ATTENDANCE")}
    for entry, error in [
        (AttendanceEntry(p["Fatou"], attended=10), ("entries[0].expected", "EXPECTED_REQUIRED")),
        (AttendanceEntry(p["Fatou"]), ("entries[0].outcome", "OUTCOME_OR_ATTENDANCE_REQUIRED")),
        (
            AttendanceEntry(p["Fatou"], attended=-1, expected=3),
            ("entries[0].attended", "NEGATIVE_NUMBER"),
        ),
        (AttendanceEntry(p["Fatou"], outcome="MAYBE"), ("entries[0].outcome", "INVALID_CHOICE")),
    ]:
        with pytest.raises(ValidationFailed) as exc:
            record(d, SCHOOL, "2026-05", "SCH-01", entry)
        assert errors_of(exc.value) == {error}
    assert record_count(d) == 0


def test_sheet_level_validation(d: District) -> None:
    fatou = people(d, household(d))["Fatou"]
    entry = AttendanceEntry(fatou, 20, 20)
    for args, error in [
        ((SCHOOL, "2026-13", "SCH-01"), ("period", "INVALID_PERIOD")),
        ((SCHOOL, "May 2026", "SCH-01"), ("period", "INVALID_PERIOD")),
        ((SCHOOL, "2026-07", "SCH-01"), ("period", "PERIOD_IN_FUTURE")),
        (("NOPE", "2026-05", "SCH-01"), ("condition", "UNKNOWN_CONDITION")),
        ((SCHOOL, "2026-05", "HF-01"), ("service_point", "WRONG_SERVICE_POINT_KIND")),
        ((SCHOOL, "2026-05", "SCH-99"), ("service_point", "UNKNOWN_SERVICE_POINT")),
    ]:
        with pytest.raises(ValidationFailed) as exc:
            record(d, *args, entry)
        assert errors_of(exc.value) == {error}, args
    with pytest.raises(ValidationFailed) as exc:
        record(d, SCHOOL, "2026-05", "SCH-01")
    assert errors_of(exc.value) == {("entries", "AT_LEAST_ONE_ENTRY")}
    record(d, SCHOOL, "2026-06", "SCH-01", entry)  # the current month is allowed


def test_scope_and_dead_members(d: District) -> None:
    hid = household(d)
    p = people(d, hid)
    with pytest.raises(PermissionDenied) as exc:
        record_attendance(
            d.ctx("other"),
            condition_code=SCHOOL,
            period="2026-05",
            service_point_code="SCH-01",
            entries=[AttendanceEntry(p["Fatou"], 20, 20)],
        )
    assert exc.value.code == "OUT_OF_SCOPE"
    with pytest.raises(PermissionDenied):
        compliance_grid(
            d.db,
            service_point_code="SCH-01",
            condition_code=SCHOOL,
            period="2026-05",
            actor=d.ctx("other").actor,
        )
    record_death(d.ctx(), individual_id=p["Fatou"], date_of_death="2026-06-01")
    with pytest.raises(ValidationFailed) as vexc:
        record(d, SCHOOL, "2026-05", "SCH-01", AttendanceEntry(p["Fatou"], 20, 20))
    assert errors_of(vexc.value) == {("entries[0].individual_id", "MEMBER_NOT_PRESENT")}


def test_health_visits_count_against_the_threshold(d: District) -> None:
    hid = household(d)
    baby = add_member(
        d.ctx(),
        household_ref=hid,
        member=MemberIn(
            "Awa", "Diallo", "F", "2025-09-01", "DAUGHTER", health_facility_code="HF-01"
        ),
    )
    result = record(d, HEALTH, "2026-05", "HF-01", AttendanceEntry(baby, attended=1))
    assert result.met == 1
    result = record(d, HEALTH, "2026-04", "HF-01", AttendanceEntry(baby, attended=0, expected=1))
    assert result.not_met == 1
    with pytest.raises(ValidationFailed) as exc:  # born after the period started
        record(d, HEALTH, "2025-08", "HF-01", AttendanceEntry(baby, attended=1))
    assert errors_of(exc.value) == {("entries[0].individual_id", "NOT_CONCERNED_BY_AGE")}


# --- the grid ----------------------------------------------------------------------------------


def test_grid_lists_the_sheet_in_paper_order_with_recorded_values(d: District) -> None:
    # Village names: V001 Médina Chérif, V002 Sinthiang, V003 Saré Yoba.
    sinthiang, medina, sare = household(d, "V002"), household(d, "V001"), household(d, "V003")
    household(d, "V001", programme=None)  # not enrolled: not on the sheet
    older = register_household(
        d.ctx(),
        data=HouseholdIn(
            village_code="V001",
            members=[
                MemberIn("Samba", "Sow", "M", "1975-01-01", "HEAD"),
                MemberIn("Binta", "Sow", "F", "2012-03-01", "DAUGHTER", school_code="SCH-01"),
                MemberIn("Adama", "Sow", "M", "2010-04-30", "SON", school_code="SCH-01"),  # 16
                MemberIn("Aliou", "Sow", "M", "2013-06-01", "SON", school_code="SCH-01"),
            ],
        ),
    )
    enrol(d, older, "CT-COND")
    record(
        d,
        SCHOOL,
        "2026-05",
        "SCH-01",
        AttendanceEntry(people(d, sare)["Fatou"], 12, 20),
    )
    grid = compliance_grid(
        d.db, service_point_code="SCH-01", condition_code=SCHOOL, period="2026-05"
    )
    order = [(r.village_name, r.household_code, r.first_name) for r in grid.rows]
    expected_order = sorted(
        [
            ("Médina Chérif", code_of(d, medina), "Fatou"),
            ("Médina Chérif", code_of(d, older), "Aliou"),
            ("Médina Chérif", code_of(d, older), "Binta"),
            ("Saré Yoba", code_of(d, sare), "Fatou"),
            ("Sinthiang", code_of(d, sinthiang), "Fatou"),
        ],
        key=lambda row: (row[0], row[1], row[2]),
    )
    assert order == expected_order
    assert [r.number for r in grid.rows] == [1, 2, 3, 4, 5]
    recorded = [r for r in grid.rows if r.recorded]
    assert [(r.first_name, r.attended, r.expected, r.outcome) for r in recorded] == [
        ("Fatou", 12, 20, "NOT_MET")
    ]
    assert recorded[0].household_code == code_of(d, sare)
    assert (grid.listed, grid.met, grid.not_met, grid.not_reported) == (5, 0, 1, 4)
    assert grid.threshold_is_percent and grid.threshold == 80
    fatou_row = next(r for r in grid.rows if r.household_code == code_of(d, medina))
    assert fatou_row.caregiver_name == "Aminata Diallo" and fatou_row.age == 12
    assert all(r.on_sheet for r in grid.rows)


def test_work_days_one_worker_per_household_in_the_sites_ward(d: District) -> None:
    near = household(d, "V001", programme="PW")
    far = household(d, "V003", programme="PW")  # ward W02, not the site's
    grid = compliance_grid(d.db, service_point_code="WS-01", condition_code=DAYS, period="2026-05")
    assert [(r.household_code, r.first_name) for r in grid.rows] == [
        (code_of(d, near), "Aminata")  # the primary recipient
    ]
    moussa = people(d, near)["Moussa"]  # a substitute worked
    record(d, DAYS, "2026-05", "WS-01", AttendanceEntry(moussa, attended=15))
    with pytest.raises(ValidationFailed) as exc:
        record(d, DAYS, "2026-05", "WS-01", AttendanceEntry(people(d, far)["Moussa"], 15))
    assert errors_of(exc.value) == {("entries[0].individual_id", "NOT_AT_SERVICE_POINT")}
    grid = compliance_grid(d.db, service_point_code="WS-01", condition_code=DAYS, period="2026-05")
    assert [(r.first_name, r.outcome, r.on_sheet) for r in grid.rows] == [
        ("Aminata", None, True),
        ("Moussa", "MET", False),
    ]
    status = household_compliance(d.db, household_ref=near, today=TODAY)
    days = next(c for c in status.conditions if c.condition_code == DAYS)
    assert [c.status for c in days.cells] == ["MISSING", "MISSING", "MET"]
    assert days.status == "COMPLIANT"


# --- household status --------------------------------------------------------------------------


def test_household_compliance(d: District) -> None:
    good, bad = household(d), household(d)
    record(
        d,
        SCHOOL,
        "2026-04",
        "SCH-01",
        AttendanceEntry(people(d, good)["Fatou"], 10, 20),
        AttendanceEntry(people(d, bad)["Fatou"], 20, 20),
    )
    record(
        d,
        SCHOOL,
        "2026-05",
        "SCH-01",
        AttendanceEntry(people(d, good)["Fatou"], 19, 20),
        AttendanceEntry(people(d, bad)["Fatou"], 2, 20),
    )
    status = household_compliance(d.db, household_ref=code_of(d, good), today=TODAY)
    assert status.periods == ["2026-03", "2026-04", "2026-05"]
    by_code = {c.condition_code: c for c in status.conditions}
    assert set(by_code) == {SCHOOL, HEALTH}
    school = by_code[SCHOOL]
    # Ibrahima (6) has no school: he is concerned but never recorded, so April and May are not
    # fully reported; April's NOT_MET still shows.
    assert [c.status for c in school.cells] == ["MISSING", "NOT_MET", "MISSING"]
    assert school.cells[2].met == 1 and school.cells[2].missing == 1
    assert school.status == "NON_COMPLIANT"  # the latest period with a verdict is April
    assert [c.status for c in by_code[HEALTH].cells] == ["NOT_APPLICABLE"] * 3
    assert by_code[HEALTH].status == "NO_DATA"
    assert status.status == "NON_COMPLIANT"
    # Ibrahima gets his school (the sheet's "missing from this list" row becomes a member
    # change), then his May result is keyed: the household is compliant again.
    ibrahima = people(d, good)["Ibrahima"]
    update_member(d.ctx(), individual_id=ibrahima, changes={"school_code": "SCH-01"})
    record(d, SCHOOL, "2026-05", "SCH-01", AttendanceEntry(ibrahima, outcome="EXEMPT"))
    status = household_compliance(d.db, household_ref=good, today=TODAY)
    assert status.status == "COMPLIANT"
    assert household_compliance(d.db, household_ref=bad, today=TODAY).status == "NON_COMPLIANT"
    window = household_compliance(d.db, household_ref=good, periods=1, until="2026-04")
    assert window.periods == ["2026-04"] and window.status == "NON_COMPLIANT"
    lone = household(d, programme=None)
    empty = household_compliance(d.db, household_ref=lone, today=TODAY)
    assert empty.conditions == [] and empty.status == "NO_DATA"
    with pytest.raises(PermissionDenied):
        household_compliance(d.db, household_ref=good, today=TODAY, actor=d.ctx("other").actor)


# --- follow-up ---------------------------------------------------------------------------------


def test_follow_up_measures(d: District) -> None:
    twice, once, enrolled_out = household(d), household(d), household(d)
    for period, outcomes in [("2026-04", (5, 5, 5)), ("2026-05", (5, 20, 5))]:
        record(
            d,
            SCHOOL,
            period,
            "SCH-01",
            *[
                AttendanceEntry(people(d, hid)["Fatou"], attended, 20)
                for hid, attended in zip((twice, once, enrolled_out), outcomes, strict=True)
            ],
        )
    with d.db.write_session() as s, s.begin():  # left the programme (as pulled from HQ)
        s.info[REMOTE_KEY] = True
        enrolment = s.scalar(select(Enrolment).where(Enrolment.household_id == enrolled_out))
        assert enrolment is not None
        enrolment.status = "EXITED"
    seq = last_seq(d)
    created = check_non_compliance(d.ctx(), period="2026-05")
    assert [(m.household_id, m.condition_code) for m in created] == [(twice, SCHOOL)]
    assert outbox(d, seq) == [("accompanying_measures", "insert")]
    measure = created[0]
    assert measure.kind == "CASE_WORKER_VISIT" and measure.status == "PLANNED"
    assert measure.due_date == TODAY + timedelta(days=MEASURE_DUE_DAYS)
    assert "2026-04" in measure.reason and "2026-05" in measure.reason
    assert check_non_compliance(d.ctx(), period="2026-05") == []  # already followed up
    assert check_non_compliance(d.ctx("other"), period="2026-05") == []  # other district
    listed = list_measures(d.db, today=TODAY, actor=d.ctx().actor, open_only=True)
    assert [m.id for m in listed] == [measure.id]

    ctx = d.ctx()
    update_measure(ctx, measure_id=measure.id, status="IN_PROGRESS", assignee_username="officer")
    with pytest.raises(ValidationFailed) as exc:
        update_measure(ctx, measure_id=measure.id, status="DONE")
    assert errors_of(exc.value) == {("outcome", "REQUIRED")}
    with pytest.raises(InvalidTransition) as texc:
        update_measure(ctx, measure_id=measure.id, status="PLANNED")
    assert texc.value.code == "INVALID_TRANSITION"
    with pytest.raises(ValidationFailed) as exc:
        update_measure(ctx, measure_id=measure.id, assignee_username="other")
    assert errors_of(exc.value) == {("assignee", "USER_OF_ANOTHER_DISTRICT")}
    update_measure(ctx, measure_id=measure.id, status="DONE", outcome="Child back at school.")
    with pytest.raises(InvalidTransition) as texc:
        update_measure(ctx, measure_id=measure.id, outcome="more")
    assert texc.value.code == "MEASURE_FINISHED"
    with pytest.raises(PermissionDenied):
        update_measure(d.ctx("other"), measure_id=measure.id, outcome="x")
    done = list_measures(d.db, today=TODAY, actor=ctx.actor, household_ref=twice)
    assert [(m.status, m.assignee, m.outcome) for m in done] == [
        ("DONE", "officer", "Child back at school.")
    ]
    # Still failing after the visit: a new measure once the old one is closed.
    assert len(check_non_compliance(d.ctx(), period="2026-05")) == 1
    with d.db.read_session() as s:
        assert s.scalar(select(func.count()).select_from(AccompanyingMeasure)) == 2


# --- activity sequences ------------------------------------------------------------------------


def test_activities_open_one_after_the_other(d: District) -> None:
    hid = household(d, "V001", programme="PW")
    moussa = people(d, hid)["Moussa"]
    ctx = d.ctx()
    with pytest.raises(ValidationFailed) as exc:
        record_activity_progress(ctx, individual_id=moussa, activity_position=2, days_done=1)
    assert errors_of(exc.value) == {("activity_position", "ACTIVITY_LOCKED")}
    out = record_activity_progress(ctx, individual_id=moussa, activity_position=1, days_done=2)
    assert (out.status, out.days_done) == ("OPEN", 2)
    with pytest.raises(ValidationFailed) as exc:
        record_activity_progress(ctx, individual_id=moussa, activity_position=1, days_done=2)
    assert errors_of(exc.value) == {("days_done", "OVER_REMAINING_DAYS")}
    seq = last_seq(d)
    out = record_activity_progress(ctx, individual_id=moussa, activity_position=1, days_done=1)
    assert out.status == "COMPLETED" and out.completed_on == TODAY
    assert sorted(outbox(d, seq)) == [
        ("activity_progress", "insert"),
        ("activity_progress", "update"),
    ]
    steps = activity_progress(d.db, individual_id=moussa, actor=ctx.require_actor())
    assert [(s.position, s.status, s.days_done) for s in steps] == [
        (1, "COMPLETED", 3),
        (2, "OPEN", 0),
        (3, "LOCKED", 0),
    ]
    with pytest.raises(ValidationFailed) as exc:
        record_activity_progress(ctx, individual_id=moussa, activity_position=1, days_done=1)
    assert errors_of(exc.value) == {("activity_position", "ACTIVITY_COMPLETED")}
    for days, problem in [(0, ("days_done", "AT_LEAST_ONE")), (1, None)]:
        if problem:
            with pytest.raises(ValidationFailed) as exc:
                record_activity_progress(
                    ctx, individual_id=moussa, activity_position=2, days_done=days
                )
            assert errors_of(exc.value) == {problem}
        else:
            record_activity_progress(ctx, individual_id=moussa, activity_position=2, days_done=days)
    with pytest.raises(ValidationFailed) as exc:
        record_activity_progress(ctx, individual_id=moussa, activity_position=9, days_done=1)
    assert errors_of(exc.value) == {("activity_position", "UNKNOWN_ACTIVITY")}
    lone = people(d, household(d, "V001", programme=None))["Moussa"]
    with pytest.raises(ValidationFailed) as exc:
        record_activity_progress(ctx, individual_id=lone, activity_position=1, days_done=1)
    assert errors_of(exc.value) == {("individual_id", "NOT_ENROLLED_IN_ACTIVITIES")}
    with pytest.raises(PermissionDenied):
        record_activity_progress(
            d.ctx("other"), individual_id=moussa, activity_position=2, days_done=1
        )


def test_sheet_pickers(d: District) -> None:
    options = {o.code: o for o in condition_options(d.db)}
    assert set(options) == {SCHOOL, HEALTH, DAYS}
    assert options[SCHOOL].service_point_kind == "SCHOOL" and options[SCHOOL].threshold_is_percent
    assert not options[DAYS].threshold_is_percent
    assert sheet_service_points(d.db, condition_code=SCHOOL, actor=d.ctx().actor) == [
        ("SCH-01", "École de Sinthiang")
    ]
    assert sheet_service_points(d.db, condition_code=DAYS, actor=d.ctx("other").actor) == []
