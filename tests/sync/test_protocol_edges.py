"""Hostile or malformed requests, version skew, HQ restores, cancellation."""

from __future__ import annotations

import gzip
import json

import pytest
import requests
from sqlalchemy import text

from app.errors import Cancelled
from app.sync.engine import run_sync
from app.sync.progress import CancelToken, Progress
from tests.sync.helpers import count, outbox_statuses, register
from tests.sync.hq import Hq


def _token(laptop: object) -> str:
    with laptop.engine.connect() as conn:  # type: ignore[attr-defined]
        return str(conn.execute(text("SELECT value FROM sync_state WHERE key='token'")).scalar())


def _households_at_hq(hq: Hq) -> int:
    with hq.db.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM households")).scalar_one())


def test_hostile_requests_get_4xx_and_write_nothing(hq: Hq) -> None:
    a1 = hq.laptop("a1")
    headers = {"Authorization": f"Bearer {_token(a1)}", "Content-Type": "application/json"}
    push = f"{hq.url}/sync/push"
    cases = [
        ("no token", requests.post(push, data=b"{}")),
        ("bad token", requests.post(push, data=b"{}", headers={"Authorization": "Bearer nope"})),
        ("bad json", requests.post(push, data=b"{not json", headers=headers)),
        (
            "wrong types",
            requests.post(
                push, headers=headers, data=json.dumps({"device_id": 5, "ops": "all of them"})
            ),
        ),
        (
            "bad op",
            requests.post(
                push,
                headers=headers,
                data=json.dumps(
                    {
                        "device_id": "01a20c8c-0000-7000-8000-000000000001",
                        "ops": [{"op_id": "x", "table": "households"}],
                    }
                ),
            ),
        ),
        ("huge body", requests.post(push, headers=headers, data=b"x" * (17 * 1024 * 1024))),
        (
            "zip bomb",
            requests.post(
                push,
                headers={**headers, "Content-Encoding": "gzip"},
                data=gzip.compress(b" " * (80 * 1024 * 1024)),
            ),
        ),
        (
            "bad gzip",
            requests.post(
                push, headers={**headers, "Content-Encoding": "gzip"}, data=b"not gzip at all"
            ),
        ),
        ("negative cursor", requests.get(f"{hq.url}/sync/pull?cursor=-5", headers=headers)),
        ("huge limit", requests.get(f"{hq.url}/sync/pull?limit=999999", headers=headers)),
        ("login garbage", requests.post(f"{hq.url}/auth/login", data=b"\x00\x01")),
    ]
    for name, response in cases:
        assert 400 <= response.status_code < 500, (name, response.status_code, response.text)
        assert "error" in response.json() or "detail" in response.json(), name
    assert _households_at_hq(hq) == 0


def test_a_push_for_another_laptop_is_refused(hq: Hq) -> None:
    a1, a2 = hq.laptop("a1"), hq.laptop("a2")
    with a2.engine.connect() as conn:
        other_device = conn.execute(
            text("SELECT value FROM sync_state WHERE key='device_id'")
        ).scalar()
    response = requests.post(
        f"{hq.url}/sync/push",
        headers={"Authorization": f"Bearer {_token(a1)}"},
        json={"device_id": other_device, "ops": []},
    )
    assert response.status_code == 403


def test_too_old_laptop_still_pushes_but_does_not_pull(
    hq: Hq, monkeypatch: pytest.MonkeyPatch
) -> None:
    a1, a2 = hq.laptop("a1"), hq.laptop("a2")
    register(hq.ctx(a2))
    run_sync(a2)
    monkeypatch.setattr("app.server.api.MIN_CLIENT_SCHEMA", 99)
    register(hq.ctx(a1))
    result = run_sync(a1)
    assert result.applied == 5 and result.pulled == 0
    assert any("update Roster" in m for m in result.messages)
    assert _households_at_hq(hq) == 2 and count(a1, "households") == 1


def test_hq_restored_from_backup_makes_laptops_download_again(hq: Hq) -> None:
    a1 = hq.laptop("a1")
    register(hq.ctx(a1))
    run_sync(a1)
    with hq.db.engine.begin() as conn:
        conn.execute(text("UPDATE server_state SET text_value = 'restored' WHERE key='epoch'"))
    register(hq.ctx(a1))  # work done meanwhile is kept and sent
    result = run_sync(a1)
    assert any("restored" in m for m in result.messages)
    assert result.applied == 5
    assert count(a1, "households") == 2 and _households_at_hq(hq) == 2


def test_cancel_keeps_everything_done_so_far(hq: Hq) -> None:
    a1 = hq.laptop("a1")
    register(hq.ctx(a1))
    token = CancelToken()
    seen: list[Progress] = []

    def progress(p: Progress) -> None:
        seen.append(p)
        if p.stage == "push":
            token.cancel()

    with pytest.raises(Cancelled):
        run_sync(a1, progress=progress, cancel=token)
    assert outbox_statuses(a1) == {"applied": 5}
    assert [p.stage for p in seen][:2] == ["hello", "push"]
    assert run_sync(a1).pushed == 0
