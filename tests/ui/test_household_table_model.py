"""The household list model: lazy pages, display data, SQL sorting, stale-result guarding."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.ui import tasks
from app.ui.itemmodels.household_table_model import HouseholdQuery, HouseholdTableModel
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui
M = HouseholdTableModel


def _loaded(qtbot, model: HouseholdTableModel, query: HouseholdQuery) -> None:
    model.set_query(query)
    qtbot.waitUntil(lambda: model.first_page_in and not model.is_loading, timeout=5000)


def _column(model: HouseholdTableModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_pages_load_lazily_with_fetch_more(qtbot, registry: Registry) -> None:
    model = HouseholdTableModel(registry.db, page_size=2)
    _loaded(qtbot, model, HouseholdQuery(district_id=registry.district.district_id))
    assert model.rowCount() == 2
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert not model.canFetchMore(QModelIndex())  # one page in flight at a time
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=5000)
    qtbot.waitUntil(lambda: model.canFetchMore(QModelIndex()), timeout=5000)
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 5 and not model.is_loading, timeout=5000)
    assert not model.canFetchMore(QModelIndex())
    assert model.columnCount() == 6
    assert model.rowCount(model.index(0, 0)) == 0


def test_count_is_at_least_the_page_then_exact(qtbot, registry: Registry) -> None:
    model = HouseholdTableModel(registry.db, page_size=2)
    counts: list[tuple[int, bool]] = []
    model.count_changed.connect(lambda n, exact: counts.append((n, exact)))
    _loaded(qtbot, model, HouseholdQuery())
    qtbot.waitUntil(lambda: model.total_count is not None, timeout=5000)
    assert counts == [(2, False), (5, True)]


def test_small_result_is_counted_without_a_count_query(qtbot, registry: Registry) -> None:
    model = HouseholdTableModel(registry.db)
    _loaded(qtbot, model, HouseholdQuery(text="mariama sow"))
    assert model.total_count == 1


def test_display_data_and_roles(qtbot, registry: Registry) -> None:
    model = HouseholdTableModel(registry.db)
    _loaded(qtbot, model, HouseholdQuery(text="2001010100001"))
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[M.COL_CODE].startswith("D01-")
    assert row[M.COL_HEAD :] == [
        "Ousmane Baldé",
        "Médina Chérif",
        "3",
        "Active",
        "Dioulacolon market",
    ]
    assert model.index(0, 0).data(M.RowIdRole) == registry.ids["Baldé"]
    assert model.index(0, M.COL_MEMBERS).data(M.SortRole) == 3
    alignment = model.index(0, M.COL_MEMBERS).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(6)
    ]
    assert headers == ["Code", "Head of household", "Village", "Members", "Status", "Pay point"]
    assert model.index(5, 0).data() is None


def test_filters_are_applied_in_sql(qtbot, registry: Registry) -> None:
    model = HouseholdTableModel(registry.db)
    _loaded(qtbot, model, HouseholdQuery(village_code="V001"))
    assert sorted(_column(model, M.COL_HEAD)) == ["Awa Diatta", "Ousmane Baldé"]
    _loaded(qtbot, model, HouseholdQuery(programme_code="CT-UNC", enrolment_status="ACTIVE"))
    assert _column(model, M.COL_HEAD) == ["Ousmane Baldé"]
    _loaded(qtbot, model, HouseholdQuery(text="nobody-like-this"))
    assert model.rowCount() == 0 and model.total_count == 0


def test_header_sort_maps_to_sql_sorts(qtbot, registry: Registry) -> None:
    model = HouseholdTableModel(registry.db)
    _loaded(qtbot, model, HouseholdQuery())
    codes = _column(model, M.COL_CODE)
    assert codes == sorted(codes)

    model.sort(M.COL_HEAD)
    qtbot.waitUntil(lambda: model.first_page_in and not model.is_loading, timeout=5000)
    heads = _column(model, M.COL_HEAD)
    assert heads == sorted(heads, key=str.casefold)
    assert model.sort_column() == M.COL_HEAD

    model.sort(M.COL_VILLAGE)
    qtbot.waitUntil(lambda: model.first_page_in and not model.is_loading, timeout=5000)
    villages = _column(model, M.COL_VILLAGE)
    assert villages == sorted(villages)

    model.sort(M.COL_MEMBERS)  # not sortable in SQL: nothing changes
    assert model.query.sort == "village" and model.first_page_in


def test_results_of_a_superseded_query_are_dropped(qtbot, registry: Registry) -> None:
    model = HouseholdTableModel(registry.db)
    model.set_query(HouseholdQuery(text="ousmane"))
    model.set_query(HouseholdQuery(text="lamine"))
    qtbot.waitUntil(lambda: model.first_page_in and not model.is_loading, timeout=5000)
    # Every page, stale ones included, has been delivered: only the last query's rows show.
    qtbot.waitUntil(lambda: tasks.running_count() == 0, timeout=5000)
    assert _column(model, M.COL_HEAD) == ["Lamine Coly"]


def test_load_failure_is_reported(qtbot, registry: Registry, monkeypatch) -> None:
    import app.ui.itemmodels.household_table_model as module

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(module, "search_households", broken)
    model = HouseholdTableModel(registry.db)
    with qtbot.waitSignal(model.load_failed, timeout=5000) as signal:
        model.set_query(HouseholdQuery())
    assert "disk on fire" in str(signal.args[0])
    assert not model.is_loading and not model.canFetchMore(QModelIndex())
