"""Words for vocabulary values, field names and record kinds, translated at display time.

Services store and return stable values (``ACTIVE``, ``SPOUSE``, ``date_of_birth``,
``individuals``); the UI shows them through these tables so a language switch needs no service
change. Error codes have their own table in ``messages.py``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ui.i18n import QT_TRANSLATE_NOOP

# Field names used in FieldError -> label.
FIELDS: dict[str, str] = {
    "village": QT_TRANSLATE_NOOP("fields", "Village"),
    "address": QT_TRANSLATE_NOOP("fields", "Address"),
    "landmark": QT_TRANSLATE_NOOP("fields", "Landmark"),
    "phone": QT_TRANSLATE_NOOP("fields", "Phone"),
    "gps": QT_TRANSLATE_NOOP("fields", "GPS position"),
    "pmt_score": QT_TRANSLATE_NOOP("fields", "PMT score"),
    "members": QT_TRANSLATE_NOOP("fields", "Members"),
    "head": QT_TRANSLATE_NOOP("fields", "Head of household"),
    "primary_recipient": QT_TRANSLATE_NOOP("fields", "Primary recipient"),
    "secondary_recipient": QT_TRANSLATE_NOOP("fields", "Secondary recipient"),
    "first_name": QT_TRANSLATE_NOOP("fields", "First name"),
    "last_name": QT_TRANSLATE_NOOP("fields", "Last name"),
    "sex": QT_TRANSLATE_NOOP("fields", "Sex"),
    "date_of_birth": QT_TRANSLATE_NOOP("fields", "Date of birth"),
    "relationship": QT_TRANSLATE_NOOP("fields", "Relationship"),
    "national_id": QT_TRANSLATE_NOOP("fields", "National ID"),
    "date": QT_TRANSLATE_NOOP("fields", "Date"),
    "account_number": QT_TRANSLATE_NOOP("fields", "Account number"),
    "benefit_adjustment": QT_TRANSLATE_NOOP("fields", "Benefit adjustment"),
    "recovery_balance": QT_TRANSLATE_NOOP("fields", "Overpayment to recover"),
    "username": QT_TRANSLATE_NOOP("fields", "User name"),
    "password": QT_TRANSLATE_NOOP("fields", "Password"),
    "conflict": QT_TRANSLATE_NOOP("fields", "Conflict"),
    "value": QT_TRANSLATE_NOOP("fields", "Value"),
    "resolution": QT_TRANSLATE_NOOP("fields", "Decision"),
    "programme": QT_TRANSLATE_NOOP("fields", "Programme"),
    "district": QT_TRANSLATE_NOOP("fields", "District"),
    "assignee": QT_TRANSLATE_NOOP("fields", "Assigned to"),
    "reason": QT_TRANSLATE_NOOP("fields", "Reason"),
    "period": QT_TRANSLATE_NOOP("fields", "Period"),
    "periods": QT_TRANSLATE_NOOP("fields", "Periods"),
    "until": QT_TRANSLATE_NOOP("fields", "Until"),
    "entries": QT_TRANSLATE_NOOP("fields", "Lines"),
    "attended": QT_TRANSLATE_NOOP("fields", "Attended"),
    "expected": QT_TRANSLATE_NOOP("fields", "Expected"),
    "outcome": QT_TRANSLATE_NOOP("fields", "Outcome"),
    "individual_id": QT_TRANSLATE_NOOP("fields", "Person"),
    "complainant_id": QT_TRANSLATE_NOOP("fields", "Complainant"),
    "complainant_name": QT_TRANSLATE_NOOP("fields", "Complainant's name"),
    "cycle": QT_TRANSLATE_NOOP("fields", "Payment cycle"),
    "payroll": QT_TRANSLATE_NOOP("fields", "Payroll"),
    "measure": QT_TRANSLATE_NOOP("fields", "Measure"),
    "activity_position": QT_TRANSLATE_NOOP("fields", "Activity"),
    "days_done": QT_TRANSLATE_NOOP("fields", "Days worked"),
    "paid_on": QT_TRANSLATE_NOOP("fields", "Paid on"),
    "file": QT_TRANSLATE_NOOP("fields", "File"),
    "channel": QT_TRANSLATE_NOOP("fields", "Channel"),
    "category": QT_TRANSLATE_NOOP("fields", "Category"),
    "priority": QT_TRANSLATE_NOOP("fields", "Priority"),
    "title": QT_TRANSLATE_NOOP("fields", "Subject"),
    "description": QT_TRANSLATE_NOOP("fields", "Description"),
    "complainant_phone": QT_TRANSLATE_NOOP("fields", "Complainant's phone"),
    "received_on": QT_TRANSLATE_NOOP("fields", "Received on"),
    "body": QT_TRANSLATE_NOOP("fields", "Comment"),
    # Column names that appear in the audit trail
    "status": QT_TRANSLATE_NOOP("fields", "Status"),
    "status_reason": QT_TRANSLATE_NOOP("fields", "Status reason"),
    "status_date": QT_TRANSLATE_NOOP("fields", "Status date"),
    "head_id": QT_TRANSLATE_NOOP("fields", "Head of household"),
    "primary_recipient_id": QT_TRANSLATE_NOOP("fields", "Primary recipient"),
    "secondary_recipient_id": QT_TRANSLATE_NOOP("fields", "Secondary recipient"),
    "pay_point_id": QT_TRANSLATE_NOOP("fields", "Pay point"),
    "village_id": QT_TRANSLATE_NOOP("fields", "Village"),
    "household_id": QT_TRANSLATE_NOOP("fields", "Household"),
    "gps_lat": QT_TRANSLATE_NOOP("fields", "Latitude"),
    "gps_lon": QT_TRANSLATE_NOOP("fields", "Longitude"),
    "date_of_death": QT_TRANSLATE_NOOP("fields", "Date of death"),
    "disability": QT_TRANSLATE_NOOP("fields", "Disability"),
    "school_id": QT_TRANSLATE_NOOP("fields", "School"),
    "health_facility_id": QT_TRANSLATE_NOOP("fields", "Health facility"),
    "school_code": QT_TRANSLATE_NOOP("fields", "School"),
    "health_facility_code": QT_TRANSLATE_NOOP("fields", "Health facility"),
    "method": QT_TRANSLATE_NOOP("fields", "Payment method"),
    "provider": QT_TRANSLATE_NOOP("fields", "Provider"),
    "account_name": QT_TRANSLATE_NOOP("fields", "Account name"),
    "holder_id": QT_TRANSLATE_NOOP("fields", "Account holder"),
    "verification": QT_TRANSLATE_NOOP("fields", "Verification"),
    "deleted": QT_TRANSLATE_NOOP("fields", "Removed"),
    "district_id": QT_TRANSLATE_NOOP("fields", "District"),
    "arrival_reason": QT_TRANSLATE_NOOP("fields", "Arrival reason"),
    "code": QT_TRANSLATE_NOOP("fields", "Code"),
    "registered_on": QT_TRANSLATE_NOOP("fields", "Registered on"),
    "enrolled_on": QT_TRANSLATE_NOOP("fields", "Enrolled on"),
    "programme_id": QT_TRANSLATE_NOOP("fields", "Programme"),
    # Error and fraud cases
    "type": QT_TRANSLATE_NOOP("fields", "Type"),
    "household": QT_TRANSLATE_NOOP("fields", "Household"),
    "payment": QT_TRANSLATE_NOOP("fields", "Payment"),
    "findings": QT_TRANSLATE_NOOP("fields", "Findings"),
    "text": QT_TRANSLATE_NOOP("fields", "Text"),
    "action": QT_TRANSLATE_NOOP("fields", "Action"),
    "enrolment": QT_TRANSLATE_NOOP("fields", "Enrolment"),
    "amount": QT_TRANSLATE_NOOP("fields", "Amount"),
    "pay_point": QT_TRANSLATE_NOOP("fields", "Pay point"),
    # Recertification rounds and cross-checks
    "area": QT_TRANSLATE_NOOP("fields", "Area"),
    "due_date": QT_TRANSLATE_NOOP("fields", "Due date"),
    "note": QT_TRANSLATE_NOOP("fields", "Note"),
    "decision": QT_TRANSLATE_NOOP("fields", "Decision"),
    "exit_reason": QT_TRANSLATE_NOOP("fields", "Exit reason"),
    "round": QT_TRANSLATE_NOOP("fields", "Round"),
    "source": QT_TRANSLATE_NOOP("fields", "Source"),
}

# Vocabulary values (statuses, relationships, reasons, methods, roles) -> label.
VOCAB: dict[str, str] = {
    # Household, member and enrolment statuses
    "ACTIVE": QT_TRANSLATE_NOOP("vocab", "Active"),
    "DISSOLVED": QT_TRANSLATE_NOOP("vocab", "Dissolved"),
    "ALIVE": QT_TRANSLATE_NOOP("vocab", "Present"),
    "DECEASED": QT_TRANSLATE_NOOP("vocab", "Deceased"),
    "LEFT": QT_TRANSLATE_NOOP("vocab", "Left"),
    "POTENTIAL": QT_TRANSLATE_NOOP("vocab", "Potential"),
    "SUSPENDED": QT_TRANSLATE_NOOP("vocab", "Suspended"),
    "GRADUATED": QT_TRANSLATE_NOOP("vocab", "Graduated"),
    "EXITED": QT_TRANSLATE_NOOP("vocab", "Exited"),
    "INACTIVE": QT_TRANSLATE_NOOP("vocab", "Inactive"),
    "PENDING": QT_TRANSLATE_NOOP("vocab", "Pending"),
    "VERIFIED": QT_TRANSLATE_NOOP("vocab", "Verified"),
    "FAILED": QT_TRANSLATE_NOOP("vocab", "Failed"),
    "MANUAL": QT_TRANSLATE_NOOP("vocab", "Manually checked"),
    # Relationships
    "HEAD": QT_TRANSLATE_NOOP("vocab", "Head"),
    "SPOUSE": QT_TRANSLATE_NOOP("vocab", "Spouse"),
    "SON": QT_TRANSLATE_NOOP("vocab", "Son"),
    "DAUGHTER": QT_TRANSLATE_NOOP("vocab", "Daughter"),
    "FATHER": QT_TRANSLATE_NOOP("vocab", "Father"),
    "MOTHER": QT_TRANSLATE_NOOP("vocab", "Mother"),
    "GRANDFATHER": QT_TRANSLATE_NOOP("vocab", "Grandfather"),
    "GRANDMOTHER": QT_TRANSLATE_NOOP("vocab", "Grandmother"),
    "GRANDSON": QT_TRANSLATE_NOOP("vocab", "Grandson"),
    "GRANDDAUGHTER": QT_TRANSLATE_NOOP("vocab", "Granddaughter"),
    "BROTHER": QT_TRANSLATE_NOOP("vocab", "Brother"),
    "SISTER": QT_TRANSLATE_NOOP("vocab", "Sister"),
    "OTHER_RELATIVE": QT_TRANSLATE_NOOP("vocab", "Other relative"),
    "NOT_RELATED": QT_TRANSLATE_NOOP("vocab", "Not related"),
    # Exit and leave reasons
    "MOVED_OUT_OF_AREA": QT_TRANSLATE_NOOP("vocab", "Moved out of the area"),
    "NO_ELIGIBLE_MEMBER": QT_TRANSLATE_NOOP("vocab", "No eligible member"),
    "HOUSEHOLD_DISSOLVED": QT_TRANSLATE_NOOP("vocab", "Household dissolved"),
    "NOT_ELIGIBLE": QT_TRANSLATE_NOOP("vocab", "Not eligible"),
    "DUPLICATE": QT_TRANSLATE_NOOP("vocab", "Duplicate"),
    "FRAUD": QT_TRANSLATE_NOOP("vocab", "Fraud"),
    "VOLUNTARY": QT_TRANSLATE_NOOP("vocab", "Voluntary"),
    "RECERTIFICATION": QT_TRANSLATE_NOOP("vocab", "Recertification"),
    "OTHER": QT_TRANSLATE_NOOP("vocab", "Other"),
    "MARRIAGE": QT_TRANSLATE_NOOP("vocab", "Marriage"),
    "MIGRATION": QT_TRANSLATE_NOOP("vocab", "Migration"),
    "STUDIES": QT_TRANSLATE_NOOP("vocab", "Studies"),
    "WORK": QT_TRANSLATE_NOOP("vocab", "Work"),
    "JOINED_OTHER_HOUSEHOLD": QT_TRANSLATE_NOOP("vocab", "Joined another household"),
    # Arrival reasons
    "BIRTH": QT_TRANSLATE_NOOP("vocab", "Birth"),
    "ARRIVAL": QT_TRANSLATE_NOOP("vocab", "Arrival"),
    "REGISTRATION": QT_TRANSLATE_NOOP("vocab", "Registration"),
    # Payment methods
    "CASH": QT_TRANSLATE_NOOP("vocab", "Cash"),
    "MOBILE_MONEY": QT_TRANSLATE_NOOP("vocab", "Mobile money"),
    "BANK": QT_TRANSLATE_NOOP("vocab", "Bank"),
    # Grievance statuses
    "RECEIVED": QT_TRANSLATE_NOOP("vocab", "Received"),
    "OPEN": QT_TRANSLATE_NOOP("vocab", "Open"),
    "IN_PROGRESS": QT_TRANSLATE_NOOP("vocab", "In progress"),
    "RESOLVED": QT_TRANSLATE_NOOP("vocab", "Resolved"),
    "CLOSED": QT_TRANSLATE_NOOP("vocab", "Closed"),
    # Grievance channels, categories and priorities
    "IN_PERSON": QT_TRANSLATE_NOOP("vocab", "In person"),
    "PHONE": QT_TRANSLATE_NOOP("vocab", "Phone call"),
    "SMS": QT_TRANSLATE_NOOP("vocab", "SMS"),
    "LETTER": QT_TRANSLATE_NOOP("vocab", "Letter"),
    "COMMUNITY_MEETING": QT_TRANSLATE_NOOP("vocab", "Community meeting"),
    "SUGGESTION_BOX": QT_TRANSLATE_NOOP("vocab", "Suggestion box"),
    "PAYMENT": QT_TRANSLATE_NOOP("vocab", "Payment"),
    "TARGETING": QT_TRANSLATE_NOOP("vocab", "Targeting and eligibility"),
    "SERVICE_QUALITY": QT_TRANSLATE_NOOP("vocab", "Service quality"),
    "MISCONDUCT": QT_TRANSLATE_NOOP("vocab", "Staff misconduct or abuse"),
    "LOW": QT_TRANSLATE_NOOP("vocab", "Low"),
    "MEDIUM": QT_TRANSLATE_NOOP("vocab", "Medium"),
    "HIGH": QT_TRANSLATE_NOOP("vocab", "High"),
    "CRITICAL": QT_TRANSLATE_NOOP("vocab", "Critical"),
    # Compliance: outcomes, cell and household statuses, condition and service point kinds
    "MET": QT_TRANSLATE_NOOP("vocab", "Met"),
    "NOT_MET": QT_TRANSLATE_NOOP("vocab", "Not met"),
    "EXEMPT": QT_TRANSLATE_NOOP("vocab", "Exempt"),
    "MISSING": QT_TRANSLATE_NOOP("vocab", "Not reported"),
    "NOT_APPLICABLE": QT_TRANSLATE_NOOP("vocab", "Not applicable"),
    "COMPLIANT": QT_TRANSLATE_NOOP("vocab", "Compliant"),
    "NON_COMPLIANT": QT_TRANSLATE_NOOP("vocab", "Not compliant"),
    "NO_DATA": QT_TRANSLATE_NOOP("vocab", "No data"),
    "SCHOOL_ATTENDANCE": QT_TRANSLATE_NOOP("vocab", "School attendance"),
    "HEALTH_VISIT": QT_TRANSLATE_NOOP("vocab", "Health visits"),
    "WORK_DAYS": QT_TRANSLATE_NOOP("vocab", "Days of work"),
    "SCHOOL": QT_TRANSLATE_NOOP("vocab", "School"),
    "HEALTH_FACILITY": QT_TRANSLATE_NOOP("vocab", "Health facility"),
    "WORKS_SITE": QT_TRANSLATE_NOOP("vocab", "Works site"),
    # Follow-up measures (statuses, kinds) and labour-programme activity statuses
    "PLANNED": QT_TRANSLATE_NOOP("vocab", "Planned"),
    "DONE": QT_TRANSLATE_NOOP("vocab", "Done"),
    "CANCELLED": QT_TRANSLATE_NOOP("vocab", "Cancelled"),
    "CASE_WORKER_VISIT": QT_TRANSLATE_NOOP("vocab", "Case-worker visit"),
    "AWARENESS_SESSION": QT_TRANSLATE_NOOP("vocab", "Awareness session"),
    "REFERRAL": QT_TRANSLATE_NOOP("vocab", "Referral"),
    "LOCKED": QT_TRANSLATE_NOOP("vocab", "Locked"),
    "COMPLETED": QT_TRANSLATE_NOOP("vocab", "Completed"),
    # Programmes, payrolls and payments
    "UNCONDITIONAL_CT": QT_TRANSLATE_NOOP("vocab", "Unconditional cash transfer"),
    "CONDITIONAL_CT": QT_TRANSLATE_NOOP("vocab", "Conditional cash transfer"),
    "PUBLIC_WORKS": QT_TRANSLATE_NOOP("vocab", "Public works"),
    "CASH_PLUS": QT_TRANSLATE_NOOP("vocab", "Cash plus"),
    "MONTHLY": QT_TRANSLATE_NOOP("vocab", "Monthly"),
    "BIMONTHLY": QT_TRANSLATE_NOOP("vocab", "Every two months"),
    "QUARTERLY": QT_TRANSLATE_NOOP("vocab", "Quarterly"),
    "GENERATING": QT_TRANSLATE_NOOP("vocab", "Being generated"),
    "PENDING_APPROVAL": QT_TRANSLATE_NOOP("vocab", "Pending approval"),
    "APPROVED_FOR_PAYMENT": QT_TRANSLATE_NOOP("vocab", "Approved for payment"),
    "RECONCILED": QT_TRANSLATE_NOOP("vocab", "Reconciled"),
    "REJECTED": QT_TRANSLATE_NOOP("vocab", "Rejected"),
    "ACCEPTED": QT_TRANSLATE_NOOP("vocab", "Accepted"),
    "PAID": QT_TRANSLATE_NOOP("vocab", "Paid"),
    "UNPAID": QT_TRANSLATE_NOOP("vocab", "Not paid"),
    # Recertification tasks and cross-check matches
    "VISITED": QT_TRANSLATE_NOOP("vocab", "Visited"),
    "DECIDED": QT_TRANSLATE_NOOP("vocab", "Decided"),
    "CONTINUE": QT_TRANSLATE_NOOP("vocab", "Continue"),
    "EXIT": QT_TRANSLATE_NOOP("vocab", "Exit"),
    "CONFIRMED": QT_TRANSLATE_NOOP("vocab", "Confirmed"),
    "DISMISSED": QT_TRANSLATE_NOOP("vocab", "Dismissed"),
    "NATIONAL_ID": QT_TRANSLATE_NOOP("vocab", "Same national ID"),
    "NAME_DOB": QT_TRANSLATE_NOOP("vocab", "Similar name, same birth date"),
    # Error and fraud cases: types, statuses, decisions, corrective actions
    "INELIGIBLE": QT_TRANSLATE_NOOP("vocab", "Not eligible"),
    "IDENTITY_FRAUD": QT_TRANSLATE_NOOP("vocab", "Identity fraud"),
    "PAYMENT_ERROR": QT_TRANSLATE_NOOP("vocab", "Payment error"),
    "INVESTIGATING": QT_TRANSLATE_NOOP("vocab", "Investigating"),
    "UNFOUNDED": QT_TRANSLATE_NOOP("vocab", "Unfounded"),
    "SUSPEND": QT_TRANSLATE_NOOP("vocab", "Suspend the enrolment"),
    "ADJUST_BENEFIT": QT_TRANSLATE_NOOP("vocab", "Adjust the benefit"),
    "RECOVER_OVERPAYMENT": QT_TRANSLATE_NOOP("vocab", "Recover an overpayment"),
    "CHANGE_PAY_POINT": QT_TRANSLATE_NOOP("vocab", "Change the pay point"),
    "CHANGE_ACCOUNT": QT_TRANSLATE_NOOP("vocab", "Change the payment account"),
    "PROPOSED": QT_TRANSLATE_NOOP("vocab", "Proposed"),
    "APPLIED": QT_TRANSLATE_NOOP("vocab", "Applied"),
    # Change request types (maker-checker)
    "PAYMENT_ACCOUNT": QT_TRANSLATE_NOOP("vocab", "Payment account change"),
    "ENROLMENT_STATUS": QT_TRANSLATE_NOOP("vocab", "Enrolment status change"),
    "HEAD_OR_RECIPIENT": QT_TRANSLATE_NOOP("vocab", "Head or recipient change"),
    "MOVE": QT_TRANSLATE_NOOP("vocab", "Move out of a programme's area"),
    "MEMBER_REMOVAL": QT_TRANSLATE_NOOP("vocab", "Member leaving"),
    "BENEFIT_ADJUSTMENT": QT_TRANSLATE_NOOP("vocab", "Benefit adjustment"),
    "PAY_POINT": QT_TRANSLATE_NOOP("vocab", "Pay point change"),
    "OVERPAYMENT_RECOVERY": QT_TRANSLATE_NOOP("vocab", "Overpayment recovery"),
    # Roles
    "officer": QT_TRANSLATE_NOOP("vocab", "District officer"),
    "supervisor": QT_TRANSLATE_NOOP("vocab", "Supervisor"),
    "hq_admin": QT_TRANSLATE_NOOP("vocab", "HQ administrator"),
    "viewer": QT_TRANSLATE_NOOP("vocab", "Viewer (read only)"),
    # Audit actions
    "insert": QT_TRANSLATE_NOOP("vocab", "Created"),
    "update": QT_TRANSLATE_NOOP("vocab", "Changed"),
    "delete": QT_TRANSLATE_NOOP("vocab", "Removed"),
}

# Table names in the audit trail -> the kind of record, for the History tab.
RECORDS: dict[str, str] = {
    "households": QT_TRANSLATE_NOOP("records", "Household"),
    "individuals": QT_TRANSLATE_NOOP("records", "Member"),
    "enrolments": QT_TRANSLATE_NOOP("records", "Enrolment"),
    "payment_accounts": QT_TRANSLATE_NOOP("records", "Payment account"),
    "payments": QT_TRANSLATE_NOOP("records", "Payment"),
    "grievances": QT_TRANSLATE_NOOP("records", "Grievance"),
    "grievance_comments": QT_TRANSLATE_NOOP("records", "Grievance comment"),
    "compliance_records": QT_TRANSLATE_NOOP("records", "Compliance record"),
    "accompanying_measures": QT_TRANSLATE_NOOP("records", "Accompanying measure"),
    "activity_progress": QT_TRANSLATE_NOOP("records", "Activity progress"),
    "change_requests": QT_TRANSLATE_NOOP("records", "Change request"),
    "cases": QT_TRANSLATE_NOOP("records", "Case"),
    "corrective_actions": QT_TRANSLATE_NOOP("records", "Corrective action"),
}

# Sex codes are one letter; kept apart so "M" never collides with another vocabulary.
SEXES: dict[str, str] = {
    "M": QT_TRANSLATE_NOOP("vocab", "Male"),
    "F": QT_TRANSLATE_NOOP("vocab", "Female"),
}


def field_label(field: str) -> str:
    """A field name as words; ``entries.2.attended`` is labelled by its last part."""
    name = field.rsplit(".", 1)[-1]
    source = FIELDS.get(field) or FIELDS.get(name)
    if source is None:
        return name.replace("_", " ").capitalize()
    return QCoreApplication.translate("fields", source)


def vocab_label(value: str | None) -> str:
    """A status, relationship, reason, method or role as words; empty for None."""
    if not value:
        return ""
    source = VOCAB.get(value)
    if source is None:
        return value.replace("_", " ").capitalize()
    return QCoreApplication.translate("vocab", source)


def record_label(table: str) -> str:
    source = RECORDS.get(table)
    if source is None:
        return table.replace("_", " ").capitalize()
    return QCoreApplication.translate("records", source)


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("vocab", "Yes")
        if value
        else QCoreApplication.translate("vocab", "No")
    )


def sex_label(value: str | None) -> str:
    source = SEXES.get(value or "")
    return QCoreApplication.translate("vocab", source) if source else (value or "")
