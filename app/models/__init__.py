"""ORM models, one module per area; importing this package registers every table."""

from app.models.audit import AuditEntry
from app.models.base import Base, SyncedMixin, new_id, utcnow
from app.models.compliance import (
    AccompanyingMeasure,
    Activity,
    ActivityProgress,
    ComplianceRecord,
    ProgrammeCondition,
)
from app.models.decision import Case, ChangeRequest, CorrectiveAction
from app.models.grievance import Grievance, GrievanceComment
from app.models.location import Location, ServicePoint
from app.models.payment import (
    Payment,
    PaymentAccount,
    PaymentCycle,
    Payroll,
    Reconciliation,
)
from app.models.programme import BenefitTopUp, Enrolment, Programme, ProgrammeLocation
from app.models.recertification import CrossCheckMatch, RecertificationRound, RecertificationTask
from app.models.registry import Household, Individual
from app.models.sync_state import OutboxOp, SyncConflict, SyncStateEntry
from app.models.user import Device, User

__all__ = [
    "AccompanyingMeasure",
    "Activity",
    "ActivityProgress",
    "AuditEntry",
    "Base",
    "BenefitTopUp",
    "Case",
    "ChangeRequest",
    "ComplianceRecord",
    "CorrectiveAction",
    "CrossCheckMatch",
    "Device",
    "Enrolment",
    "Grievance",
    "GrievanceComment",
    "Household",
    "Individual",
    "Location",
    "OutboxOp",
    "Payment",
    "PaymentAccount",
    "PaymentCycle",
    "Payroll",
    "Programme",
    "ProgrammeCondition",
    "ProgrammeLocation",
    "RecertificationRound",
    "RecertificationTask",
    "Reconciliation",
    "ServicePoint",
    "SyncConflict",
    "SyncStateEntry",
    "SyncedMixin",
    "User",
    "new_id",
    "utcnow",
]
