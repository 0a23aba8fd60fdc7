"""The contact log: an entry typed through the form, names on file or created on the spot."""

from __future__ import annotations

from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tracker.config import Settings
from tracker.services.context import Services
from tracker.services.dto_partners import InteractionQuery
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.modals.interaction import InteractionForm
from tracker.tui.screens import contact_log as contact_log_screen
from tracker.tui.screens.contact_log import ContactLogScreen
from tracker.tui.widgets.field import Field
from tracker.tui.widgets.log_table import LogTable
from tracker.tui.widgets.name_list import NameListPicker

from .helpers import column, notice_text, press, running, screen_text, tracker, type_text


def svc(pilot: Pilot[None]) -> Services:
    return tracker(pilot).svc


async def fill(pilot: Pilot[None], box: str, text: str) -> None:
    """Move to a box of the open form, clear it and type."""
    widget = pilot.app.screen.query_one(box)
    widget.focus()
    await press(pilot, "end", "ctrl+u")
    await type_text(pilot, text)


def top(pilot: Pilot[None]) -> object:
    return pilot.app.screen


def log_rows(pilot: Pilot[None]) -> list[list[str]]:
    table = pilot.app.screen.query_one(LogTable)
    return [[str(cell).strip() for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_an_entry_is_logged_through_the_form(settings: Settings) -> None:
    async with running(settings) as pilot:
        biowin = svc(pilot).organisations.create({"name": "BioWin", "country": "BE"})
        svc(pilot).people.create({"name": "Anna Rossi", "organisation": biowin.id})
        await press(pilot, "L")
        assert isinstance(pilot.app.screen, ContactLogScreen)
        assert "No entries yet" in screen_text(pilot)
        await press(pilot, "n")
        form = pilot.app.screen
        assert isinstance(form, InteractionForm)
        assert form.query_one("#date", Input).value == "01/10/2018"  # the app's today
        await fill(pilot, "#time", "15:30")

        # A name typed close to one on file: the look-alike shows, tab takes it.
        await fill(pilot, "#entry-people Input", "Anna Rosi")
        await press(pilot, "tab")
        people = form.query_one("#entry-people", NameListPicker)
        assert [r.name for r in people.refs] == ["Anna Rossi"]
        # One typed exactly as on file is taken with enter.
        await fill(pilot, "#entry-organisations Input", "enrich usa")
        await press(pilot, "enter")
        organisations = form.query_one("#entry-organisations", NameListPicker)
        assert [r.name for r in organisations.refs] == ["ENRICH USA"]

        form.query_one("#summary").focus()
        await type_text(pilot, "Interested in COSME Go International")
        await fill(pilot, "#follow_up", "send the deck")
        await fill(pilot, "#due", "15/10/2018")
        await press(pilot, "ctrl+s")

        assert isinstance(pilot.app.screen, ContactLogScreen)
        assert "Logged: Anna Rossi" in notice_text(pilot)
        row = log_rows(pilot)[0]
        assert row[:3] == ["01/10/2018", "15:30", "call"]
        assert row[3] == "BioWin, ENRICH USA"  # Anna's organisation comes with her
        assert row[4] == "Anna Rossi"
        assert row[6] == "Interested in COSME Go International"
        assert row[7] == "○ 15/10/2018 send the deck"
        assert "1 entry · rows 1–1" in screen_text(pilot)

        page = svc(pilot).contact_log.list(InteractionQuery())
        assert page.total == 1
        saved = page.rows[0]
        assert (saved.occurred_on, saved.kind, saved.summary) == (
            date(2018, 10, 1),
            "call",
            "Interested in COSME Go International",
        )
        assert (saved.follow_up, saved.follow_up_due) == ("send the deck", date(2018, 10, 15))
        assert [p.name for p in saved.people] == ["Anna Rossi"]


async def test_a_name_not_on_file_is_created_when_the_user_agrees(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "L", "n")
        form = pilot.app.screen
        assert isinstance(form, InteractionForm)
        await fill(pilot, "#entry-organisations Input", "ENRICH USA")
        await press(pilot, "enter")
        await fill(pilot, "#entry-people Input", "Marco Bianchi")
        await press(pilot, "enter")
        assert isinstance(top(pilot), ConfirmModal)
        assert "Create the person “Marco Bianchi”?" in screen_text(pilot)
        assert "is added to the people of ENRICH USA" in screen_text(pilot)
        await press(pilot, "y")
        assert top(pilot) is form
        people = form.query_one("#entry-people", NameListPicker)
        assert [r.name for r in people.refs] == ["Marco Bianchi"]
        marco = svc(pilot).people.find("Marco Bianchi")
        assert marco.organisation is not None and marco.organisation.name == "ENRICH USA"
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, ContactLogScreen)
        assert column(pilot.app.screen.query_one(LogTable), 4) == ["Marco Bianchi"]


async def test_nobody_named_keeps_the_form_open_with_the_error(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "L", "n")
        await fill(pilot, "#date", "31/02/2018")
        await press(pilot, "ctrl+s")
        form = pilot.app.screen
        assert isinstance(form, InteractionForm)
        assert form.query_one("#field-people", Field).error.startswith("whom did you meet?")
        assert "February 2018 has 28 days" in form.query_one("#field-date", Field).error
        assert svc(pilot).contact_log.list(InteractionQuery()).total == 0


async def test_edit_delete_done_and_filters(settings: Settings) -> None:
    async with running(settings) as pilot:
        log = svc(pilot).contact_log
        enrich = svc(pilot).organisations.find("ENRICH USA").id
        older = log.add({"date": "20/09/2018", "summary": "first call"}, organisations=[enrich])
        log.add(
            {"date": "25/10/2018", "summary": "met again", "follow_up": "send offer"},
            organisations=[enrich],
            event="Cluster partnering event",
        )
        await press(pilot, "L")
        table = pilot.app.screen.query_one(LogTable)
        assert column(table, 0) == ["25/10/2018", "20/09/2018"]  # newest first
        assert column(table, 5)[0] == "Cluster partnering event"

        await press(pilot, "d")  # the follow-up of the entry under the cursor: done
        assert column(table, 7)[0] == "✓ send offer"
        assert not log.list(InteractionQuery()).rows[0].follow_up_open
        await press(pilot, "d")  # and open again
        assert column(table, 7)[0] == "○ send offer"

        await press(pilot, "down", "enter")  # edit the older one
        form = pilot.app.screen
        assert isinstance(form, InteractionForm)
        form.query_one("#summary").focus()
        await press(pilot, "f7")  # select all, then type over it
        await type_text(pilot, "first call, rewritten")
        await press(pilot, "ctrl+s")
        assert log.get(older.id).summary == "first call, rewritten"

        await press(pilot, "slash")
        await type_text(pilot, "rewritten")
        await press(pilot, "enter")
        assert column(table, 0) == ["20/09/2018"]
        assert "matching “rewritten”" in screen_text(pilot)

        await press(pilot, "x")
        assert isinstance(pilot.app.screen, ConfirmModal)
        await press(pilot, "y")
        assert log.list(InteractionQuery()).total == 1
        assert table.row_count == 0


async def test_shift_l_f_c_reach_the_screens_and_the_help_and_palette_list_them(
    settings: Settings,
) -> None:
    from tracker.tui.modals.help import HelpScreen
    from tracker.tui.screens.calls import CallsScreen
    from tracker.tui.screens.followups import FollowUpsScreen

    async with running(settings) as pilot:
        app = tracker(pilot)
        for key, screen in (("L", ContactLogScreen), ("F", FollowUpsScreen), ("C", CallsScreen)):
            await press(pilot, key)
            assert isinstance(app.screen, screen)
        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert commands["Go to Contact log"] == "Show the contact log (L)"
        assert commands["Go to Follow-ups"] == "Show the follow-ups (F)"
        assert commands["Go to Calls & consortia"] == "Show the calls & consortia (C)"
        assert "New call" in commands and "Add member" in commands

        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(pilot)
        for line in ("Keys — Calls & consortia", "In the calls", "Add deadline", "Contact log"):
            assert line in shown
        await press(pilot, "escape", "L", "question_mark")
        shown = screen_text(pilot)
        assert "Keys — Contact log" in shown
        assert "Log meetings" in shown and "Follow-up done/reopen" in shown


async def test_filters_by_organisation_person_and_dates(settings: Settings) -> None:
    async with running(settings) as pilot:
        log = svc(pilot).contact_log
        enrich = svc(pilot).organisations.find("ENRICH USA").id
        anna = svc(pilot).people.create({"name": "Anna Rossi"}).id
        log.add({"date": "03/09/2018", "summary": "Boston"}, organisations=[enrich])
        log.add({"date": "10/09/2018", "summary": "Anna, first"}, people=[anna])
        log.add({"date": "20/09/2018", "summary": "Anna, again"}, people=[anna])
        await press(pilot, "L")
        table = pilot.app.screen.query_one(LogTable)
        assert len(table.entries) == 3

        await fill(pilot, "#log-organisation", "enrich")
        await press(pilot, "enter")
        assert column(table, 6) == ["Boston"]
        assert "organisation ENRICH USA" in screen_text(pilot)

        await fill(pilot, "#log-organisation", "")
        await fill(pilot, "#log-person", "Anna Rossi")
        await fill(pilot, "#log-from", "15/09/2018")
        await press(pilot, "enter")
        assert column(table, 6) == ["Anna, again"]
        assert "person Anna Rossi  ·  from 15/09/2018" in screen_text(pilot)

        await fill(pilot, "#log-to", "31/02/2018")
        await press(pilot, "enter")
        assert table.row_count == 0  # nothing listed while a filter cannot be read
        assert "To: " in screen_text(pilot) and "February 2018 has 28 days" in screen_text(pilot)

        await fill(pilot, "#log-to", "")
        await fill(pilot, "#log-person", "Nobody Atall")
        await press(pilot, "enter")
        assert "No person matches 'Nobody Atall'" in screen_text(pilot)


async def test_the_log_pages_through_the_database(settings: Settings) -> None:
    async with running(settings) as pilot:
        enrich = svc(pilot).organisations.find("ENRICH USA").id
        for n in range(60):
            svc(pilot).contact_log.add(
                {"date": f"{n % 28 + 1:02d}/09/2018", "summary": f"call {n:02d}"},
                organisations=[enrich],
            )
        await press(pilot, "L")
        table = pilot.app.screen.query_one(LogTable)
        assert table.row_count == 50
        assert "60 entries · rows 1–50 · page 1 of 2" in screen_text(pilot)
        await press(pilot, "right_square_bracket")
        assert "rows 51–60 · page 2 of 2" in screen_text(pilot)
        assert table.row_count == 10
        await press(pilot, "up")  # past the top: the end of page 1
        assert "rows 1–50 · page 1 of 2" in screen_text(pilot)
        assert table.cursor_row == 49


async def test_a_filter_matching_more_than_the_count_cap_says_so(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contact_log_screen, "COUNT_AT_MOST", 55)  # as 10,000 on a big log
    async with running(settings) as pilot:
        enrich = svc(pilot).organisations.find("ENRICH USA").id
        for n in range(60):
            svc(pilot).contact_log.add(
                {"date": f"{n % 28 + 1:02d}/09/2018", "summary": f"call {n:02d}"},
                organisations=[enrich],
            )
        await press(pilot, "L")
        assert "60 entries · rows 1–50 · page 1 of 2" in screen_text(pilot)  # no filter
        await press(pilot, "slash")
        await type_text(pilot, "call")
        await press(pilot, "enter")
        table = pilot.app.screen.query_one(LogTable)
        assert table.row_count == 50
        assert "55+ entries · rows 1–50" in screen_text(pilot)
        await press(pilot, "right_square_bracket")  # the next page is still there
        assert table.row_count == 10
        assert "60 entries · rows 51–60 · page 2 of 2" in screen_text(pilot)
