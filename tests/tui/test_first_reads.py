"""The warm-up's first reads: each one works on a real database, none writes, and one
that fails does not stop the others."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from tracker.services.context import Services
from tracker.tui import first_reads
from tracker.tui.first_reads import run_first_reads

TODAY = date(2018, 5, 14)


def test_every_first_read_runs_on_the_seeded_plan(sqlite_services: Services) -> None:
    year = sqlite_services.plans.latest_year()
    assert year is not None
    reads = first_reads.first_reads(sqlite_services, year, TODAY)
    assert len(reads) >= 10
    for read in reads:
        read()  # raises if a read no longer matches its service


def test_the_first_reads_only_read(sqlite_services: Services) -> None:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement.lstrip().split(None, 1)[0].upper())

    engine = sqlite_services.db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        run_first_reads(sqlite_services, sqlite_services.plans.latest_year(), TODAY)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert "SELECT" in seen
    assert not {"INSERT", "UPDATE", "DELETE"} & set(seen)


def test_a_failing_read_does_not_stop_the_rest(
    sqlite_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[str] = []

    def failing() -> object:
        ran.append("failing")
        raise RuntimeError("boom")

    def later() -> object:
        ran.append("later")
        return None

    monkeypatch.setattr(first_reads, "first_reads", lambda *_args: [failing, later])
    run_first_reads(sqlite_services, None, TODAY)
    assert ran == ["failing", "later"]
