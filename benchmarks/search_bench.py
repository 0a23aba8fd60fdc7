"""Keystroke-to-results time of "search everything" on 100k people (SQLite).

Run from the repository root so the checkout's ``tracker`` is the one imported:

    python -m benchmarks.search_bench [--people 100000] [--queries 200]

It builds a throw-away database migrated to head, bulk-inserts organisations and people
(the FTS triggers fire for every row, as in real use), then types 200 queries the way a
user does — growing prefixes of names, one to three words — and times each one through
``SearchService.search`` and, as the floor, the same five FTS5 queries on a bare sqlite3
connection (plus, for comparison, ranking every match instead of the newest 5,000).
Reported, never asserted.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, select

from tracker.db.engine import Database
from tracker.db.fts import SEARCH_TABLES
from tracker.db.migrate import upgrade_to_head
from tracker.domain.models import Organisation, Person
from tracker.services.search import RANKED_AT_MOST, SearchService
from tracker.services.search_text import fts5_prefix_query, terms_of

FIRST = [
    "Anna",
    "Giulia",
    "Francesca",
    "Chiara",
    "Sofia",
    "Martina",
    "Niccolò",
    "Nicolò",
    "Luca",
    "Marco",
    "Matteo",
    "Lorenzo",
    "Andrea",
    "Giuseppe",
    "Giovanni",
    "Pietro",
    "Elena",
    "Beatrice",
    "Ilaria",
    "Federica",
    "Caterina",
    "Tommaso",
    "Gabriele",
    "José",
    "Lucía",
    "María",
    "Zoë",
    "Chloé",
    "François",
    "Jérôme",
    "Hélène",
    "Björn",
    "Søren",
    "Jürgen",
    "Łukasz",
    "Małgorzata",
    "Dvořák",
    "Ana",
    "João",
    "Siobhán",
    "Seán",
    "Ægir",
    "Émilie",
    "Agnès",
    "Benoît",
    "Anaïs",
    "Noémie",
    "Raphaël",
    "Inès",
    "Ömer",
]
LAST = [
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De_Luca",
    "Mancini",
    "Costa",
    "Giordano",
    "Rizzo",
    "Lombardi",
    "Moretti",
    "D'Angelo",
    "Dell'Acqua",
    "D'Alessandro",
    "Dall'Ara",
    "Sant'Ambrogio",
    "Lo_Presti",
    "Della_Valle",
    "Müller",
    "Schäfer",
    "Lefèvre",
    "Dupont",
    "O'Brien",
    "O'Connor",
    "Núñez",
    "Sánchez",
    "García",
    "Šimić",
    "Novák",
    "Kowalczyk",
    "Çelik",
    "Yılmaz",
    "Nguyễn",
    "Van_der_Berg",
    "Østergaard",
    "Fernández",
    "Gonçalves",
    "Pérez",
    "Jiménez",
    "Björklund",
    "Ångström",
]
ORG_WORDS = [
    "Bio",
    "Med",
    "Pharma",
    "Life",
    "Health",
    "Salute",
    "Tech",
    "Lab",
    "Cluster",
    "Polo",
    "Innovazione",
    "Sanità",
    "Scienza",
    "Research",
    "Genomics",
    "Robotics",
    "Digital",
    "Care",
    "Cura",
    "Vita",
    "Nova",
    "Alpha",
    "Euro",
    "Hub",
    "Network",
    "Centro",
]
ORG_FORMS = ("S.p.A.", "S.r.l.", "GmbH", "SA", "Ltd", "asbl", "Onlus", "Consortium")
CITIES = [
    "Milano",
    "Torino",
    "Roma",
    "Napoli",
    "Bari",
    "Città_di_Castello",
    "Lyon",
    "Liège",
    "Köln",
    "Wavre",
    "Cork",
]
ROLES = (
    "Project manager",
    "CEO",
    "Responsabile internazionalizzazione",
    "Cluster manager",
    "Directeur général",
    "Business developer",
    "Head of R&D",
    "",
)


def _name(words: Sequence[str], rng: random.Random) -> str:
    return rng.choice(words).replace("_", " ")


def populate(db: Database, people: int, rng: random.Random) -> list[str]:
    now = datetime.now(UTC)
    common = {"created_at": now, "updated_at": now, "version": 1}
    org_rows = [
        {
            "name": f"{rng.choice(ORG_WORDS)}{rng.choice(ORG_WORDS).lower()} {i} "
            f"{rng.choice(ORG_FORMS)}",
            "city": _name(CITIES, rng),
            "notes": "",
            **common,
        }
        for i in range(max(1, people // 50))
    ]
    names: list[str] = []
    with db.write() as s:
        s.execute(insert(Organisation), org_rows)
        org_ids = list(s.scalars(select(Organisation.id)))
        batch: list[dict[str, object]] = []
        for i in range(people):
            first, last = _name(FIRST, rng), _name(LAST, rng)
            names.append(f"{first} {last}")
            email_last = "".join(c for c in last.lower() if c.isascii() and c.isalpha())
            batch.append(
                {
                    "full_name": f"{first} {last}",
                    "organisation_id": rng.choice(org_ids),
                    "role": rng.choice(ROLES),
                    "email": f"{first.lower()}.{email_last}{i}@example.org",
                    "notes": "met at MEDICA, follow up" if i % 10 == 0 else "",
                    **common,
                }
            )
            if len(batch) == 10_000:
                s.execute(insert(Person), batch)
                batch.clear()
        if batch:
            s.execute(insert(Person), batch)
    return names


def keystrokes(names: Sequence[str], count: int, rng: random.Random) -> list[str]:
    """What a search box holds after a keystroke: one to three words, the last one cut."""
    typed = []
    for _ in range(count):
        words = rng.choice(names).split()
        words = words[: rng.randint(1, min(3, len(words)))]
        words[-1] = words[-1][: rng.randint(1, len(words[-1]))]
        text = " ".join(words)
        typed.append(text.lower() if rng.random() < 0.5 else text)
    return typed


def timed(run: Callable[[str], object], queries: Sequence[str]) -> list[float]:
    for q in queries[:10]:  # warm the page cache and statement caches
        run(q)
    out = []
    for q in queries:
        start = time.perf_counter()
        run(q)
        out.append((time.perf_counter() - start) * 1000)
    return out


def report(label: str, ms: Sequence[float]) -> None:
    ordered = sorted(ms)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(
        f"{label:<44} p50 {statistics.median(ordered):7.2f} ms   "
        f"p95 {p95:7.2f} ms   max {ordered[-1]:7.2f} ms"
    )


def floor(path: Path, tables: Sequence[str], *, cap: bool = True) -> Callable[[str], object]:
    """The FTS5 queries alone on a bare connection: no ORM, no counts, no display rows."""
    conn = sqlite3.connect(path)
    weights = {t.table: ", ".join(str(w) for w in t.weights) for t in SEARCH_TABLES}
    newest = f"ORDER BY rowid DESC LIMIT {RANKED_AT_MOST}" if cap else ""

    def run(text: str) -> object:
        query = fts5_prefix_query(terms_of(text))
        return [
            conn.execute(
                f"SELECT rowid, s FROM (SELECT rowid, -bm25({t}_fts, {weights[t]}) AS s "
                f"FROM {t}_fts WHERE {t}_fts MATCH ? {newest}) ORDER BY s DESC LIMIT 20",
                (query,),
            ).fetchall()
            for t in tables
        ]

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2018)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        db = Database(f"sqlite:///{path}")
        upgrade_to_head(db.engine)
        start = time.perf_counter()
        names = populate(db, args.people, rng)
        took = time.perf_counter() - start
        print(f"inserted {args.people:,} people (through the FTS triggers) in {took:.1f} s")
        print(f"database: {path.stat().st_size / 1e6:.0f} MB (+ WAL)")
        with db.read() as s:
            orgs = list(s.scalars(select(Organisation.name)))
        # Mostly people, as in use; every fifth query types an organisation's name.
        queries = keystrokes(names * 4 + orgs * (len(names) // len(orgs)), args.queries, rng)
        print(f"{len(queries)} queries, e.g. {', '.join(repr(q) for q in queries[:6])}")

        service = SearchService(db)
        hits = [len(service.search(q).hits) for q in queries]
        print(f"hits per query: median {statistics.median(hits)}, zero for {hits.count(0)}")
        report("SearchService.search (5 kinds + display)", timed(service.search, queries))
        report(
            "  kinds={'person'}",
            timed(lambda q: service.search(q, kinds={"person"}), queries),
        )
        all_tables = [t.table for t in SEARCH_TABLES]
        report(
            "floor: the same 5 FTS5 queries, bare sqlite3", timed(floor(path, all_tables), queries)
        )
        report("  people_fts only", timed(floor(path, ["people"]), queries))
        report(
            "  people_fts, ranking every match (no cap)",
            timed(floor(path, ["people"], cap=False), queries),
        )
        db.dispose()


if __name__ == "__main__":
    main()
