"""What a list's filter box matches, found through the search index instead of a scan.

On SQLite the rows come from the FTS5 tables of ``tracker.db.fts`` (word prefixes) and
their trigram twins (substrings of names); a filter keeps its exact rule as a second
condition, checked on those few candidate rows only. On PostgreSQL the GIN-indexed
``tsvector`` expression is used for words; the name filters stay plain ``LIKE`` there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import count

from sqlalchemy import ColumnElement, Select, literal_column, select, table, text
from sqlalchemy.orm import InstrumentedAttribute

from tracker.db import fts, fts_pg
from tracker.services.search_text import (
    MIN_SUBSTRING,
    fts5_prefix_query,
    terms_of,
    tsquery_prefix,
)

_CONTROLS = re.compile("[\x00-\x1f\x7f]")
_keys = count()  # bind parameters of textual SQL need names of their own


def _column_filter(columns: Sequence[str], query: str) -> str:
    return "{" + " ".join(columns) + "} : (" + query + ")" if columns else query


def word_ids(
    sqlite: bool, table_name: str, words: str, columns: Sequence[str] = ()
) -> Select[tuple[int]] | None:
    """Ids of the rows where every word typed starts a word of ``columns`` (or of any
    indexed column); None when the text holds no word (punctuation only)."""
    terms = terms_of(words)
    if not terms:
        return None
    t = fts.SEARCH_TABLE[table_name]
    if sqlite:
        query = _column_filter(columns, fts5_prefix_query(terms))
        return (
            select(literal_column("rowid"))
            .select_from(table(t.fts))
            .where(literal_column(t.fts).op("MATCH")(query))
        )
    key = f"words_{next(_keys)}"
    matches = f"{fts_pg.pg_document(t)} @@ to_tsquery('simple', {fts_pg.pg_fold_query(':' + key)})"
    return (
        select(literal_column(f"{t.table}.id"))
        .select_from(table(t.table))
        .where(text(matches).bindparams(**{key: tsquery_prefix(terms)}))
    )


def substring_ids(
    table_name: str, needle: str, columns: Sequence[str] = ()
) -> Select[tuple[int]] | None:
    """SQLite: ids of the rows whose name-like columns contain ``needle`` (case ignored),
    from the trigram table; None when it is too short for trigrams."""
    # FTS5 ends a string literal at a NUL ("unterminated string"); stored names never
    # hold control characters (forms drop them), so they cannot match anything anyway.
    needle = _CONTROLS.sub("", needle)
    if len(needle) < MIN_SUBSTRING:
        return None
    t = fts.SEARCH_TABLE[table_name]
    query = _column_filter(columns, '"' + needle.replace('"', '""') + '"')
    return (
        select(literal_column("rowid"))
        .select_from(table(t.tri))
        .where(literal_column(t.tri).op("MATCH")(query))
    )


def narrowed(
    exact: ColumnElement[bool],
    id_column: InstrumentedAttribute[int] | ColumnElement[int],
    candidates: Select[tuple[int]] | None,
) -> ColumnElement[bool]:
    """The exact rule, on the index's candidates when there are some to look at."""
    return exact if candidates is None else id_column.in_(candidates) & exact
