"""Plan admin from the budget screen: plan years, countries, cost items and caps."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work

from tracker.i18n import _, current_language
from tracker.services.dto import PlanOverview
from tracker.tui.format import basis_label, category_name, scope_label, target_label
from tracker.tui.modals.confirm import ConfirmModal
from tracker.tui.modals.pick import PickModal
from tracker.tui.modals.plan_forms import (
    CapsForm,
    CapsRequest,
    CategoryForm,
    CategoryRequest,
    CountryForm,
    CountryRequest,
)
from tracker.tui.screens.base import TrackerScreen

if TYPE_CHECKING:
    from tracker.services.context import Services

ACTIONS = [
    ("New plan year…", "new_year"),
    ("Add a country (target or watch list)…", "add_country"),
    ("Remove a country…", "remove_country"),
    ("Add a cost item…", "add_category"),
    ("Remove a cost item…", "remove_category"),
    ("Edit the funding caps…", "caps"),
]


class PlanAdmin(TrackerScreen):
    """The `p` menu of the budget screen; each action is a small validated form."""

    def action_admin(self) -> None:
        if self.year is None:
            self.tracker.new_plan()
            return
        self.app.push_screen(
            PickModal(_("Plan {year}").format(year=self.year), ACTIONS), self.admin_chosen
        )

    def admin_chosen(self, choice: str | None) -> None:
        if choice == "new_year":
            self.tracker.new_plan()
        elif choice is not None:
            self.load_overview(choice)

    @work(thread=True, exclusive=True, exit_on_error=False, group="write")
    def load_overview(self, choice: str) -> None:
        year = self.year
        assert year is not None
        overview = self.svc.plans.overview(year)
        self.app.call_from_thread(self.open_admin, choice, overview)

    def open_admin(self, choice: str, plan: PlanOverview) -> None:
        year = plan.year
        push = self.app.push_screen
        if choice == "add_country":
            on_plan = [c.code for c in (*plan.targets, *plan.watch)]

            def add_country(r: CountryRequest | None) -> None:
                if r is not None:
                    self.write(lambda s: _add_country(s, year, r))

            push(CountryForm(self.tracker.countries, on_plan), add_country)
        elif choice == "remove_country":
            options = [
                (f"{target_label(c)}: {c.country.name(current_language())} ({c.code})", c.code)
                for c in (*plan.targets, *plan.watch)
            ]
            self._confirm_remove(
                "Remove which country?",
                options,
                lambda code: self.write(lambda s: _remove_country(s, year, code)),
            )
        elif choice == "add_category":

            def add_category(r: CategoryRequest | None) -> None:
                if r is not None:
                    self.write(lambda s: _add_category(s, year, r))

            push(CategoryForm(), add_category)
        elif choice == "remove_category":
            options = [
                (f"{category_name(c.name_it, c.name_en)} ({c.code})", c.code)
                for c in plan.categories
            ]
            self._confirm_remove(
                "Remove which cost item?",
                options,
                lambda code: self.write(lambda s: _remove_category(s, year, code)),
            )
        elif choice == "caps":

            def set_caps(r: CapsRequest | None) -> None:
                if r is not None:
                    self.write(lambda s: _set_caps(s, year, r))

            push(CapsForm(plan.caps), set_caps)

    def _confirm_remove(
        self, title: str, options: list[tuple[str, str]], remove: Callable[[str], object]
    ) -> None:
        if not options:
            self.notify(_("There is nothing to remove."), severity="warning", markup=False)
            return

        def picked(code: str | None) -> None:
            if code is None:
                return

            def answered(yes: bool | None) -> None:
                if yes:
                    remove(code)

            label = next(label for label, value in options if value == code)
            self.app.push_screen(
                ConfirmModal(
                    _("Remove {label} from the plan?").format(label=label),
                    _("Refused while events have money on it or expenses were recorded."),
                    yes=_("Remove"),
                ),
                answered,
            )

        self.app.push_screen(PickModal(title, options), picked)


def _add_country(svc: Services, year: int, r: CountryRequest) -> str:
    plan = svc.plans.add_country(year, r.code, role=r.role, rationale=r.rationale)
    added = next(c for c in (*plan.targets, *plan.watch) if c.code == r.code)
    name = added.country.name(current_language())
    return _("{name} added to the {year} plan ({target_label}).").format(
        name=name, year=year, target_label=target_label(added)
    )


def _remove_country(svc: Services, year: int, code: str) -> str:
    svc.plans.remove_country(year, code)
    return _("{code} removed from the {year} plan.").format(code=code, year=year)


def _add_category(svc: Services, year: int, r: CategoryRequest) -> str:
    svc.plans.add_category(year, r.code, name_it=r.name_it, name_en=r.name_en)
    return _("Cost item {code!r} added to the {year} plan.").format(code=r.code, year=year)


def _remove_category(svc: Services, year: int, code: str) -> str:
    svc.plans.remove_category(year, code)
    return _("Cost item {code!r} removed from the {year} plan.").format(code=code, year=year)


def _set_caps(svc: Services, year: int, r: CapsRequest) -> str:
    svc.plans.set_caps(
        year, inside=r.inside, outside=r.outside, total=r.total, basis=r.basis, scope=r.scope
    )
    return _("Caps of {year} saved ({basis_label}, {scope_label}).").format(
        year=year, basis_label=basis_label(r.basis), scope_label=scope_label(r.scope)
    )
