"""The root command, countries, expenses, and the promises every command keeps."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import click
import pytest
from cli_invoker import Invoker
from click.testing import CliRunner

from tracker.cli import cli
from tracker.config import Settings


def test_no_command_opens_the_tui(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    opened: list[Settings] = []
    fake = types.ModuleType("tracker.tui.app")
    fake.run = opened.append  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tracker.tui.app", fake)
    db = tmp_path / "tui.db"
    result = CliRunner().invoke(cli, ["--db", str(db)])
    assert result.exit_code == 0, result.output
    assert [s.database_url for s in opened] == [f"sqlite:///{db}"]
    from_env = CliRunner().invoke(cli, [], env={"TRACKER_DATABASE_URL": str(tmp_path / "e.db")})
    assert from_env.exit_code == 0
    assert opened[-1].database_url == f"sqlite:///{tmp_path / 'e.db'}"


def _fresh_process(argv: list[str], report: str) -> str:
    """Run ``tracker`` with these arguments in a new interpreter, then print ``report``."""
    code = (
        "import sys\n"
        "from tracker.cli import main\n"
        f"sys.argv = {['tracker', *argv]!r}\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print({report})\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout


def test_help_is_fast_because_nothing_heavy_is_imported() -> None:
    out = _fresh_process(
        ["--help"],
        "'HEAVY', [m for m in 'sqlalchemy alembic textual dateutil'.split() if m in sys.modules]",
    )
    assert "Usage: tracker" in out
    assert "HEAVY []" in out


def test_a_command_imports_its_own_module_only() -> None:
    out = _fresh_process(
        ["search", "--help"], "sorted(m for m in sys.modules if m.startswith('tracker.cli.'))"
    )
    assert "Usage: tracker search" in out
    assert "'tracker.cli.search'" in out
    assert "'tracker.cli.events'" not in out and "'tracker.cli.budget'" not in out


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):  # the root imports its commands on demand
        command = group.get_command(ctx, name)
        assert command is not None, name
        found.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            found += _commands(command, f"{prefix}{name} ")
    return found


@pytest.mark.parametrize(("name", "command"), _commands(cli), ids=lambda x: str(x))
def test_every_command_accepts_format_json(name: str, command: click.Command) -> None:
    if isinstance(command, click.Group) and not command.invoke_without_command:
        return  # a plain group only lists its commands
    option = next((p for p in command.params if p.name == "fmt"), None)
    assert option is not None, f"{name} has no --format"
    assert isinstance(option.type, click.Choice) and "json" in option.type.choices


PARTNER_COMMANDS = [
    "orgs list", "orgs add", "orgs show", "orgs edit", "orgs delete", "orgs move",
    "orgs board", "orgs timeline", "orgs tag",
    "people list", "people add", "people show", "people edit", "people delete",
    "people timeline",
    "log add", "log list", "log show", "log delete",
    "followups", "followups done", "followups reopen",
    "calls list", "calls add", "calls show", "calls deadline-add", "calls deadline-remove",
    "consortia list", "consortia add", "consortia show", "consortia member-add",
    "consortia member-remove", "consortia status",
    "search",
    "duplicates people", "duplicates orgs", "duplicates merge-people", "duplicates merge-orgs",
]  # fmt: skip
PAGED = [
    "orgs list", "people list", "log list", "followups", "calls list", "consortia list",
    "duplicates people", "duplicates orgs",
]  # fmt: skip


def test_the_partner_commands_are_all_there() -> None:
    known = {name for name, _ in _commands(cli)}
    assert [name for name in PARTNER_COMMANDS if name not in known] == []


@pytest.mark.parametrize("name", PAGED)
def test_list_commands_page_their_json_and_say_so(name: str) -> None:
    command = dict(_commands(cli))[name]
    assert '"rows"' in (command.help or "")
    assert {"limit", "offset", "fmt"} <= {p.name for p in command.params}
    formats = next(p.type for p in command.params if p.name == "fmt")
    assert isinstance(formats, click.Choice) and list(formats.choices) == ["table", "json", "csv"]


def test_database_errors_are_one_line_never_a_traceback(tmp_path: Path) -> None:
    runner = CliRunner()
    cases = {
        "nosuchdialect://x": "error: bad database URL",
        "postgresql+psycopg://nobody@127.0.0.1:1/none": "error: cannot use the database:",
        str(tmp_path / "file" / "x.db"): "error: ",
    }
    (tmp_path / "file").write_text("a file where a folder should be")
    for db, message in cases.items():
        result = runner.invoke(cli, ["--db", db, "plans", "list"])
        assert result.exit_code == 1, (db, result.output)
        assert result.stderr.startswith(message), result.stderr
        assert len(result.stderr.splitlines()) == 1
        assert "Traceback" not in result.output
        assert result.stdout == ""


def test_usage_errors_keep_exit_code_2(run: Invoker) -> None:
    assert "No such command" in run.fails("nonsense", code=2).stderr
    assert "Missing option '--year'" in run.fails("budget", "set", "--country", "BE", code=2).stderr


def test_countries(run: Invoker) -> None:
    european = run.json("countries", "list", "--europe", "--no-eu")
    codes = [c["code"] for c in european]
    assert {"CH", "GB", "NO"} <= set(codes) and "BE" not in codes
    extra = run.json("countries", "list", "--no-europe")
    assert "US" in [c["code"] for c in extra]
    table = run("countries", "list", "--eu").stdout
    assert "BE    Belgium" in table and "27 countries" in table
    assert run("countries", "list", "--format", "csv").stdout.startswith(
        "code,name_en,name_it,eu,in_europe\nAD,Andorra,Andorra,0,1\n"
    )
    added = run.json("countries", "add", "xk", "--name-en", "Kosovo", "--europe")
    assert added == {
        "code": "XK",
        "name": "Kosovo",
        "name_it": "Kosovo",
        "eu": False,
        "in_europe": True,
    }
    member = run("countries", "add", "QZ", "--name-en", "Testland", "--eu").stdout
    assert "EU member" in member  # --eu implies --europe
    assert run.fails("countries", "add", "XK", "--name-en", "Kosovo").stderr == (
        "error: XK is already on the list\n"
    )
    bad = run.fails("countries", "add", "XYZ", "--name-en", " ", "--eu", "--no-europe")
    assert bad.stderr.splitlines() == [
        "error: code: 'XYZ' is not a two-letter ISO code",
        "error: name: a country needs a name",
        "error: eu: an EU member is a European country",
    ]


def test_expenses(run: Invoker) -> None:
    added = run(
        "expenses", "add", "--year", "2018", "--country", "BE", "--category", "travel",
        "--amount", "350,50", "--date", "25/10/2018", "--event", "Cluster partnering",
        "--description", "Train Bologna–Bruxelles", "--supplier", "Trenitalia",
    )  # fmt: skip
    assert "expense #1: €350.50 on BE travel, 25/10/2018 for #3 Cluster partnering event" in (
        added.stdout
    )
    assert "remaining €4,649.50" in added.stdout
    second = run.json(
        "expenses", "add", "--year", "2018", "--country", "US", "--category", "event_fees",
        "--amount", "1.000,01", "--date", "1 Nov 2018",
    )  # fmt: skip
    assert second["date"] == "2018-11-01" and second["line"]["remaining"] == "-0.01"
    assert second["warning"] == "US event_fees has now spent €1,000.01 of €1,000.00 planned"

    listed = run.json("expenses", "list", "--year", "2018")
    assert [(e["id"], e["amount"], e["event_id"]) for e in listed] == [
        (1, "350.50", 3),
        (2, "1000.01", None),
    ]
    assert len(run.json("expenses", "list", "--country", "us")) == 1
    table = run("expenses", "list").stdout
    assert "Trenitalia" in table and "€1,350.51" in table
    assert run("expenses", "list", "--format", "csv").stdout.splitlines()[1] == (
        "1,2018-10-25,BE,travel,350.50,Train Bologna–Bruxelles,Trenitalia,3"
    )
    actual = run.json("budget")["countries"][1]["actual"]
    assert actual["event_fees"] == "1000.01"

    wrong_event = run.fails(
        "expenses", "add", "--year", "2018", "--country", "US", "--category", "travel",
        "--amount", "1", "--date", "2018-10-25", "--event", "EUREGA",
    )  # fmt: skip
    assert "'EUREGA' is not an event of US in the 2018 plan" in wrong_event.stderr
    bad_date = run.fails(
        "expenses", "add", "--year", "2018", "--country", "BE", "--category", "travel",
        "--amount", "1", "--date", "25/10/18",
    )  # fmt: skip
    assert "two-digit year" in bad_date.stderr
    assert len(run.json("expenses", "list")) == 2

    assert run("expenses", "delete", "1").stdout == "deleted expense #1\n"
    assert run.fails("expenses", "delete", "1").stderr == "error: there is no expense #1\n"
    assert [e["id"] for e in run.json("expenses", "list")] == [2]
