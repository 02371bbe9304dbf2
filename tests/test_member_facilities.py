"""A member's school and health facility: chosen by code, checked for kind and district."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain.vocab import ServicePointKind
from app.errors import ValidationFailed
from app.models import Individual, OutboxOp, ServicePoint
from app.models.recorder import REMOTE_KEY
from app.services.dto import MemberIn
from app.services.household_queries import get_household
from app.services.members import add_member, update_member
from app.services.options import service_point_options
from tests.factories import FIXED_NOW, District, registered


def _codes(exc: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {e.field: e.code for e in exc.value.errors}


@pytest.fixture
def other_school(district: District) -> str:
    """A school of the other district (D02), loaded as HQ reference data."""
    with district.db.write_session() as s, s.begin():
        s.info[REMOTE_KEY] = True
        s.add(
            ServicePoint(
                code="SCH-D02",
                name="École de Diaroumé",
                kind=ServicePointKind.SCHOOL,
                location_id=district.ids["V101"],
                district_id=district.other_district_id,
            )
        )
    return "SCH-D02"


def _child(district: District, household_id: str, first_name: str = "Ibrahima"):  # noqa: ANN202
    with district.db.read_session() as s:
        page = get_household(s, ref=household_id, actor=None, today=FIXED_NOW.date())
    return next(m for m in page.members if m.first_name == first_name)


def test_options_list_the_districts_schools_and_clinics(
    district: District, other_school: str
) -> None:
    schools = service_point_options(district.db, kind="SCHOOL", district_code="D01")
    assert [(o.code, o.name, o.group) for o in schools] == [
        ("SCH-01", "École de Sinthiang", "Sinthiang")
    ]
    clinics = service_point_options(district.db, kind="HEALTH_FACILITY", district_code="D01")
    assert [o.code for o in clinics] == ["HF-01"]
    everywhere = service_point_options(district.db, kind="SCHOOL")
    assert [o.code for o in everywhere] == ["SCH-D02", "SCH-01"]  # by name


def test_add_member_with_school_and_health_facility(district: District) -> None:
    hid = registered(district)
    member = MemberIn(
        "Awa", "Diallo", "F", "2026-05-01", "DAUGHTER", school_code="", health_facility_code="HF-01"
    )
    new_id = add_member(district.ctx(), household_ref=hid, member=member)
    with district.db.read_session() as s:
        person = s.get(Individual, new_id)
        assert person is not None
        assert (person.school_id, person.health_facility_id) == (None, district.ids["HF-01"])
        op = s.scalars(select(OutboxOp).where(OutboxOp.row_id == new_id)).one()
        assert op.fields["health_facility_id"]["new"] == district.ids["HF-01"]
    shown = _child(district, hid, "Awa")
    assert (shown.health_facility_code, shown.health_facility) == (
        "HF-01",
        "Poste de santé Dioulacolon",
    )
    assert shown.school_code is None and shown.school is None


def test_update_sets_and_clears_school_and_health_facility(district: District) -> None:
    hid = registered(district)
    child = _child(district, hid)
    update_member(
        district.ctx(),
        individual_id=child.id,
        changes={"school_code": "SCH-01", "health_facility_code": "HF-01"},
    )
    shown = _child(district, hid)
    assert (shown.school_code, shown.health_facility_code) == ("SCH-01", "HF-01")
    update_member(district.ctx(), individual_id=child.id, changes={"school_code": ""})
    shown = _child(district, hid)
    assert (shown.school_code, shown.health_facility_code) == (None, "HF-01")


def test_wrong_kind_unknown_and_other_district_are_refused_beside_the_field(
    district: District, other_school: str
) -> None:
    hid = registered(district)
    child = _child(district, hid, "Fatou")  # goes to SCH-01
    with pytest.raises(ValidationFailed) as info:
        update_member(
            district.ctx(),
            individual_id=child.id,
            changes={"school_code": other_school, "health_facility_code": "SCH-01"},
        )
    assert _codes(info) == {
        "school_code": "SERVICE_POINT_OTHER_DISTRICT",
        "health_facility_code": "NOT_A_HEALTH_FACILITY",
    }
    member = MemberIn(
        "Awa",
        "Diallo",
        "F",
        "2026-05-01",
        "DAUGHTER",
        school_code="SCH-99",
        health_facility_code="PP-W01",
    )
    with pytest.raises(ValidationFailed) as info:
        add_member(district.ctx(), household_ref=hid, member=member)
    assert _codes(info) == {
        "school_code": "UNKNOWN_SERVICE_POINT",
        "health_facility_code": "NOT_A_HEALTH_FACILITY",
    }
    assert _child(district, hid, "Fatou").school_code == "SCH-01"  # nothing was written


def test_cli_sets_and_shows_school_and_health_facility(
    district: District,
    other_school: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.test_cli import Cli, household_code, sign_in

    assert district.db.path is not None
    cli = Cli(district.db.path.parent, capsys)
    sign_in(cli, monkeypatch)
    code = household_code(district, registered(district))
    cli.refused(
        "household", "update-member", f"{code}:4", "--set", "school=HF-01", expect="NOT_A_SCHOOL"
    )
    cli.refused(
        "household",
        "update-member",
        f"{code}:4",
        "--set",
        f"school={other_school}",
        expect="SERVICE_POINT_OTHER_DISTRICT",
    )
    cli.ok("household", "update-member", f"{code}:4", "--set", "health_facility=HF-01")
    shown = cli.ok("household", "show", code).out
    assert "School/clinic" in shown and "SCH-01" in shown and "HF-01" in shown
