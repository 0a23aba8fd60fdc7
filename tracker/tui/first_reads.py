"""Each list screen's first read, run once by the warm-up while the user reads the
dashboard.

The first time SQLAlchemy runs a statement of a given shape it compiles it (and builds
its result loaders): 20–70 ms of CPU per screen, paid on the key that first opens it.
Running the same reads once before, in the warm-up's worker, pays that cost off the UI
thread; the screen still reads its own rows when it opens (nothing is kept from here).
Only reads, each in its own short transaction, and only first pages (the big database's
counts stop early where the screens' do). A read that fails here is skipped: the screen
reports it when it runs it itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from tracker.domain.enums import Stage
from tracker.services.context import Services
from tracker.services.dto import EventQuery
from tracker.services.dto_funding import CallQuery
from tracker.services.dto_partners import InteractionQuery, OrganisationQuery, PersonQuery
from tracker.tui.screens import calls, contact_log, events, followups, organisations, people
from tracker.tui.screens.contact_log_actions import plan_events


def first_reads(svc: Services, year: int | None, today: date) -> list[Callable[[], object]]:
    """The reads the screens make when they open with their initial settings."""
    board = organisations.BOARD_PAGE
    reads: list[Callable[[], object]] = [
        lambda: svc.people.list(
            PersonQuery(sort=people.PeopleScreen.SORTS[0], limit=people.PAGE_SIZE)
        ),
        lambda: svc.contact_log.list(
            InteractionQuery(limit=contact_log.PAGE_SIZE, count_at_most=contact_log.COUNT_AT_MOST)
        ),
        lambda: svc.contact_log.followups(today, limit=followups.PAGE_SIZE),
        lambda: svc.contact_log.followup_summary(today, next_count=0),
        lambda: first_call_consortia(svc),
    ]
    reads += [
        partial(svc.organisations.list, OrganisationQuery(stage=s.value, limit=board))
        for s in Stage
    ]
    if year is not None:
        reads += [
            lambda: svc.events.list(EventQuery(year=year, limit=events.PAGE_SIZE)),
            lambda: svc.plans.targets(year),
            lambda: plan_events(svc, year),
            lambda: svc.calendar.month(today.year, today.month),
            lambda: svc.calendar.to_schedule(year),
        ]
    return reads


def first_call_consortia(svc: Services) -> object:
    """The calls screen's first page, and the consortia of its first call."""
    first = svc.funding.calls(CallQuery(limit=calls.PAGE_SIZE)).rows[:1]
    return [svc.funding.consortia(call_id=call.id, limit=500) for call in first]


def run_first_reads(svc: Services, year: int | None, today: date) -> None:
    for read in first_reads(svc, year, today):
        try:
            read()
        except Exception:  # the screen's own read reports it, in context
            continue
