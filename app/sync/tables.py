"""Which tables sync, how they are scoped, and which fields are guarded: shared by both ends."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table

from app.models import Base, SyncedMixin
from app.models.base import BOOKKEEPING_COLUMNS

#: Protocol version; bumped on any incompatible change of the wire format.
PROTOCOL_VERSION = 1


@dataclass(frozen=True)
class SyncedTable:
    """Sync policy of one table."""

    name: str
    table: Table
    scoped: bool  # rows carry district_id and go only to that district's laptops
    client_writable: bool  # laptops may push ops for it
    append_only: bool  # class B: inserts only, never conflicts
    guarded: frozenset[str]  # class D: concurrent writes become conflicts

    @property
    def columns(self) -> list[str]:
        return [c.name for c in self.table.columns]

    @property
    def writable_fields(self) -> frozenset[str]:
        # district_id changes only through an HQ transfer, never through a laptop op.
        return frozenset(self.columns) - BOOKKEEPING_COLUMNS - {"district_id"}


#: Reference data maintained at HQ; laptops read it but never push changes to it.
HQ_ONLY = frozenset(
    {
        "locations",
        "service_points",
        "programmes",
        "programme_locations",
        "benefit_top_ups",
        "payment_cycles",
        "programme_conditions",
        "activities",
        "users",
    }
)


def _registry() -> dict[str, SyncedTable]:
    found: dict[str, SyncedTable] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if not issubclass(cls, SyncedMixin):
            continue
        table = mapper.local_table
        assert isinstance(table, Table)
        # Users are scoped too: a laptop receives its own district's users (for offline
        # sign-in of a colleague, e.g. a supervisor approving); HQ-wide users never travel.
        scoped = "district_id" in table.c
        found[table.name] = SyncedTable(
            name=table.name,
            table=table,
            scoped=scoped,
            client_writable=table.name not in HQ_ONLY,
            append_only=cls.APPEND_ONLY,
            guarded=frozenset(cls.GUARDED_FIELDS) | {"deleted"},
        )
    return found


SYNCED: dict[str, SyncedTable] = _registry()

#: Parents before children: the order a page's tables are applied and a snapshot is written.
TABLE_ORDER: list[str] = [t.name for t in Base.metadata.sorted_tables if t.name in SYNCED]
