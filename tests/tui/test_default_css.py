"""The widgets' own CSS is added before their screens open, and added only once."""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet
from textual.widgets import Markdown, Select, TextArea
from textual.widgets._select import SelectCurrent

from tracker.tui.app import SCREENS, _screen_class
from tracker.tui.default_css import add_default_css, widget_classes
from tracker.tui.widgets.event_table import EventTable
from tracker.tui.widgets.log_filters import LogFilterBar
from tracker.tui.widgets.month_grid import MonthGridView
from tracker.tui.widgets.partner_tables import BoardColumn


def test_the_screens_widgets_bring_no_new_css_when_they_mount() -> None:
    for area in SCREENS:
        _screen_class(area)
    sheet = Stylesheet()
    assert add_default_css(sheet)
    widgets = (EventTable(), LogFilterBar(), MonthGridView(), BoardColumn("lead"), Select([]))
    for widget in (*widgets, SelectCurrent("")):
        for read_from, css, _tie, _scope in widget._get_default_css():
            assert sheet.has_source(*read_from), read_from
            assert sheet.source[read_from].content == css
    assert not add_default_css(sheet)  # all there: the second time adds nothing


def test_other_widgets_and_unscoped_css_are_left_for_later() -> None:
    classes = set(widget_classes())
    assert TextArea not in classes  # a modal's: comes when the modal opens
    assert Markdown not in classes  # not scoped to its widget
