"""Calls & consortia: the seeded calls, a call with deadlines, a consortium and its members."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from textual.pilot import Pilot

from tracker.config import Settings
from tracker.tui.modals.call import CallForm
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.modals.consortium import ConsortiumForm, MemberForm
from tracker.tui.modals.pick import PickModal
from tracker.tui.screens.calls import CallsScreen
from tracker.tui.widgets.call_tables import CallTable, ConsortiumTable, MemberTable

from .helpers import (
    column,
    notice_text,
    press,
    running,
    screen_text,
    table_rows,
    tracker,
    type_text,
)


async def fill(pilot: Pilot[None], box: str, text: str) -> None:
    pilot.app.screen.query_one(box).focus()
    await press(pilot, "end", "ctrl+u")
    await type_text(pilot, text)


def calls(pilot: Pilot[None]) -> CallTable:
    return pilot.app.screen.query_one(CallTable)


async def test_the_seeded_calls_show_what_is_unknown_as_a_dash(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "C")
        assert isinstance(pilot.app.screen, CallsScreen)
        assert table_rows(calls(pilot)) == [
            ["COSME", "Go International", "—", "watching", "—", "—", "—", "—"],
            ["INNOSUP", "INNOSUP", "—", "watching", "—", "—", "—", "—"],
        ]
        shown = screen_text(pilot)
        assert "COSME Go International  ·  watching  ·  opens —  ·  budget —" in shown
        assert "Deadlines: —" in shown
        assert "2 funding calls" in shown


async def test_a_call_is_added_with_its_deadlines(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "C", "n")
        assert isinstance(pilot.app.screen, CallForm)
        await type_text(pilot, "Horizon Europe")
        await fill(pilot, "#call-name", "Cluster Alliances")
        await fill(pilot, "#call-identifier", "HORIZON-CL4-2019")
        await fill(pilot, "#call-budget", "1.500.000")
        pilot.app.screen.query_one("#call-deadlines").focus()
        await type_text(pilot, "15/03/2019 first stage")
        await press(pilot, "enter")
        await type_text(pilot, "30 settembre 2019")
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, CallsScreen)
        row = next(r for r in table_rows(calls(pilot)) if r[0] == "Horizon Europe")
        assert row[2:5] == ["HORIZON-CL4-2019", "watching", "15/03/2019 (165 d)"]
        assert row[6] == "€1,500,000.00"
        call = tracker(pilot).svc.funding.find_call("Horizon Europe Cluster Alliances")
        assert [(d.due_on, d.label) for d in call.deadlines] == [
            (date(2019, 3, 15), "first stage"),
            (date(2019, 9, 30), ""),
        ]
        assert call.budget == Decimal("1500000")

        await press(pilot, "minus")  # a deadline goes with a key too
        assert isinstance(pilot.app.screen, PickModal)
        await press(pilot, "enter")
        call = tracker(pilot).svc.funding.find_call("Horizon Europe Cluster Alliances")
        assert [d.due_on for d in call.deadlines] == [date(2019, 9, 30)]


async def test_consortium_members_and_status(settings: Settings) -> None:
    async with running(settings) as pilot:
        funding = tracker(pilot).svc.funding
        await press(pilot, "C", "c")  # a consortium for the call under the cursor: COSME
        assert isinstance(pilot.app.screen, ConsortiumForm)
        await type_text(pilot, "HealthBridge EU")
        await press(pilot, "ctrl+s")
        consortia = pilot.app.screen.query_one(ConsortiumTable)
        assert column(consortia, 0) == ["HealthBridge EU"]
        assert column(consortia, 1) == ["exploring"]

        await press(pilot, "a")
        assert isinstance(pilot.app.screen, MemberForm)
        await type_text(pilot, "Clust-ER ISB")
        await press(pilot, "enter")  # a name on file: added as it stands
        members = pilot.app.screen.query_one(MemberTable)
        assert column(members, 0) == ["Clust-ER ISB"]
        assert column(members, 2) == ["partner"]

        await press(pilot, "a")
        await type_text(pilot, "BioRegio GmbH")
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, ConfirmModal)  # not on file: create it?
        assert "“BioRegio GmbH” is not on file" in screen_text(pilot)
        await press(pilot, "y")
        assert sorted(column(members, 0)) == ["BioRegio GmbH", "Clust-ER ISB"]
        assert "BioRegio GmbH joins “HealthBridge EU” as partner" in notice_text(pilot)

        # r on the members table: Clust-ER ISB coordinates.
        members.focus()
        row = column(members, 0).index("Clust-ER ISB")
        members.move_cursor(row=row)
        await press(pilot, "r")
        assert isinstance(pilot.app.screen, PickModal)
        await press(pilot, "up", "enter")  # partner → coordinator
        consortium = funding.find_consortium("HealthBridge EU")
        assert consortium.coordinator is not None
        assert consortium.coordinator.organisation_name == "Clust-ER ISB"
        assert column(consortia, 2) == ["Clust-ER ISB"]

        # s on the consortia table moves it along the pipeline; results need a submission.
        consortia.focus()
        await press(pilot, "s", "down", "enter")  # exploring → forming
        assert funding.find_consortium("HealthBridge EU").status == "forming"
        assert column(consortia, 1) == ["forming"]
        assert "forming" in screen_text(pilot)
        await press(pilot, "s", "down", "down", "enter")  # forming → funded: refused
        assert "only a submitted proposal can be funded" in notice_text(pilot)
        assert funding.find_consortium("HealthBridge EU").status == "forming"

        # x on the members table takes one out.
        members.focus()
        members.move_cursor(row=column(members, 0).index("BioRegio GmbH"))
        await press(pilot, "x", "y")
        assert column(members, 0) == ["Clust-ER ISB"]
        left = funding.find_consortium("HealthBridge EU").members
        assert [m.organisation_name for m in left] == ["Clust-ER ISB"]
