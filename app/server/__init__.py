"""HQ server: the hub of the sync (FastAPI), its database and its admin operations."""
