"""The contact log (with follow-ups done, due and overdue) and funding calls with consortia."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from benchmarks import vocabulary as v
from benchmarks.gen_common import FIRST_YEAR, Gen, Row, batches
from tracker.domain.enums import CallStatus, ConsortiumStatus, InteractionKind, MemberRole
from tracker.domain.models import (
    CallDeadline,
    Consortium,
    ConsortiumMember,
    FundingCall,
    Interaction,
    InteractionOrganisation,
    InteractionPerson,
)

T_INT = Interaction.__table__
KINDS = (
    (InteractionKind.EMAIL, 35),
    (InteractionKind.CALL, 25),
    (InteractionKind.VIDEO_CALL, 20),
    (InteractionKind.MEETING, 12),
    (InteractionKind.VISIT, 8),
)
CONSORTIUM_STATUS = tuple(zip(ConsortiumStatus, (25, 25, 20, 12, 12, 6), strict=True))


def _follow_up(gen: Gen, occurred: date, topic: str) -> tuple[str, date | None, datetime | None]:
    rng, today = gen.rng, gen.today
    if rng.random() >= 0.35:
        return "", None, None
    text = rng.choice(v.FOLLOW_UPS).format(topic=topic, country=rng.choice(("Belgio", "USA")))
    due = occurred + timedelta(days=rng.randint(3, 45)) if rng.random() < 0.85 else None
    if due is not None and due < today - timedelta(days=14):
        done_share = 0.85  # old ones: mostly done, the rest long overdue
    elif due is not None and due < today:
        done_share = 0.4
    else:
        done_share = 0.1
    done = None
    if rng.random() < done_share:
        day = min(today, (due or occurred) + timedelta(days=rng.randint(-3, 5)))
        done = datetime.combine(max(day, occurred), time(rng.randint(8, 18)), tzinfo=UTC)
    return text, due, done


def _interactions(gen: Gen, links: dict[str, list[Row]]) -> Iterator[Row]:
    rng, today = gen.rng, gen.today
    next_id = gen.next_id(T_INT)
    with_people = [p for p in gen.person_ids if gen.person_org[p] is not None]
    first_day = date(FIRST_YEAR, 1, 8)
    for _ in range(gen.sizes.interactions):
        next_id += 1
        event_id = None
        where = ""
        if gen.met_at and rng.random() < 0.35:
            event_id, where, _city, start, end = gen.skewed(gen.met_at)
            occurred = gen.day_between(start, min(end, today))
            kind = InteractionKind.MEETING
        else:
            occurred = gen.day_between(first_day, today)
            kind = gen.weighted(KINDS)
        people: list[int] = []
        if rng.random() < 0.92 and with_people:
            person = gen.skewed(with_people)
            people.append(person)
            org = gen.person_org[person]
            colleagues = gen.people_of_org.get(org, []) if org is not None else []
            if rng.random() < 0.15 and len(colleagues) > 1:
                other = rng.choice(colleagues)
                if other != person:
                    people.append(other)
        else:
            org = gen.skewed(gen.org_ids)
        orgs = [org] if org is not None else []
        if rng.random() < 0.08:
            extra = rng.choice(gen.org_ids)
            if extra not in orgs:
                orgs.append(extra)
        topic = rng.choice(v.TOPICS)
        who = gen.person_names[people[0]] if people else "the team"
        org_name = gen.org_names[orgs[0]] if orgs else ""
        summary = rng.choice(v.SUMMARIES[kind.value]).format(
            who=who, org=org_name, topic=topic, where=where or "Bologna"
        )
        follow_up, due, done = _follow_up(gen, occurred, topic)
        created = datetime.combine(occurred, time(rng.randint(8, 20)), tzinfo=UTC)
        links["org"] += [{"interaction_id": next_id, "organisation_id": o} for o in orgs]
        links["person"] += [{"interaction_id": next_id, "person_id": p} for p in people]
        yield {
            "id": next_id,
            "occurred_on": occurred,
            "occurred_time": time(rng.randint(8, 19), rng.choice((0, 15, 30, 45)))
            if rng.random() < 0.3
            else None,
            "kind": kind,
            "event_id": event_id,
            "summary": summary,
            "follow_up": follow_up,
            "follow_up_due": due,
            "follow_up_done_at": done,
            "created_at": created,
            "updated_at": done or created,
            "version": 1,
        }


def add_interactions(gen: Gen) -> None:
    links: dict[str, list[Row]] = {"org": [], "person": []}
    for chunk in batches(_interactions(gen, links), 20_000):
        gen.insert(T_INT, chunk)
        gen.insert(InteractionOrganisation.__table__, links["org"])
        gen.insert(InteractionPerson.__table__, links["person"])
        links["org"].clear()
        links["person"].clear()


def add_funding(gen: Gen) -> None:
    rng, today = gen.rng, gen.today
    call_id = gen.next_id(FundingCall.__table__)
    calls: list[Row] = []
    deadlines: list[Row] = []
    dated: list[int] = []
    last_year = FIRST_YEAR + gen.sizes.years - 1
    for _ in range(gen.sizes.calls):
        call_id += 1
        programme = rng.choice(v.PROGRAMMES)
        year = rng.randint(FIRST_YEAR, last_year)
        topic = rng.choice(v.CALL_TOPICS)
        opening = gen.day_between(date(year, 1, 15), date(year, 10, 1))
        stages = rng.choice((1, 1, 1, 2, 3))
        dues = sorted({opening + timedelta(days=rng.randint(40, 300)) for _ in range(stages)})
        status = CallStatus.WATCHING
        if dues[-1] < today:
            status = CallStatus.CLOSED
        elif opening <= today:
            status = CallStatus.OPEN
        code = "".join(w[0] for w in programme.split()).upper()
        calls.append(
            {
                "id": call_id,
                "programme": programme,
                "name": f"{topic} {year}",
                "identifier": f"{code}-{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 40):02d}",
                "url": f"https://ec.europa.eu/info/funding-tenders/{call_id}",
                "opening_date": opening,
                "budget": Decimal(rng.randrange(500_000, 20_000_000, 50_000))
                if rng.random() < 0.7
                else None,
                "notes": "",
                "status": status,
                **_stamps(opening),
            }
        )
        for number, due in enumerate(dues, start=1):
            label = f"stage {number}" if stages > 1 else ""
            deadlines.append({"call_id": call_id, "due_on": due, "label": label})
        dated.append(call_id)
    gen.insert(FundingCall.__table__, calls)
    gen.insert(CallDeadline.__table__, deadlines)
    consortia: list[Row] = []
    members: list[Row] = []
    consortium_id = gen.next_id(Consortium.__table__)
    for index in range(gen.sizes.consortia if dated else 0):
        consortium_id += 1
        consortia.append(
            {
                "id": consortium_id,
                "call_id": rng.choice(dated),
                "name": f"{rng.choice(v.ORG_HEAD).upper()}{index} consortium",
                "status": gen.weighted(CONSORTIUM_STATUS),
                "notes": "",
                **_stamps(date(FIRST_YEAR, 6, 1)),
            }
        )
        chosen = rng.sample(gen.org_ids, min(len(gen.org_ids), rng.randint(3, 10)))
        for position, org_id in enumerate(chosen):
            role = MemberRole.COORDINATOR if position == 0 else MemberRole.PARTNER
            if position > 2 and rng.random() < 0.3:
                role = MemberRole.ASSOCIATED
            members.append(
                {"consortium_id": consortium_id, "organisation_id": org_id, "role": role}
            )
    gen.insert(Consortium.__table__, consortia)
    gen.insert(ConsortiumMember.__table__, members)


def _stamps(day: date) -> Row:
    created = datetime.combine(day, time(10), tzinfo=UTC)
    return {"created_at": created, "updated_at": created, "version": 1}
