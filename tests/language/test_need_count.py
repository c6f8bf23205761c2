"""How many needs the learned ranker returns follows its scores: the second and third need
come only when their own score clears the floor, so an unsure statement gets fewer needs."""

from __future__ import annotations

import math
import random

import pytest

from accord.language import learned


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def _ranker(probs: dict[str, float], **extra: float) -> learned.Ranker:
    """A ranker with no feature weights whose need probabilities are ``probs`` (blend 0)."""
    return learned.Ranker({
        "needs": list(probs), "need_bias": [_logit(p) for p in probs.values()],
        "need_weights": {}, "need_min": 0.1, "need_rel": 0.1, "max_needs": 4,
        "blend": 0.0, **extra,
    })


def _returned(rk: learned.Ranker) -> list[str]:
    return [nid for nid, _sc in rk.rank_needs({})]


def test_only_needs_that_clear_the_floor_are_returned() -> None:
    rk = _ranker({"rest": 0.7, "space": 0.3, "fun": 0.09, "order": 0.05})
    assert _returned(rk) == ["rest", "space"]


def test_a_sure_statement_gets_three_needs_and_an_unsure_one_gets_one() -> None:
    sure = _ranker({"rest": 0.8, "space": 0.6, "fun": 0.4})
    unsure = _ranker({"rest": 0.5, "space": 0.08, "fun": 0.06})
    assert _returned(sure) == ["rest", "space", "fun"]
    assert _returned(unsure) == ["rest"]


def test_nothing_is_returned_when_even_the_best_need_is_below_the_floor() -> None:
    assert _returned(_ranker({"rest": 0.05, "space": 0.04})) == []


def test_the_count_never_goes_up_when_the_floor_goes_up() -> None:
    probs = {"rest": 0.6, "space": 0.35, "fun": 0.2, "order": 0.12}
    counts = [len(_returned(_ranker(probs, need_min=m))) for m in (0.1, 0.15, 0.25, 0.4, 0.7)]
    assert counts == [4, 3, 2, 1, 0]


def test_a_need_far_below_the_best_one_is_left_out() -> None:
    # 0.11 clears the floor (0.1) but not a quarter of the best need's score
    rk = _ranker({"rest": 0.9, "space": 0.11}, need_rel=0.25)
    assert _returned(rk) == ["rest"]


def test_the_shipped_floor_returns_fewer_needs_where_unsure() -> None:
    rk = learned.ranker()
    assert rk is not None
    assert 0.0 < rk.need_min < 0.5
    assert 0.0 < rk.need_rel <= 1.0


def _sparse_sums(bias: list[float], rows, x: dict[str, float]) -> list[float]:
    """The plain way: each present feature's (output, weight) pairs added one by one."""
    z = list(bias)
    for feat, val in x.items():
        for i, w in rows.get(feat, ()):
            z[i] += w * val
    return z


def test_dense_sums_match_the_sparse_ones() -> None:
    rnd = random.Random(7)
    n = 6
    sparse = {
        f"w:{k}": tuple((i, round(rnd.uniform(-2, 2), 3)) for i in sorted(rnd.sample(range(n), 3)))
        for k in range(40)
    }
    dense = learned.dense_rows(sparse, n)
    bias = [round(rnd.uniform(-1, 1), 3) for _ in range(n)]
    for _ in range(50):
        x = {f"w:{k}": rnd.choice([1.0, 0.5, 2.25]) for k in rnd.sample(range(45), 12)}
        assert learned.dense_sums(tuple(bias), dense, x) == _sparse_sums(bias, sparse, x)


@pytest.mark.parametrize("data", [
    {"needs": ["rest"], "need_bias": [0.0, 1.0], "need_weights": {}},
    {"needs": ["rest"], "need_bias": [0.0], "need_weights": {"w:tired": [[3, 1.0]]}},
])
def test_weights_that_do_not_fit_the_needs_are_refused(data: dict) -> None:
    with pytest.raises(ValueError):
        learned.Ranker({**data, "need_min": 0.1, "need_rel": 0.1, "max_needs": 3})
