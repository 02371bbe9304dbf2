"""One text ordering for every printed list and the grid that copies it back.

Python's default ordering puts "Émile" after "Zoé" and "ndiaye" after "Touré". Printed lists
(payment lists, attendance sheets) and the desktop grids that key them back must agree row by
row, so both sort with ``text_key``: accents removed (NFKD, combining marks dropped), case
folded, then the original text as a tie-breaker so the order is total and stable. It is the
same on every laptop whatever its locale, which locale collation (``locale.strxfrm``) is not.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def text_key(value: str | None) -> tuple[str, str]:
    """Sort key for names and place names: accent- and case-insensitive, then exact."""
    text = value or ""
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    return (folded.casefold(), text)
