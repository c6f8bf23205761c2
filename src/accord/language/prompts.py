"""Words for people: the listener's reflection prompt and the speaker's gentle coaching."""

from __future__ import annotations

from .engine import Analysis
from .vocab import NEED_LABELS

_ORDER = ("attunement", "contempt", "character", "absolute", "tone")


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def need_phrase(needs: tuple[str, ...] | list[str], limit: int = 2) -> str:
    """Plain words for the top needs, e.g. "connection and to be heard"."""
    labels = [NEED_LABELS.get(n, n.replace("_", " ")) for n in list(needs)[:limit]]
    # "to be heard" reads better after the nouns: "understanding and to be heard"
    labels.sort(key=lambda s: s.startswith("to "))
    return _join(labels)


# Feelings too close to name together ("you feel scared and afraid"): the first one said stands
# for its group.
_ALIKE = (
    frozenset(("scared", "afraid", "frightened", "terrified")),
    frozenset(("tired", "exhausted")),
    frozenset(("sad", "unhappy")),
    frozenset(("anxious", "worried", "nervous")),
    frozenset(("angry", "furious")),
)


def _two_feelings(stated: tuple[str, ...]) -> list[str]:
    """The first two stated feelings, leaving out one too close to a feeling already named."""
    out: list[str] = []
    for feeling in stated:
        if any(feeling in group and not group.isdisjoint(out) for group in _ALIKE):
            continue
        out.append(feeling)
        if len(out) == 2:
            break
    return out


def reflection_prompt(analysis: Analysis, speaker_name: str = "") -> str:
    """One or two calm sentences the listener can say or adapt.

    Names the top two feelings and the top two needs in plain words. When the statement
    carries no feeling words, a feeling is offered as a guess; when nothing is found at all
    the prompt is an open question rather than a guess.
    """
    name = (speaker_name or "").strip() or "them"
    stated = _two_feelings(analysis.stated_feelings)
    needs = need_phrase(analysis.needs)
    if stated and needs:
        return (
            f"It sounds like you feel {_join(stated)}, and you need {needs}. "
            "Did I get that? Is there more?"
        )
    if stated:
        return (
            f"It sounds like you feel {_join(stated)}. Did I get that? "
            "What do you most need right now?"
        )
    if needs:
        guess = analysis.feelings[0] if analysis.feelings else ""
        if guess:
            return (
                f"I'm guessing you might feel {guess}, and that you need {needs}. "
                "Is that close? Is there more?"
            )
        return f"It sounds like you need {needs}. Did I get that? Is there more?"
    return (
        f"Tell {name} in your own words what you heard, then ask: "
        "what do you most need right now?"
    )


def coaching_hint(analysis: Analysis) -> str | None:
    """One short, kind suggestion for the speaker, or None when there is nothing to suggest.

    Reacts to blame (attunement trap, contempt, character attacks, absolutes) and to a
    request that is negative ("stop ...") or vague ("care more"). The speaker may ignore it.
    """
    kinds = analysis.blame_kinds
    feeling = analysis.stated_feelings[0] if analysis.stated_feelings else "…"
    need = NEED_LABELS.get(analysis.needs[0], "…") if analysis.needs else "…"
    end = "" if need == "…" else "."
    pattern = f"\u201cI feel {feeling} when \u2026, and I need {need}{end}\u201d"
    for kind in _ORDER:
        if kind not in kinds:
            continue
        if kind == "attunement":
            return (
                "They may not have known. You could make it a request: "
                "what would you like them to do, and when?"
            )
        if kind == "contempt":
            return (
                "That might land as mockery, even if it isn't meant that way. "
                f"What's underneath it? You could try: {pattern}"
            )
        if kind == "character":
            return (
                "Saying what happened and how it felt may be easier to hear than a word "
                f"about who they are. You could try: {pattern}"
            )
        if kind == "tone":
            return (
                "This might be hard for them to hear as it is. What's underneath it? "
                f"You could try: {pattern}"
            )
        return (
            "\u201cAlways\u201d and \u201cnever\u201d are hard to hear. "
            f"You could try: {pattern}"
        )
    req = analysis.request
    if req is not None:
        if not req.positive:
            return (
                "You could ask for what you'd like to happen instead of what should stop: "
                "\u201cWould you be willing to \u2026?\u201d"
            )
        if not req.concrete:
            return "A small, concrete ask is easier to say yes to: what exactly, and when?"
    return None
