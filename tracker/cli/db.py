"""Creating, seeding, upgrading, backing up and restoring the database."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tracker.cli import serialize
from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import echo_json, echo_table, format_option, note
from tracker.i18n import _

if TYPE_CHECKING:
    from tracker.db.backup import BackupInfo
    from tracker.db.migrate import UpgradeReport
    from tracker.services.dto import SeedReport

PG_BACKUP_HINT = (
    "is a PostgreSQL database: back it up with pg_dump and restore it with pg_restore "
    "(or psql); tracker's own backups are for SQLite files"
)


def _sqlite_file(cli: CliContext) -> Path:
    path = cli.sqlite_path
    if path is None:
        from tracker.db.backup import BackupError

        raise BackupError(f"{cli.where} {PG_BACKUP_HINT}")
    return path


def _check_backup_file(path: Path) -> str | None:
    """The schema revision a backup holds; refuse files that are not tracker databases."""
    import sqlite3

    from tracker.db.backup import BackupError

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            conn.execute("PRAGMA quick_check").fetchone()
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError(
            _("{path} is not a tracker database ({exc})").format(path=path, exc=exc)
        ) from exc
    return rows[0][0] if rows else None


def _backup_json(info: BackupInfo | None) -> dict[str, Any] | None:
    if info is None:
        return None
    return {"path": str(info.path), "tables": info.tables, "rows": info.rows}


def _upgrade_json(report: UpgradeReport | None) -> dict[str, Any]:
    if report is None:
        return {"before": None, "after": None, "backup": None}
    return {"before": report.before, "after": report.after, "backup": _backup_json(report.backup)}


def _seed_text(report: SeedReport) -> str:
    plans = ", ".join(map(str, report.plans_added)) or "none"
    text = (
        f"seeded: {report.countries_added} countries, {report.categories_added} cost items, "
        f"plans added: {plans}"
    )
    if report.plans_skipped:
        text += f"; already there, left alone: {', '.join(map(str, report.plans_skipped))}"
    return text


@click.command()
@click.option("--no-seed", is_flag=True, help="Create the schema only: no countries, no plans.")
@format_option()
@pass_cli
def init(cli: CliContext, no_seed: bool, fmt: str) -> None:
    """Create the database, or bring it to the newest schema."""
    services = cli.open(seed_if_new=not no_seed, quiet=True)
    current, head = services.schema_status()
    report = services.upgrade
    if fmt == "json":
        echo_json(
            {
                "database": cli.where,
                "revision": current,
                "head": head,
                "created": report is not None and report.before is None,
                "upgrade": _upgrade_json(report),
                "seeded": serialize.seed_report(services.seeded) if services.seeded else None,
            }
        )
        return
    click.echo(_("database: {where}").format(where=cli.where))
    if report is not None and report.before is None:
        click.echo(_("created at schema revision {current}").format(current=current))
    elif report is not None and report.changed:
        click.echo(
            _("upgraded from revision {before} to {current}").format(
                before=report.before, current=current
            )
        )
    else:
        click.echo(_("already at the newest schema revision ({current})").format(current=current))
    if report is not None and report.backup is not None:
        click.echo(_("backup taken first: {path}").format(path=report.backup.path))
    if services.seeded is not None:
        click.echo(_seed_text(services.seeded))
    elif report is not None and report.before is None:
        click.echo(_("not seeded: run `tracker seed` to load the countries and the 2018 plan"))


@click.command()
@format_option()
@pass_cli
def seed(cli: CliContext, fmt: str) -> None:
    """Load the countries, cost items and seed plans.

    Safe to run again: what already exists is left alone.
    """
    report = cli.open(seed_if_new=False).seeds.seed()
    if fmt == "json":
        echo_json(serialize.seed_report(report))
    else:
        click.echo(_seed_text(report))


@click.group()
def db() -> None:
    """Schema revisions, backups and restores."""


@db.command()
@format_option()
@pass_cli
def upgrade(cli: CliContext, fmt: str) -> None:
    """Bring the schema to the newest revision (backing up first)."""
    services = cli.open(seed_if_new=False, quiet=True)
    report = services.upgrade
    if fmt == "json":
        echo_json({"database": cli.where, **_upgrade_json(report)})
    elif report is None or not report.changed:
        revision = report.after if report is not None else None
        click.echo(
            _("{where} is already at the newest schema revision ({revision})").format(
                where=cli.where, revision=revision
            )
        )
    else:
        click.echo(
            _("upgraded {where} from {before} to {after}").format(
                where=cli.where, before=report.before, after=report.after
            )
        )
        if report.backup is not None:
            click.echo(_("backup taken first: {path}").format(path=report.backup.path))


@db.command()
@format_option()
@pass_cli
def current(cli: CliContext, fmt: str) -> None:
    """Show the database's schema revision and the newest one."""
    from tracker.db.migrate import head_revision

    path = cli.sqlite_path
    if path is not None and not path.exists():
        revision = None  # do not create a file just to look at it
    else:
        from tracker.services.context import Services

        services = Services.connect(cli.settings)
        try:
            revision = services.schema_status()[0]
        finally:
            services.close()
    head = head_revision()
    if fmt == "json":
        echo_json(
            {
                "database": cli.where,
                "current": revision,
                "head": head,
                "up_to_date": revision == head,
            }
        )
        return
    click.echo(_("database: {where}").format(where=cli.where))
    click.echo(_("current:  {value}").format(value=revision or "(none: no schema yet)"))
    click.echo(_("head:     {head}").format(head=head))
    if revision != head:
        note(_("the database is behind: run `tracker db upgrade` (or any command) to upgrade it"))


@db.command()
@format_option()
@pass_cli
def backup(cli: CliContext, fmt: str) -> None:
    """Take a verified, private copy of the SQLite database."""
    from tracker.db.backup import BackupError, backup_sqlite

    path = _sqlite_file(cli)
    if not path.exists():
        raise BackupError(_("there is no database at {path} to back up").format(path=path))
    settings = cli.settings
    info = backup_sqlite(path, settings.backup_dir, keep=settings.keep_backups)
    if fmt == "json":
        echo_json(_backup_json(info))
    else:
        click.echo(
            _("backup: {path} ({tables} tables, {rows} rows)").format(
                path=info.path, tables=info.tables, rows=info.rows
            )
        )
        click.echo(
            _("keeping the newest {keep_backups} in {backup_dir}").format(
                keep_backups=settings.keep_backups, backup_dir=settings.backup_dir
            )
        )


@db.command("backups")
@format_option(("table", "json", "csv"))
@pass_cli
def list_backups_cmd(cli: CliContext, fmt: str) -> None:
    """List the backups of the SQLite database, newest first."""
    from tracker.db.backup import list_backups

    _sqlite_file(cli)
    rows = []
    for path in list_backups(cli.settings.backup_dir):
        stat = path.stat()
        taken = datetime.fromtimestamp(stat.st_mtime).astimezone()
        rows.append((str(path), taken.isoformat(timespec="seconds"), stat.st_size))
    if fmt == "json":
        echo_json([{"path": p, "modified": t, "bytes": size} for p, t, size in rows])
    elif fmt == "csv":
        from tracker.cli.output import echo_csv

        echo_csv(("path", "modified", "bytes"), rows)
    elif not rows:
        click.echo(_("no backups yet in {backup_dir}").format(backup_dir=cli.settings.backup_dir))
    else:
        echo_table(
            (_("backup"), _("taken"), _("size")),
            [(p, t.replace("T", " "), f"{size / 1024:,.0f} KiB") for p, t, size in rows],
            right=(2,),
        )


@db.command()
@click.argument("backup_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@format_option()
@pass_cli
def restore(cli: CliContext, backup_file: Path, yes: bool, fmt: str) -> None:
    """Replace the data with a backup's.

    BACKUP_FILE must be a tracker database; the current data is backed up first.
    """
    from tracker.db.backup import backup_sqlite, prune_backups, restore_sqlite

    path = _sqlite_file(cli)
    backup_file = backup_file.resolve()
    if backup_file == path.resolve():
        raise click.BadParameter(_("that is the database itself"), param_hint="BACKUP_FILE")
    revision = _check_backup_file(backup_file)
    if not yes:
        click.confirm(
            _("Replace everything in {path} with {backup_file}?").format(
                path=path, backup_file=backup_file
            ),
            abort=True,
            err=True,
        )
    settings = cli.settings
    safety = None
    if path.exists() and path.stat().st_size > 0:
        # No pruning yet: it could delete the very backup being restored.
        keep_all = len(os.listdir(settings.backup_dir)) + 1 if settings.backup_dir.is_dir() else 1
        safety = backup_sqlite(path, settings.backup_dir, label="before-restore", keep=keep_all)
    info = restore_sqlite(backup_file, path)
    prune_backups(settings.backup_dir, max(settings.keep_backups, 1))
    if fmt == "json":
        echo_json(
            {
                "restored": _backup_json(info),
                "revision": revision,
                "safety_backup": _backup_json(safety),
            }
        )
        return
    if safety is not None:
        click.echo(_("safety backup of the current data: {path}").format(path=safety.path))
    click.echo(
        _("restored {path} from {backup_file} ({tables} tables, {rows} rows)").format(
            path=path, backup_file=backup_file, tables=info.tables, rows=info.rows
        )
    )
    from tracker.db.migrate import head_revision

    if revision != head_revision():
        note(
            _("the backup is at schema revision {revision}: the next command upgrades it").format(
                revision=revision
            )
        )
