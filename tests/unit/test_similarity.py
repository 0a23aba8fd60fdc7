"""The pure parts of similarity search and duplicate blocking."""

from __future__ import annotations

import random

import pytest

from tracker.domain.contact_rules import normalise_person_name
from tracker.services import _blocking
from tracker.services._blocking import Named, block_keys, same_key_pairs, similar_pairs
from tracker.services._similar import score, upper_bound


@pytest.mark.parametrize(
    ("prefix", "bound"),
    [("An", "Ao"), ("AN", "AO"), ("Az", "B"), ("zz", None), ("A9", "B"), ("Mü", "N"), ("", None)],
)
def test_upper_bound_is_above_every_string_with_the_prefix(prefix: str, bound: str | None) -> None:
    assert upper_bound(prefix) == bound
    if bound is not None:
        for tail in ("", "a", "zzz", "\uffff", " x"):
            assert prefix + tail < bound


def test_scores_ignore_word_order() -> None:
    assert score("anna rossi", "anna rossi") == 100.0
    assert score(normalise_person_name("ROSSI Anna"), normalise_person_name("Anna Rossi")) == 100
    assert score("anna rossi", "marco bianchi") < 60


def test_block_keys_put_reordered_and_longer_names_together() -> None:
    assert block_keys("anna rossi") & block_keys("anna maria rossi")
    assert block_keys("anna rossi") & block_keys("ana rossi")
    assert block_keys("biowin") == {"biow|"}
    assert block_keys("of the") == set()


def test_similar_pairs_find_typos_and_reordering() -> None:
    names = [
        Named(1, normalise_person_name("Anna Rossi")),
        Named(2, normalise_person_name("ROSSI Anna")),
        Named(3, normalise_person_name("Anna Rosi")),
        Named(4, normalise_person_name("Marco Bianchi")),
    ]
    found = similar_pairs(names, 90)
    assert found[(1, 2)] == 100.0
    assert (1, 3) in found and (2, 3) in found
    assert not any(4 in pair for pair in found)


def test_neighbourhood_catches_split_words() -> None:
    found = similar_pairs([Named(1, "biowin"), Named(2, "bio win")], 90)
    assert (1, 2) in found


def test_same_key_pairs() -> None:
    assert same_key_pairs([[3, 1, 2], [7]]) == {(1, 2), (1, 3), (2, 3)}


def test_blocking_stays_far_below_all_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    first = ["anna", "marco", "giulia", "luca", "sara", "paolo", "elena", "hans", "marie", "john"]
    syllables = ["ro", "bi", "an", "chi", "ssi", "co", "lo", "ver", "di", "mar", "te", "no"]
    names = [
        Named(i, f"{rng.choice(first)} {''.join(rng.choices(syllables, k=3))}") for i in range(5000)
    ]
    compared = 0
    real = _blocking._scores

    def counting(key: str, keys: list[str], threshold: float) -> list[tuple[int, float]]:
        nonlocal compared
        compared += len(keys)
        return real(key, keys, threshold)

    monkeypatch.setattr(_blocking, "_scores", counting)
    similar_pairs(names, 90)
    all_pairs = len(names) * (len(names) - 1) // 2
    assert compared < all_pairs / 20
