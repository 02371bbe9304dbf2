"""The Payments area: programmes with their cycles, the district's payrolls, and a payroll's page.

The left side lists the programmes (type, amounts, active enrolments) with their payment
cycles, read only. The right side lists the payrolls, newest first, with programme, cycle,
status, number of payments and total (money in whole minor units, through the locale).
"Generate payroll" takes a programme and one of its cycles (and, for an HQ user, who has no
district of their own, the district) and runs in the write pool; the new payroll opens at once.
Opening a row shows its page (``PayrollDetail``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import Role
from app.errors import AppError
from app.services.context import ServiceContext
from app.services.options import Option, district_options
from app.services.payment_dto import CycleOut, PayrollRow, ProgrammeOut
from app.services.payroll import generate_payroll
from app.services.payroll_queries import list_cycles, list_payrolls, list_programmes
from app.ui import error_presenter, formatting, tasks
from app.ui.dialogs.print_options_dialog import ChoosePrintOptions, ask_print_options
from app.ui.itemmodels.record_table_model import RecordTableModel
from app.ui.labels import vocab_label
from app.ui.messages import app_error_text
from app.ui.views import payroll_render
from app.ui.views.payroll_detail import PayrollDetail
from app.ui.views.payroll_files import ChooseOpenPath, ChooseSavePath, ask_open_path, ask_save_path
from app.ui.views.payroll_render import make_table
from app.ui.widgets.field_errors import ERROR_STYLE

COL_PROGRAMME, COL_CYCLE, COL_STATUS, COL_COUNT, COL_TOTAL, COL_MAKER, COL_CREATED = range(7)
OPEN_CYCLES = ("ACTIVE", "PENDING")
SAMPLE_DAY = date(2026, 12, 28)  # a wide date, to size the dates column


class PaymentsView(QWidget):
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        choose_save_path: ChooseSavePath = ask_save_path,
        choose_open_path: ChooseOpenPath = ask_open_path,
        choose_print_options: ChoosePrintOptions = ask_print_options,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        # HQ has no district of its own: it picks the one a payroll is generated for.
        self._hq = ctx.actor is not None and ctx.actor.district_id is None
        self._districts: list[Option] = []
        self._programmes: list[ProgrammeOut] = []
        self._cycles: list[CycleOut] = []
        self._payrolls: list[PayrollRow] = []
        self.loads = 0  # finished loads (tests wait on it)

        self.programme_tree = QTreeWidget()
        self.programme_tree.setHeaderLabels(
            [self.tr("Programme or cycle"), self.tr("Details"), self.tr("Status")]
        )
        self.programme_tree.setRootIsDecorated(True)
        self.programme_tree.setUniformRowHeights(True)
        self.programme_tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree_header = self.programme_tree.header()
        # Codes are never cut: the first column follows its longest code; the details column
        # fits a cycle's dates (a programme's longer summary is elided, whole in its tooltip).
        tree_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        tree_header.setStretchLastSection(True)
        self.programme_tree.setIndentation(14)
        sample = payroll_render.period(SAMPLE_DAY, SAMPLE_DAY)
        self.programme_tree.setColumnWidth(1, self.fontMetrics().horizontalAdvance(sample) + 16)
        self.programme_tree.setMinimumWidth(300)

        self.programme_combo = QComboBox()
        self.programme_combo.setMinimumContentsLength(8)
        self.cycle_combo = QComboBox()
        self.cycle_combo.setMinimumContentsLength(13)
        self.cycle_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.district_label = QLabel(self.tr("District"))
        self.district_combo = QComboBox()
        self.district_combo.setObjectName("district")
        self.district_combo.setMinimumContentsLength(10)
        self.district_label.setVisible(self._hq)
        self.district_combo.setVisible(self._hq)
        self.generate_button = QPushButton(self.tr("Generate payroll"))
        actor = ctx.actor
        self._can_generate = actor is not None and actor.role != Role.VIEWER
        self.generate_label = QLabel()
        self.generate_label.setObjectName("generate_message")
        self.generate_label.setWordWrap(True)
        self.generate_label.hide()

        self.model = RecordTableModel(
            [
                self.tr("Programme"),
                self.tr("Cycle"),
                self.tr("Status"),
                self.tr("Payments"),
                self.tr("Total"),
                self.tr("Made by"),
                self.tr("Created"),
            ],
            right_aligned=(COL_COUNT, COL_TOTAL),
            parent=self,
        )
        self.table: QTableView = make_table(self.model)
        widths = {
            COL_PROGRAMME: 80,
            COL_CYCLE: 120,
            COL_STATUS: 125,
            COL_COUNT: 70,
            COL_TOTAL: 110,
            COL_MAKER: 70,
        }
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        # Two rows, so the French labels fit beside the programme tree at 1024 pixels.
        generate = QGridLayout()
        generate.addWidget(QLabel(self.tr("Programme")), 0, 0)
        generate.addWidget(self.programme_combo, 0, 1)
        generate.addWidget(QLabel(self.tr("Cycle")), 0, 2)
        generate.addWidget(self.cycle_combo, 0, 3)
        generate.addWidget(self.district_label, 1, 0)
        generate.addWidget(self.district_combo, 1, 1)
        generate.addWidget(self.generate_button, 1, 2, 1, 2, Qt.AlignmentFlag.AlignLeft)
        generate.setColumnStretch(4, 1)

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self._caption(self.tr("Programmes and cycles")))
        left_column.addWidget(self.programme_tree, 1)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self._caption(self.tr("Payrolls")))
        right_column.addLayout(generate)
        right_column.addWidget(self.generate_label)
        right_column.addWidget(self.table, 1)
        right_column.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        # The tree keeps most of its width on small screens; the payroll table scrolls.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 660])
        splitter.setChildrenCollapsible(False)

        list_page = QWidget()
        column = QVBoxLayout(list_page)
        column.setContentsMargins(12, 12, 12, 6)
        column.addWidget(splitter, 1)
        self.list_page = list_page

        self.detail = PayrollDetail(
            ctx,
            choose_save_path=choose_save_path,
            choose_open_path=choose_open_path,
            choose_print_options=choose_print_options,
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.programme_combo.currentIndexChanged.connect(lambda _i: self._fill_cycles())
        self.generate_button.clicked.connect(self.generate)
        self.table.activated.connect(self._on_table_activated)
        self.detail.back_requested.connect(self.show_list)
        self.detail.changed.connect(lambda _id: self.refresh())
        self._update_generate()

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold;")
        return label

    # --- loading -----------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        """Re-read on every visit to the area (a few small queries)."""
        super().showEvent(event)
        if not event.spontaneous() and self.stack.currentWidget() is self.list_page:
            self.refresh()

    def refresh(self) -> None:
        """Re-read programmes, cycles and payrolls (in a worker)."""
        ctx = self._ctx
        if ctx.actor is None:
            self.count_label.setText(self.tr("Sign in to see payments."))
            self.loads += 1
            return

        hq = self._hq

        def work() -> tuple[list[ProgrammeOut], list[CycleOut], list[PayrollRow], list[Option]]:
            districts = district_options(ctx.db) if hq else []
            return list_programmes(ctx), list_cycles(ctx), list_payrolls(ctx), districts

        tasks.submit(
            work,
            on_success=self._on_loaded,
            on_failure=self._on_load_failed,
            pool_name=tasks.READS,
            name="payrolls",
            owner=self,
        )

    def _on_loaded(
        self, result: tuple[list[ProgrammeOut], list[CycleOut], list[PayrollRow], list[Option]]
    ) -> None:
        self._programmes, self._cycles, self._payrolls, self._districts = result
        self._fill_tree()
        self._fill_programmes()
        self._fill_districts()
        self.model.set_rows(
            [
                (
                    r.programme_code,
                    r.cycle_code,
                    vocab_label(r.status),
                    formatting.number(r.payment_count),
                    formatting.money(r.total_amount, r.currency),
                    r.created_by or "",
                    formatting.short_date(r.created_at.date()),
                )
                for r in self._payrolls
            ],
            keys=[r.id for r in self._payrolls],
            tooltips=[f"{r.name} · {formatting.date_time(r.created_at)}" for r in self._payrolls],
        )
        if self._payrolls:
            self.count_label.setText(
                self.tr("{n} payroll(s)").format(n=formatting.number(len(self._payrolls)))
            )
        else:
            self.count_label.setText(self.tr("No payroll yet"))
        self.loads += 1

    def _on_load_failed(self, exc: BaseException) -> None:
        self.loads += 1
        if isinstance(exc, AppError):
            self.count_label.setText(app_error_text(exc))
        else:
            error_presenter.present(exc, self)

    def _fill_tree(self) -> None:
        payroll_render.fill_programme_tree(self, self._programmes, self._cycles)
        # Wide enough for the longest code, the dates and a short status ("En attente"); the
        # payroll table beside it scrolls instead.
        tree = self.programme_tree
        status = tree.fontMetrics().horizontalAdvance(vocab_label("PENDING")) + 24
        needed = tree.sizeHintForColumn(0) + tree.columnWidth(1) + status + 2 * tree.frameWidth()
        tree.setMinimumWidth(min(max(300, needed + 20), 520))

    def _fill_programmes(self) -> None:
        chosen = self.programme_combo.currentData()
        self.programme_combo.blockSignals(True)
        self.programme_combo.clear()
        for p in self._programmes:
            self.programme_combo.addItem(p.code, p.code)
            self.programme_combo.setItemData(
                self.programme_combo.count() - 1, p.name, Qt.ItemDataRole.ToolTipRole
            )
        self.programme_combo.setCurrentIndex(max(0, self.programme_combo.findData(chosen)))
        self.programme_combo.blockSignals(False)
        self._fill_cycles()

    def _fill_cycles(self) -> None:
        programme = self.programme_combo.currentData()
        chosen = self.cycle_combo.currentData()
        self.cycle_combo.clear()
        for c in self._cycles:
            if c.programme_code == programme and c.status in OPEN_CYCLES and not c.payroll_id:
                self.cycle_combo.addItem(c.code, c.code)
        self.cycle_combo.setCurrentIndex(max(0, self.cycle_combo.findData(chosen)))
        self._update_generate()

    def _fill_districts(self) -> None:
        if not self._hq:
            return
        chosen = self.district_combo.currentData()
        self.district_combo.clear()
        for d in self._districts:
            self.district_combo.addItem(f"{d.code} {d.name}", d.code)
        self.district_combo.setCurrentIndex(max(0, self.district_combo.findData(chosen)))
        self._update_generate()

    def _update_generate(self) -> None:
        ready = bool(self.programme_combo.currentData()) and bool(self.cycle_combo.currentData())
        if self._hq:
            ready = ready and bool(self.district_combo.currentData())
        self.generate_button.setEnabled(self._can_generate and ready)
        for combo in (self.programme_combo, self.cycle_combo, self.district_combo):
            combo.setEnabled(self._can_generate)
        if self._can_generate and not ready and self._programmes:
            self.generate_button.setToolTip(
                self.tr("No open cycle of this programme without a payroll.")
            )
        else:
            self.generate_button.setToolTip("")

    # --- actions -----------------------------------------------------------------------------

    def generate(self) -> None:
        """Generate the payroll of the chosen programme and cycle (in the write pool); HQ
        generates it for the chosen district."""
        programme, cycle = self.programme_combo.currentData(), self.cycle_combo.currentData()
        district = self.district_combo.currentData() if self._hq else None
        if not programme or not cycle:
            return
        ctx = self._ctx
        self.generate_button.setEnabled(False)
        self.generate_label.hide()
        self.generate_button.setText(self.tr("Generating…"))
        tasks.submit(
            lambda: generate_payroll(
                ctx, programme_code=programme, cycle_code=cycle, district_code=district
            ),
            on_success=self._on_generated,
            on_failure=self._on_generate_failed,
            pool_name=tasks.WRITES,
            name="generate payroll",
            owner=self,
        )

    def _on_generated(self, payroll_id: str) -> None:
        self.generate_button.setText(self.tr("Generate payroll"))
        self.refresh()
        self.open_payroll(payroll_id)

    def _on_generate_failed(self, exc: BaseException) -> None:
        self.generate_button.setText(self.tr("Generate payroll"))
        self._update_generate()
        if isinstance(exc, AppError):
            self.generate_label.setStyleSheet(ERROR_STYLE)
            self.generate_label.setText(app_error_text(exc))
            self.generate_label.show()
        else:
            error_presenter.present(exc, self)

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_page)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_payroll(self, payroll_id: str) -> None:
        self.detail.load(payroll_id)
        self.stack.setCurrentWidget(self.detail)

    def _on_table_activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._payrolls):
            self.open_payroll(self._payrolls[index.row()].id)

    @property
    def payrolls(self) -> list[PayrollRow]:
        return list(self._payrolls)
