"""`tracker events`: listing from the database, the event form, and earmarking money."""

from __future__ import annotations

import pytest
from cli_invoker import Invoker

import tracker.cli.events as events_module

ROW_KEYS = [
    "id", "name", "kind", "country", "city", "start", "end",
    "status", "priority", "placeholder", "allocated",
]  # fmt: skip
SEED_NAMES = [
    "Cluster partnering event",  # the only dated one comes first
    "EUREGA",
    "IMI2 – Innovative Medicine Initiative Forum",
    "MedTech Partnership Meeting",
    "Altri da identificare",  # the placeholder always closes the list
]


def names(rows: list[dict[str, object]]) -> list[object]:
    return [row["name"] for row in rows]


def count(run: Invoker) -> int:
    return len(run.json("events", "list"))


def test_list_table_shows_the_seed_events(run: Invoker) -> None:
    out = run("events", "list", "--year", "2018").stdout
    assert "… Altri da identificare (to be identified)" in out
    assert "25/10/2018" in out
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["id", "when", "event"]
    assert "Cluster partnering event" in lines[2]
    assert "Altri da identificare" in lines[-1]


def test_list_json_shape_and_default_order(run: Invoker) -> None:
    rows = run.json("events", "list", "--year", "2018")
    assert names(rows) == SEED_NAMES
    first = rows[0]
    assert list(first) == ["id", "year", *ROW_KEYS[1:]]
    assert first == {
        "id": first["id"],
        "year": 2018,
        "name": "Cluster partnering event",
        "kind": "partnering",
        "country": "BE",
        "city": "",
        "start": "2018-10-25",
        "end": "2018-10-25",
        "status": "candidate",
        "priority": "normal",
        "placeholder": False,
        "allocated": "0.00",
    }
    assert rows[-1]["placeholder"] is True and rows[-1]["start"] is None
    assert list(run.json("events", "list")[0]) == ROW_KEYS  # no year asked, none given


def test_list_filters_sort_and_window(run: Invoker) -> None:
    assert names(run.json("events", "list", "--status", "idea")) == ["Altri da identificare"]
    assert len(run.json("events", "list", "--status", "idea", "--status", "candidate")) == 5
    assert names(run.json("events", "list", "--search", "PARTNER")) == [
        "Cluster partnering event",
        "MedTech Partnership Meeting",
    ]
    assert run.json("events", "list", "--country", "US") == []
    assert run.json("events", "list", "--year", "2019") == []
    by_name = names(run.json("events", "list", "--sort", "name"))
    assert by_name == [*sorted(SEED_NAMES[:4], key=str.lower), "Altri da identificare"]
    backwards = names(run.json("events", "list", "--sort", "name", "--desc"))
    assert backwards == [*sorted(SEED_NAMES[:4], key=str.lower, reverse=True), SEED_NAMES[4]]
    window = names(run.json("events", "list", "--sort", "name", "--limit", "2", "--offset", "1"))
    assert window == by_name[1:3]
    table = run("events", "list", "--sort", "name", "--limit", "2").stdout
    assert "1–2 of 5" in table
    usage = run.fails("events", "list", "--status", "maybe", code=2)
    assert "Invalid value for '--status'" in usage.stderr


def test_list_csv(run: Invoker) -> None:
    lines = run("events", "list", "--format", "csv").stdout.splitlines()
    assert lines[0] == ",".join(ROW_KEYS)
    assert lines[1].endswith(",Cluster partnering event,partnering,BE,,2018-10-25,2018-10-25,"
                             "candidate,normal,0,0.00")  # fmt: skip
    assert len(lines) == 6


def test_json_and_csv_stream_page_by_page(run: Invoker, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events_module, "PAGE", 2)
    from tracker.services.events import EventService

    asked: list[int] = []
    original = EventService.list

    def spy(self: EventService, query: events_module.EventQuery) -> object:
        asked.append(query.limit)
        return original(self, query)

    monkeypatch.setattr(EventService, "list", spy)
    assert names(run.json("events", "list")) == SEED_NAMES
    assert asked == [2, 2, 2]
    asked.clear()
    assert len(run("events", "list", "--format", "csv", "--limit", "3").stdout.splitlines()) == 4
    assert asked == [2, 1]


@pytest.mark.parametrize("typed", ["25/10/2018", "2018-10-25", "25 Oct 2018", "25 ottobre 2018"])
def test_add_reads_every_date_form(run: Invoker, typed: str) -> None:
    event = run.json(
        "events", "add", "--year", "2018", "--name", "Health cluster day", "--country", "be",
        "--city", "Bruxelles", "--start", typed, "--kind", "conference",
    )  # fmt: skip
    assert (event["start"], event["end"], event["country"]) == ("2018-10-25", None, "BE")
    assert event["status"] == "candidate" and event["year"] == 2018
    assert count(run) == 6


def test_add_text_output(run: Invoker) -> None:
    out = run(
        "events", "add", "--year", "2018", "--name", "MEDICA", "--country", "DE",
        "--start", "12/11/2018", "--end", "15/11/2018", "--city", "Düsseldorf",
    ).stdout  # fmt: skip
    assert "added event #6 MEDICA (Düsseldorf, DE, 12/11/2018 → 15/11/2018), candidate" in out


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--start", "31/02/2018"], 'error: start: "31/02/2018" is not a real date'),
        (["--start", "10/25/2018"], "error: start: "),
        (["--start", "25/10/2018", "--end", "24/10/2018"], "error: end: the event cannot end"),
        (["--country", "ZZ"], "error: unknown country code 'ZZ'"),
        (["--country", "Belgium"], "error: country: 'BELGIUM' is not a two-letter ISO"),
        (["--url", "example"], "error: url: 'example' is not a web address"),
        (["--placeholder", "--start", "1/1/2018"], "error: start: a placeholder"),
    ],
)
def test_add_refuses_bad_input_and_writes_nothing(
    run: Invoker, options: list[str], message: str
) -> None:
    result = run.fails("events", "add", "--year", "2018", "--name", "X", *options)
    assert result.stderr.startswith(message), result.stderr
    assert result.stdout == ""
    assert count(run) == 5


def test_add_reports_every_bad_field(run: Invoker) -> None:
    result = run.fails(
        "events", "add", "--year", "2018", "--name", " ", "--url", "nope", "--start", "soon"
    )
    lines = result.stderr.splitlines()
    assert [line.split(":")[1].strip() for line in lines] == ["name", "start", "url"]
    assert all(line.startswith("error: ") for line in lines)


def test_link_leaves_3800_free_on_belgian_travel(any_run: Invoker) -> None:
    result = any_run(
        "events", "link", "Cluster partnering", "--country", "BE", "--category", "travel",
        "--amount", "1200", "--note", "flights and hotel",
    )  # fmt: skip
    assert "planned €5,000.00 · allocated €1,200.00 · free €3,800.00" in result.stdout
    assert result.stderr == ""
    linked = any_run.json("events", "link", "Cluster partnering", "--category", "travel",
                          "--amount", "1.200,00")  # fmt: skip
    assert linked["amount"] == "1200.00"
    assert linked["line"]["free"] == "3800.00" and linked["warning"] is None
    budget = any_run.json("budget", "--year", "2018")
    assert budget["countries"][0]["allocated"]["travel"] == "1200.00"
    event = any_run.json("events", "show", "Cluster partnering")
    assert event["allocated"] == "1200.00"
    assert event["allocations"][0]["category"] == "travel"


def test_over_allocation_is_allowed_with_a_warning(any_run: Invoker) -> None:
    any_run("events", "link", "MedTech", "--category", "travel", "--amount", "3000")
    result = any_run("events", "link", "Cluster partnering", "--category", "travel",
                     "--amount", "2.000,01")  # fmt: skip
    assert "free -€0.01" in result.stdout
    assert result.stderr.startswith("warning: events now take €5,000.01 of BE travel")


def test_link_refuses_the_placeholder_and_other_countries_lines(run: Invoker) -> None:
    placeholder = run.fails("events", "link", "Altri", "--category", "travel", "--amount", "1")
    assert "is a placeholder for events still to be found: it takes no money" in placeholder.stderr
    elsewhere = run.fails(
        "events", "link", "EUREGA", "--country", "US", "--category", "travel", "--amount", "1"
    )
    assert "it can only use BE's cost lines, not US's" in elsewhere.stderr
    no_line = run.fails("events", "link", "EUREGA", "--category", "catering", "--amount", "1")
    assert "'catering' is not a cost category of the 2018 plan" in no_line.stderr
    assert run.json("budget")["countries"][0]["allocated"]["travel"] == "0.00"


def test_unlink(run: Invoker) -> None:
    run("events", "link", "#4", "--category", "travel", "--amount", "100")
    out = run("events", "unlink", "#4", "--category", "travel").stdout
    assert "nothing earmarked on travel" in out
    assert run.json("events", "show", "4")["allocations"] == []
    again = run.fails("events", "unlink", "4", "--category", "travel")
    assert "has no money on the travel line" in again.stderr


def test_ambiguous_name_lists_the_candidates(run: Invoker) -> None:
    result = run.fails("events", "show", "partner")
    assert "'partner' matches several events, name one by its id" in result.stderr
    assert "#1 MedTech Partnership Meeting" in result.stderr
    assert "#3 Cluster partnering event" in result.stderr
    missing = run.fails("events", "show", "#99")
    assert missing.stderr == "error: there is no event #99\n"


def test_show_text(run: Invoker) -> None:
    out = run("events", "show", "3").stdout
    assert out.startswith("#3 Cluster partnering event  (plan 2018)")
    assert "dates:     25/10/2018" in out
    placeholder = run("events", "show", "Altri").stdout
    assert "… Altri da identificare (to be identified)" in placeholder
    assert "a placeholder takes no money" in placeholder


def test_edit_changes_only_what_is_given(run: Invoker) -> None:
    before = run.json("events", "show", "EUREGA")
    after = run.json(
        "events", "edit", "EUREGA", "--city", "Bruxelles", "--start", "5 marzo 2018",
        "--priority", "high",
    )  # fmt: skip
    assert (after["city"], after["start"], after["priority"]) == ("Bruxelles", "2018-03-05", "high")
    unchanged = ("name", "kind", "country", "status", "why", "notes", "placeholder")
    assert {k: after[k] for k in unchanged} == {k: before[k] for k in unchanged}
    assert after["version"] == before["version"] + 1
    cleared = run.json("events", "edit", "4", "--city", "", "--start", "")
    assert (cleared["city"], cleared["start"]) == ("", None)
    bad = run.fails("events", "edit", "4", "--end", "1/1/2018")
    assert bad.stderr == "error: end: an end date needs a start date\n"
    nothing = run.fails("events", "edit", "4", code=2)
    assert "nothing to change" in nothing.stderr


def test_status_and_delete(run: Invoker) -> None:
    out = run("events", "status", "IMI2", "shortlisted").stdout
    assert "candidate → shortlisted" in out
    assert names(run.json("events", "list", "--status", "shortlisted")) == [SEED_NAMES[2]]
    kept = run.fails("events", "delete", "IMI2", "--format", "json")  # no answer: aborted
    assert "Aborted" in kept.stderr and count(run) == 5
    run("events", "delete", "IMI2", input="n\n", ok=False)
    assert count(run) == 5
    run("events", "delete", "IMI2", input="y\n")
    assert count(run) == 4
    deleted = run.json("events", "delete", "EUREGA", "--yes")
    assert deleted == {"deleted": 4, "name": "EUREGA"}
    assert count(run) == 3
