"""An officer saving while a pulled page is being written waits for it instead of failing."""

from __future__ import annotations

import threading
import time

from sqlalchemy import text

from app.services.households import update_household
from app.sync.apply import remote_connection
from tests.sync.helpers import register, value
from tests.sync.hq import Hq


def test_save_during_page_write_waits(hq: Hq) -> None:
    a1 = hq.laptop("a1")
    hid = register(hq.ctx(a1))
    started, done = threading.Event(), threading.Event()

    def writing_a_page() -> None:
        with remote_connection(a1) as conn:
            conn.execute(text("SELECT count(*) FROM households")).scalar()  # reads first...
            started.set()
            time.sleep(0.5)
            conn.execute(text("UPDATE sync_state SET value = value WHERE key = 'device_id'"))
        done.set()

    worker = threading.Thread(target=writing_a_page)
    worker.start()
    started.wait(5)
    update_household(hq.ctx(a1), household_ref=hid, changes={"landmark": "saved meanwhile"})
    worker.join(10)
    assert done.is_set()  # the page's transaction was not broken by the save
    assert value(a1, "households", hid, "landmark") == "saved meanwhile"
