"""A person: name, organisation, role, email, phone, languages, consent, notes.

Emails and phones are checked by the people service (email-validator, phonenumbers;
a phone without +country is read in the organisation's country): its messages show
under the field they are about.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Input, Select, Switch, TextArea

from tracker.domain.enums import ConsentStatus
from tracker.i18n import N_, _
from tracker.services.dto_partners import PersonDetail
from tracker.tui.format import fmt_date
from tracker.tui.modals.saving_form import Editing, Save, SavingForm
from tracker.tui.widgets.field import Field

if TYPE_CHECKING:
    from tracker.services.context import Services

CONSENT_LABELS = {
    "unknown": N_("unknown"),
    "given": N_("given"),
    "refused": N_("refused"),
    "withdrawn": N_("withdrawn"),
}


def person_values(person: PersonDetail) -> dict[str, object]:
    """The form's start from a saved person: the organisation by name, dates as we write them."""
    values: dict[str, object] = dict(person.form_fields())
    values["organisation"] = person.organisation.name if person.organisation else ""
    values["consent_date"] = fmt_date(person.consent_date) if person.consent_date else ""
    values["staff"] = person.is_staff
    return values


class PersonForm(SavingForm[PersonDetail]):
    CSS_PATH = "../partners.tcss"
    TITLE_TEXT: ClassVar[str] = N_("New person")

    def __init__(
        self,
        save: Save[PersonDetail] | None,
        values: Mapping[str, object] | None = None,
        *,
        organisation_id: int | None = None,
        title: str | None = None,
        editing: Editing[PersonDetail] | None = None,
    ) -> None:
        super().__init__(save, title=title or _(self.TITLE_TEXT), editing=editing)
        self.start = dict(values or {})
        self.organisation_id = organisation_id  # kept while its name is left as it was

    def _text(self, key: str, placeholder: str = "") -> Input:
        value = str(self.start.get(key) or "")
        return Input(value, placeholder=placeholder, id=f"person-{key}", compact=True)

    def compose_body(self) -> ComposeResult:
        consents = [(_(label), value) for value, label in CONSENT_LABELS.items()]
        consent = str(self.start.get("consent") or ConsentStatus.UNKNOWN.value)
        with Grid(classes="person-form"):
            yield Field(_("Name"), self._text("name", _("e.g. Anna Rossi")), key="name")
            yield Field(
                _("Organisation"),
                self._text("organisation", _("name or #id, if any")),
                key="organisation",
                classes="two",
            )
            yield Field(_("Role"), self._text("role", _("e.g. project manager")), key="role")
            yield Field(
                _("Email"), self._text("email", "name@example.org"), key="email", classes="two"
            )
            yield Field(_("Phone"), self._text("phone", "+32 71 …"), key="phone")
            yield Field(_("Languages"), self._text("languages", "it, en, fr"), key="languages")
            yield Field(
                _("One of our staff"),
                Switch(bool(self.start.get("staff")), id="person-staff"),
                key="staff",
            )
            yield Field(
                _("Consent to keep their data"),
                Select(
                    consents, value=consent, allow_blank=False, id="person-consent", compact=True
                ),
                key="consent",
            )
            yield Field(
                _("Consent source"),
                self._text("consent_source", _("e.g. form at MedTech 2018")),
                key="consent_source",
            )
            yield Field(
                _("Consent date"), self._text("consent_date", "dd/mm/yyyy"), key="consent_date"
            )
            yield Field(
                _("Notes"),
                TextArea(str(self.start.get("notes") or ""), id="person-notes", compact=True),
                key="notes",
                classes="wide",
            )

    def fields(self) -> Iterable[Field]:
        return ()

    def ready(self) -> None:
        self.query_one("#person-name", Input).focus()

    def refill(self, record: Any) -> None:
        self.start = person_values(record)
        self.organisation_id = record.organisation.id if record.organisation else None
        self.fill(self.start)

    def fields_to_save(self, values: Mapping[str, object]) -> dict[str, object]:
        fields = dict(values)
        organisation = str(fields.get("organisation") or "").strip()
        if self.organisation_id is not None and organisation == self.start.get("organisation"):
            fields["organisation"] = self.organisation_id  # the same one, even if names clash
        fields["staff"] = "yes" if fields.get("staff") else "no"
        return fields


def new_person_form(svc: Services, values: Mapping[str, object] | None = None) -> PersonForm:
    """The form for a new person (``values``: a draft brought back), kept as a draft."""
    form = PersonForm(svc.people.create, values)
    form.keep_drafts("person", None, None, restored=values is not None)
    return form


def edit_person_form(
    svc: Services,
    detail: PersonDetail,
    values: Mapping[str, object] | None = None,
    version: int | None = None,
) -> PersonForm:
    """The form for a saved person, kept as a draft; a change made meanwhile by someone
    else conflicts. ``values`` and ``version``: a draft brought back, and the version
    its user started from."""
    people = svc.people
    saved = person_values(detail)
    start = saved if values is None else values
    org = detail.organisation
    # The organisation's id stands while the draft keeps the name it had.
    org_id = org.id if org and start.get("organisation") == saved["organisation"] else None
    started = detail.version if version is None else version
    form = PersonForm(
        None,
        start,
        organisation_id=org_id,
        title=_("Edit {name}").format(name=detail.full_name),
        editing=Editing(
            lambda: people.get(detail.id),
            lambda fields, version: people.update(detail.id, fields, expected_version=version),
            started,
        ),
    )
    form.keep_drafts("person", detail.id, started, restored=values is not None)
    return form
