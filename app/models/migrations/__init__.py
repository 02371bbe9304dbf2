"""Alembic environment for the laptop database, shipped inside the package."""
