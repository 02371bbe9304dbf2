"""Activity sequences of labour programmes: each opens when the previous one is done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.domain.vocab import (
    ActivityStatus,
    MemberStatus,
)
from app.errors import FieldError, ValidationFailed
from app.models.base import new_id
from app.models.compliance import (
    Activity,
    ActivityProgress,
)
from app.models.db import Database
from app.models.programme import Enrolment, Programme
from app.models.registry import Individual
from app.services.compliance_rules import (
    LIVE_ENROLMENT,
)
from app.services.context import Actor, ServiceContext, unit_of_work
from app.services.lookups import household_by_ref, individual_by_id, live_members
from app.services.options import Option
from app.services.validation import Errors


@dataclass(frozen=True)
class ActivityProgressOut:
    programme_code: str
    position: int
    name: str
    working_days: int
    days_done: int
    status: str
    completed_on: date | None


@dataclass(frozen=True)
class ActivityChoices:
    """What a household offers for activity tracking: its labour programmes and members."""

    household_code: str
    #: Codes of the programmes with activities the household is live-enrolled in.
    programme_codes: list[str]
    #: Members present in the household, oldest first: ``code`` is the individual's id,
    #: ``name`` the full name, ``group`` the relationship to the head.
    members: list[Option]


def _activity_programmes(household_id: str) -> Select[tuple[Programme]]:
    """Programmes with activities the household is live-enrolled in, by code."""
    with_activities = select(Activity.programme_id).where(~Activity.deleted)
    return (
        select(Programme)
        .join(Enrolment, Enrolment.programme_id == Programme.id)
        .where(
            Enrolment.household_id == household_id,
            ~Enrolment.deleted,
            Enrolment.status.in_(LIVE_ENROLMENT),
            Programme.id.in_(with_activities),
        )
        .order_by(Programme.code)
    )


def activity_choices(db: Database, *, household_ref: str, actor: Actor) -> ActivityChoices:
    """The household's labour programmes and present members (pick-lists for activities)."""
    with db.read_session() as session:
        household = household_by_ref(session, household_ref, actor)
        return ActivityChoices(
            household_code=household.code,
            programme_codes=[p.code for p in session.scalars(_activity_programmes(household.id))],
            members=[
                Option(m.id, f"{m.first_name} {m.last_name}", m.relationship)
                for m in live_members(session, household.id)
            ],
        )


def _activity_programme(
    session: Session, person: Individual, programme_code: str | None
) -> Programme:
    query = _activity_programmes(person.household_id)
    if programme_code:
        query = query.where(Programme.code == programme_code.strip().upper())
    found = list(session.scalars(query))
    if not found:
        raise ValidationFailed([FieldError("individual_id", "NOT_ENROLLED_IN_ACTIVITIES")])
    if len(found) > 1:
        raise ValidationFailed(
            [
                FieldError(
                    "programme", "PROGRAMME_REQUIRED", {"choices": ", ".join(p.code for p in found)}
                )
            ]
        )
    return found[0]


def _progress(
    session: Session, person: Individual, programme: Programme
) -> list[tuple[Activity, ActivityProgress | None, str]]:
    """The programme's activities in order, each with the member's row and effective status."""
    activities = list(
        session.scalars(
            select(Activity)
            .where(Activity.programme_id == programme.id, ~Activity.deleted)
            .order_by(Activity.position)
        )
    )
    rows = {
        r.activity_id: r
        for r in session.scalars(
            select(ActivityProgress).where(
                ActivityProgress.individual_id == person.id,
                ActivityProgress.activity_id.in_([a.id for a in activities]),
                ~ActivityProgress.deleted,
            )
        )
    }
    out: list[tuple[Activity, ActivityProgress | None, str]] = []
    previous_done = True
    for activity in activities:
        row = rows.get(activity.id)
        if row is not None and row.status != ActivityStatus.LOCKED:
            status = row.status
        else:
            status = ActivityStatus.OPEN if previous_done else ActivityStatus.LOCKED
        out.append((activity, row, status))
        previous_done = status == ActivityStatus.COMPLETED
    return out


def activity_progress(
    db: Database, *, individual_id: str, actor: Actor, programme_code: str | None = None
) -> list[ActivityProgressOut]:
    """A member's progress through the activity sequence of their labour programme."""
    with db.read_session() as session:
        person = individual_by_id(session, individual_id, actor)
        programme = _activity_programme(session, person, programme_code)
        return [
            ActivityProgressOut(
                programme_code=programme.code,
                position=activity.position,
                name=activity.name,
                working_days=activity.working_days,
                days_done=row.days_done if row else 0,
                status=status,
                completed_on=row.completed_on if row else None,
            )
            for activity, row, status in _progress(session, person, programme)
        ]


def record_activity_progress(
    ctx: ServiceContext,
    *,
    individual_id: str,
    activity_position: int,
    days_done: int,
    programme_code: str | None = None,
) -> ActivityProgressOut:
    """Add ``days_done`` worked days to the member's activity at ``activity_position``.

    Only an OPEN activity takes days (ACTIVITY_LOCKED until the previous one is COMPLETED,
    ACTIVITY_COMPLETED after); the total may not pass the activity's working days. Reaching
    them completes the activity and opens the next one. Returns the activity's new state.
    """
    actor = ctx.require_actor()
    today = ctx.today()
    with unit_of_work(ctx) as session:
        person = individual_by_id(session, individual_id, actor)
        if person.status != MemberStatus.ALIVE:
            raise ValidationFailed(
                [FieldError("individual_id", "MEMBER_NOT_PRESENT", {"status": person.status})]
            )
        programme = _activity_programme(session, person, programme_code)
        steps = _progress(session, person, programme)
        index = next(
            (i for i, (a, _, _) in enumerate(steps) if a.position == activity_position), None
        )
        errors = Errors()
        if days_done < 1:
            errors.add("days_done", "AT_LEAST_ONE")
        if index is None:
            errors.add("activity_position", "UNKNOWN_ACTIVITY", value=activity_position)
        errors.raise_if_any()
        assert index is not None
        activity, row, status = steps[index]
        if status == ActivityStatus.LOCKED:
            raise ValidationFailed(
                [
                    FieldError(
                        "activity_position",
                        "ACTIVITY_LOCKED",
                        {"previous": steps[index - 1][0].position},
                    )
                ]
            )
        if status == ActivityStatus.COMPLETED:
            raise ValidationFailed([FieldError("activity_position", "ACTIVITY_COMPLETED")])
        total = (row.days_done if row else 0) + days_done
        if activity.working_days and total > activity.working_days:
            raise ValidationFailed(
                [
                    FieldError(
                        "days_done",
                        "OVER_REMAINING_DAYS",
                        {"remaining": activity.working_days - total + days_done},
                    )
                ]
            )
        if row is None:
            row = ActivityProgress(
                id=new_id(),
                activity_id=activity.id,
                individual_id=person.id,
                household_id=person.household_id,
                district_id=person.district_id,
                status=ActivityStatus.OPEN,
                days_done=0,
            )
            session.add(row)
        row.status = ActivityStatus.OPEN
        row.days_done = total
        if activity.working_days and total == activity.working_days:
            row.status = ActivityStatus.COMPLETED
            row.completed_on = today
            if index + 1 < len(steps):
                following, next_row, _ = steps[index + 1]
                if next_row is None:
                    session.add(
                        ActivityProgress(
                            id=new_id(),
                            activity_id=following.id,
                            individual_id=person.id,
                            household_id=person.household_id,
                            district_id=person.district_id,
                            status=ActivityStatus.OPEN,
                            days_done=0,
                        )
                    )
                elif next_row.status == ActivityStatus.LOCKED:
                    next_row.status = ActivityStatus.OPEN
        session.flush()
        return ActivityProgressOut(
            programme_code=programme.code,
            position=activity.position,
            name=activity.name,
            working_days=activity.working_days,
            days_done=row.days_done,
            status=row.status,
            completed_on=row.completed_on,
        )
