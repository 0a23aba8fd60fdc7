"""The organisations and calls the 2018 plan names: quoted, never invented, loaded once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from tracker.domain.models import FundingCall, Organisation
from tracker.services.context import Services
from tracker.services.dto_partners import OrganisationQuery

ORIGINAL = Path("/work/shared/seeds/000_af82b9238a412501.txt")  # the document, when present
QUOTE = re.compile(r"«(.+?)»", re.DOTALL)

EXPECTED_ORGS = {
    # name: (kind, country, city, stage)
    "ENRICH USA": ("agency", "US", "Boston–New York", "contacted"),
    "Regione Emilia-Romagna": ("public_body", "IT", "Emilia-Romagna", "partner"),
    "European Commission": ("public_body", "BE", "Brussels", "prospect"),
    "Clust-ER ISB": ("cluster", "IT", "Emilia-Romagna", "partner"),
}


def plan_texts(services: Services) -> str:
    """Every verbatim passage of the document the seeded plan keeps."""
    overview = services.plans.overview(2018)
    parts = [overview.intro, overview.strategy_note, overview.funding_note]
    for target in overview.targets:
        parts += [target.rationale, target.priority_note]
    return "\n".join(parts)


def quotes_in(notes: str) -> list[str]:
    return QUOTE.findall(notes)


def test_the_plans_organisations_are_seeded(services: Services) -> None:
    rows = services.organisations.list(OrganisationQuery()).rows
    assert {r.name: (r.kind, r.country_code, r.city, r.stage) for r in rows} == EXPECTED_ORGS
    for row in rows:
        assert row.tags == ()  # the document names no sectors for them
        detail = services.organisations.get(row.id)
        assert (detail.website, detail.eccp_url) == ("", "")


def test_notes_quote_the_document_verbatim(services: Services) -> None:
    source = plan_texts(services)
    original = ORIGINAL.read_text(encoding="utf-8") if ORIGINAL.exists() else None
    for row in services.organisations.list(OrganisationQuery()).rows:
        notes = services.organisations.get(row.id).notes
        quotes = quotes_in(notes)
        assert quotes, row.name
        for quote in quotes:
            assert quote in source, (row.name, quote)
            if original is not None:
                assert quote in original, (row.name, quote)
    enrich = services.organisations.find("ENRICH USA").notes
    assert "alcuni scambi già avuti con ENRICH USA" in enrich
    region = services.organisations.find("Regione Emilia-Romagna").notes
    assert "Silicon Valley" in region and "POR FESR" in region
    assert "sede della Commissione Europea" in services.organisations.find("European Com").notes


def test_calls_are_seeded_without_invented_facts(services: Services) -> None:
    calls = {c.programme: c for c in services.funding.calls().rows}
    assert set(calls) == {"COSME", "INNOSUP"}
    assert (calls["COSME"].name, calls["INNOSUP"].name) == ("Go International", "INNOSUP")
    source = plan_texts(services)
    for call in calls.values():
        assert call.status == "watching"
        assert (call.identifier, call.url, call.opening_date, call.budget) == ("", "", None, None)
        assert call.deadlines == () and call.consortia == ()
        [quote] = quotes_in(call.notes)
        assert quote in source
        assert call.programme in quote


def counts(services: Services) -> tuple[int, int]:
    with services.db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Organisation)) or 0,
            session.scalar(select(func.count()).select_from(FundingCall)) or 0,
        )


def test_seeding_again_adds_nothing(services: Services) -> None:
    report = services.seeds.seed()
    assert (report.organisations_added, report.calls_added) == (0, 0)
    assert report.plans_skipped == (2018,)
    assert counts(services) == (4, 2)


def test_an_existing_database_gets_the_missing_records_once(services: Services) -> None:
    services.organisations.update(
        services.organisations.find("Clust-ER ISB").id, {"city": "Bologna"}
    )
    with services.db.write() as session:
        session.execute(delete(Organisation).where(Organisation.name != "Clust-ER ISB"))
        session.execute(delete(FundingCall).where(FundingCall.programme == "INNOSUP"))
    report = services.seeds.seed()
    assert (report.organisations_added, report.calls_added) == (3, 1)
    assert report.plans_skipped == (2018,)  # the plan itself is left alone
    assert counts(services) == (4, 2)
    assert services.organisations.find("Clust-ER ISB").city == "Bologna"  # edits survive
    assert (services.seeds.seed().organisations_added, services.seeds.seed().calls_added) == (0, 0)


def test_matching_ignores_case(services: Services) -> None:
    enrich = services.organisations.find("ENRICH USA").id
    services.organisations.update(enrich, {"name": "Enrich USA"})
    assert services.seeds.seed().organisations_added == 0


@pytest.mark.parametrize("plans", [False])
def test_reference_only_seeding_loads_no_organisations(services: Services, plans: bool) -> None:
    with services.db.write() as session:
        session.execute(delete(Organisation))
    assert services.seeds.seed(plans=plans).organisations_added == 0
    assert counts(services)[0] == 0
