"""The 2018 plan document rebuilt from the seeded database, against the original text.

The Italian sentences below are quoted from shared/seeds/000_af82b9238a412501.txt; when
that file is at hand (a checkout with shared/ beside it) the test also checks that each
quote really is in it.
"""

from __future__ import annotations

import re
import stat
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tracker.domain.errors import NotFoundError, ValidationError
from tracker.domain.event_rules import validate_event
from tracker.services.context import Services

ROOT = Path(__file__).resolve().parents[2]
ORIGINAL = ROOT.parent / "shared" / "seeds" / "000_af82b9238a412501.txt"

OBJECTIVES = (
    "Gli Obiettivi del piano di promozione per l’anno 2018 sono 2 e sono la necessità di "
    "stringere alleanze a livello europeo capaci di far intraprendere azioni di "
    "internazionalizzazione extra-EU in maniere sinergica ad altri cluster europei con gli "
    "stessi interessi e la necessità di instaurare un primo approccio in paesi più “facili” "
    "da raggiungere basandosi su relazioni pre-esistenti dell’intero sistema regionale."
)
INTRO = (
    "In particolare nelle missioni in territorio Europeo si cercherà di stabilire relazione "
    "atte alla costruzioni di consorzi per la partecipazione a bandi europei specifici per "
    "l’internazionalizzazione dei cluster, come ad esempio le call COSME Go International e "
    "per il rafforzamento della propria strategia del cluster verso i propri soci, come ad "
    "esempio le call INNOSUP."
)
BELGIUM = (
    "Bruxelles, sede della Commissione Europea, è la principale piazza di dialogo tra tutti i "
    "Cluster dell’unione europea.",
    "Obiettivo principale delle azioni di internazionalizzazione in questo paese è quindi "
    "quello di stabilire nuove relazioni e alleanze per azioni di internazionalizzazione di "
    "più ampio spettro.",
    "Si avrà per cui maggiore riguardo per gli eventi che prevedono l’incontro tra cluster o "
    "di scambio con stakeholder di pari livello.",
    "Tra gli eventi che segnaliamo di interesse rientrano",
)
EVENTS = (
    "MedTech Partnership Meeting",
    "IMI2 – Innovative Medicine Initiative Forum",
    "Cluster partnering event che si svolgerà il 25 ottobre 2018",  # "Ottobre" in the original
    "EUREGA",
    "Altri da identificare",
)
USA = (
    "Nella strategia di medio termine del Clust-ER ISB vengono identificati Stati Uniti, "
    "Giappone, Cina, India, Singapore e altri paesi dell’est asiatico quali paesi e aree di "
    "interesse startegico delle Value Chain del Cluster Industrie della Salute e del Benessere.",
    "Grazie alle relazioni già instaurate dalla regione ER in Silicon Valley e alcuni scambi "
    "già avuti con ENRICH USA, che si occupa di internazionalizzazione nelle aree Boston-New "
    "York si è scelto gli USA come secondo paese target per la strategia di "
    "internazionalizzazione dell’anno 2018.",
)
BUDGET = "Riepilogo delle risorse necessarie per la realizzazione del piano di promozione"
FUNDING_NOTE = (
    "I Clust-ER sono finanziati dai Fondi europei della Regione Emilia-Romagna - POR FESR 2021-2027"
)
# Generated from the caps; the original writes "€ 5.000" and "€ 10.000,00".
FUNDING_RULES = (
    "(Massimo 5.000,00 € per le spese dedicate a paesi europei; massimo 10.000,00 € per le "
    "spese dedicate a paesi extra-europei; il contributo non può comunque superare 10.000,00 €)"
)
QUOTED = (OBJECTIVES, INTRO, *BELGIUM, *EVENTS[:2], "EUREGA", *USA, BUDGET, FUNDING_NOTE)

TABLE_IT = [
    ["VOCI DI COSTO", "PAESE 1 – Belgio", "PAESE 2 – Stati Uniti", "TOTALE"],
    ["Spese di viaggio", "5.000,00 €", "4.000,00 €", "9.000,00 €"],
    ["Spese di adesione a eventi, fiere…", "", "1.000,00 €", "1.000,00 €"],
    ["Spese di affitto spazi e allestimento", "", "", ""],
    ["Spese di interpretariato", "", "", ""],
    ["Totale", "5.000,00 €", "5.000,00 €", "10.000,00 €"],
]


def in_order(text: str, parts: tuple[str, ...] | list[str]) -> None:
    position = -1
    for part in parts:
        found = text.find(part, position + 1)
        assert found > position, f"missing or out of order: {part[:60]!r}"
        position = found


def markdown_table(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if line.startswith("|") and not line.startswith("|:"):
            cells = [c.strip().strip("*") for c in line.strip("|").split("|")]
            rows.append(cells)
    return rows


def test_the_quotes_are_the_original_documents() -> None:
    if not ORIGINAL.exists():
        pytest.skip("shared/seeds is not beside this checkout")
    original = ORIGINAL.read_text(encoding="utf-8")
    for quote in QUOTED:
        assert quote in original, quote
    assert "Cluster partnering event che si svolgerà il 25 Ottobre 2018" in original


def test_the_italian_markdown_reads_like_the_2018_document(services: Services) -> None:
    text = services.reports.render_plan(2018, lang="it", fmt="md")
    in_order(
        text,
        [
            "# Piano di promozione 2018",
            OBJECTIVES,
            INTRO,
            "## Paese 1: Belgio",
            *BELGIUM,
            *(f"- {event}" for event in EVENTS),
            "## Paese 2: Stati Uniti",
            *USA,  # the strategy note first, as in the document
            f"## {BUDGET}",
            "| VOCI DI COSTO |",
            FUNDING_RULES,
            FUNDING_NOTE,
        ],
    )
    assert markdown_table(text) == TABLE_IT
    assert "|:---|---:|---:|---:|" in text  # amounts aligned right
    # the rationale and the priority note make one paragraph, as in the document
    assert f"{BELGIUM[1]} {BELGIUM[2]}\n" in text


def test_the_english_markdown_uses_english_names_and_money(services: Services) -> None:
    text = services.reports.render_plan(2018, lang="en", fmt="md")
    in_order(
        text,
        [
            "# Promotion plan 2018",
            "The promotion plan for 2018 has 2 objectives:",
            "1. Build alliances at European level",
            "2. Make a first approach",
            "In missions inside Europe",
            "## Country 1: Belgium",
            "Brussels, seat of the European Commission",
            "Events where clusters meet each other or peer-level stakeholders get priority.",
            "Events of interest:",
            "- Cluster partnering event, to be held on 25 October 2018",
            "- Others to be identified",
            "## Country 2: United States",
            "The cluster's medium-term strategy names the United States",
            "The USA was chosen as the second target country",
            "## Summary of the resources needed to carry out the promotion plan",
            "(At most €5,000.00 for expenses dedicated to European countries; at most "
            "€10,000.00 for expenses dedicated to extra-European countries; the contribution "
            "cannot exceed €10,000.00 in any case)",
        ],
    )
    assert markdown_table(text) == [
        ["COST ITEMS", "COUNTRY 1 – Belgium", "COUNTRY 2 – United States", "TOTAL"],
        ["Travel", "€5,000.00", "€4,000.00", "€9,000.00"],
        ["Event and fair fees", "", "€1,000.00", "€1,000.00"],
        ["Space rental and setup", "", "", ""],
        ["Interpreting", "", "", ""],
        ["Total", "€5,000.00", "€5,000.00", "€10,000.00"],
    ]
    assert "Spese di" not in text and "Belgio" not in text


class PageReader(HTMLParser):
    """What a browser would show of the page: its language, table, list items and style."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.charset: str | None = None
        self.parts: dict[str, list[list[str]]] = {"thead": [], "tbody": [], "tfoot": []}
        self.items: list[str] = []
        self.style = ""
        self.tags: list[str] = []
        self._part: str | None = None
        self._cell: list[str] | None = None
        self._item: list[str] | None = None
        self._right: list[bool] = []
        self.right_aligned: list[list[bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.lang = attributes.get("lang")
        elif tag == "meta" and "charset" in attributes:
            self.charset = attributes["charset"]
        elif tag in self.parts:
            self._part = tag
        elif tag == "tr" and self._part is not None:
            self.parts[self._part].append([])
            self._right = []
        elif tag in ("th", "td") and self._part is not None:
            self._cell = []
            self._right.append("num" in (attributes.get("class") or ""))
        elif tag == "li":
            self._item = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None and self._part is not None:
            self.parts[self._part][-1].append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._part is not None:
            self.right_aligned.append(self._right)
        elif tag in self.parts:
            self._part = None
        elif tag == "li" and self._item is not None:
            self.items.append("".join(self._item))
            self._item = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._item is not None:
            self._item.append(data)
        if self.tags and self.tags[-1] == "style":
            self.style += data


def read_page(text: str) -> PageReader:
    reader = PageReader()
    reader.feed(text)
    reader.close()
    return reader


def test_the_html_is_a_standalone_page_with_a_real_table(services: Services) -> None:
    text = services.reports.render_plan(2018, lang="it", fmt="html")
    assert text.startswith("<!DOCTYPE html>\n")
    page = read_page(text)
    assert page.lang == "it" and page.charset == "utf-8"
    assert page.parts["thead"] == [TABLE_IT[0]]
    assert page.parts["tbody"] == TABLE_IT[1:5]
    assert page.parts["tfoot"] == [TABLE_IT[5]]
    # every amount column is right-aligned, the labels are not
    assert all(row == [False, True, True, True] for row in page.right_aligned)
    assert page.items == list(EVENTS)
    style = re.sub(r"\s+", " ", page.style)
    assert "@media print" in style and "size: A4" in style
    assert "break-inside: avoid" in style and "background: none" in style
    assert "text-align: right" in style
    english = read_page(services.reports.render_plan(2018, lang="en", fmt="html"))
    assert english.lang == "en"
    assert english.parts["tfoot"] == [["Total", "€5,000.00", "€5,000.00", "€10,000.00"]]


def test_names_with_markup_characters_are_escaped(services: Services) -> None:
    name = "R&D <Expo> & *Partnering* 2018"
    services.events.create(2018, validate_event({"name": name, "country": "BE"}))
    page = read_page(services.reports.render_plan(2018, fmt="html"))
    assert name in page.items  # the parser saw text, not tags
    raw = services.reports.render_plan(2018, fmt="html")
    assert "R&amp;D &lt;Expo&gt; &amp; *Partnering* 2018" in raw
    markdown = services.reports.render_plan(2018, fmt="md")
    assert r"- R&D \<Expo\> & \*Partnering\* 2018" in markdown
    # a new event joins its country's list before the placeholder
    assert markdown.index("R&D") < markdown.index("- Altri da identificare")


def test_cancelled_events_are_left_out(services: Services) -> None:
    eurega = services.events.find("EUREGA", 2018)
    services.events.set_status(eurega.id, "cancelled")
    assert "EUREGA" not in services.reports.render_plan(2018)


def test_the_document_is_written_whole_and_private(services: Services, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "piano.html"
    target.write_text("old")
    target.chmod(0o644)
    written = services.reports.write_plan(2018, target, lang="it", fmt="html")
    assert written.path == target and written.size == target.stat().st_size
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in out.iterdir()] == ["piano.html"]  # no temporary left


def test_a_missing_folder_or_year_is_a_clear_error(services: Services, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(FileNotFoundError, match=r"the folder .* does not exist"):
        services.reports.write_plan(2018, out / "nowhere" / "plan.md")
    with pytest.raises(IsADirectoryError, match="is a folder"):
        services.reports.write_plan(2018, out)
    with pytest.raises(NotFoundError, match="there is no plan for 2017"):
        services.reports.render_plan(2017)
    with pytest.raises(ValidationError):
        services.reports.render_plan(2018, lang="fr")
    assert list(out.iterdir()) == []
