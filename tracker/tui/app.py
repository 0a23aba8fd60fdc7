"""The Textual application: start-up, the plan year, the areas and app-wide keys.

Only what the first frame needs is imported here: the services (and SQLAlchemy behind
them), their data classes, Babel and the form modals are imported by the start-up worker
or on first use, after the first paint.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import AwaitMount
from textual.worker import Worker

from tracker.config import Settings
from tracker.i18n import N_, _
from tracker.tui.drafts import Draft, DraftStore
from tracker.tui.errors import describe, report_worker_failure
from tracker.tui.render_memory import forget_drawn_lines
from tracker.tui.screens.base import TrackerScreen
from tracker.tui.screens.startup import LoadingScreen, StartupErrorScreen
from tracker.tui.translate import translate_bindings, translate_node

if TYPE_CHECKING:
    from tracker.services.context import Services
    from tracker.services.dto import CountryInfo, PlanSummary
    from tracker.services.dto_search import SearchHit
    from tracker.tui.modals.plan_forms import NewPlanRequest
    from tracker.tui.screens.dashboard import DashboardData

NEW_PLAN = -1  # the year picker's "new plan year" entry
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
        self.drafts_waiting: list[Draft] = []  # left by a crash, offered after this one
        self.first_dashboard: DashboardData | None = None  # read by the start-up worker
        self._collector_paused = False  # the garbage collector, paused during start-up

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
        # Start-up allocates a great deal that lives as long as the app (SQLAlchemy, the
        # models, the screens): the collector would walk it over and over (~50 ms of CPU
        # before the dashboard's data is on screen). It rests until the warm-up, then one
        # collection clears the start-up's garbage (or at once if start-up fails).
        self._collector_paused = gc.isenabled()
        gc.disable()
        # After the first frame: started here, the worker's imports would take turns with
        # that frame for the interpreter.
        self.call_after_refresh(self.open_services)

    def _resume_collector(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            gc.enable()

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
        if year is not None:
            self._read_first_dashboard(services, year)
        self.call_from_thread(self._started, services, year, countries)

    def _read_first_dashboard(self, services: Services, year: int) -> None:
        """The dashboard's data, read in the same worker: it shows on the screen's first
        frame, one round trip to a worker sooner. A failure here is not the start-up's:
        the screen then reads it itself, and reports what went wrong as it always does."""
        from tracker.tui.screens.dashboard import dashboard_data

        try:
            self.first_dashboard = dashboard_data(services, year, self.today)
        except Exception as exc:  # the screen's own load reports it
            self.log.warning("first dashboard read failed; the screen retries", exc)

    def _started(
        self, services: Services, year: int | None, countries: tuple[CountryInfo, ...]
    ) -> None:
        self.services = services
        self.countries = countries
        self._set_year(year)
        self.switch_mode("dashboard")
        from tracker.tui.unsaved import offer_drafts

        offer_drafts(self)
        # Once the dashboard's frame is out: the warm-up would otherwise take turns with
        # it for the interpreter.
        self.call_after_refresh(self.warm_up)

    @work(thread=True, exclusive=True, exit_on_error=False, group="warm-up")
    def warm_up(self) -> None:
        """Import the other areas' screens while the user reads the dashboard, and run
        their first reads once (see first_reads); then keep the collector off everything
        loaded so far (it lives as long as the app), once the start-up's garbage is gone
        (frozen garbage would never be freed)."""
        try:
            for area in SCREENS:
                _screen_class(area)
            self.call_from_thread(self.read_screen_styles)
            if self.services is not None:
                from tracker.tui.first_reads import run_first_reads

                run_first_reads(self.services, self.year, self.today)
            gc.collect()
            gc.freeze()
            # Frozen objects are not "long-lived": full passes (30-85 ms) ran too often.
            gc.set_threshold(700, 10, 100)
        finally:
            self._resume_collector()

    def read_screen_styles(self) -> None:
        """The screens' stylesheets and widget CSS read now, not as each area first
        opens (see tracker.tui.default_css)."""
        from tracker.tui.default_css import read_screen_styles

        read_screen_styles(self, Path(__file__).resolve().parent, self.SCREEN_CSS)

    def _startup_failed(self, error: Exception) -> None:
        self._resume_collector()
        self.log.error("start-up failed", error)
        self.push_screen(
            StartupErrorScreen(
                describe(error), self.settings.database_url, str(self.settings.backup_dir)
            )
        )

    async def action_quit(self) -> None:
        """Quit; with unsaved typing in a form, ask first."""
        from tracker.tui.unsaved import ask_before_quitting

        ask_before_quitting(self)

    def on_unmount(self) -> None:
        self._resume_collector()  # quit before the warm-up finished
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

    def switch_mode(self, mode: str) -> AwaitMount:
        leaving = [] if mode == self.current_mode else list(self.screen_stack)
        mounted = super().switch_mode(mode)
        # The area left is out of sight until it is shown again: the lines its widgets
        # drew only take memory (~5 MB after visiting every area); they are drawn again
        # on its return.
        for screen in leaving:
            forget_drawn_lines(screen)
        return mounted

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
        from tracker.i18n_format import money  # Babel: not needed for the first frame
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
        if self.services is not None:
            from tracker.tui.palette import tracker_commands

            yield from tracker_commands(self, screen)


def make_app(settings: Settings, *, today: date | None = None) -> TrackerApp:
    """The app, built from its settings; `today` is fixed by tests for stable screenshots."""
    return TrackerApp(settings, today=today)


def run(settings: Settings) -> None:
    make_app(settings).run()
