"""A household's compliance with its programmes' conditions over the last months.

Shows ``household_compliance``: the overall status, then per condition its status and one cell
per month (met, not met, not reported, not applicable), each in words with a colour. Used beside
the compliance grid (the selected row's household) and, if wired, as a household page tab.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.errors import AppError
from app.services.compliance import HouseholdCompliance, household_compliance
from app.services.context import ServiceContext
from app.ui import error_presenter, tasks
from app.ui.labels import vocab_label
from app.ui.messages import app_error_text

COLOURS = {
    "COMPLIANT": "#1e7e34",
    "MET": "#1e7e34",
    "NON_COMPLIANT": "#b00020",
    "NOT_MET": "#b00020",
    "MISSING": "#8a6d00",
    "NO_DATA": "#5f6368",
    "NOT_APPLICABLE": "#5f6368",
}
SYMBOLS = {"MET": "✓", "NOT_MET": "✗", "MISSING": "?", "NOT_APPLICABLE": "–"}


def _status(value: str) -> str:
    colour = COLOURS.get(value, "#000000")
    return f"<b style='color:{colour}'>{html.escape(vocab_label(value))}</b>"


def compliance_html(data: HouseholdCompliance) -> str:
    """The panel's rich text (also usable in a tooltip or a report preview)."""
    parts = [
        f"<p style='font-size:large'><b>{html.escape(data.household_code)}</b> · "
        f"{_status(data.status)}</p>"
    ]
    if not data.conditions:
        parts.append(
            "<p>"
            + html.escape(
                QCoreApplication.translate(
                    "HouseholdCompliancePanel", "No conditions apply to this household."
                )
            )
            + "</p>"
        )
    for condition in data.conditions:
        parts.append(
            f"<p style='margin-bottom:2px'><b>{html.escape(condition.condition_name)}</b>"
            f" <span style='color:#5f6368'>({html.escape(condition.programme_code)})</span>"
            f"<br>{_status(condition.status)}</p>"
        )
        rows = []
        for cell in condition.cells:
            colour = COLOURS.get(cell.status, "#000000")
            counts = QCoreApplication.translate(
                "HouseholdCompliancePanel", "{met} met, {not_met} not met, {missing} not reported"
            ).format(met=cell.met + cell.exempt, not_met=cell.not_met, missing=cell.missing)
            rows.append(
                f"<tr><td style='padding-right:8px'>{html.escape(cell.period)}</td>"
                f"<td style='color:{colour}'>"
                f"{SYMBOLS.get(cell.status, '')} {html.escape(vocab_label(cell.status))}</td></tr>"
            )
            if cell.status != "NOT_APPLICABLE":
                rows.append(
                    f"<tr><td></td><td style='color:#5f6368; font-size:small'>"
                    f"{html.escape(counts)}</td></tr>"
                )
        parts.append("<table cellspacing='0'>" + "".join(rows) + "</table>")
    return "".join(parts)


class HouseholdCompliancePanel(QWidget):
    def __init__(self, ctx: ServiceContext, *, periods: int = 3, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._periods = periods
        self._requested: tuple[str, str | None] | None = None
        self.data: HouseholdCompliance | None = None
        self.title_label = QLabel(self.tr("Household compliance"))
        self.title_label.setStyleSheet("color: #5f6368; font-weight: bold;")
        self.title_label.setWordWrap(True)
        self.body_label = QLabel(self.tr("Select a row to see its household's compliance."))
        self.body_label.setObjectName("compliance")
        self.body_label.setWordWrap(True)
        self.body_label.setTextFormat(Qt.TextFormat.RichText)
        self.body_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.body_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(scroll, 1)

    def load(self, household_ref: str, until: str | None = None) -> None:
        """Show ``household_ref``'s compliance for the months ending with ``until``."""
        key = (household_ref, until)
        self._requested = key
        ctx, periods, today = self._ctx, self._periods, self._ctx.today()
        tasks.submit(
            lambda: household_compliance(
                ctx.db,
                household_ref=household_ref,
                periods=periods,
                until=until,
                today=today,
                actor=ctx.actor,
            ),
            on_success=lambda data: self._on_loaded(key, data),
            on_failure=self._on_failed,
            pool_name=tasks.READS,
            name="household compliance",
            owner=self,
        )

    def _on_loaded(self, key: tuple[str, str | None], data: HouseholdCompliance) -> None:
        if key != self._requested:
            return
        self.data = data
        self.body_label.setText(compliance_html(data))

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            self.body_label.setText(html.escape(app_error_text(exc)))
        else:
            error_presenter.present(exc, self)
