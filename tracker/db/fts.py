"""The search index: its DDL as data, and the functions that install, check and repair it.

SQLite: one FTS5 external-content table per searchable table (``<table>_fts``: word and
prefix search, accents folded) plus a trigram table on the name-like columns
(``<table>_tri``: substrings), both kept in sync by the triggers of the FTS5 manual's
external-content pattern. A batch migration rebuilds a table and silently drops its
triggers, so ``upgrade_to_head`` calls :func:`repair_sqlite` after every upgrade.

PostgreSQL: one GIN index per table on a weighted ``tsvector`` expression, plus GIN
trigram indexes on the name-like columns when ``pg_trgm`` can be had (``fts_pg``).

Migration 0003 installs all of this and the services query it; the index is derived data,
so it can always be dropped and rebuilt from the tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.exc import DBAPIError


@dataclass(frozen=True)
class SearchTable:
    """A searchable table: its columns in index order, each with how much a hit weighs."""

    table: str
    columns: tuple[str, ...]
    weights: tuple[float, ...]  # FTS5 bm25 weight per column: the name counts most
    classes: tuple[str, ...]  # PostgreSQL setweight class per column, "A" (name) to "D"
    substring: tuple[str, ...] = ()  # name-like columns also indexed by trigram

    @property
    def fts(self) -> str:
        return f"{self.table}_fts"

    @property
    def tri(self) -> str:
        return f"{self.table}_tri"

    @property
    def pg_index(self) -> str:
        return f"ix_{self.table}_search"

    @property
    def pg_trgm_index(self) -> str:
        return f"ix_{self.table}_search_trgm"


SEARCH_TABLES: tuple[SearchTable, ...] = (
    SearchTable(
        "organisations", ("name", "city", "notes"), (10.0, 3.0, 1.0), ("A", "B", "D"), ("name",)
    ),
    SearchTable(
        "people",
        ("full_name", "role", "email", "notes"),
        (10.0, 3.0, 3.0, 1.0),
        ("A", "B", "B", "D"),
        ("full_name", "email"),
    ),
    SearchTable(
        "events",
        ("name", "city", "organiser", "why", "notes"),
        (10.0, 3.0, 3.0, 1.0, 1.0),
        ("A", "B", "B", "D", "D"),
        ("name",),
    ),
    SearchTable("interactions", ("summary", "follow_up"), (10.0, 3.0), ("A", "B")),
    SearchTable(
        "funding_calls",
        ("programme", "name", "identifier", "notes"),
        (5.0, 10.0, 5.0, 1.0),
        ("B", "A", "B", "D"),
        ("name",),
    ),
)
SEARCH_TABLE = {t.table: t for t in SEARCH_TABLES}

# Word prefixes of these lengths have an index of their own. Without one, a prefix query
# merges the lists of every word it starts (materialised in full: ~20 ms for "r*" over 500k
# contact-log entries, ~110 ms for "s.p.a"); with one it reads a single list, lazily, so a
# LIMIT stops early. The first letter typed in a filter is the commonest such query.
# Revision 0008 added "1"; a change here needs a revision that rebuilds the index.
PREFIXES = "1 2 3"

# Autogenerate must not see the index: virtual tables, their shadow tables, PG indexes.
_SQLITE_NAME = re.compile(r"_(fts|tri)(_(data|idx|content|docsize|config))?$")
# PostgreSQL: the list filters' name rules (``column ILIKE …``, see
# services/_query.word_prefix) read these trigram indexes instead of scanning the table.
# Revision 0008 installs them where pg_trgm can be had.
PG_FILTER_TRIGRAMS: dict[str, tuple[str, str]] = {
    "ix_organisations_name_trgm": ("organisations", "name"),
    "ix_people_full_name_trgm": ("people", "full_name"),
    "ix_people_email_trgm": ("people", "email"),
}
_PG_NAMES = frozenset(
    [name for t in SEARCH_TABLES for name in (t.pg_index, t.pg_trgm_index)]
    + list(PG_FILTER_TRIGRAMS)
)


def is_search_object(name: str) -> bool:
    return bool(_SQLITE_NAME.search(name)) or name in _PG_NAMES


# --- SQLite -------------------------------------------------------------------------


def _triggers(table: str, fts: str, columns: tuple[str, ...]) -> dict[str, str]:
    """The three triggers of the FTS5 manual's external-content example, verbatim."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    insert = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new});"
    delete = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});"
    return {
        f"{fts}_ai": f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"{fts}_ad": f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"{fts}_au": f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
    }


def _sqlite_tables(t: SearchTable) -> dict[str, str]:
    tables = {
        t.fts: (
            f"CREATE VIRTUAL TABLE {t.fts} USING fts5({', '.join(t.columns)}, "
            f"content='{t.table}', content_rowid='id', "
            f"tokenize=\"unicode61 remove_diacritics 2\", prefix='{PREFIXES}')"
        )
    }
    if t.substring:
        # Plain 'trigram': 'remove_diacritics' needs SQLite 3.45, and a database made
        # with it could not even be written to by an older SQLite.
        tables[t.tri] = (
            f"CREATE VIRTUAL TABLE {t.tri} USING fts5({', '.join(t.substring)}, "
            f"content='{t.table}', content_rowid='id', tokenize='trigram')"
        )
    return tables


def _sqlite_triggers(t: SearchTable) -> dict[str, str]:
    triggers = _triggers(t.table, t.fts, t.columns)
    if t.substring:
        triggers |= _triggers(t.table, t.tri, t.substring)
    return triggers


def _index_tables() -> list[str]:
    return [name for t in SEARCH_TABLES for name in _sqlite_tables(t)]


def sqlite_objects() -> dict[str, str]:
    """Every search table and trigger by name, with the statement that creates it."""
    objects: dict[str, str] = {}
    for t in SEARCH_TABLES:
        objects |= _sqlite_tables(t)
        objects |= _sqlite_triggers(t)
    return objects


def install_sqlite(conn: Connection) -> None:
    """Create the FTS5 tables and triggers, then index what the tables already hold."""
    for ddl in sqlite_objects().values():
        conn.exec_driver_sql(ddl)
    rebuild_sqlite(conn)


def drop_sqlite(conn: Connection) -> None:
    for t in SEARCH_TABLES:
        for trigger in _sqlite_triggers(t):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        for table in _sqlite_tables(t):
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")


def rebuild_sqlite(conn: Connection) -> None:
    """Re-read every row of the content tables into the index."""
    for name in _index_tables():
        conn.exec_driver_sql(f"INSERT INTO {name}({name}) VALUES ('rebuild')")


def insert_triggers_sqlite(conn: Connection, table: str) -> dict[str, str]:
    """The search index's AFTER INSERT triggers on ``table`` that exist, with their DDL."""
    search = SEARCH_TABLE.get(table)
    if search is None:
        return {}
    wanted = {f"{search.fts}_ai", f"{search.tri}_ai"}
    present = set(
        conn.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"),
            {"t": table},
        ).scalars()
    )
    return {name: ddl for name, ddl in sqlite_objects().items() if name in wanted & present}


def index_rows_after_sqlite(conn: Connection, table: str, after_id: int, indexes: set[str]) -> None:
    """Index every row of ``table`` with an id above ``after_id``: one statement per index
    table named in ``indexes``. For bulk inserts made with the insert triggers dropped:
    FTS5 flushes its pending terms at every statement savepoint, so a trigger per row
    costs an order of magnitude more than this."""
    search = SEARCH_TABLE[table]
    for index, columns in ((search.fts, search.columns), (search.tri, search.substring)):
        if columns and index in indexes:
            cols = ", ".join(columns)
            conn.execute(
                text(
                    f"INSERT INTO {index}(rowid, {cols}) "
                    f"SELECT id, {cols} FROM {table} WHERE id > :after"
                ),
                {"after": after_id},
            )


def missing_sqlite_objects(conn: Connection) -> list[str]:
    present = {
        row[0]
        for row in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"
        )
    }
    return [name for name in sqlite_objects() if name not in present]


def sqlite_definitions_differ(conn: Connection) -> bool:
    """Whether an index table was made by other DDL than today's (e.g. other prefixes)."""
    wanted = {name: ddl for t in SEARCH_TABLES for name, ddl in _sqlite_tables(t).items()}
    query = text(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN :names"
    ).bindparams(bindparam("names", expanding=True))
    made = {str(row[0]): row[1] for row in conn.execute(query, {"names": list(wanted)})}
    return any(made.get(name) != ddl for name, ddl in wanted.items())


def integrity_check_sqlite(conn: Connection) -> list[str]:
    """The index tables whose content differs from their table's rows (empty: all fine)."""
    failed = []
    for name in _index_tables():
        try:
            with conn.begin_nested():
                conn.exec_driver_sql(
                    f"INSERT INTO {name}({name}, rank) VALUES ('integrity-check', 1)"
                )
        except DBAPIError as exc:
            failed.append(f"{name}: {exc.orig}")
    return failed


def repair_sqlite(conn: Connection) -> list[str]:
    """Put back whatever a batch migration dropped, and re-index; return what was missing.

    Dropping everything first keeps it simple: the index is rebuilt from the tables anyway.
    """
    missing = missing_sqlite_objects(conn)
    if missing:
        drop_sqlite(conn)
        install_sqlite(conn)
    return missing
