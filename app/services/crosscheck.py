"""Cross-check another registry's list (deaths, civil servants...) against the district's people.

``import_crosscheck`` reads the list (``crosscheck_csv``), finds who in the district looks like
each person and records a CrossCheckMatch (OPEN) per person found, all in one unit of work:

* the same national ID: kind NATIONAL_ID, score 100;
* otherwise the same date of birth (or one day off, or day and month swapped) and names whose
  ``rapidfuzz`` ``token_sort_ratio`` (accents, case, punctuation and order ignored) is at least
  85: kind NAME_DOB with that score.

People are indexed once (one query of the district's living people, by national ID and by date
of birth), so each row is compared only with the few people born on its candidate days, never
with everyone. A person already flagged OPEN for the same source is not flagged again.
``review_match`` then CONFIRMs (on a deaths list this records the death through the
approval path, as a member removal) or DISMISSes a match. Reads are in ``crosscheck_queries``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.vocab import MemberStatus
from app.errors import Cancelled, FieldError, InvalidTransition, ValidationFailed
from app.models.recertification import CrossCheckMatch
from app.models.registry import Individual
from app.services.batch_ops import use_batch_writer
from app.services.change_requests import ChangeOutcome, submit_change
from app.services.context import Actor, ServiceContext, unit_of_work
from app.services.crosscheck_csv import (
    ExternalRecord,
    normalise_name,
    normalise_national_id,
    read_external_list,
)
from app.services.crosscheck_queries import MatchKind, MatchStatus, match_by_id
from app.services.members import DepartureResult
from app.services.recertification_queries import RoundStatus, round_by_ref
from app.services.validation import Errors

#: Lowest name similarity (0-100) that flags a person born on a candidate day.
THRESHOLD = 85
#: Rows matched between two progress reports and cancellation checks.
CHUNK = 500
SOURCE_MAX = 60
NOTE_MAX = 2000
#: Words in a source's name that make it a deaths list (after ``normalise_name``).
DEATH_WORDS = ("death", "deces", "deceased", "mortalit", "dead")

Progress = Callable[[int, int], None]


class _Action(StrEnum):
    CONFIRM = "CONFIRM"
    DISMISS = "DISMISS"


# (id, household_id, district_id, first_name, last_name): one living person of the district.
Person = tuple[str, str, str, str, str]


@dataclass(frozen=True)
class CrossCheckResult:
    """What an import found and recorded."""

    source: str
    rows: int
    national_id_matches: int
    name_dob_matches: int
    already_flagged: int
    created: int


@dataclass(frozen=True)
class ReviewResult:
    """A reviewed match; ``departure`` is the recorded death (confirmed deaths list)."""

    status: str
    death_recorded: bool
    departure: DepartureResult | None = None
    request_id: str | None = None  # the death waits for a checker under this request


@dataclass(frozen=True)
class _Found:
    person: Person
    kind: MatchKind
    score: int
    record: ExternalRecord


def candidate_days(born: date) -> set[date]:
    """The day itself, the days before and after, and the day with day and month swapped."""
    days = {born, born - timedelta(days=1), born + timedelta(days=1)}
    if born.day <= 12 and born.day != born.month:
        days.add(date(born.year, born.day, born.month))  # valid: both are 1-12
    return days


class PeopleIndex:
    """The district's living people by national ID and by date of birth (one query)."""

    def __init__(self, session: Session, actor: Actor, days: set[date]) -> None:
        self.by_national_id: dict[str, Person] = {}
        self.by_dob: dict[date, list[Person]] = {}
        self._names: dict[str, str] = {}
        query = select(
            Individual.id, Individual.household_id, Individual.district_id,
            Individual.first_name, Individual.last_name, Individual.date_of_birth,
            Individual.national_id,
        ).where(~Individual.deleted, Individual.status == MemberStatus.ALIVE)  # fmt: skip
        if actor.district_id is not None:
            query = query.where(Individual.district_id == actor.district_id)
        for pid, household_id, district_id, first, last, born, national_id in session.execute(
            query
        ).tuples():
            person = (pid, household_id, district_id, first, last)
            key = normalise_national_id(national_id)
            if key is not None:
                self.by_national_id[key] = person
            if born in days:  # only the days some row can match: a fraction of 250,000
                self.by_dob.setdefault(born, []).append(person)

    def name_key(self, person: Person) -> str:
        key = self._names.get(person[0])
        if key is None:
            key = self._names[person[0]] = normalise_name(f"{person[3]} {person[4]}")
        return key


def _best(index: PeopleIndex, record: ExternalRecord) -> list[_Found]:
    if record.national_id is not None:
        person = index.by_national_id.get(record.national_id)
        if person is not None:
            return [_Found(person, MatchKind.NATIONAL_ID, 100, record)]
    if record.dob is None:
        return []
    name = normalise_name(record.name)
    found: list[_Found] = []
    best = 0
    for day in candidate_days(record.dob):
        for person in index.by_dob.get(day, ()):
            score = fuzz.token_sort_ratio(
                name, index.name_key(person), processor=None, score_cutoff=THRESHOLD
            )
            whole = round(score)
            if score and whole >= best:
                if whole > best:
                    found, best = [], whole
                found.append(_Found(person, MatchKind.NAME_DOB, whole, record))
    return found


def find_matches(
    index: PeopleIndex,
    records: list[ExternalRecord],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, _Found]:
    """The best match of each person flagged by at least one row, keyed by person id."""
    found: dict[str, _Found] = {}
    for start in range(0, len(records), CHUNK):
        if cancelled is not None and cancelled():
            raise Cancelled("cross-check cancelled; nothing was recorded")
        for record in records[start : start + CHUNK]:
            for hit in _best(index, record):
                kept = found.get(hit.person[0])
                rank = (hit.kind == MatchKind.NATIONAL_ID, hit.score)
                if kept is None or rank > (kept.kind == MatchKind.NATIONAL_ID, kept.score):
                    found[hit.person[0]] = hit
        if progress is not None:
            progress(min(start + CHUNK, len(records)), len(records))
    return found


def _clean_source(source: str, round_code: str | None) -> tuple[str, str | None]:
    errors = Errors()
    text = errors.required_text("source", source, max_len=SOURCE_MAX)
    errors.raise_if_any()
    return text, (round_code or "").strip() or None


def _round_id(session: Session, actor: Actor, round_code: str | None) -> str | None:
    if round_code is None:
        return None
    rnd = round_by_ref(session, round_code, actor)
    if rnd.status != RoundStatus.OPEN:
        raise InvalidTransition(f"round {rnd.code} is {rnd.status}", code="ROUND_NOT_OPEN")
    return rnd.id


def import_crosscheck(
    ctx: ServiceContext,
    *,
    path: Path | str,
    source: str,
    round_code: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CrossCheckResult:
    """Match a registry's CSV list against the district and record the matches (OPEN).

    ``progress(done, total)`` reports rows matched; ``cancelled()`` returning True stops the
    import with ``Cancelled`` before anything is written. A malformed file writes nothing.
    """
    actor = ctx.require_actor()
    actor.can_write()
    clean_source, round_ref = _clean_source(source, round_code)
    with ctx.db.read_session() as session:
        _round_id(session, actor, round_ref)  # a wrong round fails before the long part
    records = read_external_list(Path(path))
    days: set[date] = set()
    for record in records:
        if record.dob is not None:
            days |= candidate_days(record.dob)
    with ctx.db.read_session() as session:
        index = PeopleIndex(session, actor, days)
    found = find_matches(index, records, progress=progress, cancelled=cancelled)
    if cancelled is not None and cancelled():
        raise Cancelled("cross-check cancelled; nothing was recorded")
    with unit_of_work(ctx) as session:
        round_id = _round_id(session, actor, round_ref)
        flagged = set(
            session.scalars(
                select(CrossCheckMatch.individual_id).where(
                    CrossCheckMatch.source == clean_source,
                    CrossCheckMatch.status == MatchStatus.OPEN,
                    ~CrossCheckMatch.deleted,
                )
            )
        )
        new = [hit for pid, hit in found.items() if pid not in flagged]
        use_batch_writer(session)
        session.add_all(_match_rows(new, clean_source, round_id))
    by_id = sum(1 for hit in found.values() if hit.kind == MatchKind.NATIONAL_ID)
    return CrossCheckResult(
        clean_source, len(records), by_id, len(found) - by_id, len(found) - len(new), len(new)
    )


def _match_rows(hits: list[_Found], source: str, round_id: str | None) -> Iterable[CrossCheckMatch]:
    for hit in hits:
        pid, household_id, district_id, _first, _last = hit.person
        yield CrossCheckMatch(
            round_id=round_id,
            district_id=district_id,
            source=source,
            individual_id=pid,
            household_id=household_id,
            match_kind=hit.kind,
            score=hit.score,
            external=hit.record.as_json(),
            status=MatchStatus.OPEN,
            review_note="",
        )


def is_death_report(match: CrossCheckMatch) -> bool:
    """True when the match comes from a deaths list (a date of death, or the source says so)."""
    if (match.external or {}).get("date_of_death"):
        return True
    source = normalise_name(match.source)
    return any(word in source for word in DEATH_WORDS)


def review_match(
    ctx: ServiceContext,
    *,
    match_id: str,
    action: str,
    note: str = "",
    date_of_death: date | str | None = None,
    new_head_id: str | None = None,
    new_primary_recipient_id: str | None = None,
) -> ReviewResult:
    """CONFIRM (the same person) or DISMISS (someone else) an OPEN match.

    Confirming a deaths-list match records the death as a member removal request (on the
    list's date of death unless ``date_of_death`` is given; a dying head or recipient needs a
    replacement): applied at once, or waiting for a checker where the programme asks. Other
    confirmed matches are only marked: the officer opens a case.
    """
    actor = ctx.require_actor()
    actor.can_write()
    errors = Errors()
    choice = errors.enum("action", action, _Action)
    text = errors.optional_text("note", note, max_len=NOTE_MAX)
    errors.raise_if_any()
    with unit_of_work(ctx) as session:
        match = _open_match(session, match_id, actor)
        outcome: ChangeOutcome | None = None
        person = session.get(Individual, match.individual_id)
        if (
            choice == _Action.CONFIRM
            and is_death_report(match)
            and person is not None
            and person.status != MemberStatus.DECEASED
        ):
            listed = (match.external or {}).get("date_of_death")
            day = date_of_death or (str(listed) if listed else None)
            if not day:
                raise ValidationFailed([FieldError("date_of_death", "REQUIRED")])
            # The death is a member removal like any other: applied now, or waiting for a
            # checker where the household's programme wants removals approved.
            outcome = submit_change(
                ctx.joined(session, approving=False),
                type="MEMBER_REMOVAL",
                target_id=person.id,
                params={
                    "kind": "DEATH",
                    "date": str(day),
                    "reason": f"cross-check: {match.source}",
                    "new_head_id": new_head_id,
                    "new_primary_recipient_id": new_primary_recipient_id,
                },
                reason=f"Listed in {match.source}",
            )
        match.status = MatchStatus.CONFIRMED if choice == _Action.CONFIRM else MatchStatus.DISMISSED
        match.reviewed_by = actor.user_id
        match.review_note = text
        departure = outcome.result if outcome is not None else None
        return ReviewResult(
            match.status,
            isinstance(departure, DepartureResult),
            departure if isinstance(departure, DepartureResult) else None,
            outcome.request_id if outcome is not None else None,
        )


def _open_match(session: Session, match_id: str, actor: Actor) -> CrossCheckMatch:
    match = match_by_id(session, match_id, actor)
    if match.status != MatchStatus.OPEN:
        raise InvalidTransition(f"match is {match.status}", code="MATCH_ALREADY_REVIEWED")
    return match
