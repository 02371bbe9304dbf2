"""Alembic environment of the HQ server database (SQLite or PostgreSQL)."""
