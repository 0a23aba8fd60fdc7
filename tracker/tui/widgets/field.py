"""A labelled form field with its own inline error line."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Label, Static


class Field(Vertical):
    """Label, input widget, then the field's error (shown only while it has one)."""

    DEFAULT_CSS = """
    Field {
        height: auto;
        padding: 0 1 1 0;
    }
    Field > .field--label {
        color: $text-muted;
    }
    Field > .field--error {
        display: none;
        color: $text-error;
    }
    Field.-invalid > .field--error {
        display: block;
    }
    Field.-invalid > .field--label {
        color: $text-error;
    }
    """

    def __init__(self, label: str, control: Widget, *, key: str, classes: str = "") -> None:
        super().__init__(classes=classes, id=f"field-{key}")
        self.key = key
        self.label = label
        self.control = control

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="field--label")
        yield self.control
        yield Static("", classes="field--error", id=f"error-{self.key}")

    def set_error(self, message: str | None) -> None:
        self.query_one(".field--error", Static).update(message or "")
        self.set_class(bool(message), "-invalid")

    @property
    def error(self) -> str:
        return (
            str(self.query_one(".field--error", Static).content)
            if self.has_class("-invalid")
            else ""
        )
