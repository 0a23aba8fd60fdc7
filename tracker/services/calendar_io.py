"""The plan's calendar out as an .ics file, and organisers' calendars in as candidate events.

Export gathers a year's dated events, its missions and the funding-call deadlines that
fall in it (``_ics_export_entries``). Import reads a file (``tracker.io.ics_import``),
matches each event against the plan — same UID: update; same name and start day:
duplicate (``_ics_import_plan``) — and writes everything in one transaction, or nothing
when the file has a single problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tracker.db.engine import Database
from tracker.domain.errors import RuleViolation, ValidationError
from tracker.io.ics_export import write_calendar
from tracker.io.ics_types import ImportPreview, Problem
from tracker.services import _lookup
from tracker.services._ics_export_entries import deadline_entries, event_entries, mission_entries
from tracker.services._ics_import_plan import plan_import, write_import
from tracker.services.dto_calendar_io import ExportCounts, ExportResult, ImportPlan, ImportReport


class CalendarImportRefused(RuleViolation):
    """The file has problems: nothing was written. Each problem names its line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        listed = "\n".join(str(p) for p in self.problems)
        super().__init__(f"the calendar was not imported, nothing was written:\n{listed}")


def _checked_zone(zone: str | None) -> str | None:
    """The zone asked for, or ValidationError: a misspelt one must not read as UTC."""
    if zone is None or not zone.strip():
        return None
    name = zone.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValidationError(
            {"zone": f"{name!r} is not a time zone: use a name like Europe/Brussels"}
        ) from exc
    return name


def _read(data: bytes, zone: str | None) -> ImportPreview:
    # Loaded here, not at the top: icalendar takes a noticeable moment to import, and
    # only a command that reads a calendar file needs it.
    from tracker.io.ics_import import read_calendar

    return read_calendar(data, zone=_checked_zone(zone))


class CalendarIOService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def export(
        self, year: int, *, country: str | None = None, now: datetime | None = None
    ) -> ExportResult:
        """The year's events (dated ones), missions and deadlines as one .ics file.

        Deadlines belong to no country, so a country's export carries them too. Pass a
        fixed ``now`` (it becomes every DTSTAMP) for a repeatable file.
        """
        warnings: list[str] = []
        with self._db.read() as session:
            plan = _lookup.plan_by_year(session, year)
            code = _lookup.country(session, country).code if country else None
            events, undated = event_entries(session, plan.id, code, warnings)
            missions = mission_entries(session, plan.id, code)
            deadlines = deadline_entries(session, year)
        name = f"Clust-ER plan {year}" + (f" ({code})" if code else "")
        data = write_calendar(
            [*events, *missions, *deadlines], name=name, now=now or datetime.now(UTC)
        )
        counts = ExportCounts(events=len(events), missions=len(missions), deadlines=len(deadlines))
        return ExportResult(data, counts, undated, tuple(warnings))

    def preview_import(
        self, data: bytes, year: int, country: str | None = None, *, zone: str | None = None
    ) -> ImportPlan:
        """What importing ``data`` would do, and every problem that stops it. Writes nothing.

        ``zone`` (e.g. "Europe/Brussels") turns times given in UTC into days when the
        file does not name its own zone.
        """
        preview = _read(data, zone)
        with self._db.read() as session:
            return plan_import(session, preview, year, country)

    def apply_import(
        self, data: bytes, year: int, country: str | None = None, *, zone: str | None = None
    ) -> ImportReport:
        """Import in one transaction: everything the preview shows, or nothing at all.

        Raises CalendarImportRefused, listing every problem by line, if there is one.
        """
        preview = _read(data, zone)
        with self._db.write() as session:
            plan = plan_import(session, preview, year, country)
            if not plan.ok:
                raise CalendarImportRefused(plan.problems)
            return write_import(session, plan, preview)
