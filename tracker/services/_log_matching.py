"""What the contact log's filter box matches, and how a page of it is found: words of an
entry's summary or follow-up, or the names of the organisations and people linked to it,
through the search index."""

from __future__ import annotations

from dataclasses import dataclass
from math import isqrt
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    exists,
    func,
    literal_column,
    or_,
    select,
    table,
    union,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from tracker.db import fts
from tracker.domain.models import (
    Interaction,
    InteractionOrganisation,
    InteractionPerson,
    Organisation,
    Person,
)
from tracker.services._query import word_prefix
from tracker.services._text_match import substring_ids, word_ids
from tracker.services.search_text import MIN_SUBSTRING, fts5_prefix_query, terms_of


@dataclass(frozen=True)
class Arms:
    """The three ways an entry matches: its own words (ids from the index), a linked
    organisation's name, a linked person's name (ids of those organisations and people)."""

    words: Select[Any]
    organisations: Select[Any]
    people: Select[Any]

    def entries(self) -> tuple[Select[Any], Select[Any], Select[Any]]:
        return (
            self.words,
            select(InteractionOrganisation.interaction_id).where(
                InteractionOrganisation.organisation_id.in_(self.organisations)
            ),
            select(InteractionPerson.interaction_id).where(
                InteractionPerson.person_id.in_(self.people)
            ),
        )

    def union(self) -> CompoundSelect[Any]:
        return union(*self.entries())

    def count_at_most(self, cap: int) -> Select[int]:
        """How many entries match, counting no further than ``cap``: the arms are read
        lazily one after the other, and distinct ids counted until there are ``cap``."""
        ids = union_all(*self.entries()).subquery()
        first = select(ids.c[0]).distinct().limit(cap).subquery()
        return select(func.count()).select_from(first)

    def words_at_most(self, cap: int) -> Select[int]:
        return select(func.count()).select_from(self.words.limit(cap).subquery())

    def row_matches(self, text: str, probe_words: bool) -> ColumnElement[bool]:
        """The test of one entry, for walking the log in date order: its links first (two
        primary-key reads), then its words. ``probe_words`` asks the index about this one
        entry (~40 µs) instead of building the set of every entry the words match (~80 ns
        an entry): better when that set is a large share of the log."""
        by_org = exists().where(
            InteractionOrganisation.interaction_id == Interaction.id,
            # ``+ 0``: look up the entry's links, then test each against the names' ids
            # (without it SQLite may probe the entry once per matching organisation).
            (InteractionOrganisation.organisation_id + 0).in_(self.organisations),
        )
        by_person = exists().where(
            InteractionPerson.interaction_id == Interaction.id,
            (InteractionPerson.person_id + 0).in_(self.people),
        )
        if probe_words:
            index = fts.SEARCH_TABLE["interactions"].fts
            words: ColumnElement[bool] = exists(
                select(literal_column("1"))
                .select_from(table(index))
                .where(
                    literal_column(index).op("MATCH")(fts5_prefix_query(terms_of(text))),
                    literal_column(f"{index}.rowid") == Interaction.id,
                )
            )
        else:
            words = (Interaction.id + 0).in_(self.words)
        return or_(by_org, by_person, words)


def matching_arms(text: str, sqlite: bool) -> Arms | None:
    """The arms of ``text``; None for a text without a word (punctuation only)."""
    words = word_ids(sqlite, "interactions", text)
    if words is None:
        return None
    return Arms(
        words,
        _names(sqlite, Organisation.id, Organisation.name, text),
        _names(sqlite, Person.id, Person.full_name, text),
    )


def matching_ids(text: str, sqlite: bool) -> CompoundSelect[Any] | None:
    """The entries a word of whose summary or follow-up starts with the text's words, or
    a linked organisation's or person's name contains the text (a text shorter than three
    characters: starts a word of the name), through the search index. None for a text
    without a word (punctuation only): ``matching`` compares the text itself then."""
    arms = matching_arms(text, sqlite)
    return None if arms is None else arms.union()


def matching(
    text: str, sqlite: bool, key: ColumnElement[int] | InstrumentedAttribute[int]
) -> ColumnElement[bool]:
    ids = matching_ids(text, sqlite)
    if ids is not None:
        return key.in_(ids)
    by_org = select(InteractionOrganisation.interaction_id).where(
        InteractionOrganisation.organisation_id.in_(
            select(Organisation.id).where(Organisation.name.icontains(text, autoescape=True))
        )
    )
    by_person = select(InteractionPerson.interaction_id).where(
        InteractionPerson.person_id.in_(
            select(Person.id).where(Person.full_name.icontains(text, autoescape=True))
        )
    )
    return or_(
        Interaction.summary.icontains(text, autoescape=True),
        Interaction.follow_up.icontains(text, autoescape=True),
        key.in_(by_org),
        key.in_(by_person),
    )


def _names(
    sqlite: bool, key: InstrumentedAttribute[int], name: InstrumentedAttribute[str], text: str
) -> Select[Any]:
    """Ids of the organisations or people whose name matches (see ``matching``)."""
    table_name, column = name.class_.__tablename__, name.key
    if sqlite:
        found = substring_ids(table_name, text, (column,))
        if found is None:
            found = word_ids(True, table_name, text, (column,))
        if found is not None:
            return found
    long_enough = len(text) >= MIN_SUBSTRING
    return select(key).where(
        name.icontains(text, autoescape=True) if long_enough else word_prefix(name, text)
    )


NEWEST_FIRST = (
    Interaction.occurred_on.desc(),
    Interaction.occurred_time.is_(None),
    Interaction.occurred_time.desc(),
    Interaction.id.desc(),
)
# Asking the index about one entry costs ~500 times adding an entry to the set of all
# the words' matches: see ``Arms.row_matches``.
PROBE_COST = 500
# Walking visits an entry for ~2 µs; sorting the matches costs ~1 µs a match.
WALK_COST = 1


def text_page(
    session: Session,
    stmt: Select[Any],
    arms: Arms,
    text: str,
    cap: int | None,
    offset: int,
    limit: int,
) -> tuple[list[int], int, bool]:
    """SQLite, a filter text with words: the page's ids, the count (stopped at ``cap``),
    whether it stopped.

    Few matches: their ids, sorted by date. Many: the log walked newest first (its date
    index) and each entry tested, which stops once the page is full. The two give the
    same rows in the same order.
    """
    ids_only = stmt.with_only_columns(Interaction.id)
    only_text = stmt.whereclause is None
    counted: Select[int]
    if only_text and cap is not None:
        counted = arms.count_at_most(cap)
    else:
        matched = ids_only.where(Interaction.id.in_(arms.union())) if not only_text else None
        source = arms.union() if matched is None else matched.limit(cap)
        counted = select(func.count()).select_from(source.subquery())
    total: int = session.scalar(counted) or 0
    capped = cap is not None and total >= cap
    # Walking visits about (offset + limit) * entries / matches entries; sorting costs
    # the number of matches. A capped count has more matches still: walk.
    entries: int = session.scalar(select(func.count()).select_from(Interaction)) or 0
    condition: ColumnElement[bool]
    if not capped and (offset + limit) * entries * WALK_COST >= total * total:
        condition = Interaction.id.in_(arms.union())
    else:
        # Probing walks about (offset + limit) * entries / matches entries; building the
        # words' set costs their number. Count the words' matches only as far as decides.
        enough = isqrt((offset + limit) * entries * PROBE_COST) + 1
        probe = (session.scalar(arms.words_at_most(enough)) or 0) >= enough
        condition = arms.row_matches(text, probe)
    page = ids_only.where(condition).order_by(*NEWEST_FIRST).offset(offset).limit(limit)
    return list(session.scalars(page)), total, capped
