"""CSV export and import on real databases (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import csv
import io
import os
import stat
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tracker.config import Settings
from tracker.db.fts import integrity_check_sqlite, missing_sqlite_objects
from tracker.domain.errors import NotFoundError, ValidationError
from tracker.io.csv_problems import Problem
from tracker.services.context import Services
from tracker.services.dto_io import ImportRefused, ImportReport
from tracker.services.dto_partners import MeetingEntry, PersonQuery

CORPUS = Path(__file__).resolve().parents[1] / "data" / "import"

# Every file of the corpus, with what importing it must do: (kind, imports?, outcome).
# "ok" files import (dry run first, then for real); "refused" ones import nothing and
# every problem carries its line (or is about the whole file).
EXPECTED: dict[str, tuple[str, str]] = {
    "aziende_excel_cp1252.csv": ("orgs", "ok"),
    "contatti_excel_cp1252.csv": ("people", "ok"),
    "contatti_utf8_bom.csv": ("people", "ok"),
    "duplicates.csv": ("people", "ok"),
    "empty.csv": ("orgs", "refused"),
    "errors_on_two_lines.csv": ("people", "refused"),
    "eventi_excel.csv": ("events", "ok"),
    "excel_sep_line.csv": ("orgs", "ok"),
    "excel_unicode_text_utf16.txt": ("people", "ok"),
    "google_contacts.csv": ("people", "ok"),
    "google_contacts_new.csv": ("people", "ok"),
    "header_only.csv": ("people", "ok"),
    "outlook_contacts.csv": ("people", "ok"),
    "quoted_newlines.csv": ("orgs", "ok"),
    "ragged_rows.csv": ("orgs", "refused"),
    "unknown_columns.csv": ("orgs", "refused"),
    "unterminated_quote.csv": ("orgs", "refused"),
    "vcard21_phone_export.vcf": ("vcard", "ok"),
    "vcard30_apple.vcf": ("vcard", "ok"),
    "vcard40.vcf": ("vcard", "ok"),
    "vcard_truncated.vcf": ("vcard", "refused"),
    "workbook_not_csv.csv": ("orgs", "refused"),
}


def import_any(
    services: Services, kind: str, path: Path, *, dry_run: bool, **options: object
) -> ImportReport:
    if kind == "vcard":
        return services.vcard.import_file(path, dry_run=dry_run)
    return services.csv.import_file(kind, path, dry_run=dry_run, **options)  # type: ignore[arg-type]


def people_count(services: Services) -> int:
    return services.people.list(PersonQuery()).total


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def test_every_file_of_the_corpus_is_listed() -> None:
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_corpus_imports_or_is_refused_line_by_line(services: Services, name: str) -> None:
    kind, outcome = EXPECTED[name]
    path = CORPUS / name
    preview = import_any(services, kind, path, dry_run=True)
    assert preview.dry_run and preview.written == 0
    if outcome == "ok":
        assert preview.ok, [str(p) for p in preview.problems]
        report = import_any(services, kind, path, dry_run=False)
        assert report.ok and report.written == report.new == preview.new
        assert [r.status for r in report.rows] == [r.status for r in preview.rows]
        return
    assert not preview.ok
    for problem in preview.problems:
        assert isinstance(problem, Problem) and str(problem)
        assert problem.line == 0 or str(problem).startswith(f"line {problem.line}: ")
    before = people_count(services)
    with pytest.raises(ImportRefused) as excinfo:
        import_any(services, kind, path, dry_run=False)
    assert excinfo.value.report.problems == preview.problems
    assert people_count(services) == before


def test_errors_on_two_lines_import_nothing_and_both_are_reported(services: Services) -> None:
    with pytest.raises(ImportRefused) as excinfo:
        services.csv.import_file("people", CORPUS / "errors_on_two_lines.csv")
    problems = [str(p) for p in excinfo.value.report.problems]
    assert len(problems) == 2
    assert problems[0].startswith("line 3: email: 'paolo.verdi@@example' is not a valid email")
    # line 4's notes span two lines, so the bad phone is on physical line 6
    assert problems[1] == "line 6: phone: '+39 051' is not a valid phone number"
    assert people_count(services) == 0


def test_dry_run_writes_nothing_and_says_what_would_happen(services: Services) -> None:
    report = services.csv.import_file("people", CORPUS / "contatti_excel_cp1252.csv", dry_run=True)
    assert [(r.line, r.status, r.label) for r in report.rows] == [
        (2, "new", "Niccolò Bertè"),
        (3, "new", "Mariagrazia D'Agostino"),
        (4, "new", "Àlvaro Núñez"),
    ]
    assert report.encoding == "cp1252" and "Windows-1252" in report.encoding_note
    assert report.delimiter == ";"
    assert report.organisations_created == ("Università di Bologna", "Ospedale Sant'Orsola")
    assert people_count(services) == 0
    assert services.organisations.similar("Università di Bologna", min_score=100) == ()


def test_italian_excel_people_arrive_with_accents_phones_and_consent(services: Services) -> None:
    report = services.csv.import_file("people", CORPUS / "contatti_excel_cp1252.csv")
    assert report.written == 3
    niccolo = services.people.find("Niccolò Bertè")
    assert niccolo.organisation is not None
    assert niccolo.organisation.name == "Università di Bologna"
    assert (niccolo.phone, niccolo.role) == ("+390512099111", "Responsabile Ufficio Ricerca")
    assert (niccolo.consent, niccolo.consent_source) == ("given", "modulo MedTech 2018")
    assert niccolo.consent_date == date(2018, 3, 12)
    assert services.people.find("Àlvaro Núñez").organisation.name == "Clust-ER ISB"  # type: ignore[union-attr]


def test_organisations_from_excel_with_country_names_kinds_and_tags(services: Services) -> None:
    services.csv.import_file("orgs", CORPUS / "aziende_excel_cp1252.csv")
    biomedica = services.organisations.find("BioMedica Emilia")
    assert (biomedica.kind, biomedica.country_code, biomedica.city) == ("company", "IT", "Modena")
    assert biomedica.website == "https://www.biomedica-emilia.example.it"
    assert biomedica.tags == ("diagnostica", "medtech")
    sante = services.organisations.find("Cluster Santé")
    assert (sante.country_code, sante.kind) == ("FR", "cluster")
    tecnopolo = services.organisations.find("Tecnopolo")
    assert tecnopolo.kind == "research_centre"
    assert tecnopolo.notes == "Laboratori aperti; visita il 5/6"
    assert {t.name for t in services.organisations.tags()} >= {"ageing", "medtech", "pharma"}


def test_google_and_outlook_contacts(services: Services) -> None:
    services.csv.import_file("people", CORPUS / "google_contacts.csv")
    anna = services.people.find("Anna Rossi")
    assert anna.email == "anna.rossi@biowin.example.be"  # the first of "a ::: b"
    assert (anna.role, anna.phone) == ("Project officer", "+3210481234")
    assert anna.notes == "Met at MEDICA 2018.\nInterested in the ageing call."
    assert services.people.find("Jean-Luc").phone == "+33612345678"
    nameless = services.people.find("segreteria@aster.example.it")
    assert nameless.email == "segreteria@aster.example.it"
    services.csv.import_file("people", CORPUS / "outlook_contacts.csv")
    helen = services.people.find("Helen O'Brien")
    assert (helen.role, helen.phone) == ("Head of Partnerships", "+35317161234")
    assert helen.organisation is not None
    assert helen.organisation.name == "Health Innovation Hub Ireland"
    assert services.people.find("Pieter").phone == "+31612345678"  # mobile: no business phone


def test_duplicates_of_the_database_and_of_earlier_lines_are_skipped(services: Services) -> None:
    anna = services.people.create({"name": "Anna Rossi", "email": "anna.rossi@biowin.example.be"})
    francesca = services.people.create({"name": "Francesca Riva"})
    report = services.csv.import_file("people", CORPUS / "duplicates.csv")
    assert [(r.line, r.describe()) for r in report.rows] == [
        (2, f"duplicate of #{anna.id} (skipped)"),  # same email, case ignored
        (3, "new"),
        (4, "duplicate of line 3 (skipped)"),
        (5, f"duplicate of #{francesca.id} (skipped)"),  # same name, title ignored
    ]
    assert report.written == 1
    assert people_count(services) == 3
    again = services.csv.import_file("people", CORPUS / "duplicates.csv")
    assert again.written == 0 and again.duplicates == 4


def test_mapping_overrides_name_the_columns_the_file_calls_otherwise(services: Services) -> None:
    path = CORPUS / "unknown_columns.csv"
    with pytest.raises(ImportRefused) as excinfo:
        services.csv.import_file("orgs", path)
    assert "no column holds the name" in str(excinfo.value.report.problems[0])
    report = services.csv.import_file(
        "orgs", path, mapping=["Ente di riferimento=name", "Stato membro=country"]
    )
    assert report.written == 1
    assert [(c.header, c.field, c.how) for c in report.columns] == [
        ("Ente di riferimento", "name", "--map"),
        ("Stato membro", "country", "--map"),
    ]
    assert services.organisations.find("Andalucía").country_code == "ES"


def test_a_mapping_dict_from_the_tui_and_a_column_left_out(services: Services) -> None:
    report = services.csv.import_file(
        "people",
        CORPUS / "contatti_utf8_bom.csv",
        mapping={"Cellulare": None, "Qualifica": "notes"},
    )
    chiara = services.people.find("Chiara Ferrè")
    assert (chiara.phone, chiara.role, chiara.notes) == ("", "", "Cluster manager")
    assert chiara.languages == "it, en, fr"
    assert report.written == 2


def test_events_join_the_plan_of_their_year_and_duplicates_are_found(services: Services) -> None:
    report = services.csv.import_file("events", CORPUS / "eventi_excel.csv")
    assert report.written == 2
    medica = services.events.find("MEDICA 2018")
    assert (medica.year, medica.country_code, medica.city) == (2018, "DE", "Düsseldorf")
    assert (medica.start_date, medica.end_date) == (date(2018, 11, 12), date(2018, 11, 15))
    assert (medica.kind, medica.priority) == ("fair", "high")
    again = services.csv.import_file("events", CORPUS / "eventi_excel.csv")
    assert again.written == 0 and again.duplicates == 2


def test_events_for_a_year_without_a_plan_are_refused_up_front(services: Services) -> None:
    with pytest.raises(NotFoundError, match="there is no plan for 2031"):
        services.csv.import_file("events", CORPUS / "eventi_excel.csv", year=2031)


def test_an_unknown_kind_is_a_validation_error(services: Services, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        services.csv.import_file("budgets", CORPUS / "header_only.csv")
    with pytest.raises(ValidationError):
        services.csv.export("budgets", tmp_path / "x.csv")


def test_an_organisation_name_matching_several_is_a_problem(services: Services) -> None:
    services.organisations.create({"name": "BioWin"})
    services.organisations.create({"name": "BIOWIN S.A."})
    report = services.csv.import_file("people", CORPUS / "duplicates.csv", dry_run=True)
    (problem,) = [p for p in report.problems if p.field == "organisation"]
    assert problem.line == 2
    assert "'BioWin' matches several organisations" in problem.message


# -- export ------------------------------------------------------------------------------


def test_export_neutralises_formulas_and_writes_a_private_file(
    services: Services, tmp_path: Path
) -> None:
    services.people.create(
        {"name": "=cmd|' /C calc'!A0", "role": "+1+1", "notes": "-2", "languages": "@SUM(1)"}
    )
    target = tmp_path / "people.csv"
    result = services.csv.export("people", target)
    assert result.rows == 1
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    (row,) = read_csv(target)
    assert (row["name"], row["role"], row["notes"]) == ("'=cmd|' /C calc'!A0", "'+1+1", "'-2")
    assert row["languages"] == "'@sum(1)"


def test_export_for_excel_has_a_bom_and_semicolons(services: Services, tmp_path: Path) -> None:
    target = tmp_path / "orgs.csv"
    services.csv.export("orgs", target, bom=True, delimiter=";")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid;name;kind;")
    with pytest.raises(ValidationError):
        services.csv.export("orgs", target, delimiter="|")


def test_the_contact_log_exports_with_its_links(services: Services, tmp_path: Path) -> None:
    services.contact_log.log_meeting_batch(
        "Cluster partnering event",
        [
            MeetingEntry(
                new_person={"name": "Sara Neri", "email": "sara@example.org"},
                organisation="ENRICH USA",
                fields={"summary": "=talked about the call", "follow_up": "send the deck"},
            )
        ],
    )
    target = tmp_path / "log.csv"
    assert services.csv.export("log", target).rows == 1
    (row,) = read_csv(target)
    assert row["event"] == "Cluster partnering event"
    assert (row["organisations"], row["people"]) == ("ENRICH USA", "Sara Neri")
    assert (row["date"], row["kind"]) == ("2018-10-25", "meeting")
    assert row["summary"] == "'=talked about the call"
    assert row["follow_up"] == "send the deck" and row["done_at"] == ""


# -- round trips ---------------------------------------------------------------------------


@pytest.fixture
def twin(services: Services, tmp_path: Path) -> Iterator[Services]:
    """Another new database on the same backend, for export → import round trips."""
    if services.db.is_sqlite:
        settings = Settings.load(env={"TRACKER_DATA_DIR": str(tmp_path / "twin")})
        svc = Services.open(settings)
        yield svc
        svc.close()
        return
    base = os.environ["TRACKER_TEST_PG_URL"]
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    url = f"{base}{sep}options=-csearch_path%3D{schema}"
    svc = Services.open(Settings(url, tmp_path / "twin", tmp_path / "twin-backups"))
    try:
        yield svc
    finally:
        svc.close()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def fill(services: Services) -> None:
    services.organisations.create(
        {"name": "BioWin S.A.", "kind": "cluster", "country": "BE", "city": "Wavre",
         "website": "https://www.biowin.example.be", "tags": "medtech, biotech",
         "notes": "Wallonia's health cluster;\n\"BioWin\" = partner", "stage": "in talks"}
    )  # fmt: skip
    services.organisations.create({"name": "-Minus Labs", "kind": "company", "country": "IT"})
    services.people.create(
        {"name": "Anna Rossi", "organisation": "BioWin", "role": "Project officer",
         "email": "Anna.Rossi@biowin.example.be", "phone": "010 48 12 34", "languages": "fr, en",
         "notes": "Line one\nLine two, \"quoted\"", "staff": "no", "consent": "given",
         "consent_source": "form at MEDICA 2018", "consent_date": "25/10/2018"}
    )  # fmt: skip
    services.people.create(
        {"name": "Niccolò Bertè", "role": "=SUM(1+1)", "phone": "+39 051 209 9111", "staff": "yes"}
    )
    services.people.create({"name": "@Someone", "organisation": "-Minus Labs"})


def exported(services: Services, kind: str, folder: Path) -> list[dict[str, str]]:
    target = folder / f"{kind}-{uuid.uuid4().hex[:6]}.csv"
    services.csv.export(kind, target)
    return read_csv(target)


def without(rows: list[dict[str, str]], *columns: str) -> list[dict[str, str]]:
    cleaned = [{k: v for k, v in row.items() if k not in columns} for row in rows]
    return sorted(cleaned, key=lambda r: sorted(r.items()))


def test_export_then_import_into_an_empty_database_gives_the_same_records(
    services: Services, twin: Services, tmp_path: Path
) -> None:
    fill(services)
    services.events.create(
        2018,
        __import__("tracker.domain.event_rules", fromlist=["validate_event"]).validate_event(
            {"name": "+Health Expo", "kind": "fair", "country": "FR", "city": "Lyon",
             "start": "2018-11-12", "end": "2018-11-14", "why": "partners; \"new\"",
             "priority": "high", "url": "https://expo.example.fr"}
        ),
    )  # fmt: skip
    for kind in ("orgs", "people", "events"):
        target = tmp_path / f"{kind}.csv"
        services.csv.export(kind, target)
        report = twin.csv.import_file(kind, target)
        assert report.ok
    for kind, volatile in (("orgs", ("id",)), ("people", ("id",)), ("events", ("id", "uid"))):
        assert without(exported(twin, kind, tmp_path), *volatile) == without(
            exported(services, kind, tmp_path), *volatile
        ), kind
    # events new to the twin keep their calendar identity
    source = {r["name"]: r["uid"] for r in exported(services, "events", tmp_path)}
    copied = {r["name"]: r["uid"] for r in exported(twin, "events", tmp_path)}
    assert copied["'+Health Expo"] == source["'+Health Expo"]


# -- big files -----------------------------------------------------------------------------


def big_people_file(path: Path, count: int) -> Path:
    lines = ["name;email;organisation;phone"]
    lines += [
        f"Persona {i} Àccentata;persona{i}@example{i % 7}.it;Azienda {i % 13};"
        f"{'051 ' + str(200000 + i) if i % 3 == 0 else ''}"
        for i in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_big_import_keeps_the_search_index_exact_and_reports_progress(
    services: Services, tmp_path: Path
) -> None:
    calls: list[tuple[int, int]] = []
    path = big_people_file(tmp_path / "big.csv", 2_500)
    report = services.csv.import_file(
        "people", path, progress=lambda done, total: calls.append((done, total))
    )
    assert report.written == 2_500
    assert len(report.organisations_created) == 13
    assert calls[-1] == (5_000, 5_000)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    hits = services.search.search("Persona 1234")
    assert any("Persona 1234" in h.title for h in hits.hits)
    if services.db.is_sqlite:
        with services.db.engine.connect() as conn:
            assert missing_sqlite_objects(conn) == []
            assert integrity_check_sqlite(conn) == []
    again = services.csv.import_file("people", path, dry_run=True)
    assert again.duplicates == 2_500 and again.new == 0


def test_values_too_long_for_their_column_are_problems_not_database_errors(
    services: Services, tmp_path: Path
) -> None:
    orgs = tmp_path / "orgs.csv"
    orgs.write_text(f"name,website\nLong Site,https://example.org/{'x' * 600}\n", encoding="utf-8")
    report = services.csv.import_file("orgs", orgs, dry_run=True)
    assert [str(p) for p in report.problems] == ["line 2: website: keep it under 500 characters"]
    events = tmp_path / "events.csv"
    events.write_text(f"name,city,organiser\nExpo,{'C' * 130},{'O' * 201}\n", encoding="utf-8")
    problems = [str(p) for p in services.csv.import_file("events", events, dry_run=True).problems]
    assert problems == [
        "line 2: city: keep it under 120 characters",
        "line 2: organiser: keep it under 200 characters",
    ]


def test_quoted_newlines_stay_inside_their_value(services: Services) -> None:
    report = services.csv.import_file("orgs", CORPUS / "quoted_newlines.csv")
    assert [(r.line, r.label) for r in report.rows] == [
        (2, "Medicen Paris Region"),
        (5, "BioCat (Barcelona)"),
        (7, "Life Science Nord"),
    ]
    medicen = services.organisations.find("Medicen")
    assert medicen.notes == "Cluster de santé.\nContact via ECCP.\nMeeting planned for 2019."
    assert services.organisations.find("Life Science Nord").notes == "Hamburg, Schleswig-Holstein"


EMAILS = [
    "anna.rossi@biowin.example.be", "Anna.Rossi@BioWin.Example.BE", "  padded@example.org ",
    "a+tag@example.org", "o'brien@hih.example.ie", "x_y-z@sub.domain.example.it",
    "Postmaster@example.org", "INFO@example.org", "www@example.org",
    "a..b@example.org", ".a@example.org", "a.@example.org", "a@example", "a@-example.org",
    "a@example-.org", "a@exa_mple.org", "a@example..org", "a@localhost", "a@x.local",
    "a@test.invalid", "a@123.456", "a@xn--bcher-kva.example", "niccolò@example.it",
    "a@bücher.example", "a@@example.org", "a b@example.org", "Anna <a@example.org>",
    '"quoted"@example.org', "a@[127.0.0.1]", "", "@example.org", "a@",
    f"{'l' * 64}@example.org", f"{'l' * 65}@example.org", f"a@{'d' * 63}.example.org",
    f"a@{'d' * 64}.example.org", f"{'l' * 60}@{'.'.join(['d' * 60] * 3)}.org",
    "ab--cd@example.org", "a@ab--cd.example.org", "a@xn--abc.example.org",
]  # fmt: skip


@pytest.mark.parametrize("address", EMAILS)
def test_the_quick_email_check_says_exactly_what_email_validator_says(address: str) -> None:
    from tracker.domain.contact_fields import normalise_email
    from tracker.services._csv_checks import quick_email

    def outcome(check: object) -> tuple[str, str]:
        try:
            return "ok", check(address)  # type: ignore[operator]
        except ValueError as exc:
            return "error", str(exc)

    assert outcome(quick_email) == outcome(normalise_email)


def test_the_quick_email_check_agrees_on_random_addresses() -> None:
    import random

    from tracker.domain.contact_fields import normalise_email
    from tracker.services._csv_checks import quick_email

    rng = random.Random(5)
    alphabet = "abcXYZ019.-_+'@!#é "
    tlds = ["it", "org", "IT", "c0m", "example", "local", "x"]
    for _ in range(3_000):
        local = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        domain = "".join(rng.choice("abZ09.-_é") for _ in range(rng.randint(0, 10)))
        address = f"{local}@{domain}.{rng.choice(tlds)}"
        try:
            expected: tuple[str, str] = ("ok", normalise_email(address))
        except ValueError as exc:
            expected = ("error", str(exc))
        try:
            got: tuple[str, str] = ("ok", quick_email(address))
        except ValueError as exc:
            got = ("error", str(exc))
        assert got == expected, address
