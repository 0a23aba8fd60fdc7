"""ORG, PERSON, EVENT, CALL and CONSORTIUM as typed: an id (12, #12) or a name.

An exact name wins, then a unique partial one (the services decide). When a name is
ambiguous the error lists the candidates; when nothing matches it lists the names that
look alike, so the next try can name one by its id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from tracker.cli.context import CliContext
from tracker.domain.errors import NotFoundError, TrackerError, ValidationError
from tracker.i18n import _

if TYPE_CHECKING:
    from tracker.services.dto import EventDetail
    from tracker.services.dto_partners import OrganisationDetail, PersonDetail, SimilarName
from tracker.services.dto_funding import CallInfo, ConsortiumInfo

T = TypeVar("T")
SUGGESTED = 5
LOOKS_ALIKE = 60.0  # a lower bar than the form's as-you-type hint: this is a typo hunt


def _is_id(text: str) -> bool:
    return text.strip().removeprefix("#").isdigit()


def _candidates(names: Sequence[SimilarName]) -> str:
    return "; ".join(f"#{n.id} {n.name}" + (f" ({n.detail})" if n.detail else "") for n in names)


def _unknown(exc: NotFoundError, alike: Sequence[SimilarName], how_to_add: str) -> NotFoundError:
    if alike:
        return NotFoundError(
            _("{exc}; did you mean: {candidates}").format(exc=exc, candidates=_candidates(alike))
        )
    return NotFoundError(f"{exc} ({how_to_add})" if how_to_add else str(exc))


def organisation(cli: CliContext, text: str) -> OrganisationDetail:
    service = cli.services.organisations
    try:
        return service.find(text)
    except NotFoundError as exc:
        if _is_id(text):
            raise
        alike = service.similar(text, SUGGESTED, min_score=LOOKS_ALIKE)
        raise _unknown(exc, alike, "`tracker orgs add` creates one") from exc


def person(cli: CliContext, text: str) -> PersonDetail:
    service = cli.services.people
    try:
        return service.find(text)
    except NotFoundError as exc:
        if _is_id(text):
            raise
        alike = service.similar(text, SUGGESTED, min_score=LOOKS_ALIKE)
        raise _unknown(exc, alike, "`tracker people add` creates one") from exc


def event(cli: CliContext, text: str, year: int | None = None) -> EventDetail:
    """An event by id or name (within a plan year, if given)."""
    try:
        return cli.services.events.find(text, year)
    except NotFoundError as exc:
        if _is_id(text):
            raise
        hits = cli.services.search.search(text, kinds=["event"], limit=SUGGESTED).hits
        listed = "; ".join(f"#{h.id} {h.title}" for h in hits)
        raise NotFoundError(
            _("{exc}; did you mean: {listed}").format(exc=exc, listed=listed) if hits else str(exc)
        ) from exc


def call(cli: CliContext, text: str) -> CallInfo:
    try:
        return cli.services.funding.find_call(text)
    except NotFoundError as exc:
        if _is_id(text):
            raise
        raise _unknown(exc, (), "`tracker calls list` shows them all") from exc


def consortium(cli: CliContext, text: str) -> ConsortiumInfo:
    try:
        return cli.services.funding.find_consortium(text)
    except NotFoundError as exc:
        if _is_id(text):
            raise
        raise _unknown(exc, (), "`tracker consortia list` shows them all") from exc


def every(
    field: str, texts: Sequence[str], find: Callable[[str], T], errors: dict[str, str]
) -> list[T]:
    """Each reference resolved; each one that fails adds a line to ``errors``.

    Lines are keyed by ``field`` ("org", "org 2"...), so a command can report every
    bad name at once and write nothing.
    """
    found: list[T] = []
    for text in texts:
        try:
            found.append(find(text))
        except TrackerError as exc:
            key = field
            n = 1
            while key in errors:
                n += 1
                key = f"{field} {n}"
            errors[key] = str(exc)
    return found


def check(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)
