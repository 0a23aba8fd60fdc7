"""The import pipeline shared by every kind of record and by CSV and vCard files.

1. The caller reads the file (tracker.io) into (line, raw fields) records.
2. An importer for the kind checks every record in Python against what it loaded from
   the database once, in chunks (existing names and emails, organisations, countries,
   plans): new, duplicate of #id or of an earlier line, or invalid with its reasons.
3. Any problem refuses the whole import; otherwise the new records are inserted with
   Core ``insert()`` in large executemany batches, in the same single transaction (on
   SQLite compiled once and run by the driver's executemany, values bound per column).

On SQLite the search index's insert triggers cost ~100 µs per row; for large batches they
are dropped inside the transaction and the new rows indexed with one ``INSERT ...
SELECT`` each, then the triggers are put back (a rollback restores them too).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from operator import itemgetter
from typing import Any, Protocol, cast

from sqlalchemy import Insert, Table, func, insert, literal, literal_column, select, text
from sqlalchemy.orm import Session

from tracker.db import fts
from tracker.db.engine import Database
from tracker.domain.contact_rules import fold
from tracker.domain.models import Country
from tracker.i18n import _
from tracker.io.csv_problems import Problem
from tracker.services.dto_io import (
    ColumnUse,
    ImportRefused,
    ImportReport,
    Progress,
    RowOutcome,
)

BATCH = 10_000  # rows per executemany
SET_WISE_AT = 500  # from this many rows on, SQLite's search index is filled set-wise
PROGRESS_EVERY = 2_000
Record = tuple[int, dict[str, str]]


class Importer(Protocol):
    @property
    def organisations_created(self) -> tuple[str, ...]: ...

    def check(self, line: int, raw: dict[str, str]) -> RowOutcome: ...

    def write(self, session: Session, progress: Progress | None, done: int, total: int) -> int: ...


class ImporterFactory(Protocol):
    def __call__(self, session: Session) -> Importer: ...


@dataclass(frozen=True)
class Head:
    """What reading the file found out, for the report (before any record is checked)."""

    kind: str
    source: str
    file_format: str = "csv"
    columns: tuple[ColumnUse, ...] = ()
    problems: tuple[Problem, ...] = ()
    encoding: str = ""
    encoding_note: str = ""
    delimiter: str = ""
    version: str = ""


def stamps(now: datetime) -> dict[str, Any]:
    """The columns every new editable record starts with."""
    return {"created_at": now, "updated_at": now, "version": 1}


_gc_lock = threading.Lock()
_gc_pauses = 0  # imports running with the collector paused
_gc_was_on = False  # the collector's state before the first of them


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while records are checked and written.

    An import holds a few objects per record (outcomes, rows) and frees them by reference
    counting; with 100k records alive each full collection walks all of them again,
    about a sixth of the whole import's time. Concurrent imports share one pause; the
    collector comes back (if it was on) when the last one ends.
    """
    global _gc_pauses, _gc_was_on
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_on = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_on:
                gc.enable()


def run_import(
    db: Database,
    make: ImporterFactory,
    head: Head,
    records: Sequence[Record],
    *,
    dry_run: bool,
    progress: Progress | None = None,
) -> ImportReport:
    """Check every record, then write the new ones, all in one transaction (or none)."""
    total = len(records) if dry_run else 2 * len(records)
    unit_of_work = db.read() if dry_run else db.write()
    with collector_paused(), unit_of_work as session:
        importer = make(session)
        outcomes = []
        for done, (line, raw) in enumerate(records, 1):
            outcomes.append(importer.check(line, raw))
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, total)
        problems = sorted([*head.problems, *(p for o in outcomes for p in o.problems)])
        report = ImportReport(
            kind=head.kind,
            source=head.source,
            file_format=head.file_format,
            encoding=head.encoding,
            encoding_note=head.encoding_note,
            delimiter=head.delimiter,
            columns=head.columns,
            rows=tuple(outcomes),
            problems=tuple(problems),
            dry_run=dry_run,
            organisations_created=importer.organisations_created,
            version=head.version,
        )
        if problems and not dry_run:
            raise ImportRefused(report)
        written = 0
        if not dry_run:
            written = importer.write(session, progress, len(records), total)
        if progress is not None:
            progress(total, total)
    if written:
        report = replace(report, written=written)
    return report


def refused(head: Head, *, dry_run: bool) -> ImportReport:
    """The report of a file that could not be read or mapped: no record was checked."""
    report = ImportReport(
        kind=head.kind,
        source=head.source,
        file_format=head.file_format,
        encoding=head.encoding,
        encoding_note=head.encoding_note,
        delimiter=head.delimiter,
        columns=head.columns,
        rows=(),
        problems=tuple(sorted(head.problems)),
        dry_run=dry_run,
        version=head.version,
    )
    if not dry_run:
        raise ImportRefused(report)
    return report


# -- lookups loaded once ---------------------------------------------------------------

CHUNK = 20_000


def chunked_rows(session: Session, stmt: Any, key: Any) -> Iterator[Any]:
    """Every row of ``stmt``, fetched ``CHUNK`` at a time in ``key`` order (keyset paging)."""
    last: Any = None
    while True:
        page = stmt if last is None else stmt.where(key > last)
        rows = session.execute(page.order_by(key).limit(CHUNK)).all()
        yield from rows
        if len(rows) < CHUNK:
            return
        last = rows[-1][0]


class Countries:
    """Country codes, and English and Italian names that stand for them ("Belgio" → BE)."""

    def __init__(self, session: Session) -> None:
        self.codes: set[str] = set()
        self._names: dict[str, str] = {}
        for code, name_en, name_it in session.execute(
            select(Country.code, Country.name_en, Country.name_it)
        ):
            self.codes.add(code)
            self._names[fold(name_en)] = code
            self._names[fold(name_it)] = code

    def resolve(self, raw: dict[str, str], errors: dict[str, str]) -> None:
        """Put the code in ``raw["country"]``; an unknown country is a field error."""
        typed = raw.get("country", "").strip()
        if not typed:
            return
        code = typed.upper() if len(typed) == 2 else self._names.get(fold(typed))
        if code is None or code not in self.codes:
            errors["country"] = _(
                "{typed!r} is not a country on the list: write its two-letter code "
                "(e.g. BE) or add it with `tracker countries add`"
            ).format(typed=typed)
            raw.pop("country")
            return
        raw["country"] = code


def field_problems(line: int, errors: dict[str, str]) -> tuple[Problem, ...]:
    return tuple(Problem(line, field, message) for field, message in errors.items())


class Lengths:
    """The text columns' limits, checked before PostgreSQL would refuse the whole batch
    (SQLite does not check them at all). ``fields`` names a column as the file does."""

    def __init__(self, table: Table, fields: Mapping[str, str] | None = None) -> None:
        self._limits = [
            (column.name, length, (fields or {}).get(column.name, column.name))
            for column in table.columns
            if isinstance(length := getattr(column.type, "length", None), int)
        ]

    def check(self, row: Mapping[str, Any], errors: dict[str, str]) -> None:
        for column, limit, field in self._limits:
            value = row.get(column)
            if isinstance(value, str) and len(value) > limit and field not in errors:
                errors[field] = _("keep it under {limit} characters").format(limit=limit)


# -- writing -----------------------------------------------------------------------------


def _constant(session: Session, table: Table, column: str, value: Any) -> Any:
    """``value`` rendered into the statement once (a timestamp costs ~8 µs a row as a
    parameter), exactly as the column's type would have bound it."""
    dialect = session.get_bind().dialect
    rendered = literal(value, table.c[column].type).compile(
        dialect=dialect, compile_kwargs={"literal_binds": True}
    )
    return literal_column(str(rendered), table.c[column].type)


def _driver_executemany(
    session: Session, statement: Insert, keys: Iterable[str]
) -> Callable[[Sequence[Mapping[str, Any]]], None] | None:
    """The statement compiled once and run by the driver's own executemany, each value
    bound by its column type's processor (what ``session.execute`` does per row at
    several times the cost). Only for a positional paramstyle (SQLite's ``?``); None
    where the statement's parameters are not exactly the rows' keys."""
    conn = session.connection()
    dialect = conn.dialect
    keys = list(keys)
    compiled = statement.compile(dialect=dialect, column_keys=keys)
    order = compiled.positiontup
    if not compiled.positional or order is None or sorted(order) != sorted(keys):
        return None
    table = cast(Table, statement.table)
    binders = [table.c[key].type.dialect_impl(dialect).bind_processor(dialect) for key in order]
    sql = str(compiled)
    values = itemgetter(*order)

    def run(rows: Sequence[Mapping[str, Any]]) -> None:
        # Column by column, so each processor is mapped over its column in one call.
        columns: list[Iterable[Any]]
        if len(order) == 1:  # itemgetter of one key gives the value, not a tuple
            columns = [list(map(values, rows))]
        else:
            columns = list(zip(*map(values, rows), strict=True))
        for i, bind in enumerate(binders):
            if bind is not None:
                columns[i] = map(bind, columns[i])
        conn.exec_driver_sql(sql, list(zip(*columns, strict=True)))

    return run


def insert_rows(
    session: Session,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    constants: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
    done: int = 0,
    total: int = 0,
) -> int:
    """Insert ``rows`` in batches; return how many. ``constants`` (the same for every row,
    like the timestamps) are written into the statement. Search index kept exact."""
    if not rows:
        return 0
    set_wise = session.get_bind().dialect.name == "sqlite" and len(rows) >= SET_WISE_AT
    triggers: dict[str, str] = {}
    after_id = 0
    if set_wise:
        triggers = fts.insert_triggers_sqlite(session.connection(), table.name)
        set_wise = bool(triggers)
    if set_wise:
        after_id = session.scalar(select(func.max(table.c.id))) or 0
        for name in triggers:
            session.execute(text(f"DROP TRIGGER {name}"))
    statement = insert(table)
    if constants:
        statement = statement.values(
            {name: _constant(session, table, name, value) for name, value in constants.items()}
        )
    run = _driver_executemany(session, statement, rows[0].keys())
    for start in range(0, len(rows), BATCH):
        if run is not None:
            run(rows[start : start + BATCH])
        else:
            session.execute(statement, rows[start : start + BATCH])
        if progress is not None:
            progress(min(total, done + start + BATCH), total)
    if set_wise:
        indexes = {name.removesuffix("_ai") for name in triggers}
        fts.index_rows_after_sqlite(session.connection(), table.name, after_id, indexes)
        for ddl in triggers.values():
            session.execute(text(ddl))
    return len(rows)
