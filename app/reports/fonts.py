"""The embedded Unicode fonts every printed document uses (printing.md P-01, PL-02).

ReportLab's built-in Helvetica covers Latin-1 only and is never embedded; a name such as
"Ngozi Ọkafọ" or "Ŵilliam" would print as black boxes. Roster ships DejaVu Sans (regular, bold,
oblique; licence in ``resources/fonts/LICENSE``) and embeds the glyphs it uses in each PDF, so
a document prints the same on any machine.

The fonts are looked up in ``$ROSTER_RESOURCES/fonts``, then in a frozen bundle's
``resources/fonts``, then in the source tree's ``resources/fonts`` (beside the ``app``
package), the same search the desktop app uses for its translations.
"""

from __future__ import annotations

import functools
import os
import sys
from importlib import resources
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.errors import AppError

REGULAR = "RosterSans"
BOLD = "RosterSans-Bold"
ITALIC = "RosterSans-Oblique"
FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}


class FontsMissing(AppError):
    code = "FONTS_MISSING"


def fonts_dir() -> Path:
    """Where the TTF files live (see the module docstring)."""
    override = os.environ.get("ROSTER_RESOURCES")
    if override:
        return Path(override) / "fonts"
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources" / "fonts"
    return Path(str(resources.files("app"))).parent / "resources" / "fonts"


@functools.cache
def register_fonts() -> tuple[str, str, str]:
    """Register the fonts with ReportLab once per process; returns (regular, bold, italic)."""
    folder = fonts_dir()
    missing = [name for name in FILES.values() if not (folder / name).is_file()]
    if missing:
        raise FontsMissing(
            f"the fonts needed for printing are missing from {folder}: {', '.join(missing)}"
        )
    for face, file_name in FILES.items():
        pdfmetrics.registerFont(TTFont(face, str(folder / file_name)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD, ITALIC


def missing_glyphs(text: str, face: str = REGULAR) -> set[str]:
    """Characters of ``text`` the font cannot draw (they would print as boxes)."""
    register_fonts()
    font = pdfmetrics.getFont(face)
    widths = font.face.charWidths
    return {ch for ch in text if not ch.isspace() and ord(ch) not in widths}
