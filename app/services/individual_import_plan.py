"""Plan and write an individual upload: the checks against the registry, then the inserts.

``plan`` runs every check that needs the database (villages of the district, codes and people
already registered, ``build_member``'s own checks) and returns the households to create, with
each problem added to its row. ``write`` adds them to the caller's unit of work batch by batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.vocab import EnrolmentStatus, LocationLevel, MemberStatus, Relationship, Role
from app.errors import Cancelled, FieldError, ValidationFailed
from app.models.base import new_id
from app.models.location import Location
from app.models.programme import Enrolment, Programme
from app.models.registry import Household, Individual
from app.services.context import Actor, ServiceContext
from app.services.households import next_household_code
from app.services.individual_import_rows import (
    PRIMARY,
    SECONDARY,
    ImportIssue,
    Row,
    check_groups,
    issue,
)
from app.services.lookups import district_of, pay_point_for, programme_covers
from app.services.members import build_member
from app.services.payroll_queries import programme_by_code

#: ``progress(done, total)``: rows checked, then rows written (a real import counts each twice).
ProgressCallback = Callable[[int, int], None]
#: Asked between batches; True stops the import before anything is committed.
CancelCheck = Callable[[], bool]
CHUNK = 500  # rows between progress reports, cancel checks and flushes
_IN_CHUNK = 900  # values per SQL ``IN (...)``, well under SQLite's variable limit


@dataclass
class Group:
    """One household to create: its rows, and its members once ``build_member`` made them."""

    code: str
    rows: list[Row]
    household: Household
    district: Location | None = None
    village: Location | None = None
    people: list[Individual] = field(default_factory=list)


class Ticker:
    """Counts rows for ``progress`` and asks ``cancelled`` every ``CHUNK`` rows."""

    def __init__(
        self, total: int, progress: ProgressCallback | None, cancelled: CancelCheck | None
    ) -> None:
        self.done, self.total = 0, total
        self._progress, self._cancelled = progress, cancelled
        self._reported = 0

    def __call__(self, rows: int = 1) -> None:
        self.done += rows
        if self.done - self._reported >= CHUNK or self.done == self.total:
            self._reported = self.done
            if self._progress is not None:
                self._progress(self.done, self.total)
            self.check()

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled("import cancelled; nothing was written")


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    items = sorted(values)
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]


def plan(
    session: Session,
    actor: Actor,
    rows: list[Row],
    programme_code: str | None,
    today: date,
    tick: Ticker,
    warnings: list[ImportIssue],
) -> tuple[list[Group], Programme | None]:
    """Check every row against the file and the registry; the households to create."""
    programme = programme_by_code(session, programme_code) if programme_code else None
    if programme is not None and programme.ends_on is not None and programme.ends_on < today:
        raise ValidationFailed([FieldError("programme", "PROGRAMME_ENDED")])
    by_code = check_groups(rows)
    villages = _check_villages(session, actor, rows, programme, warnings)
    _check_existing_codes(session, by_code)
    _check_registry_people(session, rows, villages)
    groups: list[Group] = []
    for code, members in by_code.items():
        village, district = villages.get(members[0].village, (None, None))
        household = Household(
            id=new_id(),
            district_id=district.id if district else None,
            village_id=village.id if village else None,
        )
        group = Group(code, members, household, district, village)
        group.people = [_member(session, row, household, today, tick) for row in members]
        groups.append(group)
    # A row without a group_code is checked all the same, so the report lists all it lacks.
    spare = Household(id=new_id())
    for row in rows:
        if not row.group:
            _member(session, row, spare, today, tick)
    return groups, programme


def _member(
    session: Session, row: Row, household: Household, today: date, tick: Ticker
) -> Individual:
    """The row's member through ``build_member``; its errors go to the row."""
    try:
        return build_member(session, household, row.member(), today=today)
    except ValidationFailed as exc:
        for error in exc.errors:
            row.add(error)
        return Individual()  # never written: the row has errors, so the import stops
    finally:
        tick()


def _check_villages(
    session: Session,
    actor: Actor,
    rows: list[Row],
    programme: Programme | None,
    warnings: list[ImportIssue],
) -> dict[str, tuple[Location, Location]]:
    """Each row's ``location_code`` is a village of the actor's district (and programme).

    Returns the valid ones by code, each with its district.
    """
    found: dict[str, Location] = {}
    for chunk in _chunks({r.village for r in rows if r.village}):
        for place in session.scalars(select(Location).where(Location.code.in_(chunk))):
            if not place.deleted:
                found[place.code] = place
    problems: dict[str, tuple[str, dict[str, str]]] = {}
    villages: dict[str, tuple[Location, Location]] = {}
    for code, place in found.items():
        if place.level != LocationLevel.VILLAGE:
            problems[code] = ("NOT_A_VILLAGE", {})
            continue
        district = district_of(session, place)
        anywhere = actor.role == Role.HQ_ADMIN or actor.district_id is None
        if not anywhere and district.id != actor.district_id:
            problems[code] = ("VILLAGE_OUT_OF_DISTRICT", {})
        elif programme is not None and not programme_covers(session, programme.id, place):
            problems[code] = ("PROGRAMME_NOT_IN_VILLAGE", {"programme": programme.code})
        else:
            villages[code] = (place, district)
    named: set[tuple[str, str]] = set()
    for row in rows:
        if not row.village:
            continue
        if row.village not in found:
            row.errors.add("location_code", "UNKNOWN_VILLAGE", value=row.village)
        elif row.village in problems:
            code, params = problems[row.village]
            row.errors.add("location_code", code, value=row.village, **params)
        given = row.values.get("location_name", "").strip()
        village = villages[row.village][0] if row.village in villages else None
        if village is None or not given or given.casefold() == village.name.casefold():
            continue
        if (row.village, given) not in named:  # once per spelling, not once per row
            named.add((row.village, given))
            params = {"value": given, "name": village.name}
            warnings.append(
                issue(row.number, "location_name", "LOCATION_NAME_MISMATCH", row.values, params)
            )
    return villages


def _check_existing_codes(session: Session, by_code: dict[str, list[Row]]) -> None:
    # openIMIS would update a group whose code exists; this import only creates, so a code
    # that is already a household's means the file (or an export of it) came in before.
    for chunk in _chunks(by_code):
        for code in session.scalars(select(Household.code).where(Household.code.in_(chunk))):
            by_code[code][0].errors.add("group_code", "HOUSEHOLD_CODE_EXISTS", value=code)


def _check_registry_people(
    session: Session, rows: list[Row], villages: dict[str, tuple[Location, Location]]
) -> None:
    """Someone present in the same village with the same names and birth date."""
    village_ids = {village.id: code for code, (village, _district) in villages.items()}
    known: dict[tuple[str, tuple[str, str, date]], str] = {}
    for chunk in _chunks(village_ids):
        query = (
            select(
                Household.village_id,
                Individual.first_name,
                Individual.last_name,
                Individual.date_of_birth,
                Household.code,
            )
            .join(Household, Household.id == Individual.household_id)
            .where(
                Household.village_id.in_(chunk),
                ~Household.deleted,
                ~Individual.deleted,
                Individual.status == MemberStatus.ALIVE,
            )
        )
        for village_id, first, last, born, household_code in session.execute(query):
            person = (first.strip().casefold(), last.strip().casefold(), born)
            known.setdefault((village_ids[village_id], person), household_code)
    for row in rows:
        key = row.person_key()
        found = known.get((row.village, key)) if key is not None else None
        if found:
            row.errors.add("first_name", "DUPLICATE_PERSON_IN_REGISTRY", household=found)


def write(
    session: Session,
    ctx: ServiceContext,
    groups: list[Group],
    programme: Programme | None,
    today: date,
    tick: Ticker,
) -> dict[str, str]:
    """Add the planned households, members and enrolments, flushing batch by batch."""
    # Codes and pay points first: each read flushes the session, cheap while nothing is
    # pending, slow once thousands of new rows are.
    points: dict[str, str | None] = {}
    for group in groups:
        assert group.district is not None and group.village is not None
        group.household.code = next_household_code(session, group.district.code, ctx.device_id)
        if group.village.id not in points:
            point = pay_point_for(session, group.village)
            points[group.village.id] = point.id if point else None
    # Without ORM relationships a flush orders inserts by class name, which would put
    # enrolments before their households: enrolments join the flush after their households'.
    enrolments: list[Enrolment] = []
    pending = 0
    for group in groups:
        household, people = group.household, group.people
        household.pay_point_id = points[household.village_id]
        household.registered_on = today
        for person in people:
            person.id = new_id()
        head = next(p for p in people if p.relationship == Relationship.HEAD)
        household.head_id = head.id
        primary = [p for p, r in zip(people, group.rows, strict=True) if r.recipient == PRIMARY]
        second = [p for p, r in zip(people, group.rows, strict=True) if r.recipient == SECONDARY]
        household.primary_recipient_id = (primary[0] if primary else head).id
        household.secondary_recipient_id = second[0].id if second else None
        session.add(household)
        session.add_all(people)
        if programme is not None:
            enrolments.append(
                Enrolment(
                    household_id=household.id,
                    programme_id=programme.id,
                    district_id=household.district_id,
                    status=EnrolmentStatus.ACTIVE,
                    status_date=today,
                    enrolled_on=today,
                )
            )
        pending += len(people)
        if pending >= CHUNK:
            session.flush()
            session.add_all(enrolments)
            tick(pending)
            enrolments, pending = [], 0
    session.flush()
    session.add_all(enrolments)
    session.flush()
    tick(pending)
    return {g.code: g.household.code for g in groups}
