"""Decisions: recertification rounds, tasks and cross-checks; approval policy; payroll rejection.

Revision ID: 0002_decisions
Revises: 0001_initial
Create Date: 2026-11-24 10:28:55.475281
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_decisions"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "recertification_rounds",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("area_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("opened_by", sa.String(length=36), nullable=True),
        sa.Column("closed_by", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"], ["locations.id"], name=op.f("fk_recertification_rounds_area_id_locations")
        ),
        sa.ForeignKeyConstraint(
            ["district_id"],
            ["locations.id"],
            name=op.f("fk_recertification_rounds_district_id_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programmes.id"],
            name=op.f("fk_recertification_rounds_programme_id_programmes"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recertification_rounds")),
        sa.UniqueConstraint("code", name=op.f("uq_recertification_rounds_code")),
    )
    with op.batch_alter_table("recertification_rounds", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_recertification_rounds_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_recertification_rounds_programme_id"), ["programme_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_recertification_rounds_status"), ["status"], unique=False
        )

    op.create_table(
        "cross_check_matches",
        sa.Column("round_id", sa.String(length=36), nullable=True),
        sa.Column("source", sa.String(length=60), nullable=False),
        sa.Column("individual_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("match_kind", sa.String(length=12), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("external", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reviewed_by", sa.String(length=36), nullable=True),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"],
            ["locations.id"],
            name=op.f("fk_cross_check_matches_district_id_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_cross_check_matches_household_id_households"),
        ),
        sa.ForeignKeyConstraint(
            ["individual_id"],
            ["individuals.id"],
            name=op.f("fk_cross_check_matches_individual_id_individuals"),
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["recertification_rounds.id"],
            name=op.f("fk_cross_check_matches_round_id_recertification_rounds"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cross_check_matches")),
    )
    with op.batch_alter_table("cross_check_matches", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cross_check_matches_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_cross_check_matches_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_cross_check_matches_individual_id"), ["individual_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_cross_check_matches_status"), ["status"], unique=False)

    op.create_table(
        "recertification_tasks",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("enrolment_id", sa.String(length=36), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("visited_on", sa.Date(), nullable=True),
        sa.Column("decision", sa.String(length=10), nullable=True),
        sa.Column("exit_reason", sa.String(length=24), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=36), nullable=True),
        sa.Column("change_request_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["change_request_id"],
            ["change_requests.id"],
            name=op.f("fk_recertification_tasks_change_request_id_change_requests"),
        ),
        sa.ForeignKeyConstraint(
            ["district_id"],
            ["locations.id"],
            name=op.f("fk_recertification_tasks_district_id_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["enrolments.id"],
            name=op.f("fk_recertification_tasks_enrolment_id_enrolments"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_recertification_tasks_household_id_households"),
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["recertification_rounds.id"],
            name=op.f("fk_recertification_tasks_round_id_recertification_rounds"),
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["locations.id"],
            name=op.f("fk_recertification_tasks_village_id_locations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recertification_tasks")),
        sa.UniqueConstraint(
            "round_id", "enrolment_id", name=op.f("uq_recertification_tasks_round_id_enrolment_id")
        ),
    )
    with op.batch_alter_table("recertification_tasks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_recertification_tasks_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_recertification_tasks_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_recertification_tasks_round_id"), ["round_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_recertification_tasks_status"), ["status"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_recertification_tasks_village_id"), ["village_id"], unique=False
        )

    with op.batch_alter_table("change_requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("params", sa.JSON(), nullable=False, server_default="{}"))

    with op.batch_alter_table("enrolments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("benefit_adjustment", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("recovery_balance", sa.Integer(), nullable=False, server_default="0")
        )

    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("adjustment_amount", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("recovery_amount", sa.Integer(), nullable=False, server_default="0")
        )

    with op.batch_alter_table("payrolls", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rejection_reason", sa.String(length=200), nullable=True))

    with op.batch_alter_table("programmes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("approval_required", sa.JSON(), nullable=False, server_default="[]")
        )


def downgrade() -> None:
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_column("recovery_amount")
        batch_op.drop_column("adjustment_amount")

    with op.batch_alter_table("enrolments", schema=None) as batch_op:
        batch_op.drop_column("recovery_balance")
        batch_op.drop_column("benefit_adjustment")

    with op.batch_alter_table("change_requests", schema=None) as batch_op:
        batch_op.drop_column("params")

    with op.batch_alter_table("programmes", schema=None) as batch_op:
        batch_op.drop_column("approval_required")

    with op.batch_alter_table("payrolls", schema=None) as batch_op:
        batch_op.drop_column("rejection_reason")

    with op.batch_alter_table("recertification_tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recertification_tasks_village_id"))
        batch_op.drop_index(batch_op.f("ix_recertification_tasks_status"))
        batch_op.drop_index(batch_op.f("ix_recertification_tasks_round_id"))
        batch_op.drop_index(batch_op.f("ix_recertification_tasks_household_id"))
        batch_op.drop_index(batch_op.f("ix_recertification_tasks_district_id"))

    op.drop_table("recertification_tasks")
    with op.batch_alter_table("cross_check_matches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cross_check_matches_status"))
        batch_op.drop_index(batch_op.f("ix_cross_check_matches_individual_id"))
        batch_op.drop_index(batch_op.f("ix_cross_check_matches_household_id"))
        batch_op.drop_index(batch_op.f("ix_cross_check_matches_district_id"))

    op.drop_table("cross_check_matches")
    with op.batch_alter_table("recertification_rounds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recertification_rounds_status"))
        batch_op.drop_index(batch_op.f("ix_recertification_rounds_programme_id"))
        batch_op.drop_index(batch_op.f("ix_recertification_rounds_district_id"))

    op.drop_table("recertification_rounds")
