from __future__ import annotations

import pytest

from tracker.domain.errors import ConflictError, NotFoundError, RuleViolation, ValidationError
from tracker.services.context import Services
from tracker.services.dto_partners import OrganisationQuery

SEEDED = 4  # ENRICH USA, Regione Emilia-Romagna, European Commission, Clust-ER ISB


def test_create_get_and_form_round_trip(services: Services) -> None:
    org = services.organisations.create(
        {
            "name": "BioWin S.p.A.",
            "kind": "cluster",
            "country": "be",
            "city": "Charleroi",
            "website": "biowin.org",
            "eccp_url": "https://clustercollaboration.eu/cluster-organisations/biowin",
            "tags": "Biotech, medtech",
            "notes": "Met in Brussels.\nSecond line.",
        }
    )
    again = services.organisations.get(org.id)
    assert again == org
    assert org.country_name == "Belgium"
    assert org.website == "https://biowin.org"
    assert org.tags == ("biotech", "medtech")
    assert org.stage == "prospect"
    assert org.form_fields()["tags"] == "biotech, medtech"
    # Saving the form unchanged changes nothing but the version.
    same = services.organisations.update(org.id, org.form_fields())
    assert same.form_fields() == org.form_fields()


def test_create_refuses_bad_fields_and_unknown_countries(services: Services) -> None:
    with pytest.raises(ValidationError) as excinfo:
        services.organisations.create({"name": "", "stage": "married"})
    assert set(excinfo.value.errors) == {"name", "stage"}
    with pytest.raises(NotFoundError, match="unknown country code 'ZZ'"):
        services.organisations.create({"name": "Nowhere Ltd", "country": "ZZ"})
    assert services.organisations.list(OrganisationQuery()).total == SEEDED


def test_list_pages_with_a_total(services: Services) -> None:
    for n in range(25):
        services.organisations.create({"name": f"Cluster {n:02d}", "country": "DE"})
    first = services.organisations.list(OrganisationQuery(country="de", limit=10))
    assert first.total == 25
    assert [r.name for r in first.rows] == [f"Cluster {n:02d}" for n in range(10)]
    assert first.has_more
    last = services.organisations.list(OrganisationQuery(country="DE", offset=20, limit=10))
    assert [r.name for r in last.rows] == [f"Cluster {n:02d}" for n in range(20, 25)]
    assert not last.has_more


def test_list_filters(services: Services) -> None:
    services.organisations.create({"name": "BioWin", "kind": "cluster", "tags": "biotech"})
    services.organisations.create({"name": "Medicon Valley Alliance", "tags": "medtech"})
    orgs = services.organisations

    def names(**kw: object) -> list[str]:
        return [r.name for r in orgs.list(OrganisationQuery(**kw)).rows]  # type: ignore[arg-type]

    assert names(text="valley") == ["Medicon Valley Alliance"]  # a word's start, any case
    assert names(text="alley") == []  # not the middle of a word
    assert names(text="bio") == ["BioWin"]
    assert names(tag="MedTech") == ["Medicon Valley Alliance"]
    assert names(kind="public body") == ["European Commission", "Regione Emilia-Romagna"]
    assert names(stage="contacted") == ["ENRICH USA"]
    assert names(country="US") == ["ENRICH USA"]
    with pytest.raises(ValidationError):
        names(kind="spaceship")


def test_list_sorts(services: Services) -> None:
    rows = services.organisations.list(OrganisationQuery(sort="stage")).rows
    assert [r.stage for r in rows] == ["prospect", "contacted", "partner", "partner"]
    rows = services.organisations.list(OrganisationQuery(sort="country", descending=True)).rows
    assert rows[0].country_code == "US"
    with pytest.raises(ValidationError, match="sort by one of"):
        services.organisations.list(OrganisationQuery(sort="size"))


def test_rows_count_people(services: Services) -> None:
    services.people.create({"name": "Anna Rossi", "organisation": "ENRICH USA"})
    row = services.organisations.list(OrganisationQuery(text="enrich")).rows[0]
    assert row.people == 1


def test_find_by_id_name_or_unambiguous_part(services: Services) -> None:
    enrich = services.organisations.find("ENRICH USA")
    assert services.organisations.find(f"#{enrich.id}") == enrich
    assert services.organisations.find(enrich.id) == enrich
    assert services.organisations.find("enrich usa") == enrich
    assert services.organisations.find("RICH").id == enrich.id
    with pytest.raises(RuleViolation, match="matches several organisations") as excinfo:
        services.organisations.find("ion")
    assert "Regione Emilia-Romagna (Emilia-Romagna, IT)" in str(excinfo.value)
    assert "European Commission (Brussels, BE)" in str(excinfo.value)
    with pytest.raises(NotFoundError, match="no organisation matches 'Atlantis'"):
        services.organisations.find("Atlantis")
    with pytest.raises(NotFoundError, match="there is no organisation #999"):
        services.organisations.get(999)


def test_update_changes_only_what_is_given(services: Services) -> None:
    enrich = services.organisations.find("ENRICH USA")
    updated = services.organisations.update(enrich.id, {"website": "https://enrichusa.example"})
    assert updated.website == "https://enrichusa.example"
    assert updated.notes == enrich.notes
    assert updated.stage == "contacted"
    assert updated.version == enrich.version + 1


def test_stale_update_conflicts(services: Services) -> None:
    enrich = services.organisations.find("ENRICH USA")
    services.organisations.update(enrich.id, {"city": "Boston"})
    with pytest.raises(ConflictError, match="changed by someone else"):
        services.organisations.update(
            enrich.id, {"city": "New York"}, expected_version=enrich.version
        )
    assert services.organisations.get(enrich.id).city == "Boston"


def test_board_shows_columns_with_counts(services: Services) -> None:
    for n in range(3):
        services.organisations.create({"name": f"Partner {n}", "stage": "partner"})
    board = services.organisations.board(limit_per_stage=2)
    assert [c.stage for c in board.columns] == [
        "prospect",
        "contacted",
        "in_talks",
        "partner",
        "dormant",
    ]
    partners = board.column("partner")
    assert partners.total == 5
    assert [r.name for r in partners.rows] == ["Clust-ER ISB", "Partner 0"]
    assert partners.has_more
    assert board.column("in_talks").total == 0
    filtered = services.organisations.board(country="IT")
    assert filtered.column("partner").total == 2


def test_moving_on_the_board(services: Services) -> None:
    ec = services.organisations.find("European Commission")
    change = services.organisations.advance(ec.id)
    assert (change.previous, change.stage) == ("prospect", "contacted")
    assert services.organisations.move(ec.id, "Dormant").stage == "dormant"
    with pytest.raises(RuleViolation, match="already in the last column"):
        services.organisations.advance(ec.id)
    assert services.organisations.retreat(ec.id).stage == "partner"
    services.organisations.move(ec.id, "prospect")
    with pytest.raises(RuleViolation, match="already in the first column"):
        services.organisations.retreat(ec.id)
    with pytest.raises(ValidationError):
        services.organisations.move(ec.id, "engaged")
    assert services.organisations.board().column("prospect").total == 1


def test_tags(services: Services) -> None:
    org = services.organisations.create({"name": "BioWin", "tags": "biotech"})
    other = services.organisations.create({"name": "MVA", "tags": "medtech"})
    org = services.organisations.add_tags(org.id, ["Medtech", "biotech", "ageing"])
    assert org.tags == ("ageing", "biotech", "medtech")
    assert [(t.name, t.organisations) for t in services.organisations.tags()] == [
        ("ageing", 1),
        ("biotech", 1),
        ("medtech", 2),
    ]
    org = services.organisations.remove_tags(org.id, ["AGEING", "medtech"])
    assert org.tags == ("biotech",)
    assert services.organisations.get(other.id).tags == ("medtech",)
    assert [t.name for t in services.organisations.tags()] == ["biotech", "medtech"]
    with pytest.raises(RuleViolation, match="has no tag pharma"):
        services.organisations.remove_tags(org.id, ["pharma"])


def test_delete_keeps_the_people(services: Services) -> None:
    org = services.organisations.create({"name": "Short-lived Srl"})
    person = services.people.create({"name": "Carla Neri", "organisation": org.id})
    assert services.organisations.delete(org.id) == "Short-lived Srl"
    assert services.people.get(person.id).organisation is None
    with pytest.raises(NotFoundError):
        services.organisations.get(org.id)


def test_similar_organisations(services: Services) -> None:
    biowin = services.organisations.create({"name": "BioWin S.p.A.", "country": "BE"})
    services.organisations.create({"name": "Bioindustry Park", "country": "IT"})
    found = services.organisations.similar("Biowin")
    assert found[0].id == biowin.id
    assert found[0].score == 100.0
    assert found[0].detail == "BE"
    assert services.organisations.similar("Biowin", exclude=[biowin.id]) == ()
    assert services.organisations.similar("Enrich U.S.A.")[0].name == "ENRICH USA"
    assert services.organisations.similar("") == ()
