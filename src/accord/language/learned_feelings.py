"""A small learned guess at feelings the words of a statement do not name (standard library).

The lexicon engine states the feelings a statement names ("I'm gutted") or implies by a
faux feeling ("ignored"); when it finds fewer than two, it guesses from topics, needs and
blame. This module adds a better-informed guess: one logistic regression per frequent
feeling over the same features as the need ranker (``learned.features``), trained on
accord's labelled statements by ``benchmarks/language/train_feelings.py`` and shipped as
``lexicons/feelings.json`` (read once, on first use).

It only ever adds guesses: a feeling whose probability reaches the threshold in the weights
file goes before the lexicon's own guesses, never among the stated feelings, so the
listener's prompt offers it as a guess ("I'm guessing you might feel ...") and never states it.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from .learned import _sigmoid, dense_rows, dense_sums, load_shipped, sparse_rows

WEIGHTS_FILE = "feelings.json"
MAX_GUESSES = 2  # learned guesses added to one statement at most
MAX_FEELINGS = 4  # feelings reported with guesses in them (as the lexicon engine does)


class FeelingsModel:
    """Weights for the feelings: one logistic regression per feeling."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.feelings: tuple[str, ...] = tuple(str(f) for f in data["feelings"])
        self.bias = tuple(float(b) for b in data["bias"])
        if len(self.bias) != len(self.feelings):
            raise ValueError("one bias per feeling")
        weights = sparse_rows(data["weights"])
        if any(not 0 <= i < len(self.feelings) for row in weights.values() for i, _w in row):
            raise ValueError("feeling index out of range")
        self._dense = dense_rows(weights, len(self.feelings))
        self.threshold = float(data["threshold"])
        if not 0.0 < self.threshold < 1.0:
            raise ValueError("threshold must lie between 0 and 1")
        # the threshold as a score, so guessing needs no sigmoid
        self._z_min = math.log(self.threshold / (1.0 - self.threshold))

    def _scores(self, x: dict[str, float]) -> list[float]:
        return dense_sums(self.bias, self._dense, x)

    def probs(self, x: dict[str, float]) -> dict[str, float]:
        z = self._scores(x)
        return {f: _sigmoid(z[i]) for i, f in enumerate(self.feelings)}

    def guesses(self, x: dict[str, float]) -> list[str]:
        """Feelings at or above the threshold, most likely first (at most MAX_GUESSES)."""
        z = self._scores(x)
        z_min = self._z_min
        over = [(-zi, i) for i, zi in enumerate(z) if zi >= z_min]
        over.sort()
        return [self.feelings[i] for _zi, i in over[:MAX_GUESSES]]


def merge(feelings: tuple[str, ...], stated: tuple[str, ...],
          extra: list[str]) -> tuple[str, ...]:
    """``feelings`` with the learned guesses ``extra`` put right after the stated ones.

    Nothing changes when two or more feelings are stated or there is no guess."""
    if len(stated) >= 2 or not extra:
        return feelings
    out = list(stated)
    for f in (*extra, *feelings):
        if f not in out:
            out.append(f)
    return tuple(out[: max(MAX_FEELINGS, len(stated))])


@lru_cache(maxsize=1)
def model() -> FeelingsModel | None:
    """The shipped weights, or None when the file is missing or unreadable."""
    return load_shipped(WEIGHTS_FILE, FeelingsModel)
