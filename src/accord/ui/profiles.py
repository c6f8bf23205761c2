"""Reading and writing the partners' profiles from the screens, without ever crashing."""

from __future__ import annotations

from accord.domain.model import Profile
from accord.storage.store import UnreadableFile


def load_profiles(app) -> list[Profile]:
    """Both profiles, or [] when there are none; an unreadable file is reported, not used."""
    try:
        return app.store.load_profiles()
    except UnreadableFile as problem:
        app.notify(f"Your profiles could not be read, so they are left as they are: {problem}",
                   severity="warning", timeout=8)
        return []


def save_profiles(app, profiles: list[Profile]) -> bool:
    try:
        app.store.save_profiles(profiles)
    except (OSError, UnreadableFile) as error:
        app.notify(f"Could not save your profiles: {error}", severity="error", timeout=8)
        return False
    return True
