"""The strip at the top of every session screen: the steps, and the time-out button."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget

from accord.domain.model import STEP_ORDER, STEP_TITLES, Step
from accord.ui.keys import KeyButton
from accord.ui.text import fmt


def _shown(current: Step, steps: tuple[Step, ...]) -> list[Step]:
    return [step for step in steps if not (
        step == Step.DONE or (step == Step.SETUP and len(steps) > 7 and current != step))]


def step_markup(current: Step, steps: tuple[Step, ...] = STEP_ORDER,
                width: int | None = None) -> str:
    """The steps, the current one highlighted, in the first form that fits in ``width``:
    every title spaced out, then closer together, then the others by number only."""
    shown = _shown(current, steps)
    forms = (
        (" {title} ", "›"),  # roomy
        ("{title}", "›"),  # the same titles, closer together
        ("{number}", "›"),  # the current step by name, the others by number
    )
    for other, joint in forms:
        parts, length = [], 0
        for number, step in enumerate(shown, 1):
            title = STEP_TITLES[step]
            if step == current:
                text = f" {number} {title} " if other == "{number}" else f" {title} "
                parts.append(f"[reverse b]{text}[/]")
            else:
                text = other.format(title=title, number=number)
                parts.append(f"[dim]{text}[/]")
            length += len(text)
        length += len(joint) * (len(parts) - 1)
        if width is None or length <= width:
            break
    return joint.join(parts)


class StepIndicator(Widget):
    """Where we are in the session; narrower forms when the terminal is narrow."""

    DEFAULT_CSS = "StepIndicator { width: 1fr; height: 1; }"

    def __init__(self, step: Step, steps: tuple[Step, ...], **kwargs) -> None:
        super().__init__(**kwargs)
        self.step = step
        self.steps = steps

    def render(self) -> Content:
        return fmt(step_markup(self.step, self.steps, self.size.width or None))


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
        yield StepIndicator(self.step, self.steps, id="steps")
        yield KeyButton("Pause", "session.pause", id="pause-button", action="screen.pause",
                        compact=True)
        yield KeyButton("Time-out", "accord.timeout", id="timeout-button", action="app.timeout",
                        compact=True)
