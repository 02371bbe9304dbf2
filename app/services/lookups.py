"""Scoped look-ups shared by services: households, members, locations, service points."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.vocab import LocationLevel, MemberStatus, Role, ServicePointKind
from app.errors import FieldError, NotFound, PermissionDenied, ValidationFailed
from app.models.location import Location, ServicePoint
from app.models.programme import ProgrammeLocation
from app.models.registry import Household, Individual
from app.services.context import Actor


def check_scope(actor: Actor, district_id: str) -> None:
    """Officers and supervisors act only inside their own district; HQ acts everywhere."""
    if actor.role == Role.HQ_ADMIN or actor.district_id is None:
        return
    if actor.district_id != district_id:
        raise PermissionDenied("this record belongs to another district", code="OUT_OF_SCOPE")


def household_by_ref(session: Session, ref: str, actor: Actor | None = None) -> Household:
    """A live household by id or code, checked against the actor's district."""
    household = session.get(Household, ref) if len(ref) == 36 else None
    if household is None:
        household = session.scalar(select(Household).where(Household.code == ref))
    if household is None or household.deleted:
        raise NotFound(f"no household {ref}", code="HOUSEHOLD_NOT_FOUND")
    if actor is not None:
        check_scope(actor, household.district_id)
    return household


def member_of(
    session: Session,
    household: Household,
    individual_id: str,
    *,
    field: str = "individual_id",
    alive: bool = True,
) -> Individual:
    """A member of ``household`` (alive unless ``alive`` is False), else a validation error."""
    person = session.get(Individual, individual_id)
    if person is None or person.deleted or person.household_id != household.id:
        raise ValidationFailed([FieldError(field, "NOT_A_MEMBER")])
    if alive and person.status != MemberStatus.ALIVE:
        raise ValidationFailed([FieldError(field, "MEMBER_NOT_PRESENT", {"status": person.status})])
    return person


def individual_by_id(session: Session, individual_id: str, actor: Actor) -> Individual:
    """A live individual by id, checked against the actor's district."""
    person = session.get(Individual, individual_id)
    if person is None or person.deleted:
        raise NotFound(f"no person {individual_id}", code="INDIVIDUAL_NOT_FOUND")
    check_scope(actor, person.district_id)
    return person


def live_members(session: Session, household_id: str) -> list[Individual]:
    """Members currently in the household (alive and not left), oldest first."""
    return list(
        session.scalars(
            select(Individual)
            .where(
                Individual.household_id == household_id,
                ~Individual.deleted,
                Individual.status == MemberStatus.ALIVE,
            )
            .order_by(Individual.date_of_birth)
        )
    )


def village_by_code(session: Session, code: str, *, field: str = "village") -> Location:
    """A village by code, or a validation error naming ``field``."""
    village = session.scalar(select(Location).where(Location.code == code.strip()))
    if village is None or village.deleted:
        raise ValidationFailed([FieldError(field, "UNKNOWN_VILLAGE", {"value": code})])
    if village.level != LocationLevel.VILLAGE:
        raise ValidationFailed([FieldError(field, "NOT_A_VILLAGE", {"value": code})])
    return village


def ancestors(session: Session, location: Location) -> list[Location]:
    """``location`` followed by its parents up to the region."""
    chain = [location]
    seen = {location.id}
    current = location
    while current.parent_id and current.parent_id not in seen:
        parent = session.get(Location, current.parent_id)
        if parent is None:
            break
        chain.append(parent)
        seen.add(parent.id)
        current = parent
    return chain


def district_of(session: Session, location: Location) -> Location:
    """The district a location lies in (itself if it is one)."""
    for node in ancestors(session, location):
        if node.level == LocationLevel.DISTRICT:
            return node
    raise ValidationFailed([FieldError("village", "LOCATION_WITHOUT_DISTRICT")])


def programme_covers(session: Session, programme_id: str, village: Location) -> bool:
    """True if the programme operates in ``village`` (no listed locations means everywhere)."""
    listed = set(
        session.scalars(
            select(ProgrammeLocation.location_id).where(
                ProgrammeLocation.programme_id == programme_id, ~ProgrammeLocation.deleted
            )
        )
    )
    if not listed:
        return True
    return any(node.id in listed for node in ancestors(session, village))


def pay_point_for(session: Session, village: Location) -> ServicePoint | None:
    """The pay point serving ``village``: in the village, else in its ward, else the district."""
    for node in ancestors(session, village):
        if node.level == LocationLevel.REGION:
            break
        child_ids = [node.id]
        if node.level != LocationLevel.VILLAGE:
            child_ids += list(
                session.scalars(select(Location.id).where(Location.parent_id == node.id))
            )
        point = session.scalar(
            select(ServicePoint)
            .where(
                ServicePoint.kind == ServicePointKind.PAY_POINT,
                ServicePoint.location_id.in_(child_ids),
                ~ServicePoint.deleted,
            )
            .order_by(ServicePoint.code)
        )
        if point is not None:
            return point
    return None


def service_point_by_code(
    session: Session, code: str | None, kind: ServicePointKind, *, field: str
) -> ServicePoint | None:
    """A service point of ``kind`` by code; None for an empty code."""
    if not code:
        return None
    point = session.scalar(select(ServicePoint).where(ServicePoint.code == code.strip()))
    if point is None or point.deleted or point.kind != kind:
        raise ValidationFailed([FieldError(field, "UNKNOWN_SERVICE_POINT", {"value": code})])
    return point


def member_service_point(
    session: Session,
    code: str | None,
    kind: ServicePointKind,
    *,
    district_id: str | None,
    field: str,
) -> ServicePoint | None:
    """A member's school or health facility by code: live, of ``kind``, in ``district_id``.

    None for an empty code (no school, no clinic). Attendance sheets are built per school and
    per clinic of the district, and HQ refuses a member pointing at another district's one.
    """
    if not code or not code.strip():
        return None
    point = session.scalar(select(ServicePoint).where(ServicePoint.code == code.strip()))
    if point is None or point.deleted:
        raise ValidationFailed([FieldError(field, "UNKNOWN_SERVICE_POINT", {"value": code})])
    if point.kind != kind:
        if kind == ServicePointKind.SCHOOL:
            raise ValidationFailed([FieldError(field, "NOT_A_SCHOOL", {"value": code})])
        raise ValidationFailed([FieldError(field, "NOT_A_HEALTH_FACILITY", {"value": code})])
    if district_id is not None and point.district_id != district_id:
        raise ValidationFailed([FieldError(field, "SERVICE_POINT_OTHER_DISTRICT", {"value": code})])
    return point


def age_on(born: date, today: date) -> int:
    """Whole years between ``born`` and ``today``."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
