"""Field validators that collect ``FieldError`` codes instead of raising one at a time."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Any

from app.errors import FieldError, ValidationFailed

PHONE_RE = re.compile(r"^\+?[0-9]{6,15}$")
NATIONAL_ID_RE = re.compile(r"^[A-Za-z0-9-]{4,40}$")


class Errors:
    """Accumulates field errors; ``raise_if_any`` ends validation before anything is written."""

    def __init__(self) -> None:
        self.items: list[FieldError] = []

    def add(self, field: str, code: str, **params: Any) -> None:
        self.items.append(FieldError(field, code, params))

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationFailed(self.items)

    def required_text(self, field: str, value: str | None, *, max_len: int) -> str:
        text = (value or "").strip()
        if not text:
            self.add(field, "REQUIRED")
        elif len(text) > max_len:
            self.add(field, "TOO_LONG", max=max_len)
        return text

    def optional_text(self, field: str, value: str | None, *, max_len: int) -> str:
        text = (value or "").strip()
        if len(text) > max_len:
            self.add(field, "TOO_LONG", max=max_len)
        return text

    def phone(self, field: str, value: str | None) -> str | None:
        text = (value or "").strip().replace(" ", "")
        if not text:
            return None
        if not PHONE_RE.match(text):
            self.add(field, "INVALID_PHONE")
        return text

    def national_id(self, field: str, value: str | None) -> str | None:
        text = (value or "").strip()
        if not text:
            return None
        if not NATIONAL_ID_RE.match(text):
            self.add(field, "INVALID_NATIONAL_ID")
        return text

    def enum(self, field: str, value: str | None, kind: type[StrEnum]) -> str:
        text = (value or "").strip().upper() if value else ""
        allowed = {m.value.upper(): m.value for m in kind}
        if text not in allowed:
            self.add(field, "INVALID_CHOICE", allowed=", ".join(m.value for m in kind))
            return text
        return allowed[text]

    def past_date(
        self, field: str, value: date | str | None, *, today: date, required: bool = True
    ) -> date | None:
        parsed = parse_date(value)
        if parsed is None:
            if value not in (None, "") or required:
                self.add(field, "INVALID_DATE" if value not in (None, "") else "REQUIRED")
            return None
        if parsed > today:
            self.add(field, "DATE_IN_FUTURE")
        elif parsed.year < 1900:
            self.add(field, "DATE_TOO_OLD")
        return parsed

    def gps(self, lat: float | None, lon: float | None) -> None:
        if (lat is None) != (lon is None):
            self.add("gps", "GPS_INCOMPLETE")
        if lat is not None and not -90 <= lat <= 90:
            self.add("gps", "GPS_OUT_OF_RANGE")
        if lon is not None and not -180 <= lon <= 180:
            self.add("gps", "GPS_OUT_OF_RANGE")


def parse_date(value: date | str | None) -> date | None:
    """A ``date`` from a date or ISO text; None when empty or unparseable."""
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def parse_gps(text: str) -> tuple[float, float]:
    """Parse ``"lat,lon"``; raises ``ValidationFailed`` with GPS_INVALID otherwise."""
    try:
        lat_s, lon_s = text.split(",")
        return float(lat_s), float(lon_s)
    except ValueError:
        raise ValidationFailed([FieldError("gps", "GPS_INVALID")]) from None
