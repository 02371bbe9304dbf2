"""What the programme, payroll and reconciliation services hand out (frozen, never ORM objects).

Money is integer minor units of the programme's ``currency`` throughout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class TopUpOut:
    criterion: str
    amount: int
    max_members: int | None


@dataclass(frozen=True)
class ConditionOut:
    code: str
    name: str
    kind: str
    applies_to: str
    threshold: int


@dataclass(frozen=True)
class ProgrammeOut:
    id: str
    code: str
    name: str
    type: str
    description: str
    currency: str
    frequency: str
    base_amount: int
    cap_amount: int | None
    deduction_per_unmet: int
    top_ups: list[TopUpOut]
    conditions: list[ConditionOut]
    active_enrolments: int  # in the actor's district (all districts on this database for HQ)


@dataclass(frozen=True)
class CycleOut:
    id: str
    code: str
    programme_code: str
    start_date: date
    end_date: date
    status: str
    #: The live (not REJECTED) payroll of this cycle in the actor's district, if any.
    payroll_id: str | None = None
    payroll_status: str | None = None


@dataclass(frozen=True)
class PayrollRow:
    """One line of the payroll list."""

    id: str
    name: str
    programme_code: str
    cycle_code: str
    district_code: str
    status: str
    payment_count: int
    total_amount: int
    currency: str
    created_by: str | None  # user names
    approved_by: str | None
    created_at: datetime
    approved_at: datetime | None
    rejection_reason: str | None = None  # why it was rejected (REJECTED payrolls)


@dataclass(frozen=True)
class PayPointTotal:
    """A pay point's share of a payroll; ``pay_point_code`` None collects households without."""

    pay_point_code: str | None
    pay_point_name: str | None
    payments: int
    amount: int
    paid: int
    paid_amount: int
    unpaid: int
    unpaid_amount: int
    open: int  # neither paid nor unpaid yet


@dataclass(frozen=True)
class OverCapPayment:
    payment_id: str
    code: str
    household_code: str
    amount: int
    cap_amount: int


@dataclass(frozen=True)
class PayrollOut:
    """The payroll page: the list line, the cycle, totals by pay point and by status."""

    row: PayrollRow
    programme_name: str
    cycle_start: date
    cycle_end: date
    cap_amount: int | None
    status_counts: dict[str, int]
    pay_points: list[PayPointTotal]
    over_cap: list[OverCapPayment]

    @property
    def id(self) -> str:
        return self.row.id


@dataclass(frozen=True)
class PaymentRow:
    """One payment as the reconciliation screen and the payment list show it."""

    id: str
    code: str
    household_code: str
    village_name: str
    recipient_first_name: str
    recipient_last_name: str
    recipient_national_id: str | None
    pay_point_code: str | None
    amount: int
    over_cap: bool
    status: str
    receipt: str | None
    paid_on: date | None
    unpaid_reason: str | None

    @property
    def recipient_name(self) -> str:
        return f"{self.recipient_first_name} {self.recipient_last_name}".strip()


@dataclass(frozen=True)
class DroppedPayment:
    """A payment the approval refused because its enrolment is no longer ACTIVE."""

    payment_id: str
    code: str
    household_code: str
    enrolment_status: str


@dataclass(frozen=True)
class ApprovalResult:
    payroll_id: str
    approved: int
    total_amount: int
    over_cap: list[OverCapPayment]
    dropped: list[DroppedPayment] = field(default_factory=list)


@dataclass(frozen=True)
class RowError:
    """One bad row of a reconciliation file: ``row`` is the file line (the header is line 1)."""

    row: int
    code: str  # the payment code given on the row ("" if none)
    error: str  # error code
    message: str


@dataclass(frozen=True)
class ImportReport:
    """What a reconciliation file did, or (``errors`` not empty) why nothing was written."""

    payroll_id: str
    file_name: str
    rows: int
    paid: int = 0
    unpaid: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    errors_file: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class CloseResult:
    payroll_id: str
    reconciled: int  # PAID payments now RECONCILED
    unpaid: int  # UNPAID payments (stay UNPAID: cash returned)
    paid_amount: int
    unpaid_amount: int
