"""Time-out: who calls it and until when, then a calm countdown with a breathing pacer."""

from __future__ import annotations

from datetime import datetime, timedelta
from time import monotonic  # the pacer's clock; tests replace it to hold the bar still

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Digits, Static

from accord.domain import rules
from accord.domain.summary import minutes_and_seconds
from accord.guide import TIMEOUT_REMINDER, TIMEOUT_WHY
from accord.ui.keys import KeyButton
from accord.ui.screens.modals import MODAL_CSS
from accord.ui.text import fmt
from accord.ui.widgets.breathing import BreathingPacer
from accord.ui.widgets.in_order import Input
from accord.ui.widgets.key_footer import KeyFooter


class TimeoutRequest(ModalScreen[tuple[str, int] | None]):
    """Who is calling it, and for how long. Picking the name starts it at once."""

    DEFAULT_CSS = MODAL_CSS.format(name="TimeoutRequest") + """
    TimeoutRequest #minutes-row { height: 1; margin-top: 1; }
    TimeoutRequest #minutes-row Static { width: auto; }
    TimeoutRequest #minutes { width: 8; }
    TimeoutRequest #error { height: auto; }
    """
    BINDINGS = [
        Binding("1", "call('a')", "First partner", show=False),
        Binding("2", "call('b')", "Second partner", show=False),
        Binding("escape", "cancel", "Never mind"),
    ]

    def __init__(self, names: tuple[str, str], minutes: int) -> None:
        super().__init__()
        self.names = names
        self.minutes = minutes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(fmt("[b]Time-out.[/b] Who is calling it?"), classes="question")
            with Horizontal(classes="buttons"):
                yield Button(fmt("1  $n", n=self.names[0]), id="call-a", variant="primary")
                yield Button(fmt("2  $n", n=self.names[1]), id="call-b", variant="primary")
            with Horizontal(id="minutes-row"):
                yield Static("Back in (minutes, 20 or more): ")
                yield Input(str(self.minutes), id="minutes", type="integer", compact=True)
            yield Static("", id="error")
            yield Static(fmt("[dim]No last words needed: the conversation stops here, "
                             "and waits.[/dim]"))

    def on_mount(self) -> None:
        self.query_one("#call-a").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_call((event.button.id or "call-a")[-1])

    def action_call(self, pid: str) -> None:
        try:
            minutes = int(self.query_one("#minutes", Input).value or self.minutes)
            rules.check_timeout_minutes(minutes)
        except ValueError as problem:
            message = str(problem) if isinstance(problem, rules.RuleError) else (
                "Please use a whole number of minutes."
            )
            self.query_one("#error", Static).update(fmt("[b $warning]$m[/]", m=message))
            return
        self.dismiss((pid, minutes))

    def action_cancel(self) -> None:
        self.dismiss(None)


class TimeoutScreen(Screen):
    """Nothing to answer, nothing to read twice: a countdown, a breath, and the way back."""

    HELP_TOPIC = "timeout"
    CSS_PATH = "timeout.tcss"
    BINDINGS = [
        Binding("r", "resume", "We're back", id="timeout.resume"),
        Binding("m", "more", "More time", id="timeout.more"),
        Binding("f3", "pause_close", "Pause", id="timeout.pause"),
        Binding("question_mark", "app.help", "Help", show=False),
    ]

    def __init__(self, planned_return: datetime | None = None) -> None:
        super().__init__()
        self._planned_return = planned_return  # only for a time-out outside a session
        self._outside_session = planned_return is not None
        self._started = monotonic()

    @property
    def planned_return(self) -> datetime | None:
        """When the time-out ends; None once the session's time-out is over (or the session
        closed), while this screen is on its way out."""
        if self._outside_session:
            return self._planned_return
        session = self.app.session
        timeout = session.active_timeout if session is not None else None
        return timeout.planned_return if timeout is not None else None

    def compose(self) -> ComposeResult:
        with Vertical(id="calm"):
            yield Static("", id="who")
            with Center():
                yield Digits("", id="countdown")
            yield Static("", id="back-at")
            yield BreathingPacer(id="pacer")
            yield Static(TIMEOUT_REMINDER, id="reminder")
            yield Static(fmt("[dim]$why[/dim]", why=TIMEOUT_WHY), id="why")
            with Horizontal(id="timeout-actions"):
                yield KeyButton("We're back: resume", "timeout.resume", id="resume",
                                variant="primary")
                yield KeyButton("More time", "timeout.more", id="more")
                yield KeyButton("Pause and close", "timeout.pause", id="pause")
        yield KeyFooter()

    def on_mount(self) -> None:
        session = self.app.session
        timeout = session.active_timeout if session else None
        if timeout is not None:
            who = fmt("[b]Time-out[/b], called by $name at $at.",
                      name=session.name(timeout.called_by), at=f"{timeout.called_at:%H:%M}")
        else:
            who = fmt("[b]Time-out.[/b]")
        helps = self.what_helps()
        self.query_one("#who", Static).update(who + helps if helps else who)
        self.tick()
        self.set_interval(0.25, self.tick)

    def what_helps(self):
        """What each partner wrote in their profile helps them calm down, if anything."""
        from accord.domain.profiles import profile_for
        from accord.ui.profiles import load_profiles

        session = self.app.session
        names = ([session.name("a"), session.name("b")] if session is not None
                 else list(self.app.couple.names))
        profiles = load_profiles(self.app)
        found = [(n, p.calming) for n in names if n and (p := profile_for(profiles, n))
                 and p.calming]
        if not found:
            return None
        return fmt("\n[dim]What helps:[/dim] " + " · ".join(
            f"$n{i}: $c{i}" for i in range(len(found))),
            **{f"n{i}": n for i, (n, _) in enumerate(found)},
            **{f"c{i}": c for i, (_, c) in enumerate(found)})

    def remaining(self) -> int:
        back = self.planned_return
        return 0 if back is None else max(0, int((back - self.app.now()).total_seconds()))

    def tick(self) -> None:
        back = self.planned_return
        # A tick already due when the time-out ended and this screen left: nothing to show.
        if back is None or self not in self.app.screen_stack:
            return
        left = self.remaining()
        self.query_one("#countdown", Digits).update(minutes_and_seconds(left))
        text = (
            f"Back together at {back:%H:%M}"
            + ("" if back.date() == self.app.now().date() else f" on {back:%a %d %b}")
            + "."
            if left
            else "It's time. Come back together, even if you're not fully calm yet."
        )
        self.query_one("#back-at", Static).update(text)
        self.query_one("#pacer", BreathingPacer).show(monotonic() - self._started)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"resume": self.action_resume, "more": self.action_more,
         "pause": self.action_pause_close}[event.button.id or "resume"]()

    @work(exclusive=True, group="timeout-choice")
    async def action_resume(self) -> None:
        from accord.ui.screens.modals import Confirm

        left = self.remaining()
        if left > 0:
            early = await self.app.push_screen_wait(
                Confirm(
                    f"There are {minutes_and_seconds(left)} left. Bodies usually need "
                    "the full time to settle. Come back now anyway?",
                    yes="Yes, we're both ready", no="Keep resting",
                )
            )
            if not early:
                return
        session = self.app.session
        if session is not None and session.active_timeout is not None:
            rules.end_timeout(session, self.app.now())
            self.app.save()
            self.app.show_step()
        else:
            self.dismiss()

    @work(exclusive=True, group="timeout-choice")
    async def action_more(self) -> None:
        from accord.ui.screens.modals import TextPrompt

        answer = await self.app.push_screen_wait(
            TextPrompt("How many more minutes do you need?", "10", max_length=4)
        )
        if answer is None:
            return
        try:
            minutes = int(answer)
        except ValueError:
            self.notify("Please use a whole number of minutes.", severity="warning")
            return
        session = self.app.session
        try:
            if session is not None and session.active_timeout is not None:
                rules.extend_timeout(session, minutes, self.app.now())
                self.app.save()
            else:
                if minutes < 1:
                    raise rules.RuleError("Ask for at least one more minute.")
                self._planned_return = max(self.planned_return, self.app.now()) + timedelta(
                    minutes=minutes
                )
        except rules.RuleError as problem:
            self.notify(str(problem), severity="warning")
            return
        self.tick()

    def action_pause_close(self) -> None:
        session = self.app.session
        if session is not None and session.active_timeout is not None:
            self.app.collect_drafts()
            rules.end_timeout(session, self.app.now(), pause_session=True)
            self.app.save()
        self.app.exit(message="accord: paused. Run 'accord resume' when you're both ready.")
