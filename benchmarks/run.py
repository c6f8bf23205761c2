"""Run every benchmark, print the figures, and rewrite docs/performance.md with them.

    python benchmarks/run.py            # everything (several minutes)
    python benchmarks/run.py --quick    # fewer repeats, for a first look
    python benchmarks/run.py save engine  # only some benchmarks (docs not rewritten)

Needs the ``bench`` extra (``pip install -e ".[bench]"``). Screens are measured through a real
pseudo-terminal (see term.py); saving and the engine in-process. Synthetic data comes from
synth.py (seeded) and is cached under the system's temporary folder.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402
from term import Terminal  # noqa: E402

from accord.domain import rules  # noqa: E402
from accord.domain.model import Couple, Landed  # noqa: E402
from accord.storage.store import Store  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "accord-bench-v2"
ACCORD = str(Path(sys.executable).with_name("accord"))
MINIMAL = [sys.executable, str(HERE / "minimal_app.py")]
F1 = b"\x1bOP"
HOME = "Paused sessions"
HELP = "What to do now"

REPEATS = 5
COLD_REPEATS = 11  # launches are cheap and the yardstick itself varies by 10-20% run to run


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"


def load() -> str:
    return "/".join(f"{n:.1f}" for n in os.getloadavg())


def couple_file(folder: Path) -> None:
    Store(folder).save_couple(Couple(names=["Mara", "Teo"], safety_notice_seen=True))


_MADE: list[Path] = []  # fresh folders, removed when the run ends


def fresh(name: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=f"accord-bench-{name}-"))
    _MADE.append(folder)
    return folder


@atexit.register
def _remove_fresh_folders() -> None:
    for folder in _MADE:
        shutil.rmtree(folder, ignore_errors=True)


def history_folder(count: int) -> Path:
    """``count`` sessions with four agreements each (generated once and kept; the benchmarks
    only read them)."""
    cached = CACHE / f"history-{count}"
    if not (cached / "couple.toml").exists():
        shutil.rmtree(cached, ignore_errors=True)
        cached.mkdir(parents=True)
        print(f"  (generating {count} sessions once, cached in {cached})", flush=True)
        synth.history(cached, count)
        old = time.time() - 3600
        for path in cached.iterdir():
            os.utime(path, (old, old))
    return cached


def long_folder(turns: int) -> tuple[Path, str]:
    folder = fresh(f"long-{turns}")
    session = synth.long_session(turns)
    Store(folder).save(session)
    couple_file(folder)
    old = time.time() - 3600
    for path in folder.iterdir():
        os.utime(path, (old, old))
    return folder, session.id


# -- 1. cold start --------------------------------------------------------------------------


def start_once(argv: list[str], env: dict, marker: str, answer: str, key: bytes) -> dict:
    """Launch, wait for ``marker``, press ``key`` at once, wait for ``answer``."""
    term = Terminal(argv, env)
    try:
        painted = term.wait_for(marker)
        term.press(key)
        answered = term.wait_for(answer)
        rss = term.peak_rss_mb()
    finally:
        term.close()
    return {"paint": painted - term.started, "ready": answered - term.started, "rss": rss}


def minimal_start() -> dict:
    return start_once(MINIMAL, {}, "Minimal app ready", "Key received", F1)


def accord_start(folder: Path, marker: str = HOME) -> dict:
    return start_once([ACCORD], {"ACCORD_DATA_DIR": str(folder)}, marker, HELP, F1)


def bench_cold_start(repeats: int, folders: dict[str, Path]) -> dict:
    """Each case alternates with the minimal app, so both see the same machine load."""
    cases = {name: [] for name in folders}
    base = []
    for _ in range(repeats):
        for name, folder in folders.items():
            base.append(minimal_start())
            marker = "Welcome to accord" if name == "empty" else HOME
            cases[name].append(accord_start(folder, marker))
    base_ready = statistics.median(r["ready"] for r in base)
    out = {"minimal_ready": base_ready, "cases": {}, "repeats": repeats,
           "minimal_paint": statistics.median(r["paint"] for r in base)}
    for name, runs in cases.items():
        ready = statistics.median(r["ready"] for r in runs)
        out["cases"][name] = {
            "ready": ready, "paint": statistics.median(r["paint"] for r in runs),
            "ratio": ready / base_ready, "rss": max(r["rss"] for r in runs),
        }
    return out


# -- 2. typing ------------------------------------------------------------------------------

SENTENCES = [
    "I feel tired when plans change late",
    "and I need us to ask each other first",
    "I get worried when the bills wait",
    "Mostly I feel alone on Sunday nights",
]


def bench_typing(folder: Path | None, session_id: str, repeats: int) -> dict:
    """Type whole sentences into the talk screen of a 500-turn session; time every key.

    With ``folder`` None, the same typing goes to the minimal TextArea app instead."""
    if folder is None:
        term = Terminal([sys.executable, str(HERE / "minimal_typing.py")])
        ready = "Minimal typing ready"
    else:
        term = Terminal([ACCORD, "resume", session_id], {"ACCORD_DATA_DIR": str(folder)})
        ready = "what do you want"
    normal, after_coach, on_save = [], [], []
    rng = random.Random(6)
    try:
        term.wait_for(ready)
        term.settle()
        line = 0
        for _ in range(repeats):
            for sentence in SENTENCES:
                line += 1
                text = f"q{line:02d} {sentence}"
                typed = ""
                paused_for_coach = False
                for char in text:
                    typed += char
                    sent = term.press(char)
                    want = typed
                    seen = term.wait_for(lambda screen, w=want: w in screen, timeout=10)
                    latency = seen - sent
                    if paused_for_coach:
                        after_coach.append(latency)
                    else:
                        normal.append(latency)
                    paused_for_coach = char == " " and rng.random() < 0.3
                    time.sleep(0.5 if paused_for_coach else rng.uniform(0.06, 0.14))
                # Stop long enough for the draft to be saved (2 s), and type into the save.
                time.sleep(rng.choice([1.99, 2.0, 2.01, 2.02, 2.04]))
                sent = term.press("\r")
                seen = term.wait_for(lambda screen, t=text: screen.count(t) == 1, timeout=10)
                on_save.append(seen - sent)
                time.sleep(0.1)
        rss = term.peak_rss_mb()
    finally:
        term.close()
    saved = json.dumps(Store(folder).load(session_id).floor.draft) if folder else ""
    everything = normal + after_coach + on_save
    return {
        "keys": len(everything), "p50": pct(everything, 50), "p95": pct(everything, 95),
        "max": max(everything), "coach_p95": pct(after_coach, 95), "coach_n": len(after_coach),
        "save_p95": pct(on_save, 95), "save_max": max(on_save), "save_n": len(on_save),
        "draft_saved": "q0" in saved, "rss": rss,
    }


# -- 3. saving ------------------------------------------------------------------------------


def bench_save(turns: int, steps: int) -> dict:
    import tomli_w

    from accord.storage import render as render_module
    from accord.storage.codec import session_to_dict
    from accord.storage.render import render_session

    folder = fresh("save")
    session = synth.long_session(turns)
    store = Store(folder)
    now = session.updated + timedelta(minutes=1)
    rules.resume(session, now)
    size = len(store.save(session).read_bytes())
    first_store = Store(folder)  # a store that has not seen this session yet
    started = time.perf_counter()
    first_store.save(session)
    first = time.perf_counter() - started
    # That store wrote the file behind this one's back, so this one would re-read it
    # (never overwrite a file it cannot read) on its next save: let that happen untimed.
    store.save(session)
    plain = []
    for _ in range(5):
        started = time.perf_counter()
        tomli_w.dumps(session_to_dict(session), multiline_strings=True)
        plain.append(time.perf_counter() - started)
    times, renders = [], []

    def timed_render(*args):  # rendering alone, timed inside the real save
        started = time.perf_counter()
        text = render_session(*args)
        renders.append(time.perf_counter() - started)
        return text

    rng = random.Random(6)
    render_module.render_session = timed_render  # the store imports it from there as it saves
    for step in range(steps):
        now += timedelta(seconds=30)
        kind = step % 4
        if kind == 0:
            rules.save_draft(session, synth.sentence(rng)[: 20 + step % 30], now)
        elif kind == 1:
            rules.yield_floor(session, synth.sentence(rng), now,
                              analysis=synth._analysis(synth.sentence(rng)))
        elif kind == 2:
            rules.reflect(session, "So you feel " + synth.sentence(rng)[8:60], now)
        else:
            rules.answer(session, Landed.YES, now)
        started = time.perf_counter()
        store.save(session)
        times.append(time.perf_counter() - started)
    render_module.render_session = render_session
    shutil.rmtree(folder, ignore_errors=True)
    if len(renders) != steps:
        raise RuntimeError(f"rendering was timed in {len(renders)} of {steps} saves")
    return {"turns": turns, "kb": size / 1024, "steps": steps, "p50": pct(times, 50),
            "p95": pct(times, 95), "max": max(times), "first": first,
            "render_p95": pct(renders, 95),
            "plain_dumps": statistics.median(plain)}


# -- 4. resume ------------------------------------------------------------------------------


def bench_resume(folder: Path, repeats: int) -> dict:
    times = []
    for _ in range(repeats):
        term = Terminal([ACCORD], {"ACCORD_DATA_DIR": str(folder)})
        try:
            term.wait_for("1000 turns so far")
            term.settle()
            sent = term.press("r")
            times.append(term.wait_for("what do you want") - sent)
        finally:
            term.close()
    return {"median": statistics.median(times), "max": max(times), "runs": len(times)}


# -- 5. history -----------------------------------------------------------------------------


#: `accord ARGS` as the installed command runs it, reporting its own peak memory as it exits.
#: The peak is read from the process itself (VmHWM): the kernel's figure for a child process
#: also counts the copy of this benchmark's memory it started as, before it became `accord`.
CLI_WITH_PEAK = """
import atexit, sys

def peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                sys.stderr.write(f"peak-kb {line.split()[1]}\\n")

atexit.register(peak)
from accord.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def run_cli(folder: Path, *args: str) -> tuple[float, float, int, float]:
    """Run ``accord ARGS``; wall time, peak RSS in MB, bytes printed, and processor time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.run([sys.executable, "-c", CLI_WITH_PEAK, *args], capture_output=True,
                             env=dict(os.environ, ACCORD_DATA_DIR=str(folder)))
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    peak = [line for line in process.stderr.decode().splitlines() if line.startswith("peak-kb ")]
    if process.returncode != 0 or not peak:
        raise RuntimeError(f"accord {' '.join(args)} failed: {process.stderr.decode()[-500:]}")
    return elapsed, int(peak[-1].split()[1]) / 1024, len(process.stdout), cpu


SEARCH = "mara walk"  # typed one key at a time into the review's search


def search_counts(folder: Path) -> list[int]:
    """How many agreements each prefix of SEARCH leaves shown (the app's own filter)."""
    from accord.storage.index import Index
    from accord.ui.screens.agreements import filtered, index_entries

    entries = index_entries(Index(Store(folder)).scan())
    return [len(filtered(entries, "all", SEARCH[:n])) for n in range(1, len(SEARCH) + 1)]


def review_once(folder: Path, count: int, counts: list[int]) -> dict:
    total = count * 4
    term = Terminal([ACCORD], {"ACCORD_DATA_DIR": str(folder)})
    try:
        home = term.wait_for(HOME) - term.started
        term.wait_for(lambda screen: "Looking through" not in screen)  # its lists are shown
        term.settle()
        sent = term.press("a")
        review = term.wait_for(f"{total} in all") - sent
        term.settle()
        line = next(n for n, text in enumerate(term.screen.display) if "Search:" in text)
        term.press("/")
        term.settle()
        keys = []
        for n, shown in enumerate(counts, start=1):
            typed = SEARCH[:n]
            title = "in all" if shown == total else f"{shown} of {total} shown"

            def done(screen: str, typed=typed, title=title) -> bool:
                return (term.screen.display[line].strip().startswith(typed.strip())
                        and title in screen)

            sent = term.press(SEARCH[n - 1])
            keys.append(term.wait_for(done) - sent)
        rss = term.peak_rss_mb()
    finally:
        term.close()
    return {"home": home, "review": review, "rss": rss, "keys": keys}


def bench_history(sizes: list[int], repeats: int) -> dict:
    out = {}
    for count in sizes:
        folder = history_folder(count)
        (folder / ".accord-index.json").unlink(missing_ok=True)
        first_cli = run_cli(folder, "agreements", "--json")  # reads every file, builds the index
        counts = search_counts(folder)
        runs = [review_once(folder, count, counts) for _ in range(repeats)]
        cli = [run_cli(folder, "agreements", "--json") for _ in range(repeats)]
        out[count] = {
            "home": statistics.median(r["home"] for r in runs),
            "review": statistics.median(r["review"] for r in runs),
            "app_rss": max(r["rss"] for r in runs),
            "search_p50": pct([k for r in runs for k in r["keys"]], 50),
            "search_p95": pct([k for r in runs for k in r["keys"]], 95),
            "search_max": max(k for r in runs for k in r["keys"]),
            "first_cli": first_cli[0],
            "cli": statistics.median(c[0] for c in cli),
            "first_cli_cpu": first_cli[3],
            "cli_cpu": statistics.median(c[3] for c in cli),
            "cli_rss": max(c[1] for c in cli + [first_cli]),
            "json_kb": cli[0][2] / 1024,
        }
    return out


# -- 6. engine ------------------------------------------------------------------------------


def bench_engine(count: int) -> dict:
    from accord import language

    language.warm_up()
    rng = random.Random(6)
    texts = [synth.sentence(rng) + f" {n}" for n in range(count)]
    started = time.perf_counter()
    for text in texts:
        language.analyze(text)
    analyze = time.perf_counter() - started
    return {"count": count, "per_second": count / analyze,
            "mean_chars": statistics.mean(len(t) for t in texts)}


# -- report ---------------------------------------------------------------------------------


def compile_bytecode() -> None:
    """Compile accord's modules once, as installing it does: an editable install run with
    PYTHONDONTWRITEBYTECODE set would otherwise compile every module again at each launch,
    while Textual (installed normally) starts from its compiled files."""
    import compileall

    import accord

    compileall.compile_dir(Path(accord.__file__).parent, quiet=1)


def machine() -> dict:
    return {
        "cores": os.cpu_count(), "python": platform.python_version(),
        "textual": metadata.version("textual"), "system": f"{platform.system()} "
        f"{platform.machine()}", "load_before": load(),
    }


def write_report(results: dict, path: Path) -> None:
    m = results["machine"]
    lines = [
        "# Performance",
        "",
        "How fast accord feels, measured. Generated by `python benchmarks/run.py` "
        "(needs `pip install -e \".[bench]\"`); do not edit by hand.",
        "",
        f"Machine: {m['cores']} cores, {m['system']}, Python {m['python']}, Textual "
        f"{m['textual']}. Run at {results['when']} UTC; load average (1/5/15 min) "
        f"{m['load_before']} before and {m['load_after']} after. The machine was shared with "
        "other work, so figures vary between runs; each is a median or percentile of several "
        "runs as stated.",
        "",
        *(["Measured again later, on their own: "
           + "; ".join(f"{part} at {u['when']} UTC (load {u['machine']['load_before']} "
                       f"before, {u['machine']['load_after']} after)"
                       for part, u in results["updated"].items()) + ".", ""]
          if results.get("updated") else []),
        "Screens are measured through a real pseudo-terminal: the app is started as a user "
        "starts it (the `accord` command), its output is fed to the `pyte` terminal emulator, "
        "and the time taken is when the output that puts the expected text on the emulated "
        "screen reached the terminal. pyte's own reading of that output is not counted: "
        "written in Python, it takes about 15 ms to take in one full 100x30 frame, where a "
        "real terminal needs well under a millisecond. Data is "
        "synthetic (benchmarks/synth.py, seeded, invented sentences).",
        "",
    ]

    def table(title: str, command: str, rows: list[tuple], note: str = "") -> None:
        lines.extend([f"## {title}", "", f"Command: `{command}`", "",
                      "| Measure | Figure | Target | Met |", "|---|---|---|---|"])
        for row in rows:
            met = "" if len(row) < 4 else ("yes" if row[3] else "**no**")
            lines.append(f"| {row[0]} | {row[1]} | {row[2]} | {met} |")
        lines.append("")
        if note:
            lines.extend([note, ""])

    if "cold_start" in results:
        r = results["cold_start"]
        rows = [("Minimal Textual app (Static + Footer): launch to responding to a key",
                 ms(r["minimal_ready"]), "the yardstick")]
        for name, label, target in [("empty", "empty data folder (welcome notice)", "≤ 1.25"),
                                    ("5000", "5,000 sessions (index built)", "≤ 1.5")]:
            if name in r["cases"]:
                c = r["cases"][name]
                rows.append((f"accord, {label}: ratio to minimal", f"{c['ratio']:.2f} "
                             f"({ms(c['ready'])}; first paint {ms(c['paint'])})", target,
                             c["ratio"] <= float(target[2:])))
        table("1. Cold start", "python benchmarks/run.py cold_start", rows,
              "Time from launching the program until its first screen is drawn and a key "
              "pressed at that moment (F1) has been answered on screen, median of "
              f"{r.get('repeats', results['repeats'])} launches of each, "
              "alternating with the minimal app.")
    if "typing" in results:
        r = results["typing"]
        table("2. Typing", "python benchmarks/run.py typing", [
            (f"Keystroke to screen, all {r['keys']} keys, p50", ms(r["p50"]), ""),
            ("Keystroke to screen, p95", ms(r["p95"]), "≤ 50 ms", r["p95"] <= 0.05),
            ("Same typing into a minimal Textual app (a TextArea), p50 / p95",
             f"{ms(r['minimal']['p50'])} / {ms(r['minimal']['p95'])}", "the yardstick"),
            ("Worst key", ms(r["max"]), ""),
            (f"First key after a pause long enough for coaching ({r['coach_n']} keys), p95",
             ms(r["coach_p95"]), "≤ 50 ms", r["coach_p95"] <= 0.05),
            (f"Key pressed as the draft is being saved ({r['save_n']} keys), p95 / worst",
             f"{ms(r['save_p95'])} / {ms(r['save_max'])}", "≤ 50 ms", r["save_p95"] <= 0.05),
            ("Draft was saved to the file meanwhile", "yes" if r["draft_saved"] else "no", "yes",
             r["draft_saved"]),
        ], "A 500-turn session resumed at the talk step (live coaching on, as always); the "
           "speaker types sentences at 7 to 16 keys a second, sometimes pausing half a second "
           "(coaching runs after 0.4 s), and after each sentence stops for about 2 s so the "
           "draft is saved, then presses Enter right as the save happens.")
    if "save" in results:
        r = results["save"]
        table("3. Saving", "python benchmarks/run.py save", [
            (f"Save after a step, {r['turns']}-turn session ({r['kb']:.0f} KB), p50",
             ms(r["p50"]), ""),
            (f"Save after a step, p95 ({r['steps']} steps)", ms(r["p95"]), "≤ 10 ms",
             r["p95"] <= 0.01),
            ("Of which rendering the text (the rest is writing, fsync and rename), p95",
             ms(r["render_p95"]), ""),
            ("Worst save", ms(r["max"]), ""),
            ("First save of a session (nothing cached yet)", ms(r["first"]), ""),
            ("For comparison: tomli_w.dumps of the whole file", ms(r["plain_dumps"]), ""),
        ], "In-process `Store.save` (render, write to a temporary file, fsync, rename, fsync the "
           "folder) after each real rule change: a draft, a statement, a reflection, an answer. "
           "Whether saving blocks typing is measured under Typing.")
    if "resume" in results:
        r = results["resume"]
        table("4. Resume", "python benchmarks/run.py resume", [
            ("1,000-turn paused session: r on the home screen to the talk screen, median",
             ms(r["median"]), "≤ 300 ms", r["median"] <= 0.3),
            ("Worst of the runs", ms(r["max"]), ""),
        ], f"{r['runs']} launches.")
    if "history" in results:
        h = results["history"]
        rows = []

        def target(count, mb: float) -> tuple:
            return ("≤ 200 MB", mb <= 200) if int(count) == 5000 else ("",)

        for count, r in h.items():
            rows += [
                (f"{int(count):,} sessions: home screen (launch to drawn)", ms(r["home"]), ""),
                (f"{int(count):,} sessions: agreements review, first paint", ms(r["review"]),
                 *(("≤ 50 ms", r["review"] <= 0.05) if int(count) == 5000 else ("",))),
                (f"{int(count):,} sessions: search as you type in the review, per key p50 / p95 "
                 "(worst)", f"{ms(r['search_p50'])} / {ms(r['search_p95'])} "
                 f"({ms(r['search_max'])})",
                 *(("p95 ≤ 50 ms", r["search_p95"] <= 0.05) if int(count) == 5000 else ("",))),
                (f"{int(count):,} sessions: app peak memory (home, then the review)",
                 f"{r['app_rss']:.0f} MB", *target(count, r["app_rss"])),
                (f"{int(count):,} sessions: `accord agreements --json`, first run (reads every "
                 "file, builds the index) / later; processor time in brackets",
                 f"{ms(r['first_cli'])} ({ms(r['first_cli_cpu'])}) / {ms(r['cli'])} "
                 f"({ms(r['cli_cpu'])})", ""),
                (f"{int(count):,} sessions: `accord agreements --json` peak memory",
                 f"{r['cli_rss']:.0f} MB", *target(count, r["cli_rss"])),
            ]
        table("5. History at scale", "python benchmarks/run.py history", rows,
              "Each session has 10 to 40 turns and four agreements both confirmed (every 50th "
              "is paused). Medians of three runs. Home screen: from launch until it is drawn "
              "(with more than 100 sessions its lists are filled in from a background thread "
              "just after). Agreements review: from pressing a on the home screen (once its "
              "lists are shown) until \"N in all\" is on screen (20,000 agreements at 5,000 "
              "sessions). Search: "
              f"\"{SEARCH}\" typed one key at a time, each key timed until the search box "
              "shows it and the count of matching agreements is on screen (three runs of "
              f"{len(SEARCH)} keys). The `accord agreements --json` first run reads every file "
              "and builds the index (its folder's index is removed first); later runs read the "
              "index. Peak memory is the program's own high-water mark (VmHWM, read as it "
              "exits); until 2026-11-22 the report took the kernel's figure for the child "
              "process, which also counted the benchmark's own memory it was started from, "
              "and read up to 45 MB high.")
    if "engine" in results:
        r = results["engine"]
        table("6. Reflection engine", "python benchmarks/run.py engine", [
            (f"analyze(), statements per second ({r['count']} statements, "
             f"{r['mean_chars']:.0f} characters on average)", f"{r['per_second']:,.0f}", ""),
        ], "In-process, after warm_up(), each statement different.")
    lines.extend(NOTES.splitlines())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


NOTES = """
## What keeps accord fast

Profiled first (`python -X importtime -c "import accord.ui.app"`, pyinstrument and cProfile on
a save loop, on resuming and on the agreements review), then changed only what the profiles
pointed at:

- **Saving** spent almost all its time in `tomli_w.dumps` of the whole file. Now each turn is
  rendered with tomli_w once and its text reused while the turn equals a kept copy of it
  (`storage/render.py`); the output is byte for byte what `tomli_w.dumps` of the whole file
  gives (a property test checks this on many generated sessions and across edits). The data
  format is unchanged. The kept copy shares the turn's unchangeable values (text, times,
  enums) and copies only what can change, so comparing 500 unchanged turns takes under 1 ms;
  what is left is mostly the write itself (temporary file, fsync, rename, fsync of the
  folder). A session read from its file is primed from the file's own text, so even its
  first save renders nothing again.
- **Saving stays on the UI thread, synchronously.** A background writer thread was tried; it
  let the screen move on before a step was on disk, so a kill at the wrong moment could lose a
  step that was already shown as done, which the crash-safety promise does not allow. So the
  screen waits for the save; the save figures above are what that wait costs.
- **History** is summarised in `.accord-index.json` in the data folder (`storage/index.py`):
  each session file's summary with its signature (modification time, size, inode): its row
  in `accord sessions`, its agreements' rows with the text a search looks through, and what
  the home screen's due list and check-in date need. A scan `stat`s every file and reads only
  new or changed ones; a missing, damaged, older or unwritable index is rebuilt or done
  without; the session files stay the only truth. The running app keeps one index in memory,
  so a rescan while nothing changed is only the `stat`s. The home screen, the agreements
  review, `accord sessions|resume|agreements` all use it; a session file is read only when
  one session or agreement is opened (and `accord agreements --ics`, which needs whole
  sessions). With more than 100 session files the scan runs in a thread; the review shows the
  last scan at once and the fresh one when it is done. The review's table
  (`ui/widgets/row_table.py`) keeps no rows: it asks for the cells of a row only while that
  row is on screen, so a search redraws one screenful whatever the number of agreements
  (Textual's DataTable was cleared and refilled on every key and drew each cell through
  Rich). The search is followed inside the key press, so the letter, the count and the rows
  reach the screen in one frame; a search that only adds letters narrows the previous
  result, and a key that leaves the same agreements shown draws nothing again. The review's
  CSS is given as the screen's default CSS, which spares Textual parsing every stylesheet
  of the app again when it first opens; the style sheets of the review and its widgets are
  read into the app's a moment after the home screen's lists are shown, so pressing a does
  not wait for them, and the review focuses its table at once (Textual would focus the
  search box first, and moving on from it restyled both and redrew the footer's keys).
  The review's filter row is one widget (`ui/widgets/filter_tabs.py`) that draws what
  Textual's Tabs drew with ten (five tabs, the bar and three containers): mounting, styling
  and laying those out was about a third of the review's first paint. Textual restyles every
  widget of a screen when it is shown, though a screen just mounted has had each widget
  styled as it was mounted; the review skips that the first time. The garbage collector
  waits until the review's first frame is drawn: with 100 sessions or fewer the folder is
  read on the UI thread at start-up, so nothing is set aside with `gc.freeze()` and
  everything the start-up made (26,000 objects, against 9,600 with a longer history) was
  still being looked through by the collector's passes when a was pressed (one such pass
  took 12 ms), the likeliest reason the review opened more slowly at 100 sessions than at
  5,000.
  The home screen lists the first 20 agreements to look at.
- **Resume**: while the home screen is up, the paused session at the top of its list is read
  in a thread, its turns' text taken from the file (checked to be laid out as accord writes
  it, otherwise rendered), and its screen's module imported; pressing r uses it if the file
  has not changed since (or waits for the read under way). Reading a 1,000-turn file is
  about 0.3 s of TOML parsing on this machine, so r pressed before that is done waits for it.
- **Start-up**: Python's garbage collector is held off while the first screen is
  built (loaded modules are set aside with `gc.freeze()`; after the first frame, what is alive
  then, some 15,000 objects of the app and its first screen, is set aside too, and collection
  resumes); the theme and the home screen's style sheet are read with the app's own, so the
  style sheets are parsed fewer times; the data folder's permissions are checked in a thread
  half a second after start; on a first run the home screen is built when the welcome
  closes, not under it. Plain `accord` builds no argument parser (argparse is imported only
  when there are arguments), imports the data model once the collector is held off, and loads
  no TOML reader or writer until a file is read or written (a first run has none); the help
  has its scroll bar from its first layout, so it is laid out and drawn once, not three
  times. A session's classes (`accord/domain/session.py`; making its 14 dataclasses took
  about 8 ms), the rules, the session codec and the renderer are imported only once a
  session is read, written or changed: the welcome and the home screen need only the couple's
  file (`storage/couple_codec.py`), and with a long history the summary index is imported by
  the background scan. The footer's keys are rebuilt only when what they show changes, and
  never behind another screen (Textual's footer rebuilt them whenever focus moved or the
  screen was covered, which laid the home screen out again behind the help). The benchmark
  compiles accord's bytecode first, as an install does
  (this machine sets `PYTHONDONTWRITEBYTECODE`). A folder with more than 100 session files
  is read in a thread, started 0.3 s
  after the home screen is drawn, so the home screen is there at once and its lists follow.
  The index file is JSON lines, 50 sessions to a line, so that thread gives the UI thread its
  turn between lines (one `json.load` of the 13.6 MB file at 5,000 sessions held the
  interpreter for 150 ms or more, and a key pressed meanwhile waited); the garbage collector
  is held off while the summaries are made and they are then set aside with `gc.freeze()`
  (`accord/lasting.py`; collections during the read had tripled its cost, to 200-360 ms);
  the language engine's word lists and weights (about 0.6 s of work) are loaded in the
  background once a session is opened (or 8 s after start-up), since only sessions use them:
  loaded a second after start-up they slowed whatever came next (the review's first paint at
  5,000 sessions was 163 ms with them, 84-95 ms without); each step's screen is imported only
  when it is first shown.
- **One layout per screen shown**: Textual lays a screen out when it is shown, then on the
  Resize that layout sends to the screen itself lays it out again, and the screen beneath
  too (the welcome under the help, the home screen under the review), while the first keys
  wait. The help and other notices, the welcome, the home screen and the review ignore a
  Resize to the size they are already laid out at (`ui/laid_out.py`); a real change of the
  window's size lays everything out as before.

Most of the rest of a cold start is Python and Textual themselves (importing Textual is about
half of importing the app), and the home screen has more widgets than the minimal app.
Textual lays every screen out a second time just after its first frame (each widget's size
changes from nothing to its first size and asks for a layout): 5-7 ms for the welcome or the
home screen, which a key pressed at once waits for; the minimal app does the same with two
widgets. The
agreements review's remaining time per key is Textual's own frame (layout, compositing the
changed lines, writing them).
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="cold_start typing save resume history engine")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-docs", action="store_true")
    parser.add_argument("--sizes", default="100,1000,5000",
                        help="history: how many sessions, comma-separated")
    parser.add_argument("--report-only", action="store_true",
                        help="rewrite docs/performance.md from benchmarks/results.json")
    parser.add_argument("--update", action="store_true",
                        help="measure only the parts named, keep the others from "
                             "benchmarks/results.json, and rewrite the report")
    args = parser.parse_args()
    if args.report_only:
        results = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
        write_report(results, ROOT / "docs" / "performance.md")
        return
    everything = ["engine", "save", "history", "cold_start", "typing", "resume"]
    chosen = args.only or everything
    compile_bytecode()
    repeats = 3 if args.quick else REPEATS
    results: dict = {"machine": machine(), "repeats": repeats,
                     "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M")}
    print(f"machine: {results['machine']}", flush=True)
    if "engine" in chosen:
        results["engine"] = bench_engine(500 if args.quick else 2000)
        print("engine:", results["engine"], flush=True)
    if "save" in chosen:
        results["save"] = bench_save(500, 100 if args.quick else 400)
        print("save:", results["save"], flush=True)
    if "history" in chosen:
        results["history"] = bench_history([int(n) for n in args.sizes.split(",")], 3)
        print("history:", results["history"], flush=True)
    if "cold_start" in chosen:
        empty = fresh("empty")
        big = history_folder(5000)
        run_cli(big, "sessions")  # make sure the index is there, as after a first launch
        results["cold_start"] = bench_cold_start(3 if args.quick else COLD_REPEATS,
                                                 {"empty": empty, "5000": big})
        print("cold start:", results["cold_start"], flush=True)
    if "typing" in chosen:
        folder, sid = long_folder(500)
        results["typing"] = bench_typing(folder, sid, 2 if args.quick else 3)
        results["typing"]["minimal"] = bench_typing(None, "", 1 if args.quick else 2)
        print("typing:", results["typing"], flush=True)
    if "resume" in chosen:
        folder, _ = long_folder(1000)
        results["resume"] = bench_resume(folder, repeats)
        print("resume:", results["resume"], flush=True)
    results["machine"]["load_after"] = load()
    if args.update:
        kept = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
        measured = {part: results[part] for part in chosen if part in results}
        kept.setdefault("updated", {}).update(
            {part: {"when": results["when"], "machine": results["machine"]}
             for part in measured})
        results = {**kept, **measured}
    if (chosen == everything or args.update) and not args.no_docs:
        write_report(results, ROOT / "docs" / "performance.md")
        (HERE / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
        print("wrote docs/performance.md")


if __name__ == "__main__":
    main()
