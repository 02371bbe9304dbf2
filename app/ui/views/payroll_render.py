"""The payroll page's content: header, totals per pay point and the payments table.

Split from ``payroll_detail`` (one purpose a module); ``PayrollDetail._render`` calls it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.payment_dto import PaymentRow, PayrollOut
from app.ui import formatting
from app.ui.labels import vocab_label

if TYPE_CHECKING:
    from app.ui.views.payroll_detail import PayrollDetail


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
