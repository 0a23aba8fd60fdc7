"""Pieces shared by the paged lists of the partner services."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, UnaryExpression
from sqlalchemy.orm import InstrumentedAttribute, QueryableAttribute

MAX_PAGE = 500
SortKey = ColumnElement[Any] | QueryableAttribute[Any]


def window(offset: int, limit: int) -> tuple[int, int]:
    """A page's offset and limit, clamped to what a screen can sensibly ask for."""
    return max(0, offset), max(1, min(limit, MAX_PAGE))


def word_prefix(column: InstrumentedAttribute[str], text: str) -> ColumnElement[bool]:
    """The text starts the column's value or one of its words; case ignored."""
    return column.istartswith(text, autoescape=True) | column.icontains(" " + text, autoescape=True)


def directed(
    keys: Sequence[SortKey], descending: bool, first_descending: bool = False
) -> list[UnaryExpression[Any]]:
    """ORDER BY keys, each given once a direction: ascending, or all reversed.

    ``first_descending`` makes the first key's natural order descending (the latest
    change first); reversing the list then makes it ascending, never ``DESC DESC``.
    """
    ordered = []
    for index, key in enumerate(keys):
        down = descending != (first_descending and index == 0)
        ordered.append(key.desc() if down else key.asc())
    return ordered
