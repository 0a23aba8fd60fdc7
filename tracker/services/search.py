"""Search everything: organisations, people, events, interactions and calls, ranked.

Words are matched by their start (FTS5 on SQLite, tsvector on PostgreSQL), accents and
case folded; when that finds fewer hits than asked for and every word has 3+ characters,
names are also searched for the words anywhere inside them (trigram indexes). Both go
through an index: no query on this path scans a whole table.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy import TextClause, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from tracker.db import fts_pg
from tracker.db.engine import Database
from tracker.db.fts import SEARCH_TABLE, SearchTable
from tracker.domain.errors import ValidationError
from tracker.domain.models import Event, FundingCall, Interaction, Organisation, Person
from tracker.i18n import _
from tracker.services._tables import table_of
from tracker.services.dto_search import SEARCH_KINDS, SearchHit, SearchKind, SearchResults
from tracker.services.search_text import (
    MIN_SUBSTRING,
    first_line,
    fts5_prefix_query,
    fts5_substring_query,
    like_pattern,
    snippet,
    terms_of,
    tsquery_prefix,
)

MAX_LIMIT = 200
# A word of one or two letters can match most of a big table. Ranking is what costs
# (bm25 or ts_rank per match), so only the newest matches are ranked: 5,000 per kind
# keeps a keystroke under ~10 ms on 100k people. Totals are still exact.
RANKED_AT_MOST = 5_000
_TABLE: dict[SearchKind, SearchTable] = {
    "organisation": SEARCH_TABLE["organisations"],
    "person": SEARCH_TABLE["people"],
    "event": SEARCH_TABLE["events"],
    "interaction": SEARCH_TABLE["interactions"],
    "call": SEARCH_TABLE["funding_calls"],
}

Scored = list[tuple[int, float]]


@dataclass(frozen=True)
class _Ranked:
    kind: SearchKind
    id: int
    score: float
    substring: bool


class _Queries(Protocol):
    def words(
        self, t: SearchTable, terms: Sequence[str], limit: int, most: int | None
    ) -> tuple[Scored, int]: ...

    def substrings(self, t: SearchTable, terms: Sequence[str], limit: int) -> Scored: ...


class _Sqlite:
    def __init__(self, session: Session) -> None:
        self._session = session

    def words(
        self, t: SearchTable, terms: Sequence[str], limit: int, most: int | None
    ) -> tuple[Scored, int]:
        weights = ", ".join(str(w) for w in t.weights)
        params = {"q": fts5_prefix_query(terms), "n": limit, "cap": RANKED_AT_MOST}
        rows = self._session.execute(
            sql(
                # bm25() cannot sit beside a window function: rank in a subquery.
                f"SELECT rowid, score, count(*) OVER () FROM (SELECT rowid, "
                f"-bm25({t.fts}, {weights}) AS score FROM {t.fts} WHERE {t.fts} MATCH :q "
                "ORDER BY rowid DESC LIMIT :cap) ORDER BY score DESC LIMIT :n"
            ),
            params,
        ).all()
        total = rows[0][2] if rows else 0
        if total == RANKED_AT_MOST:
            count = f"SELECT rowid FROM {t.fts} WHERE {t.fts} MATCH :q"
            total = self._session.execute(_counting(count, most), params).scalar_one()
        return [(r[0], r[1]) for r in rows], total

    def substrings(self, t: SearchTable, terms: Sequence[str], limit: int) -> Scored:
        rows = self._session.execute(
            sql(
                f"SELECT rowid, b FROM (SELECT rowid, bm25({t.tri}) AS b FROM {t.tri} "
                f"WHERE {t.tri} MATCH :q ORDER BY rowid DESC LIMIT :cap) ORDER BY b LIMIT :n"
            ),
            {"q": fts5_substring_query(terms), "n": limit, "cap": RANKED_AT_MOST},
        ).all()
        return [(r[0], -1.0 / (1.0 - r[1])) for r in rows]  # in (-1, 0): after word hits


class _Postgres:
    def __init__(self, session: Session, trigram: bool) -> None:
        self._session = session
        self.trigram = trigram

    def words(
        self, t: SearchTable, terms: Sequence[str], limit: int, most: int | None
    ) -> tuple[Scored, int]:
        query = f"to_tsquery('simple', {fts_pg.pg_fold_query(':q')})"
        document, table = fts_pg.pg_document(t), t.table
        params = {"q": tsquery_prefix(terms), "n": limit, "cap": RANKED_AT_MOST}
        rows = self._session.execute(
            sql(
                f"WITH hits AS (SELECT {table}.id FROM {table} WHERE {document} @@ {query} "
                f"ORDER BY {table}.id DESC LIMIT :cap) "
                f"SELECT {table}.id, ts_rank({document}, {query}) AS score, "
                f"(SELECT count(*) FROM hits) FROM {table} JOIN hits ON hits.id = {table}.id "
                f"ORDER BY score DESC, {table}.id LIMIT :n"
            ),
            params,
        ).all()
        total = rows[0][2] if rows else 0
        if total == RANKED_AT_MOST:
            count = f"SELECT {table}.id FROM {table} WHERE {document} @@ {query}"
            total = self._session.execute(_counting(count, most), params).scalar_one()
        return [(r[0], float(r[1])) for r in rows], total

    def substrings(self, t: SearchTable, terms: Sequence[str], limit: int) -> Scored:
        if not self.trigram or not t.substring:
            return []
        name, table = fts_pg.pg_substring_text(t), t.table
        params: dict[str, object] = {f"p{i}": like_pattern(term) for i, term in enumerate(terms)}
        where = " AND ".join(f"{name} LIKE {fts_pg.pg_fold_query(f':{key}')}" for key in params)
        # The more of the name the words cover, the better: a score in [-1, -0.01].
        coverage = f"least(1.0, {sum(map(len, terms))}.0 / greatest(1, length({name})))"
        rows = self._session.execute(
            sql(
                f"SELECT id, score FROM (SELECT {table}.id, -1.0 + 0.99 * {coverage} AS score "
                f"FROM {table} WHERE {where} ORDER BY {table}.id DESC LIMIT :cap) AS hits "
                "ORDER BY score DESC, id LIMIT :n"
            ),
            {**params, "n": limit, "cap": RANKED_AT_MOST},
        ).all()
        return [(r[0], float(r[1])) for r in rows]


def _counting(matches: str, most: int | None) -> TextClause:
    """Count the rows ``matches`` selects; with ``most``, one past it at the most."""
    if most is None:
        return sql(f"SELECT count(*) FROM ({matches}) AS m")
    return sql(f"SELECT count(*) FROM ({matches} LIMIT {int(most) + 1}) AS m")


class SearchService:
    """The search box and ``tracker search``: one read per keystroke, never an error."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._pg_trigram: bool | None = None

    def search(
        self,
        text: str,
        *,
        kinds: Collection[str] | None = None,
        limit: int = 20,
        count_at_most: int | None = None,
    ) -> SearchResults:
        """``count_at_most``: stop counting a kind's matches past it (the results say
        which kinds; the hits are the same). None counts them all."""
        terms = terms_of(text)
        wanted = _wanted(kinds)
        if not terms or not wanted:
            return SearchResults(query=text, terms=terms)
        limit = max(1, min(limit, MAX_LIMIT))
        with self._db.read() as session:
            queries = self._queries(session)
            ranked: list[_Ranked] = []
            totals: dict[SearchKind, int] = {}
            for kind in wanted:
                found, totals[kind] = queries.words(_TABLE[kind], terms, limit, count_at_most)
                ranked += [_Ranked(kind, id_, score, False) for id_, score in found]
            if len(ranked) < limit and min(map(len, terms)) >= MIN_SUBSTRING:
                ranked += _substring_hits(queries, wanted, terms, ranked, limit)
            ranked.sort(key=lambda r: (-r.score, SEARCH_KINDS.index(r.kind), r.id))
            hits = _hits(session, ranked[:limit], terms)
        most = count_at_most
        capped = frozenset(k for k, n in totals.items() if most is not None and n > most)
        for kind in capped:
            totals[kind] = most or 0
        return SearchResults(
            query=text, terms=terms, hits=hits, total_by_kind=totals, capped_kinds=capped
        )

    def _queries(self, session: Session) -> _Queries:
        if self._db.is_sqlite:
            return _Sqlite(session)
        if self._pg_trigram is None:
            self._pg_trigram = fts_pg.pg_has_trigram(session.connection())
        return _Postgres(session, self._pg_trigram)


def _wanted(kinds: Collection[str] | None) -> list[SearchKind]:
    if kinds is None:
        return list(SEARCH_KINDS)
    unknown = set(kinds) - set(SEARCH_KINDS)
    if unknown:
        raise ValidationError(
            {
                "kinds": _("search among: {SEARCH_KINDS}").format(
                    SEARCH_KINDS=", ".join(SEARCH_KINDS)
                )
            }
        )
    return [k for k in SEARCH_KINDS if k in kinds]


def _substring_hits(
    queries: _Queries,
    kinds: Sequence[SearchKind],
    terms: Sequence[str],
    found: Sequence[_Ranked],
    limit: int,
) -> list[_Ranked]:
    wanted = limit - len(found)
    extra: list[_Ranked] = []
    for kind in kinds:
        table = _TABLE[kind]
        if not table.substring:
            continue
        seen = {r.id for r in found if r.kind == kind}
        rows = queries.substrings(table, terms, wanted + len(seen))
        fresh = [(i, s) for i, s in rows if i not in seen][:wanted]
        extra += [_Ranked(kind, id_, score, True) for id_, score in fresh]
    return extra


# --- what a hit shows -----------------------------------------------------------------


@dataclass(frozen=True)
class _Shown:
    title: str
    subtitle: str
    texts: tuple[str, ...]  # indexed text not already in title or subtitle, for snippets


def _dot(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


def _day(d: date | None) -> str:
    return f"{d:%d/%m/%Y}" if d else ""


def _organisations(session: Session, ids: list[int]) -> dict[int, _Shown]:
    o = table_of(Organisation).c  # the tables, not the classes: see _tables
    rows = session.execute(
        select(o.id, o.name, o.city, o.country_code, o.notes).where(o.id.in_(ids))
    )
    return {r.id: _Shown(r.name, _dot(r.city, r.country_code), (r.notes,)) for r in rows}


def _people(session: Session, ids: list[int]) -> dict[int, _Shown]:
    p, orgs = table_of(Person).c, table_of(Organisation)
    rows = session.execute(
        select(p.id, p.full_name, p.role, p.email, p.notes, orgs.c.name.label("org"))
        .outerjoin(orgs, orgs.c.id == p.organisation_id)
        .where(p.id.in_(ids))
    )
    return {r.id: _Shown(r.full_name, _dot(r.org, r.role), (r.email, r.notes)) for r in rows}


def _events(session: Session, ids: list[int]) -> dict[int, _Shown]:
    e = table_of(Event).c
    rows = session.execute(
        select(
            e.id, e.name, e.country_code, e.start_date, e.city, e.organiser, e.why, e.notes
        ).where(e.id.in_(ids))
    )
    return {
        r.id: _Shown(
            r.name, _dot(r.country_code, _day(r.start_date)), (r.city, r.organiser, r.why, r.notes)
        )
        for r in rows
    }


def _interactions(session: Session, ids: list[int]) -> dict[int, _Shown]:
    i = table_of(Interaction).c
    rows = session.execute(select(i.id, i.occurred_on, i.summary, i.follow_up).where(i.id.in_(ids)))
    shown = {}
    for r in rows:
        title = first_line(r.summary) or first_line(r.follow_up) or "—"
        rest = r.summary.strip().partition("\n")[2]
        shown[r.id] = _Shown(title, _day(r.occurred_on), (rest, r.follow_up))
    return shown


def _calls(session: Session, ids: list[int]) -> dict[int, _Shown]:
    c = table_of(FundingCall).c
    rows = session.execute(
        select(c.id, c.programme, c.name, c.identifier, c.notes).where(c.id.in_(ids))
    )
    return {
        r.id: _Shown(" — ".join(p for p in (r.programme, r.name) if p), r.identifier, (r.notes,))
        for r in rows
    }


_SHOW = {
    "organisation": _organisations,
    "person": _people,
    "event": _events,
    "interaction": _interactions,
    "call": _calls,
}


def _hits(
    session: Session, ranked: Sequence[_Ranked], terms: Sequence[str]
) -> tuple[SearchHit, ...]:
    shown: dict[SearchKind, dict[int, _Shown]] = {}
    for kind in SEARCH_KINDS:
        ids = [r.id for r in ranked if r.kind == kind]
        if ids:
            shown[kind] = _SHOW[kind](session, ids)
    hits = []
    for r in ranked:
        item = shown[r.kind].get(r.id)
        if item is None:  # deleted in between: PostgreSQL reads each statement afresh
            continue
        line = ""
        marks: tuple[tuple[int, int], ...] = ()
        for candidate in item.texts:
            found = snippet(candidate or "", terms, substring=r.substring)
            if found is not None:
                line, marks = found
                break
        hits.append(
            SearchHit(
                kind=r.kind,
                id=r.id,
                title=item.title,
                subtitle=item.subtitle,
                snippet=line,
                score=r.score,
                substring=r.substring,
                snippet_marks=marks,
            )
        )
    return tuple(hits)
