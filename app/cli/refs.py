"""Households by code and members by id or by position (``CODE:N``), as a person types them.

``CODE:N`` is the N-th member (1-based) in the order ``roster household show CODE`` lists them:
present members first, oldest first, then those who died or left. Positions can shift when
members are added or leave, so check ``household show`` before acting on one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.cli.common import Runtime
from app.errors import FieldError, ValidationFailed
from app.services.cli_support import household_code_of
from app.services.dto import HouseholdOut, MemberOut
from app.services.household_queries import get_household

_POSITIONAL = re.compile(r"^(?P<code>.+):(?P<n>\d+)$")
_ID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")


def household_ref(raw: str) -> str:
    """A household code as a person types it (any case, stray spaces), or an id unchanged."""
    text = raw.strip()
    return text.lower() if _ID.match(text) else text.upper()


@dataclass(frozen=True)
class MemberRef:
    """A resolved member: the id services take plus the readable ``CODE:N`` form."""

    id: str
    household_code: str
    position: int
    name: str

    @property
    def short(self) -> str:
        return f"{self.household_code}:{self.position}"

    def label(self) -> str:
        return f"{self.name} ({self.short})"


def load_household(rt: Runtime, ref: str, *, history: bool = False) -> HouseholdOut:
    """The household page for ``ref`` (code or id) as the acting user sees it."""
    ctx = rt.context()
    with ctx.db.read_session() as session:
        return get_household(
            session, ref=ref, actor=ctx.actor, today=ctx.today(), with_history=history
        )


def member_at(household: HouseholdOut, member_id: str) -> MemberRef | None:
    """``member_id`` as a ``MemberRef`` of ``household``, if it is one of its members."""
    for position, member in enumerate(household.members, start=1):
        if member.id == member_id:
            return _ref(household, position, member)
    return None


def label_of(household: HouseholdOut, member_id: str | None) -> str | None:
    """``Name (CODE:N)`` for a member id of ``household`` (the id itself if not a member)."""
    if member_id is None:
        return None
    found = member_at(household, member_id)
    return found.label() if found else member_id


def _ref(household: HouseholdOut, position: int, member: MemberOut) -> MemberRef:
    return MemberRef(member.id, household.code, position, f"{member.first_name} {member.last_name}")


def resolve_member(
    rt: Runtime, ref: str, *, household: str | None = None, field: str = "individual_id"
) -> MemberRef:
    """A member from an id, ``CODE:N``, or (with ``household`` known) a bare position ``N``."""
    ref = ref.strip()
    match = _POSITIONAL.match(ref)
    if match is not None:
        code, position = household_ref(match["code"]), int(match["n"])
    elif ref.isdigit():
        if household is None:
            raise ValidationFailed(
                [FieldError(field, "NEEDS_HOUSEHOLD_CODE", {"value": ref, "write": "CODE:N"})]
            )
        code, position = household, int(ref)
    else:
        code = household_code_of(rt.db(), individual_id=ref, actor=rt.context().require_actor())
        page = load_household(rt, code)
        found = member_at(page, ref)
        assert found is not None, "a member's household lists it"
        return found
    page = load_household(rt, code)
    if not 1 <= position <= len(page.members):
        raise ValidationFailed(
            [
                FieldError(
                    field,
                    "NO_SUCH_MEMBER",
                    {"value": ref, "members": len(page.members)},
                )
            ]
        )
    return _ref(page, position, page.members[position - 1])


def resolve_optional(
    rt: Runtime, ref: str | None, *, household: str | None, field: str
) -> MemberRef | None:
    return None if ref is None else resolve_member(rt, ref, household=household, field=field)
