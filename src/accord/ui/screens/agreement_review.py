"""One agreement, its whole history, and what to do with it now: keep, retire, renegotiate.

Every change is added to the agreement's history and saved at once in the file of the
session it came from; nothing already written is changed.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from accord.domain import lifecycle
from accord.domain.model import LAYER_TITLES, AgreementStatus, Status
from accord.domain.rules import RuleError
from accord.domain.session import Agreement, Session
from accord.storage.store import UnreadableFile
from accord.ui.keys import KeyButton
from accord.ui.screens.modals import MODAL_CSS
from accord.ui.text import fmt
from accord.ui.widgets.in_order import Input
from accord.ui.widgets.key_footer import KeyFooter

OUTCOME_WORDS = {"kept": "Kept", "retired": "Retired", "adjusted": "Taken back to talk"}


def long_date(day: date) -> str:
    return f"{day:%a %d %b %Y}"


def review_note(item: Agreement, today: date) -> str:
    """When the next review is, in words."""
    if item.review_on is None:
        return "no date set"
    days = (item.review_on - today).days
    when = long_date(item.review_on)
    if item.status not in lifecycle.REVIEWABLE:
        return when
    if days < 0:
        return f"{when}, due now"
    if days == 0:
        return f"{when}, today"
    return f"{when}, in {days} day{'s' if days != 1 else ''}"


def history_lines(session: Session, item: Agreement, linked: dict[str, Agreement]) -> Content:
    """The agreement's story, oldest first: agreed, each review, what replaced what."""
    lines = []
    agreed_on = session.closed_at.date() if session.closed_at else item.starts
    if item.replaces and item.replaces in linked:
        lines.append(fmt("[dim]$d[/dim]  Agreed, replacing: $what",
                         d=long_date(agreed_on) if agreed_on else "",
                         what=linked[item.replaces].what))
    elif agreed_on:
        lines.append(fmt("[dim]$d[/dim]  Agreed by both", d=long_date(agreed_on)))
    for review in item.reviews:
        markup = "[dim]$d[/dim]  [b]$outcome[/b]" + ("  $note" if review.note else "")
        lines.append(fmt(markup, d=long_date(review.on),
                         outcome=OUTCOME_WORDS.get(review.outcome, review.outcome),
                         note=review.note))
    if item.replaced_by and item.replaced_by in linked:
        lines.append(fmt("[dim]Replaced by:[/dim] $what", what=linked[item.replaced_by].what))
    return Content("\n").join(lines) if lines else fmt("[dim]Nothing yet.[/dim]")


class KeptPrompt(ModalScreen[str | None]):
    """It worked: a moment to notice that, and an optional note. Returns the note or None."""

    DEFAULT_CSS = MODAL_CSS.format(name="KeptPrompt")
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, what: str, next_review: date) -> None:
        super().__init__()
        self.what, self.next_review = what, next_review

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(fmt("[b]You kept it.[/b] $what", what=self.what), classes="question")
            yield Static(
                "Take a moment before moving on: tell each other one thing the other did "
                "that helped it work.", classes="question")
            yield Input(placeholder="A note for next time (optional)", max_length=300,
                        id="kept-note", select_on_focus=False)
            yield Static(fmt("[dim]Next look: $d[/dim]", d=long_date(self.next_review)))
            with Horizontal(classes="buttons"):
                yield Button("Mark kept", id="ok", variant="success")
                yield Button("Cancel", id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.query_one(Input).value if event.button.id == "ok" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class AgreementReviewScreen(Screen):
    """One agreement and its history; actions in the footer."""

    HELP_TOPIC = "agreement-review"
    CSS_PATH = "agreement_review.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="review.back"),
        Binding("k", "kept", "Kept", id="review.kept"),
        Binding("x", "retire", "Retire", id="review.retire"),
        Binding("n", "renegotiate", "Renegotiate", id="review.renegotiate"),
        Binding("t", "open_talk", "Its talk", id="review.open"),
        Binding("u", "cancel_renegotiation", "Keep it", id="review.cancel"),
        Binding("question_mark", "app.help", "Help", show=False),
    ]

    def __init__(self, session_id: str, agreement_id: str) -> None:
        super().__init__()
        self.session_id = session_id
        self.agreement_id = agreement_id
        self.owner: Session | None = None
        #: The conversation renegotiating this agreement, while it is still open.
        self.renegotiation: Session | None = None
        self.item: Agreement | None = None
        self.linked: dict[str, Agreement] = {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="review"):
            yield Static("", id="review-what")
            yield Static("", id="review-facts")
            yield Static(fmt("[b]Where it came from[/b]"), classes="heading")
            yield Static("", id="review-origin")
            yield Static(fmt("[b]History[/b]"), classes="heading")
            yield Static("", id="review-history")
        with Horizontal(id="review-actions"):
            yield KeyButton("Kept", "review.kept", id="kept", variant="success")
            yield KeyButton("Retire", "review.retire", id="retire")
            yield KeyButton("Renegotiate", "review.renegotiate", id="renegotiate")
            yield KeyButton("Open its talk", "review.open", id="open-talk",
                            variant="primary")
            yield KeyButton("Keep as it was", "review.cancel", id="cancel-renegotiation")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the agreement's session from disk, with those of any agreement it replaces or
        was replaced by; the summary index finds a renegotiation under way."""
        self.owner = self.item = self.renegotiation = None
        try:
            self.owner, self.item = lifecycle.find([self.app.store.load(self.session_id)],
                                                   self.agreement_id)
        except (KeyError, ValueError, UnreadableFile):
            self.owner = self.item = None
        self.linked = {}
        if self.item is not None:
            self.linked = self.linked_agreements(self.owner, self.item)
            if self.item.status == AgreementStatus.RENEGOTIATING:
                self.renegotiation = self.find_renegotiation()
        self.show()

    def linked_agreements(self, owner: Session, item: Agreement) -> dict[str, Agreement]:
        """The agreements this one replaces or was replaced by, from their sessions' files."""
        linked = {a.id: a for a in owner.agreements}
        for other in (item.replaces, item.replaced_by):
            if not other or other in linked:
                continue
            try:
                session = self.app.store.load(lifecycle.owner_session_id(other))
            except (ValueError, UnreadableFile):
                continue
            linked.update((a.id, a) for a in session.agreements)
        return linked

    def find_renegotiation(self) -> Session | None:
        """The open conversation seeded with this agreement, if there is one."""
        from accord.ui import history

        for summary in history.scan(self.app).summaries:
            if (summary["seeded_from"] == self.agreement_id
                    and summary["row"]["status"] != Status.CLOSED.value):
                try:
                    return self.app.store.load(summary["row"]["id"])
                except (ValueError, UnreadableFile):
                    continue
        return None

    def show(self) -> None:
        owner, item = self.owner, self.item
        if owner is None or item is None:
            self.query_one("#review-what", Static).update(
                "This agreement could not be found; its session file may have moved.")
            return
        today = self.app.now().date()
        what = "[b]$what[/b]" + ("  [dim](a ritual)[/dim]" if item.kind == "ritual" else "")
        self.query_one("#review-what", Static).update(fmt(what, what=item.what))
        facts = [
            ("Who", item.who),
            ("How often" if item.kind == "ritual" else "When",
             item.rhythm if item.kind == "ritual" and item.rhythm else item.when),
            ("Since", long_date(item.starts) if item.starts else ""),
            ("Review", review_note(item, today)),
            ("Next time", long_date(day) if (day := lifecycle.next_occurrence(item, today))
             else ""),
            ("Works when", item.success),
            ("Status", item.status.value),
        ]
        self.query_one("#review-facts", Static).update(Content("\n").join(
            fmt("[dim]$label[/dim]  $value", label=f"{label:<10}", value=value)
            for label, value in facts if value
        ))
        try:
            issue = owner.issue(item.issue_id)
            settles = fmt("[dim]Settles:[/dim] $t  [dim]($layer)[/dim]", t=issue.title,
                          layer=LAYER_TITLES[issue.layer] if issue.layer else "unsorted")
        except KeyError:
            settles = fmt("")
        started = owner.created.date()
        self.query_one("#review-origin", Static).update(
            fmt("[dim]Session:[/dim] $topic  [dim]$names · $d[/dim]\n", topic=owner.topic,
                names=f"{owner.name('a')} & {owner.name('b')}", d=long_date(started))
            + settles
        )
        self.query_one("#review-history", Static).update(
            history_lines(owner, item, self.linked))
        for button in self.query_one("#review-actions").query(Button):
            button.display = self.allowed((button.id or "").replace("-", "_"))
        self.refresh_bindings()

    def allowed(self, action: str) -> bool:
        if action == "open_talk":
            return self.renegotiation is not None
        if action == "cancel_renegotiation":
            return self.item is not None and self.item.status == AgreementStatus.RENEGOTIATING
        target = {"kept": AgreementStatus.KEPT, "retire": AgreementStatus.RETIRED,
                  "renegotiate": AgreementStatus.RENEGOTIATING}[action]
        return self.item is not None and lifecycle.can_change(self.item.status, target)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("kept", "retire", "renegotiate", "open_talk", "cancel_renegotiation"):
            return self.allowed(action)
        return True

    def save_owner(self) -> bool:
        """Write the changed session now; if that fails, show what is really on disk."""
        assert self.owner is not None
        try:
            self.app.store.save(self.owner)
        except (OSError, UnreadableFile) as error:
            self.notify(f"Could not save: {error}", severity="error", timeout=10)
            self.reload()
            return False
        return True

    def change(self, rule) -> bool:
        """Apply one lifecycle rule to the owning session, then save it."""
        try:
            rule()
        except RuleError as error:
            self.notify(str(error), severity="warning", timeout=6)
            self.reload()
            return False
        return self.save_owner()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        action = getattr(self, f"action_{(event.button.id or '').replace('-', '_')}", None)
        if action is not None:
            action()

    def action_back(self) -> None:
        self.app.pop_screen()

    @work(exclusive=True, group="review")
    async def action_kept(self) -> None:
        if not self.allowed("kept") or self.item is None:
            return
        now = self.app.now()
        next_review = now.date() + timedelta(days=lifecycle.KEPT_REVIEW_DAYS)
        note = await self.app.push_screen_wait(KeptPrompt(self.item.what, next_review))
        if note is None:
            return
        if self.change(lambda: lifecycle.mark_kept(self.owner, self.agreement_id, now, note)):
            self.notify(f"Marked kept. Well done, both of you. Next look on "
                        f"{long_date(next_review)}.")
        self.show()

    @work(exclusive=True, group="review")
    async def action_retire(self) -> None:
        from accord.ui.screens.modals import TextPrompt

        if not self.allowed("retire"):
            return
        why = await self.app.push_screen_wait(TextPrompt(
            "Why are you retiring it? A few words for future you.",
            placeholder="e.g. we moved, so it no longer fits"))
        if why is None:
            return
        now = self.app.now()
        if self.change(lambda: lifecycle.retire(self.owner, self.agreement_id, now, why)):
            self.notify("Retired. It stays in your history.")
        self.show()

    @work(exclusive=True, group="review")
    async def action_renegotiate(self) -> None:
        from accord.ui.screens.modals import TextPrompt

        if not self.allowed("renegotiate") or self.item is None:
            return
        why = await self.app.push_screen_wait(TextPrompt(
            "What needs to change? (optional) A new conversation starts with this agreement "
            "as its first issue; it stays as it is until you both confirm a new one.",
            placeholder="e.g. weekdays are too busy now"))
        if why is None:
            return
        now = self.app.now()
        started: list[Session] = []
        if not self.change(lambda: started.append(
                lifecycle.start_renegotiation(self.owner, self.agreement_id, now, why=why))):
            return
        self.app.start_session(started[0])

    def action_open_talk(self) -> None:
        """Pick up the conversation that is renegotiating this agreement."""
        if self.renegotiation is not None:
            self.app.open_session(self.renegotiation.id)

    @work(exclusive=True, group="review")
    async def action_cancel_renegotiation(self) -> None:
        from accord.ui.screens.modals import Confirm

        if not self.allowed("cancel_renegotiation"):
            return
        keep = await self.app.push_screen_wait(Confirm(
            "Keep this agreement as it was? It becomes active again. Any conversation about "
            "it stays in your list, paused.", yes="Keep it as it was", no="Not now"))
        if keep and self.change(lambda: lifecycle.cancel_renegotiation(
                self.owner, self.agreement_id, self.app.now())):
            self.notify("It stands as it was.")
        self.show()
