"""Demo district, part 1: constants, seeded ids, and the reference data written through the ORM.

Locations (region, district, wards, villages), service points and programmes with their rules,
areas, conditions, activities and payment cycles. These tables are small, so they go through the
ORM (inside the caller's baseline session, ``REMOTE_KEY`` set); ``demo_registry`` bulk-loads the
registry that hangs off them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.domain.vocab import (
    ChangeRequestType,
    ConditionKind,
    CycleStatus,
    LocationLevel,
    PaymentFrequency,
    ProgrammeType,
    ServicePointKind,
)
from app.models import (
    Activity,
    BenefitTopUp,
    Location,
    PaymentCycle,
    Programme,
    ProgrammeCondition,
    ProgrammeLocation,
    ServicePoint,
)
from app.services import demo_names as names

#: The date the baseline stands for: ages are counted to it; registrations, enrolments and
#: departures happened before it.
BASE_DATE = date(2026, 1, 1)
#: ``created_at`` / ``updated_at`` of every demo row (fixed, so a seed gives identical rows).
LOADED_AT = datetime(2026, 1, 1, tzinfo=UTC)
REGION_CODE, DISTRICT_CODE, DISTRICT_NAME = "R01", "D01", "Kolda"
WARD_COUNT = 8
#: Wards (0-based) where the area-limited programmes operate.
PROGRAMME_WARDS: dict[str, frozenset[int]] = {
    "PW": frozenset({0, 1, 2}),
    "CASH-PLUS": frozenset({3, 4, 5}),
}


class DemoIds:
    """Seeded UUIDv7-shaped ids, time-ordered from ``LOADED_AT`` so B-tree inserts append.

    Same layout as ``new_id()`` (48-bit milliseconds, version 7, variant 10, 74 random bits),
    but the clock ticks one millisecond per id and the bits come from the seed.
    """

    def __init__(self, seed: int) -> None:
        self._bits = random.Random(f"ids-{seed}").getrandbits
        self._ms = int(LOADED_AT.timestamp() * 1000)

    def __call__(self) -> str:
        self._ms += 1
        ms, bits = self._ms, self._bits(74)
        return "%08x-%04x-%04x-%04x-%012x" % (  # noqa: UP031 - measurably faster than f-strings
            ms >> 16,
            ms & 0xFFFF,
            0x7000 | bits >> 62,
            0x8000 | (bits >> 48) & 0x3FFF,
            bits & 0xFFFFFFFFFFFF,
        )


@dataclass
class Village:
    """A generated village and the service points its people use."""

    id: str
    code: str
    name: str
    ward: int
    lat: float
    lon: float
    weight: float  # relative number of households
    pay_point_id: str = ""
    school_id: str = ""
    health_facility_id: str = ""


@dataclass(frozen=True)
class Geography:
    district_id: str
    ward_ids: list[str]
    villages: list[Village]
    service_points: int


@dataclass(frozen=True)
class ProgrammeSet:
    ids: dict[str, str]  # by programme code
    cycles: int


def synced(**fields: Any) -> dict[str, Any]:
    """Column values every baseline row shares, plus ``fields``."""
    return {
        "version": 1,
        "server_seq": 0,
        "created_at": LOADED_AT,
        "updated_at": LOADED_AT,
        "deleted": False,
        **fields,
    }


def _village_names(rng: random.Random, count: int) -> list[str]:
    pool = list(names.VILLAGE_ROOTS) + [
        f"{prefix}{root}"
        for prefix in names.VILLAGE_PREFIXES
        if prefix
        for root in names.VILLAGE_ROOTS
        if prefix.strip() not in root
    ]
    rng.shuffle(pool)
    return pool[:count]


def build_geography(
    session: Session, rng: random.Random, ids: DemoIds, households: int
) -> Geography:
    """Region, district, wards, villages (~1 per 400 households, 10-200) and service points."""

    def location(code: str, name: str, level: LocationLevel, parent_id: str | None) -> str:
        row_id = ids()
        session.add(
            Location(**synced(id=row_id, code=code, name=name, level=level, parent_id=parent_id))
        )
        return row_id

    region_id = location(REGION_CODE, "Casamance", LocationLevel.REGION, None)
    district_id = location(DISTRICT_CODE, DISTRICT_NAME, LocationLevel.DISTRICT, region_id)
    ward_ids = [
        location(f"W{w + 1:02d}", names.WARD_NAMES[w], LocationLevel.WARD, district_id)
        for w in range(WARD_COUNT)
    ]
    count = min(200, max(10, round(households / 400)))
    villages: list[Village] = []
    for i, name in enumerate(_village_names(rng, count)):
        ward = i * WARD_COUNT // count
        # Wards tile a 1 x 1 degree box around Kolda (12.9 N, 14.9 W) as a 2 x 4 grid.
        lat = 12.65 + (ward // 4) * 0.5 + rng.uniform(-0.2, 0.2)
        lon = -15.275 + (ward % 4) * 0.25 + rng.uniform(-0.1, 0.1)
        code = f"V{i + 1:04d}"
        village_id = location(code, name, LocationLevel.VILLAGE, ward_ids[ward])
        villages.append(Village(village_id, code, name, ward, lat, lon, rng.lognormvariate(0, 0.6)))
    points = _build_service_points(session, rng, ids, district_id, villages)
    return Geography(district_id, ward_ids, villages, points)


def _build_service_points(
    session: Session, rng: random.Random, ids: DemoIds, district_id: str, villages: list[Village]
) -> int:
    """Per ward a pay point and a health post in its largest village, a pay point of its own in
    every other large village, a school per ~3 villages; works sites in the public-works wards.

    Households use the pay point ``pay_point_for()`` would give them: their village's own, else
    their ward's (the lowest code in the ward, hence the ``PP-Wnn`` / ``PP-Wnn-k`` scheme).
    """
    count = 0

    def point(code: str, name: str, kind: ServicePointKind, village: Village) -> str:
        nonlocal count
        count += 1
        row_id = ids()
        session.add(
            ServicePoint(
                **synced(
                    id=row_id,
                    code=code,
                    name=name,
                    kind=kind,
                    location_id=village.id,
                    district_id=district_id,
                )
            )
        )
        return row_id

    schools = 0
    for w in range(WARD_COUNT):
        ward = f"W{w + 1:02d}"
        in_ward = [v for v in villages if v.ward == w]
        main = max(in_ward, key=lambda v: v.weight)
        ward_pay_point = point(
            f"PP-{ward}", f"Point de paiement {main.name}", ServicePointKind.PAY_POINT, main
        )
        clinic = point(
            f"HF-{ward}", f"Poste de santé de {main.name}", ServicePointKind.HEALTH_FACILITY, main
        )
        extra = 1
        for village in in_ward:
            village.health_facility_id = clinic
            village.pay_point_id = ward_pay_point
            if village is not main and village.weight > 1.8:
                extra += 1
                village.pay_point_id = point(
                    f"PP-{ward}-{extra}",
                    f"Point de paiement {village.name}",
                    ServicePointKind.PAY_POINT,
                    village,
                )
        for first in range(0, len(in_ward), 3):
            schools += 1
            group = in_ward[first : first + 3]
            school = point(
                f"SCH-{schools:03d}",
                f"École élémentaire de {group[0].name}",
                ServicePointKind.SCHOOL,
                group[0],
            )
            for village in group:
                village.school_id = school
        if w in PROGRAMME_WARDS["PW"]:
            site = rng.choice(in_ward)
            work = ("Digue anti-sel", "Reboisement", "Piste rurale")[w % 3]
            point(f"WS-{w + 1:02d}", f"{work} de {site.name}", ServicePointKind.WORKS_SITE, site)
    return count


_ProgrammeSpec = tuple[str, str, ProgrammeType, int, int | None, int, dict[str, object], str]
#: code, name, type, base amount, cap, deduction per unmet condition, criteria, description.
_PROGRAMMES: tuple[_ProgrammeSpec, ...] = (
    ("CT-UNC", "Unconditional cash transfer", ProgrammeType.UNCONDITIONAL_CT, 15000, None, 0,
     {"max_pmt_score": 35},
     "Monthly transfer to poor households, paid at the pay point or by mobile money."),
    ("CT-COND", "Conditional cash transfer (school and health)", ProgrammeType.CONDITIONAL_CT,
     10000, 30000, 2500, {"max_pmt_score": 35, "min_children": 1},
     "Base amount plus top-ups per young or school-age child; school attendance and health "
     "visits are co-responsibilities."),
    ("PW", "Public works (labour-intensive)", ProgrammeType.PUBLIC_WORKS, 20000, None, 0,
     {"max_pmt_score": 45, "min_adults_18_60": 1},
     "Paid work on dykes, tree planting and rural roads in three wards."),
    ("CASH-PLUS", "Cash plus (livelihoods)", ProgrammeType.CASH_PLUS, 12500, None, 0,
     {"max_pmt_score": 25}, "Transfer plus savings groups and livelihood coaching."),
)  # fmt: skip
#: Changes each programme wants checked by a second user (maker-checker); CASH-PLUS trusts its
#: officers, to show the rule is per programme.
_APPROVALS: dict[str, tuple[str, ...]] = {
    "CT-UNC": ("PAYMENT_ACCOUNT", "ENROLMENT_STATUS", "HEAD_OR_RECIPIENT", "MOVE",
               "BENEFIT_ADJUSTMENT", "PAY_POINT", "OVERPAYMENT_RECOVERY"),
    "CT-COND": tuple(t.value for t in ChangeRequestType),
    "PW": ("PAYMENT_ACCOUNT", "ENROLMENT_STATUS", "BENEFIT_ADJUSTMENT", "OVERPAYMENT_RECOVERY"),
    "CASH-PLUS": (),
}  # fmt: skip
#: programme, code, name, kind, applies to, threshold (percent or days).
_CONDITIONS = (
    ("CT-COND", "CT-COND-SCHOOL", "School attendance (80 %)", ConditionKind.SCHOOL_ATTENDANCE,
     "CHILD_6_15", 80),
    ("CT-COND", "CT-COND-HEALTH", "Monthly health visit", ConditionKind.HEALTH_VISIT,
     "CHILD_UNDER_5", 1),
    ("PW", "PW-DAYS", "15 working days a month", ConditionKind.WORK_DAYS, "ADULT", 15),
)  # fmt: skip
_TOP_UPS = (("CT-COND", "CHILD_UNDER_5", 2500, 3), ("CT-COND", "CHILD_IN_SCHOOL", 3000, 4))
_ACTIVITIES = (
    ("Orientation and safety training", 3),
    ("Anti-salt dyke construction", 20),
    ("Tree planting", 15),
    ("Rural road maintenance", 10),
)


def build_programmes(session: Session, ids: DemoIds, geo: Geography) -> ProgrammeSet:
    """Four programmes with their rules, areas, conditions, activities and six monthly cycles."""
    programme_ids: dict[str, str] = {}
    for code, name, kind, base, cap, deduction, criteria, description in _PROGRAMMES:
        programme_ids[code] = ids()
        session.add(
            Programme(
                **synced(
                    id=programme_ids[code],
                    code=code,
                    name=name,
                    type=kind,
                    description=description,
                    currency="XOF",
                    frequency=PaymentFrequency.MONTHLY,
                    base_amount=base,
                    cap_amount=cap,
                    deduction_per_unmet=deduction,
                    criteria=criteria,
                    approval_required=list(_APPROVALS.get(code, ())),
                    starts_on=date(2025, 1, 1),
                    ends_on=date(2027, 12, 31),
                )
            )
        )
    session.flush()  # the rows below reference the programmes
    for code, wards in PROGRAMME_WARDS.items():
        for w in sorted(wards):
            session.add(
                ProgrammeLocation(
                    **synced(
                        id=ids(), programme_id=programme_ids[code], location_id=geo.ward_ids[w]
                    )
                )
            )
    for code, criterion, amount, max_members in _TOP_UPS:
        session.add(
            BenefitTopUp(
                **synced(
                    id=ids(),
                    programme_id=programme_ids[code],
                    criterion=criterion,
                    amount=amount,
                    max_members=max_members,
                )
            )
        )
    for programme, code, name, condition_kind, applies_to, threshold in _CONDITIONS:
        session.add(
            ProgrammeCondition(
                **synced(
                    id=ids(),
                    programme_id=programme_ids[programme],
                    code=code,
                    name=name,
                    kind=condition_kind,
                    applies_to=applies_to,
                    threshold=threshold,
                    periods_before_measure=2,
                )
            )
        )
    for position, (name, days) in enumerate(_ACTIVITIES, start=1):
        session.add(
            Activity(
                **synced(
                    id=ids(),
                    programme_id=programme_ids["PW"],
                    position=position,
                    name=name,
                    working_days=days,
                )
            )
        )
    cycles = 0
    for code, programme_id in programme_ids.items():
        for month in range(1, 7):  # January-April paid and closed, May under way, June next
            if month <= 4:
                status = CycleStatus.CLOSED
            else:
                status = CycleStatus.ACTIVE if month == 5 else CycleStatus.PENDING
            session.add(
                PaymentCycle(
                    **synced(
                        id=ids(),
                        programme_id=programme_id,
                        code=f"{code}-2026-{month:02d}",
                        start_date=date(2026, month, 1),
                        end_date=date.fromordinal(date(2026, month + 1, 1).toordinal() - 1),
                        status=status,
                    )
                )
            )
            cycles += 1
    return ProgrammeSet(programme_ids, cycles)
