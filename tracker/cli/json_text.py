"""``json.dumps(data, indent=2, ensure_ascii=False)``, character for character, faster.

With ``indent`` the standard library encodes in pure Python (its C encoder is used only
for compact output), about 12 µs for one listed event. Most of what the commands print
is a record whose values are plain scalars: such a record is written here from the
same scalar encoders the library uses (its C string encoder, ``int.__repr__``,
``float.__repr__``); anything else goes to ``json.dumps`` itself.
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring  # what json.dumps uses with ensure_ascii=False
from typing import Any

INDENT = "  "


def _scalar(value: Any) -> str | None:
    """A scalar as json writes it; None when ``value`` is not one it writes plainly."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value)
    return None


def _flat(data: dict[Any, Any], margin: str) -> str | None:
    """A dict of scalars under str keys, indented from ``margin``; None otherwise."""
    if not data:
        return "{}"
    inner = margin + INDENT
    parts = []
    for key, value in data.items():
        text = _scalar(value)
        if text is None or not isinstance(key, str):
            return None
        parts.append(f"{inner}{encode_basestring(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n" + margin + "}"


def dumps(data: Any) -> str:
    """``data`` as ``json.dumps(data, indent=2, ensure_ascii=False)`` writes it."""
    if isinstance(data, dict):
        text = _flat(data, "")
        if text is not None:
            return text
    elif isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        items = [_flat(item, INDENT) for item in data]
        if all(item is not None for item in items):
            return "[\n" + ",\n".join(f"{INDENT}{item}" for item in items) + "\n]"
    else:
        scalar = _scalar(data)
        if scalar is not None:
            return scalar
    return json.dumps(data, indent=2, ensure_ascii=False)
