"""``roster import individuals`` and ``roster export individuals``: openIMIS upload files."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.cli.common import Runtime, add_command, add_group, code_arg
from app.cli.output import print_json, print_table
from app.services.individual_export import export_individuals
from app.services.individual_import import (
    ImportIssue,
    ImportResult,
    import_individuals,
    write_error_report,
)

#: Errors listed on the terminal; the report file has all of them.
SHOWN_ERRORS = 20


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "import", help="register people from files")
    p = add_command(
        group,
        "individuals",
        run_import,
        help="register households from an openIMIS individual upload (CSV or XLSX)",
        description="Register households from an openIMIS individual upload file (.csv in "
        "UTF-8, or .xlsx): columns first_name, last_name, dob, group_code, recipient_info, "
        "individual_role, location_name, location_code, plus sex, national_id, phone, "
        "disability. Rows sharing a group_code form one household. All rows or none: a file "
        "with errors registers nothing and writes a per-row report.",
    )
    p.add_argument("file", metavar="FILE", type=Path, help=".csv or .xlsx file")
    p.add_argument(
        "--programme", metavar="CODE", type=code_arg, help="enrol the new households (ACTIVE)"
    )
    p.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    p.add_argument(
        "--errors-out",
        metavar="REPORT.csv",
        type=Path,
        help="where the error report goes (default: FILE.errors.csv beside the file)",
    )

    group = add_group(subparsers, "export", help="write people to files")
    p = add_command(
        group,
        "individuals",
        run_export,
        help="write the district's people in the openIMIS individual upload format",
    )
    p.add_argument("--out", required=True, metavar="FILE", type=Path, help=".csv or .xlsx")
    p.add_argument(
        "--programme", metavar="CODE", type=code_arg, help="only households enrolled in it"
    )


def _issue_json(issue: ImportIssue) -> dict[str, Any]:
    data = asdict(issue)
    del data["original"]  # the row's values are in the report file
    return data


def _progress_printer(rt: Runtime) -> Any:
    if rt.json or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{done:,} / {total:,}", end=end, file=sys.stderr, flush=True)

    return show


def run_import(rt: Runtime) -> int | None:
    args = rt.args
    path: Path = args.file
    result = import_individuals(
        rt.context(),
        path=path,
        programme_code=args.programme,
        dry_run=args.dry_run,
        progress=_progress_printer(rt),
    )
    if result.errors:
        return _refused(rt, result, args.errors_out or path.with_suffix(".errors.csv"))
    if rt.json:
        data = asdict(result)
        data["warnings"] = [_issue_json(w) for w in result.warnings]
        print_json({**data, "ok": True})
        return None
    for warning in result.warnings:
        rt.note(f"warning: row {warning.row}, {warning.column}: {warning.message}")
    enrolled = (
        f", {result.enrolments_created:,} enrolled in {args.programme}" if args.programme else ""
    )
    counts = (
        f"{result.households_created:,} households, {result.individuals_created:,} people{enrolled}"
    )
    if result.dry_run:
        print(f"{result.file_name} is ready to import: {counts}. Nothing was written (dry run).")
    else:
        print(f"Imported {result.file_name}: {counts}.")
    return None


def _refused(rt: Runtime, result: ImportResult, report: Path) -> int:
    write_error_report(result.errors, report)
    bad_rows = len({e.row for e in result.errors})
    summary = (
        f"{bad_rows:,} {'row has' if bad_rows == 1 else 'rows have'} errors; "
        f"nothing was imported; report: {report}"
    )
    if rt.json:
        print_json(
            {
                "ok": False,
                "file_name": result.file_name,
                "rows": result.rows,
                "rows_with_errors": bad_rows,
                "report": str(report),
                "errors": [_issue_json(e) for e in result.errors],
                "warnings": [_issue_json(w) for w in result.warnings],
            }
        )
    else:
        print_table(
            ["Row", "Column", "Code", "Problem"],
            [[e.row, e.column, e.code, e.message] for e in result.errors[:SHOWN_ERRORS]],
            shrink=(3,),
        )
        hidden = len(result.errors) - SHOWN_ERRORS
        if hidden > 0:
            print(f"... and {hidden:,} more in the report.")
    print(f"roster: {summary}", file=sys.stderr)
    return 2


def run_export(rt: Runtime) -> None:
    args = rt.args
    result = export_individuals(rt.context(), path=args.out, programme_code=args.programme)
    if rt.json:
        print_json(asdict(result))
        return
    print(
        f"Wrote {result.individuals:,} people of {result.households:,} households to {result.path}."
    )
