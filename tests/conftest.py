"""Shared fixtures; Qt runs offscreen so tests need no display."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ROSTER_INSECURE_FAST_HASHING_FOR_TESTS", "1")

from tests.factories import District, build_district  # noqa: E402


@pytest.fixture
def district(tmp_path: Path) -> District:
    d = build_district(tmp_path / "data")
    yield d
    d.db.close()
