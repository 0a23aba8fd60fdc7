"""Everything about one organisation or person in date order; l logs a new contact."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Static

from tracker.i18n import N_, _, ngettext
from tracker.services.dto_partners import (
    NamedRef,
    OrganisationDetail,
    PersonDetail,
    Timeline,
    TimelineItem,
)
from tracker.tui.format import DASH, fmt_date
from tracker.tui.modals.interaction import new_values
from tracker.tui.modals.org_form import edit_organisation_form
from tracker.tui.modals.person_form import edit_person_form
from tracker.tui.modals.saving_form import SavingForm
from tracker.tui.screens.base import cancelled
from tracker.tui.screens.contact_log_actions import InteractionActions, event_options, plan_events
from tracker.tui.widgets.entry_table import EntryTable, cell
from tracker.tui.widgets.footer import TrackerFooter
from tracker.tui.widgets.partner_tables import PartnerTable, kind_text, stage_label

KIND_LABELS = {
    "interaction": N_("contact"),
    "event": N_("event"),
    "deadline": N_("deadline"),
    "membership": N_("consortium"),
}
COUNTED = (
    ("interaction", N_("{n} contact"), N_("{n} contacts")),
    ("event", N_("{n} event"), N_("{n} events")),
    ("deadline", N_("{n} deadline"), N_("{n} deadlines")),
)
KIND_STYLES = {"interaction": "", "event": "cyan", "deadline": "yellow", "membership": "magenta"}


@dataclass(frozen=True)
class TimelineRow:
    index: int
    item: TimelineItem


class TimelineTable(PartnerTable[TimelineRow]):
    COLUMNS = (
        ("on", N_("Date"), 10),
        ("kind", N_("What"), 10),
        ("title", N_("Title"), 48),
        ("detail", N_("Details"), 54),
        ("via", N_("Via"), 20),
    )

    def row_id(self, row: TimelineRow) -> int:
        return row.index

    def cells(self, row: TimelineRow) -> Sequence[Text]:
        item = row.item
        style = KIND_STYLES.get(item.kind, "")
        when = fmt_date(item.on) + (f" {item.at:%H:%M}" if item.at else "")
        return [
            cell(when if item.on else DASH),
            cell(_(KIND_LABELS.get(item.kind, item.kind)), style=style),
            cell(item.title, style="bold" if item.kind == "interaction" else style),
            cell(item.detail or DASH, style="dim"),
            cell(item.via, style="dim italic"),
        ]


@dataclass(frozen=True)
class Loaded:
    timeline: Timeline
    detail: OrganisationDetail | PersonDetail


def heading(detail: OrganisationDetail | PersonDetail) -> Text:
    if isinstance(detail, OrganisationDetail):
        text = Text(detail.name, style="bold")
        where = ", ".join(p for p in (detail.city, detail.country_name or "") if p)
        facts = [kind_text(detail.kind), stage_label(detail.stage), where, ", ".join(detail.tags)]
        text.append("  " + "  ·  ".join(f for f in facts if f), style="dim")
        extra = [detail.website, ", ".join(p.name for p in detail.people[:6])]
    else:
        text = Text(detail.full_name, style="bold")
        org = detail.organisation.name if detail.organisation else ""
        facts = [detail.role, org, detail.email, detail.phone, detail.languages]
        text.append("  " + "  ·  ".join(f for f in facts if f), style="dim")
        consent = _("consent: {state}").format(state=_(detail.consent))
        if detail.consent_source:
            consent += f" ({detail.consent_source})"
        extra = [consent]
    lines = [e for e in extra if e]
    if lines:
        text.append("\n" + "  ·  ".join(lines), style="dim")
    return text


class TimelineScreen(InteractionActions):
    """Pushed over the organisations or people screen; escape goes back."""

    CSS_PATH = "../partners.tcss"
    HELP_TITLE: ClassVar[str] = N_("Timeline")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "new", N_("Log contact"), id="timeline-log"),
        Binding("e", "edit_subject", N_("Edit details"), id="timeline-edit"),
        Binding("enter", "edit", N_("Open entry"), show=False),
        Binding("escape", "back", N_("Back"), id="timeline-back"),
    ]

    def __init__(self, kind: str, subject_id: int, name: str = "") -> None:
        super().__init__()
        self.kind = kind  # organisation | person
        self.subject = NamedRef(subject_id, name)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.subject.name, id="timeline-heading")
        yield TimelineTable(id="timeline")
        yield Static(id="timeline-status")
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.table.focus()
        self.sync()

    @property
    def table(self) -> TimelineTable:
        return self.query_one(TimelineTable)

    def selected_id(self) -> int | None:
        row = self.table.current
        if row is None or row.item.kind != "interaction":
            self.notify(_("Only contact-log entries open from here."), markup=False)
            return None
        return row.item.ref_id

    # -- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self) -> None:
        svc, ref = self.svc, self.subject.id
        if self.kind == "organisation":
            loaded = Loaded(svc.contact_log.timeline_of_org(ref), svc.organisations.get(ref))
        else:
            loaded = Loaded(svc.contact_log.timeline_of_person(ref), svc.people.get(ref))
        if not cancelled():
            self.app.call_from_thread(self.show, loaded)

    def show(self, loaded: Loaded) -> None:
        timeline = loaded.timeline
        self.subject = timeline.subject
        self.query_one("#timeline-heading", Static).update(heading(loaded.detail))
        rows = [TimelineRow(i, item) for i, item in enumerate(timeline.items)]
        today = self.tracker.today
        past = [r.index for r in rows if r.item.on is not None and r.item.on <= today]
        focus = self._focus_row(rows)
        self.table.show_rows(rows, cursor=past[-1] if past else 0, focus=focus)
        counts = {kind: 0 for kind in KIND_LABELS}
        for item in timeline.items:
            counts[item.kind] += 1
        parts = [
            ngettext(one, many, counts[kind]).format(n=counts[kind]) for kind, one, many in COUNTED
        ]
        parts += [
            _("oldest first"),
            _("l logs a contact · enter opens an entry · escape goes back"),
        ]
        if timeline.truncated:
            parts.insert(3, _("only the latest contacts"))
        if not timeline.items:
            parts = [_("Nothing yet: l logs the first contact.")]
        self.query_one("#timeline-status", Static).update("  ·  ".join(parts))

    def _focus_row(self, rows: list[TimelineRow]) -> int | None:
        focus, self._focus_id = self._focus_id, None
        if focus is None:
            return None
        return next(
            (r.index for r in rows if r.item.kind == "interaction" and r.item.ref_id == focus),
            None,
        )

    @on(EntryTable.RowSelected)
    def row_selected(self, event: EntryTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    # -- actions ----------------------------------------------------------------------

    def action_new(self) -> None:
        self.prepare_new()

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def prepare_new(self) -> None:
        events = event_options(plan_events(self.svc, self.year))
        values = new_values(self.tracker.today)
        values["organisations" if self.kind == "organisation" else "people"] = (self.subject,)
        self.app.call_from_thread(self.open_form, values, events, None, None)

    def action_edit_subject(self) -> None:
        self.open_subject()

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def open_subject(self) -> None:
        svc, ref = self.svc, self.subject.id
        detail = svc.organisations.get(ref) if self.kind == "organisation" else svc.people.get(ref)
        self.app.call_from_thread(self.show_subject_form, detail)

    def show_subject_form(self, detail: OrganisationDetail | PersonDetail) -> None:
        form: SavingForm[Any]
        if isinstance(detail, OrganisationDetail):
            codes = [c.code for c in self.tracker.countries]
            form = edit_organisation_form(self.svc, detail, codes)
        else:
            form = edit_person_form(self.svc, detail)
        self.app.push_screen(form, self.subject_saved)

    def subject_saved(self, saved: OrganisationDetail | PersonDetail | None) -> None:
        if saved is not None:
            name = saved.name if isinstance(saved, OrganisationDetail) else saved.full_name
            self.notify(_("Saved {name}.").format(name=name), markup=False)
            self.changed()

    def action_back(self) -> None:
        self.dismiss()
