"""accord's two themes, and the partner colours that read well on both.

Calm, low-contrast grounds with clear text; the warning colour (the time-out button) is warm
rather than alarming. Partner colours are mid-tones: readable as text on the dark and the light
ground, and as a banner with black or white letters on top.
"""

from __future__ import annotations

from textual.theme import Theme

DARK = Theme(
    name="accord-dark",
    primary="#5b8fc7",
    secondary="#7f9cb8",
    accent="#8fb9a8",
    warning="#d9a55b",
    error="#d0707a",
    success="#79b88a",
    foreground="#e4e2dc",
    background="#1b1d22",
    surface="#23262c",
    panel="#2c3038",
    dark=True,
    variables={"accord-hint": "#9a9ca1"},
)

LIGHT = Theme(
    name="accord-light",
    primary="#2f6aa8",
    secondary="#4f6f8f",
    accent="#2f7d66",
    warning="#9a5c12",
    error="#a8343f",
    success="#2f7d45",
    foreground="#1e2024",
    background="#f5f3ee",
    surface="#ebe8e1",
    panel="#e4e0d8",
    dark=False,
    # Dim text, footer keys and hints (placeholders) all read at 4.5:1 or more on every
    # ground of this theme (WCAG AA); tests/ui/test_theme_contrast.py checks the sums.
    variables={"footer-key-foreground": "#255a92", "accord-hint": "#5a5955"},
)

#: Settings name → Textual theme name.
THEMES = {"dark": DARK.name, "light": LIGHT.name}

#: Partner colours, by name: each has contrast of about 3:1 or more on both grounds.
PALETTE = {
    "Blue": "#3d8fd1",
    "Orange": "#d0702c",
    "Teal": "#23968a",
    "Purple": "#b45fc4",
    "Rose": "#c4587a",
    "Green": "#6f962a",
}
DEFAULT_COLORS = ("#3d8fd1", "#d0702c")


def colour_name(value: str) -> str:
    for name, hex_value in PALETTE.items():
        if hex_value.lower() == value.lower():
            return name
    return value
