"""HQ configures cycles and benefit rules; a district laptop pays by them after a sync."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.errors import InvalidTransition, ValidationFailed
from app.server.programme_admin import add_cycle, set_benefit_rules, set_cycle_status, set_top_up
from app.services.payroll import generate_payroll
from app.sync.engine import run_sync
from tests.sync.helpers import enrol, register
from tests.sync.hq import Hq


def test_cycle_and_rules_set_at_hq_drive_a_laptop_payroll(hq: Hq) -> None:
    add_cycle(hq.db, programme_code="CT-UNC", code="CT-UNC-2026-08", start="2026-08-01",
              end="2026-08-31")  # fmt: skip
    set_cycle_status(hq.db, code="CT-UNC-2026-08", status="ACTIVE")
    set_benefit_rules(hq.db, programme_code="CT-UNC", base_amount=18000, cap_amount=25000)
    set_top_up(hq.db, programme_code="CT-UNC", criterion="child_6_15", amount=4000,
               max_members=2)  # fmt: skip
    laptop = hq.laptop("a1")
    officer = hq.ctx(laptop)
    household = register(officer)  # the standard family has two children of 6 to 15
    enrol(officer, household, hq.ids["CT-UNC"], hq.ids["D01"])
    run_sync(laptop)
    payroll_id = generate_payroll(officer, programme_code="CT-UNC", cycle_code="CT-UNC-2026-08")
    with laptop.engine.connect() as conn:
        amount, top_up, over_cap = conn.execute(
            text("SELECT amount, top_up_amount, over_cap FROM payments WHERE payroll_id = :p"),
            {"p": payroll_id},
        ).one()
    # 18,000 + 2 x 4,000 is over the 25,000 cap: kept, flagged for the approver.
    assert (amount, top_up, bool(over_cap)) == (26000, 8000, True)


def test_bad_cycles_and_rules_are_refused(hq: Hq) -> None:
    with pytest.raises(ValidationFailed) as dates:
        add_cycle(hq.db, programme_code="CT-UNC", code="X-1", start="2026-09-30", end="2026-09-01")
    assert [e.code for e in dates.value.errors] == ["BEFORE_START"]
    add_cycle(hq.db, programme_code="CT-UNC", code="X-2", start="2026-09-01", end="2026-09-30")
    with pytest.raises(ValidationFailed):
        add_cycle(hq.db, programme_code="CT-UNC", code="x-2", start="2026-10-01", end="2026-10-31")
    with pytest.raises(InvalidTransition):
        set_cycle_status(hq.db, code="X-2", status="CLOSED")  # never opened
    with pytest.raises(ValidationFailed):
        set_top_up(hq.db, programme_code="CT-UNC", criterion="TALL_PEOPLE", amount=100)
    with pytest.raises(ValidationFailed):
        set_benefit_rules(hq.db, programme_code="CT-UNC", base_amount=-5)
