"""snapshot pages for first downloads

Revision ID: 0002_snapshot_pages
Revises: 0001_server_initial
Create Date: 2026-11-24 08:37:25.356601
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002_snapshot_pages'
down_revision: str | None = '0001_server_initial'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('snapshot_pages',
    sa.Column('district_id', sa.String(length=36), nullable=False),
    sa.Column('cursor_from', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('cursor_to', sa.BigInteger(), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('body', sa.LargeBinary(), nullable=False),
    sa.Column('built_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('district_id', 'cursor_from', name=op.f('pk_snapshot_pages'))
    )


def downgrade() -> None:
    op.drop_table('snapshot_pages')
