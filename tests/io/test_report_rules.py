"""The plan document's general rules, on plain data: no database involved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from tracker.domain.enums import (
    ConsentStatus,
    EventKind,
    EventStatus,
    InteractionKind,
    MissionStatus,
    OrgKind,
    Priority,
    Stage,
)
from tracker.io.report import labels, render
from tracker.io.report.compose import funding_rules
from tracker.io.report.formats import long_date, money, when
from tracker.io.report.markdown_doc import escape
from tracker.io.report.model import (
    Bilingual,
    BudgetCategory,
    BudgetColumn,
    CapRule,
    DocCountry,
    DocEvent,
    Figures,
    PlanBudget,
    PlanDocument,
)

D = Decimal


def budget(rule: CapRule | None = None) -> PlanBudget:
    travel = BudgetCategory("travel", Bilingual("Spese di viaggio", "Travel"))
    cells = {"travel": Figures(D("1500.00"))}
    return PlanBudget(
        categories=(travel,),
        columns=(
            BudgetColumn("DE", 1, Bilingual("Germania", "Germany"), cells, Figures(D("1500.00"))),
            BudgetColumn("JP", 2, Bilingual("Giappone", "Japan"), {}, Figures()),
        ),
        row_totals={"travel": Figures(D("1500.00"))},
        total=Figures(D("1500.00")),
        rule=rule or CapRule("europe", "together", D("5000"), D("10000"), D("10000")),
    )


def document(**changes: object) -> PlanDocument:
    doc = PlanDocument(
        year=2019,
        title=Bilingual("Piano 2019", "Plan 2019"),
        currency="EUR",
        objectives=(Bilingual("Crescere.", "Grow."),),
        intro=Bilingual(),
        strategy_note=Bilingual("Il Giappone resta strategico.", "Japan stays strategic."),
        funding_note=Bilingual("Fondi regionali"),
        countries=(
            DocCountry("DE", 1, Bilingual("Germania", "Germany"), Bilingual("Perché sì.")),
            DocCountry("JP", 2, Bilingual("Giappone", "Japan"), Bilingual("Mercato.")),
        ),
        budget=budget(),
    )
    return replace(doc, **changes)  # type: ignore[arg-type]


def test_money_and_dates_follow_the_language() -> None:
    assert money(D("5000.00"), "it") == "5.000,00 €"
    assert money(D("5000.00"), "en") == "€5,000.00"
    assert money(D("-12.5"), "it") == "-12,50 €"
    assert long_date(date(2018, 10, 25), "it") == "25 ottobre 2018"
    assert long_date(date(2018, 10, 25), "en") == "25 October 2018"


@pytest.mark.parametrize(
    ("start", "end", "italian", "english"),
    [
        (date(2018, 10, 25), None, "il 25 ottobre 2018", "on 25 October 2018"),
        (date(2018, 10, 25), date(2018, 10, 25), "il 25 ottobre 2018", "on 25 October 2018"),
        (date(2018, 10, 8), None, "l’8 ottobre 2018", "on 8 October 2018"),
        (
            date(2018, 10, 3),
            date(2018, 10, 5),
            "dal 3 al 5 ottobre 2018",
            "from 3 to 5 October 2018",
        ),
        (
            date(2018, 9, 30),
            date(2018, 10, 1),
            "dal 30 settembre all’1 ottobre 2018",
            "from 30 September to 1 October 2018",
        ),
        (
            date(2018, 12, 11),
            date(2019, 1, 2),
            "dall’11 dicembre 2018 al 2 gennaio 2019",
            "from 11 December 2018 to 2 January 2019",
        ),
    ],
)
def test_when_an_event_takes_place(
    start: date, end: date | None, italian: str, english: str
) -> None:
    assert when(start, end, "it") == italian
    assert when(start, end, "en") == english


def test_every_stored_value_has_both_names() -> None:
    vocabularies = {
        "event_status": EventStatus,
        "event_kind": EventKind,
        "priority": Priority,
        "mission_status": MissionStatus,
        "org_kind": OrgKind,
        "stage": Stage,
        "consent": ConsentStatus,
        "interaction_kind": InteractionKind,
    }
    for vocabulary, enum in vocabularies.items():
        assert set(labels.VOCABULARY[vocabulary]) == {m.value for m in enum}, vocabulary
    assert labels.word("event_status", "candidate", "it") == "candidato"
    assert labels.word("event_kind", "partnering", "it") == "evento di partenariato"
    assert labels.word("event_kind", "partnering", "en") == "partnering event"
    assert labels.word("stage", "in_talks", "en") == "in talks"
    assert labels.word("stage", "brand_new", "it") == "brand new"  # unknown: shown as is
    assert all(len(name) <= 31 for pair in labels.SHEETS.values() for name in pair)


@pytest.mark.parametrize(
    ("rule", "italian", "english"),
    [
        (
            CapRule("europe", "together", D("5000"), D("10000"), D("10000")),
            "(Massimo 5.000,00 € per le spese dedicate a paesi europei; massimo 10.000,00 € "
            "per le spese dedicate a paesi extra-europei; il contributo non può comunque "
            "superare 10.000,00 €)",
            "(At most €5,000.00 for expenses dedicated to European countries; at most "
            "€10,000.00 for expenses dedicated to extra-European countries; the contribution "
            "cannot exceed €10,000.00 in any case)",
        ),
        (
            CapRule("eu", "per_country", D("3000"), None, D("8000")),
            "(Massimo 3.000,00 € per le spese dedicate a ciascun paese UE; il contributo non "
            "può comunque superare 8.000,00 €)",
            "(At most €3,000.00 for expenses dedicated to each EU country; the contribution "
            "cannot exceed €8,000.00 in any case)",
        ),
        (
            CapRule("europe", "together", None, None, D("8000")),
            "(Il contributo non può superare 8.000,00 €)",
            "(The contribution cannot exceed €8,000.00)",
        ),
        (CapRule("europe", "together", None, None, None), "", ""),
    ],
)
def test_funding_rules_come_from_the_caps(rule: CapRule, italian: str, english: str) -> None:
    doc = document(budget=budget(rule))
    assert funding_rules(doc, "it") == italian
    assert funding_rules(doc, "en") == english


def test_the_strategy_note_opens_the_section_of_the_country_it_names() -> None:
    text = render(document(), "it", "md")
    japan = text.index("## Paese 2: Giappone")
    assert japan < text.index("Il Giappone resta strategico.") < text.index("Mercato.")
    english = render(document(), "en", "md")
    assert english.index("## Country 2: Japan") < english.index("Japan stays strategic.")


def test_a_strategy_note_naming_no_target_follows_the_countries() -> None:
    note = Bilingual("Guardiamo all’India.", "We watch India.")
    text = render(document(strategy_note=note), "it", "md")
    assert text.index("Mercato.") < text.index("Guardiamo all’India.") < text.index("## Riep")


def test_one_objective_and_many() -> None:
    one = render(document(), "it", "md")
    assert "L’obiettivo del piano di promozione per l’anno 2019 è la necessità di crescere." in one
    three = document(
        objectives=(Bilingual("crescere"), Bilingual("Imparare."), Bilingual("vendere"))
    )
    assert (
        "Gli Obiettivi del piano di promozione per l’anno 2019 sono 3 e sono la necessità di "
        "crescere, la necessità di imparare e la necessità di vendere."
    ) in render(three, "it", "md")
    assert "has one objective:\n\n1. Grow." in render(document(), "en", "md")


def test_events_with_places_dates_and_other_countries() -> None:
    events = (
        DocEvent("Medica", date(2019, 11, 18), date(2019, 11, 21), city="Düsseldorf"),
        DocEvent("Altri da identificare", is_placeholder=True),
    )
    countries = (replace(document().countries[0], events=events), document().countries[1])
    other = (
        DocEvent("Arab Health", city="Dubai", country_code="AE", country_name=Bilingual("EAU")),
    )
    doc = document(countries=countries, other_events=other)
    italian = render(doc, "it", "md")
    assert "- Medica che si svolgerà a Düsseldorf dal 18 al 21 novembre 2019" in italian
    assert italian.index("- Medica") < italian.index("- Altri da identificare")
    assert "## Altri eventi di interesse\n\n- Arab Health (Dubai, EAU)" in italian
    english = render(doc, "en", "md")
    assert "- Medica, to be held in Düsseldorf from 18 to 21 November 2019" in english
    assert "- Others to be identified" in english


def test_the_table_leaves_empty_cells_empty_but_shows_every_total() -> None:
    text = render(document(), "it", "md")
    assert "| VOCI DI COSTO | PAESE 1 – Germania | PAESE 2 – Giappone | TOTALE |" in text
    assert "| Spese di viaggio | 1.500,00 € |  | 1.500,00 € |" in text
    assert "| **Totale** | **1.500,00 €** | **0,00 €** | **1.500,00 €** |" in text


def test_markdown_escapes_what_would_become_markup() -> None:
    assert escape("R&D <Expo> *2018* [x] a_b | c") == r"R&D \<Expo\> \*2018\* \[x\] a\_b \| c"
    assert escape("# not a heading\n- not a bullet\n2018. not a list") == (
        "\\# not a heading\n\\- not a bullet\n2018\\. not a list"
    )
    assert escape("Boston-New York, 5.000 €") == "Boston-New York, 5.000 €"


def test_unknown_language_or_format_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        render(document(), "fr", "md")
    with pytest.raises(ValueError, match="format"):
        render(document(), "it", "pdf")
