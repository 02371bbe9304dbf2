"""Every code a service can raise and every vocabulary value has words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.domain import vocab
from app.errors import AuthenticationFailed, FieldError, ValidationFailed
from app.ui import labels, messages

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
#: Where codes the desktop client can meet are raised (the CLI-only demo loader is left out).
CODE_SOURCES = ["app/errors.py", "app/services", "app/models", "app/domain", "app/sync"]
SKIPPED = {"app/services/demo.py"}
_CODE = re.compile(
    r"""(?:code\s*=\s*|FieldError\([^,]+,\s*|\.add\([^,]+,\s*)"([A-Z][A-Z0-9_]{2,})\""""
)


def _raised_codes() -> set[str]:
    codes: set[str] = set()
    for source in CODE_SOURCES:
        path = ROOT / source
        files = [path] if path.is_file() else sorted(path.rglob("*.py"))
        for file in files:
            if str(file.relative_to(ROOT)) in SKIPPED:
                continue
            codes |= set(_CODE.findall(file.read_text(encoding="utf-8")))
    return codes


def test_every_raised_code_has_a_message() -> None:
    codes = _raised_codes()
    assert {"REQUIRED", "INVALID_PHONE", "HEAD_REPLACEMENT_REQUIRED", "OUT_OF_SCOPE"} <= codes
    missing = sorted(codes - set(messages.ERRORS) - {"APP_ERROR"})
    assert missing == []


@pytest.mark.parametrize(
    "enum",
    [
        vocab.HouseholdStatus,
        vocab.MemberStatus,
        vocab.Relationship,
        vocab.EnrolmentStatus,
        vocab.ExitReason,
        vocab.LeaveReason,
        vocab.PaymentMethod,
        vocab.AccountVerification,
        vocab.AccountStatus,
        vocab.GrievanceStatus,
        vocab.Role,
        vocab.OpKind,
    ],
)
def test_every_vocabulary_value_has_a_label(enum) -> None:
    assert [v.value for v in enum if v.value not in labels.VOCAB] == []


def test_sex_labels() -> None:
    assert (labels.sex_label("F"), labels.sex_label("M"), labels.sex_label(None)) == (
        "Female",
        "Male",
        "",
    )


def test_parameters_fill_placeholders_and_unknown_codes_still_say_something() -> None:
    assert messages.error_text("TOO_LONG", {"max": 200}) == "Too long: at most 200 characters."
    assert messages.error_text("TOO_LONG") == "Too long: at most {max} characters."
    assert messages.error_text("NO_SUCH_CODE") == "Unexpected error (NO_SUCH_CODE)."
    assert labels.vocab_label("SOMETHING_NEW") == "Something new"
    assert labels.vocab_label(None) == ""


def test_validation_failures_list_each_field() -> None:
    exc = ValidationFailed(
        [FieldError("phone", "INVALID_PHONE"), FieldError("date_of_birth", "DATE_IN_FUTURE")]
    )
    assert messages.app_error_text(exc).splitlines() == [
        "Phone: Not a valid phone number: use 6 to 15 digits, optionally starting with +.",
        "Date of birth: The date cannot be in the future.",
    ]
    locked = AuthenticationFailed("x", code="ACCOUNT_LOCKED")
    assert messages.app_error_text(locked).startswith("Too many failed attempts")
