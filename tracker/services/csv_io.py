"""CSV out and in for organisations, people, events and the contact log.

Export streams a page at a time into a file written atomically (mode 0600), every cell
neutralised against formula injection; ``bom=True`` and ``delimiter=";"`` suit Excel on
an Italian Windows. Import reads what real files look like (see tracker.io.csv_read),
maps the columns (known headers, then overrides), checks every record and writes all of
them or none; ``dry_run`` only says what would happen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.domain.errors import ValidationError
from tracker.i18n import _
from tracker.io.csv_mapping import (
    FIELDS,
    ColumnMapping,
    RecordMaker,
    missing_fields,
    override,
    parse_overrides,
    suggest,
)
from tracker.io.csv_problems import Problem, UnreadableFile
from tracker.io.csv_read import CsvTable, read_table
from tracker.io.csv_write import write_csv
from tracker.services._csv_events import EventImport
from tracker.services._csv_export import EXPORTS
from tracker.services._csv_import import Head, Importer, collector_paused, refused, run_import
from tracker.services._csv_orgs import OrganisationImport
from tracker.services._csv_people import PeopleImport
from tracker.services.dto_io import (
    EXPORT_KINDS,
    IMPORT_KINDS,
    ColumnUse,
    ExportResult,
    ImportReport,
    Progress,
)

DELIMITERS = (",", ";", "\t")


def _uses(mapping: ColumnMapping) -> tuple[ColumnUse, ...]:
    return tuple(ColumnUse(c.header, c.field, c.how) for c in mapping.columns)


def _kind(kind: str, kinds: tuple[str, ...]) -> str:
    if kind not in kinds:
        raise ValidationError(
            {"kind": _("{kind!r} is not one of: {kinds}").format(kind=kind, kinds=", ".join(kinds))}
        )
    return kind


class CsvService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- export ----------------------------------------------------------------------

    def export(
        self, kind: str, path: Path, *, bom: bool = False, delimiter: str = ","
    ) -> ExportResult:
        """Write every record of ``kind`` (orgs, people, events, log) to ``path``."""
        header, rows = EXPORTS[_kind(kind, EXPORT_KINDS)]
        if delimiter not in DELIMITERS:
            raise ValidationError({"delimiter": _("use , ; or a tab")})
        with self._db.read() as session:
            count = write_csv(path, header, rows(session), bom=bom, delimiter=delimiter)
        return ExportResult(kind, path, count)

    # -- import ----------------------------------------------------------------------

    @staticmethod
    def fields(kind: str) -> tuple[str, ...]:
        """The fields a column can be mapped to, for the mapping step."""
        return FIELDS[_kind(kind, IMPORT_KINDS)]

    @staticmethod
    def suggest_mapping(kind: str, header: Iterable[str]) -> tuple[ColumnUse, ...]:
        """What each column would fill without overrides (the TUI's mapping step)."""
        return _uses(suggest(_kind(kind, IMPORT_KINDS), tuple(header)))

    def import_file(
        self,
        kind: str,
        path: Path,
        *,
        mapping: Iterable[str] | Mapping[str, str | None] = (),
        dry_run: bool = False,
        year: int | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Check and import a CSV file of ``kind`` (orgs, people, events).

        ``mapping``: ``"Column=field"`` strings or a {column: field or None} dict. With
        any problem nothing is written: ImportRefused carries the report (a dry run
        returns it instead). ``year``: the plan of events without a year column.
        """
        _kind(kind, IMPORT_KINDS)
        with collector_paused():  # the file's records are many small objects: see there
            return self._import_file(kind, path, mapping, dry_run, year, progress)

    def _import_file(
        self,
        kind: str,
        path: Path,
        mapping: Iterable[str] | Mapping[str, str | None],
        dry_run: bool,
        year: int | None,
        progress: Progress | None,
    ) -> ImportReport:
        try:
            table = read_table(path.read_bytes())
        except UnreadableFile as exc:
            return refused(Head(kind, path.name, problems=exc.problems), dry_run=dry_run)
        chosen, problems = self._mapping(kind, table, mapping)
        head = Head(
            kind,
            path.name,
            columns=_uses(chosen),
            encoding=table.encoding,
            encoding_note=table.encoding_note,
            delimiter=table.delimiter,
        )
        problems += missing_fields(chosen)
        if problems:
            return refused(replace(head, problems=tuple(problems)), dry_run=dry_run)
        make = RecordMaker(chosen)
        records = [(line, make(cells)) for line, cells in table.rows]
        head = replace(head, problems=table.problems)

        def importer(session: Session) -> Importer:
            if kind == "orgs":
                return OrganisationImport(session)
            if kind == "people":
                return PeopleImport(session)
            return EventImport(session, year)

        return run_import(self._db, importer, head, records, dry_run=dry_run, progress=progress)

    @staticmethod
    def _mapping(
        kind: str, table: CsvTable, mapping: Iterable[str] | Mapping[str, str | None]
    ) -> tuple[ColumnMapping, list[Problem]]:
        if isinstance(mapping, Mapping):
            overrides: dict[str, str | None] = dict(mapping)
            problems: list[Problem] = []
        else:
            overrides, problems = parse_overrides(mapping)
        chosen, more = override(suggest(kind, table.header), overrides)
        return chosen, problems + more
