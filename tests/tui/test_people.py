"""People: the paged list, filtered as you type, sorted; the form and its checks."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from textual.widgets import Select

from tracker.config import Settings
from tracker.services.context import Services
from tracker.services.dto_partners import PersonQuery
from tracker.tui.modals.person_form import PersonForm
from tracker.tui.screens.people import PeopleScreen
from tracker.tui.screens.timeline import TimelineScreen
from tracker.tui.widgets.field import Field
from tracker.tui.widgets.partner_tables import PersonTable

from .helpers import column, notice_text, press, running, screen_text, tracker, type_text


def svc(pilot: Pilot[None]) -> Services:
    return tracker(pilot).svc


def people(pilot: Pilot[None]) -> PersonTable:
    return pilot.app.screen.query_one(PersonTable)


async def fill(pilot: Pilot[None], box: str, text: str) -> None:
    pilot.app.screen.query_one(box).focus()
    await press(pilot, "end", "ctrl+u")
    await type_text(pilot, text)


def errors(form: PersonForm) -> dict[str, str]:
    return {f.key: f.error for f in form.query(Field) if f.error}


def seed(svc: Services) -> None:
    biowin = svc.organisations.create({"name": "BioWin", "country": "BE"})
    svc.people.create({"name": "Anna Rossi", "organisation": biowin.id, "email": "anna@biowin.be"})
    svc.people.create({"name": "John Smith", "organisation": "ENRICH USA", "role": "manager"})
    svc.people.create({"name": "Carla Verdi", "email": "carla@example.org"})


async def test_the_list_filters_as_you_type_and_sorts(settings: Settings) -> None:
    async with running(settings) as pilot:
        seed(svc(pilot))
        await press(pilot, "P")
        assert isinstance(pilot.app.screen, PeopleScreen)
        assert column(people(pilot), 0) == ["Anna Rossi", "Carla Verdi", "John Smith"]
        assert column(people(pilot), 1) == ["BioWin", "—", "ENRICH USA"]
        assert "3 people · rows 1–3 · page 1 of 1  ·  by name" in screen_text(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "carla@")  # the start of an email finds them too
        assert column(people(pilot), 0) == ["Carla Verdi"]
        await press(pilot, "ctrl+u")
        await type_text(pilot, 'l\'ufficio "AND" (')
        assert column(people(pilot), 0) == []
        assert "matching" in screen_text(pilot)
        await press(pilot, "ctrl+u", "enter", "s")  # by organisation: no organisation last
        assert column(people(pilot), 0) == ["Anna Rossi", "John Smith", "Carla Verdi"]
        await press(pilot, "s", "r")  # by last change, reversed: the first added first
        assert "by updated, reversed" in screen_text(pilot)
        assert column(people(pilot), 0) == ["Anna Rossi", "John Smith", "Carla Verdi"]
        await press(pilot, "r")
        assert column(people(pilot), 0) == ["Carla Verdi", "John Smith", "Anna Rossi"]


async def test_the_list_pages_from_the_database(settings: Settings) -> None:
    async with running(settings) as pilot:
        for n in range(55):
            svc(pilot).people.create({"name": f"Person {n:02d}"})
        await press(pilot, "P")
        assert people(pilot).row_count == 50
        assert "55 people · rows 1–50 · page 1 of 2" in screen_text(pilot)
        await press(pilot, "right_square_bracket")
        assert "rows 51–55 · page 2 of 2" in screen_text(pilot)
        assert column(people(pilot), 0) == [f"Person {n}" for n in range(50, 55)]
        await press(pilot, "left_square_bracket", "end", "down")  # past the last row, too
        assert "rows 51–55 · page 2 of 2" in screen_text(pilot)


async def test_the_form_shows_what_is_wrong_beside_each_field(settings: Settings) -> None:
    async with running(settings) as pilot:
        seed(svc(pilot))
        await press(pilot, "P", "n")
        form = pilot.app.screen
        assert isinstance(form, PersonForm)
        await type_text(pilot, "Hans Müller")
        await fill(pilot, "#person-organisation", "Nowhere Inc")
        await fill(pilot, "#person-email", "hans@@bioregio")
        await fill(pilot, "#person-phone", "12")
        form.query_one("#person-consent", Select).value = "given"
        await press(pilot, "ctrl+s")
        assert pilot.app.screen is form
        found = errors(form)
        assert set(found) == {"organisation", "email", "phone", "consent_source"}
        assert "not a valid email address" in found["email"]
        assert "not a valid phone number" in found["phone"]
        assert "no organisation matches 'Nowhere Inc'" in found["organisation"]
        assert "Nothing was saved" in screen_text(pilot)
        assert svc(pilot).people.list(PersonQuery(text="Hans")).total == 0

        await fill(pilot, "#person-organisation", "BioWin")
        await fill(pilot, "#person-email", "Hans@BioRegio.de")
        await fill(pilot, "#person-phone", "071 12 34 56")  # read in Belgium, BioWin's country
        await fill(pilot, "#person-consent_source", "business card, MedTech 2018")
        await fill(pilot, "#person-consent_date", "25 ottobre 2018")
        await press(pilot, "ctrl+s")
        assert isinstance(pilot.app.screen, PeopleScreen)
        hans = svc(pilot).people.find("Hans Müller")
        assert hans.organisation is not None and hans.organisation.name == "BioWin"
        assert (hans.email, hans.phone) == ("Hans@bioregio.de", "+3271123456")
        assert (hans.consent, hans.consent_date) == ("given", date(2018, 10, 25))
        assert (
            people(pilot).current is not None and people(pilot).current.full_name == "Hans Müller"
        )
        assert "Added Hans Müller." in notice_text(pilot)


async def test_e_edits_keeping_the_organisation_and_enter_opens_the_timeline(
    settings: Settings,
) -> None:
    async with running(settings) as pilot:
        seed(svc(pilot))
        await press(pilot, "P", "e")  # Anna Rossi
        form = pilot.app.screen
        assert isinstance(form, PersonForm)
        assert "Edit Anna Rossi" in screen_text(pilot)
        await fill(pilot, "#person-role", "Project manager")
        await press(pilot, "ctrl+s")
        anna = svc(pilot).people.find("Anna Rossi")
        assert anna.role == "Project manager"
        assert anna.organisation is not None and anna.organisation.name == "BioWin"
        assert column(people(pilot), 2)[0] == "Project manager"
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, TimelineScreen)
        assert "Anna Rossi  Project manager  ·  BioWin  ·  anna@biowin.be" in screen_text(pilot)
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, PeopleScreen)
