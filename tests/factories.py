"""A small hand-built district for tests: two wards, four villages, two programmes, users."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from app.domain.vocab import (
    EnrolmentStatus,
    ProgrammeType,
    Role,
    ServicePointKind,
)
from app.models import (
    Enrolment,
    Location,
    Programme,
    ProgrammeLocation,
    ServicePoint,
)
from app.models.db import DB_FILENAME, Database
from app.models.recorder import REMOTE_KEY
from app.services.auth import add_local_user, authenticate
from app.services.context import Actor, ServiceContext
from app.services.dto import HouseholdIn, MemberIn
from app.services.households import register_household

FIXED_NOW = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)
PASSWORDS = {
    "officer": "officer-pass",
    "supervisor": "supervisor-pass",
    "viewer": "viewer-pass",
    "other": "other-pass",
    "hq": "hq-admin-pass",
}


@dataclass
class District:
    db: Database
    district_id: str
    other_district_id: str
    ids: dict[str, str]

    def ctx(self, username: str = "officer") -> ServiceContext:
        if username not in self._actors:
            self._actors[username] = authenticate(
                self.db, username=username, password=PASSWORDS[username]
            )
        return ServiceContext(
            self.db, self._actors[username], clock_ms=lambda: int(FIXED_NOW.timestamp() * 1000)
        )

    def __post_init__(self) -> None:
        self._actors: dict[str, Actor] = {}


_template: tuple[Path, dict[str, str]] | None = None


def build_district(data_dir: Path) -> District:
    """A fresh copy of the test district (built once per process, then copied: argon2 is slow)."""
    global _template
    if _template is None:
        folder = Path(tempfile.mkdtemp(prefix="roster-template-"))
        d = _build(folder)
        d.db.close()
        _template = (folder / DB_FILENAME, d.ids)
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_template[0], data_dir / DB_FILENAME)
    db = Database.open(data_dir)
    ids = dict(_template[1])
    return District(db, ids["D01"], ids["D02"], ids)


def _build(data_dir: Path) -> District:
    """Create the database and load a baseline (as if downloaded from HQ: no outbox entries)."""
    db = Database.open(data_dir)
    ids: dict[str, str] = {}
    with db.write_session() as s, s.begin():
        s.info[REMOTE_KEY] = True

        def loc(code: str, name: str, level: str, parent: str | None) -> str:
            row = Location(code=code, name=name, level=level, parent_id=parent)
            s.add(row)
            s.flush()
            ids[code] = row.id
            return row.id

        region = loc("R01", "Casamance", "R", None)
        district = loc("D01", "Kolda", "D", region)
        other = loc("D02", "Sédhiou", "D", region)
        w1 = loc("W01", "Dioulacolon", "W", district)
        w2 = loc("W02", "Saré Bidji", "W", district)
        w3 = loc("W03", "Bounkiling", "W", other)
        loc("V001", "Médina Chérif", "V", w1)
        loc("V002", "Sinthiang", "V", w1)
        loc("V003", "Saré Yoba", "V", w2)
        loc("V004", "Bagadadji", "V", w2)
        loc("V101", "Diaroumé", "V", w3)
        for code, name, kind, village, dist in [
            ("PP-W01", "Dioulacolon market", ServicePointKind.PAY_POINT, "V001", district),
            ("PP-W02", "Saré Bidji post office", ServicePointKind.PAY_POINT, "V003", district),
            ("SCH-01", "École de Sinthiang", ServicePointKind.SCHOOL, "V002", district),
            (
                "HF-01",
                "Poste de santé Dioulacolon",
                ServicePointKind.HEALTH_FACILITY,
                "V001",
                district,
            ),
            ("PP-W03", "Bounkiling", ServicePointKind.PAY_POINT, "V101", other),
        ]:
            sp = ServicePoint(
                code=code, name=name, kind=kind, location_id=ids[village], district_id=dist
            )
            s.add(sp)
            s.flush()
            ids[code] = sp.id
        ct = Programme(
            code="CT-UNC",
            name="Unconditional cash transfer",
            type=ProgrammeType.UNCONDITIONAL_CT,
            base_amount=15000,
        )
        pw = Programme(
            code="PW",
            name="Public works (ward 1 only)",
            type=ProgrammeType.PUBLIC_WORKS,
            base_amount=20000,
        )
        s.add_all([ct, pw])
        s.flush()
        ids["CT-UNC"], ids["PW"] = ct.id, pw.id
        s.add(ProgrammeLocation(programme_id=pw.id, location_id=w1))
        for name, role, dist in [
            ("officer", Role.OFFICER, district),
            ("supervisor", Role.SUPERVISOR, district),
            ("viewer", Role.VIEWER, district),
            ("other", Role.OFFICER, other),
            ("hq", Role.HQ_ADMIN, None),
        ]:
            user = add_local_user(
                s,
                username=name,
                password=PASSWORDS[name],
                role=role,
                district_id=dist,
                full_name=name.title(),
            )
            s.flush()
            ids[f"user:{name}"] = user.id
    return District(db, district, other, ids)


def family(village: str = "V001", national_id: str = "1980030200011") -> HouseholdIn:
    """A household of four: head, spouse (primary recipient), two children."""
    return HouseholdIn(
        village_code=village,
        address="Quartier Escale",
        phone="+221771234567",
        members=[
            MemberIn("Moussa", "Diallo", "M", "1980-03-02", "HEAD", national_id=national_id),
            MemberIn("Aminata", "Diallo", "F", "1985-07-19", "SPOUSE", phone="+221770000001"),
            MemberIn("Fatou", "Diallo", "F", "2014-01-10", "DAUGHTER", school_code="SCH-01"),
            MemberIn("Ibrahima", "Diallo", "M", "2019-11-30", "SON"),
        ],
        head_index=0,
        primary_recipient_index=1,
    )


def enrol(
    d: District, household_id: str, programme_code: str, status: str = EnrolmentStatus.ACTIVE
) -> str:
    """Enrol as a baseline row (enrolment services belong to the programmes issue)."""
    with d.db.write_session() as s, s.begin():
        s.info[REMOTE_KEY] = True
        e = Enrolment(
            household_id=household_id,
            programme_id=d.ids[programme_code],
            district_id=d.district_id,
            status=status,
            enrolled_on=date(2026, 1, 1),
        )
        s.add(e)
        s.flush()
        return e.id


_counter = iter(range(10**6))


def registered(d: District, village: str = "V001") -> str:
    """Register the standard family (a fresh head national ID each time); returns its id."""
    return register_household(d.ctx(), data=family(village, f"19800302{next(_counter):05d}"))
