"""Demo district, part 2: households, members, enrolments and payment accounts, bulk-inserted.

Rows are built as plain tuples in batches and inserted with ``executemany`` on the DBAPI
connection of the caller's (baseline) session, so the load stays one transaction with the ORM
reference rows. Bypassing the ORM means writing its SQLite storage formats by hand: see
``_insert_sql``; ``tests/test_demo.py`` reads every table back through the ORM.

Random draws use ``int(random() * n)`` rather than ``randrange``/``choice``/``randint``: same
determinism, a third of the cost, and this loop runs ~300,000 times for 50,000 households.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Connection, text

from app.domain.vocab import (
    AccountStatus,
    AccountVerification,
    ArrivalReason,
    EnrolmentStatus,
    ExitReason,
    HouseholdStatus,
    LeaveReason,
    MemberStatus,
    PaymentMethod,
    Relationship,
)
from app.models.search_index import rebuild
from app.services import demo_names as names
from app.services.demo_reference import (
    BASE_DATE,
    DISTRICT_CODE,
    LOADED_AT,
    PROGRAMME_WARDS,
    DemoIds,
    Geography,
    ProgrammeSet,
    Village,
)

T = TypeVar("T")
Progress = Callable[[int, int], None]
#: Households generated and inserted per batch (bounds memory; one progress report each).
CHUNK = 5000
BULK_TABLES = ("households", "individuals", "enrolments", "payment_accounts")
_BASE = BASE_DATE.toordinal()

#: Bulk-inserted columns per table, in tuple order; the bookkeeping columns are SQL constants.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "households": (
        "id", "code", "village_id", "address", "landmark", "phone", "gps_lat", "gps_lon",
        "head_id", "primary_recipient_id", "secondary_recipient_id", "pay_point_id",
        "pmt_score", "status", "registered_on",
    ),
    "individuals": (
        "id", "household_id", "first_name", "last_name", "sex", "date_of_birth", "national_id",
        "phone", "relationship", "status", "status_date", "status_reason", "date_of_death",
        "arrival_reason", "disability", "school_id", "health_facility_id",
    ),
    "enrolments": (
        "id", "household_id", "programme_id", "status", "status_reason", "status_date",
        "enrolled_on",
    ),
    "payment_accounts": (
        "id", "household_id", "holder_id", "method", "provider", "account_number",
        "account_name", "verification", "status",
    ),
}  # fmt: skip

# Plain strings for the hot loop (an enum member's ``.value`` is a descriptor call).
HEAD, SPOUSE = Relationship.HEAD.value, Relationship.SPOUSE.value
SON, DAUGHTER = Relationship.SON.value, Relationship.DAUGHTER.value
GRANDSON, GRANDDAUGHTER = Relationship.GRANDSON.value, Relationship.GRANDDAUGHTER.value
BROTHER, SISTER = Relationship.BROTHER.value, Relationship.SISTER.value
MOTHER, FATHER = Relationship.MOTHER.value, Relationship.FATHER.value
GRANDMOTHER = Relationship.GRANDMOTHER.value
OTHER_RELATIVE, NOT_RELATED = Relationship.OTHER_RELATIVE.value, Relationship.NOT_RELATED.value
ALIVE = MemberStatus.ALIVE.value
ACTIVE_HOUSEHOLD = HouseholdStatus.ACTIVE.value
REGISTRATION = ArrivalReason.REGISTRATION.value  # present when the household registered
BIRTH = ArrivalReason.BIRTH.value  # born since
_EXIT_REASONS = tuple(
    r.value
    for r in (
        ExitReason.MOVED_OUT_OF_AREA,
        ExitReason.NOT_ELIGIBLE,
        ExitReason.VOLUNTARY,
        ExitReason.DUPLICATE,
        ExitReason.RECERTIFICATION,
    )
)
_SUSPEND_REASONS = ("NON_COMPLIANCE", "PAYMENT_NOT_COLLECTED", "UNDER_REVIEW")
_LEAVE_REASONS = tuple(
    r.value
    for r in (LeaveReason.MARRIAGE, LeaveReason.MIGRATION, LeaveReason.STUDIES, LeaveReason.WORK)
)
#: Children living with the head, weighted by count (index); older heads have fewer at home.
_CHILDREN = (10, 14, 18, 18, 15, 11, 7, 4, 3)
_CHILDREN_OLDER = (30, 25, 20, 12, 8, 5)
_OPERATORS = ("77", "78", "76", "70")


def _iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def _insert_sql(table: str, district_id: str) -> str:
    """An INSERT whose bookkeeping columns are constants, in the ORM's SQLite storage formats.

    ``UTCDateTime`` stores naive UTC text ``YYYY-MM-DD HH:MM:SS.ffffff``, ``Date`` stores
    ``YYYY-MM-DD``, ``Boolean`` 0/1: the tuples and constants here use exactly those.
    """
    if not all(c in "0123456789abcdef-" for c in district_id):
        raise ValueError("district id is not a UUID")  # it is inlined as a literal below
    stamp = LOADED_AT.replace(tzinfo=None).isoformat(" ", "microseconds")
    fixed = {
        "version": "1",
        "server_seq": "0",
        "created_at": f"'{stamp}'",
        "updated_at": f"'{stamp}'",
        "updated_by": "NULL",
        "deleted": "0",
        "district_id": f"'{district_id}'",
    }
    columns = _COLUMNS[table]
    return (
        f"INSERT INTO {table} ({', '.join(columns + tuple(fixed))}) "
        f"VALUES ({', '.join('?' * len(columns))}, {', '.join(fixed.values())})"
    )


class Person:
    """One generated member; ``born`` is a date ordinal."""

    __slots__ = (
        "id", "relationship", "sex", "age", "born", "first_name", "last_name", "national_id",
        "phone", "status", "status_date", "status_reason", "date_of_death",
    )  # fmt: skip

    def __init__(
        self, relationship: str, sex: str, age: int, last_name: str, rnd: Callable[[], float]
    ) -> None:
        self.id = ""
        self.relationship = relationship
        self.sex = sex
        self.age = age
        self.born = _BASE - int(age * 365.25) - int(rnd() * 365)
        first = names.MALE_FIRST_NAMES if sex == "M" else names.FEMALE_FIRST_NAMES
        self.first_name = first[int(rnd() * len(first))]
        self.last_name = last_name
        self.national_id: str | None = None
        self.phone: str | None = None
        self.status = ALIVE
        self.status_date: str | None = None
        self.status_reason: str | None = None
        self.date_of_death: str | None = None


class RegistryLoader:
    """Generates the district's households batch by batch and bulk-inserts them.

    Why not sqlite-utils ``insert_all`` (the project's bulk-insert helper): measured on this
    schema, 250,000 individuals took 8.5 s through ``insert_all`` (dict rows, batch_size 5000)
    against 1.6 s through one prepared ``executemany`` fed tuples on the same connection; the
    load's time budget cannot absorb that, so this uses the raw DBAPI connection.
    """

    def __init__(
        self,
        conn: Connection,
        rng: random.Random,
        ids: DemoIds,
        geo: Geography,
        programmes: ProgrammeSet,
    ) -> None:
        raw = conn.connection.driver_connection
        if not isinstance(raw, sqlite3.Connection):
            raise TypeError("the demo loader needs a SQLite database")
        self.conn, self.raw = conn, raw
        self.rng, self.rnd, self.ids = rng, rng.random, ids
        self.geo, self.programmes = geo, programmes
        self.sql = {table: _insert_sql(table, geo.district_id) for table in BULK_TABLES}
        self.rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in BULK_TABLES}
        self.counts = dict.fromkeys(BULK_TABLES, 0)
        self._ids_issued = 0
        self._phones_issued = 0

    def pick(self, seq: Sequence[T]) -> T:
        return seq[int(self.rnd() * len(seq))]

    def between(self, low: int, high: int) -> int:
        """An int in [low, high] (both ends included)."""
        return low + int(self.rnd() * (high - low + 1))

    def load(self, households: int, progress: Progress | None) -> dict[str, int]:
        """Insert ``households`` households; returns row counts per table."""
        # Secondary indexes are built once at the end (a sort) instead of row by row, and the
        # FTS trigger (a households lookup per person) is replaced by one index rebuild. Both
        # come back with exactly the DDL the migrations left in sqlite_master.
        deferred = self.conn.execute(
            text(
                "SELECT name, type, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
                f"((type = 'index' AND tbl_name IN {BULK_TABLES!r}) "
                "OR (type = 'trigger' AND name = 'person_search_ai'))"
            )
        ).all()
        for name, kind, _sql in deferred:
            self.conn.execute(text(f'DROP {kind.upper()} "{name}"'))
        villages = self.geo.villages
        placed = self.rng.choices(villages, weights=[v.weight for v in villages], k=households)
        if progress:
            progress(0, households)
        for start in range(0, households, CHUNK):
            stop = min(households, start + CHUNK)
            for number in range(start + 1, stop + 1):
                self._household(number, placed[number - 1])
            for table, rows in self.rows.items():
                self.raw.executemany(self.sql[table], rows)
                self.counts[table] += len(rows)
                rows.clear()
            if progress:
                progress(stop, households)
        for _name, _kind, sql in deferred:
            self.conn.execute(text(sql))
        rebuild(self.conn)
        return self.counts

    def _household(self, number: int, village: Village) -> None:
        rnd, ids = self.rnd, self.ids
        household_id = ids()
        registered = _BASE - self.between(30, 730)
        people = self._compose()
        head, primary = people[0], people[0]
        adults = []
        for p in people:
            p.id = ids()
            if p.age >= 18:
                adults.append(p)
                if p.relationship == SPOUSE and p.sex == "F" and primary is head and rnd() < 0.8:
                    primary = p  # the wife usually collects the transfer
        others = [p for p in adults if p is not primary]
        secondary = self.pick(others) if others and rnd() < 0.3 else None
        if rnd() < 0.05:  # ~1 % of people died or left since the household registered
            bystanders = [p for p in people if p is not head and p is not primary]
            bystanders = [p for p in bystanders if p is not secondary]
            if bystanders:
                self._depart(self.pick(bystanders), registered)
        size = len(people)
        pmt = self.rng.gauss(32, 11) - 1.5 * (size - 5) - (3 if head.sex == "F" else 0)
        pmt = round(min(60.0, max(5.0, pmt)), 1)
        self.rows["households"].append(
            (
                household_id,
                f"{DISTRICT_CODE}-{number:06d}",
                village.id,
                f"Quartier {self.pick(names.QUARTIERS)}, {village.name}",
                self.pick(names.LANDMARKS) if rnd() < 0.8 else "",
                primary.phone or head.phone,
                round(village.lat + (rnd() - 0.5) * 0.03, 6),
                round(village.lon + (rnd() - 0.5) * 0.03, 6),
                head.id,
                primary.id,
                secondary.id if secondary else None,
                village.pay_point_id,
                pmt,
                ACTIVE_HOUSEHOLD,
                _iso(registered),
            )
        )
        append = self.rows["individuals"].append
        kids = workers = False
        for p in people:
            age = p.age
            kids = kids or age < 16
            workers = workers or 18 <= age <= 60
            append(
                (
                    p.id,
                    household_id,
                    p.first_name,
                    p.last_name,
                    p.sex,
                    _iso(p.born),
                    p.national_id,
                    p.phone,
                    p.relationship,
                    p.status,
                    p.status_date,
                    p.status_reason,
                    p.date_of_death,
                    BIRTH if p.born > registered else REGISTRATION,
                    1 if rnd() < 0.03 else 0,
                    village.school_id if 6 <= age <= 15 and rnd() < 0.85 else None,
                    village.health_facility_id if rnd() < 0.9 else None,
                )
            )
        if self._enrol(household_id, village, pmt, registered, kids=kids, workers=workers):
            self._account(household_id, primary)

    def _compose(self) -> list[Person]:
        """Head, spouse(s), children and other relatives: 1-12 people, about 5 on average."""
        rnd, between, pick = self.rnd, self.between, self.pick
        surnames = names.LAST_NAMES
        head_sex = "F" if rnd() < 0.27 else "M"
        head_age = int(self.rng.triangular(25, 76, 38))
        family = pick(surnames)
        people = [Person(HEAD, head_sex, head_age, family, rnd)]
        mother_age = head_age if head_sex == "F" else 0
        children_name = family
        if head_sex == "M" and rnd() < (0.85 if head_age < 65 else 0.6):
            for _ in range(2 if rnd() < 0.08 else 1):  # some households are polygamous
                age = max(18, head_age - between(2, 15))
                people.append(Person(SPOUSE, "F", age, pick(surnames), rnd))
                mother_age = max(mother_age, age)
        elif head_sex == "F" and rnd() < 0.15:
            children_name = pick(surnames)
            people.append(
                Person(SPOUSE, "M", min(90, head_age + between(0, 10)), children_name, rnd)
            )
        elif head_sex == "F" and rnd() < 0.5:
            children_name = pick(surnames)  # children carry their (absent) father's name
        if mother_age == 0:
            mother_age = head_age - between(0, 8)
        oldest_child = min(20, mother_age - 16)
        if oldest_child >= 0:
            weights = _CHILDREN if head_age < 58 else _CHILDREN_OLDER
            for _ in range(self.rng.choices(range(len(weights)), weights=weights)[0]):
                son = rnd() < 0.5
                people.append(
                    Person(
                        SON if son else DAUGHTER,
                        "M" if son else "F",
                        between(0, oldest_child),
                        children_name,
                        rnd,
                    )
                )
        if head_age <= 55 and rnd() < 0.10:
            mother = Person(MOTHER, "F", min(95, head_age + between(18, 35)), pick(surnames), rnd)
            people.append(mother)
        if head_age <= 50 and rnd() < 0.03:
            last = family if head_sex == "M" else pick(surnames)
            people.append(Person(FATHER, "M", min(95, head_age + between(20, 38)), last, rnd))
        if head_age <= 35 and rnd() < 0.04:
            people.append(Person(GRANDMOTHER, "F", between(70, 92), pick(surnames), rnd))
        if head_age >= 50 and rnd() < 0.35:
            for _ in range(between(1, 3)):
                boy = rnd() < 0.5
                rel = GRANDSON if boy else GRANDDAUGHTER
                people.append(Person(rel, "M" if boy else "F", between(0, 14), pick(surnames), rnd))
        if rnd() < 0.06:
            brother = rnd() < 0.5
            age = max(12, head_age + between(-10, 10))
            rel = BROTHER if brother else SISTER
            people.append(Person(rel, "M" if brother else "F", age, family, rnd))
        if rnd() < 0.06:
            sex = "M" if rnd() < 0.5 else "F"
            people.append(Person(OTHER_RELATIVE, sex, between(5, 40), pick(surnames), rnd))
        if rnd() < 0.01:
            sex = "M" if rnd() < 0.5 else "F"
            people.append(Person(NOT_RELATED, sex, between(18, 40), pick(surnames), rnd))
        del people[12:]
        for p in people:
            if p.age >= 18:
                self._identify(p)
        return people

    def _identify(self, person: Person) -> None:
        """A unique 13-digit national ID for every adult; a unique phone for ~60 % of them."""
        self._ids_issued += 1
        # sex digit, area, birth year, serial: a bijection mod 10^7 keeps serials unique.
        serial = (self._ids_issued * 7919 + 12345) % 10**7
        year = date.fromordinal(person.born).year % 100
        sex = 1 if person.sex == "M" else 2
        person.national_id = f"{sex}{self.between(700, 759)}{year:02d}{serial:07d}"
        if self.rnd() < (0.75 if person.relationship == HEAD else 0.5):
            self._phones_issued += 1
            number = (self._phones_issued * 7927 + 54321) % 10**7
            person.phone = f"+221{_OPERATORS[self._phones_issued % 4]}{number:07d}"

    def _depart(self, person: Person, registered: int) -> None:
        """Mark a member who died or left after registration (never a head or a recipient)."""
        first = max(person.born, registered) + 1
        if first >= _BASE:
            return
        day = _iso(self.between(first, _BASE - 1))
        person.status_date = day
        if self.rnd() < 0.4:
            person.status = MemberStatus.DECEASED.value
            person.status_reason = self.pick(names.DECEASED_REASONS)
            person.date_of_death = day
        else:
            person.status = MemberStatus.LEFT.value
            person.status_reason = self.pick(_LEAVE_REASONS)

    def _enrol(
        self,
        household_id: str,
        village: Village,
        pmt: float,
        registered: int,
        *,
        kids: bool,
        workers: bool,
    ) -> bool:
        """Enrol by a light version of each programme's criteria; True if enrolled anywhere."""
        rnd = self.rnd
        chosen: list[str] = []
        if pmt <= 35:
            if kids and rnd() < 0.55:
                chosen.append("CT-COND")
            elif rnd() < 0.8:
                chosen.append("CT-UNC")
        if village.ward in PROGRAMME_WARDS["PW"] and workers and pmt <= 45 and rnd() < 0.5:
            chosen.append("PW")
        if village.ward in PROGRAMME_WARDS["CASH-PLUS"] and pmt <= 25 and rnd() < 0.6:
            chosen.append("CASH-PLUS")
        rows = self.rows["enrolments"]
        for code in chosen:
            enrolled = min(registered + self.between(30, 240), _BASE - 1)
            on = _iso(enrolled)
            changed = _iso(self.between(enrolled, _BASE - 1))
            roll = rnd()
            row: tuple[str, str | None, str, str | None]
            if roll < 0.80:
                row = (EnrolmentStatus.ACTIVE.value, None, on, on)
            elif roll < 0.89:
                row = (EnrolmentStatus.POTENTIAL.value, None, on, None)
            elif roll < 0.95:
                row = (EnrolmentStatus.SUSPENDED.value, self.pick(_SUSPEND_REASONS), changed, on)
            elif roll < 0.98:
                row = (EnrolmentStatus.EXITED.value, self.pick(_EXIT_REASONS), changed, on)
            else:
                reason = ExitReason.RECERTIFICATION.value
                row = (EnrolmentStatus.GRADUATED.value, reason, changed, on)
            rows.append((self.ids(), household_id, self.programmes.ids[code], *row))
        return bool(chosen)

    def _account(self, household_id: str, holder: Person) -> None:
        """The household's active account, held by its primary recipient."""
        roll = self.rnd()
        provider = number = ""
        if holder.phone and roll < 0.35:
            method = PaymentMethod.MOBILE_MONEY.value
            provider = self.rng.choices(names.MOBILE_PROVIDERS, weights=(55, 35, 10))[0]
            number = holder.phone
        elif roll > 0.97:
            method = PaymentMethod.BANK.value
            provider = self.pick(names.BANKS)
            number = f"SN{self.rng.getrandbits(72) % 10**22:022d}"
        else:
            method = PaymentMethod.CASH.value
        check = self.rnd()
        if check < 0.75:
            verification = AccountVerification.VERIFIED.value
        elif check < 0.97 or method == PaymentMethod.CASH:
            verification = AccountVerification.PENDING.value
        else:
            verification = AccountVerification.FAILED.value
        self.rows["payment_accounts"].append(
            (
                self.ids(),
                household_id,
                holder.id,
                method,
                provider,
                number,
                f"{holder.first_name} {holder.last_name}",
                verification,
                AccountStatus.ACTIVE.value,
            )
        )
