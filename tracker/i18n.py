"""The language the user reads: gettext catalogs for words (Italian or English).

Every layer may import this module (it imports nothing of ours). Code marks user-visible
text with ``_("…")``; text that must be defined before the language is known (enum
labels, class-level constants) is marked with ``N_("…")`` and translated where shown.
English is the source language; the Italian catalog lives in
``tracker/locale/it/LC_MESSAGES/tracker.po`` and its compiled ``.mo`` beside it.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "tracker"
LANGUAGES = ("it", "en")
DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).with_name("locale")

_current = DEFAULT_LANGUAGE
_catalog: gettext.NullTranslations = gettext.NullTranslations()


def language_from_environment(env: Mapping[str, str] | None = None) -> str:
    """Italian when the user's locale is Italian (``it_IT.UTF-8``, ``it``), else English.

    Follows the POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG; LANGUAGE (a list
    such as ``it:en``) is honoured first, as gettext itself does.
    """
    env = os.environ if env is None else env
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if not value:
            continue
        first = value.split(":")[0].strip().lower()
        if first in ("", "c", "posix"):
            continue
        return "it" if first.startswith("it") else "en"
    return DEFAULT_LANGUAGE


def normalise_language(lang: str) -> str:
    """``it``, ``it_IT``, ``IT`` → ``it``; refuses what we have no catalog for."""
    code = lang.strip().lower().replace("-", "_").split("_")[0]
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    return code


def set_language(lang: str) -> str:
    """Switch every later ``_()`` to ``lang``; returns the normalised code."""
    global _current, _catalog
    code = normalise_language(lang)
    _catalog = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)
    _current = code
    return code


def current_language() -> str:
    return _current


def _(message: str) -> str:
    """The message in the current language (the English text when untranslated)."""
    return _catalog.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalog.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark text for the catalog without translating it yet (translate where shown)."""
    return message
