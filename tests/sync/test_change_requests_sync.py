"""Change requests travel like any record; two laptops deciding the same request never both win."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from app.models import PaymentCycle
from app.server.hq_writes import hq_unit_of_work
from app.server.programme_admin import set_approval_rules
from app.services.auth import authenticate
from app.services.change_requests import approve_request, reject_request, submit_change
from app.services.context import ServiceContext
from app.services.payroll import generate_payroll
from app.sync.engine import run_sync
from tests.sync.helpers import count, enrol, register, value
from tests.sync.hq import PASSWORD, Hq


def _pending_request(any_hq: Hq) -> tuple[str, str]:
    set_approval_rules(any_hq.db, programme_code="CT-UNC", change_types=["PAYMENT_ACCOUNT"])
    a1 = any_hq.laptop("a1")
    officer = any_hq.ctx(a1)
    household = register(officer)
    enrol(officer, household, any_hq.ids["CT-UNC"], any_hq.ids["D01"])
    outcome = submit_change(
        officer,
        type="PAYMENT_ACCOUNT",
        target_id=household,
        params={"method": "MOBILE_MONEY", "provider": "Wave", "account_number": "+221775550000"},
    )
    assert outcome.status == "PENDING" and outcome.request_id is not None
    assert run_sync(a1).rejected == 0
    return household, outcome.request_id


def _supervisor(any_hq: Hq, name: str) -> ServiceContext:
    laptop = any_hq.laptop("sup", name)
    return ServiceContext(laptop, authenticate(laptop, username="sup", password=PASSWORD))


def test_approve_on_one_laptop_reject_on_another_first_decision_wins(any_hq: Hq) -> None:
    household, request_id = _pending_request(any_hq)
    s1, s2 = _supervisor(any_hq, "s1"), _supervisor(any_hq, "s2")
    assert value(s2.db, "change_requests", request_id, "status") == "PENDING"
    approve_request(s1, request_id=request_id)  # both offline: each decides locally
    reject_request(s2, request_id=request_id, note="looks wrong")
    assert run_sync(s1.db).rejected == 0
    late = run_sync(s2.db)
    assert late.rejected >= 1
    with any_hq.db.engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT status FROM change_requests WHERE id = :i"), {"i": request_id}
            ).scalar()
            == "APPLIED"
        )
        assert (
            conn.execute(
                text(
                    "SELECT count(*) FROM payment_accounts WHERE household_id = :h "
                    "AND status = 'ACTIVE' AND account_number = '+221775550000'"
                ),
                {"h": household},
            ).scalar()
            == 1
        )
    # The late laptop gets HQ's decision back instead of keeping its own.
    assert value(s2.db, "change_requests", request_id, "status") == "APPLIED"
    run_sync(s2.db)
    assert count(s2.db, "payment_accounts", "account_number = '+221775550000'") == 1


def test_two_approvals_apply_the_change_once(any_hq: Hq) -> None:
    household, request_id = _pending_request(any_hq)
    s1, s2 = _supervisor(any_hq, "s1"), _supervisor(any_hq, "s2")
    approve_request(s1, request_id=request_id)
    approve_request(s2, request_id=request_id)
    run_sync(s1.db)
    assert run_sync(s2.db).rejected >= 1
    with any_hq.db.engine.connect() as conn:
        assert (
            conn.execute(
                text(
                    "SELECT count(*) FROM payment_accounts WHERE household_id = :h "
                    "AND status = 'ACTIVE'"
                ),
                {"h": household},
            ).scalar()
            == 1
        )
    run_sync(s2.db)
    assert (
        count(s2.db, "payment_accounts", f"household_id = '{household}' AND status = 'ACTIVE'") == 1
    )


def test_two_laptops_requesting_on_one_record_offline_second_is_refused(any_hq: Hq) -> None:
    set_approval_rules(any_hq.db, programme_code="CT-UNC", change_types=["PAYMENT_ACCOUNT"])
    a1, a2 = any_hq.laptop("a1"), any_hq.laptop("a2")
    officer1, officer2 = any_hq.ctx(a1), any_hq.ctx(a2)
    household = register(officer1)
    enrol(officer1, household, any_hq.ids["CT-UNC"], any_hq.ids["D01"])
    run_sync(a1)
    run_sync(a2)
    first = submit_change(
        officer1, type="PAYMENT_ACCOUNT", target_id=household, params={"method": "CASH"}
    )
    second = submit_change(
        officer2,
        type="PAYMENT_ACCOUNT",
        target_id=household,
        params={"method": "BANK", "provider": "CBAO", "account_number": "SN012"},
    )
    assert first.status == second.status == "PENDING"
    run_sync(a1)
    late = run_sync(a2)
    assert late.rejected == 1
    with any_hq.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM change_requests")).scalar() == 1
    # The refused request leaves a2 but stays listed, with HQ's reason, in the outbox.
    assert count(a2, "change_requests", f"id = '{second.request_id}'") == 0
    with a2.engine.connect() as conn:
        refusal = conn.execute(
            text("SELECT status, last_error FROM outbox WHERE row_id = :r"),
            {"r": second.request_id},
        ).one()
    assert refusal[0] == "rejected" and "REQUEST_ALREADY_PENDING" in refusal[1]


def test_report_request_approval_then_payment_list_uses_the_new_account(any_hq: Hq) -> None:
    """The issue's story: a beneficiary reports a new number, a supervisor approves, the next
    payroll pays to it, and HQ sees all of it after sync."""
    with hq_unit_of_work(any_hq.db, user_id=None) as s:
        s.add(
            PaymentCycle(
                programme_id=any_hq.ids["CT-UNC"],
                code="CT-UNC-2026-07",
                start_date=date(2026, 7, 1),
                end_date=date(2026, 7, 31),
                status="ACTIVE",
            )
        )
    household, request_id = _pending_request(any_hq)
    supervisor = _supervisor(any_hq, "s1")
    approve_request(supervisor, request_id=request_id, note="called back the recipient")
    payroll_id = generate_payroll(supervisor, programme_code="CT-UNC", cycle_code="CT-UNC-2026-07")
    with supervisor.db.engine.connect() as conn:
        paid_to = conn.execute(
            text(
                "SELECT a.account_number FROM payments p JOIN payment_accounts a "
                "ON a.id = p.payment_account_id WHERE p.payroll_id = :p AND p.household_id = :h"
            ),
            {"p": payroll_id, "h": household},
        ).scalar()
    assert paid_to == "+221775550000"
    assert run_sync(supervisor.db).rejected == 0
    with any_hq.db.engine.connect() as conn:
        assert (
            conn.execute(
                text(
                    "SELECT a.account_number FROM payments p JOIN payment_accounts a "
                    "ON a.id = p.payment_account_id WHERE p.household_id = :h"
                ),
                {"h": household},
            ).scalar()
            == "+221775550000"
        )
        assert (
            conn.execute(
                text("SELECT status FROM change_requests WHERE id = :i"), {"i": request_id}
            ).scalar()
            == "APPLIED"
        )


def test_an_hq_admin_decides_from_an_hq_laptop(any_hq: Hq) -> None:
    """'Locally or at HQ': an HQ user's laptop holds every district and decides for them."""
    household, request_id = _pending_request(any_hq)
    central = any_hq.laptop("hq")
    hq_admin = ServiceContext(central, authenticate(central, username="hq", password=PASSWORD))
    assert value(central, "change_requests", request_id, "status") == "PENDING"
    approve_request(hq_admin, request_id=request_id, note="approved at HQ")
    assert run_sync(central).rejected == 0
    officer_laptop = any_hq.laptops["a1"]
    run_sync(officer_laptop)
    assert value(officer_laptop, "change_requests", request_id, "status") == "APPLIED"
    assert (
        count(officer_laptop, "payment_accounts", f"household_id = '{household}' AND "
              "status = 'ACTIVE' AND account_number = '+221775550000'")
        == 1
    )  # fmt: skip
