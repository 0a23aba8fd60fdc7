from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from tracker.domain.errors import ConflictError, NotFoundError, RuleViolation, ValidationError
from tracker.domain.models import Interaction, Organisation, Person
from tracker.services import _log_matching
from tracker.services.context import Services
from tracker.services.dto_partners import InteractionQuery, MeetingEntry

PARTNERING = "Cluster partnering event"  # the seed's one dated event: 25/10/2018
OCT_25 = date(2018, 10, 25)


def counts(services: Services) -> tuple[int, int, int]:
    with services.db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Person)) or 0,
            session.scalar(select(func.count()).select_from(Organisation)) or 0,
            session.scalar(select(func.count()).select_from(Interaction)) or 0,
        )


@pytest.fixture
def anna(services: Services) -> int:
    org = services.organisations.create({"name": "BioWin", "country": "BE"})
    return services.people.create({"name": "Anna Rossi", "organisation": org.id}).id


def test_add_links_the_persons_organisation_and_takes_the_events_date(
    services: Services, anna: int
) -> None:
    entry = services.contact_log.add(
        {"time": "15:30", "summary": "Interested in COSME", "follow_up": "send deck"},
        people=[anna],
        event=PARTNERING,
    )
    assert entry.occurred_on == OCT_25
    assert entry.event is not None and entry.event.name == PARTNERING
    assert [p.name for p in entry.people] == ["Anna Rossi"]
    assert [o.name for o in entry.organisations] == ["BioWin"]
    assert entry.follow_up_open
    assert services.contact_log.get(entry.id) == entry


def test_add_needs_someone_and_a_date(services: Services, anna: int) -> None:
    with pytest.raises(ValidationError, match="whom did you meet"):
        services.contact_log.add({"date": "01/10/2018"})
    with pytest.raises(ValidationError, match="when did it happen"):
        services.contact_log.add({}, people=[anna], event="EUREGA")  # an undated event
    with pytest.raises(NotFoundError):
        services.contact_log.add({"date": "01/10/2018"}, people=["Nobody Atall"])
    assert counts(services)[2] == 0


def test_list_is_newest_first_filtered_and_paged(services: Services, anna: int) -> None:
    enrich = services.organisations.find("ENRICH USA").id
    for day in range(1, 8):
        services.contact_log.add(
            {"date": f"{day:02d}/10/2018", "kind": "call"},
            organisations=[enrich] if day % 2 else [],
            people=[] if day % 2 else [anna],
        )
    page = services.contact_log.list(InteractionQuery(limit=3))
    assert [i.occurred_on.day for i in page.rows] == [7, 6, 5]
    assert (page.total, page.has_more) == (7, True)
    assert [
        i.occurred_on.day
        for i in services.contact_log.list(InteractionQuery(organisation_id=enrich)).rows
    ] == [7, 5, 3, 1]
    assert services.contact_log.list(InteractionQuery(person_id=anna)).total == 3
    between = InteractionQuery(date_from=date(2018, 10, 2), date_to=date(2018, 10, 4))
    assert services.contact_log.list(between).total == 3


def test_list_text_matches_summary_follow_up_and_linked_names(
    services: Services, anna: int
) -> None:
    enrich = services.organisations.find("ENRICH USA").id
    cosme = services.contact_log.add(
        {"date": "01/10/2018", "summary": "Talked about COSME"}, people=[anna]
    )
    deck = services.contact_log.add(
        {"date": "02/10/2018", "follow_up": "send the 100% deck"}, organisations=[enrich]
    )

    def found(text: str) -> list[int]:
        return [i.id for i in services.contact_log.list(InteractionQuery(text=text)).rows]

    assert found("cosme") == [cosme.id]
    assert found("  DECK ") == [deck.id]
    assert found("biowin") == [cosme.id]  # Anna's organisation, linked through her
    assert found("rossi") == [cosme.id]
    assert found("enrich") == [deck.id]
    assert found("100%") == [deck.id]  # wildcards are plain characters
    assert found("0%") == []  # summaries are searched by word (the index), from its start
    assert found("ossi") == [cosme.id]  # names by substring, from three characters
    assert found("ro") == [cosme.id]  # shorter: the start of a word of a name
    assert found("os") == []
    assert found("nothing like it") == []
    assert services.contact_log.list(InteractionQuery(text="ab", person_id=anna)).total == 1


def test_same_day_entries_are_ordered_by_time(services: Services, anna: int) -> None:
    early = services.contact_log.add({"date": "01/10/2018", "time": "09:00"}, people=[anna])
    late = services.contact_log.add({"date": "01/10/2018", "time": "17:00"}, people=[anna])
    untimed = services.contact_log.add({"date": "01/10/2018"}, people=[anna])
    rows = services.contact_log.list(InteractionQuery()).rows
    assert [r.id for r in rows] == [late.id, early.id, untimed.id]


def test_update_fields_links_and_event(services: Services, anna: int) -> None:
    entry = services.contact_log.add({"summary": "first"}, people=[anna], event=PARTNERING)
    enrich = services.organisations.find("ENRICH USA").id
    changed = services.contact_log.update(
        entry.id, {"summary": "rewritten", "kind": "email"}, organisations=[enrich]
    )
    assert (changed.summary, changed.kind, changed.occurred_on) == ("rewritten", "email", OCT_25)
    assert [o.id for o in changed.organisations] == [enrich]
    assert [p.id for p in changed.people] == [anna]  # not given: unchanged
    assert changed.event is not None
    unlinked = services.contact_log.update(entry.id, {}, event=None)
    assert unlinked.event is None
    with pytest.raises(ValidationError, match="needs a person or organisation"):
        services.contact_log.update(entry.id, {}, organisations=[], people=[])
    with pytest.raises(ConflictError):
        services.contact_log.update(entry.id, {"summary": "x"}, expected_version=entry.version)


def test_delete(services: Services, anna: int) -> None:
    entry = services.contact_log.add({"date": "01/10/2018"}, people=[anna])
    services.contact_log.delete(entry.id)
    with pytest.raises(NotFoundError, match="no contact-log entry"):
        services.contact_log.get(entry.id)
    assert services.people.get(anna).interactions == 0


def test_deleting_an_organisation_keeps_its_entries(services: Services, anna: int) -> None:
    biowin = services.organisations.find("BioWin").id
    entry = services.contact_log.add({"date": "01/10/2018"}, organisations=[biowin], people=[anna])
    services.organisations.delete(biowin)
    assert services.contact_log.get(entry.id).organisations == ()
    assert services.people.get(anna).interactions == 1


# -- after the event -----------------------------------------------------------------


def test_batch_creates_people_and_organisations_inline(services: Services, anna: int) -> None:
    result = services.contact_log.log_meeting_batch(
        PARTNERING,
        [
            MeetingEntry(person="Anna Rossi", fields={"summary": "again"}),
            MeetingEntry(
                new_person={"name": "Hans Müller", "email": "hans@bioregio.example"},
                new_organisation={"name": "BioRegio GmbH", "country": "DE", "kind": "cluster"},
                fields={"follow_up": "send call text", "due": "05/11/2018", "time": "10:15"},
            ),
            MeetingEntry(
                new_person={"name": "Petra Schmidt", "phone": "030 1234567"},
                new_organisation={"name": "Bioregio GMBH", "country": "DE"},  # same, once
            ),
            MeetingEntry(organisation="ENRICH USA", fields={"kind": "visit"}),
        ],
    )
    assert [n.name for n in result.organisations_created] == ["BioRegio GmbH"]
    assert [n.name for n in result.people_created] == ["Hans Müller", "Petra Schmidt"]
    assert len(result.interactions) == 4
    assert all(i.event is not None and i.occurred_on == OCT_25 for i in result.interactions)
    hans = services.people.find("Hans Müller")
    assert hans.organisation is not None and hans.organisation.name == "BioRegio GmbH"
    petra = services.people.find("Petra Schmidt")
    assert petra.phone == "+49301234567"  # read as a German number: her organisation's
    assert [o.name for o in result.interactions[0].organisations] == ["BioWin"]
    assert result.interactions[3].people == ()


def test_a_bad_entry_in_the_middle_writes_nothing(services: Services, anna: int) -> None:
    before = counts(services)
    with pytest.raises(ValidationError) as excinfo:
        services.contact_log.log_meeting_batch(
            PARTNERING,
            [
                MeetingEntry(new_person={"name": "Good One"}, new_organisation={"name": "New Co"}),
                MeetingEntry(new_person={"name": "Bad Email", "email": "bad@"}),
                MeetingEntry(person="Nobody Atall"),
                MeetingEntry(person=anna, fields={"date": "31/02/2018"}),
                MeetingEntry(new_person={"name": "Fine Too"}),
            ],
        )
    errors = excinfo.value.errors
    assert set(errors) == {"2.person.email", "3.person", "4.date"}
    assert errors["3.person"] == "no person matches 'Nobody Atall'"
    assert counts(services) == before


def test_batch_entries_need_someone(services: Services) -> None:
    with pytest.raises(ValidationError) as excinfo:
        services.contact_log.log_meeting_batch(
            PARTNERING, [MeetingEntry(fields={"summary": "who was it?"})]
        )
    assert "1.person" in excinfo.value.errors
    with pytest.raises(ValidationError, match="nobody to log"):
        services.contact_log.log_meeting_batch(PARTNERING, [])
    with pytest.raises(ValidationError) as excinfo:
        services.contact_log.log_meeting_batch(
            PARTNERING, [MeetingEntry(person="x", new_person={"name": "y"})]
        )
    assert excinfo.value.errors == {"1.person": "name an existing person or a new one, not both"}


# -- follow-ups ----------------------------------------------------------------------


def _follow_ups(services: Services, person: int) -> dict[str, int]:
    made = {}
    for what, due in [
        ("later", "20/11/2018"),
        ("overdue", "28/10/2018"),
        ("undated", ""),
        ("today", "01/11/2018"),
        ("this week", "05/11/2018"),
    ]:
        fields = {"date": "25/10/2018", "follow_up": what, "due": due}
        made[what] = services.contact_log.add(fields, people=[person]).id
    services.contact_log.add({"date": "25/10/2018", "summary": "no follow-up"}, people=[person])
    return made


def test_follow_ups_soonest_first_with_overdue_marked(services: Services, anna: int) -> None:
    _follow_ups(services, anna)
    today = date(2018, 11, 1)
    page = services.contact_log.followups(today)
    assert [r.what for r in page.rows] == ["overdue", "today", "this week", "later", "undated"]
    assert [r.overdue for r in page.rows] == [True, False, False, False, False]
    assert [r.days_left for r in page.rows] == [-4, 0, 4, 19, None]
    assert page.rows[0].people[0].name == "Anna Rossi"
    overdue = services.contact_log.followups(today, overdue_only=True)
    assert [r.what for r in overdue.rows] == ["overdue"]
    second = services.contact_log.followups(today, offset=2, limit=2)
    assert ([r.what for r in second.rows], second.total) == (["this week", "later"], 5)


def test_follow_up_pages_run_from_the_dated_into_the_undated(services: Services, anna: int) -> None:
    for day in (3, 1, 2):
        services.contact_log.add(
            {"date": f"0{day}/10/2018", "follow_up": f"undated {day}"}, people=[anna]
        )
        services.contact_log.add(
            {"date": "01/10/2018", "follow_up": f"due {day}", "due": f"0{day}/11/2018"},
            people=[anna],
        )
    today = date(2018, 11, 1)
    everything = [r.what for r in services.contact_log.followups(today).rows]
    assert everything == ["due 1", "due 2", "due 3", "undated 1", "undated 2", "undated 3"]
    for size in (1, 2, 4):
        paged = [
            r.what
            for offset in range(0, 6, size)
            for r in services.contact_log.followups(today, offset=offset, limit=size).rows
        ]
        assert paged == everything, size
    assert services.contact_log.followups(today, offset=6).rows == ()
    summary = services.contact_log.followup_summary(today, next_count=4)
    assert [r.what for r in summary.next] == everything[:4]


def test_a_filter_with_many_matches_pages_the_same_way(
    services: Services, anna: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day in range(1, 8):
        services.contact_log.add({"date": f"0{day}/10/2018", "summary": "Met"}, people=[anna])
    query = InteractionQuery(text="rossi", limit=3, offset=2)
    few = services.contact_log.list(query)
    monkeypatch.setattr(_log_matching, "WALK_COST", 0)  # as if there were thousands
    many = services.contact_log.list(query)
    assert (many.rows, many.total) == (few.rows, few.total)
    assert [r.occurred_on.day for r in many.rows] == [5, 4, 3]


FILTER_TEXTS = ("l'ufficio", "ufficio", "d'an", "D'Angelo", "nicolò", "nicolo", "nic", "n")
FILTER_TEXTS += ("s.p.a", "S.p.A.", "spa", "rossi", "ro", "r", "zzz", "2018")


@pytest.fixture
def busy_log(services: Services, anna: int) -> None:
    """Entries matching the filter texts by their words, their organisation's name or
    their person's name, on the same and on different days."""
    spa = services.organisations.create({"name": "Nicolò Trasporti S.p.A.", "country": "IT"})
    angelo = services.people.create({"name": "Marta D'Angelo", "organisation": spa.id})
    summaries = (
        "Incontro con l'ufficio stampa",
        "Call with D'Angelo about the 2018 call",
        "Nicolo and Nicolò at the fair",
        "Visit to S.p.A. partners",
        "Rossi's follow-up",
        "Nothing in particular",
    )
    for i in range(24):
        links = {"people": [anna]} if i % 3 == 0 else {"people": [angelo.id]}
        if i % 4 == 0:
            links = {"organisations": [spa.id]}
        day = 1 + i % 9  # several entries a day: the order's tie-breakers matter
        fields = {"date": f"0{day}/10/2018", "summary": summaries[i % len(summaries)]}
        if i % 5 == 0:
            fields["time"] = f"{8 + i % 4}:00"
        services.contact_log.add(fields, **links)


@pytest.mark.parametrize("text", FILTER_TEXTS)
def test_walking_the_log_finds_what_sorting_the_matches_finds(
    services: Services, busy_log: None, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whichever way a page is found (sort the matches; walk the log testing each entry
    against the set of the words' matches, or asking the index entry by entry), and
    whether or not the count stops early, the rows and their order are the same."""
    pages = [InteractionQuery(text=text, offset=off, limit=4) for off in (0, 4, 12)]
    sorted_ = [services.contact_log.list(q) for q in pages]
    assert sorted_[0].total == len(
        services.contact_log.list(InteractionQuery(text=text, limit=500)).rows
    )
    for walk, probe in ((0, 10**9), (0, 0)):
        monkeypatch.setattr(_log_matching, "WALK_COST", walk)
        monkeypatch.setattr(_log_matching, "PROBE_COST", probe)
        for cap in (None, 5):
            for query, expected in zip(pages, sorted_, strict=True):
                found = services.contact_log.list(replace(query, count_at_most=cap))
                assert found.rows == expected.rows, (walk, probe, cap, query.offset)
                if cap is None or expected.total < max(cap, query.offset + 5):
                    assert (found.total, found.capped) == (expected.total, False)
                else:
                    assert found.capped and found.total == max(cap, query.offset + 5)


def test_a_capped_count_still_reaches_the_next_page(services: Services, busy_log: None) -> None:
    first = services.contact_log.list(InteractionQuery(text="n", limit=4, count_at_most=3))
    assert first.capped and first.total == 5 and first.has_more
    exact = services.contact_log.list(InteractionQuery(text="n", limit=4))
    assert not exact.capped and exact.total > 5


def test_mark_done_and_reopen(services: Services, anna: int) -> None:
    made = _follow_ups(services, anna)
    today = date(2018, 11, 1)
    when = datetime(2018, 11, 1, 9, 30, tzinfo=UTC)
    done = services.contact_log.mark_done(made["overdue"], at=when)
    assert done.follow_up_done_at == when and not done.follow_up_open
    assert services.contact_log.mark_done(made["overdue"]).follow_up_done_at == when
    assert "overdue" not in [r.what for r in services.contact_log.followups(today).rows]
    services.contact_log.reopen(made["overdue"])
    assert services.contact_log.followups(today).rows[0].what == "overdue"
    plain = services.contact_log.list(InteractionQuery()).rows[0]
    with pytest.raises(RuleViolation, match="has no follow-up"):
        services.contact_log.mark_done(plain.id)


def test_dashboard_summary(services: Services, anna: int) -> None:
    made = _follow_ups(services, anna)
    services.contact_log.mark_done(made["later"])
    summary = services.contact_log.followup_summary(date(2018, 11, 1), next_count=2)
    assert (summary.open, summary.overdue, summary.due_today) == (4, 1, 1)
    assert (summary.due_this_week, summary.undated) == (2, 1)
    assert [r.what for r in summary.next] == ["overdue", "today"]
    counts_only = services.contact_log.followup_summary(date(2018, 11, 1), next_count=0)
    assert counts_only.next == ()
    assert counts_only == replace(summary, next=())


# -- timelines -----------------------------------------------------------------------


def test_timeline_of_an_organisation(services: Services, anna: int) -> None:
    biowin = services.organisations.find("BioWin").id
    enrich = services.organisations.find("ENRICH USA").id
    services.contact_log.add({"date": "02/11/2018", "kind": "email"}, organisations=[biowin])
    services.contact_log.add({"summary": "Met Anna"}, people=[anna], event=PARTNERING)
    services.contact_log.add({"date": "01/09/2018", "summary": "Through ENRICH"}, people=[anna])
    services.contact_log.add({"date": "03/09/2018"}, organisations=[enrich])  # not BioWin's
    call = services.funding.find_call("COSME Go International")
    services.funding.add_deadline(call.id, "15/03/2019", "stage 1")
    consortium = services.funding.add_consortium(call.id, "MedTech Alliance")
    services.funding.member_add(consortium.id, biowin, "coordinator")
    innosup = services.funding.add_consortium("INNOSUP", "Cluster Excellence")
    services.funding.member_add(innosup.id, biowin)
    timeline = services.contact_log.timeline_of_org(biowin)
    assert [(i.on, i.kind) for i in timeline.items] == [
        (date(2018, 9, 1), "interaction"),
        (OCT_25, "event"),
        (OCT_25, "interaction"),
        (date(2018, 11, 2), "interaction"),
        (date(2019, 3, 15), "deadline"),
        (None, "membership"),
    ]
    first = timeline.items[0]
    assert first.title == "Meeting: Through ENRICH"
    assert first.via == ""  # Anna's organisation was linked when it was logged
    assert timeline.items[4].detail == "MedTech Alliance: coordinator, exploring"
    assert timeline.items[5].title == "Consortium for INNOSUP INNOSUP (no deadline yet)"
    assert not timeline.truncated


def test_timeline_of_a_person(services: Services, anna: int) -> None:
    services.contact_log.add({"summary": "Met"}, people=[anna], event=PARTNERING)
    services.contact_log.add({"date": "10/10/2018", "kind": "call"}, people=[anna])
    biowin = services.organisations.find("BioWin").id
    services.contact_log.add({"date": "11/10/2018"}, organisations=[biowin])  # not Anna's
    call = services.funding.find_call("COSME")
    services.funding.add_deadline(call.id, date(2019, 3, 15))
    consortium = services.funding.add_consortium(call.id, "MedTech Alliance")
    services.funding.member_add(consortium.id, biowin)
    timeline = services.contact_log.timeline_of_person(anna)
    assert [(i.on, i.kind, i.via) for i in timeline.items] == [
        (date(2018, 10, 10), "interaction", ""),
        (OCT_25, "event", ""),
        (OCT_25, "interaction", ""),
        (date(2019, 3, 15), "deadline", "through BioWin"),
    ]


def test_timeline_marks_entries_reached_through_people(services: Services, anna: int) -> None:
    biowin = services.organisations.find("BioWin").id
    entry = services.contact_log.add({"date": "01/10/2018"}, people=[anna])
    services.contact_log.update(entry.id, {}, organisations=[])  # only Anna is linked now
    items = services.contact_log.timeline_of_org(biowin).items
    assert [i.via for i in items] == ["through Anna Rossi"]


def test_timeline_is_truncated_to_the_latest(services: Services, anna: int) -> None:
    for day in range(1, 6):
        services.contact_log.add({"date": f"{day:02d}/10/2018"}, people=[anna])
    timeline = services.contact_log.timeline_of_person(anna, limit=3)
    assert [i.on.day for i in timeline.items if i.on] == [3, 4, 5]
    assert timeline.truncated
