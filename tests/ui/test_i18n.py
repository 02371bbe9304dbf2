"""Settings, shipped translations, and switching the interface to French."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from app.ui import i18n, labels, messages
from app.ui.settings import Settings
from app.ui.views.placeholder_view import PlaceholderView

pytestmark = pytest.mark.gui


def test_language_setting_defaults_to_english_and_persists(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "roster.ini")
    assert settings.language == "en"
    settings.language = "fr"
    settings.sync()
    assert Settings(tmp_path / "roster.ini").language == "fr"
    with pytest.raises(ValueError):
        settings.language = "xx"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_shipped_catalogues_are_complete(language: str) -> None:
    root = ET.parse(i18n.i18n_dir() / f"roster_{language}.ts").getroot()
    unfinished = [
        m.findtext("source")
        for m in root.iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []


def test_french_interface(qtbot, tmp_path: Path) -> None:
    qm = i18n.qm_for("fr", tmp_path)
    if qm is None:
        pytest.skip("lrelease is not available")
    translators = i18n.install_translators("fr", tmp_path)
    try:
        assert messages.error_text("REQUIRED") == "Ce champ est obligatoire."
        assert labels.vocab_label("SPOUSE") == "Conjoint(e)"
        view = PlaceholderView("Plaintes")
        qtbot.addWidget(view)
        assert view.notice_label.text() == "Bientôt disponible dans cette version."
        assert QLocale().toString(50000) == "50\u202f000"
        assert QCoreApplication.translate("HouseholdsView", "%Ln household(s)", "", 2) == (
            "2 ménages"
        )
    finally:
        i18n.remove_translators(translators)
        QLocale.setDefault(QLocale("en_GB"))
    assert messages.error_text("REQUIRED") == "This field is required."


def test_compiled_catalogue_is_cached(tmp_path: Path) -> None:
    first = i18n.qm_for("fr", tmp_path)
    if first is None:
        pytest.skip("lrelease is not available")
    stamp = first.stat().st_mtime_ns
    assert i18n.qm_for("fr", tmp_path) == first
    assert first.stat().st_mtime_ns == stamp
