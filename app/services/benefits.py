"""Benefit rules: what one household is due in one payment cycle (integer minor units).

``amount = base + Σ top-ups - deduction``, never negative:

* ``base`` is ``Programme.base_amount``, once per household;
* each ``BenefitTopUp`` pays ``amount`` per member matching its ``criterion`` on the first day
  of the cycle, for at most ``max_members`` members (no limit when it is None);
* programmes with a ``deduction_per_unmet`` (conditional programmes) deduct it once per NOT_MET
  compliance record of the household, on the programme's own conditions, for the month before
  the cycle starts (period ``YYYY-MM``); the deduction never takes the amount below zero, and
  the ``deduction`` reported is the one really applied;
* the amount is never cut to ``cap_amount``: a household above the cap is flagged ``over_cap``
  and its payment needs the payroll approval to go out (openIMIS raises a task instead).

Member criteria (``CRITERIA``; the same codes name who a condition applies to, see
``ProgrammeCondition.applies_to``). Only members present in the household count: ``ALIVE``
(not DECEASED, not LEFT) and not deleted; ages are whole years on the reference date.

=================  ==========================================================
CHILD_UNDER_2      aged 0-1
CHILD_UNDER_5      aged 0-4
CHILD_6_15         aged 6-15
CHILD_IN_SCHOOL    aged 6-15 and attached to a school (``school_id`` set)
ADULT              aged 18 or more
ADULT_18_60        aged 18-60 (working age, public works)
ELDERLY            aged 65 or more
DISABLED           any age, ``disability`` set
MEMBER             every present member
=================  ==========================================================

An unknown criterion is refused (``UNKNOWN_CRITERION``) rather than silently paying nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.vocab import ComplianceOutcome, EnrolmentStatus, MemberStatus
from app.errors import AppError
from app.models.compliance import ComplianceRecord, ProgrammeCondition
from app.models.programme import BenefitTopUp, Enrolment, Programme
from app.models.registry import Individual
from app.services.lookups import age_on


class BenefitRuleError(AppError):
    """A programme's benefit rules cannot be applied (HQ must fix the programme set-up)."""

    code = "BENEFIT_RULE_INVALID"


@dataclass(frozen=True, slots=True)
class MemberFacts:
    """What the rules need to know about one member."""

    born: date
    present: bool = True  # ALIVE and not deleted
    id: str = ""
    in_school: bool = False
    disability: bool = False


def _age_between(low: int, high: int | None) -> Callable[[MemberFacts, date], bool]:
    def test(member: MemberFacts, on: date) -> bool:
        age = age_on(member.born, on)
        return age >= low and (high is None or age <= high)

    return test


#: Criterion code -> test of a present member on a date.
CRITERIA: dict[str, Callable[[MemberFacts, date], bool]] = {
    "CHILD_UNDER_2": _age_between(0, 1),
    "CHILD_UNDER_5": _age_between(0, 4),
    "CHILD_6_15": _age_between(6, 15),
    "CHILD_IN_SCHOOL": lambda m, on: m.in_school and _age_between(6, 15)(m, on),
    "ADULT": _age_between(18, None),
    "ADULT_18_60": _age_between(18, 60),
    "ELDERLY": _age_between(65, None),
    "DISABLED": lambda m, _on: m.disability,
    "MEMBER": lambda _m, _on: True,
}


def check_criterion(criterion: str) -> str:
    """``criterion`` if Roster knows it, else ``BenefitRuleError`` (code UNKNOWN_CRITERION)."""
    if criterion not in CRITERIA:
        raise BenefitRuleError(
            f"unknown member criterion {criterion!r}; known: {', '.join(CRITERIA)}",
            code="UNKNOWN_CRITERION",
        )
    return criterion


def member_matches(criterion: str, member: MemberFacts, on: date) -> bool:
    """True if ``member`` is present on ``on`` and meets ``criterion``."""
    return member.present and CRITERIA[check_criterion(criterion)](member, on)


@dataclass(frozen=True, slots=True)
class TopUpRule:
    criterion: str
    amount: int
    max_members: int | None = None


@dataclass(frozen=True, slots=True)
class BenefitRules:
    """A programme's money rules, validated once and then applied to many households."""

    base_amount: int
    cap_amount: int | None = None
    deduction_per_unmet: int = 0
    top_ups: tuple[TopUpRule, ...] = ()

    def __post_init__(self) -> None:
        amounts: list[object] = [self.base_amount, self.deduction_per_unmet]
        amounts += [t.amount for t in self.top_ups]
        if self.cap_amount is not None:
            amounts.append(self.cap_amount)
        for value in amounts:
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise BenefitRuleError(
                    f"amounts are whole non-negative minor units, got {value!r}",
                    code="INVALID_AMOUNT",
                )
        for top_up in self.top_ups:
            check_criterion(top_up.criterion)
            if top_up.max_members is not None and top_up.max_members < 0:
                raise BenefitRuleError("max_members cannot be negative", code="INVALID_AMOUNT")

    @property
    def conditional(self) -> bool:
        """Whether unmet conditions of the previous period reduce the amount."""
        return self.deduction_per_unmet > 0

    @property
    def needs_members(self) -> bool:
        return bool(self.top_ups)


@dataclass(frozen=True, slots=True)
class TopUpLine:
    """How one top-up applied: members matching, members paid for (after the limit), amount."""

    criterion: str
    matching: int
    paid_for: int
    amount: int


@dataclass(frozen=True, slots=True)
class Benefit:
    """The breakdown of one household's amount; ``base + top_up - deduction == amount``."""

    base: int
    top_up: int
    deduction: int
    amount: int
    over_cap: bool
    unmet: int = 0
    lines: tuple[TopUpLine, ...] = ()


def calculate_benefit(
    rules: BenefitRules, members: Iterable[MemberFacts], *, on: date, unmet: int = 0
) -> Benefit:
    """The amount due to one household on ``on`` (the cycle's first day); pure."""
    present = [m for m in members if m.present]
    lines: list[TopUpLine] = []
    for rule in rules.top_ups:
        test = CRITERIA[rule.criterion]
        matching = sum(1 for m in present if test(m, on))
        paid_for = matching if rule.max_members is None else min(matching, rule.max_members)
        lines.append(TopUpLine(rule.criterion, matching, paid_for, paid_for * rule.amount))
    top_up = sum(line.amount for line in lines)
    gross = rules.base_amount + top_up
    unmet = max(0, unmet) if rules.conditional else 0
    deduction = min(gross, unmet * rules.deduction_per_unmet)
    amount = gross - deduction
    over_cap = rules.cap_amount is not None and amount > rules.cap_amount
    return Benefit(rules.base_amount, top_up, deduction, amount, over_cap, unmet, tuple(lines))


def previous_period(start: date) -> str:
    """The compliance period (``YYYY-MM``) of the month before ``start``'s month."""
    year, month = (start.year - 1, 12) if start.month == 1 else (start.year, start.month - 1)
    return f"{year:04d}-{month:02d}"


# --- reading the rules and facts from the database -------------------------------------------


def load_rules(session: Session, programme: Programme) -> BenefitRules:
    """The programme's validated rules with its live top-ups (in a stable order)."""
    top_ups = session.scalars(
        select(BenefitTopUp)
        .where(BenefitTopUp.programme_id == programme.id, ~BenefitTopUp.deleted)
        .order_by(BenefitTopUp.criterion, BenefitTopUp.id)
    )
    return BenefitRules(
        base_amount=programme.base_amount,
        cap_amount=programme.cap_amount,
        deduction_per_unmet=programme.deduction_per_unmet,
        top_ups=tuple(TopUpRule(t.criterion, t.amount, t.max_members) for t in top_ups),
    )


def _facts(
    born: date,
    status: str,
    deleted: bool,
    school_id: str | None,
    disability: bool,
    member_id: str = "",
) -> MemberFacts:
    return MemberFacts(
        id=member_id,
        born=born,
        present=status == MemberStatus.ALIVE and not deleted,
        in_school=school_id is not None,
        disability=bool(disability),
    )


def enrolled_member_facts(
    session: Session, *, programme_id: str, district_id: str
) -> dict[str, list[MemberFacts]]:
    """Present members (with ids) of each household ACTIVE in the programme in the district.

    One query for the whole district: the payroll reads this instead of asking per household.
    """
    rows = session.execute(
        select(
            Individual.household_id,
            Individual.id,
            Individual.date_of_birth,
            Individual.status,
            Individual.deleted,
            Individual.school_id,
            Individual.disability,
        )
        .join(Enrolment, Enrolment.household_id == Individual.household_id)
        .where(
            Enrolment.programme_id == programme_id,
            Enrolment.district_id == district_id,
            Enrolment.status == EnrolmentStatus.ACTIVE,
            ~Enrolment.deleted,
            Individual.status == MemberStatus.ALIVE,
            ~Individual.deleted,
        )
    )
    found: dict[str, list[MemberFacts]] = defaultdict(list)
    for household_id, member_id, born, status, deleted, school_id, disability in rows:
        found[household_id].append(_facts(born, status, deleted, school_id, disability, member_id))
    return found


def unmet_counts(
    session: Session,
    *,
    programme_id: str,
    period: str,
    district_id: str | None = None,
    household_id: str | None = None,
) -> dict[str, int]:
    """NOT_MET records per household for the programme's conditions in ``period`` (one query)."""
    query = (
        select(ComplianceRecord.household_id, func.count())
        .join(ProgrammeCondition, ProgrammeCondition.id == ComplianceRecord.condition_id)
        .where(
            ProgrammeCondition.programme_id == programme_id,
            ComplianceRecord.period == period,
            ComplianceRecord.outcome == ComplianceOutcome.NOT_MET,
            ~ComplianceRecord.deleted,
        )
        .group_by(ComplianceRecord.household_id)
    )
    if district_id is not None:
        query = query.where(ComplianceRecord.district_id == district_id)
    if household_id is not None:
        query = query.where(ComplianceRecord.household_id == household_id)
    return {hid: int(n) for hid, n in session.execute(query)}


def household_benefit(
    session: Session, *, programme: Programme, household_id: str, cycle_start: date
) -> Benefit:
    """One household's benefit for the cycle starting on ``cycle_start`` (a preview)."""
    rules = load_rules(session, programme)
    members = [
        _facts(born, status, deleted, school_id, disability)
        for born, status, deleted, school_id, disability in session.execute(
            select(
                Individual.date_of_birth,
                Individual.status,
                Individual.deleted,
                Individual.school_id,
                Individual.disability,
            ).where(Individual.household_id == household_id)
        )
    ]
    unmet = 0
    if rules.conditional:
        unmet = unmet_counts(
            session,
            programme_id=programme.id,
            period=previous_period(cycle_start),
            household_id=household_id,
        ).get(household_id, 0)
    return calculate_benefit(rules, members, on=cycle_start, unmet=unmet)
