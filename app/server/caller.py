"""Who is calling the server: the authenticated user, device and district scope."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.vocab import Role


class Reject(Exception):
    """An op (and its whole client transaction) is refused, with a stable reason code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Caller:
    """The authenticated user and device; ``districts`` None means every district (HQ)."""

    user_id: str
    username: str
    role: str
    device_id: str
    device_name: str
    districts: frozenset[str] | None

    def in_scope(self, district_id: str | None) -> bool:
        """True if the caller may read and write rows of ``district_id`` (None: global rows)."""
        return self.districts is None or district_id is None or district_id in self.districts

    @property
    def label(self) -> str:
        return f"{self.username} ({self.device_name})"

    def may_resolve(self) -> bool:
        return self.role in (Role.OFFICER, Role.SUPERVISOR, Role.HQ_ADMIN)

    def may_write(self) -> bool:
        return self.role != Role.VIEWER
