"""Run a program in a real pseudo-terminal and watch its screen through the pyte emulator.

Times are taken the way a person feels them: from the moment a program is launched or a key is
written to the terminal until the output that puts the expected text on the screen has reached
the terminal. The emulator's own reading of that output is not counted: pyte, written in
Python, takes about 15 ms to take in one full 100x30 frame, where a real terminal takes well
under one.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable

import pyte

KEYS = {"ctrl+q": b"\x11", "enter": b"\r", "escape": b"\x1b", "ctrl+s": b"\x13"}


class Terminal:
    """One program on a ``cols`` x ``rows`` pseudo-terminal."""

    def __init__(self, argv: list[str], env: dict[str, str] | None = None, *,
                 cols: int = 100, rows: int = 30) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
        full_env.pop("TEXTUAL", None)
        full_env.update(env or {})
        self.started = self.arrived = time.perf_counter()
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=full_env,
            start_new_session=True, close_fds=True,
        )
        os.close(slave)
        self.master = master

    # -- reading ---------------------------------------------------------------------------

    def _pump(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 1 << 16)
        except OSError:
            return False
        if not data:
            return False
        self.arrived = time.perf_counter()  # before the emulator takes it in
        self.stream.feed(data)
        return True

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, test: str | Callable[[str], bool], timeout: float = 60.0) -> float:
        """Read output until ``test`` holds for the screen; the time the output that made it
        hold arrived (now, if it held already)."""
        check = (lambda screen: test in screen) if isinstance(test, str) else test
        deadline = time.perf_counter() + timeout
        before = self.arrived
        while True:
            if check(self.text()):
                return self.arrived if self.arrived != before else time.perf_counter()
            left = deadline - time.perf_counter()
            if left <= 0 or self.process.poll() is not None and not self._pump(0):
                raise TimeoutError(f"not on screen in {timeout}s: {test!r}\n{self.text()}")
            self._pump(min(left, 0.05))

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Read until the program has drawn nothing for ``quiet`` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline and self._pump(quiet):
            pass

    # -- writing ---------------------------------------------------------------------------

    def press(self, key: str | bytes) -> float:
        data = KEYS.get(key, key) if isinstance(key, str) else key
        if isinstance(data, str):
            data = data.encode()
        sent = time.perf_counter()
        os.write(self.master, data)
        return sent

    def peak_rss_mb(self) -> float:
        """The program's peak resident memory so far (Linux), in MB."""
        try:
            with open(f"/proc/{self.process.pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return float("nan")

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                os.write(self.master, KEYS["ctrl+q"])
            except OSError:
                pass
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        os.close(self.master)
