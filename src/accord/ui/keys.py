"""Key bindings shared by several screens."""

from textual.binding import Binding

#: Ctrl+Q works everywhere (an app binding); screens with room in the footer show it too.
QUIT_KEY = Binding("ctrl+q", "app.quit", "Quit", id="accord.quit.shown")
