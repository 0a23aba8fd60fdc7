"""Duplicates (D): likely pairs with their score and why; merging keeps every link."""

from __future__ import annotations

from textual.pilot import Pilot

from tracker.config import Settings
from tracker.services.context import Services
from tracker.services.dto_partners import InteractionQuery
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.screens.duplicates import DuplicatesScreen, PairTable
from tracker.tui.screens.organisations import OrganisationsScreen
from tracker.tui.screens.people import PeopleScreen

from .helpers import notice_text, press, running, screen_text, table_rows, tracker


def svc(pilot: Pilot[None]) -> Services:
    return tracker(pilot).svc


def seed(svc: Services) -> tuple[int, int]:
    """Two BioWins (one with a contact and a consortium), two Anna Rossis with one email."""
    biowin = svc.organisations.create({"name": "BioWin", "country": "BE", "city": "Charleroi"})
    copy = svc.organisations.create({"name": "Bio-Win S.A.", "country": "BE", "tags": "medtech"})
    anna = svc.people.create({"name": "Anna Rossi", "email": "anna@biowin.be"})
    ana = svc.people.create({"name": "Rossi Anna", "email": "Anna@BioWin.be", "role": "CEO"})
    svc.contact_log.add(
        {"date": "12/09/2018", "summary": "Met at MedTech"}, organisations=[copy.id]
    )
    svc.contact_log.add({"date": "13/09/2018", "summary": "Call"}, people=[ana.id])
    consortium = svc.funding.add_consortium(1, "Health clusters go global")
    svc.funding.member_add(consortium.id, copy.id)
    return biowin.id, anna.id


def pairs(pilot: Pilot[None]) -> list[list[str]]:
    return table_rows(pilot.app.screen.query_one(PairTable))


async def test_organisations_are_merged_with_everything_they_had(settings: Settings) -> None:
    async with running(settings) as pilot:
        biowin, _ = seed(svc(pilot))
        await press(pilot, "O", "D")
        assert isinstance(pilot.app.screen, DuplicatesScreen)
        assert pairs(pilot) == [
            ["92", f"BioWin #{biowin}", "Charleroi, BE", f"Bio-Win S.A. #{biowin + 1}", "BE",
             "similar names (92%)"],
        ]  # fmt: skip
        assert "Likely duplicate organisations" in screen_text(pilot)
        await press(pilot, "m")
        confirm = pilot.app.screen
        assert isinstance(confirm, ConfirmModal)
        assert confirm.question == (
            f"Keep BioWin (#{biowin}) and merge Bio-Win S.A. (#{biowin + 1}) into it?"
        )
        assert confirm.detail.splitlines()[:3] == [
            f"Kept: BioWin (#{biowin}).",
            f"Deleted: Bio-Win S.A. (#{biowin + 1}).",
            "Moving to BioWin: 1 contact-log entry · 1 consortium membership · 1 tag.",
        ]
        await press(pilot, "y")
        assert isinstance(pilot.app.screen, DuplicatesScreen)
        assert pairs(pilot) == []
        assert "Merged Bio-Win S.A. into BioWin" in notice_text(pilot)
        kept = svc(pilot).organisations.get(biowin)
        assert kept.interactions == 1
        assert [m.consortium_name for m in kept.memberships] == ["Health clusters go global"]
        assert kept.tags == ("medtech",)
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, OrganisationsScreen)


async def test_people_are_merged_keeping_the_one_chosen(settings: Settings) -> None:
    async with running(settings) as pilot:
        _, anna = seed(svc(pilot))
        await press(pilot, "P", "D")
        assert isinstance(pilot.app.screen, DuplicatesScreen)
        [row] = pairs(pilot)
        assert row[0] == "100"
        assert row[5] == "same email, same name"
        await press(pilot, "M")  # keep B: Rossi Anna
        assert "Keep Rossi Anna" in screen_text(pilot)
        await press(pilot, "n")  # no: nothing changes
        assert len(pairs(pilot)) == 1
        await press(pilot, "m", "y")  # keep A: Anna Rossi
        kept = svc(pilot).people.get(anna)
        assert (kept.role, kept.interactions) == ("CEO", 1)
        entries = svc(pilot).contact_log.list(InteractionQuery(person_id=anna)).rows
        assert [e.summary for e in entries] == ["Call"]
        await press(pilot, "t")  # the organisations' pairs, from here too
        assert "Likely duplicate organisations" in screen_text(pilot)
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, PeopleScreen)
