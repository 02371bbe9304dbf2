"""Data transfer objects: what services take in and hand out (never live ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class MemberIn:
    """A new member as typed in a form or given on the command line."""

    first_name: str
    last_name: str
    sex: str
    date_of_birth: date | str
    relationship: str
    national_id: str | None = None
    phone: str | None = None
    disability: bool = False
    school_code: str | None = None
    health_facility_code: str | None = None


@dataclass(frozen=True)
class HouseholdIn:
    """A household to register, with its members; indexes point into ``members``."""

    village_code: str
    members: list[MemberIn]
    address: str = ""
    landmark: str = ""
    phone: str | None = None
    gps_lat: float | None = None
    gps_lon: float | None = None
    pmt_score: float | None = None
    head_index: int = 0
    primary_recipient_index: int | None = None
    secondary_recipient_index: int | None = None


@dataclass(frozen=True)
class MemberOut:
    id: str
    first_name: str
    last_name: str
    sex: str
    date_of_birth: date
    age: int
    relationship: str
    status: str
    status_date: date | None
    status_reason: str | None
    national_id: str | None
    phone: str | None
    disability: bool
    school: str | None
    health_facility: str | None
    is_head: bool
    is_primary_recipient: bool
    is_secondary_recipient: bool
    # Codes of ``school`` and ``health_facility`` (what the member form and services take).
    school_code: str | None = None
    health_facility_code: str | None = None


@dataclass(frozen=True)
class EnrolmentOut:
    id: str
    programme_code: str
    programme_name: str
    status: str
    status_reason: str | None
    status_date: date | None


@dataclass(frozen=True)
class PaymentAccountOut:
    id: str
    method: str
    provider: str
    account_number: str
    account_name: str
    holder_name: str | None
    verification: str
    status: str


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    user: str | None
    action: str
    table: str
    row_id: str
    field: str | None
    old: str | None
    new: str | None


@dataclass(frozen=True)
class GrievanceBrief:
    id: str
    code: str
    title: str
    status: str
    due_date: date | None


@dataclass(frozen=True)
class HouseholdOut:
    """Everything the household page shows."""

    id: str
    code: str
    status: str
    district_code: str
    ward_name: str | None
    village_code: str
    village_name: str
    address: str
    landmark: str
    phone: str | None
    gps_lat: float | None
    gps_lon: float | None
    pmt_score: float | None
    pay_point_code: str | None
    pay_point_name: str | None
    version: int
    members: list[MemberOut]
    enrolments: list[EnrolmentOut]
    payment_accounts: list[PaymentAccountOut]
    history: list[HistoryEntry] = field(default_factory=list)
    grievances: list[GrievanceBrief] = field(default_factory=list)
    open_conflicts: int = 0
    pending_changes: int = 0
    waiting_requests: int = 0  # change requests waiting for a checker


@dataclass(frozen=True)
class MoveResult:
    """What a move changed besides the address."""

    household_id: str
    exited_programmes: list[str]
    pay_point_code: str | None


@dataclass(frozen=True)
class HouseholdRow:
    """One line of the household list."""

    id: str
    code: str
    head_name: str
    village_name: str
    member_count: int
    status: str
    pay_point_name: str | None


@dataclass(frozen=True)
class SearchPage:
    rows: list[HouseholdRow]
    offset: int
    limit: int
    has_more: bool
