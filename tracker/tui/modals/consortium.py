"""A new consortium for a call; a member added by the organisation's name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import ClassVar

from textual.widgets import Input, Select, TextArea

from tracker.domain.enums import MemberRole
from tracker.i18n import N_, _
from tracker.tui.modals.form import FormErrors, FormModal, read_control
from tracker.tui.widgets.field import Field
from tracker.tui.widgets.name_picker import Lookup, NamePicker


@dataclass(frozen=True)
class ConsortiumRequest:
    name: str
    notes: str


@dataclass(frozen=True)
class MemberRequest:
    """An organisation on file (`organisation_id`), else a name to look up or create."""

    name: str
    organisation_id: int | None
    looked_up: bool  # the name was looked up as typed: no id means not on file
    role: str


class ConsortiumForm(FormModal[ConsortiumRequest]):
    TITLE_TEXT: ClassVar[str] = N_("New consortium")
    ENTER_SAVES: ClassVar[bool] = False

    def fields(self) -> Iterable[Field]:
        yield Field(
            _("Name"),
            Input(placeholder=_("e.g. HealthBridge EU–US"), id="name", compact=True),
            key="name",
        )
        yield Field(_("Notes (optional)"), TextArea(id="notes", compact=True), key="notes")

    def submit(self, values: Mapping[str, object]) -> ConsortiumRequest:
        name = " ".join(str(values.get("name") or "").split())
        if not name:
            raise FormErrors({"name": _("a consortium needs a name")})
        return ConsortiumRequest(name, str(values.get("notes") or "").strip())


class MemberForm(FormModal[MemberRequest]):
    """Type the organisation (look-alikes on file show underneath), pick the role."""

    CSS_PATH = "../partners.tcss"
    TITLE_TEXT: ClassVar[str] = N_("Add a member")

    def __init__(self, lookup: Lookup, *, title: str | None = None) -> None:
        super().__init__(title=title)
        self.lookup = lookup

    def fields(self) -> Iterable[Field]:
        yield Field(
            _("Organisation"),
            NamePicker(
                self.lookup,
                noun=N_("organisation"),
                placeholder=_("Name; tab takes the suggestion"),
                new_hint="+ not on file: you will be asked to create it",
                id="organisation",
            ),
            key="organisation",
        )
        roles = [(role.value, role.value) for role in MemberRole]
        yield Field(
            _("Role"),
            Select(
                roles, value=MemberRole.PARTNER.value, allow_blank=False, id="role", compact=True
            ),
            key="role",
        )

    @property
    def picker(self) -> NamePicker:
        return self.query_one("#organisation", NamePicker)

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {}
        for field in self.query(Field):
            control = field.control
            if isinstance(control, NamePicker):
                values[field.key] = control.value
            else:
                values[field.key] = read_control(field)
        return values

    def submit(self, values: Mapping[str, object]) -> MemberRequest:
        picker = self.picker
        if not picker.value:
            raise FormErrors({"organisation": _("name the organisation")})
        return MemberRequest(picker.value, picker.chosen_id, picker.fresh, str(values.get("role")))
