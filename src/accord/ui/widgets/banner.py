"""The large banner that says whose turn it is, in that partner's colour and name."""

from __future__ import annotations

from textual.widgets import Static

from accord.ui.text import fmt, readable_on


class FloorBanner(Static):
    """Name and colour together, so colour is never the only cue."""

    DEFAULT_CSS = """
    FloorBanner { height: 3; content-align: center middle; text-style: bold; width: 100%; }
    """

    def show(self, name: str, color: str, doing: str, clock: str = "") -> None:
        self.styles.background = color
        self.styles.color = readable_on(color)
        markup = "[b]$name[/b]  ·  $doing" + ("    $clock" if clock else "")
        self.update(fmt(markup, name=name.upper(), doing=doing, clock=clock))
