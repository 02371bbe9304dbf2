"""The printed attendance sheet of a school, clinic or works site for a month (printing.md §2.4).

A4 landscape (Letter on request), 10 mm margins, one sheet per condition the service point
carries, each paginated on its own. Every page repeats the header (two-language title, form
code, programme, the condition in plain words, facility with its area, period and its dates,
return-by date, serial, print date and user, "Page n of N", a page QR top right with its MAC)
and the column titles, and ends with the legend of reason codes (AT-06) and the form code.

Rows are the members ``services.attendance.attendance_roster`` lists, in its order (village,
household code, name), the order of the desktop compliance grid, numbered from 1 as the grid
numbers them. Columns: No., household, name, sex and date of birth, caregiver (or national ID
at a works site), one box per calendar week of the month (days present at a school, a tick for
the week of a visit at a clinic, days worked at a works site), the totals the grid asks for
(attended / expected), met Y / N, reason code, remarks. After the last row: five blank rows for
programme members missing from the list (AT-07), then the totals and the certification block
with a stamp box (AT-08).

Not implemented: splitting schools by grade (Roster holds no grade), local-script names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from app.domain.vocab import ConditionKind
from app.reports.fonts import BOLD, ITALIC, REGULAR
from app.reports.layout import (
    GREY,
    Job,
    Line,
    checkbox,
    day,
    draw_lines,
    field_line,
    fit,
    hline,
    lines_height,
    mm,
    page_size,
    pdf_canvas,
    set_fill,
    text,
    width_of,
    wrap,
)
from app.reports.qr import draw_qr
from app.services.attendance import AttendanceSheet
from app.services.compliance import RosterMember
from app.sync.progress import CancelToken, ProgressCallback

FORM = "RST-AT v1"
MARGIN = 10 * mm
HEADER_H = 36 * mm
COLUMNS_H = 10 * mm
FOOTER_H = 11 * mm
ROW_MIN = 8.5 * mm
PAD = 1.2 * mm
PAGE_QR = 18 * mm
BLANK_ROWS = 5
#: Reason codes (AT-06); the compliance grid's pick-list uses the same letters.
REASONS = (
    ("T", "transferred"),
    ("D", "dropped out"),
    ("I", "illness"),
    ("N", "not enrolled"),
    ("F", "no facility"),
    ("X", "died"),
    ("U", "unknown"),
)
WEEK_UNIT: dict[str, str] = {
    ConditionKind.SCHOOL_ATTENDANCE: "Days present each week (write the number)",
    ConditionKind.HEALTH_VISIT: "Tick the week of each visit",
    ConditionKind.WORK_DAYS: "Days worked each week (write the number)",
}
TITLES: dict[str, tuple[str, str]] = {
    ConditionKind.SCHOOL_ATTENDANCE: ("School attendance sheet", "Fiche de présence scolaire"),
    ConditionKind.HEALTH_VISIT: ("Health visit sheet", "Fiche de suivi sanitaire"),
    ConditionKind.WORK_DAYS: ("Works attendance sheet", "Fiche de présence aux travaux"),
}


@dataclass(frozen=True)
class SheetResult:
    path: Path
    pages: int
    rows: int
    serials: list[str]


def weeks(start: date, end: date) -> list[tuple[date, date]]:
    """The calendar weeks (Monday to Sunday) of the period, cut to its first and last day."""
    out = []
    first = start
    while first <= end:
        last = min(end, first + timedelta(days=6 - first.weekday()))
        out.append((first, last))
        first = last + timedelta(days=1)
    return out


def rule_text(sheet: AttendanceSheet) -> str:
    """The condition in plain words: "School attendance (80 %): at least 80 % of school days"."""
    if sheet.condition_kind == ConditionKind.SCHOOL_ATTENDANCE:
        rule = f"at least {sheet.threshold} % of school days"
    elif sheet.condition_kind == ConditionKind.HEALTH_VISIT:
        rule = f"at least {sheet.threshold} visit(s) in the month"
    elif sheet.condition_kind == ConditionKind.WORK_DAYS:
        rule = f"at least {sheet.threshold} days worked in the month"
    else:
        rule = f"threshold {sheet.threshold}"
    return f"{sheet.condition_name}: {rule} ({sheet.applies_to.replace('_', ' ').lower()})"


@dataclass
class _Column:
    key: str
    title: str
    second: str | None
    width: float
    align: str = "left"


class _Sheet:
    def __init__(
        self,
        c: Canvas,
        sheet: AttendanceSheet,
        size: tuple[float, float],
        second: bool,
        job: Job,
    ) -> None:
        self.c, self.sheet, self.second, self.job = c, sheet, second, job
        self.width, self.height = size
        self.left, self.right = MARGIN, self.width - MARGIN
        self.weeks = weeks(sheet.period_start, sheet.period_end)
        works = sheet.condition_kind == ConditionKind.WORK_DAYS
        cols = [
            _Column("no", "No.", "N°", 8 * mm, "center"),
            _Column("household", "Household", "Ménage", 22 * mm),
            _Column("name", "Worker" if works else "Member", "Membre", 44 * mm),
            _Column("sex_dob", "Sex, born", "Sexe, né(e)", 20 * mm),
            _Column(
                "caregiver",
                "Household contact" if works else "Caregiver",
                "Contact du ménage" if works else "Responsable",
                34 * mm,
            ),
        ]
        for first, last in self.weeks:
            cols.append(_Column("week", f"{first:%d}–{last:%d}", f"{first:%b}", 12 * mm, "center"))
        cols += [
            _Column("total", "Attended / expected", "Présent / prévu", 24 * mm, "center"),
            _Column("met", "Met", "Respecté", 15 * mm, "center"),
            _Column("reason", "Reason", "Motif", 12 * mm, "center"),
        ]
        used = sum(col.width for col in cols)
        cols.append(_Column("remarks", "Remarks", "Remarques", self.right - self.left - used))
        self.columns = cols
        self.xs = []
        x = self.left
        for col in cols:
            self.xs.append(x)
            x += col.width

    # -- rows --

    def cells(self, member: RosterMember | None, number: int | None) -> list[list[Line]]:
        cells: list[list[Line]] = []
        for col in self.columns:
            inner = col.width - 2 * PAD
            lines: list[Line] = []
            if member is not None:
                if col.key == "no":
                    lines = [(str(number), BOLD, 8, None)]
                elif col.key == "household":
                    lines = [(member.household_code, BOLD, 7, None)]
                    lines += [
                        (t, REGULAR, 6, GREY) for t in wrap(member.village_name, REGULAR, 6, inner)
                    ]
                elif col.key == "name":
                    name = f"{member.first_name} {member.last_name}"
                    lines = [(t, BOLD, 8, None) for t in wrap(name, BOLD, 8, inner)]
                elif col.key == "sex_dob":
                    lines = [
                        (f"{member.sex} · {member.age} y", REGULAR, 7, None),
                        (day(member.date_of_birth), REGULAR, 6.5, GREY),
                    ]
                elif col.key == "caregiver":
                    carer = member.caregiver_name or "—"
                    lines = [(t, REGULAR, 7, None) for t in wrap(carer, REGULAR, 7, inner)]
            cells.append(lines)
        return cells

    def row_height(self, cells: list[list[Line]]) -> float:
        return max(ROW_MIN, max(lines_height(lines) for lines in cells) + 2 * PAD + 1)

    def draw_row(self, cells: list[list[Line]], top: float, height: float) -> None:
        c = self.c
        bottom = top - height
        for col, x, lines in zip(self.columns, self.xs, cells, strict=True):
            draw_lines(c, x + PAD, top - PAD, col.width - 2 * PAD, lines, align=col.align)
            if col.key == "total":
                text(
                    c,
                    x + col.width / 2,
                    bottom + 2.2 * mm,
                    "____ / ____",
                    size=7,
                    align="center",
                    color=GREY,
                )
            elif col.key == "met":
                box = 2.8 * mm
                for i, mark in enumerate(("Y", "N")):
                    bx = x + 1.5 * mm + i * 6.5 * mm
                    checkbox(c, bx, bottom + 2 * mm, box)
                    text(c, bx + box + 0.6, bottom + 2.5 * mm, mark, size=6)
        hline(c, self.left, self.right, bottom, 0.4)

    def grid(self, top: float, bottom: float) -> None:
        c = self.c
        c.setLineWidth(0.4)
        for x in [*self.xs, self.right]:
            c.line(x, top, x, bottom)

    # -- page furniture --

    def header(self, page: int, pages: int, qr: str, mac: str) -> None:
        c, s, second = self.c, self.sheet, self.second
        stamp = s.stamp
        assert stamp is not None
        top = self.height - MARGIN
        draw_qr(c, qr, self.right - PAGE_QR, top - PAGE_QR, PAGE_QR)
        text(
            c,
            self.right - PAGE_QR / 2,
            top - PAGE_QR - 3 * mm,
            mac,
            font=BOLD,
            size=7,
            align="center",
        )
        beside = self.right - PAGE_QR - 4 * mm
        title, other = TITLES.get(s.condition_kind, ("Attendance sheet", "Fiche de présence"))
        y = top - 5 * mm
        text(c, self.left, y, title.upper(), font=BOLD, size=13)
        if second:
            x = self.left + width_of(title.upper(), BOLD, 13) + 3 * mm
            text(c, x, y, other, font=ITALIC, size=9, color=GREY)
        text(c, beside, y, f"Page {page} of {pages}", font=BOLD, size=10, align="right")
        text(c, beside, y - 4 * mm, FORM, size=6.5, align="right", color=GREY)
        line = 4.9 * mm
        y -= line + 0.5 * mm
        programme = f"{s.programme_code} — {s.programme_name}"
        field_line(c, self.left, y, "programme", programme, second=second, limit=beside - 20 * mm)
        y -= line
        field_line(c, self.left, y, "condition", rule_text(s), second=second, limit=beside)
        y -= line
        facility = f"{s.service_point_code} {s.service_point_name}"
        x = field_line(c, self.left, y, "facility", facility, second=second, limit=beside)
        if s.area and x + 2 * mm + width_of(f"({s.area})", REGULAR, 7) < beside:
            text(c, x + 2 * mm, y, f"({s.area})", size=7, color=GREY)
        y -= line
        x = field_line(
            c,
            self.left,
            y,
            "period",
            f"{s.period} ({day(s.period_start)} – {day(s.period_end)})",
            second=second,
        )
        field_line(
            c,
            x + 5 * mm,
            y,
            "return_by",
            f"{day(s.return_by)} to the {s.district_name} district office",
            second=second,
            limit=beside,
        )
        y -= line
        x = field_line(c, self.left, y, "serial", stamp.serial, second=second)
        printed = f"{stamp.printed_at:%Y-%m-%d %H:%M} UTC, {stamp.printed_by}"
        x = field_line(c, x + 5 * mm, y, "printed", printed, second=second)
        if stamp.replaces:
            note = f"REPRINT {stamp.reprint} — replaces {stamp.replaces}"
            text(
                c,
                x + 5 * mm,
                y,
                note,
                font=BOLD,
                size=fit(note, BOLD, 7.5, self.right - x - 5 * mm),
            )

    def column_titles(self, top: float) -> None:
        c = self.c
        unit = WEEK_UNIT.get(self.sheet.condition_kind, "")
        text(c, self.xs[5], top + 1.2 * mm, unit, font=ITALIC, size=7)
        set_fill(c, (0.93, 0.93, 0.93))
        c.rect(self.left, top - COLUMNS_H, self.right - self.left, COLUMNS_H, stroke=0, fill=1)
        for col, x in zip(self.columns, self.xs, strict=True):
            inner = col.width - 2 * PAD
            if col.align == "center":
                at, align = x + col.width / 2, "center"
            else:
                at, align = x + PAD, "left"
            size = fit(col.title, BOLD, 6.8, inner)
            text(c, at, top - 4 * mm, col.title, font=BOLD, size=size, align=align)
            if self.second and col.second:
                small = fit(col.second, ITALIC, 5.8, inner)
                text(
                    c,
                    at,
                    top - 7.2 * mm,
                    col.second,
                    font=ITALIC,
                    size=small,
                    align=align,
                    color=GREY,
                )
        hline(c, self.left, self.right, top, 0.8)
        hline(c, self.left, self.right, top - COLUMNS_H, 0.8)

    def footer(self, page: int, pages: int) -> None:
        c = self.c
        stamp = self.sheet.stamp
        assert stamp is not None
        y = MARGIN + FOOTER_H - 4 * mm
        legend = "Reason codes / Motifs:  " + "   ".join(
            f"{code} = {what}" for code, what in REASONS
        )
        text(c, self.left, y, legend, size=7)
        y -= 4.5 * mm
        text(
            c,
            self.left,
            y,
            f"{FORM}   ·   {stamp.serial}   ·   printed {stamp.printed_at:%Y-%m-%d}",
            size=6.5,
            color=GREY,
        )
        text(c, self.right, y, f"Page {page} of {pages}", size=6.5, align="right", color=GREY)

    def closing(self, top: float) -> None:
        """AT-07 blank rows, then AT-08 totals and certification."""
        c, s = self.c, self.sheet
        y = top - 5 * mm
        place = "school" if s.condition_kind == ConditionKind.SCHOOL_ATTENDANCE else "register"
        text(
            c,
            self.left,
            y,
            f"Programme members in your {place} register who are missing from this list",
            font=BOLD,
            size=8.5,
        )
        if self.second:
            text(
                c,
                self.left,
                y - 3.6 * mm,
                "Membres du programme inscrits chez vous mais absents de cette liste",
                font=ITALIC,
                size=7,
                color=GREY,
            )
        y -= 6 * mm
        heads = (
            ("Name", 70),
            ("Caregiver", 60),
            ("Class / group", 35),
            ("ID if known", 45),
            ("Remarks", 0),
        )
        x = self.left
        starts = []
        for title, width in heads:
            starts.append(x)
            text(c, x + PAD, y - 3.5 * mm, title, font=BOLD, size=7)
            x += width * mm
        hline(c, self.left, self.right, y, 0.6)
        row_h = 7 * mm
        for i in range(BLANK_ROWS + 1):
            hline(c, self.left, self.right, y - 5 * mm - i * row_h, 0.4)
        bottom = y - 5 * mm - BLANK_ROWS * row_h
        c.setLineWidth(0.4)
        for x in [*starts, self.right]:
            c.line(x, y, x, bottom)
        y = bottom - 6 * mm
        listed = len(s.members)
        text(
            c,
            self.left,
            y,
            f"Listed: {listed}     Met: ______     Not met: ______     Not reported: ______",
            font=BOLD,
            size=8.5,
        )
        y -= 7 * mm
        text(
            c, self.left, y, f"I certify that the above is taken from the {place} register.", size=8
        )
        if self.second:
            text(
                c,
                self.left,
                y - 3.6 * mm,
                "Je certifie que les informations ci-dessus sont tirées du registre.",
                font=ITALIC,
                size=7,
                color=GREY,
            )
        y -= 10 * mm
        for i, title in enumerate(("Name", "Position", "Signature", "Date")):
            x = self.left + i * 52 * mm
            text(c, x, y, f"{title}: ", size=8)
            hline(c, x + width_of(f"{title}: ", REGULAR, 8), x + 48 * mm, y - 0.8 * mm, 0.4)
        stamp_w, stamp_h = 40 * mm, 24 * mm
        c.setLineWidth(0.5)
        c.setDash(2, 2)
        c.rect(self.right - stamp_w, y - 4 * mm, stamp_w, stamp_h, stroke=1, fill=0)
        c.setDash()
        text(
            c,
            self.right - stamp_w / 2,
            y - 4 * mm + stamp_h - 4 * mm,
            "Stamp / Cachet",
            size=7,
            align="center",
            color=GREY,
        )

    def closing_height(self) -> float:
        return (5 + 6 + 5 + 7 * BLANK_ROWS + 6 + 7 + 10 + 8) * mm

    # -- the sheet --

    def draw(self) -> int:
        s = self.sheet
        stamp = s.stamp
        assert stamp is not None
        prepared = []
        for number, member in enumerate(s.members, start=1):
            cells = self.cells(member, number)
            prepared.append((member, cells, self.row_height(cells)))
        body_top = self.height - MARGIN - HEADER_H - COLUMNS_H
        body = body_top - (MARGIN + FOOTER_H)
        pages: list[list[tuple[RosterMember, list[list[Line]], float]]] = [[]]
        used = 0.0
        for item in prepared:
            if pages[-1] and used + item[2] > body:
                pages.append([])
                used = 0.0
            pages[-1].append(item)
            used += item[2]
        closing_on_last = used + self.closing_height() <= body
        total_pages = len(pages) + (0 if closing_on_last else 1)
        number = 0
        for page_no in range(1, total_pages + 1):
            rows = pages[page_no - 1] if page_no <= len(pages) else []
            ids = [m.individual_id for m, _c, _h in rows]
            first = number + 1 if rows else 0
            number += len(rows)
            mac = stamp.mac([stamp.serial, stamp.reprint, page_no, total_pages, *ids])
            qr = (
                f"RSTR1|AT|{stamp.serial}|{page_no}|{total_pages}|{s.service_point_code}|"
                f"{s.period}|{first}|{number if rows else 0}|{mac}"
            )
            self.header(page_no, total_pages, qr, mac)
            top = self.height - MARGIN - HEADER_H
            if rows or page_no == 1:
                self.column_titles(top)
                y = body_top
                for _member, cells, height in rows:
                    self.draw_row(cells, y, height)
                    y -= height
                if not rows:
                    text(
                        self.c,
                        self.left + PAD,
                        y - 5 * mm,
                        "Nobody is listed for this period.",
                        font=ITALIC,
                        size=8,
                    )
                    y -= 8 * mm
                self.grid(body_top, y)
                top = y
            if page_no == total_pages:
                self.closing(top)
            self.footer(page_no, total_pages)
            self.c.showPage()
            self.job.step(len(rows))
        return total_pages


def render_attendance_sheets(
    sheets: list[AttendanceSheet],
    out: Path,
    *,
    paper: str = "A4",
    second_language: bool = True,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    invariant: bool = False,
) -> SheetResult:
    """Write ``sheets`` (from ``services.attendance.attendance_sheet_data``) to ``out``."""
    size = page_size(paper, landscape_mode=True)
    job = Job(sum(len(s.members) for s in sheets), progress, cancel)
    pages = 0
    title = "Attendance sheet " + ", ".join(
        f"{s.service_point_code} {s.period}" for s in sheets[:1]
    )
    author = sheets[0].stamp.printed_by if sheets and sheets[0].stamp else "Roster"
    with pdf_canvas(out, size, title=title, author=author, invariant=invariant) as c:
        for sheet in sheets:
            pages += _Sheet(c, sheet, size, second_language, job).draw()
    return SheetResult(
        path=Path(out),
        pages=pages,
        rows=sum(len(s.members) for s in sheets),
        serials=[s.stamp.serial for s in sheets if s.stamp],
    )
