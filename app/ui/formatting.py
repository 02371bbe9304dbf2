"""Numbers and dates for display, always through the current QLocale (set from the language)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale


def number(value: int) -> str:
    return QLocale().toString(value)


def decimal(value: float | None, digits: int = 1) -> str:
    return "" if value is None else QLocale().toString(float(value), "f", digits)


def short_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def date_time(value: datetime | None) -> str:
    """A UTC-aware datetime shown in the laptop's local time."""
    if value is None:
        return ""
    moment = QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000)).toLocalTime()
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def money(value: int, currency: str = "") -> str:
    """Whole minor units of ``currency`` with the locale's group separators (``15,000 XOF``)."""
    return f"{QLocale().toString(int(value))} {currency}".strip()
