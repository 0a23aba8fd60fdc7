"""What the generator's parts share: the random source, the clock, ids, and bulk inserts."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, FromClause, Table, func, insert, select

from benchmarks import vocabulary as v

T = TypeVar("T")
Row = dict[str, Any]
BATCH = 20_000
FIRST_YEAR = 2018
EPOCH = datetime(FIRST_YEAR, 1, 1, 8, tzinfo=UTC)
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss"})


@dataclass(frozen=True)
class Sizes:
    people: int = 100_000
    orgs: int = 20_000
    events: int = 10_000
    years: int = 10
    interactions: int = 500_000
    calls: int = 300
    consortia: int = 150


SMALL = Sizes(
    people=2_000, orgs=400, events=300, years=4, interactions=5_000, calls=20, consortia=8
)


@dataclass
class Gen:
    """The random source and the facts one part of the generator hands to the next."""

    conn: Connection
    rng: random.Random
    today: date
    sizes: Sizes
    inserted: dict[str, int] = field(default_factory=dict)
    # Filled in as the parts run (ids are assigned here, not by the database).
    org_ids: list[int] = field(default_factory=list)
    org_names: dict[int, str] = field(default_factory=dict)
    org_country: dict[int, str | None] = field(default_factory=dict)
    org_domain: dict[int, str] = field(default_factory=dict)
    person_names: dict[int, str] = field(default_factory=dict)
    person_ids: list[int] = field(default_factory=list)
    person_org: dict[int, int | None] = field(default_factory=dict)
    people_of_org: dict[int, list[int]] = field(default_factory=dict)
    # (event id, name, city, start, end) of the events people were met at.
    met_at: list[tuple[int, str, str, date, date]] = field(default_factory=list)
    _weights: dict[int, tuple[list[Any], list[int]]] = field(default_factory=dict)

    def next_id(self, table: FromClause) -> int:
        return int(self.conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())

    def stamp(self, after: date | None = None) -> datetime:
        """A creation time between ``after`` (or 2018) and today, deterministic."""
        start = EPOCH if after is None else datetime.combine(after, time(9), tzinfo=UTC)
        end = datetime.combine(self.today, time(18), tzinfo=UTC)
        span = max(1, int((end - start).total_seconds()))
        return start + timedelta(seconds=self.rng.randrange(span))

    def day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randrange(max(1, (last - first).days + 1)))

    def weighted(self, choices: Sequence[tuple[T, int]]) -> T:
        table = self._weights.get(id(choices))
        if table is None:  # the vocabularies are module constants: worth caching
            table = self._weights[id(choices)] = (
                [c for c, _ in choices],
                list(accumulate(w for _, w in choices)),
            )
        return self.rng.choices(table[0], cum_weights=table[1])[0]  # type: ignore[no-any-return]

    def skewed(self, items: Sequence[T]) -> T:
        """Some items are picked far more often than others, as with real contacts."""
        return items[int(len(items) * self.rng.random() ** 2.2)]

    def city(self, country: str | None) -> str:
        names = v.CITIES.get(country or "", "")
        return spaced(self.rng.choice(names.split())) if names else ""

    def insert(self, table: FromClause, rows: Iterable[Row]) -> int:
        """Core ``insert()`` executemany, in batches: the FTS triggers fire for every row."""
        count = 0
        for chunk in batches(rows, BATCH):
            self.conn.execute(insert(cast(Table, table)), chunk)
            count += len(chunk)
        name = str(getattr(table, "name", table))
        self.inserted[name] = self.inserted.get(name, 0) + count
        return count


def batches(rows: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def spaced(word: str) -> str:
    """Vocabulary words use '_' for spaces inside one name ("De_Luca")."""
    return word.replace("_", " ")


def ascii_slug(text: str, sep: str = "") -> str:
    """ "Dell'Acqua" → "dellacqua", "Müller" → "muller": for emails and web addresses."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    kept = "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c == " "))
    return sep.join(kept.lower().split())


def editable(gen: Gen, after: date | None = None) -> Row:
    created = gen.stamp(after)
    updated = created + timedelta(days=gen.rng.randrange(0, 400))
    now = datetime.combine(gen.today, time(18), tzinfo=UTC)
    return {"created_at": created, "updated_at": min(updated, now), "version": 1}
