"""What the Payments area shows: the programme tree, and a payroll's header, totals and payments.

Split from ``payments_view`` and ``payroll_detail`` (one purpose a module): they call
``fill_programme_tree`` and ``render``; ``make_table`` and ``caption`` build the area's
read-only tables and captions.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QTreeWidgetItem

from app.services.payment_dto import CycleOut, PaymentRow, PayrollOut, ProgrammeOut
from app.ui import formatting
from app.ui.itemmodels.record_table_model import RecordTableModel
from app.ui.labels import vocab_label

if TYPE_CHECKING:
    from app.ui.views.payments_view import PaymentsView
    from app.ui.views.payroll_detail import PayrollDetail

CAPTION_COLOUR = "#5f6368"


def make_table(model: RecordTableModel) -> QTableView:
    """A read-only, one-row-selection table over ``model``."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setMinimumSectionSize(60)
    return table


def period(start: date, end: date) -> str:
    """``start – end`` in the locale's short format, the start without its year when both
    dates share it (``01/06 – 30/06/2026``): narrow enough for the programme tree."""
    if start.year != end.year:
        return f"{formatting.short_date(start)} – {formatting.short_date(end)}"
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    without_year = re.sub(r"[^dM]*y+[^dM]*", "", pattern) or pattern
    first = QLocale().toString(QDate(start.year, start.month, start.day), without_year)
    return f"{first} – {formatting.short_date(end)}"


def caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"color: {CAPTION_COLOUR}; font-weight: bold; margin-top: 4px;")
    return label


def render(view: PayrollDetail, page: PayrollOut, payments: list[PaymentRow]) -> None:
    row, currency = page.row, page.row.currency
    view.title_label.setText(row.name)
    view.status_label.setText(vocab_label(row.status))
    facts = [
        view.tr("Programme: {code} {name}").format(
            code=row.programme_code, name=page.programme_name
        ),
        view.tr("Cycle: {code} ({start} – {end})").format(
            code=row.cycle_code,
            start=formatting.short_date(page.cycle_start),
            end=formatting.short_date(page.cycle_end),
        ),
        view.tr("District: {code}").format(code=row.district_code),
        view.tr("Payments: {n}").format(n=formatting.number(row.payment_count)),
        view.tr("Total: {amount}").format(amount=formatting.money(row.total_amount, currency)),
        view.tr("Made by {user} on {when}").format(
            user=row.created_by or "?", when=formatting.date_time(row.created_at)
        ),
    ]
    if row.approved_at is not None:
        facts.append(
            view.tr("Approved by {user} on {when}").format(
                user=row.approved_by or "?", when=formatting.date_time(row.approved_at)
            )
        )
    if page.over_cap:
        facts.append(
            view.tr("{n} above the cap of {cap}").format(
                n=formatting.number(len(page.over_cap)),
                cap=formatting.money(page.cap_amount or 0, currency),
            )
        )
    view.facts_label.setText("  ·  ".join(facts))
    if row.rejection_reason:
        view.rejection_label.setText(
            view.tr("Rejected: {reason}").format(reason=row.rejection_reason)
        )
    view.rejection_label.setVisible(bool(row.rejection_reason))

    none = view.tr("(no pay point)")
    view.points_model.set_rows(
        [
            (
                f"{p.pay_point_code} {p.pay_point_name or ''}".strip()
                if p.pay_point_code
                else none,
                formatting.number(p.payments),
                formatting.money(p.amount, currency),
                formatting.number(p.paid),
                formatting.money(p.paid_amount, currency),
                formatting.number(p.unpaid),
                formatting.number(p.open),
            )
            for p in page.pay_points
        ]
    )
    chosen = view.pay_point_combo.currentData()
    view.pay_point_combo.clear()
    view.pay_point_combo.addItem(view.tr("All pay points"), None)
    for p in page.pay_points:
        if p.pay_point_code:
            view.pay_point_combo.addItem(
                f"{p.pay_point_code} {p.pay_point_name or ''}".strip(), p.pay_point_code
            )
    view.pay_point_combo.setCurrentIndex(max(0, view.pay_point_combo.findData(chosen)))

    selected = view.selected_payment()
    view.payments_model.set_rows(
        [
            (
                p.code,
                p.household_code,
                p.recipient_name,
                p.village_name,
                p.pay_point_code or "",
                formatting.money(p.amount, currency),
                vocab_label(p.status),
                p.receipt or p.unpaid_reason or "",
            )
            for p in payments
        ],
        keys=[p.id for p in payments],
    )
    if selected is not None:
        ids = [p.id for p in payments]
        if selected.id in ids:
            view.select_payment(ids.index(selected.id))
    view._update_actions()


def fill_programme_tree(
    view: PaymentsView, programmes: list[ProgrammeOut], cycles: list[CycleOut]
) -> None:
    """The programmes (amounts in the tooltip) with their cycles: dates, status, payroll."""
    view.programme_tree.clear()
    by_programme: dict[str, list[CycleOut]] = {}
    for cycle in cycles:
        by_programme.setdefault(cycle.programme_code, []).append(cycle)
    for p in programmes:
        details = view.tr("{amount} base · {n} active").format(
            amount=formatting.money(p.base_amount, p.currency),
            n=formatting.number(p.active_enrolments),
        )
        item = QTreeWidgetItem([p.code, details, vocab_label(p.type)])
        item.setToolTip(2, vocab_label(p.type))
        tip = [p.name, vocab_label(p.frequency)]
        if p.cap_amount is not None:
            tip.append(
                view.tr("Cap: {amount}").format(amount=formatting.money(p.cap_amount, p.currency))
            )
        for t in p.top_ups:
            tip.append(
                view.tr("Top-up {criterion}: {amount}").format(
                    criterion=vocab_label(t.criterion),
                    amount=formatting.money(t.amount, p.currency),
                )
            )
        if p.deduction_per_unmet:
            tip.append(
                view.tr("Per unmet condition: −{amount}").format(
                    amount=formatting.money(p.deduction_per_unmet, p.currency)
                )
            )
        item.setToolTip(0, "\n".join(tip))
        item.setToolTip(1, "\n".join(tip))
        for c in by_programme.get(p.code, []):
            dates = period(c.start_date, c.end_date)
            status = vocab_label(c.status)
            if c.payroll_status:
                status += " · " + vocab_label(c.payroll_status)
            child = QTreeWidgetItem([c.code, dates, status])
            child.setData(0, Qt.ItemDataRole.UserRole, c.payroll_id)
            for column in range(3):
                child.setToolTip(column, f"{c.code}\n{dates}\n{status}")
            item.addChild(child)
        view.programme_tree.addTopLevelItem(item)
        item.setExpanded(True)
