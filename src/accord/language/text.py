"""Turning a statement into tokens the matcher can work with.

Every token keeps the character span it came from in the original text, so that findings
(blame spans in particular) can point back at what the person typed. Contractions are
expanded ("don't" -> "do not", "I'm" -> "i am"), also when typed without the apostrophe
("dont", "im"); a few common misspellings and British spellings are mapped to one form.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN_RE = re.compile(r"[a-z0-9£$]+(?:'[a-z]+|\*+[a-z]*)*")
_TOKEN_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")  # re.split keeps the tokens
# Characters that end a clause: negation and subjects do not reach across them.
_CLAUSE_RE = re.compile(r"[.!?;:,()\n\u2014\u2013]|\s-\s")
_SENT_RE = re.compile(r"[.!?\n]+")
# Emphasis typed as one-word sentences ("every. single. time."): the dots inside such a run
# are read as spaces, so the words stay one phrase.
_EMPHASIS_RE = re.compile(r"\b[a-z']+\.(?:[ \t]+[a-z']+\.){2,}")
# Single quotes open before a word and close after one; an apostrophe inside a word
# ('you're useless') does not close them. Both branches begin with the quote mark itself (the
# check that no letter or digit comes before the opening one follows it), so the regex engine
# skips straight to quote marks.
_QUOTE_RE = re.compile(
    r'"[^"\n]{1,200}"'
    r"|'(?<![a-z0-9]')(?=[a-z0-9])(?:[^'\n]|(?<=[a-z])'(?=[a-z])){1,80}(?<=[a-z0-9.!?])'(?![a-z0-9])"
)
# Profanity typed with asterisks ("f***ing", "sh*t", "a**hole"): read as the word it hides.
_MASKED = (
    "fucking fuckin fucked fuck shit shitty bitch bitchy bastard asshole arsehole ass arse "
    "twat dick dickhead prick cunt damn crap piss pissed wanker bloody hell"
).split()

_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        # accented letters read as plain ones, one character for one ("fiancé", "café")
        **{c: "e" for c in "\u00e9\u00e8\u00ea\u00eb"},
        **{c: "a" for c in "\u00e1\u00e0\u00e2\u00e4"},
        **{c: "i" for c in "\u00ed\u00ec\u00ee\u00ef"},
        **{c: "o" for c in "\u00f3\u00f2\u00f4\u00f6"},
        **{c: "u" for c in "\u00fa\u00f9\u00fb\u00fc"},
        "\u00e7": "c",
        "\u00f1": "n",
    }
)

# Whole-token replacements: contractions typed without an apostrophe, text-speak,
# common misspellings and British spellings. Values may contain several words.
_WORD_MAP: dict[str, str] = {
    # contractions without apostrophe
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "cant": "can not",
    "cannot": "can not", "wont": "will not", "isnt": "is not", "arent": "are not",
    "wasnt": "was not", "werent": "were not", "havent": "have not", "hasnt": "has not",
    "hadnt": "had not", "couldnt": "could not", "shouldnt": "should not",
    "wouldnt": "would not", "mustnt": "must not", "aint": "is not", "im": "i am",
    "ive": "i have", "youre": "you are", "youve": "you have", "youll": "you will",
    "youd": "you would", "theyre": "they are", "hes": "he is", "shes": "she is",
    "thats": "that is", "whats": "what is", "theres": "there is", "wheres": "where is",
    "shouldve": "should have", "couldve": "could have", "wouldve": "would have",
    "mightve": "might have", "idk": "i do not know", "dunno": "do not know",
    # text-speak
    "u": "you", "ur": "your", "r": "are", "ya": "you", "yr": "your", "pls": "please",
    "plz": "please", "thx": "thanks", "gonna": "going to", "wanna": "want to",
    "gotta": "have to", "cuz": "because", "coz": "because", "cos": "because",
    "bc": "because", "b4": "before", "tho": "though", "alot": "a lot", "2nite": "tonight",
    "tonite": "tonight", "2day": "today", "2morrow": "tomorrow", "nite": "night",
    "bf": "boyfriend", "gf": "girlfriend", "hubby": "husband", "mil": "mother in law",
    "inlaws": "in laws", "ok": "okay", "k": "okay",
    # forum abbreviations for the partner and family ("my DH", "my SO": see tokenize())
    "dh": "husband", "dw": "wife", "dp": "partner", "df": "fiance", "dbf": "boyfriend",
    "dgf": "girlfriend", "hubs": "husband", "wifey": "wife", "bae": "partner",
    "fil": "father in law", "sil": "sister in law", "bil": "brother in law",
    "inlaw": "in law", "sahm": "stay at home mom", "sahd": "stay at home dad",
    "mates": "friends", "mate": "friend", "lads": "friends",
    # more text-speak
    "tbh": "to be honest", "tbf": "to be fair", "ngl": "not going to lie",
    "imo": "in my opinion", "imho": "in my opinion", "rn": "right now", "abt": "about",
    "bcuz": "because", "becuz": "because", "bcos": "because", "becos": "because",
    "kinda": "kind of", "sorta": "sort of", "lemme": "let me", "gimme": "give me",
    "outta": "out of", "everytime": "every time", "sumthing": "something",
    "smth": "something", "sth": "something", "somethin": "something", "nothin": "nothing",
    "nuthin": "nothing", "thru": "through", "wat": "what", "luv": "love", "tmrw": "tomorrow",
    "tmr": "tomorrow", "yday": "yesterday", "yall": "you all", "wud": "would",
    "shud": "should", "cud": "could", "wen": "when", "theyve": "they have",
    "weve": "we have", "itll": "it will", "jk": "just kidding", "omg": "oh my god",
    "wtf": "what the fuck", "anyways": "anyway", "havnt": "have not", "dosnt": "does not",
    "dosent": "does not", "doesent": "does not", "didint": "did not",
    "prolly": "probably", "probs": "probably", "ofc": "of course", "idc": "i do not care",
    "idek": "i do not even know", "ily": "i love you", "bday": "birthday", "fone": "phone",
    "srsly": "seriously", "rly": "really", "realy": "really", "obvs": "obviously",
    "tryna": "trying to", "cba": "can not be bothered", "ik": "i know", "dnt": "do not",
    "yknow": "you know", "dms": "messages", "bestie": "best friend", "ffs": "for fuck sake",
    # misspellings
    "frustated": "frustrated", "fustrated": "frustrated", "frusterated": "frustrated",
    "frustrating": "frustrating", "embarassed": "embarrassed", "embarrased": "embarrassed",
    "embarased": "embarrassed", "embarassing": "embarrassing", "anxous": "anxious",
    "anxios": "anxious", "axious": "anxious", "dissapointed": "disappointed",
    "disapointed": "disappointed", "dissappointed": "disappointed",
    "disappointd": "disappointed", "resentfull": "resentful", "lonley": "lonely",
    "lonly": "lonely", "lonelly": "lonely", "jelous": "jealous", "jealus": "jealous",
    "jellous": "jealous", "overwelmed": "overwhelmed", "overwhelmd": "overwhelmed",
    "overwhelemed": "overwhelmed", "exausted": "exhausted", "exhusted": "exhausted",
    "exhaused": "exhausted", "apreciated": "appreciated", "appriciated": "appreciated",
    "appreaciated": "appreciated", "apprecaited": "appreciated",
    "unapreciated": "unappreciated", "unappriciated": "unappreciated",
    "apreciate": "appreciate", "appriciate": "appreciate", "respeted": "respected",
    "disrepect": "disrespect", "dissrespect": "disrespect", "disrespectfull": "disrespectful",
    "worryed": "worried", "worred": "worried", "agressive": "aggressive", "ignord": "ignored",
    "rejeted": "rejected", "critized": "criticized", "critisized": "criticized",
    "critisised": "criticized", "critisize": "criticize", "critisise": "criticize",
    "tommorow": "tomorrow", "tomorow": "tomorrow", "tommorrow": "tomorrow",
    "untill": "until", "beleive": "believe", "definately": "definitely",
    "seperate": "separate", "wierd": "weird", "scarred": "scared", "greatful": "grateful",
    "gratefull": "grateful", "stressd": "stressed", "streesed": "stressed",
    "irritaded": "irritated", "iritated": "irritated", "annoied": "annoyed",
    "annoid": "annoyed", "confussed": "confused", "hurted": "hurt", "greif": "grief",
    "missunderstood": "misunderstood", "misunderstod": "misunderstood",
    "consideret": "considerate", "inconsiderit": "inconsiderate", "rediculous": "ridiculous",
    "ridiculus": "ridiculous", "pathethic": "pathetic", "patethic": "pathetic",
    "selfsh": "selfish", "selfich": "selfish", "manipulitive": "manipulative",
    "manipulatve": "manipulative", "narcisist": "narcissist", "narcissistic": "narcissistic",
    "narcisistic": "narcissistic", "responsability": "responsibility",
    "apologize": "apologize", "appologize": "apologize", "appologise": "apologize",
    "hte": "the", "teh": "the", "becuase": "because", "becasue": "because",
    "ppl": "people", "convo": "conversation", "txt": "text", "txted": "texted",
    "txting": "texting", "msg": "message", "msgs": "messages",
    "angery": "angry", "anrgy": "angry", "anxiuos": "anxious", "anxius": "anxious",
    "scard": "scared", "depresed": "depressed", "stresed": "stressed",
    "stessed": "stressed", "frustarted": "frustrated", "furstrated": "frustrated",
    "discusted": "disgusted", "hurtfull": "hurtful", "ignorred": "ignored",
    "ingored": "ignored", "apprecated": "appreciated", "exhuasted": "exhausted",
    "exhasted": "exhausted", "exausting": "exhausting", "loney": "lonely",
    "embarressed": "embarrassed", "embarrassd": "embarrassed", "humilated": "humiliated",
    "humilliated": "humiliated", "dissapointing": "disappointing",
    "dissapointment": "disappointment", "jelousy": "jealousy", "jeleous": "jealous",
    "suffocted": "suffocated", "overwhelmned": "overwhelmed", "tierd": "tired",
    "betrayd": "betrayed", "betraied": "betrayed", "critisism": "criticism",
    "critisizes": "criticizes", "critisises": "criticizes", "lieing": "lying",
    "arguement": "argument", "arguements": "arguments", "argueing": "arguing",
    "realtionship": "relationship", "relashionship": "relationship",
    "boyfreind": "boyfriend", "girlfreind": "girlfriend", "freind": "friend",
    "freinds": "friends", "frends": "friends", "husbend": "husband", "huband": "husband",
    "comunicate": "communicate", "comunication": "communication",
    "communcation": "communication", "apreciation": "appreciation",
    "appriciation": "appreciation", "attension": "attention", "atention": "attention",
    "afection": "affection", "intimicy": "intimacy", "intamacy": "intimacy",
    "belive": "believe", "thier": "their", "wich": "which",
    # British -> American (only where it matters for matching)
    "apologise": "apologize", "apologised": "apologized", "apologises": "apologizes",
    "apologising": "apologizing", "criticise": "criticize", "criticised": "criticized",
    "criticises": "criticizes", "criticising": "criticizing", "realise": "realize",
    "realised": "realized", "realising": "realizing", "recognise": "recognize",
    "recognised": "recognized", "organise": "organize", "organised": "organized",
    "organising": "organizing", "disorganised": "disorganized", "prioritise": "prioritize",
    "prioritised": "prioritized", "patronise": "patronize", "patronised": "patronized",
    "patronising": "patronizing", "minimise": "minimize", "minimised": "minimized",
    "minimising": "minimizing", "sympathise": "sympathize", "ostracised": "ostracized",
    "behaviour": "behavior", "behaviours": "behaviors", "colour": "color",
    "honour": "honor", "favour": "favor", "humour": "humor", "neighbour": "neighbor",
    "neighbours": "neighbors", "programme": "program", "jewellery": "jewelry",
    "cheque": "check", "mum": "mom", "mummy": "mommy", "mam": "mom",
    "judgement": "judgment", "judgemental": "judgmental", "travelling": "traveling",
    "cancelled": "canceled", "cancelling": "canceling", "tyres": "tires",
    "whilst": "while", "learnt": "learned", "favourite": "favorite", "nappy": "diaper",
    "nappies": "diapers", "pyjamas": "pajamas", "defence": "defense", "offence": "offense",
}

_CONTRACTION_SUFFIX = {
    "'re": "are",
    "'ve": "have",
    "'ll": "will",
    "'d": "would",
    "'m": "am",
}
_S_IS = frozenset(
    "he she it that there what who where here how everything nothing everyone nobody "
    "someone something this".split()
)
_CLAUSE_WORDS = frozenset(("but", "although", "though", "however", "whereas", "yet"))
_NEGATED_BASE = {
    "can": "can", "won": "will", "shan": "shall", "ain": "is", "don": "do",
    # "can't", "won't", "shan't", "ain't" lose more than "n't"
    "ca": "can", "wo": "will", "sha": "shall", "ai": "is",
}


class Token:
    """One normalized word with the span of the original text it came from."""

    __slots__ = ("word", "start", "end", "clause", "sent", "quoted", "cap")

    def __init__(
        self, word: str, start: int, end: int, clause: int, sent: int, quoted: bool, cap: bool
    ) -> None:
        self.word = word  # normalized word
        self.start = start  # character span in the original text
        self.end = end
        self.clause = clause  # clause number (negation and subjects stay inside a clause)
        self.sent = sent  # sentence number
        self.quoted = quoted  # inside quotation marks in the original text
        self.cap = cap  # first letter capitalised in the original text

    def __repr__(self) -> str:
        return f"Token({self.word!r}, {self.start}, {self.end})"


def _expand(word: str) -> list[str]:
    """Expand one lowercase raw token into one or more normalized words."""
    mapped = _WORD_MAP.get(word)
    if mapped is not None:
        return mapped.split()
    if "*" in word:
        return [_unmask(word)]
    if _ELONGATED_RE.search(word):
        return _expand(_unelongate(word))
    if "'" not in word:
        return [word]
    if word.endswith("n't"):
        base = word[:-3]
        base = _NEGATED_BASE.get(base, base)
        return [base, "not"] if base else ["not"]
    if word == "let's":
        return ["let", "us"]
    for suffix, full in _CONTRACTION_SUFFIX.items():
        if word.endswith(suffix):
            base = word[: -len(suffix)]
            return [*_expand(base), full]
    if word.endswith("'s"):
        base = word[:-2]
        if base in _S_IS:
            return [base, "is"]
        return _expand(base)
    if word.endswith("'"):
        return _expand(word[:-1])
    parts = [p for p in word.split("'") if p]
    out: list[str] = []
    for p in parts:
        out.extend(_expand(p))
    return out


@lru_cache(maxsize=8192)
def _expand_word(word: str) -> tuple[str, ...]:
    """``_expand`` remembered: statements repeat the same few hundred words, so most raw
    tokens are expanded once per process rather than once per statement."""
    return tuple(_expand(word))


# Letters typed three times or more for emphasis ("sooo lazy", "neverrr", "pleeease").
_ELONGATED_RE = re.compile(r"([a-z])\1\1+")
_ELONGATED_ONE = frozenset(
    "so no oh always never ever please lazy stupid why what seriously sorry ugh omg yes "
    "selfish rude mean hate tired sick idiot god wow okay".split()
)


def _unelongate(word: str) -> str:
    """ "sooo" -> "so", "neverrr" -> "never", "cooool" -> "cool", "reallly" -> "really"."""
    one = _ELONGATED_RE.sub(r"\1", word)
    if one in _ELONGATED_ONE:
        return one
    return _ELONGATED_RE.sub(r"\1\1", word)


def _unmask(word: str) -> str:
    """ "f***ing" -> "fucking"; an unknown masked word keeps its letters ("b*tch" -> "bitch")."""
    n = len(word)
    for cand in _MASKED:
        if len(cand) == n and all(c == "*" or c == d for c, d in zip(word, cand, strict=True)):
            return cand
    return word.replace("*", "")


def normalize_pattern_words(text: str) -> list[str]:
    """Normalize a lexicon phrase the same way statements are normalized."""
    low = text.lower().translate(_TRANSLATE)
    out: list[str] = []
    for m in _TOKEN_RE.finditer(low):
        out.extend(_expand(m.group()))
    return out


def lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _join_emphasis(m: re.Match[str]) -> str:
    run = m.group()
    return run[:-1].replace(".", " ") + run[-1]


# "my SO" is the partner, but "my so called friend" and "my so much older sister" are not.
_NOT_SO_PARTNER = frozenset(("called", "much", "many", "far", "long", "very", "so"))


def tokenize(text: str) -> list[Token]:
    """Split text into normalized tokens with their original spans."""
    low = lower_same_length(text).translate(_TRANSLATE)
    if ". " in low:
        low = _EMPHASIS_RE.sub(_join_emphasis, low)
    # each list ends with a position past the end, so the loop below needs no length checks
    end_of_text = len(low) + 1
    quoted_spans = [m.span() for m in _QUOTE_RE.finditer(low)]
    quoted_spans.append((end_of_text, end_of_text))
    breaks = [m.start() for m in _CLAUSE_RE.finditer(low)]
    breaks.append(end_of_text)
    sbreaks = [m.start() for m in _SENT_RE.finditer(low)]
    sbreaks.append(end_of_text)
    tokens: list[Token] = []
    clause = sent = bi = si = qi = 0
    new_token = object.__new__
    # the raw tokens, with the text between them: [between, token, between, token, ...]
    parts = _TOKEN_SPLIT_RE.split(low)
    end = 0
    for k in range(1, len(parts), 2):
        raw = parts[k]
        start = end + len(parts[k - 1])
        end = start + len(raw)
        while breaks[bi] < start:
            clause += 1
            bi += 1
        while sbreaks[si] < start:
            sent += 1
            si += 1
        while quoted_spans[qi][1] <= start:
            qi += 1
        quoted = quoted_spans[qi][0] < start
        cap = text[start].isupper()
        for w in _expand_word(raw):
            if w in _CLAUSE_WORDS:
                clause += 1
            # Token(w, start, ...) without the call to __init__: this loop makes every token
            # of every statement, and filling the slots here takes half the time
            t = new_token(Token)
            t.word, t.start, t.end, t.clause, t.sent, t.quoted, t.cap = (
                w, start, end, clause, sent, quoted, cap
            )
            tokens.append(t)
    if "," in low:
        _join_interjections(tokens, low)
    if "ur" in low:
        tokens = _your_are(tokens, low)
    if "my o" in low:
        tokens = _other_half(tokens, text)
    for i in range(1, len(tokens)):
        if tokens[i].word == "so" and tokens[i - 1].word == "my" and (
            i + 1 == len(tokens) or tokens[i + 1].word not in _NOT_SO_PARTNER
        ):
            tokens[i].word = "partner"
    return tokens


# "ur so lazy", "your a liar", "ur the worst": "your" typed for "you're", read as "you are"
# before words that never follow a possessive ("your so called friend" stays possessive).
_YOUR_ARE_NEXT = frozenset(
    "a an the so such not always never being just literally really too gonna going acting "
    "constantly seriously honestly actually clearly obviously still ever even unbelievable "
    "ridiculous pathetic impossible unreal".split()
)


def _your_are(tokens: list[Token], low: str) -> list[Token]:
    out: list[Token] = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        if (
            t.word == "your"
            and i + 1 < n
            and tokens[i + 1].word in _YOUR_ARE_NEXT
            and tokens[i + 1].start > t.start  # "your" is a word of its own
            and low[t.start : t.end] in ("ur", "your", "yr")
            and not (tokens[i + 1].word == "so" and i + 2 < n and tokens[i + 2].word == "called")
        ):
            out.append(Token("you", t.start, t.end, t.clause, t.sent, t.quoted, t.cap))
            out.append(Token("are", t.start, t.end, t.clause, t.sent, t.quoted, t.cap))
            continue
        out.append(t)
    return out


def _other_half(tokens: list[Token], text: str) -> list[Token]:
    """ "my OH" and "my other half" are the partner: read as "my partner"."""
    out: list[Token] = []
    n = len(tokens)
    skip = -1
    for i, t in enumerate(tokens):
        if i == skip:
            continue
        if i > 0 and tokens[i - 1].word == "my":
            if t.word == "oh" and text[t.start : t.end] == "OH":
                t.word = "partner"
            elif t.word == "other" and i + 1 < n and tokens[i + 1].word == "half":
                h = tokens[i + 1]
                out.append(Token("partner", t.start, h.end, t.clause, t.sent, t.quoted, t.cap))
                skip = i + 1
                continue
        out.append(t)
    return out


# One-word openers that a comma does not cut off from what follows: "wow, thanks for the
# support" and "oh, great" read as one clause, as "wow thanks" and "oh great" do.
_OPENERS = frozenset(
    "oh ooh wow yeah yeh yes yep ok okay well gee ah aw um erm so right sure cool great "
    "brilliant lovely fantastic perfect fine lol lmao haha cheers".split()
)


def _join_interjections(tokens: list[Token], low: str) -> None:
    for i in range(len(tokens) - 1):
        t, nxt = tokens[i], tokens[i + 1]
        if (
            t.word in _OPENERS
            and nxt.clause == t.clause + 1
            and nxt.sent == t.sent
            and (i == 0 or tokens[i - 1].clause != t.clause)
            and low[t.end : nxt.start].strip() == ","
        ):
            t.clause = nxt.clause
