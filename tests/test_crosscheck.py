"""Cross-checks with other registries: reading lists, matching, recording, reviewing, CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rapidfuzz import fuzz
from sqlalchemy import func, select

import app.services.crosscheck as crosscheck
from app.errors import Cancelled, InvalidTransition, ValidationFailed
from app.models import CrossCheckMatch, Household, Individual, OutboxOp
from app.services.crosscheck import candidate_days, import_crosscheck, review_match
from app.services.crosscheck_csv import normalise_name, parse_external_date
from app.services.crosscheck_queries import count_matches, get_match, list_matches
from app.services.dto import HouseholdIn, MemberIn
from app.services.households import register_household
from app.services.recertification import open_round
from tests.factories import District, enrol

HEADER = "national_id,first_name,last_name,dob,date_of_death,registry_ref\n"


def household(
    d: District, *members: MemberIn, village: str = "V001", user: str = "officer"
) -> list[str]:
    """Register ``members`` (the first is head and recipient); their ids in order."""
    hid = register_household(
        d.ctx(user), data=HouseholdIn(village_code=village, members=list(members))
    )
    with d.db.read_session() as s:
        people = s.scalars(select(Individual).where(Individual.household_id == hid)).all()
        by_name = {(p.first_name, p.last_name): p.id for p in people}
    return [by_name[(m.first_name, m.last_name)] for m in members]


def write(tmp_path: Path, body: str, header: str = HEADER, name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


@pytest.fixture
def people(district: District) -> dict[str, str]:
    ids: dict[str, str] = {}
    ids["sekou"], ids["awa"] = household(
        district,
        MemberIn("Sékou", "Touré", "M", "1970-05-03", "HEAD", national_id="SN-1970-0001"),
        MemberIn("Awa", "Ndiaye", "F", "1978-11-21", "SPOUSE"),
    )
    ids["mamadou"], ids["khady"] = household(
        district,
        MemberIn("Mamadou Lamine", "Sow", "M", "1965-02-10", "HEAD"),
        MemberIn("Khady", "Sow", "F", "1990-08-14", "DAUGHTER"),
        village="V003",
    )
    (ids["abdoulaye"],) = household(
        district, MemberIn("Abdoulaye", "Ba", "M", "1982-09-30", "HEAD", national_id="1982093000")
    )
    (ids["elsewhere"],) = household(
        district, MemberIn("Ousmane", "Camara", "M", "1960-01-01", "HEAD"), village="V101",
        user="other",
    )  # fmt: skip
    return ids


def matches(d: District) -> dict[str, CrossCheckMatch]:
    with d.db.read_session() as s:
        return {m.individual_id: m for m in s.scalars(select(CrossCheckMatch))}


def test_names_and_dates_are_normalised() -> None:
    assert normalise_name("  Mamé-Diarra  N'DIAYE ") == "mame diarra n diaye"
    assert parse_external_date("03/05/1970") == date(1970, 5, 3)
    assert parse_external_date("1970-05-03") == date(1970, 5, 3)
    assert parse_external_date("1970-05-03 00:00:00") == date(1970, 5, 3)
    assert parse_external_date("31/02/1970") is None and parse_external_date("soon") is None
    assert candidate_days(date(1970, 5, 3)) == {
        date(1970, 5, 3), date(1970, 5, 2), date(1970, 5, 4), date(1970, 3, 5),
    }  # fmt: skip
    assert len(candidate_days(date(1970, 5, 20))) == 3


def test_national_id_matches_exactly(
    district: District, people: dict[str, str], tmp_path: Path
) -> None:
    path = write(tmp_path, "sn 1970 0001,Someone,Else,1999-01-01,,R-1\n1982-0930-00,,,,,R-2\n")
    result = import_crosscheck(district.ctx(), path=path, source="Civil servants payroll")
    assert (result.rows, result.national_id_matches, result.name_dob_matches) == (2, 2, 0)
    assert result.created == 2
    found = matches(district)
    assert {found[people["sekou"]].match_kind, found[people["abdoulaye"]].match_kind} == {
        "NATIONAL_ID"
    }
    sekou = found[people["sekou"]]
    assert (sekou.score, sekou.status, sekou.source) == (100, "OPEN", "Civil servants payroll")
    assert sekou.external["extras"] == {"registry_ref": "R-1"} and sekou.external["line"] == 2
    assert sekou.district_id == district.district_id


def test_fuzzy_name_and_date_of_birth(
    district: District, people: dict[str, str], tmp_path: Path
) -> None:
    body = (
        ",Sekou,TOURE,03/05/1970,,\n"  # accents and case; day-first date
        ",Ndiaye,Awa,1978-11-21,,\n"  # first and last names swapped
        ",Mamadou Lamin,Sow,1965-02-11,,\n"  # a typo, born a day later
        ",Khadi,Sow,1990-08-14,,\n"  # a typo
        ",Abdoulaye,Ba,1983-09-30,,\n"  # another year: someone else
        ",Ousmane,Camara,1960-01-01,,\n"  # lives in another district
        ",Fatoumata,Sow,1965-02-10,,\n"  # born the same day, another name
    )
    result = import_crosscheck(district.ctx(), path=write(tmp_path, body), source="CCT registry")
    found = matches(district)
    assert set(found) == {people[k] for k in ("sekou", "awa", "mamadou", "khady")}
    assert {m.match_kind for m in found.values()} == {"NAME_DOB"}
    assert all(85 <= m.score <= 100 for m in found.values())
    assert found[people["awa"]].score == 100
    assert (result.name_dob_matches, result.national_id_matches, result.created) == (4, 0, 4)


def test_day_and_month_swapped(district: District, people: dict[str, str], tmp_path: Path) -> None:
    path = write(tmp_path, ",Sékou,Touré,1970-03-05,,\n")  # written month-first
    import_crosscheck(district.ctx(), path=path, source="Health insurance")
    assert set(matches(district)) == {people["sekou"]}


def test_only_candidates_born_near_the_day_are_compared(
    district: District, people: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, str]] = []
    original = fuzz.token_sort_ratio

    def counting(a: str, b: str, **kwargs: object) -> float:
        calls.append((a, b))
        return original(a, b, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(crosscheck.fuzz, "token_sort_ratio", counting)
    path = write(tmp_path, ",Nobody,Known,2001-06-07,,\n,Sekou,Toure,1970-05-03,,\n")
    import_crosscheck(district.ctx(), path=path, source="x")
    assert calls == [("sekou toure", "sekou toure")]


@pytest.mark.parametrize(
    ("header", "body", "code"),
    [
        ("surname,given_name\n", "Sow,Khady\n", "COLUMNS_MISSING"),
        (HEADER, ",Khady,Sow,14/14/1990,,\n", "CSV_BAD_DATE"),
        (HEADER, ",Khady,Sow,1990-08-14\n", "CSV_ROW_WIDTH"),
        (HEADER, ",Khady,,,,\n", "CSV_ROW_INCOMPLETE"),
        (HEADER, "", "NO_ROWS"),
        ("", "", "NO_ROWS"),
    ],
)
def test_malformed_file_writes_nothing(
    district: District,
    people: dict[str, str],
    tmp_path: Path,
    header: str,
    body: str,
    code: str,
) -> None:
    good = "SN-1970-0001,Sekou,Toure,1970-05-03,,\n"
    path = write(tmp_path, good + body if header == HEADER and body else body, header=header)
    with pytest.raises(ValidationFailed) as exc:
        import_crosscheck(district.ctx(), path=path, source="Deaths")
    assert [e.code for e in exc.value.errors] == [code]
    assert matches(district) == {}


def test_unreadable_files(district: District, tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed) as exc:
        import_crosscheck(district.ctx(), path=tmp_path / "missing.csv", source="x")
    assert exc.value.errors[0].code == "FILE_UNREADABLE"
    latin = tmp_path / "latin.csv"
    latin.write_bytes("nin;prénom;nom;naissance\n".encode("latin-1"))
    with pytest.raises(ValidationFailed) as exc:
        import_crosscheck(district.ctx(), path=latin, source="x")
    assert exc.value.errors[0].code == "FILE_NOT_UTF8"
    with pytest.raises(ValidationFailed) as exc:
        import_crosscheck(district.ctx(), path=latin, source=" ")
    assert exc.value.errors[0].code == "REQUIRED"


def test_flexible_headers_and_semicolons(
    district: District, people: dict[str, str], tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        ";Khady Sow;14.08.1990;2026-05-30\n",
        header="\ufeffNIN;Nom complet;Date de naissance;Date de décès\n",
    )
    result = import_crosscheck(district.ctx(), path=path, source="Décès état civil")
    assert result.created == 1
    assert matches(district)[people["khady"]].external["date_of_death"] == "2026-05-30"


def test_duplicates_are_not_flagged_again(
    district: District, people: dict[str, str], tmp_path: Path
) -> None:
    path = write(tmp_path, "SN-1970-0001,Sekou,Toure,1970-05-03,,\n,Khady,Sow,1990-08-14,,\n")
    import_crosscheck(district.ctx(), path=path, source="Social registry")
    again = import_crosscheck(district.ctx(), path=path, source="Social registry")
    assert (again.created, again.already_flagged) == (0, 2)
    other = import_crosscheck(district.ctx(), path=path, source="Another list")
    assert other.created == 2
    assert count_matches(district.db, actor=district.ctx().actor) == 4


def test_recorded_in_one_unit_of_work_and_linked_to_a_round(
    district: District, people: dict[str, str], tmp_path: Path
) -> None:
    enrol(district, household_id_of(district, people["sekou"]), "CT-UNC")
    code = get_code(
        district, open_round(district.ctx("supervisor"), programme_code="CT-UNC", area_code="W01")
    )
    path = write(tmp_path, "SN-1970-0001,Sekou,Toure,1970-05-03,,\n,Awa,Ndiaye,1978-11-21,,\n")
    with district.db.read_session() as s:
        before = s.scalar(select(func.max(OutboxOp.device_seq)))
    import_crosscheck(district.ctx(), path=path, source="List", round_code=code.lower())
    with district.db.read_session() as s:
        ops = s.execute(
            select(OutboxOp.table_name, OutboxOp.kind, OutboxOp.client_tx_id).where(
                OutboxOp.device_seq > before
            )
        ).all()
    assert [(t, k) for t, k, _ in ops] == [("cross_check_matches", "insert")] * 2
    assert len({tx for *_, tx in ops}) == 1
    rows = list_matches(district.db, actor=district.ctx().actor, round_code=code)
    assert [r.kind for r in rows] == ["NATIONAL_ID", "NAME_DOB"] and rows[0].round_code == code


def household_id_of(d: District, individual_id: str) -> str:
    with d.db.read_session() as s:
        person = s.get(Individual, individual_id)
        assert person is not None
        return person.household_id


def get_code(d: District, round_id: str) -> str:
    from app.models import RecertificationRound

    with d.db.read_session() as s:
        found = s.get(RecertificationRound, round_id)
        assert found is not None
        return found.code


def test_cancel_writes_nothing(district: District, people: dict[str, str], tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    path = write(tmp_path, "SN-1970-0001,Sekou,Toure,1970-05-03,,\n")
    with pytest.raises(Cancelled):
        import_crosscheck(
            district.ctx(), path=path, source="x", progress=lambda d, t: seen.append((d, t)),
            cancelled=lambda: bool(seen),
        )  # fmt: skip
    assert seen == [(1, 1)] and matches(district) == {}


def test_confirm_on_a_deaths_list_records_the_death(
    district: District, people: dict[str, str], tmp_path: Path
) -> None:
    body = ",Awa,Ndiaye,1978-11-21,2026-05-02,\n,Sekou,Toure,1970-05-03,2026-06-01,\n"
    import_crosscheck(district.ctx(), path=write(tmp_path, body), source="CRVS deaths 2026-06")
    found = matches(district)
    result = review_match(district.ctx(), match_id=found[people["awa"]].id, action="confirm")
    assert result.status == "CONFIRMED" and result.death_recorded
    with district.db.read_session() as s:
        awa = s.get(Individual, people["awa"])
        assert awa is not None
        assert (awa.status, awa.date_of_death) == ("DECEASED", date(2026, 5, 2))
        assert awa.status_reason == "cross-check: CRVS deaths 2026-06"
    sekou = found[people["sekou"]].id  # the head: the last one standing dissolves the household
    result = review_match(district.ctx(), match_id=sekou, action="CONFIRM", note="checked")
    assert result.departure is not None and result.departure.household_dissolved
    with district.db.read_session() as s:
        assert s.get(Household, household_id_of(district, people["sekou"])).status == "DISSOLVED"  # type: ignore[union-attr]
    with pytest.raises(InvalidTransition) as exc:
        review_match(district.ctx(), match_id=sekou, action="dismiss")
    assert exc.value.code == "MATCH_ALREADY_REVIEWED"
    assert (
        get_match(district.db, match_id=sekou, actor=district.ctx().actor).review_note == "checked"
    )


def test_confirming_a_dead_head_needs_a_new_head(
    district: District, people: dict[str, str], tmp_path: Path
) -> None:
    path = write(tmp_path, ",Mamadou Lamine,Sow,1965-02-10,,\n")
    import_crosscheck(district.ctx(), path=path, source="Registre des décès")
    match = matches(district)[people["mamadou"]].id
    with pytest.raises(ValidationFailed) as exc:
        review_match(district.ctx(), match_id=match, action="CONFIRM")
    assert exc.value.errors[0].field == "date_of_death"  # the list gives no date
    with pytest.raises(ValidationFailed) as exc:
        review_match(district.ctx(), match_id=match, action="CONFIRM", date_of_death="2026-06-01")
    assert exc.value.errors[0].code == "HEAD_REPLACEMENT_REQUIRED"
    assert get_match(district.db, match_id=match, actor=district.ctx().actor).status == "OPEN"
    review_match(
        district.ctx(), match_id=match, action="CONFIRM", date_of_death="2026-06-01",
        new_head_id=people["khady"],
    )  # fmt: skip
    with district.db.read_session() as s:
        hh = s.get(Household, household_id_of(district, people["khady"]))
        assert hh is not None and hh.head_id == people["khady"]


def test_confirm_elsewhere_only_marks_and_dismiss(
    district: District, people: dict[str, str], tmp_path: Path
) -> None:
    path = write(tmp_path, ",Khady,Sow,1990-08-14,,\n,Awa,Ndiaye,1978-11-21,,\n")
    import_crosscheck(district.ctx(), path=path, source="Civil servants payroll")
    found = matches(district)
    result = review_match(district.ctx(), match_id=found[people["khady"]].id, action="CONFIRM")
    assert (result.status, result.death_recorded) == ("CONFIRMED", False)
    review_match(district.ctx(), match_id=found[people["awa"]].id, action="DISMISS", note="other")
    statuses = {r.individual_id: r.status for r in list_matches(district.db, actor=None)}
    assert statuses == {people["khady"]: "CONFIRMED", people["awa"]: "DISMISSED"}
    with district.db.read_session() as s:
        assert s.get(Individual, people["khady"]).status == "ALIVE"  # type: ignore[union-attr]
    assert list_matches(district.db, actor=None, status="open") == []
    with pytest.raises(ValidationFailed):
        review_match(district.ctx(), match_id=found[people["awa"]].id, action="maybe")


def test_cli_import_list_review(
    district: District,
    people: dict[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.test_cli import Cli, sign_in

    assert district.db.path is not None
    cli = Cli(district.db.path.parent, capsys)
    sign_in(cli, monkeypatch)
    body = ",Awa,Ndiaye,1978-11-21,2026-05-02,\n,Khady,Sow,1990-08-14,,\n"
    path = write(tmp_path, body)
    out = cli.ok("crosscheck", "import", str(path), "--source", "CRVS deaths").out
    assert out.startswith("2 row(s) checked") and "2 new match(es)" in out
    rows = cli.ok("crosscheck", "list", "--status", "open", "--json").json()
    assert {r["person_name"] for r in rows} == {"Awa Ndiaye", "Khady Sow"}
    assert "Awa Ndiaye" in cli.ok("crosscheck", "list").out
    awa = next(r["id"] for r in rows if r["person_name"] == "Awa Ndiaye")
    khady = next(r["id"] for r in rows if r["person_name"] == "Khady Sow")
    assert "death recorded" in cli.ok("crosscheck", "review", awa, "--confirm").out
    cli.refused("crosscheck", "review", khady, "--confirm", expect="date_of_death")
    cli.ok("crosscheck", "review", khady, "--dismiss", "--note", "born elsewhere")
    cli.refused("crosscheck", "review", khady, "--dismiss", expect="MATCH_ALREADY_REVIEWED")
    bad = write(tmp_path, ",Awa,Ndiaye,21/21/1978,,\n", name="bad.csv")
    cli.refused("crosscheck", "import", str(bad), "--source", "x", expect="CSV_BAD_DATE")
