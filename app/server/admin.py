"""HQ administration: districts and locations, users, devices, household transfers."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain.vocab import EnrolmentStatus, ExitReason, LocationLevel, Role
from app.errors import FieldError, NotFound, ValidationFailed
from app.models import Enrolment, Household, Location
from app.models.sync_state import SyncConflict
from app.models.user import User
from app.server.db import ServerDatabase
from app.server.hq_writes import hq_unit_of_work
from app.server.models import ServerDevice
from app.server.sequence import allocate, index_row, record_exit
from app.services.auth import hash_password
from app.services.lookups import pay_point_for, programme_covers
from app.sync.tables import SYNCED

LEVELS = {level.value for level in LocationLevel}


def _location(session: object, code: str) -> Location | None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    return session.scalar(select(Location).where(Location.code == code))


def add_district(
    db: ServerDatabase,
    *,
    code: str,
    name: str,
    region_code: str = "R01",
    region_name: str = "Region",
) -> str:
    """Create a district (and its region if new); returns the district id."""
    with hq_unit_of_work(db, user_id=None) as s:
        if _location(s, code) is not None:
            raise ValidationFailed([FieldError("code", "CODE_TAKEN", {"value": code})])
        region = _location(s, region_code)
        if region is None:
            region = Location(code=region_code, name=region_name, level=LocationLevel.REGION)
            s.add(region)
            s.flush()
        district = Location(code=code, name=name, level=LocationLevel.DISTRICT, parent_id=region.id)
        s.add(district)
        s.flush()
        return district.id


def import_locations(db: ServerDatabase, path: Path) -> int:
    """Load ``code,name,level,parent_code`` rows (any order of levels); all or nothing."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    errors: list[FieldError] = []
    needed = {"code", "name", "level", "parent_code"}
    if not rows or not needed <= set(rows[0]):
        raise ValidationFailed(
            [FieldError("file", "MISSING_COLUMNS", {"expected": ",".join(sorted(needed))})]
        )
    order = {"R": 0, "D": 1, "W": 2, "V": 3}
    for i, row in enumerate(rows, start=2):
        if row["level"] not in LEVELS:
            errors.append(FieldError(f"line {i}", "BAD_LEVEL", {"value": row["level"]}))
        if not row["code"].strip() or not row["name"].strip():
            errors.append(FieldError(f"line {i}", "REQUIRED"))
    if errors:
        raise ValidationFailed(errors)
    created = 0
    with hq_unit_of_work(db, user_id=None) as s:
        for i, row in sorted(enumerate(rows, start=2), key=lambda r: order[r[1]["level"]]):
            if _location(s, row["code"].strip()) is not None:
                continue
            parent = _location(s, row["parent_code"].strip()) if row["parent_code"] else None
            if row["level"] != "R" and parent is None:
                raise ValidationFailed(
                    [FieldError(f"line {i}", "UNKNOWN_PARENT", {"value": row["parent_code"]})]
                )
            s.add(
                Location(
                    code=row["code"].strip(),
                    name=row["name"].strip(),
                    level=row["level"],
                    parent_id=parent.id if parent else None,
                )
            )
            s.flush()
            created += 1
    return created


def add_user(
    db: ServerDatabase,
    *,
    username: str,
    password: str,
    role: str,
    district_code: str | None,
    full_name: str = "",
) -> str:
    """Create a user; officers, supervisors and viewers need a district."""
    from app.services.auth import _validate_new_user

    _validate_new_user(username, password, role)
    with hq_unit_of_work(db, user_id=None) as s:
        if s.scalar(select(User.id).where(User.username == username)):
            raise ValidationFailed([FieldError("username", "USERNAME_TAKEN", {"value": username})])
        district = None
        if district_code:
            district = _location(s, district_code)
            if district is None or district.level != LocationLevel.DISTRICT:
                raise ValidationFailed(
                    [FieldError("district", "UNKNOWN_DISTRICT", {"value": district_code})]
                )
        elif role != Role.HQ_ADMIN:
            raise ValidationFailed([FieldError("district", "REQUIRED")])
        user = User(
            username=username,
            full_name=full_name,
            role=role,
            district_id=district.id if district else None,
            password_hash=hash_password(password),
        )
        s.add(user)
        s.flush()
        return user.id


@dataclass(frozen=True)
class DeviceRow:
    id: str
    name: str
    username: str
    registered_at: datetime
    last_seen_at: datetime | None
    revoked: bool


def list_devices(db: ServerDatabase) -> list[DeviceRow]:
    """Every registered laptop with its user and last contact."""
    with db.read_session() as s:
        return [
            DeviceRow(
                d.id, d.name, name or "?", d.registered_at, d.last_seen_at, d.revoked_at is not None
            )
            for d, name in s.execute(
                select(ServerDevice, User.username)
                .outerjoin(User, User.id == ServerDevice.user_id)
                .order_by(ServerDevice.registered_at)
            )
        ]


def revoke_device(db: ServerDatabase, *, device_id: str) -> None:
    """Refuse the laptop's token from now on (ops it already pushed stand)."""
    with db.write_session() as s, s.begin():
        device = s.get(ServerDevice, device_id)
        if device is None:
            raise NotFound(f"no device {device_id}", code="DEVICE_NOT_FOUND")
        device.revoked_at = datetime.now(UTC)


@dataclass(frozen=True)
class TransferResult:
    household_id: str
    rows_moved: int
    exited_programmes: list[str]


def transfer_household(
    db: ServerDatabase,
    *,
    household_code: str,
    village_code: str,
    address: str,
    user_id: str | None = None,
) -> TransferResult:
    """Move a household to a village of another district, with every record hanging off it.

    The old district's laptops receive removals; the new district's receive the rows. Edits the
    old district made offline before the transfer are still accepted when they arrive.
    """
    with hq_unit_of_work(db, user_id=user_id) as s:
        household = s.scalar(select(Household).where(Household.code == household_code))
        if household is None or household.deleted:
            raise NotFound(f"no household {household_code}", code="HOUSEHOLD_NOT_FOUND")
        village = _location(s, village_code)
        if village is None or village.level != LocationLevel.VILLAGE:
            raise ValidationFailed(
                [FieldError("village", "UNKNOWN_VILLAGE", {"value": village_code})]
            )
        from app.services.lookups import district_of

        new_district = district_of(s, village)
        if new_district.id == household.district_id:
            raise ValidationFailed([FieldError("village", "SAME_DISTRICT")])
        old_district = household.district_id
        household.district_id, household.village_id = new_district.id, village.id
        household.address = address
        point = pay_point_for(s, village)
        household.pay_point_id = point.id if point else None
        moved = 1
        for spec in SYNCED.values():
            if "household_id" not in spec.table.c or not spec.scoped:
                continue
            model = next(
                m.class_ for m in Household.registry.mappers if m.local_table is spec.table
            )
            for row in s.scalars(select(model).where(model.household_id == household.id)):
                row.district_id = new_district.id
                moved += 1
        _move_conflicts(s, household.id, old_district, new_district.id)
        exited = []
        for enrolment in s.scalars(
            select(Enrolment).where(
                Enrolment.household_id == household.id,
                Enrolment.status.in_(
                    (EnrolmentStatus.POTENTIAL, EnrolmentStatus.ACTIVE, EnrolmentStatus.SUSPENDED)
                ),
            )
        ):
            if not programme_covers(s, enrolment.programme_id, village):
                enrolment.status = EnrolmentStatus.EXITED
                enrolment.status_reason = ExitReason.MOVED_OUT_OF_AREA
                exited.append(enrolment.programme_id)
        return TransferResult(household.id, moved, exited)


def _move_conflicts(session: Session, household_id: str, old: str, new: str) -> None:
    """Conflict records follow their household: the new district decides them from now on."""
    conn = session.connection()
    query = select(SyncConflict.id).where(SyncConflict.household_id == household_id)
    ids = [c for (c,) in conn.execute(query)]
    if not ids:
        return
    conn.execute(update(SyncConflict).where(SyncConflict.id.in_(ids)).values(district_id=new))
    for conflict_id in ids:
        index_row(
            conn,
            table="sync_conflicts",
            row_id=conflict_id,
            district_id=new,
            seq=allocate(conn),
            meta={},
        )
        record_exit(conn, table="sync_conflicts", row_id=conflict_id, district_id=old)
