"""The Textual application: start-up, the plan year, the three areas and app-wide keys.

Only light modules are imported here: the services (and SQLAlchemy behind them) are
imported by the start-up worker, after the first paint.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker

from tracker.config import Settings
from tracker.i18n import N_, _
from tracker.i18n_format import money
from tracker.services.dto import CountryInfo, PlanSummary
from tracker.services.dto_search import SearchHit
from tracker.tui.drafts import DraftStore
from tracker.tui.errors import describe, report_worker_failure
from tracker.tui.screens.base import TrackerScreen
from tracker.tui.screens.startup import LoadingScreen, StartupErrorScreen
from tracker.tui.translate import translate_bindings, translate_node
from tracker.tui.unsaved import ask_before_quitting, offer_drafts

if TYPE_CHECKING:
    from tracker.services.context import Services
    from tracker.tui.modals.plan_forms import NewPlanRequest

AREAS = {
    "dashboard": N_("Dashboard"),
    "events": N_("Events"),
    "budget": N_("Budget"),
    "contact_log": N_("Contact log"),
    "followups": N_("Follow-ups"),
    "calls": N_("Calls & consortia"),
    "organisations": N_("Organisations"),
    "people": N_("People"),
    "data": N_("Documents & data"),
    "calendar": N_("Calendar"),
}
NEW_PLAN = -1  # the year picker's "new plan year" entry
# Textual's own commands in the palette, for the catalog (translated where shown).
TEXTUAL_COMMANDS = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)
# Each area's screen: (module under tracker.tui.screens, class). A screen's module (and
# the modals it opens) is imported when the area is first shown, or in the background
# once the dashboard is up, so the first frame waits for Textual alone.
SCREENS = {
    "dashboard": ("dashboard", "DashboardScreen"),
    "events": ("events", "EventsScreen"),
    "budget": ("budget", "BudgetScreen"),
    "contact_log": ("contact_log", "ContactLogScreen"),
    "followups": ("followups", "FollowUpsScreen"),
    "calls": ("calls", "CallsScreen"),
    "organisations": ("organisations", "OrganisationsScreen"),
    "people": ("people", "PeopleScreen"),
    "data": ("data_io", "DataScreen"),
    "calendar": ("calendar", "CalendarScreen"),
}


def _screen_class(area: str) -> type[Screen[Any]]:
    module, name = SCREENS[area]
    found: type[Screen[Any]] = getattr(
        importlib.import_module(f"tracker.tui.screens.{module}"), name
    )
    translate_bindings()  # the classes that import just brought in
    return found


def _screen_factory(area: str) -> Callable[[], Screen[Any]]:
    return lambda: _screen_class(area)()


class TrackerApp(App[None]):
    """Plan, events and budget of one plan year at a time."""

    CSS_PATH = "app.tcss"
    # The screens' own stylesheets, read once the dashboard is up (see warm_up).
    SCREEN_CSS = ("partners.tcss", "calendar.tcss", "data.tcss")
    TITLE = "tracker"
    MODES: ClassVar[dict[str, Any]] = {area: _screen_factory(area) for area in SCREENS}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "area('dashboard')", N_("Dashboard"), id="dashboard"),
        Binding("e", "area('events')", N_("Events"), id="events"),
        Binding("b", "area('budget')", N_("Budget"), id="budget"),
        Binding("L", "area('contact_log')", N_("Contact log"), id="contact-log"),
        Binding("F", "area('followups')", N_("Follow-ups"), id="followups"),
        Binding("C", "area('calls')", N_("Calls"), id="calls"),
        Binding("O", "area('organisations')", N_("Organisations"), id="organisations"),
        Binding("P", "area('people')", N_("People"), id="people"),
        Binding("ctrl+f", "search", N_("Search"), priority=True, id="search"),
        # Not in the footer (full already): listed by ? and the command palette.
        Binding("X", "area('data')", N_("Documents & data"), show=False, id="data"),
        # Not c: the calls screen's c starts a new consortium. Out of the footer for now
        # (the other screens' snapshots keep their footer); ? and ctrl+p list it.
        Binding("A", "area('calendar')", N_("Calendar"), show=False, id="calendar"),
        Binding("y", "pick_year", N_("Plan year"), id="pick-year"),
        Binding("question_mark", "help", N_("Help"), key_display="?", id="help"),
        Binding("f1", "help", N_("Help"), show=False, id="help-f1"),
        Binding("q", "quit", N_("Quit"), show=False, id="quit"),
    ]

    def __init__(self, settings: Settings, *, today: date | None = None) -> None:
        translate_bindings()  # before any node copies its class's bindings
        super().__init__()
        self.settings = settings
        self.today = today or date.today()
        self.services: Services | None = None
        self.countries: tuple[CountryInfo, ...] = ()
        self.year: int | None = None
        self.revision = 0  # bumped after every change, so screens know to reload
        self.drafts = DraftStore(settings.data_dir / "drafts")

    # -- start-up ---------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        return LoadingScreen()

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        # Modals are imported on first use, after the language was applied: translate
        # the keys this instance copied from its class.
        if isinstance(screen, Screen):
            translate_node(screen)
        return super().push_screen(screen, *args, **kwargs)

    def on_mount(self) -> None:
        self.open_services()

    @work(thread=True, exclusive=True, exit_on_error=False, group="startup")
    def open_services(self) -> None:
        """Upgrade (after a backup) and seed the database, off the UI thread."""
        from tracker.services.context import Services

        try:
            services = Services.open(self.settings)
            year = services.plans.latest_year()
            countries = services.countries.list()
            _screen_class("dashboard")  # imported here, not on the UI thread
        except Exception as exc:  # any failure here becomes the error screen
            self.call_from_thread(self._startup_failed, exc)
            return
        self.call_from_thread(self._started, services, year, countries)

    def _started(
        self, services: Services, year: int | None, countries: tuple[CountryInfo, ...]
    ) -> None:
        self.services = services
        self.countries = countries
        self._set_year(year)
        self.switch_mode("dashboard")
        offer_drafts(self)
        self.warm_up()

    @work(thread=True, exclusive=True, exit_on_error=False, group="warm-up")
    def warm_up(self) -> None:
        """Import the other areas' screens while the user reads the dashboard; then keep
        the collector off everything loaded so far (it lives as long as the app), once
        the start-up's garbage is gone (frozen garbage would never be freed)."""
        for area in SCREENS:
            _screen_class(area)
        self.call_from_thread(self.read_screen_styles)
        gc.collect()
        gc.freeze()

    def read_screen_styles(self) -> None:
        """Add the screens' stylesheets now, while the user reads the dashboard. A screen
        that brings a stylesheet not read yet makes Textual re-parse every stylesheet and
        restyle every screen as it first opens; read here, that happens once, off any
        key press, and not before the first frame."""
        folder = Path(__file__).resolve().parent
        paths = [folder / name for name in self.SCREEN_CSS]
        new = [p for p in paths if not self.stylesheet.has_source(str(p), "")]
        for path in new:
            self.stylesheet.read(path)
        if new:
            self.stylesheet.reparse()
            self.stylesheet.update(self)

    def _startup_failed(self, error: Exception) -> None:
        self.log.error("start-up failed", error)
        self.push_screen(
            StartupErrorScreen(
                describe(error), self.settings.database_url, str(self.settings.backup_dir)
            )
        )

    async def action_quit(self) -> None:
        """Quit; with unsaved typing in a form, ask first."""
        ask_before_quitting(self)

    def on_unmount(self) -> None:
        if self.services is not None:
            self.services.close()

    @property
    def svc(self) -> Services:
        """The services, for workers; start-up has always finished when they run."""
        if self.services is None:
            raise RuntimeError(_("the database is not open yet"))
        return self.services

    # -- app state, called by screens ------------------------------------------------

    def _set_year(self, year: int | None) -> None:
        self.year = year
        self.sub_title = (
            _("Plan {year}").format(year=year) if year is not None else _("no plan yet")
        )

    def set_year(self, year: int) -> None:
        self._set_year(year)
        self.sync_screen()

    def touch(self) -> None:
        """Something changed in the database: screens reload when next shown."""
        self.revision += 1

    def sync_screen(self) -> None:
        screen = self.screen
        if isinstance(screen, TrackerScreen):
            screen.sync()

    # -- actions ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The areas need the database: hidden until it is open.
        return not (action in {"area", "pick_year", "search"} and self.services is None)

    def action_area(self, area: str) -> None:
        if self.current_mode != area:
            self.switch_mode(area)

    def action_help(self) -> None:
        from tracker.tui.modals.help import HelpScreen, help_sections

        if isinstance(self.screen, HelpScreen):
            return
        title = _(getattr(self.screen, "HELP_TITLE", N_("This screen")))
        self.push_screen(HelpScreen(title, help_sections(self, self.screen)))

    def action_search(self) -> None:
        """Search everything, from anywhere (a second ctrl+f inside does nothing)."""
        from tracker.tui.modals.search import SearchModal, open_hit

        if isinstance(self.screen, SearchModal):
            return

        def found(hit: SearchHit | None) -> None:
            if hit is not None:
                self.run_worker(open_hit(self, hit), group="open-hit", exit_on_error=False)

        self.push_screen(SearchModal(self.svc), found)

    def action_pick_year(self) -> None:
        self.load_plans()

    @work(thread=True, exclusive=True, exit_on_error=False, group="plans")
    def load_plans(self, *, then_new: bool = False) -> None:
        plans = self.svc.plans.list()
        if then_new:
            self.call_from_thread(self._new_plan_form, plans)
        else:
            self.call_from_thread(self._show_year_picker, plans)

    def _show_year_picker(self, plans: tuple[PlanSummary, ...]) -> None:
        from tracker.tui.modals.pick import PickModal

        options: list[tuple[str, int]] = [
            (
                f"{p.year}  {p.title}  ·  {', '.join(p.targets) or _('no targets')}  ·  "
                + _("{count} events").format(count=p.events)
                + f"  ·  {money(p.planned)}",
                p.year,
            )
            for p in reversed(plans)
        ]
        options.append((_("New plan year…"), NEW_PLAN))
        self.push_screen(
            PickModal(_("Plan year"), options, current=self.year), callback=self._year_picked
        )

    def _year_picked(self, year: int | None) -> None:
        if year == NEW_PLAN:
            self.load_plans(then_new=True)
        elif year is not None and year != self.year:
            self.set_year(year)

    def new_plan(self) -> None:
        """The new-plan form, offering to clone any existing plan (loaded first)."""
        self.load_plans(then_new=True)

    def _new_plan_form(self, plans: tuple[PlanSummary, ...]) -> None:
        years = [p.year for p in plans]
        suggested = max(self.year or self.today.year, self.today.year - 1, *years) + 1
        from tracker.tui.modals.plan_forms import NewPlanForm

        self.push_screen(NewPlanForm(suggested, years), callback=self._create_plan)

    def _create_plan(self, request: NewPlanRequest | None) -> None:
        if request is not None:
            self.create_plan(request)

    @work(thread=True, exclusive=True, exit_on_error=False, group="plans")
    def create_plan(self, request: NewPlanRequest) -> None:
        if request.clone_from is not None:
            report = self.svc.plan_clone.clone(
                request.clone_from, request.year, budget=request.budget, title=request.title
            )
            message = _(
                "{title}: a copy of {old} with {events} event(s), {proposed} dated by their "
                "rule; budget lines {budget}."
            ).format(
                title=report.title,
                old=report.from_year,
                events=len(report.events),
                proposed=report.proposed,
                budget=_("copied") if request.budget == "copy" else _("at zero"),
            )
            self.call_from_thread(self._plan_created, report.year, message)
            return
        overview = self.svc.plans.create(request.year, request.title)
        message = _("{title}: the cost items and caps come from the plan before it.").format(
            title=overview.title
        )
        self.call_from_thread(self._plan_created, overview.year, message)

    def _plan_created(self, year: int, message: str) -> None:
        self.touch()
        self.set_year(year)
        self.notify(message, markup=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_failure(self, event.worker, event.state)

    # -- command palette --------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):  # Textual's own, translated
            yield command._replace(title=_(command.title), help=_(command.help))
        if self.services is None:
            return
        keys = {b.action: b.key for b in self.BINDINGS if isinstance(b, Binding)}
        for area, title in AREAS.items():
            key = keys.get(f"area('{area}')", area[0])
            yield SystemCommand(
                _("Go to {area}").format(area=_(title)),
                _("Show the {area} ({key})").format(area=_(title).lower(), key=key),
                partial(self.action_area, area),
            )
        yield SystemCommand(
            _("Pick plan year"), _("Switch to another plan year (y)"), self.action_pick_year
        )
        yield SystemCommand(_("New plan year"), _("Start the next year's plan"), self.new_plan)
        yield SystemCommand(
            _("Search everything"),
            _("Organisations, people, events, contacts, calls (ctrl+f)"),
            self.action_search,
        )
        yield SystemCommand(_("Help"), _("Every key of this screen (? or f1)"), self.action_help)
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if active.node is self or not binding.description or not active.enabled:
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            yield SystemCommand(
                binding.description,
                f"{binding.tooltip or binding.description} ({self.get_key_display(binding)})",
                partial(self.run_action, binding.action, active.node),
            )


def make_app(settings: Settings, *, today: date | None = None) -> TrackerApp:
    """The app, built from its settings; `today` is fixed by tests for stable screenshots."""
    return TrackerApp(settings, today=today)


def run(settings: Settings) -> None:
    make_app(settings).run()
