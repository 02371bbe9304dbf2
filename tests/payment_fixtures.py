"""Set-up shared by the payment tests: cycles, a conditional programme, households to pay.

Reference rows (cycles, programmes, conditions) and compliance records are written as a
baseline (``REMOTE_KEY``), as if downloaded from HQ; households go through the services.
"""

from __future__ import annotations

import itertools
from datetime import date

from app.domain.vocab import (
    ComplianceOutcome,
    ConditionKind,
    CycleStatus,
    EnrolmentStatus,
    ProgrammeType,
)
from app.models import (
    BenefitTopUp,
    ComplianceRecord,
    PaymentCycle,
    Programme,
    ProgrammeCondition,
)
from app.models.recorder import REMOTE_KEY
from app.services.dto import HouseholdIn, MemberIn
from app.services.households import register_household, set_payment_account
from tests.factories import District, enrol

CYCLE_START = date(2026, 6, 1)  # the fixture's clock is 2026-06-15
_national_ids = itertools.count(1)


def add_cycle(
    d: District,
    programme_code: str,
    code: str,
    *,
    start: date = CYCLE_START,
    status: str = CycleStatus.ACTIVE,
) -> str:
    with d.db.write_session() as s, s.begin():
        s.info[REMOTE_KEY] = True
        end = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        cycle = PaymentCycle(
            programme_id=d.ids[programme_code],
            code=code,
            start_date=start,
            end_date=date.fromordinal(end.toordinal() - 1),
            status=status,
        )
        s.add(cycle)
        s.flush()
        d.ids[code] = cycle.id
        return cycle.id


def add_conditional_programme(d: District, *, cap: int | None = 20000) -> None:
    """CT-COND: 10,000 base; 2,500 per child under 5 (max 2); 3,000 per child in school (max
    3); 2,500 off per unmet condition; ``cap``; a school condition and a health condition."""
    with d.db.write_session() as s, s.begin():
        s.info[REMOTE_KEY] = True
        programme = Programme(
            code="CT-COND",
            name="Conditional cash transfer",
            type=ProgrammeType.CONDITIONAL_CT,
            base_amount=10000,
            cap_amount=cap,
            deduction_per_unmet=2500,
        )
        s.add(programme)
        s.flush()
        d.ids["CT-COND"] = programme.id
        s.add(BenefitTopUp(programme_id=programme.id, criterion="CHILD_UNDER_5", amount=2500,
                           max_members=2))  # fmt: skip
        s.add(BenefitTopUp(programme_id=programme.id, criterion="CHILD_IN_SCHOOL", amount=3000,
                           max_members=3))  # fmt: skip
        for code, kind, applies, threshold in (
            ("CT-COND-SCHOOL", ConditionKind.SCHOOL_ATTENDANCE, "CHILD_6_15", 80),
            ("CT-COND-HEALTH", ConditionKind.HEALTH_VISIT, "CHILD_UNDER_5", 1),
        ):
            condition = ProgrammeCondition(
                programme_id=programme.id,
                code=code,
                name=f"{code} condition",
                kind=kind,
                applies_to=applies,
                threshold=threshold,
            )
            s.add(condition)
            s.flush()
            d.ids[code] = condition.id


def add_compliance(
    d: District,
    *,
    household_id: str,
    individual_id: str,
    condition_code: str,
    period: str,
    outcome: str = ComplianceOutcome.NOT_MET,
) -> None:
    with d.db.write_session() as s, s.begin():
        s.info[REMOTE_KEY] = True
        s.add(
            ComplianceRecord(
                condition_id=d.ids[condition_code],
                individual_id=individual_id,
                household_id=household_id,
                district_id=d.district_id,
                period=period,
                outcome=outcome,
            )
        )


def household(
    d: District,
    members: list[tuple[str, str, str, str, str]],
    *,
    village: str = "V001",
    recipient: int = 0,
    schools: dict[int, str] | None = None,
) -> str:
    """Register a household of (first, last, sex, born, relationship); member 0 is the head."""
    people = [
        MemberIn(
            first,
            last,
            sex,
            born,
            relationship,
            national_id=f"27{next(_national_ids):011d}" if i == 0 else None,
            school_code=(schools or {}).get(i),
        )
        for i, (first, last, sex, born, relationship) in enumerate(members)
    ]
    data = HouseholdIn(
        village_code=village, members=people, head_index=0, primary_recipient_index=recipient
    )
    return register_household(d.ctx(), data=data)


NAMES = [
    ("Sékou", "Touré"),
    ("Aïcha", "Kaboré"),
    ("Mariama", "Ndiaye"),
    ("Iñaki", "Muñoz"),
    ("François", "Ça"),
    ("Ọlá", "Ọkafọ"),
]


def paid_households(d: District, programme: str = "CT-UNC") -> list[str]:
    """Six households with accented names, ACTIVE in ``programme``, with a cash account."""
    ids = []
    for i, (first, last) in enumerate(NAMES):
        hid = household(
            d,
            [(first, last, "F" if i % 2 else "M", f"19{70 + i}-0{i + 1}-1{i}", "HEAD")],
            village="V001" if i < 4 else "V003",
        )
        enrol(d, hid, programme, EnrolmentStatus.ACTIVE)
        set_payment_account(d.ctx(), household_ref=hid, method="CASH")
        ids.append(hid)
    return ids
