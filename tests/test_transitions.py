"""State machines: allowed and refused transitions."""

from __future__ import annotations

import pytest

from app.domain.transitions import TRANSITIONS, allowed_next, check_transition
from app.domain.vocab import EnrolmentStatus, GrievanceStatus, MemberStatus, PayrollStatus
from app.errors import InvalidTransition


@pytest.mark.parametrize(
    ("kind", "current", "new"),
    [
        (EnrolmentStatus, "POTENTIAL", "ACTIVE"),
        (EnrolmentStatus, "ACTIVE", "SUSPENDED"),
        (EnrolmentStatus, "SUSPENDED", "ACTIVE"),
        (EnrolmentStatus, "ACTIVE", "EXITED"),
        (GrievanceStatus, "CLOSED", "OPEN"),
        (PayrollStatus, "PENDING_APPROVAL", "APPROVED_FOR_PAYMENT"),
        (MemberStatus, "ALIVE", "DECEASED"),
    ],
)
def test_allowed(kind: type, current: str, new: str) -> None:
    check_transition(kind, current, new)


@pytest.mark.parametrize(
    ("kind", "current", "new", "code"),
    [
        (EnrolmentStatus, "EXITED", "ACTIVE", "INVALID_TRANSITION"),
        (EnrolmentStatus, "GRADUATED", "ACTIVE", "INVALID_TRANSITION"),
        (EnrolmentStatus, "POTENTIAL", "SUSPENDED", "INVALID_TRANSITION"),
        (MemberStatus, "DECEASED", "ALIVE", "INVALID_TRANSITION"),
        (PayrollStatus, "RECONCILED", "PENDING_APPROVAL", "INVALID_TRANSITION"),
        (EnrolmentStatus, "ACTIVE", "ACTIVE", "ALREADY_IN_STATUS"),
    ],
)
def test_refused(kind: type, current: str, new: str, code: str) -> None:
    with pytest.raises(InvalidTransition) as info:
        check_transition(kind, current, new)
    assert info.value.code == code


def test_every_state_machine_is_closed() -> None:
    for kind, table in TRANSITIONS.items():
        states = {m.value for m in kind}  # type: ignore[attr-defined]
        assert set(table) == states, kind
        for current in states:
            assert allowed_next(kind, current) <= states
