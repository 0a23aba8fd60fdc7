"""Reading organisers' calendars: what comes in, and how a bad file is refused by line."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from tracker.io.ics_import import read_calendar
from tracker.io.ics_types import ImportPreview

DATA = Path(__file__).parents[1] / "data" / "ics"


def ics(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode()


def calendar(*body: str) -> bytes:
    return ics("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", *body, "END:VCALENDAR")


def event(*props: str) -> tuple[str, ...]:
    return ("BEGIN:VEVENT", *props, "END:VEVENT")


def problems(preview: ImportPreview) -> list[str]:
    return [str(p) for p in preview.problems]


def test_an_organisers_calendar_comes_in_as_candidates() -> None:
    preview = read_calendar((DATA / "organiser_2018.ics").read_bytes())
    assert preview.ok, problems(preview)
    found = {c.uid: c for c in preview.candidates}
    medica = found["medica-2018@een.example.eu"]
    # All-day: DTEND is exclusive, so 12-16 November means the 12th to the 15th.
    assert (medica.name, medica.start, medica.end) == (
        "MEDICA 2018",
        date(2018, 11, 12),
        date(2018, 11, 15),
    )
    assert (medica.city, medica.location) == ("Düsseldorf", "Düsseldorf, Germany")
    assert medica.categories == ("FAIR",)
    assert medica.url == "https://www.medica-tradefair.com/"
    # A folded line, unfolded; escaped commas and new lines read back.
    assert medica.description == (
        "World forum for medicine, with the EEN matchmaking area in hall 3."
        "\nRegister before 31 October."
    )
    b2b = found["b2b-brussels-2018@een.example.eu"]
    assert (b2b.start, b2b.end, b2b.status) == (date(2018, 10, 24), date(2018, 10, 25), "CONFIRMED")
    assert b2b.city == ""  # a full address: kept whole, not guessed at
    assert b2b.location.endswith("1000 Brussels, Belgium")
    assert b2b.categories == ("Partnering", "B2B")
    webinar = found["webinar-innosup-2018@een.example.eu"]
    assert (webinar.start, webinar.end) == (date(2018, 11, 6), date(2018, 11, 6))
    bio = found["bio-europe-spring@een.example.eu"]
    assert bio.recurrence == "FREQ=YEARLY;BYMONTH=3"
    assert (bio.city, bio.end) == ("Amsterdam", date(2018, 3, 21))
    assert found["cancelled-forum-2018@een.example.eu"].status == "CANCELLED"
    assert [str(n) for n in preview.ignored] == ["line 72: left out: a to-do (VTODO), not an event"]


def test_a_utc_time_becomes_a_day_where_the_calendar_lives() -> None:
    late = event("UID:x", "SUMMARY:Late call", "DTSTART:20181112T233000Z", "DURATION:PT1H")
    assert read_calendar(calendar(*late)).candidates[0].start == date(2018, 11, 12)
    in_brussels = calendar("X-WR-TIMEZONE:Europe/Brussels", *late)
    assert read_calendar(in_brussels).candidates[0].start == date(2018, 11, 13)
    assert read_calendar(calendar(*late), zone="Europe/Rome").candidates[0].start == date(
        2018, 11, 13
    )


def test_times_in_two_zones_end_on_the_start_zones_day() -> None:
    preview = read_calendar(
        calendar(
            *event(
                "UID:x",
                "SUMMARY:Overnight",
                "DTSTART;TZID=America/New_York:20181010T200000",
                "DTEND;TZID=Europe/Rome:20181011T040000",  # 22:00 in New York
            ),
            *event(
                "UID:y", "SUMMARY:Till midnight", "DTSTART:20181010T200000", "DTEND:20181011T000000"
            ),
        )
    )
    assert preview.ok, problems(preview)
    assert [(c.start, c.end) for c in preview.candidates] == [
        (date(2018, 10, 10), date(2018, 10, 10)),
        (date(2018, 10, 10), date(2018, 10, 10)),  # ending at midnight is the same day
    ]


def test_windows_time_zone_names_are_read_with_a_warning() -> None:
    preview = read_calendar((DATA / "windows_tz.ics").read_bytes())
    assert preview.ok, problems(preview)
    assert preview.candidates[0].start == date(2018, 5, 22)
    assert [str(w) for w in preview.warnings] == [
        "line 8: Windows time zone 'W. Europe Standard Time' read as Europe/Berlin"
    ]


def test_an_unknown_time_zone_refuses_the_file() -> None:
    preview = read_calendar(
        calendar(*event("UID:x", "SUMMARY:Somewhere", "DTSTART;TZID=Mars/Olympus:20181010T100000"))
    )
    assert problems(preview) == [
        "line 7: unknown time zone 'Mars/Olympus': not a zone name like Europe/Rome, not a "
        "Windows zone name, and not defined in the file (VTIMEZONE)"
    ]


def test_a_truncated_file_is_refused_where_it_breaks_off() -> None:
    preview = read_calendar((DATA / "truncated.ics").read_bytes())
    assert problems(preview) == [
        "line 1: BEGIN:VCALENDAR is never closed (the file ends at line 12: was it cut short?)",
        "line 9: BEGIN:VEVENT is never closed (the file ends at line 12: was it cut short?)",
    ]


def test_two_bad_events_are_both_reported() -> None:
    preview = read_calendar((DATA / "two_bad_events.ics").read_bytes())
    assert problems(preview) == [
        f"line 11: DTSTART '2018-13-45' is not a date {HOW}",
        "line 17: DTEND '20181110' comes before DTSTART '20181120' (line 16)",
    ]
    assert not preview.ok


def test_a_real_looking_date_that_is_not_real() -> None:
    preview = read_calendar(calendar(*event("UID:x", "SUMMARY:x", "DTSTART;VALUE=DATE:20181345")))
    assert problems(preview) == [
        "line 7: DTSTART '20181345' is not a real date: month must be in 1..12"
    ]


def test_a_byte_order_mark_is_skipped() -> None:
    preview = read_calendar((DATA / "bom_event.ics").read_bytes())
    assert preview.ok, problems(preview)
    assert [(c.name, c.city) for c in preview.candidates] == [("Café des clusters", "Lyon")]
    utf16 = read_calendar((DATA / "bom_event.ics").read_bytes()[3:].decode().encode("utf-16"))
    assert utf16.candidates == preview.candidates
    empty_with_bom = read_calendar((DATA / "bom_calendar.ics").read_bytes())
    assert problems(empty_with_bom) == [
        "line 1: nothing to import: the calendar holds no events (VEVENT)"
    ]


def test_windows_1252_text_is_read_with_a_warning() -> None:
    data = calendar(*event("UID:x", "SUMMARY:Caffè e clusters", "DTSTART;VALUE=DATE:20181010"))
    preview = read_calendar(data.decode().encode("cp1252"))
    assert preview.candidates[0].name == "Caffè e clusters"
    assert [str(w) for w in preview.warnings] == [
        "line 6: the file is not UTF-8 (from here on): read as Windows-1252 (Western European)"
    ]


def test_a_line_that_is_not_a_content_line_is_refused() -> None:
    preview = read_calendar((DATA / "broken_ical.ics").read_bytes())
    assert problems(preview) == [
        "line 2: the event 'An Event with too many semicolons' has no start date (DTSTART)",
        "line 4: 'DTSTART;;VALUE=DATE-TIME:20140409T093000' is not a calendar line (NAME:VALUE): "
        "not enough values to unpack (expected 2, got 0)",
    ]


HOW = "(dates read 20181025, or 20181025T093000 with a time)"
AT_TEN = "DTSTART:20181010T100000"
NOT_ICS = "line 1: this is not an iCalendar file: it starts with"
NOTHING = "line 1: nothing to import: the calendar holds no events (VEVENT)"


def with_event(*props: str) -> bytes:
    return calendar(*event(*props))


REFUSED = [
    (b"", "line 1: the file is empty"),
    (b"%PDF-1.4\n%\xe2\xe3", f"{NOT_ICS} '%PDF-1.4', not BEGIN:VCALENDAR"),
    (ics("BEGIN:VEVENT", "END:VEVENT"), f"{NOT_ICS} 'BEGIN:VEVENT', not BEGIN:VCALENDAR"),
    (calendar(), NOTHING),
    (calendar("BEGIN:VTODO", "END:VTODO"), f"{NOTHING}, only 1 entry left out (see why)"),
    (with_event("DTSTART;VALUE=DATE:20181010"), "line 4: the event has no name (SUMMARY)"),
    (with_event("SUMMARY:x"), "line 4: the event 'x' has no start date (DTSTART)"),
    (
        with_event("SUMMARY:x", "DTSTART:20181010T1000"),
        f"line 6: DTSTART '20181010T1000' is not a date {HOW}",
    ),
    (
        with_event("SUMMARY:x", "DTSTART;VALUE=PERIOD:20181010T100000Z/PT1H"),
        "line 6: DTSTART must be a date or a date-time, not a PERIOD",
    ),
    (
        with_event("SUMMARY:x", "DTSTART;VALUE=DATE:20181010", "DTEND:20181011T100000"),
        "line 7: DTEND is a date-time but DTSTART (line 6) is a date: "
        "both must be dates, or both date-times",
    ),
    (
        with_event("SUMMARY:x", AT_TEN, "DURATION:-PT1H"),
        "line 7: DURATION '-PT1H' is not a length of time",
    ),
    (
        with_event("SUMMARY:x", AT_TEN, "DURATION:soon"),
        "line 7: DURATION 'soon' is not a duration: Invalid iCalendar duration: soon",
    ),
    (
        with_event("SUMMARY:x", AT_TEN, "RRULE:FREQ=FORTNIGHTLY"),
        "line 7: RRULE 'FREQ=FORTNIGHTLY' is not a recurrence rule: "
        "Expected frequency, got: FORTNIGHTLY",
    ),
    (
        with_event("SUMMARY:x", AT_TEN, "RRULE:BYDAY=MO"),
        "line 7: RRULE 'BYDAY=MO' is not a recurrence rule: it has no FREQ",
    ),
    (
        with_event("SUMMARY:x\x0c", AT_TEN),
        "line 5: holds a control character (U+000C), which calendars never do",
    ),
    (
        with_event("SUMMARY=x", AT_TEN),
        "line 5: 'SUMMARY=x' is not a calendar line (NAME:VALUE)",
    ),
    (
        with_event("SUMMARY:x", AT_TEN, "BEGIN:VEVENT", "END:VEVENT"),
        "line 7: BEGIN:VEVENT inside the event of line 4: is an END:VEVENT missing before it?",
    ),
    (
        calendar(*event("SUMMARY:x", AT_TEN), "END:VEVENT"),
        "line 8: END:VEVENT does not close BEGIN:VCALENDAR (line 1)",
    ),
    (
        ics(" continued", "BEGIN:VCALENDAR", "END:VCALENDAR"),
        "line 1: the file starts with a continued line",
    ),
    (
        ics("BEGIN:VCALENDAR", "END:VCALENDAR", "X-COMMENT:cached"),
        "line 3: X-COMMENT stands outside BEGIN:VCALENDAR … END:VCALENDAR",
    ),
]


@pytest.mark.parametrize(("data", "expected"), REFUSED)
def test_what_is_refused_and_why(data: bytes, expected: str) -> None:
    preview = read_calendar(data)
    assert not preview.ok
    assert expected in problems(preview), problems(preview)


def test_changed_occurrences_and_repeated_uids_are_left_out() -> None:
    preview = read_calendar(
        calendar(
            *event("UID:s", "SUMMARY:Series", "DTSTART:20181001T100000", "RRULE:FREQ=WEEKLY"),
            *event("UID:s", "RECURRENCE-ID:20181008T100000", "SUMMARY:Moved", AT_TEN),
            *event("UID:s", "SUMMARY:Series again", "DTSTART:20181001T100000"),
            *event("UID:lonely", "RECURRENCE-ID:20181008T100000", "SUMMARY:Only one", AT_TEN),
        )
    )
    assert preview.ok, problems(preview)
    assert [c.name for c in preview.candidates] == ["Series", "Only one"]
    assert [str(n) for n in preview.ignored] == [
        "line 10: left out: a changed occurrence of a recurring event (RECURRENCE-ID): "
        "its series comes once",
        "line 16: left out: same UID as the event at line 4",
    ]


def test_tracker_leaves_out_its_own_missions_and_deadlines() -> None:
    preview = read_calendar(
        calendar(
            *event("UID:e", "SUMMARY:Event", AT_TEN, "X-TRACKER-ENTRY:event"),
            *event("UID:m", "SUMMARY:Mission: BE", AT_TEN, "X-TRACKER-ENTRY:mission"),
            *event("UID:d", "SUMMARY:Deadline: x", AT_TEN, "X-TRACKER-ENTRY:deadline"),
        )
    )
    assert [c.name for c in preview.candidates] == ["Event"]
    assert [n.message for n in preview.ignored] == [
        "left out: a mission exported by tracker, not an event",
        "left out: a funding-call deadline exported by tracker, not an event",
    ]


def test_exchanges_spaces_in_rules_and_odd_urls() -> None:
    preview = read_calendar(
        calendar(
            *event(
                "SUMMARY:Stand-up",
                "DTSTART:20150703T100000",
                "RRULE:FREQ=DAILY;BYDAY=MO, TU",
                " ;WKST=SU",
                "URL:mailto:someone@example.com",
            )
        )
    )
    assert preview.ok, problems(preview)
    assert preview.candidates[0].recurrence == "FREQ=DAILY;BYDAY=MO,TU;WKST=SU"
    assert preview.candidates[0].url == ""
    assert [str(w) for w in preview.warnings] == [
        "line 9: URL 'mailto:someone@example.com' is not a web address: left out"
    ]


def test_globally_unique_zone_names_are_read_by_their_tail() -> None:
    preview = read_calendar(
        calendar(
            *event(
                "SUMMARY:Evolution",
                "DTSTART;TZID=/freeassociation.sourceforge.net/Europe/Berlin:20181010T230000",
            )
        )
    )
    assert preview.ok, problems(preview)
    assert preview.candidates[0].start == date(2018, 10, 10)
    assert "read as Europe/Berlin" in str(preview.warnings[0])


def test_long_names_are_cut_and_long_uids_replaced() -> None:
    preview = read_calendar(
        calendar(*event("UID:" + "u" * 300, "SUMMARY:" + "n" * 400, "DTSTART;VALUE=DATE:20181010"))
    )
    assert preview.ok
    assert len(preview.candidates[0].name) == 300
    assert preview.candidates[0].uid == ""
    assert len(preview.warnings) == 2


def test_cut_or_damaged_anywhere_a_file_never_raises() -> None:
    """Every cut of a good file, and a few hundred random byte changes, read or refuse."""
    good = (DATA / "organiser_2018.ics").read_bytes()
    cuts = [good[:offset] for offset in range(0, len(good), 7)]
    rng = random.Random(4)
    damaged = []
    for _ in range(300):
        data = bytearray(good)
        for _ in range(rng.randint(1, 5)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        damaged.append(bytes(data))
    for data in [*cuts, *damaged]:
        preview = read_calendar(data)
        assert preview.ok or preview.problems
        assert all(p.line >= 1 for p in preview.problems)
