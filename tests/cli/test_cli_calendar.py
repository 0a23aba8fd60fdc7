"""`tracker calendar`: agenda, conflicts, scheduling, .ics export and import (all or nothing)."""

from __future__ import annotations

from pathlib import Path

import icalendar
from cli_invoker import Invoker

DATA = Path(__file__).parents[1] / "data" / "ics"


def two_missions(run: Invoker) -> None:
    """Anna on two Belgian missions that share 26/10; the second takes in All Saints."""
    run("people", "add", "Anna Rossi", "--staff")
    run("missions", "add", "--year", "2018", "--country", "BE", "--title", "Brussels week",
        "--from", "24/10/2018", "--to", "26/10/2018", "--participant", "Anna",
        "--event", "partnering", "--city", "Brussels")  # fmt: skip
    run("missions", "add", "--year", "2018", "--country", "BE", "--title", "Ghent visit",
        "--from", "26/10/2018", "--to", "1/11/2018", "--participant", "Anna")  # fmt: skip


def test_agenda_and_conflicts_say_why(any_run: Invoker) -> None:
    two_missions(any_run)
    agenda = any_run("calendar", "agenda", "--from", "22/10/2018", "--days", "7").stdout
    lines = agenda.splitlines()
    assert lines[0].split() == ["when", "kind", "what", "where", "status"]
    assert lines[2].split()[:6] == ["24/10/2018", "→", "26/10/2018", "mission", "!", "Brussels"]
    assert lines[3].split()[:3] == ["25/10/2018", "event", "Cluster"]
    assert "26/10/2018 → 01/11/2018  mission  !  Ghent visit" in lines[4]
    assert "! Anna Rossi would be on two missions at once on 26/10/2018" in agenda
    # A mission shown carries all its flags, even the holiday after the seven days asked for.
    assert "All Saints' Day" in agenda

    items = any_run.json("calendar", "agenda", "--from", "2018-10-22", "--days", "14")
    assert [(i["kind"], i["title"]) for i in items] == [
        ("mission", "Brussels week"),
        ("event", "Cluster partnering event"),
        ("mission", "Ghent visit"),
    ]
    assert [c["kind"] for c in items[2]["conflicts"]] == [
        "participant_overlap",
        "mission_on_holiday",
    ]
    only = any_run.json("calendar", "agenda", "--from", "2018-10-22", "--kind", "event")
    assert [i["kind"] for i in only] == ["event"]
    empty = any_run("calendar", "agenda", "--from", "1/1/2018", "--days", "3").stdout
    assert empty == "nothing on the calendar from 01/01/2018 to 03/01/2018\n"
    assert "from: " in any_run.fails("calendar", "agenda", "--from", "31/02/2018").stderr

    found = any_run.json("calendar", "conflicts", "--year", "2018")
    assert [(c["kind"], c["severity"], c["start"]) for c in found] == [
        ("participant_overlap", "warning", "2018-10-26"),
        ("mission_on_holiday", "hint", "2018-11-01"),
    ]
    assert found[1]["reason"].startswith("'Ghent visit' is in Belgium on Thursday 01/11/2018")
    table = any_run("calendar", "conflicts", "--year", "2018").stdout
    assert "participant overlap" in table and "All Saints' Day" in table
    assert any_run("calendar", "conflicts", "--year", "2019", ok=False).exit_code == 1


def test_schedule_an_event_from_the_tray(any_run: Invoker) -> None:
    tray = any_run.json("calendar", "to-schedule", "--year", "2018")
    names = [e["name"] for e in tray["events"]]
    assert "EUREGA" in names
    assert [e["name"] for e in tray["placeholders"]] == ["Altri da identificare"]
    done = any_run("calendar", "schedule", "EUREGA", "12 novembre 2018", "--to", "14/11/2018")
    assert done.stdout.endswith("EUREGA: 12/11/2018 → 14/11/2018\n")
    after = any_run.json("calendar", "to-schedule", "--year", "2018")
    assert "EUREGA" not in [e["name"] for e in after["events"]]
    bad = any_run.fails("calendar", "schedule", "MedTech", "14/11/2018", "--to", "12/11/2018")
    assert bad.stderr.startswith("error: end: ")
    placeholder = any_run.fails("calendar", "schedule", "Altri", "1/12/2018")
    assert "cannot get dates" in placeholder.stderr


def test_export_parses_back_and_reimports_without_duplicates(
    any_run: Invoker, tmp_path: Path
) -> None:
    two_missions(any_run)
    out = tmp_path / "plan.ics"
    written = any_run("calendar", "export", "--year", "2018", "-o", str(out))
    assert written.stdout == ""
    assert "note: 1 events, 2 missions, 0 deadlines" in written.stderr
    to_stdout = any_run("calendar", "export", "--year", "2018")
    parsed = icalendar.Calendar.from_ical(out.read_bytes())
    entries = {str(e["SUMMARY"]): e for e in parsed.walk("VEVENT")}
    assert set(entries) == {
        "Cluster partnering event", "Mission: Brussels week", "Mission: Ghent visit",
    }  # fmt: skip
    event = entries["Cluster partnering event"]
    assert event.decoded("DTSTART").isoformat() == "2018-10-25"  # an all-day DATE value
    assert event["DTSTART"].params.get("VALUE") == "DATE"
    uids = {str(e["UID"]) for e in parsed.walk("VEVENT")}
    again = icalendar.Calendar.from_ical(to_stdout.stdout_bytes)
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == uids  # stable UIDs
    summary = any_run.json("calendar", "export", "--year", "2018", "--country", "be")
    assert (summary["events"], summary["missions"], summary["path"]) == (1, 2, None)
    assert summary["ics"].startswith("BEGIN:VCALENDAR")

    before = any_run.json("events", "list", "--year", "2018")
    preview = any_run.json("calendar", "import", str(out), "--year", "2018", "--country", "BE",
                           "--dry-run")  # fmt: skip
    assert [(e["action"], e["name"]) for e in preview["events"]] == [
        ("unchanged", "Cluster partnering event")
    ]
    assert [n["message"] for n in preview["ignored"]] == [
        "left out: a mission exported by tracker, not an event"
    ] * 2
    applied = any_run("calendar", "import", str(out), "--year", "2018", "--country", "BE")
    assert applied.stdout.splitlines()[-1] == "imported: 0 new, 0 updated, 1 skipped"
    assert any_run.json("events", "list", "--year", "2018") == before


def test_import_previews_and_refuses_bad_files_whole(any_run: Invoker) -> None:
    organiser = str(DATA / "organiser_2018.ics")
    dry = any_run("calendar", "import", organiser, "--year", "2018", "--country", "BE",
                  "--dry-run")  # fmt: skip
    assert "MEDICA 2018" in dry.stdout and "cancelled" in dry.stdout
    assert dry.stdout.splitlines()[-1] == "dry run: 4 event(s) would be written, nothing was"
    assert "note: line 72: left out: a to-do (VTODO), not an event" in dry.stderr
    assert any_run.json("events", "list", "--search", "MEDICA") == []

    bad = any_run.fails("calendar", "import", str(DATA / "two_bad_events.ics"), "--year", "2018",
                        "--country", "BE")  # fmt: skip
    refused = bad.stderr.splitlines()
    assert refused[0].startswith("line 11: ")
    assert refused[1] == "line 17: DTEND '20181110' comes before DTSTART '20181120' (line 16)"
    assert refused[-1] == "error: the calendar was not imported, nothing was written"
    truncated = any_run.fails("calendar", "import", str(DATA / "truncated.ics"), "--year",
                              "2018", "--country", "DE", "--format", "json")  # fmt: skip
    assert "line 9: BEGIN:VEVENT is never closed" in truncated.stderr

    zone = any_run.fails("calendar", "import", organiser, "--year", "2018", "--zone", "Mars/Base")
    assert zone.stderr.startswith("error: zone: 'Mars/Base' is not a time zone")
    done = any_run.json("calendar", "import", organiser, "--year", "2018", "--country", "BE")
    assert (len(done["created"]), done["skipped"]) == (4, 1)
    twice = any_run("calendar", "import", organiser, "--year", "2018", "--country", "BE")
    assert twice.stdout.splitlines()[-1] == "imported: 0 new, 0 updated, 5 skipped"
    assert len(any_run.json("events", "list", "--search", "MEDICA")) == 1


def test_a_recurring_event_proposes_next_years_date(any_run: Invoker) -> None:
    assert "no event of 2018 repeats" in any_run("calendar", "propose", "--year", "2018").stdout
    done = any_run("calendar", "repeat", "partnering", "yearly-last-weekday")
    assert done.stdout == (
        "#3 Cluster partnering event: every year, last Thursday of October\n  next: 31/10/2019\n"
    )
    proposed = any_run.json("calendar", "propose", "--year", "2018")
    assert [(p["name"], p["start"], p["proposed_start"]) for p in proposed] == [
        ("Cluster partnering event", "2018-10-25", "2019-10-31")
    ]
    table = any_run("calendar", "propose", "--year", "2018").stdout.splitlines()
    assert table[2].split()[-2:] == ["25/10/2018", "31/10/2019"]
    # A rule for an undated event: its date in the plan year is suggested in the tray.
    rule = any_run.json("calendar", "repeat", "EUREGA", "FREQ=YEARLY;BYMONTH=11;BYDAY=2MO")
    assert (rule["description"], rule["warning"]) == ("every year, second Monday of November",
                                                      None)  # fmt: skip
    tray = any_run("calendar", "to-schedule", "--year", "2018").stdout
    assert "#4 EUREGA  [BE · normal]  (every year, second Monday of November: 12/11/2018)" in tray
    bad = any_run.fails("calendar", "repeat", "MedTech", "yearly")
    assert bad.stderr.startswith("error: recurrence: 'yearly' repeats the event's own date")
    stop = any_run.json("calendar", "repeat", "partnering", "none")
    assert (stop["rule"], stop["next"]) == ("", None)
