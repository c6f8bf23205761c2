"""A screen is styled once and laid out once for its first showing, and not laid out again
for a size it is already laid out at.

Textual works out every widget's styles as the widget is mounted, and then again, for every
widget of the screen, when the screen is first shown: nothing can have changed in between, so
the first showing skips that second pass (the welcome's and the home screen's first frames
came 14-16 ms sooner without it). Later showings are left as Textual makes them.

Textual also lays a screen out when it is shown, then sends the screen a Resize for the size
it has just been laid out at, and on that Resize lays it out again, and the screen beneath it
too (a help page over the welcome, the agreements review over the home screen). Nothing has
changed by then, so that second layout and the redraw it causes are work done for nothing
while the first keys wait. A real change of the window's size still lays out everything, as
before.
"""

from __future__ import annotations

from textual import events


class LaidOutOnce:
    """Mixed into a Screen (before it): styled once when first shown, and a Resize to the size
    already laid out is ignored."""

    _shown_before = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._shown_before:
            self._shown_before = True
            # Runs before Textual's own handler, which would style every widget again.
            event.refresh_styles = False

    def on_resize(self, event: events.Resize) -> None:
        if event.size == self.outer_size:
            event.prevent_default()  # Textual's own handler would lay out again
