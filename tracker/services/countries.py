"""The country reference list."""

from __future__ import annotations

from sqlalchemy import select

from tracker.db.engine import Database
from tracker.domain.errors import RuleViolation, ValidationError
from tracker.domain.models import Country
from tracker.i18n import _
from tracker.services.convert import country_info
from tracker.services.dto import CountryInfo


class CountryService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(
        self, *, europe: bool | None = None, eu: bool | None = None
    ) -> tuple[CountryInfo, ...]:
        with self._db.read() as session:
            stmt = select(Country).order_by(Country.code)
            if europe is not None:
                stmt = stmt.where(Country.in_europe == europe)
            if eu is not None:
                stmt = stmt.where(Country.eu_member == eu)
            return tuple(country_info(c) for c in session.scalars(stmt))

    def add(
        self, code: str, name_en: str, name_it: str = "", *, eu_member: bool, in_europe: bool
    ) -> CountryInfo:
        code = code.strip().upper()
        errors = {}
        if len(code) != 2 or not code.isalpha():
            errors["code"] = _("{code!r} is not a two-letter ISO code").format(code=code)
        if not name_en.strip():
            errors["name"] = _("a country needs a name")
        if eu_member and not in_europe:
            errors["eu"] = _("an EU member is a European country")
        if errors:
            raise ValidationError(errors)
        with self._db.write() as session:
            if session.get(Country, code) is not None:
                raise RuleViolation(_("{code} is already on the list").format(code=code))
            country = Country(
                code=code,
                name_en=name_en.strip(),
                name_it=name_it.strip() or name_en.strip(),
                eu_member=eu_member,
                in_europe=in_europe,
            )
            session.add(country)
            session.flush()
            return country_info(country)
