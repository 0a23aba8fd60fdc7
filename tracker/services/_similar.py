"""Names that look like what is being typed, found without reading the whole table.

Candidates come from a few short ranges of the name index (one UNION ALL statement):
for each word typed, the names that start with that word's first two letters (in each
casing, since SQLite compares bytes) and either contain the first letters of another
typed word or sort next to the typed name. Every range is capped, so the work stays
the same on 100 rows or 100,000; rapidfuzz then scores the few hundred candidates.

What it cannot find: a name that shares no leading word with what was typed ("Rossi"
does not find "Anna Rossi"; "Anna Rossi" does). That is what the duplicate finder's
full pass is for.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, or_, select, union_all
from sqlalchemy.orm import InstrumentedAttribute, Session

from tracker.domain.contact_rules import LEGAL_SUFFIXES, fold

PER_RANGE = 60  # rows read from each index range
MAX_WORDS = 3  # the longest typed words that lead a range
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Match:
    id: int
    name: str
    score: float


def score(typed: str, stored: str) -> float:
    """0-100; both already normalised. Word order does not count; a name that holds all
    the typed words ("anna rossi" in "anna maria rossi") scores 90; a shared beginning
    alone ("bio" in "biowin" and "bioindustry") counts for little."""
    if typed == stored:
        return 100.0
    from rapidfuzz import fuzz  # on first use: listing people never needs it

    whole = fuzz.token_sort_ratio(typed, stored)
    return round(max(whole, 0.9 * fuzz.token_set_ratio(typed, stored)), 1)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def upper_bound(prefix: str) -> str | None:
    """The least string above every string starting with ``prefix``, in any collation.

    Incrementing an ASCII letter or digit keeps its place in binary and linguistic
    collations alike; past "z" or "9" (or a non-ASCII letter) we widen to a shorter
    prefix. None: no safe bound, the range is open above.
    """
    for i in range(len(prefix) - 1, -1, -1):
        c = prefix[i]
        if c.isascii() and c.isalnum() and c not in "zZ9":
            return prefix[:i] + chr(ord(c) + 1)
    return None


def _casings(text: str) -> set[str]:
    forms = {text, text.lower(), text.upper(), text[:1].upper() + text[1:].lower()}
    plain = _plain(text)
    if plain != text:
        forms |= _casings(plain)
    return forms


def _words(text: str) -> list[str]:
    words = [w for w in _WORD.findall(text) if len(w) >= 2 and fold(w) not in LEGAL_SUFFIXES]
    return sorted(words, key=len, reverse=True)[:MAX_WORDS]


def _in_range(name: InstrumentedAttribute[str], prefix: str) -> ColumnElement[bool]:
    bound = upper_bound(prefix)
    if bound is None:
        return and_(name >= prefix, name.istartswith(prefix, autoescape=True))
    return and_(name >= prefix, name < bound)


def candidates_statement(
    id_col: InstrumentedAttribute[int], name: InstrumentedAttribute[str], text: str
) -> Select[int, str] | None:
    """One statement reading a bounded set of (id, name) rows near ``text``."""
    words = _words(text)
    if not words:
        return None
    members: list[Select[int, str]] = []
    for lead in words:
        others = [fold(w)[:3] for w in words if w != lead]
        rotated = " ".join([lead, *(w for w in words if w != lead)])
        for prefix in _casings(lead[:2]):
            base = select(id_col, name).where(_in_range(name, prefix))
            if others:
                contains = or_(*(name.icontains(o, autoescape=True) for o in others))
                members.append(base.where(contains).order_by(name).limit(PER_RANGE))
            for anchor in _casings(rotated):
                if not anchor.startswith(prefix):
                    continue
                members.append(base.where(name >= anchor).order_by(name).limit(PER_RANGE))
                members.append(base.where(name < anchor).order_by(name.desc()).limit(PER_RANGE))
    parts = [select(sub.c[0], sub.c[1]) for sub in (m.subquery() for m in members)]
    if len(parts) == 1:
        return parts[0]
    every = union_all(*parts).subquery()
    return select(every.c[0], every.c[1])


def similar(
    session: Session,
    id_col: InstrumentedAttribute[int],
    name: InstrumentedAttribute[str],
    text: str,
    normalise: Callable[[str], str],
    *,
    limit: int,
    min_score: float,
    exclude: Sequence[int] = (),
) -> list[Match]:
    stmt = candidates_statement(id_col, name, text)
    typed = normalise(text)
    if stmt is None or not typed:
        return []
    seen: dict[int, str] = {}
    for record_id, stored in session.execute(stmt):
        seen.setdefault(record_id, stored)
    matches = [
        Match(record_id, stored, s)
        for record_id, stored in seen.items()
        if record_id not in exclude and (s := score(typed, normalise(stored))) >= min_score
    ]
    matches.sort(key=lambda m: (-m.score, m.name.lower(), m.id))
    return matches[: max(1, limit)]
