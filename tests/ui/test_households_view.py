"""The households view: search-as-you-type, filters, header sorting, opening a row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.ui.itemmodels.household_table_model import HouseholdTableModel
from app.ui.views.households_view import HouseholdsView
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui
M = HouseholdTableModel


@pytest.fixture
def view(qtbot, registry: Registry) -> HouseholdsView:
    view = HouseholdsView(registry.db, district_id=registry.district.district_id)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    qtbot.waitUntil(lambda: view.model.first_page_in, timeout=5000)
    return view


def _heads(view: HouseholdsView) -> list[str]:
    return [view.model.index(r, M.COL_HEAD).data() for r in range(view.model.rowCount())]


def test_lists_the_district_with_a_count(qtbot, view: HouseholdsView) -> None:
    assert view.model.rowCount() == 5
    qtbot.waitUntil(lambda: view.count_label.text() == "5 households", timeout=5000)
    assert view.search_edit.placeholderText() == (
        "Search name, household code, national ID or phone"
    )


def test_search_as_you_type_shows_the_match(qtbot, view: HouseholdsView) -> None:
    qtbot.keyClicks(view.search_edit, "mariama so")
    # Typing only restarts the debounce timer; the query runs once typing pauses.
    assert view.model.query.text == ""
    qtbot.waitUntil(lambda: _heads(view) == ["Mariama Sow"], timeout=5000)
    qtbot.waitUntil(lambda: view.count_label.text() == "1 household", timeout=5000)

    view.search_edit.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 5, timeout=5000)


def test_search_by_national_id_and_no_match(qtbot, view: HouseholdsView) -> None:
    qtbot.keyClicks(view.search_edit, "2001010100004")
    qtbot.waitUntil(lambda: _heads(view) == ["Lamine Coly"], timeout=5000)
    view.search_edit.clear()
    qtbot.keyClicks(view.search_edit, "zzzz")
    qtbot.waitUntil(lambda: view.count_label.text() == "No household found", timeout=5000)
    assert view.model.rowCount() == 0


def test_filters_reload_immediately(qtbot, view: HouseholdsView) -> None:
    assert view.village_combo.itemText(0) == "All villages"
    village = view.village_combo.findData("V001")
    view.village_combo.setCurrentIndex(village)
    qtbot.waitUntil(lambda: sorted(_heads(view)) == ["Awa Diatta", "Ousmane Baldé"], timeout=5000)
    view.village_combo.setCurrentIndex(0)
    view.programme_combo.setCurrentIndex(view.programme_combo.findData("CT-UNC"))
    view.status_combo.setCurrentIndex(view.status_combo.findData("ACTIVE"))
    qtbot.waitUntil(lambda: _heads(view) == ["Ousmane Baldé"], timeout=5000)
    assert view.status_combo.currentText() == "Active"


def test_header_click_sorts_and_keeps_the_indicator_honest(qtbot, view: HouseholdsView) -> None:
    header = view.table.horizontalHeader()
    view._on_header_clicked(M.COL_HEAD)
    qtbot.waitUntil(lambda: view.model.first_page_in and not view.model.is_loading, timeout=5000)
    assert _heads(view) == sorted(_heads(view), key=str.casefold)
    assert header.sortIndicatorSection() == M.COL_HEAD
    view._on_header_clicked(M.COL_MEMBERS)
    assert header.sortIndicatorSection() == M.COL_HEAD
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


def test_enter_on_a_row_opens_the_household(qtbot, view: HouseholdsView, registry) -> None:
    qtbot.keyClicks(view.search_edit, "lamine")
    qtbot.waitUntil(lambda: _heads(view) == ["Lamine Coly"], timeout=5000)
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)  # into the results, first row selected
    assert view.table.currentIndex().row() == 0
    with qtbot.waitSignal(view.household_activated, timeout=2000) as signal:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert signal.args == [registry.ids["Coly"]]
