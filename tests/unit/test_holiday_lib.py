"""The holidays library loaded country by country gives the same holidays as loaded whole."""

from __future__ import annotations

import json
import subprocess
import sys

COUNTRIES = ["IT", "BE", "DE", "FR", "ES", "NL", "PT", "PL", "GR", "AT", "SE", "IE", "US", "GB"]

SCRIPT = """
import json, sys
if sys.argv[1] == "lean":
    from tracker.domain.holiday_lib import holidays_library
    holidays = holidays_library()
else:
    import holidays
found = {}
for code in sys.argv[2].split(","):
    days = holidays.country_holidays(code, years=[2024, 2025])
    if "en_US" in days.supported_languages:
        days = holidays.country_holidays(code, years=[2024, 2025], language="en_US")
    found[code] = sorted((d.isoformat(), name) for d, name in days.items())
loaded = [m for m in sys.modules if m.startswith("holidays.countries.")]
print(json.dumps({"found": found, "loaded": len(loaded)}))
"""


def _run(how: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, how, ",".join(COUNTRIES)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result: dict[str, object] = json.loads(out)
    return result


def test_only_the_countries_asked_for_are_loaded_and_their_holidays_are_the_same() -> None:
    lean, whole = _run("lean"), _run("whole")
    assert lean["found"] == whole["found"]
    assert ["2024-08-15", "Assumption Of Mary Day"] in lean["found"]["IT"]  # type: ignore[index]
    assert int(lean["loaded"]) <= 3 * len(COUNTRIES) < int(whole["loaded"])  # type: ignore[call-overload]
