"""Guarantee 8: a person's data can be exported whole and erased for good."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import inspect

from tests.reliability.harness import PARTNERING, brussels_week_with_money
from tracker.cli import cli
from tracker.config import Settings
from tracker.services.context import Services
from tracker.services.personal_data import erasures, person_tables

NAME = "Annalisa Zanzibar"
EMAIL = "annalisa.zanzibar@biowin.example"


def _anna(services: Services) -> int:
    org = services.organisations.create({"name": "BioWin", "country": "BE"})
    anna = services.people.create(
        {"name": NAME, "organisation": org.id, "email": EMAIL, "phone": "+32 470 12 34 56",
         "role": "Cluster manager", "notes": "prefers mornings"}
    ).id  # fmt: skip
    services.people.create(
        {"name": "Marco Bianchi", "organisation": org.id, "notes": f"works with {NAME}"}
    )
    services.contact_log.add(
        {"summary": f"Met {NAME} ({EMAIL}) at the stand", "follow_up": "send deck"},
        people=[anna],
        organisations=[org.id],
        event=PARTNERING,
    )
    brussels_week_with_money(services, [anna])
    return anna


def test_every_table_pointing_at_people_is_in_the_export(services: Services) -> None:
    """Read from the database itself, so a table the metadata walk missed would show."""
    anna = _anna(services)
    doc = services.personal_data.document(anna)
    in_db = {
        table
        for table in inspect(services.db.engine).get_table_names()
        for fk in inspect(services.db.engine).get_foreign_keys(table)
        if fk["referred_table"] == "people"
    }
    assert in_db == {"interaction_people", "mission_participants"}
    assert in_db == {t.name for t, _ in person_tables()}
    assert set(doc["linked"]) == in_db
    assert doc["person"]["full_name"] == NAME and doc["person"]["email"] == EMAIL
    assert [o["name"] for o in doc["refers_to"]["organisations"]] == ["BioWin"]
    assert len(doc["linked"]["interaction_people"]) == 1
    assert doc["context"]["interactions"][0]["follow_up"] == "send deck"
    assert doc["context"]["missions"][0]["title"] == "Brussels week"
    assert doc["mentions"]["interactions"][0]["summary"].startswith(f"Met {NAME}")
    assert [p["full_name"] for p in doc["mentions"]["people"]] == ["Marco Bianchi"]
    json.dumps(doc)  # plain data


def test_erasure_anonymises_everywhere_and_keeps_dates_orgs_and_money(services: Services) -> None:
    anna = _anna(services)
    budget_before = services.budget.table(2018).figures
    report = services.personal_data.erase(anna)
    assert report.person_id == anna and report.mentions == 2
    person = services.people.get(anna)
    assert person.full_name == f"Erased person #{anna}"
    assert (person.email, person.phone, person.role, person.notes) == ("", "", "", "")
    assert services.budget.table(2018).figures == budget_before
    doc = services.personal_data.document(anna)
    entry = doc["context"]["interactions"][0]
    assert entry["occurred_on"] == "2018-10-25" and entry["follow_up"] == "send deck"
    assert NAME not in json.dumps(doc) and EMAIL not in json.dumps(doc)
    assert "[erased]" in entry["summary"]
    with services.db.read() as session:
        from tracker.domain.models import InteractionOrganisation

        assert session.query(InteractionOrganisation).count() == 1
    assert [pid for pid, _ in erasures(services.db)] == [anna]
    assert services.search.search("Zanzibar").hits == ()


def _grep(folder: Path, *needles: str) -> list[str]:
    found = []
    for path in folder.iterdir():
        if path.is_file():
            data = path.read_bytes()
            for needle in needles:
                for encoded in (needle.encode(), needle.lower().encode()):
                    if encoded in data:
                        found.append(f"{path.name}: {needle}")
    return found


def test_after_erasure_the_name_is_nowhere_in_the_database_files(tmp_path: Path) -> None:
    settings = Settings.load(env={"TRACKER_DATA_DIR": str(tmp_path / "data")})
    services = Services.open(settings)
    try:
        anna = _anna(services)
        # churn, so old versions of pages sit in the WAL and the free list
        for i in range(30):
            services.people.update(anna, {"notes": f"{NAME} note {i}"})
        assert _grep(settings.data_dir, NAME, EMAIL)
        report = services.personal_data.erase(anna)
        assert report.scrubbed and report.checkpointed
        assert _grep(settings.data_dir, NAME, EMAIL, "Zanzibar") == []
        # the app goes on working on the rewritten file
        services.people.create({"name": "New Person"})
        assert services.people.get(anna).full_name == f"Erased person #{anna}"
    finally:
        services.close()
    assert _grep(settings.data_dir, NAME, EMAIL, "Zanzibar") == []


def test_an_erased_persons_id_is_never_given_to_someone_new(sqlite_services: Services) -> None:
    services = sqlite_services
    last = services.people.create({"name": "Last One"})
    services.personal_data.erase(last.id)
    services.people.delete(last.id)
    assert services.people.create({"name": "Newcomer"}).id > last.id


def test_cli_export_data_and_erase(tmp_path: Path) -> None:
    env = {"TRACKER_DATA_DIR": str(tmp_path / "data"), "TRACKER_DATABASE_URL": None}
    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> str:
        result = runner.invoke(cli, list(args), env=env, input=input, prog_name="tracker")
        assert result.exit_code == 0, result.output
        return result.output

    run("init")
    run("people", "add", NAME, "--email", EMAIL)
    out = tmp_path / "anna.json"
    assert "wrote" in run("people", "export-data", NAME, "-o", str(out))
    assert json.loads(out.read_text())["person"]["email"] == EMAIL
    refused = runner.invoke(cli, ["people", "erase", NAME], env=env, input="n\n")
    assert refused.exit_code == 1 and "Erase #" in refused.output
    assert EMAIL in run("people", "show", NAME)
    said = json.loads(run("people", "erase", NAME, "--yes", "--format", "json"))
    assert said["label"].startswith("Erased person #") and said["files_rewritten"]
    missing = runner.invoke(cli, ["people", "show", NAME], env=env)
    assert missing.exit_code == 1 and "error:" in missing.output


def test_erasing_while_another_program_reads_finishes_on_the_second_try(
    sqlite_services: Services,
) -> None:
    import sqlite3

    services = sqlite_services
    anna = _anna(services)
    reader = sqlite3.connect(services.db.engine.url.database or "")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM people").fetchone()  # holds a snapshot
    first = services.personal_data.erase(anna)
    assert services.people.get(anna).full_name == f"Erased person #{anna}"  # erased anyway
    assert not (first.scrubbed and first.checkpointed)
    reader.close()
    second = services.personal_data.erase(anna)
    assert second.scrubbed and second.checkpointed
