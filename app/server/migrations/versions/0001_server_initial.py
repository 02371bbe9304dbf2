"""server initial

Revision ID: 0001_server_initial
Revises:
Create Date: 2026-11-24 07:47:27.391586
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_server_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("op_id", sa.String(length=36), nullable=True),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_log_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index("ix_audit_log_record", ["table_name", "row_id"], unique=False)

    op.create_table(
        "locations",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("level", sa.String(length=1), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["locations.id"], name=op.f("fk_locations_parent_id_locations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_locations")),
        sa.UniqueConstraint("code", name=op.f("uq_locations_code")),
    )
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_locations_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "programmes",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("frequency", sa.String(length=12), nullable=False),
        sa.Column("base_amount", sa.Integer(), nullable=False),
        sa.Column("cap_amount", sa.Integer(), nullable=True),
        sa.Column("deduction_per_unmet", sa.Integer(), nullable=False),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programmes")),
        sa.UniqueConstraint("code", name=op.f("uq_programmes_code")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("district_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("field_class", sa.String(length=2), nullable=False),
        sa.Column("base_value", sa.JSON(), nullable=True),
        sa.Column("mine_value", sa.JSON(), nullable=True),
        sa.Column("mine_by", sa.String(length=64), nullable=True),
        sa.Column("mine_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("theirs_value", sa.JSON(), nullable=True),
        sa.Column("theirs_by", sa.String(length=64), nullable=True),
        sa.Column("theirs_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("op_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("resolution", sa.String(length=12), nullable=True),
        sa.Column("resolved_value", sa.JSON(), nullable=True),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_conflicts_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index("ix_sync_conflicts_status", ["status"], unique=False)

    op.create_table(
        "activities",
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("working_days", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programmes.id"], name=op.f("fk_activities_programme_id_programmes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
        sa.UniqueConstraint(
            "programme_id", "position", name=op.f("uq_activities_programme_id_position")
        ),
    )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activities_programme_id"), ["programme_id"], unique=False
        )

    op.create_table(
        "benefit_top_ups",
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("criterion", sa.String(length=40), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("max_members", sa.Integer(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programmes.id"],
            name=op.f("fk_benefit_top_ups_programme_id_programmes"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benefit_top_ups")),
    )
    with op.batch_alter_table("benefit_top_ups", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_benefit_top_ups_programme_id"), ["programme_id"], unique=False
        )

    op.create_table(
        "payment_cycles",
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programmes.id"],
            name=op.f("fk_payment_cycles_programme_id_programmes"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_cycles")),
        sa.UniqueConstraint("code", name=op.f("uq_payment_cycles_code")),
    )
    with op.batch_alter_table("payment_cycles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_payment_cycles_programme_id"), ["programme_id"], unique=False
        )

    op.create_table(
        "programme_conditions",
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("applies_to", sa.String(length=40), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("periods_before_measure", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programmes.id"],
            name=op.f("fk_programme_conditions_programme_id_programmes"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_conditions")),
        sa.UniqueConstraint("code", name=op.f("uq_programme_conditions_code")),
    )
    with op.batch_alter_table("programme_conditions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_programme_conditions_programme_id"), ["programme_id"], unique=False
        )

    op.create_table(
        "programme_locations",
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("location_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["locations.id"],
            name=op.f("fk_programme_locations_location_id_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programmes.id"],
            name=op.f("fk_programme_locations_programme_id_programmes"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_locations")),
        sa.UniqueConstraint(
            "programme_id",
            "location_id",
            name=op.f("uq_programme_locations_programme_id_location_id"),
        ),
    )
    with op.batch_alter_table("programme_locations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_programme_locations_programme_id"), ["programme_id"], unique=False
        )

    op.create_table(
        "service_points",
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("location_id", sa.String(length=36), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"], ["locations.id"], name=op.f("fk_service_points_district_id_locations")
        ),
        sa.ForeignKeyConstraint(
            ["location_id"], ["locations.id"], name=op.f("fk_service_points_location_id_locations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_points")),
        sa.UniqueConstraint("code", name=op.f("uq_service_points_code")),
    )
    with op.batch_alter_table("service_points", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_points_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_service_points_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_service_points_location_id"), ["location_id"], unique=False
        )

    op.create_table(
        "users",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=True),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"], ["locations.id"], name=op.f("fk_users_district_id_locations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "households",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("landmark", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("gps_lat", sa.Float(), nullable=True),
        sa.Column("gps_lon", sa.Float(), nullable=True),
        sa.Column("head_id", sa.String(length=36), nullable=True),
        sa.Column("primary_recipient_id", sa.String(length=36), nullable=True),
        sa.Column("secondary_recipient_id", sa.String(length=36), nullable=True),
        sa.Column("pay_point_id", sa.String(length=36), nullable=True),
        sa.Column("pmt_score", sa.Float(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"], ["locations.id"], name=op.f("fk_households_district_id_locations")
        ),
        sa.ForeignKeyConstraint(
            ["pay_point_id"],
            ["service_points.id"],
            name=op.f("fk_households_pay_point_id_service_points"),
        ),
        sa.ForeignKeyConstraint(
            ["village_id"], ["locations.id"], name=op.f("fk_households_village_id_locations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_households")),
        sa.UniqueConstraint("code", name=op.f("uq_households_code")),
    )
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_households_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_households_pay_point_id"), ["pay_point_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_households_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_households_village_id"), ["village_id"], unique=False)

    op.create_table(
        "payrolls",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("cycle_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("total_amount", sa.Integer(), nullable=False),
        sa.Column("payment_count", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("approved_by", sa.String(length=36), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["cycle_id"], ["payment_cycles.id"], name=op.f("fk_payrolls_cycle_id_payment_cycles")
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["locations.id"], name=op.f("fk_payrolls_district_id_locations")
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programmes.id"], name=op.f("fk_payrolls_programme_id_programmes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payrolls")),
    )
    with op.batch_alter_table("payrolls", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payrolls_cycle_id"), ["cycle_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payrolls_district_id"), ["district_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_payrolls_programme_id"), ["programme_id"], unique=False
        )

    op.create_table(
        "accompanying_measures",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("condition_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("assignee_id", sa.String(length=36), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["condition_id"],
            ["programme_conditions.id"],
            name=op.f("fk_accompanying_measures_condition_id_programme_conditions"),
        ),
        sa.ForeignKeyConstraint(
            ["district_id"],
            ["locations.id"],
            name=op.f("fk_accompanying_measures_district_id_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_accompanying_measures_household_id_households"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accompanying_measures")),
    )
    with op.batch_alter_table("accompanying_measures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_accompanying_measures_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_accompanying_measures_household_id"), ["household_id"], unique=False
        )

    op.create_table(
        "enrolments",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("status_reason", sa.String(length=40), nullable=True),
        sa.Column("status_date", sa.Date(), nullable=True),
        sa.Column("enrolled_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"], ["locations.id"], name=op.f("fk_enrolments_district_id_locations")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["households.id"], name=op.f("fk_enrolments_household_id_households")
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programmes.id"], name=op.f("fk_enrolments_programme_id_programmes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolments")),
        sa.UniqueConstraint(
            "household_id", "programme_id", name=op.f("uq_enrolments_household_id_programme_id")
        ),
    )
    with op.batch_alter_table("enrolments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_enrolments_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_enrolments_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_enrolments_programme_id"), ["programme_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_enrolments_status"), ["status"], unique=False)

    op.create_table(
        "individuals",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("first_name", sa.String(length=80), nullable=False),
        sa.Column("last_name", sa.String(length=80), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("national_id", sa.String(length=40), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("relationship", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("status_date", sa.Date(), nullable=True),
        sa.Column("status_reason", sa.String(length=200), nullable=True),
        sa.Column("date_of_death", sa.Date(), nullable=True),
        sa.Column("arrival_reason", sa.String(length=20), nullable=True),
        sa.Column("disability", sa.Boolean(), nullable=False),
        sa.Column("school_id", sa.String(length=36), nullable=True),
        sa.Column("health_facility_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"], ["locations.id"], name=op.f("fk_individuals_district_id_locations")
        ),
        sa.ForeignKeyConstraint(
            ["health_facility_id"],
            ["service_points.id"],
            name=op.f("fk_individuals_health_facility_id_service_points"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["households.id"], name=op.f("fk_individuals_household_id_households")
        ),
        sa.ForeignKeyConstraint(
            ["school_id"],
            ["service_points.id"],
            name=op.f("fk_individuals_school_id_service_points"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_individuals")),
    )
    with op.batch_alter_table("individuals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_individuals_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_individuals_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index("ix_individuals_names", ["last_name", "first_name"], unique=False)
        batch_op.create_index("ix_individuals_national_id", ["national_id"], unique=False)
        batch_op.create_index("ix_individuals_phone", ["phone"], unique=False)
        batch_op.create_index(batch_op.f("ix_individuals_school_id"), ["school_id"], unique=False)

    op.create_table(
        "activity_progress",
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("individual_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("days_done", sa.Integer(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_activity_progress_activity_id_activities"),
        ),
        sa.ForeignKeyConstraint(
            ["district_id"],
            ["locations.id"],
            name=op.f("fk_activity_progress_district_id_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_activity_progress_household_id_households"),
        ),
        sa.ForeignKeyConstraint(
            ["individual_id"],
            ["individuals.id"],
            name=op.f("fk_activity_progress_individual_id_individuals"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_progress")),
        sa.UniqueConstraint(
            "individual_id",
            "activity_id",
            name=op.f("uq_activity_progress_individual_id_activity_id"),
        ),
    )
    with op.batch_alter_table("activity_progress", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_progress_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_activity_progress_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_activity_progress_individual_id"), ["individual_id"], unique=False
        )

    op.create_table(
        "compliance_records",
        sa.Column("condition_id", sa.String(length=36), nullable=False),
        sa.Column("individual_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("service_point_id", sa.String(length=36), nullable=True),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("attended", sa.Integer(), nullable=True),
        sa.Column("expected", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("recorded_by", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["condition_id"],
            ["programme_conditions.id"],
            name=op.f("fk_compliance_records_condition_id_programme_conditions"),
        ),
        sa.ForeignKeyConstraint(
            ["district_id"],
            ["locations.id"],
            name=op.f("fk_compliance_records_district_id_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_compliance_records_household_id_households"),
        ),
        sa.ForeignKeyConstraint(
            ["individual_id"],
            ["individuals.id"],
            name=op.f("fk_compliance_records_individual_id_individuals"),
        ),
        sa.ForeignKeyConstraint(
            ["service_point_id"],
            ["service_points.id"],
            name=op.f("fk_compliance_records_service_point_id_service_points"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compliance_records")),
        sa.UniqueConstraint(
            "individual_id",
            "condition_id",
            "period",
            name=op.f("uq_compliance_records_individual_id_condition_id_period"),
        ),
    )
    with op.batch_alter_table("compliance_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_compliance_records_condition_id"), ["condition_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_compliance_records_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_compliance_records_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_compliance_records_individual_id"), ["individual_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_compliance_records_period"), ["period"], unique=False)

    op.create_table(
        "grievances",
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("priority", sa.String(length=10), nullable=False),
        sa.Column("flags", sa.String(length=200), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("complainant_name", sa.String(length=160), nullable=True),
        sa.Column("complainant_phone", sa.String(length=32), nullable=True),
        sa.Column("complainant_id", sa.String(length=36), nullable=True),
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("assignee_id", sa.String(length=36), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["complainant_id"],
            ["individuals.id"],
            name=op.f("fk_grievances_complainant_id_individuals"),
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["locations.id"], name=op.f("fk_grievances_district_id_locations")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["households.id"], name=op.f("fk_grievances_household_id_households")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grievances")),
        sa.UniqueConstraint("code", name=op.f("uq_grievances_code")),
    )
    with op.batch_alter_table("grievances", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_grievances_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_grievances_due_date"), ["due_date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_grievances_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_grievances_status"), ["status"], unique=False)

    op.create_table(
        "payment_accounts",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("holder_id", sa.String(length=36), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("provider", sa.String(length=60), nullable=False),
        sa.Column("account_number", sa.String(length=40), nullable=False),
        sa.Column("account_name", sa.String(length=120), nullable=False),
        sa.Column("verification", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
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
            name=op.f("fk_payment_accounts_district_id_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["holder_id"],
            ["individuals.id"],
            name=op.f("fk_payment_accounts_holder_id_individuals"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_payment_accounts_household_id_households"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_accounts")),
    )
    with op.batch_alter_table("payment_accounts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_payment_accounts_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_payment_accounts_household_id"), ["household_id"], unique=False
        )

    op.create_table(
        "grievance_comments",
        sa.Column("grievance_id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("is_resolution", sa.Boolean(), nullable=False),
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
            name=op.f("fk_grievance_comments_district_id_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["grievance_id"],
            ["grievances.id"],
            name=op.f("fk_grievance_comments_grievance_id_grievances"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grievance_comments")),
    )
    with op.batch_alter_table("grievance_comments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_grievance_comments_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_grievance_comments_grievance_id"), ["grievance_id"], unique=False
        )

    op.create_table(
        "payments",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("payroll_id", sa.String(length=36), nullable=False),
        sa.Column("cycle_id", sa.String(length=36), nullable=False),
        sa.Column("enrolment_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("recipient_id", sa.String(length=36), nullable=True),
        sa.Column("pay_point_id", sa.String(length=36), nullable=True),
        sa.Column("payment_account_id", sa.String(length=36), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("base_amount", sa.Integer(), nullable=False),
        sa.Column("top_up_amount", sa.Integer(), nullable=False),
        sa.Column("deduction_amount", sa.Integer(), nullable=False),
        sa.Column("over_cap", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("receipt", sa.String(length=40), nullable=True),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("unpaid_reason", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["cycle_id"], ["payment_cycles.id"], name=op.f("fk_payments_cycle_id_payment_cycles")
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["locations.id"], name=op.f("fk_payments_district_id_locations")
        ),
        sa.ForeignKeyConstraint(
            ["enrolment_id"], ["enrolments.id"], name=op.f("fk_payments_enrolment_id_enrolments")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["households.id"], name=op.f("fk_payments_household_id_households")
        ),
        sa.ForeignKeyConstraint(
            ["pay_point_id"],
            ["service_points.id"],
            name=op.f("fk_payments_pay_point_id_service_points"),
        ),
        sa.ForeignKeyConstraint(
            ["payment_account_id"],
            ["payment_accounts.id"],
            name=op.f("fk_payments_payment_account_id_payment_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["payroll_id"], ["payrolls.id"], name=op.f("fk_payments_payroll_id_payrolls")
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"], ["individuals.id"], name=op.f("fk_payments_recipient_id_individuals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint("code", name=op.f("uq_payments_code")),
        sa.UniqueConstraint(
            "enrolment_id", "cycle_id", name=op.f("uq_payments_enrolment_id_cycle_id")
        ),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payments_district_id"), ["district_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_payments_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_payments_payroll_id"), ["payroll_id"], unique=False)
        batch_op.create_index(
            "ix_payments_payroll_pay_point", ["payroll_id", "pay_point_id"], unique=False
        )

    op.create_table(
        "cases",
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("payment_id", sa.String(length=36), nullable=True),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=14), nullable=False),
        sa.Column("decision", sa.String(length=12), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("opened_by", sa.String(length=36), nullable=True),
        sa.Column("decided_by", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"], ["locations.id"], name=op.f("fk_cases_district_id_locations")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["households.id"], name=op.f("fk_cases_household_id_households")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_cases_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("code", name=op.f("uq_cases_code")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_district_id"), ["district_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_household_id"), ["household_id"], unique=False)

    op.create_table(
        "reconciliations",
        sa.Column("payment_id", sa.String(length=36), nullable=False),
        sa.Column("paid", sa.Boolean(), nullable=False),
        sa.Column("receipt", sa.String(length=40), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("source_file", sa.String(length=200), nullable=True),
        sa.Column("recorded_by", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"], ["locations.id"], name=op.f("fk_reconciliations_district_id_locations")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_reconciliations_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reconciliations")),
    )
    with op.batch_alter_table("reconciliations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reconciliations_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reconciliations_payment_id"), ["payment_id"], unique=False
        )

    op.create_table(
        "change_requests",
        sa.Column("type", sa.String(length=24), nullable=False),
        sa.Column("target_table", sa.String(length=40), nullable=False),
        sa.Column("target_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("old_values", sa.JSON(), nullable=False),
        sa.Column("new_values", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("maker_id", sa.String(length=36), nullable=False),
        sa.Column("checker_id", sa.String(length=36), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_change_requests_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["locations.id"], name=op.f("fk_change_requests_district_id_locations")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_change_requests_household_id_households"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_requests")),
    )
    with op.batch_alter_table("change_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_change_requests_district_id"), ["district_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_change_requests_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_change_requests_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_change_requests_target_id"), ["target_id"], unique=False
        )

    op.create_table(
        "corrective_actions",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=True),
        sa.Column("change_request_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_corrective_actions_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["change_request_id"],
            ["change_requests.id"],
            name=op.f("fk_corrective_actions_change_request_id_change_requests"),
        ),
        sa.ForeignKeyConstraint(
            ["district_id"],
            ["locations.id"],
            name=op.f("fk_corrective_actions_district_id_locations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrective_actions")),
    )
    with op.batch_alter_table("corrective_actions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_corrective_actions_case_id"), ["case_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_corrective_actions_district_id"), ["district_id"], unique=False
        )

    op.create_table(
        "applied_ops",
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("device_seq", sa.BigInteger(), nullable=False),
        sa.Column("client_tx_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_applied_ops")),
        sa.UniqueConstraint(
            "device_id", "device_seq", name=op.f("uq_applied_ops_device_id_device_seq")
        ),
    )
    op.create_table(
        "login_throttle",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("blocked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_login_throttle")),
    )
    op.create_table(
        "scope_exits",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_scope_exits")),
    )
    with op.batch_alter_table("scope_exits", schema=None) as batch_op:
        batch_op.create_index("ix_scope_exits_district_seq", ["district_id", "seq"], unique=False)

    op.create_table(
        "server_devices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("token_expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("device_seq_high", sa.BigInteger(), nullable=False),
        sa.Column("app_version", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_server_devices")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_server_devices_token_hash")),
    )
    op.create_table(
        "server_state",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("text_value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_server_state")),
    )
    op.create_table(
        "sync_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("ops", sa.Integer(), nullable=False),
        sa.Column("applied", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("cursor_from", sa.BigInteger(), nullable=True),
        sa.Column("cursor_to", sa.BigInteger(), nullable=True),
        sa.Column("bytes_out", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_log")),
    )
    with op.batch_alter_table("sync_log", schema=None) as batch_op:
        batch_op.create_index("ix_sync_log_device", ["device_id"], unique=False)

    op.create_table(
        "sync_rows",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("district_id", sa.String(length=36), nullable=True),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_sync_rows")),
        sa.UniqueConstraint("seq", name=op.f("uq_sync_rows_seq")),
    )
    with op.batch_alter_table("sync_rows", schema=None) as batch_op:
        batch_op.create_index("ix_sync_rows_district_seq", ["district_id", "seq"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_rows", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_rows_district_seq")

    op.drop_table("sync_rows")
    with op.batch_alter_table("sync_log", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_log_device")

    op.drop_table("sync_log")
    op.drop_table("server_state")
    op.drop_table("server_devices")
    with op.batch_alter_table("scope_exits", schema=None) as batch_op:
        batch_op.drop_index("ix_scope_exits_district_seq")

    op.drop_table("scope_exits")
    op.drop_table("login_throttle")
    op.drop_table("applied_ops")
    with op.batch_alter_table("corrective_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_corrective_actions_district_id"))
        batch_op.drop_index(batch_op.f("ix_corrective_actions_case_id"))

    op.drop_table("corrective_actions")
    with op.batch_alter_table("change_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_requests_target_id"))
        batch_op.drop_index(batch_op.f("ix_change_requests_status"))
        batch_op.drop_index(batch_op.f("ix_change_requests_household_id"))
        batch_op.drop_index(batch_op.f("ix_change_requests_district_id"))

    op.drop_table("change_requests")
    with op.batch_alter_table("reconciliations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reconciliations_payment_id"))
        batch_op.drop_index(batch_op.f("ix_reconciliations_district_id"))

    op.drop_table("reconciliations")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_household_id"))
        batch_op.drop_index(batch_op.f("ix_cases_district_id"))

    op.drop_table("cases")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index("ix_payments_payroll_pay_point")
        batch_op.drop_index(batch_op.f("ix_payments_payroll_id"))
        batch_op.drop_index(batch_op.f("ix_payments_household_id"))
        batch_op.drop_index(batch_op.f("ix_payments_district_id"))

    op.drop_table("payments")
    with op.batch_alter_table("grievance_comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_grievance_comments_grievance_id"))
        batch_op.drop_index(batch_op.f("ix_grievance_comments_district_id"))

    op.drop_table("grievance_comments")
    with op.batch_alter_table("payment_accounts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_accounts_household_id"))
        batch_op.drop_index(batch_op.f("ix_payment_accounts_district_id"))

    op.drop_table("payment_accounts")
    with op.batch_alter_table("grievances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_grievances_status"))
        batch_op.drop_index(batch_op.f("ix_grievances_household_id"))
        batch_op.drop_index(batch_op.f("ix_grievances_due_date"))
        batch_op.drop_index(batch_op.f("ix_grievances_district_id"))

    op.drop_table("grievances")
    with op.batch_alter_table("compliance_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_compliance_records_period"))
        batch_op.drop_index(batch_op.f("ix_compliance_records_individual_id"))
        batch_op.drop_index(batch_op.f("ix_compliance_records_household_id"))
        batch_op.drop_index(batch_op.f("ix_compliance_records_district_id"))
        batch_op.drop_index(batch_op.f("ix_compliance_records_condition_id"))

    op.drop_table("compliance_records")
    with op.batch_alter_table("activity_progress", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_progress_individual_id"))
        batch_op.drop_index(batch_op.f("ix_activity_progress_district_id"))
        batch_op.drop_index(batch_op.f("ix_activity_progress_activity_id"))

    op.drop_table("activity_progress")
    with op.batch_alter_table("individuals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_individuals_school_id"))
        batch_op.drop_index("ix_individuals_phone")
        batch_op.drop_index("ix_individuals_national_id")
        batch_op.drop_index("ix_individuals_names")
        batch_op.drop_index(batch_op.f("ix_individuals_household_id"))
        batch_op.drop_index(batch_op.f("ix_individuals_district_id"))

    op.drop_table("individuals")
    with op.batch_alter_table("enrolments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrolments_status"))
        batch_op.drop_index(batch_op.f("ix_enrolments_programme_id"))
        batch_op.drop_index(batch_op.f("ix_enrolments_household_id"))
        batch_op.drop_index(batch_op.f("ix_enrolments_district_id"))

    op.drop_table("enrolments")
    with op.batch_alter_table("accompanying_measures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accompanying_measures_household_id"))
        batch_op.drop_index(batch_op.f("ix_accompanying_measures_district_id"))

    op.drop_table("accompanying_measures")
    with op.batch_alter_table("payrolls", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payrolls_programme_id"))
        batch_op.drop_index(batch_op.f("ix_payrolls_district_id"))
        batch_op.drop_index(batch_op.f("ix_payrolls_cycle_id"))

    op.drop_table("payrolls")
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_households_village_id"))
        batch_op.drop_index(batch_op.f("ix_households_status"))
        batch_op.drop_index(batch_op.f("ix_households_pay_point_id"))
        batch_op.drop_index(batch_op.f("ix_households_district_id"))

    op.drop_table("households")
    op.drop_table("users")
    with op.batch_alter_table("service_points", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_points_location_id"))
        batch_op.drop_index(batch_op.f("ix_service_points_kind"))
        batch_op.drop_index(batch_op.f("ix_service_points_district_id"))

    op.drop_table("service_points")
    with op.batch_alter_table("programme_locations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_locations_programme_id"))

    op.drop_table("programme_locations")
    with op.batch_alter_table("programme_conditions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_conditions_programme_id"))

    op.drop_table("programme_conditions")
    with op.batch_alter_table("payment_cycles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_cycles_programme_id"))

    op.drop_table("payment_cycles")
    with op.batch_alter_table("benefit_top_ups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_benefit_top_ups_programme_id"))

    op.drop_table("benefit_top_ups")
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activities_programme_id"))

    op.drop_table("activities")
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_conflicts_status")
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_household_id"))

    op.drop_table("sync_conflicts")
    op.drop_table("programmes")
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_locations_parent_id"))

    op.drop_table("locations")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_record")
        batch_op.drop_index(batch_op.f("ix_audit_log_household_id"))

    op.drop_table("audit_log")
