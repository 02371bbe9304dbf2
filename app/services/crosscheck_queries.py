"""Read side of cross-checks: match vocabularies, look-up, and the filtered list of matches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session, aliased

from app.errors import NotFound
from app.models.db import Database
from app.models.location import Location
from app.models.recertification import CrossCheckMatch, RecertificationRound
from app.models.registry import Household, Individual
from app.services.context import Actor
from app.services.lookups import check_scope
from app.services.recertification_queries import round_by_ref


class MatchKind(StrEnum):
    NATIONAL_ID = "NATIONAL_ID"  # same national ID
    NAME_DOB = "NAME_DOB"  # similar names, same (or nearly the same) date of birth


class MatchStatus(StrEnum):
    OPEN = "OPEN"  # waiting for review
    CONFIRMED = "CONFIRMED"  # the same person (a death on a deaths list is recorded)
    DISMISSED = "DISMISSED"  # someone else


@dataclass(frozen=True)
class MatchRow:
    """One flagged person: ours beside what the other registry says."""

    id: str
    source: str
    round_code: str | None
    kind: str
    score: int
    status: str
    individual_id: str
    person_name: str
    date_of_birth: date
    national_id: str | None
    person_status: str
    household_id: str
    household_code: str
    village_name: str
    external_name: str
    external_dob: str | None
    external_national_id: str | None
    external_date_of_death: str | None
    external: dict[str, Any]
    review_note: str


def match_by_id(session: Session, match_id: str, actor: Actor) -> CrossCheckMatch:
    """A live match by id, checked against the actor's district."""
    match = session.get(CrossCheckMatch, match_id.strip())
    if match is None or match.deleted:
        raise NotFound(f"no cross-check match {match_id}", code="MATCH_NOT_FOUND")
    check_scope(actor, match.district_id)
    return match


def _query(
    actor: Actor | None, status: str | None, source: str | None, round_id: str | None
) -> Select[Any]:
    m, village, rnd = CrossCheckMatch, aliased(Location), aliased(RecertificationRound)
    query = (
        select(m, Individual, Household.code, village.name, rnd.code)
        .join(Individual, Individual.id == m.individual_id)
        .join(Household, Household.id == m.household_id)
        .join(village, village.id == Household.village_id)
        .outerjoin(rnd, rnd.id == m.round_id)
        .where(~m.deleted)
    )
    if actor is not None and actor.district_id is not None:
        query = query.where(m.district_id == actor.district_id)
    if status:
        query = query.where(m.status == status.strip().upper())
    if source:
        query = query.where(m.source == source.strip())
    if round_id:
        query = query.where(m.round_id == round_id)
    return query


def _row(
    match: CrossCheckMatch,
    person: Individual,
    household_code: str,
    village_name: str,
    round_code: str | None,
) -> MatchRow:
    ext: dict[str, Any] = dict(match.external or {})
    external_name = f"{ext.get('first_name') or ''} {ext.get('last_name') or ''}"
    return MatchRow(
        match.id, match.source, round_code, match.match_kind, match.score, match.status,
        person.id, f"{person.first_name} {person.last_name}", person.date_of_birth,
        person.national_id, person.status, match.household_id, household_code, village_name,
        external_name.strip(), ext.get("dob"), ext.get("national_id"), ext.get("date_of_death"),
        ext, match.review_note,
    )  # fmt: skip


def _round_id(session: Session, round_code: str | None) -> str | None:
    if not round_code:
        return None
    return round_by_ref(session, round_code).id


def list_matches(
    db: Database,
    *,
    actor: Actor | None,
    status: str | None = None,
    source: str | None = None,
    round_code: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[MatchRow]:
    """A page of matches: open first, national-ID matches first, best scores first."""
    with db.read_session() as session:
        query = _query(actor, status, source, _round_id(session, round_code))
        m = CrossCheckMatch
        query = (
            query.order_by(
                case((m.status == MatchStatus.OPEN, 0), else_=1),
                case((m.match_kind == MatchKind.NATIONAL_ID, 0), else_=1),
                m.score.desc(),
                Household.code,
                m.id,
            )
            .limit(max(0, limit))
            .offset(max(0, offset))
        )
        return [_row(*row) for row in session.execute(query)]


def get_match(db: Database, *, match_id: str, actor: Actor) -> MatchRow:
    """One match by id."""
    with db.read_session() as session:
        match = match_by_id(session, match_id, actor)
        query = _query(None, None, None, None).where(CrossCheckMatch.id == match.id)
        return _row(*session.execute(query).one())


def count_matches(
    db: Database,
    *,
    actor: Actor | None,
    status: str | None = None,
    source: str | None = None,
    round_code: str | None = None,
) -> int:
    """How many matches ``list_matches`` would page through."""
    with db.read_session() as session:
        query = _query(actor, status, source, _round_id(session, round_code))
        return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)
