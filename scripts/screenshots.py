"""Screenshots of the main screens, in English and French, from a fresh demo district.

Builds a demo district (``generate_demo``, 2,000 households, fixed seed) in a temporary folder,
adds a few grievances, a partly keyed school sheet and two sync conflicts so the screens show
real work, then opens the main window offscreen and saves ``docs/screenshots/<screen>-<lang>.png``
(1280 × 800, overwritten):

- ``households``: the household list with a search typed;
- ``household``: one household's page;
- ``grievances`` and ``grievance``: the ticket list (overdue tickets highlighted) and a ticket;
- ``compliance``: the copy-back grid of a school sheet with the household panel;
- ``conflicts``: the conflict inbox;
- ``payments`` and ``payroll``: programmes and cycles, and one payroll;
- ``approvals``, ``cases``, ``recertification``: change requests waiting for a checker, a
  confirmed duplicate case with its corrective action, a recertification round under way;
- ``followup``: accompanying measures for households failing a condition.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--households 2000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from decision_stage import stage_decisions  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSize, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

from app.models.db import Database  # noqa: E402
from app.models.registry import Household  # noqa: E402
from app.models.sync_state import SyncConflict  # noqa: E402
from app.services.auth import signed_in_actor  # noqa: E402
from app.services.compliance import (  # noqa: E402
    AttendanceEntry,
    compliance_grid,
    record_attendance,
    sheet_service_points,
    shift_period,
)
from app.services.compliance_followup import check_non_compliance  # noqa: E402
from app.services.context import ServiceContext  # noqa: E402
from app.services.demo import generate_demo  # noqa: E402
from app.services.grievances import (  # noqa: E402
    add_comment,
    assign_grievance,
    register_grievance,
    start_work,
)
from app.services.search import search_households  # noqa: E402
from app.ui import tasks  # noqa: E402
from app.ui.i18n import install_translators, remove_translators  # noqa: E402
from app.ui.main_window import (  # noqa: E402
    APPROVALS,
    CASES,
    COMPLIANCE,
    CONFLICTS,
    FOLLOW_UP,
    GRIEVANCES,
    PAYMENTS,
    RECERTIFICATION,
    MainWindow,
)
from app.ui.views.compliance_view import ComplianceView  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = QSize(1280, 800)
SEED = 20260101
SCHOOL_CONDITION = "CT-COND-SCHOOL"
SEARCH = {"en": "fatou di", "fr": "aminata"}


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def settle(seconds: float = 0.3) -> None:
    """Let workers finish and the widgets repaint."""
    wait_until(lambda: tasks.running_count() == 0, 20)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def save(widget: QWidget, name: str, language: str) -> Path:
    settle()
    path = OUT / f"{name}-{language}.png"
    image = widget.grab().toImage()
    if not image.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    say(f"  {path.relative_to(ROOT)}  {image.width()}×{image.height()}")
    return path


# --- staging the demo ----------------------------------------------------------------------------


def stage(db: Database) -> dict[str, str]:
    """Grievances, a partly keyed school sheet and two conflicts; returns ids to open."""
    actor = signed_in_actor(db)
    assert actor is not None, "the demo leaves the officer signed in"
    ctx = ServiceContext(db, actor)
    today = ctx.today()
    rows = search_households(db, district_id=actor.district_id, limit=40).rows
    heads = [r for r in rows if r.head_name]
    tickets = [
        ("PHONE", "PAYMENT", "HIGH", "May payment not received at the pay point", 20, 0),
        ("IN_PERSON", "TARGETING", "MEDIUM", "Household left out of the programme", 30, 1),
        ("IN_PERSON", "PAYMENT", "MEDIUM", "Amount paid lower than announced", 3, 2),
        ("SMS", "REGISTRATION", "LOW", "Wrong date of birth for a child", 2, 3),
        ("COMMUNITY_MEETING", "SERVICE_QUALITY", "MEDIUM", "Long wait at the pay point", 12, 4),
        ("SUGGESTION_BOX", "MISCONDUCT", "CRITICAL", "Agent asked for money to register", 1, None),
        ("LETTER", "OTHER", "LOW", "Request for information about the programme", 0, 5),
    ]
    ids: dict[str, str] = {}
    for channel, category, priority, title, days_ago, head in tickets:
        household = heads[head] if head is not None else None
        gid = register_grievance(
            ctx,
            channel=channel,
            category=category,
            priority=priority,
            title=title,
            description=(
                f"{title}. The complainant came to the office on "
                f"{(today - timedelta(days=days_ago)).isoformat()} and explained the problem; "
                "details were checked against the household record."
            ),
            anonymous=household is None,
            complainant_name=household.head_name if household else None,
            household_ref=household.id if household else None,
            received_on=today - timedelta(days=days_ago),
        )
        ids.setdefault("first", gid)
    first = ids["first"]
    assign_grievance(ctx, grievance_id=first, assignee_username="supervisor")
    add_comment(
        ctx,
        grievance_id=first,
        body="Called the pay point agent: the household was marked absent by mistake.",
    )
    start_work(ctx, grievance_id=first)
    add_comment(ctx, grievance_id=first, body="Payment to be added to the next cycle's payroll.")

    period = shift_period(f"{today.year:04d}-{today.month:02d}", -1)
    points = sheet_service_points(db, condition_code=SCHOOL_CONDITION, actor=actor)
    best = max(
        points,
        key=lambda p: len(
            compliance_grid(
                db, service_point_code=p[0], condition_code=SCHOOL_CONDITION, period=period
            ).rows
        ),
    )
    grid = compliance_grid(
        db, service_point_code=best[0], condition_code=SCHOOL_CONDITION, period=period
    )
    entries = [
        AttendanceEntry(row.individual_id, attended=20 - (i * 7) % 11, expected=20)
        for i, row in enumerate(grid.rows[: len(grid.rows) // 3])
    ]
    if entries:
        record_attendance(
            ctx,
            condition_code=SCHOOL_CONDITION,
            period=period,
            service_point_code=best[0],
            entries=entries,
        )
    if entries:
        # The month before too, so children below the threshold twice get a follow-up visit.
        record_attendance(
            ctx,
            condition_code=SCHOOL_CONDITION,
            period=shift_period(period, -1),
            service_point_code=best[0],
            entries=entries,
        )
        check_non_compliance(ctx, period=period)
    ids.update(point=best[0], period=period)

    with db.write_session() as s, s.begin():
        households = s.scalars(select(Household).order_by(Household.code).limit(2)).all()
        at = datetime.now(UTC) - timedelta(days=2)
        for household, (field, base, mine, theirs) in zip(
            households,
            [
                ("phone", "+221770001122", "+221776543210", "+221781234567"),
                ("address", "Quartier Escale", "Près du forage, Quartier Escale", "Escale Nord"),
            ],
            strict=False,
        ):
            s.add(
                SyncConflict(
                    table_name="households",
                    row_id=household.id,
                    household_id=household.id,
                    district_id=household.district_id,
                    field=field,
                    field_class="D",
                    base_value=base,
                    mine_value=mine,
                    mine_by="officer",
                    mine_at=at,
                    theirs_value=theirs,
                    theirs_by="hq.registry",
                    theirs_at=at + timedelta(hours=5),
                    status="open",
                )
            )
    from app.services.payroll import generate_payroll

    ids["payroll"] = generate_payroll(ctx, programme_code="CT-UNC", cycle_code="CT-UNC-2026-05")
    ids.update(stage_decisions(db, ctx))
    return ids


# --- shooting ----------------------------------------------------------------------------------


def compliance_view_of(window: MainWindow, ctx: ServiceContext) -> ComplianceView:
    """The window's compliance page; swapped in for the placeholder if not wired yet."""
    existing = getattr(window, "compliance_view", None)
    if isinstance(existing, ComplianceView):
        return existing
    view = ComplianceView(ctx)
    old = window.pages.widget(COMPLIANCE)
    window.pages.removeWidget(old)
    window.pages.insertWidget(COMPLIANCE, view)
    old.deleteLater()
    return view


def shoot(db: Database, ids: dict[str, str], language: str, cache: Path) -> None:
    say(f"{language}:")
    translators = install_translators(language, cache)
    actor = signed_in_actor(db)
    ctx = ServiceContext(db, actor)
    window = MainWindow(ctx, settings=None, remember_geometry=False)
    try:
        window.resize(SIZE)
        window.show()
        households = window.households_view
        wait_until(lambda: households.model.first_page_in)
        households.search_edit.setFocus()
        for key in SEARCH[language]:
            households.search_edit.insert(key)
            settle(0.03)
        wait_until(
            lambda: (
                households.model.first_page_in and households.model.query.text == SEARCH[language]
            )
        )
        wait_until(lambda: households.model.total_count is not None, 5)
        households.table.selectRow(0)
        save(window, "households", language)

        row = households.model.row_at(0)
        assert row is not None
        window.open_household(row.id)
        wait_until(lambda: window.household_page.household is not None)
        save(window, "household", language)

        window.nav_list.setCurrentRow(GRIEVANCES)
        grievances = window.grievances_view
        grievances.model.refresh()
        wait_until(lambda: grievances.model.first_page_in)
        grievances.table.selectRow(0)
        save(window, "grievances", language)
        grievances.open_grievance(ids["first"])
        wait_until(lambda: grievances.detail.grievance is not None)
        save(window, "grievance", language)
        grievances.show_list()

        view = compliance_view_of(window, ctx)
        window.nav_list.setCurrentRow(COMPLIANCE)
        wait_until(lambda: view.condition_combo.count() > 0)
        loaded: list[bool] = []
        view.grid_loaded.connect(lambda: loaded.append(True))
        view.choose(condition=SCHOOL_CONDITION, service_point=ids["point"], period=ids["period"])
        wait_until(lambda: bool(loaded))
        view.expected_edit.setText("20")
        view.expected_edit.editingFinished.emit()
        model = view.model
        editable = [r for r in range(model.rowCount()) if model.is_editable_row(r)]
        for n, r in enumerate(editable[:4]):
            model.setData(model.index(r, model.COL_ATTENDED), str([18, 12, 20, 19][n]))
        if len(editable) > 4:
            model.set_outcome(editable[4], "EXEMPT")
            view.table.setCurrentIndex(model.index(editable[5 % len(editable)], 5))
        view.table.setFocus(Qt.FocusReason.OtherFocusReason)
        save(window, "compliance", language)

        window.nav_list.setCurrentRow(CONFLICTS)
        settle(0.5)
        save(window, "conflicts", language)

        window.nav_list.setCurrentRow(PAYMENTS)
        settle(0.8)
        save(window, "payments", language)
        window.payments_view.open_payroll(ids["payroll"])
        settle(0.8)
        save(window, "payroll", language)

        window.nav_list.setCurrentRow(APPROVALS)
        wait_until(lambda: len(window.decisions.approvals.rows) > 0)
        settle(0.3)
        save(window, "approvals", language)
        window.nav_list.setCurrentRow(CASES)
        cases = window.decisions.cases
        wait_until(lambda: cases.loads > 0)
        cases.select_case(ids["case"])
        settle(0.8)
        save(window, "cases", language)
        window.nav_list.setCurrentRow(RECERTIFICATION)
        settle(1.0)
        save(window, "recertification", language)
        window.nav_list.setCurrentRow(FOLLOW_UP)
        settle(1.0)
        save(window, "followup", language)
    finally:
        tasks.wait_for_all()
        window.hide()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        remove_translators(translators)
        QLocale.setDefault(QLocale("en_GB"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=2000)
    parser.add_argument("--languages", nargs="+", default=["en", "fr"])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(["roster-screenshots"])
    app.setOrganizationName("Roster")
    app.setApplicationName("Roster-screenshots")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="roster-shots-") as tmp:
        data_dir = Path(tmp) / "demo"
        started = time.perf_counter()
        generate_demo(data_dir=data_dir, households=args.households, seed=SEED)
        db = Database.open(data_dir)
        try:
            ids = stage(db)
            say(f"demo district ready in {time.perf_counter() - started:.1f} s")
            for language in args.languages:
                shoot(db, ids, language, Path(tmp) / "i18n")
        finally:
            tasks.wait_for_all()
            db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
