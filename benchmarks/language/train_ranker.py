"""Train and evaluate the learned re-ranker that sits on top of the lexicon engine.

Needs: one logistic regression per need id over the statement's words and word pairs plus
what the lexicon engine found (its need scores, topics, faux feelings, blame kinds ...), see
accord.language.learned.features. Blame: one logistic regression over the words and word
pairs outside quotation marks (learned.blame_features), used where the lexicon's rules found
no blame and set nothing aside (blame mode "or", as shipped). Training uses numpy (this
script only; the shipped package reads the weights with the standard library):
``.venv/bin/pip install numpy``.

Run:
  python benchmarks/language/train_ranker.py --cv       # cross-validation by batch (all but 10)
  python benchmarks/language/train_ranker.py --cv-late  # each late blind batch (11-17) held out
                                                        # in turn, trained on all the others
  python benchmarks/language/train_ranker.py --final    # train on all but 10, score batch 10
  python benchmarks/language/train_ranker.py --ship     # train on every batch, write weights
  (--ship --without-blind leaves batch 10 out; --exclude N leaves batch N out of everything;
   --blame-mode lexicon ships no learned blame)

Batches: statements without a ``batch`` key are batch 1 (the first 191) and batch 2 (the
next 40). Batch 10 is the blind batch kept out of --cv entirely.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))

from accord.language.engine import _lexicon_analysis, lexicon_found  # noqa: E402
from accord.language.learned import WEIGHTS_FILE, Ranker, blame_features, features  # noqa: E402
from accord.language.vocab import NEED_IDS  # noqa: E402

OUT = ROOT / "src" / "accord" / "language" / "lexicons" / WEIGHTS_FILE
BLIND = 10
BLAME_MODE = "or"
BLAME_ONLY = False

# Hyperparameters (chosen by --cv on batches 1-9; the blend again on 1-9 and 11-13; l2, need_min
# and need_rel by --cv-late on 1-17, see docs/language.md).
PARAMS = {
    "min_df": 2,  # a word or pair must occur in at least this many training statements
    "l2": 0.002,  # L2 penalty on the mean log-loss of the needs (0.01 until the late-batch
    # round, 0.005 until the batch 23-24 round; 0.002 chosen by --cv-late --late 16,...,24)
    "iters": 400,
    "lr": 0.1,
    "prune": 0.02,  # blame weights smaller than this are dropped from the shipped file
    "need_prune": 0.05,  # need weights smaller than this are dropped (0.02 until the batch
    # 23-24 round: 0.05 keeps the held-out figures and makes the file and analyze() lighter)
    "need_min": 0.1,  # a need is returned with at least this score ...
    "need_rel": 0.2,  # ... and this share of the best need's score (0.1 -> 0.2: held-out 40-45
    # and 46-51, each scored by a ranker trained without them: precision@3 +0.02, recall -0.003
    # and -0.006)
    # (0.15 and 0.2 until the late-batch round, 0.08 and 0.1 until the batch 23-24 round:
    # the higher floor lets a second or third need through only when its own score
    # clears it, so a statement gets fewer needs where the ranker is unsure)
    "max_needs": 4,
    "blend": 0.1,  # share of the lexicon's relative score in the final need score
    # (0.5 until the breadth round; 0.3 until the batch 23-24 round, when 0.1 was better
    # pooled in --cv-late over 16-24 for recall and precision together)
    "blame_threshold": 0.7,  # chosen by --cv-late --blame-only --late 11,...,22 (0.6, 0.7,
    # 0.8, 0.9 tried, pooled blame F1 0.918/0.923/0.918/0.908; 0.8 until the batch 18-22 round)
    "blame_lex": False,  # the blame model reads words and pairs only, not the lexicon's findings
    # train the blame model on every statement ("all") or only on those where the rules found
    # no blame and set nothing aside ("residual": the statements it will be used on)
    "blame_train": "all",
    "blame_l2": 0.01,  # L2 penalty of the blame model (-1: the same as "l2"); kept at 0.01
    # when the needs' penalty went to 0.005
    "loss": "logistic",  # one logistic regression per need, or "softmax" over the needs
    "train_blame": True,  # False: skip the blame model (faster experiments on the needs)
}


def load() -> list[dict]:
    with open(HERE / "statements.toml", "rb") as fh:
        items = tomllib.load(fh)["statement"]
    unbatched = 0
    for it in items:
        if "batch" not in it:
            unbatched += 1
            it["batch"] = 1 if unbatched <= 191 else 2
    return items


def featurize(items: list[dict]) -> None:
    for it in items:
        tokens, found = lexicon_found(it["text"])
        it["_x"] = features(tokens, found)
        it["_xb"] = blame_features(tokens)
        it["_has_evidence"] = bool(found["need_scores"])
        it["_lex_needs"] = list(found["needs"])
        it["_lex_blame"] = bool(found["blame_kinds"])
        it["_lex_aside"] = bool(found["blame_set_aside"])
        it["_feelings"] = list(_lexicon_analysis(it["text"])[0].feelings)


def _adam(grad_fn, w: np.ndarray, iters: int, lr: float) -> np.ndarray:
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, iters + 1):
        g = grad_fn(w)
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w = w - lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
    return w


def _logreg(x: np.ndarray, y: np.ndarray, l2: float, iters: int, lr: float) -> np.ndarray:
    """Multi-output logistic regression; returns weights with the bias in the last row."""
    n = x.shape[0]
    xb = np.hstack([x, np.ones((n, 1))])
    mask = np.ones((xb.shape[1], 1))
    mask[-1] = 0.0  # no penalty on the bias

    def grad(w: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        return xb.T @ (p - y) / n + l2 * w * mask

    return _adam(grad, np.zeros((xb.shape[1], y.shape[1])), iters, lr)


def _softmax_reg(x: np.ndarray, y: np.ndarray, l2: float, iters: int, lr: float) -> np.ndarray:
    """One softmax over the needs (a loss that ranks them against each other): the target is
    the gold needs, shared equally; statements without gold needs are left out."""
    keep = y.sum(axis=1) > 0
    x, y = x[keep], y[keep] / y[keep].sum(axis=1, keepdims=True)
    n = x.shape[0]
    xb = np.hstack([x, np.ones((n, 1))])
    mask = np.ones((xb.shape[1], 1))
    mask[-1] = 0.0

    def grad(w: np.ndarray) -> np.ndarray:
        z = xb @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        return xb.T @ (p - y) / n + l2 * w * mask

    return _adam(grad, np.zeros((xb.shape[1], y.shape[1])), iters, lr)


def train(items: list[dict], params: dict) -> dict:
    df: Counter[str] = Counter()
    for it in items:
        df.update(it["_x"].keys())
    feats = sorted(
        f for f, c in df.items() if c >= params["min_df"] or not f.startswith(("w:", "b:"))
    )
    col = {f: i for i, f in enumerate(feats)}
    x = np.zeros((len(items), len(feats)))
    for r, it in enumerate(items):
        for f, v in it["_x"].items():
            if f in col:
                x[r, col[f]] = v
    y = np.array([[1.0 if n in it["needs"] else 0.0 for n in NEED_IDS] for it in items])
    yb = np.array([[1.0 if it["blame"] else 0.0] for it in items])
    if BLAME_ONLY:  # --blame-only: experiments on the blame model; needs left untrained
        wn = np.zeros((x.shape[1] + 1, y.shape[1]))
    elif params["loss"] == "softmax":
        wn = _softmax_reg(x, y, params["l2"], params["iters"], params["lr"])
    else:
        wn = _logreg(x, y, params["l2"], params["iters"], params["lr"])
    xw, bcol, bkey = x, col, "_x"
    if not params["blame_lex"]:
        # words and pairs outside quotation marks only (learned.blame_features)
        dfb: Counter[str] = Counter()
        for it in items:
            dfb.update(it["_xb"].keys())
        bcol = {f: i for i, f in enumerate(sorted(f for f, c in dfb.items()
                                                  if c >= params["min_df"]))}
        bkey = "_xb"
        xw = np.zeros((len(items), len(bcol)))
        for r, it in enumerate(items):
            for f, v in it["_xb"].items():
                if f in bcol:
                    xw[r, bcol[f]] = v
    rows = list(range(len(items)))
    if params["blame_train"] == "residual":
        rows = [r for r, it in enumerate(items) if not it["_lex_blame"] and not it["_lex_aside"]]
    bl2 = params["l2"] if params["blame_l2"] < 0 else params["blame_l2"]
    if params["train_blame"]:
        wb = _logreg(xw[rows], yb[rows], bl2, params["iters"], params["lr"])
    else:  # needs experiments: no learned blame (blame is then the lexicon's alone)
        wb = np.zeros((xw.shape[1] + 1, 1))
    prune = params["prune"]
    need_prune = params["need_prune"]
    need_weights: dict[str, list[list[float]]] = {}
    blame_weights: dict[str, float] = {}
    for f, i in col.items():
        row = [[k, round(float(wn[i, k]), 3)] for k in range(len(NEED_IDS))
               if abs(wn[i, k]) >= need_prune]
        if row:
            need_weights[f] = row
    for f, i in bcol.items():
        if abs(wb[i, 0]) >= prune:
            blame_weights[f] = round(float(wb[i, 0]), 3)
    return {
        "version": 1,
        "about": "Logistic-regression weights for accord.language.learned; written by "
                 "benchmarks/language/train_ranker.py --ship. Do not edit by hand.",
        "trained_on": len(items),
        "needs": list(NEED_IDS),
        "need_bias": [round(float(b), 3) for b in wn[-1]],
        "need_weights": need_weights,
        "need_min": params["need_min"],
        "need_rel": params["need_rel"],
        "max_needs": params["max_needs"],
        "blend": params["blend"],
        **({"link": "softmax"} if params["loss"] == "softmax" else {}),
        "blame_bias": round(float(wb[-1, 0]), 3),
        "blame_weights": blame_weights,
        "blame_threshold": params["blame_threshold"],
        "blame_features": bkey,
    }


def score(items: list[dict], needs_of, blame_of) -> dict[str, float]:
    """The figures of evaluate.py, from predicted needs and blame per statement."""
    from evaluate import figures

    f = figures(items, [(needs_of(it), None, blame_of(it)) for it in items])
    return {
        "n": f["n"],
        "recall@3": f["needs_recall@3"],
        "precision@3": f["needs_precision@3"],
        "coverage": f["needs_coverage"],
        "blame_f1": f["blame_f1"],
        "blame_p": f["blame_precision"],
        "blame_r": f["blame_recall"],
    }


def learned_predictors(model: dict):
    rk = Ranker(model)
    bw = model["blame_weights"]

    def blame_prob(x: dict[str, float]) -> float:
        z = model["blame_bias"] + sum(bw.get(f, 0.0) * v for f, v in x.items())
        return 1.0 / (1.0 + math.exp(-z))

    def needs_of(it: dict) -> list[str]:
        if not it["_has_evidence"]:  # as learned.rerank
            return []
        return [n for n, _ in rk.rank_needs(it["_x"])]

    def blame_of(it: dict) -> bool:
        p = blame_prob(it[model["blame_features"]])
        if BLAME_MODE == "or":  # as engine.analyze
            return it["_lex_blame"] or not it["_lex_aside"] and p >= model["blame_threshold"]
        if BLAME_MODE == "lexicon":
            return it["_lex_blame"]
        return p >= model["blame_threshold"]

    return needs_of, blame_of


def lexicon_needs(it: dict) -> list[str]:
    return it["_lex_needs"]


def lexicon_loose_needs(it: dict) -> list[str]:
    """The lexicon's own need scores, top three, with its thresholds removed (a baseline
    for "just return more needs")."""
    lex = [(f[4:], v) for f, v in it["_x"].items() if f.startswith("lex:") and v > 0]
    lex.sort(key=lambda kv: (-kv[1], NEED_IDS.index(kv[0])))
    return [n for n, _ in lex[:3]]


def lexicon_blame(it: dict) -> bool:
    return it["_lex_blame"]


KEYS = ["recall@3", "precision@3", "coverage", "blame_p", "blame_r", "blame_f1"]


def table(rows: list[tuple[str, dict]]) -> None:
    print(f"{'':<26}" + "".join(f"{name:>9}" for name, _ in rows))
    for k in KEYS:
        print(f"{k:<26}" + "".join(f"{r[k]:>9.3f}" for _, r in rows))


def cross_validate(items: list[dict], params: dict, quiet: bool = False) -> dict:
    pool = [it for it in items if it["batch"] != BLIND]
    batches = sorted({it["batch"] for it in pool})
    lex_rows, ml_rows = [], []
    pred: dict[int, tuple[list[str], bool]] = {}
    for b in batches:
        test = [it for it in pool if it["batch"] == b]
        model = train([it for it in pool if it["batch"] != b], params)
        needs_of, blame_of = learned_predictors(model)
        for it in test:
            pred[id(it)] = (needs_of(it), blame_of(it))
        lex_rows.append((f"b{b}", score(test, lexicon_needs, lexicon_blame)))
        ml_rows.append((f"b{b}", score(test, needs_of, blame_of)))

    def cv_needs(it: dict) -> list[str]:
        return pred[id(it)][0]

    def cv_blame(it: dict) -> bool:
        return pred[id(it)][1]

    loose_rows = [(f"b{b}", score([it for it in pool if it["batch"] == b],
                                  lexicon_loose_needs, lexicon_blame)) for b in batches]
    lex_all = score(pool, lexicon_needs, lexicon_blame)
    ml_all = score(pool, cv_needs, cv_blame)
    if not quiet:
        print("Lexicon engine alone, per batch (these batches were seen while writing the"
              " lexicons):")
        table([*lex_rows, ("pooled", lex_all)])
        print("\nLexicon engine, its top three need scores without thresholds:")
        table([*loose_rows, ("pooled", score(pool, lexicon_loose_needs, lexicon_blame))])
        print("\nLexicon + learned re-ranker, each batch held out from training:")
        table([*ml_rows, ("pooled", ml_all)])
        for k in ("recall@3", "precision@3", "blame_f1"):
            lo = [r[k] for _, r in lex_rows]
            mo = [r[k] for _, r in ml_rows]
            wins = sum(m > lx for m, lx in zip(mo, lo, strict=True))
            print(f"{k}: learned better on {wins} of {len(lo)} held-out batches; mean per batch"
                  f" {statistics.fmean(lo):.3f} -> {statistics.fmean(mo):.3f}")
    return {"lex": lex_all, "ml": ml_all, "lex_rows": lex_rows, "ml_rows": ml_rows}


LATE = range(11, 18)  # the late batches, written blind by people who never ran the engine


def cross_validate_late(items: list[dict], params: dict, quiet: bool = False,
                        late: Iterable[int] = LATE) -> dict:
    """Leave one late batch out: for each of batches 11-17, train on every other batch
    (1-17 without it, batch 10 included) and score it; the statements are then pooled.
    This mimics blind use: the held-out batch is text the weights never saw."""
    from evaluate import figures

    rows = []
    pooled_items, pooled_pred = [], []
    for b in late:
        test = [it for it in items if it["batch"] == b]
        if not test:
            continue
        model = train([it for it in items if it["batch"] != b], params)
        needs_of, blame_of = learned_predictors(model)
        pred = [(needs_of(it), it["_feelings"], blame_of(it)) for it in test]
        rows.append((f"b{b}", figures(test, pred)))
        pooled_items += test
        pooled_pred += pred
    pooled = figures(pooled_items, pooled_pred)
    if not quiet:
        keys = ["n", "needs_recall@3", "needs_precision@3", "needs_coverage", "feelings_hit",
                "blame_precision", "blame_recall", "blame_f1"]
        print(f"{'':<20}" + "".join(f"{name:>8}" for name, _ in rows) + f"{'pooled':>8}")
        for k in keys:
            vals = [r[k] for _, r in rows] + [pooled[k]]
            fmt = "{:>8d}" if k == "n" else "{:>8.3f}"
            print(f"{k:<20}" + "".join(fmt.format(v) for v in vals))
    return {"pooled": pooled, "rows": rows}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--cv", action="store_true", help="cross-validate by batch, 1-9")
    mode.add_argument("--cv-late", action="store_true",
                      help="leave one of the late blind batches (11-17) out at a time, train"
                           " on all the others, pool the held-out statements")
    mode.add_argument("--final", action="store_true",
                      help="train on batches 1-9 and score the blind batch once")
    mode.add_argument("--ship", action="store_true",
                      help="train on every batch and write the weights file")
    ap.add_argument("--without-blind", action="store_true",
                    help="with --ship: leave the blind batch out (for its one-time measurement)")
    ap.add_argument("--exclude", action="append", type=int, default=[], metavar="N",
                    help="leave batch N out of everything (e.g. a newer blind batch)")
    ap.add_argument("--late", default="", metavar="N,M",
                    help="with --cv-late: the batches held out in turn (default 11-17; the blame"
                         " threshold was re-chosen with 11-22)")
    ap.add_argument("--keep-blame", action="store_true",
                    help="with --ship: retrain the needs only and keep the learned blame model"
                         " of the weights file already shipped")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="override a hyperparameter (for experiments)")
    ap.add_argument("--blame-mode", choices=["learned", "or", "lexicon"], default="or",
                    help="blame as shipped (or: the lexicon's, and the learned model's where"
                         " the lexicon found none), the learned model alone, or the lexicon")
    ap.add_argument("--blame-only", action="store_true",
                    help="with --cv: train only the blame model (faster; the needs figures are"
                         " then meaningless)")
    args = ap.parse_args(argv)
    global BLAME_MODE, BLAME_ONLY
    BLAME_MODE = args.blame_mode
    BLAME_ONLY = args.blame_only and (args.cv or args.cv_late)
    params = dict(PARAMS)
    for kv in args.set:
        k, v = kv.split("=", 1)
        params[k] = type(PARAMS[k])(json.loads(v))
    items = [it for it in load() if it["batch"] not in args.exclude]
    featurize(items)
    if args.cv:
        cross_validate(items, params)
    elif args.cv_late:
        late = [int(n) for n in args.late.split(",")] if args.late else LATE
        cross_validate_late(items, params, late=late)
    elif args.final:
        model = train([it for it in items if it["batch"] != BLIND], params)
        test = [it for it in items if it["batch"] == BLIND]
        needs_of, blame_of = learned_predictors(model)
        table([("lexicon", score(test, lexicon_needs, lexicon_blame)),
               ("learned", score(test, needs_of, blame_of))])
    else:
        if args.without_blind:
            items = [it for it in items if it["batch"] != BLIND]
        if args.keep_blame:
            params["train_blame"] = False
        model = train(items, params)
        if args.keep_blame:
            old = json.loads(OUT.read_text(encoding="utf-8"))
            for key in ("blame_bias", "blame_weights", "blame_threshold"):
                if key in old:
                    model[key] = old[key]
                else:
                    model.pop(key, None)
            model["blame_features"] = "_xb"
        if BLAME_MODE == "lexicon":
            for key in ("blame_bias", "blame_weights", "blame_threshold", "blame_features"):
                del model[key]  # blame stays with the lexicon engine alone
        else:
            del model["blame_features"]
            for f in [f for f in model["blame_weights"] if not f.startswith(("w:", "b:"))]:
                del model["blame_weights"][f]
        OUT.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n",
                       encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}: {OUT.stat().st_size:,} bytes,"
              f" {len(model['need_weights'])} need features,"
              f" trained on {len(items)} statements")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
