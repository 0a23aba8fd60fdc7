"""The yearly promotion plan as a document (Markdown or HTML, Italian or English).

Renders from the plain data of ``model`` that the services fill in; nothing here reads
the database. ``render(doc, lang, fmt)`` is the one entry point.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.io.report.model import PlanDocument

__all__ = ["FORMATS", "render"]

FORMATS = ("md", "html")


def render(doc: PlanDocument, lang: str = "it", fmt: str = "md") -> str:
    """The plan document as text: ``fmt`` is "md" or "html", ``lang`` "it" or "en"."""
    # Imported here: ``labels`` (the words of closed choices) is wanted by every list
    # command, the document's composers only by the document.
    from tracker.io.report.compose import compose
    from tracker.io.report.html_doc import to_html
    from tracker.io.report.markdown_doc import to_markdown

    composed = compose(doc, lang)
    if fmt == "md":
        return to_markdown(composed)
    if fmt == "html":
        return to_html(composed)
    raise ValueError(f"unknown document format {fmt!r}: use one of {', '.join(FORMATS)}")
