"""Every longer piece of guidance accord shows, in one place, written for two upset people.

Short, warm, never scolding. Kept apart from the screens so the words can be read and
improved together, and so the command line can show them too.
"""

from __future__ import annotations

WELCOME = (
    "A place for the two of you to talk one disagreement through, at one keyboard. Each of "
    "you says what you need; then you take turns: one speaks, the other says back what they "
    "heard, until it lands. Then you sort what came up and agree on a few small things to "
    "try. Either of you can call a time-out at any moment: Ctrl+T."
)

SAFETY_LINE = (
    "For everyday disagreements between partners who feel safe together. "
    "If either of you is afraid, this is the wrong tool: press F2 for where to find help."
)

SAFETY_FULL = (
    "accord is for ordinary disagreements between partners who feel safe with each other. "
    "It is not therapy, and it cannot make a relationship safe.\n\n"
    "If one of you is afraid of the other, or there has been violence, threats, or pressure "
    "to do things you don't want to do, this is the wrong tool. Please talk, on your own, to "
    "someone you trust: a doctor, a counsellor, or a local domestic abuse helpline. If anyone "
    "is in danger right now, call your local emergency number.\n\n"
    "Nobody is asked about this in front of the other. It's always on F2."
)

SAFETY_GENTLE = (
    "Some of what was just written sounds like fear or harm. If anyone here feels unsafe, "
    "it's fine to stop. The notice below says where help can be found."
)

TIMEOUT_REMINDER = (
    "Let the argument rest for now. Try not to replay it or plan what to say next; "
    "do something that soothes you, and come back at the time you named."
)

TIMEOUT_WHY = (
    "When feelings run high, the body needs about twenty minutes to settle, "
    "however long it feels."
)

STEP_HELP = {
    "welcome": (
        "Write your two names; Tab moves to the next box, and Left or Right changes a colour. "
        "Enter finishes once both names are in. The names stay on this computer, and you can "
        "change them when you set up any session. Please read the safety note before you start."
    ),
    "home": (
        "Start a new session, pick up one you paused, or look back at what you've agreed. "
        "A time-out (Ctrl+T) works here too, if you just need to breathe."
    ),
    "setup": (
        "Write both names and, in a few words, what this is about. If you like, each of you can "
        "say what you're fighting for, not just about. The defaults are fine to keep."
    ),
    "prepare": (
        "Each of you names what you most need from this conversation, and any boundary you "
        "bring. A boundary comes with what you will do if it's crossed; without that it is a "
        "preference, which is fine too. You can skip this step."
    ),
    "talk": (
        "One of you has the floor and says one thing at a time, about yourself. Then the other "
        "reflects back the feelings and needs they heard, and the speaker says whether it "
        "landed. The floor passes when it has. No solving yet: that comes later."
    ),
    "talk.speaking": (
        "The person named in the banner has the floor. Say one thing at a time, about "
        "yourself: what you feel and what you need. Type it, or say it aloud and type the "
        "gist, then hand over. The other just listens for now."
    ),
    "talk.reflecting": (
        "Now the listener says back what they heard: the feelings and the needs, not a reply "
        "or a defence. Type it, or say it aloud and mark it said. It doesn't need to be "
        "perfect; the speaker can add more."
    ),
    "talk.confirming": (
        "The speaker says whether that landed: that's it, partly (there's more), or not "
        "quite. When it lands, the floor passes to the other person. No solving yet: "
        "that comes later."
    ),
    "sort": (
        "Place each issue that came up in a layer. Foundation: core needs and boundaries, "
        "acknowledged but not bargained. Temperament: how each of you is made, met with "
        "curiosity. Negotiable: roles, chores, time, money logistics, which you'll agree on next."
    ),
    "agree": (
        "For each negotiable issue, first gather ideas from both of you without judging any. "
        "Then write one or more agreements: who does what, when, from when, and how you'll "
        "know it works. Treat each one as an experiment you'll review."
    ),
    "close": (
        "Read each agreement once more. Each of you confirms the ones you stand behind; only "
        "those both confirm are kept. If you like, say one thing you appreciate about the other."
    ),
    "profiles": (
        "Each of you can keep a short profile: the needs at your core, your boundaries (each "
        "with what you will do if it's crossed), and what helps you calm down. Prepare starts "
        "from it, and Sort points out issues that touch it."
    ),
    "appreciate": (
        "A check-in starts with what is good. Each of you says one thing you appreciate about "
        "the other, however small, and types it here."
    ),
    "review": (
        "The agreements whose review date has come. For each: kept if it worked, adjust if it "
        "needs changing (a new conversation about it waits on the home screen), or retire it "
        "if it has done its job."
    ),
    "reflect": (
        "Look back since last time: what felt most meaningful, and where there was friction "
        "and what you'd adjust. If one thing needs a proper talk, take it to the floor."
    ),
    "plan": (
        "Choose the day of your next check-in, and add any ritual you'd like to keep: "
        "something small you do together, daily, weekly or monthly. You confirm rituals at "
        "close, like any agreement."
    ),
    "feelings": (
        "Each of you names how you felt during the fight, in feeling words only. Leave out "
        "the why for now; what happened has its own step next."
    ),
    "accounts": (
        "Each of you tells what happened, from where you stood. The other says back what they "
        "heard, without correcting it. Both accounts can be true at once."
    ),
    "triggers": (
        "What set each of you off? A tone, a word, an old hurt, being tired. Speak for "
        "yourself only."
    ),
    "own": (
        "Each of you names your own part: what you did that you regret. Only your own part, "
        "never the other's."
    ),
    "differently": (
        "One thing each of you will do differently next time. Make them agreements with the "
        "button below, and you both confirm them at close."
    ),
    "done": (
        "Your session is saved. Your agreements are under Agreements on the home screen, "
        "each with the date to look at it again. Well done for seeing it through."
    ),
    "agreements": (
        "Every agreement both of you confirmed, across all your sessions, soonest review "
        "first. Type / to search, f to show only one status, Enter to open one."
    ),
    "agreement-review": (
        "One agreement and its story so far. If it worked, mark it kept and take a moment to "
        "notice what helped. If it has done its job, retire it and say why. If it needs "
        "changing, renegotiate: a new conversation starts from it, and what you agree there "
        "replaces it."
    ),
    "settings": (
        "Choose a dark or a light look; it is remembered. Default turn and time-out lengths, "
        "and the keys, are in the settings file shown here."
    ),
    "read-only": (
        "This session is open in another accord window, so here you can only read it: "
        "nothing you do here changes it. Arrow keys or Page Up/Down scroll; Escape goes back "
        "home. To carry on, use the other window. Once it lets go of the session, this one "
        "offers to open it here (r)."
    ),
    "timeout": (
        "You're taking a break. Breathe with the bar, do something calming, and come back at "
        "the time you named. If you need longer, ask for a specific amount of extra time."
    ),
}

METHOD_GUIDE = (
    "The floor: one person speaks, the other listens and then reflects back what they heard: "
    "feelings and needs, not a reply. 'Did I get that? Is there more?' until there is no more.\n\n"
    "Three layers: some things are part of who we are and what we need to feel safe "
    "(foundation); some are temperament, the way each of us is built; and some are "
    "arrangements we can change (negotiable). Only the last kind becomes an agreement.\n\n"
    "A boundary says what I will do if it's crossed. Without that, it's a wish, and "
    "that's worth saying too.\n\n"
    "Time-outs: either of you can stop at any time, with no last word. Name when you'll "
    "be back: at least twenty minutes, because that's what a flooded body needs.\n\n"
    "Agreements are experiments: small, concrete, with a date to look at them again and "
    "see what worked."
)

STRATEGIC_EMPATHY = (
    "What would need to be true for this to work for both of us?",
    "What are you fighting for here, not just about?",
)

SPEAKER_PROMPT = (
    "Say one thing at a time, about you: what you feel and what you need. "
    "Type it in full, or say it aloud and type the gist."
)

LISTENER_PROMPT = (
    "Reflect back what you heard: the feelings and the needs, not a reply. "
    "Type it, or say it aloud and mark it said."
)
