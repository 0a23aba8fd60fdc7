"""Calendar export and import on a real database (SQLite, and PostgreSQL when set)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
from sqlalchemy import func, select

from tracker.domain.enums import EventKind, MissionStatus
from tracker.domain.errors import NotFoundError, ValidationError
from tracker.domain.event_rules import EventData
from tracker.domain.models import Event, Mission, Person, Plan, PlanCountry
from tracker.services.calendar_io import CalendarImportRefused
from tracker.services.context import Services
from tracker.services.dto_calendar_io import ExportCounts, ImportAction

DATA = Path(__file__).parents[1] / "data" / "ics"
NOW = datetime(2018, 3, 1, 9, 0, tzinfo=UTC)
ORGANISER = (DATA / "organiser_2018.ics").read_bytes()


def add_event(
    services: Services,
    name: str,
    start: date | None,
    end: date | None = None,
    *,
    country: str = "BE",
    kind: EventKind = EventKind.OTHER,
    **text: str,
) -> int:
    data = EventData(name, kind, country, start_date=start, end_date=end, **text)  # type: ignore[arg-type]
    return services.events.create(2018, data).id


def add_mission(services: Services, event_id: int) -> str:
    with services.db.write() as session:
        belgium = session.scalar(
            select(PlanCountry)
            .join(Plan)
            .where(Plan.year == 2018, PlanCountry.country_code == "BE")
        )
        mission = Mission(
            plan_country=belgium,
            title="Brussels partnering week",
            city="Brussels",
            start_date=date(2018, 10, 23),
            end_date=date(2018, 10, 26),
            purpose="Meet the Flemish health cluster",
            status=MissionStatus.BOOKED,
            participants=[
                Person(full_name="Giulia Bianchi", email="giulia@clust-er.example"),
                Person(full_name="Marco Rossi", phone="+39 051 000000"),
            ],
            events=[session.get_one(Event, event_id)],
        )
        session.add(mission)
        session.flush()
        return mission.uid


def event_count(services: Services) -> int:
    with services.db.read() as session:
        return session.scalar(select(func.count()).select_from(Event)) or 0


def vevents(data: bytes) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}


def test_export_writes_events_missions_and_deadlines(services: Services) -> None:
    event_id = add_event(
        services,
        "MEDICA 2018",
        date(2018, 11, 12),
        date(2018, 11, 15),
        country="DE",
        kind=EventKind.FAIR,
        city="Düsseldorf",
        url="https://www.medica-tradefair.com/",
        why="Largest medical fair; EEN matchmaking",
    )
    add_event(services, "Some fair, dates unknown", None)
    mission_uid = add_mission(services, event_id)
    cosme = services.funding.find_call("COSME")
    services.funding.add_deadline(cosme.id, date(2018, 10, 24), "stage 1")
    services.funding.add_deadline(cosme.id, date(2019, 3, 15), "stage 2")  # another year

    result = services.calendar_io.export(2018, now=NOW)

    assert result.counts == ExportCounts(events=2, missions=1, deadlines=1)
    assert result.skipped_undated == 5  # four seeded placeholders and the fair above
    found = vevents(result.ics_bytes)
    assert len(found) == 4
    for vevent in found.values():
        assert type(vevent.decoded("DTSTART")) is date
        assert vevent.decoded("DTSTAMP") == NOW
    with services.db.read() as session:
        uid = session.get_one(Event, event_id).uid
    medica = found[uid]
    assert (medica.decoded("DTSTART"), medica.decoded("DTEND")) == (
        date(2018, 11, 12),
        date(2018, 11, 16),
    )
    assert (str(medica["LOCATION"]), str(medica["STATUS"])) == ("Düsseldorf, Germany", "TENTATIVE")
    assert [str(c) for c in medica.categories] == ["fair"]
    assert "Why: Largest medical fair; EEN matchmaking" in str(medica["DESCRIPTION"])
    mission = found[mission_uid]
    assert str(mission["SUMMARY"]) == "Mission: Brussels partnering week"
    assert (mission.decoded("DTSTART"), mission.decoded("DTEND")) == (
        date(2018, 10, 23),
        date(2018, 10, 27),
    )
    description = str(mission["DESCRIPTION"])
    assert "Participants: Giulia Bianchi, Marco Rossi" in description
    assert "MEDICA 2018 (12/11/2018–15/11/2018)" in description
    assert "@" not in description and "+39" not in description  # no personal contacts
    assert str(mission["STATUS"]) == "CONFIRMED"
    (deadline,) = (e for e in found.values() if str(e["SUMMARY"]).startswith("Deadline"))
    assert str(deadline["SUMMARY"]) == "Deadline: COSME Go International (stage 1)"
    assert deadline.decoded("DTSTART") == date(2018, 10, 24)


def test_exports_are_stable_and_an_edit_raises_the_sequence(services: Services) -> None:
    event_id = add_event(services, "Nordic Life Science Days", date(2018, 9, 12))
    first = services.calendar_io.export(2018, now=NOW).ics_bytes
    again = services.calendar_io.export(2018, now=datetime(2018, 6, 1, tzinfo=UTC)).ics_bytes

    def without_stamps(data: bytes) -> list[bytes]:
        return [line for line in data.split(b"\r\n") if not line.startswith(b"DTSTAMP")]

    assert first != again
    assert without_stamps(first) == without_stamps(again)

    before = services.events.get(event_id)
    data = EventData(name=before.name, start_date=date(2018, 9, 13), country_code="BE")
    services.events.update(event_id, data)
    edited = services.calendar_io.export(2018, now=NOW).ics_bytes
    assert set(vevents(edited)) == set(vevents(first))  # same UIDs: apps update, not add
    with services.db.read() as session:
        uid = session.get_one(Event, event_id).uid
    assert int(vevents(first)[uid]["SEQUENCE"]) == 0
    assert int(vevents(edited)[uid]["SEQUENCE"]) == 1
    assert vevents(edited)[uid].decoded("DTSTART") == date(2018, 9, 13)


def test_a_countrys_export_keeps_its_own_and_the_deadlines(services: Services) -> None:
    add_mission(services, add_event(services, "Belgian day", date(2018, 5, 3)))
    cosme = services.funding.find_call("COSME")
    services.funding.add_deadline(cosme.id, date(2018, 10, 24), "stage 1")
    us = services.calendar_io.export(2018, country="us", now=NOW)
    assert us.counts == ExportCounts(events=0, missions=0, deadlines=1)
    assert b"X-WR-CALNAME:Clust-ER plan 2018 (US)" in us.ics_bytes
    be = services.calendar_io.export(2018, country="BE", now=NOW)
    assert be.counts == ExportCounts(events=2, missions=1, deadlines=1)
    with pytest.raises(NotFoundError):
        services.calendar_io.export(2018, country="XX")
    with pytest.raises(NotFoundError):
        services.calendar_io.export(1999)


def test_round_trip_into_a_fresh_plan_without_duplicates(services: Services) -> None:
    add_event(services, "MEDICA 2018", date(2018, 11, 12), date(2018, 11, 15), kind=EventKind.FAIR)
    add_event(services, "Webinar; part 1, intro", date(2018, 6, 5), city="Bologna", country="IT")
    services.plans.create(2019)
    exported = services.calendar_io.export(2018, now=NOW).ics_bytes

    plan = services.calendar_io.preview_import(exported, 2019, "BE")
    assert plan.ok, plan.problems
    assert [e.action for e in plan.events] == [ImportAction.NEW] * 3
    assert all(e.outside_year for e in plan.events)  # 2018 dates in the 2019 plan: warned
    assert len(plan.warnings) == 3
    report = services.calendar_io.apply_import(exported, 2019, "BE")
    assert len(report.created) == 3

    def dated(year: int) -> set[tuple[str, date, date, str, str]]:
        with services.db.read() as session:
            rows = session.execute(
                select(Event.name, Event.start_date, Event.end_date, Event.kind, Event.city)
                .join(Plan)
                .where(Plan.year == year, Event.start_date.is_not(None))
            )
            return {(n, s, e or s, k.value, c) for n, s, e, k, c in rows}

    assert dated(2019) == dated(2018)
    count = event_count(services)
    second = services.calendar_io.apply_import(exported, 2019, "BE")
    assert (second.created, second.updated, second.skipped) == ((), (), 3)
    assert event_count(services) == count


def test_preview_writes_nothing_and_apply_does_what_it_showed(services: Services) -> None:
    count = event_count(services)
    plan = services.calendar_io.preview_import(ORGANISER, 2018, "BE")
    assert event_count(services) == count
    assert plan.ok
    assert [(e.name, e.action.value, e.kind, e.city, e.end) for e in plan.events] == [
        ("MEDICA 2018", "new", "fair", "Düsseldorf", date(2018, 11, 15)),
        ("Health cluster matchmaking Brussels", "new", "partnering", "", date(2018, 10, 25)),
        ("INNOSUP info webinar", "new", "webinar", "", date(2018, 11, 6)),
        ("BIO-Europe Spring", "new", "other", "Amsterdam", date(2018, 3, 21)),
        ("Cancelled forum", "cancelled", "other", "", date(2018, 9, 15)),
    ]
    assert [str(n) for n in plan.ignored] == ["line 72: left out: a to-do (VTODO), not an event"]

    report = services.calendar_io.apply_import(ORGANISER, 2018, "BE")
    assert (len(report.created), report.updated, report.skipped) == (4, (), 1)
    assert event_count(services) == count + 4
    with services.db.read() as session:
        medica = session.scalars(
            select(Event).where(Event.uid == "medica-2018@een.example.eu")
        ).one()
        assert (medica.status.value, medica.country_code, medica.plan.year) == (
            "candidate",
            "BE",
            2018,
        )
        assert medica.url == "https://www.medica-tradefair.com/"
        assert medica.notes.startswith("Location: Düsseldorf, Germany\n\nWorld forum for medicine")
        bio = session.scalars(select(Event).where(Event.name == "BIO-Europe Spring")).one()
        assert bio.recurrence == "FREQ=YEARLY;BYMONTH=3"

    again = services.calendar_io.preview_import(ORGANISER, 2018, "BE")
    assert [e.action.value for e in again.events] == ["unchanged"] * 4 + ["cancelled"]


def test_same_uid_updates_and_same_name_and_day_is_a_duplicate(services: Services) -> None:
    services.calendar_io.apply_import(ORGANISER, 2018, "BE")
    moved = ORGANISER.replace(b"DTSTART;VALUE=DATE:20181112", b"DTSTART;VALUE=DATE:20181113")
    moved = moved.replace(b"SUMMARY:MEDICA 2018", b"SUMMARY:MEDICA 2018 (50th)")
    plan = services.calendar_io.preview_import(moved, 2018, "BE")
    medica = plan.events[0]
    assert medica.action is ImportAction.UPDATE
    assert medica.changes == (
        "name 'MEDICA 2018' → 'MEDICA 2018 (50th)'",
        "dates 12/11/2018–15/11/2018 → 13/11/2018–15/11/2018",
    )
    report = services.calendar_io.apply_import(moved, 2018, "BE")
    assert report.updated == (medica.existing_id,)
    detail = services.events.get(report.updated[0])
    assert (detail.name, detail.start_date, detail.version) == (
        "MEDICA 2018 (50th)",
        date(2018, 11, 13),
        2,
    )

    # The seed's "Cluster partnering event" on 25/10/2018, under another UID and case.
    twin = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:other@organiser\r\n"
        b"SUMMARY:cluster  Partnering event\r\nDTSTART;VALUE=DATE:20181025\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:twin@organiser\r\n"
        b"SUMMARY:Cluster partnering event\r\nDTSTART;VALUE=DATE:20181025\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    plan = services.calendar_io.preview_import(twin, 2018, "BE")
    assert [e.action for e in plan.events] == [ImportAction.DUPLICATE] * 2
    assert plan.events[0].existing_id == services.events.find("Cluster partnering event", 2018).id


def test_a_file_with_two_bad_events_writes_nothing(services: Services) -> None:
    data = (DATA / "two_bad_events.ics").read_bytes()
    count = event_count(services)
    plan = services.calendar_io.preview_import(data, 2018, "BE")
    assert [p.line for p in plan.problems] == [11, 17]
    with pytest.raises(CalendarImportRefused) as refused:
        services.calendar_io.apply_import(data, 2018, "BE")
    assert [p.line for p in refused.value.problems] == [11, 17]
    message = str(refused.value)
    assert message.startswith("the calendar was not imported, nothing was written:\nline 11: ")
    assert "\nline 17: DTEND '20181110' comes before DTSTART '20181120' (line 16)" in message
    assert event_count(services) == count


def test_truncated_and_windows_zoned_files(services: Services) -> None:
    count = event_count(services)
    with pytest.raises(CalendarImportRefused, match="line 9: BEGIN:VEVENT is never closed"):
        services.calendar_io.apply_import((DATA / "truncated.ics").read_bytes(), 2018, "DE")
    assert event_count(services) == count
    report = services.calendar_io.apply_import((DATA / "windows_tz.ics").read_bytes(), 2018, "DE")
    assert len(report.created) == 1
    assert [str(w) for w in report.warnings] == [
        "line 8: Windows time zone 'W. Europe Standard Time' read as Europe/Berlin"
    ]
    detail = services.events.get(report.created[0])
    assert (detail.name, detail.start_date, detail.country_code) == (
        "Cluster day Berlin",
        date(2018, 5, 22),
        "DE",
    )


def test_import_needs_a_plan_and_a_real_country(services: Services) -> None:
    with pytest.raises(NotFoundError, match="there is no plan for 2031"):
        services.calendar_io.preview_import(ORGANISER, 2031, "BE")
    with pytest.raises(NotFoundError, match="unknown country code"):
        services.calendar_io.apply_import(ORGANISER, 2018, "ZZ")
    plan = services.calendar_io.preview_import(ORGANISER, 2018)
    assert plan.country is None and plan.ok


def test_a_time_zone_that_does_not_exist_is_refused(services: Services) -> None:
    for zone in ("Mars/Base", "Europe/Bruxelles", "../etc/passwd", "Europe"):
        with pytest.raises(ValidationError, match="is not a time zone"):
            services.calendar_io.preview_import(ORGANISER, 2018, "BE", zone=zone)
    plan = services.calendar_io.preview_import(ORGANISER, 2018, "BE", zone=" Europe/Brussels ")
    assert plan.ok
