"""Error and fraud cases: open, add findings, decide, propose corrective actions, close."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.transitions import check_transition
from app.domain.vocab import (
    CaseDecision,
    CaseStatus,
    CaseType,
    ChangeRequestStatus,
    Role,
)
from app.errors import AppError, InvalidTransition, NotFound
from app.models.base import new_id, utcnow
from app.models.decision import Case, CorrectiveAction
from app.models.location import Location
from app.services.case_rules import (
    ENROLMENT_ACTIONS,
    REQUEST_TYPES,
    ActionStatus,
    CorrectiveActionKind,
    action_params,
    target_enrolment,
)
from app.services.change_requests import submit_change
from app.services.context import Actor, ServiceContext, get_state, set_state, unit_of_work
from app.services.lookups import check_scope, household_by_ref
from app.services.reconciliation import payment_by_ref
from app.services.validation import Errors

CODE_PREFIX = "CASE"
TEXT_MAX = 4000
NOTE_MAX = 400  # the request's reason adds the case code and the action (500 at most)
DECIDERS = (Role.SUPERVISOR, Role.HQ_ADMIN)


@dataclass(frozen=True)
class ActionOutcome:
    """The corrective action recorded and the change request waiting for a checker."""

    action_id: str
    action: str
    status: str
    request_id: str | None


def _next_case_code(session: Session, district_code: str, device_id: str) -> str:
    # Like grievance codes: the device's tag plus a per-device sequence never reused.
    seq = int(get_state(session, "case_code_seq") or "0") + 1
    set_state(session, "case_code_seq", str(seq))
    return f"{CODE_PREFIX}-{district_code}-{device_id[-4:].upper()}-{seq:05d}"


def _now(ctx: ServiceContext) -> datetime:
    if ctx.clock_ms is None:
        return utcnow()
    return datetime.fromtimestamp(ctx.clock_ms() / 1000, UTC)


def _paragraph(ctx: ServiceContext, actor: Actor, text: str) -> str:
    """A findings paragraph, dated and signed: ``[2026-06-15 09:00 UTC · officer] text``."""
    return f"[{_now(ctx):%Y-%m-%d %H:%M} UTC · {actor.username}] {text}"


def _append(findings: str, paragraph: str) -> str:
    return f"{findings}\n\n{paragraph}" if findings else paragraph


def case_by_ref(session: Session, ref: str, actor: Actor | None = None) -> Case:
    """A live case by id or code (any case of letters), checked against the actor's district."""
    text = ref.strip()
    case = session.get(Case, text.lower()) if len(text) == 36 else None
    if case is None:
        case = session.scalar(select(Case).where(Case.code == text.upper()))
    if case is None or case.deleted:
        raise NotFound(f"no case {ref}", code="CASE_NOT_FOUND")
    if actor is not None:
        check_scope(actor, case.district_id)
    return case


def open_case(
    ctx: ServiceContext,
    *,
    type: str,  # noqa: A002 - the case's type, named as in the model
    household_ref: str | None = None,
    payment_code: str | None = None,
    findings: str = "",
) -> str:
    """Open a case (OPEN) on a household or a payment; returns its id."""
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        errors = Errors()
        clean_type = errors.enum("type", type, CaseType)
        text = errors.optional_text("findings", findings, max_len=TEXT_MAX)
        household = household_by_ref(session, household_ref, actor) if household_ref else None
        payment = payment_by_ref(session, payment_code, actor) if payment_code else None
        if household is None and payment is None:
            errors.add("household", "HOUSEHOLD_OR_PAYMENT_REQUIRED")
        if household is not None and payment is not None and payment.household_id != household.id:
            errors.add("payment", "PAYMENT_OF_ANOTHER_HOUSEHOLD")
        errors.raise_if_any()
        if household is None:
            assert payment is not None
            household = household_by_ref(session, payment.household_id, actor)
        district = session.get(Location, household.district_id)
        assert district is not None
        case = Case(
            id=new_id(),
            code=_next_case_code(session, district.code, ctx.device_id),
            district_id=household.district_id,
            type=clean_type,
            household_id=household.id,
            payment_id=payment.id if payment else None,
            findings=_paragraph(ctx, actor, text) if text else "",
            status=CaseStatus.OPEN,
            decision_note="",
            opened_by=actor.user_id,
        )
        session.add(case)
        return case.id


def _not_decided(case: Case) -> None:
    if case.status in (CaseStatus.DECIDED, CaseStatus.CLOSED):
        raise InvalidTransition(f"case {case.code} is {case.status}", code="CASE_ALREADY_DECIDED")


def add_findings(ctx: ServiceContext, *, case_ref: str, text: str) -> int:
    """Append a dated, signed paragraph to the findings (OPEN → INVESTIGATING); new version."""
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        case = case_by_ref(session, case_ref, actor)
        errors = Errors()
        clean = errors.required_text("text", text, max_len=TEXT_MAX)
        errors.raise_if_any()
        _not_decided(case)
        case.findings = _append(case.findings, _paragraph(ctx, actor, clean))
        if case.status == CaseStatus.OPEN:
            check_transition(CaseStatus, case.status, CaseStatus.INVESTIGATING)
            case.status = CaseStatus.INVESTIGATING
        session.flush()
        return case.version


def decide_case(ctx: ServiceContext, *, case_ref: str, decision: str, note: str) -> int:
    """A supervisor or HQ admin decides CONFIRMED or UNFOUNDED, with a note; new version."""
    actor = ctx.require_actor()
    actor.require(*DECIDERS)
    errors = Errors()
    clean = errors.enum("decision", decision, CaseDecision)
    clean_note = errors.required_text("note", note, max_len=TEXT_MAX)
    errors.raise_if_any()
    with unit_of_work(ctx) as session:
        case = case_by_ref(session, case_ref, actor)
        _not_decided(case)
        check_transition(CaseStatus, case.status, CaseStatus.DECIDED)
        case.status = CaseStatus.DECIDED
        case.decision = clean
        case.decision_note = clean_note
        case.decided_by = actor.user_id
        session.flush()
        return case.version


def _confirmed(case: Case) -> None:
    if case.status == CaseStatus.CLOSED:
        raise InvalidTransition(f"case {case.code} is closed", code="CASE_CLOSED")
    if case.status != CaseStatus.DECIDED or case.decision != CaseDecision.CONFIRMED:
        raise InvalidTransition(
            f"case {case.code} is not confirmed ({case.decision or case.status})",
            code="CASE_NOT_CONFIRMED",
        )


def propose_action(
    ctx: ServiceContext,
    *,
    case_ref: str,
    action: str,
    enrolment_id: str | None = None,
    amount: int | str | None = None,
    pay_point_code: str | None = None,
    account: Mapping[str, Any] | None = None,
    note: str = "",
) -> ActionOutcome:
    """Propose a corrective action on a confirmed case: a change request a checker must approve.

    Validation errors of the change itself (same status, unknown pay point, missing account
    number...) come back as ``ValidationFailed`` from the request's preview.
    """
    actor = ctx.require_actor()
    actor.can_write()
    errors = Errors()
    kind = errors.enum("action", action, CorrectiveActionKind)
    clean_note = errors.optional_text("note", note, max_len=NOTE_MAX)
    errors.raise_if_any()
    with ctx.db.read_session() as session:
        case = case_by_ref(session, case_ref, actor)
        _confirmed(case)
        case_id, code, district_id = case.id, case.code, case.district_id
        params, recorded = action_params(
            session,
            case,
            kind,
            errors,
            amount=amount,
            pay_point_code=pay_point_code,
            account=account,
        )
        if kind in ENROLMENT_ACTIONS:
            target = target_enrolment(session, case, errors, enrolment_id)
        else:
            assert case.household_id is not None
            target = case.household_id
    errors.raise_if_any()
    action_id = new_id()

    def link(session: Session, request_id: str | None, status: str) -> None:
        # Same transaction as the request: the case must still be confirmed and open.
        _confirmed(case_by_ref(session, case_id, actor))
        pending = status == ChangeRequestStatus.PENDING
        session.add(
            CorrectiveAction(
                id=action_id,
                case_id=case_id,
                district_id=district_id,
                action=kind,
                params=dict(params),
                amount=recorded,
                change_request_id=request_id,
                status=ActionStatus.PENDING_APPROVAL if pending else ActionStatus.APPLIED,
            )
        )

    reason = f"{code}: {kind}" + (f" - {clean_note}" if clean_note else "")
    outcome = submit_change(
        ctx,
        type=REQUEST_TYPES[kind],
        target_id=target,
        params=params,
        reason=reason,
        case_id=case_id,
        link=link,
        always_review=True,
    )
    pending = outcome.status == ChangeRequestStatus.PENDING
    return ActionOutcome(
        action_id=action_id,
        action=kind,
        status=ActionStatus.PENDING_APPROVAL if pending else ActionStatus.APPLIED,
        request_id=outcome.request_id,
    )


class ActionsPending(AppError):
    """A case cannot close while one of its corrective actions waits for approval."""

    code = "CASE_ACTIONS_PENDING"


def close_case(ctx: ServiceContext, *, case_ref: str, note: str = "") -> int:
    """DECIDED → CLOSED once no action waits for approval; a note joins the findings."""
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        case = case_by_ref(session, case_ref, actor)
        errors = Errors()
        text = errors.optional_text("note", note, max_len=TEXT_MAX)
        errors.raise_if_any()
        check_transition(CaseStatus, case.status, CaseStatus.CLOSED)
        waiting = session.scalar(
            select(func.count()).where(
                CorrectiveAction.case_id == case.id,
                ~CorrectiveAction.deleted,
                CorrectiveAction.status == ActionStatus.PENDING_APPROVAL,
            )
        )
        if waiting:
            raise ActionsPending(
                f"{waiting} corrective action(s) of case {case.code} still wait for approval: "
                "have them approved or rejected first"
            )
        if text:
            case.findings = _append(case.findings, _paragraph(ctx, actor, text))
        case.status = CaseStatus.CLOSED
        session.flush()
        return case.version
