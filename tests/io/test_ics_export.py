"""The .ics writer: valid RFC 5545 that icalendar (and so calendar apps) read back."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar
import pytest

from tracker.io.ics_export import CalendarEntry, rrule_problem, write_calendar
from tracker.io.ics_import import read_calendar

NOW = datetime(2018, 3, 1, 9, 30, tzinfo=UTC)
ENTRIES = [
    CalendarEntry(
        uid="deadline-1@tracker.clust-er",
        summary="Deadline: COSME Go International (stage 1)",
        start=date(2018, 10, 24),
        end=date(2018, 10, 24),
        kind="deadline",
    ),
    CalendarEntry(
        uid="event-1@tracker.clust-er",
        summary="Cluster partnering event; Brussels, day one",
        start=date(2018, 10, 24),
        end=date(2018, 10, 25),
        location="Brussels, Belgium",
        description="Status: candidate\nWhy: partners for COSME — " + "très long " * 20,
        url="https://example.eu/b2b?a=1,2;b=3",
        categories=("partnering",),
        status="TENTATIVE",
        sequence=2,
        recurrence="FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH",
        last_modified=datetime(2018, 2, 1, 12, 0, tzinfo=UTC),
    ),
    CalendarEntry(
        uid="mission-1@tracker.clust-er",
        summary="Mission: Brussels",
        start=date(2018, 10, 23),
        end=date(2018, 10, 26),
        kind="mission",
        status="CONFIRMED",
        busy=True,
    ),
]


def parsed(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def test_the_calendar_is_valid_and_readable() -> None:
    data = write_calendar(ENTRIES, name="Clust-ER plan 2018", now=NOW)
    cal = parsed(data)
    assert (str(cal["VERSION"]), str(cal["PRODID"]), str(cal["CALSCALE"])) == (
        "2.0",
        "-//Clust-ER ISB//tracker//EN",
        "GREGORIAN",
    )
    assert str(cal["X-WR-CALNAME"]) == "Clust-ER plan 2018"
    events = cal.walk("VEVENT")
    assert len(events) == 3
    for vevent in events:
        assert {"UID", "DTSTAMP", "DTSTART", "DTEND"} <= set(vevent)
        assert vevent.decoded("DTSTAMP") == NOW
        assert type(vevent.decoded("DTSTART")) is date  # all day: a DATE, not a DATE-TIME
        assert vevent["DTSTART"].params["VALUE"] == "DATE"
        assert not vevent.errors
    # Sorted by day, then events before missions before deadlines on the same day.
    assert [str(e["UID"]) for e in events] == [
        "mission-1@tracker.clust-er",
        "event-1@tracker.clust-er",
        "deadline-1@tracker.clust-er",
    ]


def test_fields_read_back_as_written() -> None:
    vevent = parsed(write_calendar(ENTRIES, name="x", now=NOW)).walk("VEVENT")[1]
    entry = ENTRIES[1]
    assert vevent.decoded("DTSTART") == date(2018, 10, 24)
    assert vevent.decoded("DTEND") == date(2018, 10, 26)  # exclusive: the day after the last
    assert str(vevent["SUMMARY"]) == entry.summary
    assert str(vevent["LOCATION"]) == "Brussels, Belgium"
    assert str(vevent["DESCRIPTION"]) == entry.description
    assert str(vevent["URL"]) == entry.url
    assert [str(c) for c in vevent.categories] == ["partnering"]
    assert (str(vevent["STATUS"]), int(vevent["SEQUENCE"])) == ("TENTATIVE", 2)
    assert (vevent["RRULE"]["FREQ"], vevent["RRULE"]["BYDAY"]) == (["YEARLY"], ["-1TH"])
    assert vevent.decoded("LAST-MODIFIED") == datetime(2018, 2, 1, 12, 0, tzinfo=UTC)
    assert (str(vevent["TRANSP"]), str(vevent["X-TRACKER-ENTRY"])) == ("TRANSPARENT", "event")
    mission = parsed(write_calendar(ENTRIES, name="x", now=NOW)).walk("VEVENT")[0]
    assert (str(mission["TRANSP"]), str(mission["STATUS"])) == ("OPAQUE", "CONFIRMED")


def test_lines_end_in_crlf_and_fold_at_75_octets_between_characters() -> None:
    data = write_calendar(ENTRIES, name="x", now=NOW)
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the long description was folded
    for line in lines:
        line.decode()  # no UTF-8 character cut in two


def test_the_same_entries_give_the_same_bytes_but_for_dtstamp() -> None:
    first = write_calendar(ENTRIES, name="x", now=NOW)
    again = write_calendar(list(reversed(ENTRIES)), name="x", now=datetime(2019, 1, 1, tzinfo=UTC))
    assert first != again

    def without_stamps(data: bytes) -> list[bytes]:
        return [line for line in data.split(b"\r\n") if not line.startswith(b"DTSTAMP:")]

    assert without_stamps(first) == without_stamps(again)


def test_our_own_reader_takes_the_file_back() -> None:
    preview = read_calendar(write_calendar(ENTRIES, name="x", now=NOW))
    assert preview.ok
    assert [(c.uid, c.name, c.start, c.end) for c in preview.candidates] == [
        ("event-1@tracker.clust-er", ENTRIES[1].summary, date(2018, 10, 24), date(2018, 10, 25))
    ]
    assert len(preview.ignored) == 2  # the mission and the deadline are not events


def test_control_characters_never_reach_the_file() -> None:
    entry = CalendarEntry(
        uid="u", summary="Bell\x07 and\r\nbreak", start=date(2018, 1, 1), end=date(2018, 1, 1)
    )
    data = write_calendar([entry], name="x", now=NOW)
    assert b"\x07" not in data
    assert str(parsed(data).walk("VEVENT")[0]["SUMMARY"]) == "Bell and\nbreak"


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        ("FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH", None),
        ("RRULE:FREQ=WEEKLY;UNTIL=20181231T000000Z", None),
        ("every year", "'every year' is not an RRULE (it should read like FREQ=YEARLY;BYMONTH=10)"),
        ("BYMONTH=10", "'BYMONTH=10' has no FREQ=DAILY, WEEKLY, MONTHLY or YEARLY"),
    ],
)
def test_which_rules_can_go_out(rule: str, problem: str | None) -> None:
    assert rrule_problem(rule) == problem
