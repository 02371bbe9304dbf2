"""The Payments area in French at the sizes of small laptops: no clipped button, no cut code."""

# Set ROSTER_SCREENSHOTS=DIR to also save what the test looks at as PNG files.

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QPushButton, QWidget

from app.domain.vocab import CycleStatus
from app.services.payroll import approve_payroll, generate_payroll
from app.ui import i18n
from app.ui.views.payments_view import PaymentsView
from tests.factories import enrol
from tests.payment_fixtures import add_cycle
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui
CYCLE = "CT-UNC-2026-06"
LONG_CYCLE = "CT-UNC-2026-06-SUPPL-B"
# The Payments page inside a 1280 x 800 and a 1024 x 700 main window (navigation list, menu
# and status bar taken off).
SIZES = {"1280x800": (1090, 740), "1024x700": (834, 640)}


@pytest.fixture
def french(tmp_path: Path) -> Iterator[None]:
    if i18n.qm_for("fr", tmp_path) is None:
        pytest.skip("lrelease is not available")
    translators = i18n.install_translators("fr", tmp_path)
    yield
    i18n.remove_translators(translators)
    QLocale.setDefault(QLocale("en_GB"))


def _shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("ROSTER_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(folder) / f"{name}.png"), "PNG")


def _not_clipped(button: QPushButton) -> bool:
    return button.isHidden() or button.width() >= button.sizeHint().width()


@pytest.mark.parametrize("size", sorted(SIZES))
def test_french_payments_page_fits(qtbot, registry: Registry, french: None, size: str) -> None:
    district = registry.district
    add_cycle(district, "CT-UNC", CYCLE)
    add_cycle(district, "CT-UNC", LONG_CYCLE, start=date(2026, 6, 16), status=CycleStatus.PENDING)
    enrol(district, registry.ids["Sow"], "CT-UNC")
    payroll_id = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    approve_payroll(district.ctx("supervisor"), payroll_id=payroll_id)
    view = PaymentsView(district.ctx())
    qtbot.addWidget(view)
    view.resize(*SIZES[size])
    loads = view.loads
    view.show()
    qtbot.waitUntil(lambda: view.loads > loads, timeout=5000)
    qtbot.wait(50)

    tree = view.programme_tree
    assert tree.headerItem().text(0) == "Programme ou cycle"
    unc = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == "CT-UNC"
    )
    codes = [unc.child(i).text(0) for i in range(unc.childCount())]
    assert LONG_CYCLE in codes
    room = tree.columnWidth(0) - 2 * tree.indentation()
    assert all(tree.fontMetrics().horizontalAdvance(code) <= room for code in codes)
    # The three columns start inside the visible tree.
    assert tree.header().sectionPosition(2) < tree.viewport().width()
    assert _not_clipped(view.generate_button)
    _shot(view, f"payments-fr-{size}")

    with qtbot.waitSignal(view.detail.loaded, timeout=5000):
        view.open_payroll(payroll_id)
    qtbot.wait(50)
    detail = view.detail
    assert detail.import_button.text() == "Importer un CSV de rapprochement…"
    buttons = [
        detail.approve_button,
        detail.reject_button,
        detail.print_button,
        detail.export_button,
        detail.import_button,
        detail.close_button,
        detail.mark_paid_button,
        detail.mark_unpaid_button,
    ]
    assert [b.text() for b in buttons if not _not_clipped(b)] == []
    right = detail.close_button.mapTo(detail, detail.close_button.rect().topRight()).x()
    assert right <= detail.width()
    _shot(view, f"payroll-fr-{size}")
