"""The decision areas of the main window: approvals, cases, recertification, follow-up.

Built and wired here so the main window only places them: a decision reloads the approvals
inbox and the household shown, and a page asking for a household opens it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from app.services.context import ServiceContext
from app.ui.views.approvals_view import ApprovalsView
from app.ui.views.cases_view import CasesView
from app.ui.views.followup_view import FollowUpView
from app.ui.views.recertification_view import RecertificationView


class DecisionSignals(QObject):
    # Something a decision touched changed (status bar, household page, lists reload).
    changed = Signal()
    # Open this household (id or code).
    household_requested = Signal(str)


@dataclass
class DecisionPages:
    approvals: ApprovalsView
    cases: CasesView
    recertification: RecertificationView
    followup: FollowUpView
    signals: DecisionSignals

    def refresh_approvals(self) -> None:
        self.approvals.refresh()

    def refresh(self, page: object) -> None:
        """Reload ``page`` if it is one of these (each is read when shown, not at start-up)."""
        if page is self.approvals:
            self.approvals.refresh()
        elif page is self.cases:
            self.cases.refresh()
        elif page is self.recertification:
            self.recertification.refresh()
        elif page is self.followup:
            self.followup.refresh()


def build_decision_pages(ctx: ServiceContext) -> DecisionPages:
    signals = DecisionSignals()
    approvals = ApprovalsView(ctx)
    cases = CasesView(ctx, load_now=False)
    recertification = RecertificationView(ctx, load_now=False)
    approvals.decided.connect(signals.changed)
    approvals.household_requested.connect(signals.household_requested)
    # A case action may have become a request waiting in the approvals inbox.
    cases.changed.connect(lambda _case_id: approvals.refresh())
    cases.changed.connect(lambda _case_id: signals.changed.emit())
    recertification.household_activated.connect(signals.household_requested)
    followup = FollowUpView(ctx, load_now=False)
    followup.household_requested.connect(signals.household_requested)
    followup.changed.connect(signals.changed)
    return DecisionPages(approvals, cases, recertification, followup, signals)
