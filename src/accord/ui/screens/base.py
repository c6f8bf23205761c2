"""What every screen inside a session shares: the header, the footer, and safe changes."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from accord.domain.model import Step
from accord.domain.rules import RuleError
from accord.domain.session import Session
from accord.ui.widgets.key_footer import KeyFooter
from accord.ui.widgets.session_header import SessionHeader


class SessionScreen(Screen):
    """A step of the session. Subclasses give ``STEP`` and ``compose_body``."""

    STEP: Step = Step.TALK
    BINDINGS = [
        Binding("f3", "pause", "Pause", id="session.pause", show=False),  # on the header
        Binding("question_mark", "app.help", "Help", show=False),
    ]

    @property
    def HELP_TOPIC(self) -> str:  # noqa: N802 - read like the class constant on other screens
        return self.STEP.value

    @property
    def session(self) -> Session:
        session = self.app.session
        assert session is not None, "session screens only exist while a session is open"
        return session

    def compose(self) -> ComposeResult:
        yield SessionHeader(self.STEP, steps=self.session.steps)
        yield from self.compose_body()
        yield KeyFooter()

    def compose_body(self) -> Iterable[Widget]:
        return ()

    def collect_draft(self) -> None:
        """Put text that is typed but not sent into the session (overridden where there is any)."""

    def apply(self, change: Callable[[], object]) -> bool:
        """Run one rule, then save. A broken rule becomes a gentle note, never a traceback."""
        try:
            change()
        except RuleError as error:
            self.notify(str(error), severity="warning", timeout=6)
            return False
        self.app.save()
        return True

    def go_to(self, step: Step) -> None:
        from accord.domain import rules

        self.collect_draft()
        if self.apply(lambda: rules.go_to_step(self.session, step, self.app.now())):
            self.app.show_step()

    def next_step(self) -> Step:
        """The step after this one, for this kind of session."""
        from accord.domain import rules

        return rules.next_step(self.STEP, self.session.kind)

    def previous_step(self) -> Step:
        steps = self.session.steps
        return steps[max(0, steps.index(self.STEP) - 1)] if self.STEP in steps else self.STEP

    def action_pause(self) -> None:
        self.app.leave_session(pause=True)
        self.app.notify("Paused. Pick it up from the home screen whenever you're ready.")
