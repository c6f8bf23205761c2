"""Schema upgrades: one tested step per version, a backup before the first re-save."""

from __future__ import annotations

import tomllib

import pytest

from accord.storage import codec
from accord.storage.store import Store, UnreadableFile
from accord.storage.upgrades import backup_path
from tests.conftest import pretend_schema_version


def pretend_version_two(monkeypatch):
    """A pretend schema 2 whose one change is a topic without surrounding spaces."""
    pretend_schema_version(monkeypatch, 2)
    monkeypatch.setitem(codec.UPGRADES, 1, lambda data: {**data, "topic": data["topic"].strip()})


def _old_file(store: Store, session_factory) -> tuple[str, bytes]:
    session = session_factory(topic="  The dishes  ")
    path = store.save(session)
    return session.id, path.read_bytes()


def test_an_older_file_is_upgraded_and_backed_up_before_it_is_saved(store, session_factory,
                                                                     monkeypatch):
    session_id, original = _old_file(store, session_factory)
    pretend_version_two(monkeypatch)
    assert tomllib.loads(original.decode())["schema"] == 1
    fresh = Store(store.root)
    session = fresh.load(session_id)
    assert session.topic == "The dishes"  # the upgrade step ran
    path = fresh.session_path(session_id)
    assert path.read_bytes() == original  # loading alone changes nothing
    assert not backup_path(path, 1).exists()
    fresh.save(session)
    backup = backup_path(path, 1)
    assert backup.read_bytes() == original
    assert backup.stat().st_mode & 0o777 == 0o600
    assert not backup.name.endswith(Store.SESSION_SUFFIX)  # never listed as a session
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["schema"] == 2 and saved["topic"] == "The dishes"
    # Saved again: the backup stays the original.
    session.topic = "Something else"
    fresh.save(session)
    assert backup.read_bytes() == original
    assert len(fresh.scan().sessions) == 1


def test_a_newer_file_is_refused_with_a_clear_message(store, session_factory, monkeypatch):
    session_id, _ = _old_file(store, session_factory)
    pretend_schema_version(monkeypatch, 0)  # this accord is older than the file
    with pytest.raises(UnreadableFile) as caught:
        Store(store.root).load(session_id)
    assert "written by a newer accord (schema 1); this one reads up to 0" in str(caught.value)
