"""Organisations: the board by stage (moves and undo), the list view, the form."""

from __future__ import annotations

from textual.pilot import Pilot

from tracker.config import Settings
from tracker.services.context import Services
from tracker.tui.modals.org_form import OrganisationForm
from tracker.tui.screens.organisations import OrganisationsScreen
from tracker.tui.screens.timeline import TimelineScreen
from tracker.tui.widgets.field import Field
from tracker.tui.widgets.partner_tables import BoardColumn, OrganisationTable

from .helpers import column, notice_text, press, running, screen_text, tracker, type_text


def svc(pilot: Pilot[None]) -> Services:
    return tracker(pilot).svc


def board(pilot: Pilot[None], stage: str) -> BoardColumn:
    return pilot.app.screen.query_one(f"#stage-{stage}", BoardColumn)


def names(pilot: Pilot[None], stage: str) -> list[str]:
    return column(board(pilot, stage), 0)


async def fill(pilot: Pilot[None], box: str, text: str) -> None:
    pilot.app.screen.query_one(box).focus()
    await press(pilot, "end", "ctrl+u")
    await type_text(pilot, text)


async def test_the_board_shows_each_stage_with_its_count(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "O")
        assert isinstance(pilot.app.screen, OrganisationsScreen)
        assert names(pilot, "prospect") == ["European Commission BE"]
        assert names(pilot, "contacted") == ["ENRICH USA US"]
        assert names(pilot, "partner") == ["Clust-ER ISB IT", "Regione Emilia-Romagna IT"]
        shown = screen_text(pilot)
        for heading in ("Prospect (1)", "Contacted (1)", "In talks (0)", "Partner (2)"):
            assert heading in shown
        assert "4 organisations" in shown


async def test_a_key_moves_the_card_along_the_board_and_u_undoes(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "O", "right")  # to the contacted column: ENRICH USA
        assert pilot.app.screen.focused is board(pilot, "contacted")
        await press(pilot, "right_square_bracket")
        enrich = svc(pilot).organisations.find("ENRICH USA")
        assert enrich.stage == "in_talks"
        assert names(pilot, "in_talks") == ["ENRICH USA US"]
        assert names(pilot, "contacted") == []
        # The cursor went with the card: one more press moves it on.
        assert pilot.app.screen.focused is board(pilot, "in_talks")
        await press(pilot, "right_square_bracket")
        assert svc(pilot).organisations.find("ENRICH USA").stage == "partner"
        assert "In talks → Partner (u undoes)" in notice_text(pilot)
        await press(pilot, "u", "u")
        assert svc(pilot).organisations.find("ENRICH USA").stage == "contacted"
        assert names(pilot, "contacted") == ["ENRICH USA US"]
        await press(pilot, "u")
        assert "No move to undo." in notice_text(pilot)
        await press(pilot, "left", "left_square_bracket")  # prospect is the first stage
        assert "already in the first column" in notice_text(pilot)


async def test_each_column_pages_from_the_database(settings: Settings) -> None:
    async with running(settings) as pilot:
        for n in range(35):
            svc(pilot).organisations.create({"name": f"Cluster {n:02d}"})
        await press(pilot, "O")
        prospects = board(pilot, "prospect")
        assert prospects.row_count == 30
        assert "Prospect (36) 1–30" in screen_text(pilot)
        await press(pilot, *["down"] * 30)  # past the last row: the next page
        assert prospects.row_count == 6
        assert "Prospect (36) 31–36" in screen_text(pilot)
        assert prospects.current is not None and prospects.current.name == "Cluster 30"
        await press(pilot, "less_than_sign")  # the page keys turn the focused column
        assert "Prospect (36) 1–30" in screen_text(pilot)
        await press(pilot, "greater_than_sign")
        assert prospects.row_count == 6


async def test_the_list_view_filters_as_you_type_and_sorts(settings: Settings) -> None:
    async with running(settings) as pilot:
        svc(pilot).organisations.create({"name": "BioWin", "country": "BE"})
        svc(pilot).organisations.create({"name": "Medicon Valley Alliance", "country": "SE"})
        await press(pilot, "O", "v")
        table = pilot.app.screen.query_one(OrganisationTable)
        assert table.has_focus
        assert column(table, 0)[:3] == ["BioWin", "Clust-ER ISB", "ENRICH USA"]
        assert "6 organisations · rows 1–6 · page 1 of 1" in screen_text(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "valley")
        assert column(table, 0) == ["Medicon Valley Alliance"]
        await press(pilot, "ctrl+u")
        await type_text(pilot, "S.p.A. (")  # nothing matches; no error either
        assert column(table, 0) == []
        await press(pilot, "ctrl+u", "enter")  # back to the list
        assert table.has_focus
        await press(pilot, "s")  # by stage
        assert column(table, 2)[0] == "Prospect"
        await press(pilot, "s", "s")  # by last change, newest first
        assert "by updated" in screen_text(pilot)
        assert column(table, 0)[0] == "Medicon Valley Alliance"
        await press(pilot, "r")  # reversed: oldest first, and no SQL error
        assert "by updated, reversed" in screen_text(pilot)
        assert column(table, 0)[-1] == "Medicon Valley Alliance"
        assert "error" not in notice_text(pilot).lower()


async def test_a_new_organisation_is_checked_field_by_field(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "O", "n")
        form = pilot.app.screen
        assert isinstance(form, OrganisationForm)
        await type_text(pilot, "BioWin")
        await fill(pilot, "#org-country", "Belgium")
        await fill(pilot, "#org-website", "not a web address")
        await press(pilot, "ctrl+s")
        assert pilot.app.screen is form  # still open: nothing saved
        errors = {f.key: f.error for f in form.query(Field) if f.error}
        assert set(errors) == {"country", "website"}
        assert "Nothing was saved" in screen_text(pilot)
        await fill(pilot, "#org-country", "ZZ")  # the right shape, but no such country
        await fill(pilot, "#org-website", "")
        await press(pilot, "ctrl+s")
        errors = {f.key: f.error for f in form.query(Field) if f.error}
        assert list(errors) == ["country"]
        assert "unknown country code ZZ" in errors["country"]
        assert svc(pilot).organisations.similar("BioWin") == ()
        await fill(pilot, "#org-country", "be")
        await fill(pilot, "#org-website", "https://www.biowin.org")
        await fill(pilot, "#org-tags", "medtech, biotech")
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, OrganisationsScreen)
        biowin = svc(pilot).organisations.find("BioWin")
        assert (biowin.country_code, biowin.website) == ("BE", "https://www.biowin.org")
        assert biowin.tags == ("biotech", "medtech")
        assert "BioWin BE" in names(pilot, "prospect")
        assert "Added BioWin." in notice_text(pilot)


async def test_e_edits_and_enter_opens_the_timeline(settings: Settings) -> None:
    async with running(settings) as pilot:
        await press(pilot, "O", "right", "e")
        form = pilot.app.screen
        assert isinstance(form, OrganisationForm)
        assert "Edit ENRICH USA" in screen_text(pilot)
        await fill(pilot, "#org-city", "Boston")
        await press(pilot, "ctrl+s")
        assert svc(pilot).organisations.find("ENRICH USA").city == "Boston"
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, TimelineScreen)
        assert "ENRICH USA" in screen_text(pilot)
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, OrganisationsScreen)
