"""The composed plan as Markdown (CommonMark with a GFM pipe table)."""

from __future__ import annotations

import re

from tracker.io.report.compose import (
    Block,
    Composed,
    Heading,
    ItemList,
    Paragraph,
    Section,
    Table,
)

# Characters that would turn plain text into markup anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|])")
# A line start that would open a heading, quote, list or rule...
_LINE_START = re.compile(r"^(\s*)([#>+\-=])(?=\s|$)", re.MULTILINE)
# ... or a numbered list ("2018. " escapes its full stop).
_NUMBERED = re.compile(r"^(\s*\d+)([.)])(?=\s|$)", re.MULTILINE)


def escape(text: str) -> str:
    """Plain text that Markdown shows as it is (backslash escapes, as CommonMark allows)."""
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\\\2", text)
    return _NUMBERED.sub(r"\1\\\2", text)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _table(table: Table) -> list[str]:
    def row(cells: tuple[str, ...], *, bold: bool = False) -> str:
        shown = [escape(_one_line(c)) for c in cells]
        if bold:
            shown = [f"**{c}**" if c else c for c in shown]
        return "| " + " | ".join(shown) + " |"

    align = "|:---|" + "---:|" * (len(table.head) - 1)
    lines = [row(table.head), align]
    lines += [row(r) for r in table.body]
    lines.append(row(table.foot, bold=True))
    return lines


def _block(block: Block) -> list[str]:
    """A block as lines; blocks are separated by one blank line."""
    if isinstance(block, Heading):
        return ["#" * block.level + " " + escape(_one_line(block.text))]
    if isinstance(block, Paragraph):
        return [escape(block.text.strip())]
    if isinstance(block, ItemList):
        return [
            (f"{i}. " if block.ordered else "- ") + escape(_one_line(item))
            for i, item in enumerate(block.items, start=1)
        ]
    if isinstance(block, Table):
        return _table(block)
    return [line for inner in _blocks(block.blocks) for line in inner]


def _blocks(blocks: tuple[Block, ...]) -> list[list[str]]:
    out: list[list[str]] = []
    for block in blocks:
        if isinstance(block, Section):
            out.extend(_blocks(block.blocks))
        else:
            out.append(_block(block))
    return out


def to_markdown(doc: Composed) -> str:
    return "\n\n".join("\n".join(lines) for lines in _blocks(doc.blocks)) + "\n"
