"""Another registry's list as CSV: flexible headers, two date formats, names made comparable.

Headers are matched case-insensitively, ignoring accents, spaces and dashes, with common
aliases (``NIN``, ``prénom``, ``date_of_birth``, ``date de décès``...). A list needs the national
ID column, or the names (first and last, or one full-name column) and the date of birth.
Dates are ISO (``1980-03-02``) or day first (``02/03/1980``, ``02-03-1980``, ``02.03.1980``).
Any other column is kept as it is, so the reviewer sees everything the other registry said.
A malformed file is refused as a whole (``ValidationFailed`` naming up to 20 lines).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.errors import FieldError, ValidationFailed

#: Canonical column -> accepted header spellings (already normalised by ``_header_key``).
ALIASES: dict[str, tuple[str, ...]] = {
    "national_id": (
        "national_id", "nationalid", "nin", "nid", "national_id_number", "id_number", "idnumber",
        "cni", "numero_cni", "id_national", "numero_national",
    ),
    "first_name": ("first_name", "firstname", "given_name", "given_names", "prenom", "prenoms"),
    "last_name": ("last_name", "lastname", "surname", "family_name", "nom", "nom_de_famille"),
    "full_name": ("full_name", "fullname", "name", "nom_complet", "prenom_et_nom"),
    "dob": (
        "dob", "date_of_birth", "birth_date", "birthdate", "born", "date_naissance",
        "date_de_naissance",
    ),
    "date_of_death": (
        "date_of_death", "dod", "death_date", "deceased_on", "date_deces", "date_de_deces",
    ),
}  # fmt: skip
MAX_REPORTED = 20
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class ExternalRecord:
    """One person of the other registry's list (``line`` is the file's line number)."""

    line: int
    national_id: str | None
    first_name: str
    last_name: str
    dob: date | None
    date_of_death: date | None
    extras: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def as_json(self) -> dict[str, object]:
        """What a match keeps of the record (``external``)."""
        data: dict[str, object] = {
            "line": self.line,
            "national_id": self.national_id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "dob": self.dob.isoformat() if self.dob else None,
        }
        if self.date_of_death:
            data["date_of_death"] = self.date_of_death.isoformat()
        if self.extras:
            data["extras"] = dict(self.extras)
        return data


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalise_name(text: str) -> str:
    """Casefolded, without accents or punctuation, single spaces: ``Mamé-Diarra  N'Diaye``
    becomes ``mame diarra n diaye``."""
    return " ".join(_NOT_ALNUM.sub(" ", strip_accents(text).casefold()).split())


def normalise_national_id(text: str | None) -> str | None:
    """Upper case without spaces, dashes or dots; None when empty."""
    clean = re.sub(r"[\s.\-/]", "", text or "").upper()
    return clean or None


def parse_external_date(text: str) -> date | None:
    """ISO or day-first date; None when the text is not one."""
    value = text.strip()
    iso = _ISO.match(value)
    parts: tuple[str, str, str] | None = None
    if iso:
        parts = (iso.group(1), iso.group(2), iso.group(3))
    else:
        day_first = _DAY_FIRST.match(value)
        if day_first:
            parts = (day_first.group(3), day_first.group(2), day_first.group(1))
    if parts is None:
        return None
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def _header_key(header: str) -> str:
    return "_".join(_NOT_ALNUM.sub(" ", strip_accents(header.strip()).casefold()).split())


def _columns(headers: list[str]) -> dict[str, int]:
    """Canonical column -> position, for the headers the file has."""
    found: dict[str, int] = {}
    for position, header in enumerate(headers):
        key = _header_key(header)
        for canonical, spellings in ALIASES.items():
            if key in spellings and canonical not in found:
                found[canonical] = position
    return found


def _read_text(path: Path) -> str:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ValidationFailed([FieldError("file", "FILE_UNREADABLE", {"error": reason})]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationFailed([FieldError("file", "FILE_NOT_UTF8")]) from None


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    first = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(first, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def read_external_list(path: Path) -> list[ExternalRecord]:
    """Every person of the list, or ``ValidationFailed`` for a malformed file (nothing kept)."""
    text = _read_text(path)
    rows = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    try:
        headers = next(rows, None)
        if not headers or not any(h.strip() for h in headers):
            raise ValidationFailed([FieldError("file", "NO_ROWS")])
        cols = _columns(headers)
        has_names = ("first_name" in cols and "last_name" in cols) or "full_name" in cols
        if "national_id" not in cols and not (has_names and "dob" in cols):
            raise ValidationFailed(
                [FieldError("file", "COLUMNS_MISSING", {"columns": "national_id | names, dob"})]
            )
        known = set(cols.values())
        extras = [(i, h.strip()) for i, h in enumerate(headers) if i not in known and h.strip()]
        records: list[ExternalRecord] = []
        problems: list[FieldError] = []
        for values in rows:
            if not any(v.strip() for v in values):
                continue
            line = rows.line_num
            if len(values) != len(headers):
                problems.append(
                    FieldError(
                        "file",
                        "CSV_ROW_WIDTH",
                        {"line": line, "expected": len(headers), "found": len(values)},
                    )
                )
                continue
            record = _record(line, values, cols, extras, problems)
            if record is not None:
                records.append(record)
    except csv.Error as exc:
        raise ValidationFailed(
            [FieldError("file", "FILE_UNREADABLE", {"error": str(exc)})]
        ) from None
    if problems:
        raise ValidationFailed(problems[:MAX_REPORTED])
    if not records:
        raise ValidationFailed([FieldError("file", "NO_ROWS")])
    return records


def _record(
    line: int,
    values: list[str],
    cols: dict[str, int],
    extras: list[tuple[int, str]],
    problems: list[FieldError],
) -> ExternalRecord | None:
    def cell(name: str) -> str:
        return values[cols[name]].strip() if name in cols else ""

    dates: dict[str, date | None] = {}
    for name in ("dob", "date_of_death"):
        raw = cell(name)
        dates[name] = parse_external_date(raw) if raw else None
        if raw and dates[name] is None:
            problems.append(
                FieldError("file", "CSV_BAD_DATE", {"line": line, "column": name, "value": raw})
            )
    first, last = cell("first_name"), cell("last_name")
    if not (first or last) and cell("full_name"):
        first = cell("full_name")
    national_id = normalise_national_id(cell("national_id"))
    if national_id is None and not ((first or last) and cell("dob")):
        problems.append(FieldError("file", "CSV_ROW_INCOMPLETE", {"line": line}))
        return None
    return ExternalRecord(
        line,
        national_id,
        first,
        last,
        dates["dob"],
        dates["date_of_death"],
        {header: values[i].strip() for i, header in extras if values[i].strip()},
    )
