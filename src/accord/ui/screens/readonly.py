"""A session that is open in another accord window, to read here and never change.

The other accord holds the session's lock (see :mod:`accord.storage.lock`), so this screen only
ever reads: it never saves, keeps no draft and takes no lock. Every few seconds it looks at the
file (a ``stat``; it reads it again only if it changed) so what is shown keeps up with the other
window, and checks whether that window has let go of the session: then it offers to open it
here, and opens it only when asked.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color, ColorParseError
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from accord.domain.model import KIND_TITLES, LAYER_TITLES, STEP_TITLES, Landed, Layer, Status
from accord.domain.session import Session
from accord.domain.summary import plural, where_we_left_off
from accord.storage.lock import is_locked
from accord.storage.store import UnreadableFile, file_signature
from accord.ui.keys import KeyButton
from accord.ui.text import fmt
from accord.ui.widgets.key_footer import KeyFooter

#: How often to look at the file and the lock, in seconds.
POLL_SECONDS = 2.0

READ_ONLY_TITLE = "[b]Open in another accord window[/b]  [dim]·[/dim]  [b]read only here[/b]"
READ_ONLY_NOTE = (
    "This session is open in another accord window right now. You can read it here, but "
    "nothing you do here changes it, so the two windows never get in each other's way. "
    "To carry on, use that window."
)
FREED_TITLE = "[b]Read only here[/b]  [dim]·[/dim]  no longer open anywhere else"
FREED_NOTE = "The other window has let go of it. You can carry on with it here."
CLOSED_NOTE = ("It was finished in the other window. Its agreements are in the review "
               "(a, on the home screen).")

LANDED_WORDS = {Landed.YES: "that's it", Landed.PARTLY: "partly, there's more",
                Landed.NO: "not quite"}
STATUS_WORDS = {"draft": "draft", "active": "active", "kept": "kept",
                "renegotiating": "being renegotiated", "retired": "retired"}


def name_in_colour(session: Session, pid: str) -> Content:
    """A partner's name exactly as typed, bold, in their colour when it is a colour at all."""
    partner = session.partners[pid]
    name = Content(partner.name or ("Partner 1" if pid == "a" else "Partner 2"))
    try:
        colour = Color.parse(partner.color).hex
    except (ColorParseError, ValueError, TypeError):
        return name.stylize("bold")
    return name.stylize(f"bold {colour}")


#: One line of the view: what it says, and how far it is indented (0, 1 or 2 steps).
Line = tuple[Content, int]


def heading(text: str) -> Line:
    return fmt("\n[b]$t[/b]", t=text), 0


def session_lines(session: Session) -> list[Line]:
    """Everything this view shows about a session, line by line."""
    a, b = name_in_colour(session, "a"), name_in_colour(session, "b")
    lines = [
        (fmt("[b]$topic[/b]  [dim]$kind · started $when[/dim]",
             topic=session.topic or "(no topic)", kind=KIND_TITLES.get(session.kind, "Session"),
             when=f"{session.created:%a %d %b %H:%M}"), 0),
        (Content.assemble(a, " & ", b), 0),
        (fmt("[dim]Step:[/dim] $step  [dim]·[/dim]  $where",
             step=STEP_TITLES[session.step], where=where_we_left_off(session)), 0),
    ]
    lines += turn_lines(session)
    lines += issue_lines(session)
    lines += agreement_lines(session)
    return lines


def turn_lines(session: Session) -> list[Line]:
    if not session.turns:
        return []
    lines = [heading(f"Turns so far ({len(session.turns)})")]
    if not session.settings.keep_transcript or session.transcript_removed:
        lines.append((fmt("[dim]What was said is not kept in this session: $n.[/dim]",
                          n=plural(len(session.turns), "turn")), 1))
        return lines
    for turn in session.turns:
        speaker = name_in_colour(session, turn.speaker)
        listener = name_in_colour(session, session.other(turn.speaker))
        for statement in turn.statements:
            said = statement.text or "(said aloud)"
            lines.append((Content.assemble(speaker, fmt(" [dim]$at[/dim]  ",
                                                        at=f"{statement.at:%H:%M}"), said), 1))
        for reflection in turn.reflections:
            heard = reflection.text or ("(said aloud)" if reflection.said_aloud else "…")
            landed = (fmt("  [dim]· $w[/dim]", w=LANDED_WORDS[reflection.landed])
                      if reflection.landed is not None else Content(""))
            lines.append((Content.assemble(listener, fmt(" [dim]heard:[/dim] "), heard,
                                           landed), 2))
    return lines


def issue_lines(session: Session) -> list[Line]:
    if not session.issues:
        return []
    lines = [heading("Issues")]
    for layer in (*Layer, None):
        group = [issue for issue in session.issues if issue.layer == layer]
        if not group:
            continue
        title = LAYER_TITLES[layer] if layer is not None else "Not placed yet"
        lines.append((fmt("[dim]$t[/dim]", t=title), 1))
        for issue in group:
            note = fmt("  [dim]· $n[/dim]", n=issue.note) if issue.note else Content("")
            lines.append((Content.assemble(issue.title, note), 2))
    return lines


def agreement_lines(session: Session) -> list[Line]:
    if not session.agreements:
        return []
    lines = [heading("Agreements")]
    for agreement in session.agreements:
        status = STATUS_WORDS.get(agreement.status.value, agreement.status.value)
        confirmed = [name_in_colour(session, pid) for pid in ("a", "b")
                     if pid in agreement.confirmed_by]
        line = [Content(agreement.what), fmt("  [dim]· $s[/dim]", s=status)]
        if confirmed and not agreement.confirmed_by_both:
            line += [fmt(" [dim]· confirmed by[/dim] "), confirmed[0]]
        elif agreement.confirmed_by_both and agreement.status.value == "draft":
            line.append(fmt(" [dim]· confirmed by both[/dim]"))
        lines.append((Content.assemble(*line), 1))
    return lines


class ReadOnlyScreen(Screen):
    """A session to read, because another accord window has it open."""

    HELP_TOPIC = "read-only"
    CSS_PATH = "readonly.tcss"
    AUTO_FOCUS = "#readonly-body"
    BINDINGS = [
        Binding("escape,h", "home", "Back home", id="readonly.home"),
        Binding("r", "open_here", "Open it here", id="readonly.open"),
        Binding("question_mark", "app.help", "Help", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session_id = session.id
        self.shown = session
        self.freed = False  # the other window has let go of it
        self._signature: tuple[int, int, int] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="readonly-banner"):
            yield Static(fmt(READ_ONLY_TITLE), id="readonly-title")
            yield Static(READ_ONLY_NOTE, id="readonly-note")
            with Horizontal(id="readonly-freed"):
                yield Static("", id="freed-note")
                yield KeyButton("Open it here", "readonly.open", id="open-here", variant="primary",
                             compact=True)
        yield VerticalScroll(id="readonly-body")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._signature = file_signature(self.path)
        self.show(self.shown)
        self.query_one("#readonly-freed").display = False
        self.set_interval(POLL_SECONDS, self.look_again, name="read-only-poll")

    @property
    def path(self):
        return self.app.store.session_path(self.session_id)

    def show(self, session: Session) -> None:
        self.shown = session
        body = self.query_one("#readonly-body", VerticalScroll)
        where = body.scroll_y  # a change in the other window must not lose the reader's place
        body.remove_children()
        body.mount_all(Static(content, classes=f"line indent-{indent}")
                       for content, indent in session_lines(session))
        if where:
            body.call_after_refresh(body.scroll_to, y=where, animate=False)

    def look_again(self) -> None:
        """Read the file again if it changed, and see whether the other window let go."""
        if self not in self.app.screen_stack:
            return  # a tick due as this screen left
        signature = file_signature(self.path)
        if signature is not None and signature != self._signature:
            self._signature = signature
            try:
                self.show(self.app.store.load(self.session_id))
            except (UnreadableFile, ValueError):
                pass  # keep showing what was last read; the home screen reports bad files
        freed = not is_locked(self.app.store.root, self.session_id)
        if freed != self.freed:
            self.freed = freed
            self.show_freed()

    def show_freed(self) -> None:
        closed = self.shown.status == Status.CLOSED
        self.query_one("#readonly-title", Static).update(
            fmt(FREED_TITLE if self.freed else READ_ONLY_TITLE))
        self.query_one("#readonly-note").display = not self.freed
        self.query_one("#readonly-freed").display = self.freed
        self.query_one("#open-here", Button).display = not closed
        self.query_one("#freed-note", Static).update(CLOSED_NOTE if closed else FREED_NOTE)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_here":
            return self.freed and self.shown.status != Status.CLOSED
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "open-here":
            self.action_open_here()

    def action_home(self) -> None:
        self.dismiss()

    def action_open_here(self) -> None:
        """Only when asked, and only once the other window has let go."""
        if not self.check_action("open_here", ()):
            return
        app, session_id = self.app, self.session_id
        self.dismiss()
        # If another window took it again meanwhile, this shows it read-only once more.
        app.open_session(session_id)
