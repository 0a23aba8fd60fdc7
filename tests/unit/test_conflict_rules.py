from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from tracker.domain.conflict_rules import (
    DeadlineMark,
    EventSpan,
    MissionSpan,
    Traveller,
    find_conflicts,
    public_holidays,
    span_text,
)

ANNA = Traveller(1, "Anna Rossi")
LUCA = Traveller(2, "Luca Bianchi")


def mission(
    mid: int,
    start: date,
    end: date,
    *people: Traveller,
    code: str = "BE",
    country: str = "Belgium",
) -> MissionSpan:
    return MissionSpan(mid, f"Mission {mid}", code, country, start, end, tuple(people))


def no_holidays(code: str, start: date, end: date) -> Mapping[date, str]:
    return {}


def test_two_missions_of_one_person_overlapping() -> None:
    a = mission(1, date(2018, 10, 24), date(2018, 10, 26), ANNA, LUCA)
    b = mission(2, date(2018, 10, 26), date(2018, 10, 30), ANNA, code="US", country="USA")
    (found,) = find_conflicts([a, b], holidays_of=no_holidays)
    assert (found.kind, found.severity) == ("participant_overlap", "warning")
    assert (found.mission_id, found.other_mission_id, found.person_id) == (1, 2, 1)
    assert (found.start, found.end) == (date(2018, 10, 26), date(2018, 10, 26))
    assert found.message == (
        "Anna Rossi would be on two missions at once on 26/10/2018: "
        "'Mission 1' (24–26/10/2018) and 'Mission 2' (26–30/10/2018)"
    )
    assert found.concerns("mission", 1) and found.concerns("mission", 2)
    assert not found.concerns("event", 1)


def test_back_to_back_or_with_other_people_is_no_overlap() -> None:
    a = mission(1, date(2018, 10, 24), date(2018, 10, 26), ANNA)
    b = mission(2, date(2018, 10, 27), date(2018, 10, 30), ANNA)
    c = mission(3, date(2018, 10, 24), date(2018, 10, 26), LUCA)
    assert find_conflicts([a, b, c], holidays_of=no_holidays) == ()


def test_focus_keeps_only_the_clashes_of_those_missions() -> None:
    a = mission(1, date(2018, 10, 24), date(2018, 10, 26), ANNA)
    b = mission(2, date(2018, 10, 25), date(2018, 10, 26), ANNA)
    c = mission(3, date(2018, 10, 25), date(2018, 10, 26), ANNA)
    found = find_conflicts([a, b, c], holidays_of=no_holidays, focus=[3])
    assert {(x.mission_id, x.other_mission_id) for x in found} == {(1, 3), (2, 3)}


def test_an_event_outside_its_mission() -> None:
    a = mission(1, date(2018, 10, 24), date(2018, 10, 26))
    inside = EventSpan(10, "Cluster partnering event", date(2018, 10, 25), date(2018, 10, 25), (1,))
    astride = EventSpan(11, "EUREGA", date(2018, 10, 26), date(2018, 10, 27), (1,))
    elsewhere = EventSpan(12, "Other", date(2018, 12, 1), date(2018, 12, 1), (99,))
    (found,) = find_conflicts([a], [inside, astride, elsewhere], holidays_of=no_holidays)
    assert (found.kind, found.event_id, found.mission_id) == ("event_outside_mission", 11, 1)
    assert found.message.startswith("'EUREGA' (26–27/10/2018) is not within its mission")
    assert found.concerns("event", 11)


def test_missions_on_public_holidays() -> None:
    be = mission(1, date(2018, 10, 31), date(2018, 11, 2))
    us = mission(2, date(2018, 7, 3), date(2018, 7, 5), code="US", country="the USA")
    found = find_conflicts([be, us])
    assert [(c.kind, c.severity, c.mission_id, c.start) for c in found] == [
        ("mission_on_holiday", "hint", 2, date(2018, 7, 4)),
        ("mission_on_holiday", "hint", 1, date(2018, 11, 1)),
    ]
    assert "the USA on Wednesday 04/07/2018, a public holiday there (Independence Day)" in (
        found[0].message
    )
    assert "All Saints' Day" in found[1].message


def test_no_holiday_no_hint_and_unknown_countries_have_none() -> None:
    assert find_conflicts([mission(1, date(2018, 10, 24), date(2018, 10, 26))]) == ()
    assert public_holidays("ZZ", date(2018, 1, 1), date(2018, 12, 31)) == {}
    unknown = mission(1, date(2018, 12, 24), date(2018, 12, 27), code="ZZ", country="Nowhere")
    assert find_conflicts([unknown]) == ()


def test_holidays_across_new_year() -> None:
    days = public_holidays("be", date(2018, 12, 24), date(2019, 1, 2))
    assert list(days) == [date(2018, 12, 25), date(2019, 1, 1)]


def test_a_deadline_while_people_travel() -> None:
    a = mission(1, date(2018, 10, 24), date(2018, 10, 26), ANNA, LUCA)
    due = DeadlineMark(7, 3, "COSME Go International", "stage 1", date(2018, 10, 25))
    later = DeadlineMark(8, 3, "COSME Go International", "stage 2", date(2018, 10, 27))
    (found,) = find_conflicts([a], deadlines=[due, later], holidays_of=no_holidays)
    assert (found.kind, found.severity, found.deadline_id, found.call_id) == (
        "deadline_during_mission",
        "hint",
        7,
        3,
    )
    assert found.message == (
        "COSME Go International (stage 1) is due on 25/10/2018, during 'Mission 1' "
        "(24–26/10/2018): Anna Rossi and Luca Bianchi will be away, "
        "so get the proposal in before leaving"
    )


def test_conflicts_come_by_date_warnings_first() -> None:
    a = mission(1, date(2018, 10, 31), date(2018, 11, 2), ANNA)
    b = mission(2, date(2018, 11, 1), date(2018, 11, 1), ANNA)
    found = find_conflicts([a, b])
    assert [c.kind for c in found] == [
        "participant_overlap",
        "mission_on_holiday",
        "mission_on_holiday",
    ]


def test_span_text() -> None:
    assert span_text(date(2018, 10, 25), date(2018, 10, 25)) == "25/10/2018"
    assert span_text(date(2018, 10, 24), date(2018, 10, 26)) == "24–26/10/2018"
    assert span_text(date(2018, 10, 30), date(2018, 11, 2)) == "30/10/2018–02/11/2018"
