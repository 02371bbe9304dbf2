"""Status and type vocabularies (openIMIS-compatible where openIMIS has one)."""

from __future__ import annotations

from enum import StrEnum


class LocationLevel(StrEnum):
    REGION = "R"
    DISTRICT = "D"
    WARD = "W"
    VILLAGE = "V"


class ServicePointKind(StrEnum):
    PAY_POINT = "PAY_POINT"
    SCHOOL = "SCHOOL"
    HEALTH_FACILITY = "HEALTH_FACILITY"
    WORKS_SITE = "WORKS_SITE"


class HouseholdStatus(StrEnum):
    ACTIVE = "ACTIVE"
    DISSOLVED = "DISSOLVED"  # no living member left in it


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"


class MemberStatus(StrEnum):
    ALIVE = "ALIVE"
    DECEASED = "DECEASED"
    LEFT = "LEFT"


class Relationship(StrEnum):
    """openIMIS GroupIndividual roles plus the common fork additions."""

    HEAD = "HEAD"
    SPOUSE = "SPOUSE"
    SON = "SON"
    DAUGHTER = "DAUGHTER"
    FATHER = "FATHER"
    MOTHER = "MOTHER"
    GRANDFATHER = "GRANDFATHER"
    GRANDMOTHER = "GRANDMOTHER"
    GRANDSON = "GRANDSON"
    GRANDDAUGHTER = "GRANDDAUGHTER"
    BROTHER = "BROTHER"
    SISTER = "SISTER"
    OTHER_RELATIVE = "OTHER_RELATIVE"
    NOT_RELATED = "NOT_RELATED"


class ArrivalReason(StrEnum):
    BIRTH = "BIRTH"
    ARRIVAL = "ARRIVAL"
    REGISTRATION = "REGISTRATION"


class LeaveReason(StrEnum):
    MARRIAGE = "MARRIAGE"
    MIGRATION = "MIGRATION"
    STUDIES = "STUDIES"
    WORK = "WORK"
    JOINED_OTHER_HOUSEHOLD = "JOINED_OTHER_HOUSEHOLD"
    OTHER = "OTHER"


class ProgrammeType(StrEnum):
    UNCONDITIONAL_CT = "UNCONDITIONAL_CT"
    CONDITIONAL_CT = "CONDITIONAL_CT"
    PUBLIC_WORKS = "PUBLIC_WORKS"
    CASH_PLUS = "CASH_PLUS"


class PaymentFrequency(StrEnum):
    MONTHLY = "MONTHLY"
    BIMONTHLY = "BIMONTHLY"
    QUARTERLY = "QUARTERLY"


class EnrolmentStatus(StrEnum):
    """openIMIS BeneficiaryStatus plus an explicit EXITED (OpenSPP)."""

    POTENTIAL = "POTENTIAL"
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    GRADUATED = "GRADUATED"
    EXITED = "EXITED"


class ExitReason(StrEnum):
    MOVED_OUT_OF_AREA = "MOVED_OUT_OF_AREA"
    NO_ELIGIBLE_MEMBER = "NO_ELIGIBLE_MEMBER"
    HOUSEHOLD_DISSOLVED = "HOUSEHOLD_DISSOLVED"
    NOT_ELIGIBLE = "NOT_ELIGIBLE"
    DUPLICATE = "DUPLICATE"
    FRAUD = "FRAUD"
    VOLUNTARY = "VOLUNTARY"
    RECERTIFICATION = "RECERTIFICATION"
    OTHER = "OTHER"


class PaymentMethod(StrEnum):
    CASH = "CASH"
    MOBILE_MONEY = "MOBILE_MONEY"
    BANK = "BANK"


class AccountVerification(StrEnum):
    """TASAF PaymentAccount.verification_status."""

    PENDING = "PENDING"
    VERIFIED = "VERIFIED"
    FAILED = "FAILED"
    MANUAL = "MANUAL"


class AccountStatus(StrEnum):
    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"


class CycleStatus(StrEnum):
    PENDING = "PENDING"
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    CLOSED = "CLOSED"


class PayrollStatus(StrEnum):
    GENERATING = "GENERATING"
    PENDING_APPROVAL = "PENDING_APPROVAL"
    APPROVED_FOR_PAYMENT = "APPROVED_FOR_PAYMENT"
    RECONCILED = "RECONCILED"
    REJECTED = "REJECTED"
    FAILED = "FAILED"


class PaymentStatus(StrEnum):
    """openIMIS BenefitConsumptionStatus with field outcomes PAID / UNPAID before reconciliation."""

    ACCEPTED = "ACCEPTED"
    APPROVED_FOR_PAYMENT = "APPROVED_FOR_PAYMENT"
    PAID = "PAID"
    UNPAID = "UNPAID"
    RECONCILED = "RECONCILED"
    REJECTED = "REJECTED"
    DUPLICATE = "DUPLICATE"


class ConditionKind(StrEnum):
    SCHOOL_ATTENDANCE = "SCHOOL_ATTENDANCE"
    HEALTH_VISIT = "HEALTH_VISIT"
    WORK_DAYS = "WORK_DAYS"
    ACTIVITY = "ACTIVITY"


class ComplianceOutcome(StrEnum):
    MET = "MET"
    NOT_MET = "NOT_MET"
    EXEMPT = "EXEMPT"


class MeasureStatus(StrEnum):
    PLANNED = "PLANNED"
    IN_PROGRESS = "IN_PROGRESS"
    DONE = "DONE"
    CANCELLED = "CANCELLED"


class ActivityStatus(StrEnum):
    LOCKED = "LOCKED"
    OPEN = "OPEN"
    COMPLETED = "COMPLETED"


class GrievanceStatus(StrEnum):
    RECEIVED = "RECEIVED"
    OPEN = "OPEN"
    IN_PROGRESS = "IN_PROGRESS"
    RESOLVED = "RESOLVED"
    CLOSED = "CLOSED"


class GrievanceChannel(StrEnum):
    IN_PERSON = "IN_PERSON"
    PHONE = "PHONE"
    SMS = "SMS"
    LETTER = "LETTER"
    COMMUNITY_MEETING = "COMMUNITY_MEETING"
    SUGGESTION_BOX = "SUGGESTION_BOX"


class GrievancePriority(StrEnum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    CRITICAL = "CRITICAL"


class ChangeRequestStatus(StrEnum):
    DRAFT = "DRAFT"
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    APPLIED = "APPLIED"


class ChangeRequestType(StrEnum):
    PAYMENT_ACCOUNT = "PAYMENT_ACCOUNT"
    ENROLMENT_STATUS = "ENROLMENT_STATUS"
    HEAD_OR_RECIPIENT = "HEAD_OR_RECIPIENT"
    MOVE = "MOVE"
    MEMBER_REMOVAL = "MEMBER_REMOVAL"
    BENEFIT_ADJUSTMENT = "BENEFIT_ADJUSTMENT"
    PAY_POINT = "PAY_POINT"
    OVERPAYMENT_RECOVERY = "OVERPAYMENT_RECOVERY"


class CaseType(StrEnum):
    DUPLICATE = "DUPLICATE"
    INELIGIBLE = "INELIGIBLE"
    IDENTITY_FRAUD = "IDENTITY_FRAUD"
    PAYMENT_ERROR = "PAYMENT_ERROR"


class CaseStatus(StrEnum):
    OPEN = "OPEN"
    INVESTIGATING = "INVESTIGATING"
    DECIDED = "DECIDED"
    CLOSED = "CLOSED"


class CaseDecision(StrEnum):
    CONFIRMED = "CONFIRMED"
    UNFOUNDED = "UNFOUNDED"


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    HQ_ADMIN = "hq_admin"
    VIEWER = "viewer"


class OpKind(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


class OutboxStatus(StrEnum):
    PENDING = "pending"
    IN_FLIGHT = "in_flight"
    APPLIED = "applied"
    CONFLICT = "conflict"
    REJECTED = "rejected"
    HELD = "held"
    # A refused op the officer dealt with: sent again as a new change, or let go.
    RESENT = "resent"
    DISMISSED = "dismissed"
