"""Add a member (birth or arrival) or correct a member's details."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from app.domain.vocab import ArrivalReason, Relationship, Sex
from app.services.dto import MemberIn, MemberOut
from app.services.options import Option
from app.ui.dialogs.form_dialog import FormDialog, Save, choice_combo, date_edit, iso
from app.ui.labels import field_label, sex_label, vocab_label

ARRIVALS = (ArrivalReason.BIRTH, ArrivalReason.ARRIVAL)


def sex_combo(current: str | None = None) -> QComboBox:
    return choice_combo([(sex_label(s.value), s.value) for s in Sex], current)


def relationship_combo(current: str | None = None) -> QComboBox:
    return choice_combo([(vocab_label(r.value), r.value) for r in Relationship], current)


def service_point_combo(
    none_text: str, points: list[Option], code: str | None, name: str | None
) -> QComboBox:
    """``none_text`` (no school, no clinic) then the district's points; the member's current
    one is kept as a choice even when it is no longer listed, so an edit never drops it."""
    choices: list[tuple[str, str]] = [(none_text, "")]
    choices += [(f"{p.name} ({p.code})", p.code) for p in points]
    if code and all(p.code != code for p in points):
        choices.append((f"{name or code} ({code})", code))
    combo = choice_combo(choices, code or "")
    combo.setMaxVisibleItems(20)
    return combo


class MemberDialog(FormDialog):
    """New member: ``save((MemberIn, reason))``; existing member: ``save(changes: dict)``."""

    def __init__(
        self,
        save: Save,
        *,
        today: date,
        member: MemberOut | None = None,
        household_code: str = "",
        last_name: str = "",
        schools: list[Option] | None = None,
        health_facilities: list[Option] | None = None,
        parent=None,
    ) -> None:
        if member is None:
            title = self.tr("Add a member to {code}").format(code=household_code)
        else:
            title = self.tr("Edit {name}").format(name=f"{member.first_name} {member.last_name}")
        super().__init__(title, save, parent=parent)
        self._member = member
        self.reason_combo: QComboBox | None = None
        if member is None:
            self.reason_combo = choice_combo([(vocab_label(r.value), r.value) for r in ARRIVALS])
            self.reason_combo.setObjectName("reason")
            self.add_row("reason", self.tr("How they joined"), self.reason_combo)
        self.first_name_edit = QLineEdit(member.first_name if member else "")
        self.last_name_edit = QLineEdit(member.last_name if member else last_name)
        self.sex_combo = sex_combo(member.sex if member else None)
        self.birth_edit = date_edit(member.date_of_birth if member else None, latest=today)
        self.relationship_combo = relationship_combo(member.relationship if member else "SON")
        self.national_id_edit = QLineEdit((member.national_id or "") if member else "")
        self.phone_edit = QLineEdit((member.phone or "") if member else "")
        self.disability_check = QCheckBox(self.tr("Lives with a disability"))
        self.disability_check.setChecked(bool(member and member.disability))
        self.school_combo = service_point_combo(
            self.tr("No school"),
            schools or [],
            member.school_code if member else None,
            member.school if member else None,
        )
        self.health_facility_combo = service_point_combo(
            self.tr("No health facility"),
            health_facilities or [],
            member.health_facility_code if member else None,
            member.health_facility if member else None,
        )
        for name, widget in [
            ("first_name", self.first_name_edit),
            ("last_name", self.last_name_edit),
            ("sex", self.sex_combo),
            ("date_of_birth", self.birth_edit),
            ("relationship", self.relationship_combo),
            ("national_id", self.national_id_edit),
            ("phone", self.phone_edit),
            ("disability", self.disability_check),
            ("school_code", self.school_combo),
            ("health_facility_code", self.health_facility_combo),
        ]:
            widget.setObjectName(name)
            self.add_row(name, field_label(name), widget)
        self._initial = self._values()

    def _values(self) -> dict[str, Any]:
        return {
            "first_name": self.first_name_edit.text().strip(),
            "last_name": self.last_name_edit.text().strip(),
            "sex": self.sex_combo.currentData(),
            "date_of_birth": iso(self.birth_edit),
            "relationship": self.relationship_combo.currentData(),
            "national_id": self.national_id_edit.text().strip(),
            "phone": self.phone_edit.text().strip(),
            "disability": self.disability_check.isChecked(),
            "school_code": self.school_combo.currentData() or "",
            "health_facility_code": self.health_facility_combo.currentData() or "",
        }

    def collect(self) -> Any:
        values = self._values()
        if self._member is not None:
            return {k: v for k, v in values.items() if v != self._initial[k]}
        assert self.reason_combo is not None
        member = MemberIn(
            first_name=values["first_name"],
            last_name=values["last_name"],
            sex=values["sex"],
            date_of_birth=values["date_of_birth"],
            relationship=values["relationship"],
            national_id=values["national_id"] or None,
            phone=values["phone"] or None,
            disability=values["disability"],
            school_code=values["school_code"] or None,
            health_facility_code=values["health_facility_code"] or None,
        )
        return member, self.reason_combo.currentData()
