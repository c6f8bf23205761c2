"""Turning what was said in a session into suggested issues, each with a suggested layer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .engine import analyze, lexicon

_RANK_WEIGHT = (1.0, 0.7, 0.5, 0.3)
MAX_ISSUES = 6


@dataclass(frozen=True, slots=True)
class IssueSuggestion:
    """A suggested issue: a short title and a layer (1 foundation, 2 temperament,
    3 negotiable). `source` is the topic or need id it came from."""

    title: str
    layer: int
    source: str = ""


def suggest_issues(texts: Iterable[str]) -> list[IssueSuggestion]:
    """Suggest issues from the statements of a talk: deduplicated, best first, at most six."""
    lx = lexicon()
    topic_score: dict[str, float] = {}
    need_score: dict[str, float] = {}
    order: dict[str, int] = {}
    safety = False
    n = 0
    for text in texts:
        if not text or not text.strip():
            continue
        a = analyze(text)
        n += 1
        safety = safety or a.safety
        for pos, tid in enumerate(a.topics):
            topic_score[tid] = topic_score.get(tid, 0.0) + (1.0 if pos == 0 else 0.8)
            order.setdefault(tid, len(order))
        for rank, nid in enumerate(a.needs):
            need_score[nid] = need_score.get(nid, 0.0) + _RANK_WEIGHT[min(rank, 3)]
            order.setdefault(nid, len(order))
    if n == 0:
        return []

    cands: list[tuple[float, int, IssueSuggestion]] = []
    if safety:
        meta = lx.needs_meta["safety"]
        cands.append((99.0, -1, IssueSuggestion(meta["issue"], 1, "safety")))
    covered: set[str] = set()
    for tid, sc in topic_score.items():
        meta = lx.topics[tid]
        cands.append((sc, order[tid], IssueSuggestion(meta["title"], int(meta["layer"]), tid)))
        covered.update(k for k, w in meta.get("needs", {}).items() if w >= 0.6)
    for nid, sc in need_score.items():
        meta = lx.needs_meta[nid]
        layer = int(meta.get("layer", 3))
        if sc < 0.7:
            continue
        if layer != 1 and nid in covered:
            continue
        # foundation needs weigh a little more: they are not for bargaining, but they matter
        cands.append((sc * (1.1 if layer == 1 else 0.9), order[nid],
                      IssueSuggestion(meta["issue"], layer, nid)))

    cands.sort(key=lambda c: (-c[0], c[1]))
    out: list[IssueSuggestion] = []
    titles: set[str] = set()
    for _, _, s in cands:
        if s.title in titles:
            continue
        titles.add(s.title)
        out.append(s)
        if len(out) >= MAX_ISSUES:
            break
    return out
