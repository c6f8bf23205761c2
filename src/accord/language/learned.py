"""A small learned re-ranker on top of the lexicon engine (pure Python, standard library).

The lexicon engine (engine.py) reads a statement and scores needs from word lists. This
module turns what it found, plus the statement's own words, into features and applies
logistic-regression weights, one per need, trained on accord's labelled statements
(``benchmarks/language/train_ranker.py``). The weights are a small JSON file shipped beside
the lexicons (``lexicons/ranker.json``), read once, on the first use.

Features (all computed here, so training and use cannot drift apart):
  w:<word>        a normalized word of the statement (contractions expanded, slang mapped)
  b:<w1>_<w2>     two neighbouring words in the same sentence
  s:<stem>        the word's rough stem (``stem``), so "cleaning", "cleaned" and "cleans"
                  share one weight, even for a form the training statements never used
  lex:<need>      the lexicon engine's score for that need
  top:<need>      1 for the lexicon's first need, 0.5 for its second and third
  topic:<id>, faux:<name>, feel:<feeling>, kind:<blame kind>, sit:<situation name>
  blame, safety, request   1 when the lexicon engine found them

Blame: the lexicon's rules find attacking language with exact spans. When they find none, a
second logistic regression over the words and word pairs outside quotation marks
(``blame_features``) gives the probability that the statement attacks the partner; from the
threshold in the weights file up, the sentence that carries most of that weight is reported
as blame of the kind "tone", so the coaching hint has something to point at.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from .vocab import NEED_IDS

WEIGHTS_FILE = "ranker.json"
T = TypeVar("T")


def features(tokens: list[Any], found: dict[str, Any]) -> dict[str, float]:
    """Feature values for one statement.

    ``tokens`` are engine tokens (``.word``, ``.sent``); ``found`` holds what the lexicon
    engine found: need_scores (pairs), needs, topics, faux, stated_feelings, blame_kinds,
    safety, request (bool).
    """
    x: dict[str, float] = {}
    pair_head = None  # "b:<previous word>_" (None after a token that is not a word)
    prev_sent = -1
    for t in tokens:
        w = t.word
        keys = _word_keys(w)
        if keys is None:
            pair_head = None
            continue
        word_key, stem_key, head = keys
        x[word_key] = 1.0
        if stem_key is not None:
            x[stem_key] = 1.0
        if pair_head is not None and t.sent == prev_sent:
            x[pair_head + w] = 1.0
        pair_head, prev_sent = head, t.sent
    for nid, sc in found["need_scores"]:
        x["lex:" + nid] = float(sc)
    for rank, nid in enumerate(found["needs"][:3]):
        x["top:" + nid] = 1.0 if rank == 0 else 0.5
    for tid in found["topics"]:
        x["topic:" + tid] = 1.0
    for f in found["faux"]:
        x["faux:" + f] = 1.0
    for f in found["stated_feelings"]:
        x["feel:" + f] = 1.0
    for name in found.get("situations", ()):
        x["sit:" + name] = 1.0
    for k in found["blame_kinds"]:
        x["kind:" + k] = 1.0
    if found["blame_kinds"]:
        x["blame"] = 1.0
    if found["safety"]:
        x["safety"] = 1.0
    if found["request"]:
        x["request"] = 1.0
    return x


@lru_cache(maxsize=8192)
def _word_keys(w: str) -> tuple[str, str | None, str] | None:
    """A word's feature names, remembered (statements repeat the same few hundred words):
    its ``w:`` feature, its ``s:`` feature (None unless it starts with a letter) and the start
    of the ``b:`` pair it opens. None for a token that is not a word."""
    if not w[0].isalnum():
        return None
    return "w:" + w, "s:" + stem(w) if w[0].isalpha() else None, "b:" + w + "_"


_SUFFIXES = (
    ("iness", "y"), ("ness", ""), ("ings", ""), ("ing", ""), ("edly", ""), ("ied", "y"),
    ("ies", "y"), ("ed", ""), ("es", ""), ("ly", ""), ("ers", ""), ("er", ""), ("ment", ""),
    ("s", ""),
)


@lru_cache(maxsize=8192)
def stem(w: str) -> str:
    """A rough stem: one common English suffix off, then a final "e" and a doubled
    consonant ("cleaning", "cleaned", "cleans" → "clean"; "hoping", "hope" → "hop";
    "stopped" → "stop"; "worries", "worried" → "worry"). Not a real stemmer: it only has
    to send the forms of one word to the same feature."""
    if len(w) <= 3 or not w.isalpha():
        return w
    for suf, rep in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3 and not (suf == "s" and w.endswith("ss")):
            w = w[: len(w) - len(suf)] + rep
            break
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


Rows = dict[str, tuple[tuple[int, float], ...]]  # feature -> (output index, weight) pairs


def sparse_rows(data: dict[str, Any]) -> Rows:
    """A weights file's ``{feature: [[index, weight], ...]}`` as tuples of numbers."""
    return {feat: tuple((int(i), float(w)) for i, w in row) for feat, row in data.items()}


DenseRows = dict[str, tuple[float, ...]]  # feature -> one weight per output (zeros included)


def dense_rows(rows: Rows, n: int) -> DenseRows:
    """``rows`` with every output's weight spelled out, for ``dense_sums``."""
    out: DenseRows = {}
    for feat, row in rows.items():
        full = [0.0] * n
        for i, w in row:
            full[i] = w
        out[feat] = tuple(full)
    return out


def dense_sums(bias: tuple[float, ...], rows: DenseRows, x: dict[str, float]) -> list[float]:
    """One score per output: its bias plus each present feature's weight times its value.
    The present features' rows are summed output by output in one go (``zip`` and ``sum``
    run in C), which is quicker than adding each weight of a sparse row in a Python loop."""
    get = rows.get
    present = [bias]
    for feat, val in x.items():
        row = get(feat)
        if row is None:
            continue
        present.append(row if val == 1.0 else tuple([w * val for w in row]))
    return list(map(sum, zip(*present, strict=True)))


def blame_features(tokens: list[Any]) -> dict[str, float]:
    """Words and neighbouring pairs of a statement, leaving out quoted words ("he called me
    'lazy'" is not the speaker's attack)."""
    x: dict[str, float] = {}
    for w, pair in _blame_terms(tokens):
        x[w] = 1.0
        if pair is not None:
            x[pair] = 1.0
    return x


def _blame_terms(tokens: list[Any]) -> list[tuple[str, str | None]]:
    """For each token outside quotation marks: its word feature and the pair it closes."""
    out: list[tuple[str, str | None]] = []
    prev = None
    prev_sent = -1
    for t in tokens:
        w = t.word
        if not w[0].isalnum() or t.quoted:
            prev = None
            out.append(("", None))
            continue
        pair = "b:" + prev + "_" + w if prev is not None and t.sent == prev_sent else None
        out.append(("w:" + w, pair))
        prev, prev_sent = w, t.sent
    return out


class Ranker:
    """Weights for the needs: one logistic regression per need id."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.version = int(data.get("version", 1))
        self.needs: tuple[str, ...] = tuple(data["needs"])
        if not set(self.needs) <= set(NEED_IDS):
            raise ValueError("unknown need id in the weights file")
        self.need_bias = tuple(float(b) for b in data["need_bias"])
        if len(self.need_bias) != len(self.needs):
            raise ValueError("one bias per need")
        # feature -> list of (need index, weight)
        self.need_weights = sparse_rows(data["need_weights"])
        if any(not 0 <= i < len(self.needs) for row in self.need_weights.values()
               for i, _w in row):
            raise ValueError("need index out of range")
        self._need_dense = dense_rows(self.need_weights, len(self.needs))
        # the lexicon scores of every need (not only the ranked ones) set the best one
        self._lex_keys = tuple((nid, "lex:" + nid) for nid in NEED_IDS)
        self.need_min = float(data["need_min"])
        self.need_rel = float(data["need_rel"])
        self.max_needs = int(data["max_needs"])
        self.blend = float(data.get("blend", 0.0))
        # "softmax": the weights score the needs against each other; the probabilities are
        # then taken relative to the best need's
        self.link = str(data.get("link", "sigmoid"))
        # the learned blame model is optional: without it, blame is the lexicon's alone
        self.blame_bias = float(data.get("blame_bias", 0.0))
        self.blame_weights: dict[str, float] = {
            f: float(w) for f, w in data.get("blame_weights", {}).items()
        }
        self.blame_threshold = float(data.get("blame_threshold", 2.0))
        self._order = {nid: k for k, nid in enumerate(self.needs)}

    def need_probs(self, x: dict[str, float]) -> dict[str, float]:
        z = dense_sums(self.need_bias, self._need_dense, x)
        if self.link == "softmax":
            top = max(z)
            return {nid: math.exp(z[i] - top) for i, nid in enumerate(self.needs)}
        return {nid: _sigmoid(z[i]) for i, nid in enumerate(self.needs)}

    def blame_prob(self, xb: dict[str, float]) -> float:
        get = self.blame_weights.get
        return _sigmoid(self.blame_bias + sum(get(f, 0.0) for f in xb))

    def tone_span(self, tokens: list[Any]) -> tuple[int, int] | None:
        """Token range (start, end) of the sentence that carries most of the learned blame
        weight, when the statement as a whole reaches the threshold; otherwise None."""
        if not self.blame_weights or self.blame_threshold > 1.0 or not tokens:
            return None
        if self.blame_prob(blame_features(tokens)) < self.blame_threshold:
            return None
        get = self.blame_weights.get
        by_sent: dict[int, float] = {}
        weight: list[float | None] = []
        for t, (w, pair) in zip(tokens, _blame_terms(tokens), strict=True):
            if w:
                c = get(w, 0.0) + (get(pair, 0.0) if pair else 0.0)
                by_sent[t.sent] = by_sent.get(t.sent, 0.0) + c
                weight.append(c)
            else:
                weight.append(None)
        if not by_sent:
            return None
        best = max(by_sent, key=lambda s: (by_sent[s], -s))
        idx = [k for k, t in enumerate(tokens) if t.sent == best and weight[k] is not None]
        return _heaviest_stretch(idx, weight, tokens)

    def rank_needs(self, x: dict[str, float]) -> list[tuple[str, float]]:
        """Needs with enough evidence, best first (ties broken by the vocabulary order).

        Each need's score blends the learned probability with the lexicon engine's own
        score for it, relative to its best one: (1 - blend) * p + blend * lex / best lex.
        """
        probs = self.need_probs(x)
        lex = {nid: x[key] for nid, key in self._lex_keys if key in x}
        best = max(lex.values(), default=0.0)
        b = self.blend
        scored = {
            nid: (1.0 - b) * p + (b * lex.get(nid, 0.0) / best if best > 0 else 0.0)
            for nid, p in probs.items()
        }
        order = self._order
        ranked = sorted(scored.items(), key=lambda kv: (-kv[1], order[kv[0]]))
        out: list[tuple[str, float]] = []
        if not ranked:
            return out
        top = ranked[0][1]
        for nid, sc in ranked:
            if sc >= self.need_min and sc >= self.need_rel * top and len(out) < self.max_needs:
                out.append((nid, sc))
        return out


def _heaviest_stretch(idx: list[int], weight: list[float | None],
                      tokens: list[Any]) -> tuple[int, int]:
    """Within one sentence (token indices ``idx``), the run of consecutive clauses with the
    largest summed weight (on a tie, the shorter run): the part that carries the learned
    blame ("what do you actually do with your money"), not the whole sentence around it."""
    groups: list[list[int]] = []
    for k in idx:
        if groups and tokens[groups[-1][-1]].clause == tokens[k].clause:
            groups[-1].append(k)
        else:
            groups.append([k])
    sums = [sum(weight[k] or 0.0 for k in g) for g in groups]
    best = (float("-inf"), 0, 0, len(groups))
    for a in range(len(groups)):
        total = 0.0
        for b in range(a, len(groups)):
            total += sums[b]
            cand = (round(total, 9), a - b - 1, a, b + 1)  # (weight, -length, ...)
            if cand[:2] > best[:2]:
                best = cand
    first, last = groups[best[2]], groups[best[3] - 1]
    return first[0], last[-1] + 1


def rerank(rk: Ranker, tokens: list[Any], found: dict[str, Any],
           x: dict[str, float] | None = None) -> list[tuple[str, float]]:
    """The needs ranked by the learned weights, or none when the lexicon engine found no
    evidence of any need (so a statement with nothing in it still gets an open prompt).
    ``x`` is the statement's ``features``, when they were already worked out."""
    if not found["need_scores"]:
        return []
    return rk.rank_needs(features(tokens, found) if x is None else x)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def load_shipped(file_name: str, build: Callable[[dict], T]) -> T | None:
    """``build`` applied to a weights file shipped beside the lexicons, or None when the
    file is missing or unreadable."""
    import json  # imported here so that importing the package stays cheap
    from importlib import resources

    try:
        raw = resources.files("accord.language").joinpath("lexicons", file_name).read_text(
            encoding="utf-8"
        )
        return build(json.loads(raw))
    except (OSError, ValueError, KeyError, TypeError):
        return None


@lru_cache(maxsize=1)
def ranker() -> Ranker | None:
    """The shipped weights, or None when the file is missing or unreadable."""
    return load_shipped(WEIGHTS_FILE, Ranker)
