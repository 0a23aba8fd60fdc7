"""Which column of an imported file fills which field: known headers, then overrides.

Headers are compared folded (case, accents and punctuation ignored), against synonyms in
English and Italian and the headers Google Contacts and Outlook write. ``--map
"Colonna=field"`` (or the TUI's mapping step) overrides a column; ``Colonna=`` leaves it
out. Several columns may feed one field (Outlook's "Business Phone", "Mobile Phone"...):
the first non-blank value, left to right, wins. A person's name is built from first,
middle and last name when no column holds it whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from tracker.domain.contact_rules import fold
from tracker.i18n import _
from tracker.io.csv_problems import Problem, problem
from tracker.io.csv_write import unneutralise

KINDS = ("orgs", "people", "events")
IGNORE = ("", "-", "ignore", "skip")
MULTI_VALUE = " ::: "  # Google Contacts puts several e-mails or phones in one cell so

ORG_FIELDS = ("name", "kind", "country", "city", "website", "eccp_url", "stage", "tags", "notes")
PERSON_FIELDS = (
    "name", "first_name", "middle_name", "last_name", "organisation", "role", "email",
    "phone", "languages", "staff", "consent", "consent_source", "consent_date", "notes",
)  # fmt: skip
EVENT_FIELDS = (
    "year", "name", "kind", "country", "city", "start", "end", "organiser", "url",
    "status", "priority", "placeholder", "why", "notes", "uid",
)  # fmt: skip
FIELDS: dict[str, tuple[str, ...]] = {
    "orgs": ORG_FIELDS,
    "people": PERSON_FIELDS,
    "events": EVENT_FIELDS,
}
# Without one of these the file cannot be imported at all.
NEEDED: dict[str, tuple[str, ...]] = {
    "orgs": ("name",),
    "people": ("name", "first_name", "last_name"),
    "events": ("name",),
}
_NAME_PARTS = ("first_name", "middle_name", "last_name")

_COMMON = {
    "country": ("country", "paese", "nazione", "country code", "codice paese"),
    "city": ("city", "citta", "town", "localita", "comune", "location", "luogo", "sede"),
    "notes": ("notes", "note", "notes 1", "annotazioni", "commenti", "comments"),
}
_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "orgs": {
        "name": (
            "name",
            "organisation",
            "organization",
            "company",
            "nome",
            "ragione sociale",
            "denominazione",
            "organizzazione",
            "azienda",
            "ente",
            "societa",
            "company name",
        ),
        "kind": ("kind", "type", "tipo", "tipologia", "categoria", "organisation kind"),
        "website": ("website", "web site", "sito", "sito web", "sito internet", "url", "web"),
        "eccp_url": ("eccp url", "eccp", "eccp profile", "profilo eccp"),
        "stage": ("stage", "fase", "pipeline", "stadio"),
        "tags": ("tags", "tag", "settori", "settore", "sector", "sectors", "keywords"),
        **_COMMON,
    },
    "people": {
        "name": (
            "name",
            "full name",
            "nome completo",
            "nominativo",
            "nome e cognome",
            "cognome e nome",
            "display name",
            "contatto",
            "contact",
            "person",
        ),
        "first_name": ("first name", "given name", "nome", "firstname", "given"),
        "middle_name": ("middle name", "additional name", "secondo nome"),
        "last_name": ("last name", "family name", "surname", "cognome", "lastname"),
        "organisation": (
            "organisation",
            "organization",
            "company",
            "organization 1 name",
            "organization name",
            "azienda",
            "ente",
            "societa",
            "organizzazione",
            "impresa",
        ),
        "role": (
            "role",
            "job title",
            "organization 1 title",
            "organization title",
            "position",
            "ruolo",
            "qualifica",
            "posizione",
            "incarico",
            "funzione",
        ),
        "email": (
            "email",
            "e mail",
            "email address",
            "e mail address",
            "e mail 1 value",
            "e mail 2 value",
            "e mail 3 value",
            "e mail 2 address",
            "e mail 3 address",
            "posta elettronica",
            "indirizzo email",
            "indirizzo di posta elettronica",
            "indirizzo posta elettronica",
            "mail",
        ),
        "phone": (
            "phone",
            "telephone",
            "telefono",
            "tel",
            "phone number",
            "numero di telefono",
            "phone 1 value",
            "phone 2 value",
            "phone 3 value",
            "business phone",
            "business phone 2",
            "mobile phone",
            "mobile",
            "primary phone",
            "company main phone",
            "home phone",
            "cellulare",
            "cell",
            "telefono ufficio",
            "telefono cellulare",
            "telefono lavoro",
        ),
        "languages": ("languages", "language", "lingue", "lingua"),
        "staff": ("staff", "is staff", "interno", "personale"),
        "consent": ("consent", "consenso", "consenso privacy", "privacy", "gdpr"),
        "consent_source": ("consent source", "fonte consenso", "origine consenso"),
        "consent_date": ("consent date", "data consenso"),
        "notes": _COMMON["notes"],
    },
    "events": {
        "year": ("year", "plan", "plan year", "anno", "piano"),
        "name": ("name", "event", "evento", "nome", "nome evento", "titolo", "title"),
        "kind": ("kind", "type", "tipo", "tipologia"),
        "start": ("start", "start date", "from", "dal", "data inizio", "inizio", "data", "date"),
        "end": ("end", "end date", "to", "al", "data fine", "fine"),
        "organiser": ("organiser", "organizer", "organizzatore", "ente organizzatore"),
        "url": ("url", "website", "sito", "sito web", "link", "web"),
        "status": ("status", "stato"),
        "priority": ("priority", "priorita"),
        "placeholder": ("placeholder", "segnaposto"),
        "why": ("why", "perche", "motivazione", "rationale"),
        "uid": ("uid",),
        **_COMMON,
    },
}
# Words Italian files use for closed choices, folded, to the value the rules take.
_VALUE_WORDS: dict[str, dict[str, str]] = {
    "kind": {
        "azienda": "company",
        "impresa": "company",
        "societa": "company",
        "universita": "university",
        "ateneo": "university",
        "ospedale": "hospital",
        "centro di ricerca": "research_centre",
        "ente di ricerca": "research_centre",
        "ente pubblico": "public_body",
        "pubblica amministrazione": "public_body",
        "agenzia": "agency",
        "rete": "agency",
        "associazione": "association",
        "fiera": "fair",
        "convegno": "conference",
        "conferenza": "conference",
        "missione": "mission",
        "seminario": "workshop",
    },
    "priority": {"alta": "high", "media": "normal", "normale": "normal", "bassa": "low"},
    "consent": {
        "si": "given",
        "yes": "given",
        "dato": "given",
        "concesso": "given",
        "no": "refused",
        "negato": "refused",
        "rifiutato": "refused",
        "revocato": "withdrawn",
        "ritirato": "withdrawn",
    },
    "staff": {"interno": "yes", "esterno": "no"},
}
_KNOWN: dict[str, dict[str, str]] = {
    kind: {fold(s): field for field, words in synonyms.items() for s in (field, *words)}
    for kind, synonyms in _SYNONYMS.items()
}


@dataclass(frozen=True)
class Column:
    """One column of the file and what becomes of it."""

    index: int
    header: str
    field: str | None  # None: not imported
    how: str  # "known header", "--map", "not imported"


@dataclass(frozen=True)
class ColumnMapping:
    kind: str
    columns: tuple[Column, ...]

    def field_of(self, header: str) -> str | None:
        return next((c.field for c in self.columns if c.header == header), None)

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(c.field for c in self.columns if c.field)


def check_kind(kind: str) -> str:
    if kind not in FIELDS:
        raise ValueError(
            _("{kind!r} is not one of: {KINDS}").format(kind=kind, KINDS=", ".join(KINDS))
        )
    return kind


def suggest(kind: str, header: Sequence[str]) -> ColumnMapping:
    """The automatic mapping: every header we know, each field at most once per header."""
    known = _KNOWN[check_kind(kind)]
    columns = []
    for i, name in enumerate(header):
        field = known.get(fold(name)) if name else None
        columns.append(Column(i, name, field, "known header" if field else "not imported"))
    return ColumnMapping(kind, tuple(columns))


def parse_overrides(items: Iterable[str]) -> tuple[dict[str, str | None], list[Problem]]:
    """``"Colonna=field"`` pairs (``Colonna=`` leaves the column out)."""
    chosen: dict[str, str | None] = {}
    problems = []
    for item in items:
        column, sep, field = item.rpartition("=")
        if not sep or not column.strip():
            problems.append(problem(0, f'--map {item!r}: write it as "Column=field"'))
            continue
        wanted = field.strip()
        chosen[column.strip()] = None if wanted.lower() in IGNORE else wanted
    return chosen, problems


def override(
    mapping: ColumnMapping, overrides: Mapping[str, str | None]
) -> tuple[ColumnMapping, list[Problem]]:
    """Apply ``--map`` choices; an unknown column or field is a problem, not a guess."""
    fields = FIELDS[mapping.kind]
    problems: list[Problem] = []
    columns = list(mapping.columns)
    for name, typed in overrides.items():
        field = _field_named(mapping.kind, typed)
        matches = [c for c in columns if c.header == name] or [
            c for c in columns if fold(c.header) == fold(name)
        ]
        if not matches:
            shown = ", ".join(repr(c.header) for c in columns if c.header)
            problems.append(problem(0, f"--map: the file has no column {name!r} (it has {shown})"))
            continue
        if typed is not None and field is None:
            options = ", ".join(fields)
            problems.append(
                problem(0, f"--map: {typed!r} is not a field of {mapping.kind}: {options}")
            )
            continue
        for c in matches:
            columns[c.index] = Column(c.index, c.header, field, "--map")
    return ColumnMapping(mapping.kind, tuple(columns)), problems


def _field_named(kind: str, typed: str | None) -> str | None:
    """A field from what was typed: its name ("consent source" too) or a known header."""
    if typed is None:
        return None
    name = "_".join(typed.strip().lower().replace("-", " ").split())
    if name in FIELDS[kind]:
        return name
    return _KNOWN[kind].get(fold(typed))


def missing_fields(mapping: ColumnMapping) -> list[Problem]:
    """A file-level problem when no column can give the records their name."""
    needed = NEEDED[mapping.kind]
    if mapping.fields & set(needed):
        return []
    what = "name" if mapping.kind != "people" else "name (or first and last name)"
    shown = ", ".join(repr(c.header) for c in mapping.columns if c.header)
    return [
        problem(
            0,
            f'no column holds the {what}: name one with --map "Column=name" '
            f"(the columns are {shown})",
        )
    ]


def _clean(value: str) -> str:
    """NULs dropped, line ends made \\n, the export's formula guard taken off."""
    if value[0] != "'" and "\x00" not in value and "\r" not in value:
        return value.strip()
    text = unneutralise(value).replace("\x00", "")
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


class RecordMaker:
    """Turns a record's cells into the raw fields the services validate."""

    def __init__(self, mapping: ColumnMapping) -> None:
        self.kind = mapping.kind
        by_field: dict[str, list[int]] = {}
        for c in mapping.columns:
            if c.field:
                by_field.setdefault(c.field, []).append(c.index)
        self._by_field = list(by_field.items())
        self._compose = self.kind == "people" and "name" not in by_field
        # Only the closed choices this file has a column for.
        self._words = [(f, words) for f, words in _VALUE_WORDS.items() if f in by_field]

    def __call__(self, cells: Sequence[str]) -> dict[str, str]:
        raw: dict[str, str] = {}
        for field, indexes in self._by_field:
            for i in indexes:
                value = cells[i]
                if value and not value.isspace():
                    if value[0] == "'" or "\x00" in value or "\r" in value:
                        value = _clean(value)
                    else:
                        value = value.strip()  # _clean's own first case, inlined: most cells
                    if MULTI_VALUE in value and field in ("email", "phone"):
                        value = value.split(MULTI_VALUE, 1)[0].strip()
                    if value:
                        raw[field] = value
                        break
        for field, words in self._words:
            if field in raw:
                raw[field] = words.get(fold(raw[field]), raw[field])
        if self.kind == "people":
            parts = [raw.pop(p, "") for p in _NAME_PARTS]
            if self._compose or not raw.get("name"):
                composed = " ".join(p for p in parts if p)
                if composed:
                    raw["name"] = composed
        return raw
