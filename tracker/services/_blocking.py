"""Likely duplicates among many names, without comparing every name with every other.

Names are normalised first (see contact_rules), then compared only within blocks:
  * token blocks: two names share a block when a word of one starts like a word of the
    other and a second word begins with the same letter ("ros|a" holds "anna rossi",
    "rossi anna", "anna maria rossi" and "ana rossi");
  * sorted neighbourhood: names sorted with their spaces removed are compared with their
    next few neighbours, which catches "bio win" / "biowin" and late typos.
A block too big to compare pairwise (a very common word) is compared by neighbourhood
instead. The work grows with the number of names times the block size, not its square.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations, permutations

from rapidfuzz import fuzz, process

MAX_BLOCK = 200  # above this a block is compared by neighbourhood only
WINDOW = 6  # neighbours compared in sorted order
MAX_WORDS = 4
STOPWORDS = frozenset(
    {"of", "the", "and", "for", "di", "del", "della", "dei", "degli", "de", "da",
     "e", "et", "und", "der", "die", "des", "du", "la", "le", "il", "lo", "per"}
)  # fmt: skip


@dataclass(frozen=True)
class Named:
    id: int
    norm: str  # the normalised name


def block_keys(norm: str) -> set[str]:
    words = [w for w in norm.split() if w not in STOPWORDS][:MAX_WORDS]
    if not words:
        return set()
    if len(words) == 1:
        return {words[0][:4] + "|"}
    return {f"{a[:3]}|{b[:1]}" for a, b in permutations(words, 2)}


Found = dict[tuple[int, int], float]


def _record(ids: Iterable[int], others: Sequence[int], score: float, found: Found) -> None:
    """Every pair of one of ``ids`` with one of ``others`` scores ``score`` (the best
    score a pair got is kept)."""
    score = round(score, 1)
    best = found.get
    for a in ids:
        for b in others:
            if a != b:
                key = (a, b) if a < b else (b, a)
                before = best(key)
                if before is None or before < score:
                    found[key] = score


def _scores(key: str, keys: Sequence[str], threshold: float) -> list[tuple[int, float]]:
    """(index, score) of the ``keys`` scoring at least ``threshold`` against ``key``, in
    one call into rapidfuzz's C loop. ratio on sorted words is token_sort_ratio, minus
    the sorting."""
    hits = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=threshold, limit=None)
    return [(index, score) for _, score, index in hits]


class _Keys(dict[str, str]):
    """Each normalised name's words in sorted order, worked out once per pass."""

    def __missing__(self, norm: str) -> str:
        key = self[norm] = " ".join(sorted(norm.split()))
        return key


def _all_pairs(names: Sequence[Named], threshold: float, found: Found, keys: _Keys) -> None:
    """Every pair of the block. Names with the same sorted words (common in a big list)
    score 100 together and the same against any other name, so each distinct key is
    compared once and its score given to every pair of their members."""
    members: dict[str, list[int]] = defaultdict(list)
    for named in names:
        members[keys[named.norm]].append(named.id)
    distinct, groups = list(members), list(members.values())
    if threshold <= 100:
        for group in groups:
            for i, a in enumerate(group[:-1]):
                _record((a,), group[i + 1 :], 100.0, found)
    for i, key in enumerate(distinct[:-1]):
        for j, score in _scores(key, distinct[i + 1 :], threshold):
            _record(groups[i], groups[i + 1 + j], score, found)


def _neighbourhood(names: Sequence[Named], threshold: float, found: Found, keys: _Keys) -> None:
    """Each name against the next few in sorted order: too few for rapidfuzz's batch call
    to pay, so pair by pair."""
    ordered = sorted(names, key=lambda n: (n.norm.replace(" ", ""), n.id))
    ids = [n.id for n in ordered]
    sorted_keys = [keys[n.norm] for n in ordered]
    ratio, best, count = fuzz.ratio, found.get, len(ordered)
    for i, key in enumerate(sorted_keys):
        a = ids[i]
        for j in range(i + 1, min(i + 1 + WINDOW, count)):
            score = ratio(key, sorted_keys[j], score_cutoff=threshold)
            b = ids[j]
            if score >= threshold and a != b:
                score = round(score, 1)
                pair = (a, b) if a < b else (b, a)
                before = best(pair)
                if before is None or before < score:
                    found[pair] = score


def similar_pairs(names: Iterable[Named], threshold: float) -> dict[tuple[int, int], float]:
    """(smaller id, larger id) → score 0-100 for every pair scoring at least ``threshold``."""
    every = [n for n in names if n.norm]
    found: Found = {}
    keys = _Keys()
    blocks: dict[str, list[Named]] = defaultdict(list)
    for named in every:
        for key in block_keys(named.norm):
            blocks[key].append(named)
    for block in blocks.values():
        if len(block) > MAX_BLOCK:
            _neighbourhood(block, threshold, found, keys)
        elif len(block) > 1:
            _all_pairs(block, threshold, found, keys)
    _neighbourhood(every, threshold, found, keys)
    return found


def same_key_pairs(groups: Iterable[Sequence[int]]) -> set[tuple[int, int]]:
    """Every pair within each group of ids sharing a key (e.g. one email address)."""
    pairs: set[tuple[int, int]] = set()
    for group in groups:
        for a, b in combinations(sorted(set(group)), 2):
            pairs.add((a, b))
    return pairs
