"""openIMIS individual-upload rows: columns, cell parsing and the checks needing only the file.

Row problems are collected per row in an ``Errors`` (field = the file's column name), so one
pass reports all of them; ``issue`` turns each into an ``ImportIssue`` with the row number,
an English message for reports and the row's original values.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain.vocab import Relationship, Sex
from app.errors import FieldError
from app.services.dto import MemberIn
from app.services.validation import Errors

#: The openIMIS template's columns, in its order (``location_*`` are the newer base fields).
COLUMNS = (
    "first_name", "last_name", "dob", "group_code", "recipient_info", "individual_role",
    "location_name", "location_code",
)  # fmt: skip
#: What Roster cannot do without: a household needs a village, a head and roles.
REQUIRED_COLUMNS = (
    "first_name", "last_name", "dob", "group_code", "individual_role", "location_code",
)  # fmt: skip
#: Extra columns Roster keeps (openIMIS keeps extras in ``json_ext``).
EXTRA_COLUMNS = ("sex", "national_id", "phone", "disability", "school_code", "health_facility_code")
#: The openIMIS template's staging-row id: meaningless here, ignored without a warning.
SILENT_COLUMNS = ("id",)

PRIMARY, SECONDARY = 1, 2
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_YES = ("1", "yes", "y", "true", "oui")
_NO = ("", "0", "no", "n", "false", "non")
#: Role words used in files beside the ``Relationship`` values themselves.
ROLE_ALIASES: dict[str, Relationship] = {
    "WIFE": Relationship.SPOUSE,
    "HUSBAND": Relationship.SPOUSE,
    "PARTNER": Relationship.SPOUSE,
    "RELATIVE": Relationship.OTHER_RELATIVE,
    "UNRELATED": Relationship.NOT_RELATED,
    "NON_RELATIVE": Relationship.NOT_RELATED,
    **dict.fromkeys(
        (
            "NIECE",
            "NEPHEW",
            "AUNT",
            "UNCLE",
            "COUSIN",
            "STEPSON",
            "STEPDAUGHTER",
            "SON_IN_LAW",
            "DAUGHTER_IN_LAW",
            "MOTHER_IN_LAW",
            "FATHER_IN_LAW",
            "BROTHER_IN_LAW",
            "SISTER_IN_LAW",
        ),  # fmt: skip
        Relationship.OTHER_RELATIVE,
    ),
}
# Roles that tell the sex when the file has no ``sex`` column (openIMIS's template has none).
_MALE_ROLES = frozenset(
    (
        "SON",
        "FATHER",
        "GRANDFATHER",
        "GRANDSON",
        "BROTHER",
        "HUSBAND",
        "NEPHEW",
        "UNCLE",
        "STEPSON",
        "SON_IN_LAW",
        "FATHER_IN_LAW",
        "BROTHER_IN_LAW",
    )  # fmt: skip
)
_FEMALE_ROLES = frozenset(
    (
        "DAUGHTER",
        "MOTHER",
        "GRANDMOTHER",
        "GRANDDAUGHTER",
        "SISTER",
        "WIFE",
        "NIECE",
        "AUNT",
        "STEPDAUGHTER",
        "DAUGHTER_IN_LAW",
        "MOTHER_IN_LAW",
        "SISTER_IN_LAW",
    )  # fmt: skip
)
_SEXES = {"M": Sex.MALE, "MALE": Sex.MALE, "F": Sex.FEMALE, "FEMALE": Sex.FEMALE}
#: ``build_member``'s field names that are named differently in the file.
MEMBER_FIELD_COLUMNS = {"date_of_birth": "dob", "relationship": "individual_role"}

#: English wording of each code for reports and the command line (the desktop translates codes).
MESSAGES = {
    "REQUIRED": "{column} is empty",
    "TOO_LONG": "{column} is longer than {max} characters",
    "INVALID_DATE": "{value!r} is not a date (use yyyy-mm-dd or dd/mm/yyyy)",
    "DATE_IN_FUTURE": "the date of birth is in the future",
    "DATE_TOO_OLD": "the date of birth is before 1900",
    "INVALID_CHOICE": "{value!r} is not one of {allowed}",
    "INVALID_PHONE": "{value!r} is not a phone number (6 to 15 digits, optional +)",
    "INVALID_NATIONAL_ID": "{value!r} is not a national ID (4 to 40 letters, digits, dashes)",
    "NATIONAL_ID_IN_USE": "national ID {value} is already registered for someone",
    "UNKNOWN_SERVICE_POINT": "unknown school or health facility {value}",
    "NOT_A_SCHOOL": "{value} is not a school",
    "NOT_A_HEALTH_FACILITY": "{value} is not a health facility",
    "SERVICE_POINT_OTHER_DISTRICT": "{value} is in another district",
    "UNKNOWN_HOUSEHOLD_ROLE": "unknown role {value!r} (use {allowed})",
    "SEX_UNKNOWN": "give the sex (M or F): the role {role!r} does not tell it",
    "INVALID_RECIPIENT_INFO": "{value!r}: use 1 (primary), 2 (secondary), 0 or empty (none)",
    "NO_HEAD": "household {group} has no HEAD",
    "SEVERAL_HEADS": "household {group} already has its HEAD on row {first}",
    "SEVERAL_PRIMARY_RECIPIENTS": "household {group} already has a primary recipient (row {first})",
    "SEVERAL_SECONDARY_RECIPIENTS": (
        "household {group} already has a secondary recipient (row {first})"
    ),
    "SECONDARY_IS_DEFAULT_PRIMARY": (
        "no row of household {group} has recipient_info 1, so its HEAD is the primary recipient "
        "and cannot also be the secondary one"
    ),
    "GROUP_VILLAGE_MIXED": "household {group} is in {first_value} on row {first}",
    "DUPLICATE_NATIONAL_ID_IN_FILE": "national ID {value} is also on row {first}",
    "DUPLICATE_PERSON_IN_FILE": "same name and date of birth as row {first}",
    "DUPLICATE_PERSON_IN_REGISTRY": (
        "same name and date of birth as a member of household {household} in this village"
    ),
    "UNKNOWN_VILLAGE": "unknown village {value}",
    "NOT_A_VILLAGE": "{value} is not a village",
    "VILLAGE_OUT_OF_DISTRICT": "village {value} is not in your district",
    "PROGRAMME_NOT_IN_VILLAGE": "programme {programme} does not operate in village {value}",
    "HOUSEHOLD_CODE_EXISTS": (
        "{value} is already a household code: this import only registers new households"
    ),
    "UNKNOWN_COLUMN_IGNORED": "unknown column ignored",
    "LOCATION_NAME_MISMATCH": "location_name {value!r} differs from the village's name {name!r}",
}


@dataclass(frozen=True)
class ImportIssue:
    """One problem (or warning) of an import: ``row`` as a spreadsheet numbers it (header = 1)."""

    row: int
    column: str
    code: str
    message: str
    value: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    #: The row as read, ``(column, text)`` in file order (shared by the row's issues).
    original: tuple[tuple[str, str], ...] = ()


def english(code: str, column: str, value: str, params: dict[str, Any]) -> str:
    template = MESSAGES.get(code)
    if template is None:
        return code
    try:
        return template.format_map({**params, "column": column, "value": value})
    except (KeyError, IndexError):
        return template


@dataclass
class Row:
    """One parsed row; ``errors`` holds its problems keyed by column."""

    number: int
    values: dict[str, str]
    errors: Errors = field(default_factory=Errors)
    group: str = ""
    village: str = ""
    role: str = ""
    recipient: int = 0
    born: date | None = None
    sex: str = ""

    def member(self) -> MemberIn:
        """The row as ``build_member`` takes it (a dob that did not parse goes as typed)."""
        v = self.values
        return MemberIn(
            first_name=v.get("first_name", ""),
            last_name=v.get("last_name", ""),
            sex=self.sex,
            date_of_birth=self.born or v.get("dob", ""),
            relationship=self.role,
            national_id=v.get("national_id") or None,
            phone=v.get("phone") or None,
            disability=_yes_no(v.get("disability", "")) is True,
            school_code=v.get("school_code") or None,
            health_facility_code=v.get("health_facility_code") or None,
        )

    def add(self, error: FieldError) -> None:
        """Add an error from ``build_member`` under the file's column name, unless that column
        already has one (parsing said it more precisely: an unknown role, a malformed date)."""
        name = MEMBER_FIELD_COLUMNS.get(error.field, error.field)
        if all(e.field != name for e in self.errors.items):
            self.errors.items.append(FieldError(name, error.code, error.params))

    def person_key(self) -> tuple[str, str, date] | None:
        """First name, last name (case-insensitive) and birth date: who counts as the same."""
        if self.born is None:
            return None
        first = self.values.get("first_name", "").strip().casefold()
        last = self.values.get("last_name", "").strip().casefold()
        return (first, last, self.born) if first and last else None

    def issues(self, header: list[str]) -> list[ImportIssue]:
        original = tuple((name, self.values.get(name, "")) for name in header if name)
        return [
            issue(self.number, e.field, e.code, self.values, e.params, original)
            for e in self.errors.items
        ]


def issue(
    number: int,
    column: str,
    code: str,
    values: dict[str, str],
    params: dict[str, Any],
    original: tuple[tuple[str, str], ...] = (),
) -> ImportIssue:
    value = str(params.get("value", values.get(column, "")))
    return ImportIssue(
        number, column, code, english(code, column, value, params), value, dict(params), original
    )


def parse_dob(text: str) -> date | None:
    """ISO ``yyyy-mm-dd`` (a time part is ignored) or ``dd/mm/yyyy``; None when neither."""
    text = text.strip()
    match = _DMY.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        if len(text) > 10 and text[10] in " T":
            text = text[:10]
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _yes_no(text: str) -> bool | None:
    low = text.strip().lower()
    if low in _YES:
        return True
    return False if low in _NO else None


def parse_row(number: int, values: dict[str, str]) -> Row:
    """Read the cells of one row; problems found without the database go into ``errors``."""
    row = Row(number, values)
    errors = row.errors
    row.group = values.get("group_code", "").strip()
    if not row.group:
        errors.add("group_code", "REQUIRED")
    row.village = values.get("location_code", "").strip().upper()
    if not row.village:
        errors.add("location_code", "REQUIRED")
    word = re.sub(r"[\s-]+", "_", values.get("individual_role", "").strip().upper())
    if word in Relationship.__members__:
        row.role = Relationship[word].value
    elif word in ROLE_ALIASES:
        row.role = ROLE_ALIASES[word].value
    elif word:
        allowed = ", ".join(r.value for r in Relationship)
        errors.add("individual_role", "UNKNOWN_HOUSEHOLD_ROLE", allowed=allowed)
    else:
        errors.add("individual_role", "REQUIRED")
    recipient = values.get("recipient_info", "").strip()
    if recipient in ("", "0"):
        row.recipient = 0
    elif recipient in ("1", "2"):
        row.recipient = int(recipient)
    else:
        errors.add("recipient_info", "INVALID_RECIPIENT_INFO")
    dob = values.get("dob", "")
    row.born = parse_dob(dob) if dob.strip() else None
    if dob.strip() and row.born is None:
        errors.add("dob", "INVALID_DATE")
    sex = values.get("sex", "").strip().upper()
    if sex:
        row.sex = _SEXES[sex].value if sex in _SEXES else sex  # build_member refuses the rest
    elif word in _MALE_ROLES or word in _FEMALE_ROLES:
        row.sex = Sex.MALE.value if word in _MALE_ROLES else Sex.FEMALE.value
    else:
        errors.add("sex", "SEX_UNKNOWN", role=values.get("individual_role", ""))
    if _yes_no(values.get("disability", "")) is None:
        errors.add("disability", "INVALID_CHOICE", allowed="1, 0, yes, no")
    return row


def check_groups(rows: list[Row]) -> dict[str, list[Row]]:
    """Group rows by ``group_code`` and add the errors a household's rows show together.

    One HEAD, at most one primary and one secondary recipient, one village, nobody twice
    (same first and last name and date of birth); a national ID at most once in the file.
    """
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.group:
            groups[row.group].append(row)
    for code, members in groups.items():
        first_of: dict[str, Row] = {}
        people: dict[tuple[str, str, date], Row] = {}
        for row in members:
            if row.role == Relationship.HEAD:
                _once(row, first_of, "head", "individual_role", "SEVERAL_HEADS", code)
            if row.recipient == PRIMARY:
                _once(
                    row, first_of, "primary", "recipient_info", "SEVERAL_PRIMARY_RECIPIENTS", code
                )
            if row.recipient == SECONDARY:
                _once(
                    row, first_of, "second", "recipient_info", "SEVERAL_SECONDARY_RECIPIENTS", code
                )
            lead = members[0]
            if row.village and lead.village and row.village != lead.village:
                row.errors.add(
                    "location_code",
                    "GROUP_VILLAGE_MIXED",
                    group=code,
                    first=lead.number,
                    first_value=lead.village,
                )
            key = row.person_key()
            if key is not None:
                if key in people:
                    row.errors.add(
                        "first_name", "DUPLICATE_PERSON_IN_FILE", first=people[key].number
                    )
                else:
                    people[key] = row
        roles_known = all(r.role for r in members)
        if "head" not in first_of and roles_known:
            members[0].errors.add("individual_role", "NO_HEAD", group=code)
        head = first_of.get("head")
        second = first_of.get("second")
        if "primary" not in first_of and second is not None and second is head:
            second.errors.add("recipient_info", "SECONDARY_IS_DEFAULT_PRIMARY", group=code)
    _check_national_ids(rows)
    return groups


def _once(row: Row, first_of: dict[str, Row], key: str, column: str, code: str, group: str) -> None:
    if key in first_of:
        row.errors.add(column, code, group=group, first=first_of[key].number)
    else:
        first_of[key] = row


def _check_national_ids(rows: list[Row]) -> None:
    seen: dict[str, int] = {}
    for row in rows:
        national_id = row.values.get("national_id", "").strip()
        if not national_id:
            continue
        if national_id in seen:
            row.errors.add("national_id", "DUPLICATE_NATIONAL_ID_IN_FILE", first=seen[national_id])
        else:
            seen[national_id] = row.number
