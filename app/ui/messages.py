"""The one table from service error codes to translated messages.

Services raise codes (``AppError.code``, ``FieldError.code``), never English; only this module
turns them into words, at display time, so a language switch needs no service change.
Parameters use ``{name}`` placeholders that translators keep as they are. Vocabulary values
and field names are worded in ``labels.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.errors import AppError, FieldError, ValidationFailed
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.labels import field_label

_CTX = "messages"

# Error codes (AppError.code and FieldError.code) -> message.
ERRORS: dict[str, str] = {
    # Field validation
    "REQUIRED": QT_TRANSLATE_NOOP("messages", "This field is required."),
    "TOO_LONG": QT_TRANSLATE_NOOP("messages", "Too long: at most {max} characters."),
    "INVALID_PHONE": QT_TRANSLATE_NOOP(
        "messages", "Not a valid phone number: use 6 to 15 digits, optionally starting with +."
    ),
    "INVALID_NATIONAL_ID": QT_TRANSLATE_NOOP(
        "messages", "Not a valid national ID: 4 to 40 letters, digits or dashes."
    ),
    "INVALID_CHOICE": QT_TRANSLATE_NOOP("messages", "Not one of the allowed values ({allowed})."),
    "INVALID_DATE": QT_TRANSLATE_NOOP("messages", "Not a valid date (use YYYY-MM-DD)."),
    "DATE_IN_FUTURE": QT_TRANSLATE_NOOP("messages", "The date cannot be in the future."),
    "DATE_TOO_OLD": QT_TRANSLATE_NOOP("messages", "The date is before 1900."),
    "BEFORE_BIRTH": QT_TRANSLATE_NOOP("messages", "The date is before the person's birth."),
    "BIRTH_TOO_OLD": QT_TRANSLATE_NOOP(
        "messages", "A birth must be recent: record older arrivals as an arrival instead."
    ),
    "GPS_INCOMPLETE": QT_TRANSLATE_NOOP("messages", "Give both latitude and longitude, or none."),
    "GPS_OUT_OF_RANGE": QT_TRANSLATE_NOOP(
        "messages", "Latitude must be between -90 and 90, longitude between -180 and 180."
    ),
    "GPS_INVALID": QT_TRANSLATE_NOOP(
        "messages", "Write the position as latitude,longitude (for example 12.88,-14.95)."
    ),
    "NOT_A_NUMBER": QT_TRANSLATE_NOOP("messages", "Not a number."),
    "NOT_A_PLAIN_FIELD": QT_TRANSLATE_NOOP(
        "messages", "This field cannot be edited here (editable: {allowed})."
    ),
    "NOT_A_MEMBER_FIELD": QT_TRANSLATE_NOOP(
        "messages", "This member field cannot be edited here (editable: {allowed})."
    ),
    "AT_LEAST_ONE_MEMBER": QT_TRANSLATE_NOOP("messages", "A household needs at least one member."),
    "NOT_A_MEMBER": QT_TRANSLATE_NOOP("messages", "This person is not a member of the household."),
    "MEMBER_NOT_PRESENT": QT_TRANSLATE_NOOP(
        "messages", "This person is no longer in the household ({status})."
    ),
    "HEAD_REPLACEMENT_REQUIRED": QT_TRANSLATE_NOOP(
        "messages", "This person is the head of household: choose a new head first."
    ),
    "RECIPIENT_REPLACEMENT_REQUIRED": QT_TRANSLATE_NOOP(
        "messages", "This person collects the payments: choose a new primary recipient first."
    ),
    "ALREADY_HEAD": QT_TRANSLATE_NOOP("messages", "This person is already the head."),
    "ALREADY_RECIPIENT": QT_TRANSLATE_NOOP("messages", "This person is already the recipient."),
    "IS_PRIMARY_RECIPIENT": QT_TRANSLATE_NOOP(
        "messages", "The primary recipient cannot also be the secondary recipient."
    ),
    "NATIONAL_ID_IN_USE": QT_TRANSLATE_NOOP(
        "messages", "This national ID is already registered for another person."
    ),
    "HOUSEHOLD_NOT_ACTIVE": QT_TRANSLATE_NOOP("messages", "The household is no longer active."),
    "UNKNOWN_VILLAGE": QT_TRANSLATE_NOOP("messages", "Unknown village: {value}."),
    "NOT_A_VILLAGE": QT_TRANSLATE_NOOP("messages", "{value} is not a village."),
    "LOCATION_WITHOUT_DISTRICT": QT_TRANSLATE_NOOP(
        "messages", "This location is not attached to a district."
    ),
    "UNKNOWN_SERVICE_POINT": QT_TRANSLATE_NOOP("messages", "Unknown service point: {value}."),
    "NOT_A_SCHOOL": QT_TRANSLATE_NOOP("messages", "{value} is not a school."),
    "NOT_A_HEALTH_FACILITY": QT_TRANSLATE_NOOP("messages", "{value} is not a health facility."),
    "SERVICE_POINT_OTHER_DISTRICT": QT_TRANSLATE_NOOP(
        "messages", "{value} is in another district: choose one in the household's district."
    ),
    "SAME_PLACE": QT_TRANSLATE_NOOP("messages", "The household already lives there."),
    "OTHER_DISTRICT_NEEDS_TRANSFER": QT_TRANSLATE_NOOP(
        "messages", "This village is in another district: request a transfer instead."
    ),
    "SAME_AS_CURRENT": QT_TRANSLATE_NOOP("messages", "This is already the current value."),
    "INVALID_USERNAME": QT_TRANSLATE_NOOP(
        "messages", "A user name may contain only letters, digits, dots and underscores."
    ),
    "PASSWORD_TOO_SHORT": QT_TRANSLATE_NOOP(
        "messages", "The password must have at least {min} characters."
    ),
    "USERNAME_TAKEN": QT_TRANSLATE_NOOP("messages", "The user name {value} is already taken."),
    "UNKNOWN_ROLE": QT_TRANSLATE_NOOP("messages", "Unknown role: {value}."),
    "INVALID_VALUE": QT_TRANSLATE_NOOP("messages", "This value is not valid here ({detail})."),
    "ALREADY_RESOLVED": QT_TRANSLATE_NOOP("messages", "This conflict was already resolved."),
    # Changes HQ refused, sent again or discarded (and HQ's own reasons for refusing)
    "CANNOT_RESEND": QT_TRANSLATE_NOOP(
        "messages", "This change cannot be sent again from here: discard it, or make it again."
    ),
    "NOT_RESENDABLE": QT_TRANSLATE_NOOP(
        "messages", "This field cannot be sent again from here (possible: {allowed})."
    ),
    "UNKNOWN_RECORD": QT_TRANSLATE_NOOP("messages", "No record with this code or id: {value}."),
    "OTHER_DISTRICT_RECORD": QT_TRANSLATE_NOOP(
        "messages", "{value} belongs to another district: choose one of this district."
    ),
    "RECORD_GONE": QT_TRANSLATE_NOOP(
        "messages", "The record this change was about no longer exists on this laptop."
    ),
    "REFUSED_CHANGE_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This refused change was not found."),
    "REFUSED_CHANGE_SETTLED": QT_TRANSLATE_NOOP(
        "messages", "This refused change was already sent again or discarded."
    ),
    "GROUP_REJECTED": QT_TRANSLATE_NOOP(
        "messages",
        "Another change made in the same action was refused, so HQ refused this one too.",
    ),
    "MISSING_REFERENCE": QT_TRANSLATE_NOOP("messages", "It points at a record HQ does not know."),
    "UNKNOWN_PROGRAMME": QT_TRANSLATE_NOOP("messages", "Unknown programme: {value}."),
    "UNKNOWN_DISTRICT": QT_TRANSLATE_NOOP("messages", "Unknown district: {value}."),
    "DISTRICT_REQUIRED": QT_TRANSLATE_NOOP("messages", "Choose a district."),
    "UNKNOWN_INDIVIDUAL": QT_TRANSLATE_NOOP("messages", "Unknown person."),
    "UNKNOWN_USER": QT_TRANSLATE_NOOP("messages", "Unknown user: {value}."),
    "USER_OF_ANOTHER_DISTRICT": QT_TRANSLATE_NOOP(
        "messages", "This user works in another district."
    ),
    "USER_CANNOT_HANDLE_GRIEVANCES": QT_TRANSLATE_NOOP(
        "messages", "This user's role cannot handle grievances."
    ),
    "USER_CANNOT_HANDLE_MEASURES": QT_TRANSLATE_NOOP(
        "messages", "This user's role cannot follow up accompanying measures."
    ),
    "ALREADY_ASSIGNED": QT_TRANSLATE_NOOP("messages", "Already assigned to this user."),
    "NOT_ALLOWED_WHEN_ANONYMOUS": QT_TRANSLATE_NOOP(
        "messages", "Leave this empty for an anonymous grievance."
    ),
    "COMPLAINANT_REQUIRED": QT_TRANSLATE_NOOP(
        "messages", "Give the complainant's name, or mark the grievance as anonymous."
    ),
    "REASON_REQUIRED_WHEN_UNRESOLVED": QT_TRANSLATE_NOOP(
        "messages", "Give a reason for closing without a resolution."
    ),
    "INVALID_PERIOD": QT_TRANSLATE_NOOP("messages", "Not a valid period (use {format})."),
    "PERIOD_IN_FUTURE": QT_TRANSLATE_NOOP("messages", "The period cannot be in the future."),
    "UNKNOWN_CONDITION": QT_TRANSLATE_NOOP("messages", "Unknown condition: {value}."),
    "UNKNOWN_AGE_RULE": QT_TRANSLATE_NOOP(
        "messages", "The condition has an unknown age rule ({value})."
    ),
    "WRONG_SERVICE_POINT_KIND": QT_TRANSLATE_NOOP(
        "messages", "This service point is of the wrong kind (expected: {expected})."
    ),
    "NEGATIVE_NUMBER": QT_TRANSLATE_NOOP("messages", "The number cannot be negative."),
    "ATTENDED_OVER_EXPECTED": QT_TRANSLATE_NOOP(
        "messages", "Attended cannot exceed expected ({expected})."
    ),
    "OUTCOME_CONTRADICTS_ATTENDANCE": QT_TRANSLATE_NOOP(
        "messages", "The outcome contradicts the attendance, which gives {derived}."
    ),
    "OUTCOME_OR_ATTENDANCE_REQUIRED": QT_TRANSLATE_NOOP(
        "messages", "Give either the outcome or the attendance."
    ),
    "EXPECTED_REQUIRED": QT_TRANSLATE_NOOP(
        "messages", "Give the expected number along with the attended number."
    ),
    "NOT_ENROLLED": QT_TRANSLATE_NOOP(
        "messages", "The household is not enrolled in this condition's programme."
    ),
    "NOT_CONCERNED_BY_AGE": QT_TRANSLATE_NOOP(
        "messages", "This person's age is outside the condition's age group."
    ),
    "NOT_AT_SERVICE_POINT": QT_TRANSLATE_NOOP(
        "messages", "This person is not listed at this school, clinic or works site."
    ),
    "AT_LEAST_ONE_ENTRY": QT_TRANSLATE_NOOP("messages", "Enter at least one line."),
    "AT_LEAST_ONE": QT_TRANSLATE_NOOP("messages", "Give at least one."),
    "DUPLICATE_ENTRY": QT_TRANSLATE_NOOP("messages", "This person is entered twice."),
    "ALREADY_RECORDED": QT_TRANSLATE_NOOP(
        "messages", "Already recorded for this period ({outcome})."
    ),
    "NOTHING_TO_CHANGE": QT_TRANSLATE_NOOP("messages", "There is nothing to change."),
    "NOT_ENROLLED_IN_ACTIVITIES": QT_TRANSLATE_NOOP(
        "messages", "This person is not enrolled in a programme with activities."
    ),
    "PROGRAMME_REQUIRED": QT_TRANSLATE_NOOP("messages", "Choose the programme (one of {choices})."),
    "UNKNOWN_ACTIVITY": QT_TRANSLATE_NOOP("messages", "Unknown activity: {value}."),
    "ACTIVITY_LOCKED": QT_TRANSLATE_NOOP(
        "messages", "This activity opens once activity {previous} is completed."
    ),
    "ACTIVITY_COMPLETED": QT_TRANSLATE_NOOP("messages", "This activity is already completed."),
    "OVER_REMAINING_DAYS": QT_TRANSLATE_NOOP(
        "messages", "More days than remain for this activity ({remaining})."
    ),
    "UNKNOWN_CRITERION": QT_TRANSLATE_NOOP("messages", "Unknown benefit criterion."),
    "INVALID_AMOUNT": QT_TRANSLATE_NOOP("messages", "Not a valid amount."),
    "BENEFIT_RULE_INVALID": QT_TRANSLATE_NOOP(
        "messages", "The programme's benefit rules are not valid: ask HQ to correct them."
    ),
    "CYCLE_NOT_OPEN": QT_TRANSLATE_NOOP("messages", "This payment cycle is not open ({status})."),
    "CYCLE_NOT_OF_PROGRAMME": QT_TRANSLATE_NOOP(
        "messages", "Payment cycle {cycle} does not belong to programme {programme}."
    ),
    "PAYMENTS_ALREADY_SETTLED": QT_TRANSLATE_NOOP(
        "messages", "{count} payments of this payroll are already settled."
    ),
    "REF_TOO_SHORT": QT_TRANSLATE_NOOP(
        "messages", "Type at least {min} characters of the reference."
    ),
    "AMBIGUOUS_REF": QT_TRANSLATE_NOOP(
        "messages", "{value} matches several records: type more of it."
    ),
    "BEFORE_APPROVAL": QT_TRANSLATE_NOOP(
        "messages", "The payment date is before the payroll was approved."
    ),
    "BEFORE_CYCLE_START": QT_TRANSLATE_NOOP(
        "messages", "The payment date is before the start of the payment cycle ({start})."
    ),
    "PAYMENTS_WITHOUT_OUTCOME": QT_TRANSLATE_NOOP(
        "messages", "{count} payments still have no outcome (paid or unpaid)."
    ),
    "FILE_NOT_UTF8": QT_TRANSLATE_NOOP(
        "messages", "The file is not UTF-8 text: save it as CSV UTF-8 and try again."
    ),
    "FILE_UNREADABLE": QT_TRANSLATE_NOOP("messages", "The file cannot be read ({error})."),
    "COLUMNS_MISSING": QT_TRANSLATE_NOOP("messages", "The file lacks columns: {columns}."),
    "NO_ROWS": QT_TRANSLATE_NOOP("messages", "The file has no rows."),
    # Individual upload files (app/services/individual_import*.py)
    "FILE_EMPTY": QT_TRANSLATE_NOOP("messages", "The file is empty."),
    "FILE_TYPE_UNSUPPORTED": QT_TRANSLATE_NOOP(
        "messages", "Choose a CSV or Excel (.xlsx) file; {value} files cannot be read."
    ),
    "COLUMN_TWICE": QT_TRANSLATE_NOOP("messages", "The file has these columns twice: {columns}."),
    "PROGRAMME_ENDED": QT_TRANSLATE_NOOP(
        "messages", "This programme has ended: it takes no new enrolments."
    ),
    "UNKNOWN_HOUSEHOLD_ROLE": QT_TRANSLATE_NOOP(
        "messages", "Unknown role in the household: {value} (use one of {allowed})."
    ),
    "SEX_UNKNOWN": QT_TRANSLATE_NOOP(
        "messages", "Give the sex (M or F): the role {role} does not tell it."
    ),
    "INVALID_RECIPIENT_INFO": QT_TRANSLATE_NOOP(
        "messages", "Use 1 (primary recipient), 2 (secondary recipient), 0 or nothing."
    ),
    "NO_HEAD": QT_TRANSLATE_NOOP("messages", "Household {group} has no HEAD."),
    "SEVERAL_HEADS": QT_TRANSLATE_NOOP(
        "messages", "Household {group} already has its HEAD on row {first}."
    ),
    "SEVERAL_PRIMARY_RECIPIENTS": QT_TRANSLATE_NOOP(
        "messages", "Household {group} already has a primary recipient on row {first}."
    ),
    "SEVERAL_SECONDARY_RECIPIENTS": QT_TRANSLATE_NOOP(
        "messages", "Household {group} already has a secondary recipient on row {first}."
    ),
    "SECONDARY_IS_DEFAULT_PRIMARY": QT_TRANSLATE_NOOP(
        "messages",
        "Nobody in household {group} is marked 1, so the head is the primary recipient and "
        "cannot also be the secondary one.",
    ),
    "GROUP_VILLAGE_MIXED": QT_TRANSLATE_NOOP(
        "messages",
        "Household {group} is in village {first_value} on row {first}: all its rows need the "
        "same village.",
    ),
    "DUPLICATE_NATIONAL_ID_IN_FILE": QT_TRANSLATE_NOOP(
        "messages", "This national ID is also on row {first}."
    ),
    "DUPLICATE_PERSON_IN_FILE": QT_TRANSLATE_NOOP(
        "messages", "The same person (names and date of birth) is already on row {first}."
    ),
    "DUPLICATE_PERSON_IN_REGISTRY": QT_TRANSLATE_NOOP(
        "messages",
        "Someone with these names and date of birth already lives in this village "
        "(household {household}).",
    ),
    "VILLAGE_OUT_OF_DISTRICT": QT_TRANSLATE_NOOP(
        "messages", "Village {value} is not in your district."
    ),
    "PROGRAMME_NOT_IN_VILLAGE": QT_TRANSLATE_NOOP(
        "messages", "Programme {programme} does not operate in village {value}."
    ),
    "HOUSEHOLD_CODE_EXISTS": QT_TRANSLATE_NOOP(
        "messages",
        "{value} is already a household's code: this import only registers new households.",
    ),
    "UNKNOWN_COLUMN_IGNORED": QT_TRANSLATE_NOOP("messages", "Unknown column: ignored."),
    "LOCATION_NAME_MISMATCH": QT_TRANSLATE_NOOP(
        "messages", "The village is called {name}, not {value}; its code was used."
    ),
    # Recertification rounds and cross-checks
    "UNKNOWN_AREA": QT_TRANSLATE_NOOP("messages", "Unknown area: {value}."),
    "AREA_NOT_IN_DISTRICT": QT_TRANSLATE_NOOP(
        "messages", "{value} is not a district, ward or village: choose one of those."
    ),
    "DUE_BEFORE_TODAY": QT_TRANSLATE_NOOP("messages", "The due date is already past."),
    "ROUND_ALREADY_OPEN": QT_TRANSLATE_NOOP(
        "messages", "Round {round} of this programme is still open over this area: close it first."
    ),
    "NO_ENROLMENTS_IN_AREA": QT_TRANSLATE_NOOP(
        "messages", "No household of {programme} is active or suspended in this area."
    ),
    "NOTE_REQUIRED_WHEN_NOT_CONFIRMED": QT_TRANSLATE_NOOP(
        "messages", "Say what was found when the situation is not as recorded."
    ),
    "ONLY_FOR_EXIT": QT_TRANSLATE_NOOP("messages", "A reason is given only for an exit."),
    "TASKS_UNDECIDED": QT_TRANSLATE_NOOP(
        "messages",
        "{count} household(s) have no decision yet ({pending} not visited, {visited} visited): "
        "decide them all before closing.",
    ),
    "CSV_BAD_DATE": QT_TRANSLATE_NOOP(
        "messages", "Line {line}: {value} is not a date (use YYYY-MM-DD or DD/MM/YYYY)."
    ),
    "CSV_ROW_WIDTH": QT_TRANSLATE_NOOP(
        "messages", "Line {line} has {found} values where the header has {expected}."
    ),
    "CSV_ROW_INCOMPLETE": QT_TRANSLATE_NOOP(
        "messages", "Line {line}: give the national ID, or the names and the date of birth."
    ),
    "ROUND_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This recertification round was not found."),
    "ROUND_NOT_OPEN": QT_TRANSLATE_NOOP("messages", "This recertification round is closed."),
    "TASK_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This household visit was not found."),
    "TASK_NOT_VISITED": QT_TRANSLATE_NOOP(
        "messages", "Record the visit before deciding on this household."
    ),
    "TASK_ALREADY_DECIDED": QT_TRANSLATE_NOOP(
        "messages", "This household is already decided; change the decision instead."
    ),
    "MATCH_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This match was not found."),
    "MATCH_ALREADY_REVIEWED": QT_TRANSLATE_NOOP("messages", "This match was already reviewed."),
    # Whole-operation errors
    "PAYROLL_NOT_PAYABLE": QT_TRANSLATE_NOOP(
        "messages", "This payroll is not approved for payment."
    ),
    "PAYMENT_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This payment was not found."),
    "NOT_IN_PAYROLL": QT_TRANSLATE_NOOP("messages", "Not part of this payroll."),
    "PAYROLL_NOT_PRINTABLE": QT_TRANSLATE_NOOP(
        "messages", "This payroll cannot be printed in its current status."
    ),
    "GRIEVANCE_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This grievance was not found."),
    "GRIEVANCE_NOT_OPEN": QT_TRANSLATE_NOOP("messages", "This grievance is no longer open."),
    "USE_RESOLVE": QT_TRANSLATE_NOOP("messages", "Use Resolve, with a resolution."),
    "USE_CLOSE": QT_TRANSLATE_NOOP("messages", "Use Close to close a grievance."),
    "USE_REOPEN": QT_TRANSLATE_NOOP("messages", "Use Reopen, with a reason."),
    "NOT_FINISHED": QT_TRANSLATE_NOOP("messages", "The grievance is not resolved yet."),
    "CASE_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This case was not found."),
    "CASE_ALREADY_DECIDED": QT_TRANSLATE_NOOP(
        "messages", "This case is already decided: its findings and decision are final."
    ),
    "CASE_NOT_CONFIRMED": QT_TRANSLATE_NOOP(
        "messages", "Corrective actions need a case decided as confirmed."
    ),
    "CASE_CLOSED": QT_TRANSLATE_NOOP("messages", "This case is closed."),
    "CASE_ACTIONS_PENDING": QT_TRANSLATE_NOOP(
        "messages",
        "A corrective action still waits for approval: have it approved or rejected, "
        "then close the case.",
    ),
    "HOUSEHOLD_OR_PAYMENT_REQUIRED": QT_TRANSLATE_NOOP(
        "messages", "Choose the household (or the payment) the case is about."
    ),
    "PAYMENT_OF_ANOTHER_HOUSEHOLD": QT_TRANSLATE_NOOP(
        "messages", "This payment was made to another household."
    ),
    "NOT_AN_ENROLMENT_OF_HOUSEHOLD": QT_TRANSLATE_NOOP(
        "messages", "This enrolment is not one of the household's."
    ),
    "NO_LIVE_ENROLMENT": QT_TRANSLATE_NOOP(
        "messages", "The household is not enrolled in any programme any more."
    ),
    "SEVERAL_ENROLMENTS": QT_TRANSLATE_NOOP(
        "messages", "The household is enrolled in {count} programmes: choose one."
    ),
    "FONTS_MISSING": QT_TRANSLATE_NOOP(
        "messages", "The fonts needed for printing are missing: reinstall Roster."
    ),
    "MEASURE_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This measure was not found."),
    "MEASURE_FINISHED": QT_TRANSLATE_NOOP("messages", "This measure is already finished."),
    "PROGRAMME_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This programme was not found."),
    "CYCLE_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This payment cycle was not found."),
    "PAYROLL_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This payroll was not found."),
    "PAYROLL_EXISTS": QT_TRANSLATE_NOOP(
        "messages", "A payroll already exists for this cycle and district."
    ),
    "MAKER_CANNOT_APPROVE": QT_TRANSLATE_NOOP(
        "messages", "The person who generated a payroll cannot approve it."
    ),
    "NO_DISTRICT": QT_TRANSLATE_NOOP(
        "messages", "Your district is not in this database: download it from HQ first."
    ),
    "VALIDATION_FAILED": QT_TRANSLATE_NOOP("messages", "Some fields need correcting."),
    "NOT_FOUND": QT_TRANSLATE_NOOP("messages", "The record was not found."),
    "HOUSEHOLD_NOT_FOUND": QT_TRANSLATE_NOOP(
        "messages", "This household was not found; it may have been removed."
    ),
    "INDIVIDUAL_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This person was not found."),
    "CONFLICT_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This sync conflict was not found."),
    "INVALID_TRANSITION": QT_TRANSLATE_NOOP("messages", "This status change is not allowed."),
    "ALREADY_IN_STATUS": QT_TRANSLATE_NOOP("messages", "The record already has this status."),
    "PERMISSION_DENIED": QT_TRANSLATE_NOOP("messages", "You are not allowed to do this."),
    "ROLE_NOT_ALLOWED": QT_TRANSLATE_NOOP("messages", "Your role does not allow this action."),
    "READ_ONLY_ROLE": QT_TRANSLATE_NOOP(
        "messages", "Your account can view data but not change it."
    ),
    "OUT_OF_SCOPE": QT_TRANSLATE_NOOP(
        "messages", "This record belongs to another district: you cannot open or change it."
    ),
    "NOT_SIGNED_IN": QT_TRANSLATE_NOOP("messages", "Nobody is signed in: sign in first."),
    "AUTH_FAILED": QT_TRANSLATE_NOOP("messages", "Unknown user name or wrong password."),
    "ACCOUNT_LOCKED": QT_TRANSLATE_NOOP(
        "messages", "Too many failed attempts: wait a minute, then try again."
    ),
    "DATABASE_TOO_NEW": QT_TRANSLATE_NOOP(
        "messages",
        "This database was created by a newer version of Roster. Install the newer version; "
        "the database was not changed.",
    ),
    "DATABASE_NOT_ROSTER": QT_TRANSLATE_NOOP(
        "messages",
        "This file is not a Roster database. Choose another data folder; the file was not changed.",
    ),
    "UNTRACKED_WRITE": QT_TRANSLATE_NOOP(
        "messages", "Internal error: a change was not recorded for synchronisation."
    ),
    "CANCELLED": QT_TRANSLATE_NOOP("messages", "The operation was cancelled."),
    "NOT_CONNECTED": QT_TRANSLATE_NOOP(
        "messages", "This laptop is not connected to HQ yet: ask your supervisor to connect it."
    ),
    "SERVER_UNREACHABLE": QT_TRANSLATE_NOOP(
        "messages", "HQ cannot be reached. Check the connection and try again later."
    ),
    "SYNC_FAILED": QT_TRANSLATE_NOOP("messages", "Synchronisation with HQ failed."),
    "DATA_DIR_IN_USE": QT_TRANSLATE_NOOP(
        "messages", "This data folder is already connected to another HQ or district."
    ),
    # Change requests (maker-checker)
    "NEEDS_APPROVAL": QT_TRANSLATE_NOOP(
        "messages",
        "This change needs a supervisor's approval in this programme: submit it as a request.",
    ),
    "REQUEST_ALREADY_PENDING": QT_TRANSLATE_NOOP(
        "messages",
        "A change request is already waiting for approval on this record; wait for its "
        "decision or ask the maker to withdraw it.",
    ),
    "REQUEST_NOT_PENDING": QT_TRANSLATE_NOOP(
        "messages", "This request was already decided; refresh the list."
    ),
    "REQUEST_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This change request no longer exists."),
    "REQUEST_NO_LONGER_VALID": QT_TRANSLATE_NOOP(
        "messages",
        "The record changed since the request was made, so it cannot be applied as asked. "
        "Reject it and make a new request if the change is still needed.",
    ),
    "REQUEST_ALREADY_DECIDED": QT_TRANSLATE_NOOP(
        "messages", "Another supervisor decided this request first; their decision stands."
    ),
    "NOT_THE_MAKER": QT_TRANSLATE_NOOP(
        "messages", "Only the person who made a request can withdraw it."
    ),
    "ENROLMENT_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This enrolment no longer exists."),
    "SAME_STATUS": QT_TRANSLATE_NOOP("messages", "The enrolment already has this status."),
    "OTHER_DISTRICT": QT_TRANSLATE_NOOP("messages", "This belongs to another district."),
    "OUT_OF_RANGE": QT_TRANSLATE_NOOP("messages", "This amount is out of the allowed range."),
    "UNKNOWN_FIELD": QT_TRANSLATE_NOOP("messages", "This field cannot be changed this way."),
}


class _KeepMissing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(text: str, params: Mapping[str, Any] | None) -> str:
    return text.format_map(_KeepMissing(params or {})) if "{" in text else text


def error_text(code: str, params: Mapping[str, Any] | None = None) -> str:
    """The translated message for an error code; unknown codes still name the code."""
    source = ERRORS.get(code)
    if source is None:
        template = QCoreApplication.translate("messages", "Unexpected error ({code}).")
        return template.format(code=code)
    return _fill(QCoreApplication.translate(_CTX, source), params)


def field_error_text(error: FieldError) -> str:
    """``Field: message`` for one validation failure."""
    template = QCoreApplication.translate("messages", "{field}: {message}")
    return template.format(
        field=field_label(error.field), message=error_text(error.code, error.params)
    )


def app_error_text(exc: AppError) -> str:
    """Every line a user needs for an ``AppError``; validation failures list each field."""
    if isinstance(exc, ValidationFailed) and exc.errors:
        return "\n".join(field_error_text(e) for e in exc.errors)
    return error_text(exc.code)


# Why a sync or connection failed, with the next step (context "sync"). Codes come from
# app.sync.transport.SyncError and from HQ's error answers.
SYNC_ERRORS: dict[str, str] = {
    "SERVER_UNREACHABLE": QT_TRANSLATE_NOOP(
        "sync",
        "HQ could not be reached. Check the connection and try again; your changes are kept.",
    ),
    "NOT_CONNECTED": QT_TRANSLATE_NOOP(
        "sync",
        "This laptop is not connected to HQ yet. Use File › Connect to HQ… to connect it.",
    ),
    "DEVICE_REVOKED": QT_TRANSLATE_NOOP(
        "sync",
        "HQ has blocked this laptop. Ask your supervisor; your changes are kept on this laptop.",
    ),
    "TOKEN_EXPIRED": QT_TRANSLATE_NOOP(
        "sync",
        "The connection to HQ has expired. Connect again with File › Connect to HQ…; "
        "your changes are kept.",
    ),
    "BAD_TOKEN": QT_TRANSLATE_NOOP(
        "sync",
        "HQ did not recognise this laptop's connection. Connect again with File › Connect to "
        "HQ…; your changes are kept.",
    ),
    "DEVICE_NOT_FOUND": QT_TRANSLATE_NOOP(
        "sync",
        "HQ does not know this laptop. Connect again with File › Connect to HQ…; your changes "
        "are kept.",
    ),
    "DEVICE_FORKED": QT_TRANSLATE_NOOP(
        "sync",
        "HQ found that this laptop's data was restored from an older copy. Call HQ support "
        "before syncing again; your changes are kept.",
    ),
    "AUTH_FAILED": QT_TRANSLATE_NOOP(
        "sync", "HQ did not accept this user name and password. Check them and try again."
    ),
    "USER_DISABLED": QT_TRANSLATE_NOOP(
        "sync", "This account is disabled at HQ. Ask your supervisor."
    ),
    "DATA_DIR_IN_USE": QT_TRANSLATE_NOOP(
        "sync",
        "This data folder already holds another district's data (or the demo). Start Roster "
        "with a new data folder to connect.",
    ),
}
SYNC_FALLBACK = QT_TRANSLATE_NOOP(
    "sync", "Synchronisation with HQ failed ({code}). Try again later; your changes are kept."
)


def sync_error_text(exc: BaseException) -> str:
    """A failed sync or connection in plain words with the next step (never a traceback)."""
    code = exc.code if isinstance(exc, AppError) else "BUG"
    source = SYNC_ERRORS.get(code)
    if source is not None:
        return QCoreApplication.translate("sync", source)
    if code in ERRORS and code not in ("SYNC_FAILED", "APP_ERROR"):
        return error_text(code)
    return QCoreApplication.translate("sync", SYNC_FALLBACK).format(code=code)
