"""Ctrl+C, SIGTERM, SIGINT and a closed terminal pause the session, in a real pseudo-terminal."""

from __future__ import annotations

import signal
import sys
import time
import tomllib

import pytest

from tests.reliability.crash import SETTLE, play, step_index
from tests.reliability.pty_app import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

HALF = "I feel tired when the dish"


def _session(folder) -> dict:
    (path,) = folder.glob("*.session.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


# SIGINT goes through the same handler as SIGTERM; left out to keep the suite quick.
@pytest.mark.parametrize("how", ["ctrl+c", "sigterm", "hang-up"])
def test_interruption_pauses_with_the_half_typed_words(tmp_path, how):
    folder = tmp_path / "data"
    with Terminal(["--data-dir", str(folder)]) as term:
        assert term.wait_for("read this", timeout=30)
        time.sleep(SETTLE)
        play(term, folder, 0, step_index("speak-1"))
        assert term.wait_for("has the floor", timeout=20, since_mark=False)
        term.mark()
        term.type(HALF)  # the draft is saved 2 s after typing stops: this is quicker
        # A signal may overtake keys the app has not read yet; wait until they are on screen.
        assert term.wait_for("the dish", timeout=10)
        if how == "ctrl+c":
            term.press("ctrl+c")
        elif how == "sigterm":
            term.signal(signal.SIGTERM)
        elif how == "sigint":
            term.signal(signal.SIGINT)
        else:
            term.hang_up()
        code = term.wait(timeout=20)
        assert code is not None, f"accord still running after {how}"
        if how != "hang-up":
            assert code == 0, f"exit code {code} after {how}"
    saved = _session(folder)
    assert saved["status"] == "paused"
    assert saved["floor"]["draft"] == HALF
    assert saved["paused_at"], "the pause itself is recorded"


def test_ctrl_c_with_text_selected_copies_instead_of_quitting(tmp_path):
    folder = tmp_path / "data"
    with Terminal(["--data-dir", str(folder)]) as term:
        assert term.wait_for("read this", timeout=30)
        time.sleep(SETTLE)
        play(term, folder, 0, step_index("speak-1"))
        term.mark()
        term.type("keep me")
        assert term.wait_for("keep me", timeout=10)
        term.press("f7")  # select all in the text box
        term.press("ctrl+c")
        assert term.wait(timeout=2) is None, "Ctrl+C with a selection must not quit"
        term.press("ctrl+q")
        assert term.wait(timeout=20) == 0
    assert _session(folder)["floor"]["draft"] == "keep me"
