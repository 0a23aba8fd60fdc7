"""Small forms of plan admin: a new plan year, a country, a cost item, the caps."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from textual.suggester import SuggestFromList
from textual.widgets import Input, Select

from tracker.domain.enums import CapBasis, CapScope, CountryRole
from tracker.domain.money import AmountParseError, parse_amount
from tracker.i18n import N_, _, current_language
from tracker.services.dto import CapsInfo, CountryInfo
from tracker.tui.format import basis_label, scope_label
from tracker.tui.modals.form import FormErrors, FormModal
from tracker.tui.modals.link import amount_text
from tracker.tui.widgets.field import Field

EMPTY = 0  # "start from": no plan to copy, only the cost items and caps


@dataclass(frozen=True)
class NewPlanRequest:
    year: int
    title: str
    clone_from: int | None = None  # copy this year's plan (plans clone)
    budget: str = "zero"  # the copy's budget lines: "zero" or "copy"


@dataclass(frozen=True)
class CountryRequest:
    code: str
    role: str
    rationale: str


@dataclass(frozen=True)
class CategoryRequest:
    code: str
    name_it: str
    name_en: str


@dataclass(frozen=True)
class CapsRequest:
    inside: Decimal | None
    outside: Decimal | None
    total: Decimal | None
    basis: str
    scope: str


class NewPlanForm(FormModal[NewPlanRequest]):
    TITLE_TEXT: ClassVar[str] = N_("New plan year")
    SAVE_LABEL: ClassVar[str] = N_("Create")

    def __init__(self, suggested_year: int, years: Sequence[int] = ()) -> None:
        banner = _(
            "The new plan starts with the cost items and caps of the plan "
            "before it; add its target countries from the budget (p)."
        )
        if years:
            banner += " " + _(
                "Or start from a clone of an earlier plan: its countries, caps, objectives and "
                "budget lines, its recurring events on their next dates and its open ones "
                "without a date."
            )
        super().__init__(banner=banner)
        self.suggested_year = suggested_year
        self.years = sorted(years, reverse=True)

    def fields(self) -> Iterable[Field]:
        yield Field(
            _("Year"),
            Input(str(self.suggested_year), restrict=r"[0-9]*", max_length=4, id="year"),
            key="year",
        )
        yield Field(_("Title (blank: “Piano di promozione YEAR”)"), Input(id="title"), key="title")
        if not self.years:
            return
        sources = [(_("empty: only the cost items and caps of the plan before it"), EMPTY)]
        sources += [
            (
                _(
                    "clone from {year}: countries, caps, budget lines, recurring and open events"
                ).format(year=year),
                year,
            )
            for year in self.years
        ]
        yield Field(
            _("Start from"),
            Select(sources, value=EMPTY, allow_blank=False, id="source"),
            key="source",
        )
        budgets = [(_("at zero"), "zero"), (_("copied from the cloned plan"), "copy")]
        yield Field(
            _("Budget lines of a clone"),
            Select(budgets, value="zero", allow_blank=False, id="budget"),
            key="budget",
        )

    def submit(self, values: Mapping[str, object]) -> NewPlanRequest:
        text = str(values.get("year") or "").strip()
        if not text.isdigit() or not 2000 <= int(text) <= 2100:
            raise FormErrors({"year": _("a plan year is a year between 2000 and 2100")})
        year, title = int(text), str(values.get("title") or "").strip()
        source = values.get("source") or EMPTY
        if source == EMPTY:
            return NewPlanRequest(year, title)
        assert isinstance(source, int)
        if year <= source:
            message = _("a clone of {source} must come after it").format(source=source)
            raise FormErrors({"year": message})
        return NewPlanRequest(year, title, source, str(values.get("budget") or "zero"))


class CountryForm(FormModal[CountryRequest]):
    TITLE_TEXT: ClassVar[str] = N_("Add a country to the plan")
    SAVE_LABEL: ClassVar[str] = N_("Add")

    def __init__(self, countries: Sequence[CountryInfo], on_plan: Iterable[str]) -> None:
        super().__init__()
        self.on_plan = set(on_plan)
        self.countries = {c.code: c for c in countries}

    def fields(self) -> Iterable[Field]:
        free = sorted(code for code in self.countries if code not in self.on_plan)
        yield Field(
            _("Country (ISO code)"),
            Input(
                placeholder=_("e.g. DE"),
                max_length=2,
                id="code",
                suggester=SuggestFromList(free, case_sensitive=False),
            ),
            key="code",
        )
        roles = [
            ("target (gets budget columns)", CountryRole.TARGET.value),
            ("watch list", CountryRole.WATCH.value),
        ]
        yield Field(
            _("Role"), Select(roles, value="target", allow_blank=False, id="role"), key="role"
        )
        yield Field(_("Why this country"), Input(id="rationale"), key="rationale")

    def submit(self, values: Mapping[str, object]) -> CountryRequest:
        code = str(values.get("code") or "").strip().upper()
        if code not in self.countries:
            raise FormErrors(
                {
                    "code": _("{code!r} is not a country code on the list (e.g. DE, JP)").format(
                        code=code
                    )
                }
            )
        if code in self.on_plan:
            name = self.countries[code].name(current_language())
            raise FormErrors({"code": _("{name} is already on this plan").format(name=name)})
        return CountryRequest(code, str(values["role"]), str(values.get("rationale") or ""))


class CategoryForm(FormModal[CategoryRequest]):
    TITLE_TEXT: ClassVar[str] = N_("Add a cost item")
    SAVE_LABEL: ClassVar[str] = N_("Add")

    def fields(self) -> Iterable[Field]:
        yield Field(_("Code"), Input(placeholder=_("e.g. catering"), id="code"), key="code")
        yield Field(
            _("Italian name"), Input(placeholder=_("Spese di …"), id="name_it"), key="name_it"
        )
        yield Field(_("English name"), Input(id="name_en"), key="name_en")

    def submit(self, values: Mapping[str, object]) -> CategoryRequest:
        code = str(values.get("code") or "").strip().lower()
        errors = {}
        if not code or not code.replace("_", "").isalnum():
            errors["code"] = _("use a short code of letters, digits and _")
        name_it = str(values.get("name_it") or "").strip()
        name_en = str(values.get("name_en") or "").strip()
        if errors:
            raise FormErrors(errors)
        return CategoryRequest(code, name_it, name_en)


def _cap_text(value: Decimal | None) -> str:
    return "" if value is None else amount_text(value)


class CapsForm(FormModal[CapsRequest]):
    TITLE_TEXT: ClassVar[str] = N_("Funding caps")

    def __init__(self, caps: CapsInfo) -> None:
        super().__init__(
            banner=_(
                "A blank cap means no cap of that kind. Exactly at a cap is "
                "allowed; a cent over is not."
            )
        )
        self.caps = caps

    def fields(self) -> Iterable[Field]:
        bases = [(basis_label(b.value), b.value) for b in CapBasis]
        yield Field(
            _("Basis: which fact about a country decides its cap"),
            Select(bases, value=self.caps.basis, allow_blank=False, id="basis"),
            key="basis",
        )
        scopes = [(scope_label(s.value), s.value) for s in CapScope]
        yield Field(
            _("Scope of the two caps below"),
            Select(scopes, value=self.caps.scope, allow_blank=False, id="scope"),
            key="scope",
        )
        yield Field(
            _("Cap for European (or EU) countries (€)"),
            Input(_cap_text(self.caps.inside), id="inside"),
            key="inside",
        )
        yield Field(
            _("Cap for the others (€)"),
            Input(_cap_text(self.caps.outside), id="outside"),
            key="outside",
        )
        yield Field(
            _("Cap on the whole contribution (€)"),
            Input(_cap_text(self.caps.total), id="total"),
            key="total",
        )

    def submit(self, values: Mapping[str, object]) -> CapsRequest:
        amounts: dict[str, Decimal | None] = {}
        errors = {}
        for key in ("inside", "outside", "total"):
            text = str(values.get(key) or "").strip()
            try:
                amounts[key] = parse_amount(text) if text else None
            except AmountParseError as exc:
                errors[key] = str(exc)
        if errors:
            raise FormErrors(errors)
        return CapsRequest(
            amounts["inside"],
            amounts["outside"],
            amounts["total"],
            str(values["basis"]),
            str(values["scope"]),
        )
