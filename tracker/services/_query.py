"""Pieces shared by the paged lists of the partner services."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import InstrumentedAttribute

MAX_PAGE = 500


def window(offset: int, limit: int) -> tuple[int, int]:
    """A page's offset and limit, clamped to what a screen can sensibly ask for."""
    return max(0, offset), max(1, min(limit, MAX_PAGE))


def word_prefix(
    column: InstrumentedAttribute[str] | ColumnElement[str], text: str
) -> ColumnElement[bool]:
    """The text starts the column's value or one of its words; case ignored."""
    return column.istartswith(text, autoescape=True) | column.icontains(" " + text, autoescape=True)


def sort_keys(
    keys: Sequence[tuple[ColumnElement[Any] | InstrumentedAttribute[Any], bool]],
    descending: bool,
) -> list[ColumnElement[Any]]:
    """ORDER BY terms from (key, newest-first) pairs; ``descending`` turns each around."""
    return [key.desc() if newest != descending else key.asc() for key, newest in keys]
