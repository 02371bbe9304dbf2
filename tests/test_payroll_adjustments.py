"""Case decisions reach the payroll: a benefit adjustment and an overpayment recovery."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Enrolment, Payment
from app.services.entitlements import add_overpayment_recovery, set_benefit_adjustment
from app.services.payroll import approve_payroll, generate_payroll
from app.services.reconciliation import mark_paid
from tests.factories import District
from tests.payment_fixtures import add_cycle, paid_households

CYCLE = "CT-UNC-2026-06"


def _enrolment(d: District, household_id: str) -> str:
    with d.db.read_session() as s:
        found = s.scalar(select(Enrolment.id).where(Enrolment.household_id == household_id))
        assert found is not None
        return found


def test_adjustment_and_recovery_change_the_amount_and_recovery_ends_when_paid(
    district: District,
) -> None:
    add_cycle(district, "CT-UNC", CYCLE)
    households = paid_households(district)
    raised, recovering = households[0], households[1]
    set_benefit_adjustment(district.ctx(), enrolment_id=_enrolment(district, raised), amount=2500)
    recovery_enrolment = _enrolment(district, recovering)
    add_overpayment_recovery(district.ctx(), enrolment_id=recovery_enrolment, amount=20000)
    payroll_id = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    with district.db.read_session() as s:
        by_household = {
            p.household_id: p
            for p in s.scalars(select(Payment).where(Payment.payroll_id == payroll_id))
        }
    assert (by_household[raised].amount, by_household[raised].adjustment_amount) == (17500, 2500)
    # 15,000 due, all of it withheld towards the 20,000 overpaid.
    withheld = by_household[recovering]
    assert (withheld.amount, withheld.recovery_amount) == (0, 15000)
    approve_payroll(district.ctx("supervisor"), payroll_id=payroll_id)
    mark_paid(district.ctx(), payment_id=withheld.id, receipt="R-1", paid_on="2026-06-15")
    with district.db.read_session() as s:
        left = s.get(Enrolment, recovery_enrolment)
        assert left is not None and left.recovery_balance == 5000
