"""Explicit state machines: which status may follow which (openIMIS leaves these unguarded)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from app.domain.vocab import (
    CaseStatus,
    ChangeRequestStatus,
    CycleStatus,
    EnrolmentStatus,
    GrievanceStatus,
    MemberStatus,
    PaymentStatus,
    PayrollStatus,
)
from app.errors import InvalidTransition

E = EnrolmentStatus
G = GrievanceStatus
P = PayrollStatus
B = PaymentStatus
C = ChangeRequestStatus
K = CaseStatus

TRANSITIONS: Mapping[type[StrEnum], Mapping[str, frozenset[str]]] = {
    MemberStatus: {
        MemberStatus.ALIVE: frozenset({MemberStatus.DECEASED, MemberStatus.LEFT}),
        MemberStatus.LEFT: frozenset({MemberStatus.ALIVE, MemberStatus.DECEASED}),  # came back
        MemberStatus.DECEASED: frozenset(),
    },
    EnrolmentStatus: {
        E.POTENTIAL: frozenset({E.ACTIVE, E.EXITED}),
        E.ACTIVE: frozenset({E.SUSPENDED, E.GRADUATED, E.EXITED}),
        E.SUSPENDED: frozenset({E.ACTIVE, E.EXITED, E.GRADUATED}),
        E.GRADUATED: frozenset(),
        E.EXITED: frozenset(),
    },
    GrievanceStatus: {
        G.RECEIVED: frozenset({G.OPEN, G.IN_PROGRESS, G.RESOLVED, G.CLOSED}),
        G.OPEN: frozenset({G.IN_PROGRESS, G.RESOLVED, G.CLOSED}),
        G.IN_PROGRESS: frozenset({G.OPEN, G.RESOLVED, G.CLOSED}),
        G.RESOLVED: frozenset({G.CLOSED, G.OPEN}),
        G.CLOSED: frozenset({G.OPEN}),  # reopen
    },
    PayrollStatus: {
        P.GENERATING: frozenset({P.PENDING_APPROVAL, P.FAILED}),
        P.PENDING_APPROVAL: frozenset({P.APPROVED_FOR_PAYMENT, P.REJECTED}),
        P.APPROVED_FOR_PAYMENT: frozenset({P.RECONCILED, P.REJECTED}),
        P.RECONCILED: frozenset(),
        P.REJECTED: frozenset(),
        P.FAILED: frozenset(),
    },
    PaymentStatus: {
        B.ACCEPTED: frozenset({B.APPROVED_FOR_PAYMENT, B.REJECTED, B.DUPLICATE}),
        B.APPROVED_FOR_PAYMENT: frozenset({B.PAID, B.UNPAID, B.REJECTED}),
        B.PAID: frozenset({B.RECONCILED, B.UNPAID}),
        B.UNPAID: frozenset({B.PAID, B.RECONCILED}),
        B.RECONCILED: frozenset(),
        B.REJECTED: frozenset(),
        B.DUPLICATE: frozenset(),
    },
    ChangeRequestStatus: {
        C.DRAFT: frozenset({C.PENDING}),
        # Approval applies the change in the same transaction, so PENDING goes straight to
        # APPLIED; APPROVED stays for an approval whose application is deferred.
        C.PENDING: frozenset({C.APPROVED, C.APPLIED, C.REJECTED}),
        C.APPROVED: frozenset({C.APPLIED}),
        C.REJECTED: frozenset(),
        C.APPLIED: frozenset(),
    },
    CaseStatus: {
        K.OPEN: frozenset({K.INVESTIGATING, K.DECIDED}),
        K.INVESTIGATING: frozenset({K.DECIDED}),
        K.DECIDED: frozenset({K.CLOSED}),
        K.CLOSED: frozenset(),
    },
    CycleStatus: {
        CycleStatus.PENDING: frozenset({CycleStatus.ACTIVE}),
        CycleStatus.ACTIVE: frozenset({CycleStatus.SUSPENDED, CycleStatus.CLOSED}),
        CycleStatus.SUSPENDED: frozenset({CycleStatus.ACTIVE, CycleStatus.CLOSED}),
        CycleStatus.CLOSED: frozenset(),
    },
}


def allowed_next(kind: type[StrEnum], current: str) -> frozenset[str]:
    """Return the statuses that may follow ``current`` in ``kind``'s state machine."""
    return TRANSITIONS[kind].get(current, frozenset())


def check_transition(kind: type[StrEnum], current: str, new: str) -> None:
    """Raise ``InvalidTransition`` unless ``current -> new`` is allowed for ``kind``."""
    if current == new:
        raise InvalidTransition(f"{kind.__name__} is already {new}", code="ALREADY_IN_STATUS")
    if new not in allowed_next(kind, current):
        raise InvalidTransition(f"{kind.__name__} cannot go from {current} to {new}")
