"""Steps where each partner answers the same short question side by side.

Check-ins open with appreciations and a look back (meaningful, friction); repair sessions go
through feelings, accounts, triggers, what each owns, and one thing each will do differently.
They are the same screen: two columns, one per partner, each with a question or two. The
screens below only say which questions, and which domain rule records the answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Static

from accord.domain import checkin, repair, rules
from accord.domain.model import PARTNER_IDS, Step
from accord.domain.session import RepairNotes
from accord.ui.keys import KeyButton, key_for
from accord.ui.screens.base import SessionScreen
from accord.ui.text import fmt
from accord.ui.widgets.in_order import Input


@dataclass(frozen=True)
class Ask:
    """One question in a partner's column. ``$name`` is that partner, ``$other`` the other.

    With ``by_other`` the answer is typed by the other partner (a reflection of this one)."""

    field: str
    question: str
    placeholder: str = ""
    by_other: bool = False


class PairedScreen(SessionScreen):
    """Two columns, one per partner; Enter moves on, Ctrl+N goes to the next step."""

    CSS_PATH = "paired.tcss"
    LEAD = ""
    ASKS: tuple[Ask, ...] = ()
    NEXT_LABEL = "Next"
    BINDINGS = [Binding("ctrl+n", "next", "Next", id="session.next")]

    def compose_body(self) -> Iterable[Widget]:
        key = key_for(self, "repair.agreements", long=True)
        yield Static(fmt(self.LEAD, key=key), id="paired-lead")
        with Horizontal(id="paired"):
            for pid in PARTNER_IDS:
                yield self.column(pid)
        with Horizontal(id="paired-actions"):
            yield from self.action_buttons()

    def action_buttons(self) -> Iterable[Widget]:
        yield KeyButton(self.NEXT_LABEL, "session.next", id="next", variant="primary")

    def column(self, pid: str) -> Vertical:
        session = self.session
        partner = session.partners[pid]
        names = {"name": partner.name, "other": session.name(session.other(pid))}
        widgets: list[Widget] = [Static(fmt("[b]$name[/b]", name=partner.name), classes="who")]
        for ask in self.ASKS:
            widgets.append(Static(fmt(ask.question, **names), classes="ask"))
            widgets.append(Input(self.value(pid, ask.field), id=f"{ask.field}-{pid}",
                                 placeholder=ask.placeholder, compact=True, max_length=1000,
                                 select_on_focus=False))
        widgets.append(Static("", id=f"hint-{pid}", classes="hint"))
        column = Vertical(*widgets, classes="partner")
        column.styles.border_left = ("thick", partner.color)
        return column

    def on_mount(self) -> None:
        first = self.query(Input).first()
        empty = next((w for w in self.query(Input) if not w.value), first)
        empty.focus()

    # -- what the subclasses say ---------------------------------------------------------

    def value(self, pid: str, field: str) -> str:
        raise NotImplementedError

    def record(self, pid: str, field: str, text: str) -> None:
        raise NotImplementedError

    # -- shared behaviour ----------------------------------------------------------------

    def answers(self) -> Iterable[tuple[str, str, str]]:
        for pid in PARTNER_IDS:
            for ask in self.ASKS:
                yield pid, ask.field, self.query_one(f"#{ask.field}-{pid}", Input).value

    def collect_draft(self) -> None:
        """Keep what is typed; an answer a rule refuses stays in its box, unsaved."""
        for pid, field, text in self.answers():
            if text.strip() != self.value(pid, field):
                try:
                    self.record(pid, field, text)
                except rules.RuleError:
                    pass

    def commit(self) -> bool:
        """Record every answer, showing the first one a rule refuses."""
        for pid, field, text in self.answers():
            if text.strip() != self.value(pid, field):
                if not self.apply(lambda p=pid, f=field, t=text: self.record(p, f, t)):
                    self.query_one(f"#{field}-{pid}", Input).focus()
                    return False
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.commit():
            self.focus_next(Input)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        action = getattr(self, f"action_{(event.button.id or 'next').replace('-', '_')}", None)
        if action is not None:
            action()

    def action_next(self) -> None:
        if self.commit():
            self.go_to(self.next_step())


# -- check-in ----------------------------------------------------------------------------


class AppreciateScreen(PairedScreen):
    STEP = Step.APPRECIATE
    LEAD = ("[b]Start with what's good.[/b] One appreciation each, said to the other: "
            "something small counts.")
    ASKS = (Ask("thanks", "$name, something you appreciate about $other",
                "e.g. the tea on Tuesday morning"),)
    NEXT_LABEL = "Go to review"

    def value(self, pid: str, field: str) -> str:
        return self.session.appreciations.get(pid, "")

    def record(self, pid: str, field: str, text: str) -> None:
        rules.set_appreciation(self.session, pid, text, self.app.now())


class ReflectScreen(PairedScreen):
    STEP = Step.REFLECT
    LEAD = "[b]Looking back since last time.[/b] Answer for yourself; there are no wrong answers."
    ASKS = (
        Ask("meaningful", "What felt most meaningful to you, $name?",
            "e.g. our walk on Sunday"),
        Ask("friction", "Where was the friction, and what would you adjust?",
            "e.g. rushed mornings; get up earlier"),
    )
    NEXT_LABEL = "Go to plan"
    BINDINGS = [Binding("ctrl+f", "talk", "Talk one through", id="checkin.talk")]

    def action_buttons(self) -> Iterable[Widget]:
        yield from super().action_buttons()
        yield KeyButton("Talk one issue through", "checkin.talk", id="talk")

    def value(self, pid: str, field: str) -> str:
        table = self.session.meaningful if field == "meaningful" else self.session.friction
        return table.get(pid, "")

    def record(self, pid: str, field: str, text: str) -> None:
        setter = checkin.set_meaningful if field == "meaningful" else checkin.set_friction
        setter(self.session, pid, text, self.app.now())

    def action_next(self) -> None:
        if self.commit():
            self.go_to(Step.PLAN)

    def action_talk(self) -> None:
        """One issue through the floor, exactly as in a full conversation."""
        if self.commit():
            self.go_to(Step.TALK)


# -- repair ------------------------------------------------------------------------------


class RepairScreen(PairedScreen):
    def value(self, pid: str, field: str) -> str:
        return getattr(self.session.repair.get(pid, RepairNotes()), field)

    def record(self, pid: str, field: str, text: str) -> None:
        repair.set_repair(self.session, pid, field, text, self.app.now())


class FeelingsScreen(RepairScreen):
    STEP = Step.FEELINGS
    LEAD = ("[b]How did you feel?[/b] Feeling words only for now (hurt, lonely, scared, "
            "angry...). The story of what happened comes next.")
    ASKS = (Ask("feelings", "$name, I felt...", "e.g. hurt, then alone"),)
    NEXT_LABEL = "Go to what happened"

    def on_input_changed(self, event: Input.Changed) -> None:
        pid = (event.input.id or "")[-1]
        if pid in PARTNER_IDS:
            hint = repair.feelings_hint(event.value)
            self.query_one(f"#hint-{pid}", Static).update(fmt("[i]$h[/i]", h=hint) if hint else "")


class AccountsScreen(RepairScreen):
    STEP = Step.ACCOUNTS
    LEAD = ("[b]What happened, for each of you.[/b] One tells it; the other reflects it back. "
            "Two different stories can both be true.")
    ASKS = (
        Ask("account", "$name, what happened for you?", "what I saw, heard and did"),
        Ask("reflected", "$other, say back what you heard from $name",
            "I heard that you...", by_other=True),
    )
    NEXT_LABEL = "Go to triggers"

    def on_input_changed(self, event: Input.Changed) -> None:
        """Help the listener: the feelings and needs heard in the account, as a start."""
        field, _, pid = (event.input.id or "").partition("-")
        if field != "account" or pid not in PARTNER_IDS:
            return
        hint = self.query_one(f"#hint-{pid}", Static)
        if not event.value.strip():
            hint.update("")
            return
        from accord import language

        start = language.reflection_prompt(language.analyze_safely(event.value[:2000]),
                                           self.session.name(pid))
        hint.update(fmt("[i]Perhaps:[/i] $s", s=start))


class TriggersScreen(RepairScreen):
    STEP = Step.TRIGGERS
    LEAD = ("[b]What set it off?[/b] Each of you, for yourself: a word, a tone, an old "
            "sore spot, being tired or hungry.")
    ASKS = (Ask("trigger", "$name, what triggered you?", "e.g. feeling ignored when I spoke"),)
    NEXT_LABEL = "Go to what I own"


class OwnScreen(RepairScreen):
    STEP = Step.OWN
    LEAD = "[b]Your part.[/b] Only your own: what you did that you regret."
    ASKS = (Ask("owns", "$name, what do you own and regret?", "e.g. I raised my voice"),)
    NEXT_LABEL = "Go to next time"


class DifferentlyScreen(RepairScreen):
    STEP = Step.DIFFERENTLY
    LEAD = ("[b]Next time.[/b] One thing each of you will do differently. $key turns them "
            "into agreements you both confirm at close.")
    ASKS = (Ask("differently", "$name, next time I will...",
                "e.g. say when I need a minute"),)
    NEXT_LABEL = "Go to close"
    BINDINGS = [Binding("ctrl+l", "agreements", "Make agreements", priority=True,
                        id="repair.agreements")]

    def action_buttons(self) -> Iterable[Widget]:
        yield from super().action_buttons()
        yield KeyButton("Make them agreements", "repair.agreements", id="agreements")

    def on_mount(self) -> None:
        super().on_mount()
        self.show_made()

    def show_made(self) -> None:
        for pid in PARTNER_IDS:
            text = self.value(pid, "differently")
            made = any(a.what == text for a in self.session.agreements) if text else False
            self.query_one(f"#hint-{pid}", Static).update(
                fmt("[dim]An agreement to confirm at close.[/dim]") if made else "")

    def action_agreements(self) -> None:
        if not self.commit():
            return
        pids = [pid for pid in PARTNER_IDS if self.value(pid, "differently")]
        if not pids:
            self.notify("Write what you'll do differently first.", severity="warning")
            return
        for pid in pids:
            if not self.apply(lambda p=pid: repair.differently_to_agreement(
                    self.session, p, self.app.now())):
                return
        self.show_made()
        self.notify("Added. You'll each confirm them at close.")
