from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from tracker.domain.enums import MissionStatus
from tracker.domain.errors import RuleViolation, ValidationError
from tracker.domain.mission_rules import MOVES, check_move, mission_status, validate_mission

S = MissionStatus


def test_fields_are_cleaned_and_typed() -> None:
    data = validate_mission(
        {
            "title": "  Brussels,   cluster partnering ",
            "city": " Brussels ",
            "start": "24/10/2018",
            "end": "26 ottobre 2018",
            "purpose": "Meet EU clusters.\nTalk COSME.",
            "notes": None,
        }
    )
    assert data.title == "Brussels, cluster partnering"
    assert data.city == "Brussels"
    assert (data.start_date, data.end_date, data.days) == (
        date(2018, 10, 24),
        date(2018, 10, 26),
        3,
    )
    assert data.purpose == "Meet EU clusters.\nTalk COSME."
    assert data.notes == ""


def test_dates_may_come_as_dates_and_a_blank_end_means_one_day() -> None:
    data = validate_mission({"title": "Day trip", "start": date(2018, 10, 25), "end": ""})
    assert data.start_date == data.end_date == date(2018, 10, 25)


def test_every_bad_field_is_named_at_once() -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_mission({"title": " ", "start": "31/02/2018", "end": "yesterday"})
    errors = excinfo.value.errors
    assert set(errors) == {"title", "start", "end"}
    assert "February 2018 has 28 days" in errors["start"]
    assert "needs a title" in errors["title"]


def test_end_before_start_and_missing_start() -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_mission({"title": "x", "start": "26/10/2018", "end": "24/10/2018"})
    assert excinfo.value.errors == {
        "end": "the mission cannot end (24/10/2018) before it starts (26/10/2018)"
    }
    with pytest.raises(ValidationError) as excinfo:
        validate_mission({"title": "x"})
    assert set(excinfo.value.errors) == {"start"}


def test_a_year_long_mission_is_a_typo() -> None:
    with pytest.raises(ValidationError, match="check the year"):
        validate_mission({"title": "x", "start": "24/10/2018", "end": "26/10/2019"})


def test_status_is_not_a_form_field() -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_mission({"title": "x", "start": "24/10/2018", "status": "done"})
    assert set(excinfo.value.errors) == {"status"}


def test_status_names() -> None:
    assert mission_status(" Booked ") is S.BOOKED
    with pytest.raises(ValidationError, match="draft, planned, booked, done, cancelled"):
        mission_status("flying")
    with pytest.raises(ValidationError):
        mission_status("")


def test_the_pipeline_goes_forward_and_one_step_back() -> None:
    path = [S.DRAFT, S.PLANNED, S.BOOKED, S.DONE]
    for current, new in pairwise(path):
        check_move("Trip", current, new, participants=1)
    check_move("Trip", S.BOOKED, S.PLANNED, participants=1)
    check_move("Trip", S.DONE, S.BOOKED, participants=1)
    check_move("Trip", S.CANCELLED, S.DRAFT, participants=0)
    check_move("Trip", S.PLANNED, S.PLANNED, participants=0)  # staying put is fine
    for status in (S.DRAFT, S.PLANNED, S.BOOKED):
        assert S.CANCELLED in MOVES[status]


@pytest.mark.parametrize(
    ("current", "new"),
    [(S.DRAFT, S.BOOKED), (S.DRAFT, S.DONE), (S.PLANNED, S.DONE), (S.DONE, S.CANCELLED)],
)
def test_skipping_steps_is_refused_with_the_way_forward(current: S, new: S) -> None:
    with pytest.raises(RuleViolation, match=f"'Trip' is {current.value}: it can become"):
        check_move("Trip", current, new, participants=1)


def test_booking_needs_someone_to_travel() -> None:
    with pytest.raises(RuleViolation, match="nobody travelling"):
        check_move("Trip", S.PLANNED, S.BOOKED, participants=0)
