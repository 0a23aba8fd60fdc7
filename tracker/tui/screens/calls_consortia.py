"""What the calls screen writes to consortia: new ones, their status, members and roles."""

from __future__ import annotations

from textual import work

from tracker.domain.enums import ConsortiumStatus, MemberRole
from tracker.i18n import _
from tracker.io.report.labels import term
from tracker.services.dto_funding import ConsortiumInfo
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.modals.consortium import (
    ConsortiumForm,
    ConsortiumRequest,
    MemberForm,
    MemberRequest,
)
from tracker.tui.modals.pick import PickModal
from tracker.tui.screens.calls_actions import CallActions, Focus
from tracker.tui.widgets.name_picker import exact


class ConsortiumActions(CallActions):
    """Consortia of the selected call, and the members of the selected consortium."""

    # -- consortia ---------------------------------------------------------------------

    def action_new_consortium(self) -> None:
        call = self.selected_call()
        if call is None:
            return

        def chosen(request: ConsortiumRequest | None) -> None:
            if request is None:
                return

            def create() -> tuple[str, Focus]:
                made = self.svc.funding.add_consortium(call.id, request.name, notes=request.notes)
                message = _("Consortium “{name}” is {status}.").format(
                    name=made.name, status=term("consortium_status", made.status)
                )
                return message, Focus(call.id, made.id)

            self.apply(create)

        self.app.push_screen(
            ConsortiumForm(title=_("New consortium for {title}").format(title=call.title)), chosen
        )

    def action_consortium_status(self) -> None:
        consortium = self.selected_consortium()
        if consortium is None:
            return
        options = [(status.value, status.value) for status in ConsortiumStatus]
        here = Focus(consortium.call.id, consortium.id)

        def chosen(status: str | None) -> None:
            if status is None or status == consortium.status:
                return

            def move() -> tuple[str, Focus]:
                updated = self.svc.funding.set_status(consortium.id, status)
                message = _("“{name}” is now {status}.").format(
                    name=updated.name, status=term("consortium_status", updated.status)
                )
                return message, here

            self.apply(move)

        self.app.push_screen(
            PickModal(
                _("Status of “{name}”").format(name=consortium.name),
                options,
                current=consortium.status,
            ),
            chosen,
        )

    def action_delete_consortium(self) -> None:
        consortium = self.selected_consortium()
        if consortium is None:
            return

        def delete() -> tuple[str, Focus]:
            name = self.svc.funding.delete_consortium(consortium.id)
            return _("Deleted “{name}”.").format(name=name), Focus(consortium.call.id)

        def answered(yes: bool | None) -> None:
            if yes:
                self.apply(delete)

        count = len(consortium.members)
        detail = (
            _("Its {count} members stay on file as organisations.").format(count=count)
            if count
            else ""
        )
        self.app.push_screen(
            ConfirmModal(_("Delete “{name}”?").format(name=consortium.name), detail), answered
        )

    # -- members -----------------------------------------------------------------------

    def action_add_member(self) -> None:
        consortium = self.selected_consortium()
        if consortium is None:
            return

        def chosen(request: MemberRequest | None) -> None:
            if request is not None:
                self.add_member(consortium, request)

        title = _("Add a member to {name}").format(name=consortium.name)
        self.app.push_screen(MemberForm(self.svc.organisations.similar, title=title), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def add_member(self, consortium: ConsortiumInfo, request: MemberRequest) -> None:
        organisation = request.organisation_id
        if organisation is None and not request.looked_up:
            found = exact(self.svc.organisations.similar(request.name))
            organisation = found.id if found is not None else None
        if organisation is None:
            self.app.call_from_thread(self.offer_new_member, consortium, request)
            return
        self.add_member_now(consortium, organisation, request.role)

    def add_member_now(self, consortium: ConsortiumInfo, organisation: int, role: str) -> None:
        updated = self.svc.funding.member_add(consortium.id, organisation, role)
        member = next(m for m in updated.members if m.organisation_id == organisation)
        message = _("{organisation} joins “{name}” as {role}.").format(
            organisation=member.organisation_name,
            name=updated.name,
            role=term("member_role", member.role),
        )
        focus = Focus(consortium.call.id, consortium.id, organisation)
        self.app.call_from_thread(self.applied, message, focus)

    def offer_new_member(self, consortium: ConsortiumInfo, request: MemberRequest) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.create_member(consortium, request)

        self.app.push_screen(
            ConfirmModal(
                _("“{name}” is not on file. Create it and add it?").format(name=request.name),
                _("A new organisation, {role} of “{name}”.").format(
                    role=request.role, name=consortium.name
                ),
                yes=_("Create"),
            ),
            answered,
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def create_member(self, consortium: ConsortiumInfo, request: MemberRequest) -> None:
        made = self.svc.organisations.create({"name": request.name})
        self.add_member_now(consortium, made.id, request.role)

    def action_member_role(self) -> None:
        consortium, member = self.consortia_table.current, self.selected_member()
        if consortium is None or member is None:
            return
        options = [(role.value, role.value) for role in MemberRole]

        here = Focus(consortium.call.id, consortium.id, member.organisation_id)

        def chosen(role: str | None) -> None:
            if role is None or role == member.role:
                return

            def change() -> tuple[str, Focus]:
                updated = self.svc.funding.member_role(consortium.id, member.organisation_id, role)
                message = _("{organisation} is now {role} of “{name}”.").format(
                    organisation=member.organisation_name,
                    role=term("member_role", role),
                    name=updated.name,
                )
                return message, here

            self.apply(change)

        self.app.push_screen(
            PickModal(
                _("Role of {organisation_name}").format(organisation_name=member.organisation_name),
                options,
                current=member.role,
            ),
            chosen,
        )

    def action_remove_member(self) -> None:
        consortium, member = self.consortia_table.current, self.selected_member()
        if consortium is None or member is None:
            return

        def remove() -> tuple[str, Focus]:
            updated = self.svc.funding.member_remove(consortium.id, member.organisation_id)
            message = _("{organisation} left “{name}”.").format(
                organisation=member.organisation_name, name=updated.name
            )
            return message, here

        def answered(yes: bool | None) -> None:
            if yes:
                self.apply(remove)

        here = Focus(consortium.call.id, consortium.id)

        self.app.push_screen(
            ConfirmModal(
                _("Remove {organisation_name} from “{name}”?").format(
                    organisation_name=member.organisation_name, name=consortium.name
                )
            ),
            answered,
        )
