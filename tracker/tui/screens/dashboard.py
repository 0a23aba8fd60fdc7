"""The plan year at a glance: objectives, target countries, caps and the next events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Static

from tracker.i18n import N_, _, current_language
from tracker.services.dto import BudgetTable, EventRow, PlanOverview
from tracker.services.dto_calendar import Conflict
from tracker.services.dto_funding import UpcomingDeadline
from tracker.services.dto_partners import FollowUpSummary
from tracker.tui.format import (
    basis_label,
    cap_line,
    cap_verdict,
    event_label,
    fmt_days_away,
    fmt_span,
    target_heading,
    term,
)
from tracker.tui.screens.base import TrackerScreen, cancelled
from tracker.tui.widgets.dashboard_partners import deadlines_panel, followups_panel
from tracker.tui.widgets.footer import TrackerFooter

if TYPE_CHECKING:
    from tracker.services.context import Services

UPCOMING = 8


@dataclass(frozen=True)
class DashboardData:
    year: int
    overview: PlanOverview
    budget: BudgetTable
    upcoming: tuple[EventRow, ...]
    followups: FollowUpSummary
    deadlines: tuple[UpcomingDeadline, ...]
    conflicts: tuple[Conflict, ...] = ()


def dashboard_data(svc: Services, year: int, today: date) -> DashboardData:
    """What the dashboard shows, read in a worker: by the screen, or by the start-up's."""
    return DashboardData(
        year,
        svc.plans.overview(year),
        svc.budget.table(year),
        svc.events.upcoming(year, UPCOMING),
        svc.contact_log.followup_summary(today, next_count=5),
        svc.funding.upcoming_deadlines(today, 5),
        svc.calendar.conflicts(year),
    )


class DashboardScreen(TrackerScreen):
    HELP_TITLE: ClassVar[str] = N_("Dashboard")

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="dashboard"):
            with VerticalScroll(id="dash-plan", classes="column"):
                yield Static(id="dash-title", classes="panel")
                yield Static(id="dash-objectives", classes="panel")
                yield Static(id="dash-targets", classes="panel")
            with VerticalScroll(id="dash-money", classes="column"):
                yield Static(id="dash-caps", classes="panel")
                yield Static(id="dash-upcoming", classes="panel")
                yield Static(id="dash-followups", classes="panel")
                yield Static(id="dash-deadlines", classes="panel")
                yield Static(id="dash-conflicts", classes="panel")
                yield Static(id="dash-watch", classes="panel")
        yield TrackerFooter()

    def on_mount(self) -> None:
        titles = {
            "#dash-title": _("Plan"),
            "#dash-objectives": _("Objectives"),
            "#dash-targets": _("Target countries"),
            "#dash-caps": _("Budget against the funding caps"),
            "#dash-upcoming": _("Next candidate events"),
            "#dash-followups": _("Open follow-ups"),
            "#dash-deadlines": _("Call deadlines"),
            "#dash-conflicts": _("Calendar conflicts (A: calendar)"),
            "#dash-watch": _("Watch list"),
        }
        for selector, title in titles.items():
            self.query_one(selector).border_title = title

    def reload(self) -> None:
        if self.year is None:
            self.query_one("#dash-title", Static).update(
                _("There is no plan yet. Press y, then pick “New plan year…”.")
            )
            return
        # The start-up worker read the first dashboard with the services (one round trip
        # to the database thread instead of two): shown at once, used once.
        ready, self.tracker.first_dashboard = self.tracker.first_dashboard, None
        if ready is not None and ready.year == self.year and self.tracker.revision == 0:
            self.show(ready)
            return
        self.load(self.year)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self, year: int) -> None:
        data = dashboard_data(self.svc, year, self.tracker.today)
        if not cancelled():
            self.app.call_from_thread(self.show, data)

    def show(self, data: DashboardData) -> None:
        plan = data.overview
        self.query_one("#dash-title", Static).update(self._title(plan))
        self.query_one("#dash-objectives", Static).update(self._objectives(plan))
        self.query_one("#dash-targets", Static).update(self._targets(plan))
        self.query_one("#dash-caps", Static).update(self._caps(data.budget))
        self.query_one("#dash-upcoming", Static).update(self._upcoming(data.upcoming))
        conflicts = self.query_one("#dash-conflicts", Static)
        conflicts.display = bool(data.conflicts)  # nothing to say: no panel
        conflicts.update(self._conflicts(data.conflicts))
        self.query_one("#dash-watch", Static).update(self._watch(plan))
        self.query_one("#dash-followups", Static).update(followups_panel(data.followups))
        self.query_one("#dash-deadlines", Static).update(deadlines_panel(data.deadlines))

    @staticmethod
    def _title(plan: PlanOverview) -> RenderableType:
        parts = [Text(f"{plan.year} · {plan.title}", style="bold")]
        if plan.title_en:
            parts.append(Text(plan.title_en, style="dim"))
        if plan.funding_note:
            parts.append(Text(plan.funding_note, style="dim italic"))
        return Group(*parts)

    @staticmethod
    def _objectives(plan: PlanOverview) -> RenderableType:
        if not plan.objectives:
            return Text(_("No objectives written down yet."), style="dim")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", width=2)
        grid.add_column()
        for objective in plan.objectives:
            text = Text(objective.text)
            if objective.text_en:
                text.append("\n" + objective.text_en, style="dim")
            grid.add_row(f"{objective.position}.", text)
        if plan.intro:
            # The plan's word on what European missions are for (COSME, INNOSUP calls).
            intro = Text(plan.intro, style="italic")
            if plan.intro_en:
                intro.append("\n" + plan.intro_en, style="dim")
            return Group(grid, Text(""), intro)
        return grid

    @staticmethod
    def _targets(plan: PlanOverview) -> RenderableType:
        if not plan.targets:
            return Text(_("No target countries yet: add them from the budget (p)."), style="dim")
        blocks: list[RenderableType] = []
        for target in plan.targets:
            if blocks:
                blocks.append(Text(""))
            blocks.append(Text(target_heading(target), style="bold"))
            if target.rationale:
                blocks.append(Text(target.rationale))
            if target.priority_note:
                blocks.append(Text.assemble((_("Priority: "), "bold"), target.priority_note))
        return Group(*blocks)

    @staticmethod
    def _caps(table: BudgetTable) -> RenderableType:
        caps_by = _("Planned amounts; caps by {basis} countries")
        lines = [Text(caps_by.format(basis=basis_label(table.basis)), "dim")]
        for cap in table.caps:
            lines.append(Text(cap_line(cap, table.basis), style="bold red" if cap.over else "bold"))
            who = ", ".join(cap.countries) if cap.group != "total" else _("all targets")
            lines.append(
                Text.assemble(
                    (f"   {who} · ", "dim"), (cap_verdict(cap), "red" if cap.over else "dim")
                )
            )
        return Group(*lines)

    def _upcoming(self, rows: tuple[EventRow, ...]) -> RenderableType:
        if not rows:
            return Text(_("No open events: add candidates on the events screen (e)."), style="dim")
        today = self.tracker.today
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_column(no_wrap=True)
        for row in rows:
            style = "dim italic" if row.is_placeholder else ""
            when = "" if row.is_placeholder else fmt_days_away(row.start_date, today)
            status = term("event_status", row.status)
            grid.add_row(
                Text(fmt_span(row.start_date, row.end_date), style=style or "bold"),
                Text(row.country_code or "", style="dim"),
                Text(event_label(row), style=style),
                Text(f"{status} · {when}" if when else status, style="dim"),
            )
        return grid

    @staticmethod
    def _conflicts(found: tuple[Conflict, ...]) -> RenderableType:
        """Each clash of the year's missions with its reason; warnings red, hints dim."""
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for c in found:
            style = "red" if c.severity == "warning" else "dim"
            grid.add_row(
                Text(f"! {fmt_span(c.start, c.end)}", style="bold " + style),
                Text(c.message, style=style),
            )
        return grid

    @staticmethod
    def _watch(plan: PlanOverview) -> RenderableType:
        if not plan.watch and not plan.strategy_note:
            return Text(_("Nothing on the watch list."), style="dim")
        names = ", ".join(f"{w.country.name(current_language())} ({w.code})" for w in plan.watch)
        parts: list[RenderableType] = [Text(names or "—", style="bold")]
        for w in plan.watch:
            if w.rationale:
                parts.append(Text(f"{w.code}: {w.rationale}", style="dim"))
        if plan.strategy_note:
            parts.append(Text(plan.strategy_note, style="dim"))
        return Group(*parts)
