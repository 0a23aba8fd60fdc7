"""The plan document's structure, built once for both formats from the plan's data.

It follows the 2018 document (shared/seeds/000_…txt), made general:

1. the objectives, in one Italian sentence ("Gli Obiettivi del piano … sono 2 e sono la
   necessità di … e la necessità di …") or an English numbered list, then the intro;
2. one section per target country, in the plan's order ("Paese 1: Belgio"): its
   rationale and priority note as one paragraph, then its events of interest in the
   order they were entered, placeholders ("Altri da identificare") last; a dated event
   says when it takes place ("… che si svolgerà il 25 ottobre 2018");
3. the strategy note opens the section of the first target country it names (by its
   Italian or English name, in either note): in 2018 it names the United States, so it
   comes first in "Paese 2", before the rationale, as in the document. A note naming
   no target follows the last country section;
4. events of interest in no target country, if any, in a section of their own;
5. the budget: cost items × target countries with a total column and a total row;
   empty cells stay empty, as in the document, but totals always show; amounts are
   written in full in the language's money format ("5.000,00 €", "€5,000.00");
6. the funding rules, one sentence generated from the plan's caps, then the funding note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from tracker.io.report import labels
from tracker.io.report.formats import money, when
from tracker.io.report.model import Bilingual, DocCountry, DocEvent, Figures, PlanDocument

NONE = Figures()  # a cell or total the data leaves out


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    role: str = ""  # what the paragraph is, for styling: "funding-rules"...


@dataclass(frozen=True)
class ItemList:
    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    """Row labels in the first column, amounts in the others; ``foot`` is the total row."""

    head: tuple[str, ...]
    body: tuple[tuple[str, ...], ...]
    foot: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    role: str  # objectives | country | other-events | budget
    blocks: tuple[Block, ...]


Block = Heading | Paragraph | ItemList | Table | Section


@dataclass(frozen=True)
class Composed:
    lang: str
    title: str
    blocks: tuple[Block, ...]


def compose(doc: PlanDocument, lang: str) -> Composed:
    labels.check_lang(lang)
    title = doc.title.get(lang) or (
        f"Piano di promozione {doc.year}" if lang == "it" else f"Promotion plan {doc.year}"
    )
    blocks: list[Block] = [Heading(1, title)]
    opening = [*_objectives(doc, lang)]
    if intro := doc.intro.get(lang):
        opening.append(Paragraph(intro))
    if opening:
        blocks.append(Section("objectives", tuple(opening)))

    strategy = doc.strategy_note.get(lang)
    strategy_in = _country_named(doc.strategy_note, doc.countries) if strategy else None
    for country in doc.countries:
        note = strategy if country.code == strategy_in else ""
        blocks.append(_country_section(country, note, lang))
    if doc.other_events:
        items = tuple(_event_line(e, lang, with_country=True) for e in doc.other_events)
        heading = Heading(2, labels.text("other_events", lang))
        blocks.append(Section("other-events", (heading, ItemList(items))))
    if strategy and strategy_in is None:
        blocks.append(Paragraph(strategy, "strategy"))
    blocks.append(_budget_section(doc, lang))
    return Composed(lang, title, tuple(blocks))


# -- objectives ----------------------------------------------------------------------


def _fragment(text: str) -> str:
    """An objective as the end of a sentence: no final stop, a lower-case start."""
    text = text.strip().rstrip(".").rstrip()
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return text


def _italian_series(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} e {parts[-1]}"


def _objectives(doc: PlanDocument, lang: str) -> Iterable[Block]:
    texts = [t for t in (o.get(lang) for o in doc.objectives) if t.strip()]
    if not texts:
        return
    if lang == "it":
        needs = [f"la necessità di {_fragment(t)}" for t in texts]
        if len(needs) == 1:
            yield Paragraph(
                f"L’obiettivo del piano di promozione per l’anno {doc.year} è {needs[0]}."
            )
        else:
            yield Paragraph(
                f"Gli Obiettivi del piano di promozione per l’anno {doc.year} sono "
                f"{len(needs)} e sono {_italian_series(needs)}."
            )
        return
    count = "one objective" if len(texts) == 1 else f"{len(texts)} objectives"
    yield Paragraph(f"The promotion plan for {doc.year} has {count}:")
    yield ItemList(tuple(t.strip() for t in texts), ordered=True)


# -- countries and events ------------------------------------------------------------


def _names(name: Bilingual) -> list[str]:
    return [n for n in (name.it.strip(), name.en.strip()) if n]


def _country_named(note: Bilingual, countries: Sequence[DocCountry]) -> str | None:
    """The first target country (in plan order) that the note names, in either language."""
    texts = [t for t in (note.it, note.en) if t]
    for country in countries:
        for name in _names(country.name):
            pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
            if any(pattern.search(t) for t in texts):
                return country.code
    return None


def _country_section(country: DocCountry, strategy: str, lang: str) -> Section:
    name = country.name.get(lang) or country.code
    blocks: list[Block] = [
        Heading(2, labels.text("country_heading", lang).format(n=country.position, name=name))
    ]
    if strategy:
        blocks.append(Paragraph(strategy, "strategy"))
    why = " ".join(
        t.strip() for t in (country.rationale.get(lang), country.priority_note.get(lang)) if t
    )
    if why:
        blocks.append(Paragraph(why))
    if country.events:
        blocks.append(Paragraph(labels.text("events_intro", lang)))
        blocks.append(ItemList(tuple(_event_line(e, lang) for e in country.events)))
    return Section("country", tuple(blocks))


def _event_name(event: DocEvent, lang: str) -> str:
    name = event.name.strip()
    placeholder_it, placeholder_en = labels.TEXT["placeholder"]
    if event.is_placeholder and lang == "en" and name.casefold() == placeholder_it.casefold():
        return placeholder_en
    return name


def _event_line(event: DocEvent, lang: str, *, with_country: bool = False) -> str:
    name = _event_name(event, lang)
    place = [event.city.strip()] if event.city.strip() else []
    if with_country and (country := event.country_name.get(lang) or (event.country_code or "")):
        place.append(country)
    where = ", ".join(place)
    if event.start is None or event.is_placeholder:
        return f"{name} ({where})" if where else name
    date_text = when(event.start, event.end, lang)
    if lang == "it":
        return f"{name} che si svolgerà {f'a {where} ' if where else ''}{date_text}"
    return f"{name}, to be held {f'in {where} ' if where else ''}{date_text}"


# -- budget and funding --------------------------------------------------------------


def _amount(value: Decimal, doc: PlanDocument, lang: str, *, blank_zero: bool) -> str:
    if blank_zero and value == 0:
        return ""
    return money(value, lang, doc.currency)


def _budget_table(doc: PlanDocument, lang: str) -> Table:
    budget = doc.budget
    head = (
        labels.text("cost_items", lang),
        *(
            labels.text("country_column", lang).format(
                n=c.position, name=c.name.get(lang) or c.code
            )
            for c in budget.columns
        ),
        labels.text("total_column", lang),
    )
    body = tuple(
        (
            category.name.get(lang) or category.code,
            *(
                _amount(c.cells.get(category.code, NONE).planned, doc, lang, blank_zero=True)
                for c in budget.columns
            ),
            _amount(budget.row_totals.get(category.code, NONE).planned, doc, lang, blank_zero=True),
        )
        for category in budget.categories
    )
    foot = (
        labels.text("total_row", lang),
        *(_amount(c.total.planned, doc, lang, blank_zero=False) for c in budget.columns),
        _amount(budget.total.planned, doc, lang, blank_zero=False),
    )
    return Table(head, body, foot)


def funding_rules(doc: PlanDocument, lang: str) -> str:
    """The caps as the document states them, e.g. "(Massimo 5.000,00 € per le spese …)"."""
    rule = doc.budget.rule
    clauses = []
    for group, cap in (("inside", rule.inside), ("outside", rule.outside)):
        if cap is None:
            continue
        shown = money(cap, lang, doc.currency)
        if rule.scope == "per_country":
            pair = labels.CAP_GROUP_ONE.get((rule.basis, group), (group, group))
            who = pair[0] if lang == "it" else pair[1]
        else:
            who = labels.cap_group(rule.basis, group, lang)
        if lang == "it":
            clauses.append(f"massimo {shown} per le spese dedicate a {who}")
        else:
            clauses.append(f"at most {shown} for expenses dedicated to {who}")
    if rule.total is not None:
        shown = money(rule.total, lang, doc.currency)
        if lang == "it":
            anyway = "comunque " if clauses else ""
            clauses.append(f"il contributo non può {anyway}superare {shown}")
        else:
            anyway = " in any case" if clauses else ""
            clauses.append(f"the contribution cannot exceed {shown}{anyway}")
    if not clauses:
        return ""
    sentence = "; ".join(clauses)
    return f"({sentence[0].upper()}{sentence[1:]})"


def _budget_section(doc: PlanDocument, lang: str) -> Section:
    blocks: list[Block] = [
        Heading(2, labels.text("budget_heading", lang)),
        _budget_table(doc, lang),
    ]
    if rules := funding_rules(doc, lang):
        blocks.append(Paragraph(rules, "funding-rules"))
    if note := doc.funding_note.get(lang):
        blocks.append(Paragraph(note, "funding-note"))
    return Section("budget", tuple(blocks))
