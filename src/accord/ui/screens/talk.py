"""Talk: the floor. The speaker speaks, the listener reflects, the speaker says if it landed."""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Static, TextArea

from accord import language
from accord.domain import rules
from accord.domain.model import Landed, Phase, Step
from accord.domain.summary import minutes_and_seconds, plural
from accord.guide import LISTENER_PROMPT, SPEAKER_PROMPT
from accord.ui.keys import KeyButton
from accord.ui.screens.base import SessionScreen
from accord.ui.text import fmt
from accord.ui.widgets.banner import FloorBanner
from accord.ui.widgets.guarded import GuardedTextArea

DRAFT_SAVE_SECONDS = 2.0
COACH_DELAY_SECONDS = 0.4
#: The longest text one statement may hold; a longer paste is refused, never cut silently.
MAX_STATEMENT_CHARS = 20_000

BUTTONS = (  # (button id, label, binding id whose key the label shows, variant)
    ("submit", "Done, hand over", "talk.submit", "primary"),
    ("aloud", "I said it aloud", "talk.aloud", "default"),
    ("yes", "That's it", "talk.yes", "success"),
    ("partly", "Partly, there's more", "talk.partly", "default"),
    ("no", "Not quite", "talk.no", "default"),
    ("move-on", "Move on", "talk.move_on", "default"),
)
PHASE_BUTTONS = {
    Phase.SPEAKING: {"submit"},
    Phase.REFLECTING: {"submit", "aloud"},
    Phase.CONFIRMING: {"yes", "partly", "no", "move-on"},
}


def balance_bar(seconds: dict[str, int], width: int = 20) -> str:
    total = sum(seconds.values())
    share = seconds["a"] / total if total else 0.5
    filled = round(width * share)
    return "█" * filled + "░" * (width - filled)


class TalkScreen(SessionScreen):
    STEP = Step.TALK
    CSS_PATH = "talk.tcss"
    BINDINGS = [
        Binding("ctrl+s", "submit", "Hand over", priority=True, id="talk.submit"),
        Binding("ctrl+o", "aloud", "Said aloud", priority=True, id="talk.aloud"),
        Binding("1", "answer('yes')", "That's it", id="talk.yes"),
        Binding("2", "answer('partly')", "There's more", id="talk.partly"),
        Binding("3", "answer('no')", "Not quite", id="talk.no"),
        Binding("4", "move_on", "Move on", id="talk.move_on"),
        Binding("ctrl+n", "sort", "Sort", id="session.next"),
        # In a check-in the floor is followed by planning, not sorting.
        Binding("ctrl+n", "onward", "Plan", id="talk.onward"),
    ]

    def compose_body(self) -> Iterable[Widget]:
        yield FloorBanner(id="banner")
        yield Static("", id="context")
        yield GuardedTextArea(id="editor", soft_wrap=True, show_line_numbers=False,
                              max_chars=MAX_STATEMENT_CHARS)
        yield Static("", id="coach")
        with Horizontal(id="actions"):
            for button_id, label, binding_id, variant in BUTTONS:
                yield KeyButton(label, binding_id, id=button_id, variant=variant)
        with Horizontal(id="talk-footer"):
            yield Static("", id="balance")
            yield KeyButton("Go to sort", "session.next", id="sort", compact=True)

    def on_mount(self) -> None:
        self._draft_timer = None
        self._coach_timer = None
        self.render_phase()
        self.set_interval(1, self.tick)
        if self.next_step() != Step.SORT:
            from accord.domain.model import STEP_TITLES

            title = STEP_TITLES[self.next_step()].lower()
            onward = self.query_one("#sort", KeyButton)
            onward.binding_id = "talk.onward"  # the key that goes on from here
            onward.set_text(f"Go to {title}")


    # -- drawing -------------------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self.session.floor.phase

    @property
    def HELP_TOPIC(self) -> str:  # noqa: N802 - the help for this moment of the turn
        return f"talk.{self.phase.value}"

    def actor(self) -> str:
        """Who is at the keyboard right now: the speaker, or the listener while reflecting."""
        holder = self.session.floor.holder
        return self.session.other(holder) if self.phase == Phase.REFLECTING else holder

    def render_phase(self) -> None:
        session, phase = self.session, self.phase
        holder = session.floor.holder
        editor = self.query_one("#editor", TextArea)
        editor.display = phase != Phase.CONFIRMING
        if editor.display:
            editor.load_text(session.floor.draft)
            editor.move_cursor(editor.document.end)
            editor.placeholder = (
                f"{session.name(holder)}, what do you want {session.name(session.other(holder))} "
                "to hear?"
                if phase == Phase.SPEAKING
                else "It sounds like you feel… and you need…"
            )
            editor.focus()
        self.query_one("#context", Static).update(self.context_text())
        self.query_one("#coach", Static).update("")
        shown = PHASE_BUTTONS[phase] - (set() if rules.can_move_on(session) else {"move-on"})
        for button in self.query_one("#actions", Horizontal).query(Button):
            button.display = button.id in shown
        self.query_one("#submit", KeyButton).set_text(
            "Done, hand over" if phase == Phase.SPEAKING else "Done reflecting"
        )
        if phase == Phase.CONFIRMING:
            self.set_focus(None)
        self.refresh_bindings()
        self.tick()

    def context_text(self):
        session, phase = self.session, self.phase
        holder = session.floor.holder
        speaker, listener = session.name(holder), session.name(session.other(holder))
        turn = session.current_turn
        if phase == Phase.SPEAKING:
            if turn and turn.statements:
                return fmt("[dim]$listener asked: is there more?[/dim]  $prompt",
                           listener=listener, prompt=SPEAKER_PROMPT)
            return fmt("$prompt  [dim]$listener listens.[/dim]", prompt=SPEAKER_PROMPT,
                       listener=listener)
        said = " / ".join(s.text for s in turn.statements) if turn else ""
        if phase == Phase.REFLECTING:
            analysis = language.analyze_safely(said)
            suggestion = language.reflection_prompt(analysis, speaker)
            tries = len(turn.reflections) if turn else 0
            again = "  [dim](another try)[/dim]" if tries else ""
            return fmt(
                "[b]$speaker said:[/b] $said\n[dim]$how[/dim]" + again
                + "\n[i]Perhaps:[/i] $suggestion",
                speaker=speaker, said=said, how=LISTENER_PROMPT, suggestion=suggestion,
            )
        reflection = turn.reflections[-1] if turn and turn.reflections else None
        if reflection and reflection.text:
            heard = fmt("[b]$listener reflected:[/b] $heard", listener=listener,
                        heard=reflection.text)
        else:
            heard = fmt("[b]$listener said the reflection aloud.[/b]", listener=listener)
        return (
            fmt("[b]$speaker said:[/b] $said\n", speaker=speaker, said=said)
            + heard
            + fmt("\n\n$speaker, did that land?", speaker=speaker)
        )

    def gone(self) -> bool:
        """True once this screen has left (a pause, the next step): its timers may still fire
        once before it is removed, and must then do nothing."""
        return self.app.session is None or self not in self.app.screen_stack

    def tick(self) -> None:
        if self.gone():
            return
        session = self.session
        floor = session.floor
        elapsed = floor.elapsed(self.app.now())
        actor = self.actor()
        partner = session.partners[actor]
        holder_name = session.name(floor.holder)
        if self.phase == Phase.SPEAKING:
            limit = session.settings.turn_seconds
            clock = f"{minutes_and_seconds(elapsed)} / {minutes_and_seconds(limit)}"
            if elapsed >= limit:
                clock += "  · time's up, finish your thought"
            doing = "has the floor"
        elif self.phase == Phase.REFLECTING:
            clock = minutes_and_seconds(elapsed)
            doing = f"reflect back what {holder_name} said"
        else:
            clock = ""
            doing = "did that land?"
        banner = self.query_one("#banner", FloorBanner)
        banner.show(partner.name, partner.color, doing, clock)
        banner.set_class(self.phase == Phase.SPEAKING and elapsed >= session.settings.turn_seconds,
                         "over-time")
        seconds = session.talk_seconds()
        if self.phase == Phase.SPEAKING:
            seconds[floor.holder] += elapsed
        self.query_one("#balance", Static).update(
            fmt(
                "Talk time  $a $ta $bar $tb $b   [dim]$turns[/dim]",
                a=session.name("a"), b=session.name("b"),
                ta=minutes_and_seconds(seconds["a"]), tb=minutes_and_seconds(seconds["b"]),
                bar=balance_bar(seconds, 16),
                turns=plural(len(session.turns), "turn"),
            )
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        phase = self.app.session.floor.phase if self.app.session else None
        if action == "submit":
            return phase in (Phase.SPEAKING, Phase.REFLECTING)
        if action == "aloud":
            return phase == Phase.REFLECTING
        if action == "answer":
            return phase == Phase.CONFIRMING
        if action == "move_on":
            return phase == Phase.CONFIRMING and rules.can_move_on(self.session)
        if action in ("sort", "onward") and self.app.session is not None:
            return (self.next_step() == Step.SORT) == (action == "sort")
        return True

    # -- typing: drafts and coaching -----------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_SAVE_SECONDS, self.save_draft)
        if self.phase == Phase.SPEAKING:
            if self._coach_timer is not None:
                self._coach_timer.stop()
            self._coach_timer = self.set_timer(COACH_DELAY_SECONDS, self.coach)

    def on_descendant_blur(self, event) -> None:
        if isinstance(event.widget, TextArea):
            self.save_draft()

    def editor_text(self) -> str:
        return self.query_one("#editor", TextArea).text

    def collect_draft(self) -> None:
        editor = self.query_one("#editor", TextArea)
        if editor.display and editor.text != self.session.floor.draft:
            rules.save_draft(self.session, editor.text[:MAX_STATEMENT_CHARS], self.app.now())

    def save_draft(self) -> None:
        if self.gone() or self.app.session.step != Step.TALK:
            return
        before = self.session.floor.draft
        self.collect_draft()
        if self.session.floor.draft != before:
            self.app.save()

    def coach(self) -> None:
        if self.gone() or self.phase != Phase.SPEAKING:
            return
        said = self.editor_text()[:MAX_STATEMENT_CHARS]
        hint = language.coaching_hint(language.analyze_safely(said))
        self.query_one("#coach", Static).update(fmt("[i]$hint[/i]", hint=hint) if hint else "")

    # -- actions -------------------------------------------------------------------------

    def action_submit(self, said_aloud: bool = False) -> None:
        # Ctrl+S is a priority key: it can overtake the last characters typed, still waiting
        # in the editor's queue. Hand over once the editor has taken them in.
        self.query_one("#editor", TextArea).call_later(self._submit, said_aloud)

    def _submit(self, said_aloud: bool = False) -> None:
        if not self.check_action("submit", ()):
            return
        text = self.editor_text()
        if len(text) > MAX_STATEMENT_CHARS:
            self.notify(
                f"That is {len(text):,} characters; one turn holds up to "
                f"{MAX_STATEMENT_CHARS:,}. Try saying one thing at a time.",
                severity="warning",
            )
            return
        now = self.app.now()
        if self.phase == Phase.SPEAKING:
            analysis = language.analyze_safely(text)
            if self.apply(lambda: rules.yield_floor(self.session, text, now,
                                                    analysis=analysis.to_dict())):
                self.render_phase()
                if analysis.safety:
                    self.offer_safety()
        elif self.phase == Phase.REFLECTING:
            if self.apply(lambda: rules.reflect(self.session, text, now, said_aloud=said_aloud)):
                self.render_phase()

    def action_aloud(self) -> None:
        self.action_submit(said_aloud=True)

    def action_answer(self, landed: str) -> None:
        if self.apply(lambda: rules.answer(self.session, Landed(landed), self.app.now())):
            if landed == Landed.YES:
                self.notify(f"The floor passes to {self.session.name(self.session.floor.holder)}.")
            self.render_phase()

    def action_move_on(self) -> None:
        if self.apply(lambda: rules.move_on(self.session, self.app.now())):
            self.render_phase()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "submit": self.action_submit,
            "aloud": self.action_aloud,
            "yes": lambda: self.action_answer("yes"),
            "partly": lambda: self.action_answer("partly"),
            "no": lambda: self.action_answer("no"),
            "move-on": self.action_move_on,
            "sort": self.action_sort,
        }
        if event.button.id in actions:
            event.stop()
            actions[event.button.id]()

    def offer_safety(self) -> None:
        from accord.ui.screens.notices import SafetyScreen

        self.app.push_screen(SafetyScreen(gentle=True))

    def action_onward(self) -> None:
        self.action_sort()

    @work(exclusive=True, group="talk-sort")
    async def action_sort(self) -> None:
        from accord.ui.screens.modals import Confirm

        target = self.next_step()
        question = (
            "Are you both ready to stop talking and sort what came up? "
            "You can come back to the floor later."
            if target == Step.SORT
            else "Are you both ready to leave the floor and go on?"
        )
        ready = await self.app.push_screen_wait(Confirm(question, yes="Yes, we're both ready"))
        if ready:
            self.go_to(target)
