"""The analysis itself: feelings, needs, blame, requests, safety and topics of a statement.

Everything is rule-based and deterministic. The words live in TOML lexicons next to this
module (``lexicons/*.toml``); they are read once, on first use, and compiled into phrase
matchers indexed by first word, so one analysis is a single pass over the tokens per lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from . import learned, learned_feelings
from .matcher import Matcher
from .sarcasm import SarcasmWords, find_sarcasm
from .text import Token, normalize_pattern_words, tokenize
from .vocab import NEED_IDS

BLAME_KINDS = ("absolute", "character", "contempt", "attunement")

# ------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class BlameSpan:
    """Attacking words in the statement: text[start:end] == text, kind in BLAME_KINDS."""

    start: int
    end: int
    kind: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "text": self.text}


@dataclass(frozen=True, slots=True)
class Request:
    """A request found in the statement; concrete = says what and/or when specifically,
    positive = asks for something to happen rather than to stop."""

    text: str
    concrete: bool
    positive: bool

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "concrete": self.concrete, "positive": self.positive}


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the engine found in one statement.

    feelings          feeling words, the ones stated (or implied by a faux feeling) first,
                      then feelings a listener might guess from what it is about
    stated_feelings   the subset of ``feelings`` that the words of the statement carry
    faux              interpretations found ("ignored", "taken for granted") - mapped to
                      real feelings and needs already
    needs             need ids, best first (at most four, only those with enough evidence)
    blame             attacking language with spans
    request           the first request, if any
    safety            language about fear of the partner, threats or violence
    topics            topic ids found, in order of appearance
    """

    feelings: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    blame: tuple[BlameSpan, ...] = ()
    request: Request | None = None
    safety: bool = False
    topics: tuple[str, ...] = ()
    stated_feelings: tuple[str, ...] = ()
    faux: tuple[str, ...] = ()
    need_scores: tuple[tuple[str, float], ...] = field(default=(), repr=False)
    # the rules saw attacking words and set them aside (quoted, reported, taken back, praise,
    # a neutral trait, a wish): the learned blame model then stays silent too
    blame_set_aside: bool = field(default=False, repr=False)
    # names of the situations found (situations.toml), for the learned need ranker
    situations: tuple[str, ...] = field(default=(), repr=False)
    # feelings whose words are denied ("I'm not gutted"): the learned guess leaves them out
    denied_feelings: tuple[str, ...] = field(default=(), repr=False)

    @property
    def has_blame(self) -> bool:
        return bool(self.blame)

    @property
    def blame_kinds(self) -> tuple[str, ...]:
        seen: list[str] = []
        for b in self.blame:
            if b.kind not in seen:
                seen.append(b.kind)
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (str, int, float, bool, lists, dicts; never None) for TOML or JSON."""
        d: dict[str, Any] = {
            "feelings": list(self.feelings),
            "stated_feelings": list(self.stated_feelings),
            "faux": list(self.faux),
            "needs": list(self.needs),
            "has_blame": self.has_blame,
            "blame": [b.to_dict() for b in self.blame],
            "safety": self.safety,
            "topics": list(self.topics),
        }
        if self.request is not None:
            d["request"] = self.request.to_dict()
        return d


# ------------------------------------------------------------------------- lexicons

NEGATORS = frozenset(
    "not never no nobody nothing none hardly barely rarely seldom without neither nor "
    "cannot".split()
)
WISH_WORDS = frozenset(
    "want wants wanted wanting need needs needed wish wishing would miss missing long "
    "longing crave craving please hope hoping ask asking expect deserve could can "
    "try".split()
)
SELF_WORDS = frozenset(("i", "me", "my", "myself", "we", "us", "our"))
OTHER_WORDS = frozenset(("you", "he", "she", "they", "him", "her", "them"))
STANDALONE_CONTEMPT = frozenset(("whatever", "typical", "classic", "figures", "unbelievable"))
POSITIVE_FEELINGS = frozenset(
    "grateful thankful happy hopeful relieved calm proud loving loved content excited".split()
)
# feelings about one's own doing: "I feel awful, I snapped at him" is no complaint
OWN_FAULT_FEELINGS = frozenset("guilty sorry regretful ashamed embarrassed".split())
PARTNER_NOUNS = frozenset(
    "husband wife partner boyfriend girlfriend fiance fiancee spouse hubby missus".split()
)
PREPOSITIONS = frozenset(
    "for to with at about of from by on in like than into onto towards toward around "
    "after before without over under near behind".split()
)


def _read(name: str) -> dict[str, Any]:
    import tomllib  # imported here so that importing the package stays cheap
    from importlib import resources

    path = resources.files("accord.language").joinpath("lexicons", name)
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _words(items: list[str]) -> frozenset[str]:
    out: set[str] = set()
    for it in items:
        out.update(normalize_pattern_words(it))
    return frozenset(out)


@dataclass
class _Entry:
    kind: str  # feeling | faux | lack | situation | situation_lack
    name: str
    feelings: tuple[str, ...]
    needs: dict[str, float]
    negated_feelings: tuple[str, ...] | None = None
    negated_needs: dict[str, float] | None = None


@dataclass
class _Lex:
    matcher: Matcher  # every phrase of every lexicon; payload = (category, value)
    entries: list[_Entry]
    needs_meta: dict[str, dict[str, Any]]
    topics: dict[str, dict[str, Any]]
    abs_words: frozenset[str]
    abs_fillers: frozenset[str]
    abs_subjects: frozenset[str]
    partner_nouns: frozenset[str]
    char_fillers: frozenset[str]
    char_links: frozenset[str]
    insult_needs: dict[str, dict[str, float]]
    kind_needs: dict[str, dict[str, float]]
    kind_needs_alone: frozenset[str]
    kind_feelings: dict[str, list[str]]
    sarcasm: SarcasmWords


@cache
def lexicon() -> _Lex:
    """Load and compile all lexicons (once per process)."""
    import gc

    # Building the tries makes tens of thousands of small objects that all live on; the
    # cyclic garbage collector would only scan them again and again meanwhile.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build_lexicon()
    finally:
        if was_enabled:
            gc.enable()


def _build_lexicon() -> _Lex:
    m = Matcher()
    fe = _read("feelings.toml")
    macros = fe.get("macros", {})
    entries: list[_Entry] = []
    for kind in ("feeling", "faux", "lack"):
        for item in fe.get(kind, []):
            if kind == "feeling":
                feelings = (item["name"], *item.get("also", ()))
            else:
                feelings = tuple(item.get("feelings", ()))
            neg_f = item.get("negated_feelings")
            entry = _Entry(
                kind,
                item["name"],
                feelings,
                dict(item.get("needs", {})),
                tuple(neg_f) if neg_f is not None else None,
                dict(item["negated_needs"]) if "negated_needs" in item else None,
            )
            idx = len(entries)
            entries.append(entry)
            m.add_all(item["words"], ("feel", idx), macros)

    si = _read("situations.toml")
    smacros = si.get("macros", {})
    for item in si.get("situation", []):
        for nid in item.get("needs", {}):
            if nid not in NEED_IDS:
                raise ValueError(f"situations.toml: unknown need id {nid!r}")
        idx = len(entries)
        entries.append(
            _Entry("situation_lack" if item.get("lack") else "situation", item["name"],
                   tuple(item.get("feelings", ())), dict(item.get("needs", {})))
        )
        m.add_all(item["words"], ("feel", idx), smacros)

    nd = _read("needs.toml")
    nmacros = nd.pop("macros", {})
    for nid, meta in nd.items():
        if nid not in NEED_IDS:
            raise ValueError(f"needs.toml: unknown need id {nid!r}")
        m.add_all(meta.get("cues", []), ("cue", (nid, 0.45)), nmacros)
        m.add_all(meta.get("strong", []), ("cue", (nid, 0.9)), nmacros)

    tp = _read("topics.toml")
    tmacros = tp.pop("macros", {})
    for tid, meta in tp.items():
        m.add_all(meta["words"], ("topic", tid), tmacros)

    bl = _read("blame.toml")
    bm = bl.get("macros", {})
    ab, ch, co, at = bl["absolute"], bl["character"], bl["contempt"], bl["attunement"]
    m.add_all(ab["trailing"], ("abs_trailing", None), bm)
    m.add_all([w for w in ab["words"] if len(normalize_pattern_words(w)) > 1],
              ("abs_trailing", None), bm)
    m.add_all(ab["phrases"], ("absolute", None), bm)
    m.add_all(ab.get("relative", []), ("abs_relative", None), bm)
    m.add_all(ab.get("fragment", []), ("abs_fragment", None), bm)
    for is_name, key in ((False, "insults"), (True, "names")):
        for p in ch[key]:
            m.add(p, ("insult", (is_name, " ".join(normalize_pattern_words(p)))), bm)
    m.add_all(ch["phrases"], ("character", None), bm)
    m.add_all(co["phrases"], ("contempt", None), bm)
    m.add_all(co["judgments"], ("judgment", None), bm)
    m.add_all(co.get("alone", []), ("contempt_alone", None), bm)
    m.add_all(co.get("with_partner", []), ("contempt_partner", None), bm)
    m.add_all(co.get("rhetorical", []), ("contempt_rhetorical", None), bm)
    m.add_all(co.get("before_partner", []), ("contempt_setup", None), bm)
    m.add_all(co.get("before_age", []), ("contempt_age", None), bm)
    m.add_all(co.get("direct", []), ("contempt_direct", None), bm)
    m.add_all(ab.get("never_praise", []), ("praise_never", None), bm)
    m.add_all(ab.get("always_praise", []), ("praise_always", None), bm)
    m.add_all(ab.get("praise_context", []), ("praise_context", None), bm)
    m.add_all(ab.get("neutral_traits", []), ("neutral_trait", None), bm)
    m.add_all(at["phrases"], ("attunement", None), bm)
    m.add_all(bl.get("aside", {}).get("phrases", []), ("blame_aside", None), bm)

    sf = _read("safety.toml")
    for p in sf["safety"]["patterns"]:
        has_neg = bool(NEGATORS.intersection(normalize_pattern_words(p)))
        m.add(p, ("safety", has_neg), sf.get("macros", {}))
    m.add_all(sf.get("not_safety", {}).get("patterns", []), ("not_safety", None),
              sf.get("macros", {}))

    rq = _read("requests.toml")
    r = rq["request"]
    for key in ("cues", "imperative", "negative", "when", "what", "vague"):
        m.add_all(r[key], ("req_" + key, None), rq.get("macros", {}))

    return _Lex(
        matcher=m,
        entries=entries,
        needs_meta=nd,
        topics=tp,
        # one-word absolutes only; "non stop" must not make "stop" an absolute
        abs_words=_words([w for w in ab["words"] if len(normalize_pattern_words(w)) == 1]),
        abs_fillers=_words(ab["fillers"]),
        abs_subjects=_words(ab["subjects"]),
        partner_nouns=_words(ab["partner_nouns"]),
        char_fillers=_words(ch["fillers"]),
        char_links=_words(ch["links"]),
        insult_needs={
            " ".join(normalize_pattern_words(k)): v for k, v in bl.get("insult_needs", {}).items()
        },
        kind_needs={k: v for k, v in bl.get("kind_needs", {}).items() if isinstance(v, dict)},
        kind_needs_alone=frozenset(bl.get("kind_needs", {}).get("only_alone", ())),
        kind_feelings=bl.get("kind_feelings", {}),
        sarcasm=SarcasmWords.from_table(bl.get("sarcasm", {})),
    )


Found = dict[str, list[tuple[object, int, int]]]


# ------------------------------------------------------------------------- helpers


_AS_IF = frozenset(
    "feel feels felt feeling seem seems seemed look looks looked sound sounds".split()
)
_AS_IF_NEXT = frozenset(
    "i you he she we they it a an the my his her our their someone anyone nobody".split()
)
_SUBJECT_START = frozenset(("i", "you", "he", "she", "we", "they", "it"))


def _negated(tokens: list[Token], start: int, window: int = 4) -> bool:
    """Is the phrase starting at `start` negated by a word shortly before it?"""
    clause = tokens[start].clause
    lo = max(-1, start - window - 1)
    for k in range(start - 1, lo, -1):
        t = tokens[k]
        if t.clause != clause:
            return False
        w = t.word
        if w in NEGATORS:
            nxt = tokens[k + 1].word if k + 1 < len(tokens) else ""
            if nxt in ("only", "just", "merely"):
                return False  # "not just angry" is not a denial
            if w == "never" and nxt in ("felt", "been", "feel") and k + 2 < len(tokens):
                if tokens[k + 2].word in ("so", "more", "this", "as", "such"):
                    return False  # "I've never felt so alone"
            if w == "no" and nxt in ("wonder", "doubt"):
                return False
            return True
        if (
            w == "like" and k > 0 and tokens[k - 1].word in _AS_IF
            and tokens[k + 1].word in _AS_IF_NEXT
        ):
            continue  # "I don't feel like he cares": "like" here means "as if"
        if w in ("want", "wanna", "wish", "like", "love", "hate"):
            return False  # "I don't want to feel ignored" still says ignored
        if w == "and" and k + 1 < start and tokens[k + 1].word in _SUBJECT_START:
            return False  # "he shouted over nothing and I feel awful": a new subject

    return False


_ASK_HONEST = frozenset(
    "you him her them need needs want wants wanted asked ask asking expect expected tried "
    "try trying just".split()
)


def _aside_honest(tokens: list[Token], i: int) -> bool:
    """ "honest" / "honesty" as a way of speaking ("to be honest, …", "tbh", "if I'm honest",
    "in all honesty"), not a need for honesty ("I need you to be honest with me")."""
    w = tokens[i].word
    clause = tokens[i].clause
    before = [t.word for t in tokens[max(0, i - 3) : i] if t.clause == clause]
    if w == "honesty":
        return before[-2:] == ["in", "all"]
    if w != "honest":
        return False
    nxt = tokens[i + 1].word if i + 1 < len(tokens) and tokens[i + 1].clause == clause else ""
    if nxt in ("with", "about", "for"):
        return False
    if before[-2:] == ["to", "be"]:
        return len(before) < 3 or before[0] not in _ASK_HONEST
    # "if I am honest", "I will be honest", "I have to be honest"
    return "i" in before[-3:] and before[-1:] in (["am"], ["be"])


def _negated_inside(tokens: list[Token], start: int, end: int) -> bool:
    return any(tokens[k].word in NEGATORS for k in range(start, end))


def _wished(tokens: list[Token], start: int, window: int = 5) -> bool:
    sent = tokens[start].sent
    lo = max(-1, start - window - 1)
    for k in range(start - 1, lo, -1):
        t = tokens[k]
        if t.sent != sent:
            return False
        if t.word in WISH_WORDS:
            return True
    return False


_SUBJECTS = frozenset(("you", "he", "she", "they"))
_COPULAS = frozenset(
    "is are was were gets get got seems seem seemed feels feel felt looks looked sounds".split()
)
_DEGREE = frozenset("so really very too just always never all a bit little quite getting "
                    "being been".split())


_WANT_WORDS = frozenset(("want", "wanna", "love"))
_TORN_SECOND = frozenset(("can", "also", "do", "have", "need", "will", "could"))


def _ambivalent(tokens: list[Token]) -> bool:
    """Two wants that pull apart in one sentence, the speaker's own: "I want to be there for
    her, I really do, but I can't ...", "I don't want to lose him but I don't want ..."."""
    n = len(tokens)
    for b, tok in enumerate(tokens):
        if tok.word != "but" or b + 2 >= n or tokens[b + 1].word != "i":
            continue
        sent = tok.sent
        first = any(
            tokens[k].word in _WANT_WORDS and tokens[k].sent == sent
            and any(tokens[m].word == "i" for m in range(max(0, k - 4), k))
            and not (k + 1 < n and tokens[k + 1].word in ("you", "him", "her")
                     and not any(tokens[m].word == "not" for m in range(max(0, k - 3), k)))
            for k in range(max(0, b - 14), b)
        )
        if not first:
            continue
        rest = [tokens[m].word for m in range(b + 2, min(n, b + 6)) if tokens[m].sent == sent]
        if rest[:1] and rest[0] in _TORN_SECOND and (
            "not" in rest[:3] or "want" in rest[:3] or rest[0] in ("have", "need")
        ):
            return True
    return False


def _partner_feeling(tokens: list[Token], start: int, end: int) -> bool:
    """True when a feeling word is said of the partner ("you're angry"), not the speaker."""
    if end < len(tokens) and tokens[end].word in ("me", "my", "us", "our", "myself"):
        return False  # "you hurt me", "it upset me"
    if (
        end + 1 < len(tokens)
        and tokens[end].word in _SUBJECTS
        and tokens[end + 1].word in ("is", "are", "was", "were", "gets", "got", "feels", "seems")
        and (
            end + 2 >= len(tokens)
            or tokens[end + 2].clause != tokens[end + 1].clause
            or (start > 0 and tokens[start - 1].word == "how")
        )
    ):
        return True  # "how stressed he is"; not "happy he is home"
    clause = tokens[start].clause
    if _supposed(tokens, start):
        return True
    for k in range(start - 1, max(-1, start - 7), -1):
        t = tokens[k]
        if t.clause != clause:
            return False
        if (
            t.word in PARTNER_NOUNS and k + 1 < start and tokens[k + 1].word in _COPULAS
            and all(tokens[m].word in _DEGREE for m in range(k + 2, start))
        ):
            return True  # "my bf gets annoyed when I cry", "my wife is so stressed"
        if t.word in SELF_WORDS:
            return False
        if t.word in OTHER_WORDS:
            if (
                t.word in _SUBJECTS and k + 1 < start and tokens[k + 1].word in _COPULAS
                and all(tokens[m].word in _DEGREE for m in range(k + 2, start))
                and (k == 0 or tokens[k - 1].word not in ("like", "if", "though"))
            ):
                # "I get that you are stressed", "when he is angry": the feeling is said
                # of the partner, whatever comes before it
                return True
            prev = tokens[k - 1].word if k > 0 else ""
            if prev in PREPOSITIONS or prev in ("when", "that", "if", "because"):
                # "angry at you", "worried that you" -> still the speaker's feeling
                continue
            return True
    return False


def _supposed(tokens: list[Token], start: int) -> bool:
    """A feeling supposed of someone else: "(it) must be exhausting, being right all the
    time", "that must have been scary for you"; not "I must be mad"."""
    k = start - 1
    while k >= 0 and tokens[k].word in _DEGREE and tokens[k].word != "been":  # "must be so tiring"
        k -= 1
    if k >= 0 and tokens[k].word == "been" and k >= 1 and tokens[k - 1].word == "have":
        k -= 2
    elif k >= 0 and tokens[k].word == "be":
        k -= 1
    else:
        return False
    if k < 0 or tokens[k].word != "must" or tokens[k].clause != tokens[start].clause:
        return False
    before = tokens[k - 1] if k > 0 else None
    return before is None or before.word not in SELF_WORDS or before.clause != tokens[k].clause


_EXPECT_WORDS = frozenset(("should", "supposed", "expect", "expects", "expected", "ought"))
_SAY_WORDS = frozenset(
    "says said say thinks thought think calls called call claims claimed accuses accused "
    "tells told".split()
)


_SIMILE_TOPICS = frozenset(("kids", "pets"))
# words that may stand between "like" (or "as if") and what the partner is compared to
_SIMILE_FILLER = frozenset((
    "a", "an", "the", "one", "of", "my", "our", "your", "his", "her", "their", "some",
    "i", "am", "you", "are", "he", "she", "is", "we", "was", "were", "big", "little", "small",
    "naughty", "stupid", "spoilt", "spoiled", "bad", "silly", "misbehaving", "another", "extra",
    "living", "with", "having", "raising", "babysitting", "looking", "after", "dealing",
    "married", "to", "second", "third", "fourth", "grown", "overgrown", "teenage", "old",
))

_LIKE_AS_VERB = frozenset((
    "i", "we", "they", "would", "should", "could", "might", "will", "to", "do", "does", "did",
    "not", "really", "also", "still", "both", "all",
))


def _simile(tokens: list[Token], start: int) -> bool:
    """The words at ``start`` are what someone is compared to ("like a child", "as if I'm a
    kid", "like one of the kids", "like a dog"), not the topic they name."""
    clause = tokens[start].clause
    for k in range(start - 1, max(-1, start - 6), -1):
        t = tokens[k]
        if t.clause != clause:
            return False
        if t.word == "like":  # not the verb: "I'd like a dog", "we like the kids' school"
            return k == 0 or tokens[k - 1].word not in _LIKE_AS_VERB
        if t.word == "if" and k > 0 and tokens[k - 1].word == "as":
            return True
        if t.word not in _SIMILE_FILLER:
            return False
    return False


def _expected_feeling(tokens: list[Token], start: int) -> bool:
    """A feeling someone else expects or ascribes to the speaker, not one they state:
    "he thinks I should be grateful", "she says I'm jealous"."""
    clause = tokens[start].clause
    for k in range(start - 1, max(-1, start - 5), -1):
        t = tokens[k]
        if t.clause != clause:
            return False
        if t.word in _EXPECT_WORDS:
            return True
        if t.word in _SAY_WORDS:
            prev = tokens[k - 1].word if k > 0 and tokens[k - 1].clause == clause else ""
            return prev in OTHER_WORDS or prev in PARTNER_NOUNS
    return False


def _span(text: str, tokens: list[Token], i: int, j: int, kind: str) -> BlameSpan:
    s, e = tokens[i].start, tokens[j - 1].end
    return BlameSpan(s, e, kind, text[s:e])


def _any_quoted(tokens: list[Token], i: int, j: int) -> bool:
    return any(tokens[k].quoted for k in range(i, j))


# ------------------------------------------------------------------------- blame


def _find_blame(
    text: str, tokens: list[Token], lx: _Lex, by: Found, insults_found: list[str],
    aside: list[int] | None = None,
) -> list[BlameSpan]:
    spans: list[BlameSpan] = []
    if aside is None:
        aside = []
    n = len(tokens)

    # Absolutes: "you always", "he never", "my wife never", "why can't you ever"
    praise = (
        {i for _, i, _ in by.get("praise_never", ())},
        {i for _, i, _ in by.get("praise_always", ())},
    )
    praise_sents = {tokens[i].sent for _, i, _ in by.get("praise_context", ())}
    traits = {i for _, i, _ in by.get("neutral_trait", ())}
    for i, tok in enumerate(tokens):
        w = tok.word
        is_abs = w in lx.abs_words
        if not is_abs and w == "ever":
            is_abs = any(
                tokens[k].word in ("not", "never") and tokens[k].clause == tok.clause
                for k in range(max(0, i - 4), i)
            )
        k = i - 1
        if not is_abs and i > 0 and w == "everything" and tokens[i - 1].word in (
            "at", "about", "with", "on", "over"
        ) and i > 1 and tokens[i - 2].word.startswith(_EVERYTHING_VERBS):
            # "she picks at everything I do", "he complains about everything"
            is_abs = True
            k = i - 3
        elif not is_abs and i > 0 and (
            w == "nothing" and tokens[i - 1].word in _NOTHING_VERBS
            or w == "everything" and tokens[i - 1].word.startswith(_EVERYTHING_VERBS)
        ):
            # "he does nothing around the house", "she criticises everything I do"
            is_abs = True
            if tokens[i - 1].word not in lx.abs_fillers:
                k = i - 2
        if not is_abs:
            continue
        if tok.quoted:
            aside.append(i)
            continue
        found = -1
        while k >= 0 and tokens[k].clause == tok.clause and i - k <= 7:
            kw = tokens[k].word
            if kw in lx.abs_subjects:
                found = k
                break
            if kw in lx.partner_nouns and k > 0 and tokens[k - 1].word == "my":
                found = k - 1
                break
            if kw == "your" and i - k == 1:
                found = k  # "your always late" (you're)
                break
            if tokens[k].cap and k > 0 and tokens[k - 1].sent == tokens[k].sent and kw not in (
                "i",
            ) and kw not in lx.abs_fillers:
                found = k  # a name in mid-sentence: "... and Sam never calls"
                break
            if kw in lx.abs_fillers:
                k -= 1
                continue
            if kw in ("and", "then") and w not in ("never", "ever", "nothing") and (
                _clause_subject(tokens, k) in lx.abs_subjects
            ):
                # "she comes home and picks at everything I do"; not "... and never told
                # me", "... and says nothing", which tell of one time
                found = k + 1
            break
        if found >= 0:
            if not _praise(tokens, i + 1, w, praise, lx) and not _kind_absolute(
                tokens, found, i, w, praise_sents, traits
            ):
                spans.append(_span(text, tokens, found, i + 1, "absolute"))
            else:
                aside.append(i)

    # Trailing absolutes: "you're on your phone all the time"
    for _, i, j in by.get("abs_trailing", ()):
        if _any_quoted(tokens, i, j):
            aside.append(i)
            continue
        subj = next((tokens[m].word for m in range(i + 1, j) if tokens[m].word in
                     lx.abs_subjects), None)  # "every chance he gets"
        if subj is None:
            subj = _clause_subject(tokens, i)
        if subj is None and tokens[i].word in ("every", "whenever") and all(
            tokens[m].word in _ALONE_LEAD for m in range(_clause_start(tokens, i), i)
        ):
            # "every time we argue she ..." is about the partner; "every time we visit his
            # parents his mum ..." is about both of us
            subj = _forward_subject(tokens, j, 6 if j < n and tokens[j].word == "we" else 14)
        if j < n and tokens[j].clause == tokens[i].clause and tokens[j].word in _NOT_NOTHING and (
            tokens[j - 1].word in ("anything", "thing")
        ):
            aside.append(i)  # "he didn't do anything wrong"
            continue
        if subj is not None and subj in lx.abs_subjects:
            if _used_to(tokens, i) or any(
                tokens[m].word in _STATE_WORDS for m in range(_clause_start(tokens, i), i)
            ):
                # "he's tired all the time" tells of a state, not a fault
                aside.append(i)
            else:
                spans.append(_span(text, tokens, i, j, "absolute"))

    for _, i, j in by.get("absolute", ()):
        if _any_quoted(tokens, i, j):
            continue
        abs_word = next((tokens[k].word for k in range(i, j) if tokens[k].word in lx.abs_words),
                        "")
        if abs_word and _praise(tokens, j, abs_word, praise, lx):
            aside.append(i)
            continue  # "she has never once cheated"
        if tokens[i].word in ("every", "each") and _clause_subject(tokens, i) in ("i", "we"):
            continue  # "I'm anxious every time she goes out" is about the speaker
        if tokens[i].word == "never" and i > 0 and (
            tokens[i - 1].word in ("i", "we")
            or tokens[i - 1].word == "have" and i > 1 and tokens[i - 2].word in ("i", "we")
        ):
            continue  # "I've never once checked his phone"
        spans.append(_span(text, tokens, i, j, "absolute"))
    for _, i, j in by.get("abs_relative", ()):
        # "someone who never listens"; not "I want someone who always makes time for me"
        abs_word = next((tokens[k].word for k in range(i, j) if tokens[k].word in
                         lx.abs_words), "")
        if _any_quoted(tokens, i, j) or _wish_before(tokens, i, _WANT_LEAD) or (
            abs_word and _praise(tokens, j, abs_word, praise, lx)
        ):
            aside.append(i)
            continue
        spans.append(_span(text, tokens, i, j, "absolute"))
    for _, i, j in by.get("abs_fragment", ()):
        # "he makes plans and tells me after. every weekend." - the absolute as a clause of
        # its own after one where the partner acts; not "he works late every day"
        if _any_quoted(tokens, i, j) or not _alone_in_clause(tokens, i, j):
            continue
        start = _clause_start(tokens, i)
        if j < n and tokens[j].sent == tokens[i].sent or tokens[i].sent in praise_sents or any(
            tokens[m].sent == tokens[i].sent for _, m, _e in by.get("blame_aside", ())
        ):
            continue  # it must end the sentence, in a complaint ("I cook, he cleans, every day")
        if start > 0 and any(tokens[m].word in ("every", "each") and tokens[m].clause ==
                             tokens[start - 1].clause for m in range(max(0, start - 12), start)):
            continue  # "He goes running every morning. Every single day." repeats a habit
        if _prev_clause_partner(tokens, start, lx):
            spans.append(_span(text, tokens, i, j, "absolute"))
    for i, tok in enumerate(tokens):
        # "you told your mum AGAIN", "You forgot to pick her up. AGAIN."
        if tok.word != "again" or tok.quoted or not text[tok.start : tok.end].isupper():
            continue
        subj = _clause_subject(tokens, i)
        if subj is None and _alone_in_clause(tokens, i, i + 1):
            if _prev_clause_partner(tokens, _clause_start(tokens, i), lx):
                subj = "you"
        if subj in lx.abs_subjects:
            spans.append(_span(text, tokens, i, i + 1, "absolute"))

    # Scare quotes on what the partner does: 'he "forgets"', 'she is "too tired"'
    for q, tok in enumerate(tokens):
        if not tok.quoted or q == 0 or tokens[q - 1].quoted:
            continue
        e = q
        while e < n and tokens[e].quoted and tokens[e].clause == tok.clause:
            e += 1
        if e - q > 3 or e < n and tokens[e].quoted or any(
            tokens[m].word in SELF_WORDS for m in range(q, e)
        ):
            continue  # a longer quote, or the speaker's own words, is reported speech
        quoted = " ".join(tokens[m].word for m in range(q, e))
        if not quoted.startswith(_SCARE_WORDS):
            continue  # only an excuse or an effort in quotes: not 'he's been "working late"'
        k = q - 1
        while k >= 0 and tokens[k].word in _SCARE_LINKS and tokens[k].clause == tok.clause:
            k -= 1
        if k < 0 or tokens[k].clause != tok.clause and k + 1 == q or tokens[k].word in SELF_WORDS:
            continue
        kw = tokens[k].word
        partner = kw in lx.abs_subjects or (
            kw in lx.partner_nouns and k > 0 and tokens[k - 1].word == "my"
        )
        if not partner and k + 1 < q:
            partner = _clause_subject(tokens, q) in lx.abs_subjects or _prev_clause_partner(
                tokens, _clause_start(tokens, q), lx
            )
        if partner and not _reported(tokens, k if kw in lx.abs_subjects else k - 1):
            spans.append(_span(text, tokens, q, e, "contempt"))

    # Character attacks: insults aimed at the partner
    for (is_name, key), i, j in by.get("insult", ()):
        if _any_quoted(tokens, i, j):
            aside.append(i)
            continue
        if j < n and (key == "hopeless" and tokens[j].word == "at"
                      or key == "obsessed" and tokens[j].word == "with"
                      or key == "fool" and tokens[j].word == "for"
                      or key == "joke" and tokens[j].word in ("about", "around", "that")
                      or key == "sensitive" and tokens[j].word == "to"
                      and not (j + 1 < n and tokens[j + 1].word == "everything")
                      or key.startswith("waste") and tokens[j].word == "of"
                      and i > 1 and tokens[i - 2].word in ("what", "such")
                      or key == "nightmare" and tokens[j].word == "to" and j + 1 < n
                      and tokens[j + 1].word in ("buy", "shop", "find", "book", "wrap", "park")):
            # "he's hopeless at remembering dates", "obsessed with his new job", "what a waste
            # of a weekend", "a nightmare to buy presents for"
            continue
        if key == "tight" and j < n and tokens[j].clause == tokens[i].clause and (
            tokens[j].word in ("lipped", "knit", "schedule", "deadline", "squeeze", "spot")
            or tokens[j].word == "with" and not any(
                tokens[m].word in ("money", "cash", "pennies", "bills", "spending")
                for m in range(j + 1, min(n, j + 3))
            )
        ):
            continue  # "he's tight with his brother", "she's tight-lipped"
        if j + 1 < n and tokens[j].word == "of" and tokens[j + 1].word in ("you", "him", "her"):
            spans.append(_span(text, tokens, i, j + 2, "character"))
            insults_found.append(key)
            continue
        start = _insult_target(tokens, i, bool(is_name), lx, text)
        if start > 0 and tokens[start - 1].word == "without" and tokens[start].word == "you":
            aside.append(i)  # "Can I say something without you getting defensive?"
            continue
        if start >= 0 and not _reported(tokens, start):
            spans.append(_span(text, tokens, start, j, "character"))
            insults_found.append(key)
        elif start >= 0:
            aside.append(i)
    for _, i, j in by.get("character", ()):
        if i > 1 and tokens[i - 1].word in ("a", "an") and tokens[i - 2].word == "am":
            aside.append(i)
            continue  # "I'm a grown man": the speaker of themselves
        if i > 0 and tokens[i - 1].word in ("not", "no") and tokens[j - 1].word == "fault" or (
            tokens[j - 1].word == "hopeless" and j < n and tokens[j].word == "at"
        ) or _about_a_child(tokens, i, j):
            aside.append(i)  # "it's not her fault", "he's hopeless at remembering dates"
            continue
        if not _any_quoted(tokens, i, j) and not _reported(tokens, i):
            spans.append(_span(text, tokens, i, j, "character"))
        else:
            aside.append(i)

    # Contempt
    for _, i, j in by.get("contempt", ()):
        if tokens[i].word == "more" and any(
            tokens[m].word in ("when", "feel", "feels") and tokens[m].sent == tokens[i].sent
            for m in range(max(0, i - 12), i)
        ):
            continue  # "it hurts when you text her more than you text me" names a feeling
        if tokens[i].word == "i" and j < n and tokens[j].word == "but":
            continue  # "I'm not your maid, but I'm happy to help on Sundays"
        if tokens[i].word.startswith(("expect", "want", "deserv", "need")) and i > 0 and (
            tokens[i - 1].word == "not"
        ):
            continue  # "I didn't expect a medal, but a thank you would have been nice"
        if tokens[i].word == "get" and any(
            tokens[m].word in ("asking", "telling", "saying") and tokens[m - 1].word == "not"
            for m in range(max(1, i - 4), i)
        ):
            continue  # "I'm not asking you to get over it"
        if tokens[i].word == "talking" and any(
            tokens[m].word == "feel" for m in range(max(0, i - 5), i)
        ):
            continue  # "When you check your phone I feel like I'm talking to a wall"
        if not _any_quoted(tokens, i, j):
            spans.append(_span(text, tokens, i, j, "contempt"))
    for _, i, j in by.get("contempt_partner", ()):
        if not _any_quoted(tokens, i, j) and _names_partner(tokens, tokens[i].sent, lx):
            spans.append(_span(text, tokens, i, j, "contempt"))
    for _, i, j in by.get("contempt_rhetorical", ()):
        sent = tokens[i].sent
        if not _any_quoted(tokens, i, j) and (
            _names_partner(tokens, sent, lx)
            or not any(t.sent == sent and t.word in SELF_WORDS for t in tokens)
        ):
            spans.append(_span(text, tokens, i, j, "contempt"))
    for _, i, j in by.get("contempt_alone", ()):
        if _any_quoted(tokens, i, j) or not _alone_in_clause(tokens, i, j):
            aside.append(i)
            continue
        spans.append(_span(text, tokens, i, j, "contempt"))
    for _, i, j in by.get("contempt_setup", ()):
        if _any_quoted(tokens, i, j) or not _alone_in_clause(tokens, i, j):
            continue
        if j < n and tokens[j].clause != tokens[i].clause and tokens[j].word in lx.abs_subjects:
            spans.append(_span(text, tokens, i, j, "contempt"))
    for _, i, j in by.get("contempt_direct", ()):
        # "piss off", not "he told me to piss off"
        if not _any_quoted(tokens, i, j) and not any(
            tokens[m].word in _TOLD_WORDS for m in range(max(0, i - 4), i)
            if tokens[m].sent == tokens[i].sent
        ):
            spans.append(_span(text, tokens, i, j, "contempt"))
    if "\U0001f644" in text or "/s" in text:
        # the eye-roll emoji, and "/s" that marks a sentence as sarcastic
        for mt in _EYEROLL_RE.finditer(text):
            spans.append(BlameSpan(mt.start(), mt.end(), "contempt", mt.group()))
    for _, i, j in by.get("contempt_age", ()):
        # "What are you, five?"
        if _any_quoted(tokens, i, j) or not _alone_in_clause(tokens, i, j) or j >= n:
            continue
        if tokens[j].clause != tokens[i].clause and tokens[j].word in _AGES and (
            _clause_len(tokens, j) <= 3
        ):
            spans.append(_span(text, tokens, i, j + 1, "contempt"))
    for _, i, j in by.get("judgment", ()):
        if _any_quoted(tokens, i, j):
            continue
        clause = tokens[i].clause
        near = {tokens[k].word for k in range(max(0, i - 3), i) if tokens[k].clause == clause}
        if near & {"i", "me", "myself", "feel", "felt", "feeling"}:
            continue
        spans.append(_span(text, tokens, i, j, "contempt"))
    for i, tok in enumerate(tokens):
        if tok.word not in STANDALONE_CONTEMPT or tok.quoted:
            continue
        if tok.word != "whatever" and (
            i + 1 < len(tokens) and tokens[i + 1].sent == tok.sent
            or i > 0 and tokens[i - 1].sent == tok.sent
        ):
            continue  # "Typical." counts only as a sentence of its own
        rest = text[tok.end : tok.end + 3].lstrip(" ")
        prev = tokens[i - 1].word if i > 0 and tokens[i - 1].sent == tok.sent else ""
        alone = not rest or rest[0] in ".!?,;:-\u2026"
        if alone or prev in ("yeah", "okay", "fine", "so", "oh", "um", "meh"):
            spans.append(_span(text, tokens, i, i + 1, "contempt"))

    for i, j in find_sarcasm(text, tokens, lx.sarcasm):
        if not tokens[i].quoted:
            spans.append(_span(text, tokens, i, j, "contempt"))

    for _, i, _j in by.get("blame_aside", ()):
        aside.append(i)

    # Attunement trap
    for _, i, j in by.get("attunement", ()):
        if _any_quoted(tokens, i, j):
            continue
        if tokens[i].word == "without" and _wish_before(tokens, i):
            aside.append(i)
            continue  # "I wish you'd say it without me having to ask" is a wish
        if tokens[i].word == "without" and not any(
            tokens[m].word in _WITHOUT_LEAD and tokens[m].sent == tokens[i].sent
            for m in range(max(0, i - 12), i)
        ):
            aside.append(i)
            continue  # "he cleaned the flat without me asking": a kindness, not a complaint
        spans.append(_span(text, tokens, i, j, "attunement"))

    return _dedupe_spans(spans)


def _kind_absolute(tokens: list[Token], found: int, i: int, w: str, praise_sents: set[int],
                   traits: set[int]) -> bool:
    """Is the absolute from `found` to `i` kind or neutral rather than an attack?
    "I love that you always ...", "she always asks first, which I appreciate" (praise in the
    sentence, for "always" words); "he's always been a night owl" (a neutral trait);
    "she said she never wanted a big wedding" (the partner's own words, reported)."""
    if w not in ("never", "ever") and tokens[i].sent in praise_sents:
        return True
    if any(m in traits for m in range(i + 1, min(len(tokens), i + 4))):
        return True
    if w == "never" and i + 1 < len(tokens) and tokens[i + 1].word in _CONTACT_PAST and any(
        t.sent == tokens[i].sent and t.word in _FEAR for t in tokens
    ):
        return True  # "you never texted and I was scared": one night, told with worry
    k = found - 1
    if k >= 0 and tokens[k].word == "that":
        k -= 1
    if k >= 0 and tokens[k].word in _CONCERN:
        return True  # "I worry she never gets to rest"
    return k >= 1 and tokens[k].word in _REPORT_WORDS and tokens[k - 1].word == tokens[found].word


# words before "without me asking" that make it a complaint ("he never does it without ...")
_WITHOUT_LEAD = NEGATORS - {"without"} | frozenset(
    "ever every always once why just single anything can could would should have has".split()
)
# words between the partner and a scare-quoted word ('she is "too tired"', 'and then is "busy"')
_SCARE_WORDS = (
    "forgot", "forget", "too tired", "too busy", "tired", "busy", "did not see", "did not hear",
    "did not know", "did not notice", "did not realize", "lost track", "misplaced", "overslept",
    "help", "cleaned", "tidied", "cooked", "tried", "tries", "try", "trying", "sick", "ill",
    "could not", "can not", "was not able", "had no signal", "no signal", "had to",
)
_SCARE_LINKS = frozenset(
    "is was are were am be been then and so suddenly conveniently apparently always just "
    "still again".split()
)


_CONTACT_PAST = frozenset(
    "texted text called rang phoned replied answered messaged came showed turned picked got "
    "arrived let".split()
)
_FEAR = frozenset(
    "scared worried terrified frightened panicking panicked afraid anxious worry sick".split()
)


_PARTNER_WORDS = frozenset(
    "you your yours yourself he his him himself she her hers herself".split()
)


def _names_partner(tokens: list[Token], sent: int, lx: _Lex) -> bool:
    for k, t in enumerate(tokens):
        if t.sent == sent and (
            t.word in _PARTNER_WORDS
            or t.word in lx.partner_nouns and k > 0 and tokens[k - 1].word == "my"
        ):
            return True
    return False


def _used_to(tokens: list[Token], i: int) -> bool:
    """ "he used to hold my hand all the time" looks back, it does not attack."""
    c = tokens[i].clause
    for k in range(i - 1, 0, -1):
        if tokens[k].clause != c:
            return False
        if tokens[k].word == "to" and tokens[k - 1].word == "used":
            return True
    return False


_WISH_LEAD = frozenset(("wish", "wished", "please", "hope"))
# a wish for a partner who is some way ("I want someone who always makes time for me")
_WANT_LEAD = _WISH_LEAD | frozenset(
    "want wanted deserve deserved need needed looking find found dream ideal marry".split()
)
# states that "all the time" describes without blaming ("he's tired all the time")
_STATE_WORDS = frozenset(
    "tired exhausted stressed sick ill unwell worried anxious depressed sad scared sore poorly "
    "knackered hurting struggling crying pain exhausting grieving".split()
)
# what follows "he doesn't do anything" when it is not "does nothing" ("anything wrong")
_NOT_NOTHING = frozenset(
    "wrong bad about for with like that illegal stupid special different else silly "
    "dangerous crazy weird unless".split()
)
_TOLD_WORDS = frozenset(
    "told tells tell telling said says saying yelled yells shouted shouts screamed screams "
    "texted wrote".split()
)
_EYEROLL_RE = re.compile("\U0001f644+|(?<![\\w/])/s\\b")
_AGES = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen 2 3 4 5 6 7 8 "
    "9 10 11 12 13 14 a child kid toddler teenager baby".split()
)


_CHILD_WORDS = frozenset(
    "son daughter toddler kid kids child children baby boy girl stepson stepdaughter".split()
)
_CHILDISH = frozenset("tantrum strop hissy paddy wobbly tizzy toddler baby child kid".split())


def _about_a_child(tokens: list[Token], i: int, j: int) -> bool:
    """ "our son is two and he throws a tantrum every night": childish words about a child,
    not the partner."""
    if not any(tokens[m].word in _CHILDISH for m in range(i, j)):
        return False
    sent = tokens[i].sent
    return any(tokens[m].word in _CHILD_WORDS and tokens[m].sent == sent for m in range(0, i))


def _prev_clause_partner(tokens: list[Token], start: int, lx: _Lex) -> bool:
    """Is the partner the subject of the clause just before token `start` (in the same or
    the previous sentence)?"""
    p = start - 1
    if p < 0 or tokens[start].sent - tokens[p].sent > 1:
        return False
    subj = _clause_subject(tokens, p + 1) if tokens[p + 1].clause == tokens[p].clause else None
    if subj is None:
        subj = _clause_subject(tokens, p)
        if subj is None and tokens[p].word in lx.abs_subjects:
            subj = tokens[p].word
    return subj in lx.abs_subjects


def _wish_before(tokens: list[Token], i: int, lead: frozenset[str] = _WISH_LEAD) -> bool:
    sent = tokens[i].sent
    for k in range(i - 1, -1, -1):
        if tokens[k].sent != sent:
            return False
        if tokens[k].word in lead or (
            tokens[k].word in ("love", "like") and k > 0 and tokens[k - 1].word == "would"
        ):
            return True
    return False


_NOTHING_VERBS = frozenset(
    "do does did doing help helps helped contribute contributes contributed says".split()
)
_EVERYTHING_VERBS = (
    "critici", "complain", "moan", "judge", "question", "control", "nitpick", "pick", "nag",
    "comment", "correct", "argue", "argues", "whinge", "whine", "forget", "ruin", "hover",
    "mess", "lose", "lie", "lying", "sulk", "overreact", "obsess", "mock", "dismiss",
    "belittl", "ridicul", "undermin", "spoil", "scoff", "sneer", "overanaly", "exaggerat",
)


_ALONE_LEAD = frozenset("like oh so um and i mean just well okay ok honestly but".split())
_ALONE_TAIL = frozenset("right now then again".split())


def _alone_in_clause(tokens: list[Token], i: int, j: int) -> bool:
    """Does the phrase at i..j make up its clause, give or take a leading "like" / "oh"?"""
    c = tokens[i].clause
    k = i - 1
    while k >= 0 and tokens[k].clause == c:
        if tokens[k].word not in _ALONE_LEAD:
            return False
        k -= 1
    k = j
    while k < len(tokens) and tokens[k].clause == c:
        if tokens[k].word not in _ALONE_TAIL:
            return False
        k += 1
    return True


_PRAISE_SKIP = frozenset("once ever even really just been so".split())


def _praise(tokens: list[Token], k: int, abs_word: str, praise: tuple[set[int], set[int]],
            lx: _Lex) -> bool:
    """Is the absolute ending before token k praise ("he never forgets", "you always make
    me laugh") rather than blame?"""
    starts = praise[0] if abs_word in ("never", "ever") else praise[1]
    if not starts or abs_word == "never" and _no_longer(tokens, k):
        return False
    for m in range(k, min(len(tokens), k + 3)):
        if m in starts:
            return True
        if tokens[m].word not in _PRAISE_SKIP and tokens[m].word not in lx.abs_fillers:
            return False
    return False


def _no_longer(tokens: list[Token], k: int) -> bool:
    """ "you never touch me anymore": something that stopped, a complaint, not praise."""
    if k >= len(tokens):
        return False
    clause = tokens[k].clause
    for m in range(k, min(len(tokens), k + 8)):
        if tokens[m].clause != clause:
            return False
        if tokens[m].word == "anymore" or tokens[m].word == "more" and tokens[m - 1].word == "any":
            return True
    return False


_REPORT_WORDS = frozenset(
    "says said say saying thinks thought think thinking calls called call claims claimed "
    "told tells reckons reckon".split()
)


_RELATIVES = frozenset(
    "mother mom dad father mum sister brother family parents friend friends boss ex son "
    "daughter kids children cousin aunt uncle grandma gran nan".split()
)
_CONCERN = frozenset(("worry", "worried", "afraid", "hope", "fear", "scared", "wish"))
_SORRY = frozenset(("sorry", "apologize", "apologized", "regret", "regretted", "ashamed"))


def _reported(tokens: list[Token], start: int) -> bool:
    """Is an insult about the partner reported from someone else ("my mum says he's lazy")
    or taken back ("I'm not saying he's useless", "I used to think he was selfish")?"""
    k = start - 1
    if k >= 0 and tokens[k].word == "that":
        k -= 1
    if k < 0 or tokens[k].word not in _REPORT_WORDS:
        return False
    sent = tokens[k].sent
    if any(tokens[m].word in _SORRY and tokens[m].sent == sent for m in range(max(0, k - 6), k)):
        return True  # "I'm sorry I called you a selfish cow"
    before = [tokens[m].word for m in range(max(0, k - 3), k)]
    if NEGATORS.intersection(before) or "used" in before:
        return True
    for w in reversed(before):
        if w in ("i", "we"):
            return False  # "I think you're selfish" is the speaker's own judgement
        if w in ("always", "keeps", "just", "even", "also", "still", "really", "am", "do"):
            continue
        return True
    return False


def _clause_subject(tokens: list[Token], i: int) -> str | None:
    clause = tokens[i].clause
    for k in range(i - 1, -1, -1):
        t = tokens[k]
        if t.clause != clause:
            return None
        if t.word in SELF_WORDS - {"my", "our", "me", "us"}:
            if t.word == "i" and k > 0 and tokens[k - 1].word in _REPORT_WORDS:
                continue  # "he says I'm too sensitive every time ...": the subject is "he"
            return t.word
        if t.word in ("you", "he", "she", "they", "it", "we"):
            prev = tokens[k - 1].word if k > 0 else ""
            if prev in PREPOSITIONS:
                continue
            return t.word
        if k > 0 and tokens[k - 1].word == "my" and t.word in PARTNER_NOUNS and not (
            k + 1 < len(tokens) and tokens[k + 1].word in _RELATIVES
        ):
            return "he"  # "my partner cancels plans all the time", not "my husband's mother"
    return None


def _forward_subject(tokens: list[Token], j: int, window: int = 14) -> str | None:
    """After a leading "every time I ...", find the partner as subject of the main clause."""
    if j >= len(tokens):
        return None
    sent = tokens[j - 1].sent
    for k in range(j, min(len(tokens), j + window)):
        t = tokens[k]
        if t.sent != sent:
            return None
        if t.word in ("you", "he", "she"):
            prev = tokens[k - 1].word
            if prev in PREPOSITIONS or prev in ("tell", "ask", "told", "asked", "see", "saw"):
                continue
            return t.word
    return None


def _prev_sentence_about_me(tokens: list[Token], start: int) -> bool:
    """ "I was so stupid. Stupid.": the sentence before speaks of the speaker alone."""
    if start == 0:
        return False
    sent = tokens[start - 1].sent
    words = {t.word for t in tokens[max(0, start - 30) : start] if t.sent == sent}
    return bool(words & {"i", "me", "myself"}) and not words & _PARTNER_WORDS


def _typed_s(tok: Token, text: str) -> bool:
    """Was the word typed with "'s" ("husband's": here read as "husband is")?"""
    return text[tok.end - 2 : tok.end].lower() in ("'s", "\u2019s")


def _insult_target(tokens: list[Token], i: int, is_name: bool, lx: _Lex, text: str = "") -> int:
    """Index where the attack starts if the insult at i is aimed at the partner, else -1."""
    clause = tokens[i].clause
    saw_link = False
    k = i - 1
    while k >= 0 and tokens[k].clause == clause and i - k <= 8:
        w = tokens[k].word
        if w in lx.abs_subjects:
            if saw_link or is_name:
                return k
            if k > 0 and tokens[k - 1].clause == clause and tokens[k - 1].word in (
                "are", "is", "were", "was"
            ):
                return k - 1  # a question: "why are you so defensive"
            return -1
        if w == "your" and not saw_link and k + 1 < len(tokens) and (
            k + 1 < i
            and tokens[k + 1].word in lx.char_fillers
            and (tokens[k + 1].word not in ("a", "an", "the") or is_name and k + 1 < i - 1
                 or is_name and tokens[k + 1].word in ("a", "an"))
            or k + 1 == i and i + 1 < len(tokens) and tokens[i + 1].clause != clause
        ):
            return k  # "ur so lazy", "your pathetic." (you're)
        if w in lx.partner_nouns and k > 0 and tokens[k - 1].word == "my":
            if saw_link or _typed_s(tokens[k], text):
                return k - 1  # "my husband is useless", "my husband's useless"
            return -1
        if w in ("man", "guy", "woman", "girl", "bloke") and k > 0 and tokens[k - 1].word in (
            "this", "that"
        ) and saw_link:
            return k - 1  # "this man is useless"
        if w == "being" and k > 0 and tokens[k - 1].word in ("stop", "quit") and not any(
            tokens[m].word in SELF_WORDS for m in range(_clause_start(tokens, k), k)
        ):
            return k - 1  # "stop being so dramatic", not "I'm trying to stop being so needy"
        if w in lx.char_links or w in ("have", "has", "had", "will", "would", "can", "could"):
            saw_link = True
            k -= 1
            continue
        if w == "to" and saw_link and k > 0 and tokens[k - 1].word in (
            "have", "has", "had", "need", "needs", "got", "always"
        ):
            k -= 1  # "why do you have to be so difficult"
            continue
        if (w in ("married", "marry", "dating") or w == "with" and k > 0 and tokens[k - 1].word in (
            "living", "live", "stuck", "lumbered", "saddled", "up"
        )) and any(tokens[m].word == "i" for m in range(max(0, k - 4), k)):
            return k  # "I married a liar", "I'm living with a slob"
        if w in ("what", "such") and is_name and all(
            tokens[m].word in _INTERJECTIONS for m in range(_clause_start(tokens, k), k)
        ):
            return k  # "What an idiot." "Such a baby." "honestly what a muppet"
        if w in lx.char_fillers:
            k -= 1
            continue
        return -1
    if k >= 0 and tokens[k].clause != clause and tokens[k + 1].word in ("but", "and") and (
        _links_partner(tokens, k, lx)
    ):
        return k + 2  # "he's a good dad but a rubbish husband", "she's lovely but so lazy"
    if k < 0 or tokens[k].clause != clause:
        # a name alone at the start of a clause: "Idiot." / "Loser!" / "Absolute muppet."
        start = _clause_start(tokens, i)
        if is_name and all(tokens[m].word in lx.char_fillers for m in range(start, i)) and (
            _clause_len(tokens, i) <= 3
        ) and not (i + 1 < len(tokens) and tokens[i + 1].word in ("it", "this", "that")):
            # not "Sod it, we booked anyway"
            return start
        if not is_name and all(tokens[m].word in lx.char_fillers for m in range(start, i)) and (
            i == len(tokens) - 1 or tokens[i + 1].clause != clause
        ) and _clause_len(tokens, i) <= 3 and tokens[i].sent != (
            tokens[start - 1].sent if start > 0 else -1
        ) and (i + 1 == len(tokens) or tokens[i + 1].sent != tokens[i].sent) and not (
            _prev_sentence_about_me(tokens, start)
        ):
            return start  # a sentence of its own: "Useless." "So selfish."
        return -1
    return -1


_INTERJECTIONS = frozenset(
    "honestly oh god jesus wow seriously omg lol ugh man well and so just like".split()
)


def _links_partner(tokens: list[Token], k: int, lx: _Lex) -> bool:
    """Does the clause ending at k say what the partner is ("he is a good dad", "she is
    lovely")?"""
    c = tokens[k].clause
    m = k
    while m > 0 and tokens[m - 1].clause == c:
        m -= 1
    for a in range(m, k):
        w = tokens[a].word
        partner = w in lx.abs_subjects or (
            w in lx.partner_nouns and a > 0 and tokens[a - 1].word == "my"
        )
        if partner and a + 1 <= k and tokens[a + 1].word in lx.char_links:
            return True
    return False


def _clause_start(tokens: list[Token], k: int) -> int:
    c = tokens[k].clause
    while k > 0 and tokens[k - 1].clause == c:
        k -= 1
    return k


def _clause_len(tokens: list[Token], k: int) -> int:
    c = tokens[k].clause
    return sum(1 for t in tokens if t.clause == c)


def _dedupe_spans(spans: list[BlameSpan]) -> list[BlameSpan]:
    """Drop spans contained in another span of the same kind; sort by position."""
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[BlameSpan] = []
    for s in spans:
        if any(o.kind == s.kind and o.start <= s.start and s.end <= o.end for o in out):
            continue
        out.append(s)
    return out


# ------------------------------------------------------------------------- requests


def _find_request(text: str, tokens: list[Token], by: Found) -> Request | None:
    cands: list[tuple[int, int]] = []
    for _, i, j in by.get("req_cues", ()):
        if tokens[i].quoted:
            continue
        after = [tokens[k].word for k in range(j, min(len(tokens), j + 3))]
        if "feel" in after or "be" in after[:1] and "able" in after:
            continue  # "I would like to feel ..." is a wish, not an ask
        cands.append((i, j))
    for _, i, j in by.get("req_imperative", ()):
        if tokens[i].quoted:
            continue
        first = i == 0 or tokens[i - 1].sent != tokens[i].sent
        if not first and tokens[i - 1].word in ("please", "just", "and", "so", "now"):
            first = i - 1 == 0 or tokens[i - 2].sent != tokens[i].sent
        if first:
            cands.append((i, j))
    if not cands:
        return None
    i, _ = min(cands)
    sent = tokens[i].sent
    k = i
    while k + 1 < len(tokens) and tokens[k + 1].sent == sent:
        k += 1
    end = tokens[k].end
    while end < len(text) and text[end] in ".!?":
        end += 1
    req_text = text[tokens[i].start : end].strip()
    lo, hi = i, k + 1

    def inside(cat: str) -> bool:
        return any(lo <= a and b <= hi for _, a, b in by.get(cat, ()))

    positive = not inside("req_negative")
    has_when = inside("req_when")
    has_what = inside("req_what")
    vague = inside("req_vague")
    concrete = has_when or (has_what and not vague)
    return Request(req_text, concrete, positive)


# ------------------------------------------------------------------------- analyze

TOPIC_FACTOR = 0.8  # topics weigh a little less than words about feelings and needs
# Each further topic in a statement weighs this much of the one before, in order of
# appearance: with several topics, the later ones are often passing detail ("always late:
# dinner, my sister's wedding, school pick-up" is about lateness, not family or kids).
TOPIC_DECAY = 0.6
NEED_MIN = 0.45  # minimum evidence for a need to be returned
NEED_REL = 0.4  # ... and share of the best need's score
_NEED_ORDER = {nid: k for k, nid in enumerate(NEED_IDS)}  # ties go to the earlier need
MAX_NEEDS = 4


def analyze_safely(text: str) -> Analysis:
    """``analyze()`` for the app: should a fault in the engine ever surface on some statement,
    the statement reads as saying nothing (an open prompt, no hint) and the couple's session
    goes on. The tests call ``analyze()`` itself, so such a fault still fails them."""
    try:
        return analyze(text)
    except Exception:  # noqa: BLE001 - nothing the engine does may end a session
        return Analysis()


def analyze(text: str) -> Analysis:
    """Read one statement and return what it expresses. Never raises on odd input.

    The lexicon engine finds everything; when the learned weights are shipped
    (``lexicons/ranker.json``, see learned.py) they rank the needs.
    """
    a, tokens = _lexicon_analysis(text)
    if not tokens:
        return a
    found = _found(a)  # what the learned models read (the feelings added below are not in it)
    x = None
    fm = learned_feelings.model() if len(a.stated_feelings) < 2 else None
    if fm is not None:
        x = learned.features(tokens, found)
        a = replace(a, feelings=with_learned_feelings(fm, a, x))
    rk = learned.ranker()
    if rk is None:
        return a
    ranked = learned.rerank(rk, tokens, found, x)
    blame = a.blame
    if not blame and not a.blame_set_aside:
        span = rk.tone_span(tokens)
        if span is not None:
            blame = (_span(text, tokens, span[0], span[1], "tone"),)
    return replace(a, needs=tuple(nid for nid, _p in ranked), blame=blame)


_THANKS = frozenset("grateful thankful loving proud".split())  # praise for the partner


def with_learned_feelings(fm: learned_feelings.FeelingsModel, a: Analysis,
                          x: dict[str, float]) -> tuple[str, ...]:
    """``a.feelings`` with the learned guesses added (learned_feelings.merge), leaving out a
    feeling the statement denies ("I'm not gutted"; with nothing stated, no guess at all),
    praise beside an attack, and a guess of the other mood than the likeliest one."""
    if a.denied_feelings and not a.stated_feelings:
        return a.feelings
    guesses = [
        g for g in fm.guesses(x)
        if g not in a.denied_feelings and not (a.blame and g in POSITIVE_FEELINGS)
    ]
    if guesses:  # one mood: "grateful and frustrated" as a guess reads as a muddle
        # praise the lexicon read ("such a good listener") keeps its warmth: the learned
        # guess, trained mostly on complaints, does not turn it into frustration
        praised = bool(a.feelings) and a.feelings[0] in _THANKS and not a.blame
        warm = praised or guesses[0] in POSITIVE_FEELINGS
        guesses = [g for g in guesses if (g in POSITIVE_FEELINGS) == warm]
    return learned_feelings.merge(a.feelings, a.stated_feelings, guesses)


def _found(a: Analysis) -> dict[str, Any]:
    """What the lexicon engine found, as the learned re-ranker's features read it."""
    return {
        "need_scores": a.need_scores,
        "needs": a.needs,
        "topics": a.topics,
        "faux": a.faux,
        "stated_feelings": a.stated_feelings,
        "blame_kinds": a.blame_kinds,
        "safety": a.safety,
        "request": a.request is not None,
        "blame_set_aside": a.blame_set_aside,
        "situations": a.situations,
    }


def lexicon_found(text: str) -> tuple[list[Token], dict[str, Any]]:
    """Tokens and the lexicon engine's findings for one statement (for training)."""
    a, tokens = _lexicon_analysis(text)
    return tokens, _found(a)


def _lexicon_analysis(text: str) -> tuple[Analysis, list[Token]]:
    """The lexicon engine alone, and the tokens it read."""
    if not isinstance(text, str):
        text = str(text)
    text = text[:20000]
    tokens = tokenize(text)
    if not tokens:
        return Analysis(), tokens
    lx = lexicon()
    scores: dict[str, float] = {}

    def add(needs: dict[str, float], factor: float = 1.0) -> None:
        for nid, w in needs.items():
            scores[nid] = scores.get(nid, 0.0) + w * factor

    # Feelings, faux feelings, needs felt as missing
    stated: list[str] = []
    # where each stated feeling's words begin, with all its feelings (for sarcasm, below)
    stated_at: list[tuple[int, tuple[str, ...]]] = []
    also: list[str] = []
    faux_feel: list[str] = []
    faux: list[str] = []
    situation_feel: list[str] = []  # feelings to guess from situations, never "stated"
    denied: list[str] = []  # feelings whose words are negated ("not gutted")
    situations: list[str] = []
    safety = False
    seen_entries: set[int] = set()
    by: Found = {}
    for (cat, value), i, j in lx.matcher.find(tokens):
        by.setdefault(cat, []).append((value, i, j))
    matches = list(by.get("feel", ()))
    matches.sort(key=lambda m: (m[1], -(m[2] - m[1])))
    covered_until = -1
    covered_start = -1
    for idx, i, j in matches:
        entry = lx.entries[idx]
        # a shorter match inside a longer one already taken is ignored ("tired of" vs "tired")
        inner = covered_start <= i and j <= covered_until
        if inner and not (i == covered_start and j == covered_until):
            continue
        if tokens[i].quoted and entry.kind == "feeling":
            continue  # a quoted feeling word is someone else's; quoted faux words still count
        if entry.kind.startswith("situation"):
            neg_in = _negated_inside(tokens, i, j)
            if entry.kind == "situation_lack":
                # something missed: counts only when it is not happening or is wished for
                if not (neg_in or _negated(tokens, i, 5) or _wished(tokens, i)):
                    continue
            elif not neg_in and _negated(tokens, i):
                continue
            covered_start, covered_until = i, j
            if idx not in seen_entries:
                seen_entries.add(idx)
                add(entry.needs)
                situation_feel.extend(entry.feelings)
                situations.append(entry.name)
            continue
        if entry.kind == "lack":
            neg = _negated(tokens, i, 5) or _negated_inside(tokens, i, j)
            if not neg and not _wished(tokens, i):
                continue
            covered_start, covered_until = i, j
            if idx in seen_entries:
                continue
            seen_entries.add(idx)
            add(entry.needs)
            if neg:
                faux_feel.extend(entry.feelings)
                if entry.name == "safe":
                    safety = True
            continue
        if _negated(tokens, i):
            if entry.kind == "feeling":
                denied.extend(entry.feelings)
            if entry.kind == "feeling" and entry.negated_feelings is not None:
                covered_start, covered_until = i, j
                if idx not in seen_entries:
                    seen_entries.add(idx)
                    faux_feel.extend(entry.negated_feelings)
                    add(entry.negated_needs or {})
            continue
        if entry.kind == "feeling" and (
            _partner_feeling(tokens, i, j) or _expected_feeling(tokens, i)
        ):
            continue
        covered_start, covered_until = i, j
        if idx in seen_entries:
            continue
        seen_entries.add(idx)
        add(entry.needs)
        if entry.kind == "feeling":
            stated.append(entry.feelings[0])
            also.extend(entry.feelings[1:])
            stated_at.append((tokens[i].start, tuple(entry.feelings)))
        else:
            faux.append(entry.name)
            faux_feel.extend(entry.feelings)

    # Need words
    seen_cues: dict[tuple[str, int], float] = {}
    for (nid, w), i, _j in by.get("cue", ()):
        if tokens[i].quoted:
            continue
        if nid == "honesty" and _aside_honest(tokens, i):
            continue  # "to be honest, …", "tbh", "in all honesty": a way of speaking
        if _wished(tokens, i, 6):
            w *= 1.5
        key = (nid, tokens[i].sent)
        if w > seen_cues.get(key, 0.0):
            seen_cues[key] = w
    cue_total: dict[str, float] = {}
    for (nid, _s), w in seen_cues.items():
        cue_total[nid] = cue_total.get(nid, 0.0) + w
    for nid, w in cue_total.items():
        scores[nid] = scores.get(nid, 0.0) + min(w, 1.5)

    # Topics
    topics: list[str] = []
    for tid, i, _j in sorted(by.get("topic", ()), key=lambda m: m[1]):
        if tid not in topics and not tokens[i].quoted:
            if tid in _SIMILE_TOPICS and _simile(tokens, i):
                continue  # "treated like a child" is about respect, not about the children
            topics.append(tid)
    for rank, tid in enumerate(topics):
        add(lx.topics[tid].get("needs", {}), TOPIC_FACTOR * TOPIC_DECAY**rank)

    # Safety
    figures = by.get("not_safety", ())
    for has_neg, i, j in by.get("safety", ()):
        if tokens[i].quoted or _negated(tokens, i, 3):
            continue
        if any(a <= i and j <= b for _, a, b in figures):
            continue  # a figure of speech ("would it kill you to …")
        if not has_neg and _negated_inside(tokens, i, j):
            continue
        safety = True
        break

    insults_found: list[str] = []
    aside: list[int] = []
    blame = _find_blame(text, tokens, lx, by, insults_found, aside)
    kinds = list(dict.fromkeys(b.kind for b in blame))
    # praise inside mockery is not a feeling ("lucky me", "great, thanks"; "Great, another
    # 'investment'. Can't wait."), nor is a mock apology ("I'm so sorry my grief is
    # inconvenient for your ski trip"): not stated
    mocked = {
        f for at, fs in stated_at if fs[0] in POSITIVE_FEELINGS and any(
            b.kind == "contempt" for b in blame
        ) or fs[0] in OWN_FAULT_FEELINGS and any(
            b.kind == "contempt" and b.start <= at < b.end for b in blame
        ) for f in fs
    }
    if mocked:
        stated = [f for f in stated if f not in mocked]
        also = [f for f in also if f not in mocked]
    had_needs = bool(scores)
    for kind in kinds:
        if kind in lx.kind_needs_alone and had_needs:
            continue  # "you're exhausting" says little of what the speaker misses
        add(lx.kind_needs.get(kind, {}))
    for key in dict.fromkeys(insults_found):
        add(lx.insult_needs.get(key, {}), 0.9)
    request = _find_request(text, tokens, by)

    # Rank needs
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], _NEED_ORDER[kv[0]]))
    needs: list[str] = []
    if ranked:
        top = ranked[0][1]
        for nid, sc in ranked:
            if sc >= NEED_MIN and sc >= NEED_REL * top and len(needs) < MAX_NEEDS:
                needs.append(nid)

    if "torn" not in stated and _ambivalent(tokens):
        faux_feel.append("torn")  # "I want to help your mum, I really do, but I can't ..."

    # Feelings: stated, then implied by faux feelings, then gentle guesses
    feelings: list[str] = []
    for f in (*stated, *faux_feel, *also):
        if f not in feelings:
            feelings.append(f)
    stated_feelings = tuple(feelings)
    if len(feelings) < 2:
        if kinds and situation_feel:
            # "a great dad but a terrible husband": with an attack in it, praise is no guess
            situation_feel = [f for f in situation_feel if f not in POSITIVE_FEELINGS]
        guesses: list[str] = list(situation_feel)
        for tid in topics:
            guesses.extend(lx.topics[tid].get("feelings", ()))
        if kinds and not feelings and not situation_feel:
            guesses[:0] = lx.kind_feelings.get(kinds[0], ["frustrated"])
        warm = bool(feelings) and not kinds and all(f in POSITIVE_FEELINGS for f in feelings)
        own = bool(feelings) and not kinds and all(f in OWN_FAULT_FEELINGS for f in feelings)
        if (topics or kinds or needs) and not situation_feel and not warm and not own:
            # the two feelings people most often have behind a complaint
            guesses[1:1] = ["frustrated", "hurt"]
            if kinds:
                # behind an attack there is often anger or resentment as well as hurt
                guesses[2:2] = ["angry" if kinds[0] in ("character", "tone") else "resentful"]
        if warm:
            # "I feel hopeful for the first time in months": no complaint to guess at
            guesses = [g for g in situation_feel if g in POSITIVE_FEELINGS]
        for nid in needs if not warm else ():
            g = lx.needs_meta[nid].get("feeling")
            if g:
                guesses.append(g)
        for g in guesses:
            if g not in feelings:
                feelings.append(g)
            if len(feelings) >= 4:
                break

    analysis = Analysis(
        feelings=tuple(feelings[:6]),
        needs=tuple(needs),
        blame=tuple(blame),
        request=request,
        safety=safety,
        topics=tuple(topics),
        stated_feelings=stated_feelings[:6],
        faux=tuple(dict.fromkeys(faux)),
        need_scores=tuple((k, round(v, 3)) for k, v in ranked[:8]),
        blame_set_aside=bool(aside),
        situations=tuple(situations),
        denied_feelings=tuple(dict.fromkeys(denied)),
    )
    return analysis, tokens
