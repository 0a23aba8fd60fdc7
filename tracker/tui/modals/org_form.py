"""An organisation: name, kind, stage, where, sectors, web addresses, notes."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Input, Select, TextArea

from tracker.domain.enums import OrgKind, Stage
from tracker.domain.errors import ValidationError
from tracker.i18n import N_, _
from tracker.services.dto_partners import OrganisationDetail
from tracker.tui.modals.saving_form import Editing, Save, SavingForm
from tracker.tui.widgets.field import Field
from tracker.tui.widgets.partner_tables import kind_text, stage_label

if TYPE_CHECKING:
    from tracker.services.context import Services


class OrganisationForm(SavingForm[OrganisationDetail]):
    CSS_PATH = "../partners.tcss"
    TITLE_TEXT: ClassVar[str] = N_("New organisation")

    def __init__(
        self,
        save: Save[OrganisationDetail] | None,
        values: Mapping[str, object] | None = None,
        *,
        countries: Collection[str] = (),
        title: str | None = None,
        editing: Editing[OrganisationDetail] | None = None,
    ) -> None:
        super().__init__(save, title=title or _(self.TITLE_TEXT), editing=editing)
        self.start = dict(values or {})
        self.countries = frozenset(countries)  # the codes on file; empty: not checked here

    def _text(self, key: str, placeholder: str = "") -> Input:
        value = str(self.start.get(key) or "")
        return Input(value, placeholder=placeholder, id=f"org-{key}", compact=True)

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
                TextArea(str(self.start.get("notes") or ""), id="org-notes", compact=True),
                key="notes",
                classes="wide",
            )

    def fields(self) -> Iterable[Field]:
        return ()

    def ready(self) -> None:
        self.query_one("#org-name", Input).focus()

    def refill(self, record: Any) -> None:
        self.start = dict(record.form_fields())
        self.fill(self.start)

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


def new_organisation_form(
    svc: Services, countries: Collection[str], values: Mapping[str, object] | None = None
) -> OrganisationForm:
    """The form for a new organisation (``values``: a draft brought back), kept as a draft."""
    form = OrganisationForm(svc.organisations.create, values, countries=countries)
    form.keep_drafts("organisation", None, None, restored=values is not None)
    return form


def edit_organisation_form(
    svc: Services,
    detail: OrganisationDetail,
    countries: Collection[str],
    values: Mapping[str, object] | None = None,
    version: int | None = None,
) -> OrganisationForm:
    """The form for a saved organisation, kept as a draft; a change made meanwhile by
    someone else conflicts. ``values`` and ``version``: a draft brought back, and the
    version its user started from."""
    organisations = svc.organisations
    started = detail.version if version is None else version
    form = OrganisationForm(
        None,
        detail.form_fields() if values is None else values,
        countries=countries,
        title=_("Edit {name}").format(name=detail.name),
        editing=Editing(
            lambda: organisations.get(detail.id),
            lambda fields, version: organisations.update(
                detail.id, fields, expected_version=version
            ),
            started,
        ),
    )
    form.keep_drafts("organisation", detail.id, started, restored=values is not None)
    return form
