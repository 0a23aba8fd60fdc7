"""Guarantee 5 (files and typed values): hostile dates, amounts, search queries, CSV, ICS
and vCard files get our own clear errors naming their line, never a traceback, and a
refused file writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from tests.reliability.harness import EXAMPLES_FACTOR
from tracker.domain.dates import DateParseError, parse_user_date
from tracker.domain.errors import TrackerError
from tracker.domain.money import AmountParseError, parse_amount
from tracker.services.context import Services
from tracker.services.dto_io import ImportRefused

EXAMPLES = 60 * EXAMPLES_FACTOR
FIXTURE_OK = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
LINE_OR_FILE = ("line ",)


@given(st.text(max_size=40))
@settings(max_examples=5 * EXAMPLES, deadline=None)
def test_any_typed_date_is_a_date_or_our_error(typed: str) -> None:
    try:
        parse_user_date(typed)
    except DateParseError as exc:
        assert str(exc)


@given(st.one_of(st.text(max_size=30), st.from_regex(r"-?[0-9 .,']{1,20}(€|EUR)?")))
@settings(max_examples=5 * EXAMPLES, deadline=None)
def test_any_typed_amount_is_exact_or_our_error(typed: str) -> None:
    try:
        amount = parse_amount(typed)
    except AmountParseError as exc:
        assert str(exc)
    else:
        assert isinstance(amount, Decimal) and amount == amount.quantize(Decimal("0.01"))


def test_any_search_query_answers(services: Services) -> None:
    @FIXTURE_OK
    @given(
        st.one_of(
            st.text(max_size=60),
            st.sampled_from(['"', "'", "*", "NEAR(", "a OR", "AND NOT", "%_", "\\", "\x00", "^"]),
        )
    )
    def check(query: str) -> None:
        services.search.search(query)

    check()


# -- CSV: encodings × delimiters × decimal styles × line endings, broken quoting --------

ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16")
DELIMITERS = (",", ";", "\t", "|")
NEWLINES = ("\n", "\r\n", "\r")
cell = st.one_of(
    st.text(alphabet=st.characters(codec="latin-1", exclude_characters="\x00"), max_size=20),
    st.sampled_from(['"', '""', 'a"b', "=1+2", "x\ny", "1.234,56", "1,234.56", "€ 10", ""]),
)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    delimiter = draw(st.sampled_from(DELIMITERS))
    newline = draw(st.sampled_from(NEWLINES))
    header = ["name", "role", "email", "notes"]
    rows = draw(st.lists(st.lists(cell, min_size=1, max_size=6), min_size=0, max_size=8))
    quote = draw(st.booleans())

    def line(cells: list[str]) -> str:
        if quote:
            cells = ['"' + c.replace('"', '""') + '"' for c in cells]
        return delimiter.join(cells)

    body = newline.join([line(header), *(line(r) for r in rows)]) + newline
    if draw(st.booleans()):  # break it: a stray quote, a cut, a NUL
        at = draw(st.integers(0, len(body)))
        body = body[:at] + draw(st.sampled_from(['"', "", "\x00", delimiter * 3])) + body[at:]
        if draw(st.booleans()):
            body = body[: draw(st.integers(0, len(body)))]
    encoding = draw(st.sampled_from(ENCODINGS))
    return body.encode(encoding, errors="replace")


def _people(services: Services) -> int:
    with services.db.read() as session:
        return int(session.execute(text("SELECT count(*) FROM people")).scalar_one())


def _imports_whole_or_refuses(
    services: Services, run: Callable[[], object], hits: list[str]
) -> None:
    before = _people(services)
    try:
        report = run()
    except ImportRefused as refused:
        assert _people(services) == before  # nothing half-written
        for problem in refused.report.problems:
            assert problem.line >= 0 and str(problem)
            if problem.line:
                assert str(problem).startswith(LINE_OR_FILE), problem
        hits.append("refused")
        return
    written = getattr(report, "written", 0)
    assert _people(services) == before + written
    hits.append("imported")


def _each_file_whole_or_refused(
    services: Services,
    files: st.SearchStrategy[bytes],
    path: Path,
    run: Callable[[Path], object],
) -> None:
    hits: list[str] = []

    @FIXTURE_OK
    @given(files)
    def check(data: bytes) -> None:
        path.write_bytes(data)
        _imports_whole_or_refuses(services, lambda: run(path), hits)

    check()
    assert "imported" in hits and "refused" in hits, hits


def test_hostile_csv_files_import_whole_or_are_refused_by_line(
    sqlite_services: Services, tmp_path: Path
) -> None:
    svc = sqlite_services
    _each_file_whole_or_refused(
        svc, csv_files(), tmp_path / "people.csv", lambda p: svc.csv.import_file("people", p)
    )


# -- vCard 2.1 / 3.0 / 4.0, missing END -------------------------------------------------

VCARDS = {
    "2.1": "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Rossi;Anna\r\nFN:Anna Rossi\r\n"
    "EMAIL;INTERNET:anna@biowin.example\r\nORG:BioWin\r\nEND:VCARD\r\n",
    "3.0": "BEGIN:VCARD\nVERSION:3.0\nFN:Luca Bianchi\nN:Bianchi;Luca;;;\n"
    "TEL;TYPE=WORK:+39 051 123456\nEMAIL;TYPE=INTERNET:luca@example.it\nEND:VCARD\n",
    "4.0": "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Chiara Neri\r\nTEL;VALUE=uri:tel:+390511234\r\n"
    "EMAIL;PREF=1:chiara@example.org\r\nLANG:it\r\nEND:VCARD\r\n",
}


@st.composite
def vcard_files(draw: st.DrawFn) -> bytes:
    cards = draw(st.lists(st.sampled_from(sorted(VCARDS)), min_size=1, max_size=4))
    body = "".join(VCARDS[v] for v in cards)
    action = draw(st.sampled_from(["none", "no end", "cut", "insert", "latin-1"]))
    if action == "no end":
        body = body.replace("END:VCARD", "", draw(st.integers(1, len(cards))))
    elif action == "cut":
        body = body[: draw(st.integers(0, len(body)))]
    elif action == "insert":
        at = draw(st.integers(0, len(body)))
        body = body[:at] + draw(st.text(max_size=12)) + body[at:]
    return body.encode("latin-1" if action == "latin-1" else "utf-8", errors="replace")


def test_hostile_vcards_import_whole_or_are_refused_by_line(
    sqlite_services: Services, tmp_path: Path
) -> None:
    svc = sqlite_services
    _each_file_whole_or_refused(
        svc, vcard_files(), tmp_path / "people.vcf", lambda p: svc.vcard.import_file(p)
    )


def test_a_card_without_end_is_refused_at_its_line(
    sqlite_services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "open.vcf"
    path.write_text(VCARDS["3.0"] + VCARDS["4.0"].replace("END:VCARD\r\n", ""))
    with pytest.raises(ImportRefused) as refused:
        sqlite_services.vcard.import_file(path)
    assert any(p.line == 8 for p in refused.value.report.problems), refused.value.report.problems


# -- ICS: truncated, bad TZID, UNTIL vs zone, 10 MB, non-UTF-8 -------------------------

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:a@test\r\nDTSTAMP:20180101T000000Z\r\n"
    "DTSTART;TZID=Europe/Brussels:20181025T090000\r\nDTEND;TZID=Europe/Brussels:20181025T180000\r\n"
    "SUMMARY:MedTech Partnering Brüssel\r\nLOCATION:Bruxelles\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
ICS_CASES = {
    "truncated": ICS[: len(ICS) // 2].encode(),
    "bad tzid": ICS.replace("Europe/Brussels", "Mars/Olympus_Mons").encode(),
    "until vs zone": ICS.replace(
        "SUMMARY:", "RRULE:FREQ=YEARLY;UNTIL=20201025T090000\r\nSUMMARY:"
    ).encode(),
    "non-utf-8": ICS.encode("latin-1"),
    "10 MB": ICS.replace(
        "SUMMARY:", "DESCRIPTION:" + "x" * (10 * 1024 * 1024) + "\r\nSUMMARY:"
    ).encode(),
    "no end": ICS.replace("END:VCALENDAR\r\n", "").encode(),
    "empty": b"",
    "binary": bytes(range(256)) * 4,
}


def _calendar(services: Services, data: bytes, hits: list[str]) -> None:
    before = _events(services)
    try:
        services.calendar_io.apply_import(data, 2018, "BE")
    except TrackerError as exc:
        assert _events(services) == before
        assert str(exc)
        hits.append("refused")
        return
    hits.append("imported")


def _events(services: Services) -> int:
    with services.db.read() as session:
        return int(session.execute(text("SELECT count(*) FROM events")).scalar_one())


@pytest.mark.parametrize("case", sorted(ICS_CASES))
def test_hostile_calendars_import_or_are_refused(sqlite_services: Services, case: str) -> None:
    hits: list[str] = []
    _calendar(sqlite_services, ICS_CASES[case], hits)
    assert hits


def test_mutated_calendars_import_or_are_refused(sqlite_services: Services) -> None:
    hits: list[str] = []

    @FIXTURE_OK
    @given(st.integers(0, len(ICS)), st.text(max_size=20), st.booleans())
    def check(at: int, inserted: str, cut: bool) -> None:
        body = ICS[:at] if cut else ICS[:at] + inserted + ICS[at:]
        _calendar(sqlite_services, body.encode("utf-8", errors="replace"), hits)

    check()
    assert "imported" in hits and "refused" in hits, hits


def test_any_list_filter_answers(services: Services) -> None:
    """The text typed into a list's filter box (and the tag filter) on every list."""
    from tracker.services.dto import EventQuery
    from tracker.services.dto_calendar import MissionQuery
    from tracker.services.dto_funding import CallQuery
    from tracker.services.dto_partners import InteractionQuery, OrganisationQuery, PersonQuery

    @FIXTURE_OK
    @given(
        st.one_of(
            st.text(max_size=40), st.sampled_from(["\x00", "%", "_", "\\", "'", "a\x00b", "*"])
        )
    )
    def check(typed: str) -> None:
        try:
            services.events.list(EventQuery(year=2018, text=typed))
            services.organisations.list(OrganisationQuery(text=typed, tag=typed))
            services.people.list(PersonQuery(text=typed))
            services.contact_log.list(InteractionQuery(text=typed))
            services.funding.calls(CallQuery(text=typed))
            services.missions.list(MissionQuery(text=typed))
        except TrackerError as exc:
            assert str(exc)

    check()
