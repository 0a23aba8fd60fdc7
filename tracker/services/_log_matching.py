"""What the contact log's filter box matches: words of an entry's summary or follow-up,
or the names of the organisations and people linked to it, through the search index."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, Select, or_, select, union
from sqlalchemy.orm import InstrumentedAttribute

from tracker.domain.models import (
    Interaction,
    InteractionOrganisation,
    InteractionPerson,
    Organisation,
    Person,
)
from tracker.services._query import word_prefix
from tracker.services._text_match import substring_ids, word_ids
from tracker.services.search_text import MIN_SUBSTRING


def matching_ids(text: str, sqlite: bool) -> CompoundSelect[Any] | None:
    """The entries a word of whose summary or follow-up starts with the text's words, or
    a linked organisation's or person's name contains the text (a text shorter than three
    characters: starts a word of the name), through the search index. None for a text
    without a word (punctuation only): ``matching`` compares the text itself then."""
    words = word_ids(sqlite, "interactions", text)
    if words is None:
        return None
    orgs = _names(sqlite, Organisation.id, Organisation.name, text)
    people = _names(sqlite, Person.id, Person.full_name, text)
    return union(
        words,
        select(InteractionOrganisation.interaction_id).where(
            InteractionOrganisation.organisation_id.in_(orgs)
        ),
        select(InteractionPerson.interaction_id).where(InteractionPerson.person_id.in_(people)),
    )


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
