"""Shared pieces of Roster's printed documents: page, fonts, labels, wrapping, money, boxes.

Rules every document follows (printing.md §7): embedded TTF fonts only (the canvas starts in
them, so no base-14 font is ever referenced), A4 by default and Letter on request, margins of
at least 10 mm, labels in two languages (the primary in bold, the second in italics beneath),
"Page n of N", the serial and the print date on every page, a form code and version in the
footer. Documents are paginated before drawing (rows never split), so "of N" is exact in one
pass, and are written to a temporary file renamed into place at the end: a cancelled or failed
print leaves no half-written file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.errors import Cancelled, FieldError, ValidationFailed
from app.reports.fonts import BOLD, ITALIC, REGULAR, register_fonts
from app.sync.progress import CancelToken, Progress, ProgressCallback

#: Points per millimetre.
mm = 72 / 25.4
PAPER = {"A4": A4, "LETTER": letter}
BLACK = (0.0, 0.0, 0.0)
GREY = (0.35, 0.35, 0.35)
LIGHT = (0.85, 0.85, 0.85)

#: Two-language labels: (primary, second). The second language is French (the demo district's
#: official language); ``second=False`` prints the primary only.
LABELS: dict[str, tuple[str, str]] = {
    "payment_list": ("Payment list", "Liste de paiement"),
    "attendance_sheet": ("Attendance sheet", "Fiche de présence"),
    "programme": ("Programme", "Programme"),
    "cycle": ("Cycle", "Cycle"),
    "period": ("Period", "Période"),
    "pay_point": ("Pay point", "Point de paiement"),
    "district": ("District", "District"),
    "serial": ("Serial", "N° de série"),
    "printed": ("Printed", "Imprimé le"),
    "payment_date": ("Payment period", "Période de paiement"),
    "no": ("No.", "N°"),
    "household": ("Household", "Ménage"),
    "recipient": ("Recipient", "Bénéficiaire"),
    "proxy": ("Proxy", "Mandataire"),
    "amount": ("Amount due", "Montant dû"),
    "code": ("Code", "Code"),
    "paid": ("Paid", "Payé"),
    "signature": ("Signature / thumb", "Signature / empreinte"),
    "member": ("Member", "Membre"),
    "sex_dob": ("Sex, born", "Sexe, né(e)"),
    "caregiver": ("Caregiver", "Responsable"),
    "total": ("Total", "Total"),
    "outcome": ("Met", "Respecté"),
    "reason": ("Reason", "Motif"),
    "remarks": ("Remarks", "Remarques"),
    "condition": ("Condition", "Condition"),
    "facility": ("Facility", "Établissement"),
    "return_by": ("Return by", "À retourner le"),
}


def width_of(value: str, font: str, size: float) -> float:
    """Width in points of ``value`` set in ``font`` at ``size``."""
    return float(stringWidth(value, font, size))


def label(key: str, *, second: bool = True) -> tuple[str, str | None]:
    primary, other = LABELS[key]
    return primary, other if second else None


#: Currencies without minor units (amounts are whole units); others have two decimals.
NO_DECIMALS = frozenset({"XOF", "XAF", "GNF", "BIF", "RWF", "UGX", "KMF", "DJF", "MGA", "JPY"})


def money(amount: int, currency: str, *, with_currency: bool = True) -> str:
    """``amount`` (integer minor units) with thousands separators: ``15,000 XOF``."""
    value = abs(amount)
    shown = f"{value:,}" if currency in NO_DECIMALS else f"{value // 100:,}.{value % 100:02d}"
    shown = ("-" if amount < 0 else "") + shown
    return f"{shown} {currency}" if with_currency else shown


def day(value: Any) -> str:
    """A date as printed: ISO (unambiguous in every language)."""
    return value.isoformat() if value is not None else ""


def wrap(text: str, font: str, size: float, width: float, *, max_lines: int = 0) -> list[str]:
    """``text`` in lines no wider than ``width``; words longer than a line are cut by
    character, never dropped (printing.md: names wrap and are never truncated).

    With ``max_lines`` the text is kept to that many lines, the last ending with "…"; use it
    only for free text (remarks), never for names.
    """
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if width_of(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while width_of(word, font, size) > width:
            cut = len(word) - 1
            while cut > 1 and width_of(word[:cut], font, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and width_of(last + "…", font, size) > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines or [""]


def page_size(paper: str, *, landscape_mode: bool = False) -> tuple[float, float]:
    try:
        size = PAPER[paper.upper()]
    except KeyError:
        raise ValidationFailed(
            [FieldError("paper", "UNKNOWN_PAPER", {"allowed": ", ".join(PAPER)})]
        ) from None
    width, height = landscape(size) if landscape_mode else size
    return float(width), float(height)


class Job:
    """Progress reports and the cancel check of one print run."""

    def __init__(
        self, total: int, progress: ProgressCallback | None, cancel: CancelToken | None
    ) -> None:
        self.total, self.progress, self.cancel = total, progress, cancel
        self.done = 0

    def step(self, count: int = 1) -> None:
        self.done += count
        if self.cancel is not None and self.cancel.cancelled:
            raise Cancelled("printing cancelled; no file was written")
        if self.progress is not None:
            self.progress(Progress("render", self.done, self.total))


@contextmanager
def pdf_canvas(
    out: Path, pagesize: tuple[float, float], *, title: str, author: str, invariant: bool
) -> Iterator[Canvas]:
    """A canvas writing to a temporary file beside ``out``, renamed to ``out`` on success."""
    register_fonts()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".pdf", dir=out.parent)
    os.close(fd)
    # Binary (Flate-only) streams: ReportLab's pure-Python ASCII85 step otherwise takes a
    # third of a big list's time and makes the file 25 % larger.
    use_a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        canvas = Canvas(
            tmp,
            pagesize=pagesize,
            invariant=1 if invariant else 0,
            initialFontName=REGULAR,
            initialFontSize=8,
            pageCompression=1,
        )
        canvas.setTitle(title)
        canvas.setAuthor(author)
        canvas.setCreator("Roster")
        yield canvas
        canvas.save()
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        rl_config.useA85 = use_a85


# --- drawing helpers ------------------------------------------------------------------------


def set_fill(c: Canvas, rgb: tuple[float, float, float]) -> None:
    """Set the fill colour unless it is already set (each change costs page bytes and time)."""
    if getattr(c, "_roster_fill", (0.0, 0.0, 0.0)) != rgb:
        c.setFillColorRGB(*rgb)
        c._roster_fill = rgb


def text(
    c: Canvas,
    x: float,
    y: float,
    value: str,
    *,
    font: str = REGULAR,
    size: float = 8,
    align: str = "left",
    color: tuple[float, float, float] | None = None,
) -> None:
    set_fill(c, color or BLACK)
    if c._fontname != font or c._fontsize != size:
        c.setFont(font, size)
    if align == "right":
        c.drawRightString(x, y, value)
    elif align == "center":
        c.drawCentredString(x, y, value)
    else:
        c.drawString(x, y, value)


Line = tuple[str, str, float, tuple[float, float, float] | None]  # text, font, size, colour


def draw_lines(
    c: Canvas, x: float, top: float, width: float, lines: list[Line], *, align: str = "left"
) -> None:
    """Stacked lines in one text object (much cheaper than one ``drawString`` each), the first
    baseline just under ``top``; ``x``/``width`` bound the column for right or centre."""
    if not lines:
        return
    t = c.beginText()
    face: tuple[str, float] | None = None
    colour: tuple[float, float, float] | None = getattr(c, "_roster_fill", BLACK)
    y = top
    for value, font, size, col in lines:
        y -= size * 0.8
        if face != (font, size):
            t.setFont(font, size)
            face = (font, size)
        wanted = col or BLACK
        if wanted != colour:
            t.setFillColorRGB(*wanted)
            colour = wanted
        if align == "left":
            at = x
        else:
            used = width_of(value, font, size)
            at = x + width - used if align == "right" else x + (width - used) / 2
        t.setTextOrigin(at, y)
        t.textOut(value)
        y -= size * 0.2 + 1.6
    c.drawText(t)
    c._roster_fill = colour


def lines_height(lines: list[Line]) -> float:
    return sum(size + 1.6 for _t, _f, size, _c in lines)


def fit(value: str, font: str, size: float, width: float, *, smallest: float = 5) -> float:
    """The largest font size up to ``size`` at which ``value`` fits ``width``."""
    while size > smallest and width_of(value, font, size) > width:
        size -= 0.25
    return size


def two_language(
    c: Canvas,
    x: float,
    y: float,
    key: str,
    *,
    second: bool,
    size: float = 7,
    align: str = "left",
    width: float | None = None,
) -> None:
    """A label: the primary language in bold at ``y``, the second in italics beneath; with
    ``width`` both shrink to fit it."""
    primary, other = label(key, second=second)
    top = fit(primary, BOLD, size, width) if width else size
    text(c, x, y, primary, font=BOLD, size=top, align=align)
    if other:
        low = fit(other, ITALIC, size - 1, width) if width else size - 1
        text(c, x, y - size - 0.5, other, font=ITALIC, size=low, align=align, color=GREY)


def field_line(
    c: Canvas,
    x: float,
    y: float,
    key: str,
    value: str,
    *,
    second: bool,
    size: float = 8,
    limit: float | None = None,
) -> float:
    """``Label / Libellé: value`` on one line (shrunk to end before ``limit``); returns the x
    after it."""
    primary, other = label(key, second=second)
    caption = f"{primary} / {other}: " if other else f"{primary}: "
    if limit is not None:
        whole = width_of(caption, ITALIC, size - 1) + width_of(value, BOLD, size)
        while size > 5 and whole > limit - x:
            size -= 0.25
            whole = width_of(caption, ITALIC, size - 1) + width_of(value, BOLD, size)
    text(c, x, y, caption, font=ITALIC, size=size - 1, color=GREY)
    x += width_of(caption, ITALIC, size - 1)
    text(c, x, y, value, font=BOLD, size=size)
    return x + width_of(value, BOLD, size)


def checkbox(c: Canvas, x: float, y: float, size: float = 3.2 * mm) -> None:
    """An empty square with its lower-left corner at (x, y)."""
    c.setLineWidth(0.6)
    c.rect(x, y, size, size, stroke=1, fill=0)


def watermark(c: Canvas, width: float, height: float, value: str) -> None:
    """Large light diagonal text across the page (drawn first, under the content)."""
    c.saveState()
    c.setFillColorRGB(*LIGHT)
    c.translate(width / 2, height / 2)
    c.rotate(35)
    size = 44.0
    while width_of(value, BOLD, size) > width * 1.05 and size > 16:
        size -= 2
    c.setFont(BOLD, size)
    c.drawCentredString(0, -size / 3, value)
    c.restoreState()


def hline(c: Canvas, x0: float, x1: float, y: float, width: float = 0.5) -> None:
    c.setLineWidth(width)
    c.line(x0, y, x1, y)
