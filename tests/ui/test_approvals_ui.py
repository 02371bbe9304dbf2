"""The Approvals page: a request shows its old and new values; a supervisor approves or rejects."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain.vocab import ChangeRequestType
from app.models import PaymentAccount
from app.services.change_requests import submit_change
from app.ui.views.approvals_view import ApprovalsView
from tests.test_change_requests import require_approval
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui


def _request(registry: Registry) -> str:
    require_approval(registry.district, "CT-UNC", ChangeRequestType.PAYMENT_ACCOUNT)
    outcome = submit_change(
        registry.district.ctx(),
        type="PAYMENT_ACCOUNT",
        target_id=registry.ids["Baldé"],
        params={"method": "MOBILE_MONEY", "provider": "Wave", "account_number": "+221775551234"},
        reason="new phone",
    )
    assert outcome.request_id is not None
    return outcome.request_id


def test_maker_sees_request_but_cannot_approve(qtbot, registry: Registry) -> None:
    _request(registry)
    view = ApprovalsView(registry.district.ctx())
    qtbot.addWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: len(view.rows) == 1)
    assert not view.approve_button.isEnabled()
    assert view.withdraw_button.isEnabled()
    texts = [
        view.changes_model.index(r, c).data()
        for r in range(view.changes_model.rowCount())
        for c in range(4)
    ]
    assert "+221775551234" in texts
    assert "new phone" in view.detail_label.text()


def test_supervisor_approves_and_change_is_applied(qtbot, registry: Registry) -> None:
    _request(registry)
    view = ApprovalsView(registry.district.ctx("supervisor"))
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.refresh()
    qtbot.waitUntil(lambda: len(view.rows) == 1)
    assert view.approve_button.isEnabled()
    with qtbot.waitSignal(view.decided, timeout=10_000):
        view.approve_button.click()
    qtbot.waitUntil(lambda: view.rows == [])
    with registry.db.read_session() as s:
        numbers = s.scalars(
            select(PaymentAccount.account_number).where(
                PaymentAccount.household_id == registry.ids["Baldé"],
                PaymentAccount.status == "ACTIVE",
            )
        ).all()
    assert numbers == ["+221775551234"]


def test_reject_without_note_shows_the_error_beside_the_buttons(qtbot, registry: Registry) -> None:
    _request(registry)
    view = ApprovalsView(registry.district.ctx("supervisor"))
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: len(view.rows) == 1)
    view.reject_button.click()
    qtbot.waitUntil(lambda: view.error_label.isVisible())
    assert len(view.rows) == 1
    view.note_edit.setText("the number belongs to a neighbour")
    with qtbot.waitSignal(view.decided, timeout=10_000):
        view.reject_button.click()


def test_household_page_says_a_change_waits_for_approval(qtbot, registry: Registry) -> None:
    from app.ui.views.household_page import HouseholdPage

    _request(registry)
    ctx = registry.district.ctx()

    def load(ref: str):  # noqa: ANN202 - the page's loader
        from app.services.household_queries import get_household

        with ctx.db.read_session() as s:
            return get_household(s, ref=ref, actor=ctx.actor, today=ctx.today())

    page = HouseholdPage(load)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.load(registry.ids["Baldé"])
    assert "waits for a supervisor" in page.notice_label.text()
