"""The inbox's "Refused by HQ" tab: a refused change in words, edited and resent, or discarded."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select, update

from app.models import Household, OutboxOp
from app.services.households import update_household
from app.ui.dialogs.refused_change_dialog import RefusedChangeDialog
from app.ui.views.conflicts_view import ConflictsView
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui


def _refuse(registry: Registry, changes: dict[str, str], reason: str) -> str:
    """Change the Sow household, then mark that change as refused by HQ."""
    hid = registry.ids["Sow"]
    update_household(registry.district.ctx(), household_ref=hid, changes=changes)
    with registry.db.write_session() as s, s.begin():
        op = s.scalars(
            select(OutboxOp).where(OutboxOp.row_id == hid).order_by(OutboxOp.device_seq.desc())
        ).first()
        assert op is not None
        s.execute(
            update(OutboxOp)
            .where(OutboxOp.op_id == op.op_id)
            .values(status="rejected", last_error=reason)
        )
        return op.op_id


def _view(qtbot, registry: Registry, rows: int) -> ConflictsView:
    view = ConflictsView(registry.district.ctx())
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    view.tabs.setCurrentIndex(2)
    view.refresh()
    qtbot.waitUntil(lambda: view.rejected_model.rowCount() == rows, timeout=5000)
    return view


def _row(model, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def _status(registry: Registry, op_id: str) -> str:
    with registry.db.read_session() as s:
        op = s.get(OutboxOp, op_id)
        assert op is not None
        return op.status


def test_edit_and_resend_sends_a_new_change(qtbot, registry: Registry) -> None:
    op_id = _refuse(
        registry, {"address": "Bad place", "phone": "+221770000055"}, "OUT_OF_SCOPE: no"
    )
    view = _view(qtbot, registry, 1)
    assert view.tabs.tabText(2) == "Refused by HQ (1)"
    record, change, reason, made = _row(view.rejected_model, 0)
    assert record.startswith("Household · D01-")
    assert change == "Changed — Address: Bad place; Phone: +221770000055"
    assert reason == "This record belongs to another district: you cannot open or change it."
    assert made.startswith("officer, ")
    panel = view.refused_panel
    assert panel.resend_button.isEnabled() and panel.discard_button.isEnabled()
    panel.resend_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, RefusedChangeDialog)
    assert "This record belongs to another district" in dialog.intro_label.text()
    assert dialog.inputs["address"].text() == "Bad place"
    dialog.inputs["phone"].setText("12ab")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.error_for("phone")), timeout=5000)
    assert dialog.error_for("phone").startswith("Not a valid phone number")
    dialog.inputs["phone"].setText("+221770000066")
    dialog.inputs["address"].setText("Near the well")
    with qtbot.waitSignal(view.resolved, timeout=5000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: view.rejected_model.rowCount() == 0, timeout=5000)
    assert view.tabs.tabText(2) == "Refused by HQ (0)"
    assert _status(registry, op_id) == "resent"
    with registry.db.read_session() as s:
        household = s.get(Household, registry.ids["Sow"])
        assert household is not None
        assert (household.address, household.phone) == ("Near the well", "+221770000066")
        newest = s.scalars(select(OutboxOp).order_by(OutboxOp.device_seq.desc())).first()
        assert newest is not None and newest.status == "pending"
        assert newest.fields["address"]["new"] == "Near the well"


def test_discard_asks_first_then_removes_it(qtbot, registry: Registry) -> None:
    op_id = _refuse(registry, {"landmark": "Old tree"}, "INVALID_VALUE: too odd")
    view = _view(qtbot, registry, 1)
    assert _row(view.rejected_model, 0)[2] == "This value is not valid here (too odd)."
    panel = view.refused_panel
    panel.discard_button.click()
    box = panel.confirm
    assert box is not None and "cannot be undone" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert _status(registry, op_id) == "rejected"
    panel.discard_button.click()
    box = panel.confirm
    assert box is not None
    with qtbot.waitSignal(view.resolved, timeout=5000):
        box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: view.rejected_model.rowCount() == 0, timeout=5000)
    assert _status(registry, op_id) == "dismissed"


def test_viewers_see_refusals_but_cannot_act(qtbot, registry: Registry) -> None:
    _refuse(registry, {"landmark": "Old tree"}, "OUT_OF_SCOPE: no")
    view = ConflictsView(registry.district.ctx("viewer"))
    qtbot.addWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.rejected_model.rowCount() == 1, timeout=5000)
    panel = view.refused_panel
    assert not panel.resend_button.isEnabled() and not panel.discard_button.isEnabled()
    assert panel.open_household_button.isEnabled()
