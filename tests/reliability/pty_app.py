"""Run ``accord`` in a real pseudo-terminal, the way a person runs it, and type into it."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import sys
import termios
import threading
import time
from pathlib import Path

KEYS = {
    "enter": b"\r",
    "tab": b"\t",
    "space": b" ",
    "escape": b"\x1b",
    "backspace": b"\x7f",
    "ctrl+a": b"\x01",
    "ctrl+c": b"\x03",
    "ctrl+e": b"\x05",
    "ctrl+g": b"\x07",
    "ctrl+k": b"\x0b",
    "ctrl+n": b"\x0e",
    "ctrl+q": b"\x11",
    "ctrl+s": b"\x13",
    "ctrl+t": b"\x14",
    "ctrl+u": b"\x15",
    "f3": b"\x1bOR",
    "end": b"\x1b[F",
    "f7": b"\x1b[18~",
    "home": b"\x1b[H",
}

_ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    rb"|\x1b\][^\x07\x1b]*(\x07|\x1b\\)"  # OSC: titles, hyperlinks
    rb"|\x1b[P^_][^\x1b]*\x1b\\"  # DCS and friends
    rb"|\x1b[()][0-9A-Za-z]|\x1b[=>78cDEHMNOZ]"
)


def accord_command() -> list[str]:
    """The installed ``accord`` script next to this Python, else ``python -m accord``."""
    script = Path(sys.executable).parent / "accord"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "accord"]


class Terminal:
    """One ``accord`` process on a pseudo-terminal of a given size; output is drained always."""

    def __init__(self, args: list[str], *, cols: int = 100, rows: int = 30,
                 env: dict[str, str] | None = None) -> None:
        self.cols, self.rows = cols, rows
        full_env = dict(os.environ)
        full_env.update({"TERM": "xterm-256color", "COLORTERM": "truecolor"})
        full_env.pop("TEXTUAL", None)
        full_env.update(env or {})
        argv = accord_command() + list(args)
        pid, fd = pty.fork()
        if pid == 0:  # the child: becomes accord
            try:
                _set_size(0, cols, rows)
                os.execvpe(argv[0], argv, full_env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        _set_size(fd, cols, rows)
        self._output = bytearray()
        self._lock = threading.Lock()
        self._mark = 0
        self.status: int | None = None
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    # -- output ------------------------------------------------------------------------

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            with self._lock:
                self._output.extend(chunk)

    def raw(self) -> bytes:
        with self._lock:
            return bytes(self._output)

    def text(self, since_mark: bool = False) -> str:
        """Everything written so far (or since :meth:`mark`), escape sequences removed."""
        data = self.raw()[self._mark if since_mark else 0 :]
        return _ESCAPES.sub(b"", data).decode("utf-8", "replace")

    def mark(self) -> None:
        with self._lock:
            self._mark = len(self._output)

    def wait_for(self, needle: str, timeout: float = 20.0, since_mark: bool = True) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.text(since_mark):
                return True
            if not self.alive():
                return needle in self.text(since_mark)
            time.sleep(0.05)
        return False

    # -- input -------------------------------------------------------------------------

    def write(self, data: bytes) -> None:
        os.write(self.fd, data)

    def press(self, *keys: str, gap: float = 0.12) -> None:
        for key in keys:
            self.write(KEYS[key] if key in KEYS else key.encode("utf-8"))
            time.sleep(gap)

    def type(self, text: str, gap: float = 0.01) -> None:
        for char in text:
            self.write(char.encode("utf-8"))
            time.sleep(gap)

    def resize(self, cols: int, rows: int) -> None:
        self.cols, self.rows = cols, rows
        _set_size(self.fd, cols, rows)
        os.kill(self.pid, signal.SIGWINCH)

    # -- the process -------------------------------------------------------------------

    def alive(self) -> bool:
        if self.status is not None:
            return False
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return True
        self.status = status
        return False

    def signal(self, sig: int) -> None:
        if self.alive():
            os.kill(self.pid, sig)

    def wait(self, timeout: float = 20.0) -> int | None:
        """The exit code (negative: killed by that signal), or None if still running."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                break
            time.sleep(0.02)
        if self.status is None:
            return None
        if os.WIFSIGNALED(self.status):
            return -os.WTERMSIG(self.status)
        return os.WEXITSTATUS(self.status)

    def hang_up(self) -> None:
        """Close the terminal, as closing its window does: the app gets SIGHUP."""
        try:
            os.close(self.fd)
        except OSError:
            pass

    def close(self) -> None:
        if self.alive():
            os.kill(self.pid, signal.SIGKILL)
            self.wait(5)
        try:
            os.close(self.fd)
        except OSError:
            pass
        self._reader.join(timeout=2)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _set_size(fd: int, cols: int, rows: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
