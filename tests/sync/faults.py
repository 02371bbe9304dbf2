"""An in-process transport to the HQ app, and a fault injector wrapped around it.

``InProcessTransport`` is a duck-typed ``app.sync.transport.Transport``: it gzip-encodes the body,
sends it to the FastAPI app through Starlette's ``TestClient`` (no sockets, no threads of our
own), decodes the answer and maps an error answer to ``SyncError`` exactly as the real transport
does. ``FaultyTransport`` wraps it and, at one chosen request of a sync run, loses the request,
loses the answer after HQ committed, cuts the answer mid-body, kills the laptop before or after
HQ handled the request, or lets HQ apply only part of a push batch before the link dies. It can
counts the requests of a run (with prefetching, pull pages are requested from a worker thread).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.sync.transport import ServerUnreachable, SyncError
from app.sync.wire import decode, encode

with warnings.catch_warnings():
    # Starlette warns that it would prefer ``httpx2``; pytest turns warnings into errors.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


class LaptopKilled(Exception):  # noqa: N818 - it is an event, not an error of the code
    """The laptop process died (power cut, task manager) at this point of a sync."""


class Fault(StrEnum):
    NONE = "none"
    #: The request never reaches HQ.
    LOST_REQUEST = "lost_request"
    #: HQ handles (and commits) the request; the answer never arrives.
    LOST_RESPONSE = "lost_response"
    #: HQ produces the answer; the link drops halfway through the body.
    CUT_BODY = "cut_body"
    #: The laptop dies just before sending (e.g. between two pull pages).
    KILL_BEFORE = "kill_before"
    #: HQ commits; the laptop dies before storing the answer.
    KILL_AFTER = "kill_after"
    #: HQ applies only the first client transactions of a push batch, then the link dies.
    PARTIAL_BATCH = "partial_batch"


class InProcessTransport:
    """Requests to the HQ FastAPI app, in process; behaves like ``Transport``."""

    def __init__(self, client: TestClient, token: str | None = None) -> None:
        self.client = client
        self.token = token
        self.bytes_sent = 0
        self.bytes_received = 0

    def exchange(
        self, method: str, path: str, *, body: Any = None, params: dict[str, Any] | None = None
    ) -> tuple[int, bytes]:
        """Send one request; returns (status, gzip body) as they would travel on the wire."""
        data = encode(body) if body is not None else None
        headers = {"Accept-Encoding": "gzip"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if data is not None:
            headers["Content-Encoding"] = "gzip"
            headers["Content-Type"] = "application/json"
        response = self.client.request(method, path, content=data, params=params, headers=headers)
        # httpx already inflated the body; put it back in its wire form (gzip JSON).
        raw = encode(response.json()) if response.content else b""
        self.bytes_sent += len(data or b"")
        self.bytes_received += len(raw)
        return response.status_code, raw

    @staticmethod
    def interpret(status: int, raw: bytes) -> Any:
        """The decoded answer, or ``SyncError`` for an unreadable body or an error status."""
        try:
            payload = decode(raw) if raw else {}
        except (ValueError, EOFError) as exc:
            raise SyncError(f"HQ sent an unreadable answer ({exc})") from exc
        if status >= 400:
            error = payload.get("error", {}) if isinstance(payload, dict) else {}
            raise SyncError(
                error.get("message") or f"HQ answered {status}",
                code=error.get("code") or f"HTTP_{status}",
            )
        return payload

    def request(
        self, method: str, path: str, *, body: Any = None, params: dict[str, Any] | None = None
    ) -> Any:
        status, raw = self.exchange(method, path, body=body, params=params)
        return self.interpret(status, raw)

    def close(self) -> None:
        pass


def _groups_prefix(ops: list[dict[str, Any]], groups: int) -> list[dict[str, Any]]:
    """The ops of the first ``groups`` client transactions (HQ applies one group at a time)."""
    kept: list[dict[str, Any]] = []
    seen: list[str] = []
    for op in sorted(ops, key=lambda o: o["device_seq"]):
        if op["client_tx_id"] not in seen:
            if len(seen) == groups:
                break
            seen.append(op["client_tx_id"])
        kept.append(op)
    return kept


@dataclass
class FaultPlan:
    """One fault at request number ``at`` (0 = hello) of one sync run."""

    fault: Fault = Fault.NONE
    at: int = 0


@dataclass
class FaultyTransport:
    """Wraps an ``InProcessTransport``; fires ``plan`` once, counting requests from 0."""

    inner: InProcessTransport
    plan: FaultPlan
    requests: list[str] = field(default_factory=list)
    fired: Fault | None = None

    @property
    def token(self) -> str | None:
        return self.inner.token

    @token.setter
    def token(self, value: str | None) -> None:  # connect() sets it after signing in
        self.inner.token = value

    @property
    def bytes_sent(self) -> int:
        return self.inner.bytes_sent

    @property
    def bytes_received(self) -> int:
        return self.inner.bytes_received

    def close(self) -> None:
        self.inner.close()

    def request(
        self, method: str, path: str, *, body: Any = None, params: dict[str, Any] | None = None
    ) -> Any:
        index = len(self.requests)
        self.requests.append(f"{method} {path}")
        plan = self.plan
        if index != plan.at or plan.fault == Fault.NONE:
            return self.inner.request(method, path, body=body, params=params)
        fault = plan.fault
        self.fired = fault
        if fault == Fault.LOST_REQUEST:
            raise ServerUnreachable("injected: the request was lost")
        if fault == Fault.KILL_BEFORE:
            raise LaptopKilled(f"injected: killed before {method} {path}")
        if fault == Fault.PARTIAL_BATCH and path == "/sync/push" and body and body["ops"]:
            groups = len({op["client_tx_id"] for op in body["ops"]})
            partial = {**body, "ops": _groups_prefix(body["ops"], max(0, groups // 2))}
            if partial["ops"]:
                self.inner.exchange(method, path, body=partial, params=params)
            raise ServerUnreachable("injected: HQ stopped halfway through the batch")
        status, raw = self.inner.exchange(method, path, body=body, params=params)
        if fault == Fault.KILL_AFTER:
            raise LaptopKilled(f"injected: killed after HQ answered {method} {path}")
        if fault == Fault.CUT_BODY and raw:
            # What a dropped link leaves in the buffer: the first part of the gzip stream.
            return self.inner.interpret(status, raw[: max(1, len(raw) // 2)])
        raise ServerUnreachable("injected: the answer was lost")
