"""The duplicate finder as it was before pairs were kept lean (commit 3d26ee6), frozen
here as the reference the faster pass must agree with, pair for pair and in order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from rapidfuzz import fuzz, process

from tracker.services import _blocking
from tracker.services._blocking import Named, block_keys

Pair = tuple[int, int]


def _record(a: Named, b: Named, score: float, found: dict[Pair, float]) -> None:
    if a.id != b.id:
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        found[key] = max(found.get(key, 0.0), round(score, 1))


def _sorted_words(norm: str) -> str:
    return " ".join(sorted(norm.split()))


def _compare(
    a: Named,
    others: Sequence[Named],
    keys: Sequence[str],
    threshold: float,
    found: dict[Pair, float],
) -> None:
    hits = process.extract(
        _sorted_words(a.norm), keys, scorer=fuzz.ratio, score_cutoff=threshold, limit=None
    )
    for _, score, index in hits:
        _record(a, others[index], score, found)


def _all_pairs(names: Sequence[Named], threshold: float, found: dict[Pair, float]) -> None:
    keys = [_sorted_words(n.norm) for n in names]
    for i, a in enumerate(names[:-1]):
        _compare(a, names[i + 1 :], keys[i + 1 :], threshold, found)


def _neighbourhood(names: Sequence[Named], threshold: float, found: dict[Pair, float]) -> None:
    ordered = sorted(names, key=lambda n: (n.norm.replace(" ", ""), n.id))
    keys = [_sorted_words(n.norm) for n in ordered]
    for i, a in enumerate(ordered):
        window = slice(i + 1, i + 1 + _blocking.WINDOW)
        _compare(a, ordered[window], keys[window], threshold, found)


def similar_pairs(names: Iterable[Named], threshold: float) -> dict[Pair, float]:
    every = [n for n in names if n.norm]
    found: dict[Pair, float] = {}
    blocks: dict[str, list[Named]] = defaultdict(list)
    for named in every:
        for key in block_keys(named.norm):
            blocks[key].append(named)
    for block in blocks.values():
        if len(block) > _blocking.MAX_BLOCK:
            _neighbourhood(block, threshold, found)
        elif len(block) > 1:
            _all_pairs(block, threshold, found)
    _neighbourhood(every, threshold, found)
    return found


def pairs(
    names: dict[int, str],
    norms: dict[int, str],
    exact: dict[str, set[Pair]],
    threshold: float,
    keep: Callable[[int, int], bool] = lambda a, b: True,
) -> list[tuple[Pair, float, tuple[str, ...]]]:
    """(pair, score, reasons), best first, as the finder listed them."""
    reasons: dict[Pair, list[str]] = defaultdict(list)
    scores: dict[Pair, float] = {}
    for reason, found in exact.items():
        for pair in found:
            reasons[pair].append(reason)
            scores[pair] = 100.0
    for pair, score in similar_pairs((Named(i, n) for i, n in norms.items()), threshold).items():
        if norms[pair[0]] == norms[pair[1]]:
            reasons[pair].append("same name")
        elif keep(*pair):
            reasons[pair].append(f"similar names ({score:.0f}%)")
        else:
            continue
        scores[pair] = max(scores.get(pair, 0.0), score)
    listed = [(pair, scores[pair], tuple(reasons[pair])) for pair in reasons]
    listed.sort(key=lambda p: (-p[1], names[p[0][0]].lower(), p[0]))
    return listed
