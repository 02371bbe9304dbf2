"""The change forms, opened from the household page and list, saving through the services."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate

from app.ui.dialogs.departure_dialog import DepartureDialog
from app.ui.dialogs.household_details_dialog import HouseholdDetailsDialog
from app.ui.dialogs.member_dialog import MemberDialog
from app.ui.dialogs.move_dialog import MoveDialog
from app.ui.dialogs.payment_account_dialog import PaymentAccountDialog
from app.ui.dialogs.register_household_dialog import RegisterHouseholdDialog
from app.ui.dialogs.role_dialog import RoleDialog
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from app.ui.views import household_page as hp
from tests.factories import enrol
from tests.ui.conftest import Registry

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, registry: Registry) -> MainWindow:
    window = MainWindow(registry.district.ctx(), settings=Settings(), remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.households_view.model.first_page_in, timeout=5000)
    return window


def _open(qtbot, window: MainWindow, household_id: str) -> hp.HouseholdPage:
    page = window.household_page
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.open_household(household_id)
    return page


def _member(page: hp.HouseholdPage, first_name: str) -> str:
    assert page.household is not None
    return next(m.id for m in page.household.members if m.first_name == first_name)


def _save_and_wait(qtbot, window: MainWindow, dialog) -> None:
    """Click Save and wait until the page reloaded after the change."""
    with qtbot.waitSignal(window.household_page.loaded, timeout=10_000):
        dialog.save_button.click()


def _save_and_fail(qtbot, dialog, field: str) -> str:
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.error_for(field)), timeout=5000)
    assert dialog.isVisible()
    return dialog.error_for(field)


def test_edit_details_shows_errors_beside_the_field_and_keeps_the_input(
    qtbot, window: MainWindow, registry: Registry
) -> None:
    page = _open(qtbot, window, registry.ids["Baldé"])
    page.action_buttons[hp.EDIT_DETAILS].click()
    dialog = window.household_actions.dialog
    assert isinstance(dialog, HouseholdDetailsDialog)
    dialog.edits["phone"].setText("12ab")
    dialog.edits["landmark"].setText("Behind the mosque")
    dialog.edits["gps"].setText("95,10")
    text = _save_and_fail(qtbot, dialog, "phone")
    assert text.startswith("Not a valid phone number")
    assert dialog.error_for("gps").startswith("Latitude must be between")
    assert dialog.edits["landmark"].text() == "Behind the mosque"  # nothing lost
    assert dialog.save_button.isEnabled()
    dialog.edits["phone"].setText("+221770000099")
    dialog.edits["gps"].setText("12.88,-14.95")
    _save_and_wait(qtbot, window, dialog)
    assert page.facts["phone"].text() == "+221770000099"
    assert "Behind the mosque" in page.facts["address"].text()


def test_add_member_birth_then_arrival(qtbot, window: MainWindow, registry: Registry) -> None:
    page = _open(qtbot, window, registry.ids["Sow"])
    page.action_buttons[hp.ADD_MEMBER].click()
    dialog = window.household_actions.dialog
    assert isinstance(dialog, MemberDialog) and dialog.reason_combo is not None
    assert dialog.last_name_edit.text() == "Sow"
    assert dialog.birth_edit.maximumDate() == QDate(2026, 6, 15)  # no future dates
    dialog.first_name_edit.setText("Moussa")
    dialog.birth_edit.setDate(QDate(2010, 3, 1))
    assert _save_and_fail(qtbot, dialog, "date_of_birth").startswith("A birth must be recent")
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("ARRIVAL"))
    _save_and_wait(qtbot, window, dialog)
    assert page.members_model.rowCount() == 4
    assert page.tabs.tabText(0) == "Members (4)"


def test_edit_member_sends_only_changes(qtbot, window: MainWindow, registry: Registry) -> None:
    page = _open(qtbot, window, registry.ids["Ndiaye"])
    page.select_member(_member(page, "Binta"))
    page.member_buttons[hp.EDIT_MEMBER].click()
    dialog = window.household_actions.dialog
    assert isinstance(dialog, MemberDialog) and dialog.reason_combo is None
    assert dialog.collect() == {}
    dialog.national_id_edit.setText("2001010100003")  # the head's
    assert _save_and_fail(qtbot, dialog, "national_id").startswith("This national ID")
    dialog.national_id_edit.setText("2012090900077")
    dialog.phone_edit.setText("+221779998877")
    assert dialog.collect() == {"national_id": "2012090900077", "phone": "+221779998877"}
    _save_and_wait(qtbot, window, dialog)
    binta = next(m for m in page.household.members if m.first_name == "Binta")
    assert binta.phone == "+221779998877"


def _combo_texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_member_school_and_health_facility(qtbot, window: MainWindow, registry: Registry) -> None:
    page = _open(qtbot, window, registry.ids["Ndiaye"])
    page.select_member(_member(page, "Binta"))
    page.member_buttons[hp.EDIT_MEMBER].click()
    dialog = window.household_actions.dialog
    assert isinstance(dialog, MemberDialog)
    # The district's schools and clinics, and "none" first.
    assert _combo_texts(dialog.school_combo) == ["No school", "École de Sinthiang (SCH-01)"]
    assert _combo_texts(dialog.health_facility_combo) == [
        "No health facility",
        "Poste de santé Dioulacolon (HF-01)",
    ]
    assert dialog.collect() == {}
    # The service decides: a clinic's code given as a school is refused beside the field.
    dialog.school_combo.addItem("HF-01", "HF-01")
    dialog.school_combo.setCurrentIndex(dialog.school_combo.count() - 1)
    assert _save_and_fail(qtbot, dialog, "school_code") == "HF-01 is not a school."
    dialog.school_combo.setCurrentIndex(dialog.school_combo.findData("SCH-01"))
    dialog.health_facility_combo.setCurrentIndex(dialog.health_facility_combo.findData("HF-01"))
    assert dialog.collect() == {"school_code": "SCH-01", "health_facility_code": "HF-01"}
    _save_and_wait(qtbot, window, dialog)
    rows = {
        page.members_model.index(r, 0).data(): page.members_model.index(r, 8).data()
        for r in range(page.members_model.rowCount())
    }
    assert rows["Binta Ndiaye"] == "École de Sinthiang, Poste de santé Dioulacolon"
    assert rows["Khady Ndiaye"] == ""
    # The form opens on the member's choices; "No school" clears the school only.
    page.select_member(_member(page, "Binta"))
    page.member_buttons[hp.EDIT_MEMBER].click()
    dialog = window.household_actions.dialog
    assert isinstance(dialog, MemberDialog)
    assert dialog.school_combo.currentData() == "SCH-01"
    dialog.school_combo.setCurrentIndex(0)
    assert dialog.collect() == {"school_code": ""}
    _save_and_wait(qtbot, window, dialog)
    binta = next(m for m in page.household.members if m.first_name == "Binta")
    assert (binta.school, binta.health_facility_code) == (None, "HF-01")


def test_death_of_the_head_names_a_new_head(qtbot, window: MainWindow, registry: Registry) -> None:
    page = _open(qtbot, window, registry.ids["Coly"])
    head = _member(page, "Lamine")
    page.select_member(head)
    assert page.member_buttons[hp.RECORD_DEATH].isEnabled()
    page.member_buttons[hp.RECORD_DEATH].click()
    dialog = window.household_actions.dialog
    assert isinstance(dialog, DepartureDialog) and dialog.head_combo is not None
    assert dialog.recipient_combo is None  # Lamine is not the recipient
    dialog.head_combo.setCurrentIndex(dialog.head_combo.findText("Fatou Coly"))
    dialog.date_edit.setDate(QDate(2026, 5, 2))
    _save_and_wait(qtbot, window, dialog)
    members = {m.first_name: m for m in page.household.members}
    assert members["Lamine"].status == "DECEASED" and members["Fatou"].is_head
    assert "Fatou Coly" in page.title_label.text()
    # The deceased can be edited but no longer made head or recorded dead again.
    page.select_member(members["Lamine"].id)
    assert page.member_buttons[hp.EDIT_MEMBER].isEnabled()
    assert not page.member_buttons[hp.RECORD_DEATH].isEnabled()
    assert not page.member_buttons[hp.SET_HEAD].isEnabled()


def test_member_left_with_a_reason(qtbot, window: MainWindow, registry: Registry) -> None:
    page = _open(qtbot, window, registry.ids["Diatta"])
    page.select_member(_member(page, "Binta"))
    page.member_buttons[hp.MEMBER_LEFT].click()
    dialog = window.household_actions.dialog
    assert isinstance(dialog, DepartureDialog) and dialog.reason_combo is not None
    assert [dialog.reason_combo.itemText(i) for i in range(2)] == ["Marriage", "Migration"]
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("STUDIES"))
    dialog.date_edit.setDate(QDate(1990, 1, 1))  # before her birth
    assert _save_and_fail(qtbot, dialog, "date") == "The date is before the person's birth."
    dialog.date_edit.setDate(QDate(2026, 6, 1))
    _save_and_wait(qtbot, window, dialog)
    binta = next(m for m in page.household.members if m.first_name == "Binta")
    assert (binta.status, binta.status_reason) == ("LEFT", "STUDIES")


def test_set_head_and_recipients(qtbot, window: MainWindow, registry: Registry) -> None:
    page = _open(qtbot, window, registry.ids["Sow"])
    page.select_member(_member(page, "Mariama"))  # already the head
    page.member_buttons[hp.SET_HEAD].click()
    dialog = window.household_actions.dialog
    assert isinstance(dialog, RoleDialog)
    assert _save_and_fail(qtbot, dialog, "individual_id") == "This person is already the head."
    dialog.member_combo.setCurrentIndex(dialog.member_combo.findText("Binta Sow"))
    _save_and_wait(qtbot, window, dialog)
    assert next(m for m in page.household.members if m.is_head).first_name == "Binta"

    page.select_member(_member(page, "Fatou"))  # the primary recipient
    page.member_buttons[hp.SET_SECONDARY].click()
    dialog = window.household_actions.dialog
    assert isinstance(dialog, RoleDialog)
    assert dialog.member_combo.itemText(dialog.member_combo.count() - 1) == "Nobody"
    assert _save_and_fail(qtbot, dialog, "individual_id").startswith("The primary recipient")
    dialog.member_combo.setCurrentIndex(dialog.member_combo.findText("Mariama Sow"))
    _save_and_wait(qtbot, window, dialog)
    roles = {
        m.first_name: page.members_model.index(i, 7).data()
        for i, m in enumerate(page.household.members)
    }
    assert roles["Mariama"] == "Secondary recipient"

    page.select_member(_member(page, "Mariama"))
    page.member_buttons[hp.SET_PRIMARY].click()
    dialog = window.household_actions.dialog
    assert isinstance(dialog, RoleDialog)
    _save_and_wait(qtbot, window, dialog)
    mariama = next(m for m in page.household.members if m.first_name == "Mariama")
    assert mariama.is_primary_recipient and not mariama.is_secondary_recipient


def test_move_tells_which_programmes_were_exited(
    qtbot, window: MainWindow, registry: Registry
) -> None:
    enrol(registry.district, registry.ids["Baldé"], "PW")  # operates in ward 1 only
    page = _open(qtbot, window, registry.ids["Baldé"])
    page.action_buttons[hp.MOVE].click()
    dialog = window.household_actions.dialog
    assert isinstance(dialog, MoveDialog)
    assert dialog.village_combo.currentData() == "V001"
    assert _save_and_fail(qtbot, dialog, "village") == "The household already lives there."
    dialog.village_combo.setCurrentIndex(dialog.village_combo.findData("V003"))
    dialog.address_edit.setText("Près du forage")
    _save_and_wait(qtbot, window, dialog)
    assert page.facts["village"].text() == "Saré Yoba (V003)"
    notice = window.household_actions.notice
    assert notice is not None and notice.isVisible()
    assert "Exited (the programme does not operate there): PW." in notice.text()
    notice.accept()


def test_payment_account(qtbot, window: MainWindow, registry: Registry) -> None:
    page = _open(qtbot, window, registry.ids["Baldé"])
    page.action_buttons[hp.PAYMENT_ACCOUNT].click()
    dialog = window.household_actions.dialog
    assert isinstance(dialog, PaymentAccountDialog)
    assert dialog.holder_combo.currentText() == "Fatou Baldé"  # the primary recipient
    dialog.provider_edit.clear()
    assert _save_and_fail(qtbot, dialog, "provider") == "This field is required."
    assert dialog.error_for("account_number") == "This field is required."
    dialog.provider_edit.setText("Wave")
    dialog.number_edit.setText("+221776665544")
    _save_and_wait(qtbot, window, dialog)
    assert page.accounts_model.rowCount() == 1
    assert page.accounts_model.index(0, 1).data() == "Wave"


def test_register_household_from_the_list(qtbot, window: MainWindow) -> None:
    window.households_view.register_button.click()
    dialog = window.household_actions.dialog
    assert isinstance(dialog, RegisterHouseholdDialog)
    dialog.village_combo.setCurrentIndex(dialog.village_combo.findData("V002"))
    head = dialog.rows[0]
    head.last_name_edit.setText("Mané")
    spouse = dialog.add_member("SPOUSE")
    assert spouse.last_name_edit.text() == "Mané"
    spouse.first_name_edit.setText("Aïda")
    spouse.sex_combo.setCurrentIndex(spouse.sex_combo.findData("F"))
    spouse.primary_radio.setChecked(True)
    dialog.gps_edit.setText("twelve")
    dialog.save_button.click()  # checked before anything is sent
    assert dialog.error_for("gps").startswith("Write the position as")
    dialog.gps_edit.clear()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.member_error(0)), timeout=5000)
    assert dialog.member_error(0) == "First name: This field is required."
    assert dialog.member_error(1) == ""
    assert spouse.first_name_edit.text() == "Aïda"  # nothing lost
    head.first_name_edit.setText("Ibou")
    data = dialog.collect()
    assert (data.head_index, data.primary_recipient_index, data.secondary_recipient_index) == (
        0,
        1,
        None,
    )
    with qtbot.waitSignal(window.household_page.loaded, timeout=10_000):
        dialog.save_button.click()
    page = window.household_page
    assert window.households_stack.currentWidget() is page
    assert "Ibou Mané" in page.title_label.text()
    assert page.facts["village"].text().startswith("Sinthiang")


def test_read_only_users_get_no_change_buttons(qtbot, registry: Registry) -> None:
    window = MainWindow(registry.district.ctx("viewer"), settings=Settings())
    qtbot.addWidget(window)
    window.show()
    page = _open(qtbot, window, registry.ids["Sow"])
    assert not page.action_buttons[hp.EDIT_DETAILS].isVisible()
    assert not window.households_view.register_button.isVisible()
