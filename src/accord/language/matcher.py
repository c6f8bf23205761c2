"""A small phrase matcher over normalized tokens.

Pattern syntax (used in every lexicon file):

- words separated by spaces, written as people type them ("don't" is fine: patterns are
  normalized like statements, so it becomes "do not");
- ``a|b|c``   one word out of several;
- ``word*``   any word starting with ``word`` (``frustrat*`` matches frustrated, frustrating);
- ``word?``   an optional word (also ``a|b?``);
- ``...``     a gap of up to four words;
- ``{name}``  a macro from the ``[macros]`` table of the lexicon (e.g. ``{partner}``).

A phrase only matches inside one clause (commas, full stops and "but" end a clause).
Matching is indexed by the first word, so adding phrases costs almost nothing at run time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .text import Token, normalize_pattern_words

_MACRO_RE = re.compile(r"\{([a-z_]+)\}")
GAP = 4


class PatternError(ValueError):
    pass


class _Elem:
    """One position of a pattern: accepted words and prefixes, or a gap."""

    __slots__ = ("words", "prefixes", "optional", "gap")

    def __init__(
        self,
        words: frozenset[str],
        prefixes: tuple[str, ...],
        optional: bool = False,
        gap: bool = False,
    ) -> None:
        self.words = words
        self.prefixes = prefixes
        self.optional = optional
        self.gap = gap


def expand_macros(pattern: str, macros: Mapping[str, str]) -> str:
    def sub(m: re.Match[str]) -> str:
        try:
            value = macros[m.group(1)]
        except KeyError:
            raise PatternError(f"unknown macro {{{m.group(1)}}} in {pattern!r}") from None
        if " " in value.strip():
            raise PatternError(f"macro {m.group(1)!r} must be one word or a|b|c, no spaces")
        return value.strip()

    for _ in range(3):
        if "{" not in pattern:
            break
        pattern = _MACRO_RE.sub(sub, pattern)
    return pattern


def parse(pattern: str) -> list[_Elem]:
    elems: list[_Elem] = []
    for raw in pattern.split():
        if raw == "...":
            elems.append(_Elem(frozenset(), (), gap=True))
            continue
        optional = raw.endswith("?")
        if optional:
            raw = raw[:-1]
        alts = raw.split("|")
        if len(alts) == 1 and not optional and not raw.endswith("*"):
            words = normalize_pattern_words(raw)
            if not words:
                raise PatternError(f"empty word in pattern {pattern!r}")
            elems.extend(_Elem(frozenset([w]), ()) for w in words)
            continue
        lits: set[str] = set()
        prefixes: list[str] = []
        for alt in alts:
            star = alt.endswith("*")
            core = alt[:-1] if star else alt
            words = normalize_pattern_words(core)
            if len(words) != 1:
                raise PatternError(
                    f"alternative {alt!r} in {pattern!r} must be one word after normalizing"
                    f" (got {words})"
                )
            if star:
                prefixes.append(words[0])
            else:
                lits.add(words[0])
        elems.append(_Elem(frozenset(lits), tuple(prefixes), optional=optional))
    if not elems:
        raise PatternError(f"empty pattern {pattern!r}")
    if elems[0].gap or elems[-1].gap:
        raise PatternError(f"a pattern cannot start or end with a gap: {pattern!r}")
    return elems


def _variants(elems: list[_Elem]) -> list[list[_Elem]]:
    """Expand optional elements into separate variants (so the first element is fixed)."""
    out: list[list[_Elem]] = [[]]
    for e in elems:
        if e.optional:
            plain = _Elem(e.words, e.prefixes)
            out = [v + [plain] for v in out] + [list(v) for v in out]
        else:
            out = [v + [e] for v in out]
        if len(out) > 64:
            raise PatternError("too many optional words in one pattern")
    return [v for v in out if v and not v[0].gap and not v[-1].gap]


# Most of the trie's nodes have no prefix children, and many no word children: they all share
# this one empty dict (never written to; `_insert` gives a node its own dict first), which
# keeps the trie small, quicker to build and quicker to walk.
_NO_CHILDREN: dict[str, _Node] = {}


class _Node:
    __slots__ = ("words", "prefixes", "plengths", "gap", "out")

    def __init__(self) -> None:
        self.words: dict[str, _Node] = _NO_CHILDREN
        self.prefixes: dict[str, _Node] = _NO_CHILDREN
        self.plengths: tuple[int, ...] = ()
        self.gap: _Node | None = None
        self.out: tuple[object, ...] = ()  # payloads of the patterns that end here


class Matcher:
    """Finds every (payload, start, end) where a pattern matches a token list.

    Patterns are stored in a word trie, so phrases sharing their first words are tried
    together and one pass over the tokens serves every pattern.
    """

    def __init__(self) -> None:
        self._root = _Node()
        self.size = 0
        # word -> the root's children that accept it (most words start no pattern); filled
        # as words are met, emptied when a pattern is added
        self._starts: dict[str, tuple[tuple[_Node, bool], ...]] = {}

    def add(self, pattern: str, payload: object, macros: Mapping[str, str] | None = None) -> None:
        if macros:
            pattern = expand_macros(pattern, macros)
        self._starts = {}
        for variant in _variants(parse(pattern)):
            self._insert(self._root, variant, 0, payload)
            self.size += 1

    def add_all(
        self, patterns: Iterable[str], payload: object, macros: Mapping[str, str] | None = None
    ) -> None:
        for p in patterns:
            self.add(p, payload, macros)

    def _insert(self, node: _Node, elems: list[_Elem], k: int, payload: object) -> None:
        if k == len(elems):
            if payload not in node.out:
                node.out = (*node.out, payload)
            return
        e = elems[k]
        if e.gap:
            if node.gap is None:
                node.gap = _Node()
            self._insert(node.gap, elems, k + 1, payload)
            return
        if e.words and node.words is _NO_CHILDREN:
            node.words = {}
        for w in e.words:
            child = node.words.get(w)
            if child is None:
                child = node.words[w] = _Node()
            self._insert(child, elems, k + 1, payload)
        if e.prefixes and node.prefixes is _NO_CHILDREN:
            node.prefixes = {}
        for p in e.prefixes:
            child = node.prefixes.get(p)
            if child is None:
                child = node.prefixes[p] = _Node()
                node.plengths = tuple(sorted({len(x) for x in node.prefixes}))
            self._insert(child, elems, k + 1, payload)

    def find(self, tokens: list[Token]) -> list[tuple[object, int, int]]:
        """All matches as (payload, first token index, index after the last token).

        For one payload and start, only the shortest match is reported.
        """
        best: dict[tuple[object, int], int] = {}
        n = len(tokens)
        words = [t.word for t in tokens]
        clauses = [t.clause for t in tokens]
        starts = self._starts
        for i in range(n):
            first = starts.get(words[i])
            if first is None:
                first = self._start(words[i])
            if not first:
                continue
            clause = clauses[i]
            k1 = i + 1
            for start_node, only_words in first:
                if only_words and (
                    k1 >= n or clauses[k1] != clause or words[k1] not in start_node.words
                ):
                    continue  # no match ends here, and the next word leads nowhere
                stack = [(start_node, k1)]
                while stack:
                    node, k = stack.pop()
                    for payload in node.out:
                        key = (payload, i)
                        old = best.get(key)
                        if old is None or k < old:
                            best[key] = k
                    if k < n and clauses[k] == clause:
                        child = node.words.get(words[k])
                        if child is not None:
                            stack.append((child, k + 1))
                        if node.prefixes:
                            _step_prefixes(node, words[k], k + 1, stack)
                        if node.gap is not None:
                            g = node.gap
                            for skip in range(GAP + 1):
                                kk = k + skip
                                if kk >= n or clauses[kk] != clause:
                                    break
                                child = g.words.get(words[kk])
                                if child is not None:
                                    stack.append((child, kk + 1))
                                if g.prefixes:
                                    _step_prefixes(g, words[kk], kk + 1, stack)
        return [(payload, i, j) for (payload, i), j in best.items()]

    def _start(self, word: str) -> tuple[tuple[_Node, bool], ...]:
        """The root's children that accept ``word``, in the order ``find`` walks them (the
        order one shared stack would pop them in, so matches are reported in that order),
        each with whether only whole words go on from it (no match ends there, no prefix,
        no gap)."""
        stack: list[tuple[_Node, int]] = []
        _step(self._root, 0, [word], stack)
        first = tuple(
            (node, not node.out and not node.prefixes and node.gap is None)
            for node, _k in reversed(stack)
        )
        if len(self._starts) >= _STARTS_KEPT:
            self._starts = {}
        self._starts[word] = first
        return first


_STARTS_KEPT = 50_000  # words remembered by Matcher._start before it starts afresh


def _step(node: _Node, k: int, words: list[str], stack: list[tuple[_Node, int]]) -> None:
    """Push the children of `node` that accept the word at position k."""
    w = words[k]
    child = node.words.get(w)
    if child is not None:
        stack.append((child, k + 1))
    if node.prefixes:
        _step_prefixes(node, w, k + 1, stack)


def _step_prefixes(node: _Node, w: str, k1: int, stack: list[tuple[_Node, int]]) -> None:
    """Push (child, k1) for each prefix child of `node` that `w` starts with."""
    for ln in node.plengths:
        if ln > len(w):
            break
        c = node.prefixes.get(w[:ln])
        if c is not None:
            stack.append((c, k1))
