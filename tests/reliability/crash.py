"""Crash test: a scripted session in a real pseudo-terminal, killed with SIGKILL at random moments.

Each *life* starts ``accord`` (or ``accord resume``) as a person would, in a temporary data
folder, types the next few steps of a whole session (names, topic, turns with reflections, a
time-out, sorting, an agreement, closing) and is killed with SIGKILL at a random point: while
typing, right after a key that saves, or while the save is being written. After every kill:

* every ``.toml`` file in the folder must parse and load;
* every step the app had acknowledged on screen before the kill must be in the file;
* the next ``accord resume`` must show the step where the couple stopped.

Run it with ``python -m tests.reliability.crash`` (quick: a handful of kills) or
``python -m tests.reliability.crash --full`` (at least 200 kills); ``--report`` writes the figures
into docs/reliability.md. The pytest suite runs the quick mode (tests/reliability/test_crash.py).
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import sys
import tempfile
import time
import tomllib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.reliability.pty_app import Terminal

SETTLE = 0.5  # seconds between a screen appearing and the first key
STEP_ORDER = ["setup", "prepare", "talk", "sort", "agree", "close", "done"]

NAME_A, NAME_B, TOPIC = "Sam", "Alex", "the dishes"
NEED = "to feel we share the load"
S1 = "I feel tired when the dishes pile up after dinner."
R1 = "You feel tired and you need help with the dishes."
S2 = "I feel criticised when the kitchen comes up every night."
R2 = "You feel criticised and need to be appreciated."
ISSUE = "Dish rota"
WHAT, WHO, WHEN, SUCCESS = "Sam washes up on weekdays", "Sam", "weekdays", "No dishes overnight"


@dataclass
class State:
    session: dict | None
    couple: dict | None


def _turn(state: State, index: int) -> dict | None:
    turns = (state.session or {}).get("turns", [])
    return turns[index] if len(turns) > index else None


def _said(index: int, text: str) -> Callable[[State], bool]:
    def check(state: State) -> bool:
        turn = _turn(state, index)
        return bool(turn) and any(s.get("text") == text for s in turn.get("statements", []))
    return check


def _reflected(index: int, text: str) -> Callable[[State], bool]:
    def check(state: State) -> bool:
        turn = _turn(state, index)
        return bool(turn) and any(r.get("text") == text for r in turn.get("reflections", []))
    return check


def _landed(index: int) -> Callable[[State], bool]:
    def check(state: State) -> bool:
        turn = _turn(state, index)
        return bool(turn) and any(r.get("landed") == "yes" for r in turn.get("reflections", []))
    return check


def _at_least(step: str) -> Callable[[State], bool]:
    def check(state: State) -> bool:
        s = state.session
        return bool(s) and (s.get("status") == "closed"
                            or STEP_ORDER.index(s.get("step", "setup")) >= STEP_ORDER.index(step))
    return check


def _timeouts(state: State) -> list[dict]:
    return (state.session or {}).get("timeouts", [])


def _need(state: State) -> bool:
    return _at_least("talk")(state) and (
        state.session.get("preparation", {}).get("a", {}).get("need") == NEED)


@dataclass
class Step:
    name: str
    screen: str  # text on screen when this step can begin
    actions: list[tuple[str, str]]  # ("key", name) | ("text", text) | ("wait", text)
    done: Callable[[State], bool]


def K(*keys: str) -> list[tuple[str, str]]:
    return [("key", k) for k in keys]


def T(text: str) -> list[tuple[str, str]]:
    return [("text", text)]


CLEAR_INPUT = K("ctrl+a", "ctrl+k")
CLEAR_EDITOR = K("ctrl+e", "ctrl+u")

SCRIPT = [
    Step("welcome", "read this", K("enter"),
         lambda s: bool(s.couple and s.couple.get("safety_notice_seen"))),
    Step("setup", "New session",
         K("n") + [("wait", "Who starts")] + CLEAR_INPUT + T(NAME_A) + K("tab") + CLEAR_INPUT
         + T(NAME_B) + K("tab") + CLEAR_INPUT + T(TOPIC) + K("ctrl+n"),
         lambda s: bool(s.session)),
    Step("prepare", "need from", CLEAR_INPUT + T(NEED) + K("ctrl+n"), _need),
    Step("speak-1", "SAM", CLEAR_EDITOR + T(S1) + K("ctrl+s"), _said(0, S1)),
    Step("reflect-1", "reflecting", CLEAR_EDITOR + T(R1) + K("ctrl+s"), _reflected(0, R1)),
    Step("landed-1", "That's it", K("1"), _landed(0)),
    Step("speak-2", "ALEX", CLEAR_EDITOR + T(S2) + K("ctrl+s"), _said(1, S2)),
    Step("reflect-2", "reflecting", CLEAR_EDITOR + T(R2) + K("ctrl+s"), _reflected(1, R2)),
    Step("landed-2", "That's it", K("1"), _landed(1)),
    Step("time-out", "SAM", K("ctrl+t") + [("wait", "Alex")] + K("1"),
         lambda s: len(_timeouts(s)) >= 1),
    Step("back", "back", K("r") + [("wait", "Come back now")] + K("y"),
         lambda s: bool(_timeouts(s)) and _timeouts(s)[0].get("outcome") == "resumed"),
    Step("to-sort", "Hand over", K("ctrl+n") + [("wait", "ready")] + K("y"), _at_least("sort")),
    Step("issue", "Foundation", K("ctrl+g") + [("wait", "few words")] + T(ISSUE) + K("enter"),
         lambda s: any(i.get("title") == ISSUE for i in (s.session or {}).get("issues", []))),
    Step("layer", ISSUE, K("end", "3"),  # the issue added last is at the end of the list
         lambda s: any(i.get("title") == ISSUE and i.get("layer") == 3
                       for i in (s.session or {}).get("issues", []))),
    Step("to-agree", ISSUE, K("ctrl+n"), _at_least("agree")),
    Step("agreement", "New agreement",
         K("ctrl+g") + [("wait", "Review on")] + T(WHAT) + K("enter") + T(WHO) + K("enter")
         + T(WHEN) + K("enter", "enter", "enter") + T(SUCCESS) + K("ctrl+s"),
         lambda s: any(a.get("what") == WHAT and a.get("success") == SUCCESS
                       for a in (s.session or {}).get("agreements", []))),
    Step("to-close", WHAT, K("ctrl+n"), _at_least("close")),
    Step("closed", "Save and close", K("ctrl+n") + [("wait", "Close anyway")] + K("y"),
         lambda s: bool(s.session) and s.session.get("status") == "closed"),
]
# What the screen shows once a step is acknowledged: the next step's marker, or the summary.
ACK: list[str | None] = [step.screen for step in SCRIPT[1:]] + ["Home"]
ACK[[s.name for s in SCRIPT].index("layer")] = None  # no new text on screen: use the file
# Screens a resumed session may show for a step (resume opens the session, not the home screen).
RESUME_SCREEN = {"prepare": "need from", "speak-1": "has the floor", "reflect-1": "reflecting",
                 "landed-1": "That's it", "speak-2": "has the floor", "reflect-2": "reflecting",
                 "landed-2": "That's it", "time-out": "has the floor", "back": "back",
                 "to-sort": "has the floor", "issue": "Foundation", "layer": ISSUE,
                 "to-agree": "Foundation",
                 "agreement": "New agreement", "to-close": "New agreement",
                 "closed": "Save and close"}


def read_state(folder: Path) -> tuple[State, list[str]]:
    """The saved session and couple, and every file that failed to parse or load."""
    from accord.storage.store import Store, UnreadableFile

    bad: list[str] = []
    sessions: list[dict] = []
    couple = None
    store = Store(folder)
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            if path.name.endswith(Store.SESSION_SUFFIX):
                store.load_path(path)
                sessions.append(data)
            else:
                store._load_couple_path(path)
                couple = data
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, UnreadableFile) as error:
            bad.append(f"{path.name}: {error}")
    if len(sessions) > 1:
        bad.append(f"{len(sessions)} session files where the script made one")
    return State(sessions[0] if sessions else None, couple), bad


def position(state: State) -> int:
    """The first step of the script not yet in the files."""
    for index, step in enumerate(SCRIPT):
        if not step.done(state):
            return index
    return len(SCRIPT)


@dataclass
class Figures:
    kills: int = 0
    kills_by_step: Counter = field(default_factory=Counter)
    kills_after_last_key: int = 0  # killed while the app handled a key that saves
    kills_leaving_temp_file: int = 0  # killed while a save was being written
    unreadable_files: int = 0
    steps_acknowledged: int = 0
    steps_lost: int = 0
    resumes: int = 0
    resumes_wrong_screen: int = 0
    sessions_completed: int = 0
    stuck: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


class Stuck(Exception):
    pass


def _flat(step: Step) -> list[tuple[str, str]]:
    """One entry per key press, so a kill can land between any two characters."""
    out: list[tuple[str, str]] = []
    for kind, value in step.actions:
        if kind == "text":
            out.extend(("char", c) for c in value)
        else:
            out.append((kind, value))
    return out


def _do(term: Terminal, action: tuple[str, str]) -> None:
    kind, value = action
    if kind == "wait":
        if not term.wait_for(value, timeout=20):
            raise Stuck(f"waited for {value!r}")
        time.sleep(SETTLE)  # a person reads the screen before typing
    elif kind == "char":
        term.type(value)
    else:
        term.press(value, gap=0.15)


def _wait_done(folder: Path, step: Step, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state, _ = read_state(folder)
        if step.done(state):
            return True
        time.sleep(0.05)
    return False


def _glimpse(folder: Path) -> dict:
    """The parts of the saved session a stuck step is usually about."""
    session = read_state(folder)[0].session or {}
    return {"step": session.get("step"), "prep": session.get("preparation"),
            "floor": session.get("floor"),
            "turns": [[x.get("text") for x in t.get("statements", []) + t.get("reflections", [])]
                      for t in session.get("turns", [])]}


def play(term: Terminal, folder: Path, start: int, stop: int) -> list[str]:
    """Do steps ``start`` to ``stop - 1`` in full; return the ones the screen acknowledged."""
    done: list[str] = []
    for index in range(start, stop):
        step = SCRIPT[index]
        term.mark()
        for action in _flat(step):
            _do(term, action)
        if ACK[index] is not None and not term.wait_for(ACK[index], timeout=20):
            raise Stuck(f"{step.name}: never acknowledged ({ACK[index]!r})")
        if ACK[index] is not None:
            done.append(step.name)
            time.sleep(SETTLE)
        if not _wait_done(folder, step):
            raise Stuck(f"{step.name}: acknowledged on screen but never saved: "
                        f"{_glimpse(folder)}")
        if ACK[index] is None:
            done.append(step.name)
    return done


def step_index(name: str) -> int:
    return [s.name for s in SCRIPT].index(name)


def one_life(folder: Path, rng: random.Random, figures: Figures, log: list[str]) -> bool:
    """Start accord, do a few steps, kill it. Returns False once the session is closed."""
    state, _ = read_state(folder)
    start = position(state)
    if start >= len(SCRIPT):
        return False
    resuming = state.session is not None
    args = ["resume", "--data-dir", str(folder)] if resuming else ["--data-dir", str(folder)]
    target = rng.randrange(start, min(len(SCRIPT), start + 4))
    flat = _flat(SCRIPT[target])
    cut = rng.randrange(0, len(flat) + 1)
    with Terminal(args) as term:
        first = SCRIPT[start]
        screen = RESUME_SCREEN.get(first.name, first.screen) if resuming else first.screen
        if not term.wait_for(screen, timeout=30):
            if resuming:
                figures.resumes_wrong_screen += 1
            raise Stuck(f"{first.name}: screen {screen!r} never showed")
        if resuming:
            figures.resumes += 1
        time.sleep(SETTLE)
        for index in range(start, target):
            step = SCRIPT[index]
            term.mark()
            for action in _flat(step):
                _do(term, action)
            if ACK[index] is not None and not term.wait_for(ACK[index], timeout=20):
                raise Stuck(f"{step.name}: never acknowledged ({ACK[index]!r})")
            if ACK[index] is not None:
                log.append(step.name)
                figures.steps_acknowledged += 1
                time.sleep(SETTLE)
            if not _wait_done(folder, step):
                raise Stuck(f"{step.name}: acknowledged on screen but never saved: "
                            f"{_glimpse(folder)}")
            if ACK[index] is None:
                log.append(step.name)
                figures.steps_acknowledged += 1
        step = SCRIPT[target]
        term.mark()
        for action in flat[:cut]:
            _do(term, action)
        delay = rng.uniform(0.0, 0.25)
        if cut == len(flat):
            figures.kills_after_last_key += 1
            time.sleep(delay)
            if ACK[target] is not None and ACK[target] in term.text(since_mark=True):
                log.append(step.name)  # the screen said it was done before the kill
                figures.steps_acknowledged += 1
        else:
            time.sleep(delay * 0.2)
        term.signal(signal.SIGKILL)
        term.wait(10)
    figures.kills += 1
    figures.kills_by_step[step.name] += 1
    if any(folder.glob(".*.tmp")):
        figures.kills_leaving_temp_file += 1
        for leftover in folder.glob(".*.tmp"):
            leftover.unlink()
    state, bad = read_state(folder)
    figures.unreadable_files += len(bad)
    figures.problems.extend(bad)
    for name in log:
        done = next(s for s in SCRIPT if s.name == name).done
        if not done(state):
            figures.steps_lost += 1
            figures.problems.append(f"lost after kill in {step.name}: {name}")
    log[:] = sorted(set(log), key=[s.name for s in SCRIPT].index)
    return True


def run(kills: int, seed: int, verbose: bool = False) -> Figures:
    rng = random.Random(seed)
    figures = Figures()
    began = time.monotonic()
    base = Path(tempfile.mkdtemp(prefix="accord-crash-"))
    try:
        run_number = 0
        while figures.kills < kills:
            run_number += 1
            folder = base / f"run{run_number}"
            log: list[str] = []
            while figures.kills < kills:
                try:
                    if not one_life(folder, rng, figures, log):
                        figures.sessions_completed += 1
                        break
                except Stuck as error:
                    figures.stuck += 1
                    figures.problems.append(f"run {run_number}: stuck: {error}")
                    if verbose:
                        print(figures.problems[-1], file=sys.stderr)
                    if figures.stuck > 5:
                        raise
                    break
                if verbose:
                    print(f"kill {figures.kills}: completed {len(log)}, problems "
                          f"{figures.problems[-1:] if figures.problems else None}",
                          file=sys.stderr)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    figures.seconds = time.monotonic() - began
    return figures


def report(figures: Figures, command: str, seed: int) -> str:
    lines = [
        f"Command: `{command}` (seed {seed}), {figures.seconds:.0f} s on this machine.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| SIGKILLs | {figures.kills} |",
        f"| ... right after a key that saves (mid-save window) | {figures.kills_after_last_key} |",
        f"| ... that caught a save half-written (temp file left) | "
        f"{figures.kills_leaving_temp_file} |",
        f"| steps acknowledged on screen before a kill | {figures.steps_acknowledged} |",
        f"| **completed steps lost** | **{figures.steps_lost}** |",
        f"| **files unreadable after a kill** | **{figures.unreadable_files}** |",
        f"| resumes with `accord resume` | {figures.resumes} |",
        f"| resumes showing the wrong step | {figures.resumes_wrong_screen} |",
        f"| whole sessions finished despite the kills | {figures.sessions_completed} |",
        f"| runs where the script got stuck (harness) | {figures.stuck} |",
        "",
        "Kills per step: " + ", ".join(
            f"{s.name} {figures.kills_by_step.get(s.name, 0)}" for s in SCRIPT) + ".",
    ]
    if figures.problems:
        lines += ["", "Problems:", ""] + [f"- {p}" for p in figures.problems[:20]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.reliability.crash")
    parser.add_argument("--full", action="store_true", help="at least 200 kills")
    parser.add_argument("--kills", type=int, help="how many kills (default 6, or 200 with --full)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--report", action="store_true", help="write docs/reliability.md")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    kills = args.kills or (200 if args.full else 6)
    figures = run(kills, args.seed, args.verbose)
    command = "python -m tests.reliability.crash" + (" --full" if args.full else "") + (
        f" --kills {args.kills}" if args.kills else "")
    text = report(figures, command, args.seed)
    print(text)
    if args.report:
        from tests.reliability.doc import update_section

        update_section("crash", text)
    ok = figures.steps_lost == 0 and figures.unreadable_files == 0 and figures.kills >= kills
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
