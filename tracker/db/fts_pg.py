"""The search index on PostgreSQL: one GIN index per table on a weighted ``tsvector``
expression, plus GIN trigram indexes on the name-like columns when ``pg_trgm`` can be had.

The expressions are built here and used verbatim by the queries, or the planner would not
use the indexes. What is indexed is declared once, in ``tracker.db.fts``.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from tracker.db.fts import PG_FILTER_TRIGRAMS, SEARCH_TABLES, SearchTable

# Accents folded by translate(), which (unlike unaccent) is built in and immutable, so it
# can sit in an index expression. Frozen here: the index and the queries must agree for
# ever, whatever Python's Unicode tables say. Latin-1, Latin Extended-A and -B.
_ACCENTED = (
    "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïðñòóôõöøùúûüýÿĀāĂăĄąĆ"
    "ćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎ"
    "ŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙ"
    "ǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱ"
    "Ȳȳ"
)
_UNACCENTED = (
    "aaaaaaceeeeiiiidnoooooouuuuyaaaaaaceeeeiiiidnoooooouuuuyyaaaaaac"
    "cccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjkkllllllllnnnnnnooo"
    "ooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzsoouuaaiioouuuuuuu"
    "uuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeoooooooo"
    "yy"
)
# Punctuation that PostgreSQL's parser would glue into one lexeme ("s.p.a",
# "anna.rossi@biowin.it", "multi-agent") becomes a space, so documents split into the
# same words as FTS5 and the query tokenizer see. No ':' or '%' (bind-parameter syntax).
_GLUE = ".@/-_'’‘+&#~\"()[]{}<>|=*^$!?,;"
assert len(_ACCENTED) == len(_UNACCENTED)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def pg_fold_query(expr: str) -> str:
    """Lower case without accents: applied to the tsquery text (its syntax untouched)."""
    return f"translate(lower({expr}), {_literal(_ACCENTED)}, {_literal(_UNACCENTED)})"


def pg_fold_text(expr: str) -> str:
    """Lower case, without accents, punctuation as spaces: applied to documents."""
    return (
        f"translate(lower({expr}), {_literal(_ACCENTED + _GLUE)}, "
        f"{_literal(_UNACCENTED + ' ' * len(_GLUE))})"
    )


def _joined(table: str, columns: tuple[str, ...]) -> str:
    return " || ' ' || ".join(f"coalesce({table}.{c}, '')" for c in columns)


def pg_document(t: SearchTable) -> str:
    """The weighted tsvector of a row, exactly as its GIN index is defined."""
    groups: dict[str, list[str]] = {}
    for column, cls in zip(t.columns, t.classes, strict=True):
        groups.setdefault(cls, []).append(column)
    return " || ".join(
        f"setweight(to_tsvector('simple', {pg_fold_text(_joined(t.table, tuple(cols)))}), '{cls}')"
        for cls, cols in sorted(groups.items())
    )


def pg_substring_text(t: SearchTable) -> str:
    """The folded name-like text of a row, as its trigram index is defined."""
    return pg_fold_text(_joined(t.table, t.substring))


def _extension_schema(conn: Connection, name: str) -> str | None:
    row = conn.execute(
        text(
            "SELECT n.nspname FROM pg_extension e "
            "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = :name"
        ),
        {"name": name},
    ).first()
    return None if row is None else str(row[0])


def ensure_extension(conn: Connection, name: str) -> str | None:
    """The schema holding an extension, installing it if we may; None if it cannot be had.

    An extension is database-wide, so ``public`` is tried first: in a schema of its own
    that is later dropped, it would take every other schema's indexes on it along. Each
    attempt runs in a savepoint, so a refusal does not abort the caller's transaction.
    """
    schema = _extension_schema(conn, name)
    if schema is not None:
        return schema
    available = conn.execute(
        text("SELECT 1 FROM pg_available_extensions WHERE name = :name"), {"name": name}
    ).first()
    if available is None:
        return None
    for where in (" SCHEMA public", ""):
        try:
            with conn.begin_nested():
                conn.exec_driver_sql(f'CREATE EXTENSION IF NOT EXISTS "{name}"{where}')
            break
        except DBAPIError:
            continue
    return _extension_schema(conn, name)  # also when another session just installed it


def install_postgresql(conn: Connection) -> bool:
    """Create the GIN indexes; return whether the trigram ones could be made too."""
    for t in SEARCH_TABLES:
        conn.exec_driver_sql(
            f"CREATE INDEX {t.pg_index} ON {t.table} USING gin (({pg_document(t)}))"
        )
    schema = ensure_extension(conn, "pg_trgm")
    if schema is None:
        return False
    opclass = f'"{schema}".gin_trgm_ops'
    for t in SEARCH_TABLES:
        if t.substring:
            conn.exec_driver_sql(
                f"CREATE INDEX {t.pg_trgm_index} ON {t.table} "
                f"USING gin (({pg_substring_text(t)}) {opclass})"
            )
    return True


def install_pg_filter_trigrams(conn: Connection) -> bool:
    """The filters' trigram indexes; False (and nothing made) without pg_trgm."""
    schema = ensure_extension(conn, "pg_trgm")
    if schema is None:
        return False
    for index, (table, column) in PG_FILTER_TRIGRAMS.items():
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS {index} ON {table} "
            f'USING gin ({column} "{schema}".gin_trgm_ops)'
        )
    return True


def drop_pg_filter_trigrams(conn: Connection) -> None:
    for index in PG_FILTER_TRIGRAMS:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index}")


def drop_postgresql(conn: Connection) -> None:
    """Drop the indexes; pg_trgm stays: it is database-wide and others may rely on it."""
    for t in SEARCH_TABLES:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {t.pg_trgm_index}")
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {t.pg_index}")


def pg_has_trigram(conn: Connection) -> bool:
    """Whether the trigram indexes exist (in the schema the connection searches)."""
    names = [t.pg_trgm_index for t in SEARCH_TABLES if t.substring]
    found = conn.execute(
        text(
            "SELECT count(*) FROM unnest(CAST(:names AS text[])) AS n "
            "WHERE to_regclass(n) IS NOT NULL"
        ),
        {"names": names},
    ).scalar_one()
    return bool(found == len(names))
