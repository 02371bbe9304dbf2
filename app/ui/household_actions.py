"""Open the change form the household page or list asks for, bound to the right service call.

The page and the dialogs hold no service: this controller builds each dialog with a ``save``
callable (the service call with the household and member bound), opens it window-modal without
blocking, and after a successful save says ``changed(household_id)`` so the window reloads the
page, the list and the status bar. Results worth knowing (programmes exited by a move or a
departure) are told in a message box after the fact.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.vocab import ChangeRequestStatus, ServicePointKind
from app.services.change_requests import ChangeOutcome, submit_change
from app.services.context import ServiceContext
from app.services.dto import HouseholdOut, MoveResult
from app.services.households import register_household, update_household
from app.services.members import DepartureResult, add_member, update_member
from app.services.options import Option, service_point_options, village_options
from app.ui.dialogs.departure_dialog import Departure, DepartureDialog
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.household_details_dialog import HouseholdDetailsDialog
from app.ui.dialogs.member_dialog import MemberDialog
from app.ui.dialogs.move_dialog import MoveDialog
from app.ui.dialogs.payment_account_dialog import AccountIn, PaymentAccountDialog
from app.ui.dialogs.register_household_dialog import RegisterHouseholdDialog
from app.ui.dialogs.role_dialog import RoleDialog
from app.ui.views import household_page as page


class HouseholdActions(QObject):
    # A household was changed (or registered); argument: its id.
    changed = Signal(str)
    # A new household was registered; argument: its id.
    registered = Signal(str)

    def __init__(self, ctx: ServiceContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._ctx = ctx
        self._parent = parent_widget
        # The open form (tests and screenshots reach it here) and the last result message.
        self.dialog: FormDialog | None = None
        self.notice: QMessageBox | None = None

    # --- entry points ------------------------------------------------------------------------

    def run(self, action: str, household: HouseholdOut, member_id: str | None = None) -> None:
        """Open the form for ``action`` (one of household_page's action names)."""
        member = next((m for m in household.members if m.id == member_id), None)
        ctx, ref = self._ctx, household.id
        today = ctx.today()
        dialog: FormDialog
        if action == page.EDIT_DETAILS:
            dialog = HouseholdDetailsDialog(
                household,
                lambda changes: update_household(ctx, household_ref=ref, changes=changes),
                parent=self._parent,
            )
        elif action == page.MOVE:
            dialog = MoveDialog(
                household,
                self._villages(),
                lambda v: submit_change(
                    ctx,
                    type="MOVE",
                    target_id=ref,
                    params={"village_code": v[0], "address": v[1]},
                ),
                parent=self._parent,
            )
            dialog.saved.connect(lambda outcome: self._after(outcome, self._tell_move))
        elif action == page.PAYMENT_ACCOUNT:
            dialog = PaymentAccountDialog(household, self._save_account(ref), parent=self._parent)
            dialog.saved.connect(lambda outcome: self._after(outcome, None))
        elif action == page.ADD_MEMBER:
            head = next((m for m in household.members if m.is_head), None)
            schools, clinics = self._service_points(household)
            dialog = MemberDialog(
                lambda v: add_member(ctx, household_ref=ref, member=v[0], reason=v[1]),
                today=today,
                household_code=household.code,
                last_name=head.last_name if head else "",
                schools=schools,
                health_facilities=clinics,
                parent=self._parent,
            )
        elif member is None:
            return
        elif action == page.EDIT_MEMBER:
            person = member.id
            schools, clinics = self._service_points(household)
            dialog = MemberDialog(
                lambda changes: update_member(ctx, individual_id=person, changes=changes),
                today=today,
                member=member,
                schools=schools,
                health_facilities=clinics,
                parent=self._parent,
            )
        elif action in (page.RECORD_DEATH, page.MEMBER_LEFT):
            died = action == page.RECORD_DEATH
            dialog = DepartureDialog(
                member,
                household.members,
                self._save_departure(member.id, died),
                died=died,
                today=today,
                parent=self._parent,
            )
            dialog.saved.connect(lambda outcome: self._after(outcome, self._tell_departure))
        elif action == page.SET_HEAD:
            dialog = RoleDialog(
                action,
                household.members,
                lambda who: self._role(ref, "HEAD", who),
                selected=member.id,
                parent=self._parent,
            )
        elif action in (page.SET_PRIMARY, page.SET_SECONDARY):
            secondary = action == page.SET_SECONDARY
            dialog = RoleDialog(
                action,
                household.members,
                lambda who: self._role(ref, "SECONDARY" if secondary else "PRIMARY", who),
                selected=member.id,
                parent=self._parent,
            )
        else:
            return
        dialog.saved.connect(lambda _result: self.changed.emit(ref))
        self._open(dialog)

    def register(self) -> None:
        """Open the registration form for a new household."""
        ctx = self._ctx
        dialog = RegisterHouseholdDialog(
            self._villages(),
            lambda data: register_household(ctx, data=data),
            today=ctx.today(),
            parent=self._parent,
        )
        dialog.saved.connect(lambda new_id: self.registered.emit(str(new_id)))
        dialog.saved.connect(lambda new_id: self.changed.emit(str(new_id)))
        self._open(dialog)

    # --- helpers -----------------------------------------------------------------------------

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _villages(self) -> list[Any]:
        actor = self._ctx.actor
        return village_options(self._ctx.db, district_id=actor.district_id if actor else None)

    def _service_points(self, household: HouseholdOut) -> tuple[list[Option], list[Option]]:
        """The schools and the health facilities of the household's district (member form)."""
        db, district = self._ctx.db, household.district_code
        return (
            service_point_options(db, kind=ServicePointKind.SCHOOL, district_code=district),
            service_point_options(
                db, kind=ServicePointKind.HEALTH_FACILITY, district_code=district
            ),
        )

    def _role(self, ref: str, role: str, who: str | None) -> ChangeOutcome:
        return submit_change(
            self._ctx,
            type="HEAD_OR_RECIPIENT",
            target_id=ref,
            params={"role": role, "individual_id": who},
        )

    def _save_account(self, ref: str) -> Callable[[AccountIn], ChangeOutcome]:
        ctx = self._ctx

        def save(account: AccountIn) -> ChangeOutcome:
            return submit_change(
                ctx,
                type="PAYMENT_ACCOUNT",
                target_id=ref,
                params={
                    "method": account.method,
                    "provider": account.provider,
                    "account_number": account.account_number,
                    "account_name": account.account_name,
                    "holder_id": account.holder_id,
                },
            )

        return save

    def _save_departure(self, person: str, died: bool) -> Callable[[Departure], ChangeOutcome]:
        ctx = self._ctx

        def save(d: Departure) -> ChangeOutcome:
            return submit_change(
                ctx,
                type="MEMBER_REMOVAL",
                target_id=person,
                params={
                    "kind": "DEATH" if died else "LEFT",
                    "date": d.date,
                    "reason": d.reason,
                    "new_head_id": d.new_head_id,
                    "new_primary_recipient_id": d.new_primary_recipient_id,
                },
            )

        return save

    def _after(self, outcome: ChangeOutcome, tell: Callable[[Any], None] | None) -> None:
        """Say a change waits for a checker, or tell what the applied change did."""
        if outcome.status == ChangeRequestStatus.PENDING:
            self._tell(
                self.tr("Sent for approval"),
                [
                    self.tr(
                        "This change needs a supervisor's approval ({programmes}). It was saved "
                        "as a change request and is applied once approved."
                    ).format(programmes=", ".join(outcome.programmes) or self.tr("case decision")),
                    self.tr("Requests are listed under Approvals."),
                ],
            )
        elif tell is not None:
            tell(outcome.result)

    def _tell(self, title: str, lines: list[str]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, title, "\n".join(lines), parent=self._parent
        )
        box.setObjectName("result_notice")
        box.finished.connect(box.deleteLater)
        self.notice = box
        box.open()

    def _tell_move(self, result: MoveResult) -> None:
        lines = [self.tr("The household was moved.")]
        if result.exited_programmes:
            lines.append(
                self.tr("Exited (the programme does not operate there): {codes}.").format(
                    codes=", ".join(result.exited_programmes)
                )
            )
        else:
            lines.append(self.tr("All its programmes continue in the new village."))
        if result.pay_point_code:
            lines.append(self.tr("Pay point: {code}.").format(code=result.pay_point_code))
        self._tell(self.tr("Household moved"), lines)

    def _tell_departure(self, result: DepartureResult) -> None:
        lines = []
        if result.household_dissolved:
            lines.append(self.tr("Nobody is left: the household was dissolved."))
        if result.exited_programmes:
            lines.append(
                self.tr("Programmes exited: {codes}.").format(
                    codes=", ".join(result.exited_programmes)
                )
            )
        if "PAYMENT_ACCOUNT_HOLDER_GONE" in result.warnings:
            lines.append(
                self.tr(
                    "The payment account belonged to this person: give the household a new "
                    "payment account."
                )
            )
        if lines:
            self._tell(self.tr("Change recorded"), lines)
