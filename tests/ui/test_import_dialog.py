"""The beneficiary import dialog: check a file, see its problems, import, cancel."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.errors import Cancelled
from app.models import Enrolment, Household
from app.ui.dialogs import import_dialog
from app.ui.dialogs.import_dialog import ImportIndividualsDialog
from tests.test_individual_import import GOOD, write_csv
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui


def _dialog(qtbot, registry: Registry, **kwargs: Any) -> ImportIndividualsDialog:
    dialog = ImportIndividualsDialog(registry.district.ctx(), **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _households(registry: Registry) -> int:
    with registry.db.read_session() as s:
        return s.scalar(select(func.count()).select_from(Household)) or 0


def test_check_shows_each_problem_and_saves_the_report(
    qtbot, registry: Registry, tmp_path: Path
) -> None:
    bad = [GOOD[0], GOOD[1].replace("SPOUSE", "KING"), *GOOD[2:4], GOOD[4].replace("V003", "V101")]
    report = tmp_path / "report.csv"
    dialog = _dialog(qtbot, registry, choose_save_path=lambda _parent, _suggested: str(report))
    assert not dialog.check_button.isEnabled()
    dialog.set_path(write_csv(tmp_path, bad))
    before = _households(registry)
    with qtbot.waitSignal(dialog.finished_run, timeout=10_000):
        dialog.check_button.click()
    rows = dialog.error_rows()
    assert rows[0][:2] == ("3", "individual_role")
    assert rows[0][2].startswith("Unknown role in the household: KING (use one of HEAD, SPOUSE")
    assert ("6", "location_code", "Village V101 is not in your district.") in rows
    assert "rows have problems. Nothing was registered" in dialog.status_text()
    assert "Row 1, able_bodied: Unknown column: ignored." in dialog.warnings_label.text()
    assert _households(registry) == before
    dialog.save_report_button.click()
    assert report.read_text(encoding="utf-8-sig").startswith("row,column,code,message,value,")
    assert dialog.status_text() == f"Error report saved: {report}"


def test_import_registers_and_enrols(qtbot, registry: Registry, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, registry)
    dialog.set_path(write_csv(tmp_path, GOOD))
    dialog.programme_combo.setCurrentIndex(dialog.programme_combo.findData("CT-UNC"))
    with qtbot.waitSignal(dialog.finished_run, timeout=10_000):
        dialog.check_button.click()
    assert dialog.status_text().startswith("The file is correct: importing it will register 2")
    before = _households(registry)
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as imported:
        dialog.import_button.click()
    assert imported.args[0].households_created == 2
    assert dialog.status_text() == "Registered 2 households (5 people). 2 enrolled in CT-UNC."
    assert not dialog.errors_box.isVisibleTo(dialog)
    assert _households(registry) == before + 2
    with registry.db.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Enrolment)) == 3  # one was there


def test_cancel_reaches_the_service(
    qtbot, registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = threading.Event()

    def slow_import(_ctx: Any, *, progress: Any, cancelled: Any, **_kwargs: Any) -> Any:
        progress(3, 10)
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise Cancelled("stopped")

    monkeypatch.setattr(import_dialog, "import_individuals", slow_import)
    dialog = _dialog(qtbot, registry)
    dialog.set_path(write_csv(tmp_path, GOOD))
    dialog.import_button.click()
    assert started.wait(5)
    qtbot.waitUntil(lambda: dialog.progress_bar.value() == 3, timeout=5_000)
    assert dialog.progress_bar.maximum() == 10 and not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_run, timeout=10_000):
        dialog.reject()  # closing while it runs cancels, and keeps the dialog open
    assert dialog.isVisible()
    assert dialog.status_text() == "Cancelled: nothing was registered."
    assert dialog.import_button.isEnabled() and dialog.cancel_button.isHidden()
