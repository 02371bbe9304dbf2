"""The printed payment list, one document per pay point (printing.md §1.4, PL-01…PL-15).

A4 portrait (Letter on request), 12 mm margins. Every page repeats the header (programme,
two-language title, cycle and period, pay point with its area, serial, print date and user,
"Page n of N", "valid for <cycle> only — void after <date>", a page QR top right with its MAC
printed beneath) and the column titles; rows are at least 15 mm high with a 24 x 13 mm
signature / thumbprint box, and never split. Columns: No. (continuous within the pay point),
household (code and village), recipient (name, sex and age, national ID or a "no ID" warning),
proxy (secondary recipient and ID), amount due, a QR of the payment code, paid / paid-to boxes,
signature box. Every page's footer carries the rows and the total of the page, the running
total, blanks for what was paid on the page and the initials of the paying officer and a
witness, and the form code. After the last row: beneficiaries and amounts by village, the grand
total, blanks for paid / unpaid / cash returned, sign-off boxes (prepared by, paying officer,
two witnesses, verified by) and "No entries below this line".

Not implemented (need data Roster does not hold yet): logos, local-script plus Latin names on
two lines, a "remarks" column (the page is full), the per-print row log (G-01).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

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
    money,
    page_size,
    pdf_canvas,
    set_fill,
    text,
    two_language,
    watermark,
    width_of,
    wrap,
)
from app.reports.qr import draw_qr
from app.services.print_data import (
    DRAFT,
    OFFICE_COPY,
    PaymentListData,
    PaymentListRow,
    PaymentListSection,
)
from app.sync.progress import CancelToken, ProgressCallback

FORM = "RST-PL v1"
MARGIN = 12 * mm
HEADER_H = 36 * mm
COLUMNS_H = 9 * mm
FOOTER_H = 17 * mm
ROW_MIN = 15 * mm
PAD = 1.3 * mm
#: (label key, width in mm, alignment)
COLUMNS = (
    ("no", 8, "center"),
    ("household", 25, "left"),
    ("recipient", 46, "left"),
    ("proxy", 30, "left"),
    ("amount", 22, "right"),
    ("code", 15, "center"),
    ("paid", 12, "left"),
    ("signature", 28, "left"),
)
NAME_SIZE, SMALL = 8.5, 6.8
QR_SIZE = 11 * mm
PAGE_QR = 20 * mm


@dataclass(frozen=True)
class PrintResult:
    """What was printed: the file, its pages and rows, and each list's serial and total."""

    path: Path
    pages: int
    rows: int
    total: int
    serials: list[str]
    lists: list[tuple[str | None, str, int, int]]  # pay point, serial, rows, total


@dataclass
class _Cell:
    lines: list[Line]


@dataclass
class _Row:
    row: PaymentListRow
    cells: list[_Cell]
    height: float


def _column_x(left: float) -> list[tuple[float, float]]:
    xs, x = [], left
    for _key, width, _align in COLUMNS:
        xs.append((x, width * mm))
        x += width * mm
    return xs


def _prepare(row: PaymentListRow, currency: str) -> _Row:
    widths = [w * mm - 2 * PAD for _k, w, _a in COLUMNS]
    cells = [_Cell([(str(row.number), BOLD, 9, None)])]
    household: list[Line] = [
        (line, BOLD, 7.5, None) for line in wrap(row.household_code, BOLD, 7.5, widths[1])
    ]
    household += [
        (line, REGULAR, SMALL, GREY) for line in wrap(row.village_name, REGULAR, SMALL, widths[1])
    ]
    cells.append(_Cell(household))
    recipient: list[Line] = [
        (line, BOLD, NAME_SIZE, None) for line in wrap(row.name or "—", BOLD, NAME_SIZE, widths[2])
    ]
    facts = " · ".join(v for v in (row.sex, f"{row.age} y" if row.age is not None else "") if v)
    if facts:
        recipient.append((facts, REGULAR, SMALL, GREY))
    if row.national_id:
        recipient += [
            (line, REGULAR, SMALL, None)
            for line in wrap(f"ID {row.national_id}", REGULAR, SMALL, widths[2])
        ]
    else:
        recipient += [
            (line, BOLD, SMALL, None)
            for line in wrap("NO ID — check household card", BOLD, SMALL, widths[2])
        ]
    cells.append(_Cell(recipient))
    proxy: list[Line] = []
    if row.proxy_name:
        proxy += [
            (line, REGULAR, 7.5, None) for line in wrap(row.proxy_name, REGULAR, 7.5, widths[3])
        ]
        if row.proxy_national_id:
            proxy += [
                (line, REGULAR, SMALL, GREY)
                for line in wrap(f"ID {row.proxy_national_id}", REGULAR, SMALL, widths[3])
            ]
    else:
        proxy.append(("—", REGULAR, 7.5, GREY))
    cells.append(_Cell(proxy))
    amount: list[Line] = [
        (money(row.amount, currency, with_currency=False), BOLD, 9.5, None),
        (currency, REGULAR, SMALL, GREY),
    ]
    if row.over_cap:
        amount.append(("above cap", ITALIC, 6, None))
    cells.append(_Cell(amount))
    cells += [_Cell([]), _Cell([]), _Cell([])]
    needed = max(lines_height(cell.lines) for cell in cells)
    return _Row(row, cells, max(ROW_MIN, needed + 2 * PAD + 2))  # fmt: skip


@dataclass
class _Page:
    rows: list[_Row]
    summary: bool = False


def _summary_height(section: PaymentListSection, signatures: bool) -> float:
    return ((66 if signatures else 32) + 4.2 * len(section.by_village())) * mm


def _paginate(rows: list[_Row], body: float, summary_h: float) -> list[_Page]:
    pages: list[_Page] = [_Page([])]
    used = 0.0
    for row in rows:
        if pages[-1].rows and used + row.height > body:
            pages.append(_Page([]))
            used = 0.0
        pages[-1].rows.append(row)
        used += row.height
    if used + summary_h <= body or not pages[-1].rows:
        pages[-1].summary = True
    else:
        pages.append(_Page([], summary=True))
    return pages


class _Renderer:
    def __init__(
        self,
        c: Canvas,
        data: PaymentListData,
        size: tuple[float, float],
        second: bool,
        job: Job,
    ) -> None:
        self.c, self.data, self.second, self.job = c, data, second, job
        self.width, self.height = size
        self.left, self.right = MARGIN, self.width - MARGIN
        self.columns = _column_x(self.left)
        self.signatures = data.copy not in (OFFICE_COPY, DRAFT)
        self.boxes = self.define_boxes()

    # -- page furniture --

    def mark(self) -> str | None:
        if self.data.copy == DRAFT:
            return "DRAFT — NOT FOR PAYMENT"
        if self.data.copy == OFFICE_COPY:
            return "OFFICE COPY — NOT FOR PAYMENT"
        return None

    def header(self, section: PaymentListSection, page: int, pages: int, qr: str, mac: str) -> None:
        c, d, second = self.c, self.data, self.second
        top = self.height - MARGIN
        stamp = section.stamp
        draw_qr(c, qr, self.right - PAGE_QR, top - PAGE_QR, PAGE_QR)
        text(
            c,
            self.right - PAGE_QR / 2,
            top - PAGE_QR - 3.2 * mm,
            mac,
            font=BOLD,
            size=7,
            align="center",
        )
        text(
            c,
            self.right - PAGE_QR / 2,
            top - PAGE_QR - 6 * mm,
            "MAC",
            size=5.5,
            align="center",
            color=GREY,
        )
        y = top - 5 * mm
        beside_qr = self.right - PAGE_QR - 3 * mm
        text(c, self.left, y, "PAYMENT LIST", font=BOLD, size=14)
        x = self.left + width_of("PAYMENT LIST", BOLD, 14) + 3 * mm
        if second:
            text(c, x, y, "Liste de paiement", font=ITALIC, size=10, color=GREY)
            x += width_of("Liste de paiement", ITALIC, 10) + 4 * mm
        page_label = f"Page {page} of {pages}"
        text(c, beside_qr, y, page_label, font=BOLD, size=10, align="right")
        if stamp.replaces:
            note = f"REPRINT {stamp.reprint} — replaces print {stamp.reprint - 1}"
            room = beside_qr - width_of(page_label, BOLD, 10) - 4 * mm - x
            text(c, x, y, note, font=BOLD, size=fit(note, BOLD, 8.5, room))
        line = 5.2 * mm
        y -= line + 0.6 * mm
        programme = f"{d.programme_code} — {d.programme_name}"
        field_line(c, self.left, y, "programme", programme, second=second, limit=beside_qr)
        y -= line
        x = field_line(c, self.left, y, "cycle", d.cycle_code, second=second)
        period = f"{day(d.cycle_start)} – {day(d.cycle_end)}"
        field_line(c, x + 4 * mm, y, "payment_date", period, second=second, limit=beside_qr)
        y -= line
        point = (
            f"{section.pay_point_code} {section.pay_point_name}"
            if section.pay_point_code
            else "none (households without a pay point)"
        )
        x = field_line(c, self.left, y, "pay_point", point, second=second, limit=beside_qr)
        if section.area and x + 2 * mm + width_of(f"({section.area})", REGULAR, 7) < beside_qr:
            text(c, x + 2 * mm, y, f"({section.area})", size=7, color=GREY)
        y -= line
        x = field_line(c, self.left, y, "serial", stamp.serial, second=second)
        printed = f"{stamp.printed_at:%Y-%m-%d %H:%M} UTC, {stamp.printed_by}"
        field_line(c, x + 4 * mm, y, "printed", printed, second=second, limit=beside_qr)
        y -= line
        x = field_line(
            c, self.left, y, "district", f"{d.district_code} {d.district_name}", second=second
        )
        notice = f"Valid for {d.cycle_code} only — void after {day(d.void_after)}"
        if self.mark():
            notice = f"{self.mark()}  ·  {notice}"
        if d.approved_by:
            notice += f"  ·  approved by {d.approved_by}"
        size = fit(notice, BOLD, 7.5, self.right - x - 4 * mm)
        text(c, x + 4 * mm, y, notice, font=BOLD, size=size)

    def column_titles(self, top: float) -> None:
        c = self.c
        set_fill(c, (0.93, 0.93, 0.93))
        c.rect(self.left, top - COLUMNS_H, self.right - self.left, COLUMNS_H, stroke=0, fill=1)
        for (key, _w, align), (x, width) in zip(COLUMNS, self.columns, strict=True):
            if key == "code":
                key_x, al = x + width / 2, "center"
            elif align == "right":
                key_x, al = x + width - PAD, "right"
            elif align == "center":
                key_x, al = x + width / 2, "center"
            else:
                key_x, al = x + PAD, "left"
            two_language(
                c, key_x, top - 3.6 * mm, key, second=self.second, size=6.8, align=al,
                width=width - 2 * PAD,
            )  # fmt: skip
        hline(c, self.left, self.right, top, 0.8)
        hline(c, self.left, self.right, top - COLUMNS_H, 0.8)

    def footer(
        self, section: PaymentListSection, page: int, pages: int, rows: list[_Row], running: int
    ) -> None:
        c, d = self.c, self.data
        y = MARGIN + FOOTER_H - 4 * mm
        page_total = sum(r.row.amount for r in rows)
        first_last = f"rows {rows[0].row.number}–{rows[-1].row.number}" if rows else "no rows"
        text(c, self.left, y, f"This page: {len(rows)} beneficiaries ({first_last})", size=7.5)
        text(
            c,
            self.left + 70 * mm,
            y,
            f"Page total: {money(page_total, d.currency)}",
            font=BOLD,
            size=8,
        )
        text(
            c,
            self.right,
            y,
            f"Running total: {money(running, d.currency)}",
            font=BOLD,
            size=8,
            align="right",
        )
        y -= 5.5 * mm
        if self.signatures:
            text(
                c, self.left, y, "Paid on this page: count ______  amount ______________", size=7.5
            )
            text(c, self.left + 93 * mm, y, "Paid to: R recipient, P proxy", size=6.5, color=GREY)
            text(
                c,
                self.right,
                y,
                "Initials: paying officer ______  witness ______",
                size=7.5,
                align="right",
            )
        y -= 5 * mm
        text(
            c,
            self.left,
            y,
            f"{FORM}   ·   {section.stamp.serial}   ·   "
            f"printed {section.stamp.printed_at:%Y-%m-%d}",
            size=6.5,
            color=GREY,
        )
        text(c, self.right, y, f"Page {page} of {pages}", size=6.5, align="right", color=GREY)

    # -- rows --

    def draw_row(self, row: _Row, top: float) -> None:
        c = self.c
        bottom = top - row.height
        for (key, _w, align), (x, width), cell in zip(
            COLUMNS, self.columns, row.cells, strict=True
        ):
            draw_lines(c, x + PAD, top - PAD - 1, width - 2 * PAD, cell.lines, align=align)
            if key == "code":
                draw_qr(
                    c, row.row.payment_code, x + (width - QR_SIZE) / 2, top - PAD - QR_SIZE, QR_SIZE
                )
        # The boxes are the same on every row: drawn once as a form, placed per row.
        paid_x = self.columns[6][0]
        c.saveState()
        c.translate(paid_x, top)
        c.doForm(self.boxes)
        c.restoreState()
        hline(c, self.left, self.right, bottom, 0.4)

    def define_boxes(self) -> str:
        """The paid / paid-to boxes and the signature box of a row, as a reusable form whose
        origin is the top-left corner of the "paid" cell."""
        c = self.c
        name = "RosterRowBoxes" + ("" if self.signatures else "NoSig")
        c.beginForm(name, lowerx=0, lowery=-40 * mm, upperx=80 * mm, uppery=0)
        c.setFillColorRGB(0, 0, 0)
        box = 3 * mm
        for i, mark in enumerate(("Paid", "R", "P")):
            yy = -PAD - box - i * (box + 1.1 * mm)
            checkbox(c, PAD, yy, box)
            c.setFont(REGULAR, 6)
            c.drawString(PAD + box + 1.2, yy + 2.2, mark)
        if self.signatures:
            x, width = self.columns[7][0] - self.columns[6][0], self.columns[7][1]
            c.setLineWidth(0.4)
            c.setDash(1.5, 1.5)
            c.rect(x + (width - 24 * mm) / 2, -1 * mm - 13 * mm, 24 * mm, 13 * mm, stroke=1, fill=0)
            c.setDash()
        c.endForm()
        return name

    def grid(self, top: float, bottom: float) -> None:
        c = self.c
        c.setLineWidth(0.4)
        for x, _w in self.columns[1:]:
            c.line(x, top, x, bottom)
        c.line(self.left, top, self.left, bottom)
        c.line(self.right, top, self.right, bottom)

    def summary(self, section: PaymentListSection, top: float) -> None:
        c, d = self.c, self.data
        y = top - 6 * mm
        text(c, self.left, y, "Summary of this list", font=BOLD, size=10)
        if self.second:
            x = self.left + width_of("Summary of this list", BOLD, 10) + 3 * mm
            text(c, x, y, "Récapitulatif de la liste", font=ITALIC, size=8, color=GREY)
        y -= 5.5 * mm
        text(c, self.left, y, "Village", font=BOLD, size=7.5)
        text(c, self.left + 110 * mm, y, "Beneficiaries", font=BOLD, size=7.5, align="right")
        text(c, self.left + 150 * mm, y, "Amount due", font=BOLD, size=7.5, align="right")
        hline(c, self.left, self.left + 150 * mm, y - 1.5 * mm, 0.4)
        for village, count, amount in section.by_village():
            y -= 4.2 * mm
            text(c, self.left, y, village, size=7.5)
            text(c, self.left + 110 * mm, y, str(count), size=7.5, align="right")
            text(c, self.left + 150 * mm, y, money(amount, d.currency), size=7.5, align="right")
        y -= 5 * mm
        hline(c, self.left, self.left + 150 * mm, y + 3.2 * mm, 0.6)
        text(c, self.left, y, "GRAND TOTAL", font=BOLD, size=9)
        text(c, self.left + 110 * mm, y, str(len(section.rows)), font=BOLD, size=9, align="right")
        text(
            c,
            self.left + 150 * mm,
            y,
            money(section.total, d.currency),
            font=BOLD,
            size=9,
            align="right",
        )
        if not self.signatures:
            y -= 8 * mm
            text(
                c,
                self.left,
                y,
                "No signatures on this copy: it is not used for payment.",
                font=ITALIC,
                size=8,
            )
            return
        y -= 8 * mm
        text(
            c,
            self.left,
            y,
            "Paid: count ______ amount ______________     "
            "Not paid: count ______ amount ______________     "
            "Cash returned: ______________",
            size=7.5,
        )
        y -= 5 * mm
        roles = (
            ("Prepared by", d.prepared_by),
            ("Paying officer", ""),
            ("Witness 1", ""),
            ("Witness 2", ""),
            ("Verified by", ""),
        )
        width = (self.right - self.left) / len(roles)
        box_h = 24 * mm
        for i, (role, name) in enumerate(roles):
            x = self.left + i * width
            c.setLineWidth(0.5)
            c.rect(x + 1, y - box_h, width - 2, box_h, stroke=1, fill=0)
            text(c, x + PAD + 1, y - 3.5 * mm, role, font=BOLD, size=7)
            text(c, x + PAD + 1, y - 8 * mm, f"Name: {name}" if name else "Name:", size=6.5)
            text(c, x + PAD + 1, y - 14 * mm, "Signature:", size=6.5)
            text(c, x + PAD + 1, y - 21 * mm, "Date:", size=6.5)
        y -= box_h + 5 * mm
        hline(c, self.left, self.right, y + 2 * mm, 1.2)
        text(
            c,
            (self.left + self.right) / 2,
            y - 2 * mm,
            "No entries below this line",
            font=BOLD,
            size=8,
            align="center",
        )

    # -- one list --

    def section(self, section: PaymentListSection) -> int:
        d = self.data
        rows = [_prepare(r, d.currency) for r in section.rows]
        body_top = self.height - MARGIN - HEADER_H - COLUMNS_H
        body = body_top - (MARGIN + FOOTER_H)
        pages = _paginate(rows, body, _summary_height(section, self.signatures))
        running = 0
        stamp = section.stamp
        for number, page in enumerate(pages, start=1):
            page_total = sum(r.row.amount for r in page.rows)
            running += page_total
            first = page.rows[0].row.number if page.rows else 0
            last = page.rows[-1].row.number if page.rows else 0
            mac = stamp.mac(
                [stamp.serial, stamp.reprint, number, len(pages), page_total]
                + [f"{r.row.payment_id}:{r.row.amount}" for r in page.rows]
            )
            qr = (
                f"RSTR1|PL|{stamp.serial}|{stamp.reprint}|{number}|{len(pages)}|"
                f"{first}|{last}|{page_total}|{mac}"
            )
            mark = self.mark()
            if mark:
                watermark(self.c, self.width, self.height, mark)
            elif stamp.replaces:
                watermark(
                    self.c,
                    self.width,
                    self.height,
                    f"REPRINT {stamp.reprint} — replaces {stamp.replaces}",
                )
            self.header(section, number, len(pages), qr, mac)
            top = self.height - MARGIN - HEADER_H
            if page.rows:
                self.column_titles(top)
                y = body_top
                for row in page.rows:
                    self.draw_row(row, y)
                    y -= row.height
                self.grid(body_top, y)
                top = y
            if page.summary:
                self.summary(section, top)
            self.footer(section, number, len(pages), page.rows, running)
            self.c.showPage()
            self.job.step(len(page.rows))
        return len(pages)


def render_payment_list(
    data: PaymentListData,
    out: Path,
    *,
    paper: str = "A4",
    second_language: bool = True,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    invariant: bool = False,
) -> PrintResult:
    """Write ``data``'s lists (one per pay point, each paginated on its own) to ``out``."""
    size = page_size(paper)
    job = Job(data.rows, progress, cancel)
    pages = 0
    with pdf_canvas(
        out,
        size,
        title=f"Payment list {data.payroll_name}",
        author=data.printed_by,
        invariant=invariant,
    ) as c:
        renderer = _Renderer(c, data, size, second_language, job)
        for section in data.sections:
            pages += renderer.section(section)
    return PrintResult(
        path=Path(out),
        pages=pages,
        rows=data.rows,
        total=data.total,
        serials=[s.stamp.serial for s in data.sections],
        lists=[(s.pay_point_code, s.stamp.serial, len(s.rows), s.total) for s in data.sections],
    )
