"""Benefit amounts against hand-computed cases (services.benefits)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.models import Individual, Programme
from app.services.benefits import (
    Benefit,
    BenefitRuleError,
    BenefitRules,
    MemberFacts,
    TopUpRule,
    calculate_benefit,
    household_benefit,
    member_matches,
    previous_period,
)
from tests.factories import District
from tests.payment_fixtures import add_compliance, add_conditional_programme, household

START = date(2026, 5, 1)
COND = BenefitRules(
    base_amount=10000,
    cap_amount=20000,
    deduction_per_unmet=2500,
    top_ups=(TopUpRule("CHILD_UNDER_5", 2500, 2), TopUpRule("CHILD_IN_SCHOOL", 3000, 3)),
)


def child(born: str, *, school: bool = False, present: bool = True) -> MemberFacts:
    return MemberFacts(born=date.fromisoformat(born), present=present, in_school=school)


ADULT = child("1985-01-01")


def test_fixed_amount_only() -> None:
    rules = BenefitRules(base_amount=15000)
    assert calculate_benefit(rules, [ADULT], on=START) == Benefit(15000, 0, 0, 15000, False)


def test_top_ups_are_limited_by_max_members() -> None:
    # Three children under 5 but at most 2 paid for: 10,000 + 2 x 2,500 = 15,000.
    kids = [child("2022-01-01"), child("2023-06-01"), child("2025-12-31")]
    benefit = calculate_benefit(COND, [ADULT, *kids], on=START)
    assert (benefit.base, benefit.top_up, benefit.amount) == (10000, 5000, 15000)
    line = benefit.lines[0]
    assert (line.criterion, line.matching, line.paid_for, line.amount) == (
        "CHILD_UNDER_5",
        3,
        2,
        5000,
    )


def test_school_top_up_needs_age_6_to_15_and_a_school() -> None:
    members = [
        child("2014-03-01", school=True),  # 12, in school: counts
        child("2020-04-30", school=True),  # 6 on 1 May 2026: counts
        child("2010-04-30", school=True),  # 16: too old
        child("2015-01-01"),  # 11 but no school
        child("2013-01-01", school=True, present=False),  # died or left: never counts
    ]
    benefit = calculate_benefit(COND, members, on=START)
    assert benefit.top_up == 2 * 3000
    assert benefit.amount == 16000


def test_age_is_counted_on_the_first_day_of_the_cycle() -> None:
    five_on_the_day = child("2021-05-01")
    four_on_the_day = child("2021-05-02")
    assert not member_matches("CHILD_UNDER_5", five_on_the_day, START)
    assert member_matches("CHILD_UNDER_5", four_on_the_day, START)
    assert member_matches("ADULT", child("2008-05-01"), START)
    assert not member_matches("ADULT", child("2008-05-02"), START)


def test_unmet_conditions_are_deducted() -> None:
    # 10,000 + 2,500 (one child under 5) + 3,000 (one in school) - 2 x 2,500 = 10,500.
    members = [ADULT, child("2024-01-01"), child("2016-01-01", school=True)]
    benefit = calculate_benefit(COND, members, on=START, unmet=2)
    assert (benefit.base, benefit.top_up, benefit.deduction, benefit.amount) == (
        10000,
        5500,
        5000,
        10500,
    )
    assert benefit.unmet == 2


def test_the_amount_is_never_negative() -> None:
    rules = BenefitRules(base_amount=1000, deduction_per_unmet=2500)
    benefit = calculate_benefit(rules, [ADULT], on=START, unmet=3)
    assert (benefit.deduction, benefit.amount) == (1000, 0)


def test_unconditional_programmes_ignore_compliance() -> None:
    rules = BenefitRules(base_amount=15000)
    assert calculate_benefit(rules, [ADULT], on=START, unmet=4).amount == 15000


def test_over_the_cap_is_flagged_not_cut() -> None:
    # 10,000 + 2 x 2,500 + 3 x 3,000 = 24,000 > 20,000: paid in full once approved.
    members = [ADULT] + [child("2023-01-01")] * 2 + [child("2015-01-01", school=True)] * 3
    benefit = calculate_benefit(COND, members, on=START)
    assert (benefit.amount, benefit.over_cap) == (24000, True)
    # Two unmet conditions bring it to 19,000: under the cap again.
    assert calculate_benefit(COND, members, on=START, unmet=2).over_cap is False
    # Exactly the cap is not over it.
    at_cap = BenefitRules(base_amount=20000, cap_amount=20000)
    assert calculate_benefit(at_cap, [ADULT], on=START).over_cap is False


def test_unknown_criteria_and_bad_amounts_are_refused() -> None:
    with pytest.raises(BenefitRuleError) as caught:
        BenefitRules(base_amount=1, top_ups=(TopUpRule("CHILD_UNDER_7", 100),))
    assert caught.value.code == "UNKNOWN_CRITERION"
    with pytest.raises(BenefitRuleError) as caught:
        BenefitRules(base_amount=-5)
    assert caught.value.code == "INVALID_AMOUNT"
    with pytest.raises(BenefitRuleError):
        BenefitRules(base_amount=100, cap_amount=1.5)  # type: ignore[arg-type]


def test_previous_period() -> None:
    assert previous_period(date(2026, 1, 1)) == "2025-12"
    assert previous_period(date(2026, 5, 15)) == "2026-04"


def test_household_benefit_reads_members_and_last_months_compliance(district: District) -> None:
    add_conditional_programme(district)
    hid = household(
        district,
        [
            ("Moussa", "Diallo", "M", "1980-03-02", "HEAD"),
            ("Fatou", "Diallo", "F", "2014-01-10", "DAUGHTER"),  # 12, school SCH-01
            ("Awa", "Diallo", "F", "2023-02-01", "DAUGHTER"),  # 3
        ],
        schools={1: "SCH-01"},
    )
    with district.db.read_session() as s:
        fatou = s.scalar(select(Individual.id).where(Individual.first_name == "Fatou"))
    assert fatou is not None
    add_compliance(
        district,
        household_id=hid,
        individual_id=fatou,
        condition_code="CT-COND-SCHOOL",
        period="2026-05",
    )
    add_compliance(  # another month: does not count for June
        district,
        household_id=hid,
        individual_id=fatou,
        condition_code="CT-COND-HEALTH",
        period="2026-04",
    )
    with district.db.read_session() as s:
        programme = s.get(Programme, district.ids["CT-COND"])
        assert programme is not None
        benefit = household_benefit(
            s, programme=programme, household_id=hid, cycle_start=date(2026, 6, 1)
        )
    # 10,000 + 2,500 + 3,000 - 2,500 (May's unmet school condition) = 13,000.
    assert (benefit.top_up, benefit.deduction, benefit.amount) == (5500, 2500, 13000)
