"""The CLI in Italian and English: messages, headers, money, dates; JSON stays neutral."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli import cli


@pytest.fixture
def tracker(tmp_path: Path):  # type: ignore[no-untyped-def]
    """``tracker --db <file> ARGS`` with the 2018 plan, the environment's language unset."""
    db = str(tmp_path / "t.db")
    base = {"TRACKER_DATA_DIR": str(tmp_path / "data"), "TRACKER_DATABASE_URL": None}
    base |= {"TRACKER_LANG": None, "LANG": "C.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}
    base |= {"LANGUAGE": None}

    def run(*args: str, env: dict[str, str | None] | None = None, code: int = 0) -> Result:
        result = CliRunner().invoke(cli, ["--db", db, *args], env=base | (env or {}))
        assert result.exit_code == code, result.output
        return result

    run("init")
    return run


def test_lang_it_prints_italian_tables_money_and_dates(tracker) -> None:  # type: ignore[no-untyped-def]
    out = tracker("--lang", "it", "budget", "--year", "2018").stdout
    assert "Voce di costo" in out
    assert "Paese 1 · Belgio" in out
    assert "5.000,00 €" in out
    assert "Tetti sugli importi previsti (paesi europei / extra-europei):" in out
    events = tracker("--lang", "it", "events", "list", "--year", "2018").stdout
    assert "quando" in events.splitlines()[0] and "stato" in events.splitlines()[0]
    assert "25/10/2018" in events
    assert "candidato" in events  # the status, in Italian


def test_lang_en_prints_english(tracker) -> None:  # type: ignore[no-untyped-def]
    out = tracker("--lang", "en", "budget", "--year", "2018").stdout
    assert "Cost item" in out
    assert "Country 1 · Belgium" in out
    assert "€5,000.00" in out
    assert "5.000,00 €" not in out
    assert "Caps on the planned amounts (European vs extra-European countries):" in out


def test_the_locale_picks_italian_and_tracker_lang_overrides_it(tracker) -> None:  # type: ignore[no-untyped-def]
    italian = tracker("budget", env={"LANG": "it_IT.UTF-8"}).stdout
    assert "5.000,00 €" in italian and "Voce di costo" in italian
    english = tracker("budget", env={"LANG": "it_IT.UTF-8", "TRACKER_LANG": "en"}).stdout
    assert "€5,000.00" in english
    assert "Voce di costo" in tracker("budget", env={"TRACKER_LANG": "it"}).stdout


def test_errors_and_help_in_italian(tracker) -> None:  # type: ignore[no-untyped-def]
    failed = tracker("--lang", "it", "events", "show", "no such event", code=1)
    assert failed.stderr.startswith("errore: nessun evento corrisponde a 'no such event'")
    failed = tracker("--lang", "en", "events", "show", "no such event", code=1)
    assert failed.stderr.startswith("error: no event matches 'no such event'")
    bad_date = ("events", "add", "--year", "2018", "--name", "X", "--start", "31/02/2018")
    failed = tracker("--lang", "it", *bad_date, code=1)
    assert '"31/02/2018" non è una data reale: febbraio 2018 ha 28 giorni' in failed.stderr
    failed = tracker("--lang", "it", "budget", "set", "--year", "2018", "--country", "BE",
                     "--category", "travel", "--amount", "1.200", code=1)  # fmt: skip
    assert "è ambiguo" in failed.stderr
    help_it = tracker("--lang", "it", "--help").stdout
    assert "Pianifica" in help_it and "--lang [it|en]" in help_it
    assert "Plan, run and account" in tracker("--lang", "en", "--help").stdout


def test_the_report_language_follows_the_chosen_one(tracker, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    italian, english = tmp_path / "it.md", tmp_path / "en.md"
    tracker("--lang", "it", "report", "plan", "--year", "2018", "-o", str(italian))
    tracker("--lang", "en", "report", "plan", "--year", "2018", "-o", str(english))
    assert "25 ottobre 2018" in italian.read_text()
    assert "25 October 2018" in english.read_text()
    forced = tmp_path / "forced.md"
    tracker("--lang", "it", "report", "plan", "--year", "2018", "--lang", "en", "-o", str(forced))
    assert "25 October 2018" in forced.read_text()


@pytest.mark.parametrize(
    "args",
    [
        ("budget", "--year", "2018"),
        ("budget", "--year", "2018", "--lines"),
        ("events", "list", "--year", "2018"),
        ("events", "show", "1"),
        ("plans", "show", "--year", "2018"),
        ("countries", "list"),
        ("followups",),
    ],
)
def test_json_is_the_same_in_both_languages(tracker, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    italian = tracker("--lang", "it", *args, "--format", "json").stdout
    english = tracker("--lang", "en", *args, "--format", "json").stdout
    assert italian == english
    assert "€" not in italian


def test_json_of_a_change_with_a_warning_is_english_in_both(tracker) -> None:  # type: ignore[no-untyped-def]
    """A warning travels inside the JSON: a run asking for JSON speaks English."""
    link = ("events", "link", "3", "--category", "travel", "--amount", "5000,01")
    italian = tracker("--lang", "it", *link, "--format", "json")
    assert "€5,000.01" in italian.stdout and "over the line" in italian.stdout
    assert "5.000,01 €" not in italian.stdout + italian.stderr
    text = tracker("--lang", "it", *link)
    assert "impegnati su BE travel" in text.stdout and "oltre la voce" in text.stderr
