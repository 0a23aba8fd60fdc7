"""The shortcuts for plain text in ``fold`` and ``text_of`` change no result."""

from __future__ import annotations

import random
import re
import unicodedata

from tracker.domain.contact_fields import text_of, without_controls
from tracker.domain.contact_rules import fold


def _fold_always_decomposing(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = plain.replace(".", "").replace("'", " ").replace("’", " ")
    return " ".join(re.sub(r"[^\w]+|_", " ", plain).split())


def _text_always_cleaning(value: str, field: str) -> str:
    text = without_controls(value)
    return text.strip() if field == "notes" else " ".join(text.split())


def _texts() -> list[str]:
    rng = random.Random(11)
    alphabet = [chr(i) for i in range(0x300)]
    alphabet += list("\u2028\u2029\u00a0\u200b\ufeff\u0301ß ﬁ№ǅ’") + list("abc ABC.,;'") * 20
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]


def test_fold_reads_ascii_and_other_text_alike() -> None:
    for text in [*_texts(), "Dott.ssa Anna D'Agostino", "Niccolò Ferrè", "ÀLVARO NÚÑEZ"]:
        assert fold(text) == _fold_always_decomposing(text), repr(text)


def test_text_of_drops_controls_and_spaces_as_before() -> None:
    for text in [*_texts(), "a\x00b\x07 c", " a \t b \n", "x\x7fy"]:
        for field in ("name", "notes"):
            assert text_of({field: text}, field) == _text_always_cleaning(text, field), repr(text)
