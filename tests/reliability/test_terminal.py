"""Small windows, resizing, NO_COLOR and a 16-colour terminal."""

from __future__ import annotations

import re
import sys
import time

import pytest

from accord.ui.app import make_app
from accord.ui.screens.talk import TalkScreen
from tests.reliability.crash import SETTLE, play, step_index
from tests.reliability.pty_app import Terminal
from tests.ui.helpers import FakeClock, start_session, type_text


def _messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_starting_small_says_how_big_and_resizing_never_crashes(isolated_data):
    app = make_app(isolated_data, clock=FakeClock())
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert any("at least 80×24" in m for m in _messages(app))
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not any("at least 80×24" in m for m in _messages(app))
        await start_session(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)
        for size in ((40, 12), (79, 23), (120, 40), (40, 12), (80, 24)):
            await pilot.resize_terminal(*size)
            await type_text(pilot, "ok ")
            await pilot.pause()
        assert app.screen.editor_text() == "ok " * 5
        assert not any("at least 80×24" in m for m in _messages(app))
        await pilot.resize_terminal(40, 12)
        await pilot.press("ctrl+t")  # a time-out in a tiny window
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
    assert app.session.timeouts


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "xterm", "COLORTERM": ""}],
                         ids=["no-color", "16-colours"])
def test_plain_terminals_tell_partners_apart_by_name(tmp_path, env):
    folder = tmp_path / "data"
    with Terminal(["--data-dir", str(folder)], env=env) as term:
        assert term.wait_for("read this", timeout=30)
        time.sleep(SETTLE)
        play(term, folder, 0, step_index("reflect-1"))  # Sam has spoken
        assert term.wait_for("reflect back what Sam said", timeout=20, since_mark=False)
        assert "ALEX" in term.text() and "SAM" in term.text()
        raw = term.raw()
        colours = re.findall(rb"[34]8;2;(\d+);(\d+);(\d+)", raw)
        if "NO_COLOR" in env:  # Textual turns every colour into a grey
            assert colours and all(r == g == b for r, g, b in colours), "colour despite NO_COLOR"
        else:
            assert not colours and b"8;5;" not in raw, "more than 16 colours sent"
        term.press("ctrl+q")
        assert term.wait(timeout=20) == 0
