"""Household list and search-as-you-type, filtered and sorted in SQL, one page at a time."""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import text as sql_text

from app.errors import FieldError, ValidationFailed
from app.models.db import Database
from app.models.search_index import fts_query
from app.services.dto import HouseholdRow, SearchPage

SORTS = {
    "code": "h.code",
    "head": "head_name COLLATE NOCASE, h.code",
    "village": "v.name, h.code",
}


#: Marks a ``text_query`` that is a household-code prefix rather than an FTS expression.
CODE_PREFIX = "code:"
_CODE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9-]*$")


#: Letters then digits ("D0", "D01"): only a household code starts like that, never a name.
_CODE_START_RE = re.compile(r"^[A-Za-z]+[0-9]+$")


def _text_query(text: str, db: Database) -> str | None:
    """The query for what was typed: a household-code range, or FTS over people; None if empty.

    A single letter searches names only: as a prefix of identifiers it would match every
    household's code (``D`` of ``D01-…``) and say nothing about the person being looked for.
    Letters then digits are the start of a household code when some code starts so (one probe
    of the code index); otherwise, e.g. a passport number, they are searched like any text.
    """
    typed = text.strip()
    if _CODE_RE.match(typed):
        return CODE_PREFIX + typed.upper()
    if _CODE_START_RE.match(typed) and _some_code_starts(db, typed.upper()):
        return CODE_PREFIX + typed.upper()
    if len(typed) == 1 and typed.isalpha():
        return f'names : "{typed}"*'
    return fts_query(text)


def _some_code_starts(db: Database, prefix: str) -> bool:
    with db.engine.connect() as conn:
        found = conn.execute(
            sql_text("SELECT 1 FROM households WHERE code >= :lo AND code < :hi LIMIT 1"),
            {"lo": prefix, "hi": prefix + "\uffff"},
        ).first()
    return found is not None


def _where(
    *,
    text_query: str | None,
    village_code: str | None,
    programme_code: str | None,
    enrolment_status: str | None,
    district_id: str | None,
) -> tuple[str, dict[str, Any]]:
    clauses = ["h.deleted = 0"]
    params: dict[str, Any] = {}
    if text_query and text_query.startswith(CODE_PREFIX):
        # A household code being typed: a range on the unique code index, not a full-text
        # match of "D01" against every member of the district.
        clauses.append("h.code >= :code_lo AND h.code < :code_hi")
        low = text_query[len(CODE_PREFIX) :]
        params.update(code_lo=low, code_hi=low + "\uffff")
    elif text_query:
        # The FTS index returns individuals; a household matches through any of its members.
        clauses.append(
            "h.id IN (SELECT i.household_id FROM person_search ps "
            "JOIN individuals i ON i.rowid = ps.rowid WHERE person_search MATCH :q)"
        )
        params["q"] = text_query
    if village_code:
        clauses.append("v.code = :village")
        params["village"] = village_code
    if district_id:
        clauses.append("h.district_id = :district")
        params["district"] = district_id
    if programme_code or enrolment_status:
        sub = ["e.household_id = h.id", "e.deleted = 0"]
        if programme_code:
            sub.append("e.programme_id = (SELECT id FROM programmes WHERE code = :programme)")
            params["programme"] = programme_code
        if enrolment_status:
            sub.append("e.status = :estatus")
            params["estatus"] = enrolment_status
        clauses.append(f"EXISTS (SELECT 1 FROM enrolments e WHERE {' AND '.join(sub)})")
    return " AND ".join(clauses), params


def search_households(
    db: Database,
    *,
    text: str = "",
    village_code: str | None = None,
    programme_code: str | None = None,
    enrolment_status: str | None = None,
    district_id: str | None = None,
    sort: str = "code",
    limit: int = 50,
    offset: int = 0,
) -> SearchPage:
    """One page of households matching a name, household code, national ID or phone prefix.

    Each word typed must prefix-match one of a member's names or identifiers. Only the page's
    rows are read (member counts are computed for those rows alone), so a page costs the same
    on a 50,000-household district as on a small one.
    """
    query = _text_query(text, db) if text else None
    if text and query is None:
        return SearchPage([], offset, limit, False)
    where, params = _where(
        text_query=query,
        village_code=village_code,
        programme_code=programme_code,
        enrolment_status=enrolment_status,
        district_id=district_id,
    )
    order = SORTS.get(sort, SORTS["code"])
    # Two steps. First the page's ids, joining only what the filter or the order needs: with
    # the display joins and member counts in the same statement, SQLite drives from the
    # full-text matches and joins and counts every matching household (160 ms for one letter
    # on 50,000 households) before sorting; alone it walks the code index and stops at the page.
    joins = ["JOIN locations v ON v.id = h.village_id"] if village_code or sort == "village" else []
    if sort == "head":
        joins.append("LEFT JOIN individuals head ON head.id = h.head_id")
    head_name = "coalesce(head.first_name || ' ' || head.last_name, '')"
    page_sql = f"""
        SELECT h.id{", " + head_name + " AS head_name" if sort == "head" else ""}
        FROM households h {" ".join(joins)}
        WHERE {where}
        ORDER BY {order}
        LIMIT :limit OFFSET :offset
    """
    detail_sql = f"""
        SELECT h.id, h.code, {head_name}, v.name, h.status, pp.name,
               (SELECT count(*) FROM individuals m
                 WHERE m.household_id = h.id AND m.deleted = 0 AND m.status = 'ALIVE')
        FROM households h
        JOIN locations v ON v.id = h.village_id
        LEFT JOIN individuals head ON head.id = h.head_id
        LEFT JOIN service_points pp ON pp.id = h.pay_point_id
        WHERE h.id IN (SELECT value FROM json_each(:ids))
    """
    params.update(limit=limit + 1, offset=offset)
    with db.engine.connect() as conn:
        _check_codes(conn, village_code=village_code, programme_code=programme_code)
        ids = [r[0] for r in conn.execute(sql_text(page_sql), params)]
        found = {
            r[0]: r for r in conn.execute(sql_text(detail_sql), {"ids": json.dumps(ids[:limit])})
        }
    rows = [found[i] for i in ids[:limit] if i in found]
    page = [
        HouseholdRow(
            id=r[0],
            code=r[1],
            head_name=r[2],
            village_name=r[3],
            status=r[4],
            pay_point_name=r[5],
            member_count=r[6],
        )
        for r in rows
    ]
    return SearchPage(page, offset, limit, len(ids) > limit)


def count_households(
    db: Database,
    *,
    text: str = "",
    village_code: str | None = None,
    programme_code: str | None = None,
    enrolment_status: str | None = None,
    district_id: str | None = None,
) -> int:
    """How many households match the same filters as ``search_households``."""
    query = _text_query(text, db) if text else None
    if text and query is None:
        return 0
    where, params = _where(
        text_query=query,
        village_code=village_code,
        programme_code=programme_code,
        enrolment_status=enrolment_status,
        district_id=district_id,
    )
    sql = f"SELECT count(*) FROM households h JOIN locations v ON v.id = h.village_id WHERE {where}"
    with db.engine.connect() as conn:
        return int(conn.execute(sql_text(sql), params).scalar_one())


def _check_codes(conn: Connection, *, village_code: str | None, programme_code: str | None) -> None:
    """An unknown filter code is a mistake to report, not an empty result to show."""
    errors = []
    if (
        village_code
        and conn.execute(
            sql_text("SELECT 1 FROM locations WHERE code = :c AND level = 'V'"), {"c": village_code}
        ).first()
        is None
    ):
        errors.append(FieldError("village", "UNKNOWN_VILLAGE", {"value": village_code}))
    if (
        programme_code
        and conn.execute(
            sql_text("SELECT 1 FROM programmes WHERE code = :c"), {"c": programme_code}
        ).first()
        is None
    ):
        errors.append(FieldError("programme", "UNKNOWN_PROGRAMME", {"value": programme_code}))
    if errors:
        raise ValidationFailed(errors)
