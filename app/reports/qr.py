"""QR codes for printed lists: encoded fast, drawn as one vector path each.

A 10,000-row payment list carries 10,000 row QR codes plus a page QR per page. ReportLab's
``QrCodeWidget`` builds one shape per dark run and its encoder tries all eight mask patterns
for each code (about 7 ms a code, over a minute for such a list). This module keeps
ReportLab's encoder tables (Reed-Solomon block layout, function patterns, module order: no
extra dependency) but:

* uses one fixed mask pattern (any mask is valid for every reader; the search only fine-tunes
  contrast),
* builds each version's function patterns and data-module order once, and
* encodes the data with table-driven Reed-Solomon arithmetic,

so a code takes about 0.1 ms; ``tests/test_reports.py`` checks the matrices are identical to
ReportLab's own encoder with the same mask. Codes are written as one filled path of
horizontal runs per code (``Canvas.addLiteral``).

Modes: alphanumeric (digits, A-Z and `` $%*+-./:``; payment codes) or 8-bit bytes (UTF-8),
error correction L, M, Q or H (printing.md asks for M).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from reportlab.graphics.barcode import qrencoder

LEVELS = {
    "L": qrencoder.QRErrorCorrectLevel.L,
    "M": qrencoder.QRErrorCorrectLevel.M,
    "Q": qrencoder.QRErrorCorrectLevel.Q,
    "H": qrencoder.QRErrorCorrectLevel.H,
}
MASK_PATTERN = 0
_RUN = re.compile("1+")
ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_ALNUM_VALUE = {ch: i for i, ch in enumerate(ALPHANUMERIC)}

# GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
_EXP = [0] * 512
_LOG = [0] * 256
_value = 1
for _i in range(255):
    _EXP[_i] = _value
    _LOG[_value] = _i
    _value <<= 1
    if _value & 0x100:
        _value ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


@functools.cache
def _generator_logs(degree: int) -> tuple[int, ...]:
    """Logs of the generator polynomial's coefficients (leading 1 left out)."""
    poly = [1]
    for i in range(degree):
        nxt = [0] * (len(poly) + 1)
        for j, coef in enumerate(poly):
            nxt[j] ^= coef
            if coef:
                nxt[j + 1] ^= _EXP[_LOG[coef] + i]
        poly = nxt
    return tuple(_LOG[c] for c in poly[1:])


def _ec_bytes(data: list[int], degree: int) -> list[int]:
    gen = _generator_logs(degree)
    rem = [0] * degree
    for byte in data:
        factor = byte ^ rem[0]
        rem = rem[1:]
        rem.append(0)
        if factor:
            lf = _LOG[factor]
            for i, g in enumerate(gen):
                rem[i] ^= _EXP[lf + g]
    return rem


@functools.cache
def _blocks(version: int, level: int) -> tuple[tuple[int, int], ...]:
    """(data codewords, total codewords) of each Reed-Solomon block."""
    return tuple(
        (b.dataCount, b.totalCount) for b in qrencoder.QRRSBlock.getRSBlocks(version, level)
    )


def _segment(data: str, version: int) -> tuple[int, int]:
    """(bits as an int, bit count) of ``data`` as one segment, header included."""
    if data and all(ch in _ALNUM_VALUE for ch in data):
        count_bits = 9 if version < 10 else 11 if version < 27 else 13
        value, length = 0b0010, 4
        value = (value << count_bits) | len(data)
        length += count_bits
        for i in range(0, len(data) - 1, 2):
            value = (value << 11) | (_ALNUM_VALUE[data[i]] * 45 + _ALNUM_VALUE[data[i + 1]])
            length += 11
        if len(data) % 2:
            value = (value << 6) | _ALNUM_VALUE[data[-1]]
            length += 6
        return value, length
    raw = data.encode("utf-8")
    count_bits = 8 if version < 10 else 16
    value = (0b0100 << count_bits) | len(raw)
    value = (value << (8 * len(raw))) | int.from_bytes(raw, "big") if raw else value
    return value, 4 + count_bits + 8 * len(raw)


def _codewords(data: str, level: int) -> tuple[int, list[int]]:
    """The smallest version holding ``data`` and its final (interleaved) codewords."""
    for version in range(1, 41):
        blocks = _blocks(version, level)
        capacity = 8 * sum(d for d, _t in blocks)
        value, length = _segment(data, version)
        if length <= capacity:
            break
    else:
        raise ValueError("too much data for a QR code")
    pad = min(4, capacity - length)  # terminator
    value <<= pad
    length += pad
    if length % 8:
        value <<= 8 - length % 8
        length += 8 - length % 8
    stream = list(value.to_bytes(length // 8, "big")) if length else []
    filler = (0xEC, 0x11)
    while len(stream) < capacity // 8:
        stream.append(filler[(len(stream) - length // 8) % 2])
    data_blocks, ec_blocks = [], []
    offset = 0
    for count, total in blocks:
        chunk = stream[offset : offset + count]
        offset += count
        data_blocks.append(chunk)
        ec_blocks.append(_ec_bytes(chunk, total - count))
    final: list[int] = []
    for group in (data_blocks, ec_blocks):
        for i in range(max(len(b) for b in group)):
            final.extend(b[i] for b in group if i < len(b))
    return version, final


@functools.cache
def _template(
    version: int, level: int, mask: int
) -> tuple[tuple[tuple[bool, ...], ...], tuple[tuple[int, int], ...]]:
    """The function patterns with every data module set as if its bit were 0 (i.e. to the
    mask), and the data modules' (row, column) in placement order."""
    code = qrencoder.QRCode(version, level)
    code.moduleCount = version * 4 + 17
    code.modules = [[False] * code.moduleCount for _ in range(code.moduleCount)]
    code.setupPositionProbePattern(0, 0)
    code.setupPositionProbePattern(code.moduleCount - 7, 0)
    code.setupPositionProbePattern(0, code.moduleCount - 7)
    code.setupPositionAdjustPattern()
    code.setupTimingPattern()
    code.setupTypeInfo(False, mask)
    if version >= 7:
        code.setupTypeNumber(False)
    masked = qrencoder.QRUtil.getMask(mask)
    positions = tuple((row, col) for col, row in code._dataPosIterator())
    for row, col in positions:
        code.modules[row][col] = bool(masked(row, col))
    return tuple(tuple(bool(m) for m in r) for r in code.modules), positions


def qr_modules(data: str, level: str = "M") -> list[list[bool]]:
    """The module matrix (True = dark) of ``data`` at error-correction ``level``."""
    ec = LEVELS[level]
    version, codewords = _codewords(data, ec)
    base, positions = _template(version, ec, MASK_PATTERN)
    modules = [list(row) for row in base]
    bits = "".join(f"{b:08b}" for b in codewords)
    for (row, col), bit in zip(positions, bits, strict=False):
        if bit == "1":
            modules[row][col] = not modules[row][col]
    return modules


def qr_path(data: str, x: float, y: float, size: float, level: str = "M") -> str:
    """PDF operators filling the dark modules of ``data`` in the square (x, y, size, size).

    (x, y) is the lower-left corner; the caller leaves the quiet zone around the square. The
    square is scaled to module units, so each run is four small integers.
    """
    modules = qr_modules(data, level)
    count = len(modules)
    step = size / count
    ops = [f"q {step:.4f} 0 0 {step:.4f} {x:.2f} {y:.2f} cm"]
    for r, row in enumerate(modules):
        line = "".join("1" if m else "0" for m in row)
        y0 = count - 1 - r
        ops.extend(f"{m.start()} {y0} {m.end() - m.start()} 1 re" for m in _RUN.finditer(line))
    ops.append("f Q")
    return "\n".join(ops)


def draw_qr(canvas: Any, data: str, x: float, y: float, size: float, level: str = "M") -> None:
    """Draw ``data`` as a black QR code in the square at (x, y) on a ReportLab canvas."""
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral(qr_path(data, x, y, size, level))
    canvas.restoreState()
