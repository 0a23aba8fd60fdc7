"""Search everything (ctrl+f): organisations, people, events, contacts and calls, ranked.

Results follow the typing; enter opens the highlighted one: an organisation or a person
on its timeline, an event on the events screen, a contact-log entry in its form, a call
on the calls screen.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from tracker.i18n import N_, _, ngettext
from tracker.services.dto_search import SearchHit, SearchResults
from tracker.tui.errors import report_worker_failure
from tracker.tui.screens.calls import CallsScreen
from tracker.tui.screens.contact_log import ContactLogScreen
from tracker.tui.screens.events import EventsScreen
from tracker.tui.screens.timeline import TimelineScreen
from tracker.tui.widgets.footer import TrackerFooter

if TYPE_CHECKING:
    from tracker.services.context import Services
    from tracker.tui.app import TrackerApp

LIMIT = 40
MAX_EVENTS = 500  # a plan year holds a few dozen
KIND_LABELS = {
    "organisation": N_("organisation"),
    "person": N_("person"),
    "event": N_("event"),
    "interaction": N_("contact"),
    "call": N_("call"),
}
# A first letter matches most of a big database: counting stops here ("10000+ contacts").
COUNT_AT_MOST = 10_000
KIND_COUNTS = {
    "organisation": (N_("{n} organisation"), N_("{n} organisations")),
    "person": (N_("{n} person"), N_("{n} people")),
    "event": (N_("{n} event"), N_("{n} events")),
    "interaction": (N_("{n} contact"), N_("{n} contacts")),
    "call": (N_("{n} call"), N_("{n} calls")),
}
KIND_STYLES = {
    "organisation": "bold cyan",
    "person": "bold green",
    "event": "bold magenta",
    "interaction": "bold yellow",
    "call": "bold blue",
}


def hit_text(hit: SearchHit) -> Text:
    text = Text(f"{_(KIND_LABELS[hit.kind]):<13}", style=KIND_STYLES[hit.kind])
    text.append(hit.title, style="bold")
    if hit.subtitle:
        text.append(f"  {hit.subtitle}", style="dim")
    if hit.snippet:
        snippet = Text(f"\n{' ' * 13}{hit.snippet}", style="dim italic")
        offset = 14
        for start, end in hit.snippet_marks:
            snippet.stylize("bold not dim", offset + start, offset + end)
        text.append_text(snippet)
    return text


class SearchModal(ModalScreen[SearchHit | None]):
    CSS_PATH = "../partners.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Close")),
        Binding("down", "results", N_("Results"), show=False),
    ]

    def __init__(self, services: Services, text: str = "") -> None:
        super().__init__()
        self.services = services
        self.start = text
        self.hits: tuple[SearchHit, ...] = ()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog search"):
            yield Static(_("Search everything"), classes="dialog--title")
            yield Input(
                self.start,
                placeholder=_("organisations, people, events, contacts, calls…"),
                id="search-input",
            )
            yield OptionList(id="search-results")
            yield Static(_("Type to search."), id="search-status")
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.query_one("#search-input", Input).focus()
        if self.start:
            self.search(self.start)

    @on(Input.Changed, "#search-input")
    def typed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def search(self, text: str) -> None:
        results = self.services.search.search(text, limit=LIMIT, count_at_most=COUNT_AT_MOST)
        self.app.call_from_thread(self.show, results)

    def show(self, results: SearchResults) -> None:
        if results.query != self.query_one("#search-input", Input).value:
            return  # an older search, overtaken by the typing
        self.hits = results.hits
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(Option(hit_text(hit), id=str(i)) for i, hit in enumerate(self.hits))
        if self.hits:
            options.highlighted = 0
        status = self.query_one("#search-status", Static)
        if not results.terms:
            status.update(_("Type to search."))
        elif not self.hits:
            status.update(_("Nothing found for “{text}”.").format(text=results.query.strip()))
        else:
            counts = [
                ngettext(*KIND_COUNTS[kind], n).format(
                    n=f"{n}+" if kind in results.capped_kinds else n
                )
                for kind, n in results.total_by_kind.items()
                if n
            ]
            status.update("  ·  ".join([*counts, _("enter opens · ↓ to the list · escape closes")]))

    @on(Input.Submitted, "#search-input")
    def submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None and self.hits:
            self.dismiss(self.hits[options.highlighted])

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.hits[event.option_index])

    def action_results(self) -> None:
        if self.hits:
            self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_failure(self, event.worker, event.state)


async def settled(app: TrackerApp, mode: str) -> Screen[object]:
    """Switch to an area and let its first load land, so what we show next stays shown."""
    await app.switch_mode(mode)
    screen = app.screen
    shown = asyncio.Event()
    screen.call_after_refresh(shown.set)  # after the messages that start its load
    await shown.wait()
    while any(w.node is screen and not w.is_finished for w in app.workers):
        await asyncio.sleep(0.02)
    return screen


def event_position(svc: Services, screen: EventsScreen, event_id: int) -> int | None:
    """Where the events screen lists an event under its filters and order (one page of
    a plan year's few dozen events)."""
    rows = svc.events.list(replace(screen.query_for(0), limit=MAX_EVENTS)).rows
    return next((i for i, row in enumerate(rows) if row.id == event_id), None)


async def open_hit(app: TrackerApp, hit: SearchHit) -> None:
    """Show what the search found where it lives."""
    if hit.kind in ("organisation", "person"):
        await app.push_screen(TimelineScreen(hit.kind, hit.id, hit.title))
    elif hit.kind == "event":
        event = await asyncio.to_thread(app.svc.events.get, hit.id)  # off the UI thread
        if (year := event.year) != app.year:
            app.set_year(year)
        screen = await settled(app, "events")
        if isinstance(screen, EventsScreen):
            position = await asyncio.to_thread(event_position, app.svc, screen, hit.id)
            screen.highlight(hit.id, position)
    elif hit.kind == "interaction":
        screen = await settled(app, "contact_log")
        if isinstance(screen, ContactLogScreen):
            screen.prepare_form(hit.id, None)
    elif hit.kind == "call":
        screen = await settled(app, "calls")
        if isinstance(screen, CallsScreen):
            screen.focus_call = hit.id
            screen.sync(force=True)
