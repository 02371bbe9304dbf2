"""Sync converges under faults: a Hypothesis state machine with three laptops and HQ (§4.16).

Three laptops (a1, a2 in D01, b1 in D02) and HQ make random edits (plain fields, guarded fields,
enrolment status, tombstones, edits HQ must refuse, duplicate enrolments), HQ transfers households
between districts, laptops resolve conflicts, clocks jump by days, and laptops sync over a link
that loses requests, loses answers after HQ committed, cuts pages mid-body, kills the laptop
between HQ's commit and the laptop storing the answer or between pull pages, or lets HQ apply
only half a batch, sometimes with the officer editing while the sync runs.

After every step: pull cursors never move back and never pass HQ's sequence; no laptop holds
another district's rows. At the end the links heal and every laptop syncs until nothing moves
(resolving open conflicts with a fixed policy between rounds); then:

1. convergence: each laptop holds exactly HQ's rows of its district plus the global rows, every
   column equal in wire form (versions and sequences included: nothing is pending any more);
2. no lost acknowledged write: every op a laptop holds as applied is applied at HQ, every field of
   it is in HQ's history (or was explicitly held or lost to a later edit), and replaying that
   history gives HQ's final values;
3. no duplicates: one HQ audit entry per (op, field), one row per id, one enrolment per
   (household, programme), no op HQ knows that its laptop never sent;
4. scope: laptops hold only their district (moved households leave the old district's laptops),
   open conflicts are visible to the district that holds the row, and no laptop write lands on
   a row that had left its district before the laptop made the write;
5. guarded fields: no write based on an older version overwrote another device's value of a
   guarded field, and no resolution replaced a value its conflict did not show.

Run longer with ROSTER_STATEFUL_EXAMPLES=500 ROSTER_STATEFUL_STEPS=60 (nightly soak).
"""

from __future__ import annotations

import os
from collections import defaultdict
from typing import Any

import pytest
from hypothesis import HealthCheck, event, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import select, text

from app.domain.transitions import check_transition
from app.domain.vocab import EnrolmentStatus
from app.errors import AppError
from app.models import Enrolment, Household
from app.server import admin
from app.server.hq_writes import hq_unit_of_work
from app.services.conflicts import list_conflicts, resolve_conflict
from app.services.context import unit_of_work
from app.services.households import update_household
from app.services.members import set_head, set_recipient
from app.sync.progress import Progress
from app.sync.transport import SyncError
from tests.sync import model
from tests.sync.faults import Fault, FaultPlan, LaptopKilled
from tests.sync.helpers import enrol, register
from tests.sync.model import DAY_MS, LAPTOPS, VILLAGES, World

EXAMPLES = int(os.environ.get("ROSTER_STATEFUL_EXAMPLES", "25"))
#: Open bugs (see test_stateful_regressions.py, xfail strict). Their symptoms are counted as
#: Hypothesis events instead of failing the machine, unless ROSTER_STATEFUL_STRICT=1. When a
#: regression test starts passing, delete its entry here.
KNOWN_BUGS: dict[str, str] = {}
STRICT = os.environ.get("ROSTER_STATEFUL_STRICT") == "1"
STEPS = int(os.environ.get("ROSTER_STATEFUL_STEPS", "30"))
MAX_QUIESCE_ROUNDS = 8

NAMES = st.sampled_from(sorted(LAPTOPS))
PICK = st.integers(0, 5)  # small: laptops and HQ often pick the same household
PLAIN = st.sampled_from(
    [
        ("address", "Rue 1"),
        ("address", "Rue 2"),
        ("landmark", "Puits"),
        ("landmark", "Mosquée"),
        ("phone", "+221770000011"),
        ("phone", "+221770000022"),
    ]
)
FAULTS = st.sampled_from(list(Fault))
#: Pull page sizes; the largest is the engine's own default, i.e. ``run_sync`` itself.
PAGES = st.sampled_from([1, 2, 3, 7, 5000])
ROLES = st.tuples(st.sampled_from(["head", "recipient"]), st.integers(0, 3))
EDIT_DURING = st.one_of(st.none(), st.tuples(st.integers(1, 4), PICK, st.one_of(PLAIN, ROLES)))
PROGRAMMES = st.sampled_from(["CT-UNC", "PW"])
STATUSES = st.sampled_from([EnrolmentStatus.ACTIVE, EnrolmentStatus.SUSPENDED])


def tolerated(kind: str) -> bool:
    """True if a symptom of the open bug ``kind`` is to be tolerated (it is still counted).

    Kinds checked: "stale-theirs" (a resolution replaced a value its conflict did not show),
    "conflict-scope" (a conflict not following its transferred row), "refused-child-insert" (a
    record HQ refused to create left on its laptop). Unlisted kinds fail the machine.
    """
    if kind not in KNOWN_BUGS or STRICT:
        return False
    event(f"known bug {kind}")
    return True


class SyncMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.world = World.fresh()
        self.households: list[str] = []  # every household ever registered, in order
        self.cursors = {name: lp.cursor() for name, lp in self.world.laptops.items()}
        self.hq: list[model.Write] = []  # HQ's own field writes, seen as row diffs
        self.resolve_base: dict[str, int] = {}  # resolve op -> the laptop's cursor when made
        self.hq_user = self.world.ids["user:hq"]

    def teardown(self) -> None:
        self.quiesce_and_check()

    # -- helpers ---------------------------------------------------------------------------

    def _laptop_households(self, name: str) -> list[str]:
        with self.world.laptops[name].db.engine.connect() as conn:
            present = {
                r for (r,) in conn.execute(text("SELECT id FROM households WHERE NOT deleted"))
            }
        return [h for h in self.households if h in present]

    def _household(self, name: str, pick: int) -> str | None:
        found = self._laptop_households(name)
        return found[pick % len(found)] if found else None

    def _members(self, name: str, household: str) -> list[str]:
        with self.world.laptops[name].db.engine.connect() as conn:
            return [
                r
                for (r,) in conn.execute(
                    text(
                        "SELECT id FROM individuals WHERE household_id=:h AND NOT deleted "
                        "AND status='ALIVE' ORDER BY id"
                    ),
                    {"h": household},
                )
            ]

    def _plain_edit(self, name: str, pick: int, change: tuple[str, str]) -> None:
        household = self._household(name, pick)
        if household is None:
            return
        try:
            update_household(
                self.world.laptops[name].ctx(),
                household_ref=household,
                changes={change[0]: change[1]},
            )
        except AppError as exc:
            note(f"{name} edit refused: {exc.code}")

    def _role_edit(self, name: str, pick: int, role: tuple[str, int]) -> None:
        household = self._household(name, pick)
        members = self._members(name, household) if household else []
        if not household or not members:
            return
        ctx = self.world.laptops[name].ctx()
        person = members[role[1] % len(members)]
        try:
            if role[0] == "recipient":
                set_recipient(ctx, household_ref=household, individual_id=person)
            else:
                set_head(ctx, household_ref=household, individual_id=person)
        except AppError as exc:
            note(f"{name} role change refused: {exc.code}")

    def _edit(self, name: str, pick: int, what: tuple[str, Any]) -> None:
        if what[0] in ("head", "recipient"):
            self._role_edit(name, pick, what)
        else:
            self._plain_edit(name, pick, what)

    def _hq_action(self, action: Any) -> None:
        before = model.snapshot(self.world.server)
        try:
            action()
        except AppError as exc:
            note(f"HQ action refused: {exc.code}")
        self.hq += model.hq_writes(before, model.snapshot(self.world.server))

    def _server_households(self) -> list[tuple[str, str, str]]:
        with self.world.server.engine.connect() as conn:
            found = {
                r[0]: (r[0], r[1], r[2])
                for r in conn.execute(
                    text("SELECT id, code, district_id FROM households WHERE NOT deleted")
                )
            }
        return [found[h] for h in self.households if h in found]

    def _resolve(self, name: str, conflict_id: str, resolution: str) -> None:
        laptop = self.world.laptops[name]
        before = {op.op_id for op in model.outbox(laptop)}
        resolve_conflict(laptop.ctx(), conflict_id=conflict_id, resolution=resolution)
        for op in model.outbox(laptop):
            if op.op_id not in before:
                self.resolve_base[op.op_id] = laptop.cursor()

    # -- laptop rules ------------------------------------------------------------------------

    @initialize()
    def some_shared_households(self) -> None:
        """Every example starts with an enrolled household per laptop that its district knows."""
        for name in sorted(LAPTOPS):
            self.register_household(name, 0)
            self.enrol_household(name, 0, "CT-UNC")
        for _ in range(2):
            for laptop in self.world.laptops.values():
                model.sync(laptop, self.world.transport(laptop), page_size=5000)

    @rule(name=NAMES, village=st.integers(0, 2))
    def register_household(self, name: str, village: int) -> None:
        laptop = self.world.laptops[name]
        codes = VILLAGES[LAPTOPS[name]]
        self.households.append(register(laptop.ctx(), village=codes[village % len(codes)]))

    @rule(name=NAMES, pick=PICK, change=PLAIN)
    def edit_plain_field(self, name: str, pick: int, change: tuple[str, str]) -> None:
        self._plain_edit(name, pick, change)

    @rule(name=NAMES, pick=PICK, role=ROLES)
    def edit_guarded_role(self, name: str, pick: int, role: tuple[str, int]) -> None:
        self._role_edit(name, pick, role)

    @rule(
        pick=PICK,
        kind=st.sampled_from(["head", "recipient"]),
        first=st.integers(0, 3),
        second=st.integers(0, 3),
    )
    def rival_role_edits(self, pick: int, kind: str, first: int, second: int) -> None:
        """Both D01 laptops change the same guarded field of the same household offline."""
        self._role_edit("a1", pick, (kind, first))
        self._role_edit("a2", pick, (kind, second))

    @rule(name=NAMES, pick=PICK, programme=PROGRAMMES)
    def enrol_household(self, name: str, pick: int, programme: str) -> None:
        household = self._household(name, pick)
        if household is None:
            return
        laptop = self.world.laptops[name]
        with laptop.db.read_session() as s:
            exists = s.scalar(
                select(Enrolment.id).where(
                    Enrolment.household_id == household,
                    Enrolment.programme_id == self.world.ids[programme],
                )
            )
        if exists is None:  # two laptops may still enrol it concurrently: twins at HQ
            enrol(laptop.ctx(), household, self.world.ids[programme], laptop.district_id)

    @rule(name=NAMES, pick=PICK, status=STATUSES)
    def set_enrolment_status(self, name: str, pick: int, status: str) -> None:
        household = self._household(name, pick)
        if household is None:
            return
        try:
            with unit_of_work(self.world.laptops[name].ctx()) as s:
                enrolment = s.scalars(
                    select(Enrolment)
                    .where(Enrolment.household_id == household, ~Enrolment.deleted)
                    .order_by(Enrolment.id)
                ).first()
                if enrolment is None or enrolment.status == status:
                    return
                check_transition(EnrolmentStatus, enrolment.status, status)
                enrolment.status = status
                enrolment.status_reason = "FIELD_VISIT" if status != "ACTIVE" else None
        except AppError as exc:
            note(f"{name} status change refused: {exc.code}")

    @rule(name=NAMES, pick=PICK)
    def tombstone_household(self, name: str, pick: int) -> None:
        household = self._household(name, pick)
        if household is None:
            return
        with unit_of_work(self.world.laptops[name].ctx()) as s:
            row = s.get(Household, household)
            assert row is not None
            row.deleted = True

    @rule(name=NAMES, pick=PICK)
    def edit_hq_will_refuse(self, name: str, pick: int) -> None:
        """Point a household at another district's village: HQ rejects, the laptop restores."""
        household = self._household(name, pick)
        if household is None:
            return
        other = "V201" if LAPTOPS[name] == "D01" else "V001"
        with unit_of_work(self.world.laptops[name].ctx()) as s:
            row = s.get(Household, household)
            assert row is not None
            row.village_id = self.world.ids[other]

    @rule(name=NAMES, pick=PICK, keep_mine=st.booleans())
    def resolve_one_conflict(self, name: str, pick: int, keep_mine: bool) -> None:
        laptop = self.world.laptops[name]
        open_ = sorted(list_conflicts(laptop.ctx()), key=lambda c: c.id)
        if not open_:
            return
        conflict = open_[pick % len(open_)]
        try:
            self._resolve(name, conflict.id, "keep_mine" if keep_mine else "take_theirs")
        except AppError as exc:
            note(f"{name} resolution refused: {exc.code}")

    @rule(name=NAMES, days=st.integers(-5, 5), hours=st.integers(0, 23))
    def skew_clock(self, name: str, days: int, hours: int) -> None:
        self.world.laptops[name].clock_offset_ms = days * DAY_MS + hours * 3600 * 1000

    @rule(name=NAMES, fault=FAULTS, at=st.integers(0, 4), page=PAGES, during=EDIT_DURING)
    def sync(
        self,
        name: str,
        fault: Fault,
        at: int,
        page: int,
        during: tuple[int, int, tuple[str, Any]] | None,
    ) -> None:
        """Sync over a faulty link; ``during``: the officer edits after the n-th batch/page."""
        laptop = self.world.laptops[name]
        progress = None
        if during is not None:
            edit_at, pick, what = during
            seen: list[Progress] = []

            def progress(p: Progress) -> None:
                if p.stage in ("push", "pull"):
                    seen.append(p)
                    if len(seen) == edit_at:
                        self._edit(name, pick, what)

        transport = self.world.transport(laptop, FaultPlan(fault, at))
        try:
            result = model.sync(laptop, transport, page_size=page, progress=progress)
        except (SyncError, LaptopKilled) as exc:
            note(f"{name} sync failed at {transport.requests[-1]}: {exc}")
            event(f"fault {fault} at {transport.requests[-1]}")
        else:
            for what in ("conflicts", "rejected", "removed", "rebased"):
                if getattr(result, what):
                    event(f"sync {what}")
            assert transport.fired in (None, Fault.NONE), f"{fault} fired but the sync succeeded"

    @rule(name=NAMES, page=PAGES)
    def sync_cleanly(self, name: str, page: int) -> None:
        laptop = self.world.laptops[name]
        model.sync(laptop, self.world.transport(laptop), page_size=page)

    @rule()
    def sync_everyone(self) -> None:
        for laptop in self.world.laptops.values():
            model.sync(laptop, self.world.transport(laptop), page_size=5000)

    @rule(name=NAMES, pick=PICK, mine=STATUSES, theirs=STATUSES)
    def rival_status_edits(self, name: str, pick: int, mine: str, theirs: str) -> None:
        """A laptop and HQ change the same enrolment's status (guarded) without seeing each
        other's change."""
        household = self._household(name, pick)
        if household is None:
            return
        self.set_enrolment_status(name, pick, mine)
        self._hq_status(household, theirs)

    # -- HQ rules --------------------------------------------------------------------------

    @rule(pick=PICK, village=st.integers(0, 2))
    def hq_transfer(self, pick: int, village: int) -> None:
        households = self._server_households()
        if not households:
            return
        _id, code, district = households[pick % len(households)]
        target = VILLAGES["D02"] if district == self.world.ids["D01"] else VILLAGES["D01"]
        self._hq_action(
            lambda: admin.transfer_household(
                self.world.server,
                household_code=code,
                village_code=target[village % len(target)],
                address=f"moved {pick}",
                user_id=self.hq_user,
            )
        )

    @rule(pick=PICK, address=st.sampled_from(["HQ 1", "Rue 1"]))
    def hq_edit_address(self, pick: int, address: str) -> None:
        households = self._server_households()
        if not households:
            return
        household_id = households[pick % len(households)][0]

        def edit() -> None:
            with hq_unit_of_work(self.world.server, user_id=self.hq_user) as s:
                row = s.get(Household, household_id)
                assert row is not None
                row.address = address

        self._hq_action(edit)

    @rule(pick=PICK, status=STATUSES)
    def hq_set_enrolment_status(self, pick: int, status: str) -> None:
        households = self._server_households()
        if households:
            self._hq_status(households[pick % len(households)][0], status)

    def _hq_status(self, household_id: str, status: str) -> None:
        def edit() -> None:
            with hq_unit_of_work(self.world.server, user_id=self.hq_user) as s:
                enrolment = s.scalars(
                    select(Enrolment)
                    .where(Enrolment.household_id == household_id)
                    .order_by(Enrolment.id)
                ).first()
                if enrolment is None or enrolment.status == status:
                    return
                check_transition(EnrolmentStatus, enrolment.status, status)
                enrolment.status = status
                enrolment.status_reason = "HQ_REVIEW" if status != "ACTIVE" else None

        self._hq_action(edit)

    # -- per-step invariants -----------------------------------------------------------------

    @invariant()
    def cursors_monotonic_and_laptops_in_scope(self) -> None:
        top = self.world.server_seq()
        for name, laptop in self.world.laptops.items():
            with laptop.db.engine.connect() as conn:
                cursor = int(
                    conn.execute(
                        text(
                            "SELECT coalesce((SELECT value FROM sync_state "
                            "WHERE key='pull_cursor'), 0)"
                        )
                    ).scalar_one()
                )
                stray = [
                    (table, *row)
                    for table in ("households", "individuals", "enrolments", "sync_conflicts")
                    for row in conn.execute(
                        text(f"SELECT id, district_id FROM {table} WHERE district_id != :d"),
                        {"d": laptop.district_id},
                    )
                ]
            assert self.cursors[name] <= cursor <= top, (name, self.cursors[name], cursor, top)
            self.cursors[name] = cursor
            if stray and all(t == "sync_conflicts" for t, *_ in stray):
                # A conflict re-indexed under the household's new district keeps its old
                # district_id (conflicts do not move with transfers).
                stray = [] if tolerated("conflict-scope") else stray
            assert not stray, f"{name} holds rows of another district: {stray}"

    # -- the end: heal, drain, compare -------------------------------------------------------

    def _open_conflicts_visible_to_their_district(self) -> list[str]:
        server = self.world.server
        problems: list[str] = []
        conflicts = model.rows(server.engine, model.CONFLICTS)
        idx = model.index(server)
        for c in conflicts.values():
            if c["status"] != "open":
                continue
            row = idx.get((c["table_name"], c["row_id"]))
            if row is not None and row[0] != c["district_id"] and not tolerated("conflict-scope"):
                problems.append(
                    f"open conflict {c['id'][:8]} on {c['table_name']} "
                    f"{c['row_id'][:8]}.{c['field']} is shown to district "
                    f"{c['district_id'][:8]} but the row is in {str(row[0])[:8]}"
                )
        return problems

    def quiesce_and_check(self) -> None:
        problems: list[str] = []
        rounds = 0
        while True:
            rounds += 1
            assert rounds <= MAX_QUIESCE_ROUNDS, f"no quiescence after {MAX_QUIESCE_ROUNDS} rounds"
            problems += self._open_conflicts_visible_to_their_district()
            moved = False
            for laptop in self.world.laptops.values():
                result = model.sync(laptop, self.world.transport(laptop), page_size=5000)
                moved = moved or bool(result.pushed or result.pulled or result.removed)
            resolved = 0
            for name, laptop in self.world.laptops.items():
                for i, conflict in enumerate(
                    sorted(list_conflicts(laptop.ctx()), key=lambda c: c.id)
                ):
                    try:
                        self._resolve(name, conflict.id, ("take_theirs", "keep_mine")[i % 2])
                        resolved += 1
                    except AppError as exc:
                        note(f"quiesce: {name} could not resolve {conflict.id}: {exc.code}")
            if not moved and not resolved:
                break
        event(f"quiescent after {rounds} rounds")
        self._count_what_happened()
        self.cursors_monotonic_and_laptops_in_scope()
        problems += self._check_drained()
        problems += self._check_convergence()
        problems += self._check_history()
        problems += self._check_duplicates()
        assert not problems, "\n".join(sorted(set(problems)))

    def _count_what_happened(self) -> None:
        """Hypothesis events (see --hypothesis-show-statistics): is the machine doing much?"""
        with self.world.server.engine.connect() as conn:
            for (status,) in conn.execute(text("SELECT DISTINCT status FROM applied_ops")):
                event(f"ops {status}")
            for (kind,) in conn.execute(
                text(
                    "SELECT DISTINCT field_class || '-' || coalesce(resolution, 'none') "
                    "FROM sync_conflicts"
                )
            ):
                event(f"conflicts {kind}")
            if conn.execute(text("SELECT count(*) FROM scope_exits")).scalar_one():
                event("transferred")

    def _check_drained(self) -> list[str]:
        problems = []
        for name, laptop in self.world.laptops.items():
            left = [op for op in model.outbox(laptop) if op.status in ("pending", "in_flight")]
            if left:
                problems.append(f"{name} still has {len(left)} unsent ops")
        return problems

    def _check_convergence(self) -> list[str]:
        problems = []
        idx = model.index(self.world.server)
        at_hq = model.all_rows(self.world.server.engine)
        for name, laptop in self.world.laptops.items():
            expected = model.expected_for(at_hq, idx, laptop.district_id)
            held = model.all_rows(laptop.db.engine)
            refused = {
                (op.table_name, op.row_id)
                for op in model.outbox(laptop)
                if op.kind == "insert"
                and op.status == "rejected"
                and op.table_name != "households"
                and (op.result or {}).get("code") == "OUT_OF_SCOPE"
            }
            for table, theirs in expected.items():
                mine = held[table]
                for row_id in sorted(mine.keys() - theirs.keys()):
                    if (
                        (table, row_id) in refused
                        and (table, row_id) not in idx
                        and tolerated("refused-child-insert")
                    ):
                        continue
                    why = "absent at HQ" if (table, row_id) not in idx else "out of scope"
                    if (
                        table == model.CONFLICTS
                        and why == "out of scope"
                        and tolerated("conflict-scope")
                    ):
                        continue  # a conflict re-indexed under a transferred row's district
                    problems.append(
                        f"{name} holds {table} {row_id} that HQ does not give it ({why})"
                    )
                for row_id in sorted(theirs.keys() - mine.keys()):
                    problems.append(f"{name} lacks {table} {row_id}")
                for row_id in sorted(mine.keys() & theirs.keys()):
                    if mine[row_id] != theirs[row_id]:
                        diff = {
                            k: (v, theirs[row_id].get(k))
                            for k, v in mine[row_id].items()
                            if v != theirs[row_id].get(k)
                        }
                        problems.append(f"{name} {table} {row_id} differs (laptop, HQ): {diff}")
        return problems

    def _check_history(self) -> list[str]:
        server = self.world.server
        problems = []
        ops_by_device: dict[str, dict[str, Any]] = {}
        base_seqs: dict[str, int] = {}
        for laptop in self.world.laptops.values():
            ops = {op.op_id: op for op in model.outbox(laptop)}
            ops_by_device[laptop.device_id] = ops
            base_seqs.update({i: op.base_seq for i, op in ops.items()})
        at_hq = {op.op_id: op for op in model.applied_ops(server)}
        with server.engine.connect() as conn:
            audited = {
                (o, f)
                for o, f in conn.execute(
                    text("SELECT op_id, field FROM audit_log WHERE op_id IS NOT NULL")
                )
            }
        conflicts = model.rows(server.engine, model.CONFLICTS)
        # Acknowledged ops are applied at HQ, and each field is in HQ's history or accounted for.
        for name, laptop in self.world.laptops.items():
            for op in ops_by_device[laptop.device_id].values():
                served = at_hq.get(op.op_id)
                if served is None:
                    problems.append(f"{name} op {op.op_id} ({op.status}) never reached HQ")
                    continue
                if op.status == "applied" and not served.status.startswith("applied"):
                    problems.append(
                        f"{name} op {op.op_id} acknowledged but HQ says {served.status}"
                    )
                if op.status != "applied" or op.table_name == model.CONFLICTS:
                    continue
                held = set(served.result.get("held_fields") or [])
                lost = {
                    conflicts[c]["field"]
                    for c in served.result.get("conflict_ids") or []
                    if c in conflicts and conflicts[c]["resolution"] == "take_theirs"
                }
                # A twin insert merges into HQ's row, whose district stays as it is.
                kept = {"district_id"} if served.result.get("merged_into") else set()
                for f in op.fields:
                    if (op.op_id, f) not in audited and f not in held | lost | kept:
                        problems.append(
                            f"{name} op {op.op_id} field {f} acknowledged but not in HQ's history"
                        )
        # HQ knows no op its laptop never sent.
        for op_id, served in at_hq.items():
            if op_id not in ops_by_device.get(served.device_id, {}):
                problems.append(f"HQ has op {op_id} that device {served.device_id} never made")
        # Every held field has its conflict record.
        for served in at_hq.values():
            for c in served.result.get("conflict_ids") or []:
                if c not in conflicts:
                    problems.append(f"op {served.op_id} names a missing conflict {c}")
        # Replay HQ's history: it must explain every final value, and respect guarded fields.
        writes = self.hq + model.laptop_writes(server, base_seqs)
        recorded = {(c["op_id"], c["field"]) for c in conflicts.values() if c["status"] == "auto"}
        final, overwrites, stale = model.replay(writes, recorded)
        problems += overwrites
        problems += [p for p in stale if not tolerated("stale-theirs")]
        for table in model.TRACKED:
            for row_id, row in model.rows(server.engine, table).items():
                for f in model.tracked_fields(table):
                    want = final.get((table, row_id, f))
                    if model.text_value(row[f]) != want:
                        problems.append(
                            f"HQ {table} {row_id}.{f} = {row[f]!r}, its history says {want!r}"
                        )
        problems += self._check_write_scope(writes)
        return problems

    def _check_write_scope(self, writes: list[model.Write]) -> list[str]:
        """No laptop write lands on a household (or a record of one) that had left the laptop's
        district before the laptop wrote: when the laptop made the change (by what it had
        pulled: the op's base, or its cursor for a resolution) or when HQ applied it, the
        household must have been in the laptop's district."""
        district_of_device = {lp.device_id: lp.district_id for lp in self.world.laptops.values()}
        moves: dict[str, list[tuple[int, str | None]]] = defaultdict(list)
        for w in writes:
            if w.table == "households" and w.field == "district_id":
                moves[w.row_id].append((w.seq, w.value))
        household_of = {
            (table, row_id): row.get("household_id", row_id)
            for table in model.TRACKED
            for row_id, row in model.rows(self.world.server.engine, table).items()
        }

        def district_at(household: str, seq: int) -> str | None:
            # Before its first recorded move a household is in the district it was created in.
            history = sorted(moves[household])
            found = history[0][1] if history else None
            for at, value in history:
                if at <= seq:
                    found = value
            return found

        problems = []
        for w in writes:
            mine = district_of_device.get(w.device)
            if mine is None or w.field == "district_id":
                continue
            household = household_of[(w.table, w.row_id)]
            seen = w.base_seq if w.kind == "op" else self.resolve_base.get(w.op_id or "", 0)
            assert seen is not None
            if district_at(household, w.seq) != mine and district_at(household, seen) != mine:
                if w.kind == "resolve" and tolerated("conflict-scope"):
                    continue  # the old district still holds the household's conflicts
                problems.append(
                    f"{w.kind} {w.op_id} of a {mine[:8]} laptop wrote "
                    f"{w.table} {w.row_id[:8]}.{w.field} at seq {w.seq}, after household "
                    f"{household[:8]} left its district (laptop had seen seq {seen})"
                )
        return problems

    def _check_duplicates(self) -> list[str]:
        problems = []
        with self.world.server.engine.connect() as conn:
            for op_id, f, n in conn.execute(
                text(
                    "SELECT op_id, field, count(*) FROM audit_log WHERE op_id IS NOT NULL "
                    "GROUP BY op_id, field HAVING count(*) > 1"
                )
            ):
                problems.append(f"op {op_id} field {f} applied {n} times")
            for h, p, n in conn.execute(
                text(
                    "SELECT household_id, programme_id, count(*) FROM enrolments "
                    "GROUP BY household_id, programme_id HAVING count(*) > 1"
                )
            ):
                problems.append(f"household {h} enrolled {n} times in {p}")
        return problems


TestSync = SyncMachine.TestCase
TestSync.settings = settings(
    max_examples=EXAMPLES,
    stateful_step_count=STEPS,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
TestSync = pytest.mark.slow(TestSync)
