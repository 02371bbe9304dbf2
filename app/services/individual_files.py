"""Tables in files for the individual upload: read and write CSV (UTF-8) or XLSX, by extension.

Reading gives a header (names stripped and lower-cased, as openIMIS matches them) and the
non-blank rows as text, each with the row number a spreadsheet shows (the header is row 1).
File-level problems raise ``ValidationFailed`` with one ``FieldError("file", code)``; nothing
else is known about the rows then. Writing goes through a temporary file and a rename, so an
interrupted export never leaves half a file where a good one was.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.errors import FieldError, ValidationFailed

CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class Table:
    """A file's header and its non-blank rows as ``(row number, {column: text})``."""

    header: list[str]
    rows: list[tuple[int, dict[str, str]]]


def _fail(code: str, **params: Any) -> ValidationFailed:
    return ValidationFailed([FieldError("file", code, params)])


def file_kind(path: Path) -> str:
    """``"csv"`` or ``"xlsx"`` from the file name; anything else is refused."""
    suffix = Path(path).suffix.lower()
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    raise _fail("FILE_TYPE_UNSUPPORTED", value=suffix or Path(path).name)


def read_table(path: Path) -> Table:
    """The header and rows of a CSV or XLSX file (first sheet)."""
    path = Path(path)
    lines = _read_xlsx(path) if file_kind(path) == "xlsx" else _read_csv(path)
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for number, cells in lines:
        if not any(cells):
            continue  # blank lines keep their number but are no row
        if header is None:
            header = [c.strip().lower() for c in cells]
            twice = sorted({c for c in header if c and header.count(c) > 1})
            if twice:
                raise _fail("COLUMN_TWICE", columns=", ".join(twice))
            continue
        row = {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(header) if name}
        rows.append((number, row))
    if header is None:
        raise _fail("FILE_EMPTY")
    return Table(header, rows)


def _read_csv(path: Path) -> list[tuple[int, list[str]]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _fail("FILE_UNREADABLE", error=exc.strerror or str(exc)) from None
    try:
        # utf-8-sig also reads plain UTF-8; Excel's "CSV UTF-8" starts with a byte-order mark.
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _fail("FILE_NOT_UTF8") from None
    if "\x00" in content:
        raise _fail("FILE_NOT_UTF8")  # UTF-16 or a binary file that happens to decode
    first_line = content.lstrip().split("\n", 1)[0]
    # Spreadsheets set to French or German write ';' between fields.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        # Records are numbered as a spreadsheet numbers rows, even when a quoted cell holds
        # a line break.
        return [(n, [c.strip() for c in cells]) for n, cells in enumerate(reader, start=1)]
    except csv.Error as exc:
        raise _fail("FILE_UNREADABLE", error=str(exc)) from None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()  # a date cell; the time part is always midnight
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 1.0 for recipient_info 1, 2.0e12 for a numeric national ID
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value).strip()


def _read_xlsx(path: Path) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook  # imported here: a CSV import should not pay for it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise _fail("FILE_UNREADABLE", error=str(exc) or type(exc).__name__) from None
    except OSError as exc:
        raise _fail("FILE_UNREADABLE", error=exc.strerror or str(exc)) from None
    try:
        if not book.worksheets:
            raise _fail("FILE_EMPTY")
        sheet = book.worksheets[0]
        return [
            (n, [_cell_text(v) for v in values])
            for n, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1)
        ]
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise _fail("FILE_UNREADABLE", error=str(exc) or type(exc).__name__) from None
    finally:
        book.close()


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` that replaces it when the block ends without error."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Write a CSV (UTF-8 with BOM, for spreadsheets) or XLSX file, as ``path`` is named."""
    kind = file_kind(path)
    with replacing(path) as tmp:
        if kind == "csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(header)
                writer.writerows(rows)
        else:
            _write_xlsx(tmp, header, rows)


def _write_xlsx(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("individuals")

    def cell(text: str) -> Any:
        if not text.startswith("="):
            return text
        # openpyxl stores text starting with '=' as a formula; a name is never one.
        literal = WriteOnlyCell(sheet, text)
        literal.data_type = "s"
        return literal

    sheet.append(list(header))
    for row in rows:
        sheet.append([cell(v) for v in row])
    book.save(path)
