"""The demo district generator: deterministic, plausible, readable by the ORM, searchable."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.vocab import (
    AccountStatus,
    EnrolmentStatus,
    MemberStatus,
    PaymentMethod,
    Relationship,
    Role,
    Sex,
)
from app.errors import AppError
from app.models import (
    Base,
    Enrolment,
    Household,
    Individual,
    Location,
    PaymentAccount,
    Programme,
    SyncedMixin,
)
from app.models.db import DB_FILENAME, Database
from app.services.auth import authenticate, signed_in_actor
from app.services.context import get_state
from app.services.demo import DemoSummary, generate_demo
from app.services.lookups import pay_point_for
from app.services.search import search_households

HOUSEHOLDS = 200
SEED = 11


@dataclass
class Demo:
    summary: DemoSummary
    db: Database
    progress: list[tuple[int, int]]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    calls: list[tuple[int, int]] = []
    data_dir = tmp_path_factory.mktemp("demo")
    summary = generate_demo(
        data_dir=data_dir,
        households=HOUSEHOLDS,
        seed=SEED,
        progress=lambda done, total: calls.append((done, total)),
    )
    db = Database.open(data_dir)
    yield Demo(summary, db, calls)
    db.close()


def _registry(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        households = conn.execute(
            "SELECT id, code, address, pmt_score, head_id FROM households ORDER BY code"
        ).fetchall()
        people = conn.execute(
            "SELECT id, household_id, first_name, last_name, sex, date_of_birth, relationship, "
            "national_id, phone FROM individuals ORDER BY id"
        ).fetchall()
    conn.close()
    return households, people


def test_the_same_seed_gives_the_same_district(demo: Demo, tmp_path: Path) -> None:
    again = generate_demo(data_dir=tmp_path / "again", households=HOUSEHOLDS, seed=SEED)
    assert _registry(again.path) == _registry(demo.summary.path)
    other = generate_demo(data_dir=tmp_path / "other", households=HOUSEHOLDS, seed=SEED + 1)
    other_people = _registry(other.path)[1]
    assert [p[2:4] for p in other_people] != [p[2:4] for p in _registry(demo.summary.path)[1]]


def test_counts_are_plausible(demo: Demo) -> None:
    s = demo.summary
    assert (s.households, s.wards, s.villages, s.programmes, s.payment_cycles) == (
        HOUSEHOLDS,
        8,
        10,
        4,
        24,
    )
    assert s.district_code == "D01"
    assert 4.0 <= s.individuals / s.households <= 6.0
    assert s.usernames == ("officer", "supervisor", "viewer")
    assert s.file_size_bytes > 0 and s.elapsed_seconds > 0
    with demo.db.read_session() as session:
        sizes = session.execute(
            select(func.count()).select_from(Individual).group_by(Individual.household_id)
        ).scalars()
        assert all(1 <= n <= 12 for n in sizes)
        enrolled = session.scalar(select(func.count(func.distinct(Enrolment.household_id))))
        assert enrolled is not None and 0.4 <= enrolled / s.households <= 0.8
        assert s.enrolments == session.scalar(select(func.count()).select_from(Enrolment))
        by_status = select(Enrolment.status, func.count()).group_by(Enrolment.status)
        statuses = dict(session.execute(by_status).tuples().all())
        assert statuses[EnrolmentStatus.ACTIVE] > s.enrolments / 2
        accounts = session.scalars(select(PaymentAccount)).all()
        assert len(accounts) == enrolled == s.payment_accounts
        assert all(a.status == AccountStatus.ACTIVE for a in accounts)
        assert {a.method for a in accounts} >= {PaymentMethod.CASH, PaymentMethod.MOBILE_MONEY}
        by_level = select(Location.level, func.count()).group_by(Location.level)
        levels = dict(session.execute(by_level).tuples().all())
        assert levels == {"R": 1, "D": 1, "W": 8, "V": 10}


def test_heads_and_recipients_are_members(demo: Demo) -> None:
    with demo.db.read_session() as session:
        members: dict[str, dict[str, Individual]] = {}
        for person in session.scalars(select(Individual)):
            members.setdefault(person.household_id, {})[person.id] = person
        for household in session.scalars(select(Household)):
            own = members[household.id]
            assert household.head_id in own
            head = own[household.head_id]
            assert head.relationship == Relationship.HEAD and head.status == MemberStatus.ALIVE
            assert [p.relationship for p in own.values()].count(Relationship.HEAD) == 1
            assert household.primary_recipient_id in own
            if household.secondary_recipient_id is not None:
                assert household.secondary_recipient_id in own
                assert household.secondary_recipient_id != household.primary_recipient_id
            for account in session.scalars(
                select(PaymentAccount).where(PaymentAccount.household_id == household.id)
            ):
                assert account.holder_id == household.primary_recipient_id


def test_people_are_consistent(demo: Demo) -> None:
    with demo.db.read_session() as session:
        people = session.scalars(select(Individual)).all()
        registered_on = dict(
            session.execute(select(Household.id, Household.registered_on)).tuples().all()
        )
    assert sum(p.status != MemberStatus.ALIVE for p in people) > 0
    male = {Relationship.SON, Relationship.FATHER, Relationship.GRANDSON, Relationship.BROTHER}
    female = {Relationship.DAUGHTER, Relationship.MOTHER, Relationship.GRANDDAUGHTER}
    for p in people:
        assert p.sex == (Sex.MALE if p.relationship in male else p.sex)
        assert p.sex == (Sex.FEMALE if p.relationship in female else p.sex)
        assert p.date_of_birth <= date(2026, 1, 1)
        adult = (date(2026, 1, 1) - p.date_of_birth).days >= int(18 * 365.25)
        assert (p.national_id is not None) == adult  # every adult has one, no child has
        registered = registered_on[p.household_id]
        assert registered is not None
        assert p.arrival_reason == ("BIRTH" if p.date_of_birth > registered else "REGISTRATION")
        if p.status != MemberStatus.ALIVE:
            assert p.status_date is not None and p.status_date > registered
            assert p.status_reason and p.status_date > p.date_of_birth
    national_ids = [p.national_id for p in people if p.national_id]
    phones = [p.phone for p in people if p.phone]
    assert len(set(national_ids)) == len(national_ids) and all(len(n) == 13 for n in national_ids)
    assert len(set(phones)) == len(phones) and all(n.startswith("+2217") for n in phones)
    assert any(p.school_id for p in people) and any(p.disability for p in people)


def test_the_orm_reads_every_table_back(demo: Demo) -> None:
    with demo.db.read_session() as session:
        for mapper in Base.registry.mappers:
            rows = session.scalars(select(mapper.class_)).all()
            for row in rows:
                if isinstance(row, SyncedMixin):
                    assert row.created_at.tzinfo is not None
                    assert row.deleted is False and row.version == 1 and row.server_seq == 0
        household = session.scalars(select(Household)).first()
        assert household is not None and isinstance(household.registered_on, date)
        assert household.code == "D01-000001" and household.district_id == demo.summary.district_id
        person = session.scalars(select(Individual)).first()
        assert person is not None and isinstance(person.date_of_birth, date)
        assert person.disability in (True, False)
        programme = session.scalars(select(Programme).where(Programme.code == "CT-UNC")).one()
        assert programme.criteria == {"max_pmt_score": 35} and programme.currency == "XOF"


def test_households_use_the_pay_point_serving_their_village(demo: Demo) -> None:
    with demo.db.read_session() as session:
        villages = session.scalars(select(Location).where(Location.level == "V")).all()
        for village in villages:
            point = pay_point_for(session, village)
            assert point is not None
            used = set(
                session.scalars(
                    select(Household.pay_point_id).where(Household.village_id == village.id)
                )
            )
            assert used <= {point.id}


def test_the_load_is_a_baseline_with_the_schema_intact(demo: Demo, tmp_path: Path) -> None:
    fresh = Database.open(tmp_path / "fresh")
    fresh.close()

    def schema(path: Path) -> set[tuple[str, str, str]]:
        with sqlite3.connect(path) as conn:
            rows = conn.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'"
            ).fetchall()
        conn.close()
        return set(rows)

    assert schema(demo.summary.path) == schema(tmp_path / "fresh" / DB_FILENAME)
    with sqlite3.connect(demo.summary.path) as conn:
        assert conn.execute("SELECT count(*) FROM outbox").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone() == (0,)
        indexed = conn.execute("SELECT count(*) FROM person_search").fetchone()[0]
    conn.close()
    assert indexed == demo.summary.individuals


def test_users_sign_in_and_the_officer_is_signed_in(demo: Demo) -> None:
    for username, password, role in (
        ("officer", "officer-pass", Role.OFFICER),
        ("supervisor", "supervisor-pass", Role.SUPERVISOR),
        ("viewer", "viewer-pass", Role.VIEWER),
    ):
        actor = authenticate(demo.db, username=username, password=password)
        assert actor.role == role and actor.district_id == demo.summary.district_id
    signed_in = signed_in_actor(demo.db)
    assert signed_in is not None and signed_in.username == "officer"
    with demo.db.read_session() as session:
        assert get_state(session, "district_id") == demo.summary.district_id
        assert get_state(session, "district_code") == "D01"
        assert get_state(session, "demo") == "1"


def test_search_finds_generated_people(demo: Demo) -> None:
    with demo.db.read_session() as session:
        row = session.execute(
            select(Individual, Household.code)
            .join(Household, Household.id == Individual.household_id)
            .where(Individual.national_id.is_not(None), Individual.phone.is_not(None))
            .order_by(Household.code)
        ).first()
    assert row is not None
    person, code = row
    found = search_households(demo.db, text=f"{person.first_name} {person.last_name[:3]}")
    assert code in [r.code for r in found.rows]
    assert code in [r.code for r in search_households(demo.db, text=code).rows]
    assert person.national_id is not None and person.phone is not None
    assert code in [r.code for r in search_households(demo.db, text=person.national_id).rows]
    assert code in [r.code for r in search_households(demo.db, text=person.phone[:9]).rows]


def test_progress_is_reported(demo: Demo) -> None:
    assert demo.progress[0] == (0, HOUSEHOLDS) and demo.progress[-1] == (HOUSEHOLDS, HOUSEHOLDS)
    done = [d for d, _ in demo.progress]
    assert done == sorted(done)


def test_an_existing_district_is_kept_unless_forced(tmp_path: Path) -> None:
    first = generate_demo(data_dir=tmp_path, households=20, seed=1)
    with pytest.raises(AppError) as caught:
        generate_demo(data_dir=tmp_path, households=30, seed=2)
    assert caught.value.code == "DEMO_EXISTS"
    assert _registry(first.path)[0] and len(_registry(first.path)[0]) == 20
    again = generate_demo(data_dir=tmp_path, households=30, seed=2, force=True)
    assert len(_registry(again.path)[0]) == 30
