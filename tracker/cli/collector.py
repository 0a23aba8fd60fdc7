"""The cyclic garbage collector during a command.

A command is a short process: start-up builds a few hundred thousand long-lived objects
(SQLAlchemy, the models, their mappers) and frees almost none, and the collections they
set off walk all of them again and again, about a tenth of a list command's time, for
nothing. Reference counting frees what a command drops (ORM rows, pages, sessions hold
no cycles worth a collection): with the collector off, ``people list`` over 100k people
and the workbook export of the big database peak at the same memory (±2%). So ``main``
turns it off for the command; the full-screen app gets it back before it starts (it
freezes its start-up objects itself). Tests drive ``cli`` directly and keep it on.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """The collector back on, if ``pause`` turned it off."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
