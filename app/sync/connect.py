"""First contact with HQ: sign in, register this laptop, download its district."""

from __future__ import annotations

import platform
from dataclasses import dataclass

from sqlalchemy import func, select

import app
from app.errors import AppError
from app.models.db import Database
from app.models.recorder import REMOTE_KEY
from app.models.registry import Household
from app.models.user import User
from app.services.auth import SIGNED_IN_KEY
from app.services.context import ensure_device_id, get_state, set_state
from app.sync.engine import SyncResult, run_sync
from app.sync.progress import CancelToken, ProgressCallback
from app.sync.transport import Transport


@dataclass(frozen=True)
class ConnectResult:
    username: str
    role: str
    district_code: str | None
    device_id: str
    sync: SyncResult


def connect(
    db: Database,
    *,
    server_url: str,
    username: str,
    password: str,
    device_name: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ConnectResult:
    """Sign in at HQ, register this laptop and pull its district into ``db``.

    A data directory holds one HQ's data: connecting a directory that already has households
    from elsewhere (e.g. the demo) is refused rather than mixing the two.
    """
    with db.read_session() as s:
        known_url = get_state(s, "server_url")
        households = s.scalar(select(func.count()).select_from(Household)) or 0
    if households and known_url != server_url.rstrip("/"):
        raise AppError(
            "this data directory already holds another district's data; "
            "use a new --data-dir to connect",
            code="DATA_DIR_IN_USE",
        )
    device_id = ensure_device_id(db)
    transport = Transport(server_url)
    answer = transport.request(
        "POST",
        "/auth/login",
        body={
            "username": username,
            "password": password,
            "device_id": device_id,
            "device_name": (device_name or platform.node() or "laptop")[:120],
            "app_version": app.__version__,
        },
    )
    transport.token = answer["token"]
    user = answer["user"]
    with db.write_session() as s, s.begin():
        set_state(s, "server_url", server_url.rstrip("/"))
        set_state(s, "token", answer["token"])
        set_state(s, "token_expires_at", answer["expires_at"])
        set_state(s, SIGNED_IN_KEY, user["id"])
        if answer.get("district"):
            set_state(s, "district_id", answer["district"]["id"])
            set_state(s, "district_code", answer["district"]["code"])
    try:
        result = run_sync(db, transport=transport, progress=progress, cancel=cancel)
    finally:
        transport.close()
    _remember_user(db, user)
    district = answer.get("district") or {}
    return ConnectResult(user["username"], user["role"], district.get("code"), device_id, result)


def _remember_user(db: Database, user: dict[str, str]) -> None:
    """Keep the signed-in user's hash for offline sign-in (HQ-wide users are not pulled)."""
    with db.write_session() as s, s.begin():
        s.info[REMOTE_KEY] = True  # HQ's facts, not local edits: nothing to push back
        local = s.get(User, user["id"])
        if local is None:
            s.add(
                User(
                    id=user["id"],
                    username=user["username"],
                    full_name=user["full_name"],
                    role=user["role"],
                    district_id=user["district_id"],
                    password_hash=user["password_hash"],
                )
            )
        else:
            local.password_hash = user["password_hash"]
