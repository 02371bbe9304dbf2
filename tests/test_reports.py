"""Printed PDFs read back: every beneficiary and the exact totals (pdftotext), embedded fonts,
QR codes identical to ReportLab's encoder, attendance sheets in the grid's order.

Needs poppler-utils (pdftotext, pdffonts); the CI script installs it. Without it the PDF
read-back tests are skipped with a message.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.graphics.barcode import qrencoder

from app.errors import AppError, Cancelled
from app.reports.attendance_sheet import render_attendance_sheets, weeks
from app.reports.fonts import missing_glyphs
from app.reports.payment_list import render_payment_list
from app.reports.qr import LEVELS, qr_modules
from app.services.attendance import attendance_roster, attendance_sheet_data
from app.services.compliance import compliance_grid
from app.services.payroll import approve_payroll, generate_payroll, reject_payroll
from app.services.print_data import payment_list_data
from app.sync.progress import CancelToken, Progress
from tests.factories import District, enrol
from tests.payment_fixtures import (
    NAMES,
    add_conditional_programme,
    add_cycle,
    household,
    paid_households,
)

CYCLE = "CT-UNC-2026-06"
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="pdftotext/pdffonts not installed (apt-get install poppler-utils)",
)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def approved(district: District) -> str:
    add_cycle(district, "CT-UNC", CYCLE)
    paid_households(district)
    payroll_id = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code=CYCLE)
    approve_payroll(district.ctx("supervisor"), payroll_id=payroll_id)
    return payroll_id


@needs_poppler
def test_payment_list_shows_every_beneficiary_and_the_totals(
    district: District, approved: str, tmp_path: Path
) -> None:
    data = payment_list_data(district.ctx(), payroll_id=approved)
    out = tmp_path / "list.pdf"
    result = render_payment_list(data, out, invariant=True)
    assert (result.rows, result.total) == (6, 90000)
    text = pdf_text(out)
    for first, last in NAMES:
        assert f"{first} {last}" in text, f"{first} {last} missing"
    totals = re.findall(r"GRAND TOTAL\s+(\d+)\s+([\d,]+) XOF", text)
    assert totals == [("4", "60,000"), ("2", "30,000")]  # PP-W01 and PP-W02
    for point, serial, _rows, total in result.lists:
        assert serial == f"D01-{CYCLE}-{point}-1" and serial in text
        assert f"{total:,} XOF" in text
    assert text.count("Page 1 of 1") >= 2 and result.pages == 2  # one page per pay point
    assert "Valid for CT-UNC-2026-06 only — void after 2026-07-30" in text
    assert "Running total: 60,000 XOF" in text
    assert "No entries below this line" in text
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True)
    lines = fonts.stdout.splitlines()[2:]
    assert lines and all(" yes " in line for line in lines), fonts.stdout  # all embedded
    assert "Helvetica" not in fonts.stdout


def test_the_names_print_without_missing_glyphs() -> None:
    assert missing_glyphs(" ".join(f"{a} {b}" for a, b in NAMES) + " Ñ ç Ş ğ ẞ Ŵ") == set()


@needs_poppler
def test_reprints_drafts_and_office_copies(
    district: District, approved: str, tmp_path: Path
) -> None:
    first = payment_list_data(district.ctx(), payroll_id=approved, pay_point_code="PP-W02")
    again = payment_list_data(district.ctx(), payroll_id=approved, pay_point_code="pp-w02")
    assert [s.stamp.serial for s in again.sections] == [f"D01-{CYCLE}-PP-W02-2"]
    render_payment_list(again, tmp_path / "reprint.pdf")
    text = pdf_text(tmp_path / "reprint.pdf")
    assert "REPRINT 2 — replaces print 1" in text and f"D01-{CYCLE}-PP-W02-2" in text
    assert len(first.sections) == 1 and first.rows == 2
    copy = payment_list_data(district.ctx(), payroll_id=approved, office_copy=True)
    # Copies count nothing: PP-W02 was printed twice, PP-W01 never.
    assert [s.stamp.serial for s in copy.sections] == [
        f"D01-{CYCLE}-PP-W01-COPY",
        f"D01-{CYCLE}-PP-W02-2",
    ]
    render_payment_list(copy, tmp_path / "copy.pdf")
    text = pdf_text(tmp_path / "copy.pdf")
    assert "OFFICE COPY" in text and "Paid on this page" not in text
    add_cycle(district, "CT-UNC", "CT-UNC-2026-07")
    pending = generate_payroll(district.ctx(), programme_code="CT-UNC", cycle_code="CT-UNC-2026-07")
    draft = payment_list_data(district.ctx(), payroll_id=pending)
    assert draft.copy == "DRAFT"
    render_payment_list(draft, tmp_path / "draft.pdf")
    assert "DRAFT" in pdf_text(tmp_path / "draft.pdf")
    reject_payroll(district.ctx("supervisor"), payroll_id=pending, reason="test")
    with pytest.raises(AppError) as caught:
        payment_list_data(district.ctx(), payroll_id=pending)
    assert caught.value.code == "PAYROLL_NOT_PRINTABLE"


def test_same_data_same_bytes_progress_and_cancel(
    district: District, approved: str, tmp_path: Path
) -> None:
    data = payment_list_data(district.ctx(), payroll_id=approved)
    seen: list[Progress] = []
    render_payment_list(data, tmp_path / "a.pdf", invariant=True, progress=seen.append)
    render_payment_list(data, tmp_path / "b.pdf", invariant=True)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    assert seen[-1] == Progress("render", 6, 6)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        render_payment_list(data, tmp_path / "c.pdf", cancel=token)
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["a.pdf", "b.pdf"]  # no leftover


def test_qr_codes_match_reportlabs_encoder() -> None:
    rnd = random.Random(5)
    payloads = ["PAY-CT-UNC-2026-05-D01-000001", "RSTR1|PL|D01-X-1|1|3|1|13|223000|ABCDEFGH"]
    payloads += ["".join(rnd.choice("ABC123-é|x") for _ in range(rnd.randint(1, 120)))
                 for _ in range(40)]  # fmt: skip
    for data in payloads:
        for level in "LMQH":
            reference = qrencoder.QRCode(None, LEVELS[level])
            reference.addData(data)
            reference.version = reference.calculate_version()
            reference.makeImpl(False, 0)
            assert qr_modules(data, level) == [[bool(m) for m in row] for row in reference.modules]


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg not installed")
@needs_poppler
def test_row_qr_codes_scan(district: District, approved: str, tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from app.reports.qr import draw_qr

    pdf = tmp_path / "qr.pdf"
    canvas = Canvas(str(pdf), pagesize=(120, 120))
    draw_qr(canvas, "PAY-CT-UNC-2026-06-D01-ABCD00001", 30, 30, 11 * 72 / 25.4)
    canvas.save()
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "qr")], check=True)
    image = next(tmp_path.glob("qr*.png"))
    found = subprocess.run(["zbarimg", "-q", str(image)], capture_output=True, text=True).stdout
    assert found.strip() == "QR-Code:PAY-CT-UNC-2026-06-D01-ABCD00001"


# --- attendance sheets ----------------------------------------------------------------------


@pytest.fixture
def school(district: District) -> list[str]:
    add_conditional_programme(district)
    names = []
    for i, (first, last) in enumerate(NAMES[:4]):
        pupils = [
            (f"Élève{i}{k}", last, "F", f"201{4 + k}-03-0{i + 1}", "DAUGHTER") for k in range(2)
        ]
        hid = household(
            district,
            [(first, last, "M", "1980-01-01", "HEAD"), *pupils],
            village="V002" if i % 2 else "V001",
            schools={1: "SCH-01", 2: "SCH-01"},
        )
        enrol(district, hid, "CT-COND")
        names += [f"{p[0]} {p[1]}" for p in pupils]
    return names


@needs_poppler
def test_attendance_sheet_lists_members_in_the_grid_order(
    district: District, school: list[str], tmp_path: Path
) -> None:
    (sheet,) = attendance_roster(district.ctx(), service_point_code="sch-01", period="2026-06")
    grid = compliance_grid(
        district.db, service_point_code="SCH-01", condition_code="CT-COND-SCHOOL", period="2026-06"
    )
    assert [m.individual_id for m in sheet.members] == [r.individual_id for r in grid.rows]
    assert len(sheet.members) == 8
    sheets = attendance_sheet_data(district.ctx(), service_point_code="SCH-01", period="2026-06")
    out = tmp_path / "sheet.pdf"
    result = render_attendance_sheets(sheets, out, invariant=True)
    assert result.rows == 8 and result.serials == ["D01-CT-COND-SCHOOL-SCH-01-2026-06-1"]
    text = pdf_text(out)
    positions = [
        text.find(name) for name in (f"{m.first_name} {m.last_name}" for m in sheet.members)
    ]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert "at least 80 % of school days" in text and "Listed: 8" in text
    assert "T = transferred" in text and "Stamp / Cachet" in text


def test_sheets_need_a_condition_for_the_service_point(district: District) -> None:
    with pytest.raises(AppError) as caught:
        attendance_roster(district.ctx(), service_point_code="PP-W01", period="2026-06")
    assert "WRONG_SERVICE_POINT_KIND" in str(caught.value)
    with pytest.raises(AppError):
        attendance_roster(district.db, service_point_code="SCH-01", period="June")


def test_weeks_of_a_month() -> None:
    from datetime import date

    spans = weeks(date(2026, 6, 1), date(2026, 6, 30))
    assert [(a.day, b.day) for a, b in spans] == [(1, 7), (8, 14), (15, 21), (22, 28), (29, 30)]
