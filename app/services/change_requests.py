"""Maker-checker: sensitive changes become requests that another user approves or rejects.

``submit_change`` applies a change at once when no programme of the household asks for approval,
otherwise records a PENDING request holding the exact field changes it would make (computed by
running the change in a transaction that is rolled back) and the parameters to apply it with.
``approve_request`` runs the same service inside the approval's transaction, so the decision and
the change it applies are one user action: they sync together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.transitions import check_transition
from app.domain.vocab import ChangeRequestStatus, ChangeRequestType, Role
from app.errors import AppError, FieldError, NotFound, PermissionDenied, ValidationFailed
from app.models.base import utcnow
from app.models.db import schema_version
from app.models.decision import ChangeRequest, CorrectiveAction
from app.models.recorder import CONTEXT_KEY, PENDING_KEY, RowChange, WriteContext
from app.services.approval_policy import programmes_requiring
from app.services.change_kinds import KINDS, ChangeKind
from app.services.context import Actor, ServiceContext, unit_of_work
from app.services.lookups import check_scope
from app.services.validation import Errors

S = ChangeRequestStatus
#: Runs inside the final transaction with (request id or None, status): links a case action.
Link = Callable[[Session, str | None, str], None]


@dataclass(frozen=True)
class ChangeOutcome:
    """APPLIED (no approval needed, or approved now) or PENDING (waiting for a checker)."""

    status: str
    request_id: str | None
    result: object = None
    programmes: tuple[str, ...] = ()  # the programmes whose rules asked for approval


@dataclass(frozen=True)
class Changed:
    """One row's field changes as the preview saw them."""

    table: str
    row_id: str
    fields: dict[str, dict[str, Any]]


class RequestNoLongerValid(AppError):
    """The record changed since the request was made; the change cannot be applied as asked."""

    code = "REQUEST_NO_LONGER_VALID"


def _kind(type_: str) -> ChangeKind:
    kind = KINDS.get(str(type_).upper())
    if kind is None:
        raise ValidationFailed([FieldError("type", "INVALID_CHOICE", {"value": type_})])
    return kind


def _preview(
    ctx: ServiceContext, kind: ChangeKind, target_id: str, params: Mapping[str, Any]
) -> tuple[list[Changed], str, str, tuple[str, ...]]:
    """Run the change and undo it: its field changes, household, district and the programmes
    requiring approval (validation errors surface here).

    On its own it uses a transaction that is rolled back; inside a caller's unit of work (a
    round closing, a case action) a savepoint, and the caller's collected changes are put back.
    """
    if ctx.joined_session is not None:
        session = ctx.joined_session
        saved = {
            key: replace(change, fields={k: dict(v) for k, v in change.fields.items()})
            for key, change in session.info.get(PENDING_KEY, {}).items()
        }
        nested = session.begin_nested()
        try:
            return _run_preview(ctx, session, kind, target_id, params)
        finally:
            nested.rollback()
            session.info[PENDING_KEY] = saved
    actor = ctx.require_actor()
    session = ctx.db.write_session()
    session.info[CONTEXT_KEY] = WriteContext(
        user_id=actor.user_id, device_id=ctx.device_id, schema_version=schema_version()
    )
    transaction = session.begin()
    try:
        return _run_preview(ctx, session, kind, target_id, params)
    finally:
        transaction.rollback()
        session.close()


def _run_preview(
    ctx: ServiceContext,
    session: Session,
    kind: ChangeKind,
    target_id: str,
    params: Mapping[str, Any],
) -> tuple[list[Changed], str, str, tuple[str, ...]]:
    actor = ctx.require_actor()
    household = kind.household(session, target_id, actor)
    household_id, district_id = household.id, household.district_id
    # Before applying: once applied, a dissolved household has no live enrolments left.
    if kind.target_table == "enrolments":
        needed = programmes_requiring(session, change_type=kind.type, enrolment_ids=[target_id])
    else:
        needed = programmes_requiring(session, change_type=kind.type, household_id=household_id)
    before = set(session.info.get(PENDING_KEY, {}))
    kind.apply(ctx.joined(session, approving=True), target_id, params)
    session.flush()
    changes: list[RowChange] = [
        change for key, change in session.info.get(PENDING_KEY, {}).items() if key not in before
    ]
    if kind.type == ChangeRequestType.MOVE:
        # Only a move that takes the household out of a programme's area is guarded.
        exited = [c.obj.id for c in changes if c.obj.__tablename__ == "enrolments"]  # type: ignore[attr-defined]
        needed = programmes_requiring(session, change_type=kind.type, enrolment_ids=exited)
    # Plain values: the ORM objects behind the changes are expired by the rollback.
    return (
        [
            Changed(c.obj.__tablename__, c.obj.id, {k: dict(v) for k, v in c.fields.items()})  # type: ignore[attr-defined]
            for c in changes
        ],
        household_id,
        district_id,
        tuple(needed),
    )


def _diff_values(changes: list[Changed]) -> tuple[dict[str, object], dict[str, object]]:
    """``{"table.field": value}`` before and after; a repeated key gets ``@row id``."""
    seen: dict[str, int] = {}
    for change in changes:
        for name in change.fields:
            key = f"{change.table}.{name}"
            seen[key] = seen.get(key, 0) + 1
    old: dict[str, object] = {}
    new: dict[str, object] = {}
    for change in changes:
        for name, value in change.fields.items():
            if name in ("district_id", "household_id") or value["old"] == value["new"]:
                continue
            if name == "deleted" and value["old"] is None and not value["new"]:
                continue  # a new row is born alive: not worth a line
            key = f"{change.table}.{name}"
            if seen[key] > 1:
                key = f"{key}@{change.row_id}"
            old[key], new[key] = value["old"], value["new"]
    return old, new


def pending_for(session: Session, target_id: str) -> ChangeRequest | None:
    """The request still waiting on this record, if any (at most one may wait)."""
    return session.scalar(
        select(ChangeRequest).where(
            ChangeRequest.target_id == target_id,
            ChangeRequest.status == S.PENDING,
            ~ChangeRequest.deleted,
        )
    )


def submit_change(
    ctx: ServiceContext,
    *,
    type: str,  # noqa: A002 - the request's type, named as in the model
    target_id: str,
    params: Mapping[str, Any],
    reason: str = "",
    case_id: str | None = None,
    link: Link | None = None,
    always_review: bool = False,
) -> ChangeOutcome:
    """Apply a sensitive change now, or hold it for approval if a programme asks for that.

    ``always_review`` holds it whatever the programmes say (a case's corrective action).
    """
    actor = ctx.require_actor()
    actor.can_write()
    kind = _kind(type)
    clean = kind.clean(params)
    errors = Errors()
    clean_reason = errors.optional_text("reason", reason, max_len=500)
    errors.raise_if_any()
    changes, household_id, district_id, needed = _preview(ctx, kind, target_id, clean)
    if kind.target_table == "households":
        target_id = household_id  # a household code given as reference is stored as its id
    with unit_of_work(ctx) as session:
        if not needed and not always_review:
            result = kind.apply(ctx.joined(session, approving=False), target_id, clean)
            if link is not None:
                link(session, None, S.APPLIED)
            return ChangeOutcome(S.APPLIED, None, result)
        waiting = pending_for(session, target_id)
        if waiting is not None:
            raise AppError(
                f"a {waiting.type} request is already waiting for approval on this record",
                code="REQUEST_ALREADY_PENDING",
            )
        old, new = _diff_values(changes)
        request = ChangeRequest(
            district_id=district_id,
            type=kind.type.value,
            target_table=kind.target_table,
            target_id=target_id,
            household_id=household_id,
            old_values=old,
            new_values=new,
            params=dict(clean),
            reason=clean_reason,
            status=S.PENDING,
            maker_id=actor.user_id,
            case_id=case_id,
        )
        session.add(request)
        session.flush()
        if link is not None:
            link(session, request.id, S.PENDING)
        return ChangeOutcome(S.PENDING, request.id, None, needed)


def _load(session: Session, request_id: str, actor: Actor) -> ChangeRequest:
    request = session.get(ChangeRequest, request_id)
    if request is None or request.deleted:
        raise NotFound(f"no change request {request_id}", code="REQUEST_NOT_FOUND")
    check_scope(actor, request.district_id)
    return request


def _decide(session: Session, request: ChangeRequest, actor: Actor, status: S, note: str) -> None:
    if request.status != S.PENDING:
        raise AppError(
            f"this request was already {request.status.lower()}", code="REQUEST_NOT_PENDING"
        )
    check_transition(ChangeRequestStatus, request.status, status)
    request.status = status
    request.checker_id = actor.user_id
    request.decided_at = utcnow()
    request.decision_note = note
    for action in session.scalars(
        select(CorrectiveAction).where(CorrectiveAction.change_request_id == request.id)
    ):
        action.status = "APPLIED" if status == S.APPLIED else "REJECTED"


def approve_request(ctx: ServiceContext, *, request_id: str, note: str = "") -> ChangeOutcome:
    """A checker (never the maker) approves: the change is applied in the same transaction."""
    actor = ctx.require_actor()
    actor.require(Role.SUPERVISOR, Role.HQ_ADMIN)
    errors = Errors()
    clean_note = errors.optional_text("note", note, max_len=500)
    errors.raise_if_any()
    with unit_of_work(ctx) as session:
        request = _load(session, request_id, actor)
        if request.maker_id == actor.user_id and request.status == S.PENDING:
            raise PermissionDenied(
                "the user who made a request cannot approve it", code="MAKER_CANNOT_APPROVE"
            )
        _decide(session, request, actor, S.APPLIED, clean_note)
        kind = _kind(request.type)
        try:
            result = kind.apply(
                ctx.joined(session, approving=True), request.target_id, request.params
            )
        except (ValidationFailed, NotFound, AppError) as exc:
            if isinstance(exc, PermissionDenied):
                raise
            raise RequestNoLongerValid(
                f"the record changed since the request was made ({exc.message}); reject it "
                "and make a new request if still needed"
            ) from exc
        return ChangeOutcome(S.APPLIED, request.id, result)


def reject_request(ctx: ServiceContext, *, request_id: str, note: str) -> None:
    """A checker rejects with a reason; nothing of the request is applied."""
    actor = ctx.require_actor()
    actor.require(Role.SUPERVISOR, Role.HQ_ADMIN)
    errors = Errors()
    clean_note = errors.optional_text("note", note, max_len=500)
    if not clean_note:
        errors.add("note", "REQUIRED")
    errors.raise_if_any()
    with unit_of_work(ctx) as session:
        request = _load(session, request_id, actor)
        _decide(session, request, actor, S.REJECTED, clean_note)


def withdraw_request(ctx: ServiceContext, *, request_id: str) -> None:
    """The maker takes back a request still waiting (it ends REJECTED, noted as withdrawn)."""
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        request = _load(session, request_id, actor)
        if request.maker_id != actor.user_id:
            raise PermissionDenied(
                "only the user who made a request can withdraw it", code="NOT_THE_MAKER"
            )
        _decide(session, request, actor, S.REJECTED, "withdrawn by the maker")
