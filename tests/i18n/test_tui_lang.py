"""The TUI in Italian: the footer's keys, the dashboard, the budget's amounts, the forms."""

from __future__ import annotations

from tui.helpers import press, running, screen_text

from tracker.config import Settings
from tracker.i18n import set_language


async def test_the_dashboard_and_footer_read_italian(settings: Settings) -> None:
    set_language("it")
    async with running(settings) as pilot:
        text = screen_text(pilot)
        for words in ("Cruscotto", "Eventi", "Registro contatti", "Anno del piano", "Aiuto"):
            assert words in text, words
        for words in ("Obiettivi", "Paesi obiettivo", "Prossimi eventi candidati", "Piano 2018"):
            assert words in text, words
        assert "5.000,00 €" in text
        assert "€5,000.00" not in text
        assert "Dashboard" not in text and "Plan year" not in text
        await press(pilot, "b")
        text = screen_text(pilot)
        assert "Voce di costo" in text and "Paese 1 — Belgio" in text
        assert "Spese di viaggio" in text and "10.000,00 €" in text
        await press(pilot, "e")
        text = screen_text(pilot)
        assert "candidato" in text and "Nuovo" in text and "Ordina" in text
        await press(pilot, "n")
        text = screen_text(pilot)
        assert "Nuovo evento" in text and "Città" in text and "Salva" in text
        await press(pilot, "ctrl+s")  # no name: the form says why, in Italian
        assert "un evento ha bisogno di un nome" in screen_text(pilot)


async def test_the_same_app_in_english_after_italian(settings: Settings) -> None:
    """Key descriptions are translated when the app starts, so switching back works."""
    set_language("it")
    async with running(settings) as pilot:
        assert "Cruscotto" in screen_text(pilot)
    set_language("en")
    async with running(settings) as pilot:
        text = screen_text(pilot)
        assert "Dashboard" in text and "Cruscotto" not in text
        assert "€5,000.00" in text
