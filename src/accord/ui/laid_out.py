"""A screen laid out once for a size is not laid out again for that same size.

Textual lays a screen out when it is shown, then sends the screen a Resize for the size it has
just been laid out at, and on that Resize lays it out again, and the screen beneath it too (a
help page over the welcome, the agreements review over the home screen). Nothing has changed
by then, so that second layout and the redraw it causes are work done for nothing while the
first keys wait. A real change of the window's size still lays out everything, as before.
"""

from __future__ import annotations

from textual import events


class LaidOutOnce:
    """Mixed into a Screen (before it): ignore a Resize to the size already laid out."""

    def on_resize(self, event: events.Resize) -> None:
        if event.size == self.outer_size:
            event.prevent_default()  # Textual's own handler would lay out again
