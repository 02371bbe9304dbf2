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


def test_switching_language_needs_no_restart(qtbot, registry, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from app.ui.main_window import HOUSEHOLDS, MainWindow

    if i18n.qm_for("fr", tmp_path) is None:
        pytest.skip("lrelease is not available")
    settings = Settings(tmp_path / "roster.ini")
    translations = i18n.Translations(tmp_path)
    window = MainWindow(
        registry.district.ctx(),
        settings=settings,
        translations=translations,
        remember_geometry=False,
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.households_view.model.first_page_in, timeout=5000)
    window.households_view.search_edit.setText("Sow")
    model = window.households_view.model
    qtbot.waitUntil(lambda: model.query.text == "Sow" and model.rowCount() == 1, timeout=5000)
    window.households_view.table.selectRow(0)
    with qtbot.waitSignal(window.household_page.loaded, timeout=5000):
        window.open_household(registry.ids["Ndiaye"])
    old_view = window.households_view

    def header(model, column: int) -> str:
        return model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)

    try:
        window._language_actions["fr"].trigger()  # Settings › Language › Français
        qtbot.waitUntil(lambda: window.household_page.household is not None, timeout=5000)
        assert settings.language == "fr" and window._language_actions["fr"].isChecked()
        assert window.nav_list.item(HOUSEHOLDS).text() == "Ménages"
        assert window.menuBar().actions()[0].text() == "&Fichier"
        assert window.households_view is not old_view
        rebuilt = window.households_view
        qtbot.wait(50)  # Qt's LanguageChange events arrive: the texts are already French
        assert window.households_view is rebuilt
        assert window.households_view.register_button.text() == "Enregistrer un ménage…"
        assert header(window.households_view.model, 0) == "Code"
        assert header(window.household_page.members_model, 0) == "Nom"
        assert window.household_page.action_buttons["edit"].text() == "Modifier"
        assert window.sync_status.sync_button.text() == "Synchroniser"
        assert window.pending_label.text().startswith("Modifications en attente : ")
        assert QLocale().toString(50000) == "50\u202f000"  # numbers follow the new locale
        # What the officer had open is still there.
        assert window.pages.currentIndex() == HOUSEHOLDS
        assert window.households_stack.currentWidget() is window.household_page
        assert "Khady Ndiaye" in window.household_page.title_label.text()
        assert window.household_page.tabs.tabText(0) == "Membres (3)"
        assert window.households_view.search_edit.text() == "Sow"
        table = window.households_view.table
        qtbot.waitUntil(lambda: len(table.selectionModel().selectedRows()) == 1, timeout=5000)
        assert window.households_view.model.row_at(0).id == registry.ids["Sow"]
        window.show_conflicts()
        qtbot.waitUntil(lambda: "Refusés par le siège" in window.conflicts_view.tabs.tabText(2))
        # Back to English: the same, the other way.
        window.set_language("en")
        assert window.nav_list.item(HOUSEHOLDS).text() == "Households"
        assert window.households_view.register_button.text() == "Register a household…"
        assert header(window.households_view.model, 1) == "Head of household"
        assert window.pages.currentWidget() is window.conflicts_view
        assert QLocale().toString(50000) == "50,000"
        assert settings.language == "en"
    finally:
        translations.remove()
        QLocale.setDefault(QLocale("en_GB"))


def test_any_catalogue_change_reaches_the_main_window(qtbot, registry, tmp_path: Path) -> None:
    from app.ui.main_window import HOUSEHOLDS, MainWindow

    if i18n.qm_for("fr", tmp_path) is None:
        pytest.skip("lrelease is not available")
    window = MainWindow(registry.district.ctx(), remember_geometry=False)
    qtbot.addWidget(window)
    translators = i18n.install_translators("fr", tmp_path)  # not through the window
    try:
        qtbot.waitUntil(lambda: window.nav_list.item(HOUSEHOLDS).text() == "Ménages")
        assert window.households_view.register_button.text() == "Enregistrer un ménage…"
    finally:
        i18n.remove_translators(translators)
        QLocale.setDefault(QLocale("en_GB"))
    qtbot.waitUntil(lambda: window.nav_list.item(HOUSEHOLDS).text() == "Households")
