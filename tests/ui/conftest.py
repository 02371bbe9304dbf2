"""UI test fixtures: isolated QSettings, a district with named households, idle worker pools."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.models.db import DB_FILENAME, Database
from app.services.context import Actor
from app.services.dto import HouseholdIn, MemberIn
from app.services.households import register_household
from app.ui import tasks
from app.ui.i18n import install_translators, remove_translators
from tests.factories import District, build_district, enrol

#: (village, head first name, head last name, head national ID) of the named households.
HOUSEHOLDS = [
    ("V001", "Ousmane", "Baldé", "2001010100001"),
    ("V002", "Mariama", "Sow", "2001010100002"),
    ("V003", "Khady", "Ndiaye", "2001010100003"),
    ("V004", "Lamine", "Coly", "2001010100004"),
    ("V001", "Awa", "Diatta", "2001010100005"),
]


@pytest.fixture(scope="session", autouse=True)
def english(qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The English catalogue, as the app installs it (it carries the plural forms)."""
    translators = install_translators("en", tmp_path_factory.mktemp("i18n-cache"))
    yield
    remove_translators(translators)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    monkeypatch.delenv("ROSTER_LANGUAGE", raising=False)


def household_in(village: str, first: str, last: str, national_id: str) -> HouseholdIn:
    """A household of three whose head has the given name and national ID."""
    return HouseholdIn(
        village_code=village,
        address="Quartier Escale",
        phone="+221771234567",
        members=[
            MemberIn(first, last, "M", "1975-05-05", "HEAD", national_id=national_id),
            MemberIn("Fatou", last, "F", "1980-02-02", "SPOUSE"),
            MemberIn("Binta", last, "F", "2012-09-09", "DAUGHTER"),
        ],
        head_index=0,
        primary_recipient_index=1,
    )


@dataclass
class Registry:
    """The test district plus the ids of its named households, keyed by head last name."""

    district: District
    ids: dict[str, str]

    @property
    def db(self):  # noqa: ANN201 - test helper
        return self.district.db


@dataclass(frozen=True)
class _Template:
    path: Path
    district_ids: dict[str, str]
    household_ids: dict[str, str]
    officer: Actor


@pytest.fixture(scope="session")
def registry_template(tmp_path_factory: pytest.TempPathFactory) -> _Template:
    """The registry built once per session (argon2 sign-in and registrations are slow)."""
    folder = tmp_path_factory.mktemp("registry-template")
    district = build_district(folder)
    ctx = district.ctx()
    ids = {
        last: register_household(ctx, data=household_in(village, first, last, nid))
        for village, first, last, nid in HOUSEHOLDS
    }
    enrol(district, ids["Baldé"], "CT-UNC")
    district.db.close()
    assert ctx.actor is not None
    return _Template(folder / DB_FILENAME, dict(district.ids), ids, ctx.actor)


@pytest.fixture
def registry(registry_template: _Template, tmp_path: Path, qapp) -> Iterator[Registry]:
    """A fresh copy of the test district with five named households (one enrolled)."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(registry_template.path, data_dir / DB_FILENAME)
    db = Database.open(data_dir)
    ids = registry_template.district_ids
    district = District(db, ids["D01"], ids["D02"], dict(ids))
    district._actors["officer"] = registry_template.officer
    yield Registry(district, dict(registry_template.household_ids))
    # Workers must be idle before the database closes under them.
    assert tasks.wait_for_all(10_000)
    db.close()
