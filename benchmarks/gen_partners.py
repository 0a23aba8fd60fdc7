"""Organisations with legal forms and tags, and the people who work there."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import insert, select

from benchmarks import vocabulary as v
from benchmarks.gen_common import Gen, Row, ascii_slug, editable, spaced
from tracker.domain.enums import ConsentStatus, OrgKind, Stage
from tracker.domain.models import Organisation, OrganisationTag, Person, Tag

T_ORG, T_PERSON = Organisation.__table__, Person.__table__
STAGES = (
    (Stage.PROSPECT, 50),
    (Stage.CONTACTED, 25),
    (Stage.IN_TALKS, 10),
    (Stage.PARTNER, 8),
    (Stage.DORMANT, 7),
)
CONSENT = (
    (ConsentStatus.UNKNOWN, 55),
    (ConsentStatus.GIVEN, 38),
    (ConsentStatus.REFUSED, 4),
    (ConsentStatus.WITHDRAWN, 3),
)
TLD = {"IT": "it", "DE": "de", "FR": "fr", "BE": "be", "ES": "es", "NL": "nl", "GB": "co.uk"}
PREFIX = {"IT": "+39 051 ", "DE": "+49 89 ", "FR": "+33 1 ", "BE": "+32 2 ", "ES": "+34 91 "}


def _company(gen: Gen, country: str, city: str) -> str:
    rng = gen.rng
    head, tail = rng.choice(v.ORG_HEAD), rng.choice(v.ORG_TAIL)
    form = rng.choice(v.LEGAL_FORMS.get(country, v.DEFAULT_FORMS))
    roll = rng.random()
    if roll < 0.35:
        return f"{head} {tail} {form}"
    if roll < 0.6:
        return f"{head}{tail.lower()} {form}"
    if roll < 0.85:
        surname = spaced(rng.choice(v.LAST_IT if country == "IT" else v.LAST_INTL))
        return f"{surname} {tail} {form}"
    return f"{head}{tail.lower()} {city} {form}" if city else f"{head} {tail} {form}"


def _institution(gen: Gen, city: str) -> tuple[str, OrgKind]:
    rng = gen.rng
    if rng.random() < 0.3:
        region = spaced(rng.choice(v.REGIONS))
        return rng.choice(v.CLUSTER_PATTERNS).format(region=region), OrgKind.CLUSTER
    pattern, kind = rng.choice(v.INSTITUTE_PATTERNS)
    name = pattern.format(
        city=city or "Bologna",
        head=rng.choice(v.ORG_HEAD),
        tail=rng.choice(v.ORG_TAIL).lower(),
        saint=rng.choice(v.SAINTS),
        region=spaced(rng.choice(v.REGIONS)),
    )
    return name, OrgKind(kind)


def add_organisations(gen: Gen) -> None:
    rng, conn = gen.rng, gen.conn
    known = dict(conn.execute(select(Tag.name, Tag.id)).all())
    missing = [{"name": t} for t in v.TAGS if t not in known]
    if missing:
        conn.execute(insert(Tag), missing)
    tag_ids = [i for n, i in conn.execute(select(Tag.name, Tag.id)).all() if n in v.TAGS]
    seeded = conn.execute(select(T_ORG.c.id, T_ORG.c.name, T_ORG.c.country_code))
    for org_id, name, country in seeded:
        gen.org_ids.append(org_id)
        gen.org_names[org_id] = name
        gen.org_country[org_id] = country
        gen.org_domain[org_id] = "example.org"
    used = {n.lower() for n in gen.org_names.values()}
    next_id = gen.next_id(T_ORG)
    rows: list[Row] = []
    tags: list[Row] = []
    for _ in range(gen.sizes.orgs):
        country = gen.weighted(v.ORG_COUNTRIES)
        city = gen.city(country)
        for attempt in range(8):
            if rng.random() < 0.78:
                name, kind = _company(gen, country, city), OrgKind.COMPANY
            else:
                name, kind = _institution(gen, city)
            if attempt == 7:
                name = f"{name} ({city or country}) {next_id}"
            if name.lower() not in used:
                break
        used.add(name.lower())
        next_id += 1
        slug = ascii_slug(name.split(" S.")[0], "-")[:40] or f"org{next_id}"
        domain = f"{slug}.{TLD.get(country, 'com')}"
        cluster = kind == OrgKind.CLUSTER
        rows.append(
            {
                "id": next_id,
                "name": name,
                "kind": kind,
                "country_code": country,
                "city": city,
                "website": f"https://www.{domain}",
                "eccp_url": f"https://clustercollaboration.eu/cluster/{slug}" if cluster else "",
                "notes": rng.choice(v.TOPICS) if rng.random() < 0.15 else "",
                "stage": gen.weighted(STAGES),
                **editable(gen),
            }
        )
        for tag_id in rng.sample(tag_ids, rng.choice((0, 0, 1, 1, 2, 2, 3))):
            tags.append({"organisation_id": next_id, "tag_id": tag_id})
        gen.org_ids.append(next_id)
        gen.org_names[next_id] = name
        gen.org_country[next_id] = country
        gen.org_domain[next_id] = domain
    gen.insert(T_ORG, rows)
    gen.insert(OrganisationTag.__table__, tags)


def org_name_for_event(gen: Gen) -> str:
    return gen.org_names[gen.rng.choice(gen.org_ids)] if gen.org_ids else ""


def _person_name(gen: Gen, italian: bool) -> tuple[str, str]:
    rng = gen.rng
    first = spaced(rng.choice(v.FIRST_IT if italian else v.FIRST_INTL))
    last = spaced(rng.choice(v.LAST_IT if italian else v.LAST_INTL))
    if not italian and rng.random() < 0.08:  # "García López"
        second = spaced(rng.choice(v.LAST_INTL))
        last = f"{last} {second}" if second != last else last
    return first, last


def add_people(gen: Gen) -> None:
    rng = gen.rng
    next_id = gen.next_id(T_PERSON)
    rows: list[Row] = []
    staff_org = next((i for i, n in gen.org_names.items() if n == "Clust-ER ISB"), None)
    for index in range(gen.sizes.people):
        org_id = gen.skewed(gen.org_ids) if rng.random() < 0.92 else None
        staff = index < 12 and staff_org is not None
        if staff:
            org_id = staff_org
        country = gen.org_country.get(org_id) if org_id is not None else None
        first, last = _person_name(gen, rng.random() < (0.8 if country == "IT" else 0.35))
        domain = gen.org_domain.get(org_id, "example.org") if org_id else "gmail.com"
        email = ""
        if rng.random() < 0.85:
            email = f"{ascii_slug(first, '.')}.{ascii_slug(last)}@{domain}"
        phone = ""
        if rng.random() < 0.4:
            phone = PREFIX.get(country or "IT", "+39 051 ") + str(rng.randrange(1000000, 9999999))
            phone = phone.replace(" ", "")
        consent = gen.weighted(CONSENT)
        stamps = editable(gen)
        given = consent == ConsentStatus.GIVEN
        next_id += 1
        rows.append(
            {
                "id": next_id,
                "full_name": f"{first} {last}",
                "organisation_id": org_id,
                "role": rng.choice(v.ROLES),
                "email": email,
                "phone": phone,
                "languages": rng.choice(v.LANGUAGES),
                "notes": f"Interessata a {rng.choice(v.TOPICS)}" if rng.random() < 0.1 else "",
                "is_staff": staff,
                "consent": consent,
                "consent_source": "modulo evento" if given else "",
                "consent_date": (stamps["created_at"] + timedelta(days=1)).date()
                if given
                else None,
                **stamps,
            }
        )
        gen.person_ids.append(next_id)
        gen.person_names[next_id] = f"{first} {last}"
        gen.person_org[next_id] = org_id
        if org_id is not None:
            gen.people_of_org.setdefault(org_id, []).append(next_id)
    gen.insert(T_PERSON, rows)
