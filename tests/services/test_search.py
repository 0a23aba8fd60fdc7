"""Search everything, on SQLite and PostgreSQL: what a user types, what they get back.

The rows are written with the ORM directly: the partner services have tests of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import delete, event, update

from tracker.config import Settings
from tracker.db import fts, fts_pg
from tracker.domain.errors import ValidationError
from tracker.domain.models import Event, FundingCall, Interaction, Organisation, Person, Plan
from tracker.services import search as search_module
from tracker.services.context import Services
from tracker.services.dto_search import SearchResults
from tracker.services.search import SearchService

HOSTILE = [
    "l'ufficio",
    "S.p.A.",
    "multi-agent",
    '"',
    "(",
    ")",
    "AND",
    "OR NOT",
    "*",
    "NEAR",
    "NEAR(anna rossi, 2)",
    "-",
    ":",
    "name:biowin",
    '"unbalanced',
    "anna\" 'rossi",
    "'",
    "^bio",
    "bio*",
    "{full_name}: anna",
    "%_\\",
    "'; DROP TABLE people; --",
    "🧬🚀",
    "anna 🧬 rossi",
    "\x00",
    "\ud800",
    "x" * 10_000,
    "Anna Rossi, BioWin. " * 500,
    "   ",
    "",
]


@pytest.fixture
def crm(backend_settings: Settings) -> Iterator[Services]:
    """Services on a database holding the countries and exactly the rows below.

    Not the seeded ``services`` fixture: the seed's own organisations and calls would
    change what every search here finds.
    """
    services = Services.open(backend_settings, seed_if_new=False)
    try:
        services.seeds.seed(plans=False)
        _add_rows(services)
        yield services
    finally:
        services.close()


def _add_rows(services: Services) -> None:
    with services.db.write() as s:
        plan = Plan(year=2018, title="Piano di promozione 2018")
        biowin = Organisation(name="BioWin", city="Wavre", country_code="BE", notes="Health")
        s.add_all(
            [
                biowin,
                Organisation(name="L'Ufficio Stampa", city="Roma", notes="press office"),
                Organisation(name="Università di Pisa", city="Pisa"),
                Organisation(name="Città della Scienza", city="Napoli"),
                Organisation(name="Nuova Farmaceutica S.p.A.", city="Milano"),
                Organisation(name="Genomics Hub", city="Lyon", country_code="FR"),
                Organisation(name="Quiet Labs", city="Lyon", notes="works on genomics too"),
                Person(
                    full_name="Anna Rossi",
                    role="Project manager",
                    email="anna.rossi@biowin.be",
                    organisation=biowin,
                ),
                Person(full_name="Jérôme Dupont", role="Director", notes="multi-agent robotics"),
                Event(
                    plan=plan,
                    name="Cluster Matchmaking Wavre",
                    country_code="BE",
                    start_date=date(2018, 10, 25),
                    organiser="BioWin",
                ),
                Interaction(
                    occurred_on=date(2018, 10, 25),
                    summary="Met Anna at the stand\nShe asked about the MEDICA mission",
                    follow_up="Send the draft partnership letter",
                ),
                FundingCall(
                    programme="COSME", name="Go International", identifier="COS-CLUSINT-2018"
                ),
            ]
        )


def titles(results: SearchResults) -> list[str]:
    return [hit.title for hit in results.hits]


def test_hostile_input_never_raises(crm: Services) -> None:
    for typed in HOSTILE:  # one database for them all: a loop, not a parametrization
        try:
            results = crm.search.search(typed)
        except Exception as exc:
            pytest.fail(f"searching for {typed[:40]!r} raised {exc!r}")
        assert results.query == typed
        assert len(results.hits) <= 20


def test_punctuation_alone_searches_nothing_and_runs_no_query(crm: Services) -> None:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(crm.db.engine, "before_cursor_execute", count)
    try:
        for typed in ['"', "(", "*", "-", ":", "🧬", "   ", ""]:
            results = crm.search.search(typed)
            assert results.terms == ()
            assert results.hits == ()
    finally:
        event.remove(crm.db.engine, "before_cursor_execute", count)
    assert statements == []


def test_search_syntax_is_taken_literally(crm: Services) -> None:
    company = crm.search.search("S.p.A.", kinds={"organisation"})
    assert titles(company) == ["Nuova Farmaceutica S.p.A."]
    assert titles(crm.search.search("multi-agent")) == ["Jérôme Dupont"]
    assert crm.search.search("NEAR").hits == ()
    assert crm.search.search("anna AND rossi").hits == ()  # "and" is a word like any other
    assert titles(crm.search.search('"anna" (rossi')) == ["Anna Rossi"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("citta", "Città della Scienza"),
        ("universita", "Università di Pisa"),
        ("jerome", "Jérôme Dupont"),
        ("UNIVERSITÀ", "Università di Pisa"),
    ],
)
def test_accents_and_case_do_not_matter(crm: Services, typed: str, expected: str) -> None:
    assert titles(crm.search.search(typed)) == [expected]


@pytest.mark.parametrize("typed", ["l'ufficio", "l’ufficio", "L'UFF", "ufficio"])
def test_apostrophes_split_words(crm: Services, typed: str) -> None:
    assert titles(crm.search.search(typed))[0] == "L'Ufficio Stampa"


def test_words_match_by_their_start(crm: Services) -> None:
    hits = crm.search.search("bio").hits

    assert ("organisation", "BioWin") in [(h.kind, h.title) for h in hits]
    assert not hits[0].substring
    assert titles(crm.search.search("anna ros")) == ["Anna Rossi"]


def skip_without_trigram(crm: Services) -> None:
    if crm.db.is_sqlite:
        return
    with crm.db.read() as session:
        if not fts_pg.pg_has_trigram(session.connection()):
            pytest.skip("pg_trgm could not be installed on this server")


def test_substrings_of_names_are_found_through_trigrams(crm: Services) -> None:
    skip_without_trigram(crm)

    hits = crm.search.search("win").hits

    assert [(h.kind, h.title, h.substring) for h in hits] == [
        ("organisation", "BioWin", True),
        ("person", "Anna Rossi", True),  # by her e-mail address
    ]
    assert all(-1 < h.score < 0 for h in hits)


def test_substring_hits_come_after_word_hits(crm: Services) -> None:
    skip_without_trigram(crm)
    with crm.db.write() as s:
        s.add(Organisation(name="Symbiosis Partners"))

    hits = crm.search.search("bio").hits

    assert [h.substring for h in hits] == sorted(h.substring for h in hits)
    assert [h.title for h in hits if h.substring] == ["Symbiosis Partners"]
    assert {h.title for h in hits if not h.substring} == {
        "BioWin",  # by name
        "Anna Rossi",  # by the words of her e-mail address
        "Cluster Matchmaking Wavre",  # by its organiser
    }


def test_a_name_match_ranks_above_a_notes_match(crm: Services) -> None:
    assert titles(crm.search.search("genomics")) == ["Genomics Hub", "Quiet Labs"]


def test_what_each_kind_shows(crm: Services) -> None:
    shown = {h.kind: h for h in crm.search.search("biowin").hits}
    person = shown["person"]
    assert (person.title, person.subtitle) == ("Anna Rossi", "BioWin · Project manager")
    assert person.snippet == "anna.rossi@biowin.be"
    start, end = person.snippet_marks[0]
    assert person.snippet[start:end] == "biowin"
    assert (shown["event"].title, shown["event"].subtitle) == (
        "Cluster Matchmaking Wavre",
        "BE · 25/10/2018",
    )
    assert shown["organisation"].subtitle == "Wavre · BE"

    call = crm.search.search("cosme go").hits[0]
    assert (call.kind, call.title, call.subtitle) == (
        "call",
        "COSME — Go International",
        "COS-CLUSINT-2018",
    )

    note = crm.search.search("draft letter").hits[0]
    assert (note.kind, note.title, note.subtitle) == (
        "interaction",
        "Met Anna at the stand",
        "25/10/2018",
    )
    assert note.snippet == "Send the draft partnership letter"


def test_kinds_filter_and_totals(crm: Services) -> None:
    everything = crm.search.search("anna")
    only_people = crm.search.search("anna", kinds={"person"})

    assert {h.kind for h in everything.hits} == {"person", "interaction"}
    assert [(h.kind, h.title) for h in only_people.hits] == [("person", "Anna Rossi")]
    assert only_people.total_by_kind == {"person": 1}
    assert everything.total_by_kind["interaction"] == 1
    assert crm.search.search("anna", kinds=set()).hits == ()
    with pytest.raises(ValidationError):
        crm.search.search("anna", kinds={"planet"})


def test_limit_caps_the_hits(crm: Services) -> None:
    with crm.db.write() as s:
        s.add_all(Person(full_name=f"Zeno Number{i}") for i in range(30))

    results = crm.search.search("zeno", limit=7)

    assert len(results.hits) == 7
    assert results.total_by_kind["person"] == 30


def test_broad_words_rank_only_the_newest_matches_but_count_them_all(
    crm: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    with crm.db.write() as s:
        s.add_all(Person(full_name=f"Zeno Number{i}") for i in range(30))
    monkeypatch.setattr(search_module, "RANKED_AT_MOST", 5)

    results = crm.search.search("zeno")

    assert sorted(titles(results)) == [f"Zeno Number{i}" for i in range(25, 30)]
    assert results.total_by_kind["person"] == 30


def test_counting_can_stop_early_and_says_so_with_the_same_hits(
    crm: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    with crm.db.write() as s:
        s.add_all(Person(full_name=f"Zeno Number{i}") for i in range(30))
    for ranked in (5, search_module.RANKED_AT_MOST):  # the count query runs, or not
        monkeypatch.setattr(search_module, "RANKED_AT_MOST", ranked)
        exact = crm.search.search("zeno", limit=7)
        capped = crm.search.search("zeno", limit=7, count_at_most=12)
        roomy = crm.search.search("zeno", limit=7, count_at_most=30)
        assert capped.hits == exact.hits == roomy.hits
        assert (exact.total_by_kind["person"], exact.capped_kinds) == (30, frozenset())
        assert (capped.total_by_kind["person"], capped.capped_kinds) == (12, {"person"})
        assert (roomy.total_by_kind["person"], roomy.capped_kinds) == (30, frozenset())


@pytest.mark.parametrize("typed", ["l'ufficio", "d'An", "Nicolò", "S.p.A.", "n", "d'"])
def test_capped_counts_find_the_same_hits_for_accents_and_apostrophes(
    crm: Services, typed: str
) -> None:
    crm.organisations.create({"name": "Nicolò Trasporti S.p.A.", "notes": "l'ufficio acquisti"})
    crm.people.create({"name": "Marta D'Angelo", "notes": "Nicolo, l'Ufficio"})
    exact = crm.search.search(typed, limit=30)
    capped = crm.search.search(typed, limit=30, count_at_most=1)
    assert exact.hits and capped.hits == exact.hits
    for kind, n in exact.total_by_kind.items():
        assert capped.total_by_kind[kind] == min(n, 1)
        assert (kind in capped.capped_kinds) == (n > 1)


def test_the_index_follows_updates_and_deletes(crm: Services) -> None:
    with crm.db.write() as s:
        s.execute(update(Organisation).where(Organisation.name == "BioWin").values(name="MedWin"))
        s.execute(delete(Person).where(Person.full_name == "Jérôme Dupont"))

    assert "BioWin" not in titles(crm.search.search("biowin", kinds={"organisation"}))
    assert titles(crm.search.search("medwin", kinds={"organisation"})) == ["MedWin"]
    assert crm.search.search("jerome").hits == ()
    assert crm.search.search("robotics").hits == ()

    with crm.db.write() as s:
        s.add(Person(full_name="Jérôme Martin"))
    assert titles(crm.search.search("jérôme")) == ["Jérôme Martin"]


def test_postgresql_without_trigram_falls_back_to_words(crm: Services) -> None:
    if crm.db.is_sqlite:
        pytest.skip("PostgreSQL only")
    with crm.db.write() as s:
        for t in fts.SEARCH_TABLES:
            s.connection().exec_driver_sql(f"DROP INDEX IF EXISTS {t.pg_trgm_index}")
    search = SearchService(crm.db)

    assert search.search("win").hits == ()  # no substrings without their index
    assert "BioWin" in titles(search.search("bio"))
