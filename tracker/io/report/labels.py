"""Italian and English words for the documents and workbooks, until a gettext catalog.

``VOCABULARY`` names the stored values of the domain's closed vocabularies (statuses,
kinds, stages...); ``TEXT`` holds the fixed phrases of the plan document and the
workbook. A value missing from a table shows as itself, underscores as spaces.
"""

from __future__ import annotations

from tracker.i18n import current_language

LANGS = ("it", "en")

# vocabulary -> stored value -> (Italian, English)
VOCABULARY: dict[str, dict[str, tuple[str, str]]] = {
    "event_status": {
        "idea": ("idea", "idea"),
        "candidate": ("candidato", "candidate"),
        "shortlisted": ("selezionato", "shortlisted"),
        "registered": ("iscritto", "registered"),
        "attended": ("partecipato", "attended"),
        "skipped": ("non partecipato", "skipped"),
        "cancelled": ("annullato", "cancelled"),
    },
    "event_kind": {
        "partnering": ("evento di partenariato", "partnering event"),
        "conference": ("conferenza", "conference"),
        "fair": ("fiera", "trade fair"),
        "workshop": ("workshop", "workshop"),
        "mission": ("missione", "mission"),
        "webinar": ("webinar", "webinar"),
        "other": ("altro", "other"),
    },
    "priority": {
        "high": ("alta", "high"),
        "normal": ("normale", "normal"),
        "low": ("bassa", "low"),
    },
    "mission_status": {
        "draft": ("bozza", "draft"),
        "planned": ("pianificata", "planned"),
        "booked": ("prenotata", "booked"),
        "done": ("svolta", "done"),
        "cancelled": ("annullata", "cancelled"),
    },
    "org_kind": {
        "cluster": ("cluster", "cluster"),
        "company": ("impresa", "company"),
        "research_centre": ("centro di ricerca", "research centre"),
        "hospital": ("ospedale", "hospital"),
        "university": ("università", "university"),
        "public_body": ("ente pubblico", "public body"),
        "agency": ("agenzia", "agency"),
        "association": ("associazione", "association"),
    },
    "stage": {
        "prospect": ("potenziale", "prospect"),
        "contacted": ("contattato", "contacted"),
        "in_talks": ("in trattativa", "in talks"),
        "partner": ("partner", "partner"),
        "dormant": ("inattivo", "dormant"),
    },
    "consent": {
        "unknown": ("sconosciuto", "unknown"),
        "given": ("dato", "given"),
        "refused": ("negato", "refused"),
        "withdrawn": ("revocato", "withdrawn"),
    },
    "interaction_kind": {
        "meeting": ("incontro", "meeting"),
        "call": ("telefonata", "call"),
        "email": ("email", "email"),
        "video_call": ("videochiamata", "video call"),
        "visit": ("visita", "visit"),
    },
    "call_status": {
        "watching": ("da seguire", "watching"),
        "open": ("aperto", "open"),
        "closed": ("chiuso", "closed"),
    },
    "consortium_status": {
        "exploring": ("in esplorazione", "exploring"),
        "forming": ("in formazione", "forming"),
        "submitted": ("presentato", "submitted"),
        "funded": ("finanziato", "funded"),
        "rejected": ("respinto", "rejected"),
        "withdrawn": ("ritirato", "withdrawn"),
    },
    "member_role": {
        "coordinator": ("coordinatore", "coordinator"),
        "partner": ("partner", "partner"),
        "associated": ("associato", "associated"),
    },
    "cap_scope": {
        "together": ("nel complesso", "all together"),
        "per_country": ("per paese", "per country"),
    },
}

# The groups a cap rule sorts countries into, by basis: (Italian, English).
CAP_GROUPS: dict[tuple[str, str], tuple[str, str]] = {
    ("europe", "inside"): ("paesi europei", "European countries"),
    ("europe", "outside"): ("paesi extra-europei", "extra-European countries"),
    ("eu", "inside"): ("paesi UE", "EU countries"),
    ("eu", "outside"): ("paesi extra-UE", "extra-EU countries"),
    ("europe", "total"): ("intero piano", "whole plan"),
    ("eu", "total"): ("intero piano", "whole plan"),
}
# One country of a group, for per-country caps: "ciascun paese europeo".
CAP_GROUP_ONE: dict[tuple[str, str], tuple[str, str]] = {
    ("europe", "inside"): ("ciascun paese europeo", "each European country"),
    ("europe", "outside"): ("ciascun paese extra-europeo", "each extra-European country"),
    ("eu", "inside"): ("ciascun paese UE", "each EU country"),
    ("eu", "outside"): ("ciascun paese extra-UE", "each extra-EU country"),
}

# Fixed phrases: key -> (Italian, English).
TEXT: dict[str, tuple[str, str]] = {
    # the plan document
    "country_heading": ("Paese {n}: {name}", "Country {n}: {name}"),
    "events_intro": (
        "Tra gli eventi che segnaliamo di interesse rientrano",
        "Events of interest:",
    ),
    "other_events": ("Altri eventi di interesse", "Other events of interest"),
    "budget_heading": (
        "Riepilogo delle risorse necessarie per la realizzazione del piano di promozione",
        "Summary of the resources needed to carry out the promotion plan",
    ),
    "cost_items": ("VOCI DI COSTO", "COST ITEMS"),
    "country_column": ("PAESE {n} – {name}", "COUNTRY {n} – {name}"),
    "total_column": ("TOTALE", "TOTAL"),
    "total_row": ("Totale", "Total"),
    "placeholder": ("Altri da identificare", "Others to be identified"),
    # the workbook
    "yes": ("sì", "yes"),
    "no": ("no", "no"),
    "country_total": ("Totale", "Total"),
    "plan_total": ("Totale piano", "Plan total"),
}

# The workbook's sheet names (at most 31 characters, none of []:*?/\).
SHEETS: dict[str, tuple[str, str]] = {
    "budget": ("Budget", "Budget"),
    "caps": ("Tetti di spesa", "Caps"),
    "events": ("Eventi", "Events"),
    "missions": ("Missioni", "Missions"),
    "organisations": ("Organizzazioni", "Organisations"),
    "people": ("Persone", "People"),
    "contacts": ("Registro contatti", "Contact log"),
}

# The workbook's column headings.
COLUMNS: dict[str, tuple[str, str]] = {
    "position": ("N. paese", "Country no."),
    "country": ("Paese", "Country"),
    "category": ("Voce di costo", "Cost item"),
    "planned": ("Previsto", "Planned"),
    "allocated": ("Impegnato (eventi e missioni)", "Earmarked (events and missions)"),
    "free": ("Da impegnare", "Not yet earmarked"),
    "actual": ("Speso", "Spent"),
    "remaining": ("Residuo", "Remaining"),
    "group": ("Gruppo", "Group"),
    "scope": ("Ambito", "Scope"),
    "countries": ("Paesi", "Countries"),
    "cap": ("Tetto", "Cap"),
    "headroom": ("Margine", "Headroom"),
    "over": ("Superato", "Over"),
    "name": ("Nome", "Name"),
    "title": ("Titolo", "Title"),
    "kind": ("Tipo", "Kind"),
    "city": ("Città", "City"),
    "start": ("Inizio", "Start"),
    "end": ("Fine", "End"),
    "status": ("Stato", "Status"),
    "priority": ("Priorità", "Priority"),
    "placeholder": ("Segnaposto", "Placeholder"),
    "earmarked": ("Impegnato", "Earmarked"),
    "organiser": ("Organizzatore", "Organiser"),
    "website": ("Sito web", "Website"),
    "why": ("Perché", "Why"),
    "notes": ("Note", "Notes"),
    "purpose": ("Scopo", "Purpose"),
    "participants": ("Partecipanti", "Participants"),
    "events": ("Eventi", "Events"),
    "stage": ("Fase", "Stage"),
    "eccp": ("Profilo ECCP", "ECCP profile"),
    "tags": ("Tag", "Tags"),
    "people": ("Persone", "People"),
    "organisation": ("Organizzazione", "Organisation"),
    "organisations": ("Organizzazioni", "Organisations"),
    "role": ("Ruolo", "Role"),
    "email": ("Email", "Email"),
    "phone": ("Telefono", "Phone"),
    "languages": ("Lingue", "Languages"),
    "staff": ("Staff", "Staff"),
    "consent": ("Consenso", "Consent"),
    "consent_source": ("Fonte del consenso", "Consent source"),
    "consent_date": ("Data del consenso", "Consent date"),
    "date": ("Data", "Date"),
    "time": ("Ora", "Time"),
    "event": ("Evento", "Event"),
    "summary": ("Sintesi", "Summary"),
    "follow_up": ("Seguito", "Follow-up"),
    "due": ("Scadenza", "Due"),
    "done": ("Fatto il", "Done on"),
}


def word(vocabulary: str, value: str, lang: str) -> str:
    """The name of a stored value in ``lang``: ``word("event_status", "candidate", "it")``."""
    pair = VOCABULARY.get(vocabulary, {}).get(value)
    if pair is None:
        return value.replace("_", " ")
    return pair[0] if lang == "it" else pair[1]


def term(vocabulary: str, value: str) -> str:
    """A stored value (status, kind, stage...) as the user reads it on screen: the Italian
    word in Italian, the value itself in English (what the CLI's options take)."""
    return word(vocabulary, value, "it") if current_language() == "it" else value


def text(key: str, lang: str, table: dict[str, tuple[str, str]] = TEXT) -> str:
    italian, english = table[key]
    return italian if lang == "it" else english


def cap_group(basis: str, group: str, lang: str) -> str:
    pair = CAP_GROUPS.get((basis, group), (group, group))
    return pair[0] if lang == "it" else pair[1]


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    return lang
