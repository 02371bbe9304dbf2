"""The chosen case in the Cases area: facts, findings, decision, actions and their buttons."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import CaseStatus, Role
from app.services.case_queries import ActionOut, CaseOut
from app.services.case_rules import CorrectiveActionKind as A
from app.services.context import ServiceContext
from app.ui import formatting
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.itemmodels.record_table_model import RecordTableModel
from app.ui.labels import vocab_label
from app.ui.widgets.field_errors import error_label

CAPTION = "color: #5f6368;"
PENDING_STYLE = "color: #8a5300; font-weight: bold;"
# Worded here, not in the shared vocabulary: in French a case (dossier) and an action (action
# corrective) each need their statuses to agree with them.
STATUSES: dict[str, str] = {
    "OPEN": QT_TRANSLATE_NOOP("CaseDetail", "Open"),
    "INVESTIGATING": QT_TRANSLATE_NOOP("CaseDetail", "Investigating"),
    "DECIDED": QT_TRANSLATE_NOOP("CaseDetail", "Decided"),
    "CLOSED": QT_TRANSLATE_NOOP("CaseDetail", "Closed"),
    "PROPOSED": QT_TRANSLATE_NOOP("CaseDetail", "Proposed"),
    "PENDING_APPROVAL": QT_TRANSLATE_NOOP("CaseDetail", "Pending approval"),
    "APPLIED": QT_TRANSLATE_NOOP("CaseDetail", "Applied"),
    "REJECTED": QT_TRANSLATE_NOOP("CaseDetail", "Rejected"),
}


def status_label(status: str) -> str:
    """A case's or a corrective action's status as words."""
    source = STATUSES.get(status)
    return QCoreApplication.translate("CaseDetail", source) if source else vocab_label(status)


def make_table(model: RecordTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class CaseDetail(QWidget):
    """Shows one ``CaseOut``; its buttons are wired by ``CasesView``."""

    def __init__(self, ctx: ServiceContext, parent=None) -> None:
        super().__init__(parent)
        actor = ctx.actor
        self._writable = actor is not None and actor.role != Role.VIEWER
        self._decider = actor is not None and actor.role in (Role.SUPERVISOR, Role.HQ_ADMIN)
        self.page: CaseOut | None = None
        self._build()
        self.show_case(None)

    def _build(self) -> None:
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setStyleSheet(
            "font-weight: bold; padding: 2px 6px; border: 1px solid palette(mid);"
            " border-radius: 3px;"
        )
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.status_label)

        self.facts: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        rows = [
            ("household", self.tr("Household")),
            ("payment", self.tr("Payment")),
            ("opened", self.tr("Opened")),
            ("decision", self.tr("Decision")),
            ("decision_note", self.tr("Decision note")),
        ]
        for i, (key, caption) in enumerate(rows):
            label = QLabel(caption)
            label.setStyleSheet(CAPTION)
            value = QLabel()
            value.setObjectName(key)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[key] = value
            grid.addWidget(label, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, i, 1)
        grid.setColumnStretch(1, 1)

        self.findings_view = QTextBrowser()
        self.findings_view.setObjectName("findings")
        self.actions_model = RecordTableModel(
            [
                self.tr("Action"),
                self.tr("Details"),
                self.tr("Status"),
                self.tr("Proposed by"),
                self.tr("Checked by"),
            ],
            parent=self,
        )
        self.actions_table = make_table(self.actions_model)
        # The details column takes what is left (elided, whole in the tooltip); the others fit.
        actions_header = self.actions_table.horizontalHeader()
        actions_header.setStretchLastSection(False)
        actions_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.actions_table.setMinimumHeight(self.fontMetrics().height() * 6)

        self.findings_button = QPushButton(self.tr("Add findings…"))
        self.decide_button = QPushButton(self.tr("Decide…"))
        self.decide_button.setVisible(self._decider)
        self.action_button = QPushButton(self.tr("Corrective action…"))
        self.close_button = QPushButton(self.tr("Close case"))
        buttons = QHBoxLayout()
        for button in (
            self.findings_button,
            self.decide_button,
            self.action_button,
            self.close_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(CAPTION)
        self.error_label = error_label()

        column = QVBoxLayout(self)
        column.setContentsMargins(6, 0, 0, 0)
        column.addLayout(top)
        column.addLayout(grid)
        column.addWidget(self._caption(self.tr("Findings")))
        column.addWidget(self.findings_view, 2)
        column.addWidget(self._caption(self.tr("Corrective actions")))
        column.addWidget(self.actions_table, 1)
        column.addLayout(buttons)
        column.addWidget(self.hint_label)
        column.addWidget(self.error_label)

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet(f"{CAPTION} font-weight: bold; margin-top: 6px;")
        return label

    # --- rendering ---------------------------------------------------------------------------

    def show_case(self, page: CaseOut | None) -> None:
        self.page = page
        if page is None:
            self.title_label.setText(self.tr("No case chosen"))
            self.status_label.hide()
            for value in self.facts.values():
                value.clear()
            self.findings_view.clear()
            self.actions_model.set_rows([])
            self._update_buttons()
            return
        self.title_label.setText(f"{page.code} · {vocab_label(page.type)}")
        self.status_label.setText(status_label(page.status))
        self.status_label.show()
        facts = self.facts
        facts["household"].setText(f"{page.household_code or ''} · {page.head_name or ''}")
        if page.payment_code and page.payment_amount is not None:
            amount = formatting.money(page.payment_amount, page.currency)
            facts["payment"].setText(f"{page.payment_code} · {amount}")
        else:
            facts["payment"].setText(self.tr("None"))
        facts["opened"].setText(
            self.tr("{date} by {user}").format(
                date=formatting.date_time(page.opened_at), user=page.opened_by or "-"
            )
        )
        if page.decision:
            facts["decision"].setText(
                self.tr("{decision}, by {user}").format(
                    decision=vocab_label(page.decision), user=page.decided_by or "-"
                )
            )
        else:
            facts["decision"].setText(self.tr("Not decided yet"))
        facts["decision_note"].setText(page.decision_note)
        self.findings_view.setHtml(self._findings_html(page.findings))
        self.actions_model.set_rows(
            [self._action_cells(a, page.currency) for a in page.actions],
            keys=[a.id for a in page.actions],
            tooltips=[a.decision_note or None for a in page.actions],
        )
        self._update_buttons()

    def _findings_html(self, findings: str) -> str:
        if not findings:
            return f"<p style='{CAPTION}'>{html.escape(self.tr('No findings yet.'))}</p>"
        parts = []
        for paragraph in findings.split("\n\n"):
            head, sep, body = paragraph.partition("] ")
            if paragraph.startswith("[") and sep:
                parts.append(
                    f"<p style='margin-bottom:2px; {CAPTION}'>{html.escape(head[1:])}</p>"
                    f"<p style='margin-top:0'>{html.escape(body).replace(chr(10), '<br>')}</p>"
                )
            else:
                parts.append(f"<p>{html.escape(paragraph)}</p>")
        return "".join(parts)

    def _action_cells(self, action: ActionOut, currency: str) -> tuple[str, ...]:
        p = action.params
        if action.action in (A.ADJUST_BENEFIT, A.RECOVER_OVERPAYMENT):
            details = formatting.money(action.amount or 0, currency)
        elif action.action == A.EXIT:
            details = vocab_label(str(p.get("reason", "")))
        elif action.action == A.CHANGE_PAY_POINT:
            details = str(p.get("pay_point_code", ""))
        elif action.action == A.CHANGE_ACCOUNT:
            parts = (
                vocab_label(str(p.get("method", ""))),
                p.get("provider"),
                p.get("account_number"),
            )
            details = " · ".join(str(x) for x in parts if x)
        else:
            details = ""
        return (
            vocab_label(action.action),
            details,
            status_label(action.status),
            action.maker or "",
            action.checker or "",
        )

    def _update_buttons(self) -> None:
        page = self.page
        status = page.status if page else ""
        self.findings_button.setEnabled(
            self._writable and status in (CaseStatus.OPEN, CaseStatus.INVESTIGATING)
        )
        self.decide_button.setEnabled(page is not None and page.can_decide)
        self.action_button.setEnabled(self._writable and page is not None and page.can_act)
        waiting = page is not None and any(a.status == "PENDING_APPROVAL" for a in page.actions)
        self.close_button.setEnabled(
            self._writable and status == CaseStatus.DECIDED and not waiting
        )
        if page is None:
            hint = ""
        elif waiting:
            hint = self.tr("Actions pending approval: a supervisor approves or rejects them.")
        elif status in (CaseStatus.OPEN, CaseStatus.INVESTIGATING) and not self._decider:
            hint = self.tr("A supervisor decides the case once the findings are in.")
        else:
            hint = ""
        self.hint_label.setText(hint)
        self.hint_label.setStyleSheet(PENDING_STYLE if waiting else CAPTION)
        self.hint_label.setVisible(bool(hint))
