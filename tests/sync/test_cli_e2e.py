"""A person with only the CLI: start HQ, add users, connect laptops, edit, sync, see conflicts.

HQ runs as a real `roster server serve` process on a free loopback port.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "field-pass-1"


def roster(
    *args: str, password: str | None = None, check: bool = True, data_dir: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ROSTER_PASSWORD": password or ""}
    argv = [sys.executable, "-m", "app.cli.main", *args]
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    done = subprocess.run(
        argv,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    if check and done.returncode != 0:
        raise AssertionError(
            f"roster {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
        )
    return done


def as_json(done: subprocess.CompletedProcess[str]) -> Any:
    return json.loads(done.stdout)


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[tuple[str, str]]:
    url = f"sqlite:///{tmp_path / 'hq.sqlite'}"
    roster("server", "init", "--db", url)
    roster("server", "add-district", "--db", url, "--code", "D01", "--name", "Kolda")
    roster("server", "add-district", "--db", url, "--code", "D02", "--name", "Sédhiou")
    roster("server", "seed", "--db", url, "--district", "D01", "--households", "40")
    roster("server", "seed", "--db", url, "--district", "D02", "--households", "20")
    # This story is about sync conflicts, not maker-checker: no programme asks for approval.
    for programme in as_json(roster("server", "approvals", "--db", url, "--json")):
        roster("server", "approvals", "--db", url, "--programme", programme, "--require", "")
    for user, district in (("awa", "D01"), ("moussa", "D01"), ("fatou", "D02")):
        roster(
            "server",
            "add-user",
            "--db",
            url,
            "--username",
            user,
            "--role",
            "officer",
            "--district",
            district,
            password=PASSWORD,
        )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app.cli.main",
            "server",
            "serve",
            "--db",
            url,
            "--port",
            str(port),
            "--log-file",
            str(tmp_path / "hq.log"),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            raise RuntimeError("HQ did not start")
        time.sleep(0.1)
    try:
        yield url, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.slow
def test_two_laptops_and_hq_with_the_cli_alone(hq: tuple[str, str], tmp_path: Path) -> None:
    url, base = hq
    a, b, c = tmp_path / "awa", tmp_path / "moussa", tmp_path / "fatou"
    for user, folder in (("awa", a), ("moussa", b), ("fatou", c)):
        out = as_json(
            roster(
                "connect",
                "--server",
                base,
                "--username",
                user,
                "--json",
                password=PASSWORD,
                data_dir=folder,
            )
        )
        assert out["sync"]["pulled"] > 0
    listed = as_json(roster("household", "list", "--limit", "100", "--json", data_dir=a))
    assert len(listed) == 40 and all(h["code"].startswith("D01-") for h in listed)
    assert len(as_json(roster("household", "list", "--json", data_dir=c))) == 20
    code = next(h["code"] for h in listed if h["member_count"] >= 3)
    # Both officers edit the same household offline: different fields, and the same one.
    roster(
        "household",
        "update",
        code,
        "--set",
        "address=Rue 1 (Awa)",
        "--set",
        "landmark=Near the well",
        data_dir=a,
    )
    roster(
        "household",
        "update",
        code,
        "--set",
        "address=Rue 2 (Moussa)",
        "--set",
        "phone=+221770001122",
        data_dir=b,
    )
    show = as_json(roster("household", "show", code, "--json", data_dir=b))
    members = [m for m in show["members"] if m["status"] == "ALIVE"]
    new_head = next(m["id"] for m in members if not m["is_head"])
    other_head = next(m["id"] for m in reversed(members) if not m["is_head"])
    roster("household", "set-head", code, new_head, data_dir=a)
    roster("household", "set-head", code, other_head, data_dir=b)
    first = as_json(roster("sync", "--json", data_dir=a))
    assert first["applied"] == 2 and first["conflicts"] == 0
    second = as_json(roster("sync", "--json", data_dir=b))
    assert second["conflicts"] == 1  # the head of household is guarded
    roster("sync", data_dir=a)
    conflicts = as_json(roster("conflicts", "list", "--json", data_dir=b))
    assert [(x["field"], x["mine_value"], x["theirs_value"]) for x in conflicts] == [
        ("head_id", other_head, new_head)
    ]
    everything = as_json(roster("conflicts", "list", "--all", "--json", data_dir=a))
    assert {x["field"] for x in everything} == {"head_id", "address"}
    for folder in (a, b):
        page = as_json(roster("household", "show", code, "--json", data_dir=folder))
        assert page["landmark"] == "Near the well" and page["phone"] == "+221770001122"
        assert page["address"] == "Rue 2 (Moussa)"  # the later edit of the same field wins
    text_view = roster("conflicts", "list", data_dir=b).stdout
    assert "head_id" in text_view
    roster("conflicts", "resolve", conflicts[0]["id"], "--keep", "mine", data_dir=b)
    roster("sync", data_dir=b)
    roster("sync", data_dir=a)
    for folder in (a, b):
        page = as_json(roster("household", "show", code, "--json", data_dir=folder))
        assert next(m for m in page["members"] if m["is_head"])["id"] == other_head
        assert as_json(roster("conflicts", "list", "--json", data_dir=folder)) == []
    # The other district never saw any of it; HQ lists the three laptops.
    assert code not in roster("household", "list", "--search", code, data_dir=c).stdout
    devices = as_json(roster("server", "devices", "list", "--db", url, "--json"))
    assert sorted(d["username"] for d in devices) == ["awa", "fatou", "moussa"]
    # A revoked laptop's later pushes are refused with a plain message and a non-zero exit.
    laptop_a = next(d["id"] for d in devices if d["username"] == "awa")
    roster("server", "devices", "revoke", laptop_a, "--db", url)
    roster("household", "update", code, "--set", "landmark=after revocation", data_dir=a)
    refused = roster("sync", data_dir=a, check=False)
    assert refused.returncode == 2 and "revoked" in refused.stderr
    assert "Traceback" not in refused.stderr
