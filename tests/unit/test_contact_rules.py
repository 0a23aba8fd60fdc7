from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest

from tracker.domain.contact_fields import normalise_phone, parse_optional_time
from tracker.domain.contact_rules import (
    normalise_name,
    normalise_person_name,
    validate_call,
    validate_interaction,
    validate_organisation,
    validate_person,
)
from tracker.domain.enums import (
    CallStatus,
    ConsentStatus,
    InteractionKind,
    OrgKind,
    Stage,
)
from tracker.domain.errors import ValidationError


def errors_of(excinfo: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return excinfo.value.errors


# -- organisations -------------------------------------------------------------------


def test_organisation_fields_are_cleaned_and_typed() -> None:
    data = validate_organisation(
        {
            "name": "  BioWin   S.p.A. ",
            "kind": "Research Centre",
            "country": "be",
            "city": " Charleroi ",
            "website": "www.biowin.org",
            "stage": "In talks",
            "tags": "MedTech, pharma ,medtech,, ",
        }
    )
    assert data.name == "BioWin S.p.A."
    assert data.kind is OrgKind.RESEARCH_CENTRE
    assert data.country_code == "BE"
    assert data.city == "Charleroi"
    assert data.website == "https://www.biowin.org"
    assert data.stage is Stage.IN_TALKS
    assert data.tags == ("medtech", "pharma")


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("agency/network", OrgKind.AGENCY),
        ("network", OrgKind.AGENCY),
        ("public body", OrgKind.PUBLIC_BODY),
    ],
)
def test_organisation_kinds_accept_the_words_people_use(typed: str, kind: OrgKind) -> None:
    assert validate_organisation({"name": "X", "kind": typed}).kind is kind


def test_organisation_errors_name_every_bad_field() -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_organisation(
            {"name": " ", "kind": "spaceship", "country": "Belgium", "website": "not a site"}
        )
    errors = errors_of(excinfo)
    assert errors["name"] == "an organisation needs a name"
    assert errors["kind"].startswith("'spaceship' is not one of: cluster, company")
    assert errors["country"] == "'BELGIUM' is not a two-letter ISO country code (e.g. BE, US)"
    assert "is not a web address" in errors["website"]


def test_organisation_defaults() -> None:
    data = validate_organisation({"name": "EUREGHA"})
    assert (data.kind, data.stage, data.country_code, data.tags) == (
        OrgKind.CLUSTER,
        Stage.PROSPECT,
        None,
        (),
    )


def test_tags_may_come_as_a_list() -> None:
    assert validate_organisation({"name": "X", "tags": ["Ageing", " ageing "]}).tags == ("ageing",)


# -- people --------------------------------------------------------------------------


def test_person_email_is_stored_normalised() -> None:
    data = validate_person({"name": "Anna Rossi", "email": " Anna.Rossi@BioWin.IT "})
    assert data.email == "Anna.Rossi@biowin.it"


def test_person_email_error_says_why() -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_person({"name": "Anna", "email": "anna@"})
    assert errors_of(excinfo)["email"] == (
        "'anna@' is not a valid email address: There must be something after the @-sign."
    )


def test_phone_without_prefix_is_read_in_the_region_given() -> None:
    assert validate_person({"name": "A", "phone": "051 123456"}).phone == "+39051123456"
    us = validate_person({"name": "A", "phone": "(617) 253-1000"}, region="US")
    assert us.phone == "+16172531000"
    assert validate_person({"name": "A", "phone": "+32 2 299 11 11"}, region="US").phone == (
        "+3222991111"
    )


def test_phone_errors_quote_what_was_typed() -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_person({"name": "A", "phone": "+39 051"})
    assert errors_of(excinfo)["phone"] == "'+39 051' is not a valid phone number"
    with pytest.raises(ValueError, match="'call me' is not a valid phone number"):
        normalise_phone("call me")


def test_unknown_region_falls_back_to_italy() -> None:
    assert normalise_phone("051 123456", "XX") == "+39051123456"


def test_consent_given_needs_its_source() -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_person({"name": "A", "consent": "given"})
    assert "consent_source" in errors_of(excinfo)
    data = validate_person(
        {
            "name": "A",
            "consent": "given",
            "consent_source": "business card, MedTech 2018",
            "consent_date": "25/10/2018",
        }
    )
    assert data.consent is ConsentStatus.GIVEN
    assert data.consent_date == date(2018, 10, 25)


def test_consent_details_without_a_consent_are_refused() -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_person({"name": "A", "consent_date": "25/10/2018"})
    assert "consent" in errors_of(excinfo)


def test_person_languages_and_staff_flag() -> None:
    data = validate_person({"name": "A", "languages": "IT; en/ FR", "staff": "yes"})
    assert data.languages == "it, en, fr"
    assert data.is_staff is True


# -- interactions --------------------------------------------------------------------


def test_interaction_fields() -> None:
    data = validate_interaction(
        {
            "date": "25 ottobre 2018",
            "time": "14.30",
            "kind": "video call",
            "summary": "  Talked about COSME\nnext steps ",
            "follow_up": "send the deck",
            "due": "2018-11-02",
        }
    )
    assert data.occurred_on == date(2018, 10, 25)
    assert data.occurred_time == time(14, 30)
    assert data.kind is InteractionKind.VIDEO_CALL
    assert data.summary == "Talked about COSME\nnext steps"
    assert data.follow_up_due == date(2018, 11, 2)


def test_interaction_blank_date_takes_the_default() -> None:
    assert validate_interaction({}, default_date=date(2018, 10, 25)).occurred_on == date(
        2018, 10, 25
    )


def test_interaction_errors() -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_interaction({"time": "25:00", "due": "01/11/2018", "kind": "telepathy"})
    errors = errors_of(excinfo)
    assert errors["date"] == "when did it happen? e.g. 25/10/2018"
    assert errors["time"] == '"25:00" is not a time of day: hours 0-23, minutes 0-59'
    assert errors["follow_up"] == "a due date needs something to follow up"
    assert "telepathy" in errors["kind"]


def test_interaction_bad_date_is_reported_as_typed() -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_interaction({"date": "31/02/2018"})
    assert errors_of(excinfo)["date"].startswith('"31/02/2018" is not a real date')


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("9", time(9)), ("09:05", time(9, 5)), ("14h30", time(14, 30)), ("", None), (None, None)],
)
def test_times(typed: str | None, expected: time | None) -> None:
    assert parse_optional_time(typed) == expected


# -- calls ---------------------------------------------------------------------------


def test_call_fields() -> None:
    data = validate_call(
        {
            "programme": "COSME",
            "name": "Go International",
            "budget": "€ 1.200.000,00",
            "opening": "01/03/2019",
            "url": "https://ec.europa.eu/easme",
        }
    )
    assert data.budget == Decimal("1200000.00")
    assert data.opening_date == date(2019, 3, 1)
    assert data.status is CallStatus.WATCHING


def test_call_unknowns_stay_unknown() -> None:
    data = validate_call({"programme": "INNOSUP", "name": "INNOSUP"})
    assert (data.budget, data.opening_date, data.identifier, data.url) == (None, None, "", "")


def test_call_errors() -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_call({"budget": "1.200", "status": "maybe"})
    errors = errors_of(excinfo)
    assert set(errors) == {"programme", "name", "budget", "status"}
    assert "ambiguous" in errors["budget"]


# -- names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "BioWin S.p.A.",
        "Biowin",
        "BIOWIN SPA",
        "Biowin s.r.l.",
        "BioWin, Ltd.",
        "biowin GmbH & Co. KG",
    ],
)
def test_legal_suffixes_case_and_punctuation_do_not_count(name: str) -> None:
    assert normalise_name(name) == "biowin"


def test_accents_do_not_count() -> None:
    assert normalise_name("Università di Bologna") == normalise_name("UNIVERSITA' DI BOLOGNA")


def test_a_name_that_is_only_a_legal_form_keeps_it() -> None:
    assert normalise_name("S.p.A.") == "spa"


@pytest.mark.parametrize("name", ["Anna Rossi", "ROSSI Anna", "Rossi, Anna", "Dott.ssa Anna Rossi"])
def test_person_names_ignore_order_titles_and_case(name: str) -> None:
    assert normalise_person_name(name) == "anna rossi"


def test_person_names_keep_their_accents_apart_from_case() -> None:
    assert normalise_person_name("Hans Müller") == normalise_person_name("hans muller")
