"""On PostgreSQL, pulls running during concurrent pushes never skip a change that commits late."""

from __future__ import annotations

import contextlib
import threading
import time

import pytest
from sqlalchemy import text

from app.sync.engine import SyncResult, pull, run_sync, transport_for
from app.sync.transport import SyncError
from tests.sync.helpers import count, register
from tests.sync.hq import Hq

PUSHERS = 3
HOUSEHOLDS_EACH = 12


@pytest.mark.slow
def test_concurrent_pushes_and_pulls_lose_nothing(any_hq: Hq) -> None:
    pushers = [any_hq.laptop("a1", f"pusher{i}") for i in range(PUSHERS)]
    reader = any_hq.laptop("a2", "reader")
    errors: list[BaseException] = []
    done = threading.Event()

    def push_loop(laptop_index: int) -> None:
        laptop = pushers[laptop_index]
        try:
            for _ in range(HOUSEHOLDS_EACH):
                register(any_hq.ctx(laptop))
                run_sync(laptop)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    def pull_loop() -> None:
        transport = transport_for(reader)
        try:
            while not done.is_set():
                # A busy SQLite HQ may refuse briefly; the cursor then stays put.
                with contextlib.suppress(SyncError):
                    pull(reader, transport, SyncResult(), page_size=3)
                time.sleep(0.005)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            transport.close()

    threads = [threading.Thread(target=push_loop, args=(i,)) for i in range(PUSHERS)]
    watcher = threading.Thread(target=pull_loop)
    watcher.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    watcher.join()
    assert errors == []
    # One last pull: a change skipped earlier (committed below the cursor) would never arrive.
    run_sync(reader)
    expected = PUSHERS * HOUSEHOLDS_EACH
    with any_hq.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM households")).scalar() == expected
        seqs = [s for (s,) in conn.execute(text("SELECT seq FROM sync_rows ORDER BY seq"))]
    assert len(seqs) == len(set(seqs))
    assert count(reader, "households") == expected
    assert count(reader, "individuals") == expected * 4
