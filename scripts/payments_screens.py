"""Screenshots of the Payments area in one language at 1280 x 800 and 1024 x 700 (layout checks)."""

# Builds a small demo district in a temporary folder, adds a cycle with a long code, generates
# and approves a payroll, opens the main window offscreen at each size and saves the payroll
# list, the payroll page and the page with a refused "Mark paid" (no receipt) as
# <out>/payments-<lang>-<W>x<H>.png, payroll-<lang>-<W>x<H>.png and payroll-error-<...>.png:
#
#     QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/payments_screens.py --language fr \
#         --out /tmp/roster-shots

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

from app.domain.vocab import CycleStatus  # noqa: E402
from app.models.db import Database  # noqa: E402
from app.models.payment import PaymentCycle  # noqa: E402
from app.models.programme import Programme  # noqa: E402
from app.models.recorder import REMOTE_KEY  # noqa: E402
from app.services.auth import sign_in, signed_in_actor  # noqa: E402
from app.services.context import ServiceContext  # noqa: E402
from app.services.demo import generate_demo  # noqa: E402
from app.services.payroll import approve_payroll, generate_payroll  # noqa: E402
from app.ui import tasks  # noqa: E402
from app.ui.i18n import install_translators, remove_translators  # noqa: E402
from app.ui.main_window import PAYMENTS, MainWindow  # noqa: E402

LONG_CYCLE = "CT-COND-2026-06-SUPPL"
SIZES = (QSize(1280, 800), QSize(1024, 700))


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def settle(seconds: float = 0.5) -> None:
    wait_until(lambda: tasks.running_count() == 0, 20)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, path: Path) -> None:
    settle()
    if not widget.grab().save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    sys.stdout.write(f"  {path}\n")


def stage(db: Database) -> str:
    """A long-coded open cycle, and an approved payroll to open; returns the payroll id."""
    with db.write_session() as s, s.begin():
        s.info[REMOTE_KEY] = True
        programme = s.scalar(select(Programme).where(Programme.code == "CT-COND"))
        assert programme is not None
        s.add(
            PaymentCycle(
                programme_id=programme.id,
                code=LONG_CYCLE,
                start_date=date(2026, 6, 16),
                end_date=date(2026, 6, 30),
                status=CycleStatus.PENDING,
            )
        )
    officer = signed_in_actor(db)
    assert officer is not None
    payroll_id = generate_payroll(
        ServiceContext(db, officer), programme_code="CT-UNC", cycle_code="CT-UNC-2026-05"
    )
    supervisor = sign_in(db, username="supervisor", password="supervisor-pass")
    approve_payroll(ServiceContext(db, supervisor), payroll_id=payroll_id)
    return payroll_id


def shoot(db: Database, payroll_id: str, language: str, out: Path, cache: Path) -> None:
    translators = install_translators(language, cache)
    actor = sign_in(db, username="officer", password="officer-pass")
    window = MainWindow(ServiceContext(db, actor), settings=None, remember_geometry=False)
    try:
        for size in SIZES:
            window.resize(size)
            window.show()
            window.nav_list.setCurrentRow(PAYMENTS)
            view = window.payments_view
            view.show_list()
            view.refresh()
            settle(0.8)
            tag = f"{language}-{size.width()}x{size.height()}"
            save(window, out / f"payments-{tag}.png")
            view.open_payroll(payroll_id)
            settle(0.8)
            save(window, out / f"payroll-{tag}.png")
            detail = view.detail
            detail.select_payment(0)
            detail.receipt_edit.clear()
            detail.mark_paid_button.click()  # no receipt: the message opens under the field
            settle(0.8)
            save(window, out / f"payroll-error-{tag}.png")
    finally:
        tasks.wait_for_all()
        window.hide()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        remove_translators(translators)
        QLocale.setDefault(QLocale("en_GB"))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--language", default="fr")
    parser.add_argument("--households", type=int, default=300)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "roster-shots")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(["roster-payments-screens"])
    app.setOrganizationName("Roster")
    app.setApplicationName("Roster-screenshots")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="roster-pay-shots-") as tmp:
        data_dir = Path(tmp) / "demo"
        generate_demo(data_dir=data_dir, households=args.households, seed=20260101)
        db = Database.open(data_dir)
        try:
            payroll_id = stage(db)
            shoot(db, payroll_id, args.language, args.out, Path(tmp) / "i18n")
        finally:
            tasks.wait_for_all()
            db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
