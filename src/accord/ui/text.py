"""Safe text for the screen: markup we write, with whatever people typed kept literal."""

from __future__ import annotations

from textual.content import Content


def fmt(markup: str, **values: object) -> Content:
    """Our markup with ``$name`` placeholders; the values are always shown as plain text."""
    return Content.from_markup(markup, **{k: str(v) for k, v in values.items()})


def plain(text: str) -> Content:
    """Text a person typed, shown exactly as typed (``[bold]`` shows its brackets)."""
    return Content(text)


# C0 controls but tab and newline, DEL, and C1 controls (U+0080..U+009F, which include a
# one-character CSI): a terminal may act on them, so they never reach the screen.
_CONTROLS = dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)])


def printable(text: str) -> str:
    """Pasted text without the control characters a terminal could act on.

    Line ends become ``\n``; everything else people can see (markup, emoji, accents,
    right-to-left and zero-width characters) is kept as it is.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)


def readable_on(color: str) -> str:
    """Black or white, whichever reads better on the given ``#rrggbb`` background."""
    value = color.lstrip("#")
    if len(value) != 6:
        return "#000000"
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if luminance > 140 else "#ffffff"
