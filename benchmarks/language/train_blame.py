"""Measure blame detection on text from writers the engine never saw (leave one batch out).

Blame today: the lexicon's rules (engine._find_blame) OR, where they found nothing and set
nothing aside, the learned model of learned.py (words and pairs outside quotes, threshold
0.7, trained by train_ranker.py). This script measures that honestly and tries more general
learned designs in the same conditions.

--cv: for each of batches 16-30 in turn (each written blind by a different writer), every
learned part is trained on ALL the other batches in the file (training batches 31-33
included), the held-out batch is scored, and the held-out statements are then pooled. The
rules were partly written while looking at batches up to 22, so every figure that uses the
rules is optimistic on 16-22; batches 23 to 30 (the "23-30" column) are the only ones the
rules never saw. The learned models alone (no rules) are reported too.

--guards: each design trained on every batch and run on statements the engine's tests hold
must (not) be blame ("we never", self-absolutes, kind words to the partner ...).

Training uses numpy (this script only): ``pip install -e ".[bench]"``.

Run:
  python benchmarks/language/train_blame.py --cv        # before/after tables, per batch
  python benchmarks/language/train_blame.py --grid      # l2 x threshold x margin choices
  python benchmarks/language/train_blame.py --kinds     # precision of each rule kind, 16-30
  python benchmarks/language/train_blame.py --guards    # the designs on the tests' guards
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))

from accord.language.engine import lexicon_found  # noqa: E402
from accord.language.learned import blame_features, stem  # noqa: E402

sys.path.insert(0, str(HERE))
from train_ranker import load  # noqa: E402  (the statements, each with its batch)

HELD = range(16, 31)  # the batches held out in turn: each written blind by a new writer
# the batches written after the last blame rules: the only ones the rules never saw
UNSEEN = range(23, 31)
UNSEEN_NAME = "23-30"

# the learned blame model as shipped (train_ranker.py): words and pairs, used only where the
# rules found nothing, threshold 0.7
BASELINE = {"features": "_old", "decide": "or", "min_df": 2, "l2": 0.01, "iters": 400,
            "lr": 0.1, "threshold": 0.7}
_NEW = {"min_df": 2, "iters": 500, "lr": 0.1, "decide": "model", "margin": None,
        "rule_l2": -1.0}
# The designs tried (each chosen by --grid on the pooled F1 of --cv, see docs/language.md)
DESIGNS: dict[str, dict[str, Any]] = {
    # the rules' kinds as features; the model decides, except that "character" counts
    "A kinds as features": dict(_NEW, features="_kinds_all", l2=0.03, threshold=0.25,
                                trusted=["character"]),
    # words, stems and pairs only; rules of three kinds count, the model decides the rest
    # (whether an "absolute" rule's statement blames, and statements with no rule)
    "B words decide": dict(_NEW, features="_words", l2=0.01, threshold=0.4,
                           trusted=["attunement", "character", "contempt"]),
    # B with the kinds as features under their own stronger penalty, absolute words left
    # out where no absolute rule fired, and, where no rule fired, the words' own summed
    # weight must reach a margin (no blame for want of evidence against it)
    "C B+kinds, margin 0.5": dict(_NEW, features="_kinds_skip", l2=0.01, rule_l2=0.3,
                                  threshold=0.4, margin=0.5,
                                  trusted=["attunement", "character", "contempt"]),
    "D C with margin 1.25": dict(_NEW, features="_kinds_skip", l2=0.01, rule_l2=0.3,
                                 threshold=0.4, margin=1.25,
                                 trusted=["attunement", "character", "contempt"]),
    # every rule counts (as today); the new model only adds, with margin 0.5
    "E rules OR C": dict(_NEW, features="_kinds_skip", l2=0.01, rule_l2=0.3, threshold=0.5,
                         margin=0.5,
                         trusted=["absolute", "attunement", "character", "contempt"]),
}

# Statements the engine's tests hold to be not blame / blame (tests/language/)
GUARDS_NOT = [
    "We never go out anymore.", "I never know what time it is.", "It always rains here.",
    "Of course you can come with me to the scan.", "He's been having a difficult time at work",
    "When was the last time you saw your sister? I think she misses you.",
    "your lazy brother came round again", "of course your mum is welcome for Christmas",
    "my husband's mother has a key and walks in whenever she likes",
    "Guess who got the job! Me!", "He goes running every morning. Every single day.",
    "Ten years and he still makes me laugh every day",
    "she told me 'you're useless' and I just stood there",
]
GUARDS_BLAME = ["He never listens to me and I feel invisible.", "you never listen",
                "You're so selfish.", "What do you actually do with your money?"]

# Words of absolutes: the rules decide whether one is aimed at the partner ("you never ..."
# against "we never ...", "it always rains"); design C reads a statement without them where
# the rules found no absolute blame.
ABSOLUTES = frozenset({
    "always", "never", "every", "everything", "everyone", "everybody", "whenever",
    "constantly", "continually", "continuously", "forever", "nonstop", "perpetually",
    "invariably",
})


def word_features(tokens: list[Any], skip_absolutes: bool = False) -> dict[str, float]:
    """Words, rough stems (learned.stem) and pairs of one sentence, outside quotes."""
    x: dict[str, float] = {}
    prev = None
    prev_sent = -1
    for t in tokens:
        w = t.word
        if t.quoted or not w[0].isalnum() or skip_absolutes and w in ABSOLUTES:
            prev = None
            continue
        x["w:" + w] = 1.0
        x["s:" + (stem(w) if w[0].isalpha() else w)] = 1.0
        if prev is not None and t.sent == prev_sent:
            x["b:" + prev + "_" + w] = 1.0
        prev, prev_sent = w, t.sent
    return x


def rule_features(kinds: tuple[str, ...], aside: bool) -> dict[str, float]:
    x = {"kind:" + k: 1.0 for k in kinds}
    if kinds:
        x["rule"] = 1.0
    if aside:
        x["aside"] = 1.0
    return x


def featurize(items: list[dict]) -> None:
    for it in items:
        tokens, found = lexicon_found(it["text"])
        kinds = tuple(found["blame_kinds"])
        aside = bool(found["blame_set_aside"])
        it["_kinds"] = kinds
        it["_aside"] = aside
        it["_old"] = blame_features(tokens)
        it["_words"] = word_features(tokens)
        rules = rule_features(kinds, aside)
        it["_kinds_all"] = {**it["_words"], **rules}
        it["_kinds_skip"] = {**word_features(tokens, "absolute" not in kinds), **rules}


def _logreg(rows: list[dict[str, float]], y: np.ndarray, min_df: int, l2: float,
            iters: int, lr: float, rule_l2: float = -1.0) -> tuple[dict[str, float], float]:
    """Sparse logistic regression by full-batch Adam; returns (weights, bias)."""
    df: Counter[str] = Counter()
    for x in rows:
        df.update(x.keys())
    feats = sorted(f for f, c in df.items() if c >= min_df)
    col = {f: i for i, f in enumerate(feats)}
    ri, ci, vals = [], [], []
    for r, x in enumerate(rows):
        for f, v in x.items():
            c = col.get(f)
            if c is not None:
                ri.append(r)
                ci.append(c)
                vals.append(v)
    ri_a, ci_a, v_a = np.array(ri), np.array(ci), np.array(vals, dtype=float)
    n, d = len(rows), len(feats)
    # the rules' findings may get their own (stronger) penalty, so that the words keep weight
    pen = np.array([rule_l2 if rule_l2 >= 0 and f.startswith(("kind:", "rule", "aside")) else l2
                    for f in feats])
    w = np.zeros(d + 1)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, iters + 1):
        z = np.bincount(ri_a, weights=v_a * w[ci_a], minlength=n) + w[d]
        p = 1.0 / (1.0 + np.exp(-z))
        r = (p - y) / n
        g = np.empty_like(w)
        g[:d] = np.bincount(ci_a, weights=v_a * r[ri_a], minlength=d) + pen * w[:d]
        g[d] = r.sum()
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w = w - lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
    return {f: float(w[i]) for f, i in col.items()}, float(w[d])


def _prob(weights: dict[str, float], bias: float, x: dict[str, float]) -> tuple[float, float]:
    """The probability, and the summed weight of the words alone (w:, s:, b:)."""
    ev = sum(weights.get(f, 0.0) * v for f, v in x.items() if f[:2] in ("w:", "s:", "b:"))
    z = bias + sum(weights.get(f, 0.0) * v for f, v in x.items())
    return (1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0), ev


def prf(gold: list[bool], pred: list[bool]) -> tuple[float, float, float, int]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), len(gold)


# ------------------------------------------------------------------- how blame is decided


def decide(it: dict, p: tuple[float, float], params: dict) -> bool:
    """Blame for one statement, given the model's (probability, words' summed weight)."""
    how = params["decide"]
    if how == "rules":
        return bool(it["_kinds"])
    if how == "alone":  # the learned model alone, nothing of the rules
        return p[0] >= params["threshold"]
    if how == "or":  # as shipped: the rules' blame, or the model's where they found none
        return bool(it["_kinds"]) or not it["_aside"] and p[0] >= params["threshold"]
    # "model": a trusted kind counts; words set aside (and nothing else) never do; where no
    # rule fired, the words must weigh at least the margin; then the model decides
    if set(params["trusted"]) & set(it["_kinds"]):
        return True
    if it["_aside"] and not it["_kinds"]:
        return False
    if params["margin"] is not None and not it["_kinds"] and p[1] < params["margin"]:
        return False
    return p[0] >= params["threshold"]


def fit(items: list[dict], params: dict) -> tuple[dict[str, float], float]:
    y = np.array([1.0 if it["blame"] else 0.0 for it in items])
    return _logreg([it[params["features"]] for it in items], y, params["min_df"],
                   params["l2"], params["iters"], params["lr"], params.get("rule_l2", -1.0))


def held_out_probs(items: list[dict], params: dict,
                   held=HELD) -> dict[int, list[tuple[float, float]]]:
    """For each held-out batch: (probability, words' summed weight) of its statements, the
    model trained on every other batch (all without it)."""
    out = {}
    key = params["features"]
    for b in held:
        wts, bias = fit([it for it in items if it["batch"] != b], params)
        out[b] = [_prob(wts, bias, it[key]) for it in items if it["batch"] == b]
    return out


def cv_rows(items: list[dict], probs: dict[int, list[tuple[float, float]]], params: dict,
            held=HELD) -> tuple[list, tuple]:
    """P/R/F1 per held-out batch (and of 23-30 together), and pooled over all of them."""
    rows = []
    g_all, p_all, g_late, p_late = [], [], [], []
    for b in held:
        test = [it for it in items if it["batch"] == b]
        gold = [bool(it["blame"]) for it in test]
        pred = [decide(it, p, params) for it, p in zip(test, probs[b], strict=True)]
        rows.append((b, prf(gold, pred)))
        g_all += gold
        p_all += pred
        if b in UNSEEN:
            g_late += gold
            p_late += pred
    if g_late:  # the two batches the rules' writers never saw
        rows.append((UNSEEN_NAME, prf(g_late, p_late)))
    return rows, prf(g_all, p_all)


def print_table(title: str, rows: list, pooled: tuple) -> None:
    print(title)
    late = dict(rows).get(UNSEEN_NAME)
    rows = [(b, r) for b, r in rows if b != UNSEEN_NAME]
    print(f"{'':<8}" + "".join(f"{'b' + str(b):>7}" for b, _ in rows) + f"{'pooled':>8}"
          + (f"{UNSEEN_NAME:>8}" if late else ""))
    for k, name in enumerate(("P", "R", "F1")):
        print(f"{name:<8}" + "".join(f"{r[k]:>7.3f}" for _, r in rows) + f"{pooled[k]:>8.3f}"
              + (f"{late[k]:>8.3f}" if late else ""))
    print()


def kinds_report(items: list[dict]) -> None:
    """Precision of each rule kind over batches 16-30 (statements where it fired)."""
    fired: dict[str, list[bool]] = defaultdict(list)
    for it in items:
        if it["batch"] in HELD:
            for k in it["_kinds"]:
                fired[k].append(bool(it["blame"]))
    print("rule kind precision over batches 16-30 (the rules saw 16-22 while being written):")
    for k, gold in sorted(fired.items(), key=lambda kv: -len(kv[1])):
        print(f"  {k:<14} fired {len(gold):>4}  precision {sum(gold) / len(gold):.3f}")
    sub = [it for it in items if it["batch"] in UNSEEN]
    fired2: dict[str, list[bool]] = defaultdict(list)
    for it in sub:
        for k in it["_kinds"]:
            fired2[k].append(bool(it["blame"]))
    print("... over batches 23-30 only (never seen by the rules' writers):")
    for k, gold in sorted(fired2.items(), key=lambda kv: -len(kv[1])):
        print(f"  {k:<14} fired {len(gold):>4}  precision {sum(gold) / len(gold):.3f}")


def guards(items: list[dict], name: str, params: dict) -> None:
    """The design trained on every batch, run on the tests' guard statements."""
    wts, bias = fit(items, params)
    wrong = []
    for text, gold in [(t, False) for t in GUARDS_NOT] + [(t, True) for t in GUARDS_BLAME]:
        it = {"text": text, "blame": gold, "batch": 0}
        featurize([it])
        if decide(it, _prob(wts, bias, it[params["features"]]), params) != gold:
            wrong.append(text)
    print(f"{name}: {len(wrong)} of {len(GUARDS_NOT) + len(GUARDS_BLAME)} guards wrong")
    for text in wrong:
        print(f"    {text}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--cv", action="store_true", help="the tables, each batch held out")
    mode.add_argument("--grid", action="store_true", help="l2, threshold and margin choices")
    mode.add_argument("--kinds", action="store_true", help="precision of each rule kind")
    mode.add_argument("--guards", action="store_true", help="the designs on the tests' guards")
    ap.add_argument("--design", default="C B+kinds, margin 0.5", help="with --grid")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="override a parameter of --design (for experiments)")
    args = ap.parse_args(argv)
    items = load()
    featurize(items)
    if args.kinds:
        kinds_report(items)
        return 0
    if args.guards:
        guards(items, "before (as shipped)", BASELINE)
        for name, params in DESIGNS.items():
            guards(items, name, params)
        return 0
    if args.grid:
        params = dict(DESIGNS[args.design])
        for kv in args.set:
            k, v = kv.split("=", 1)
            params[k] = json.loads(v)
        for l2 in (0.003, 0.01, 0.03):
            pr = held_out_probs(items, dict(params, l2=l2))
            for thr in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7):
                for margin in (None, 0.5, 1.0):
                    rows, pooled = cv_rows(items, pr, dict(params, threshold=thr, margin=margin))
                    late = dict(rows)[UNSEEN_NAME]
                    print(f"l2 {l2:<6} thr {thr:<5} margin {margin!s:<5} P {pooled[0]:.3f}"
                          f" R {pooled[1]:.3f} F1 {pooled[2]:.3f}   {UNSEEN_NAME}: P {late[0]:.3f}"
                          f" R {late[1]:.3f} F1 {late[2]:.3f}", flush=True)
        return 0
    zero = {b: [(0.0, 0.0)] * sum(it["batch"] == b for it in items) for b in HELD}
    rows, pooled = cv_rows(items, zero, {"decide": "rules"})
    print_table("Rules alone (optimistic: the rules saw batches up to 22):", rows, pooled)
    probs = held_out_probs(items, BASELINE)
    rows, pooled = cv_rows(items, probs, BASELINE)
    print_table("BEFORE, as shipped: rules OR learned model (words and pairs, thr 0.7):",
                rows, pooled)
    rows, pooled = cv_rows(items, probs, dict(BASELINE, decide="alone", threshold=0.5))
    print_table("BEFORE, its learned model alone (no rules, thr 0.5):", rows, pooled)
    words = DESIGNS["B words decide"]
    rows, pooled = cv_rows(items, held_out_probs(items, words), dict(words, decide="alone"))
    print_table(f"Learned model alone, words + stems + pairs (no rules, thr"
                f" {words['threshold']}):", rows, pooled)
    for name, params in DESIGNS.items():
        rows, pooled = cv_rows(items, held_out_probs(items, params), params)
        print_table(f"Design {name}:", rows, pooled)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
