"""Sort: every issue that came up goes in one of the three layers."""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from accord import language
from accord.domain import rules
from accord.domain.model import LAYER_TITLES, Layer, Profile, Step
from accord.domain.profiles import matches, suggest_layer
from accord.domain.session import Issue, Session
from accord.ui.keys import KeyButton, key_for
from accord.ui.screens.base import SessionScreen
from accord.ui.text import fmt

LAYER_LEGEND = (
    "[b]1 Foundation[/b]   core needs and boundaries: acknowledged, never bargained\n"
    "[b]2 Temperament[/b]  how each of you is made: understood, and noted\n"
    "[b]3 Negotiable[/b]   roles, chores, time, money logistics: agreed on next"
)
LAYER_KEYS = Binding.Group("Layer")
LAYER_OUTCOME = {
    Layer.FOUNDATION: "acknowledged",
    Layer.TEMPERAMENT: "noted",
    Layer.NEGOTIABLE: "to agree on",
}


def issue_option(issue: Issue) -> Option:
    layer = f"{int(issue.layer)} {LAYER_TITLES[issue.layer]}" if issue.layer else "? unsorted"
    markup = "[b]$layer[/b]  $title"
    if issue.suggested:
        markup += "  [dim](suggested)[/dim]"
    if issue.note:
        markup += "\n               [i]$note[/i]"
    return Option(fmt(markup, layer=f"{layer:<13}", title=issue.title, note=issue.note),
                  id=issue.id)


def suggest_into(session: Session, now, profiles: list[Profile] | None = None) -> None:
    """Offer the issues the talk and the preparation brought up, as editable suggestions."""
    for pid, prep in session.preparation.items():
        for boundary in prep.boundaries:
            kind = "preference" if boundary.is_preference else "boundary"
            title = f"{session.name(pid)}'s {kind}: {boundary.text}"
            layer = Layer.TEMPERAMENT if boundary.is_preference else Layer.FOUNDATION
            _try_add(session, title[:120], now, layer)
    # what they came to talk about counts too: "money and the credit card" is about money
    texts = [session.topic, *(s.text for turn in session.turns for s in turn.statements if s.text)]
    for suggestion in language.suggest_issues(texts):
        layer = Layer(suggestion.layer)
        if profiles and layer != Layer.FOUNDATION and suggest_layer(suggestion.title, profiles):
            layer = Layer.FOUNDATION  # it touches a declared core need or boundary
        _try_add(session, suggestion.title, now, layer)


def _try_add(session: Session, title: str, now, layer: Layer) -> None:
    try:
        rules.add_issue(session, title, now, layer=layer, suggested=True)
    except rules.RuleError:
        pass  # already on the list


class SortScreen(SessionScreen):
    STEP = Step.SORT
    CSS_PATH = "sort.tcss"
    BINDINGS = [
        # 1, 2 and 3 lead the legend at the top, so the footer keeps room for F1 and F2.
        Binding("1", "layer(1)", "Foundation", id="sort.layer1", group=LAYER_KEYS, show=False),
        Binding("2", "layer(2)", "Temperament", id="sort.layer2", group=LAYER_KEYS, show=False),
        Binding("3", "layer(3)", "Negotiable", id="sort.layer3", group=LAYER_KEYS, show=False),
        Binding("ctrl+g", "add", "Add", id="sort.add"),
        Binding("e", "rename", "Edit", id="sort.edit"),
        Binding("o", "note", "Note", id="sort.note"),
        Binding("x,delete", "remove", "Remove", id="sort.remove"),
        Binding("b", "back", "Back to talk", show=False, id="sort.back"),
        Binding("ctrl+n", "next", "Agree", id="session.next"),
    ]

    def compose_body(self) -> Iterable[Widget]:
        yield Static(fmt(LAYER_LEGEND), id="legend")
        yield OptionList(id="issues")
        yield Static("", id="detail")
        with Horizontal(id="sort-actions"):
            yield KeyButton("Add issue", "sort.add", id="add")
            yield KeyButton("Back to talk", "sort.back", id="back")
            yield KeyButton("Go to agree", "session.next", id="next", variant="primary")

    def on_mount(self) -> None:
        from accord.ui.profiles import load_profiles

        self.profiles = load_profiles(self.app)
        if not self.session.issues:
            suggest_into(self.session, self.app.now(), self.profiles)
            self.app.save()
        self.refresh_table()
        self.query_one("#issues", OptionList).focus()

    def refresh_table(self, keep: str | None = None) -> None:
        issues = self.query_one("#issues", OptionList)
        row = issues.highlighted or 0
        issues.clear_options()
        issues.add_options(issue_option(issue) for issue in self.session.issues)
        if keep is not None:
            row = next(n for n, i in enumerate(self.session.issues) if i.id == keep)
        if self.session.issues:
            issues.highlighted = min(row, len(self.session.issues) - 1)
        self.show_detail()

    def selected(self) -> Issue | None:
        highlighted = self.query_one("#issues", OptionList).highlighted
        if highlighted is None or not self.session.issues:
            return None
        return self.session.issues[min(highlighted, len(self.session.issues) - 1)]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_rename()

    def show_detail(self) -> None:
        issue = self.selected()
        detail = self.query_one("#detail", Static)
        if issue is None:
            key = key_for(self, "sort.add", long=True)
            detail.update(f"No issues yet. Press {key} to add the first one.")
            return
        reason = rules.why_not_negotiable(issue.layer)
        touches = matches(issue.title, self.profiles)
        if touches and issue.layer != Layer.FOUNDATION:
            first = touches[0]
            kind = "core need" if first.kind == "need" else "boundary"
            detail.update(fmt("This touches $name's $kind ($text), so it may belong in "
                              "Foundation (1).", name=first.name, kind=kind, text=first.text))
            return
        if issue.layer == Layer.NEGOTIABLE:
            detail.update("Negotiable: you'll look for agreements on this next.")
        elif issue.layer == Layer.TEMPERAMENT:
            detail.update(fmt("$r Press $key to write how you'll work with it.", r=reason,
                              key=key_for(self, "sort.note")))
        else:
            detail.update(reason or "")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"add": self.action_add, "back": self.action_back, "next": self.action_next}[
            event.button.id or "next"
        ]()

    def action_layer(self, layer: int) -> None:
        issue = self.selected()
        if issue and self.apply(
            lambda: rules.set_layer(self.session, issue.id, Layer(layer), self.app.now())
        ):
            self.refresh_table(keep=issue.id)

    @work(exclusive=True, group="sort-edit")
    async def action_add(self) -> None:
        from accord.ui.screens.modals import TextPrompt

        title = await self.app.push_screen_wait(
            TextPrompt("What's the issue, in a few words?", max_length=120)
        )
        if title is not None:
            added: list[Issue] = []
            layer = suggest_layer(title, self.profiles)
            if self.apply(lambda: added.append(rules.add_issue(
                    self.session, title, self.app.now(), layer=layer,
                    suggested=layer is not None))):
                self.refresh_table(keep=added[0].id)

    @work(exclusive=True, group="sort-edit")
    async def action_rename(self) -> None:
        from accord.ui.screens.modals import TextPrompt

        issue = self.selected()
        if issue is None:
            return
        title = await self.app.push_screen_wait(
            TextPrompt("Say it in your own words:", issue.title, max_length=120)
        )
        if title is not None and self.apply(
            lambda: rules.rename_issue(self.session, issue.id, title, self.app.now())
        ):
            self.refresh_table(keep=issue.id)

    @work(exclusive=True, group="sort-edit")
    async def action_note(self) -> None:
        from accord.ui.screens.modals import TextPrompt

        issue = self.selected()
        if issue is None:
            return
        question = {
            Layer.FOUNDATION: "What do you both acknowledge here?",
            Layer.TEMPERAMENT: "How will you work with this difference?",
        }.get(issue.layer, "A note on this issue:")
        note = await self.app.push_screen_wait(TextPrompt(question, issue.note))
        if note is not None and self.apply(
            lambda: rules.set_note(self.session, issue.id, note, self.app.now())
        ):
            self.refresh_table(keep=issue.id)

    def action_remove(self) -> None:
        issue = self.selected()
        if issue and self.apply(lambda: rules.remove_issue(self.session, issue.id,
                                                           self.app.now())):
            self.refresh_table()

    def action_back(self) -> None:
        self.go_to(Step.TALK)

    def action_next(self) -> None:
        unplaced = [i for i in self.session.issues if i.layer is None]
        if unplaced:
            self.notify("Place every issue in a layer first (1, 2 or 3), or remove it (x).",
                        severity="warning")
            return
        self.go_to(Step.AGREE)
