"""The events list: the seed's events, filtering, sorting, pages, status, placeholders."""

from __future__ import annotations

from datetime import date

from tracker.config import Settings
from tracker.domain.event_rules import EventData
from tracker.services.dto import EventQuery
from tracker.tui.screens.events import PAGE_SIZE, EventsScreen
from tracker.tui.widgets.event_table import EventTable

from .helpers import column, notice_text, press, running, screen_text, tracker, type_text

SEED_ORDER = [
    "Cluster partnering event",
    "EUREGA",
    "IMI2 – Innovative Medicine Initiative Forum",
    "MedTech Partnership Meeting",
    "Altri da identificare (to be identified)",
]


async def test_the_events_screen_lists_the_five_seed_events(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e")
        assert isinstance(pilot.app.screen, EventsScreen)
        table = pilot.app.screen.query_one(EventTable)
        assert column(table, 1) == SEED_ORDER
        assert column(table, 0)[0] == "25/10/2018"
        assert set(column(table, 2)) == {"BE"}
        shown = screen_text(pilot)
        assert "5 events · rows 1–5 · page 1 of 1" in shown
        assert "sorted by date ↑" in shown
        # The placeholder is drawn dim and italic, unlike the real events.
        placeholder = table.get_row_at(4)[1]
        assert placeholder.style == "dim italic"
        assert table.get_row_at(0)[1].style == ""


async def test_typing_in_the_search_box_narrows_the_list(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e", "slash")
        await type_text(pilot, "medi")
        await press(pilot, "enter")  # enter searches at once (and goes back to the list)
        table = pilot.app.screen.query_one(EventTable)
        assert column(table, 1) == ["IMI2 – Innovative Medicine Initiative Forum"]
        assert "1 event · rows 1–1" in screen_text(pilot)
        assert "matching “medi”" in screen_text(pilot)
        assert table.has_focus


async def test_sort_cycles_fields_and_r_reverses(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e", "s")
        assert "sorted by name ↑" in screen_text(pilot)
        await press(pilot, "r")
        table = pilot.app.screen.query_one(EventTable)
        assert "sorted by name ↓" in screen_text(pilot)
        assert column(table, 1) == [
            "MedTech Partnership Meeting",
            "IMI2 – Innovative Medicine Initiative Forum",
            "EUREGA",
            "Cluster partnering event",
            "Altri da identificare (to be identified)",  # placeholders always close the list
        ]


async def test_the_list_pages_through_the_database(settings: Settings) -> None:
    async with running(settings) as pilot:
        svc = tracker(pilot).svc
        for n in range(60):
            svc.events.create(
                2018,
                EventData(name=f"Fair {n:02d}", country_code="US", start_date=date(2018, 11, 1)),
            )
        await press(pilot, "e")
        table = pilot.app.screen.query_one(EventTable)
        assert table.row_count == PAGE_SIZE
        assert "65 events · rows 1–50 · page 1 of 2" in screen_text(pilot)
        await press(pilot, "pagedown", "pagedown", "pagedown")  # to the last row, then past it
        assert "rows 51–65 · page 2 of 2" in screen_text(pilot)
        assert table.row_count == 15
        assert table.cursor_row == 0
        await press(pilot, "up")  # past the top: back to the end of page 1
        assert "rows 1–50 · page 1 of 2" in screen_text(pilot)
        assert table.cursor_row == PAGE_SIZE - 1
        await press(pilot, "right_square_bracket")  # ] and [ turn pages too
        assert "rows 51–65 · page 2 of 2" in screen_text(pilot)
        await press(pilot, "ctrl+end", "down")  # nothing after the last page
        assert "rows 51–65 · page 2 of 2" in screen_text(pilot)


async def test_t_changes_the_status_of_the_selected_event(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e", "t")
        assert "Status of “Cluster partnering event”" in screen_text(pilot)
        await press(pilot, "down", "enter")  # from candidate (highlighted) to shortlisted
        table = pilot.app.screen.query_one(EventTable)
        assert column(table, 5)[0] == "shortlisted"
        page = tracker(pilot).svc.events.list(EventQuery(year=2018, statuses=("shortlisted",)))
        assert [r.name for r in page.rows] == ["Cluster partnering event"]


async def test_a_placeholder_cannot_be_linked(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "e", "end")
        await press(pilot, "ctrl+end")
        table = pilot.app.screen.query_one(EventTable)
        assert table.current is not None and table.current.is_placeholder
        await press(pilot, "l")
        assert isinstance(pilot.app.screen, EventsScreen)  # no link dialog
        assert "Cannot link a placeholder" in screen_text(pilot)  # a toast
        assert "stands for events still to be identified: it takes no money" in notice_text(pilot)
