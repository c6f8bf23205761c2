"""Hostile text: what people might type or paste, that a terminal app could mishandle."""

from __future__ import annotations

#: Each is typed or pasted into a name, the topic or a turn; all must come back literally.
HOSTILE = {
    "rich markup": "[bold]loud[/bold] [link=https://evil.example]click[/link]",
    "textual action markup": "[@click=app.quit]quit[/]",
    "broken markup": "[/] [[[ ]] [b",
    "ansi colour": "\x1b[31mRED\x1b[0m",
    "ansi clear screen": "\x1b[2J\x1b[H",
    "osc window title": "\x1b]0;PWNED\x07",
    "control characters": "bell\x07 back\x08 nul\x00 del\x7f c1\x9b",
    "zero-width": "zero\u200bwidth\u200djoin\ufeff",
    "right-to-left override": "\u202eevil txt\u202c",
    "right-to-left script": "مرحبا שלום",
    "emoji": "👩‍❤️‍👨 🏳️‍🌈 👍🏽",
    "combining marks": "e\u0301\u0301\u0301 Z\u0335\u0321\u0327a\u0336l\u0338g\u0335o\u0334",
    "wide characters": "中文字符テスト",
    "path tricks": "../../etc/passwd",
    "tabs and newlines": "a\tb\nc\r\nd",
}
#: Escape sequences that must never reach the terminal as they were typed.
RAW_FORBIDDEN = [b"\x1b]0;PWNED", b"\x1b[31mRED", b"\x1b[2J\x1b[H", b"\x00", b"\x07 back",
                 b"\xc2\x9b"]  # U+009B, the one-byte CSI, in UTF-8
