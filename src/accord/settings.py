"""The settings file: defaults for new sessions, the theme, and the keys.

Loading never fails. Every problem (a misspelt key, a wrong kind of value, a file that is not
TOML) is collected as a sentence naming the key, with a "did you mean" where one fits, and the
default is used instead. Pure Python: no textual, no rich, so it is cheap and easy to test.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from accord.domain.model import MAX_TIMEOUT_MINUTES, MIN_TIMEOUT_MINUTES

#: Environment variable that points accord at another config folder (tests use it too).
CONFIG_DIR_ENV = "ACCORD_CONFIG_DIR"
FILE_NAME = "settings.toml"

THEMES = ("dark", "light")
MIN_TURN_MINUTES, MAX_TURN_MINUTES = 1, 30

#: Every binding a person may change in ``[keymap]``, with what it does (for the docs and the
#: "did you mean"). A test checks this list against the bindings the app really has.
BINDING_IDS: dict[str, str] = {
    "accord.timeout": "call a time-out (works everywhere, even while typing)",
    "accord.help": "help for the current step",
    "accord.safety": "the safety notice",
    "accord.settings": "settings: theme and defaults",
    "accord.quit": "pause and quit",
    "accord.interrupt": "copy the selected text, or with nothing selected pause and quit",
    "session.next": "go on to the next step",
    "session.pause": "pause and go home",
    "home.new": "start a new session",
    "home.resume": "resume the highlighted paused session",
    "home.agreements": "open the agreements review",
    "talk.submit": "hand over the floor / done reflecting",
    "talk.aloud": "I said it aloud",
    "talk.yes": "the reflection landed",
    "talk.partly": "partly: there's more",
    "talk.no": "not quite",
    "talk.move_on": "move on without another reflection",
    "sort.layer1": "put the issue in Foundation",
    "sort.layer2": "put the issue in Temperament",
    "sort.layer3": "put the issue in Negotiable",
    "sort.add": "add a new issue",
    "sort.edit": "edit the issue's words",
    "sort.note": "add a note to the issue",
    "sort.remove": "remove the issue",
    "sort.back": "back to talk",
    "agree.new": "write a new agreement",
    "agree.back": "back to sort",
    "close.back": "back to agree",
    "done.home": "back to the home screen",
    "agreements.home": "back to the home screen",
    "timeout.resume": "we're back: resume",
    "timeout.more": "ask for more time",
    "timeout.pause": "pause: keep the session for later and close accord",
    "home.checkin": "start a check-in",
    "home.repair": "start a repair session",
    "home.profiles": "your profiles: needs, boundaries, what calms you",
    "talk.onward": "in a check-in: go on to planning",
    "agreements.search": "search the agreements",
    "agreements.filter": "show only one status",
    "review.back": "back to the list",
    "readonly.home": "from a session open in another window: back home",
    "readonly.open": "open it here, once the other window has let go of it",
    "review.kept": "mark the agreement kept",
    "review.retire": "retire: take the agreement off the active list, with why",
    "review.renegotiate": "renegotiate: start a conversation from it",
    "review.open": "open its talk: the conversation renegotiating it",
    "review.cancel": "keep the agreement as it was",
    "checkin.kept": "in a check-in: mark kept",
    "checkin.adjust": "in a check-in: adjust (renegotiate later)",
    "checkin.retire": "in a check-in: retire (take it off the active list)",
    "checkin.talk": "in a check-in: talk one thing through",
    "checkin.ritual": "in a check-in: add a new ritual",
    "repair.agreements": "in a repair: make agreements of what you'll do differently",
    "profiles.save": "save the profiles",
    "profiles.back": "back to the home screen",
}

_KEY = re.compile(r"^[a-z0-9_+\-]+$")


@dataclass(frozen=True)
class Settings:
    """What a person can set. The defaults are what accord uses without a file."""

    turn_minutes: int = 2
    timeout_minutes: int = MIN_TIMEOUT_MINUTES
    keep_transcript: bool = True
    theme: str = "dark"
    keymap: dict[str, str] = field(default_factory=dict)


@dataclass
class Loaded:
    """Settings as loaded, where they came from, and what was wrong with the file (if anything)."""

    settings: Settings
    path: Path
    problems: list[str] = field(default_factory=list)


def config_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The config folder: the override, else ``$ACCORD_CONFIG_DIR``, else the user's config
    folder. Only works out the path; nothing is created."""
    if override is not None and str(override) != "":
        return Path(override).expanduser()
    from_env = os.environ.get(CONFIG_DIR_ENV, "")
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("accord", appauthor=False)).expanduser()


def settings_path(folder: str | os.PathLike[str] | None = None) -> Path:
    return config_dir(folder) / FILE_NAME


def _did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else "."


def _kind(value: object) -> str:
    return {bool: "true/false", int: "a number", str: "text", dict: "a table",
            list: "a list", float: "a decimal number"}.get(type(value), type(value).__name__)


def parse(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from a parsed TOML table, and a sentence for every problem found."""
    defaults = Settings()
    problems: list[str] = []
    values: dict[str, Any] = {}
    known = ["turn_minutes", "timeout_minutes", "keep_transcript", "theme", "keymap"]
    for key, value in data.items():
        if key not in known:
            problems.append(f"'{key}' is not a setting{_did_you_mean(key, known)} Ignored.")
            continue
        default = getattr(defaults, key)
        if key in ("turn_minutes", "timeout_minutes"):
            low, high = ((MIN_TURN_MINUTES, MAX_TURN_MINUTES) if key == "turn_minutes"
                         else (MIN_TIMEOUT_MINUTES, MAX_TIMEOUT_MINUTES))
            if type(value) is not int:
                problems.append(f"{key}: expected a whole number of minutes, found "
                                f"{_kind(value)}. Using {default}.")
            elif not low <= value <= high:
                problems.append(f"{key}: {value} is outside {low} to {high} minutes. "
                                f"Using {default}.")
            else:
                values[key] = value
        elif key == "keep_transcript":
            if type(value) is not bool:
                problems.append(f"keep_transcript: expected true or false, found "
                                f"{_kind(value)}. Using {str(default).lower()}.")
            else:
                values[key] = value
        elif key == "theme":
            if not isinstance(value, str) or value not in THEMES:
                shown = f"'{value}'" if isinstance(value, str) else _kind(value)
                hint = _did_you_mean(value, THEMES) if isinstance(value, str) else "."
                problems.append(f"theme: {shown} is not a theme (dark or light){hint} "
                                f"Using '{default}'.")
            else:
                values[key] = value
        elif key == "keymap":
            if not isinstance(value, dict):
                problems.append(f"keymap: expected a table of binding ids and keys, found "
                                f"{_kind(value)}. Using the usual keys.")
                continue
            values[key] = _parse_keymap(value, problems)
    return replace(defaults, **values), problems


def _parse_keymap(table: dict[str, Any], problems: list[str]) -> dict[str, str]:
    keymap: dict[str, str] = {}
    for binding_id, keys in table.items():
        if binding_id not in BINDING_IDS:
            problems.append(f"keymap: '{binding_id}' is not a binding id"
                            f"{_did_you_mean(binding_id, tuple(BINDING_IDS))} Ignored.")
            continue
        parts = [k.strip() for k in keys.split(",")] if isinstance(keys, str) else []
        if not parts or not all(part and _KEY.match(part) for part in parts):
            shown = f"'{keys}'" if isinstance(keys, str) else _kind(keys)
            problems.append(f"keymap.{binding_id}: {shown} is not a key like 'ctrl+t' or "
                            "'f5' (several: 'f5,ctrl+p'). Using the usual key.")
            continue
        keymap[binding_id] = ",".join(parts)
    return keymap


def load(folder: str | os.PathLike[str] | None = None) -> Loaded:
    """Read the settings file. A missing file means the defaults; a bad one is reported."""
    path = settings_path(folder)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Loaded(Settings(), path)
    except (OSError, UnicodeDecodeError) as error:
        return Loaded(Settings(), path, [f"could not be read ({error}). Using the defaults."])
    import tomllib  # only when there is a file: without one, accord starts without a parser

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Loaded(Settings(), path, [f"is not valid TOML ({error}). Using the defaults."])
    settings, problems = parse(data)
    return Loaded(settings, path, problems)


def remember(path: Path, key: str, value: object) -> None:
    """Change one top-level setting in the file, keeping whatever else it says.

    Comments are not kept (TOML writers drop them); a file that is not valid TOML is left
    alone, so a person's half-finished edit is never overwritten.
    """
    import tomllib

    import tomli_w

    from accord.storage.atomic import write_atomic

    data: dict[str, Any] = {}
    if path.exists():
        data = tomllib.loads(path.read_text(encoding="utf-8"))  # raises on a broken file
    data[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, tomli_w.dumps(data).encode("utf-8"))
