"""The printed acknowledgement of a grievance (printing.md §4.4).

One A4 portrait page cut in two A5-landscape halves by a dashed line (GR-01): the top half is
the complainant's slip, the bottom half the office stub. Labels are in the slip's language
(English or French, GR-06) and the title in both. The slip shows the ticket number large with
its check character, when and how it was received, the category in plain words, a summary of
at most three lines, the complainant or "Anonymous", the beneficiary ID, who received it, the
expected response date from the category's SLA and how to follow up, plus a QR code holding only
``RSTR1|GR|<code>|<MAC>`` (GR-02). For a sensitive category the slip keeps only the ticket
number, the date and the follow-up (GR-04). The stub adds the contact phone, consent boxes, the
linked household and its programmes, and signature boxes for the complainant and the receiving
officer (GR-03). A reprint prints "COPY" across both halves.

Every half carries the form code, the print serial, the print date and "Page 1 of 1" (P-02,
P-03). Fonts are the embedded DejaVu faces of ``app.reports.fonts`` (P-01).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from app.reports.fonts import BOLD, ITALIC, REGULAR
from app.reports.layout import (
    GREY,
    LIGHT,
    day,
    fit,
    hline,
    mm,
    page_size,
    pdf_canvas,
    text,
    width_of,
    wrap,
)
from app.reports.qr import draw_qr
from app.services.grievance_queries import GrievanceReceipt
from app.services.print_log import PrintStamp

FORM = "RST-GR v1"
MARGIN = 10 * mm
QR_SIZE = 24 * mm
LANGUAGES = ("en", "fr")

# Words printed on the receipt, per language (the UI's catalogue is not reachable from here:
# reports never import app.ui).
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Grievance receipt",
        "stub_title": "Grievance receipt: office stub",
        "office": "Social protection programme, {district} office",
        "ticket": "Ticket no.",
        "received": "Received on",
        "channel": "Channel",
        "category": "Category",
        "complainant": "Complainant",
        "anonymous": "Anonymous",
        "beneficiary_id": "Beneficiary ID",
        "received_by": "Received by",
        "respond_by": "Expected response by",
        "within": "within {days} days",
        "summary": "Summary",
        "follow_up": "How to follow up",
        "follow_up_text": (
            "Keep this slip. To ask about your grievance, come to the {district} social "
            "protection office during office hours or call the programme hotline, and give "
            "the ticket number above. Bring this slip with you."
        ),
        "phone": "Contact phone",
        "consent": "Consent to share data",
        "yes": "Yes",
        "no": "No",
        "household": "Household",
        "programmes": "Programmes",
        "priority": "Priority",
        "complainant_sign": "Complainant's signature or thumbprint",
        "officer_sign": "Receiving officer's signature",
        "cut": "cut here",
        "copy": "COPY",
        "page": "Page 1 of 1",
        "serial": "Serial",
        "printed": "Printed",
        "none": "-",
    },
    "fr": {
        "title": "Accusé de réception de plainte",
        "stub_title": "Accusé de réception : talon du bureau",
        "office": "Programme de protection sociale, bureau de {district}",
        "ticket": "N° de ticket",
        "received": "Reçue le",
        "channel": "Canal",
        "category": "Catégorie",
        "complainant": "Plaignant(e)",
        "anonymous": "Anonyme",
        "beneficiary_id": "N° de bénéficiaire",
        "received_by": "Reçue par",
        "respond_by": "Réponse attendue au plus tard le",
        "within": "sous {days} jours",
        "summary": "Résumé",
        "follow_up": "Comment suivre votre plainte",
        "follow_up_text": (
            "Gardez ce coupon. Pour connaître la suite donnée à votre plainte, venez au bureau "
            "de protection sociale de {district} aux heures d’ouverture ou appelez la ligne "
            "verte du programme, en donnant le numéro de ticket ci-dessus. Apportez ce coupon."
        ),
        "phone": "Téléphone de contact",
        "consent": "Accord pour partager les données",
        "yes": "Oui",
        "no": "Non",
        "household": "Ménage",
        "programmes": "Programmes",
        "priority": "Priorité",
        "complainant_sign": "Signature ou empreinte du/de la plaignant(e)",
        "officer_sign": "Signature de l’agent qui a reçu la plainte",
        "cut": "découper ici",
        "copy": "COPIE",
        "page": "Page 1 sur 1",
        "serial": "N° de série",
        "printed": "Imprimé le",
        "none": "-",
    },
}
VOCAB: dict[str, dict[str, str]] = {
    "en": {
        "IN_PERSON": "In person",
        "PHONE": "Phone call",
        "SMS": "SMS",
        "LETTER": "Letter",
        "COMMUNITY_MEETING": "Community meeting",
        "SUGGESTION_BOX": "Suggestion box",
        "PAYMENT": "Payment",
        "TARGETING": "Targeting and eligibility",
        "REGISTRATION": "Registration",
        "SERVICE_QUALITY": "Service quality",
        "MISCONDUCT": "Staff misconduct or abuse",
        "OTHER": "Other",
        "LOW": "Low",
        "MEDIUM": "Medium",
        "HIGH": "High",
        "CRITICAL": "Critical",
    },
    "fr": {
        "IN_PERSON": "En personne",
        "PHONE": "Appel téléphonique",
        "SMS": "SMS",
        "LETTER": "Courrier",
        "COMMUNITY_MEETING": "Réunion communautaire",
        "SUGGESTION_BOX": "Boîte à suggestions",
        "PAYMENT": "Paiement",
        "TARGETING": "Ciblage et éligibilité",
        "REGISTRATION": "Enregistrement",
        "SERVICE_QUALITY": "Qualité du service",
        "MISCONDUCT": "Faute ou abus d’un agent",
        "OTHER": "Autre",
        "LOW": "Basse",
        "MEDIUM": "Moyenne",
        "HIGH": "Haute",
        "CRITICAL": "Critique",
    },
}


@dataclass(frozen=True)
class ReceiptResult:
    path: Path
    pages: int
    serial: str


def receipt_mac(stamp: PrintStamp, code: str) -> str:
    """The MAC printed under the QR: over the document kind, the ticket number and the serial."""
    return stamp.mac(["GR", code, stamp.serial])


def qr_payload(code: str, mac: str) -> str:
    """What the slip's QR holds: the ticket number and its MAC, nothing personal (GR-02)."""
    return f"RSTR1|GR|{code}|{mac}"


class _Half:
    """One half of the page (slip or stub), drawn top-down from ``top``."""

    def __init__(
        self,
        c: Canvas,
        receipt: GrievanceReceipt,
        stamp: PrintStamp,
        language: str,
        *,
        top: float,
        bottom: float,
        width: float,
    ) -> None:
        self.c, self.r, self.stamp = c, receipt, stamp
        self.w = WORDS[language]
        self.vocab = VOCAB[language]
        self.other = WORDS["fr" if language == "en" else "en"]
        self.top, self.bottom = top, bottom
        self.left, self.right = MARGIN, width - MARGIN

    def word(self, key: str) -> str:
        return self.w[key]

    def plain(self, value: str) -> str:
        return self.vocab.get(value, value.replace("_", " ").capitalize())

    def district(self) -> str:
        return self.r.district_name or self.r.district_code

    # --- pieces -------------------------------------------------------------------------------

    def header(self, title_key: str, *, qr: bool) -> float:
        c, x = self.c, self.left
        limit = self.right - (QR_SIZE + 4 * mm if qr else 0) - x
        y = self.top - 4 * mm
        office = self.word("office").format(district=self.district())
        text(c, x, y, office, font=REGULAR, size=fit(office, REGULAR, 8, limit), color=GREY)
        y -= 6.5 * mm
        title = self.word(title_key)
        text(c, x, y, title, font=BOLD, size=fit(title, BOLD, 14, limit))
        y -= 4.5 * mm
        second = self.other[title_key]
        text(c, x, y, second, font=ITALIC, size=fit(second, ITALIC, 9, limit), color=GREY)
        y -= 8.5 * mm
        text(c, x, y + 3.6 * mm, self.word("ticket"), font=ITALIC, size=7, color=GREY)
        number = f"{self.r.code} · {self.r.check_character}"
        text(c, x, y - 2 * mm, number, font=BOLD, size=fit(number, BOLD, 17, limit, smallest=14))
        if qr:
            mac = receipt_mac(self.stamp, self.r.code)
            qx, qy = self.right - QR_SIZE, self.top - 3 * mm - QR_SIZE
            draw_qr(c, qr_payload(self.r.code, mac), qx, qy, QR_SIZE)
            text(c, qx + QR_SIZE / 2, qy - 3 * mm, mac, size=7, align="center")
        return y - 6 * mm

    def field(
        self, x: float, y: float, width: float, key: str, value: str, *, bold: bool = False
    ) -> None:
        text(self.c, x, y, self.word(key), font=ITALIC, size=7, color=GREY)
        font = BOLD if bold else REGULAR
        shown = value or self.word("none")
        text(self.c, x, y - 4.2 * mm, shown, font=font, size=fit(shown, font, 10, width - 2 * mm))

    def fields(self, y: float, items: list[tuple[str, str, bool]], columns: int = 3) -> float:
        """``items`` in a grid of ``columns`` columns; returns the y under the last row."""
        width = (self.right - self.left) / columns
        for i, (key, value, bold) in enumerate(items):
            row, col = divmod(i, columns)
            self.field(self.left + col * width, y - row * 10 * mm, width, key, value, bold=bold)
        rows = (len(items) + columns - 1) // columns
        return y - rows * 10 * mm

    def paragraph(self, y: float, key: str, body: str, *, max_lines: int, size: float = 9) -> float:
        c = self.c
        text(c, self.left, y, self.word(key), font=ITALIC, size=7, color=GREY)
        y -= 4.2 * mm
        lines: list[str] = []
        for part in body.splitlines() or [""]:
            lines += wrap(part, REGULAR, size, self.right - self.left)
        if len(lines) > max_lines:
            width = self.right - self.left
            lines = wrap(" ".join(lines), REGULAR, size, width, max_lines=max_lines)
        for line in lines:
            text(c, self.left, y, line, size=size)
            y -= size * 1.3
        return y - 1.5 * mm

    def footer(self) -> None:
        printed = self.stamp.printed_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
        parts = [
            FORM,
            f"{self.word('serial')} {self.stamp.serial}",
            f"{self.word('printed')} {printed} ({self.stamp.printed_by})",
            self.word("page"),
        ]
        y = self.bottom + 4 * mm
        hline(self.c, self.left, self.right, y + 3.5 * mm, width=0.3)
        line = "   ·   ".join(parts)
        text(self.c, self.left, y, line, size=fit(line, REGULAR, 7, self.right - self.left))

    def copy_mark(self) -> None:
        if self.stamp.reprint <= 1:
            return
        c = self.c
        c.saveState()
        c.setFillColorRGB(*LIGHT)
        c.translate((self.left + self.right) / 2, (self.top + self.bottom) / 2)
        c.rotate(20)
        c.setFont(BOLD, 60)
        c.drawCentredString(0, -20, self.word("copy"))
        c.restoreState()

    def received_at(self) -> str:
        moment = self.r.received_at
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        if moment.date() == self.r.received_on:
            return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
        return day(self.r.received_on)

    def respond_by(self) -> str:
        due = day(self.r.due_date)
        within = self.word("within").format(days=self.r.sla_days)
        return f"{due} ({within})" if due else within

    def complainant(self) -> str:
        if self.r.anonymous or not self.r.complainant_name:
            return self.word("anonymous")
        return self.r.complainant_name

    # --- halves -------------------------------------------------------------------------------

    def slip(self) -> None:
        self.copy_mark()
        y = self.header("title", qr=True)
        follow = self.word("follow_up_text").format(district=self.district())
        if self.r.sensitive:
            # GR-04: only the number, the date and how to follow up.
            y = self.fields(y, [("received", self.received_at(), False)], columns=2)
        else:
            y = self.fields(
                y,
                [
                    ("received", self.received_at(), False),
                    ("channel", self.plain(self.r.channel), False),
                    ("category", self.plain(self.r.category), False),
                    ("complainant", self.complainant(), True),
                    ("beneficiary_id", self.r.beneficiary_id or "", False),
                    ("received_by", self.r.received_by or "", False),
                ],
            )
            y = self.paragraph(y - 1 * mm, "summary", self.r.summary or self.r.title, max_lines=3)
            self.respond_box(y)
            y -= 12 * mm
        if self.r.sensitive:
            self.respond_box(y)
            y -= 12 * mm
        self.paragraph(y, "follow_up", follow, max_lines=4, size=8.5)
        self.footer()

    def respond_box(self, y: float) -> None:
        c = self.c
        c.setLineWidth(0.8)
        c.rect(self.left, y - 9 * mm, self.right - self.left, 10.5 * mm, stroke=1, fill=0)
        label = self.word("respond_by")
        text(c, self.left + 2 * mm, y - 5 * mm, label + ":", font=REGULAR, size=9)
        x = self.left + 3 * mm + width_of(label + ":", REGULAR, 9)
        text(c, x, y - 5 * mm, self.respond_by(), font=BOLD, size=12)

    def stub(self) -> None:
        self.copy_mark()
        y = self.header("stub_title", qr=False)
        r = self.r
        y = self.fields(
            y,
            [
                ("received", self.received_at(), False),
                ("channel", self.plain(r.channel), False),
                ("category", self.plain(r.category), False),
                ("complainant", self.complainant(), True),
                ("phone", r.complainant_phone or "", False),
                ("beneficiary_id", r.beneficiary_id or "", False),
                ("household", r.household_code or "", False),
                ("programmes", ", ".join(r.programmes), False),
                ("priority", self.plain(r.priority), False),
                ("received_by", r.received_by or "", False),
                ("respond_by", self.respond_by(), True),
            ],
            columns=4,
        )
        summary = r.title if not r.description else f"{r.title}: {r.description}"
        y = self.paragraph(y - 1 * mm, "summary", summary, max_lines=3)
        self.consent(y)
        self.signatures(self.bottom + 12 * mm)
        self.footer()

    def consent(self, y: float) -> None:
        c = self.c
        label = self.word("consent") + ":"
        text(c, self.left, y - 1 * mm, label, size=8.5)
        x = self.left + width_of(label, REGULAR, 8.5) + 4 * mm
        for key in ("yes", "no"):
            c.setLineWidth(0.6)
            c.rect(x, y - 2 * mm, 3.2 * mm, 3.2 * mm, stroke=1, fill=0)
            text(c, x + 4.5 * mm, y - 1 * mm, self.word(key), size=8.5)
            x += 18 * mm

    def signatures(self, y: float) -> None:
        c = self.c
        gap = 8 * mm
        width = (self.right - self.left - gap) / 2
        for i, key in enumerate(("complainant_sign", "officer_sign")):
            x = self.left + i * (width + gap)
            c.setLineWidth(0.6)
            c.rect(x, y, width, 16 * mm, stroke=1, fill=0)
            text(c, x + 1.5 * mm, y + 16 * mm - 3.5 * mm, self.word(key), font=ITALIC, size=7)


def _cut_line(c: Canvas, y: float, width: float, word: str) -> None:
    c.saveState()
    c.setDash(3, 3)
    c.setLineWidth(0.5)
    c.setStrokeColorRGB(*GREY)
    c.line(MARGIN / 2, y, width - MARGIN / 2, y)
    c.restoreState()
    label = f"✂  {word}"
    pad = width_of(label, ITALIC, 7) + 4 * mm
    c.setFillColorRGB(1, 1, 1)
    c.rect(MARGIN, y - 2 * mm, pad, 4 * mm, stroke=0, fill=1)
    text(c, MARGIN + 2 * mm, y - 1 * mm, label, font=ITALIC, size=7, color=GREY)


def render_grievance_receipt(
    receipt: GrievanceReceipt,
    out: Path,
    *,
    stamp: PrintStamp,
    language: str = "en",
    paper: str = "A4",
    invariant: bool = False,
) -> ReceiptResult:
    """Write the acknowledgement of ``receipt`` (``grievance_receipt_data``) to ``out``."""
    language = language if language in LANGUAGES else "en"
    width, height = page_size(paper)
    middle = height / 2
    title = f"{WORDS[language]['title']} {receipt.code}"
    with pdf_canvas(
        out, (width, height), title=title, author=stamp.printed_by, invariant=invariant
    ) as c:
        top_half = _Half(
            c, receipt, stamp, language, top=height - MARGIN, bottom=middle + 3 * mm, width=width
        )
        top_half.slip()
        _cut_line(c, middle, width, WORDS[language]["cut"])
        bottom_half = _Half(
            c, receipt, stamp, language, top=middle - 6 * mm, bottom=MARGIN - 2 * mm, width=width
        )
        bottom_half.stub()
        c.showPage()
    return ReceiptResult(path=Path(out), pages=1, serial=stamp.serial)
