"""A text box that refuses a paste too long to keep, instead of cutting it silently."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from accord.ui.widgets.in_order import KeysInOrder


class GuardedTextArea(KeysInOrder, TextArea):
    """A :class:`TextArea` holding at most ``max_chars`` characters.

    A paste that would take it past the limit is refused whole, with a message saying how long
    it was and how much fits; nothing is inserted, so nothing is lost without anyone knowing.
    """

    def __init__(self, *args, max_chars: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.max_chars = max_chars

    async def _on_paste(self, event: events.Paste) -> None:
        # Textual calls ``_on_paste`` of every class in the MRO unless the default is
        # prevented, so TextArea's own handler pastes when this one lets it through.
        selected = len(self.selected_text)
        after = len(self.text) - selected + len(event.text)
        if after > self.max_chars:
            event.prevent_default()
            event.stop()
            self.app.notify(
                f"That paste is {len(event.text):,} characters; a turn holds up to "
                f"{self.max_chars:,}. Nothing was pasted. Try one thing at a time.",
                title="Too long to paste",
                severity="warning",
            )
