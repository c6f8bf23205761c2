"""Hostile text in names, topics and turns, typed into the real app in a pseudo-terminal."""

from __future__ import annotations

import sys
import time
import tomllib

import pytest

from accord.ui.text import printable
from tests.reliability.crash import SETTLE, play, step_index
from tests.reliability.hostile import HOSTILE, RAW_FORBIDDEN
from tests.reliability.pty_app import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

PASTE_START, PASTE_END = b"\x1b[200~", b"\x1b[201~"


def paste(term: Terminal, text: str) -> None:
    term.write(PASTE_START + text.encode("utf-8", "surrogatepass") + PASTE_END)
    time.sleep(0.3)


def _session(folder) -> dict:
    (path,) = folder.glob("*.session.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_hostile_turns_are_kept_literally_and_never_reach_the_terminal_raw(tmp_path):
    folder = tmp_path / "data"
    # Escape sequences inside a paste reach the app as keys (Home, Enter…) in this terminal,
    # as in many: they are pasted after the turn, where only "not raw, not crashing" matters.
    escapes = {k: v for k, v in HOSTILE.items() if "\x1b" in v}
    statement = " | ".join(v for k, v in HOSTILE.items() if k not in escapes)
    with Terminal(["--data-dir", str(folder)]) as term:
        assert term.wait_for("read this", timeout=30)
        time.sleep(SETTLE)
        play(term, folder, 0, step_index("speak-1"))
        before = len(term.raw())
        term.mark()
        paste(term, statement)
        term.press("ctrl+s")
        assert term.wait_for("reflecting", timeout=20), "the floor did not move on"
        paste(term, " ".join(escapes.values()))
        time.sleep(1)
        shown = term.raw()[before:]
        for sequence in RAW_FORBIDDEN:
            assert sequence not in shown, f"{sequence!r} reached the terminal raw"
        # The app is still alive and answers keys.
        term.mark()
        term.press("ctrl+e", "ctrl+u")
        term.type("still here")
        assert term.wait_for("still here", timeout=10)
        term.press("ctrl+q")
        assert term.wait(timeout=20) == 0
    saved = _session(folder)
    said = saved["turns"][0]["statements"][0]["text"]
    # Kept as typed, without the control characters a terminal could act on.
    assert said == printable(statement)
    assert "[bold]loud[/bold]" in said and "\u202e" in said and "👩‍❤️‍👨" in said


def test_a_huge_paste_is_refused_with_a_message_and_typing_goes_on(tmp_path):
    folder = tmp_path / "data"
    with Terminal(["--data-dir", str(folder)]) as term:
        assert term.wait_for("read this", timeout=30)
        time.sleep(SETTLE)
        play(term, folder, 0, step_index("speak-1"))
        term.mark()
        term.type("I feel")
        paste(term, "x" * 1_000_000)  # a 1 MB paste
        assert term.wait_for("Too long to paste", timeout=30)
        term.mark()
        term.type(" tired")
        assert term.wait_for("tired", timeout=10), "typing stopped answering"
        term.press("ctrl+q")
        assert term.wait(timeout=20) == 0
    assert _session(folder)["floor"]["draft"] == "I feel tired"
