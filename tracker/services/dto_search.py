"""What a search hands back: plain data for the search box and ``tracker search``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SearchKind = Literal["organisation", "person", "event", "interaction", "call"]
SEARCH_KINDS: tuple[SearchKind, ...] = ("organisation", "person", "event", "interaction", "call")


@dataclass(frozen=True)
class SearchHit:
    """One thing found. ``score`` orders hits of one search (higher first) and means
    nothing across searches; hits found only inside a name (``substring``) score below 0,
    after every hit whose words start with what was typed."""

    kind: SearchKind
    id: int
    title: str  # "Anna Rossi", "COSME — Go International"
    subtitle: str  # "BioWin · Project manager", "BE · 25/10/2018"
    snippet: str  # one line around the match outside the title, or ""
    score: float
    substring: bool = False
    snippet_marks: tuple[tuple[int, int], ...] = ()  # [start, end) of matches in snippet


@dataclass(frozen=True)
class SearchResults:
    query: str  # what was typed
    terms: tuple[str, ...]  # the words searched for (empty: nothing to search)
    hits: tuple[SearchHit, ...] = ()
    # How many of each kind match by word (substring-only hits not counted).
    total_by_kind: dict[SearchKind, int] = field(default_factory=dict)
    # The kinds whose count stopped early (``count_at_most``): at least their total match.
    capped_kinds: frozenset[SearchKind] = frozenset()

    @property
    def total(self) -> int:
        return sum(self.total_by_kind.values())
