"""Text boxes whose editing keys act in the order they were typed.

Textual runs a widget's own key bindings (Backspace, Delete, Ctrl+U, Ctrl+K, the arrows,
Enter in an Input ...) only once the key has passed up through every container to the app,
while the letters typed go in at once. When keys arrive in a burst (a busy machine hands over
everything typed while it was busy) a Backspace can then land after the letters typed behind
it and delete the wrong ones, or a cleared line take what was typed next with it. Every text
box in accord runs its own keys where the letters are handled instead, in order (the turn
editor too: guarded.GuardedTextArea; TextArea is not imported here, so screens with only
Inputs, like the first one, do not load it).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input as _Input


class KeysInOrder:
    """Mixed into a text box (before it): its own bindings act as its keys arrive."""

    async def _on_key(self, event: events.Key) -> None:
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()  # the text box's own key handler has nothing to do
                return


class Input(KeysInOrder, _Input):
    """Textual's Input, its editing keys in the order typed."""
