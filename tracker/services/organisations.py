"""Organisations: paged lists, the form's create/update/delete, tags, and the stage board."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, delete, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from tracker.db.engine import Database
from tracker.domain.contact_fields import normalise_tag, tags_of
from tracker.domain.contact_rules import OrganisationData, normalise_name, validate_organisation
from tracker.domain.enums import OrgKind, Stage
from tracker.domain.errors import ConflictError, RuleViolation, ValidationError
from tracker.domain.models import Organisation, OrganisationTag, Tag
from tracker.i18n import _
from tracker.services import _lookup
from tracker.services import _lookup_partners as find
from tracker.services._convert_partners import org_detail, org_rows
from tracker.services._query import MAX_PAGE, sort_keys, window, word_prefix
from tracker.services._similar import similar
from tracker.services._tables import table_of
from tracker.services._text_match import narrowed, word_ids
from tracker.services.dto_partners import (
    ORGANISATION_SORTS,
    Board,
    BoardColumn,
    OrganisationDetail,
    OrganisationQuery,
    OrganisationRow,
    Page,
    SimilarName,
    StageChange,
    TagCount,
)

STAGES = tuple(Stage)  # the board's columns, left to right
_STAGE_ORDER = {s.value: i for i, s in enumerate(STAGES)}


def _enum_filter(enum_cls: type[OrgKind] | type[Stage], value: str, field: str) -> str:
    text = value.strip().lower().replace(" ", "_").replace("-", "_")
    if text not in {m.value for m in enum_cls}:
        options = ", ".join(m.value for m in enum_cls)
        raise ValidationError(
            {field: _("{value!r} is not one of: {options}").format(value=value, options=options)}
        )
    return text


# Lists and the board read the tables, not the mapped classes: see _tables.
ORGANISATIONS = table_of(Organisation)
ORGANISATION_TAGS = table_of(OrganisationTag)
TAGS = table_of(Tag)


def _filtered(query: OrganisationQuery, sqlite: bool) -> Select[Any]:
    o = ORGANISATIONS.c
    stmt = select(*ORGANISATIONS.columns)
    text = " ".join(query.text.split())
    if text:
        candidates = word_ids(True, "organisations", text, ("name",)) if sqlite else None
        exact = word_prefix(o.name, text)
        stmt = stmt.where(narrowed(exact, o.id, candidates))
    if query.country:
        stmt = stmt.where(o.country_code == query.country.strip().upper())
    if query.kind:
        stmt = stmt.where(o.kind == OrgKind(_enum_filter(OrgKind, query.kind, "kind")))
    if query.stage:
        stmt = stmt.where(o.stage == Stage(_enum_filter(Stage, query.stage, "stage")))
    if query.tag:
        links, tags = ORGANISATION_TAGS.c, TAGS.c
        tagged = (
            select(links.organisation_id)
            .join(TAGS, tags.id == links.tag_id)
            .where(tags.name == normalise_tag(query.tag))
        )
        stmt = stmt.where(o.id.in_(tagged))
    return stmt


def _order(query: OrganisationQuery) -> list[ColumnElement[Any]]:
    if query.sort not in ORGANISATION_SORTS:
        raise ValidationError(
            {"sort": _("sort by one of: {sorts}").format(sorts=", ".join(ORGANISATION_SORTS))}
        )
    o = ORGANISATIONS.c
    name = (o.name, False)
    keys: dict[str, list[tuple[Any, bool]]] = {
        "name": [name],
        "stage": [(case(_STAGE_ORDER, value=o.stage, else_=99), False), name],
        "country": [(o.country_code.is_(None), False), (o.country_code, False), name],
        "updated": [(o.updated_at, True), name],
    }
    return [*sort_keys(keys[query.sort], query.descending), o.id.asc()]


def _set_tags(session: Session, org: Organisation, names: Iterable[str]) -> None:
    wanted = [n for n in dict.fromkeys(normalise_tag(n) for n in names) if n]
    known = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(wanted)))}
    for name in wanted:
        if name not in known:
            known[name] = Tag(name=name)
            session.add(known[name])
    org.tags = sorted(known.values(), key=lambda t: t.name)


def _apply(session: Session, org: Organisation, data: OrganisationData) -> None:
    if data.country_code:
        _lookup.country(session, data.country_code)
    org.name = data.name
    org.kind = data.kind
    org.country_code = data.country_code
    org.city = data.city
    org.website = data.website
    org.eccp_url = data.eccp_url
    org.notes = data.notes
    org.stage = data.stage
    _set_tags(session, org, data.tags)


def _change(session: Session, org: Organisation, stage: Stage) -> StageChange:
    previous = org.stage.value
    org.stage = stage
    session.flush()
    return StageChange(org.id, org.name, previous, org.stage.value, org.version)


class OrganisationService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, query: OrganisationQuery) -> Page[OrganisationRow]:
        offset, limit = window(query.offset, query.limit)
        with self._db.read() as session:
            filtered = _filtered(query, self._db.is_sqlite)
            total = session.scalar(select(func.count()).select_from(filtered.subquery())) or 0
            stmt = filtered.order_by(*_order(query)).offset(offset).limit(limit)
            rows = org_rows(session, session.execute(stmt).all())
            return Page(rows, total, offset, limit)

    def get(self, org_id: int) -> OrganisationDetail:
        with self._db.read() as session:
            return org_detail(session, find.organisation(session, org_id))

    def find(self, ref: find.Ref) -> OrganisationDetail:
        """By id ("12", "#12") or an unambiguous (part of the) name."""
        with self._db.read() as session:
            return org_detail(session, find.organisation_by_ref(session, ref))

    def create(self, fields: Mapping[str, object]) -> OrganisationDetail:
        """Fields: name, kind, country, city, website, eccp_url, notes, stage, tags."""
        data = validate_organisation(fields)
        with self._db.write() as session:
            org = Organisation()
            _apply(session, org, data)
            session.add(org)
            session.flush()
            return org_detail(session, org)

    def update(
        self, org_id: int, changes: Mapping[str, object], expected_version: int | None = None
    ) -> OrganisationDetail:
        """Change some fields (the others keep their values); a stale version conflicts."""
        try:
            with self._db.write() as session:
                org = find.organisation(session, org_id)
                if expected_version is not None and org.version != expected_version:
                    raise ConflictError(
                        _("{name!r} was changed by someone else since you opened it").format(
                            name=org.name
                        )
                    )
                fields = {**org_detail(session, org).form_fields(), **changes}
                _apply(session, org, validate_organisation(fields))
                session.flush()
                return org_detail(session, org)
        except StaleDataError as exc:
            raise ConflictError(
                _("organisation #{org_id} was changed by someone else").format(org_id=org_id)
            ) from exc

    def delete(self, org_id: int) -> str:
        """Delete it with its tags, contact-log links and memberships; its people stay."""
        with self._db.write() as session:
            org = find.organisation(session, org_id)
            name = org.name
            session.delete(org)
            return name

    def board(
        self,
        limit_per_stage: int = 20,
        *,
        country: str | None = None,
        kind: str | None = None,
        tag: str | None = None,
    ) -> Board:
        """The kanban: per stage, how many organisations and the first few by name."""
        limit = max(1, min(limit_per_stage, MAX_PAGE))
        base = OrganisationQuery(country=country, kind=kind, tag=tag)
        with self._db.read() as session:
            filtered = _filtered(base, self._db.is_sqlite).subquery()
            counts: dict[Stage, int] = {
                stage: count
                for stage, count in session.execute(
                    select(filtered.c.stage, func.count()).group_by(filtered.c.stage)
                )
            }
            columns = []
            for stage in STAGES:
                o = ORGANISATIONS.c
                stmt = (
                    _filtered(base, self._db.is_sqlite)
                    .where(o.stage == stage)
                    .order_by(o.name, o.id)
                    .limit(limit)
                )
                rows = org_rows(session, session.execute(stmt).all())
                columns.append(BoardColumn(stage.value, counts.get(stage, 0), rows))
            return Board(tuple(columns))

    def board_position(
        self,
        org_id: int,
        *,
        country: str | None = None,
        kind: str | None = None,
        tag: str | None = None,
    ) -> tuple[str, int] | None:
        """Where the board shows an organisation: its stage and its place in that column
        (0-based, in the board's order by name), or None when the filters hide it."""
        base = _filtered(OrganisationQuery(country=country, kind=kind, tag=tag), self._db.is_sqlite)
        with self._db.read() as session:
            org = find.organisation(session, org_id)
            shown = session.scalar(
                select(func.count()).select_from(base.where(Organisation.id == org.id).subquery())
            )
            if not shown:
                return None
            o = ORGANISATIONS.c
            before = base.where(
                o.stage == org.stage,
                or_(o.name < org.name, and_(o.name == org.name, o.id < org.id)),
            )
            index = session.scalar(select(func.count()).select_from(before.subquery())) or 0
            return org.stage.value, index

    def move(self, org_id: int, stage: str) -> StageChange:
        new_stage = Stage(_enum_filter(Stage, stage, "stage"))
        with self._db.write() as session:
            return _change(session, find.organisation(session, org_id), new_stage)

    def advance(self, org_id: int) -> StageChange:
        """One column right on the board (prospect → contacted → ... → dormant)."""
        return self._step(org_id, +1)

    def retreat(self, org_id: int) -> StageChange:
        return self._step(org_id, -1)

    def _step(self, org_id: int, step: int) -> StageChange:
        with self._db.write() as session:
            org = find.organisation(session, org_id)
            position = STAGES.index(org.stage) + step
            if not 0 <= position < len(STAGES):
                edge = "last" if step > 0 else "first"
                raise RuleViolation(
                    _("{name!r} is already in the {edge} column ({value})").format(
                        name=org.name, edge=edge, value=org.stage.value
                    )
                )
            return _change(session, org, STAGES[position])

    def add_tags(self, org_id: int, tags: Sequence[str]) -> OrganisationDetail:
        errors: dict[str, str] = {}
        checked = tags_of(list(tags), errors)  # the form's rules: under 80 characters each
        if errors:
            raise ValidationError(errors)
        with self._db.write() as session:
            org = find.organisation(session, org_id)
            _set_tags(session, org, [*(t.name for t in org.tags), *checked])
            session.flush()
            return org_detail(session, org)

    def remove_tags(self, org_id: int, tags: Sequence[str]) -> OrganisationDetail:
        with self._db.write() as session:
            org = find.organisation(session, org_id)
            gone = {normalise_tag(t) for t in tags}
            missing = gone - {t.name for t in org.tags}
            if missing:
                raise RuleViolation(
                    _("{name!r} has no tag {join}").format(
                        name=org.name, join=", ".join(sorted(missing))
                    )
                )
            org.tags = [t for t in org.tags if t.name not in gone]
            session.flush()
            unused = select(OrganisationTag.tag_id).distinct()
            session.execute(delete(Tag).where(Tag.name.in_(gone), Tag.id.not_in(unused)))
            return org_detail(session, org)

    def tags(self) -> tuple[TagCount, ...]:
        """Every tag in use, with how many organisations carry it."""
        with self._db.read() as session:
            rows = session.execute(
                select(Tag.name, func.count(OrganisationTag.organisation_id))
                .join(OrganisationTag, OrganisationTag.tag_id == Tag.id)
                .group_by(Tag.name)
                .order_by(Tag.name)
            )
            return tuple(TagCount(name, count) for name, count in rows)

    def similar(
        self, name: str, limit: int = 5, *, min_score: float = 70, exclude: Sequence[int] = ()
    ) -> tuple[SimilarName, ...]:
        """Organisations whose name looks like ``name`` (as you type), best first."""
        with self._db.read() as session:
            matches = similar(
                session,
                Organisation.id,
                Organisation.name,
                name,
                normalise_name,
                limit=limit,
                min_score=min_score,
                exclude=exclude,
            )
            places = session.execute(
                select(Organisation.id, Organisation.city, Organisation.country_code).where(
                    Organisation.id.in_([m.id for m in matches])
                )
            )
            where = {
                oid: ", ".join(p for p in (city, code or "") if p) for oid, city, code in places
            }
            return tuple(SimilarName(m.id, m.name, m.score, where.get(m.id, "")) for m in matches)
