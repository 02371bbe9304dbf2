"""Output helpers: JSON (ISO dates) for scripts, aligned plain-text tables for people."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

#: Shown for an empty value in plain output.
NONE = "-"


def _default(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def to_json(data: Any) -> str:
    """``data`` (dataclasses, dates, paths welcome) as indented JSON text."""
    return json.dumps(data, default=_default, ensure_ascii=False, indent=2)


def print_json(data: Any) -> None:
    print(to_json(data))


def text(value: Any) -> str:
    """A cell's text: ``-`` for empty, ISO for dates, ``yes`` for True."""
    if value is None or value == "":
        return NONE
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def shorten(value: str, width: int) -> str:
    """``value`` cut to ``width`` characters, ending with an ellipsis when cut."""
    if len(value) <= width:
        return value
    if width < 2:
        return value[: max(width, 0)]
    return value[: width - 1] + "…"


def terminal_width() -> int:
    """The terminal's width; unlimited when the output goes to a file or a pipe."""
    if not sys.stdout.isatty():
        return 10**6
    return shutil.get_terminal_size((120, 24)).columns


def print_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    shrink: Sequence[int] = (),
    indent: int = 0,
) -> None:
    """Print rows under ``headers`` in aligned columns.

    Number columns are right-aligned. When the table is wider than the terminal, the columns
    listed in ``shrink`` (free text such as names) are cut, widest first, down to 12 characters.
    """
    values = [list(row) for row in rows]
    numeric = [_is_numeric([row[i] for row in values]) for i in range(len(headers))]
    cells = [[text(v) for v in row] for row in values]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    excess = indent + sum(widths) + 2 * (len(widths) - 1) - terminal_width()
    while excess > 0:
        candidates = [i for i in shrink if widths[i] > 12]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: widths[i])
        cut = min(excess, widths[widest] - 12)
        widths[widest] -= cut
        excess -= cut
    pad = " " * indent
    print(pad + "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in cells:
        out = []
        for i, cell in enumerate(row):
            cell = shorten(cell, widths[i])
            out.append(cell.rjust(widths[i]) if numeric[i] else cell.ljust(widths[i]))
        print(pad + "  ".join(out).rstrip())


def _is_numeric(column: list[Any]) -> bool:
    present = [v for v in column if v is not None]
    return bool(present) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in present
    )


def print_fields(pairs: Iterable[tuple[str, Any]], *, indent: int = 0) -> None:
    """``label  value`` lines with the values aligned; pairs whose value is ... are skipped."""
    items = [(label, value) for label, value in pairs if value is not ...]
    width = max((len(label) for label, _ in items), default=0)
    for label, value in items:
        print(" " * indent + f"{label.ljust(width)}  {text(value)}")
