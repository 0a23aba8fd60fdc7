"""The ``holidays`` library, loading only the countries asked for.

Importing any country runs the package ``holidays.countries``, whose ``__init__``
imports all of them (about 250 modules: 6 MB of the TUI's memory and 30 ms the first
time the calendar opens). The library finds each country by its own module path
(``holidays.countries.belgium``), so an empty package standing for ``holidays.countries``,
with the same folder, lets it import just the ones asked for. Nothing in the library
reads the names that ``__init__`` would have gathered.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from types import ModuleType

_LOCK = threading.Lock()


def holidays_library() -> ModuleType:
    import holidays  # 40 ms to import, and only the calendar and conflicts need it

    with _LOCK:
        if "holidays.countries" not in sys.modules:
            package = ModuleType("holidays.countries")
            package.__path__ = [str(Path(holidays.__file__).parent / "countries")]
            package.__package__ = "holidays.countries"
            sys.modules["holidays.countries"] = package
    return holidays
