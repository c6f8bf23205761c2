"""Evaluate accord's language engine on the labelled statements in statements.toml.

Run:  python benchmarks/language/evaluate.py [--verbose] [--part all|tune|held-out|N] [--no-speed]
                                            [--lexicon-only] [--pool N,M ...]

The engine is measured as shipped: the lexicon engine with the learned need ranker
(lexicons/ranker.json, trained by train_ranker.py on these statements, so the figures of
the batches it was trained on are not held out; see train_ranker.py --cv for those).
--lexicon-only measures the lexicon engine without the learned ranker.

Prints, for all statements, the tuning part, the held-out part (every 4th statement) and
each later batch (batch 3 onwards, each written later and first run blind; see
docs/language.md):
needs recall@3 and precision@3, feelings hit rate, blame precision/recall/F1; then speed
(median microseconds per analyze() on ~300-character statements, statements per second)
and the import-time cost of `import accord.language` measured in a fresh interpreter.

Definitions
  needs recall@3     mean over statements with gold needs of |top3 & gold| / |gold|
  needs precision@3  mean over statements where the engine returned needs of
                     |top3 & gold| / |top3|   (statements with no returned need are counted
                     separately as "needs coverage")
  feelings hit       share of statements with gold feelings where at least one returned
                     feeling is in the gold list
  blame              precision/recall/F1 of "has blame" against the gold flag
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))

from accord.language import analyze  # noqa: E402


def load() -> list[dict]:
    with open(HERE / "statements.toml", "rb") as fh:
        return tomllib.load(fh)["statement"]


def is_held_out(position: int) -> bool:
    """position counts from 1; every 4th statement is held out."""
    return position % 4 == 0


def figures(items: list[dict], predicted) -> dict[str, float]:
    """The figures above for ``items``, given each one's prediction in the same order:
    (ranked needs, feelings or None when feelings are not predicted, has blame)."""
    rec, prec, hits = [], [], []
    tp = fp = fn = 0
    returned = 0
    for it, (needs, feelings, blame) in zip(items, predicted, strict=True):
        top3 = list(needs)[:3]
        gold_n = set(it["needs"])
        if gold_n:
            rec.append(len(set(top3) & gold_n) / len(gold_n))
        if top3:
            returned += 1
            prec.append(len(set(top3) & gold_n) / len(top3))
        if feelings is not None and it["feelings"]:
            hits.append(1.0 if set(feelings) & set(it["feelings"]) else 0.0)
        gb, pb = bool(it["blame"]), bool(blame)
        tp += gb and pb
        fp += pb and not gb
        fn += gb and not pb
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "n": len(items),
        "needs_recall@3": statistics.fmean(rec) if rec else 0.0,
        "needs_precision@3": statistics.fmean(prec) if prec else 0.0,
        "needs_coverage": returned / len(items) if items else 0.0,
        "feelings_hit": statistics.fmean(hits) if hits else 0.0,
        "blame_precision": p,
        "blame_recall": r,
        "blame_f1": f1,
    }


def score(items: list[dict], verbose: bool = False) -> dict[str, float]:
    analyses = [analyze(it["text"]) for it in items]
    if verbose:
        for it, a in zip(items, analyses, strict=True):
            top3 = list(a.needs[:3])
            gold_n = set(it["needs"])
            gb, pb = bool(it["blame"]), a.has_blame
            bad = []
            if gold_n and not set(top3) & gold_n or len(set(top3) & gold_n) < min(2, len(gold_n)):
                bad.append(f"needs {top3} gold {sorted(gold_n)}")
            if it["feelings"] and not set(a.feelings) & set(it["feelings"]):
                bad.append(f"feelings {list(a.feelings)} gold {it['feelings']}")
            if gb != pb:
                bad.append(f"blame {pb} gold {gb} {[(b.kind, b.text) for b in a.blame]}")
            if bad:
                print(f"- {it['text']}")
                for b in bad:
                    print(f"    {b}")
    return figures(items, [(a.needs, a.feelings, a.has_blame) for a in analyses])


def speed(items: list[dict]) -> tuple[float, float]:
    """Median µs per analyze() on ~300-character statements, and statements per second."""
    texts = [it["text"] for it in items]
    long_texts = []
    for i in range(len(texts)):
        s = texts[i]
        k = i + 1
        while len(s) < 280:
            s = s + " " + texts[k % len(texts)]
            k += 1
        long_texts.append(s[:310])
    analyze("warm up")
    for s in long_texts[:20]:
        analyze(s)
    times = []
    for _ in range(3):
        for s in long_texts:
            t0 = time.perf_counter()
            analyze(s)
            times.append(time.perf_counter() - t0)
    med = statistics.median(times) * 1e6
    t0 = time.perf_counter()
    for s in long_texts:
        analyze(s)
    rate = len(long_texts) / (time.perf_counter() - t0)
    return med, rate, statistics.fmean(len(s) for s in long_texts)


_IMPORT_CASES = {
    "import accord.language": ("", "import accord.language"),
    "from accord.language import analyze (engine)": (
        "",
        "from accord.language import analyze, reflection_prompt, coaching_hint",
    ),
    "same, when dataclasses/re/typing are already loaded (as in the app)": (
        "import dataclasses, re, typing, enum, json, argparse",
        "from accord.language import analyze, reflection_prompt, coaching_hint",
    ),
}


def import_costs(runs: int = 9) -> dict[str, float]:
    """Median milliseconds each import adds in a fresh interpreter (bytecode cache allowed)."""
    src = str(ROOT / "src")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", src + "/accord/language"],
                   env=env, check=False)
    out: dict[str, float] = {}
    for name, (pre, stmt) in _IMPORT_CASES.items():
        code = (
            f"import sys, time; sys.path.insert(0, {src!r}); {pre}\n"
            f"t = time.perf_counter(); {stmt}; print((time.perf_counter() - t) * 1000)"
        )
        vals = []
        for _ in range(runs):
            res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 env=env, check=True)
            vals.append(float(res.stdout.strip()))
        out[name] = statistics.median(vals)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list statements with misses")
    ap.add_argument("--part", default="tune",
                    help="which part --verbose lists: all, tune, held-out or a batch number"
                         " (default: tune)")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--pool", action="append", default=[], metavar="N,M",
                    help="also a column for these batches together (e.g. --pool 18,19)")
    ap.add_argument("--lexicon-only", action="store_true",
                    help="without the learned need ranker")
    args = ap.parse_args(argv)
    if args.lexicon_only:
        from accord.language import learned

        learned.ranker = lambda: None

    items = load()
    tune = [it for pos, it in enumerate(items, 1) if not is_held_out(pos)]
    held = [it for pos, it in enumerate(items, 1) if is_held_out(pos)]
    if args.verbose:
        parts = {"all": items, "tune": tune, "held-out": held}
        if args.part in parts:
            part = parts[args.part]
        else:
            part = [it for it in items if str(it.get("batch")) == args.part]
        score(part, verbose=True)
        print()
    rows = [("all", score(items)), ("tune", score(tune)), ("held-out", score(held))]
    for b in sorted({it["batch"] for it in items if "batch" in it}):
        rows.append((f"batch{b}", score([it for it in items if it.get("batch") == b])))
    for spec in args.pool:
        batches = [int(n) for n in spec.split(",")]
        rows.append(("b" + "+".join(map(str, batches)),
                     score([it for it in items if it.get("batch") in batches])))
    keys = ["n", "needs_recall@3", "needs_precision@3", "needs_coverage", "feelings_hit",
            "blame_precision", "blame_recall", "blame_f1"]
    print(f"{'metric':<20}" + "".join(f"{name:>10}" for name, _ in rows))
    for k in keys:
        vals = "".join(
            f"{r[k]:>10d}" if k == "n" else f"{r[k]:>10.3f}" for _, r in rows
        )
        print(f"{k:<20}{vals}")
    if not args.no_speed:
        med, rate, avg_len = speed(items)
        print()
        print(f"speed: median {med:.0f} µs per analyze() on {avg_len:.0f}-character statements,"
              f" {rate:,.0f} statements/second")
        for name, ms in import_costs().items():
            print(f"import: {name}: {ms:.1f} ms (median of 9 fresh interpreters)")
        from accord.language.engine import lexicon

        lexicon.cache_clear()
        t0 = time.perf_counter()
        lexicon()
        print(f"lexicon load and compile (once per process, on first analyze()): "
              f"{(time.perf_counter() - t0) * 1000:.0f} ms")
        from accord.language import learned

        if not args.lexicon_only:
            learned.ranker.cache_clear()
            t0 = time.perf_counter()
            learned.ranker()
            print(f"need ranker weights load (once per process, on first analyze()): "
                  f"{(time.perf_counter() - t0) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
