"""Recertification rounds: open a round over an area, visit, decide, close and apply exits.

A supervisor opens a round for one programme in the district or in a ward or village of it:
every ACTIVE or SUSPENDED enrolment of the programme whose household lives there gets a task
(PENDING). Officers visit households (updating their data with the usual household and member
forms), record the visit (VISITED), then decide CONTINUE or EXIT (DECIDED; a decision can be
changed while the round is open). A supervisor closes the round once every task is decided:
each EXIT then goes through the maker-checker path (``change_requests.submit_change``) and the
round becomes CLOSED. Reads are in ``app.services.recertification_queries``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, literal, select
from sqlalchemy.orm import Session, aliased

from app.domain.vocab import ChangeRequestType, EnrolmentStatus, ExitReason, LocationLevel, Role
from app.errors import FieldError, InvalidTransition, ValidationFailed
from app.models.location import Location
from app.models.programme import Enrolment, Programme
from app.models.recertification import RecertificationRound, RecertificationTask
from app.models.registry import Household
from app.services.batch_ops import use_batch_writer
from app.services.change_requests import submit_change
from app.services.context import Actor, ServiceContext, get_state, set_state, unit_of_work
from app.services.lookups import ancestors, check_scope, district_of
from app.services.recertification_queries import (
    RoundStatus,
    TaskDecision,
    TaskStatus,
    round_by_ref,
    task_by_id,
)
from app.services.validation import Errors, parse_date

#: Who opens and closes rounds.
MANAGERS = (Role.SUPERVISOR, Role.HQ_ADMIN)
#: Enrolments a round re-checks.
RECHECKED = (EnrolmentStatus.ACTIVE, EnrolmentStatus.SUSPENDED)
#: Enrolment statuses an EXIT decision still applies to when the round closes.
LIVE = (EnrolmentStatus.POTENTIAL, EnrolmentStatus.ACTIVE, EnrolmentStatus.SUSPENDED)
AREA_LEVELS = (LocationLevel.DISTRICT, LocationLevel.WARD, LocationLevel.VILLAGE)
NOTE_MAX = 2000
CODE_MAX = 32


def villages_under(area_id: str) -> Select[tuple[str]]:
    """A select of the ids of the villages in ``area_id`` (itself if it is a village)."""
    tree = (
        select(Location.id, Location.level)
        .where(Location.id == area_id)
        .cte("area_tree", recursive=True)
    )
    child = aliased(Location)
    tree = tree.union_all(
        select(child.id, child.level).where(child.parent_id == tree.c.id, ~child.deleted)
    )
    return select(tree.c.id).where(tree.c.level == literal(LocationLevel.VILLAGE.value))


def _area(session: Session, actor: Actor, code: str) -> tuple[Location, Location]:
    """The area (district, ward or village) by code and its district, in the actor's scope."""
    area = session.scalar(select(Location).where(Location.code == code.strip().upper()))
    if area is None or area.deleted:
        raise ValidationFailed([FieldError("area", "UNKNOWN_AREA", {"value": code})])
    if area.level not in AREA_LEVELS:
        raise ValidationFailed([FieldError("area", "AREA_NOT_IN_DISTRICT", {"value": code})])
    district = district_of(session, area)
    check_scope(actor, district.id)
    return area, district


def _overlapping_round(
    session: Session, programme_id: str, district_id: str, area: Location
) -> RecertificationRound | None:
    """An OPEN round of the programme whose area contains, or lies in, ``area``."""
    mine = {loc.id for loc in ancestors(session, area)}
    for other in session.scalars(
        select(RecertificationRound).where(
            RecertificationRound.programme_id == programme_id,
            RecertificationRound.district_id == district_id,
            RecertificationRound.status == RoundStatus.OPEN,
            ~RecertificationRound.deleted,
        )
    ):
        other_area = session.get(Location, other.area_id)
        if other.area_id in mine or (
            other_area is not None and area.id in {loc.id for loc in ancestors(session, other_area)}
        ):
            return other
    return None


def _round_code(session: Session, programme_code: str, today: date, device_id: str) -> str:
    # Rounds are born offline on several laptops and districts and the code is unique at HQ,
    # so the sequence is per device and carries the device's tag (like household codes).
    seq = int(get_state(session, "round_code_seq") or "0") + 1
    set_state(session, "round_code_seq", str(seq))
    tail = f"-{today:%Y%m}-{device_id[-4:].upper()}-{seq}"
    return f"RC-{programme_code[: CODE_MAX - 3 - len(tail)]}{tail}"


def open_round(
    ctx: ServiceContext,
    *,
    programme_code: str,
    area_code: str,
    due_date: date | str | None = None,
    note: str = "",
) -> str:
    """Open a round: one PENDING task per ACTIVE or SUSPENDED enrolment in the area; its id."""
    actor = ctx.require_actor()
    actor.require(*MANAGERS)
    today = ctx.today()
    with unit_of_work(ctx) as session:
        errors = Errors()
        programme = session.scalar(
            select(Programme).where(Programme.code == programme_code.strip().upper())
        )
        if programme is None or programme.deleted:
            errors.add("programme", "UNKNOWN_PROGRAMME", value=programme_code)
        clean_note = errors.optional_text("note", note, max_len=NOTE_MAX)
        due = parse_date(due_date)
        if due_date not in (None, "") and due is None:
            errors.add("due_date", "INVALID_DATE")
        elif due is not None and due < today:
            errors.add("due_date", "DUE_BEFORE_TODAY")
        try:
            area, district = _area(session, actor, area_code)
        except ValidationFailed as exc:
            errors.items.extend(exc.errors)
        errors.raise_if_any()
        assert programme is not None
        clash = _overlapping_round(session, programme.id, district.id, area)
        if clash is not None:
            raise ValidationFailed(
                [FieldError("area", "ROUND_ALREADY_OPEN", {"round": clash.code})]
            )
        enrolments = session.execute(
            select(Enrolment.id, Enrolment.household_id, Household.village_id)
            .join(Household, Household.id == Enrolment.household_id)
            .where(
                Enrolment.programme_id == programme.id,
                Enrolment.status.in_(RECHECKED),
                ~Enrolment.deleted,
                ~Household.deleted,
                Household.district_id == district.id,
                Household.village_id.in_(villages_under(area.id)),
            )
        ).all()
        if not enrolments:
            raise ValidationFailed(
                [FieldError("area", "NO_ENROLMENTS_IN_AREA", {"programme": programme.code})]
            )
        use_batch_writer(session)
        rnd = RecertificationRound(
            code=_round_code(session, programme.code, today, ctx.device_id),
            district_id=district.id,
            programme_id=programme.id,
            area_id=area.id,
            status=RoundStatus.OPEN,
            opened_on=today,
            due_date=due,
            opened_by=actor.user_id,
            note=clean_note,
        )
        session.add(rnd)
        session.flush()
        session.add_all(
            RecertificationTask(
                round_id=rnd.id,
                district_id=district.id,
                household_id=household_id,
                enrolment_id=enrolment_id,
                village_id=village_id,
                status=TaskStatus.PENDING,
                note="",
            )
            for enrolment_id, household_id, village_id in enrolments
        )
        return rnd.id


def _open_task(session: Session, actor: Actor, task_id: str) -> RecertificationTask:
    task = task_by_id(session, task_id, actor)
    rnd = session.get(RecertificationRound, task.round_id)
    if rnd is None or rnd.status != RoundStatus.OPEN:
        raise InvalidTransition("the round is closed", code="ROUND_NOT_OPEN")
    return task


def record_visit(ctx: ServiceContext, *, task_id: str, confirmed: bool, note: str = "") -> None:
    """Record that the household was visited (VISITED).

    ``confirmed``: the household's situation is as recorded. When it is not (data corrected with
    the household and member forms, household absent...), ``note`` must say what was found.
    """
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        task = _open_task(session, actor, task_id)
        if task.status == TaskStatus.DECIDED:
            raise InvalidTransition("the task is already decided", code="TASK_ALREADY_DECIDED")
        errors = Errors()
        text = errors.optional_text("note", note, max_len=NOTE_MAX)
        if not confirmed and not text:
            errors.add("note", "NOTE_REQUIRED_WHEN_NOT_CONFIRMED")
        errors.raise_if_any()
        task.status = TaskStatus.VISITED
        task.visited_on = ctx.today()
        if text:
            task.note = text


def decide_task(
    ctx: ServiceContext,
    *,
    task_id: str,
    decision: str,
    exit_reason: str | None = None,
    note: str = "",
) -> None:
    """Decide a visited task: CONTINUE, or EXIT with an ``ExitReason`` (default RECERTIFICATION).

    The decision takes effect when the round closes; until then it can be changed.
    """
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        task = _open_task(session, actor, task_id)
        if task.status == TaskStatus.PENDING:
            raise InvalidTransition("record the visit first", code="TASK_NOT_VISITED")
        errors = Errors()
        choice = errors.enum("decision", decision, TaskDecision)
        text = errors.optional_text("note", note, max_len=NOTE_MAX)
        reason: str | None = None
        if choice == TaskDecision.EXIT:
            reason = errors.enum(
                "exit_reason", exit_reason or ExitReason.RECERTIFICATION, ExitReason
            )
        elif exit_reason:
            errors.add("exit_reason", "ONLY_FOR_EXIT")
        errors.raise_if_any()
        if (task.status, task.decision, task.exit_reason) == (TaskStatus.DECIDED, choice, reason):
            raise ValidationFailed([FieldError("decision", "SAME_AS_CURRENT")])
        task.status = TaskStatus.DECIDED
        task.decision = choice
        task.exit_reason = reason
        task.decided_by = actor.user_id
        if text:
            task.note = text


def _exit_enrolment(
    ctx: ServiceContext,
    session: Session,
    enrolment: Enrolment,
    reason: str,
    note: str,
) -> str | None:
    """Exit one enrolment inside the round's unit of work, through the maker-checker path.

    Applied at once, or held as a PENDING request where the programme wants exits checked;
    returns the request's id in that case.
    """
    outcome = submit_change(
        ctx.joined(session, approving=False),
        type=ChangeRequestType.ENROLMENT_STATUS,
        target_id=enrolment.id,
        params={"status": EnrolmentStatus.EXITED.value, "reason": reason},
        reason=note,
    )
    return outcome.request_id


def close_round(ctx: ServiceContext, *, round_code: str) -> int:
    """Close a round whose tasks are all decided and apply its EXIT decisions.

    Each EXIT whose enrolment is still live is submitted as an ENROLMENT_STATUS change request
    (applied at once or waiting for a checker, per the programme's policy); its id is kept on
    the task. Returns the number of exits submitted.
    """
    actor = ctx.require_actor()
    actor.require(*MANAGERS)
    today = ctx.today()
    with unit_of_work(ctx) as session:
        rnd = round_by_ref(session, round_code, actor)
        if rnd.status != RoundStatus.OPEN:
            raise InvalidTransition(f"round {rnd.code} is {rnd.status}", code="ROUND_NOT_OPEN")
        tasks = list(
            session.scalars(
                select(RecertificationTask).where(
                    RecertificationTask.round_id == rnd.id, ~RecertificationTask.deleted
                )
            )
        )
        left = [t for t in tasks if t.status != TaskStatus.DECIDED]
        if left:
            pending = sum(1 for t in left if t.status == TaskStatus.PENDING)
            raise ValidationFailed(
                [
                    FieldError(
                        "round",
                        "TASKS_UNDECIDED",
                        {"count": len(left), "pending": pending, "visited": len(left) - pending},
                    )
                ]
            )
        use_batch_writer(session)
        exits = [t for t in tasks if t.decision == TaskDecision.EXIT]
        enrolments = {
            e.id: e
            for e in session.scalars(
                select(Enrolment).where(Enrolment.id.in_([t.enrolment_id for t in exits]))
            )
        }
        submitted = 0
        for task in exits:
            enrolment = enrolments.get(task.enrolment_id)
            if enrolment is None or enrolment.deleted or enrolment.status not in LIVE:
                continue  # already exited meanwhile (moved, dissolved...): nothing to apply
            reason = task.exit_reason or ExitReason.RECERTIFICATION
            note = f"{rnd.code}: {task.note}" if task.note else rnd.code
            task.change_request_id = _exit_enrolment(ctx, session, enrolment, reason, note)
            submitted += 1
        rnd.status = RoundStatus.CLOSED
        rnd.closed_on = today
        rnd.closed_by = actor.user_id
        return submitted
