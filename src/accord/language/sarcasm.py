"""Sarcasm that no single phrase gives away: praise and politeness used as a jab.

The phrase lists of blame.toml catch fixed jabs ("thanks for nothing", "must be nice"). The
shapes here depend on where the words sit in the statement, so they are checked on its
sentences:

- a praise word on its own opening a complaint: "Cool, so your friends get the fun version
  of you", "Great, another Saturday at your mother's", "Wow, you actually noticed";
- a closing tag after a complaint about the partner: "... Got it.", "... Why not.",
  "... Love that for me.";
- a retort opened by "oh": a mock apology ("Oh I'm sorry, did my crying interrupt your
  game?"), "Oh yes, because ...", an echo question with the partner's word in quotes or
  capitals ("Oh you're TIRED?", "Oh I'm 'too sensitive'?");
- one rule for the partner and another for the speaker: "you get to go out till 3am and I
  get a lecture";
- a name turned into a verdict ("Classic Dev.", "Typical Aoife,") and a pet name thrown
  back ("Don't 'babe' me").

A statement with thanks or love in it is taken at its word: these shapes never count there.
The words live in blame.toml ([sarcasm]); this module holds only the shapes.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import Token

_PARTNER = frozenset("you your yours he his him she her".split())
_POSSESSIVE = frozenset("your his her".split())
_CONTRAST = frozenset("and but while whereas".split())
_GET = frozenset("get gets got".split())


@dataclass(frozen=True)
class SarcasmWords:
    """The words each shape looks for (blame.toml, [sarcasm])."""

    openers: frozenset[str]  # "cool", "lovely", "great": praise said alone
    opener_next: frozenset[str]  # what a sarcastic opener leads into: "so", "another"
    end_tags: frozenset[tuple[str, ...]]  # a last sentence: ("got", "it"), ("why", "not")
    retorts: frozenset[str]  # "oh yes, because ...": yes, yeah, sure
    mock_sorry_next: frozenset[str]  # "oh sorry, did ...": did, was, were ...
    mock_sorry_verbs: tuple[str, ...]  # what the mock apology "disturbed": interrupt, spoil
    sincere: frozenset[str]  # thanks and love: the statement means what it says
    days: frozenset[str]  # "Typical Monday." is about the day

    @classmethod
    def from_table(cls, table: dict[str, list[str]]) -> SarcasmWords:
        return cls(
            openers=frozenset(table.get("openers", ())),
            opener_next=frozenset(table.get("opener_next", ())),
            end_tags=frozenset(tuple(t.split()) for t in table.get("end_tags", ())),
            retorts=frozenset(table.get("retorts", ())),
            mock_sorry_next=frozenset(table.get("mock_sorry_next", ())),
            mock_sorry_verbs=tuple(table.get("mock_sorry_verbs", ())),
            sincere=frozenset(table.get("sincere", ())),
            days=frozenset(table.get("days", ())),
        )


def find_sarcasm(text: str, tokens: list[Token], words: SarcasmWords) -> list[tuple[int, int]]:
    """Token spans (start, end) of sarcastic jabs at the partner in one statement."""
    present = {t.word for t in tokens}
    if not tokens or not present.isdisjoint(words.sincere):
        return []
    quotes = any(t.quoted for t in tokens)  # the shapes with quotes are skipped without any
    contrast = "i" in present and not present.isdisjoint(_GET)
    sentences = _sentences(tokens)
    found: list[tuple[int, int]] = []
    for s, e in sentences:
        span = (
            quotes and (_scare_quotes(tokens, s, e) or _thrown_back(tokens, s, e))
            or _opener(text, tokens, s, e, words, present)
            or _oh_retort(text, tokens, s, e, words)
            or contrast and _contrast(tokens, s, e)
            or _verdict_name(text, tokens, s, e, words)
        )
        if span:
            found.append(span)
    if len(sentences) > 1:
        for s, e in sentences[1:]:
            # "Great listening, Marcus.", "Great negotiating." after a complaint about them
            if (
                tokens[s].word in words.openers and s + 1 < e and e - s <= 3
                and any(t.word in _PARTNER for t in tokens[:s])
                and tokens[s + 1].word.endswith("ing") and len(tokens[s + 1].word) > 4
            ):
                found.append((s, s + 2))
        s, e = sentences[-1]
        if tuple(t.word for t in tokens[s:e]) in words.end_tags and any(
            t.word in _PARTNER for t in tokens[:s]
        ):
            found.append((s, e))
    return found


def _sentences(tokens: list[Token]) -> list[tuple[int, int]]:
    starts = [0]
    prev = tokens[0].sent
    for k, t in enumerate(tokens):
        if t.sent != prev:
            starts.append(k)
            prev = t.sent
    starts.append(len(tokens))
    return list(zip(starts, starts[1:], strict=False))


def _after(text: str, tokens: list[Token], k: int) -> str:
    """The punctuation right after token k (up to the next word)."""
    end = tokens[k + 1].start if k + 1 < len(tokens) else len(text)
    return text[tokens[k].end : end].strip()


def _asks(text: str, tokens: list[Token], e: int) -> bool:
    return "?" in _after(text, tokens, e - 1)


def _opener(text: str, tokens: list[Token], s: int, e: int, words: SarcasmWords,
            words_here: set[str]):
    """ "Cool, so ...", "Great, another ...", "Wow, you actually ..." opening a statement."""
    k = s + 1 if tokens[s].word in ("oh", "well", "yeah") and s + 1 < e else s
    if tokens[k].word not in words.openers or k + 1 >= len(tokens):
        return None
    if _after(text, tokens, k)[:1] not in (",", ".", "!") and tokens[k + 1].word != "so":
        return None
    nxt = tokens[k + 1].word
    rest = tokens[k + 1 :]
    if nxt in ("another", "again") and (
        any(t.word in _PARTNER for t in rest) or k + 2 < len(tokens) and tokens[k + 2].quoted
    ):
        return (s, k + 2)  # "Great, another Saturday at your mother's", "another 'investment'"
    if (
        "again" in words_here
        and any(t.word == "again" and t.sent == tokens[k].sent for t in rest)
        and any(t.word in _PARTNER for t in rest)
    ):
        return (s, k + 1)  # "Sure, leave your wet towel on the bed again."
    if nxt in _PARTNER and k + 2 < len(tokens) and (
        tokens[k + 2].word == "actually"
        or tokens[k + 2].word == "finally" and tokens[k].word.startswith("congrat")
        or tokens[k + 2].word in ("remembered", "noticed", "finally") and "only" in words_here
    ):
        return (s, k + 3)  # "Wow, you actually noticed", "Congratulations, you finally noticed"
    if nxt in words.opener_next and any(t.word in _PARTNER for t in rest) and (
        _me_too(rest) or any(t.word == "without" for t in rest)
    ):
        return (s, k + 2)
    return None


_MY_SIDE = frozenset("get got do am have can".split())


def _me_too(rest: list[Token]) -> bool:
    """ "... and I get a lecture", "... and I don't?", "... but when I want one": the speaker
    set against the partner (not "... and I'll cook", which shares the work out)."""
    return any(
        t.word in _CONTRAST and (
            rest[m + 1].word == "when" and m + 2 < len(rest) and rest[m + 2].word == "i"
            or rest[m + 1].word == "i" and m + 2 < len(rest) and rest[m + 2].word in _MY_SIDE
        )
        for m, t in enumerate(rest[:-1])
    )


def _oh_retort(text: str, tokens: list[Token], s: int, e: int, words: SarcasmWords):
    if tokens[s].word != "oh" or e - s < 3:
        return None
    ws = [t.word for t in tokens[s:e]]
    # "Oh I'm sorry, did my crying interrupt your game?"
    if "sorry" in ws[:4]:
        k = s + ws.index("sorry") + 1
        if k + 1 < e and tokens[k].word == "i" and tokens[k + 1].word == "forgot":
            return (s, k + 2)  # "Oh I'm SORRY, I forgot you're the only one allowed to ..."
        if k < e and tokens[k].word in words.mock_sorry_next and any(
            w in _POSSESSIVE for w in ws
        ) and any(w.startswith(words.mock_sorry_verbs) for w in ws):
            return (s, k + 1)
        return None
    # "Oh yes, because the world revolves around your mother"
    if ws[1] in words.retorts and "because" in ws[2:4]:
        return (s, s + ws.index("because", 2) + 1)
    # "Oh you're TIRED?", "Oh you want 'space'?": the partner's word thrown back
    if (
        ws[1] in ("you", "i") and ws[2] in _ECHO_VERBS and _asks(text, tokens, e)
        and any(t.quoted or _shouted(text, t) for t in tokens[s + 1 : e])
    ):
        return (s, e)
    return None


_ECHO_VERBS = frozenset("am are was were want wanted need needed".split())


def _shouted(text: str, t: Token) -> bool:
    typed = text[t.start : t.end]
    return len(typed) > 2 and typed.isupper() and typed.isalpha()


def _contrast(tokens: list[Token], s: int, e: int):
    """ "you get to go out till 3am and I get a lecture", "your mates get the fun version
    of you and I get whatever's left": one rule for the partner, another for the speaker."""
    for k in range(s, e):
        if tokens[k].word not in _GET:
            continue
        if not any(tokens[m].word in _PARTNER for m in range(max(s, k - 3), k)):
            continue
        for m in range(k + 1, e - 3):
            if (
                tokens[m].word in _CONTRAST
                and tokens[m + 1].word == "i"
                and tokens[m + 2].word in _GET
                and tokens[m + 3].word not in _SHARED
            ):
                return (max(s, k - 3), m + 3)
        return None
    return None


# "he gets the car on Mondays and I get it on Fridays": one thing shared out, not a jab
_SHARED = frozenset("it them him her one mine the my".split())


_THIRD = frozenset("he she husband wife partner boyfriend girlfriend".split())


def _scare_quotes(tokens: list[Token], s: int, e: int):
    """The partner's own word put in quotes to mock it: "Another 'work dinner'", "Your idea
    of 'helping' is ...", "Your 'honesty' is just cruelty", "He calls it 'helping'"."""
    def quoted_from(k: int) -> int:
        m = _quoted_end(tokens, k, e)
        return m if m > k else 0

    first = tokens[s].word
    # "Another 'business trip' to Vegas."
    if first == "another" and s + 1 < e and (m := quoted_from(s + 1)):
        return (s, m)
    # "Your 'banter' isn't funny", "ur 'boundaries' are just ur excuse"
    if first == "your" and s + 1 < e and (m := quoted_from(s + 1)) and m < e and (
        tokens[m].word in ("is", "are", "was", "were")
    ):
        return (s, m + 1)
    for k in range(s, e - 2):
        w = tokens[k].word
        # "Your idea of 'helping' is asking me where everything is."
        if w == "idea" and tokens[k + 1].word == "of" and (m := quoted_from(k + 2)):
            if k > s and tokens[k - 1].word in ("your", "his", "her"):
                return (k - 1, m)
        # "He calls it 'helping' when he loads the dishwasher."
        if w in ("call", "calls") and tokens[k + 1].word == "it" and (m := quoted_from(k + 2)):
            if k > s and tokens[k - 1].word in _THIRD:
                return (k - 1, m)
    return None


def _quoted_end(tokens: list[Token], k: int, e: int) -> int:
    """Where the run of quoted words starting at ``k`` ends (``k`` itself when none is)."""
    while k < e and tokens[k].quoted:
        k += 1
    return k


def _verdict_name(text: str, tokens: list[Token], s: int, e: int, words: SarcasmWords):
    """ "Classic Dev.", "Typical Aoife, makes a decision and tells me after"."""
    if tokens[s].word not in ("typical", "classic") or s + 1 >= e:
        return None
    name = tokens[s + 1]
    if not name.cap or name.word in _PARTNER or name.word in words.days:
        return None
    if s + 2 == e or _after(text, tokens, s + 1)[:1] in (",", ".", "!", "-"):
        return (s, s + 2)
    return None


def _thrown_back(tokens: list[Token], s: int, e: int):
    """ "Don't 'babe' me", "Don't 'calm down' me": the partner's words thrown back."""
    for k in range(s, e - 3):
        if tokens[k].word == "do" and tokens[k + 1].word == "not" and tokens[k + 2].quoted:
            m = _quoted_end(tokens, k + 2, e)
            if m < e and tokens[m].word == "me":
                return (k, m + 1)
    return None
