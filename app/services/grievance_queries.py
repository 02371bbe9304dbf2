"""Read side of grievances: the filtered list, the ticket page and the receipt's data.

``overdue`` is computed against the due date and the caller's today: only tickets still being
handled (RECEIVED, OPEN, IN_PROGRESS) can be overdue.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.domain.transitions import allowed_next
from app.domain.vocab import EnrolmentStatus, GrievanceStatus, OpKind
from app.models.audit import AuditEntry
from app.models.db import Database
from app.models.grievance import Grievance, GrievanceComment
from app.models.location import Location
from app.models.programme import Enrolment, Programme
from app.models.registry import Household, Individual
from app.models.user import User
from app.services.context import Actor
from app.services.grievances import (
    OPEN_STATUSES,
    SENSITIVE_CATEGORIES,
    grievance_by_ref,
    sla_days,
)
from app.services.lookups import household_by_ref

_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class GrievanceRow:
    """One line of the grievance list."""

    id: str
    code: str
    title: str
    channel: str
    category: str
    priority: str
    status: str
    anonymous: bool
    complainant_name: str | None
    household_code: str | None
    received_on: date
    due_date: date | None
    assignee: str | None
    overdue: bool
    days_overdue: int


@dataclass(frozen=True)
class CommentOut:
    id: str
    at: datetime
    author: str | None
    body: str
    is_resolution: bool


@dataclass(frozen=True)
class GrievanceOut:
    """The ticket page: every field, the comments (oldest first), and the next statuses."""

    id: str
    code: str
    title: str
    description: str
    channel: str
    category: str
    priority: str
    flags: str
    status: str
    anonymous: bool
    complainant_name: str | None
    complainant_phone: str | None
    complainant_id: str | None
    household_id: str | None
    household_code: str | None
    district_code: str
    district_name: str
    received_on: date
    due_date: date | None
    overdue: bool
    assignee: str | None
    received_by: str | None
    resolution: str
    resolved_at: datetime | None
    version: int
    sensitive: bool
    next_statuses: list[str]
    comments: list[CommentOut] = field(default_factory=list)


@dataclass(frozen=True)
class GrievanceReceipt:
    """What the printed acknowledgement (printing.md §4.4) needs; no text in any language.

    ``complainant_name`` is None for an anonymous ticket (print the word "Anonymous" in the
    slip's language). For a ``sensitive`` category the complainant's slip shows only the
    ticket number, the date and the follow-up channel (GR-04); the office stub shows all.
    """

    code: str
    check_character: str
    title: str
    summary: str
    description: str
    channel: str
    category: str
    priority: str
    sensitive: bool
    anonymous: bool
    complainant_name: str | None
    complainant_phone: str | None
    beneficiary_id: str | None  # the complainant's national ID, if registered
    household_code: str | None
    programmes: list[str]  # programmes the linked household is enrolled in
    received_on: date
    received_at: datetime
    due_date: date | None
    sla_days: int
    status: str
    district_code: str
    district_name: str  # the office
    received_by: str | None  # officer's full name (username if none)
    received_by_username: str | None


def check_character(code: str) -> str:
    """A Luhn mod-36 check character over the code's letters and digits (typos show up)."""
    chars = [c for c in code.upper() if c in _ALNUM]
    total = 0
    for i, char in enumerate(reversed(chars)):
        value = _ALNUM.index(char)
        if i % 2 == 0:
            value *= 2
            value = value // 36 + value % 36
        total += value
    return _ALNUM[(36 - total % 36) % 36]


def _is_overdue(status: str, due: date | None, today: date) -> bool:
    return status in OPEN_STATUSES and due is not None and due < today


def _filtered(
    session: Session,
    *,
    actor: Actor | None,
    today: date,
    status: str | None,
    category: str | None,
    overdue_only: bool,
    household_ref: str | None,
    search: str | None,
    assignee: str | None,
) -> Select[tuple[Grievance, str, str]]:
    assignee_user = aliased(User)
    query = (
        select(Grievance, Household.code, assignee_user.username)
        .outerjoin(Household, Household.id == Grievance.household_id)
        .outerjoin(assignee_user, assignee_user.id == Grievance.assignee_id)
        .where(~Grievance.deleted)
    )
    if actor is not None and actor.district_id is not None:
        query = query.where(Grievance.district_id == actor.district_id)
    if status:
        query = query.where(Grievance.status == status.strip().upper())
    if category:
        query = query.where(Grievance.category == category.strip().upper())
    if overdue_only:
        query = query.where(Grievance.status.in_(OPEN_STATUSES), Grievance.due_date < today)
    if household_ref:
        household = household_by_ref(session, household_ref, actor)
        query = query.where(Grievance.household_id == household.id)
    if assignee:
        query = query.where(assignee_user.username == assignee.strip())
    text = (search or "").strip()
    if text:
        like = f"%{text.replace('%', '').replace('_', '')}%"
        query = query.where(
            or_(
                Grievance.code.ilike(like),
                Grievance.title.ilike(like),
                Grievance.complainant_name.ilike(like),
                Grievance.complainant_phone.ilike(like),
                Household.code.ilike(like),
            )
        )
    return query


def list_grievances(
    db: Database,
    *,
    actor: Actor | None = None,
    today: date,
    status: str | None = None,
    category: str | None = None,
    overdue_only: bool = False,
    household_ref: str | None = None,
    search: str | None = None,
    assignee: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[GrievanceRow]:
    """Tickets matching the filters, in the actor's district (all districts for HQ).

    Order: tickets still being handled first, earliest due date first; then finished tickets,
    most recently received first. ``search`` matches code, title, complainant name or phone and
    household code.
    """
    with db.read_session() as session:
        query = _filtered(
            session,
            actor=actor,
            today=today,
            status=status,
            category=category,
            overdue_only=overdue_only,
            household_ref=household_ref,
            search=search,
            assignee=assignee,
        )
        handling = Grievance.status.in_(OPEN_STATUSES)
        query = query.order_by(
            case((handling, 0), else_=1),
            case((handling, Grievance.due_date), else_=None).asc().nulls_last(),
            Grievance.received_on.desc(),
            Grievance.code,
        )
        rows = session.execute(query.limit(limit).offset(offset)).all()
        return [
            _row(g, household_code, assignee_name, today)
            for g, household_code, assignee_name in rows
        ]


def count_grievances(
    db: Database,
    *,
    actor: Actor | None = None,
    today: date,
    status: str | None = None,
    category: str | None = None,
    overdue_only: bool = False,
    household_ref: str | None = None,
    search: str | None = None,
    assignee: str | None = None,
) -> int:
    """How many tickets ``list_grievances`` would page through with the same filters."""
    with db.read_session() as session:
        query = _filtered(
            session,
            actor=actor,
            today=today,
            status=status,
            category=category,
            overdue_only=overdue_only,
            household_ref=household_ref,
            search=search,
            assignee=assignee,
        )
        return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


def _row(
    g: Grievance, household_code: str | None, assignee: str | None, today: date
) -> GrievanceRow:
    overdue = _is_overdue(g.status, g.due_date, today)
    return GrievanceRow(
        id=g.id,
        code=g.code,
        title=g.title,
        channel=g.channel,
        category=g.category,
        priority=g.priority,
        status=g.status,
        anonymous=g.anonymous,
        complainant_name=g.complainant_name,
        household_code=household_code,
        received_on=g.received_on,
        due_date=g.due_date,
        assignee=assignee,
        overdue=overdue,
        days_overdue=(today - g.due_date).days if overdue and g.due_date else 0,
    )


def _received_by(session: Session, g: Grievance) -> User | None:
    # No created_by column: the insert's audit entry names the receiving officer; a ticket
    # never changed since it was registered still carries its author in updated_by.
    user_id = session.scalar(
        select(AuditEntry.user_id)
        .where(
            AuditEntry.table_name == Grievance.__tablename__,
            AuditEntry.row_id == g.id,
            AuditEntry.action == OpKind.INSERT,
        )
        .limit(1)
    )
    if user_id is None and g.version == 1:
        user_id = g.updated_by
    return session.get(User, user_id) if user_id else None


def _username(session: Session, user_id: str | None) -> str | None:
    if user_id is None:
        return None
    user = session.get(User, user_id)
    return user.username if user else None


def get_grievance(
    db: Database, *, ref: str, actor: Actor | None = None, today: date
) -> GrievanceOut:
    """The ticket page for ``ref`` (id or code), scoped to the actor's district."""
    with db.read_session() as session:
        g = grievance_by_ref(session, ref, actor)
        household = session.get(Household, g.household_id) if g.household_id else None
        district = session.get(Location, g.district_id)
        receiver = _received_by(session, g)
        comments = [
            CommentOut(
                id=c.id,
                at=c.created_at,
                author=username,
                body=c.body,
                is_resolution=c.is_resolution,
            )
            for c, username in session.execute(
                select(GrievanceComment, User.username)
                .outerjoin(User, User.id == GrievanceComment.author_id)
                .where(GrievanceComment.grievance_id == g.id, ~GrievanceComment.deleted)
                .order_by(GrievanceComment.created_at, GrievanceComment.id)
            ).all()
        ]
        return GrievanceOut(
            id=g.id,
            code=g.code,
            title=g.title,
            description=g.description,
            channel=g.channel,
            category=g.category,
            priority=g.priority,
            flags=g.flags,
            status=g.status,
            anonymous=g.anonymous,
            complainant_name=g.complainant_name,
            complainant_phone=g.complainant_phone,
            complainant_id=g.complainant_id,
            household_id=g.household_id,
            household_code=household.code if household else None,
            district_code=district.code if district else "",
            district_name=district.name if district else "",
            received_on=g.received_on,
            due_date=g.due_date,
            overdue=_is_overdue(g.status, g.due_date, today),
            assignee=_username(session, g.assignee_id),
            received_by=receiver.username if receiver else None,
            resolution=g.resolution,
            resolved_at=g.resolved_at,
            version=g.version,
            sensitive=g.category in SENSITIVE_CATEGORIES,
            next_statuses=sorted(allowed_next(GrievanceStatus, g.status)),
            comments=comments,
        )


def _summary(description: str, *, lines: int = 3, width: int = 90) -> str:
    """At most ``lines`` printed lines of ``width`` characters (GR-02), ellipsis when cut."""
    wrapped = textwrap.wrap(" ".join(description.split()), width)
    if len(wrapped) <= lines:
        return "\n".join(wrapped)
    kept = wrapped[:lines]
    kept[-1] = kept[-1][: width - 1].rstrip() + "…"
    return "\n".join(kept)


def grievance_receipt_data(
    db: Database, *, ref: str, actor: Actor | None = None
) -> GrievanceReceipt:
    """Everything the printed acknowledgement (slip and office stub) shows for ``ref``."""
    with db.read_session() as session:
        g = grievance_by_ref(session, ref, actor)
        household = session.get(Household, g.household_id) if g.household_id else None
        district = session.get(Location, g.district_id)
        complainant = session.get(Individual, g.complainant_id) if g.complainant_id else None
        receiver = _received_by(session, g)
        programmes: list[str] = []
        if household is not None:
            programmes = list(
                session.scalars(
                    select(Programme.name)
                    .join(Enrolment, Enrolment.programme_id == Programme.id)
                    .where(
                        and_(
                            Enrolment.household_id == household.id,
                            ~Enrolment.deleted,
                            Enrolment.status.in_(
                                (EnrolmentStatus.ACTIVE, EnrolmentStatus.SUSPENDED)
                            ),
                        )
                    )
                    .order_by(Programme.code)
                )
            )
        return GrievanceReceipt(
            code=g.code,
            check_character=check_character(g.code),
            title=g.title,
            summary=_summary(g.description),
            description=g.description,
            channel=g.channel,
            category=g.category,
            priority=g.priority,
            sensitive=g.category in SENSITIVE_CATEGORIES,
            anonymous=g.anonymous,
            complainant_name=None if g.anonymous else g.complainant_name,
            complainant_phone=None if g.anonymous else g.complainant_phone,
            beneficiary_id=complainant.national_id if complainant else None,
            household_code=household.code if household else None,
            programmes=programmes,
            received_on=g.received_on,
            received_at=g.created_at,
            due_date=g.due_date,
            sla_days=sla_days(g.category),
            status=g.status,
            district_code=district.code if district else "",
            district_name=district.name if district else "",
            received_by=(receiver.full_name or receiver.username) if receiver else None,
            received_by_username=receiver.username if receiver else None,
        )
