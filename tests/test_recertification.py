"""Recertification rounds: opening over an area, visits, decisions, closing, progress, CLI."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

import app.cli.main as cli_main
from app.domain.vocab import EnrolmentStatus
from app.errors import AppError, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from app.models import Enrolment, OutboxOp, Programme, RecertificationRound, RecertificationTask
from app.models.recorder import REMOTE_KEY
from app.services.recertification import close_round, decide_task, open_round, record_visit
from app.services.recertification_queries import (
    count_tasks,
    get_round,
    list_rounds,
    list_tasks,
    progress_totals,
    round_progress,
)
from tests.factories import FIXED_NOW, District, enrol, registered
from tests.test_cli import Cli, sign_in

TODAY = FIXED_NOW.date()


def codes(exc: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {e.field: e.code for e in exc.value.errors}


@pytest.fixture
def people(district: District) -> dict[str, str]:
    """Households and their CT-UNC enrolments: ward W01 (V001, V002) and ward W02 (V003)."""
    ids: dict[str, str] = {}
    for name, village, status in [
        ("a", "V001", EnrolmentStatus.ACTIVE),
        ("b", "V001", EnrolmentStatus.SUSPENDED),
        ("c", "V002", EnrolmentStatus.ACTIVE),
        ("d", "V002", EnrolmentStatus.EXITED),  # not re-checked
        ("e", "V003", EnrolmentStatus.ACTIVE),  # other ward
        ("f", "V001", EnrolmentStatus.POTENTIAL),  # not re-checked
    ]:
        ids[name] = registered(district, village)
        ids[f"e:{name}"] = enrol(district, ids[name], "CT-UNC", status)
    ids["e:pw"] = enrol(district, ids["a"], "PW")  # another programme
    return ids


def _tasks(d: District, round_id: str) -> list[RecertificationTask]:
    with d.db.read_session() as s:
        return list(
            s.scalars(select(RecertificationTask).where(RecertificationTask.round_id == round_id))
        )


def _round(d: District, round_id: str) -> RecertificationRound:
    with d.db.read_session() as s:
        found = s.get(RecertificationRound, round_id)
        assert found is not None
        return found


def _enrolment_status(d: District, enrolment_id: str) -> tuple[str, str | None]:
    with d.db.read_session() as s:
        e = s.get(Enrolment, enrolment_id)
        assert e is not None
        return e.status, e.status_reason


def _opened(d: District, area: str = "W01") -> RecertificationRound:
    return _round(d, open_round(d.ctx("supervisor"), programme_code="CT-UNC", area_code=area))


def _task_of(d: District, rnd: RecertificationRound, household_id: str) -> str:
    return next(t.id for t in _tasks(d, rnd.id) if t.household_id == household_id)


def test_open_round_creates_one_task_per_enrolment_in_the_area(
    district: District, people: dict[str, str]
) -> None:
    rnd = _opened(district)
    assert rnd.code.startswith("RC-CT-UNC-202606-") and rnd.status == "OPEN"
    assert (rnd.opened_on, rnd.opened_by) == (TODAY, district.ids["user:supervisor"])
    tasks = _tasks(district, rnd.id)
    assert sorted(t.enrolment_id for t in tasks) == sorted(
        people[f"e:{n}"] for n in ("a", "b", "c")
    )
    assert {t.status for t in tasks} == {"PENDING"}
    assert {t.village_id for t in tasks} == {district.ids["V001"], district.ids["V002"]}
    whole = _opened(district, "V003")  # other ward: no overlap
    assert [t.household_id for t in _tasks(district, whole.id)] == [people["e"]]


def test_district_round_and_due_date(district: District, people: dict[str, str]) -> None:
    rid = open_round(
        district.ctx("hq"), programme_code="ct-unc", area_code="d01", due_date="2026-08-31"
    )
    rnd = _round(district, rid)
    assert rnd.due_date is not None and rnd.due_date.isoformat() == "2026-08-31"
    assert len(_tasks(district, rid)) == 4
    assert rnd.district_id == district.district_id


def test_officer_cannot_open_or_close(district: District, people: dict[str, str]) -> None:
    with pytest.raises(PermissionDenied) as exc:
        open_round(district.ctx(), programme_code="CT-UNC", area_code="W01")
    assert exc.value.code == "ROLE_NOT_ALLOWED"
    rnd = _opened(district)
    with pytest.raises(PermissionDenied):
        close_round(district.ctx(), round_code=rnd.code)
    with pytest.raises(PermissionDenied) as exc:
        record_visit(
            district.ctx("viewer"), task_id=_task_of(district, rnd, people["a"]), confirmed=True
        )
    assert exc.value.code == "READ_ONLY_ROLE"


def test_area_must_be_in_the_district(district: District, people: dict[str, str]) -> None:
    sup = district.ctx("supervisor")
    with pytest.raises(PermissionDenied) as denied:
        open_round(sup, programme_code="CT-UNC", area_code="V101")
    assert denied.value.code == "OUT_OF_SCOPE"
    for area, code in [("R01", "AREA_NOT_IN_DISTRICT"), ("X99", "UNKNOWN_AREA")]:
        with pytest.raises(ValidationFailed) as exc:
            open_round(sup, programme_code="CT-UNC", area_code=area)
        assert codes(exc) == {"area": code}
    with pytest.raises(ValidationFailed) as exc:
        open_round(sup, programme_code="NOPE", area_code="W01", due_date="2026-01-01")
    assert codes(exc) == {"programme": "UNKNOWN_PROGRAMME", "due_date": "DUE_BEFORE_TODAY"}
    with pytest.raises(ValidationFailed) as exc:
        open_round(sup, programme_code="PW", area_code="W02")
    assert codes(exc) == {"area": "NO_ENROLMENTS_IN_AREA"}


def test_second_open_round_on_an_overlapping_area_is_refused(
    district: District, people: dict[str, str]
) -> None:
    first = _opened(district, "V001")
    sup = district.ctx("supervisor")
    for area in ("W01", "D01", "V001"):
        with pytest.raises(ValidationFailed) as exc:
            open_round(sup, programme_code="CT-UNC", area_code=area)
        assert codes(exc) == {"area": "ROUND_ALREADY_OPEN"}
        assert exc.value.errors[0].params == {"round": first.code}
    open_round(sup, programme_code="CT-UNC", area_code="V002")  # a sibling village
    open_round(sup, programme_code="PW", area_code="W01")  # another programme


def test_visit_and_decide_rules(district: District, people: dict[str, str]) -> None:
    rnd = _opened(district)
    task = _task_of(district, rnd, people["a"])
    ctx = district.ctx()
    with pytest.raises(InvalidTransition) as bad:
        decide_task(ctx, task_id=task, decision="CONTINUE")
    assert bad.value.code == "TASK_NOT_VISITED"
    with pytest.raises(ValidationFailed) as exc:
        record_visit(ctx, task_id=task, confirmed=False)
    assert codes(exc) == {"note": "NOTE_REQUIRED_WHEN_NOT_CONFIRMED"}
    record_visit(ctx, task_id=task, confirmed=False, note="New baby; spouse left for Dakar")
    with pytest.raises(ValidationFailed) as exc:
        decide_task(ctx, task_id=task, decision="continue", exit_reason="FRAUD")
    assert codes(exc) == {"exit_reason": "ONLY_FOR_EXIT"}
    with pytest.raises(ValidationFailed) as exc:
        decide_task(ctx, task_id=task, decision="maybe")
    assert codes(exc) == {"decision": "INVALID_CHOICE"}
    decide_task(ctx, task_id=task, decision="exit", exit_reason="not_eligible")
    decide_task(ctx, task_id=task, decision="continue")  # changed while the round is open
    with pytest.raises(ValidationFailed):
        decide_task(ctx, task_id=task, decision="continue")
    with pytest.raises(InvalidTransition) as bad:
        record_visit(ctx, task_id=task, confirmed=True)
    assert bad.value.code == "TASK_ALREADY_DECIDED"
    saved = next(t for t in _tasks(district, rnd.id) if t.id == task)
    assert (saved.status, saved.decision, saved.exit_reason) == ("DECIDED", "CONTINUE", None)
    assert saved.visited_on == TODAY and saved.note == "New baby; spouse left for Dakar"
    assert saved.decided_by == district.ids["user:officer"]
    with pytest.raises(NotFound):
        record_visit(ctx, task_id="nope", confirmed=True)


def test_cannot_close_with_undecided_tasks(district: District, people: dict[str, str]) -> None:
    rnd = _opened(district)
    ctx = district.ctx()
    task = _task_of(district, rnd, people["a"])
    record_visit(ctx, task_id=task, confirmed=True)
    decide_task(ctx, task_id=task, decision="CONTINUE")
    record_visit(ctx, task_id=_task_of(district, rnd, people["b"]), confirmed=True)
    with pytest.raises(ValidationFailed) as exc:
        close_round(district.ctx("supervisor"), round_code=rnd.code.lower())
    assert codes(exc) == {"round": "TASKS_UNDECIDED"}
    assert exc.value.errors[0].params == {"count": 2, "pending": 1, "visited": 1}
    assert _round(district, rnd.id).status == "OPEN"


def _decide_all(d: District, rnd: RecertificationRound, exits: dict[str, str | None]) -> None:
    ctx = d.ctx()
    for task in _tasks(d, rnd.id):
        record_visit(ctx, task_id=task.id, confirmed=True)
        if task.household_id in exits:
            decide_task(ctx, task_id=task.id, decision="EXIT", exit_reason=exits[task.household_id])
        else:
            decide_task(ctx, task_id=task.id, decision="CONTINUE")


def test_close_applies_exits_and_leaves_continues(
    district: District, people: dict[str, str]
) -> None:
    rnd = _opened(district)
    _decide_all(district, rnd, {people["a"]: None, people["c"]: "NOT_ELIGIBLE"})
    assert close_round(district.ctx("supervisor"), round_code=rnd.code) == 2
    assert _enrolment_status(district, people["e:a"]) == ("EXITED", "RECERTIFICATION")
    assert _enrolment_status(district, people["e:c"]) == ("EXITED", "NOT_ELIGIBLE")
    assert _enrolment_status(district, people["e:b"]) == ("SUSPENDED", None)
    assert _enrolment_status(district, people["e:pw"]) == ("ACTIVE", None)  # other programme
    closed = _round(district, rnd.id)
    assert (closed.status, closed.closed_on) == ("CLOSED", TODAY)
    assert closed.closed_by == district.ids["user:supervisor"]
    with pytest.raises(InvalidTransition) as exc:
        close_round(district.ctx("supervisor"), round_code=rnd.code)
    assert exc.value.code == "ROUND_NOT_OPEN"
    with pytest.raises(InvalidTransition):
        record_visit(district.ctx(), task_id=_task_of(district, rnd, people["b"]), confirmed=True)
    # the area is free again
    open_round(district.ctx("supervisor"), programme_code="CT-UNC", area_code="D01")


def test_progress_by_village_and_task_list(district: District, people: dict[str, str]) -> None:
    rnd = _opened(district)
    ctx = district.ctx()
    a, b = _task_of(district, rnd, people["a"]), _task_of(district, rnd, people["b"])
    record_visit(ctx, task_id=a, confirmed=True)
    decide_task(ctx, task_id=a, decision="EXIT")
    record_visit(ctx, task_id=b, confirmed=True)
    rows = round_progress(district.db, round_code=rnd.code, actor=ctx.actor)
    assert [(r.village_code, r.total, r.pending, r.visited, r.decided, r.exits) for r in rows] == [
        ("V001", 2, 0, 1, 1, 1),
        ("V002", 1, 1, 0, 0, 0),
    ]
    total = progress_totals(rows)
    assert (total.total, total.pending, total.visited, total.decided, total.exits) == (
        3,
        1,
        1,
        1,
        1,
    )
    listed = list_rounds(district.db, actor=ctx.actor)
    assert [(r.code, r.area_code, r.total, r.decided, r.exits) for r in listed] == [
        (rnd.code, "W01", 3, 1, 1)
    ]
    assert get_round(district.db, ref=rnd.code, actor=ctx.actor).visited == 1
    tasks = list_tasks(district.db, round_code=rnd.code, actor=ctx.actor)
    assert [t.village_code for t in tasks] == ["V001", "V001", "V002"]
    assert tasks[0].head_name == "Moussa Diallo" and tasks[0].enrolment_status
    v1 = list_tasks(
        district.db, round_code=rnd.code, actor=ctx.actor, village_code="v001", status="visited"
    )
    assert [t.id for t in v1] == [b]
    page = list_tasks(district.db, round_code=rnd.code, actor=ctx.actor, limit=1, offset=2)
    assert [t.village_code for t in page] == ["V002"]
    assert count_tasks(district.db, round_code=rnd.code, actor=ctx.actor, status="PENDING") == 1
    with pytest.raises(PermissionDenied):
        list_tasks(district.db, round_code=rnd.code, actor=district.ctx("other").actor)


def test_everything_is_recorded_in_the_outbox(district: District, people: dict[str, str]) -> None:
    def ops() -> list[tuple[str, str]]:
        with district.db.read_session() as s:
            rows = s.execute(
                select(OutboxOp.table_name, OutboxOp.kind).order_by(OutboxOp.device_seq)
            ).all()
        return [(t, k) for t, k in rows]

    before = len(ops())
    rnd = _opened(district)
    opened = ops()[before:]
    assert (
        opened == [("recertification_rounds", "insert")] + [("recertification_tasks", "insert")] * 3
    )
    _decide_all(district, rnd, {people["a"]: None})
    decided = ops()[before + 4 :]
    assert decided == [("recertification_tasks", "update")] * 6
    close_round(district.ctx("supervisor"), round_code=rnd.code)
    closed = ops()[before + 10 :]
    assert sorted(closed) == sorted(
        [("enrolments", "update"), ("recertification_rounds", "update")]
    )
    with district.db.read_session() as s:
        fields = s.scalar(
            select(OutboxOp.fields).where(
                OutboxOp.table_name == "recertification_rounds", OutboxOp.kind == "update"
            )
        )
        tx_ids = s.scalar(
            select(func.count(func.distinct(OutboxOp.client_tx_id))).where(
                OutboxOp.device_seq > before
            )
        )
    data = json.loads(fields) if isinstance(fields, str) else fields
    assert data["status"] == {"old": "OPEN", "new": "CLOSED"}
    assert tx_ids == 1 + 6 + 1  # one user action each


# --- command line ----------------------------------------------------------------------------


@pytest.fixture
def cli(
    district: District, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    assert "app.cli.recert_cmds" in cli_main.COMMAND_MODULES
    assert district.db.path is not None
    runner = Cli(district.db.path.parent, capsys)
    sign_in(runner, monkeypatch, "supervisor")
    return runner


def test_cli_round_lifecycle(cli: Cli, district: District, people: dict[str, str]) -> None:
    opened = cli.ok("round", "open", "--programme", "ct-unc", "--area", "W01", "--json").json()
    code = opened["code"]
    assert opened["total"] == 3 and opened["status"] == "OPEN"
    assert code in cli.ok("round", "list").out
    shown = cli.ok("round", "show", code).out
    assert "Médina Chérif" in shown and "Total" in shown
    tasks = cli.ok("round", "tasks", code, "--village", "V001", "--json").json()
    assert len(tasks) == 2
    cli.refused("round", "close", code, expect="TASKS_UNDECIDED")
    cli.refused("round", "decide", tasks[0]["id"], "--continue", expect="TASK_NOT_VISITED")
    cli.refused("round", "decide", tasks[0]["id"], expect="--continue")
    for task in cli.ok("round", "tasks", code, "--json").json():
        cli.ok("round", "visit", task["id"], "--note", "seen")
        flag = (
            ["--exit", "--reason", "voluntary"] if task["id"] == tasks[0]["id"] else ["--continue"]
        )
        cli.ok("round", "decide", task["id"], *flag)
    out = cli.ok("round", "close", code).out
    assert "closed" in out and "1 exit" in out
    assert _enrolment_status(district, tasks[0]["enrolment_id"]) == ("EXITED", "VOLUNTARY")
    assert _enrolment_status(district, tasks[1]["enrolment_id"])[0] != "EXITED"
    assert cli.ok("round", "list", "--status", "closed", "--json").json()[0]["exits"] == 1
    cli.refused("round", "show", "RC-NOPE", expect="ROUND_NOT_FOUND")
    cli.refused(
        "round", "open", "--programme", "CT-UNC", "--area", "W01", "--due", "soon",
        expect="due_date",
    )  # fmt: skip


def test_cli_json_error(cli: Cli, people: dict[str, str]) -> None:
    result = cli("round", "open", "--programme", "CT-UNC", "--area", "R01", "--json")
    assert result.code == 2
    assert json.loads(result.out)["error"]["fields"][0]["code"] == "AREA_NOT_IN_DISTRICT"


def test_exits_never_bypass_the_programmes_approval_rule(
    district: District, people: dict[str, str]
) -> None:
    """Where CT-UNC wants exits checked, closing leaves the enrolment live: the exit waits for
    a checker (a PENDING change request on the task) or the close is refused (NEEDS_APPROVAL)."""
    with district.db.write_session() as s, s.begin():
        s.info[REMOTE_KEY] = True
        programme = s.get(Programme, district.ids["CT-UNC"])
        assert programme is not None
        programme.approval_required = ["ENROLMENT_STATUS"]
    rnd = _opened(district, "V002")
    _decide_all(district, rnd, {people["c"]: "FRAUD"})
    try:
        close_round(district.ctx("supervisor"), round_code=rnd.code)
    except AppError as exc:
        assert exc.code == "NEEDS_APPROVAL"
        assert _round(district, rnd.id).status == "OPEN"
    else:
        (task,) = _tasks(district, rnd.id)
        assert task.change_request_id is not None
    assert _enrolment_status(district, people["e:c"]) == ("ACTIVE", None)
