"""Edit a household's plain details: address, landmark, phone, GPS position, PMT score."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit

from app.services.dto import HouseholdOut
from app.ui import formatting
from app.ui.dialogs.form_dialog import FormDialog, Save
from app.ui.labels import field_label


def gps_text(lat: float | None, lon: float | None) -> str:
    return "" if lat is None or lon is None else f"{lat:.6f},{lon:.6f}"


class HouseholdDetailsDialog(FormDialog):
    """``save(changes: dict)`` gets only the fields that changed (``update_household``)."""

    def __init__(self, household: HouseholdOut, save: Save, parent=None) -> None:
        super().__init__(
            self.tr("Edit household {code}").format(code=household.code), save, parent=parent
        )
        self._initial = {
            "address": household.address or "",
            "landmark": household.landmark or "",
            "phone": household.phone or "",
            "gps": gps_text(household.gps_lat, household.gps_lon),
            "pmt_score": ""
            if household.pmt_score is None
            else formatting.decimal(household.pmt_score, 2),
        }
        self.edits: dict[str, QLineEdit] = {}
        for name, value in self._initial.items():
            edit = QLineEdit(value)
            edit.setObjectName(name)
            self.edits[name] = edit
            self.add_row(name, field_label(name), edit)
        self.edits["phone"].setPlaceholderText("+221771234567")
        self.edits["gps"].setPlaceholderText(self.tr("latitude,longitude, e.g. 12.88,-14.95"))
        for name in ("gps_lat", "gps_lon"):
            self.alias(name, "gps")

    def collect(self) -> dict[str, Any]:
        changes: dict[str, Any] = {}
        for name, edit in self.edits.items():
            text = edit.text().strip()
            if text != self._initial[name]:
                changes[name] = text.replace(",", ".") if name == "pmt_score" else text
        return changes
