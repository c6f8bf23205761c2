"""A breathing pacer: a bar that fills as you breathe in and empties as you breathe out."""

from __future__ import annotations

from textual.widgets import Static

from accord.ui.text import fmt

IN_SECONDS = 4.0
OUT_SECONDS = 6.0


def pacer_state(t: float, width: int = 30) -> tuple[str, int]:
    """For ``t`` seconds into the exercise: the cue word and how many cells are filled."""
    cycle = IN_SECONDS + OUT_SECONDS
    phase = t % cycle
    if phase < IN_SECONDS:
        return "Breathe in", round(width * phase / IN_SECONDS)
    return "Breathe out", round(width * (1 - (phase - IN_SECONDS) / OUT_SECONDS))


class BreathingPacer(Static):
    DEFAULT_CSS = """
    BreathingPacer { height: 3; content-align: center middle; width: 100%; }
    """

    WIDTH = 30

    def show(self, seconds: float) -> None:
        cue, filled = pacer_state(seconds, self.WIDTH)
        bar = "█" * filled + "·" * (self.WIDTH - filled)
        self.update(fmt("$cue\n[$accent]$bar[/]", cue=cue, bar=bar))
