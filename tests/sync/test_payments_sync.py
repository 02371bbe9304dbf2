"""A payroll made, approved and paid on a laptop is seen at HQ and on the other laptop."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from app.models import PaymentCycle
from app.server.hq_writes import hq_unit_of_work
from app.services.auth import authenticate
from app.services.context import ServiceContext
from app.services.payroll import approve_payroll, generate_payroll
from app.services.reconciliation import mark_paid
from app.sync.engine import run_sync
from tests.sync.helpers import enrol, register
from tests.sync.hq import PASSWORD, Hq


def test_payroll_statuses_travel_to_hq(any_hq: Hq) -> None:
    with hq_unit_of_work(any_hq.db, user_id=None) as s:
        s.add(
            PaymentCycle(
                programme_id=any_hq.ids["CT-UNC"],
                code="CT-UNC-2026-06",
                start_date=date(2026, 6, 1),
                end_date=date(2026, 6, 30),
                status="ACTIVE",
            )
        )
    a1, a2 = any_hq.laptop("a1"), any_hq.laptop("a2")
    officer = any_hq.ctx(a1)
    households = [register(officer) for _ in range(3)]
    for hid in households:
        enrol(officer, hid, any_hq.ids["CT-UNC"], any_hq.ids["D01"])
    run_sync(a1)
    payroll_id = generate_payroll(officer, programme_code="CT-UNC", cycle_code="CT-UNC-2026-06")
    supervisor = ServiceContext(a1, authenticate(a1, username="sup", password=PASSWORD))
    approve_payroll(supervisor, payroll_id=payroll_id)
    with a1.engine.connect() as conn:
        first = conn.execute(
            text("SELECT id FROM payments WHERE payroll_id = :p ORDER BY code LIMIT 1"),
            {"p": payroll_id},
        ).scalar()
    mark_paid(officer, payment_id=str(first), receipt="R-0001", paid_on=date.today().isoformat())
    result = run_sync(a1)
    assert result.rejected == 0 and result.conflicts == 0
    with any_hq.db.engine.connect() as conn:
        assert conn.execute(
            text("SELECT status, payment_count, total_amount FROM payrolls")
        ).one() == ("APPROVED_FOR_PAYMENT", 3, 45000)
        statuses = sorted(s for (s,) in conn.execute(text("SELECT status FROM payments")))
        assert statuses == ["APPROVED_FOR_PAYMENT", "APPROVED_FOR_PAYMENT", "PAID"]
        assert conn.execute(text("SELECT receipt FROM reconciliations")).scalar() == "R-0001"
    run_sync(a2)
    with a2.engine.connect() as conn:
        assert (
            conn.execute(text("SELECT count(*) FROM payments WHERE status = 'PAID'")).scalar() == 1
        )
