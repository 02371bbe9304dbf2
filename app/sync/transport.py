"""HTTP to HQ with requests: gzip both ways, timeouts, retries with backoff, plain-word errors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

import app
from app.errors import AppError
from app.sync.wire import decode, encode

#: (connect, read) timeouts in seconds: fail fast on a dead link, be patient with big pages.
TIMEOUTS = (10, 120)


class SyncError(AppError):
    """Sync failed; ``code`` says why in a way the CLI and UI can explain."""

    code = "SYNC_FAILED"


class ServerUnreachable(SyncError):
    code = "SERVER_UNREACHABLE"


@dataclass
class Transport:
    """A session to one HQ server; every call is idempotent, so retrying is always safe."""

    base_url: str
    token: str | None = None
    retries: int = 4

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        self.session = requests.Session()
        retry = Retry(
            total=self.retries,
            connect=self.retries,
            read=self.retries,
            status=self.retries,
            backoff_factor=0.5,
            backoff_jitter=0.3,
            status_forcelist=(502, 503, 504),
            allowed_methods=None,
            respect_retry_after_header=False,
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers["User-Agent"] = f"roster/{app.__version__}"
        self.bytes_sent = 0
        self.bytes_received = 0

    def _headers(self, gzipped_body: bool) -> dict[str, str]:
        headers = {"Accept-Encoding": "gzip"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if gzipped_body:
            headers["Content-Encoding"] = "gzip"
            headers["Content-Type"] = "application/json"
        return headers

    def request(
        self, method: str, path: str, *, body: Any = None, params: dict[str, Any] | None = None
    ) -> Any:
        """Send ``body`` as gzip JSON, return the decoded JSON answer or raise ``SyncError``."""
        data = encode(body) if body is not None else None
        try:
            response = self.session.request(
                method,
                self.base_url + path,
                data=data,
                params=params,
                timeout=TIMEOUTS,
                headers=self._headers(data is not None),
                stream=True,
            )
            raw = response.raw.read(decode_content=False)
        except requests.ConnectionError as exc:
            raise ServerUnreachable(
                f"cannot reach HQ at {self.base_url}: check the connection and try again"
            ) from exc
        except (requests.Timeout, OSError) as exc:
            raise ServerUnreachable(
                f"HQ did not answer in time ({exc.__class__.__name__})"
            ) from exc
        except urllib3.exceptions.HTTPError as exc:
            # Reading the body: urllib3's own errors (link cut mid-answer, read timeout) are not
            # wrapped by requests when the raw stream is read directly.
            raise ServerUnreachable(
                f"the connection to HQ broke during the answer ({exc.__class__.__name__})"
            ) from exc
        self.bytes_sent += len(data or b"")
        self.bytes_received += len(raw)
        gzipped = response.headers.get("Content-Encoding", "").lower() == "gzip"
        try:
            payload = decode(raw, compressed=gzipped) if raw else {}
        except ValueError as exc:
            raise SyncError(f"HQ sent an unreadable answer ({exc})") from exc
        if response.status_code >= 400:
            error = payload.get("error", {}) if isinstance(payload, dict) else {}
            raise SyncError(
                error.get("message") or f"HQ answered {response.status_code}",
                code=error.get("code") or f"HTTP_{response.status_code}",
            )
        return payload

    def close(self) -> None:
        self.session.close()
