"""The dashboard's partner panels: open follow-ups (overdue marked) and call deadlines."""

from __future__ import annotations

from tracker.config import Settings
from tracker.services.context import Services
from tracker.tui.screens.dashboard import DashboardScreen

from .helpers import press, running, screen_text


def seed(settings: Settings) -> None:
    svc = Services.open(settings)
    try:
        anna = svc.people.create({"name": "Anna Rossi", "organisation": "ENRICH USA"}).id
        log = svc.contact_log
        log.add(
            {"date": "12/09/2018", "summary": "Call", "follow_up": "send brochure",
             "due": "20/09/2018"},
            people=[anna],
        )  # fmt: skip
        log.add(
            {"date": "24/09/2018", "summary": "Video call", "follow_up": "send the members list",
             "due": "05/10/2018"},
            people=[anna],
        )  # fmt: skip
        done = log.add(
            {"date": "01/09/2018", "summary": "x", "follow_up": "ticked off", "due": "02/09/2018"},
            people=[anna],
        )
        log.mark_done(done.id)
        svc.funding.add_deadline(1, "15/03/2019", "first stage")
        svc.funding.add_deadline(2, "01/09/2018")  # past: not shown
    finally:
        svc.close()


async def test_follow_ups_and_deadlines_are_on_the_dashboard(settings: Settings) -> None:
    seed(settings)
    async with running(settings) as pilot:
        assert isinstance(pilot.app.screen, DashboardScreen)
        shown = screen_text(pilot)
        assert "Open follow-ups" in shown
        assert "2 open · 1 overdue · 1 due this week · F lists them" in shown
        assert "! 20/09/2018 send brochure" in shown
        assert "Anna Rossi, ENRICH USA · 11 days late" in shown
        assert "05/10/2018 send the members list" in shown
        assert "ticked off" not in shown
        assert "Call deadlines" in shown
        assert "15/03/2019 COSME Go International (first stage)" in shown
        assert "in 165 days" in shown
        assert "INNOSUP" not in shown.split("Call deadlines")[1].split("╰")[0]
        await press(pilot, "F")  # the panel's key
        assert "send brochure" in screen_text(pilot)
