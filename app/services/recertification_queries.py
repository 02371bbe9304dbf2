"""Read side of recertification: vocabularies, look-ups, round list, progress by village, tasks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session, aliased

from app.domain.vocab import LocationLevel
from app.errors import NotFound
from app.models.db import Database
from app.models.location import Location
from app.models.programme import Enrolment, Programme
from app.models.recertification import RecertificationRound, RecertificationTask
from app.models.registry import Household, Individual
from app.services.context import Actor
from app.services.lookups import check_scope


class RoundStatus(StrEnum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"


class TaskStatus(StrEnum):
    PENDING = "PENDING"  # not visited yet
    VISITED = "VISITED"  # visited, waiting for a decision
    DECIDED = "DECIDED"  # CONTINUE or EXIT taken; applied when the round closes


class TaskDecision(StrEnum):
    CONTINUE = "CONTINUE"
    EXIT = "EXIT"


@dataclass(frozen=True)
class RoundRow:
    """One round with its task counts."""

    id: str
    code: str
    programme_code: str
    programme_name: str
    area_code: str
    area_name: str
    status: str
    opened_on: date
    due_date: date | None
    closed_on: date | None
    note: str
    total: int
    pending: int
    visited: int
    decided: int
    exits: int


@dataclass(frozen=True)
class VillageProgress:
    """Task counts of a round in one village (or, from ``progress_totals``, in all of them)."""

    village_code: str
    village_name: str
    total: int
    pending: int
    visited: int
    decided: int
    exits: int


@dataclass(frozen=True)
class TaskRow:
    """One household's task in a round, for the task list."""

    id: str
    household_id: str
    enrolment_id: str
    household_code: str
    head_name: str
    village_code: str
    village_name: str
    status: str
    visited_on: date | None
    decision: str | None
    exit_reason: str | None
    note: str
    enrolment_status: str
    change_request_id: str | None


def round_by_ref(session: Session, ref: str, actor: Actor | None = None) -> RecertificationRound:
    """A live round by id or code (any case), checked against the actor's district."""
    text = ref.strip()
    found = session.get(RecertificationRound, text) if len(text) == 36 else None
    if found is None:
        found = session.scalar(
            select(RecertificationRound).where(RecertificationRound.code == text.upper())
        )
    if found is None or found.deleted:
        raise NotFound(f"no recertification round {ref}", code="ROUND_NOT_FOUND")
    if actor is not None:
        check_scope(actor, found.district_id)
    return found


def task_by_id(session: Session, task_id: str, actor: Actor) -> RecertificationTask:
    """A live task by id, checked against the actor's district."""
    task = session.get(RecertificationTask, task_id.strip())
    if task is None or task.deleted:
        raise NotFound(f"no recertification task {task_id}", code="TASK_NOT_FOUND")
    check_scope(actor, task.district_id)
    return task


def _counts() -> tuple[object, ...]:
    t = RecertificationTask
    return (
        func.count(t.id),
        func.coalesce(func.sum(case((t.status == TaskStatus.PENDING, 1), else_=0)), 0),
        func.coalesce(func.sum(case((t.status == TaskStatus.VISITED, 1), else_=0)), 0),
        func.coalesce(func.sum(case((t.status == TaskStatus.DECIDED, 1), else_=0)), 0),
        func.coalesce(func.sum(case((t.decision == TaskDecision.EXIT, 1), else_=0)), 0),
    )


def _rounds_query(actor: Actor | None) -> Select[tuple[object, ...]]:
    r, area = RecertificationRound, aliased(Location)
    counts = (
        select(RecertificationTask.round_id.label("round_id"), *_counts())
        .where(~RecertificationTask.deleted)
        .group_by(RecertificationTask.round_id)
        .subquery()
    )
    cols = list(counts.c)[1:]
    query = (
        select(r, Programme.code, Programme.name, area.code, area.name, *cols)
        .join(Programme, Programme.id == r.programme_id)
        .join(area, area.id == r.area_id)
        .outerjoin(counts, counts.c.round_id == r.id)
        .where(~r.deleted)
    )
    if actor is not None and actor.district_id is not None:
        query = query.where(r.district_id == actor.district_id)
    return query


def _round_row(row: tuple[object, ...]) -> RoundRow:
    rnd = row[0]
    assert isinstance(rnd, RecertificationRound)
    numbers = [int(v or 0) for v in row[5:10]]  # type: ignore[call-overload]
    return RoundRow(
        rnd.id, rnd.code, str(row[1]), str(row[2]), str(row[3]), str(row[4]), rnd.status,
        rnd.opened_on, rnd.due_date, rnd.closed_on, rnd.note, *numbers,
    )  # fmt: skip


def list_rounds(db: Database, *, actor: Actor | None, status: str | None = None) -> list[RoundRow]:
    """The district's rounds, open ones first, newest first, with their task counts."""
    query = _rounds_query(actor)
    if status:
        query = query.where(RecertificationRound.status == status.strip().upper())
    query = query.order_by(
        (RecertificationRound.status != RoundStatus.OPEN),
        RecertificationRound.opened_on.desc(),
        RecertificationRound.code.desc(),
    )
    with db.read_session() as session:
        return [_round_row(tuple(row)) for row in session.execute(query)]


def get_round(db: Database, *, ref: str, actor: Actor | None) -> RoundRow:
    """One round (by code or id) with its task counts."""
    with db.read_session() as session:
        rnd = round_by_ref(session, ref, actor)
        row = session.execute(_rounds_query(None).where(RecertificationRound.id == rnd.id)).one()
        return _round_row(tuple(row))


def round_progress(db: Database, *, round_code: str, actor: Actor | None) -> list[VillageProgress]:
    """Task counts per village of a round, by village name, in one grouped query."""
    village = aliased(Location)
    with db.read_session() as session:
        rnd = round_by_ref(session, round_code, actor)
        query = (
            select(village.code, village.name, *_counts())
            .select_from(RecertificationTask)
            .join(village, village.id == RecertificationTask.village_id)
            .where(RecertificationTask.round_id == rnd.id, ~RecertificationTask.deleted)
            .group_by(village.id, village.code, village.name)
            .order_by(village.name, village.code)
        )
        return [
            VillageProgress(str(row[0]), str(row[1]), *(int(v) for v in row[2:]))
            for row in session.execute(query).all()
        ]


def progress_totals(rows: list[VillageProgress]) -> VillageProgress:
    """The sum of a round's village rows (the round as a whole)."""
    return VillageProgress(
        "",
        "",
        sum(r.total for r in rows),
        sum(r.pending for r in rows),
        sum(r.visited for r in rows),
        sum(r.decided for r in rows),
        sum(r.exits for r in rows),
    )


def _tasks_query(
    session: Session,
    round_code: str,
    actor: Actor | None,
    village_code: str | None,
    status: str | None,
) -> Select[Any]:
    rnd = round_by_ref(session, round_code, actor)
    t, village, head = RecertificationTask, aliased(Location), aliased(Individual)
    query = (
        select(
            t,
            Household.code,
            head.first_name,
            head.last_name,
            village.code,
            village.name.label("village_name"),
            Enrolment.status,
        )
        .join(Household, Household.id == t.household_id)
        .join(village, village.id == t.village_id)
        .join(Enrolment, Enrolment.id == t.enrolment_id)
        .outerjoin(head, head.id == Household.head_id)
        .where(t.round_id == rnd.id, ~t.deleted)
    )
    if village_code:
        query = query.where(village.code == village_code.strip().upper())
    if status:
        query = query.where(t.status == status.strip().upper())
    return query


def list_tasks(
    db: Database,
    *,
    round_code: str,
    actor: Actor | None,
    village_code: str | None = None,
    status: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[TaskRow]:
    """A page of a round's tasks, by village name then household code (sorted in SQL)."""
    with db.read_session() as session:
        query = _tasks_query(session, round_code, actor, village_code, status)
        village_name = query.selected_columns.village_name
        query = (
            query.order_by(village_name, Household.code).limit(max(0, limit)).offset(max(0, offset))
        )
        rows = []
        for task, code, first, last, v_code, v_name, enrolment_status in session.execute(query):
            rows.append(
                TaskRow(
                    task.id,
                    task.household_id,
                    task.enrolment_id,
                    code,
                    f"{first or ''} {last or ''}".strip(),
                    v_code,
                    v_name,
                    task.status,
                    task.visited_on,
                    task.decision,
                    task.exit_reason,
                    task.note,
                    enrolment_status,
                    task.change_request_id,
                )  # fmt: skip
            )
        return rows


def count_tasks(
    db: Database,
    *,
    round_code: str,
    actor: Actor | None,
    village_code: str | None = None,
    status: str | None = None,
) -> int:
    """How many tasks ``list_tasks`` would page through."""
    with db.read_session() as session:
        query = _tasks_query(session, round_code, actor, village_code, status)
        return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


@dataclass(frozen=True)
class AreaOption:
    """An area a round can cover: the district, then each ward followed by its villages."""

    code: str
    name: str
    level: str


def area_options(db: Database, *, district_id: str | None) -> list[AreaOption]:
    """The district, its wards and villages (every district's when ``district_id`` is None)."""
    ward, village = aliased(Location), aliased(Location)
    query = (
        select(Location.code, Location.name, ward.code, ward.name, village.code, village.name)
        .join(ward, ward.parent_id == Location.id)
        .join(village, village.parent_id == ward.id)
        .where(Location.level == LocationLevel.DISTRICT, ~Location.deleted)
        .where(~ward.deleted, ~village.deleted)
        .order_by(Location.code, ward.name, ward.code, village.name, village.code)
    )
    if district_id is not None:
        query = query.where(Location.id == district_id)
    options: list[AreaOption] = []
    seen: set[str] = set()
    with db.read_session() as session:
        for row in session.execute(query).tuples():
            for code, name, level in (
                (row[0], row[1], LocationLevel.DISTRICT),
                (row[2], row[3], LocationLevel.WARD),
            ):
                if code not in seen:
                    seen.add(code)
                    options.append(AreaOption(code, name, level))
            options.append(AreaOption(row[4], row[5], LocationLevel.VILLAGE))
    return options
