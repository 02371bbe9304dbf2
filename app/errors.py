"""Error types shared by services, CLI, sync and UI; codes, never English, cross the layers."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any


class AppError(Exception):
    """Base class for every error Roster raises on purpose."""

    code: str = "APP_ERROR"

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        super().__init__(message or self.code)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


@dataclass(frozen=True)
class FieldError:
    """One validation failure: the field it concerns, a stable code and parameters for the text."""

    field: str
    code: str
    params: dict[str, Any] = dataclass_field(default_factory=dict)

    def describe(self) -> str:
        extra = ", ".join(f"{k}={v}" for k, v in self.params.items())
        return f"{self.field}: {self.code}" + (f" ({extra})" if extra else "")


class ValidationFailed(AppError):
    """Input broke one or more rules; nothing was written."""

    code = "VALIDATION_FAILED"

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(e.describe() for e in self.errors))


class NotFound(AppError):
    """The record asked for does not exist (or is deleted, or outside the user's scope)."""

    code = "NOT_FOUND"


class InvalidTransition(AppError):
    """A status change that the state machine does not allow."""

    code = "INVALID_TRANSITION"


class PermissionDenied(AppError):
    """The acting user's role or scope does not allow this."""

    code = "PERMISSION_DENIED"


class AuthenticationFailed(AppError):
    """Wrong user name or password."""

    code = "AUTH_FAILED"


class DatabaseTooNew(AppError):
    """The database was written by a newer Roster; this build will not touch it."""

    code = "DATABASE_TOO_NEW"


class UntrackedWrite(AppError):
    """Synced data was written outside the change-recording path (a programming error)."""

    code = "UNTRACKED_WRITE"


class Cancelled(AppError):
    """A long operation was cancelled by the user."""

    code = "CANCELLED"


class ApprovalRequired(AppError):
    """The change needs a checker's approval under the programme's rules: submit a request."""

    code = "NEEDS_APPROVAL"
