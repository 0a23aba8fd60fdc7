"""An organisation: name, kind, stage, where, sectors, web addresses, notes."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Input, Select, TextArea

from tracker.domain.enums import OrgKind, Stage
from tracker.domain.errors import ValidationError
from tracker.i18n import N_, _
from tracker.services.dto_partners import OrganisationDetail
from tracker.tui.modals.saving_form import Save, SavingForm
from tracker.tui.widgets.field import Field
from tracker.tui.widgets.partner_tables import kind_text, stage_label

if TYPE_CHECKING:
    from tracker.services.context import Services


class OrganisationForm(SavingForm[OrganisationDetail]):
    CSS_PATH = "../partners.tcss"
    TITLE_TEXT: ClassVar[str] = N_("New organisation")

    def __init__(
        self,
        save: Save[OrganisationDetail],
        values: Mapping[str, str] | None = None,
        *,
        countries: Collection[str] = (),
        title: str | None = None,
    ) -> None:
        super().__init__(save, title=title or _(self.TITLE_TEXT))
        self.start = dict(values or {})
        self.countries = frozenset(countries)  # the codes on file; empty: not checked here

    def _text(self, key: str, placeholder: str = "") -> Input:
        return Input(
            self.start.get(key, ""), placeholder=placeholder, id=f"org-{key}", compact=True
        )

    def compose_body(self) -> ComposeResult:
        kinds = [(kind_text(k.value), k.value) for k in OrgKind]
        stages = [(stage_label(s.value), s.value) for s in Stage]
        kind = self.start.get("kind") or OrgKind.CLUSTER.value
        stage = self.start.get("stage") or Stage.PROSPECT.value
        with Grid(classes="org-form"):
            yield Field(_("Name"), self._text("name", _("e.g. BioWin")), key="name", classes="two")
            yield Field(
                _("Kind"),
                Select(kinds, value=kind, allow_blank=False, id="org-kind", compact=True),
                key="kind",
            )
            yield Field(_("Country"), self._text("country", _("ISO code: BE, US…")), key="country")
            yield Field(_("City or region"), self._text("city"), key="city")
            yield Field(
                _("Stage"),
                Select(stages, value=stage, allow_blank=False, id="org-stage", compact=True),
                key="stage",
            )
            yield Field(
                _("Sectors (tags, comma separated)"),
                self._text("tags", _("medtech, biotech")),
                key="tags",
                classes="wide",
            )
            yield Field(_("Website"), self._text("website", "https://…"), key="website")
            yield Field(
                _("ECCP profile"),
                self._text("eccp_url", "https://www.clustercollaboration.eu/…"),
                key="eccp_url",
                classes="two",
            )
            yield Field(
                _("Notes"),
                TextArea(self.start.get("notes", ""), id="org-notes", compact=True),
                key="notes",
                classes="wide",
            )

    def fields(self) -> Iterable[Field]:
        return ()

    def ready(self) -> None:
        self.query_one("#org-name", Input).focus()

    def check(self, fields: Mapping[str, object]) -> dict[str, str]:
        """The service's own rules, and the country among those on file: every error at once."""
        from tracker.domain.contact_rules import validate_organisation

        try:
            validate_organisation(fields)
        except ValidationError as exc:
            return dict(exc.errors)
        code = str(fields.get("country") or "").strip().upper()
        if self.countries and code and code not in self.countries:
            return {
                "country": _(
                    "unknown country code {code}: use an ISO code such as BE, US, DE"
                ).format(code=code)
            }
        return {}


def edit_organisation_form(
    svc: Services, detail: OrganisationDetail, countries: Collection[str]
) -> OrganisationForm:
    """The form for a saved organisation; a change made meanwhile by someone else conflicts."""
    organisations = svc.organisations

    def save(fields: dict[str, object]) -> OrganisationDetail:
        return organisations.update(detail.id, fields, expected_version=detail.version)

    title = _("Edit {name}").format(name=detail.name)
    return OrganisationForm(save, detail.form_fields(), countries=countries, title=title)
