"""Sync client: push the outbox, pull server changes, apply them locally; no Qt."""
