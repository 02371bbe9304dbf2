"""How what is typed becomes a search: one letter means names, a code start means codes."""

from __future__ import annotations

import dataclasses

from app.services.households import register_household
from app.services.search import count_households, search_households
from tests.factories import District, family, registered


def _named(d: District, last_name: str, national_id: str) -> str:
    data = family("V002", national_id)
    members = [dataclasses.replace(m, last_name=last_name, first_name="Awa") for m in data.members]
    return register_household(d.ctx(), data=dataclasses.replace(data, members=members))


def test_one_letter_matches_names_not_every_household_code(district: District) -> None:
    diallo = registered(district)  # everyone is a Diallo; codes start with D01-
    sow = _named(district, "Sow", "1990010100001")
    found = {r.id for r in search_households(district.db, text="d", limit=50).rows}
    assert diallo in found and sow not in found
    assert {r.id for r in search_households(district.db, text="s", limit=50).rows} == {sow}


def test_letters_and_digits_are_a_code_start_when_a_code_starts_so(district: District) -> None:
    first, second = registered(district), _named(district, "Sow", "1990010100002")
    assert {r.id for r in search_households(district.db, text="D0", limit=50).rows} == {
        first,
        second,
    }
    assert count_households(district.db, text="d01") == 2
    # Not a code start: searched as text (a passport number, say), finding nobody here.
    assert search_households(district.db, text="A1", limit=50).rows == []
