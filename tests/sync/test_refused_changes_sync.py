"""A change HQ refused, corrected on the laptop and sent again: HQ takes the new change."""

from __future__ import annotations

from sqlalchemy import text

from app.models import Household
from app.services.context import unit_of_work
from app.services.refused_changes import discard_refused, list_refused, resend_refused
from app.sync.engine import run_sync
from tests.sync.helpers import outbox_statuses, register, value
from tests.sync.hq import Hq


def _refused_move(hq: Hq, laptop, hid: str) -> None:  # noqa: ANN001 - a laptop Database
    # HQ refuses pointing a household of this laptop's district at another district's village.
    with unit_of_work(hq.ctx(laptop)) as s:
        household = s.get(Household, hid)
        assert household is not None
        household.village_id = hq.ids["V201"]
    assert run_sync(laptop).rejected == 1


def test_refused_change_resent_with_a_correction_reaches_hq(hq: Hq) -> None:
    a1 = hq.laptop("a1")
    hid = register(hq.ctx(a1))
    run_sync(a1)
    _refused_move(hq, a1, hid)
    ctx = hq.ctx(a1)
    [refused] = list_refused(a1, actor=ctx.actor)
    assert refused.reason_code == "OUT_OF_SCOPE" and refused.record_exists
    [field] = refused.fields
    assert (field.name, field.kind, field.edit_text) == ("village_id", "reference", "V201")
    assert value(a1, "households", hid, "village_id") == hq.ids["V001"]  # HQ's version back
    resend_refused(ctx, op_id=refused.op_id, values={"village_id": "V002"})
    result = run_sync(a1)
    assert (result.pushed, result.applied, result.rejected) == (1, 1, 0)
    with hq.db.engine.connect() as conn:
        assert conn.execute(text("SELECT village_id FROM households")).scalar() == hq.ids["V002"]
    assert list_refused(a1, actor=ctx.actor) == []
    assert outbox_statuses(a1).get("resent") == 1


def test_discarded_refusal_is_not_sent_again(hq: Hq) -> None:
    a1 = hq.laptop("a1")
    hid = register(hq.ctx(a1))
    run_sync(a1)
    _refused_move(hq, a1, hid)
    ctx = hq.ctx(a1)
    [refused] = list_refused(a1, actor=ctx.actor)
    discard_refused(ctx, op_id=refused.op_id)
    result = run_sync(a1)
    assert (result.pushed, result.rejected) == (0, 0)
    assert list_refused(a1, actor=ctx.actor) == []
    assert value(a1, "households", hid, "village_id") == hq.ids["V001"]
