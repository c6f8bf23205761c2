"""Train and evaluate the learned feelings guess (accord.language.learned_feelings).

One logistic regression per frequent gold feeling over learned.features() (the statement's
words, word pairs and stems plus what the lexicon engine found). At run time a feeling at or
above the threshold is added as a guess, right after the stated feelings, only when the
lexicon engine states fewer than two (learned_feelings.merge). Training uses numpy (this
script only; the package reads the weights with the standard library).

Run:
  python benchmarks/language/train_feelings.py --lobo   # batches 18-22 held out in turn
                                                        # (trained on all other batches);
                                                        # picks the threshold
  python benchmarks/language/train_feelings.py --ship   # train on every batch, write
                                                        # src/accord/language/lexicons/feelings.json
                                                        # (with the threshold --lobo picks)
  (--exclude N leaves batch N out of everything)
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))

from train_ranker import load  # noqa: E402  (the statements, with batches 1 and 2 named)

from accord.language import engine, learned_feelings  # noqa: E402
from accord.language.learned import features  # noqa: E402

OUT = ROOT / "src" / "accord" / "language" / "lexicons" / learned_feelings.WEIGHTS_FILE
PARAMS = {"min_count": 15, "min_df": 3, "l2": 3e-3, "iters": 250, "lr": 0.05, "prune": 0.1}
# (prune 0.02 gave a 1 MB file and 0.831 held out; 0.1: 0.26 MB, 0.823, a third of the time)
LOBO_BATCHES = (18, 19, 20, 21, 22)
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 1.01)


def featurize(items: list[dict]) -> None:
    """Features and the engine's own analysis, without any learned feelings."""
    saved = learned_feelings.model
    learned_feelings.model = lambda: None
    try:
        for it in items:
            tokens, found = engine.lexicon_found(it["text"])
            it["_x"] = features(tokens, found)
            a = engine.analyze(it["text"])
            it["_a"] = a
            it["_feelings"] = tuple(a.feelings)
            it["_stated"] = tuple(a.stated_feelings)
    finally:
        learned_feelings.model = saved


def _logreg(x: np.ndarray, y: np.ndarray, l2: float, iters: int, lr: float) -> np.ndarray:
    """Multi-output logistic regression (Adam); weights with the bias in the last row."""
    n = x.shape[0]
    xb = np.hstack([x, np.ones((n, 1))])
    mask = np.ones((xb.shape[1], 1))
    mask[-1] = 0.0
    w = np.zeros((xb.shape[1], y.shape[1]))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, iters + 1):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        g = xb.T @ (p - y) / n + l2 * w * mask
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w = w - lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
    return w


def train(items: list[dict], threshold: float) -> dict:
    counts: Counter[str] = Counter()
    for it in items:
        counts.update(set(it["feelings"]))
    labels = sorted(f for f, c in counts.items() if c >= PARAMS["min_count"])
    df: Counter[str] = Counter()
    for it in items:
        df.update(it["_x"].keys())
    feats = sorted(f for f, c in df.items() if c >= PARAMS["min_df"])
    col = {f: i for i, f in enumerate(feats)}
    x = np.zeros((len(items), len(feats)), dtype=np.float32)
    for r, it in enumerate(items):
        for f, v in it["_x"].items():
            if f in col:
                x[r, col[f]] = v
    y = np.array([[1.0 if f in it["feelings"] else 0.0 for f in labels] for it in items],
                 dtype=np.float32)
    w = _logreg(x, y, PARAMS["l2"], PARAMS["iters"], PARAMS["lr"])
    weights: dict[str, list[list[float]]] = {}
    for f, i in col.items():
        row = [[k, round(float(w[i, k]), 3)] for k in range(len(labels))
               if abs(w[i, k]) >= PARAMS["prune"]]
        if row:
            weights[f] = row
    return {
        "about": "Logistic-regression weights for accord.language.learned_feelings; written "
                 "by benchmarks/language/train_feelings.py --ship. Do not edit by hand.",
        "trained_on": len(items),
        "feelings": labels,
        "bias": [round(float(b), 3) for b in w[-1]],
        "weights": weights,
        "threshold": threshold,
    }


def hit(items: list[dict], model: learned_feelings.FeelingsModel | None) -> float:
    hits = []
    for it in items:
        if not it["feelings"]:
            continue
        feelings = it["_feelings"]
        if model is not None:
            feelings = engine.with_learned_feelings(model, it["_a"], it["_x"])
        hits.append(1.0 if set(feelings) & set(it["feelings"]) else 0.0)
    return statistics.fmean(hits) if hits else 0.0


def first_guess(items: list[dict]) -> float:
    """Where no feeling is stated: share whose first feeling (the one the listener's prompt
    offers as a guess) is in the gold list."""
    right = [1.0 if it["_feelings"] and it["_feelings"][0] in it["feelings"] else 0.0
             for it in items if it["feelings"] and not it["_stated"]]
    return statistics.fmean(right) if right else 0.0


def lobo(items: list[dict]) -> float:
    """Each of batches 18-22 held out in turn; returns the threshold with the best pooled
    held-out hit and prints the figures."""
    per: dict[float, list[tuple[int, float]]] = {t: [] for t in THRESHOLDS}
    base = []
    pooled: dict[float, list[dict]] = {}
    for b in LOBO_BATCHES:
        tr = [it for it in items if it["batch"] != b]
        te = [it for it in items if it["batch"] == b]
        data = train(tr, 0.5)
        base.append((b, hit(te, None)))
        for t in THRESHOLDS:
            data["threshold"] = min(t, 0.999)
            mdl = learned_feelings.FeelingsModel(data) if t < 1 else None  # 1.01: no model
            per[t].append((b, hit(te, mdl)))
            pooled.setdefault(t, []).extend(
                [dict(it, _feelings=engine.with_learned_feelings(mdl, it["_a"], it["_x"]))
                 if mdl is not None else it for it in te]
            )
    te_all = [it for it in items if it["batch"] in LOBO_BATCHES]
    print("threshold  " + "  ".join(f"b{b:<5}" for b in LOBO_BATCHES)
          + "  pooled  first guess right (no feeling stated)")
    print("lexicon    " + "  ".join(f"{h:.3f} " for _b, h in base)
          + f"  {hit(te_all, None):.3f}   {first_guess(te_all):.3f}")
    best, best_hit = 1.01, -1.0
    for t in THRESHOLDS:
        ph = hit(pooled[t], None)
        print(f"{t:<9}  " + "  ".join(f"{h:.3f} " for _b, h in per[t])
              + f"  {ph:.3f}   {first_guess(pooled[t]):.3f}")
        if ph > best_hit + 1e-9:
            best, best_hit = t, ph
    print(f"best threshold {best} (pooled held-out feelings hit {best_hit:.3f})")
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lobo", action="store_true")
    ap.add_argument("--ship", action="store_true")
    ap.add_argument("--threshold", type=float, default=None,
                    help="ship with this threshold instead of running --lobo first")
    ap.add_argument("--exclude", type=int, action="append", default=[])
    args = ap.parse_args(argv)
    items = [it for it in load() if it["batch"] not in args.exclude]
    featurize(items)
    threshold = args.threshold
    if args.lobo or (args.ship and threshold is None):
        threshold = lobo(items)
    if args.ship:
        data = train(items, threshold)
        OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {OUT} ({len(data['feelings'])} feelings, {len(data['weights'])} "
              f"features, threshold {threshold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
