"""The plan workbook, written from a real database and read back with openpyxl."""

from __future__ import annotations

import stat
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from tracker.domain.enums import MissionStatus
from tracker.domain.models import (
    CostCategory,
    CostLine,
    Event,
    Mission,
    MissionAllocation,
    Person,
    Plan,
    PlanCountry,
)
from tracker.io.report.model import Bilingual, CapRule, Figures, PlanBudget
from tracker.io.xlsx_export import OrganisationLine, PersonLine, WorkbookData, write_workbook
from tracker.services.context import Services

SHEETS_IT = [
    "Budget",
    "Tetti di spesa",
    "Eventi",
    "Missioni",
    "Organizzazioni",
    "Persone",
    "Registro contatti",
]
SHEETS_EN = ["Budget", "Caps", "Events", "Missions", "Organisations", "People", "Contact log"]
EVIL_ORG = '=HYPERLINK("http://evil.example","click")'
EVIL_ROLE = "+cmd|' /C calc'!A0"
EVIL_NOTE = "-2+3"
EVIL_SUMMARY = "@SUM(1+1)"


def rows(sheet: Worksheet) -> list[list[Any]]:
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def by_first(sheet: Worksheet) -> dict[Any, list[Any]]:
    return {r[0]: r for r in rows(sheet)[1:]}


def add_mission(services: Services, person_id: int) -> None:
    """Missions have no service yet: one written straight to the model."""
    with services.db.write() as session:
        plan = session.scalars(select(Plan).where(Plan.year == 2018)).one()
        belgium = session.scalars(
            select(PlanCountry).where(
                PlanCountry.plan_id == plan.id, PlanCountry.country_code == "BE"
            )
        ).one()
        travel = session.scalars(
            select(CostLine)
            .join(CostCategory)
            .where(CostLine.plan_country_id == belgium.id, CostCategory.code == "travel")
        ).one()
        partnering = session.scalars(
            select(Event).where(Event.name == "Cluster partnering event")
        ).one()
        session.add(
            Mission(
                plan_country=belgium,
                title="Settimana a Bruxelles",
                city="Bruxelles",
                start_date=date(2018, 10, 24),
                end_date=date(2018, 10, 26),
                status=MissionStatus.PLANNED,
                purpose="Cluster partnering event",
                participants=[session.get(Person, person_id)],
                events=[partnering],
                allocations=[MissionAllocation(cost_line=travel, amount=Decimal("1200.00"))],
            )
        )


@pytest.fixture
def filled(services: Services) -> Services:
    """The 2018 seed plus money on the lines, a few partners, a mission and a contact log."""
    partnering = services.events.find("Cluster partnering event", 2018)
    services.events.link(partnering.id, "travel", Decimal("800.00"))
    services.expenses.add(2018, "US", "travel", Decimal("4250.50"), date(2018, 11, 5))
    biowin = services.organisations.create(
        {"name": "BioWin", "kind": "cluster", "country": "BE", "stage": "in_talks",
         "tags": "medtech, pharma"}
    )  # fmt: skip
    evil = services.organisations.create({"name": EVIL_ORG, "notes": EVIL_NOTE})
    anna = services.people.create(
        {"name": "Anna Rossi", "organisation": biowin.id, "role": EVIL_ROLE,
         "email": "anna@example.org", "consent": "given", "consent_source": "MedTech 2018",
         "consent_date": "2018-10-25"}
    )  # fmt: skip
    services.contact_log.add(
        {"date": "25/10/2018", "time": "14:30", "summary": EVIL_SUMMARY,
         "follow_up": "send the proposal", "due": "15/11/2018"},
        people=[anna.id], organisations=[evil.id], event=str(partnering.id),
    )  # fmt: skip
    services.contact_log.add({"date": "02/02/2019", "summary": "next year"}, people=[anna.id])
    add_mission(services, anna.id)
    return services


def test_the_workbook_holds_the_plan_with_real_numbers_and_dates(
    filled: Services, tmp_path: Path
) -> None:
    target = tmp_path / "plan.xlsx"
    summary = filled.reports.write_workbook(2018, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert summary.size == target.stat().st_size
    assert [(s.name, s.rows) for s in summary.sheets] == [
        ("Budget", 11), ("Tetti di spesa", 3), ("Eventi", 5), ("Missioni", 1),
        ("Organizzazioni", 6), ("Persone", 1), ("Registro contatti", 1),
    ]  # fmt: skip

    book = load_workbook(target)
    assert book.sheetnames == SHEETS_IT

    budget = book["Budget"]
    assert rows(budget)[0] == [
        "N. paese", "Paese", "Voce di costo", "Previsto", "Impegnato (eventi e missioni)",
        "Da impegnare", "Speso", "Residuo",
    ]  # fmt: skip
    # zeros are numbers too: a budget sheet adds up; the mission's 1200 counts as earmarked
    assert rows(budget)[1] == [1, "Belgio", "Spese di viaggio", 5000, 2000, 3000, 0, 5000]
    assert rows(budget)[3] == [1, "Belgio", "Spese di affitto spazi e allestimento", 0, 0, 0, 0, 0]
    assert rows(budget)[5] == [1, "Belgio", "Totale", 5000, 2000, 3000, 0, 5000]
    row = [2, "Stati Uniti", "Spese di viaggio", 4000, 0, 4000, 4250.5, -250.5]  # overspent
    assert rows(budget)[6] == row
    assert rows(budget)[-1] == [None, "Totale piano", None, 10000, 2000, 8000, 4250.5, 5749.5]
    for cell in budget["D"][1:] + budget["H"][1:]:
        assert cell.data_type == "n" and isinstance(cell.value, int | float)
        assert "€" in cell.number_format and "[Red]" in cell.number_format
    assert budget["C6"].font.b and budget.freeze_panes == "A2"

    caps = rows(book["Tetti di spesa"])
    assert caps[0] == ["Gruppo", "Ambito", "Paesi", "Tetto", "Previsto", "Margine", "Superato"]
    assert caps[1:] == [
        ["paesi europei", "nel complesso", "Belgio", 5000, 5000, 0, "no"],
        ["paesi extra-europei", "nel complesso", "Stati Uniti", 10000, 5000, 5000, "no"],
        ["intero piano", "nel complesso", "Belgio, Stati Uniti", 10000, 10000, 0, "no"],
    ]

    events = by_first(book["Eventi"])
    partnering = events["Cluster partnering event"]
    assert partnering[1:4] == ["evento di partenariato", "Belgio", None]
    assert partnering[4] == datetime(2018, 10, 25) and book["Eventi"]["E2"].is_date
    assert partnering[6:10] == ["candidato", "normale", "no", 800]
    assert events["Altri da identificare"][6:9] == ["idea", "normale", "sì"]
    assert next(iter(events)) == "Cluster partnering event"  # dated first
    assert list(events)[-1] == "Altri da identificare"  # the placeholder last

    mission = rows(book["Missioni"])[1]
    assert mission[:6] == [
        "Settimana a Bruxelles", "Belgio", "Bruxelles",
        datetime(2018, 10, 24), datetime(2018, 10, 26), "pianificata",
    ]  # fmt: skip
    assert mission[7:10] == ["Anna Rossi", "Cluster partnering event", 1200]

    organisations = by_first(book["Organizzazioni"])
    assert organisations["BioWin"][1:4] == ["cluster", "in trattativa", "Belgio"]
    assert organisations["BioWin"][7:9] == ["medtech, pharma", 1]
    assert organisations["ENRICH USA"][1:4] == ["agenzia", "contattato", "Stati Uniti"]

    person = rows(book["Persone"])[1]
    assert person[:4] == ["Anna Rossi", "BioWin", EVIL_ROLE, "anna@example.org"]
    assert person[6:10] == ["no", "dato", "MedTech 2018", datetime(2018, 10, 25)]

    log = rows(book["Registro contatti"])
    assert log[0][:4] == ["Data", "Ora", "Tipo", "Evento"]
    assert log[1][:4] == [
        datetime(2018, 10, 25),
        time(14, 30),
        "incontro",
        "Cluster partnering event",
    ]
    # names in the database's own collation order, which differs between SQLite and PostgreSQL
    assert sorted(log[1][4].split("; ")) == sorted(["BioWin", EVIL_ORG])
    assert log[1][5] == "Anna Rossi"
    assert log[1][6:9] == [EVIL_SUMMARY, "send the proposal", datetime(2018, 11, 15)]
    assert len(log) == 2  # the 2019 entry belongs to another year


def test_text_that_looks_like_a_formula_stays_text(filled: Services, tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    filled.reports.write_workbook(2018, target)
    book = load_workbook(target)
    found = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    # shown exactly as typed, as text, with Excel's quote prefix
                    assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
                    found.add((sheet.title, cell.value))
    assert {
        ("Organizzazioni", EVIL_ORG),
        ("Organizzazioni", EVIL_NOTE),
        ("Persone", EVIL_ROLE),
        ("Registro contatti", EVIL_SUMMARY),
    } <= found


def test_the_english_workbook(filled: Services, tmp_path: Path) -> None:
    target = tmp_path / "plan-en.xlsx"
    filled.reports.write_workbook(2018, target, lang="en")
    book = load_workbook(target)
    assert book.sheetnames == SHEETS_EN
    assert rows(book["Budget"])[1][:3] == [1, "Belgium", "Travel"]
    assert book["Budget"]["D2"].number_format.startswith('"€"#,##0.00')
    assert rows(book["Caps"])[1][:2] == ["European countries", "all together"]
    assert by_first(book["Events"])["Cluster partnering event"][1] == "partnering event"
    assert rows(book["Contact log"])[0][0] == "Date"


def test_an_unknown_year_writes_nothing(services: Services, tmp_path: Path) -> None:
    from tracker.domain.errors import NotFoundError

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(NotFoundError, match="there is no plan for 2017"):
        services.reports.write_workbook(2017, out / "plan.xlsx")
    assert list(out.iterdir()) == []


def empty_budget() -> PlanBudget:
    return PlanBudget((), (), {}, Figures(), CapRule("europe", "together", None, None, None))


def test_control_characters_are_dropped_and_long_text_cut(tmp_path: Path) -> None:
    data = WorkbookData(
        year=2020,
        title=Bilingual("Piano 2020"),
        currency="EUR",
        budget=empty_budget(),
        country_names={},
        organisations=[OrganisationLine("Bell\x07 Labs", "company", "prospect", None,
                                        notes="x" * 40_000)],
        people=(PersonLine(f"Person {i}") for i in range(3)),  # a generator, read once
    )  # fmt: skip
    summary = write_workbook(data, tmp_path / "w.xlsx")
    assert {s.name: s.rows for s in summary.sheets}["Persone"] == 3
    book = load_workbook(tmp_path / "w.xlsx")
    org = rows(book["Organizzazioni"])[1]
    assert org[0] == "Bell Labs" and org[1:3] == ["impresa", "potenziale"]
    assert len(org[-1]) == 32_767
    assert rows(book["Budget"])[-1][1] == "Totale piano"
