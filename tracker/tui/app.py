"""The Textual application: start-up, the plan year, the three areas and app-wide keys.

Only light modules are imported here: the services (and SQLAlchemy behind them) are
imported by the start-up worker, after the first paint.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker

from tracker.config import Settings
from tracker.domain.money import format_eur
from tracker.services.dto import CountryInfo, PlanSummary
from tracker.tui.drafts import DraftStore
from tracker.tui.errors import describe, report_worker_failure
from tracker.tui.modals.help import HelpScreen, help_sections
from tracker.tui.modals.pick import PickModal
from tracker.tui.modals.plan_forms import NewPlanForm, NewPlanRequest
from tracker.tui.screens.base import TrackerScreen
from tracker.tui.screens.budget import BudgetScreen
from tracker.tui.screens.calls import CallsScreen
from tracker.tui.screens.contact_log import ContactLogScreen
from tracker.tui.screens.dashboard import DashboardScreen
from tracker.tui.screens.events import EventsScreen
from tracker.tui.screens.followups import FollowUpsScreen
from tracker.tui.screens.startup import LoadingScreen, StartupErrorScreen
from tracker.tui.unsaved import ask_before_quitting, offer_drafts

if TYPE_CHECKING:
    from tracker.services.context import Services

AREAS = {
    "dashboard": "Dashboard",
    "events": "Events",
    "budget": "Budget",
    "contact_log": "Contact log",
    "followups": "Follow-ups",
    "calls": "Calls & consortia",
}
NEW_PLAN = -1  # the year picker's "new plan year" entry


class TrackerApp(App[None]):
    """Plan, events and budget of one plan year at a time."""

    CSS_PATH = "app.tcss"
    TITLE = "tracker"
    MODES: ClassVar[dict[str, Any]] = {
        "dashboard": DashboardScreen,
        "events": EventsScreen,
        "budget": BudgetScreen,
        "contact_log": ContactLogScreen,
        "followups": FollowUpsScreen,
        "calls": CallsScreen,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "area('dashboard')", "Dashboard", id="dashboard"),
        Binding("e", "area('events')", "Events", id="events"),
        Binding("b", "area('budget')", "Budget", id="budget"),
        Binding("L", "area('contact_log')", "Contact log", id="contact-log"),
        Binding("F", "area('followups')", "Follow-ups", id="followups"),
        Binding("C", "area('calls')", "Calls", id="calls"),
        Binding("y", "pick_year", "Plan year", id="pick-year"),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("f1", "help", "Help", show=False, id="help-f1"),
        Binding("q", "quit", "Quit", show=False, id="quit"),
    ]

    def __init__(self, settings: Settings, *, today: date | None = None) -> None:
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
        # Everything loaded so far lives as long as the app: keep the GC off it.
        gc.freeze()

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
            raise RuntimeError("the database is not open yet")
        return self.services

    # -- app state, called by screens ------------------------------------------------

    def _set_year(self, year: int | None) -> None:
        self.year = year
        self.sub_title = f"Plan {year}" if year is not None else "no plan yet"

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
        return not (action in {"area", "pick_year"} and self.services is None)

    def action_area(self, area: str) -> None:
        if self.current_mode != area:
            self.switch_mode(area)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        title = getattr(self.screen, "HELP_TITLE", "This screen")
        self.push_screen(HelpScreen(title, help_sections(self, self.screen)))

    def action_pick_year(self) -> None:
        self.load_plans()

    @work(thread=True, exclusive=True, exit_on_error=False, group="plans")
    def load_plans(self) -> None:
        plans = self.svc.plans.list()
        self.call_from_thread(self._show_year_picker, plans)

    def _show_year_picker(self, plans: tuple[PlanSummary, ...]) -> None:
        options: list[tuple[str, int]] = [
            (
                f"{p.year}  {p.title}  ·  {', '.join(p.targets) or 'no targets'}  ·  "
                f"{p.events} events  ·  {format_eur(p.planned)}",
                p.year,
            )
            for p in reversed(plans)
        ]
        options.append(("New plan year…", NEW_PLAN))
        self.push_screen(
            PickModal("Plan year", options, current=self.year), callback=self._year_picked
        )

    def _year_picked(self, year: int | None) -> None:
        if year == NEW_PLAN:
            self.new_plan()
        elif year is not None and year != self.year:
            self.set_year(year)

    def new_plan(self) -> None:
        suggested = max(self.year or self.today.year, self.today.year - 1) + 1
        self.push_screen(NewPlanForm(suggested), callback=self._create_plan)

    def _create_plan(self, request: NewPlanRequest | None) -> None:
        if request is not None:
            self.create_plan(request)

    @work(thread=True, exclusive=True, exit_on_error=False, group="plans")
    def create_plan(self, request: NewPlanRequest) -> None:
        overview = self.svc.plans.create(request.year, request.title)
        self.call_from_thread(self._plan_created, overview.year, overview.title)

    def _plan_created(self, year: int, title: str) -> None:
        self.touch()
        self.set_year(year)
        self.notify(f"{title}: the cost items and caps come from the plan before it.", markup=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_failure(self, event.worker, event.state)

    # -- command palette --------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.services is None:
            return
        keys = {b.action: b.key for b in self.BINDINGS if isinstance(b, Binding)}
        for area, title in AREAS.items():
            key = keys.get(f"area('{area}')", area[0])
            yield SystemCommand(
                f"Go to {title}",
                f"Show the {title.lower()} ({key})",
                partial(self.action_area, area),
            )
        yield SystemCommand(
            "Pick plan year", "Switch to another plan year (y)", self.action_pick_year
        )
        yield SystemCommand("New plan year", "Start the next year's plan", self.new_plan)
        yield SystemCommand("Help", "Every key of this screen (? or f1)", self.action_help)
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
