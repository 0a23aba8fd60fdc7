"""The JSON the commands print is exactly what ``json.dumps(indent=2)`` wrote before."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from enum import IntEnum, StrEnum
from typing import Any

import click
import pytest
from click.testing import CliRunner

from tracker.cli import json_text
from tracker.cli.output import stream_json_list


class Colour(StrEnum):
    RED = "red"


class Rank(IntEnum):
    HIGH = 1


ODD = [
    "", "plain", 'quote " and \\ backslash', "tab\tnew\nline\r", "nul\x00 bell\x07 \x1c",
    "accents àèìòù ß €", "emoji 🎉", "line\u2028separator", "next\x85line", "para\u2029",
    "</script>",
]  # fmt: skip
SCALARS: list[Any] = [
    *ODD, 0, -1, 10**30, 1.5, -0.0, 1e300, float("nan"), float("inf"), True, False, None,
    Colour.RED, Rank.HIGH,
]  # fmt: skip


def _values(rng: random.Random) -> Any:
    roll = rng.random()
    if roll < 0.75:
        return rng.choice(SCALARS)
    if roll < 0.85:
        return [rng.choice(SCALARS) for _ in range(rng.randint(0, 3))]
    if roll < 0.95:
        return {rng.choice(ODD): rng.choice(SCALARS) for _ in range(rng.randint(0, 3))}
    return {1: "int key", None: "none key"}


def _samples() -> Iterable[Any]:
    rng = random.Random(3)
    for _ in range(2_000):
        flat = {f"k{i}": rng.choice(SCALARS) for i in range(rng.randint(0, 8))}
        mixed = {rng.choice(ODD): _values(rng) for _ in range(rng.randint(0, 5))}
        yield flat
        yield mixed
        yield [flat, flat]
        yield [flat, mixed]
        yield _values(rng)
    yield []
    yield {}
    yield [{}]


def test_dumps_writes_what_json_dumps_writes() -> None:
    for data in _samples():
        assert json_text.dumps(data) == json.dumps(data, indent=2, ensure_ascii=False), data


def _old_stream(items: Iterable[Any]) -> None:
    """The listing as it was written before (one item per write, lines re-indented), but
    split at \n only: splitlines() also split at U+2028, U+2029 and U+0085 inside strings."""
    first = True
    for item in items:
        text = json.dumps(item, indent=2, ensure_ascii=False)
        body = "\n".join("  " + line for line in text.split("\n"))
        click.echo(("[\n" if first else ",\n") + body, nl=False)
        first = False
    click.echo("[]" if first else "\n]")


def _printed(write: Any, items: list[Any]) -> str:
    @click.command()
    def show() -> None:
        write(iter(items))

    return CliRunner().invoke(show, catch_exceptions=False).output


@pytest.mark.parametrize("count", [0, 1, 199, 200, 201, 450])
def test_a_streamed_list_is_the_same_text_as_before(count: int) -> None:
    samples = list(_samples())
    items = [samples[i % len(samples)] for i in range(count)]
    assert _printed(stream_json_list, items) == _printed(_old_stream, items)


def test_a_streamed_list_with_unusual_line_breaks_is_valid_json() -> None:
    items = [{"note": "line\u2028separator", "other": "next\x85line\u2029"}, {"n": "a\nb"}]
    assert json.loads(_printed(stream_json_list, items)) == items
