"""Grievance tickets (openIMIS GRM): register, assign, comment, work, resolve, close, reopen.

Statuses follow ``app.domain.transitions`` (GrievanceStatus): a ticket is RECEIVED at intake,
OPEN once triaged (assigning a RECEIVED ticket opens it), IN_PROGRESS while someone works on it,
RESOLVED with a resolution, CLOSED at the end; RESOLVED and CLOSED tickets can be reopened (OPEN).
Unlike openIMIS, resolving does not close: RESOLVED waits for the complainant's confirmation and
``close_grievance`` ends the ticket.

Comments are append-only. Resolving adds a comment with ``is_resolution``; reopening clears the
ticket's ``resolution`` and ``resolved_at`` (openIMIS "clears the resolution flag") and adds a
comment with the reason. Earlier resolution comments stay in the history as they were written:
the ticket's ``resolution`` field is the current one.

Reads (lists, the ticket page, receipt data) are in ``app.services.grievance_queries``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.transitions import check_transition
from app.domain.vocab import (
    GrievanceChannel,
    GrievancePriority,
    GrievanceStatus,
    LocationLevel,
    Role,
)
from app.errors import FieldError, InvalidTransition, NotFound, ValidationFailed
from app.models.base import new_id, utcnow
from app.models.grievance import Grievance, GrievanceComment
from app.models.location import Location
from app.models.registry import Household, Individual
from app.models.user import User
from app.services.context import Actor, ServiceContext, get_state, set_state, unit_of_work
from app.services.lookups import check_scope, household_by_ref, individual_by_id
from app.services.validation import Errors


class GrievanceCategory(StrEnum):
    """What a grievance is about (to move to ``app.domain.vocab`` with the other vocabularies)."""

    PAYMENT = "PAYMENT"  # payment not received, late, incomplete, deductions
    TARGETING = "TARGETING"  # left out, wrongly included, eligibility decisions
    REGISTRATION = "REGISTRATION"  # wrong household or member data
    SERVICE_QUALITY = "SERVICE_QUALITY"  # queues, pay point, staff attitude, information
    MISCONDUCT = "MISCONDUCT"  # staff misconduct, fraud, exploitation and abuse (sensitive)
    OTHER = "OTHER"


#: Service level per category: days from receipt to the expected response (the ticket's due
#: date). Payment problems stop a household's income, so they come first; targeting needs a
#: field check; misconduct is urgent and confidential.
SLA_DAYS: dict[str, int] = {
    GrievanceCategory.PAYMENT: 7,
    GrievanceCategory.TARGETING: 14,
    GrievanceCategory.REGISTRATION: 14,
    GrievanceCategory.SERVICE_QUALITY: 10,
    GrievanceCategory.MISCONDUCT: 5,
    GrievanceCategory.OTHER: 10,
}
#: Categories whose printed slip shows only the ticket number, date and follow-up (GR-04).
SENSITIVE_CATEGORIES = frozenset({GrievanceCategory.MISCONDUCT})
#: Statuses in which a ticket is still being handled (and can be overdue).
OPEN_STATUSES = (GrievanceStatus.RECEIVED, GrievanceStatus.OPEN, GrievanceStatus.IN_PROGRESS)
#: Roles a ticket can be assigned to.
ASSIGNABLE_ROLES = (Role.OFFICER, Role.SUPERVISOR, Role.HQ_ADMIN)

TITLE_MAX = 200
TEXT_MAX = 4000
NAME_MAX = 160
CODE_PREFIX = "GRS"


def sla_days(category: str) -> int:
    """Days allowed to answer a grievance of ``category``."""
    return SLA_DAYS.get(category, SLA_DAYS[GrievanceCategory.OTHER])


def _next_grievance_code(session: Session, district_code: str, device_id: str) -> str:
    # Offline codes never collide: the device's tag plus a per-device sequence that is never
    # reused (kept in sync_state like the household code sequence).
    seq = int(get_state(session, "grievance_code_seq") or "0") + 1
    set_state(session, "grievance_code_seq", str(seq))
    return f"{CODE_PREFIX}-{district_code}-{device_id[-4:].upper()}-{seq:05d}"


def _now(ctx: ServiceContext) -> datetime:
    if ctx.clock_ms is None:
        return utcnow()
    return datetime.fromtimestamp(ctx.clock_ms() / 1000, UTC)


def grievance_by_ref(session: Session, ref: str, actor: Actor | None = None) -> Grievance:
    """A live ticket by id or code (any case), checked against the actor's district."""
    text = ref.strip()
    grievance = session.get(Grievance, text) if len(text) == 36 else None
    if grievance is None:
        grievance = session.scalar(select(Grievance).where(Grievance.code == text.upper()))
    if grievance is None or grievance.deleted:
        raise NotFound(f"no grievance {ref}", code="GRIEVANCE_NOT_FOUND")
    if actor is not None:
        check_scope(actor, grievance.district_id)
    return grievance


def _district_for(
    session: Session,
    actor: Actor,
    errors: Errors,
    *,
    household: Household | None,
    complainant: Individual | None,
    district_code: str | None,
) -> Location | None:
    if household is not None:
        return session.get(Location, household.district_id)
    if complainant is not None:
        return session.get(Location, complainant.district_id)
    if district_code:
        found = session.scalar(select(Location).where(Location.code == district_code.strip()))
        if found is None or found.deleted or found.level != LocationLevel.DISTRICT:
            errors.add("district", "UNKNOWN_DISTRICT", value=district_code)
            return None
        check_scope(actor, found.id)
        return found
    if actor.district_id is None:
        errors.add("district", "REQUIRED")
        return None
    return session.get(Location, actor.district_id)


def register_grievance(
    ctx: ServiceContext,
    *,
    channel: str,
    category: str,
    title: str,
    priority: str = GrievancePriority.MEDIUM,
    description: str = "",
    anonymous: bool = False,
    complainant_name: str | None = None,
    complainant_phone: str | None = None,
    complainant_id: str | None = None,
    household_ref: str | None = None,
    received_on: date | str | None = None,
    district_code: str | None = None,
) -> str:
    """Register a ticket (status RECEIVED, due date from the category's SLA); returns its id.

    A named ticket needs a complainant: a registered individual (``complainant_id``, whose name
    and phone are copied when not given) or a name. An anonymous ticket stores no name, phone or
    individual; giving one is a validation error. The ticket belongs to the linked household's
    district, else the complainant's, else ``district_code`` (HQ users), else the actor's.
    """
    actor = ctx.require_actor()
    today = ctx.today()
    with unit_of_work(ctx) as session:
        errors = Errors()
        clean_channel = errors.enum("channel", channel, GrievanceChannel)
        clean_category = errors.enum("category", category, GrievanceCategory)
        clean_priority = errors.enum("priority", priority, GrievancePriority)
        clean_title = errors.required_text("title", title, max_len=TITLE_MAX)
        clean_description = errors.optional_text("description", description, max_len=TEXT_MAX)
        received = (
            today
            if received_on in (None, "")
            else errors.past_date("received_on", received_on, today=today)
        )
        name = errors.optional_text("complainant_name", complainant_name, max_len=NAME_MAX)
        phone = errors.phone("complainant_phone", complainant_phone)
        complainant: Individual | None = None
        if anonymous:
            for field_name, given in (
                ("complainant_name", name),
                ("complainant_phone", phone),
                ("complainant_id", complainant_id),
            ):
                if given:
                    errors.add(field_name, "NOT_ALLOWED_WHEN_ANONYMOUS")
        else:
            if complainant_id:
                try:
                    complainant = individual_by_id(session, complainant_id, actor)
                except NotFound:
                    errors.add("complainant_id", "UNKNOWN_INDIVIDUAL")
            elif not name:
                errors.add("complainant_name", "COMPLAINANT_REQUIRED")
        household = household_by_ref(session, household_ref, actor) if household_ref else None
        if household is None and complainant is not None:
            household = session.get(Household, complainant.household_id)
        district = _district_for(
            session,
            actor,
            errors,
            household=household,
            complainant=complainant,
            district_code=district_code,
        )
        errors.raise_if_any()
        assert district is not None and received is not None
        check_scope(actor, district.id)
        if complainant is not None:
            name = name or f"{complainant.first_name} {complainant.last_name}"
            phone = phone or complainant.phone
        grievance = Grievance(
            id=new_id(),
            code=_next_grievance_code(session, district.code, ctx.device_id),
            district_id=district.id,
            title=clean_title,
            description=clean_description,
            channel=clean_channel,
            category=clean_category,
            priority=clean_priority,
            flags="",
            anonymous=bool(anonymous),
            complainant_name=name or None,
            complainant_phone=phone,
            complainant_id=complainant.id if complainant else None,
            household_id=household.id if household else None,
            status=GrievanceStatus.RECEIVED,
            received_on=received,
            due_date=received + timedelta(days=sla_days(clean_category)),
            resolution="",
        )
        session.add(grievance)
        return grievance.id


def _assignee(session: Session, username: str, grievance: Grievance) -> User:
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None or user.deleted or not user.active:
        raise ValidationFailed([FieldError("assignee", "UNKNOWN_USER", {"value": username})])
    if user.role not in ASSIGNABLE_ROLES:
        raise ValidationFailed([FieldError("assignee", "USER_CANNOT_HANDLE_GRIEVANCES")])
    if user.district_id is not None and user.district_id != grievance.district_id:
        raise ValidationFailed([FieldError("assignee", "USER_OF_ANOTHER_DISTRICT")])
    return user


def assign_grievance(ctx: ServiceContext, *, grievance_id: str, assignee_username: str) -> int:
    """Give the ticket to a user of its district (or HQ); a RECEIVED ticket becomes OPEN.

    Returns the ticket's new version. Finished tickets (RESOLVED, CLOSED) must be reopened
    first (GRIEVANCE_NOT_OPEN).
    """
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        grievance = grievance_by_ref(session, grievance_id, actor)
        if grievance.status not in OPEN_STATUSES:
            raise InvalidTransition(
                f"grievance {grievance.code} is {grievance.status}", code="GRIEVANCE_NOT_OPEN"
            )
        user = _assignee(session, assignee_username, grievance)
        if user.id == grievance.assignee_id:
            raise ValidationFailed([FieldError("assignee", "ALREADY_ASSIGNED")])
        grievance.assignee_id = user.id
        if grievance.status == GrievanceStatus.RECEIVED:
            check_transition(GrievanceStatus, grievance.status, GrievanceStatus.OPEN)
            grievance.status = GrievanceStatus.OPEN
        session.flush()
        return grievance.version


def _comment(
    session: Session, actor: Actor, grievance: Grievance, body: str, *, resolution: bool = False
) -> GrievanceComment:
    comment = GrievanceComment(
        id=new_id(),
        grievance_id=grievance.id,
        district_id=grievance.district_id,
        author_id=actor.user_id,
        body=body,
        is_resolution=resolution,
    )
    session.add(comment)
    return comment


def add_comment(ctx: ServiceContext, *, grievance_id: str, body: str) -> str:
    """Append a comment to a ticket (any status); returns the comment's id."""
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        grievance = grievance_by_ref(session, grievance_id, actor)
        errors = Errors()
        text = errors.required_text("body", body, max_len=TEXT_MAX)
        errors.raise_if_any()
        return _comment(session, actor, grievance, text).id


def set_grievance_status(ctx: ServiceContext, *, grievance_id: str, status: str) -> int:
    """Move a ticket between the working statuses (OPEN, IN_PROGRESS); returns the new version.

    Resolving, closing and reopening carry a text and have their own functions; asking for those
    statuses here is refused with USE_RESOLVE, USE_CLOSE or USE_REOPEN.
    """
    actor = ctx.require_actor()
    errors = Errors()
    target = errors.enum("status", status, GrievanceStatus)
    errors.raise_if_any()
    with unit_of_work(ctx) as session:
        grievance = grievance_by_ref(session, grievance_id, actor)
        if target == GrievanceStatus.RESOLVED:
            raise InvalidTransition("resolve with a resolution", code="USE_RESOLVE")
        if target == GrievanceStatus.CLOSED:
            raise InvalidTransition("close with close_grievance", code="USE_CLOSE")
        if target == GrievanceStatus.OPEN and grievance.status not in OPEN_STATUSES:
            raise InvalidTransition("reopen with a reason", code="USE_REOPEN")
        check_transition(GrievanceStatus, grievance.status, target)
        grievance.status = target
        session.flush()
        return grievance.version


def start_work(ctx: ServiceContext, *, grievance_id: str) -> int:
    """RECEIVED or OPEN → IN_PROGRESS; returns the new version."""
    return set_grievance_status(ctx, grievance_id=grievance_id, status=GrievanceStatus.IN_PROGRESS)


def resolve_grievance(ctx: ServiceContext, *, grievance_id: str, resolution: str) -> int:
    """Record the resolution (a resolution comment) and set RESOLVED; returns the new version."""
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        grievance = grievance_by_ref(session, grievance_id, actor)
        errors = Errors()
        text = errors.required_text("resolution", resolution, max_len=TEXT_MAX)
        errors.raise_if_any()
        check_transition(GrievanceStatus, grievance.status, GrievanceStatus.RESOLVED)
        _comment(session, actor, grievance, text, resolution=True)
        grievance.status = GrievanceStatus.RESOLVED
        grievance.resolution = text
        grievance.resolved_at = _now(ctx)
        session.flush()
        return grievance.version


def close_grievance(ctx: ServiceContext, *, grievance_id: str, reason: str = "") -> int:
    """Close a ticket; returns the new version.

    A RESOLVED ticket closes as is (an optional ``reason`` is added as a comment). Closing a
    ticket that was never resolved (duplicate, withdrawn, out of mandate) needs a ``reason``.
    """
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        grievance = grievance_by_ref(session, grievance_id, actor)
        errors = Errors()
        text = errors.optional_text("reason", reason, max_len=TEXT_MAX)
        errors.raise_if_any()
        check_transition(GrievanceStatus, grievance.status, GrievanceStatus.CLOSED)
        if grievance.status != GrievanceStatus.RESOLVED and not text:
            raise ValidationFailed([FieldError("reason", "REASON_REQUIRED_WHEN_UNRESOLVED")])
        if text:
            _comment(session, actor, grievance, text)
        grievance.status = GrievanceStatus.CLOSED
        session.flush()
        return grievance.version


def reopen_grievance(ctx: ServiceContext, *, grievance_id: str, reason: str) -> int:
    """RESOLVED or CLOSED → OPEN with a reason; returns the new version.

    The resolution is cleared and the due date starts again from today with the category's SLA.
    """
    actor = ctx.require_actor()
    today = ctx.today()
    with unit_of_work(ctx) as session:
        grievance = grievance_by_ref(session, grievance_id, actor)
        errors = Errors()
        text = errors.required_text("reason", reason, max_len=TEXT_MAX)
        errors.raise_if_any()
        if grievance.status in OPEN_STATUSES:
            raise InvalidTransition(
                f"grievance {grievance.code} is still {grievance.status}", code="NOT_FINISHED"
            )
        check_transition(GrievanceStatus, grievance.status, GrievanceStatus.OPEN)
        _comment(session, actor, grievance, text)
        grievance.status = GrievanceStatus.OPEN
        grievance.resolution = ""
        grievance.resolved_at = None
        grievance.due_date = today + timedelta(days=sla_days(grievance.category))
        session.flush()
        return grievance.version
