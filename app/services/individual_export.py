"""Export the district's people in openIMIS's individual-upload format (CSV or XLSX).

One row per person present (alive, not left) in a live household, grouped by household:
``group_code`` is the household code, the location is its village, ``recipient_info`` says who
collects payments and ``individual_role`` is the relationship, with the household's current
head as ``HEAD``. The file imports back with ``individual_import`` (into another database:
the same people would be duplicates of themselves here).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.domain.vocab import MemberStatus, Relationship
from app.models.location import Location
from app.models.programme import Enrolment
from app.models.registry import Household, Individual
from app.services.context import ServiceContext
from app.services.households import LIVE_ENROLMENT
from app.services.individual_files import file_kind, write_table
from app.services.individual_import_rows import COLUMNS, PRIMARY, SECONDARY
from app.services.payroll_queries import programme_by_code

EXPORT_COLUMNS = (*COLUMNS, "sex", "national_id", "phone", "disability")


@dataclass(frozen=True)
class ExportResult:
    path: str
    households: int
    individuals: int


def export_individuals(
    ctx: ServiceContext, *, path: Path, programme_code: str | None = None
) -> ExportResult:
    """Write the actor's district (HQ: every district here) to ``path``, CSV or XLSX by name.

    With ``programme_code``, only households with a live enrolment (potential, active or
    suspended) in that programme. An unknown programme raises ``NotFound``.
    """
    actor = ctx.require_actor()
    path = Path(path)
    file_kind(path)  # refuse a name that is neither .csv nor .xlsx before reading anything
    village = aliased(Location)
    query = (
        select(Individual, Household, village.code, village.name)
        .join(Household, Household.id == Individual.household_id)
        .join(village, village.id == Household.village_id)
        .where(
            ~Individual.deleted,
            Individual.status == MemberStatus.ALIVE,
            ~Household.deleted,
        )
    )
    if actor.district_id is not None:
        query = query.where(Household.district_id == actor.district_id)
    with ctx.db.read_session() as session:
        if programme_code:
            programme = programme_by_code(session, programme_code)
            enrolled = select(Enrolment.household_id).where(
                Enrolment.programme_id == programme.id,
                ~Enrolment.deleted,
                Enrolment.status.in_(LIVE_ENROLMENT),
            )
            query = query.where(Household.id.in_(enrolled))
        found = session.execute(query).tuples().all()
    rows: list[tuple[tuple[str, int, str], list[str]]] = []
    for person, household, village_code, village_name in found:
        is_head = person.id == household.head_id
        # Relationships stay as recorded when the head changes, so the recorded one may say
        # HEAD for someone who no longer is; the file must name exactly one HEAD per group.
        role = person.relationship
        if is_head:
            role = Relationship.HEAD.value
        elif role == Relationship.HEAD and household.head_id is not None:
            role = Relationship.OTHER_RELATIVE.value
        recipient = ""
        if person.id == household.primary_recipient_id:
            recipient = str(PRIMARY)
        elif person.id == household.secondary_recipient_id:
            recipient = str(SECONDARY)
        line = [
            person.first_name, person.last_name, person.date_of_birth.isoformat(),
            household.code, recipient, role, village_name, village_code, person.sex,
            person.national_id or "", person.phone or "", "1" if person.disability else "0",
        ]  # fmt: skip
        rows.append(((household.code, 0 if is_head else 1, line[2]), line))
    rows.sort(key=lambda r: r[0])  # a household's rows together, its head first, then by age
    write_table(path, EXPORT_COLUMNS, (line for _key, line in rows))
    return ExportResult(str(path), len({key[0] for key, _line in rows}), len(rows))
