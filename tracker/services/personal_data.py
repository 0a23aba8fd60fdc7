"""GDPR: everything we hold about one person (art. 15/20), and erasing them (art. 17).

Both walk the model's metadata rather than a list of tables, so a table added later is
covered without anyone remembering to: every table with a foreign key to ``people`` is
exported (with the rows those links point to), and every text column of every table is
searched for the person's name and e-mail ("mentions" in notes and summaries).

Erasing anonymises instead of deleting: the person's row stays, under an id recorded in
``erasures`` (and never reused: AUTOINCREMENT), so contact-log entries keep their dates
and organisations and budgets keep their totals. On SQLite the freed bytes are then
overwritten (secure_delete, a rebuild of the search index, VACUUM and a WAL checkpoint),
so the name and e-mail are gone from the database files themselves.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    RowMapping,
    String,
    Table,
    Text,
    func,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from tracker.db import fts
from tracker.db.base import Base
from tracker.db.engine import BUSY_TIMEOUT_MS, Database
from tracker.domain.enums import ConsentStatus
from tracker.domain.models import Erasure, Person
from tracker.i18n import _
from tracker.io.atomic import write_text_atomic
from tracker.services import _lookup_partners as find

ERASED = "[erased]"
FORMAT = "tracker personal data export 1"
MIN_NEEDLE = 4  # shorter names would match too much text to be a mention
SCRUB_WAIT_MS = 1_000


@dataclass(frozen=True)
class PersonalDataExport:
    path: Path
    size: int
    person_id: int
    rows: Mapping[str, int]  # table → rows written about the person


@dataclass(frozen=True)
class ErasureReport:
    person_id: int
    label: str  # the name the row now carries
    mentions: int  # text cells elsewhere from which the name or e-mail was removed
    scrubbed: bool  # SQLite: the database files were rewritten (False on PostgreSQL)
    checkpointed: bool  # SQLite: the WAL was emptied (False when another program held it)


def person_tables() -> list[tuple[Table, list[Column[Any]]]]:
    """Every table with a foreign key to ``people``, with the columns holding it."""
    people = Base.metadata.tables["people"]
    found = []
    for table in Base.metadata.sorted_tables:
        columns = [fk.parent for fk in table.foreign_keys if fk.column.table is people]
        if columns and table is not people:
            found.append((table, columns))
    return found


def _text_columns(table: Table) -> list[Column[Any]]:
    return [
        c
        for c in table.columns
        if isinstance(c.type, String | Text) and not c.foreign_keys and c.name != "uid"
    ]


def _plain(value: object) -> object:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _row(row: RowMapping) -> dict[str, object]:
    return {str(key): _plain(value) for key, value in row.items()}


def _needles(person: Person) -> list[str]:
    return [n for n in (person.full_name.strip(), person.email.strip()) if len(n) >= MIN_NEEDLE]


def _mentioning(table: Table, needles: list[str]) -> Any:
    columns = _text_columns(table)
    if not columns or not needles:
        return None
    return or_(
        *(func.lower(c).contains(n.lower(), autoescape=True) for c in columns for n in needles)
    )


def _mentions(session: Session, needles: list[str], person_id: int) -> Iterator[tuple[Table, Any]]:
    """Rows of any table (other people included) whose text names the person."""
    for table in Base.metadata.sorted_tables:
        where = _mentioning(table, needles)
        if where is None:
            continue
        if table.name == "people":  # their own row is the record itself, not a mention
            where = where & (table.c.id != person_id)
        for row in session.execute(select(table).where(where)).mappings():
            yield table, row


class PersonalDataService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def document(self, ref: find.Ref) -> dict[str, Any]:
        """Everything held about the person, as plain JSON-ready data."""
        with self._db.read() as session:
            person = find.person_by_ref(session, ref)
            return self._document(session, person)

    def _document(self, session: Session, person: Person) -> dict[str, Any]:
        people = Base.metadata.tables["people"]
        me = session.execute(select(people).where(people.c.id == person.id)).mappings().one()
        doc: dict[str, Any] = {
            "format": FORMAT,
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "person": _row(me),
            "refers_to": {},
            "linked": {},
            "context": {},
            "mentions": {},
        }
        for fk in people.foreign_keys:  # the organisation the person belongs to
            value = me[fk.parent.name]
            if value is not None:
                parent = fk.column.table
                parents = session.execute(select(parent).where(fk.column == value)).mappings()
                doc["refers_to"].setdefault(parent.name, []).extend(_row(r) for r in parents)
        seen = {"people"}
        for table, columns in person_tables():
            where = or_(*(c == person.id for c in columns))
            rows = list(session.execute(select(table).where(where)).mappings())
            doc["linked"][table.name] = [_row(r) for r in rows]
            seen.add(table.name)
            for fk in table.foreign_keys:  # what a link row points to: the entry, the mission
                parent = fk.column.table
                ids = {r[fk.parent.name] for r in rows} - {None}
                if parent is people or not ids:
                    continue
                context = session.execute(select(parent).where(fk.column.in_(ids))).mappings()
                doc["context"].setdefault(parent.name, []).extend(_row(r) for r in context)
        for table, row in _mentions(session, _needles(person), person.id):
            doc["mentions"].setdefault(table.name, []).append(_row(row))
        return doc

    def export(self, ref: find.Ref, path: Path) -> PersonalDataExport:
        """Write the person's data as JSON (atomically, mode 0600)."""
        doc = self.document(ref)
        written = write_text_atomic(
            Path(path), json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
        )
        rows = {"people": 1}
        for part in ("refers_to", "linked", "context", "mentions"):
            for table, table_rows in doc[part].items():
                rows[table] = rows.get(table, 0) + len(table_rows)
        return PersonalDataExport(written.path, written.size, int(doc["person"]["id"]), rows)

    def erase(self, ref: find.Ref) -> ErasureReport:
        """Anonymise the person everywhere; keep only their id, in ``erasures``."""
        sqlite = self._db.is_sqlite
        with self._db.write() as session:
            if sqlite:
                session.execute(text("PRAGMA secure_delete = ON"))
            person = find.person_by_ref(session, ref)
            needles = _needles(person)
            mentions = self._remove_mentions(session, needles, person.id)
            label = _("Erased person #{id}").format(id=person.id)
            person.full_name = label
            person.organisation_id = None
            person.role = person.email = person.phone = person.languages = ""
            person.notes = person.consent_source = ""
            person.consent = ConsentStatus.WITHDRAWN
            person.consent_date = None
            session.add(Erasure(person_id=person.id))
            session.flush()
            person_id = person.id
        scrubbed, checkpointed = self._scrub_sqlite() if sqlite else (False, False)
        return ErasureReport(person_id, label, mentions, scrubbed, checkpointed)

    @staticmethod
    def _remove_mentions(session: Session, needles: list[str], person_id: int) -> int:
        if not needles:
            return 0
        pattern = re.compile("|".join(re.escape(n) for n in needles), re.IGNORECASE)
        changed = 0
        for table, row in list(_mentions(session, needles, person_id)):
            key = {c.name: row[c.name] for c in table.primary_key.columns}
            values: dict[str, object] = {}
            for column in _text_columns(table):
                value = row[column.name]
                if isinstance(value, str) and pattern.search(value):
                    values[column.name] = pattern.sub(ERASED, value)
            if not values:
                continue
            if "version" in table.c:  # an open form on this row must see it changed
                values["version"] = table.c.version + 1
            where = [table.c[name] == value for name, value in key.items()]
            session.execute(update(table).where(*where).values(values))
            changed += len(values) - ("version" in values)
        return changed

    def _scrub_sqlite(self) -> tuple[bool, bool]:
        """Overwrite what the erasure freed: index rebuilt, VACUUM, WAL emptied.

        The erasure itself is committed by then; another program holding the database
        can only delay the overwrite (False), which running the erasure again completes.
        """
        with self._db.engine.connect() as conn:
            with conn.begin():
                fts.rebuild_sqlite(conn)
            _autocommit(conn, "PRAGMA secure_delete = ON")
            _autocommit(conn, f"PRAGMA busy_timeout = {SCRUB_WAIT_MS}")  # do not hang long
            try:
                _autocommit(conn, "VACUUM")
                busy = _autocommit(conn, "PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.OperationalError:
                return False, False
            finally:
                _autocommit(conn, f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return True, busy == 0


def _autocommit(conn: Connection, sql: str) -> int:
    """Run outside any transaction (VACUUM and checkpoints need that); the first value."""
    raw = conn.connection.dbapi_connection
    assert raw is not None
    row = raw.execute(sql).fetchone()
    return int(row[0]) if row else 0


def erasures(db: Database) -> list[tuple[int, datetime]]:
    with db.read() as session:
        rows = session.execute(select(Erasure.person_id, Erasure.erased_at).order_by(Erasure.id))
        return [(r.person_id, r.erased_at) for r in rows]
