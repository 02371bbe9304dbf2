"""Register households from an openIMIS individual upload (CSV or XLSX), all or nothing.

Rows sharing a ``group_code`` form one new household in the village ``location_code`` (a
village of the officer's district). Every row is checked first (the file alone, then against
the registry); one problem anywhere means nothing is written and the per-row report comes back.
A clean file is registered in one ``unit_of_work``, so every household, member and enrolment
is recorded for sync by the change recorder like a household typed in a form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.errors import FieldError, ValidationFailed
from app.models.programme import Programme
from app.services.batch_ops import use_batch_writer
from app.services.context import ServiceContext, unit_of_work
from app.services.individual_files import read_table, write_table
from app.services.individual_import_plan import (
    CancelCheck,
    Group,
    ProgressCallback,
    Ticker,
    plan,
    write,
)
from app.services.individual_import_rows import (
    COLUMNS,
    EXTRA_COLUMNS,
    REQUIRED_COLUMNS,
    SILENT_COLUMNS,
    ImportIssue,
    Row,
    issue,
    parse_row,
)

__all__ = [
    "REPORT_COLUMNS",
    "CancelCheck",
    "ImportIssue",
    "ImportResult",
    "ProgressCallback",
    "import_individuals",
    "write_error_report",
]
REPORT_COLUMNS = ("row", "column", "code", "message", "value")


@dataclass(frozen=True)
class ImportResult:
    """What an import did or, for a dry run, would do; ``errors`` not empty: nothing written."""

    file_name: str
    rows: int
    households_created: int
    individuals_created: int
    enrolments_created: int
    dry_run: bool = False
    warnings: list[ImportIssue] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)
    #: The file's ``group_code`` → the new household's code (empty unless written).
    household_codes: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def import_individuals(
    ctx: ServiceContext,
    *,
    path: Path,
    programme_code: str | None = None,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportResult:
    """Register the households of an openIMIS individual upload; optionally enrol them.

    File-level problems (unreadable, not UTF-8, empty, required columns missing, no rows)
    raise ``ValidationFailed`` (field ``file``); an unknown programme raises ``NotFound``.
    Row problems come back in ``errors`` and nothing is written. With ``programme_code`` each
    new household is enrolled ACTIVE (a village the programme does not cover is a row error).
    ``dry_run`` checks everything and writes nothing. ``cancelled()`` returning True raises
    ``Cancelled`` with nothing written.
    """
    actor = ctx.require_actor()
    if not dry_run:
        actor.can_write()
    path = Path(path)
    table = read_table(path)
    missing = [c for c in REQUIRED_COLUMNS if c not in table.header]
    if missing:
        raise ValidationFailed(
            [FieldError("file", "COLUMNS_MISSING", {"columns": ", ".join(missing)})]
        )
    if not table.rows:
        raise ValidationFailed([FieldError("file", "NO_ROWS")])
    today = ctx.today()
    rows = [parse_row(number, values) for number, values in table.rows]
    tick = Ticker(len(rows) * (1 if dry_run else 2), progress, cancelled)
    warnings = _column_warnings(table.header)
    name = path.name
    if dry_run:
        with ctx.db.read_session() as session:
            groups, programme = plan(session, actor, rows, programme_code, today, tick, warnings)
            errors = _sorted_issues(rows, table.header)
            return _result(name, rows, groups, programme, warnings, errors, dry_run=True)
    with unit_of_work(ctx) as session:
        use_batch_writer(session)
        groups, programme = plan(session, actor, rows, programme_code, today, tick, warnings)
        errors = _sorted_issues(rows, table.header)
        if errors:
            return _result(name, rows, groups, programme, warnings, errors)
        codes = write(session, ctx, groups, programme, today, tick)
        tick.check()  # the last moment a cancel still leaves nothing behind
        return _result(name, rows, groups, programme, warnings, [], codes)


def _result(
    name: str,
    rows: list[Row],
    groups: list[Group],
    programme: Programme | None,
    warnings: list[ImportIssue],
    errors: list[ImportIssue],
    codes: dict[str, str] | None = None,
    *,
    dry_run: bool = False,
) -> ImportResult:
    written = not errors
    return ImportResult(
        file_name=name,
        rows=len(rows),
        households_created=len(groups) if written else 0,
        individuals_created=len(rows) if written else 0,
        enrolments_created=len(groups) if written and programme is not None else 0,
        dry_run=dry_run,
        warnings=warnings,
        errors=errors,
        household_codes=codes or {},
    )


def _column_warnings(header: list[str]) -> list[ImportIssue]:
    known = set(COLUMNS) | set(EXTRA_COLUMNS) | set(SILENT_COLUMNS)
    return [issue(1, c, "UNKNOWN_COLUMN_IGNORED", {}, {}) for c in header if c and c not in known]


def _sorted_issues(rows: list[Row], header: list[str]) -> list[ImportIssue]:
    order = {name: i for i, name in enumerate(header)}
    found = [i for row in rows if row.errors.items for i in row.issues(header)]
    found.sort(key=lambda i: (i.row, order.get(i.column, len(order))))
    return found


def write_error_report(errors: list[ImportIssue], path: Path) -> Path:
    """Write ``errors`` as CSV (or XLSX, by name): row, column, code, message, value, then
    the row's original values; returns the path."""
    columns: list[str] = []
    for error in errors:
        for name, _value in error.original:
            if name not in columns:
                columns.append(name)
    lines = []
    for error in errors:
        original = dict(error.original)
        lines.append(
            [str(error.row), error.column, error.code, error.message, error.value]
            + [original.get(c, "") for c in columns]
        )
    # A file column named like a report column keeps its values under a prefixed name.
    header = list(REPORT_COLUMNS) + [f"original_{c}" if c in REPORT_COLUMNS else c for c in columns]
    write_table(Path(path), header, lines)
    return Path(path)
