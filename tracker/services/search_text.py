"""From what a user typed to safe search terms, and back to highlighted text.

Whatever is typed (quotes, brackets, AND/NEAR, stars, emoji, a pasted page) is cut into
words and each word becomes a quoted literal, so no query syntax ever reaches the engine.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# Letters and digits: underscore and punctuation separate words, as they do for FTS5's
# unicode61 tokenizer and for the folded PostgreSQL documents.
_WORD = re.compile(r"[^\W_]+")
MAX_TERMS = 10  # a pasted paragraph searches for its first words
MAX_TERM_LENGTH = 64  # longer words are cut: as prefixes they still match
MIN_SUBSTRING = 3  # the shortest word looked for inside names (a trigram)
SNIPPET_WIDTH = 80
_ONE_LINE = str.maketrans("\n\r\t", "   ")


def terms_of(text: str) -> tuple[str, ...]:
    terms: list[str] = []
    for match in _WORD.finditer(text):
        terms.append(match.group()[:MAX_TERM_LENGTH])
        if len(terms) == MAX_TERMS:
            break
    return tuple(terms)


def fts5_prefix_query(terms: Sequence[str]) -> str:
    """Every word as a quoted FTS5 string with a prefix star, all required."""
    return " ".join('"' + t.replace('"', '""') + '"*' for t in terms)


def fts5_substring_query(terms: Sequence[str]) -> str:
    """Every word as a quoted string, for a trigram table: found anywhere in the text."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def tsquery_prefix(terms: Sequence[str]) -> str:
    """Every word as a quoted tsquery lexeme with prefix matching, all required."""
    quoted = ("'" + t.replace("\\", "\\\\").replace("'", "''") + "':*" for t in terms)
    return " & ".join(quoted)


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _folded(text: str) -> tuple[str, list[int]]:
    """The text without case or accents, and where each folded character came from."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for c in _fold_char(ch):
            chars.append(c)
            origin.append(i)
    return "".join(chars), origin


def find_marks(
    text: str, terms: Sequence[str], *, substring: bool = False
) -> list[tuple[int, int]]:
    """Where the terms occur in text: at a word's start, or anywhere when ``substring``."""
    folded, origin = _folded(text)
    spans: list[tuple[int, int]] = []
    for term in terms:
        needle = "".join(_fold_char(c) for c in term)
        if not needle:
            continue
        at = folded.find(needle)
        while at != -1:
            if substring or at == 0 or not folded[at - 1].isalnum():
                spans.append((origin[at], origin[at + len(needle) - 1] + 1))
            at = folded.find(needle, at + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(
    text: str, terms: Sequence[str], *, substring: bool = False, width: int = SNIPPET_WIDTH
) -> tuple[str, tuple[tuple[int, int], ...]] | None:
    """One line of text around its first match, with the matches' spans; None if none."""
    marks = find_marks(text, terms, substring=substring)
    if not marks:
        return None
    start = max(0, marks[0][0] - width // 4)
    if start > 0:  # begin at a word
        space = text.rfind(" ", start, marks[0][0])
        start = space + 1 if space != -1 else start
    end = min(len(text), start + width)
    lead = "…" if start > 0 else ""
    line = lead + text[start:end].translate(_ONE_LINE)
    if end < len(text):
        line += "…"
    shift = len(lead) - start
    shown = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in marks if s < end and e > start
    )
    return line, shown


def first_line(text: str, width: int = SNIPPET_WIDTH) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"
