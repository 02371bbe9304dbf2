"""openIMIS individual upload: import (CSV, XLSX, every check, all or nothing), export, CLI."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

import app.cli.main as cli_main
from app.domain.vocab import EnrolmentStatus
from app.errors import Cancelled, NotFound, PermissionDenied, ValidationFailed
from app.models import Enrolment, Household, Individual, OutboxOp
from app.models.sync_state import SyncStateEntry
from app.services.household_queries import get_household
from app.services.individual_export import export_individuals
from app.services.individual_import import ImportResult, import_individuals, write_error_report
from app.services.members import set_head, set_recipient
from tests.factories import FIXED_NOW, District, build_district, enrol, registered
from tests.test_cli import Cli, sign_in

HEADER = (
    "first_name,last_name,dob,group_code,recipient_info,individual_role,location_name,"
    "location_code,sex,national_id,phone,able_bodied"
)
# Rows 2-4: household G1 in V001; rows 5-6: household G2 in V003.
GOOD = [
    "Moussa,Diallo,1980-03-02,G1,,HEAD,Médina Chérif,V001,M,1980030200011,+221771234567,yes",
    "Aminata,Diallo,19/07/1985,G1,1,SPOUSE,Medina Cherif,V001,F,,,",
    "Fatou,Diallo,2014-01-10,G1,2,DAUGHTER,Médina Chérif,V001,,,,",
    "Awa,Sow,1970-01-01,G2,1,HEAD,Saré Yoba,V003,F,2001010100099,,",
    "Ibou,Sow,2001-05-05,G2,,SON,Saré Yoba,V003,,,,",
]


def write_csv(folder: Path, lines: list[str], header: str = HEADER, name: str = "in.csv") -> Path:
    path = folder / name
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def counts(d: District) -> list[int]:
    """Households, individuals, enrolments and outbox ops."""
    with d.db.read_session() as s:
        return [
            s.scalar(select(func.count()).select_from(m)) or 0
            for m in (Household, Individual, Enrolment, OutboxOp)
        ]


def found(result: ImportResult) -> set[tuple[int, str, str]]:
    return {(e.row, e.column, e.code) for e in result.errors}


def test_good_csv_registers_households_heads_and_recipients(
    district: District, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    result = import_individuals(
        district.ctx(), path=write_csv(tmp_path, GOOD), progress=lambda d, t: seen.append((d, t))
    )
    assert result.ok and not result.dry_run
    assert (result.households_created, result.individuals_created) == (2, 5)
    assert seen[-1] == (10, 10)  # five rows checked, then five written
    assert [(w.row, w.column, w.code) for w in result.warnings] == [
        (1, "able_bodied", "UNKNOWN_COLUMN_IGNORED"),
        (3, "location_name", "LOCATION_NAME_MISMATCH"),
    ]
    with district.db.read_session() as s:
        page = get_household(
            s, ref=result.household_codes["G1"], actor=None, today=FIXED_NOW.date()
        )
    by_name = {m.first_name: m for m in page.members}
    assert by_name["Moussa"].is_head and by_name["Aminata"].is_primary_recipient
    assert by_name["Fatou"].is_secondary_recipient and by_name["Fatou"].sex == "F"
    assert by_name["Aminata"].date_of_birth == date(1985, 7, 19)
    assert page.village_code == "V001" and page.pay_point_code == "PP-W01"
    assert page.code.startswith("D01-")
    with district.db.read_session() as s:
        awa = get_household(s, ref=result.household_codes["G2"], actor=None, today=FIXED_NOW.date())
    # Nobody marked 1 in G2 but its head: the head is the primary recipient.
    assert [m.first_name for m in awa.members if m.is_primary_recipient] == ["Awa"]
    assert next(m for m in awa.members if m.first_name == "Ibou").sex == "M"


def test_good_xlsx_with_typed_cells(district: District, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.split(","))
    sheet.append(["Moussa", "Diallo", datetime(1980, 3, 2), "G1", None, "head", "", "V001", "M"])
    sheet.append(["Aminata", "Diallo", "1985-07-19", "G1", 1, "Wife", "", "v001", None, 2002])
    path = tmp_path / "in.xlsx"
    book.save(path)
    result = import_individuals(district.ctx(), path=path, programme_code="CT-UNC")
    assert result.ok, result.errors
    assert (result.households_created, result.individuals_created) == (1, 2)
    with district.db.read_session() as s:
        aminata = s.scalars(select(Individual).where(Individual.first_name == "Aminata")).one()
        assert (aminata.relationship, aminata.sex, aminata.national_id) == ("SPOUSE", "F", "2002")


@pytest.mark.parametrize(
    ("row", "change", "expected"),
    [
        (2, ("Moussa", ""), (2, "first_name", "REQUIRED")),
        (3, ("19/07/1985", "31/02/1985"), (3, "dob", "INVALID_DATE")),
        (3, ("19/07/1985", "2027-01-01"), (3, "dob", "DATE_IN_FUTURE")),
        (4, ("DAUGHTER", "PRINCESS"), (4, "individual_role", "UNKNOWN_HOUSEHOLD_ROLE")),
        (4, ("DAUGHTER", "SPOUSE"), (4, "sex", "SEX_UNKNOWN")),
        (2, ("HEAD", "BROTHER"), (2, "individual_role", "NO_HEAD")),
        (3, ("SPOUSE", "HEAD"), (3, "individual_role", "SEVERAL_HEADS")),
        (4, (",2,", ",1,"), (4, "recipient_info", "SEVERAL_PRIMARY_RECIPIENTS")),
        (4, (",2,", ",3,"), (4, "recipient_info", "INVALID_RECIPIENT_INFO")),
        (2, (",V001,", ",V999,"), (2, "location_code", "UNKNOWN_VILLAGE")),
        (5, (",V003,", ",V101,"), (5, "location_code", "VILLAGE_OUT_OF_DISTRICT")),
        (5, (",V003,", ",W02,"), (5, "location_code", "NOT_A_VILLAGE")),
        (4, (",V001,", ",V002,"), (4, "location_code", "GROUP_VILLAGE_MIXED")),
        (2, ("+221771234567", "12"), (2, "phone", "INVALID_PHONE")),
        (5, (",G2,", ",,"), (5, "group_code", "REQUIRED")),
    ],
)
def test_each_check_names_the_row_and_column(
    district: District,
    tmp_path: Path,
    row: int,
    change: tuple[str, str],
    expected: tuple[int, str, str],
) -> None:
    lines = list(GOOD)
    lines[row - 2] = lines[row - 2].replace(*change, 1)
    result = import_individuals(district.ctx(), path=write_csv(tmp_path, lines), dry_run=True)
    assert expected in found(result)
    assert result.households_created == 0


def test_row_numbers_count_blank_lines_and_a_secondary_needs_a_primary(
    district: District, tmp_path: Path
) -> None:
    awa, ibou = GOOD[3].replace(",1,HEAD", ",2,HEAD"), GOOD[4].replace(",,SON", ",2,SON")
    # Rows: header 1, G1 2-4, a blank line 5, a line of empty cells 6, Awa 7, Ibou 8.
    lines = [*GOOD[:3], "", ",,,,,,,,,,,", awa, ibou]
    result = import_individuals(district.ctx(), path=write_csv(tmp_path, lines))
    assert found(result) == {
        (7, "recipient_info", "SECONDARY_IS_DEFAULT_PRIMARY"),
        (8, "recipient_info", "SEVERAL_SECONDARY_RECIPIENTS"),
    }
    assert result.errors[0].params == {"group": "G2"}
    assert result.errors[1].params == {"group": "G2", "first": 7}


def test_duplicates_within_the_file(district: District, tmp_path: Path) -> None:
    lines = [
        *GOOD,
        "Fatou,Diallo,2014-01-10,G1,,DAUGHTER,,V001,F,,,",
        "Ali,Ba,1990-01-01,G3,,HEAD,,V002,M,2001010100099,,",
        "Fatou,Diallo,2014-01-10,G3,,DAUGHTER,,V002,F,,,",  # same person, other household
    ]
    result = import_individuals(district.ctx(), path=write_csv(tmp_path, lines))
    assert found(result) == {
        (7, "first_name", "DUPLICATE_PERSON_IN_FILE"),
        (8, "national_id", "DUPLICATE_NATIONAL_ID_IN_FILE"),
    }
    by_row = {e.row: e for e in result.errors}
    assert by_row[7].params["first"] == 4 and by_row[8].params["first"] == 5
    assert by_row[8].value == "2001010100099" and "row 5" in by_row[8].message


def test_duplicates_against_the_registry(district: District, tmp_path: Path) -> None:
    registered(district, "V001")  # Moussa Diallo 1980-03-02, Aminata... in V001
    with district.db.read_session() as s:
        national_id = s.scalars(
            select(Individual.national_id).where(Individual.national_id.is_not(None))
        ).one()
    lines = [
        f"Ali,Ba,1990-01-01,G1,,HEAD,,V002,M,{national_id},,",
        "Aminata,DIALLO,1985-07-19,G1,1,SPOUSE,,V002,F,,,",  # same person, other village: fine
        "Moussa,Sané,1980-03-02,G2,,HEAD,,V001,M,,,",
        "aminata,diallo,1985-07-19,G2,,SPOUSE,,V001,F,,,",  # same person, same village
    ]
    result = import_individuals(district.ctx(), path=write_csv(tmp_path, lines))
    assert found(result) == {
        (2, "national_id", "NATIONAL_ID_IN_USE"),
        (5, "first_name", "DUPLICATE_PERSON_IN_REGISTRY"),
    }
    assert result.errors[1].params["household"].startswith("D01-")


def test_a_bad_row_writes_nothing_and_the_report_keeps_the_row(
    district: District, tmp_path: Path
) -> None:
    before = counts(district)
    lines = [*GOOD[:4], GOOD[4].replace("2001-05-05", "yesterday")]
    result = import_individuals(district.ctx(), path=write_csv(tmp_path, lines))
    assert not result.ok and counts(district) == before
    assert (result.households_created, result.household_codes) == (0, {})
    report = write_error_report(result.errors, tmp_path / "report.csv")
    with report.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == [
        {
            "row": "6", "column": "dob", "code": "INVALID_DATE",
            "message": "'yesterday' is not a date (use yyyy-mm-dd or dd/mm/yyyy)",
            "value": "yesterday", "first_name": "Ibou", "last_name": "Sow", "dob": "yesterday",
            "group_code": "G2", "recipient_info": "", "individual_role": "SON",
            "location_name": "Saré Yoba", "location_code": "V003", "sex": "", "national_id": "",
            "phone": "", "able_bodied": "",
        }
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        (
            "in.csv",
            HEADER.replace("dob,", "born,") + "\nA,B,1990-01-01,G,,HEAD,,V001,M\n",
            "COLUMNS_MISSING",
        ),
        ("in.csv", "first_name,last_name\nS\xe9kou,Ba\n".encode("latin-1"), "FILE_NOT_UTF8"),
        ("in.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8", "FILE_NOT_UTF8"),
        ("in.csv", b"", "FILE_EMPTY"),
        ("in.csv", HEADER + "\n\n", "NO_ROWS"),
        ("in.xlsx", b"first_name,last_name\n", "FILE_UNREADABLE"),
        ("in.xls", b"\xd0\xcf\x11\xe0", "FILE_TYPE_UNSUPPORTED"),
    ],
)
def test_malformed_files_change_nothing(
    district: District, tmp_path: Path, name: str, content: str | bytes, code: str
) -> None:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    before = counts(district)
    with pytest.raises(ValidationFailed) as caught:
        import_individuals(district.ctx(), path=path)
    assert [(e.field, e.code) for e in caught.value.errors] == [("file", code)]
    assert counts(district) == before


def test_programme_enrolment(district: District, tmp_path: Path) -> None:
    path = write_csv(tmp_path, GOOD)
    with pytest.raises(NotFound):
        import_individuals(district.ctx(), path=path, programme_code="NOPE")
    # PW operates in ward W01 only: G2 lives in V003 (ward W02).
    refused = import_individuals(district.ctx(), path=path, programme_code="PW")
    assert found(refused) == {
        (5, "location_code", "PROGRAMME_NOT_IN_VILLAGE"),
        (6, "location_code", "PROGRAMME_NOT_IN_VILLAGE"),
    }
    result = import_individuals(district.ctx(), path=path, programme_code="ct-unc")
    assert result.enrolments_created == 2
    with district.db.read_session() as s:
        enrolments = s.scalars(select(Enrolment)).all()
    assert {(e.status, e.enrolled_on) for e in enrolments} == {
        (EnrolmentStatus.ACTIVE, FIXED_NOW.date())
    }


def test_dry_run_and_cancel_write_nothing(district: District, tmp_path: Path) -> None:
    path = write_csv(tmp_path, GOOD)
    before = counts(district)
    checked = import_individuals(district.ctx(), path=path, dry_run=True)
    assert checked.ok and checked.dry_run and checked.households_created == 2
    assert counts(district) == before
    seen: list[int] = []
    with pytest.raises(Cancelled):
        import_individuals(
            district.ctx(),
            path=path,
            progress=lambda done, _total: seen.append(done),
            cancelled=lambda: bool(seen) and seen[-1] > 5,  # once writing has begun
        )
    assert counts(district) == before
    with district.db.read_session() as s:
        assert s.get(SyncStateEntry, "household_code_seq") is None
    with pytest.raises(PermissionDenied):
        import_individuals(district.ctx("viewer"), path=path)


def test_every_created_row_has_its_outbox_op(district: District, tmp_path: Path) -> None:
    result = import_individuals(
        district.ctx(), path=write_csv(tmp_path, GOOD), programme_code="CT-UNC"
    )
    with district.db.read_session() as s:
        ids = {
            *s.scalars(select(Household.id)),
            *s.scalars(select(Individual.id)),
            *s.scalars(select(Enrolment.id)),
        }
        ops = s.scalars(select(OutboxOp)).all()
    assert len(ids) == 2 + 5 + result.enrolments_created
    assert {op.row_id for op in ops} == ids and {op.kind for op in ops} == {"insert"}
    assert len({op.client_tx_id for op in ops}) == 1  # one user action
    household_op = next(op for op in ops if op.table_name == "households")
    assert {"head_id", "primary_recipient_id", "code", "village_id"} <= set(household_op.fields)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_imports_back_into_a_fresh_district(
    district: District, tmp_path: Path, suffix: str
) -> None:
    first, second = registered(district, "V001"), registered(district, "V003")
    enrol(district, first, "CT-UNC")
    with district.db.read_session() as s:
        page = get_household(s, ref=second, actor=None, today=FIXED_NOW.date())
    kid = next(m for m in page.members if m.first_name == "Fatou")
    spouse = next(m for m in page.members if m.first_name == "Aminata")
    set_head(district.ctx(), household_ref=second, individual_id=spouse.id)
    set_recipient(district.ctx(), household_ref=second, individual_id=kid.id, secondary=True)
    out = tmp_path / f"people{suffix}"
    exported = export_individuals(district.ctx(), path=out)
    assert (exported.households, exported.individuals) == (2, 8)
    only = export_individuals(
        district.ctx(), path=tmp_path / f"ct{suffix}", programme_code="CT-UNC"
    )
    assert only.households == 1
    fresh = build_district(tmp_path / "fresh")
    try:
        result = import_individuals(fresh.ctx(), path=out)
        assert result.ok, result.errors
        assert (result.households_created, result.individuals_created) == (2, 8)
        with fresh.db.read_session() as s:
            moved = get_household(
                s, ref=result.household_codes[page.code], actor=None, today=FIXED_NOW.date()
            )
        roles = {
            m.first_name: (m.is_head, m.is_primary_recipient, m.is_secondary_recipient)
            for m in moved.members
        }
        assert roles == {
            "Moussa": (False, False, False),
            "Aminata": (True, True, False),
            "Fatou": (False, False, True),
            "Ibrahima": (False, False, False),
        }
        assert (
            next(m for m in moved.members if m.first_name == "Moussa").relationship
            == "OTHER_RELATIVE"
        )
    finally:
        fresh.db.close()
    if suffix == ".xlsx":
        sheet = load_workbook(out, read_only=True).worksheets[0]
        assert next(sheet.iter_rows(values_only=True))[:3] == ("first_name", "last_name", "dob")


def test_cli_import_and_export(
    district: District,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if "app.cli.import_cmds" not in cli_main.COMMAND_MODULES:
        monkeypatch.setattr(
            cli_main, "COMMAND_MODULES", (*cli_main.COMMAND_MODULES, "app.cli.import_cmds")
        )
    assert district.db.path is not None
    cli = Cli(district.db.path.parent, capsys)
    sign_in(cli, monkeypatch)
    bad = write_csv(tmp_path, [*GOOD[:4], GOOD[4].replace("SON", "KING")], name="bad.csv")
    refused = cli("import", "individuals", str(bad))
    assert refused.code == 2
    report = tmp_path / "bad.errors.csv"
    assert (
        refused.err.strip() == f"roster: 1 row has errors; nothing was imported; report: {report}"
    )
    assert report.exists() and "UNKNOWN_HOUSEHOLD_ROLE" in refused.out
    data = cli(
        "import", "individuals", str(bad), "--json", "--errors-out", str(tmp_path / "r.csv")
    ).json()
    # Without a sex column entry, an unknown role cannot tell the sex either.
    assert [(e["row"], e["code"]) for e in data["errors"]] == [
        (6, "UNKNOWN_HOUSEHOLD_ROLE"),
        (6, "SEX_UNKNOWN"),
    ]
    assert data["rows_with_errors"] == 1 and "original" not in data["errors"][0]
    good = write_csv(tmp_path, GOOD, name="good.csv")
    assert (
        "ready to import: 2 households, 5 people"
        in cli.ok("import", "individuals", str(good), "--dry-run").out
    )
    done = cli.ok("import", "individuals", str(good), "--programme", "ct-unc").out
    assert "Imported good.csv: 2 households, 5 people, 2 enrolled in CT-UNC." in done
    out = tmp_path / "out.xlsx"
    assert (
        "Wrote 5 people of 2 households" in cli.ok("export", "individuals", "--out", str(out)).out
    )
    assert out.exists()
