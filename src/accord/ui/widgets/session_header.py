"""The strip at the top of every session screen: the steps, and the time-out button."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from accord.domain.model import STEP_ORDER, STEP_TITLES, Step
from accord.ui.keys import KeyButton
from accord.ui.text import fmt


def step_markup(current: Step, steps: tuple[Step, ...] = STEP_ORDER) -> str:
    parts = []
    for step in steps:
        if step == Step.DONE or (step == Step.SETUP and len(steps) > 7 and current != step):
            continue
        title = STEP_TITLES[step]
        parts.append(f"[reverse b] {title} [/]" if step == current else f"[dim] {title} [/]")
    return "›".join(parts)


class SessionHeader(Horizontal):
    """Where we are in the session, and the way out: always at the same place."""

    DEFAULT_CSS = """
    SessionHeader { height: 1; dock: top; padding: 0 1; background: $panel; }
    SessionHeader #steps { width: 1fr; height: 1; }
    SessionHeader Button { margin-left: 1; min-width: 12; height: 1; }
    SessionHeader #timeout-button { background: $warning 70%; color: $text; text-style: bold; }
    """

    def __init__(self, step: Step, topic: str = "",
                 steps: tuple[Step, ...] = STEP_ORDER) -> None:
        super().__init__()
        self.step = step
        self.topic = topic
        self.steps = steps

    def compose(self) -> ComposeResult:
        yield Static(fmt(step_markup(self.step, self.steps)), id="steps")
        yield KeyButton("Pause", "session.pause", id="pause-button", action="screen.pause",
                        compact=True)
        yield KeyButton("Time-out", "accord.timeout", id="timeout-button", action="app.timeout",
                        compact=True)
