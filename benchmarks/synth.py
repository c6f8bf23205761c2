"""Seeded synthetic sessions for the benchmarks: realistic sizes, invented words.

Every sentence is put together from small invented phrase lists, so no real person's words
are ever used. The same seed always gives the same sessions.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from accord.domain.model import AgreementStatus, Landed, Layer, Phase, Status, Step
from accord.domain.session import (
    Agreement,
    Floor,
    Issue,
    Partner,
    Reflection,
    Session,
    Statement,
    Turn,
)

NAMES = ["Mara", "Teo", "Ines", "Jonah", "Priya", "Sol", "Ade", "Kit", "Lena", "Ravi"]
FEELINGS = ["tired", "worried", "hurt", "lonely", "frustrated", "anxious", "sad", "overwhelmed",
            "unseen", "tense", "disappointed", "embarrassed", "hopeful", "relieved"]
SITUATIONS = ["the plans change at the last minute", "the laundry waits all week",
              "we talk about money late at night", "the phone comes out at dinner",
              "the weekend fills up without asking me", "your sister calls during our evening",
              "the car is left with an empty tank", "we skip our walk again",
              "the bills are paid without a word", "I hear about it from friends first",
              "the kitchen is full when I get home", "we leave the party early"]
NEEDS = ["some rest", "a fair share", "to be asked first", "time together", "some quiet",
         "to feel trusted", "a plan we both know", "to be heard out", "some warmth",
         "a little room", "honesty", "to count on you"]
OPENERS = ["I feel", "Honestly I feel", "Lately I have felt", "Mostly I feel", "I get"]
EXTRAS = ["It has been building for a while.", "I don't want to fight about it.",
          "I know you have a lot on too.", "It matters to me more than it looks.",
          "Maybe I haven't said it clearly before.", ""]
TOPICS = ["Weekend plans", "Money for the trip", "Chores after work", "Time with family",
          "Phones at dinner", "The move in spring", "Sleep and screens", "Who drives when"]
AGREE = ["We check the calendar together on Sunday", "Whoever cooks does not wash up",
         "Phones stay in the hall during dinner", "We take one quiet evening a week",
         "We say it early when plans change", "We split the bills on the first",
         "We walk after dinner on weekdays", "We ask before inviting anyone over"]

_analysis_cache: dict[str, dict] = {}


def _analysis(text: str) -> dict:
    if text not in _analysis_cache:
        from accord import language

        _analysis_cache[text] = language.analyze(text).to_dict()
    return _analysis_cache[text]


def sentence(rng: random.Random) -> str:
    text = (f"{rng.choice(OPENERS)} {rng.choice(FEELINGS)} when {rng.choice(SITUATIONS)}, "
            f"and I need {rng.choice(NEEDS)}. {rng.choice(EXTRAS)}")
    return text.strip()


def make_session(rng: random.Random, *, turns: int = 20, agreements: int = 4,
                 start: datetime | None = None, status: Status = Status.CLOSED,
                 step: Step | None = None, analyse: bool = True) -> Session:
    """One session with ``turns`` finished turns (each a statement and a reflection)."""
    start = start or datetime(2024, 1, 1, 19, 0, tzinfo=timezone(timedelta(hours=1)))
    a, b = rng.sample(NAMES, 2)
    sid = f"{start:%Y%m%d-%H%M%S}-{rng.randrange(16**4):04x}"
    now = start + timedelta(minutes=5)
    turn_list = []
    for index in range(turns):
        speaker = "ab"[index % 2]
        text = sentence(rng)
        statement = Statement(text=text, at=now + timedelta(seconds=60), seconds=60 + index % 60,
                              analysis=_analysis(text) if analyse else {})
        reflection = Reflection(text="So you feel " + text.split(" feel ", 1)[-1][:80],
                                at=now + timedelta(seconds=90), said_aloud=index % 3 == 0,
                                landed=Landed.YES)
        turn_list.append(Turn(speaker=speaker, started=now, statements=[statement],
                              reflections=[reflection], passed=now + timedelta(seconds=100)))
        now += timedelta(seconds=100)
    issues = [Issue(id=f"i{n + 1}", title=rng.choice(TOPICS), layer=Layer(3),
                    note="We both care about this one.") for n in range(max(agreements, 1))]
    agreed = [
        Agreement(id=f"{sid}-a{n + 1}", issue_id=issues[n].id, what=rng.choice(AGREE), who="both",
                  when="every week", starts=start.date(),
                  review_on=start.date() + timedelta(days=rng.randrange(7, 60)),
                  success="We both feel it is fair", confirmed_by=["a", "b"],
                  status=AgreementStatus.ACTIVE)
        for n in range(agreements)
    ]
    if step is None:
        step = Step.DONE if status == Status.CLOSED else Step.TALK
    return Session(
        id=sid, created=start, updated=now, topic=rng.choice(TOPICS),
        partners={"a": Partner(a, "#5fafd7"), "b": Partner(b, "#d7875f")},
        status=status, step=step, turns=turn_list, issues=issues, agreements=agreed,
        floor=Floor(holder="ab"[turns % 2], phase=Phase.SPEAKING, since=None, banked=0,
                    turn_started=now),
        paused_at=now if status == Status.PAUSED else None,
        closed_at=now if status == Status.CLOSED else None,
    )


def long_session(turns: int, seed: int = 6, status: Status = Status.PAUSED) -> Session:
    """A paused session at the talk step with ``turns`` finished turns and the floor open."""
    rng = random.Random(seed)
    session = make_session(rng, turns=turns, agreements=0, status=status, step=Step.TALK)
    session.issues = []
    return session


def history(folder: Path, count: int, seed: int = 6, turns: tuple[int, int] = (10, 40)) -> None:
    """``count`` closed sessions with four agreements each, one every few days, in ``folder``."""
    from accord.domain.model import Couple
    from accord.storage.store import Store

    rng = random.Random(seed)
    store = Store(folder)
    start = datetime(2012, 1, 1, 20, 0, tzinfo=timezone(timedelta(hours=1)))
    for index in range(count):
        when = start + timedelta(hours=19 * index)
        status = Status.PAUSED if index % 50 == 7 else Status.CLOSED
        session = make_session(rng, turns=rng.randrange(*turns), agreements=4, start=when,
                               status=status)
        store.save(session)
    store.save_couple(Couple(names=["Mara", "Teo"], safety_notice_seen=True))


def today() -> date:
    return date.today()
