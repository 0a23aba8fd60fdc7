"""`tracker import csv orgs|people|events FILE`, and the report every import prints.

All or nothing: with any problem nothing is written, every problem is listed on stderr
as ``error: line N: field: message`` and the command exits 1. ``--dry-run`` shows per
record what would happen (new, duplicate of #id, invalid) and writes nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import echo_json, format_option, note
from tracker.i18n import _, ngettext
from tracker.services.dto_io import IMPORT_KINDS, ImportRefused, ImportReport

if TYPE_CHECKING:
    from tracker.services.dto_io import Progress

BAR_FROM = 10_000  # records: shorter files are done before a bar would be read
WHAT = {"orgs": "organisations", "people": "people", "events": "events"}
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}


@click.group("import")
def import_group() -> None:
    """Read records from files other programs write (CSV, vCard)."""


@contextmanager
def progress_bar() -> Iterator[Progress]:
    """A callback for the services that shows a bar on stderr for long imports."""
    bar: Any = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            if total < BAR_FROM:
                return
            bar = click.progressbar(length=total, label="importing", file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def report_json(report: ImportReport) -> dict[str, Any]:
    return {
        "file": report.source,
        "kind": report.kind,
        "format": report.file_format,
        "dry_run": report.dry_run,
        "encoding": report.encoding,
        "encoding_note": report.encoding_note or None,
        "separator": DELIMITERS.get(report.delimiter),
        "columns": [{"header": c.header, "field": c.field, "how": c.how} for c in report.columns],
        "rows": [
            {
                "line": r.line,
                "status": r.status,
                "name": r.label,
                "duplicate_of": r.duplicate_of,
                "same_as_line": r.same_as_line,
                "problems": [str(p) for p in r.problems],
            }
            for r in report.rows
        ],
        "new": report.new,
        "duplicates": report.duplicates,
        "invalid": report.invalid,
        "written": report.written,
        "organisations_created": list(report.organisations_created),
        "problems": [str(p) for p in report.problems],
    }


def _describe_file(report: ImportReport) -> str:
    parts = [f"vCard {report.version}".strip() if report.file_format == "vcard" else "CSV"]
    if report.encoding:
        parts.append(report.encoding)
    if report.delimiter:
        parts.append(f"{DELIMITERS.get(report.delimiter, report.delimiter)}-separated")
    return f"{report.source} ({', '.join(parts)})"


def echo_preview(report: ImportReport) -> None:
    click.echo(_("file: {describe_file}").format(describe_file=_describe_file(report)))
    if report.encoding_note:
        note(report.encoding_note)
    if report.columns:
        click.echo(_("columns:"))
        width = max(len(c.header) for c in report.columns)
        for c in report.columns:
            target = f"→ {c.field}" if c.field else "(not imported)"
            how = f"  [{c.how}]" if c.field and c.how != "known header" else ""
            click.echo(f"  {c.header or '(no header)':<{width}}  {target}{how}")
    for r in report.rows:
        click.echo(
            _("line {line}: {value}: {describe}").format(
                line=r.line, value=r.label or "(no name)", describe=r.describe()
            )
        )
    what = WHAT[report.kind]
    click.echo(
        _("{new} new {what}, {duplicates} duplicates to skip, {invalid} invalid").format(
            new=report.new, what=what, duplicates=report.duplicates, invalid=report.invalid
        )
    )
    if report.organisations_created:
        shown = ", ".join(report.organisations_created)
        click.echo(_("organisations to create: {shown}").format(shown=shown))


def echo_problems(report: ImportReport) -> None:
    for p in report.problems:
        click.echo(_("error: {p}").format(p=p), err=True)
    count = len(report.problems)
    click.echo(
        ngettext(
            "error: nothing was imported: {count} problem to fix before importing again",
            "error: nothing was imported: {count} problems to fix before importing again",
            count,
        ).format(count=count),
        err=True,
    )


def echo_done(report: ImportReport) -> None:
    what = WHAT[report.kind]
    click.echo(
        _("imported {written} {what} from {describe_file}").format(
            written=report.written, what=what, describe_file=_describe_file(report)
        )
    )
    if report.encoding_note:
        note(report.encoding_note)
    if report.organisations_created:
        click.echo(
            _("new organisations: {organisations_created}").format(
                organisations_created=", ".join(report.organisations_created)
            )
        )
    skipped = [r for r in report.rows if r.status == "duplicate"]
    if skipped:
        click.echo(_("skipped {count} duplicates:").format(count=len(skipped)))
        for r in skipped:
            click.echo(
                _("  line {line}: {label}: {describe}").format(
                    line=r.line, label=r.label, describe=r.describe()
                )
            )


def run_and_report(run: Callable[[Progress], ImportReport], *, dry_run: bool, fmt: str) -> None:
    """Run an import, print its report or its problems, and exit 1 if it was refused."""
    ctx = click.get_current_context()
    try:
        with progress_bar() as progress:
            report = run(progress)
    except ImportRefused as exc:
        report = exc.report
    if fmt == "json":
        echo_json(report_json(report))
    elif dry_run:
        echo_preview(report)
    elif report.ok:
        echo_done(report)
    if not report.ok:
        echo_problems(report)
        ctx.exit(1)


@import_group.command("csv")
@click.argument("kind", type=click.Choice(IMPORT_KINDS, case_sensitive=False))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check and show what would happen; write nothing.")
@click.option(
    "--map",
    "mapping",
    multiple=True,
    metavar='"Column=field"',
    help='Read a column into a field ("Ragione sociale=name"); "Column=" leaves it out. '
    "Repeatable.",
)
@click.option("--year", type=int, help="Events: the plan they join (default: the newest plan).")
@format_option()
@pass_cli
def import_csv(
    cli: CliContext,
    kind: str,
    file: Path,
    dry_run: bool,
    mapping: tuple[str, ...],
    year: int | None,
    fmt: str,
) -> None:
    """Import organisations, people or events from a CSV file.

    Reads Excel's CSV (";" or ",", cp1252 or UTF-8 with BOM), Google Contacts and
    Outlook exports. Known column names are mapped by themselves (English and Italian);
    --dry-run shows the mapping and what happens to each line. Duplicates of records
    already in the database are skipped; any invalid line refuses the whole file.

    \b
    Fields: orgs    name kind country city website eccp_url stage tags notes
            people  name (or first_name middle_name last_name) organisation role
                    email phone languages staff consent consent_source consent_date notes
            events  year name kind country city start end organiser url status
                    priority placeholder why notes uid
    """
    service = cli.services.csv
    run_and_report(
        lambda progress: service.import_file(
            kind.lower(), file, mapping=mapping, dry_run=dry_run, year=year, progress=progress
        ),
        dry_run=dry_run,
        fmt=fmt,
    )
