"""Roster: offline-first MIS for social protection delivery chains."""

__version__ = "0.1.0"
