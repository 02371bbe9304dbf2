"""The main window: status bar facts, navigation, opening a household and going back."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from app.models.base import new_id
from app.models.sync_state import OutboxOp
from app.services.context import ServiceContext
from app.services.status import status_summary
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui


def _window(qtbot, ctx: ServiceContext) -> MainWindow:
    window = MainWindow(ctx, settings=Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.households_view.model.first_page_in, timeout=5000)
    return window


def _pending(registry: Registry) -> int:
    with registry.db.read_session() as s:
        return s.scalar(
            select(func.count()).select_from(OutboxOp).where(OutboxOp.status == "pending")
        )


def test_status_bar_shows_user_district_and_sync_facts(qtbot, registry: Registry) -> None:
    window = _window(qtbot, registry.district.ctx())
    pending = _pending(registry)
    assert pending > 0  # the registrations wait to be sent
    assert window.user_label.text() == "officer (District officer)"
    assert window.district_label.text() == "District: Kolda (D01)"
    assert window.pending_label.text() == f"Pending changes: {pending}"
    assert window.conflicts_label.text() == "Open conflicts: 0"
    assert window.connection_label.text() == "Not connected"
    assert window.last_sync_label.text() == "Last sync: never"
    assert window.windowTitle() == "Roster — Kolda (D01)"


def test_status_bar_counts_conflicts_and_last_sync(qtbot, registry: Registry) -> None:
    with registry.db.write_session() as s, s.begin():
        s.execute(
            text(
                "INSERT INTO sync_conflicts (id, table_name, row_id, field, field_class, "
                "status, created_at) VALUES (:id, 'households', :row, 'phone', 'C', 'open', "
                "'2026-06-15 09:00:00')"
            ),
            {"id": new_id(), "row": registry.ids["Sow"]},
        )
        s.execute(
            text("INSERT INTO sync_state (key, value) VALUES ('last_sync_at', :at)"),
            {"at": "2026-06-14T08:30:00+00:00"},
        )
    summary = status_summary(registry.db, actor=registry.district.ctx().actor)
    assert summary.open_conflicts == 1 and summary.last_sync_at is not None
    window = _window(qtbot, registry.district.ctx())
    assert "Open conflicts: 1" in window.conflicts_label.text()  # a link to the inbox
    assert window.last_sync_label.text().startswith("Last sync: 14/06/2026")


def test_read_only_without_a_signed_in_user(qtbot, registry: Registry) -> None:
    window = _window(qtbot, ServiceContext(registry.db, None))
    assert window.user_label.text() == "Not signed in (read only)"
    assert window.windowTitle().endswith("read only")
    assert window.households_view.model.rowCount() == 5


def test_navigation_between_areas(qtbot, registry: Registry) -> None:
    window = _window(qtbot, registry.district.ctx())
    names = [window.nav_list.item(i).text() for i in range(window.nav_list.count())]
    assert names == [
        "Households",
        "Grievances",
        "Compliance",
        "Payments",
        "Approvals",
        "Cases",
        "Recertification",
        "Follow-up",
        "Conflicts",
    ]
    loads = window.payments_view.loads
    window.nav_list.setCurrentRow(3)
    assert window.pages.currentWidget() is window.payments_view
    qtbot.waitUntil(lambda: window.payments_view.loads > loads, timeout=5000)
    assert window.payments_view.programme_tree.topLevelItemCount() >= 1
    window.nav_list.setCurrentRow(4)
    assert window.pages.currentWidget() is window.decisions.approvals
    window.nav_list.setCurrentRow(5)
    assert window.pages.currentWidget() is window.decisions.cases
    window.nav_list.setCurrentRow(6)
    assert window.pages.currentWidget() is window.decisions.recertification
    window.nav_list.setCurrentRow(7)
    assert window.pages.currentWidget() is window.decisions.followup
    window.nav_list.setCurrentRow(8)
    assert window.pages.currentWidget() is window.conflicts_view


def test_open_household_and_back(qtbot, registry: Registry) -> None:
    window = _window(qtbot, registry.district.ctx())
    with qtbot.waitSignal(window.household_page.loaded, timeout=5000):
        window.open_household(registry.ids["Ndiaye"])
    assert window.households_stack.currentWidget() is window.household_page
    assert "Khady Ndiaye" in window.household_page.title_label.text()
    window.household_page.back_button.click()
    assert window.households_stack.currentWidget() is window.households_view


def test_geometry_is_remembered(qtbot, registry: Registry) -> None:
    settings = Settings()
    window = MainWindow(registry.district.ctx(), settings=settings)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.close()
    assert settings.main_window_geometry is not None
