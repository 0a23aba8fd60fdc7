"""The calendar: a month grid, the month's agenda and the tray of events still to be
scheduled. ``[`` ``]`` change the month, ``{`` ``}`` the year, ``t`` comes back to today,
arrows move the selected day and enter lists its items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tracker.i18n import N_, _
from tracker.services.dto_calendar import MonthGrid, ScheduleTray, TrayEvent
from tracker.tui.format import fmt_date, term
from tracker.tui.screens.base import cancelled
from tracker.tui.screens.calendar_actions import CalendarActions
from tracker.tui.widgets.agenda import AgendaList
from tracker.tui.widgets.footer import TrackerFooter
from tracker.tui.widgets.month_grid import MonthGridView, legend

MONTH_NAMES = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
               N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
               N_("December"))  # fmt: skip


@dataclass(frozen=True)
class Loaded:
    grid: MonthGrid
    tray: ScheduleTray | None


def shift_month(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), kept inside a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not date.min.year < year < date.max.year:
        return day  # the calendar stops here
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")


def tray_option(event: TrayEvent) -> Option:
    text = Text(event.name)
    text.append(f"  {event.country_code or '—'} · {term('priority', event.priority)}", style="dim")
    if event.suggested_start:
        when = fmt_date(event.suggested_start)
        text.append(f"\n  ↻ {when} · {event.recurrence}", style="dim")
    return Option(text, id=str(event.id))


class CalendarScreen(CalendarActions):
    CSS_PATH = "../calendar.tcss"
    HELP_TITLE: ClassVar[str] = N_("Calendar")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "month(-1)", N_("Prev month"), key_display="[",
                id="cal-prev-month"),
        Binding("right_square_bracket", "month(1)", N_("Next month"), key_display="]",
                id="cal-next-month"),
        Binding("left_curly_bracket", "month(-12)", N_("Prev year"), key_display="{",
                id="cal-prev-year"),
        Binding("right_curly_bracket", "month(12)", N_("Next year"), key_display="}",
                id="cal-next-year"),
        Binding("t", "today", N_("Today"), id="cal-today"),
        Binding("s", "schedule", N_("Schedule"), id="cal-schedule",
                tooltip=N_("Give the event picked in the tray its dates")),
        Binding("n", "new_mission", N_("New mission"), id="cal-new-mission"),
        Binding("m", "edit_mission", N_("Edit mission"), id="cal-edit-mission",
                tooltip=N_("The mission on the selected day")),
        Binding("M", "missions", N_("Missions"), id="cal-missions"),
        Binding("r", "repeat", N_("Repeats"), id="cal-repeat",
                tooltip=N_("How the day's (or the tray's) event recurs")),
        Binding("g", "focus_grid", N_("Grid"), show=False, id="cal-grid"),
        Binding("o", "focus_tray", N_("To schedule"), show=False, id="cal-tray"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.selected: date | None = None
        self.grid: MonthGrid | None = None
        self.tray: ScheduleTray | None = None
        self._tray_year: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="calendar"):
            with Vertical(id="cal-main"):
                yield Static(id="cal-title")
                yield MonthGridView(id="month")
            with Vertical(id="cal-side"):
                yield Static(_("To schedule (s gives a date)"), classes="cal-heading")
                yield OptionList(id="tray")
                yield Static(_("Agenda"), id="agenda-heading", classes="cal-heading")
                with VerticalScroll(id="agenda-scroll"):
                    yield AgendaList(id="agenda")
        yield TrackerFooter()

    def on_mount(self) -> None:
        self.month_view.focus()

    @property
    def month_view(self) -> MonthGridView:
        return self.query_one(MonthGridView)

    @property
    def tray_list(self) -> OptionList:
        return self.query_one("#tray", OptionList)

    # -- loading ----------------------------------------------------------------------

    def start_day(self) -> date:
        today = self.tracker.today
        if self.year is None or self.year == today.year:
            return today
        return date(self.year, 1, 1)

    def reload(self) -> None:
        if self.selected is None or self._tray_year != self.year:
            self.selected = self.start_day()
        self.load(self.selected, self.year)

    def go_to(self, day: date) -> None:
        """Select ``day``; load its month when the grid does not show it."""
        shown = self.grid
        self.selected = day
        if shown is not None and (day.year, day.month) == (shown.year, shown.month):
            self.month_view.select(day)
            self.show_agenda()
            return
        self.load(day, self.year, with_tray=self.tray is None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self, day: date, year: int | None, *, with_tray: bool = True) -> None:
        grid = self.svc.calendar.month(day.year, day.month)
        tray = self.svc.calendar.to_schedule(year) if with_tray and year is not None else None
        if not cancelled():
            self.app.call_from_thread(self.show, Loaded(grid, tray))

    def show(self, loaded: Loaded) -> None:
        grid = self.grid = loaded.grid
        if self.selected is None or (self.selected.year, self.selected.month) != (
            grid.year,
            grid.month,
        ):
            self.selected = date(grid.year, grid.month, 1)
        title = Text(f"{_(MONTH_NAMES[grid.month - 1])} {grid.year}", style="bold")
        title.append("   ")
        title.append_text(legend())
        self.query_one("#cal-title", Static).update(title)
        self.month_view.show(grid, today=self.tracker.today, selected=self.selected)
        self.show_agenda()
        if loaded.tray is not None:
            self.show_tray(loaded.tray)

    def show_agenda(self) -> None:
        grid = self.grid
        if grid is None:
            return
        first = date(grid.year, grid.month, 1)
        last = shift_month(first, 1).replace(day=1).toordinal() - 1
        items = [i for i in grid.items if i.end >= first and i.start.toordinal() <= last]
        self.query_one(AgendaList).show(items, self.selected)
        heading = _("Agenda of {month} {year}").format(
            month=_(MONTH_NAMES[grid.month - 1]), year=grid.year
        )
        self.query_one("#agenda-heading", Static).update(heading)

    def show_tray(self, tray: ScheduleTray) -> None:
        self.tray, self._tray_year = tray, tray.year
        options = self.tray_list
        keep = options.highlighted
        options.clear_options()
        options.add_options([tray_option(e) for e in tray.events])
        if tray.events:
            options.highlighted = min(keep or 0, len(tray.events) - 1)

    # -- navigation -------------------------------------------------------------------

    def action_month(self, months: int) -> None:
        self.go_to(shift_month(self.selected or self.start_day(), months))

    def action_today(self) -> None:
        self.go_to(self.tracker.today)

    def action_focus_grid(self) -> None:
        self.month_view.focus()

    def action_focus_tray(self) -> None:
        self.tray_list.focus()

    @on(MonthGridView.DayMoved)
    def day_moved(self, event: MonthGridView.DayMoved) -> None:
        self.go_to((self.selected or self.start_day()) + timedelta(days=event.days))

    @on(OptionList.OptionSelected, "#tray")
    def tray_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_schedule()  # enter on a tray event: its dates, like s

    @on(MonthGridView.DayChosen)
    def day_chosen(self, event: MonthGridView.DayChosen) -> None:
        self.show_day(event.day)
