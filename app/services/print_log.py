"""Serials, reprint counters and page MACs of printed documents (printing.md PL-10, PL-11, G-01).

Every original print of a document (a pay point's payment list, a service point's attendance
sheet) takes the next number of its series: print 1 is the original, print k > 1 is "REPRINT k"
and replaces print k-1. Counters and a per-laptop MAC key live in ``sync_state`` (local
bookkeeping, not synced), and each print is written to the log file.

**Limits** (need a synced print-log table, not in the schema yet): the counter is per laptop,
so two laptops of one district could both issue print 1, and HQ cannot verify a MAC made with a
laptop's key. Copy-back on the same laptop can check both.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from app.models.db import Database
from app.services.context import get_state, set_state

log = logging.getLogger(__name__)

MAC_KEY = "print_mac_key"
MAC_LENGTH = 8


@dataclass(frozen=True)
class PrintStamp:
    """The identity of one print: ``serial`` is ``<base>-<number>``; ``reprint`` is the number
    (1 = the original)."""

    serial: str
    reprint: int
    printed_at: datetime
    printed_by: str
    mac_key: bytes

    @property
    def replaces(self) -> str | None:
        """The serial this print replaces (None for an original)."""
        if self.reprint <= 1:
            return None
        base = self.serial.rsplit("-", 1)[0]
        return f"{base}-{self.reprint - 1}"

    def mac(self, parts: Iterable[object]) -> str:
        """The first 8 base32 characters of an HMAC-SHA256 over ``parts``."""
        message = "|".join(str(p) for p in parts).encode()
        digest = hmac.new(self.mac_key, message, hashlib.sha256).digest()
        return base64.b32encode(digest).decode()[:MAC_LENGTH]


def _mac_key(db: Database) -> bytes:
    with db.write_session() as session, session.begin():
        key = get_state(session, MAC_KEY)
        if key is None:
            key = secrets.token_hex(32)
            set_state(session, MAC_KEY, key)
        return bytes.fromhex(key)


def stamp_print(
    db: Database,
    *,
    kind: str,
    base: str,
    printed_at: datetime,
    printed_by: str,
    count: bool = True,
) -> PrintStamp:
    """The next print of series ``base`` (``count``), or the latest one again (not ``count``:
    an office copy or a draft, which are not originals and replace nothing)."""
    key = f"print_seq:{kind}:{base}"
    with db.write_session() as session, session.begin():
        number = int(get_state(session, key) or "0")
        if count:
            number += 1
            set_state(session, key, str(number))
    if count:
        log.info("print %s %s-%d by %s", kind, base, number, printed_by)
    serial = f"{base}-{number}" if number else f"{base}-COPY"
    return PrintStamp(serial, number, printed_at, printed_by, _mac_key(db))


def preview_stamp(*, base: str, printed_at: datetime, printed_by: str) -> PrintStamp:
    """A stamp for a draft that counts nothing and signs with a throw-away key."""
    return PrintStamp(f"{base}-DRAFT", 0, printed_at, printed_by, secrets.token_bytes(32))
