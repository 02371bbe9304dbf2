"""The read-only household page: header facts, tabs, loading errors."""

from __future__ import annotations

import pytest

from app.services.household_queries import get_household
from app.ui import error_presenter
from app.ui.error_presenter import ErrorPresenter
from app.ui.views.household_page import HouseholdPage
from tests.factories import FIXED_NOW
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, registry: Registry) -> HouseholdPage:
    ctx = registry.district.ctx()

    def load(ref: str):
        with ctx.db.read_session() as session:
            return get_household(session, ref=ref, actor=ctx.actor, today=FIXED_NOW.date())

    page = HouseholdPage(load)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def _rows(model) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_page_shows_header_and_tabs(qtbot, page: HouseholdPage, registry: Registry) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.load(registry.ids["Baldé"])
    h = page.household
    assert h is not None and h.id == registry.ids["Baldé"]
    assert page.title_label.text() == f"{h.code} · Ousmane Baldé"
    assert page.facts["village"].text() == "Médina Chérif (V001)"
    assert page.facts["ward"].text() == "Dioulacolon"
    assert page.facts["pay_point"].text() == "Dioulacolon market"
    assert page.facts["phone"].text() == "+221771234567"
    assert page.facts["status"].text() == "Active"
    assert page.facts["gps"].text() == "—"

    members = _rows(page.members_model)
    assert members[0][0] == "Ousmane Baldé"
    by_name = {m[0]: m for m in members}
    assert by_name["Ousmane Baldé"][1:5] == ["Male", "51", "Head", "Present"]
    assert by_name["Ousmane Baldé"][7] == "Head"
    assert by_name["Fatou Baldé"][7] == "Primary recipient"
    assert by_name["Binta Baldé"][3] == "Daughter"
    assert _rows(page.programmes_model) == [
        ["Unconditional cash transfer (CT-UNC)", "Active", "", ""]
    ]
    assert page.history_model.rowCount() > 0
    assert _rows(page.history_model)[0][3] in {"Household", "Member"}
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == [
        "Members (3)",
        "Programmes (1)",
        "Payment accounts (0)",
        f"History ({page.history_model.rowCount()})",
        "Grievances (0)",
    ]
    # Registered on this laptop and not yet synced: the page says so.
    assert page.notice_label.isVisible()
    assert "not yet sent to HQ" in page.notice_label.text()


def test_back_button_asks_to_go_back(qtbot, page: HouseholdPage) -> None:
    with qtbot.waitSignal(page.back_requested, timeout=1000):
        page.back_button.click()


def test_a_missing_household_is_reported_not_crashed(qtbot, page: HouseholdPage) -> None:
    presenter = ErrorPresenter(dialogs=False)
    previous = error_presenter.install(presenter)
    try:
        page.load("D01-NOPE")
        qtbot.waitUntil(lambda: bool(presenter.errors), timeout=5000)
    finally:
        error_presenter.install(previous)
    assert presenter.errors[0].code == "HOUSEHOLD_NOT_FOUND"
    assert page.title_label.text() == "Household not available"


def test_audit_values_read_as_words() -> None:
    from app.ui.views.household_rows import audit_value

    assert audit_value("sex", "F") == "Female"
    assert audit_value("disability", "false") == "No"
    assert audit_value("status", "DECEASED") == "Deceased"
    assert audit_value("date_of_birth", "2010-01-31") == "31/01/2010"
    assert audit_value("head_id", "019b76da-a802-7eeb-a018-9e9669cb9cb0") == "019b76da…"
    assert audit_value("phone", "+221770000001") == "+221770000001"
    assert audit_value("landmark", None) == ""
