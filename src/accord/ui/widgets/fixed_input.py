"""An Input whose size never depends on what is typed in it.

Textual's Input records the width of its text as its virtual size on every key, and a
change of virtual size asks for a layout of the whole screen. An Input with a fixed width
and height (``width: 1fr``, ``height: 1``, as a compact one is) takes the same room whatever
it holds, so the layout finds nothing to move: this one only repaints itself. Its own
scrolling (a text longer than the box) does not need a layout either: it reads the virtual
size when the cursor moves, and the size is kept as before.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive

from accord.ui.widgets.in_order import Input


class FixedInput(Input):
    """An Input for a fixed-size box (not ``width: auto`` or ``height: auto``)."""

    # Widget.virtual_size, less the layout a change of it asks for.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
