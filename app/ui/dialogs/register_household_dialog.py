"""Register a new household: where it lives, and its members with head and recipients."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from app.errors import FieldError, ValidationFailed
from app.services.dto import HouseholdIn, MemberIn
from app.services.options import Option
from app.services.validation import parse_gps
from app.ui.dialogs.form_dialog import FormDialog, Save, date_edit, error_label, iso
from app.ui.dialogs.member_dialog import relationship_combo, sex_combo
from app.ui.dialogs.move_dialog import combo_code, village_combo
from app.ui.labels import field_label
from app.ui.messages import field_error_text

_MEMBER_FIELD = re.compile(r"^members\[(\d+)\]\.(.+)$")
COLUMNS = [
    "first_name",
    "last_name",
    "sex",
    "date_of_birth",
    "relationship",
    "national_id",
    "phone",
]


class MemberRow:
    """The inputs of one member line; ``error_label`` sits under the line."""

    def __init__(self, today: date, *, relationship: str, last_name: str = "") -> None:
        self.first_name_edit = QLineEdit()
        self.last_name_edit = QLineEdit(last_name)
        self.sex_combo = sex_combo()
        self.birth_edit: QDateEdit = date_edit(date(1990, 1, 1), latest=today)
        self.relationship_combo = relationship_combo(relationship)
        self.national_id_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.head_radio = QRadioButton()
        self.primary_radio = QRadioButton()
        self.secondary_check = QCheckBox()
        self.remove_button = QPushButton("✕")
        self.remove_button.setFixedWidth(32)
        self.error_label = error_label()

    def widgets(self) -> list[QWidget]:
        return [
            self.first_name_edit,
            self.last_name_edit,
            self.sex_combo,
            self.birth_edit,
            self.relationship_combo,
            self.national_id_edit,
            self.phone_edit,
        ]

    def value(self) -> MemberIn:
        return MemberIn(
            first_name=self.first_name_edit.text().strip(),
            last_name=self.last_name_edit.text().strip(),
            sex=self.sex_combo.currentData(),
            date_of_birth=iso(self.birth_edit),
            relationship=self.relationship_combo.currentData(),
            national_id=self.national_id_edit.text().strip() or None,
            phone=self.phone_edit.text().strip() or None,
        )


class RegisterHouseholdDialog(FormDialog):
    """``save(HouseholdIn)`` -> the new household's id."""

    def __init__(self, villages: list[Option], save: Save, *, today: date, parent=None) -> None:
        super().__init__(self.tr("Register a household"), save, parent=parent)
        self.setMinimumWidth(1100)
        self.resize(1180, 640)
        self._today = today
        self.village_combo = village_combo(villages)
        self.address_edit = QLineEdit()
        self.landmark_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText("+221771234567")
        self.gps_edit = QLineEdit()
        self.gps_edit.setPlaceholderText(self.tr("latitude,longitude, e.g. 12.88,-14.95"))
        self.pmt_edit = QLineEdit()
        for name, widget in [
            ("village", self.village_combo),
            ("address", self.address_edit),
            ("landmark", self.landmark_edit),
            ("phone", self.phone_edit),
            ("gps", self.gps_edit),
            ("pmt_score", self.pmt_edit),
        ]:
            widget.setObjectName(name)
            self.add_row(name, field_label(name), widget)

        self.members_caption = QLabel(self.tr("Members"))
        font = self.members_caption.font()
        font.setBold(True)
        self.members_caption.setFont(font)
        self.members_error_label = error_label()
        self.members_error_label.setObjectName("error_members")
        for name in ("members", "head", "primary_recipient", "secondary_recipient"):
            self.add_error_target(name, self.members_error_label)
        self.add_member_button = QPushButton(self.tr("Add a member"))
        self.add_member_button.clicked.connect(self._on_add_member_clicked)
        self.rows: list[MemberRow] = []
        self._head_group = QButtonGroup(self)
        self._primary_group = QButtonGroup(self)
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(2)
        headers = [field_label(c) for c in COLUMNS] + [
            self.tr("Head"),
            self.tr("Primary\nrecipient"),
            self.tr("Secondary\nrecipient"),
        ]
        for column, text in enumerate(headers):
            header = QLabel(text)
            header.setStyleSheet("color: #5f6368;")
            self._grid.addWidget(header, 0, column)
        self._grid.setColumnStretch(0, 2)
        self._grid.setColumnStretch(1, 2)
        self._grid.setColumnStretch(5, 2)
        self._grid.setColumnStretch(6, 2)
        self._grid.setRowStretch(999, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._grid_host)
        scroll.setMinimumHeight(220)

        top = QHBoxLayout()
        top.addWidget(self.members_caption)
        top.addStretch(1)
        top.addWidget(self.add_member_button)
        # The members grid takes the spare height instead of the form's trailing stretch.
        stretch = self.body.takeAt(self.body.indexOf(self.buttons) - 1)
        del stretch
        index = self.body.indexOf(self.buttons)
        self.body.insertLayout(index, top)
        self.body.insertWidget(index + 1, self.members_error_label)
        self.body.insertWidget(index + 2, scroll, 1)
        self.add_member("HEAD")
        self.rows[0].head_radio.setChecked(True)
        self.rows[0].primary_radio.setChecked(True)

    # --- members -----------------------------------------------------------------------------

    def add_member(self, relationship: str = "SON") -> MemberRow:
        last = self.rows[0].last_name_edit.text().strip() if self.rows else ""
        row = MemberRow(self._today, relationship=relationship, last_name=last)
        self.rows.append(row)
        self._head_group.addButton(row.head_radio)
        self._primary_group.addButton(row.primary_radio)
        row.secondary_check.toggled.connect(lambda on, r=row: self._on_secondary_toggled(r, on))
        row.remove_button.clicked.connect(lambda _=False, r=row: self._remove(r))
        self._relayout()
        return row

    def _on_add_member_clicked(self) -> None:
        row = self.add_member()
        row.first_name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_secondary_toggled(self, row: MemberRow, on: bool) -> None:
        if on:  # at most one secondary recipient
            for other in self.rows:
                if other is not row:
                    other.secondary_check.setChecked(False)

    def _remove(self, row: MemberRow) -> None:
        if len(self.rows) == 1:
            return
        self.rows.remove(row)
        for widget in [
            *row.widgets(),
            row.head_radio,
            row.primary_radio,
            row.secondary_check,
            row.remove_button,
            row.error_label,
        ]:
            self._grid.removeWidget(widget)
            widget.deleteLater()
        if self._head_group.checkedButton() is None:
            self.rows[0].head_radio.setChecked(True)
        if self._primary_group.checkedButton() is None:
            self.rows[0].primary_radio.setChecked(True)
        self._relayout()

    def _relayout(self) -> None:
        for n, row in enumerate(self.rows):
            line = 1 + 2 * n
            for column, widget in enumerate(
                [
                    *row.widgets(),
                    row.head_radio,
                    row.primary_radio,
                    row.secondary_check,
                    row.remove_button,
                ]
            ):
                align = Qt.AlignmentFlag.AlignCenter if column >= 7 else Qt.AlignmentFlag(0)
                self._grid.addWidget(widget, line, column, align)
            self._grid.addWidget(row.error_label, line + 1, 0, 1, len(COLUMNS) + 4)
            row.remove_button.setEnabled(len(self.rows) > 1)
            row.remove_button.setToolTip(self.tr("Remove this member"))

    # --- saving ------------------------------------------------------------------------------

    def _index_of(self, button: QAbstractButton | None, attr: str) -> int | None:
        for n, row in enumerate(self.rows):
            if getattr(row, attr) is button and button is not None:
                return n
        return None

    def collect(self) -> HouseholdIn:
        errors: list[FieldError] = []
        lat = lon = None
        if self.gps_edit.text().strip():
            try:
                lat, lon = parse_gps(self.gps_edit.text().strip())
            except ValidationFailed as exc:
                errors.extend(exc.errors)
        pmt = None
        if self.pmt_edit.text().strip():
            try:
                pmt = float(self.pmt_edit.text().strip().replace(",", "."))
            except ValueError:
                errors.append(FieldError("pmt_score", "NOT_A_NUMBER"))
        if errors:
            raise ValidationFailed(errors)
        secondary = next(
            (n for n, r in enumerate(self.rows) if r.secondary_check.isChecked()), None
        )
        return HouseholdIn(
            village_code=combo_code(self.village_combo),
            members=[row.value() for row in self.rows],
            address=self.address_edit.text().strip(),
            landmark=self.landmark_edit.text().strip(),
            phone=self.phone_edit.text().strip() or None,
            gps_lat=lat,
            gps_lon=lon,
            pmt_score=pmt,
            head_index=self._index_of(self._head_group.checkedButton(), "head_radio") or 0,
            primary_recipient_index=self._index_of(
                self._primary_group.checkedButton(), "primary_radio"
            ),
            secondary_recipient_index=secondary,
        )

    def show_errors(self, exc: ValidationFailed) -> None:
        by_row: dict[int, list[str]] = {}
        rest = []
        for error in exc.errors:
            match = _MEMBER_FIELD.match(error.field)
            if match and int(match.group(1)) < len(self.rows):
                by_row.setdefault(int(match.group(1)), []).append(field_error_text(error))
            else:
                rest.append(error)
        super().show_errors(ValidationFailed(rest))
        for n, row in enumerate(self.rows):
            row.error_label.setText("\n".join(by_row.get(n, [])))
            row.error_label.setVisible(n in by_row)

    def clear_errors(self) -> None:
        super().clear_errors()
        for row in self.rows:
            row.error_label.clear()
            row.error_label.hide()

    def member_error(self, index: int) -> str:
        label = self.rows[index].error_label
        return label.text() if not label.isHidden() else ""
