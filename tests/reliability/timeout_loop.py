"""Time-out, back, and on to sort, over and over in a real terminal: no kills, just the steps
where the full crash run once got stuck (docs/reliability.md says what it was).

Each round copies a folder holding a session at the crash script's time-out step, resumes it
with ``accord resume`` in a pseudo-terminal, and plays the crash script's steps time-out, back
and to-sort. A round whose screen never comes is counted as stuck, and the terminal output of
that round is kept for reading (``stuckN.txt``, escape sequences removed).

    python -m tests.reliability.timeout_loop --rounds 60
"""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from tests.reliability.crash import SETTLE, Stuck, play, position, read_state, step_index
from tests.reliability.pty_app import Terminal


def make_template(folder: Path) -> None:
    """A data folder with the crash script's session, up to (not including) the time-out."""
    with Terminal(["--data-dir", str(folder)]) as term:
        if not term.wait_for("read this", timeout=30):
            raise Stuck("the welcome never showed")
        time.sleep(SETTLE)
        play(term, folder, 0, step_index("time-out"))
        term.press("ctrl+q")
        term.wait(20)
    if position(read_state(folder)[0]) != step_index("time-out"):
        raise Stuck("the session did not reach the time-out step")


def one_round(template: Path, folder: Path) -> str | None:
    """Play time-out, back and to-sort once; None if it went through, else what got stuck."""
    shutil.copytree(template, folder)
    with Terminal(["resume", "--data-dir", str(folder)]) as term:
        try:
            if not term.wait_for("has the floor", timeout=30):
                raise Stuck("the resumed talk screen never showed")
            time.sleep(SETTLE)
            play(term, folder, step_index("time-out"), step_index("to-sort") + 1)
        except Stuck as error:
            alive = term.alive()
            (folder.parent / f"stuck-{folder.name}.txt").write_text(term.text(), "utf-8")
            term.signal(signal.SIGKILL)
            term.wait(10)
            return f"{error} (accord {'still running' if alive else 'had stopped'})"
        term.press("ctrl+q")
        term.wait(20)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.reliability.timeout_loop")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--keep", metavar="DIR", help="keep the output of stuck rounds here")
    args = parser.parse_args(argv)
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="accord-timeout-"))
    base.mkdir(parents=True, exist_ok=True)
    began = time.monotonic()
    stuck: list[str] = []
    try:
        template = base / "template"
        make_template(template)
        for number in range(1, args.rounds + 1):
            folder = base / f"round{number}"
            problem = one_round(template, folder)
            shutil.rmtree(folder, ignore_errors=True)
            if problem is not None:
                stuck.append(f"round {number}: {problem}")
                print(stuck[-1], file=sys.stderr, flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    print(f"{args.rounds} rounds of time-out, back and to-sort: {len(stuck)} stuck, "
          f"{time.monotonic() - began:.0f} s")
    return 1 if stuck else 0


if __name__ == "__main__":
    raise SystemExit(main())
