"""Guarantee 5 (forms): whatever is typed into a form's fields, the services answer with
our own errors naming the field, never a database error (DataError on PostgreSQL for a
too-long value or a NUL character) and never a half-saved record."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.harness import EXAMPLES_FACTOR
from tracker.domain.errors import TrackerError
from tracker.domain.event_rules import validate_event
from tracker.services.context import Services

EXAMPLES = 25 * EXAMPLES_FACTOR

# Text a user (or a paste) could put in a field: any characters, NUL and controls
# included, from empty to far past every column's limit.
hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=100, max_size=700),
    st.sampled_from(["\x00", "a\x00b", "x" * 301, "https://" + "a" * 600 + ".eu", " \t\n "]),
)


def _fields(names: tuple[str, ...]) -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({}, optional={name: hostile_text for name in names})


def _only_our_errors(act: Callable[[], object], count: Callable[[], int]) -> None:
    before = count()
    try:
        act()
    except TrackerError:
        assert count() == before  # refused: nothing written
    # anything else (DataError, ValueError...) fails the test with its traceback


def _rows(services: Services, table: str) -> Callable[[], int]:
    from sqlalchemy import text

    def count() -> int:
        with services.db.read() as session:
            return int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())

    return count


FORMS: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "organisation": ("organisations", ("name", "city", "website", "eccp_url", "notes", "tags")),
    "person": (
        "people",
        ("name", "role", "email", "phone", "languages", "notes", "consent_source"),
    ),
    "event": ("events", ("name", "city", "organiser", "url", "why", "notes", "start", "end")),
    "call": ("funding_calls", ("programme", "name", "identifier", "url", "notes", "budget")),
    "entry": ("interactions", ("summary", "follow_up", "date", "time", "due")),
    "mission": ("missions", ("title", "city", "purpose", "notes", "start", "end")),
}


def _act(services: Services, form: str, fields: dict[str, str]) -> Callable[[], object]:
    if form == "organisation":
        return lambda: services.organisations.create(fields)
    if form == "person":
        return lambda: services.people.create(fields)
    if form == "event":
        return lambda: services.events.create(2018, validate_event(fields))
    if form == "call":
        return lambda: services.funding.add_call(fields)
    if form == "entry":
        return lambda: services.contact_log.add(fields)
    return lambda: services.missions.create(2018, "BE", {"start": "24/10/2018", **fields})


@pytest.mark.parametrize("form", sorted(FORMS))
def test_any_text_in_any_field_is_saved_or_refused_by_us(services: Services, form: str) -> None:
    table, names = FORMS[form]

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(fields=_fields(names))
    def check(fields: dict[str, str]) -> None:
        _only_our_errors(_act(services, form, fields), _rows(services, table))

    check()


def _too_long(field: str) -> str:
    if field in ("url", "website", "eccp_url"):
        return "https://example.eu/" + "a" * 1000
    if field == "email":
        return "a" * 60 + "@" + "b" * 60 + "." + "c" * 60 + ".eu"
    if field in ("start", "end", "date", "due", "time", "budget", "phone"):
        return "1" * 1000
    return "Ab " * 400


@pytest.mark.parametrize("form", sorted(FORMS))
def test_a_value_past_its_column_is_refused_by_name(services: Services, form: str) -> None:
    """The table-driven half: every field of every form, one value too long for it."""
    table, names = FORMS[form]
    count = _rows(services, table)
    for field in names:
        fields = {"name": "Valid name", "title": "Valid title", "programme": "COSME"}
        fields[field] = _too_long(field)
        before = count()
        try:
            _act(services, form, fields)()
        except TrackerError as exc:
            assert count() == before, field
            assert str(exc), field
