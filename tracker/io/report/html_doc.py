"""The composed plan as one standalone HTML page that also prints cleanly on A4."""

from __future__ import annotations

from html import escape

from tracker.io.report.compose import (
    Block,
    Composed,
    Heading,
    ItemList,
    Paragraph,
    Table,
)

STYLE = """\
:root { color-scheme: light; }
body {
  font-family: "Source Serif Pro", Georgia, "Times New Roman", serif;
  line-height: 1.5; color: #1a1a1a; background: #fff;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
}
h1 { font-size: 1.6rem; margin-bottom: 1.5rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f5; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tfoot th, tfoot td { font-weight: bold; border-top: 2px solid #333; }
.funding-rules { font-size: 0.95em; }
@media print {
  @page { size: A4; margin: 2cm 1.8cm; }
  * { background: none !important; box-shadow: none !important; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; color: #000; }
  th, td { border-color: #000; }
  table, tr, .funding-rules { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  h1, h2 { break-after: avoid; page-break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
}
"""


def _text(text: str) -> str:
    return escape(text, quote=True)


def _head_row(cells: tuple[str, ...]) -> str:
    label, *amounts = cells
    shown = [f'<th scope="col">{_text(label)}</th>']
    shown += [f'<th scope="col" class="num">{_text(c)}</th>' for c in amounts]
    return "<tr>" + "".join(shown) + "</tr>"


def _body_row(cells: tuple[str, ...]) -> str:
    label, *amounts = cells
    shown = [f'<th scope="row">{_text(label)}</th>']
    shown += [f'<td class="num">{_text(c)}</td>' for c in amounts]
    return "<tr>" + "".join(shown) + "</tr>"


def _table(table: Table) -> list[str]:
    lines = ["<table>", "<thead>", _head_row(table.head), "</thead>", "<tbody>"]
    lines += [_body_row(row) for row in table.body]
    lines += ["</tbody>", "<tfoot>", _body_row(table.foot), "</tfoot>", "</table>"]
    return lines


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [f"<h{block.level}>{_text(block.text)}</h{block.level}>"]
    if isinstance(block, Paragraph):
        role = f' class="{_text(block.role)}"' if block.role else ""
        return [f"<p{role}>{_text(block.text.strip())}</p>"]
    if isinstance(block, ItemList):
        tag = "ol" if block.ordered else "ul"
        return [f"<{tag}>", *(f"<li>{_text(item)}</li>" for item in block.items), f"</{tag}>"]
    if isinstance(block, Table):
        return _table(block)
    inner = [line for child in block.blocks for line in _block(child)]
    return [f'<section class="{_text(block.role)}">', *inner, "</section>"]


def to_html(doc: Composed) -> str:
    body = [line for block in doc.blocks for line in _block(block)]
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{_text(doc.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(doc.title)}</title>",
        "<style>",
        STYLE.rstrip(),
        "</style>",
        "</head>",
        "<body>",
        "<main>",
        *body,
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"
