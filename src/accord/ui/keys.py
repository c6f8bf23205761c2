"""Keys as the couple sees them: a label that names the key doing a thing right now.

A button that shows its key ("Add ritual  ^G") asks the bindings which key that is, after the
person's keymap from settings.toml is applied, so a rebound key is the one the button shows.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.widgets import Button

_NAMES = {
    "escape": "Esc",
    "question_mark": "?",
    "slash": "/",
    "delete": "Del",
    "enter": "Enter",
    "space": "Space",
    "tab": "Tab",
}


def key_display(keys: str, long: bool = False) -> str:
    """The first of ``keys`` as a label: ``ctrl+g`` is ``^G`` (``Ctrl+G`` when ``long``, for
    sentences and the help), ``f3`` is ``F3``."""
    first = keys.split(",")[0].strip()
    *modifiers, base = first.split("+")
    name = _NAMES.get(base, base.upper() if len(base) > 1 or "ctrl" in modifiers else base)
    if "ctrl" in modifiers and not long:
        modifiers.remove("ctrl")
        name = f"^{name}"
    return "+".join([m.capitalize() for m in modifiers] + [name])


def bound_keys(node: DOMNode, binding_id: str) -> str | None:
    """The keys bound to ``binding_id`` for ``node``: the keymap's, else the default found on
    the node, its screen or the app. None if nothing there has that binding."""
    keymap = getattr(node.app, "_keymap", {}) or {}
    if binding_id in keymap:
        return keymap[binding_id]
    for each in node.ancestors_with_self:
        keys = [key for key, bindings in each._bindings.key_to_bindings.items()
                if any(binding.id == binding_id for binding in bindings)]
        if keys:
            return ",".join(keys)
    return None


def key_for(node: DOMNode, binding_id: str, long: bool = False) -> str:
    """How to write the key for ``binding_id`` in a label ("" if it has none)."""
    keys = bound_keys(node, binding_id)
    return key_display(keys, long) if keys else ""


def keyed(text: str, key: str) -> str:
    return f"{text}  {key}" if key else text


class KeyButton(Button):
    """A button whose label ends with the key that does the same, as bound right now."""

    def __init__(self, text: str, binding_id: str, **kwargs) -> None:
        super().__init__(text, **kwargs)
        self.text = text
        self.binding_id = binding_id

    def on_mount(self) -> None:
        self.show_key()

    def show_key(self) -> None:
        self.label = keyed(self.text, key_for(self, self.binding_id))

    def set_text(self, text: str) -> None:
        self.text = text
        if self.is_mounted:
            self.show_key()
